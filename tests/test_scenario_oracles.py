"""Headline figures pinned to values worked out by hand, and checks against figures the model does not fit.

Every expected value below is arithmetic on flows.csv and network.yaml, shown in the comment;
none is the code's own output.
"""

from __future__ import annotations

import numpy as np
import pytest

from geo.routes.metrics import exposure
from geo.routes.scenario import Scenario, solve
from tests.scenario_helpers import network

# Baseline route volumes (Mt). 2022: CPC 52.2, Atyrau-Samara 8.0, KCP 1.29, Aktau-Baku 0.25,
# Aktau-Makhachkala 2.018 (assumed), rail 0.4 (LKY SPP). 2023: CPC 56, Atyrau-Samara 9.2 (competition
# agency) of which Druzhba 0.993, KCP 1.209, Aktau-Baku 1.392, Aktau-Makhachkala 1.984.
TOTAL_2022 = 52.2 + 8.0 + 1.29 + 0.25 + 2.018 + 0.4  # = 64.158
TOTAL_2023 = 56.0 + 9.2 + 1.209 + 1.392 + 1.984  # = 69.785
AVOIDING_PORTS_2022 = 1.29 + 0.25 + 0.4  # KCP + Aktau-Baku + rail = 1.94
AVOIDING_PORTS_2023 = 1.209 + 1.392 + 0.993  # KCP + Aktau-Baku + Druzhba (crosses Russia, no Russian port) = 3.594
AVOIDING_RUSSIA_2023 = 1.209 + 1.392  # = 2.601


def test_baseline_shares_2023_by_hand():
    base = solve(network(2023, "oil"))
    assert base.total_export == pytest.approx(TOTAL_2023, abs=1e-6)
    # via Russia = 1 - 2.601 / 69.785 = 0.962728; via Russian ports = 1 - 3.594 / 69.785 = 0.948499
    assert base.share_via_russia == pytest.approx(1 - AVOIDING_RUSSIA_2023 / TOTAL_2023, abs=1e-6)
    assert base.share_via_russian_ports == pytest.approx(1 - AVOIDING_PORTS_2023 / TOTAL_2023, abs=1e-6)
    # Markets: Ceyhan 1.057, China 1.209, Germany 0.993 of 69.785.
    assert base.by_market["Mediterranean via Ceyhan"] == pytest.approx(1.057 / TOTAL_2023, abs=1e-6)
    assert base.by_market["China via Alashankou"] == pytest.approx(1.209 / TOTAL_2023, abs=1e-6)
    assert base.by_market["Germany via Druzhba (Schwedt)"] == pytest.approx(0.993 / TOTAL_2023, abs=1e-6)


def test_baseline_shares_2022_by_hand():
    base = solve(network(2022, "oil"))
    # No Druzhba deliveries in 2022: via Russia = via Russian ports = 1 - 1.94 / 64.158 = 0.969762.
    assert base.total_export == pytest.approx(TOTAL_2022, abs=1e-6)
    assert base.share_via_russia == pytest.approx(1 - AVOIDING_PORTS_2022 / TOTAL_2022, abs=1e-6)
    assert base.share_via_russian_ports == pytest.approx(1 - AVOIDING_PORTS_2022 / TOTAL_2022, abs=1e-6)


def test_unclamped_exposure_volumes_2023():
    net = network(2023, "oil")
    base = solve(net)
    flow = [base.edge_flows[e.id] for e in net.edges]
    exp = exposure(net, np.array(flow))
    # Volumes, not clamped shares: 69.785 - 2.601 = 67.184 passed Russia; 69.785 - 3.594 = 66.191 a Russian port.
    assert exp.via_russia == pytest.approx(TOTAL_2023 - AVOIDING_RUSSIA_2023, abs=1e-6)
    assert exp.via_russian_ports == pytest.approx(TOTAL_2023 - AVOIDING_PORTS_2023, abs=1e-6)


@pytest.mark.parametrize(("year", "expected"), [
    # 2022: 64.158 - (Atyrau-Samara 17.5 + Aktau 7.5 + KCP west 1.5 + KCP central 1.29 + rail 0.4, already full) = 35.968
    (2022, TOTAL_2022 - (17.5 + 7.5 + 1.5 + 1.29 + 0.4)),
    # 2023: 69.785 - (17.5 + 7.5 + 1.5 + 1.209 + 0.4, rail unused in the baseline) = 41.676
    (2023, TOTAL_2023 - (17.5 + 7.5 + 1.5 + 1.209 + 0.4)),
    # 2024: supply 55.56 + 10.4 + 1.2 + 1.8 + 1.92 + rail 0.05 (the Ministry's plan) = 70.93;
    # less 17.5 + 7.5 + 1.5 + 1.2 + 0.4 = 42.83
    (2024, 55.56 + 10.4 + 1.2 + 1.8 + 1.92 + 0.05 - (17.5 + 7.5 + 1.5 + 1.2 + 0.4)),
])
def test_stranded_under_cpc_halted_by_hand(year, expected):
    assert solve(network(year, "oil"), Scenario(off=("cpc",))).stranded == pytest.approx(expected, abs=1e-6)


