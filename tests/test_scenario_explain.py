"""The dashboard's explanation of a scenario: binding lines, ranges, the tornado spec and the sidebar (AppTest)."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from geo.data.load import load_sources
from geo.routes.scenario import Scenario, solve
from geo.routes.sensitivity import run_sensitivity
from geo.views import scenario_explain as explain
from tests.conftest import ROOT
from tests.scenario_helpers import network


@pytest.fixture(scope="module")
def cpc_halted():
    net = network(2023, "oil")
    return solve(net, Scenario(off=("cpc",))), run_sensitivity(net, Scenario(off=("cpc",)))


def test_binding_lines_carry_value_unit_year_and_basis(cpc_halted):
    result, _ = cpc_halted
    lines = explain.binding_lines(result)
    # Atyrau-Samara's 17.5 Mt/y is KMG's 2020 figure; Kuryk's 0 is an assumption citing silkwaytv-kuryk.
    assert lines[0] == "Uzen–Atyrau–Samara oil pipeline: 17.5 Mt/y (2020; source kmg-ar2020-oil-transportation)"
    assert "Crude by rail from Kazakhstan (destinations not published): 0.4 Mt/y (2022; assumption [lkyspp-2025-diversifying])" in lines
    assert any("0 Mt/y (2023; assumption [silkwaytv-kuryk])" in line for line in lines)
    assert any(line.endswith("(fixed flow): 4.5 Mt/y (2023; assumption [oilprice-2023-05-29-kcp-expansion])") for line in lines)
    assert any(": off (2023; switched off by the scenario)" in line for line in lines)
    assert len(explain.binding_lines(result, limit=2)) == 2


def test_limit_lines_cite_publisher_and_year_not_ids(cpc_halted):
    result, _ = cpc_halted
    sources = load_sources()
    lines = explain.limit_lines(result, sources)
    # The same figures as binding_lines: 17.5 Mt/y of 2020 from KMG's annual report 2020 (published 2021, sources.yaml),
    # 7.5 Mt/y at Aktau from PortNews of 4 Sep 2023; no source id in brackets.
    assert lines[:2] == ["Uzen–Atyrau–Samara oil pipeline 17.5 Mt/y in 2020 (KazMunayGas 2021)",
                         "Aktau sea port 7.5 Mt/y in 2023 (PortNews 2023)"]
    assert "Kuryk port 0 Mt/y in 2023 (assumed, after Silk Way TV 2024)" in lines
    assert "Crude on Atyrau - Kenkiyak for Kazakh refineries, a fixed flow of 4.5 Mt/y in 2023 " \
           "(assumed, after OilPrice.com, citing Interfax 2023)" in lines
    assert any(line.endswith(" switched off by the scenario") for line in lines)
    assert not any("[" in line or "kmg-ar2020" in line or "portnews-2023" in line for line in lines)
    assert explain.source_citation("no-such-id", sources) == "no-such-id" and explain.source_citation(None, sources) is None
    assert len(explain.limit_lines(result, sources, limit=2)) == 2


def test_ranges_frame_and_lines(cpc_halted):
    _, sens = cpc_halted
    frame = explain.ranges_frame(sens).set_index("metric")
    # Stranded 41.276-43.976 Mt/y (see test_scenario_modes): shown with two decimals and the unit.
    assert frame.loc["Stranded volume", "min"] == "41.28 Mt/y" and frame.loc["Stranded volume", "max"] == "43.98 Mt/y"
    assert frame.loc["Stranded volume", "year"] == 2023
    assert set(frame.index) == {"Total exports", "Stranded volume", "Share of exports via Russia", "Share of exports via Russian ports"}
    assert any(line.startswith("Stranded volume: 41.28 Mt/y to 43.98 Mt/y (2023; central 41.68 Mt/y)") for line in explain.range_lines(sens))


def test_tornado_spec_ranks_figures_by_swing(cpc_halted):
    _, sens = cpc_halted
    spec = explain.tornado_spec(sens)
    rows = spec["layer"][0]["data"]["values"]
    # Aktau 5.2-7.5 swings stranded by 2.3, Atyrau-Kenkiyak's domestic crude by 1.3 (hand arithmetic in test_scenario_modes).
    assert [r["figure"] for r in rows[:2]] == ["node:aktau", "fixed:domestic-atyrau-kenkiyak"]
    assert rows[0]["from"] == pytest.approx(41.676) and rows[0]["to"] == pytest.approx(43.976)
    assert spec["layer"][1]["data"]["values"][0]["central"] == pytest.approx(41.676)
    assert spec["layer"][0]["encoding"]["y"]["sort"] == [r["figure"] for r in rows]
    with pytest.raises(ValueError, match="unknown metric"):
        explain.tornado_spec(sens, "nope")


def test_sidebar_and_tab_show_binding_and_ranges_for_a_preset():
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=180)
    at.query_params["year"] = "2023"  # the figures below are of 2023 (the dashboard opens on 2024)
    at.run()
    at.sidebar.selectbox(key="w_preset").set_value("cpc-halted").run()
    assert not at.exception
    at.session_state["tab"] = "Dependencies"  # the panel is in that tab, which sends nothing while closed (issue 15)
    at.run()
    assert not at.exception
    # Captions are Markdown with every punctuation character escaped (md_text): compare without the backslashes.
    side = "\n".join(c.value for c in at.sidebar.caption).replace("\\", "")
    # Equal effects (one Mt stranded per Mt of capacity): the largest figure first, Atyrau-Samara then Aktau.
    # Cited by publisher and year (data/sources.yaml), not by source id: KMG's 2020 figure (report published 2021), PortNews 2023.
    assert "Limited by: Uzen–Atyrau–Samara oil pipeline 17.5 Mt/y in 2020 (KazMunayGas 2021); " \
           "Aktau sea port 7.5 Mt/y in 2023 (PortNews 2023)" in side
    assert "Binds:" not in side and "kmg-ar2020-oil-transportation" not in side
    assert "Ranges: Stranded volume: 41.28 Mt/y to 43.98 Mt/y (2023; central 41.68 Mt/y)" in side
    shown = "\n".join(m.value for m in at.markdown)
    assert "What this result rests on" in "\n".join(s.value for s in at.subheader)
    assert "Ranges over every assumed figure" in shown
    # Two Vega-Lite charts: the flows by route, and the tornado (whose title names the year and the low/high ends).
    charts = [c.proto.spec for c in at.get("vega_lite_chart")]
    assert any("each assumed figure at its low and high end" in spec and "node:aktau" in spec for spec in charts)


def test_the_baselines_targets_are_not_shown_as_limits():
    # The 2023 baseline is fitted to the observed route volumes: every binding constraint it has is one of those
    # targets (ten of them), which say nothing about what limits exports, so neither summary lists any.
    result = solve(network(2023, "oil"), Scenario())
    assert result.binding and {b.kind for b in result.binding} == {"target"}
    assert explain.binding_lines(result) == [] and explain.limit_lines(result, load_sources()) == []
