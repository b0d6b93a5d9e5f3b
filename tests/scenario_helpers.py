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
    """Most that can reach the markets, by networkx's max-flow (independent of the LP)."""
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


def cli_wired() -> bool:
    """Whether ``python -m geo`` already knows the ``scenario`` command."""
    return _wired()


@functools.cache
def _wired() -> bool:
    result = subprocess.run([sys.executable, "-m", "geo", "scenario", "--help"], cwd=ROOT, capture_output=True, text=True, check=False)
    return result.returncode == 0


#: Stands in for geo.cli.main until cli_scenario.register is wired into it (same error handling).
HARNESS = """
import argparse, sys
from pathlib import Path
from geo.cli import scenario as cli_scenario
from geo.errors import DataError, GeoError
parser = argparse.ArgumentParser(prog="python -m geo")
parser.add_argument("--data-dir", type=Path, default=None)
sub = parser.add_subparsers(dest="command", required=True)
cli_scenario.register(sub)
args = parser.parse_args(sys.argv[1:])
try:
    sys.exit(args.func(args))
except DataError as exc:
    for p in exc.problems:
        print(f"ERROR {p}", file=sys.stderr)
    sys.exit(1)
except GeoError as exc:
    print(f"ERROR {exc}", file=sys.stderr)
    sys.exit(2)
"""


def run_cli(*args: str) -> subprocess.CompletedProcess:
    """Run ``python -m geo ARGS`` (or the stand-in harness before it is wired)."""
    command = [sys.executable, "-m", "geo", *args] if cli_wired() else [sys.executable, "-c", HARNESS, *args]
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
