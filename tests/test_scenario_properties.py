"""Properties of the scenario engine on random scenarios of the shipped networks (hypothesis)."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

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
    assert result.total_export + result.processed + result.stranded == pytest.approx(sum(result.supply.values()), abs=1e-6)


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
def test_shares_stay_in_the_unit_interval(case):
    key, scenario = case
    net = network(*key)
    result = solve(net, scenario)
    for value in (result.share_via_russia, result.share_via_russian_ports, result.hhi, *result.by_market.values(), *result.by_country.values()):
        assert 0.0 <= value <= 1.0
    assert result.share_via_russian_ports <= result.share_via_russia + 1e-9
    if result.total_export > 0:
        assert sum(result.by_market.values()) == pytest.approx(1.0)


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
