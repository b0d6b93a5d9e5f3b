"""geo.routes.scenario on the toy network of tests/toy_network.py: every figure worked out by hand.

Toy baseline (see toy_network's docstring): e1 = 6, e2 = 4, e3 = 2, e4 = 1, supply at F = 7. Market A
("North market", via a Russian port, RU) receives e2 = 4; market B ("East market", CN) receives e3 + e4 = 3.
"""

from __future__ import annotations

import math
from dataclasses import replace

import numpy as np
import pytest

from geo.data.network_schema import PresetSpec
from geo.errors import GeoError, UnknownIdError
from geo.routes.network import Provenance
from geo.routes.scenario import (
    Scenario,
    _plain,
    capacities,
    check_ids,
    combine,
    committed_volumes,
    compare,
    fit_table,
    preset_scenario,
    run_network,
    scenario_for,
    solve,
    solve_pair,
)
from tests.toy_network import INF, FixedFlow, toy

# --- Scenario ------------------------------------------------------------------------------


@pytest.mark.parametrize("attr", ["capacity", "scale", "commit"])
@pytest.mark.parametrize("bad", [-1.0, math.nan, math.inf])
def test_scenario_rejects_negative_or_non_finite_values(attr, bad):
    with pytest.raises(ValueError, match=f"^{attr}: values must be finite and non-negative, got"):
        Scenario(**{attr: {"trunk": bad}})


def test_scenario_keeps_zero_and_removes_repeated_ids():
    scen = Scenario(off=("a", "b", "a"), use_planned=("c", "c"), scale={"d": 0}, capacity={"e": 2}, commit={"f": 1})
    assert scen.off == ("a", "b")
    assert scen.use_planned == ("c",)
    assert dict(scen.scale) == {"d": 0.0}
    assert scen.ids == {"a", "b", "c", "d", "e", "f"}
    assert not scen.is_empty()
    assert Scenario().is_empty()
    assert Scenario().name == "custom"


def test_unknown_ids_are_named_in_one_error():
    net = toy()
    with pytest.raises(UnknownIdError, match=r"^unknown asset ids: 'nope', 'zzz' \(not in assets.geojson or the network\)$"):
        check_ids(net, Scenario(off=("zzz", "trunk", "nope")))
    with pytest.raises(UnknownIdError, match=r"^unknown asset id: 'nope' "):
        check_ids(net, Scenario(scale={"nope": 1.0}))
    # An asset, an edge id, a node id, and a route id for a commitment are all known.
    check_ids(net, Scenario(off=("trunk", "e3", "P"), commit={"north": 1.0}))
    with pytest.raises(UnknownIdError):
        check_ids(net, Scenario(off=("north",)))


# --- capacities ----------------------------------------------------------------------------


def caps(scenario: Scenario) -> tuple[list[float], list[float], tuple[str, ...]]:
    edge, node, notes = capacities(toy(), scenario)
    return edge.tolist(), node.tolist(), notes


def test_capacities_of_the_baseline_are_the_networks():
    assert caps(Scenario()) == ([10.0, 6.0, 5.0, 2.0], [INF, 8.0, INF, INF], ())


def test_switching_an_asset_off_closes_all_its_edges():
    assert caps(Scenario(off=("trunk",)))[0] == [0.0, 0.0, 5.0, 2.0]
    assert caps(Scenario(off=("e3",)))[0] == [10.0, 6.0, 0.0, 2.0]


def test_switching_a_node_off_closes_every_edge_touching_it():
    edge, node, _ = caps(Scenario(off=("pump",)))
    assert edge == [0.0, 0.0, 0.0, 2.0]
    assert node == [INF, 0.0, INF, INF]


