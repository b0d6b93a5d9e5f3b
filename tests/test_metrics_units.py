"""metrics.share and the volume per country of the 2023 baseline, by hand."""

from __future__ import annotations

import numpy as np
import pytest

from geo.routes.metrics import exposure, share
from geo.routes.scenario import solve
from tests.scenario_helpers import network


@pytest.mark.parametrize(("part", "whole", "expected"), [
    (3.0, 4.0, 0.75),
    (0.5, 0.8, 0.625),  # a whole below 1 is still a whole
    (1.0, 0.0, 0.0),  # nothing moved
    (1.5, 1.0, 1.0),  # clipped at 1
    (-1.0, 4.0, 0.0),  # clipped at 0
])
def test_share(part, whole, expected):
    assert share(part, whole) == expected


def test_volume_per_country_2023_by_hand():
    net = network(2023, "oil")
    base = solve(net)
    exp = exposure(net, np.array([base.edge_flows[e.id] for e in net.edges]))
    # flows.csv 2023: Aktau-Baku 1.392 lands in AZ and goes on by BTC 1.057 (GE, TR) and rail to Batumi
    # 1.392 - 1.057 = 0.335 (GE): GE = 1.057 + 0.335 = 1.392. Druzhba 0.993 crosses BY and PL to DE;
    # KCP 1.209 to CN. RU: 69.785 - (KCP 1.209 + Aktau-Baku 1.392) = 67.184.
    expected = {"AZ": 1.392, "BY": 0.993, "CN": 1.209, "DE": 0.993, "GE": 1.392, "PL": 0.993, "RU": 67.184, "TR": 1.057}
    assert exp.by_country == pytest.approx(expected, abs=1e-6)


def test_exposure_of_the_toy_network_with_the_supply_node_last():
    from dataclasses import replace

    from geo.routes.network import Edge, Node
    from tests.toy_network import toy

    net = toy()
    # Supply last (no edge arrives at it), and a processing market O fed by F over e5.
    nodes = (*net.nodes[1:], Node("O", "market", "Processing plant", processing=True, countries=frozenset({"RU"}), via_russia=True),
             net.nodes[0])
    net = replace(net, nodes=nodes, edges=(*net.edges, Edge("e5", "F", "O", capacity=3.0)))
    # Flows by hand: e1 6, e2 4 (to A, via a Russian port), e3 2 and e4 1 (to B, CN), e5 3 (to processing).
    exp = exposure(net, np.array([6.0, 4.0, 2.0, 1.0, 3.0]))
    assert exp.total == 7.0  # the 3 processed are not exports
    assert exp.processed == 3.0
    assert exp.by_market == {"North market": 4.0, "East market": 3.0}
    assert (exp.via_russia, exp.via_russian_ports) == (4.0, 4.0)
    assert exp.by_country == {"CN": 3.0, "RU": 4.0}
    # HHI over countries: (3/7)^2 + (4/7)^2 = 25/49.
    assert exp.hhi == pytest.approx(25 / 49, abs=1e-12)


def test_mixing_at_a_node_passes_shares_on_in_proportion():
    from geo.routes.network import Edge, Network, Node

    # S1 -(RU)-> J <- S2 ; J -> M. 3 arrive at J via Russia and 1 not: of the 4 leaving, 3 passed Russia.
    nodes = (Node("S1", "supply", "S1"), Node("S2", "supply", "S2"), Node("J", "junction", "J"), Node("M", "market", "M"))
    edges = (Edge("a", "S1", "J", countries=frozenset({"RU"}), via_russia=True), Edge("b", "S2", "J"), Edge("c", "J", "M"))
    exp = exposure(Network(2023, "oil", "Mt/y", "KZ", nodes, edges), np.array([3.0, 1.0, 4.0]))
    assert exp.via_russia == pytest.approx(3.0, abs=1e-12)
    assert exp.via_russian_ports == 0.0
    assert exp.by_country == pytest.approx({"RU": 3.0}, abs=1e-12)
