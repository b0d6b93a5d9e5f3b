"""Binding constraints of a result: what they are, where they come from, and that they predict the solver.

Hand arithmetic for CPC halted in 2023 (flows.csv, network.yaml, assets.geojson):
supply = CPC 56 + Atyrau-Samara 9.2 + Aktau 3.376 (Baku 1.392 + Makhachkala 1.984) + KCP 1.209 = 69.785.
Without CPC the western crude can leave only by Atyrau-Samara (17.5), Aktau port (7.5), Kuryk (0),
rail (0.4, the 2022 volume; none in the 2023 baseline) and east on the KCP, where Atyrau-Kenkiyak
has 6 - 4.5 domestic = 1.5 left; central crude keeps its 1.209 on the KCP.
Exported = 17.5 + 7.5 + 0 + 0.4 + 1.5 + 1.209 = 28.109; stranded = 69.785 - 28.109 = 41.676.
"""

from __future__ import annotations

import json

import pytest

from geo.routes.scenario import Scenario, solve
from geo.workspace import Workspace
from tests.conftest import DATA
from tests.scenario_helpers import network, run_cli

STRANDED_2023 = (56.0 + 9.2 + 3.376 + 1.209) - (17.5 + 7.5 + 0.0 + 0.4 + (6.0 - 4.5) + 1.209)  # = 41.676


def test_cpc_halted_strands_the_hand_computed_volume():
    result = solve(network(2023, "oil"), Scenario(off=("cpc",)))
    assert result.stranded == pytest.approx(STRANDED_2023, abs=1e-6)


def test_cpc_halted_binds_exactly_the_outlets_worked_out_by_hand():
    result = solve(network(2023, "oil"), Scenario(off=("cpc",)))
    found = {(b.id, b.kind) for b in result.binding}
    assert found == {("uas", "capacity"), ("aktau", "capacity"), ("kuryk", "capacity"), ("kcp-atyrau-kenkiyak", "capacity"),
                     ("rail-kz-unpublished", "capacity"), ("domestic-atyrau-kenkiyak", "fixed_flow"), ("cpc", "switched_off")}
    by_id = {b.id: b for b in result.binding}
    assert by_id["uas"].value == 17.5 and by_id["aktau"].value == 7.5 and by_id["kuryk"].value == 0.0
    assert by_id["domestic-atyrau-kenkiyak"].value == 4.5
    # Every extra unit of a binding outlet saves one stranded unit; every extra unit of domestic crude costs one.
    assert by_id["uas"].shadow == pytest.approx(1.0, abs=1e-3)
    assert by_id["domestic-atyrau-kenkiyak"].shadow == pytest.approx(-1.0, abs=1e-3)


def test_every_binding_entry_is_cited():
    result = solve(network(2023, "oil"), Scenario(off=("cpc",)))
    for b in result.binding:
        assert b.unit == "Mt/y" and 2000 < b.year < 2030
        assert b.basis
        if b.kind in ("capacity", "fixed_flow"):
            assert b.source or b.assumption, b
        if b.assumption:
            assert b.basis.startswith("assumption:"), b
    uas = next(b for b in result.binding if b.id == "uas")
    # Atyrau-Samara's 17.5 Mt/y is KMG's 2020 figure, valid from 2020: sourced, not carried back.
    assert uas.year == 2020 and not uas.assumption and uas.source == "kmg-ar2020-oil-transportation"
    kuryk = next(b for b in result.binding if b.id == "kuryk")
    assert kuryk.assumption and kuryk.basis.startswith("assumption:") and kuryk.source == "silkwaytv-kuryk"


def test_raising_a_binding_capacity_moves_stranded_by_the_predicted_amount():
    # UAS 17.5 -> 18.5 Mt/y: one more unit leaves through Samara, so stranded = 41.676 - 1 = 40.676.
    result = solve(network(2023, "oil"), Scenario(off=("cpc",), capacity={"uas": 18.5}))
    assert result.stranded == pytest.approx(STRANDED_2023 - 1.0, abs=1e-6)
    # Kuryk 0 -> 2 Mt/y: tankers to Alat, then Sangachal's outlets have room: stranded falls by 2.
    result = solve(network(2023, "oil"), Scenario(off=("cpc",), capacity={"kuryk": 2.0}))
    assert result.stranded == pytest.approx(STRANDED_2023 - 2.0, abs=1e-6)


def test_raising_a_capacity_that_does_not_bind_moves_nothing():
    # BTC is fed only through Aktau, which is full: more BTC room strands the same.
    result = solve(network(2023, "oil"), Scenario(off=("cpc",), capacity={"btc": 5.0}))
    assert result.stranded == pytest.approx(STRANDED_2023, abs=1e-6)


@pytest.mark.parametrize("year", (2022, 2023, 2024))
def test_shadows_agree_with_a_finite_difference(year):
    net = network(year, "oil")
    result = solve(net, Scenario(off=("cpc",)))
    capacities = [b for b in result.binding if b.kind == "capacity"]
    assert capacities
    for b in capacities:
        bumped = solve(net, Scenario(off=("cpc",), capacity={b.id: b.value + 0.1}))
        assert result.stranded - bumped.stranded == pytest.approx(0.1 * b.shadow, abs=1e-4), b.id


def test_baseline_binds_its_targets():
    base, _ = Workspace.open(DATA).solve(2023, "oil")
    targets = {b.id for b in base.binding if b.kind == "target"}
    assert {"cpc", "uas", "kcp", "lane-aktau-baku"} <= targets
    assert all(b.shadow is None for b in base.binding)


def test_cli_json_reports_binding_with_its_contract():
    proc = run_cli("scenario", "--preset", "cpc-halted", "--format", "json")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert {b["id"] for b in data["binding"]} >= {"uas", "aktau", "kuryk"}
    for b in data["binding"]:
        assert {"id", "kind", "value", "unit", "year", "basis"} <= set(b)
    text = run_cli("scenario", "--preset", "cpc-halted")
    assert "Binding constraints" in text.stdout and "kmg-ar2020-oil-transportation" in text.stdout


def test_binding_table_for_the_dashboard():
    from geo.views import tables as panels

    result = solve(network(2023, "oil"), Scenario(off=("cpc",)))
    frame = panels.binding_frame(result).set_index("id")
    assert frame.loc["uas", "value"] == 17.5 and frame.loc["uas", "year"] == 2020
    assert frame.loc["uas", "stranded saved per unit"] == pytest.approx(1.0, abs=1e-3)
    assert frame.loc["domestic-atyrau-kenkiyak", "stranded saved per unit"] == pytest.approx(-1.0, abs=1e-3)
