"""The route network and scenario engine: baseline fit, known scenarios, errors, CLI, data checks."""

from __future__ import annotations

import json
import math

import pytest
import yaml

from geo.data import load
from geo.errors import DataError, GeoError, UnknownIdError
from geo.routes import checks as netcheck
from geo.routes.network import build_network
from geo.routes.scenario import Scenario, compare, fit_table, preset_scenario, solve
from geo.workspace import Workspace
from tests.conftest import DATA
from tests.scenario_helpers import COMMODITIES, YEARS, limits_of, max_export, network, run_cli, tables

FLOWS = load.load_flows(DATA)
PRESETS = {p.id: p for p in load.load_scenarios(DATA)}


# --- data ----------------------------------------------------------------------------


def test_network_and_presets_pass_their_checks():
    assert netcheck.network_problems(DATA) == []


@pytest.mark.parametrize("commodity", COMMODITIES)
@pytest.mark.parametrize("year", YEARS)
def test_every_year_builds(year, commodity):
    net = network(year, commodity)
    assert net.unit == ("Mt/y" if commodity == "oil" else "bcm/y")
    assert {"supply", "market"} <= {n.kind for n in net.nodes}


def test_unknown_year_or_commodity_is_refused():
    assets, flows, spec = tables()
    with pytest.raises(UnknownIdError, match="2019"):
        build_network(assets, flows, spec, year=2019, commodity="oil")
    with pytest.raises(UnknownIdError, match="coal"):
        build_network(assets, flows, spec, year=2023, commodity="coal")


# --- baseline ------------------------------------------------------------------------


def primary_exports(year: int, commodity: str):
    rows = FLOWS[(FLOWS["year"] == year) & (FLOWS["commodity"] == commodity) & FLOWS["primary"]
                 & (FLOWS["flow_type"] == "export") & (FLOWS["origin"] == "KZ")]
    return {r.route: r.volume_norm for r in rows.itertuples()}


@pytest.mark.parametrize("year", YEARS)
def test_capacities_admit_the_observed_route_volumes(year):
    base = solve(network(year, "oil"))
    routes = {r.id: r.volume for r in base.routes}
    observed = {k: v for k, v in primary_exports(year, "oil").items() if k in routes}
    assert observed, "no observed route volumes for this year"
    for route, volume in observed.items():
        assert routes[route] == pytest.approx(volume, rel=0.05), route


@pytest.mark.parametrize("commodity", COMMODITIES)
@pytest.mark.parametrize("year", YEARS)
def test_capacities_admit_every_target(year, commodity):
    base = solve(network(year, commodity))
    fit = fit_table(base)
    routes = fit[~fit["name"].str.endswith("(aggregate)")]
    major = routes[routes["observed"] >= 1.0]
    assert (major["deviation"].abs() <= 0.05).all(), major
    assert ((routes["modelled"] - routes["observed"]).abs() <= 0.05 * routes["observed"].clip(lower=1.0)).all()
    # (The baseline's stranded volume is zero by construction, so it is not asserted here.)


@pytest.mark.parametrize("year", (2022, 2023))
def test_baseline_total_is_close_to_the_reported_total(year):
    # Rail (0.4 Mt in 2022) and other small outlets are not modelled.
    base = solve(network(year, "oil"))
    assert base.total_export == pytest.approx(primary_exports(year, "oil")["total"], rel=0.02)


def test_fixed_transit_takes_its_share_of_the_china_pipeline():
    net = network(2023, "oil")
    transit = FLOWS.query("year == 2023 and flow_type == 'transit' and route == 'kcp' and origin == 'RU' and primary").volume_norm.item()
    kcp = next(r for r in solve(net).routes if r.id == "kcp")
    atasu = next(e for e in net.edges if e.id == "kcp-atasu-alashankou")
    assert kcp.capacity == pytest.approx(atasu.capacity - transit)


# --- scenarios -----------------------------------------------------------------------


def spare(net, base, lim, *, edge: str | None = None, node: str | None = None) -> float:
    if edge is not None:
        return float(lim.edge[net.edge_index[edge]]) - base.edge_flows[edge]
    leaving = sum(base.edge_flows[e.id] for e in net.edges if e.source == node)
    return float(lim.node[net.node_index[node]]) - leaving


