"""Read the data files into validated tables.

This is the only module that reads the data folder. Every reader collects
:class:`~geo.errors.Problem` records instead of stopping at the first, so
``python -m geo validate`` can report everything at once; the ``load_*`` functions raise
:class:`~geo.errors.DataError` when any error was found.
"""

from __future__ import annotations

import csv
import io
import json
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Generic, TypeVar

import geopandas as gpd
import pandas as pd
import yaml
from pydantic import BaseModel, ValidationError
from shapely.geometry import shape
from shapely.validation import explain_validity

from geo import settings
from geo.data import filestore as store
from geo.data.network_schema import NETWORK_SECTIONS, NetworkSpec, PresetSpec
from geo.data.schema import LINE_KINDS, AssetProps, Flow, RouteGroup, Source, Waypoint
from geo.errors import DataError, Problem

ASSETS_FILE = "assets.geojson"
SOURCES_FILE = "sources.yaml"
WAYPOINTS_FILE = "waypoints.csv"
FLOWS_FILE = "flows.csv"
NETWORK_FILE = "network.yaml"
SCENARIOS_FILE = "scenarios.yaml"
ROUTES_FILE = "routes.yaml"

_ACCEPTED_CRS = {"urn:ogc:def:crs:OGC:1.3:CRS84", "urn:ogc:def:crs:EPSG::4326", "EPSG:4326"}


T = TypeVar("T")
M = TypeVar("M", bound=BaseModel)


@dataclass
class Parsed(Generic[T]):
    """A table read from one file and the problems met on the way."""

    table: T | None = None
    problems: list[Problem] = field(default_factory=list)

    def raise_for_errors(self) -> T:
        """Return the table, or raise :class:`DataError` if any problem is an error."""
        errors = [p for p in self.problems if p.severity == "error"]
        if errors:
            raise DataError(errors)
        if self.table is None:
            # Every reader that returns no table also reports why; this guards the invariant.
            raise DataError([Problem("?", None, None, "nothing was read and no error was reported")])
        return self.table


def data_dir_or_default(data_dir: Path | str | None) -> Path:
    """Return ``data_dir`` as a path, or the package's configured data folder."""
    return Path(data_dir) if data_dir is not None else settings.DATA_DIR


# --- raw readers: bytes -> text -> python objects, each failure a Problem -------------


