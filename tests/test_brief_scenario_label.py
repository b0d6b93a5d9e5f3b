"""The briefing's subtitle names the scenario as the dashboard does: the preset's title and the routes' names, not ids."""

from __future__ import annotations

import datetime as dt

from geo.views import briefing as brief

MADE = dt.datetime(2026, 1, 2, 3, 4, tzinfo=dt.UTC)


def test_subtitle_names_the_preset_and_routes_not_their_ids():
    b = brief.make_briefing(year=2023, preset="cpc-halted", off=("btc",), capacity={"kcp-atasu-alashankou": 30.0}, made=MADE)
    # data/scenarios.yaml: id cpc-halted has the title "CPC halted"; data/assets.geojson names btc ("Baku–Tbilisi–Ceyhan pipeline") and kcp-atasu-alashankou.
    assert b.subtitle.startswith("Scenario: CPC halted + switched off: Baku–Tbilisi–Ceyhan"), b.subtitle
    assert "cpc-halted" not in b.subtitle and "btc" not in b.subtitle and "kcp-atasu-alashankou" not in b.subtitle, b.subtitle
    assert "capacities changed: Kazakhstan–China pipeline: Atasu–Alashankou 30 Mt/y" in b.subtitle, b.subtitle  # its unit: Mt/y


def test_baseline_subtitle():
    b = brief.make_briefing(year=2023, made=MADE)
    assert b.subtitle.startswith("Scenario: baseline · volumes in Mt/y"), b.subtitle