def room_for_western_crude(net, base, lim) -> float:
    """Spare capacity for western crude outside CPC: Atyrau-Samara, the Caspian ports, east on the KCP, rail."""
    east = min(spare(net, base, lim, edge=e) for e in ("kcp-atyrau-kenkiyak", "kcp-kenkiyak-kumkol", "kcp-kumkol-atasu", "kcp-atasu-alashankou"))
    rail = spare(net, base, lim, edge="rail-kz-unpublished")
    return spare(net, base, lim, edge="uas") + spare(net, base, lim, node="aktau") + spare(net, base, lim, node="kuryk") + east + rail


@pytest.mark.parametrize("year", YEARS)
def test_cpc_off_strands_what_cpc_carried_less_the_spare_elsewhere(year):
    net = network(year, "oil")
    base, lim = solve(net), limits_of(net, Scenario())
    expected = base.edge_flows["cpc"] - room_for_western_crude(net, base, lim)
    result = solve(net, Scenario(off=("cpc",)))
    assert result.stranded == pytest.approx(expected, abs=0.01)
    assert result.total_export == pytest.approx(base.total_export - expected, abs=0.01)
    assert next(r for r in result.routes if r.id == "cpc").volume == 0


@pytest.mark.parametrize("commodity", COMMODITIES)
@pytest.mark.parametrize("year", YEARS)
@pytest.mark.parametrize("preset", list(PRESETS))
def test_presets_export_the_maximum_possible(preset, year, commodity):
    net = network(year, commodity)
    scenario = preset_scenario(PRESETS[preset], net)
    result = solve(net, scenario)
    assert result.total_export + result.processed == pytest.approx(max_export(net, limits_of(net, scenario), result.supply), abs=1e-5)
    assert result.total_export + result.processed + result.stranded == pytest.approx(sum(result.supply.values()), abs=1e-6)


@pytest.mark.parametrize("commodity", COMMODITIES)
@pytest.mark.parametrize("year", YEARS)
def test_without_russian_transit_nothing_goes_via_russia(year, commodity):
    net = network(year, commodity)
    result = solve(net, preset_scenario(PRESETS["no-russia-transit"], net))
    assert result.share_via_russia == 0
    assert result.share_via_russian_ports == 0
    assert "RU" not in result.by_country


def test_expansions_help_when_cpc_is_off():
    net = network(2023, "oil")
    halted = solve(net, Scenario(off=("cpc",)))
    expanded = solve(net, preset_scenario(PRESETS["cpc-halted-alternatives-expanded"], net))
    assert expanded.stranded < halted.stranded
    btc = next(r for r in expanded.routes if r.id == "btc")
    assert btc.volume == pytest.approx(7.0)  # the 2027 target binds


def test_capacity_alone_leaves_the_baseline_routing_in_place():
    net = network(2023, "oil")
    base = solve(net)
    result = solve(net, preset_scenario(PRESETS["china-expanded"], net))
    assert result.edge_flows == pytest.approx(base.edge_flows)
    kcp = next(r for r in result.routes if r.id == "kcp-atyrau-kenkiyak")
    assert kcp.capacity > next(r for r in base.routes if r.id == "kcp-atyrau-kenkiyak").capacity


def test_capacity_and_scale_resize_an_asset():
    net = network(2023, "oil")
    base = solve(net)
    cpc = net.edges[net.edge_index["cpc"]].capacity
    halved = solve(net, Scenario(scale={"cpc": 0.5}))
    room = room_for_western_crude(net, base, limits_of(net, Scenario()))
    assert halved.edge_flows["cpc"] == pytest.approx(cpc / 2)
    assert halved.stranded == pytest.approx(max(0.0, base.edge_flows["cpc"] - cpc / 2 - room), abs=0.01)
    set_to = solve(net, Scenario(capacity={"cpc": 40.0}))
    assert set_to.edge_flows["cpc"] == pytest.approx(40.0)


def test_unknown_ids_are_refused_by_name():
    net = network(2023, "oil")
    with pytest.raises(UnknownIdError, match=r"'nope'.*'zzz'"):
        solve(net, Scenario(off=("zzz", "cpc", "nope")))
    with pytest.raises(UnknownIdError, match="'nope'"):
        solve(net, Scenario(capacity={"nope": 1.0}))
    with pytest.raises(UnknownIdError, match="unknown preset 'nope'"):
        Workspace.open(DATA).solve(2023, "oil", preset="nope")


def test_planned_capacity_must_exist():
    with pytest.raises(GeoError, match="'uas' has no planned capacity"):
        solve(network(2023, "oil"), Scenario(use_planned=("uas",)))