def read_text(path: Path, name: str) -> tuple[str | None, list[Problem]]:
    """Read a UTF-8 text file; report a missing or undecodable file as a problem."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None, [Problem(name, None, None, f"file not found (looked for {path})")]
    except OSError as exc:
        return None, [Problem(name, None, None, f"cannot read file: {exc.strerror}")]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return None, [Problem(name, None, None, f"not valid UTF-8: byte 0x{raw[exc.start]:02x} at line {line} (offset {exc.start})")]
    return text.removeprefix("\ufeff"), []


def read_json(path: Path, name: str) -> tuple[Any, list[Problem]]:
    """Read a JSON file; report syntax errors with their line and column."""
    text, problems = read_text(path, name)
    if text is None:
        return None, problems
    try:
        data = json.loads(text, parse_constant=_reject_constant)
    except json.JSONDecodeError as exc:
        return None, [Problem(name, None, None, f"invalid JSON at line {exc.lineno} column {exc.colno}: {exc.msg}")]
    except ValueError as exc:
        return None, [Problem(name, None, None, f"invalid JSON: {exc}")]
    except RecursionError:
        return None, [_too_deep_in_text(name, "JSON", text)]
    return data, _depth_problems(name, data)


def _reject_constant(token: str) -> float:
    msg = f"{token} is not a valid JSON number"
    raise ValueError(msg)


def read_yaml(path: Path, name: str) -> tuple[Any, list[Problem]]:
    """Read a YAML file; report syntax errors with their line."""
    text, problems = read_text(path, name)
    if text is None:
        return None, problems
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1} column {mark.column + 1}" if mark else ""
        reason = getattr(exc, "problem", None) or str(exc)
        return None, [Problem(name, None, None, f"invalid YAML{where}: {reason}")]
    except RecursionError:
        return None, [_too_deep_in_text(name, "YAML", text)]
    return data, _depth_problems(name, data)


#: Deepest nesting of lists and mappings accepted in a data file (the real files use 5).
MAX_DEPTH = 32


def _depth_problems(name: str, data: Any) -> list[Problem]:
    """A problem naming the record and field where ``data`` nests deeper than :data:`MAX_DEPTH`.

    Iterative, so it cannot itself overflow the stack; later readers may recurse freely.
    """
    stack: list[tuple[Any, tuple[Any, ...]]] = [(data, ())]
    while stack:
        node, path = stack.pop()
        if len(path) > MAX_DEPTH:
            return [_deep_problem(name, data, path)]
        children = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else ()
        stack.extend((child, (*path, key)) for key, child in children)
    return []


def _deep_problem(name: str, data: Any, path: tuple[Any, ...]) -> Problem:
    # Name the record the way the file's own reader does: features by their properties' id, list items by id or position.
    if isinstance(data, dict) and path[:1] == ("features",) and len(path) > 1 and isinstance(data.get("features"), list):
        feature = data["features"][path[1]]
        record, rest = _record_label(feature.get("properties") if isinstance(feature, dict) else None, path[1]), path[2:]
    elif isinstance(data, dict) and len(path) > 1 and isinstance(data.get(path[0]), list):
        record, rest = f"{path[0]} {_record_label(data[path[0]][path[1]], path[1])}", path[2:]
    elif isinstance(data, list):
        record, rest = _record_label(data[path[0]], path[0]), path[1:]
    else:
        record, rest = None, path
    shown = ".".join(str(k) for k in rest[:4]) + (".…" if len(rest) > 4 else "")
    return Problem(name, record, shown or None, f"nested more than {MAX_DEPTH} levels deep; data files hold flat records")


def _too_deep_in_text(name: str, kind: str, text: str) -> Problem:
    """The line where brackets first nest past :data:`MAX_DEPTH` (quotes are not tracked; a hint only)."""
    depth = 0
    for i, ch in enumerate(text):
        depth += 1 if ch in "[{" else -1 if ch in "]}" else 0
        if depth > MAX_DEPTH:
            line = text.count("\n", 0, i) + 1
            return Problem(name, None, None, f"invalid {kind}: nested too deeply to read (past {MAX_DEPTH} levels at line {line})")
    return Problem(name, None, None, f"invalid {kind}: nested too deeply to read")


def read_csv(path: Path, name: str, required: Sequence[str] = ()) -> tuple[list[dict[str, str | None]] | None, list[Problem]]:
    """Read a CSV file with a header row into dicts (empty cells become ``None``).

    A header without every ``required`` column is one error naming the file (a file whose header
    line is missing would otherwise read its first row as the header, and a one-row file as no rows).
    """
    text, problems = read_text(path, name)
    if text is None:
        return None, problems
    reader = csv.DictReader(io.StringIO(text))
    try:
        header = reader.fieldnames or []
    except csv.Error as exc:
        return None, [Problem(name, "row 1", None, f"invalid CSV: {exc}")]
    missing = [c for c in required if c not in header]
    if missing:
        found = "no header row (the file is empty)" if not header else f"header row lacks {', '.join(missing)}"
        msg = f"{name}: {found}; the first line must be the header: {', '.join(required)}"
        return None, [Problem(name, "row 1", None, msg)]
    rows: list[dict[str, str | None]] = []
    try:
        for row in reader:
            if None in row:
                return None, [Problem(name, f"row {reader.line_num}", None, "more cells than header columns")]
            rows.append({k: (v if v != "" else None) for k, v in row.items()})
    except csv.Error as exc:
        return None, [Problem(name, f"row {reader.line_num}", None, f"invalid CSV: {exc}")]
    return rows, []


def validate_records(
    name: str, items: Iterable[tuple[str, Any]], model: type[M]
) -> tuple[list[M], list[Problem]]:
    """Validate raw records against a model; one problem per failing field."""
    records: list[M] = []
    problems: list[Problem] = []
    for label, raw in items:
        if not isinstance(raw, dict):
            problems.append(Problem(name, label, None, f"expected a mapping, got {type(raw).__name__}"))
            continue
        try:
            records.append(model.model_validate(raw))
        except ValidationError as exc:
            problems += validation_problems(exc, name, label)
    return records, problems


def validation_problems(exc: ValidationError, name: str, label: str | None) -> list[Problem]:
    """One problem per failing field; a whole-record check names its field as ``"field: message"``."""
    problems = []
    for err in exc.errors():
        fld, msg = ".".join(str(p) for p in err["loc"]) or None, err["msg"].removeprefix("Value error, ")
        if fld is None and ": " in msg:
            fld, msg = msg.split(": ", 1)
        problems.append(Problem(name, label, fld, msg))
    return problems


def _record_label(raw: Any, index: int) -> str:
    rid = raw.get("id") if isinstance(raw, dict) else None
    return str(rid) if isinstance(rid, str) and rid else f"#{index + 1}"


def _check_unique(name: str, ids: Iterable[str]) -> list[Problem]:
    seen: set[str] = set()
    problems = []
    for rid in ids:
        if rid in seen:
            problems.append(Problem(name, rid, "id", "duplicate id"))
        seen.add(rid)
    return problems


def parse_yaml_list(path: Path, name: str, model: type[M], *, key: str | None = None) -> Parsed[list[M]]:
    """Read a YAML file holding a list of records (optionally under ``key``) into models."""
    raw, problems = read_yaml(path, name)
    if problems:
        return Parsed(None, problems)
    if key is not None:
        raw = raw.get(key) if isinstance(raw, dict) else None
    if not isinstance(raw, list):
        where = f"a list under '{key}'" if key else "a list of records"
        return Parsed(None, [Problem(name, None, key, f"expected {where}")])
    labelled = [(_record_label(r, i), r) for i, r in enumerate(raw)]
    records, problems = validate_records(name, labelled, model)
    problems += _check_unique(name, (r.id for r in records if hasattr(r, "id")))
    return Parsed(records, problems)


# --- tables ------------------------------------------------------------------------


def parse_sources(data_dir: Path | str | None = None) -> Parsed[pd.DataFrame]:
    """Read the bibliography into a DataFrame indexed by source id."""
    path = data_dir_or_default(data_dir) / SOURCES_FILE
    parsed = parse_yaml_list(path, SOURCES_FILE, Source)
    if parsed.table is None:
        return Parsed(None, parsed.problems)
    frame = pd.DataFrame([s.model_dump() for s in parsed.table], columns=list(Source.model_fields))
    return Parsed(frame.drop_duplicates("id").set_index("id", drop=False), parsed.problems)


def _parse_feature(feature: Any, index: int) -> tuple[dict[str, Any] | None, list[Problem]]:
    name = ASSETS_FILE
    if not isinstance(feature, dict) or feature.get("type") != "Feature":
        return None, [Problem(name, f"#{index + 1}", "type", "expected a GeoJSON Feature")]
    props = feature.get("properties")
    label = _record_label(props, index)
    records, problems = validate_records(name, [(label, props)], AssetProps)
    geometry, geom_problems = _parse_geometry(feature.get("geometry"), label)
    problems += geom_problems
    if problems:
        return None, problems
    asset: AssetProps = records[0]
    is_line = asset.kind in LINE_KINDS
    if is_line != (geometry.geom_type in ("LineString", "MultiLineString")):
        want = "a LineString or MultiLineString" if is_line else "a Point"
        return None, [Problem(name, label, "geometry", f"a {asset.kind} needs {want}, got {geometry.geom_type}")]
    return {**asset.model_dump(), "geometry": geometry}, []


def _parse_geometry(raw: Any, label: str) -> tuple[Any, list[Problem]]:
    name = ASSETS_FILE
    if not isinstance(raw, dict) or "type" not in raw:
        return None, [Problem(name, label, "geometry", "missing or not a GeoJSON geometry")]
    try:
        geom = shape(raw)
    except Exception as exc:  # shapely raises several types for malformed input
        return None, [Problem(name, label, "geometry", f"malformed {raw.get('type')} geometry: {exc}")]
    if geom.is_empty:
        return None, [Problem(name, label, "geometry", "geometry is empty")]
    minx, miny, maxx, maxy = geom.bounds
    if not all(math.isfinite(v) for v in geom.bounds) or minx < -180 or maxx > 180 or miny < -90 or maxy > 90:
        msg = f"coordinates outside lon/lat range (bounds {minx:.2f}, {miny:.2f}, {maxx:.2f}, {maxy:.2f}); is this EPSG:4326 with lon before lat?"
        return None, [Problem(name, label, "geometry", msg)]
    if not geom.is_valid:
        return None, [Problem(name, label, "geometry", f"invalid geometry: {explain_validity(geom)}")]
    if geom.geom_type in ("LineString", "MultiLineString") and geom.length == 0:
        return None, [Problem(name, label, "geometry", "line has zero length")]
    return geom, []


def parse_assets(data_dir: Path | str | None = None) -> Parsed[gpd.GeoDataFrame]:
    """Read ``assets.geojson`` into a GeoDataFrame (EPSG:4326) indexed by asset id."""
    raw, problems = read_json(data_dir_or_default(data_dir) / ASSETS_FILE, ASSETS_FILE)
    if problems:
        return Parsed(None, problems)
    if not isinstance(raw, dict) or raw.get("type") != "FeatureCollection" or not isinstance(raw.get("features"), list):
        return Parsed(None, [Problem(ASSETS_FILE, None, "type", "expected a GeoJSON FeatureCollection with a 'features' list")])
    crs = raw.get("crs", {}).get("properties", {}).get("name") if isinstance(raw.get("crs"), dict) else None
    if crs is not None and crs not in _ACCEPTED_CRS:
        return Parsed(None, [Problem(ASSETS_FILE, None, "crs", f"CRS {crs!r} is not EPSG:4326 (GeoJSON is lon/lat WGS84)")])
    rows = []
    for i, feature in enumerate(raw["features"]):
        row, feature_problems = _parse_feature(feature, i)
        problems += feature_problems
        if row is not None:
            rows.append(row)
    problems += _check_unique(ASSETS_FILE, (r["id"] for r in rows))
    columns = [*AssetProps.model_fields, "geometry"]
    frame = gpd.GeoDataFrame(rows, columns=columns, geometry="geometry", crs="EPSG:4326")
    frame = frame.drop_duplicates("id").set_index("id", drop=False)
    frame.index.name = None
    return Parsed(frame, problems)


def parse_csv_table(path: Path, name: str, model: type[BaseModel]) -> Parsed[pd.DataFrame]:
    """Read a CSV file into a DataFrame whose rows passed ``model``."""
    rows, problems = read_csv(path, name, required=[k for k, f in model.model_fields.items() if f.is_required()])
    if rows is None:
        return Parsed(None, problems)
    # The header is line 1, so data row i is on line i + 2.
    records, problems = validate_records(name, ((f"row {i + 2}", r) for i, r in enumerate(rows)), model)
    frame = pd.DataFrame([r.model_dump() for r in records], columns=list(model.model_fields))
    return Parsed(frame, problems)


def parse_waypoints(data_dir: Path | str | None = None) -> Parsed[pd.DataFrame]:
    """Read ``waypoints.csv``: the cited places each line asset passes."""
    return parse_csv_table(data_dir_or_default(data_dir) / WAYPOINTS_FILE, WAYPOINTS_FILE, Waypoint)


def parse_flows(data_dir: Path | str | None = None) -> Parsed[pd.DataFrame]:
    """Read ``flows.csv``: annual volumes by route."""
    return parse_csv_table(data_dir_or_default(data_dir) / FLOWS_FILE, FLOWS_FILE, Flow)


def parse_route_groups(data_dir: Path | str | None = None) -> Parsed[list[RouteGroup]]:
    """Read ``routes.yaml``: named groups of assets (a list of :class:`RouteGroup`)."""
    return parse_yaml_list(data_dir_or_default(data_dir) / ROUTES_FILE, ROUTES_FILE, RouteGroup)


def load_route_groups(data_dir: Path | str | None = None) -> list[RouteGroup]:
    """Return the route groups; raise :class:`DataError` if invalid."""
    return parse_route_groups(data_dir).raise_for_errors()


def load_sources(data_dir: Path | str | None = None) -> pd.DataFrame:
    """Return the bibliography indexed by source id; raise :class:`DataError` if invalid."""
    return parse_sources(data_dir).raise_for_errors()


def load_assets(data_dir: Path | str | None = None) -> gpd.GeoDataFrame:
    """Return the assets as a GeoDataFrame; raise :class:`DataError` if invalid."""
    return parse_assets(data_dir).raise_for_errors()


def load_waypoints(data_dir: Path | str | None = None) -> pd.DataFrame:
    """Return the cited waypoints; raise :class:`DataError` if invalid."""
    return parse_waypoints(data_dir).raise_for_errors()


def load_flows(data_dir: Path | str | None = None) -> pd.DataFrame:
    """Return the flow table; raise :class:`DataError` if invalid."""
    return parse_flows(data_dir).raise_for_errors()


def dumps_assets(assets: gpd.GeoDataFrame) -> str:
    """Serialise assets as a review-friendly GeoJSON FeatureCollection.

    One feature per block, properties one per line, coordinates rounded to 4 decimals
    (about 10 m) on one line, so a change to an asset is a small, readable diff.
    """
    blocks = []
    for row in assets.itertuples(index=False):
        props = {f: plain_value(getattr(row, f)) for f in AssetProps.model_fields}
        props = {k: v for k, v in props.items() if v not in (None, [], "")}
        geometry = json.dumps(_rounded(row.geometry.__geo_interface__), separators=(",", ":"))
        body = json.dumps(props, ensure_ascii=False, indent=2).replace("\n", "\n  ")
        blocks.append(f'{{"type": "Feature",\n  "properties": {body},\n  "geometry": {geometry}}}')
    return '{"type": "FeatureCollection",\n"features": [\n' + ",\n".join(blocks) + "\n]}\n"


def plain_value(value: Any) -> Any:
    """Numpy scalars, NaN and nested containers to plain JSON-ready Python values."""
    if hasattr(value, "item"):
        value = value.item()
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, list):
        return [plain_value(v) for v in value]
    if isinstance(value, dict):
        return {k: plain_value(v) for k, v in value.items()}
    return value


def _rounded(geo: dict[str, Any]) -> dict[str, Any]:
    def r(c: Any) -> Any:
        return [round(c[0], 4), round(c[1], 4)] if isinstance(c[0], float | int) else [r(x) for x in c]

    return {"type": geo["type"], "coordinates": r(geo["coordinates"])}


def write_text_atomic(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file and a rename, so a crash loses nothing."""
    # A temporary name unique to this writer: parallel writers never rename each other's file.
    store.write_text_atomic(path, text, prefix=f".{path.name}.tmp-")


