"""Properties of the scenario engine on random scenarios of the shipped networks (hypothesis)."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from geo.routes.metrics import exposure
from geo.routes.scenario import Scenario, solve
from tests.scenario_helpers import COMMODITIES, TOL, YEARS, limits_of, max_export, network

SETTINGS = settings(max_examples=40, deadline=None, derandomize=True)


def switchable(year: int, commodity: str) -> list[str]:
    net = network(year, commodity)
    return sorted({e.asset for e in net.edges if e.asset} | {n.asset for n in net.nodes if n.asset})


@st.composite
def cases(draw):
    year, commodity = draw(st.sampled_from(YEARS)), draw(st.sampled_from(COMMODITIES))
    ids = switchable(year, commodity)
    off = draw(st.lists(st.sampled_from(ids), max_size=4, unique=True))
    scale = draw(st.dictionaries(st.sampled_from(ids), st.floats(0, 2), max_size=3))
    capacity = draw(st.dictionaries(st.sampled_from(ids), st.floats(0, 80), max_size=2))
    planned = [i for i in ids if any((e.asset == i and e.planned is not None) for e in network(year, commodity).edges)
               or any((n.asset == i and n.planned is not None) for n in network(year, commodity).nodes)]
    use_planned = draw(st.lists(st.sampled_from(planned), max_size=3, unique=True)) if planned else []
    # The network itself stays out of the example (its repr is large): tests look it up.
    return (year, commodity), Scenario(off=tuple(off), scale=scale, capacity=capacity, use_planned=tuple(use_planned))


@SETTINGS
@given(cases())
def test_flows_respect_capacities(case):
    key, scenario = case
    net = network(*key)
    result = solve(net, scenario)
    lim = limits_of(net, scenario)
    flow = np.array([result.edge_flows[e.id] for e in net.edges])
    assert (flow >= 0).all()
    assert (flow <= lim.edge + TOL).all()
    throughput = np.bincount(net.tail, weights=flow, minlength=len(net.nodes))
    assert (throughput <= lim.node + TOL).all()


@SETTINGS
@given(cases())
def test_flow_is_conserved_at_every_node(case):
    key, scenario = case
    net = network(*key)
    result = solve(net, scenario)
    flow = np.array([result.edge_flows[e.id] for e in net.edges])
    balance = np.bincount(net.tail, weights=flow, minlength=len(net.nodes)) - np.bincount(net.head, weights=flow, minlength=len(net.nodes))
    for i, node in enumerate(net.nodes):
        if node.kind == "supply":
            assert balance[i] == pytest.approx(result.supply[node.id] - result.stranded_by_supply[node.id], abs=1e-6)
        elif node.kind != "market":
            assert balance[i] == pytest.approx(0.0, abs=1e-6), node.id


@SETTINGS
@given(cases(), st.data())
def test_switching_an_asset_off_never_increases_exports(case, data):
    key, scenario = case
    net = network(*key)
    extra = data.draw(st.sampled_from(switchable(net.year, net.commodity)))
    before = solve(net, scenario)
    after = solve(net, Scenario(off=(*scenario.off, extra), scale=scenario.scale, capacity=scenario.capacity, use_planned=scenario.use_planned))
    assert after.total_export <= before.total_export + 1e-6
    assert after.stranded >= before.stranded - 1e-6


@SETTINGS
@given(cases())
def test_exposure_volumes_never_exceed_the_exports(case):
    key, scenario = case
    net = network(*key)
    result = solve(net, scenario)
    # The shares are clamped to [0, 1] (metrics.share), which would hide a volume via Russia of 1.3 x the
    # total: check the unclamped volumes of the exposure instead.
    exp = exposure(net, np.array([result.edge_flows[e.id] for e in net.edges]))
    assert exp.total == pytest.approx(result.total_export)
    assert 0.0 <= exp.via_russian_ports <= exp.via_russia + 1e-9
    assert exp.via_russia <= exp.total + 1e-6
    for country, volume in exp.by_country.items():
        assert -1e-9 <= volume <= exp.total + 1e-6, country
    assert sum(exp.by_market.values()) == pytest.approx(exp.total, abs=1e-6)
    assert 0.0 <= result.hhi <= 1.0


@SETTINGS
@given(cases())
def test_the_same_scenario_gives_the_same_answer(case):
    key, scenario = case
    net = network(*key)
    assert solve(net, scenario).to_dict() == solve(net, scenario).to_dict()


@SETTINGS
@given(cases())
def test_exports_are_the_maximum_flow(case):
    key, scenario = case
    net = network(*key)
    result = solve(net, scenario)
    assert result.total_export + result.processed == pytest.approx(max_export(net, limits_of(net, scenario), result.supply), abs=1e-5)
