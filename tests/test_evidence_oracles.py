"""Evidence figures pinned to values worked out by hand from flows.csv (primary KZ export rows).

flows.csv: 2022 total 64.3 Mt, avoiding Russian ports 1.91 Mt (Reuters), no Druzhba row;
2023 total 70.5 Mt, avoiding Russian ports 3.73 Mt (Reuters), Druzhba to Schwedt 0.993 Mt
(crosses Russia, no Russian port, so it avoids ports but not Russia).
"""

from __future__ import annotations

import pytest

from geo.claims import evidence
from geo.data import load
from geo.data.schema import Evidence
from tests.conftest import DATA

FLOWS = load.load_flows(DATA)


def figure(metric: str, year: int, commodity: str = "oil") -> evidence.Figure:
    return evidence.compute(FLOWS, Evidence(metric=metric, commodity=commodity, year=year))


@pytest.mark.parametrize(("metric", "year", "value", "unit"), [
    ("total_export", 2023, 70.5, "Mt"),
    ("total_export", 2022, 64.3, "Mt"),
    # 3.73 - 0.993 = 2.737 Mt
    ("volume_avoiding_russia", 2023, 2.737, "Mt"),
    # no Druzhba row in 2022: 1.91 - 0 = 1.91 Mt
    ("volume_avoiding_russia", 2022, 1.91, "Mt"),
    # 1 - 3.73 / 70.5 = 1 - 0.0529078 = 0.9470922
    ("share_via_russian_ports", 2023, 0.9470922, "share"),
    # 1 - 2.737 / 70.5 = 1 - 0.0388227 = 0.9611773
    ("share_via_russia", 2023, 0.9611773, "share"),
    # 1 - 1.91 / 64.3 = 1 - 0.0297045 = 0.9702955 (ports and Russia alike in 2022)
    ("share_via_russian_ports", 2022, 0.9702955, "share"),
    ("share_via_russia", 2022, 0.9702955, "share"),
])
def test_evidence_figure_by_hand(metric, year, value, unit):
    fig = figure(metric, year)
    assert fig.value == pytest.approx(value, abs=1e-6)
    assert fig.unit == unit and fig.year == year


def test_the_druzhba_correction_cites_its_row():
    fig = figure("share_via_russia", 2023)
    assert set(fig.sources) == {"reuters-2024-bypass-russia", "inform-2024-04-26-minenergo", "tass-2024-07-18-satkaliev-druzhba"}
    assert "Druzhba" in fig.formula
    # 2022 has no Druzhba row, so nothing is subtracted and no Druzhba source is cited.
    assert set(figure("share_via_russia", 2022).sources) == {"reuters-2024-bypass-russia", "astanatimes-2023-01-11-akchulakov-2022"}


def test_figure_text_rounds_as_written():
    # 94.70922 % shows as 94.7 %; 2.737 Mt as 2.74 Mt.
    assert figure("share_via_russian_ports", 2023).text() == "Share of exports via Russian ports (2023): 94.7 %"
    assert figure("volume_avoiding_russia", 2023).text() == "Exports avoiding Russian territory and ports (2023): 2.74 Mt"


@pytest.mark.parametrize(("metric", "year", "commodity"), [
    ("share_via_russia", 2024, "oil"),  # no 2024 total and no avoiding-ports row
    ("volume_avoiding_russia", 2022, "gas"),  # no gas avoiding-ports row
    ("total_export", 2024, "oil"),
])
def test_missing_inputs_give_no_value(metric, year, commodity):
    fig = figure(metric, year, commodity)
    assert fig.value is None and "no data" in fig.text()


def test_gas_figures_are_in_bcm():
    # flows.csv 2022 gas: total 4.6 bcm (Akchulakov).
    fig = figure("total_export", 2022, "gas")
    assert (fig.value, fig.unit, fig.metric) == (4.6, "bcm", "total_export")
    # No gas avoiding-ports row: the missing volume keeps the commodity's unit, a missing share says 'share'.
    assert figure("volume_avoiding_russia", 2022, "gas").unit == "bcm"
    assert figure("share_via_russia", 2022, "gas").unit == "share"


@pytest.mark.parametrize(("metric", "formula"), [
    ("total_export", "reported total"),
    ("volume_avoiding_russia", "avoiding Russian ports minus Druzhba (crosses Russia)"),
    ("share_via_russian_ports", "1 - avoiding Russian ports / total"),
    ("share_via_russia", "1 - (avoiding Russian ports - Druzhba) / total"),
])
def test_each_figure_states_its_formula(metric, formula):
    fig = figure(metric, 2023)
    # The formula is shown with the figure so a reader can redo the arithmetic: it must be the one applied.
    assert (fig.metric, fig.formula) == (metric, formula)
    assert figure("share_via_russia", 2024).formula == "inputs not published"


def test_druzhba_larger_than_the_avoiding_volume_gives_zero_not_a_negative():
    # A made-up year where Druzhba (0.993) exceeds the whole avoiding-ports volume (0.5): 0.5 - 0.993 < 0,
    # so nothing avoided Russian territory: 0.0 Mt, and the share via Russia is 1 - 0 / 10 = 1.
    rows = FLOWS[(FLOWS["year"] == 2023) & FLOWS["route"].isin(["total", "avoiding-russian-ports", "druzhba-samara-schwedt"])].copy()
    rows.loc[rows["route"] == "avoiding-russian-ports", "volume_norm"] = 0.5
    rows.loc[rows["route"] == "total", "volume_norm"] = 10.0
    volume = evidence.compute(rows, Evidence(metric="volume_avoiding_russia", commodity="oil", year=2023))
    share = evidence.compute(rows, Evidence(metric="share_via_russia", commodity="oil", year=2023))
    assert volume.value == 0.0 and share.value == 1.0


def test_a_share_without_the_total_gives_no_value():
    # Avoiding-ports volume published (3.73) but the total row removed: no share can be computed.
    rows = FLOWS[(FLOWS["year"] == 2023) & (FLOWS["route"] != "total")]
    fig = evidence.compute(rows, Evidence(metric="share_via_russian_ports", commodity="oil", year=2023))
    assert fig.value is None and fig.unit == "share" and fig.formula == "inputs not published"
