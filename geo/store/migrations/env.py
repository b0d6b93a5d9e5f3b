"""Alembic environment: runs on the connection :func:`geo.store.migrate.upgrade` passes in."""

from __future__ import annotations

from alembic import context

from geo.store.tables import metadata

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=metadata)
with context.begin_transaction():
    context.run_migrations()