def test_assets_of_the_other_network_are_noted_not_refused():
    result = solve(network(2023, "gas"), Scenario(off=("cpc",)))
    assert any("'cpc'" in n for n in result.notes)
    assert result.stranded == 0


def test_bad_scenario_values_are_refused():
    with pytest.raises(ValueError, match="non-negative"):
        Scenario(capacity={"cpc": -1.0})
    with pytest.raises(ValueError, match="finite"):
        Scenario(scale={"cpc": math.inf})


def test_run_returns_baseline_and_scenario_and_compare_tabulates_them():
    base, result = Workspace.open(DATA).solve(2023, "oil", preset="cpc-halted", off=["btc"], capacity={"uas": 20.0})
    assert base.scenario == "baseline"
    assert result.scenario == "cpc-halted+custom"
    assert set(result.off) == {"cpc", "btc"}
    assert result.edge_flows["btc"] == 0
    assert result.edge_flows["uas"] == pytest.approx(20.0)
    frame = compare(base, result)
    assert list(frame.columns) == ["section", "id", "label", "unit", "baseline", "scenario", "change"]
    row = frame.set_index("id").loc["stranded"]
    assert row["baseline"] == 0 and row["change"] == pytest.approx(result.stranded)


def test_result_is_json_ready():
    base, result = Workspace.open(DATA).solve(2023, "oil", preset="novorossiysk-closed")
    data = json.loads(json.dumps(result.to_dict(), allow_nan=False))
    base_data = json.loads(json.dumps(base.to_dict(), allow_nan=False))
    assert {"year", "commodity", "unit", "total_export", "stranded", "share_via_russia", "share_via_russian_ports",
            "by_market", "hhi", "routes"} <= set(data)
    assert {"id", "name", "volume", "capacity", "baseline", "asset_flows"} <= set(data["routes"][0])
    assert any(r["capacity"] is None for r in base_data["routes"])  # unbounded routes serialise as null


# --- CLI ------------------------------------------------------------------------------


def test_cli_json_has_the_contracted_fields():
    proc = run_cli("scenario", "--format", "json", "--year", "2022", "--commodity", "oil", "--preset", "cpc-halted")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    fields = {"year", "commodity", "unit", "total_export", "stranded", "share_via_russia", "share_via_russian_ports", "routes"}
    assert fields <= set(data)
    assert fields <= set(data["baseline"])
    assert {"by_market", "hhi"} <= set(data)
    assert data["year"] == 2022 and data["unit"] == "Mt/y" and data["stranded"] > 0
    assert {"id", "name", "volume", "capacity"} <= set(data["routes"][0])


def test_cli_off_and_capacity_options():
    proc = run_cli("scenario", "--format", "json", "--off", "cpc", "btc", "--capacity", "uas=20")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    routes = {r["id"]: r for r in data["routes"]}
    assert routes["cpc"]["volume"] == 0 and routes["btc"]["volume"] == 0
    assert routes["uas"]["volume"] == pytest.approx(20.0)


@pytest.mark.parametrize(("args", "named"), [
    (("--off", "cpc", "no-such-pipe"), "no-such-pipe"),
    (("--capacity", "no-such-pipe=3"), "no-such-pipe"),
    (("--preset", "no-such-preset"), "no-such-preset"),
])
def test_cli_refuses_unknown_ids_by_name(args, named):
    proc = run_cli("scenario", "--format", "json", *args)
    assert proc.returncode == 2
    assert proc.stderr.startswith("ERROR ") and named in proc.stderr
    assert "Traceback" not in proc.stderr and proc.stdout == ""


def test_cli_refuses_a_malformed_capacity():
    proc = run_cli("scenario", "--capacity", "uas=lots")
    assert proc.returncode == 2 and "ID=VALUE" in proc.stderr


def test_cli_lists_presets_and_prints_text():
    listed = run_cli("scenario", "--list-presets", "--format", "json")
    assert listed.returncode == 0
    assert {p["id"] for p in json.loads(listed.stdout)} == set(PRESETS)
    text = run_cli("scenario", "--commodity", "gas", "--preset", "no-russia-transit")
    assert text.returncode == 0, text.stderr
    assert "Stranded" in text.stdout and "bcm/y" in text.stdout


# --- checks on corrupted copies -------------------------------------------------------


