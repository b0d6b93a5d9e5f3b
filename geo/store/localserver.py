"""A throwaway local PostgreSQL + PostGIS server for tests, benchmarks and ``make run-team``.

Started with pytest-postgresql's executor (``pg_ctl`` with trust authentication on a Unix
socket and a loopback port). As root, ``pg_ctl_as_postgres.sh`` runs it as the ``postgres``
user, which then owns the data folder.
"""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
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

    def create_database(self, dbname: str, *, keep: bool = False) -> str:
        """Create ``dbname`` with PostGIS and return its URL; an old one is dropped, or kept if ``keep``."""
        with self.connect("postgres") as conn:
            exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (dbname,)).fetchone() is not None
            if exists and not keep:
                conn.execute(f'DROP DATABASE "{dbname}" WITH (FORCE)')
            if not exists or not keep:
                conn.execute(f'CREATE DATABASE "{dbname}"')
        with self.connect(dbname) as conn:
            conn.execute("CREATE EXTENSION IF NOT EXISTS postgis")
        return self.url(dbname)

    def connect(self, dbname: str) -> Any:
        """A psycopg connection (autocommit) as the superuser, waiting up to a minute for the server to accept it."""
        import psycopg

        deadline = time.monotonic() + 30
        while True:
            try:
                return psycopg.connect(host=str(self.socket_dir), port=self.port, user=USER, dbname=dbname, autocommit=True)
            except psycopg.OperationalError as exc:
                if time.monotonic() > deadline:
                    log = self.socket_dir / "postgresql.log"
                    tail = log.read_text(encoding="utf-8", errors="replace")[-2000:] if log.exists() else "(no log)"
                    msg = f"cannot connect to the local server in {self.socket_dir}: {exc}\nits log ends:\n{tail}"
                    raise RuntimeError(msg) from exc
                time.sleep(0.2)

    def stop(self) -> None:
        """Stop the server (its data folder stays until the caller removes it)."""
        if self.executor is None:
            stop_folder(self.socket_dir)
        else:
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


def _pg_ctl(*args: str) -> None:
    subprocess.run([str(PG_CTL), *args], check=True, stdout=subprocess.DEVNULL)


def start_kept(base: Path, port: int | None = None) -> LocalServer:
    """Start (or find running) a server whose data is kept under ``base`` between runs (``make run-team``).

    Unlike :func:`start`, an existing data folder is reused, never re-initialised.
    """
    base = Path(base).resolve()
    base.mkdir(parents=True, exist_ok=True)
    _give_to_postgres(base)
    data = base / "data"
    pid = data / "postmaster.pid"
    if pid.exists():  # running (or left by a crash: pg_ctl status tells)
        lines = pid.read_text(encoding="utf-8").splitlines()
        running = subprocess.run([str(PG_CTL), "status", "-D", str(data)], check=False, stdout=subprocess.DEVNULL).returncode == 0
        if running:
            return LocalServer(None, base, int(lines[3]))
    port = port or 54329
    if not (data / "PG_VERSION").exists():
        _pg_ctl("initdb", "-D", str(data), "-o", f"--auth=trust --username={USER}")
    _pg_ctl("start", "-w", "-D", str(data), "-l", str(base / "postgresql.log"),
            "-o", f"-p {port} -k {base} -c listen_addresses=127.0.0.1")
    return LocalServer(None, base, port)


def stop_folder(base: Path) -> None:
    """Stop the server whose data is under ``base``."""
    _pg_ctl("stop", "-D", str(Path(base).resolve() / "data"), "-m", "fast")