# --- independent checks: reported aggregates the baseline is not fitted to --------------------


@pytest.mark.parametrize(("year", "reported", "tolerance"), [
    # 2022: 64.158 vs 64.3 (Energy Minister): -0.2 %; small outlets are not in the route data.
    (2022, 64.3, 0.01),
    # 2023: 69.785 vs 70.5 (Ministry): -1.0 %; the 2023 rail and other small outlets are not published.
    (2023, 70.5, 0.02),
])
def test_total_against_the_reported_total(year, reported, tolerance):
    base = solve(network(year, "oil"))
    assert base.observed["total"] == reported
    assert abs(base.total_export / reported - 1) <= tolerance


@pytest.mark.parametrize(("year", "tolerance"), [
    # 2022: 1.94 vs Reuters 1.91 (+1.6 %): rail (0.4 Mt, destinations not published) is counted as avoiding ports.
    (2022, 0.03),
    # 2023: 3.594 vs Reuters 3.73 (-3.6 %): 2023 rail and other small outlets are not published, so not modelled.
    (2023, 0.05),
])
def test_exports_avoiding_russian_ports_against_reuters(year, tolerance):
    base = solve(network(year, "oil"))
    modelled = base.total_export * (1 - base.share_via_russian_ports)
    reported = base.observed["avoiding-russian-ports"]
    assert abs(modelled / reported - 1) <= tolerance, (modelled, reported)


def test_gas_exports_match_the_reported_total_and_processing_is_apart():
    # 2022: own exports 4.6 bcm (all to China, assumed) vs the Ministry's 4.6; Karachaganak's 8 bcm of raw gas
    # go to Orenburg for processing and are not exports; 38.6 bcm of Turkmen and Uzbek gas is transit.
    base = solve(network(2022, "gas"))
    assert abs(base.total_export / base.observed["total"] - 1) <= 0.05
    assert base.processed == pytest.approx(8.0)
    assert base.transit["tm-uz-gas-to-china"] == pytest.approx(43.2 - 4.6)
    assert base.share_via_russia == 0.0  # China via Khorgos only


# --- capacity vintages --------------------------------------------------------------------

#: Capacities dated after 2022 with no earlier figure (assets.geojson capacity_year: Ust-Luga line 2024,
#: Kenkiyak-Kumkol 2023, Aktau 2023, Sangachal 2025, Kulevi 2025). CPC, Atyrau-Samara, Atyrau-Kenkiyak and
#: Atasu-Alashankou have KMG's 2020 figures in network.yaml (from_year 2020).
LATER_THAN_2022 = {"transneft-samara-ust-luga", "kcp-kenkiyak-kumkol", "aktau", "sangachal", "kulevi"}


@pytest.mark.parametrize("year", (2022, 2023))
def test_capacities_are_valid_in_the_year_or_a_visible_assumption(year):
    net = network(year, "oil")
    late = set()
    for item in [*net.edges, *net.nodes]:
        prov = item.provenance
        if prov.year is not None and prov.year > year:
            assert prov.assumption and prov.carried_back and "carried back" in item.basis, item.id
            late.add(item.asset or item.id)
    # 2023 keeps those dated 2024-2025; Aktau (2023) and Kenkiyak-Kumkol (2023) are valid in 2023.
    expected = LATER_THAN_2022 if year == 2022 else LATER_THAN_2022 - {"aktau", "kcp-kenkiyak-kumkol"}
    assert late == expected
    note = next(n for n in solve(net).notes if "carried back" in n)
    assert all(a in note for a in expected)


def test_russian_gas_transit_2024_against_the_january_august_figure():
    # Independent cross-check (flows.csv, not primary): 3.473 bcm in Jan-Aug 2024 (Ministry of Energy via Ulysmedia),
    # x 12/8 = 5.2095 bcm annualised, against the full-year 5.6 bcm the model carries (QazaqGaz): -7.0 %. Tolerance 10 %:
    # monthly volumes vary with the season, so a straight annualisation of eight months is approximate.
    from geo.data import load
    from tests.conftest import DATA

    flows = load.load_flows(DATA)
    row = flows[(flows["year"] == 2024) & (flows["commodity"] == "gas") & (flows["route"] == "cac") & ~flows["primary"]]
    assert list(row["volume_norm"]) == [3.473]
    result = solve(network(2024, "gas"))
    modelled = result.transit["ru-gas-to-uzbekistan"]
    assert modelled == pytest.approx(5.6)
    assert abs(3.473 * 12 / 8 / modelled - 1) <= 0.10


