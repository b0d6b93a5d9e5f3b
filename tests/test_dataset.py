"""The shipped dataset: it validates, lines are drawn from their waypoints, every number is sourced."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from geo import settings
from geo.data import gazetteer, load
from geo.data.geodesy import geodesic_length_km, haversine_km
from geo.data.lines import lines_from_waypoints, sections_from_waypoints
from geo.data.schema import LINE_KINDS
from geo.validate import validate_dataset
from tests.conftest import DATA, ROOT

ASSETS = load.load_assets(DATA)
WAYPOINTS = load.load_waypoints(DATA)
SOURCES = load.load_sources(DATA)
FLOWS = load.load_flows(DATA)
LINES = ASSETS[ASSETS["kind"].isin(LINE_KINDS)]

REQUIRED_ASSETS = {
    # oil pipelines
    "cpc", "uas", "kcp-atyrau-kenkiyak", "kcp-kenkiyak-kumkol", "kcp-kumkol-atasu", "kcp-atasu-alashankou", "btc", "wrep",
    "baku-novorossiysk", "transneft-samara-primorsk", "transneft-samara-ust-luga", "transneft-samara-novorossiysk",
    "druzhba-samara-schwedt",
    # gas pipelines
    "cagp", "cac", "bbs", "scp", "tanap", "tap", "tcgp",
    # legs
    "lane-aktau-baku", "lane-kuryk-alat", "lane-aktau-makhachkala", "rail-baku-batumi", "rail-baku-kulevi",
    # points
    "tengiz", "kashagan", "karachaganak", "uzen", "cpc-marine-terminal", "sheskharis", "ust-luga", "primorsk", "aktau", "kuryk",
    "sangachal", "supsa", "batumi", "kulevi", "ceyhan", "makhachkala", "alashankou", "khorgos", "schwedt", "atyrau", "samara",
    "kenkiyak", "kumkol", "atasu", "beineu", "bozoi", "shymkent",
}


def test_shipped_data_validates_without_errors():
    report = validate_dataset(DATA)
    assert report.errors == []
    assert report.counts["assets"] == len(ASSETS)


def test_required_assets_are_present():
    assert REQUIRED_ASSETS - set(ASSETS.index) == set()


def test_validate_command_exits_zero_and_fits_one_screen():
    result = subprocess.run([sys.executable, "-m", "geo", "validate"], cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert "OK: no errors" in result.stdout
    assert len(result.stdout.splitlines()) <= 40


def test_assets_json_contract():
    result = subprocess.run([sys.executable, "-m", "geo", "assets", "--format", "json"], cwd=ROOT, capture_output=True, text=True, check=True)
    records = json.loads(result.stdout)
    assert {r["id"] for r in records} == set(ASSETS.index)
    for r in records:
        assert {"id", "name", "aliases", "kind", "commodity"} <= r.keys()
        assert isinstance(r["aliases"], list)


def test_lines_are_in_sync_with_their_waypoints():
    # The drawing must be what build-lines makes of waypoints.csv: a waypoint edited without
    # rebuilding (or a hand-edited geometry) fails here. Coordinates are stored to 4 decimals.
    drawn = lines_from_waypoints(WAYPOINTS)
    for asset_id, line in drawn.items():
        if ASSETS.loc[asset_id, "route_accuracy"] == "waypoints":
            assert ASSETS.loc[asset_id, "geometry"].equals_exact(line, 1e-4), asset_id
            assert ASSETS.loc[asset_id, "sections"] == sections_from_waypoints(WAYPOINTS)[asset_id], asset_id


def test_looked_up_waypoints_sit_at_their_geonames_position():
    looked_up = WAYPOINTS[WAYPOINTS["lookup"].notna()]
    assert len(looked_up) > 150
    for wp in looked_up.itertuples():
        country, name = wp.lookup.split(":", 1)
        place = gazetteer.lookup(name, country, near=(wp.lat, wp.lon))
        assert haversine_km(place.lon, place.lat, wp.lon, wp.lat) < 0.05, wp.place


#: Line ends and the sites they serve: the line must start or end within 5 km of the site.
LINE_ENDS = {
    "cpc": ("tengiz", "cpc-marine-terminal"), "btc": ("sangachal", "ceyhan"), "wrep": ("sangachal", "supsa"),
    "bbs": ("beineu", "shymkent"), "kcp-atasu-alashankou": ("atasu", "alashankou"), "uas": ("uzen", "samara"),
    "kcp-atyrau-kenkiyak": ("atyrau", "kenkiyak"), "kcp-kenkiyak-kumkol": ("kenkiyak", "kumkol"),
    "cagp": (None, "khorgos"), "baku-novorossiysk": ("sangachal", "sheskharis"), "tanap": (None, "kipoi"),
    "transneft-samara-novorossiysk": ("samara", "sheskharis"), "druzhba-samara-schwedt": ("samara", "schwedt"),
    "lane-aktau-baku": ("aktau", "sangachal"), "lane-kuryk-alat": ("kuryk", "alat"), "rail-baku-batumi": ("alat", "batumi"),
}


@pytest.mark.parametrize("line_id", sorted(LINE_ENDS))
def test_lines_end_at_their_sites(line_id):
    coords = ASSETS.loc[line_id, "geometry"].coords
    for site, (lon, lat) in zip(LINE_ENDS[line_id], (coords[0], coords[-1]), strict=True):
        if site is not None:
            point = ASSETS.loc[site, "geometry"]
            assert haversine_km(point.x, point.y, lon, lat) <= 5.0, site


def test_every_pipeline_cites_its_waypoints():
    pipelines = LINES[LINES["kind"] == "pipeline"]
    uncited = set(pipelines.index) - set(WAYPOINTS["asset_id"])
    assert uncited == set()
    # Start, end and places between them: at least one per 400 km of pipeline.
    counts = WAYPOINTS.groupby("asset_id").size()
    for row in pipelines.itertuples():
        assert counts[row.id] >= 2 + geodesic_length_km(row.geometry) // 400, row.id


@pytest.mark.parametrize("asset_id", sorted(LINES.index[LINES["length_km"].notna()]))
def test_geodesic_length_is_close_to_reported_length_or_explained(asset_id):
    row = ASSETS.loc[asset_id]
    measured = geodesic_length_km(row.geometry)
    gap = abs(measured - row.length_km) / row.length_km
    if gap > settings.LENGTH_GAP_WARNING:
        assert isinstance(row.length_note, str) and row.length_note, f"{measured:.0f} vs {row.length_km:.0f} km, unexplained"
    # Even an explained gap must not hide a badly wrong line.
    assert gap < 0.5, f"{measured:.0f} vs {row.length_km:.0f} km"


def test_validate_flags_length_gaps_as_warnings():
    flagged = {p.record for p in validate_dataset(DATA).warnings if p.field == "length_km"}
    assert flagged == {r.id for r in LINES.itertuples() if r.length_km == r.length_km and isinstance(r.length_note, str)}


def test_every_number_has_unit_year_and_source():
    source_ids = set(SOURCES.index)
    for row in ASSETS.itertuples():
        if row.capacity_norm == row.capacity_norm and row.capacity_norm is not None:
            assert row.capacity_unit and row.capacity_year and row.capacity_source in source_ids, row.id
        if row.length_km == row.length_km and row.length_km is not None:
            assert row.length_source in source_ids, row.id
        assert set(row.sources) <= source_ids, row.id
    assert set(FLOWS["source"]) <= source_ids
    assert FLOWS["unit"].notna().all() and FLOWS["year"].notna().all()
    assert set(WAYPOINTS["source"]) <= source_ids


def test_main_oil_and_gas_lines_have_capacity():
    main = ["cpc", "uas", "btc", "cagp", "bbs", "tanap", "tap", "scp", "wrep"]
    assert ASSETS.loc[main, "capacity_norm"].notna().all()


def test_points_lie_in_the_region():
    points = ASSETS[~ASSETS["kind"].isin(LINE_KINDS)]
    minx, miny, maxx, maxy = points.total_bounds
    assert minx > 10 and maxx < 90 and miny > 30 and maxy < 62


def test_russia_flags_follow_countries():
    for row in LINES.itertuples():
        assert row.crosses_russia == ("RU" in row.countries), row.id
    assert ASSETS.loc["cpc", "ends_at_russian_port"]
    assert not ASSETS.loc["btc", "crosses_russia"]


def test_flows_cover_kazakh_crude_exports_2022_and_2023():
    oil = FLOWS[(FLOWS["commodity"] == "oil") & (FLOWS["origin"] == "KZ") & FLOWS["primary"]]
    for year in (2022, 2023):
        routes = set(oil[oil["year"] == year]["route"])
        assert {"cpc", "total"} <= routes, year
