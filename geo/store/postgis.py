"""The team store: PostgreSQL + PostGIS through SQLAlchemy 2 and GeoAlchemy2.

Rows read back pass the same pydantic records as the files; a problem names the table
(``assets (database)``), the record id and the field. Spatial questions run in the database:
the map's bounding box (``&&`` on the GiST index, then ``ST_Intersects``) and claims within a
distance of a port or along a route (``ST_DWithin`` on geography, metres on the WGS84 spheroid).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

import geopandas as gpd
import pandas as pd
from geoalchemy2.shape import to_shape
from pydantic import ValidationError
from sqlalchemy import Engine, create_engine, func, select, text
from sqlalchemy.dialects.postgresql import insert as pg_insert

from geo.data import load
from geo.data.corpus import Corpus, check_claim, sha256_text
from geo.data.schema import Article, AssetProps, Claim, Flow, Source
from geo.errors import DataError, IngestError, Problem, UnknownIdError, field_message
from geo.store import tables as t
from geo.store.base import BBox, Store
from geo.store.review import TABLE_LABEL


def sqlalchemy_url(url: str) -> str:
    """``postgresql://`` as SQLAlchemy's psycopg 3 URL.

    Examples
    --------
    >>> sqlalchemy_url("postgresql://me@db/geo")
    'postgresql+psycopg://me@db/geo'
    """
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix):]
    return url


@cache
def engine_for(url: str) -> Engine:
    """One engine (connection pool) per URL and process."""
    return create_engine(sqlalchemy_url(url), pool_pre_ping=True)



def _relabel(problems: list[Problem], table: str) -> list[Problem]:
    return [Problem(TABLE_LABEL.format(table), p.record, p.field, p.message, p.severity) for p in problems]


@dataclass
class PostgisStore(Store):
    """A database migrated by :mod:`geo.store.migrate` and filled by ``store import`` or the extractor."""

    engine: Engine
    kind: str = "postgis"

    @classmethod
    def connect(cls, url: str) -> PostgisStore:
        """The store at ``url`` (``postgresql://...``)."""
        return cls(engine_for(url))

    def version(self) -> tuple[tuple[str, int, int], ...]:
        """The newest audit row, and the row count plus asset versions: any import, ingest or review changes it."""
        with self.engine.connect() as conn:
            audit, rows = conn.execute(text(
                "SELECT (SELECT coalesce(max(id), 0) FROM audit_log), "
                "(SELECT count(*) FROM claims) + (SELECT count(*) FROM articles) + (SELECT coalesce(sum(version), 0) FROM assets) "
                "+ (SELECT coalesce(sum(version), 0) FROM claims)")).one()
        return ((self.engine.url.render_as_string(hide_password=True), int(audit), int(rows)),)

    def assets(self) -> gpd.GeoDataFrame:
        """The assets table, each row checked as a GeoJSON feature of ``assets.geojson`` would be."""
        with self.engine.connect() as conn:
            rows = conn.execute(select(t.assets.c.id, t.assets.c.record, t.assets.c.geom).order_by(t.assets.c.ord)).all()
        records, problems = [], []
        for i, r in enumerate(rows):
            feature = {"type": "Feature", "properties": r.record, "geometry": to_shape(r.geom).__geo_interface__}
            row, found = load._parse_feature(feature, i)  # the files' own feature check
            problems += _relabel(found, "assets")
            if row is not None:
                records.append(row)
        if problems:
            raise DataError(problems)
        frame = gpd.GeoDataFrame(records, columns=[*AssetProps.model_fields, "geometry"], geometry="geometry", crs="EPSG:4326")
        frame = frame.set_index("id", drop=False)
        frame.index.name = None
        return frame

    def _records(self, table: Any, model: Any, label: str) -> list[Any]:
        with self.engine.connect() as conn:
            rows = conn.execute(select(table.c.record).order_by(table.c.ord)).scalars().all()
        items = [(str(r.get("id") or f"#{i + 1}"), r) for i, r in enumerate(rows)]
        records, problems = load.validate_records(TABLE_LABEL.format(label), items, model)
        if problems:
            raise DataError(problems)
        return records

    def flows(self) -> pd.DataFrame:
        """The flows table as :func:`geo.data.load.load_flows` returns ``flows.csv``."""
        return pd.DataFrame([r.model_dump() for r in self._records(t.flows, Flow, "flows")], columns=list(Flow.model_fields))

    def sources(self) -> pd.DataFrame:
        """The sources table, indexed by id."""
        frame = pd.DataFrame([s.model_dump() for s in self._records(t.sources, Source, "sources")], columns=list(Source.model_fields))
        return frame.set_index("id", drop=False)

    def corpus(self, asset_ids: set[str] | None = None) -> Corpus:
        """Articles with their texts and the accepted claims, checked like the files (offsets, references)."""
        with self.engine.connect() as conn:
            arts = conn.execute(select(t.articles.c.id, t.articles.c.record, t.articles.c.text).order_by(t.articles.c.ord)).all()
            rows = conn.execute(select(t.claims.c.record).where(t.claims.c.status == "accepted").order_by(t.claims.c.ord)).scalars().all()
        articles, problems = load.validate_records(TABLE_LABEL.format("articles"), [(a.id, a.record) for a in arts], Article)
        texts = {a.id: a.text for a in arts}
        for art in articles:
            if art.sha256 is not None and art.sha256 != sha256_text(texts[art.id]):
                problems.append(Problem(TABLE_LABEL.format("articles"), art.id, "sha256", "the stored text does not match the article's sha256"))
        claims, claim_problems = load.validate_records(TABLE_LABEL.format("claims"), [(str(r.get("id")), r) for r in rows], Claim)
        problems += claim_problems
        by_id = {a.id: a for a in articles}
        for claim in claims:
            problems += [Problem(TABLE_LABEL.format("claims"), p.record, p.field, p.message)
                         for p in check_claim(claim, by_id, texts, asset_ids)]
        if problems:
            raise DataError(problems)
        return Corpus(by_id, texts, claims)

    def add_article(self, body: str, metadata: dict[str, Any], *, who: str = "dashboard") -> tuple[str, bool]:
        """Store an article under its content-hash id (the files' scheme); return the id and whether it was new.

        One transaction; the unique constraints on id and text hash decide, so two analysts adding the same text store it once.
        """
        digest = sha256_text(body)
        art_id = digest[:16]
        try:
            article = Article.model_validate({"id": art_id, "file": f"seeds/{art_id}.txt", "sha256": digest, **metadata})
        except ValidationError as exc:  # the files' ingest message (geo.claims.ingest), not a traceback
            detail = "; ".join(field_message(e["loc"], e["msg"]) for e in exc.errors())
            msg = f"invalid metadata: {detail}"
            raise IngestError(msg) from None
        record = article.model_dump(exclude_none=True)
        with self.engine.begin() as conn:
            new = conn.execute(pg_insert(t.articles).values(id=art_id, record=record, text=body, sha256=digest)
                               .on_conflict_do_nothing().returning(t.articles.c.id)).first() is not None
            if new:
                conn.execute(pg_insert(t.audit_log).values(table_name="articles", record_id=art_id, action="add", who=who, after=record))
        return art_id, new

    def assets_in_bbox(self, bbox: BBox) -> list[str]:
        """``geom && envelope`` (GiST index) and ``ST_Intersects``."""
        box = func.ST_MakeEnvelope(*bbox, 4326)
        query = select(t.assets.c.id).where(t.assets.c.geom.op("&&")(box), func.ST_Intersects(t.assets.c.geom, box)).order_by(t.assets.c.id)
        with self.engine.connect() as conn:
            return list(conn.execute(query).scalars())

    def assets_near(self, asset_id: str, km: float) -> list[str]:
        """Assets within ``km`` of asset ``asset_id`` (``ST_DWithin`` on geography: metres on the spheroid)."""
        with self.engine.connect() as conn:
            if conn.execute(select(t.assets.c.id).where(t.assets.c.id == asset_id)).one_or_none() is None:
                msg = f"unknown asset id {asset_id!r}"
                raise UnknownIdError(msg)
            return list(conn.execute(text(
                "SELECT a.id FROM assets a, assets ref WHERE ref.id = :ref "
                "AND ST_DWithin(a.geom::geography, ref.geom::geography, :metres) ORDER BY a.id"), {"ref": asset_id, "metres": km * 1000}).scalars())

    def claims_near(self, asset_id: str, km: float) -> list[str]:
        """Accepted claims linked to an asset within ``km`` of ``asset_id`` (one query: JSON assets joined to the geometry)."""
        self.assets_near(asset_id, 0)  # raises for an unknown id
        with self.engine.connect() as conn:
            return list(conn.execute(text(
                "SELECT DISTINCT c.id FROM claims c "
                "CROSS JOIN LATERAL json_array_elements(c.record -> 'assets') AS link "
                "JOIN assets a ON a.id = link ->> 'id' JOIN assets ref ON ref.id = :ref "
                "WHERE c.status = 'accepted' AND ST_DWithin(a.geom::geography, ref.geom::geography, :metres) ORDER BY c.id"),
                {"ref": asset_id, "metres": km * 1000}).scalars())

