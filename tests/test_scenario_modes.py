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


def test_china_expanded_with_commitments_moves_western_crude_east():
    net = network(2023, "oil")
    base = solve(net)
    plain = solve(net, preset_scenario(PRESETS["china-expanded"], net))
    assert plain.edge_flows == pytest.approx(base.edge_flows)  # the expansion alone moves nothing
    result = solve(net, preset_scenario(PRESETS["china-expanded"], net, committed=True))
    assert result.off == () and result.stranded == 0
    # Kazakh crude to China committed at 6 Mt/y: 1.209 (central Kazakhstan) -> 6.0, so 6.0 - 1.209 = 4.791 Mt of
    # western crude goes east on Atyrau-Kenkiyak (room after the expansion: 12 - 4.5 domestic = 7.5) and
    # Kenkiyak-Kumkol (15 - 8.1 = 6.9), and Atasu-Alashankou (20 - 9.979 Russian = 10.021) takes it.
    routes = {r.id: r for r in result.routes}
    assert routes["kcp"].volume == pytest.approx(6.0, abs=1e-6)
    assert routes["kcp-atyrau-kenkiyak"].volume == pytest.approx(6.0 - 1.209, abs=1e-6)
    # Supply is fixed (69.785), so the 4.791 leave other routes: CPC 56.0 -> 51.209 (the shortest way out of Atyrau).
    assert result.total_export == pytest.approx(69.785, abs=1e-6)
    assert routes["cpc"].volume == pytest.approx(56.0 - 4.791, abs=1e-6)
    # Share via Russia: 2.601 + 4.791 = 7.392 avoid Russia of 69.785 -> 1 - 7.392 / 69.785 = 0.894075.
    assert result.share_via_russia == pytest.approx(1 - (1.209 + 1.392 + 4.791) / 69.785, abs=1e-6)
    commitment = next(b for b in result.binding if b.kind == "commitment")
    assert commitment.value == 6.0 and commitment.assumption and commitment.source == "oilprice-2023-05-29-kcp-expansion"
    assert commitment.basis.startswith("assumption: No contracted volume")


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
    # Aktau is sourced (7.5 Mt/y, 2023) but carries its published range [5.2, 7.5] (KMG's large-tanker berths):
    # at 5.2 the port takes 2.3 less, stranded 41.676 + 2.3 = 43.976, the top of the range; swing 2.3 > 1.3.
    assert sens.ranges["stranded"] == pytest.approx((41.276, 43.976), abs=1e-6)
    assert sens.tornado.iloc[0]["figure"] == "node:aktau"
    assert sens.tornado.iloc[0]["stranded_swing"] == pytest.approx(2.3, abs=1e-6)
    assert sens.tornado.iloc[1]["figure"] == "fixed:domestic-atyrau-kenkiyak"
    assert sens.tornado.iloc[1]["stranded_swing"] == pytest.approx(1.3, abs=1e-6)
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
    assert sens["tornado"][0]["figure"] == "node:aktau"
