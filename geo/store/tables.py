"""The database tables of the team store (SQLAlchemy 2 + GeoAlchemy2, PostgreSQL + PostGIS).

Each data record keeps ``record`` (its fields as JSON, validated by the same pydantic model as
the files) and, when it was imported from a file, ``raw``: the record's text exactly as it
stood in the file. Export writes ``raw`` back for records nobody changed and the canonical
form for the others, so files -> database -> files is byte-identical. ``ord`` keeps file order.

Claims carry a ``version`` for optimistic locking (:mod:`geo.store.review`); every change is
one row of ``audit_log`` with who, when, and the record before and after.
"""

from __future__ import annotations

from geoalchemy2 import Geometry
from sqlalchemy import (
    JSON,
    BigInteger,
    Column,
    DateTime,
    ForeignKey,
    Identity,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    func,
)
from sqlalchemy.dialects.postgresql import JSONB

metadata = MetaData()

#: Files kept whole (network, scenarios, evidence, basemap) and the header/trailer text of record files.
data_files = Table(
    "data_files", metadata,
    Column("name", String, primary_key=True),  # path relative to the data folder, e.g. "basemap/towns.geojson"
    Column("kind", String, nullable=False),  # "opaque" (raw bytes) or "records" (header + records + trailer)
    Column("content", LargeBinary),  # the whole file, for "opaque"
    Column("header", Text),  # comments before the first record
    Column("trailer", Text),  # text after the last record
)

assets = Table(
    "assets", metadata,
    Column("id", String, primary_key=True),
    Column("ord", BigInteger, Identity(), nullable=False),
    Column("kind", String, nullable=False),
    Column("commodity", String, nullable=False),
    Column("status", String, nullable=False),
    Column("record", JSON, nullable=False),  # AssetProps fields
    Column("geom", Geometry(geometry_type="GEOMETRY", srid=4326, spatial_index=False), nullable=False),
    Column("version", Integer, nullable=False, server_default="1"),
)
#: The GiST index the bounding-box and distance queries use (declared here, created by the migration).
Index("idx_assets_geom", assets.c.geom, postgresql_using="gist")

sources = Table(
    "sources", metadata,
    Column("id", String, primary_key=True),
    Column("ord", BigInteger, Identity(), nullable=False),
    Column("record", JSON, nullable=False),
    Column("raw", Text),
)

flows = Table(
    "flows", metadata,
    Column("ord", BigInteger, Identity(), primary_key=True),
    Column("year", Integer, nullable=False),
    Column("commodity", String, nullable=False),
    Column("route", String, nullable=False),
    Column("record", JSON, nullable=False),  # Flow fields
    Column("raw", Text),  # the CSV line(s) as in flows.csv
)

articles = Table(
    "articles", metadata,
    Column("id", String, primary_key=True),
    Column("ord", BigInteger, Identity(), nullable=False),
    Column("sha256", String(64), unique=True),  # content hash: the same text is stored once
    Column("record", JSON, nullable=False),  # Article fields (extra keys kept)
    Column("raw", Text),
    Column("text", Text, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
)

CLAIM_STATUSES = ("candidate", "accepted", "rejected")

claims = Table(
    "claims", metadata,
    Column("id", String, primary_key=True),  # curated ids as in claims.yaml; candidates get content-hash ids
    Column("ord", BigInteger, Identity(), nullable=False),
    Column("article", String, ForeignKey("articles.id"), nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("status", String, nullable=False),  # one of CLAIM_STATUSES; only accepted claims are exported
    Column("record", JSON, nullable=False),  # Claim fields
    Column("raw", Text),  # the YAML block as imported; cleared when the claim changes
    Column("version", Integer, nullable=False, server_default="1"),
    UniqueConstraint("article", "start", "end", name="uq_claims_span"),  # one claim per excerpt, whatever its id
)
Index("ix_claims_article", claims.c.article)

#: Which articles the batch extractor has finished (written in the same transaction as their candidates).
extractions = Table(
    "extractions", metadata,
    Column("article", String, ForeignKey("articles.id"), primary_key=True),
    Column("candidates", Integer, nullable=False),
    Column("at", DateTime(timezone=True), nullable=False, server_default=func.now()),
)

reviews = Table(
    "reviews", metadata,
    Column("id", BigInteger, Identity(), primary_key=True),
    Column("claim", String, ForeignKey("claims.id"), nullable=False),
    Column("action", String, nullable=False),  # accept, edit, reject
    Column("who", String, nullable=False),
    Column("at", DateTime(timezone=True), nullable=False, server_default=func.now()),
    Column("version", Integer, nullable=False),  # the claim's version after this review
    UniqueConstraint("claim", "version", name="uq_reviews_claim_version"),
)

audit_log = Table(
    "audit_log", metadata,
    Column("id", BigInteger, Identity(), primary_key=True),
    Column("table_name", String, nullable=False),
    Column("record_id", String, nullable=False),
    Column("action", String, nullable=False),
    Column("who", String, nullable=False),
    Column("at", DateTime(timezone=True), nullable=False, server_default=func.now()),
    Column("before", JSONB),
    Column("after", JSONB),
)
Index("ix_audit_record", audit_log.c.table_name, audit_log.c.record_id)
