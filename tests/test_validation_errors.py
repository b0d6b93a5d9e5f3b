"""Corrupted copies of the data give one precise error (file, record, field) and no traceback."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from geo.cli import commands as cli
from geo.data import load


def edit_assets(data: Path, change) -> None:
    path = data / load.ASSETS_FILE
    collection = json.loads(path.read_text(encoding="utf-8"))
    change(collection["features"])
    path.write_text(json.dumps(collection, ensure_ascii=False), encoding="utf-8")


def feature(features, asset_id):
    return next(f for f in features if f["properties"]["id"] == asset_id)


def run_validate(data: Path, capsys) -> tuple[int, str]:
    code = cli.main(["--data-dir", str(data), "validate"])
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err + captured.out
    return code, captured.err


def set_prop(asset_id, **props):
    def change(features):
        feature(features, asset_id)["properties"].update(props)

    return change


CASES = {
    "broken geometry": (
        lambda d: edit_assets(d, lambda fs: feature(fs, "cpc")["geometry"].update(coordinates=[[53.0, 46.0]])),
        ["assets.geojson", "record cpc", "field 'geometry'"],
    ),
    "self-crossing is fine but NaN is not": (
        lambda d: (d / "assets.geojson").write_text(
            (d / "assets.geojson").read_text(encoding="utf-8").replace('"coordinates":[[', '"coordinates":[[NaN,', 1), encoding="utf-8"
        ),
        ["assets.geojson", "invalid JSON", "NaN"],
    ),
    "coordinates swapped out of range": (
        lambda d: edit_assets(d, lambda fs: feature(fs, "aktau")["geometry"].update(coordinates=[43.6, 251.2])),
        ["assets.geojson", "record aktau", "field 'geometry'", "lon/lat range"],
    ),
    "unknown source id": (
        lambda d: edit_assets(d, set_prop("btc", sources=["no-such-source"])),
        ["assets.geojson", "record btc", "field 'sources.0'", "unknown source id 'no-such-source'"],
    ),
    "duplicate id": (
        lambda d: edit_assets(d, lambda fs: fs.append(json.loads(json.dumps(feature(fs, "tap"))))),
        ["assets.geojson", "record tap", "field 'id'", "duplicate id"],
    ),
    "wrong capacity unit": (
        lambda d: edit_assets(d, set_prop("cpc", capacity_unit="furlongs/y")),
        ["assets.geojson", "record cpc", "field 'capacity_unit'", "furlongs"],
    ),
    "gas capacity in oil units": (
        lambda d: edit_assets(d, set_prop("tap", capacity_unit="Mt/y", capacity_norm_unit="Mt/y")),
        ["assets.geojson", "record tap", "field 'capacity_unit'"],
    ),
    "normalised value disagrees": (
        lambda d: edit_assets(d, set_prop("cpc", capacity_norm=1.0)),
        ["assets.geojson", "record cpc", "field 'capacity_norm'"],
    ),
    "negative capacity": (
        lambda d: edit_assets(d, set_prop("btc", capacity_value=-5)),
        ["assets.geojson", "record btc", "field 'capacity_value'"],
    ),
    "unknown status": (
        lambda d: edit_assets(d, set_prop("tcgp", status="dreamt")),
        ["assets.geojson", "record tcgp", "field 'status'"],
    ),
    "non-UTF-8 file": (
        lambda d: (d / "sources.yaml").write_bytes((d / "sources.yaml").read_bytes() + "\n# K\xf6ln\n".encode("latin-1")),
        ["sources.yaml", "not valid UTF-8", "byte 0xf6"],
    ),
    "missing file": (
        lambda d: (d / "flows.csv").unlink(),
        ["flows.csv", "file not found"],
    ),
    "truncated JSON": (
        lambda d: (d / "assets.geojson").write_text((d / "assets.geojson").read_text(encoding="utf-8")[:5000], encoding="utf-8"),
        ["assets.geojson", "invalid JSON at line"],
    ),
    "flow with an unknown source": (
        lambda d: (d / "flows.csv").write_text(
            (d / "flows.csv").read_text(encoding="utf-8") + "2023,oil,export,KZ,cpc,x,1,Mt,1,Mt,false,nobody-said,\n", encoding="utf-8"
        ),
        ["flows.csv", "2023 cpc", "field 'source'", "nobody-said"],
    ),
    "waypoint far from its line": (
        lambda d: (d / "waypoints.csv").write_text(
            (d / "waypoints.csv").read_text(encoding="utf-8") + "btc,99,Moscow,,55.75,37.62,approximate,wiki-btc-pipeline,\n", encoding="utf-8"
        ),
        ["waypoints.csv", "btc #99 (Moscow)", "field 'lat/lon'", "km from this waypoint"],
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_corrupted_data_gives_a_precise_error(case, data_copy, capsys):
    corrupt, expected = CASES[case]
    corrupt(data_copy)
    code, err = run_validate(data_copy, capsys)
    assert code == 1
    first_error = next(line for line in err.splitlines() if all(e in line for e in expected[:2]))
    for fragment in expected:
        assert fragment in first_error, (fragment, err)


def test_the_unchanged_copy_validates(data_copy, capsys):
    assert run_validate(data_copy, capsys)[0] == 0


def test_load_raises_data_error_listing_problems(data_copy):
    edit_assets(data_copy, set_prop("btc", sources=["nope"], status="dreamt"))
    with pytest.raises(load.DataError) as info:
        load.load_assets(data_copy)
    assert any(p.record == "btc" and p.field == "status" for p in info.value.problems)


def _append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def _nest_in_feature(d: Path, depth: int) -> None:
    # Nest a list `depth` levels deep inside the btc feature's aliases.
    def change(features):
        value: list = ["x"]
        for _ in range(depth):
            value = [value]
        feature(features, "btc")["properties"]["aliases"] = value

    edit_assets(d, change)


DEEP_CASES = {
    # Deeper than Python's recursion limit: the parser itself cannot read the file.
    "JSON nested past the recursion limit": (
        lambda d: (d / "assets.geojson").write_text(
            (d / "assets.geojson").read_text(encoding="utf-8").replace('"features": [', '"features": [' + "[" * 100_000 + "]" * 100_000 + ",", 1),
            encoding="utf-8"),
        ["assets.geojson", "invalid JSON", "nested too deeply"],
    ),
    "YAML nested past the recursion limit": (
        lambda d: _append(d / "claims.yaml", "- id: deep\n  assets: " + "[" * 100_000 + "]" * 100_000 + "\n"),
        ["claims.yaml", "invalid YAML", "nested too deeply"],
    ),
    # Readable, but deeper than any data file needs: the record and field are named.
    "JSON nested 40 levels in a record": (
        lambda d: _nest_in_feature(d, 40),
        ["assets.geojson", "record btc", "field 'properties.aliases.0.0", "nested more than 32 levels"],
    ),
    "YAML nested 40 levels in a record": (
        lambda d: _append(d / "routes.yaml", "- id: deep\n  name: x\n  assets: " + "[" * 40 + "]" * 40 + "\n"),
        ["routes.yaml", "record deep", "field 'assets.0.0.0", "nested more than 32 levels"],
    ),
    "YAML nested 40 levels under a network section": (
        lambda d: (d / "network.yaml").write_text(
            (d / "network.yaml").read_text(encoding="utf-8").replace("nodes:\n", "nodes:\n  - id: deep\n    note: " + "[" * 40 + "]" * 40 + "\n", 1),
            encoding="utf-8"),
        ["network.yaml", "record nodes deep", "field 'note.0.0", "nested more than 32 levels"],
    ),
    "month 13 in a source date": (
        lambda d: _append(d / "sources.yaml", "- id: month-thirteen\n  publisher: P\n  title: T\n  date: '2024-13'\n"),
        ["sources.yaml", "record month-thirteen", "field 'date'", "month 13"],
    ),
    "30 February in an article": (
        lambda d: (d / "articles.yaml").write_text(
            (d / "articles.yaml").read_text(encoding="utf-8").replace('published: "2024-02-07"', 'published: "2024-02-30"'), encoding="utf-8"),
        ["articles.yaml", "record 000_149cd47eccacf6d5", "field 'published'", "not a calendar date"],
    ),
}


@pytest.mark.parametrize("case", sorted(DEEP_CASES))
def test_deep_nesting_and_impossible_dates_are_named(case, data_copy, capsys):
    corrupt, expected = DEEP_CASES[case]
    corrupt(data_copy)
    code, err = run_validate(data_copy, capsys)
    assert code == 1
    matching = [line for line in err.splitlines() if all(e in line for e in expected)]
    assert len(matching) == 1, (expected, err)
