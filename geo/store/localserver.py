"""A throwaway local PostgreSQL + PostGIS server for tests, benchmarks and ``make run-team``.

Started with pytest-postgresql's executor (``pg_ctl`` with trust authentication on a Unix
socket and a loopback port). As root, ``pg_ctl_as_postgres.sh`` runs it as the ``postgres``
user, which then owns the data folder.
"""

from __future__ import annotations

import os
import shutil
import stat
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

#: The wrapper around Debian's pg_ctl (``/usr/lib/postgresql/<version>/bin/pg_ctl``).
PG_CTL = Path(__file__).resolve().parent / "pg_ctl_as_postgres.sh"
USER = "postgres"


@dataclass
class LocalServer:
    """A running server: its executor (to stop it) and where to reach it."""

    executor: Any
    socket_dir: Path
    port: int

    def url(self, dbname: str) -> str:
        """A SQLAlchemy URL for ``dbname`` over the Unix socket."""
        return f"postgresql+psycopg://{USER}@/{dbname}?host={self.socket_dir}&port={self.port}"

    def create_database(self, dbname: str) -> str:
        """Create ``dbname`` with PostGIS (dropping an old one) and return its URL."""
        import psycopg

        with self.connect("postgres") as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{dbname}" WITH (FORCE)')
            conn.execute(f'CREATE DATABASE "{dbname}"')
        with psycopg.connect(host=str(self.socket_dir), port=self.port, user=USER, dbname=dbname, autocommit=True) as conn:
            conn.execute("CREATE EXTENSION IF NOT EXISTS postgis")
        return self.url(dbname)

    def connect(self, dbname: str) -> Any:
        """A psycopg connection (autocommit) as the superuser, waiting up to a minute for the server to accept it."""
        import psycopg

        deadline = time.monotonic() + 60
        while True:
            try:
                return psycopg.connect(host=str(self.socket_dir), port=self.port, user=USER, dbname=dbname, autocommit=True)
            except psycopg.OperationalError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.2)

    def stop(self) -> None:
        """Stop the server (its data folder stays until the caller removes it)."""
        self.executor.stop()


def _give_to_postgres(path: Path) -> None:
    """As root, let the ``postgres`` user own ``path`` and reach it through its parents."""
    if os.geteuid() != 0:
        return
    shutil.chown(path, USER, USER)
    for parent in path.parents:
        mode = parent.stat().st_mode
        if not mode & stat.S_IXOTH:
            parent.chmod(mode | stat.S_IXOTH)


def start(base: Path, port: int | None = None) -> LocalServer:
    """Start a server whose data, socket and log live under ``base`` (created if missing)."""
    import port_for
    from pytest_postgresql.executors import PostgreSQLExecutor

    base = Path(base).resolve()
    base.mkdir(parents=True, exist_ok=True)
    _give_to_postgres(base)
    port = port or port_for.select_random()
    executor = PostgreSQLExecutor(
        executable=str(PG_CTL), host="127.0.0.1", port=port, datadir=str(base / "data"), unixsocketdir=str(base),
        logfile=str(base / "postgresql.log"), startparams="-w", dbname="postgres", user=USER,
        postgres_options="-c fsync=off -c synchronous_commit=off -c full_page_writes=off",
    )
    executor.start()
    return LocalServer(executor, base, port)
