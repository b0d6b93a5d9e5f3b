"""The first schema: data files, assets (PostGIS), sources, flows, articles, claims, extractions, reviews, audit log.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from geoalchemy2 import Geometry
from sqlalchemy.dialects.postgresql import JSONB

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def _ord() -> sa.Column:  # type: ignore[type-arg]
    return sa.Column("ord", sa.BigInteger, sa.Identity(), nullable=False)


def upgrade() -> None:
    """Create the extension and every table."""
    op.execute("CREATE EXTENSION IF NOT EXISTS postgis")
    op.create_table("data_files", sa.Column("name", sa.String, primary_key=True), sa.Column("kind", sa.String, nullable=False),
                    sa.Column("content", sa.LargeBinary), sa.Column("header", sa.Text), sa.Column("trailer", sa.Text))
    op.create_table("assets", sa.Column("id", sa.String, primary_key=True), _ord(),
                    sa.Column("kind", sa.String, nullable=False), sa.Column("commodity", sa.String, nullable=False),
                    sa.Column("status", sa.String, nullable=False), sa.Column("record", sa.JSON, nullable=False),
                    sa.Column("geom", Geometry(geometry_type="GEOMETRY", srid=4326, spatial_index=False), nullable=False),
                    sa.Column("version", sa.Integer, nullable=False, server_default="1"))
    op.create_index("idx_assets_geom", "assets", ["geom"], postgresql_using="gist")
    op.create_table("sources", sa.Column("id", sa.String, primary_key=True), _ord(),
                    sa.Column("record", sa.JSON, nullable=False), sa.Column("raw", sa.Text))
    op.create_table("flows", sa.Column("ord", sa.BigInteger, sa.Identity(), primary_key=True),
                    sa.Column("year", sa.Integer, nullable=False), sa.Column("commodity", sa.String, nullable=False),
                    sa.Column("route", sa.String, nullable=False), sa.Column("record", sa.JSON, nullable=False), sa.Column("raw", sa.Text))
    op.create_table("articles", sa.Column("id", sa.String, primary_key=True), _ord(),
                    sa.Column("sha256", sa.String(64), unique=True), sa.Column("record", sa.JSON, nullable=False),
                    sa.Column("raw", sa.Text), sa.Column("text", sa.Text, nullable=False),
                    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now()))
    op.create_table("claims", sa.Column("id", sa.String, primary_key=True), _ord(),
                    sa.Column("article", sa.String, sa.ForeignKey("articles.id"), nullable=False),
                    sa.Column("start", sa.Integer, nullable=False), sa.Column("end", sa.Integer, nullable=False),
                    sa.Column("status", sa.String, nullable=False), sa.Column("record", sa.JSON, nullable=False),
                    sa.Column("raw", sa.Text), sa.Column("version", sa.Integer, nullable=False, server_default="1"),
                    sa.UniqueConstraint("article", "start", "end", name="uq_claims_span"))
    op.create_index("ix_claims_article", "claims", ["article"])
    op.create_table("extractions", sa.Column("article", sa.String, sa.ForeignKey("articles.id"), primary_key=True),
                    sa.Column("candidates", sa.Integer, nullable=False),
                    sa.Column("at", sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now()))
    op.create_table("reviews", sa.Column("id", sa.BigInteger, sa.Identity(), primary_key=True),
                    sa.Column("claim", sa.String, sa.ForeignKey("claims.id"), nullable=False),
                    sa.Column("action", sa.String, nullable=False), sa.Column("who", sa.String, nullable=False),
                    sa.Column("at", sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now()),
                    sa.Column("version", sa.Integer, nullable=False),
                    sa.UniqueConstraint("claim", "version", name="uq_reviews_claim_version"))
    op.create_table("audit_log", sa.Column("id", sa.BigInteger, sa.Identity(), primary_key=True),
                    sa.Column("table_name", sa.String, nullable=False), sa.Column("record_id", sa.String, nullable=False),
                    sa.Column("action", sa.String, nullable=False), sa.Column("who", sa.String, nullable=False),
                    sa.Column("at", sa.DateTime(timezone=True), nullable=False, server_default=sa.func.now()),
                    sa.Column("before", JSONB), sa.Column("after", JSONB))
    op.create_index("ix_audit_record", "audit_log", ["table_name", "record_id"])


def downgrade() -> None:
    """Drop every table (the extension stays)."""
    for name in ("audit_log", "reviews", "extractions", "claims", "articles", "flows", "sources", "assets", "data_files"):
        op.drop_table(name)
