"""Stated explanations (``notes:`` in network.yaml), stated ranges and capacities carried back from a later entry."""

from __future__ import annotations

import json

import pytest

from geo.routes.scenario import Scenario, solve
from geo.routes.sensitivity import assumed_figures, run_sensitivity
from tests.scenario_helpers import network, run_cli


def test_gas_results_explain_why_the_network_carries_more_than_exports():
    result = solve(network(2022, "gas"))
    note = next(n for n in result.notes if n.startswith("Why the gas network carries more"))
    assert "astanatimes-2023-01-11-akchulakov-2022" in note and "xinhua-2023-01-06-cagp" in note
    # Exports 4.6 + processing 8.0 + transit (Turkmen/Uzbek to China 38.6 + Turkmen to Russia 5.0, an estimate)
    # = 56.2 bcm: what the note calls "about 56 bcm in 2022".
    assert result.total_export + result.processed + sum(result.transit.values()) == pytest.approx(4.6 + 8.0 + 38.6 + 5.0)
    assert "about 56 bcm" in note
    # The 2023-2024 gap is named only for those years.
    assert not any(n.startswith("Not found: Kazakh gas export totals") for n in result.notes)
    later = solve(network(2023, "gas"))
    assert any(n.startswith("Not found: Kazakh gas export totals for 2023 and 2024") for n in later.notes)
    # Oil results carry no gas notes.
    assert not any("gas network" in n for n in solve(network(2023, "oil")).notes)


def test_notes_in_cli_text_and_json():
    proc = run_cli("scenario", "--commodity", "gas", "--year", "2024", "--format", "json")
    assert proc.returncode == 0, proc.stderr
    notes = json.loads(proc.stdout)["notes"]
    assert any("3.473 bcm in January-August 2024" in n for n in notes)
    text = run_cli("scenario", "--commodity", "gas", "--year", "2024")
    assert "note: Why the gas network carries more" in text.stdout


def test_gas_stated_ranges_are_used():
    figures = {f.id: f for f in assumed_figures(network(2023, "gas"))}
    # China: 4.5-5 bcm/y (Energy Minister); Karachaganak: 7.2 (8 - 10 %) to 9.0 (the government's "about 9 bcm", 2023).
    assert (figures["target:cagp"].low, figures["target:cagp"].high) == (4.5, 5.0)
    assert (figures["target:karachaganak-orenburg"].low, figures["target:karachaganak-orenburg"].high) == (7.2, 9.0)
    # Turkmen gas to Russia: 5.0, from 0 (part resold to Uzbekistan never crosses Kazakhstan) to the contract's 5.5.
    assert (figures["fixed:tm-gas-to-russia"].low, figures["fixed:tm-gas-to-russia"].high) == (0.0, 5.5)
    sens = run_sensitivity(network(2023, "gas"))
    # Exports are the China volume only: 4.5-5.0 bcm (processing is not export).
    assert sens.ranges["total_export"] == pytest.approx((4.5, 5.0), abs=1e-6)


@pytest.mark.parametrize(("year", "carried"), [(2022, True), (2023, False)])
def test_aktau_capacity_has_its_published_range_and_is_carried_back_to_2022(year, carried):
    net = network(year, "oil")
    aktau = net.nodes[net.node_index["aktau"]]
    assert aktau.capacity == 7.5 and aktau.provenance.range == (5.2, 7.5)
    assert aktau.provenance.year == 2023 and aktau.provenance.carried_back is carried
    assert ("carried back to 2022" in aktau.basis) is carried
    # CPC halted with Aktau at its low end: the port takes 7.5 - 5.2 = 2.3 less, all of it stranded.
    full = solve(net, Scenario(off=("cpc",)))
    low = solve(net, Scenario(off=("cpc",), capacity={"aktau": 5.2}))
    assert low.stranded - full.stranded == pytest.approx(2.3, abs=1e-6)


def test_own_exports_and_each_transit_flow_are_reported_apart():
    from geo.routes.scenario import compare

    base = solve(network(2023, "gas"))
    frame = compare(base, base).set_index("id")
    # 2023: Kazakh exports 4.6 (carried forward); transit 35.6 (Turkmen/Uzbek to China: 37.1 plan 2024 less 1.5)
    # + 5.0 (Turkmen gas to Russia, Turkmengaz's "about 5 bcm") + 1.28 (Russian gas to Uzbekistan, Oct-Dec 2023)
    # = 41.88; processing 8.0 apart from both.
    assert frame.loc["total_export", "scenario"] == pytest.approx(4.6)
    assert frame.loc["transit", "scenario"] == pytest.approx(35.6 + 5.0 + 1.28)
    assert frame.loc["transit:tm-gas-to-russia", "scenario"] == pytest.approx(5.0)
    assert frame.loc["transit:tm-uz-gas-to-china", "scenario"] == pytest.approx(35.6)
    assert frame.loc["transit:ru-gas-to-uzbekistan", "scenario"] == pytest.approx(1.28)
    assert frame.loc["transit:tm-uz-gas-to-china", "label"] == "- Turkmen and Uzbek gas to China through Kazakhstan"
    assert frame.loc["processed", "scenario"] == pytest.approx(8.0)
