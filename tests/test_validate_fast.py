"""geo.validate's cross-file checks on tables of a few rows, with every expected problem written out.

These run in milliseconds (no copy of the data folder), so the mutation run of geo/validate.py can use them.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pytest
import yaml
from shapely.geometry import LineString, Point

from geo.data import load
from geo.data.schema import RouteGroup
from geo.errors import DataError, Problem
from geo.validate import FLOW_PSEUDO_ROUTES, Report, check_assets, check_flows, check_route_groups, check_source_refs, check_waypoints, validate_dataset
from tests.conftest import DATA

# One degree of longitude along the equator is 111.32 km (WGS84 semi-major axis 6378.137 km * pi / 180).
DEG_KM = 111.32


def assets(*rows: dict) -> gpd.GeoDataFrame:
    base = {"kind": "pipeline", "countries": ["KZ"], "crosses_russia": False, "ends_at_russian_port": False, "length_km": None,
            "route_accuracy": "approximate", "sources": [], "capacity_source": None, "length_source": None,
            "planned_capacity_source": None, "geometry": LineString([(0, 0), (1, 0)])}
    frame = gpd.GeoDataFrame([{**base, **r} for r in rows], geometry="geometry", crs="EPSG:4326")
    return frame.set_index("id", drop=False)


def problem_tuples(problems: list[Problem]) -> list[tuple]:
    return [(p.file, p.record, p.field, p.message, p.severity) for p in problems]


def test_report_splits_errors_from_warnings():
    err, warn = Problem("f", None, None, "bad"), Problem("f", None, None, "odd", severity="warning")
    report = Report(problems=[err, warn])
    assert report.errors == [err]
    assert report.warnings == [warn]


def test_source_refs_report_only_unknown_strings():
    refs = [("a", "source", "known"), ("b", "source", "unknown"), ("c", "source", None)]
    assert problem_tuples(check_source_refs("x.csv", refs, {"known"})) == [
        ("x.csv", "b", "source", "unknown source id 'unknown' (not in sources.yaml)", "error")]


def test_russia_flags_must_agree_with_the_countries():
    frame = assets(
        {"id": "ok", "countries": ["KZ", "RU"], "crosses_russia": True},
        {"id": "ru-line-unflagged", "countries": ["KZ", "RU"]},
        {"id": "flag-without-ru", "crosses_russia": True},
        # A terminal in Russia need not "cross" it: only lines are checked that way.
        {"id": "ru-terminal", "kind": "terminal", "countries": ["RU"], "geometry": Point(0, 0)},
    )
    assert problem_tuples(check_assets(frame)) == [
        ("assets.geojson", "ru-line-unflagged", "crosses_russia", "countries include RU but crosses_russia is false", "error"),
        ("assets.geojson", "flag-without-ru", "crosses_russia", "crosses_russia is true but countries lack RU", "error"),
    ]


def test_reported_length_more_than_15_percent_off_the_geodesic_length_warns():
    # The line is 1 degree along the equator: 111.32 km. 100 km is 10 % off (fine); 90 km is 23.7 % off; 140 km 20.5 %.
    frame = assets({"id": "close", "length_km": 100.0}, {"id": "short", "length_km": 90.0}, {"id": "long", "length_km": 140.0},
                   {"id": "point", "kind": "terminal", "length_km": 1.0, "geometry": Point(0, 0)})
    problems = check_assets(frame)
    assert [(p.record, p.field, p.severity) for p in problems] == [("short", "length_km", "warning"), ("long", "length_km", "warning")]
    assert problems[0].message == "geodesic length 111 km differs from reported 90 km by 24%"
    assert problems[1].message == "geodesic length 111 km differs from reported 140 km by 20%"


def waypoints(*rows: tuple) -> pd.DataFrame:
    return pd.DataFrame([{"asset_id": a, "seq": s, "place": p, "lon": lon, "lat": lat} for a, s, p, lon, lat in rows])


def test_waypoints_name_a_line_and_lie_within_10_km_of_it():
    frame = assets({"id": "line", "route_accuracy": "waypoints"}, {"id": "port", "kind": "terminal", "geometry": Point(0, 0)},
                   {"id": "uncited", "route_accuracy": "waypoints"})
    wps = waypoints(
        # A point asset first, so a check that stopped at the first bad group would miss the rest.
        ("port", 1, "quay", 0.0, 0.0),
        ("line", 1, "on", 0.5, 0.0),
        # 0.05 degrees of latitude off the line: 0.05 * 110.6 = 5.5 km < 10 km.
        ("line", 2, "near", 0.5, 0.05),
        # 0.2 degrees: 0.2 * 110.6 = 22.1 km > 10 km.
        ("line", 3, "far", 0.5, 0.2),
        ("line", 3, "again", 0.6, 0.0),
        ("ghost", 1, "nowhere", 0.0, 0.0),
        ("ghost", 2, "still nowhere", 0.0, 0.0),
    )
    problems = check_waypoints(wps, frame)
    assert [(p.file, p.record, p.field) for p in problems] == [
        ("waypoints.csv", "port #1 (quay)", "asset_id"),
        ("waypoints.csv", "line #3 (far)", "lat/lon"),
        ("waypoints.csv", "ghost #1 (nowhere)", "asset_id"),
        ("waypoints.csv", "ghost #2 (still nowhere)", "asset_id"),
        ("waypoints.csv", "line #3", "seq"),
        ("assets.geojson", "uncited", "route_accuracy"),
    ]
    assert problems[0].message == "'port' is a terminal, not a line"
    far = problems[1].message
    # Row index 3 is line 5 of the file (header on line 1).
    assert far.startswith("line passes 22.") and far.endswith(" km from this waypoint (tolerance 10 km); row 5")
    assert problems[2].message == problems[3].message == "unknown asset id 'ghost'"
    assert problems[4].message == "duplicate seq for this asset"
    assert problems[5].message == "says 'waypoints' but waypoints.csv cites none for it"


def flows(*rows: tuple) -> pd.DataFrame:
    return pd.DataFrame([{"year": y, "commodity": "oil", "flow_type": "export", "origin": "KZ", "route": r, "primary": p}
                         for y, r, p in rows])


def test_flows_name_known_routes_with_exactly_one_primary_row():
    frame = flows((2023, "cpc", True), (2023, "cpc", False), (2023, "mystery", True), (2022, "cpc", True), (2022, "cpc", True),
                  (2021, "total", False))
    problems = check_flows(frame, {"cpc"} | FLOW_PSEUDO_ROUTES)
    assert problem_tuples(problems) == [
        ("flows.csv", "2023 mystery", "route", "unknown route 'mystery' (not an asset, a route in routes.yaml, or 'total')", "error"),
        ("flows.csv", "2021 oil export KZ total", "primary", "0 rows marked primary; expected exactly 1", "error"),
        ("flows.csv", "2022 oil export KZ cpc", "primary", "2 rows marked primary; expected exactly 1", "error"),
    ]


def group(ident: str, members: list[str], *, avoids: bool = False, alternatives: str | None = None) -> RouteGroup:
    return RouteGroup.model_validate({"id": ident, "name": ident, "assets": members, "avoids_russia": avoids,
                                      "alternatives": alternatives})


def test_route_groups_list_known_assets_and_keep_their_russia_promise():
    frame = assets({"id": "cpc", "countries": ["KZ", "RU"], "crosses_russia": True, "ends_at_russian_port": True},
                   {"id": "port-ru", "ends_at_russian_port": True}, {"id": "btc"})
    groups = [group("west", ["btc", "cpc", "port-ru", "nope"], avoids=True, alternatives="east"),
              group("north", ["cpc"], alternatives="west")]
    problems = check_route_groups(groups, frame)
    assert problem_tuples(problems) == [
        ("routes.yaml", "west", "assets.1", "'cpc' crosses Russia or ends at a Russian port, but the group avoids Russia", "error"),
        ("routes.yaml", "west", "assets.2", "'port-ru' crosses Russia or ends at a Russian port, but the group avoids Russia", "error"),
        ("routes.yaml", "west", "assets.3", "unknown asset id 'nope'", "error"),
        ("routes.yaml", "west", "alternatives", "unknown group 'east'", "error"),
    ]


@pytest.mark.parametrize(("label", "keep"), [("empty", 0), ("header line missing", None), ("one row, no header", 1)])
def test_a_waypoints_file_without_its_header_is_one_error_naming_the_file(data_copy: Path, label: str, keep: int | None):
    path = data_copy / "waypoints.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    rows = lines[1:] if keep is None else lines[1:1 + keep]
    path.write_text("".join(rows), encoding="utf-8")
    parsed = load.parse_waypoints(data_copy)
    assert parsed.table is None
    assert len(parsed.problems) == 1
    message = parsed.problems[0].message
    assert message.startswith("waypoints.csv: ")
    assert ("no header row" in message) == (keep == 0)
    assert message.endswith("the first line must be the header: asset_id, seq, place, lat, lon, source")
    with pytest.raises(DataError):
        load.load_waypoints(data_copy)


def test_a_waypoints_file_with_only_its_header_is_an_empty_table(data_copy: Path):
    path = data_copy / "waypoints.csv"
    path.write_text(path.read_text(encoding="utf-8").splitlines(keepends=True)[0], encoding="utf-8")
    parsed = load.parse_waypoints(data_copy)
    assert parsed.problems == []
    assert parsed.table is not None
    assert len(parsed.table) == 0


# --- validate_dataset as a whole: the shipped folder and one copy with a defect in every file ---------------


def rows_in(name: str) -> int:
    with (DATA / name).open(encoding="utf-8", newline="") as f:
        return sum(1 for _ in csv.DictReader(f))


def entries_in(name: str) -> int:
    return len(yaml.safe_load((DATA / name).read_text(encoding="utf-8")))


def test_the_shipped_folder_has_no_errors_and_counts_every_file():
    report = validate_dataset(DATA)
    assert report.errors == []
    features = json.loads((DATA / "assets.geojson").read_text(encoding="utf-8"))["features"]
    # Counted straight from the files: rows of the CSVs, entries of the YAML lists, features of the GeoJSON.
    assert report.counts == {"articles": entries_in("articles.yaml"), "claims": entries_in("claims.yaml"), "assets": len(features),
                             "waypoints": rows_in("waypoints.csv"), "flows": rows_in("flows.csv"), "sources": entries_in("sources.yaml")}
    assert report.assets is not None and len(report.assets) == len(features)


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) >= 1, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_every_files_problems_reach_the_report(data_copy: Path):
    # One defect per file, so a stage that overwrote the problems of the stages before it would lose some.
    edit(data_copy / "flows.csv", "2022,oil,export,KZ,total,World,64.3,Mt,64.3,Mt,true,astanatimes-2023-01-11-akchulakov-2022",
         "2022,oil,export,KZ,total,World,64.3,Mt,64.3,Mt,true,nobody-said")
    edit(data_copy / "waypoints.csv", "cpc,1,Tengiz field (head pump station),,46.1500,53.3800,,compiler-knowledge",
         "cpc,1,Tengiz field (head pump station),,46.1500,53.3800,,nobody-wrote")
    edit(data_copy / "routes.yaml", "assets: [kcp-atyrau-kenkiyak,", "assets: [kcp-nowhere,")
    edit(data_copy / "scenarios.yaml", "switch_off: [cpc]\n    sources: [portnews", "switch_off: [cpc-x]\n    sources: [portnews")
    report = validate_dataset(data_copy)
    found = {(p.file, p.record, p.field) for p in report.errors}
    assert ("flows.csv", "2022 total", "source") in found
    assert ("waypoints.csv", "cpc #1", "source") in found
    assert ("routes.yaml", "kcp", "assets.0") in found
    assert ("scenarios.yaml", "cpc-halted", "switch_off") in found
    # The flows.csv route check still ran: a group id is a known route, so kcp rows raise nothing.
    assert not [p for p in report.errors if p.file == "flows.csv" and p.field == "route"]
    assert report.counts["flows"] == rows_in("flows.csv")


def test_without_sources_there_is_no_source_check_and_no_count(data_copy: Path):
    (data_copy / "sources.yaml").unlink()
    report = validate_dataset(data_copy)
    assert "sources" not in report.counts
    assert [p for p in report.errors if p.file == "sources.yaml"]
    assert not [p for p in report.problems if "unknown source id" in p.message and p.file != "network.yaml"]
    assert report.counts["assets"] > 0 and report.counts["waypoints"] > 0


def test_without_assets_no_asset_checks_run(data_copy: Path):
    (data_copy / "assets.geojson").unlink()
    report = validate_dataset(data_copy)
    assert report.assets is None
    assert "assets" not in report.counts
    assert report.counts["waypoints"] == rows_in("waypoints.csv")
    assert [p for p in report.errors if p.file == "assets.geojson"]


def test_a_waypoints_file_without_header_is_reported_and_not_counted(data_copy: Path):
    path = data_copy / "waypoints.csv"
    path.write_text("".join(path.read_text(encoding="utf-8").splitlines(keepends=True)[1:]), encoding="utf-8")
    report = validate_dataset(data_copy)
    assert "waypoints" not in report.counts
    assert [p.record for p in report.errors if p.file == "waypoints.csv"] == ["row 1"]
    assert report.counts["flows"] == rows_in("flows.csv")
