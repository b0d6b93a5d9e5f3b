"""Shared fixtures: the shipped data folder, throw-away copies of it, and the store the suite runs on.

``pytest --store=files`` (the default) reads the data folder's files. ``pytest --store=postgis``
runs the same tests on the team store: each worker starts a throwaway PostgreSQL + PostGIS
(:mod:`geo.store.localserver`), runs ``geo store init`` and ``geo store import`` of the shipped
``data/`` and ``seeds/``, and sets ``GEO_STORE`` for the whole session (subprocesses the tests start
inherit it). A test that points the workspace at its own data folder (a temporary copy it edits)
gets that folder imported into a database of its own when the store is opened, re-imported
whenever the files change, so it still tests what it says. Tests that cannot mean the same on
the team store are marked ``files_only`` (with a reason) and skipped there.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
SEEDS = ROOT / "seeds"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--store", choices=("files", "postgis"), default="files",
                     help="the back end the suite runs on: the data folder's files (default) or a throwaway PostGIS team store")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if config.getoption("--store") != "postgis":
        return
    for item in items:
        marker = item.get_closest_marker("files_only")
        if marker is not None:
            reason = marker.kwargs.get("reason") or (marker.args[0] if marker.args else "files back end only")
            item.add_marker(pytest.mark.skip(reason=f"files_only: {reason}"))


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A writable copy of the shipped data folder (each test gets its own)."""
    dest = tmp_path / "data"
    shutil.copytree(DATA, dest, ignore=shutil.ignore_patterns("_work"))
    return dest


@pytest.fixture
def app_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    """Writable copies of the shipped data and seeds folders, which the app (``GEO_DATA_DIR``, ``GEO_SEEDS_DIR``) reads."""
    data, seeds = tmp_path / "data", tmp_path / "seeds"
    shutil.copytree(DATA, data, ignore=shutil.ignore_patterns("_work"))
    shutil.copytree(SEEDS, seeds)
    monkeypatch.setenv("GEO_DATA_DIR", str(data))
    monkeypatch.setenv("GEO_SEEDS_DIR", str(seeds))
    return data, seeds


# --- the team store (--store=postgis) -------------------------------------------------------


class _Session:
    """One worker's server: the database of the shipped data and an empty migrated template for the rest."""

    def __init__(self, server: Any, worker: str) -> None:
        from geo.cli.commands import main

        self.server, self.worker = server, worker
        self.url = server.create_database(f"geo_{worker}").replace("postgresql+psycopg://", "postgresql://")
        os.environ["GEO_STORE"] = self.url
        for argv in (["store", "init"], ["--data-dir", str(DATA), "store", "import", "--corpus-dir", str(SEEDS)]):
            if main(argv) != 0:
                raise RuntimeError(f"geo {' '.join(argv)} failed on the test server")
        self.template = f"geo_{worker}_empty"
        empty = server.create_database(self.template)
        from sqlalchemy import create_engine

        from geo.store import migrate

        engine = create_engine(empty)
        migrate.upgrade(engine)
        engine.dispose()
        self.count = 0

    def new_database(self) -> str:
        self.count += 1
        name = f"geo_{self.worker}_t{self.count}"
        with self.server.connect("postgres") as conn:
            conn.execute(f'CREATE DATABASE "{name}" TEMPLATE "{self.template}"')
        return name

    def drop(self, names: list[str]) -> None:
        from geo.store import postgis

        for name in names:  # the engines stay cached (names are never reused), their connections closed
            postgis.engine_for(self.server.url(name)).dispose()
        with self.server.connect("postgres") as conn:
            for name in names:
                conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


class _Refused:
    """The team store of a folder that does not validate: ``store import`` refused it, so every read raises its problems."""

    kind = "postgis"

    def __init__(self, error: Exception, stamp: Any) -> None:
        self.error, self.stamp = error, stamp

    def version(self) -> Any:
        return self.stamp

    def __getattr__(self, name: str) -> Any:
        def refuse(*args: Any, **kwargs: Any) -> Any:
            raise self.error
        return refuse