def test_planned_then_absolute_then_scale_then_off():
    assert caps(Scenario(use_planned=("east",)))[0] == [10.0, 6.0, 9.0, 2.0]
    # planned 9, then x 0.5 = 4.5
    assert caps(Scenario(use_planned=("east",), scale={"east": 0.5}))[0] == [10.0, 6.0, 4.5, 2.0]
    # absolute 4 replaces the planned 9, then x 0.5 = 2
    assert caps(Scenario(use_planned=("east",), capacity={"east": 4.0}, scale={"east": 0.5}))[0] == [10.0, 6.0, 2.0, 2.0]
    # off wins over everything
    assert caps(Scenario(capacity={"trunk": 3.0}, off=("e1",)))[0] == [0.0, 3.0, 5.0, 2.0]
    # an absolute capacity on a node
    assert caps(Scenario(capacity={"pump": 3.0}))[1] == [INF, 3.0, INF, INF]


def test_a_zero_factor_closes_even_an_unbounded_node():
    edge, node, _ = caps(Scenario(scale={"F": 0.0, "pump": 2.0}))
    assert node == [0.0, 16.0, INF, INF]
    assert edge == [10.0, 6.0, 5.0, 2.0]


def test_planned_capacity_never_lowers_the_current_one():
    net = toy()
    net = replace(net, edges=(*net.edges[:3], replace(net.edges[3], planned=1.0)))
    edge, _, _ = capacities(net, Scenario(use_planned=("rail",)))
    assert edge.tolist() == [10.0, 6.0, 5.0, 2.0]


def test_using_a_planned_capacity_that_does_not_exist_is_an_error():
    with pytest.raises(GeoError, match=r"^'rail' has no planned capacity"):
        capacities(toy(), Scenario(use_planned=("rail",)))


def test_an_asset_outside_the_network_is_ignored_with_a_note():
    edge, _, notes = caps(Scenario(off=("elsewhere",), use_planned=("elsewhere",), commit={"north": 1.0}))
    assert edge == [10.0, 6.0, 5.0, 2.0]
    assert notes == ("'elsewhere' is not part of the oil network; ignored",)


def test_commitments_sit_on_the_measured_edge_of_their_route():
    out = committed_volumes(toy(), Scenario(commit={"east": 3.0, "e3": 2.0, "e4": 1.5, "elsewhere": 9.0}))
    # east is measured on e3: max(3, 2) = 3; e4 by edge id; an id that is neither is dropped.
    assert out.tolist() == [0.0, 0.0, 3.0, 1.5]


# --- solving -------------------------------------------------------------------------------


def test_the_baseline_by_hand():
    base = solve(toy())
    assert base.scenario == "baseline"
    assert (base.year, base.commodity, base.unit) == (2023, "oil", "Mt/y")
    assert base.total_export == pytest.approx(7.0, abs=1e-9)
    assert base.stranded == 0.0
    # 4 of 7 reach market A through Russia and a Russian port.
    assert base.share_via_russia == pytest.approx(4 / 7, abs=1e-9)
    assert base.share_via_russian_ports == pytest.approx(4 / 7, abs=1e-9)
    assert base.by_market == pytest.approx({"North market": 4 / 7, "East market": 3 / 7}, abs=1e-9)
    assert base.by_country == pytest.approx({"RU": 4 / 7, "CN": 3 / 7}, abs=1e-9)
    # HHI over countries: (4/7)^2 + (3/7)^2 = 25/49.
    assert base.hhi == pytest.approx(25 / 49, abs=1e-9)
    assert base.edge_flows == pytest.approx({"e1": 6.0, "e2": 4.0, "e3": 2.0, "e4": 1.0}, abs=1e-9)
    # An asset's flow is the peak over its edges (trunk: max(6, 4)); a node's is its throughput (pump 6).
    assert base.asset_flows == pytest.approx({"trunk": 6.0, "east": 2.0, "rail": 1.0, "pump": 6.0}, abs=1e-9)
    assert base.supply == pytest.approx({"F": 7.0}, abs=1e-9)
    assert base.stranded_by_supply == {"F": 0.0}
    assert base.observed == {"total": 7.5}
    assert base.processed == 0.0
    assert base.transit == {}
    assert base.rerouting_cost is None
    routes = {r.id: r for r in base.routes}
    assert [r.id for r in base.routes] == ["north", "east", "rail"]
    # Route capacity: the tightest of its edges and end nodes. north: min(e1 10, e2 6, P 8) = 6; east: min(10, 5, 8) = 5.
    assert [(round(r.volume, 9), r.capacity, round(r.baseline, 9), r.observed, r.observed_basis) for r in base.routes] == [
        (4.0, 6.0, 4.0, 4.0, "toy"), (2.0, 5.0, 2.0, 2.0, "toy"), (1.0, 2.0, 1.0, 1.0, "toy")]
    assert routes["north"].name == "North"
    assert routes["north"].asset_flows == pytest.approx({"pump": 6.0, "trunk": 6.0}, abs=1e-9)
    assert routes["rail"].asset_flows == pytest.approx({"rail": 1.0}, abs=1e-9)


