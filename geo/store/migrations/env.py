"""Alembic environment: runs on the connection :func:`geo.store.migrate.upgrade` passes in."""

from __future__ import annotations

from alembic import context

from geo.store.tables import metadata


def run_migrations() -> None:
    """Migrate on the caller's connection, inside its transaction."""
    connection = context.config.attributes["connection"]
    context.configure(connection=connection, target_metadata=metadata)
    with context.begin_transaction():
        context.run_migrations()


# Alembic runs this file with its context installed; imported elsewhere (doctest collection) it does nothing.
if hasattr(context, "config"):
    run_migrations()
