"""Alembic migrations of the team store, run by :func:`geo.store.migrate.upgrade` (no alembic.ini needed)."""