def test_an_unbounded_route_has_no_capacity():
    net = toy(node_cap=INF)
    net = replace(net, edges=(replace(net.edges[0], capacity=INF), replace(net.edges[1], capacity=INF), *net.edges[2:]))
    north = solve(net).routes[0]
    assert north.capacity is None


def test_closing_the_trunk_strands_what_rail_cannot_carry():
    base, result = solve_pair(toy(), Scenario(off=("trunk",), name="halt"))
    assert base.total_export == pytest.approx(7.0, abs=1e-9)
    # Only rail (2) is left of 7: 5 stranded, all of it to the East market.
    assert result.scenario == "halt"
    assert result.off == ("trunk",)
    assert result.stranded == pytest.approx(5.0, abs=1e-9)
    assert result.stranded_by_supply == pytest.approx({"F": 5.0}, abs=1e-9)
    assert result.total_export == pytest.approx(2.0, abs=1e-9)
    assert result.share_via_russia == 0.0
    assert result.by_market == pytest.approx({"North market": 0.0, "East market": 1.0}, abs=1e-9)
    assert [(r.id, round(r.volume, 9), round(r.baseline, 9)) for r in result.routes] == [
        ("north", 0.0, 4.0), ("east", 0.0, 2.0), ("rail", 2.0, 1.0)]
    # Routes through a closed edge have capacity 0.
    assert [r.capacity for r in result.routes] == [0.0, 0.0, 2.0]
    assert result.rerouting_cost is not None


def test_closing_the_russian_leg_reroutes_everything():
    result = solve(toy(), Scenario(off=("e2",)))
    # e3 5 + e4 2 = 7: nothing stranded, nothing via Russia, one market left.
    assert result.stranded == 0.0
    assert result.total_export == pytest.approx(7.0, abs=1e-9)
    assert result.share_via_russia == 0.0
    assert result.share_via_russian_ports == 0.0
    assert result.hhi == pytest.approx(1.0, abs=1e-9)
    assert result.edge_flows == pytest.approx({"e1": 5.0, "e2": 0.0, "e3": 5.0, "e4": 2.0}, abs=1e-9)


def test_an_empty_scenario_is_the_baseline_itself():
    base, same = solve_pair(toy(), Scenario())
    assert same is base
    base2, none = solve_pair(toy(), None)
    assert none is base2


def test_a_commitment_that_does_not_fit_is_noted():
    result = solve(toy(), Scenario(commit={"east": 20.0}))
    # e3 holds 5 of the 20 committed.
    assert "committed 20 Mt/y on e3: only 5.000 fits" in result.notes
    assert result.stranded == 0.0
    met = solve(toy(), Scenario(commit={"east": 3.0}))
    assert not [n for n in met.notes if n.startswith("committed")]
    assert met.edge_flows["e3"] == pytest.approx(3.0, abs=1e-9)