@pytest.fixture(scope="session")
def postgis_session(request: pytest.FixtureRequest):
    """With ``--store=postgis``: this worker's server, filled with the shipped data, named by ``GEO_STORE``."""
    if request.config.getoption("--store") != "postgis":
        yield None
        return
    from geo.store import localserver

    if not list(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl")) or not list(Path("/usr/share/postgresql").glob("*/extension/postgis.control")):
        pytest.fail("--store=postgis needs PostgreSQL and PostGIS: run `make postgis` (Debian's postgresql and postgis packages)")
    worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
    # Not under pytest's temporary folder: other pytest runs reset its parent to mode 0700, shutting `postgres` out.
    base = Path(tempfile.mkdtemp(prefix=f"geo-suite-pg-{worker}-"))
    server = localserver.start(base)
    old = os.environ.get("GEO_STORE")
    session = None
    try:
        session = _Session(server, worker)
        yield session
    finally:
        from geo.store import postgis

        if session is not None:
            postgis.engine_for(session.url).dispose()
        if old is None:
            os.environ.pop("GEO_STORE", None)
        else:
            os.environ["GEO_STORE"] = old
        server.stop()
        shutil.rmtree(base, ignore_errors=True)


class _Folders:
    """Data folders other than the shipped one, each imported into a database of its own (at most ``KEEP`` kept)."""

    KEEP = 6

    def __init__(self, session: _Session) -> None:
        self.session = session
        self.imported: dict[tuple[Path, Path], tuple[str, Any]] = {}  # folders -> database, files' stamp when imported (by use)

    def url_for(self, data_dir: Path | str, corpus_dir: Path | str) -> str | Exception:
        """The URL of the database holding ``data_dir`` and ``corpus_dir`` as they are now, or the import's refusal."""
        from geo.errors import DataError
        from geo.store import transfer
        from geo.store.files import FileStore
        from geo.store.postgis import engine_for

        folders = (Path(data_dir).resolve(), Path(corpus_dir).resolve())
        if folders == (DATA, SEEDS):
            return self.session.url
        try:
            stamp = FileStore(*folders).version()
        except OSError:  # a missing folder: the import below names the problem
            stamp = None
        name, seen = self.imported.pop(folders, (None, None))
        if name is None:
            name = self.session.new_database()
            while len(self.imported) >= self.KEEP:  # the least recently used folder's database goes (re-imported if used again)
                old = next(iter(self.imported))
                self.session.drop([self.imported.pop(old)[0]])
        url = self.session.server.url(name)
        self.imported[folders] = (name, seen)
        if seen is None or seen != stamp:
            try:
                transfer.import_files(engine_for(url), *folders)
            except DataError as exc:
                return exc
            self.imported[folders] = (name, stamp)
        return url

    def env_for(self, args: Any, env: Any) -> Any:
        """A subprocess's environment, its ``GEO_STORE`` pointing at the database of the data folder it is given."""
        env = dict(os.environ if env is None else env)
        if env.get("GEO_STORE") != self.session.url or isinstance(args, (str, bytes)):
            return env
        args = [str(a) for a in args]

        def option(flag: str, variable: str, default: Path) -> str:
            for i, a in enumerate(args):
                if a == flag and i + 1 < len(args):
                    return args[i + 1]
                if a.startswith(flag + "="):
                    return a.split("=", 1)[1]
            return env.get(variable) or str(default)

        url = self.url_for(option("--data-dir", "GEO_DATA_DIR", DATA), option("--corpus-dir", "GEO_SEEDS_DIR", SEEDS))
        if isinstance(url, str):
            env["GEO_STORE"] = url
        return env

    def drop_all(self) -> None:
        self.session.drop([name for name, _ in self.imported.values()])
        self.imported.clear()


@pytest.fixture(scope="session", autouse=True)
def _store_per_folder(postgis_session: _Session | None):
    """With ``--store=postgis``: a data folder other than the shipped one is imported into its own database when opened.

    In this process through :func:`geo.store.base.open_store`; for a subprocess (the command line, Streamlit) by the
    ``GEO_STORE`` of its environment, chosen from its ``--data-dir`` / ``GEO_DATA_DIR`` when it starts.
    """
    if postgis_session is None:
        yield
        return
    import subprocess

    from geo import workspace
    from geo.store import base
    from geo.store.files import FileStore

    folders = _Folders(postgis_session)
    real_open = base.open_store

    def open_store(data_dir: Path, corpus_dir: Path, url: str | None = None) -> Any:
        url = url if url is not None else base.store_url()
        if url != postgis_session.url:  # a test's own GEO_STORE (tests/test_store.py), or none: as asked
            return real_open(data_dir, corpus_dir, url)
        found = folders.url_for(data_dir, corpus_dir)
        if isinstance(found, Exception):
            try:
                stamp = FileStore(Path(data_dir), Path(corpus_dir)).version()
            except OSError:
                stamp = ()
            return _Refused(found, stamp)
        return real_open(data_dir, corpus_dir, found)

    real_popen = subprocess.Popen

    class Popen(real_popen):  # type: ignore[misc,valid-type]
        def __init__(self, args: Any, *rest: Any, **kwargs: Any) -> None:
            if len(rest) < 9:  # env passed by keyword (as every caller here does)
                kwargs["env"] = folders.env_for(args, kwargs.get("env"))
            super().__init__(args, *rest, **kwargs)

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(base, "open_store", open_store)
        mp.setattr(workspace, "open_store", open_store)
        mp.setattr(subprocess, "Popen", Popen)
        yield
    folders.drop_all()
