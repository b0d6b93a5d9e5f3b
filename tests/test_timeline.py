"""Issue 15, the time dimension and claim density: pure functions on hand-made frames (values counted by hand).

The app side (the year slider, the tabs' timelines, the map's density, the open tab in the link, a kept upload) is in
tests/test_timeline_app.py.
"""

from __future__ import annotations

import json

import geopandas as gpd
import pandas as pd
import pytest
import shapely

from geo.views import tables
from geo.views.webmap import DENSITY_MAX_PX, MapState, density_markers, view_json

#: Five claims: c1 (2022-03-15, CPC and BTC), c2 (dated 2023 only, CPC), c3 (undated, BTC named twice with two roles),
#: c4 (2024-02-07, CPC and Aktau), c5 (2023-12-31, no asset).
CLAIMS = pd.DataFrame({
    "id": ["c1", "c2", "c3", "c4", "c5"],
    "published": ["2022-03-15", "2023", None, "2024-02-07", "2023-12-31"],
    "asset_ids": [["cpc", "btc"], ["cpc"], ["btc", "btc"], ["cpc", "aktau"], []],
    "claim_type": ["rerouting", "opinion", "rerouting", "dependency", "opinion"],
})


def ids(frame: pd.DataFrame) -> list[str]:
    return list(frame["id"])


def test_dated_year_reads_every_date_form_and_nothing_else():
    assert [tables.dated_year(v) for v in ("2024-02-07", "2023-05", "2022", None, float("nan"), "", "undated")] == [
        2024, 2023, 2022, None, None, None, None]


@pytest.mark.parametrize(("year", "undated", "expected"), [
    # 2022: only c1 is dated that early; c3 has no date.
    (2022, True, ["c1", "c3"]),
    (2022, False, ["c1"]),
    # 2023: c2 (a year only) and c5 (31 December, the last day of the year) come in.
    (2023, True, ["c1", "c2", "c3", "c5"]),
    (2023, False, ["c1", "c2", "c5"]),
    (2024, True, ["c1", "c2", "c3", "c4", "c5"]),
])
def test_claims_up_to_cuts_at_the_end_of_the_year(year, undated, expected):
    assert ids(tables.claims_up_to(CLAIMS, year, undated=undated)) == expected


def test_claims_up_to_on_an_all_dated_or_empty_frame():
    # Only dated articles (no None among the years, so no float NaN either).
    dated = CLAIMS[CLAIMS["published"].notna()]
    assert ids(tables.claims_up_to(dated, 2023)) == ["c1", "c2", "c5"]
    assert tables.claims_up_to(CLAIMS.iloc[:0], 2023).empty


def test_claim_density_counts_each_claim_once_per_asset():
    # CPC: c1, c2, c4 = 3; BTC: c1 and c3 (which names it twice) = 2; Aktau: c4 = 1; c5 has no asset.
    assert tables.claim_density(CLAIMS) == {"aktau": 1, "btc": 2, "cpc": 3}
    # Up to 2023 with undated: c1, c2, c3, c5 -> CPC 2 (c1, c2), BTC 2 (c1, c3); Aktau's only claim (c4) is from 2024.
    assert tables.claim_density(tables.claims_up_to(CLAIMS, 2023)) == {"btc": 2, "cpc": 2}
    assert tables.claim_density(CLAIMS.iloc[:0]) == {}


def test_month_counts_by_month_and_group():
    items = [("2022-03-15", "a"), ("2022-03-01", "a"), ("2022-03-20", "b"), ("2023", "a"), (None, "a"), (float("nan"), "b"),
             ("2024-02-07", "a"), ("2022-11", "b")]
    rows, undated, year_only = tables.month_counts(items)
    # March 2022: two "a", one "b"; November 2022 (a month only): one "b"; February 2024: one "a".
    assert rows == [{"month": "2022-03-01", "group": "a", "count": 2}, {"month": "2022-03-01", "group": "b", "count": 1},
                    {"month": "2022-11-01", "group": "b", "count": 1}, {"month": "2024-02-01", "group": "a", "count": 1}]
    assert (undated, year_only) == (2, 1)  # None and NaN; "2023"


def test_timeline_chart_spans_the_slider_years_and_marks_the_year_end():
    rows = [{"month": "2024-02-01", "group": "de", "count": 1}]
    spec = tables.timeline_chart(rows, group_title="language", count_title="articles", years=(2022, 2024), up_to=2023)
    bars, rule = spec["layer"]
    assert bars["data"]["values"] == rows
    assert bars["encoding"]["x"]["scale"]["domain"] == ["2022-01-01", "2024-12-31"]
    assert (bars["encoding"]["y"]["title"], bars["encoding"]["color"]["title"]) == ("articles", "language")
    assert rule["data"]["values"] == [{"end": "2023-12-31", "label": "end of 2023"}]
    # A date outside the slider's years widens the axis; no year, no rule.
    late = tables.timeline_chart([{"month": "2025-06-01", "group": "en", "count": 2}], group_title="g", count_title="n", years=(2022, 2024))
    assert "layer" not in late and late["encoding"]["x"]["scale"]["domain"] == ["2022-01-01", "2025-06-01"]


def test_density_markers_area_follows_the_count():
    # r = 7 px x sqrt(n): 1 -> 7.0, 2 -> 9.899 -> 9.9, 4 -> 14.0, 18 -> 29.698 -> 29.7; 25 -> 35, capped at 30.
    got = density_markers({"cpc": 4, "btc": 1, "aktau": 2, "uas": 18, "bbs": 25, "gone": 3, "kcp": 0}, ["cpc", "btc", "aktau", "uas", "bbs", "kcp"])
    assert got == {"aktau": {"n": 2, "r": 9.9}, "bbs": {"n": 25, "r": 30.0}, "btc": {"n": 1, "r": 7.0}, "cpc": {"n": 4, "r": 14.0},
                   "uas": {"n": 18, "r": 29.7}}
    assert DENSITY_MAX_PX == 30.0
    assert density_markers(None, ["cpc"]) is None


def test_view_json_carries_the_density_only_when_given():
    assets = gpd.GeoDataFrame({"kind": ["pipeline", "port"]}, index=pd.Index(["cpc", "aktau"], name="id"),
                              geometry=[shapely.LineString([(50, 45), (38, 44.7)]), shapely.Point(51.2, 43.6)])
    plain = json.loads(view_json(assets, MapState()))
    assert plain["density"] is None and plain["densityNote"] == ""
    shown = json.loads(view_json(assets, MapState(density={"cpc": 2, "nope": 5}, density_note="claims of 2023")))
    assert shown["density"] == {"cpc": {"n": 2, "r": 9.9}} and shown["densityNote"] == "claims of 2023"


def test_the_dashboard_legend_explains_the_density_and_a_saved_page_does_not_claim_it():
    from geo.views.webmap import DENSITY_LEGEND, legend_html

    assert DENSITY_LEGEND in legend_html(None)  # the dashboard's base map: markers sized and numbered per run
    saved = legend_html(MapState(flows={"cpc": 1.0}, flow_unit="Mt/y", flow_year=2023))  # a briefing's page: fixed markers
    assert "assets with claims" in saved and DENSITY_LEGEND.replace("~", "&#126;") not in saved and "area ~ number" not in saved