def test_a_transit_flow_is_reported_and_takes_capacity_first():
    net = toy(fixed=(FixedFlow("t", "transit", "Transit", 3.0, ("e1", "e2"), "toy"),))
    base = solve(net)
    # e2 has 6 - 3 = 3 left for the north target of 4: north 3, east 2, rail 1 = 6 exported.
    assert base.transit == {"t": 3.0}
    assert base.fixed_flows == {"t": 3.0}
    assert base.total_export == pytest.approx(6.0, abs=1e-9)
    assert base.routes[0].volume == pytest.approx(3.0, abs=1e-9)
    domestic = solve(toy(fixed=(FixedFlow("d", "domestic", "Refinery", 1.0, ("e4",), "toy"),)))
    assert domestic.transit == {}
    assert domestic.fixed_flows == {"d": 1.0}


def test_capacities_carried_back_are_noted_once():
    net = toy()
    late = Provenance(year=2024, source="s", carried_back=True)
    net = replace(net, edges=(*net.edges[:2], replace(net.edges[2], provenance=late), replace(net.edges[3], provenance=late)),
                  nodes=(net.nodes[0], replace(net.nodes[1], provenance=Provenance(year=2025, carried_back=True)), *net.nodes[2:]))
    notes = [n for n in solve(net).notes if n.startswith("assumption")]
    assert notes == ["assumption: capacities published for later years carried back to 2023: east (2024), pump (2025), rail (2024)"]
    assert not [n for n in solve(toy()).notes if n.startswith("assumption")]


# --- presets, combining, tables ----------------------------------------------------------


def preset(**extra) -> PresetSpec:
    return PresetSpec.model_validate({"id": "halt", "title": "Halt", "description": "d", "sources": ["s"]} | extra)


def test_a_preset_switches_off_the_flagged_assets_of_this_network():
    net = toy()
    scen = preset_scenario(preset(switch_off_if=["crosses_russia"], scale={"east": 2.0}), net)
    # trunk crosses Russia; 'elsewhere' is not in the network's edges or nodes.
    assert scen.off == ("trunk",)
    assert dict(scen.scale) == {"east": 2.0}
    assert scen.name == "halt"
    assert dict(scen.commit) == {}


def test_a_preset_applies_its_commitments_only_when_asked():
    spec = preset(switch_off=["e2"], commit=[{"route": "east", "value": 3.0, "source": "s"},
                                               {"route": "gone", "value": 1.0, "source": "s"}])
    assert dict(preset_scenario(spec, toy()).commit) == {}
    scen = preset_scenario(spec, toy(), committed=True)
    assert dict(scen.commit) == {"east": 3.0}
    assert scen.name == "halt+committed"


def test_combine_lets_the_second_win_and_names_both():
    a = Scenario(off=("x",), capacity={"p": 1.0, "q": 2.0}, scale={"s": 0.5}, name="a", commit={"c": 1.0})
    b = Scenario(off=("y",), capacity={"q": 3.0}, use_planned=("u",), name="b", commit={"c": 2.0})
    both = combine(a, b)
    assert both.off == ("x", "y")
    assert dict(both.capacity) == {"p": 1.0, "q": 3.0}
    assert dict(both.scale) == {"s": 0.5}
    assert both.use_planned == ("u",)
    assert dict(both.commit) == {"c": 2.0}
    assert both.name == "a+b"
    assert combine(Scenario(name="a"), b).name == "b"
    assert combine(Scenario(name="a"), Scenario(name="b")).name == "baseline"


def test_scenario_for_adds_explicit_changes_to_the_preset():
    net = toy()
    scen = scenario_for(net, [preset(switch_off=["e2"])], preset="halt", off=["rail"], capacity={"east": 4.0}, scale={"pump": 0.5},
                        use_planned=["east"])
    assert scen.off == ("e2", "rail")
    assert dict(scen.capacity) == {"east": 4.0}
    assert dict(scen.scale) == {"pump": 0.5}
    assert scen.use_planned == ("east",)
    # The explicit changes are a scenario of their own ("custom") added to the preset.
    assert scen.name == "halt+custom"
    assert scenario_for(net, [preset(switch_off=["e2"])], preset="halt").name == "halt"
    assert scenario_for(net, [], off=["rail"]).name == "custom"
    with pytest.raises(UnknownIdError, match=r"^unknown preset 'nope'; known presets: halt$"):
        scenario_for(net, [preset(switch_off=["e2"])], preset="nope")