def edit_yaml(path, change):
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def find(items, ident):
    return next(i for i in items if i.get("id") == ident)


def drop_capacity(d):
    find(d["edges"], "transneft-samara-novorossiysk").pop("capacity")


def unbounded_without_note(d):
    find(d["edges"], "lane-kuryk-alat")["capacity"] = [{"unbounded": True, "assumption": True}]


def value_without_provenance(d):
    find(d["edges"], "wrep")["capacity"] = [{"value": 0.3}]


def unknown_node(d):
    find(d["edges"], "btc")["to"] = "nowhere"


def unknown_source(d):
    find(d["edges"], "btc")["capacity"][0]["source"] = "no-such-source"


def cycle(d):
    d["edges"].append({"id": "loop", "commodity": "oil", "from": "samara", "to": "atyrau", "mode": "feeder",
                       "capacity": [{"unbounded": True, "assumption": True, "note": "test"}]})


def broken_chain(d):
    find(d["routes"], "kcp")["edges"] = ["kcp-atasu-alashankou", "kcp-kumkol-atasu"]


def target_twice(d):
    d["targets"].append({"year": 2023, "commodity": "oil", "route": "cpc", "value": 50, "source": "trend-2024-02-21-satkaliyev"})


def fixed_flow_without_volume(d):
    find(d["fixed_flows"], "domestic-kenkiyak-kumkol")["volumes"].pop()


NETWORK_CASES = {
    "asset without capacity": (drop_capacity, "edges transneft-samara-novorossiysk", "capacity", "no published capacity"),
    "unbounded without a note": (unbounded_without_note, "edges lane-kuryk-alat", "capacity.0.note", "note"),
    "a number without provenance": (value_without_provenance, "edges wrep", "capacity.0.source", "source id"),
    "unknown node": (unknown_node, "edges btc", "to", "unknown node 'nowhere'"),
    "unknown source": (unknown_source, "edges btc", "capacity.0.source", "no-such-source"),
    "cycle": (cycle, None, "edges", "cycle"),
    "broken route chain": (broken_chain, "routes kcp", "edges.1", "chain"),
    "target already in flows.csv": (target_twice, "targets 2023 oil cpc", "route", "already has a primary"),
    "fixed flow without a volume": (fixed_flow_without_volume, "fixed_flows domestic-kenkiyak-kumkol", "volumes", "no volume for 2024"),
}


@pytest.mark.parametrize("case", list(NETWORK_CASES))
def test_network_errors_name_record_and_field(case, data_copy):
    change, record, field, words = NETWORK_CASES[case]
    edit_yaml(data_copy / load.NETWORK_FILE, change)
    problems = netcheck.network_problems(data_copy)
    assert any(p.file == load.NETWORK_FILE and p.record == record and p.field == field and words in p.message for p in problems), problems


PRESET_CASES = {
    "unknown asset": (lambda d: find(d["presets"], "cpc-halted")["switch_off"].append("no-such-pipe"), "switch_off", "no-such-pipe"),
    "unknown source": (lambda d: find(d["presets"], "cpc-halted")["sources"].append("no-such-source"), "sources.2", "no-such-source"),
    "no planned capacity": (lambda d: find(d["presets"], "china-expanded")["use_planned"].append("uas"), "use_planned", "'uas'"),
    "commitment on an unknown route": (lambda d: find(d["presets"], "middle-corridor-target")["commit"][0].update(route="no-such-route"),
                                       "commit.0.route", "no-such-route"),
    "commitment with an unknown source": (lambda d: find(d["presets"], "middle-corridor-target")["commit"][0].update(source="nope-src"),
                                          "commit.0.source", "nope-src"),
}


@pytest.mark.parametrize("case", list(PRESET_CASES))
def test_preset_errors_name_record_and_field(case, data_copy):
    change, field, words = PRESET_CASES[case]
    edit_yaml(data_copy / load.SCENARIOS_FILE, change)
    problems = netcheck.network_problems(data_copy)
    assert any(p.file == load.SCENARIOS_FILE and p.field == field and words in p.message for p in problems), problems


def test_missing_network_file_is_one_problem(data_copy):
    (data_copy / load.NETWORK_FILE).unlink()
    problems = netcheck.network_problems(data_copy)
    assert [p.file for p in problems] == [load.NETWORK_FILE]
    with pytest.raises(DataError, match="file not found"):
        Workspace.open(data_copy).solve(2023, "oil")

