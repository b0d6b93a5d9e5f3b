"""The ``store`` sub-command: set up the team store and move the data between files and database.

``python -m geo store init|migrate|import|export`` work on the database ``GEO_STORE`` names
(``postgresql://...``); ``store local`` starts a throwaway PostgreSQL + PostGIS under a folder
(for ``make run-team``). Wired into ``python -m geo`` by :func:`register`.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from geo.errors import GeoError


def _engine() -> Any:
    from geo.store.base import ENV, store_url
    from geo.store.postgis import engine_for

    url = store_url()
    if url is None:
        msg = f"{ENV} is not set: point it at the team database, e.g. {ENV}=postgresql://user@host/geo (the files need no store command)"
        raise GeoError(msg)
    return engine_for(url)


def _has_assets(engine: Any) -> bool:
    from sqlalchemy import select

    from geo.store import tables as t

    with engine.connect() as conn:
        return conn.execute(select(t.assets.c.id).limit(1)).first() is not None


def cmd_store(args: argparse.Namespace) -> int:
    """Run one ``store`` action."""
    from geo.data import load
    from geo.data.corpus import corpus_dir_or_default

    if args.action == "local":
        return _local(args)
    from geo.store import migrate, transfer

    engine = _engine()
    if args.action in ("init", "migrate"):
        migrate.upgrade(engine)
        print(f"database at revision {migrate.current(engine)}")
    elif args.action == "import":
        if args.if_empty and _has_assets(engine):
            print("the database already holds data; nothing imported (--if-empty)")
            return 0
        counts = transfer.import_files(engine, load.data_dir_or_default(args.data_dir), corpus_dir_or_default(args.corpus_dir))
        print("imported " + ", ".join(f"{n} {table}" for table, n in counts.items()))
    elif args.action == "export":
        written = transfer.export_files(engine, load.data_dir_or_default(args.data_dir), corpus_dir_or_default(args.corpus_dir))
        print(f"wrote {len(written)} file(s) to {load.data_dir_or_default(args.data_dir)} and {corpus_dir_or_default(args.corpus_dir)}")
    return 0


def _local(args: argparse.Namespace) -> int:
    """Start a local server under ``--dir`` (or stop it), create the database with PostGIS, print ``GEO_STORE=...``."""
    from sqlalchemy import create_engine

    from geo.store import localserver, migrate

    base = Path(args.dir).resolve()
    if args.stop:
        localserver.stop_folder(base)
        print(f"stopped the server in {base}")
        return 0
    server = localserver.start_kept(base, args.port)
    url = server.create_database(args.dbname, keep=True)
    migrate.upgrade(create_engine(url))
    print(f"GEO_STORE={url.replace('postgresql+psycopg://', 'postgresql://')}")
    return 0


def register(subparsers: Any) -> argparse.ArgumentParser:
    """Add the ``store`` sub-command to an argparse ``subparsers`` object."""
    p: argparse.ArgumentParser = subparsers.add_parser("store", help="the team store (GEO_STORE=postgresql://...): init, migrate, import, export, local")
    p.add_argument("action", choices=("init", "migrate", "import", "export", "local"))
    p.add_argument("--corpus-dir", type=Path, default=None, help="article texts (default: the project's seeds/)")
    p.add_argument("--dir", default=".pgdata", help="local: the server's folder (data, socket, log)")
    p.add_argument("--port", type=int, default=None, help="local: the loopback port (default: a free one)")
    p.add_argument("--dbname", default="geo", help="local: the database to create")
    p.add_argument("--stop", action="store_true", help="local: stop the server in --dir")
    p.add_argument("--if-empty", action="store_true", help="import: only into an empty database (keeps the team's reviews)")
    p.set_defaults(func=cmd_store)
    return p