def test_run_network_returns_the_baseline_and_the_preset():
    base, result = run_network(toy(), [preset(switch_off=["trunk"])], preset="halt")
    assert base.scenario == "baseline"
    assert result.scenario == "halt"
    assert result.stranded == pytest.approx(5.0, abs=1e-9)
    _, committed = run_network(toy(), [preset(switch_off=["e2"], commit=[{"route": "rail", "value": 2.0, "source": "s"}])],
                               preset="halt", committed=True)
    assert committed.scenario == "halt+committed"


def test_compare_puts_baseline_and_scenario_side_by_side():
    base, result = solve_pair(toy(), Scenario(off=("trunk",)))
    frame = compare(base, result).set_index("id")
    assert list(frame.columns) == ["section", "label", "unit", "baseline", "scenario", "change"]
    assert frame.loc["total_export", ["baseline", "scenario", "change"]].tolist() == pytest.approx([7.0, 2.0, -5.0], abs=1e-9)
    assert frame.loc["stranded", "change"] == pytest.approx(5.0, abs=1e-9)
    assert frame.loc["share_via_russia", "change"] == pytest.approx(-4 / 7, abs=1e-9)
    assert frame.loc["rail", ["section", "baseline", "scenario"]].tolist() == pytest.approx(["route", 1.0, 2.0], abs=1e-9)
    assert frame.loc["North market", "scenario"] == 0.0
    assert frame.loc["total_export", "unit"] == "Mt/y (2023)"
    assert frame.loc["share_via_russia", "unit"] == "share"
    assert frame.loc["transit", "baseline"] == 0.0


def test_fit_table_compares_routes_and_aggregates():
    frame = fit_table(solve(toy())).set_index("id")
    assert list(frame.index) == ["north", "east", "rail", "total"]
    # total: modelled 7 against 7.5 observed: (7 - 7.5) / 7.5 = -1/15.
    assert frame.loc["total", "deviation"] == pytest.approx(-1 / 15, abs=1e-9)
    assert frame.loc["total", "name"] == "total (aggregate)"
    assert frame.loc["north", "deviation"] == pytest.approx(0.0, abs=1e-9)
    assert frame.loc["rail", "basis"] == "toy"


def test_fit_table_modelled_avoiding_ports():
    base = solve(replace(toy(), observed={"avoiding-russian-ports": 4.0, "ignored": 1.0}))
    frame = fit_table(base).set_index("id")
    # Avoiding Russian ports: 7 * (1 - 4/7) = 3, against 4 observed: -0.25.
    assert frame.loc["avoiding-russian-ports", "modelled"] == pytest.approx(3.0, abs=1e-9)
    assert frame.loc["avoiding-russian-ports", "deviation"] == pytest.approx(-0.25, abs=1e-9)
    assert "ignored" not in frame.index


def test_results_serialise_rounded_and_with_unbounded_as_none():
    assert _plain({"a": [1.23456789, math.inf], "b": (math.nan, "x", 2)}) == {"a": [1.234568, None], "b": [None, "x", 2]}
    data = solve(toy()).to_dict()
    assert data["share_via_russia"] == round(4 / 7, 6)
    assert data["routes"][0]["id"] == "north"


def test_off_accepts_ids_of_numpy_indexing_edge_cases():
    # Switching off a node that no edge leaves closes only its incoming edges.
    edge, node, _ = capacities(toy(), Scenario(off=("A",)))
    assert edge.tolist() == [10.0, 0.0, 5.0, 2.0]
    assert node.tolist() == [INF, 8.0, 0.0, INF]
    assert np.isinf(node[0])


