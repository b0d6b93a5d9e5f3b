"""Helpers shared by the scenario tests: cached networks, an independent max-flow, the CLI."""

from __future__ import annotations

import functools
import subprocess
import sys

import networkx as nx
import numpy as np

from geo.data import load
from geo.routes.linear_program import Limits, limits
from geo.routes.network import Network, build_network
from geo.routes.scenario import Scenario, capacities
from tests.conftest import DATA, ROOT

YEARS = (2022, 2023, 2024)
COMMODITIES = ("oil", "gas")
TOL = 1e-6


@functools.cache
def tables():
    return load.load_assets(DATA), load.load_flows(DATA), load.load_network(DATA)


@functools.cache
def network(year: int, commodity: str) -> Network:
    assets, flows, spec = tables()
    return build_network(assets, flows, spec, year=year, commodity=commodity)


def limits_of(net: Network, scenario: Scenario) -> Limits:
    edge, node, _ = capacities(net, scenario)
    return limits(net, edge, node)


def max_export(net: Network, lim: Limits, supply: dict[str, float]) -> float:
    """Most that can reach the markets (exports and processing), by networkx's max-flow (independent of the LP)."""
    graph = nx.DiGraph()
    for i, n in enumerate(net.nodes):
        attrs = {"capacity": float(lim.node[i])} if np.isfinite(lim.node[i]) else {}
        graph.add_edge(("in", n.id), ("out", n.id), **attrs)
        if n.kind == "market":
            graph.add_edge(("out", n.id), "sink")
    for i, e in enumerate(net.edges):
        attrs = {"capacity": float(lim.edge[i])} if np.isfinite(lim.edge[i]) else {}
        # Parallel edges between the same nodes go through a midpoint of their own.
        graph.add_edge(("out", e.source), ("edge", e.id), **attrs)
        graph.add_edge(("edge", e.id), ("in", e.target))
    for node_id, volume in supply.items():
        graph.add_edge("source", ("in", node_id), capacity=volume)
    return nx.maximum_flow_value(graph, "source", "sink")


def run_cli(*args: str) -> subprocess.CompletedProcess:
    """Run the real entry point ``python -m geo ARGS`` (no stand-in: a missing sub-command fails)."""
    return subprocess.run([sys.executable, "-m", "geo", *args], cwd=ROOT, capture_output=True, text=True, check=False)