# --- 2024 and gas transit: checks against figures that are plans, derivations or cumulative counts ----------


def test_oil_2024_against_the_ministry_plan_and_the_2025_derivation():
    # No reported 2024 total was found. The Ministry's 2024 PLAN (caliber-2024-satkaliyev-export-plan) was 68.8 Mt;
    # the model carries 55.56 + 10.4 + 1.2 + 1.8 + 1.92 + 0.05 = 70.93 Mt, +3.1 %. Tolerance 5 %: a plan, not an outcome,
    # and Atyrau-Samara is the reported 10.4 Mt against 8.6 planned (10.4 - 8.6 = 1.8 of the 2.13 Mt gap).
    base = solve(network(2024, "oil"))
    assert base.total_export == pytest.approx(55.56 + 10.4 + 1.2 + 1.8 + 1.92 + 0.05, abs=1e-6)
    assert abs(base.total_export / 68.8 - 1) <= 0.05
    # CPC's Kazakh volume is Jan-Oct annualised (46.3 x 12/10 = 55.56). 2025's 64.8 Mt was stated as +18 % on 2024:
    # 64.8 / 1.18 = 54.915, so 55.56 is +1.2 %. Tolerance 2 %: the 18 % is rounded (17.5-18.5 % gives 54.68-55.15).
    cpc = next(r for r in base.routes if r.id == "cpc").volume
    assert cpc == pytest.approx(55.56, abs=1e-6)
    assert abs(cpc / (64.8 / 1.18) - 1) <= 0.02


def test_no_kazakh_oil_via_baku_supsa_and_its_range_moves_nothing_under_cpc_halted():
    # Baku-Supsa carried 0.15 Mt (2023) and 0.09 Mt (2024), all Azerbaijani; Kazakh use was still under discussion.
    for year in (2022, 2023, 2024):
        net = network(year, "oil")
        base = solve(net)
        wrep = next(r for r in base.routes if r.id == "wrep")
        assert wrep.observed == 0 and wrep.volume == 0, year
        assert "assumption" not in wrep.observed_basis  # a sourced zero, not an assumed one
        # No room is allocated to Kazakh oil (0); up to 3 Mt/y is under discussion. With CPC off, Aktau (7.5 Mt/y)
        # binds upstream of Baku, so giving Baku-Supsa its 3 Mt/y strands exactly as much.
        halted = solve(net, Scenario(off=("cpc",)))
        opened = solve(net, Scenario(off=("cpc",), capacity={"wrep": 3.0}))
        assert opened.stranded == pytest.approx(halted.stranded, abs=1e-6), year
        assert "wrep" not in {b.id for b in halted.binding}


def test_deliveries_into_china_against_the_cumulative_count_at_khorgos():
    # PipeChina: 423.2 bcm delivered into China from 2009 to the end of 2022 (Xinhua); more than 500 bcm by
    # 20 November 2024 (Daryo). So at least 500 - 423.2 = 76.8 bcm came in over 2023 and 2024 up to day 325 of 366.
    # Modelled: 2023 4.6 (Kazakh) + 35.6 (transit) = 40.2; 2024 (4.6 + 37.1) x 325/366 = 37.03; sum 77.23 (+0.6 %).
    # Tolerance: not below the count, and within 2 % above it (the milestone may have been passed a little earlier).
    def into_china(year):
        result = solve(network(year, "gas"))
        return next(r for r in result.routes if r.id == "cagp").volume + result.transit["tm-uz-gas-to-china"]

    assert into_china(2023) == pytest.approx(4.6 + 35.6)
    assert into_china(2024) == pytest.approx(4.6 + 37.1)
    modelled = into_china(2023) + into_china(2024) * 325 / 366
    assert 500 - 423.2 <= modelled <= (500 - 423.2) * 1.02


def test_turkmen_gas_to_russia_is_transit_not_export():
    # Turkmen gas for Gazprom crosses Kazakhstan on Central Asia - Center northbound: about 5 bcm in 2023 (Turkmengaz),
    # 2.5 bcm in 2024 (Interfax's first-half estimate; supplies stopped in the summer). Transit, so exports stay 4.6.
    for year, volume in ((2023, 5.0), (2024, 2.5)):
        base = solve(network(year, "gas"))
        assert base.transit["tm-gas-to-russia"] == pytest.approx(volume)
        assert base.total_export == pytest.approx(4.6)
        assert base.share_via_russia == 0.0  # exports go to China only; transit is not in the export shares