def test_compare_rows_and_labels():
    base, result = solve_pair(toy(), Scenario(off=("trunk",)))
    frame = compare(base, result)
    assert [tuple(r) for r in frame[["section", "id", "label", "unit"]].itertuples(index=False)] == [
        ("summary", "total_export", "Total exports", "Mt/y (2023)"),
        ("summary", "stranded", "Stranded (cannot be exported)", "Mt/y (2023)"),
        ("summary", "share_via_russia", "Share via Russian territory or ports", "share"),
        ("summary", "share_via_russian_ports", "Share via Russian ports", "share"),
        ("summary", "hhi", "Diversification (HHI over transit countries)", "index"),
        ("other", "processed", "Sent for processing abroad (not exports)", "Mt/y (2023)"),
        ("other", "transit", "Transit carried for other countries", "Mt/y (2023)"),
        ("market", "North market", "North market", "share"),
        ("market", "East market", "East market", "share"),
        ("route", "north", "North", "Mt/y (2023)"),
        ("route", "east", "East", "Mt/y (2023)"),
        ("route", "rail", "Rail", "Mt/y (2023)"),
    ]
    # HHI: the baseline's 25/49 against 1 (one country left).
    hhi = frame.set_index("id").loc["hhi"]
    assert [hhi["baseline"], hhi["scenario"]] == pytest.approx([25 / 49, 1.0], abs=1e-9)


def test_compare_fills_markets_and_routes_missing_on_one_side_with_zero():
    base, result = solve_pair(toy(), Scenario(off=("trunk",)))
    base = replace(base, by_market={"Only before": 0.5}, routes=[])
    result = replace(result, by_market={"Only after": 1.0})
    frame = compare(base, result).set_index("id")
    assert frame.loc["Only before", ["baseline", "scenario"]].tolist() == [0.5, 0.0]
    assert frame.loc["Only after", ["baseline", "scenario"]].tolist() == [0.0, 1.0]
    # Routes come from the scenario; one the baseline lacks starts from 0: rail 0 -> 2.
    assert frame.loc["rail", ["baseline", "scenario"]].tolist() == pytest.approx([0.0, 2.0], abs=1e-9)


def test_a_supply_node_with_an_asset_reports_what_leaves_it():
    net = toy()
    net = replace(net, nodes=(replace(net.nodes[0], asset="field"), *net.nodes[1:]))
    # Nothing arrives at F; 7 leave it (e1 6 + e4 1).
    assert solve(net).asset_flows["field"] == pytest.approx(7.0, abs=1e-9)


def test_commitments_apply_only_when_asked():
    spec = preset(switch_off=["e2"], commit=[{"route": "east", "value": 3.0, "source": "s"}])
    assert dict(scenario_for(toy(), [spec], preset="halt").commit) == {}
    assert run_network(toy(), [spec], preset="halt")[1].scenario == "halt"
    with pytest.raises(UnknownIdError, match=r"known presets: halt, other$"):
        scenario_for(toy(), [spec, preset(id="other", switch_off=["e3"])], preset="nope")


def test_run_network_passes_every_change_on():
    # Capacity of east cut to 1 with e2 off: 1 by e3 + 2 by rail = 3 of 7, so 4 stranded.
    _, result = run_network(toy(), [], off=["e2"], capacity={"east": 1.0})
    assert result.stranded == pytest.approx(4.0, abs=1e-9)
    # Scale east by 0.2 (5 -> 1) instead: the same.
    assert run_network(toy(), [], off=["e2"], scale={"east": 0.2})[1].stranded == pytest.approx(4.0, abs=1e-9)
    # Planned east (9) with e2 off: 7 all fit by e3.
    assert run_network(toy(), [], off=["e2"], use_planned=["east"])[1].stranded == 0.0
