"""``store import`` and ``store export``: files -> database -> files, byte-identical.

Import refuses data that does not validate, then replaces the database's records in one
transaction. Export reads one snapshot and writes every file: records unchanged since import
as the text they were imported from, changed or new ones in canonical form (see
:mod:`geo.store.layout`). Only accepted claims are exported; candidates and rejected claims
stay in the database.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path
from typing import Any

import shapely
from geoalchemy2.shape import from_shape, to_shape
from sqlalchemy import Connection, Engine, insert, select, text

from geo.data import load
from geo.data.corpus import ARTICLES_FILE, CLAIMS_FILE, parse_corpus, sha256_text
from geo.data.filestore import write_bytes_atomic
from geo.data.schema import AssetProps, Claim
from geo.errors import DataError, Problem
from geo.store import layout
from geo.store import tables as t

#: Files held record by record; every other file of the data folder is kept whole.
RECORD_FILES = (load.ASSETS_FILE, load.SOURCES_FILE, load.FLOWS_FILE, ARTICLES_FILE, CLAIMS_FILE)


def data_files(data_dir: Path) -> list[Path]:
    """Every file of the data folder, recursively, without hidden files and ``_work``."""
    return sorted(p for p in data_dir.rglob("*") if p.is_file() and not any(part.startswith((".", "_work"))
                                                                               for part in p.relative_to(data_dir).parts))


def json_safe(value: Any) -> Any:
    """YAML dates to their ISO text, so a record fits a JSON column (the schemas read both the same)."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: json_safe(v) for k, v in value.items()}
    if isinstance(value, list):
        return [json_safe(v) for v in value]
    return value


def _decode(path: Path) -> str:
    return path.read_bytes().decode("utf-8")


def import_files(engine: Engine, data_dir: Path, corpus_dir: Path, *, who: str = "import") -> dict[str, int]:
    """Load a data folder and its corpus into the database, replacing what was there; return counts per table."""
    data_dir, corpus_dir = Path(data_dir), Path(corpus_dir)
    problems: list[Problem] = []
    assets = load.parse_assets(data_dir)
    corpus = parse_corpus(data_dir, corpus_dir)
    for parsed in (assets, load.parse_sources(data_dir), load.parse_flows(data_dir), corpus):
        problems += [p for p in parsed.problems if p.severity == "error"]
    problems += same_span_problems(corpus.table.claims if corpus.table is not None else [])
    if problems or assets.table is None:
        raise DataError(problems)
    counts: dict[str, int] = {}
    with engine.begin() as conn:
        conn.execute(text("TRUNCATE data_files, assets, sources, flows, articles, claims, extractions, reviews RESTART IDENTITY CASCADE"))
        for path in data_files(data_dir):
            name = path.relative_to(data_dir).as_posix()
            if name not in RECORD_FILES:
                conn.execute(insert(t.data_files).values(name=name, kind="opaque", content=path.read_bytes()))
        counts["assets"] = _import_assets(conn, data_dir, assets.table)
        counts["sources"] = _import_yaml(conn, data_dir, load.SOURCES_FILE, t.sources)
        counts["flows"] = _import_flows(conn, data_dir)
        counts["articles"] = _import_articles(conn, data_dir, corpus_dir)
        counts["claims"] = _import_yaml(conn, data_dir, CLAIMS_FILE, t.claims)
        conn.execute(insert(t.audit_log).values(table_name="store", record_id=str(data_dir), action="import", who=who, after=counts))
    return counts


def same_span_problems(claims: list[Claim]) -> list[Problem]:
    """Claims that repeat an earlier claim's excerpt span: the team store keeps one claim per excerpt (``uq_claims_span``)."""
    first: dict[tuple[str, int, int], str] = {}
    problems = []
    for claim in claims:
        seen = first.setdefault((claim.article, claim.start, claim.end), claim.id)
        if seen != claim.id:
            problems.append(Problem(CLAIMS_FILE, claim.id, "start", f"the same excerpt (article {claim.article}, {claim.start}-{claim.end}) "
                                    f"as claim {seen!r}: the team store keeps one claim per excerpt"))
    return problems


def _import_yaml(conn: Connection, data_dir: Path, name: str, table: Any) -> int:
    split = layout.split_yaml_list(_decode(data_dir / name))
    conn.execute(insert(t.data_files).values(name=name, kind="records", header=split.header, trailer=split.trailer))
    rows = []
    for block, parsed in zip(split.blocks, layout.yaml_records(split), strict=True):
        record = json_safe(parsed)
        # A block that leans on an anchor in another block (``*id001``, as yaml.safe_dump writes shared values) is kept
        # as its record, written back in canonical form: alone it would not parse if that other record changed.
        row = {"id": record["id"], "record": record, "raw": block if layout.stands_alone(block) else None}
        if table is t.claims:
            row |= {"article": record["article"], "start": record["start"], "end": record["end"], "status": "accepted"}
        rows.append(row)
    if rows:
        conn.execute(insert(table), rows)
    return len(rows)


