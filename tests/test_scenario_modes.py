"""Committed volumes and sensitivity ranges, against figures worked out by hand."""

from __future__ import annotations

import dataclasses
import json

import pytest

from geo.data import load
from geo.routes.scenario import Scenario, preset_scenario, solve
from geo.routes.sensitivity import assumed_figures, run_sensitivity
from tests.conftest import DATA
from tests.scenario_helpers import network, run_cli

PRESETS = {p.id: p for p in load.load_scenarios(DATA)}


# --- committed volumes -------------------------------------------------------------------


def test_capacity_alone_moves_nothing_but_the_committed_btc_target_moves_oil():
    net = network(2023, "oil")
    base = solve(net)
    plain = solve(net, preset_scenario(PRESETS["middle-corridor-target"], net))
    assert plain.edge_flows == pytest.approx(base.edge_flows)
    committed = solve(net, preset_scenario(PRESETS["middle-corridor-target"], net, committed=True))
    assert committed.off == ()
    # BTC committed at its 7 Mt/y target (planned 7.0): 1.057 -> 7.0, i.e. +5.943 Mt onto the Middle Corridor.
    assert committed.edge_flows["btc"] == pytest.approx(7.0, abs=1e-6)
    # Supply is fixed and nothing is stranded: exports stay 69.785, and the 5.943 come off other routes.
    assert committed.total_export == pytest.approx(69.785, abs=1e-6) and committed.stranded == 0
    taken = sum(max(base.edge_flows[e] - committed.edge_flows[e], 0.0) for e in ("cpc", "rail-baku-batumi", "uas", "lane-aktau-makhachkala"))
    assert taken == pytest.approx(7.0 - 1.057, abs=1e-6)
    # Sangachal receives by Aktau-Baku and Kuryk-Alat what BTC needs: 7.0 at least.
    assert committed.edge_flows["lane-aktau-baku"] + committed.edge_flows["lane-kuryk-alat"] >= 7.0 - 1e-6
    assert committed.share_via_russian_ports < base.share_via_russian_ports
    assert any(b.kind == "commitment" and b.id == "btc" for b in committed.binding)


def test_a_commitment_beyond_capacity_is_cut_and_said_so_and_strands_nothing():
    net = network(2023, "oil")
    result = solve(net, Scenario(commit={"btc": 20.0}))
    assert result.edge_flows["btc"] == pytest.approx(1.5)  # the 2023 allocation binds
    assert result.stranded == 0
    assert any("committed 20" in n and "btc" in n for n in result.notes)


def test_cli_committed_flag():
    proc = run_cli("scenario", "--preset", "middle-corridor-target", "--committed", "--format", "json")
    assert proc.returncode == 0, proc.stderr
    routes = {r["id"]: r for r in json.loads(proc.stdout)["routes"]}
    assert routes["btc"]["volume"] == pytest.approx(7.0)


# --- sensitivity -------------------------------------------------------------------------


def test_sensitivity_ranges_for_cpc_halted_match_hand_arithmetic():
    # Central stranded 41.676 (see test_scenario_binding). The capacities that bind are sourced, so the
    # assumed domestic crude on the KCP western sections moves it most (room east = min(6 - d1, 10 - d2)):
    # d1 = 4.5 x 0.8 = 3.6 -> room min(2.4, 1.9) = 1.9, 0.4 more than 1.5: stranded 41.276;
    # d1 = 4.5 x 1.2 = 5.4 -> room 0.6: stranded 41.676 + 0.9 = 42.576;
    # d2 = 8.1 x 1.2 = 9.72 -> room 0.28: stranded 41.676 + 1.22 = 42.896.
    sens = run_sensitivity(network(2023, "oil"), Scenario(off=("cpc",)))
    assert sens.central["stranded"] == pytest.approx(41.676, abs=1e-6)
    assert sens.ranges["stranded"] == pytest.approx((41.276, 42.896), abs=1e-6)
    assert sens.tornado.iloc[0]["figure"] == "fixed:domestic-atyrau-kenkiyak"
    assert sens.tornado.iloc[0]["stranded_swing"] == pytest.approx(1.3, abs=1e-6)
    for m in ("total_export", "stranded", "share_via_russia", "share_via_russian_ports"):
        lo, hi = sens.ranges[m]
        assert lo <= sens.central[m] <= hi


def test_only_assumed_figures_vary_and_a_stated_range_overrides_the_default():
    net = network(2023, "oil")
    figures = {f.id: f for f in assumed_figures(net)}
    assert "edge:transneft-samara-ust-luga" in figures  # carried back from 2024: an assumption
    assert "edge:uas" not in figures and "target:cpc" not in figures  # sourced (KMG 2020, flows.csv)
    assert figures["edge:transneft-samara-ust-luga"].low == pytest.approx(40.0)  # 50 x 0.8
    assert figures["edge:transneft-samara-ust-luga"].high == pytest.approx(60.0)
    aktau = net.nodes[net.node_index["aktau"]]
    ranged = dataclasses.replace(aktau, provenance=dataclasses.replace(aktau.provenance, range=(6.0, 9.0)))
    net2 = dataclasses.replace(net, nodes=tuple(ranged if n.id == "aktau" else n for n in net.nodes))
    stated = {f.id: f for f in assumed_figures(net2)}["node:aktau"]
    assert (stated.low, stated.high) == (6.0, 9.0)


def test_cli_sensitivity_json():
    proc = run_cli("scenario", "--preset", "cpc-halted", "--sensitivity", "--format", "json")
    assert proc.returncode == 0, proc.stderr
    sens = json.loads(proc.stdout)["sensitivity"]
    assert set(sens["ranges"]) == {"total_export", "stranded", "share_via_russia", "share_via_russian_ports"}
    assert sens["tornado"][0]["figure"] == "fixed:domestic-atyrau-kenkiyak"