# --- route network and scenario presets ----------------------------------------------


def _network_label(section: str, raw: Any, index: int) -> str:
    if section == "targets" and isinstance(raw, dict):
        return f"targets {raw.get('year')} {raw.get('commodity')} {raw.get('route')}"
    return f"{section} {_record_label(raw, index)}"


def _nested_field(problem: Problem) -> Problem:
    """Move a nested record's ``"field: message"`` into the field path (``capacity.0`` -> ``capacity.0.note``)."""
    head, sep, rest = problem.message.partition(": ")
    if problem.field is not None and sep and head.isidentifier() and head.islower():
        return Problem(problem.file, problem.record, f"{problem.field}.{head}", rest, problem.severity)
    return problem


def parse_network(data_dir: Path | str | None = None) -> Parsed[NetworkSpec]:
    """Read ``network.yaml`` (the route network's topology) into a :class:`~geo.data.network_schema.NetworkSpec`.

    Each record is validated on its own, so one run reports every bad node, edge, route,
    target and fixed flow; the table is ``None`` when the file cannot be assembled.
    """
    name = NETWORK_FILE
    raw, problems = read_yaml(data_dir_or_default(data_dir) / name, name)
    if problems:
        return Parsed(None, problems)
    if not isinstance(raw, dict):
        return Parsed(None, [Problem(name, None, None, f"expected a mapping with keys {sorted(NetworkSpec.model_fields)}")])
    problems += [Problem(name, None, str(k), f"unknown key; expected one of {sorted(NetworkSpec.model_fields)}")
                 for k in raw if k not in NetworkSpec.model_fields]
    sections: dict[str, list[BaseModel]] = {}
    for key, model in NETWORK_SECTIONS.items():
        items = raw.get(key) or []
        if not isinstance(items, list):
            problems.append(Problem(name, None, key, "expected a list of records"))
            items = []
        records, found = validate_records(name, [(_network_label(key, r, i), r) for i, r in enumerate(items)], model)
        problems += [_nested_field(p) for p in found]
        if "id" in model.model_fields:
            problems += [Problem(name, f"{key} {p.record}", p.field, p.message) for p in _check_unique(name, (r.id for r in records if hasattr(r, "id")))]
        sections[key] = records
    header = {k: raw[k] for k in NetworkSpec.model_fields if k in raw and k not in NETWORK_SECTIONS}
    try:
        spec = NetworkSpec.model_validate({**header, **sections})
    except ValidationError as exc:
        return Parsed(None, problems + validation_problems(exc, name, None))
    return Parsed(spec, problems)


def parse_scenarios(data_dir: Path | str | None = None) -> Parsed[list[PresetSpec]]:
    """Read the scenario presets of ``scenarios.yaml`` (a list under ``presets``)."""
    path = data_dir_or_default(data_dir) / SCENARIOS_FILE
    return parse_yaml_list(path, SCENARIOS_FILE, PresetSpec, key="presets")


def load_network(data_dir: Path | str | None = None) -> NetworkSpec:
    """Return the network spec; raise :class:`DataError` if invalid."""
    return parse_network(data_dir).raise_for_errors()


def load_scenarios(data_dir: Path | str | None = None) -> list[PresetSpec]:
    """Return the scenario presets in file order; raise :class:`DataError` if invalid."""
    return parse_scenarios(data_dir).raise_for_errors()