def _import_flows(conn: Connection, data_dir: Path) -> int:
    split, records = layout.split_csv(_decode(data_dir / load.FLOWS_FILE))
    conn.execute(insert(t.data_files).values(name=load.FLOWS_FILE, kind="records", header=split.header, trailer=split.trailer))
    rows = [{"year": int(r["year"] or 0), "commodity": r["commodity"], "route": r["route"], "record": r, "raw": raw}
            for raw, r in zip(split.blocks, records, strict=True)]
    if rows:
        conn.execute(insert(t.flows), rows)
    return len(rows)


def _import_assets(conn: Connection, data_dir: Path, frame: Any) -> int:
    raw_text = _decode(data_dir / load.ASSETS_FILE)
    collection = json.loads(raw_text)
    # A hand-formatted file is kept whole as well, and written back while no asset has changed.
    kept = None if load.dumps_assets(frame) == raw_text else raw_text.encode("utf-8")
    conn.execute(insert(t.data_files).values(name=load.ASSETS_FILE, kind="records", content=kept))
    rows = []
    for feature in collection["features"]:
        props = feature["properties"]
        geom = shapely.geometry.shape(feature["geometry"])
        rows.append({"id": props["id"], "kind": props["kind"], "commodity": props["commodity"], "status": props["status"],
                     "record": props, "geom": from_shape(geom, srid=4326)})
    if rows:
        conn.execute(insert(t.assets), rows)
    return len(rows)


def _import_articles(conn: Connection, data_dir: Path, corpus_dir: Path) -> int:
    split = layout.split_yaml_list(_decode(data_dir / ARTICLES_FILE))
    conn.execute(insert(t.data_files).values(name=ARTICLES_FILE, kind="records", header=split.header, trailer=split.trailer))
    rows = []
    for block, parsed in zip(split.blocks, layout.yaml_records(split), strict=True):
        record = json_safe(parsed)
        body = _decode(corpus_dir / Path(record["file"]).name)
        rows.append({"id": record["id"], "record": record, "raw": block if layout.stands_alone(block) else None,
                     "text": body, "sha256": sha256_text(body)})
    if rows:
        conn.execute(insert(t.articles), rows)
    return len(rows)


# --- export -------------------------------------------------------------------------------


def export_files(engine: Engine, data_dir: Path, corpus_dir: Path) -> list[Path]:
    """Write the database's records as a data folder and corpus (one consistent snapshot); return the files written."""
    data_dir, corpus_dir = Path(data_dir), Path(corpus_dir)
    written: list[Path] = []

    def put(path: Path, data: bytes) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_bytes_atomic(path, data)
        written.append(path)

    with engine.connect() as conn:
        conn.execute(text("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY"))
        files = {r.name: r for r in conn.execute(select(t.data_files))}
        for name, row in files.items():
            if row.kind == "opaque":
                put(data_dir / name, row.content)
        put(data_dir / load.SOURCES_FILE, _yaml_file(conn, files[load.SOURCES_FILE], t.sources, None))
        put(data_dir / CLAIMS_FILE, _yaml_file(conn, files[CLAIMS_FILE], t.claims, Claim))
        put(data_dir / ARTICLES_FILE, _yaml_file(conn, files[ARTICLES_FILE], t.articles, None))
        put(data_dir / load.FLOWS_FILE, _flows_file(conn, files[load.FLOWS_FILE]))
        put(data_dir / load.ASSETS_FILE, _assets_file(conn, files[load.ASSETS_FILE]))
        for art in conn.execute(select(t.articles.c.record, t.articles.c.text)):
            put(corpus_dir / Path(art.record["file"]).name, art.text.encode("utf-8"))
    return written


def _yaml_file(conn: Connection, meta: Any, table: Any, model: Any) -> bytes:
    query = select(table.c.record, table.c.raw).order_by(table.c.ord)
    if table is t.claims:
        query = query.where(t.claims.c.status == "accepted")
    blocks = []
    for row in conn.execute(query):
        if row.raw is not None:
            blocks.append(row.raw)
        else:
            record = model.model_validate(row.record).model_dump(exclude_none=True) if model is not None else row.record
            blocks.append(layout.yaml_block(record))
    return layout.Split(meta.header or "", blocks, meta.trailer or "").join().encode("utf-8")


def _flows_file(conn: Connection, meta: Any) -> bytes:
    columns = next(csv.reader([meta.header.removeprefix("\ufeff")]), [])
    blocks = [row.raw if row.raw is not None else layout.csv_block(columns, row.record)
              for row in conn.execute(select(t.flows.c.record, t.flows.c.raw).order_by(t.flows.c.ord))]
    return layout.Split(meta.header or "", blocks, meta.trailer or "").join().encode("utf-8")


def _assets_file(conn: Connection, meta: Any) -> bytes:
    import geopandas as gpd

    rows = conn.execute(select(t.assets.c.record, t.assets.c.geom, t.assets.c.version).order_by(t.assets.c.ord)).all()
    if meta.content is not None and all(r.version == 1 for r in rows):
        return bytes(meta.content)
    records = [{**{f: r.record.get(f) for f in AssetProps.model_fields}, "geometry": to_shape(r.geom)} for r in rows]
    frame = gpd.GeoDataFrame(records, columns=[*AssetProps.model_fields, "geometry"], geometry="geometry", crs="EPSG:4326")
    return load.dumps_assets(frame).encode("utf-8")
