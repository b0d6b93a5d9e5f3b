"""The team store against a real PostgreSQL + PostGIS (Debian's packages, started by pytest-postgresql's executor).

One throwaway server per session; the shipped data is imported once into a template database
and each test gets its own copy (``CREATE DATABASE ... TEMPLATE``), so tests do not depend on order.
"""

from __future__ import annotations

import itertools
import json
import multiprocessing
import random
import shutil
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

import pytest
import yaml
from sqlalchemy import create_engine, func, insert, select, text
from sqlalchemy.engine import Engine

from geo.errors import DataError
from geo.store import localserver, migrate, transfer
from geo.store import tables as t
from geo.store.review import ConflictError, get_claim, review
from geo.store.sink import PostgisCandidateSink, candidate_id

pytestmark = pytest.mark.store

ROOT = Path(__file__).resolve().parent.parent
DATA, SEEDS = ROOT / "data", ROOT / "seeds"
_names = itertools.count()


@pytest.fixture(scope="session")
def server():
    if not list(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl")) or not list(Path("/usr/share/postgresql").glob("*/extension/postgis.control")):
        pytest.fail("PostgreSQL and PostGIS are not installed: run `make postgis` (Debian's postgresql and postgis packages)")
    # Not under pytest's temporary folder: other pytest runs reset its parent to mode 0700, shutting `postgres` out.
    base = Path(tempfile.mkdtemp(prefix="geo-store-pg-"))
    srv = localserver.start(base)
    yield srv
    srv.stop()
    shutil.rmtree(base, ignore_errors=True)


@pytest.fixture(scope="session")
def template(server: localserver.LocalServer) -> str:
    """A database migrated and filled with the shipped data and seeds; copied for each test."""
    url = server.create_database("geo_template")
    engine = create_engine(url)
    migrate.upgrade(engine)
    transfer.import_files(engine, DATA, SEEDS)
    engine.dispose()
    return "geo_template"


def _copy(server: localserver.LocalServer, template: str | None) -> Engine:
    name = f"geo_test_{next(_names)}"
    with server.connect("postgres") as conn:
        conn.execute(f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{template}"' if template else ""))
    engine = create_engine(server.url(name))
    if template is None:
        with engine.begin() as conn:
            conn.execute(text("CREATE EXTENSION IF NOT EXISTS postgis"))
        migrate.upgrade(engine)
    return engine


@pytest.fixture
def db(server: localserver.LocalServer, template: str):
    engine = _copy(server, template)
    yield engine
    engine.dispose()


@pytest.fixture
def empty_db(server: localserver.LocalServer):
    engine = _copy(server, None)
    yield engine
    engine.dispose()


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in transfer.data_files(folder)}


# --- migrations, round trip, command line ---------------------------------------------------


def test_migration_is_at_head_and_assets_have_a_gist_index(db: Engine) -> None:
    assert migrate.current(db) == migrate.HEAD
    with db.connect() as conn:
        indexdef = conn.execute(text("SELECT indexdef FROM pg_indexes WHERE indexname = 'idx_assets_geom'")).scalar_one()
        srid = conn.execute(text("SELECT Find_SRID('public', 'assets', 'geom')")).scalar_one()
    assert "USING gist (geom)" in indexdef
    assert srid == 4326


def test_round_trip_files_database_files_is_byte_identical(db: Engine, tmp_path: Path) -> None:
    transfer.export_files(db, tmp_path / "data", tmp_path / "seeds")
    exported, shipped = _tree(tmp_path / "data"), _tree(DATA)
    assert sorted(exported) == sorted(shipped)
    assert [name for name in shipped if exported[name] != shipped[name]] == []
    assert _tree(tmp_path / "seeds") == {p.name: p.read_bytes() for p in SEEDS.iterdir() if p.is_file()}


def test_cli_init_import_export_round_trip(server: localserver.LocalServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from geo.cli.commands import main

    url = server.create_database(f"geo_cli_{next(_names)}")
    monkeypatch.setenv("GEO_STORE", url)
    assert main(["store", "init"]) == 0
    assert main(["store", "migrate"]) == 0  # already at head: a no-op
    assert main(["--data-dir", str(DATA), "store", "import", "--corpus-dir", str(SEEDS)]) == 0
    out = tmp_path / "out"
    assert main(["--data-dir", str(out / "data"), "store", "export", "--corpus-dir", str(out / "seeds")]) == 0
    assert _tree(out / "data") == _tree(DATA)


def test_import_refuses_invalid_files(empty_db: Engine, data_copy: Path) -> None:
    claims = data_copy / "claims.yaml"
    claims.write_text(claims.read_text(encoding="utf-8").replace("claim_type: opinion", "claim_type: rumour", 1), encoding="utf-8")
    with pytest.raises(DataError, match="claim_type"):
        transfer.import_files(empty_db, data_copy, SEEDS)
    with empty_db.connect() as conn:
        assert conn.execute(select(func.count()).select_from(t.assets)).scalar_one() == 0  # nothing half-imported


def test_import_reads_an_alias_to_another_records_anchor(empty_db: Engine, data_copy: Path, tmp_path: Path) -> None:
    """A hand edit saved with yaml.safe_dump shares one value between two claims (``&id001`` ... ``*id001``)."""
    claims = data_copy / "claims.yaml"
    records = yaml.safe_load(claims.read_text(encoding="utf-8"))
    records[1]["assets"] = records[0]["assets"]  # one object: safe_dump writes it once and refers to it
    written = yaml.safe_dump(records, allow_unicode=True, sort_keys=False)
    assert "&id001" in written and "*id001" in written
    claims.write_text(written, encoding="utf-8")
    transfer.import_files(empty_db, data_copy, SEEDS)
    with empty_db.connect() as conn:
        stored = conn.execute(select(t.claims.c.record).where(t.claims.c.id == records[1]["id"])).scalar_one()
    assert stored["assets"] == records[0]["assets"]  # the first claim's links, read through the alias
    transfer.export_files(empty_db, tmp_path / "data", tmp_path / "seeds")
    assert yaml.safe_load((tmp_path / "data" / "claims.yaml").read_text(encoding="utf-8")) == yaml.safe_load(written)


def test_import_refuses_a_repeated_excerpt_span(empty_db: Engine, data_copy: Path) -> None:
    claims = data_copy / "claims.yaml"
    records = yaml.safe_load(claims.read_text(encoding="utf-8"))
    records.append({**records[0], "id": "hand-copy"})  # the first claim's article, start and end under a new id
    claims.write_text(yaml.safe_dump(records, allow_unicode=True, sort_keys=False), encoding="utf-8")
    first = records[0]
    with pytest.raises(DataError, match=rf"hand-copy.*the same excerpt \(article {first['article']}, {first['start']}-{first['end']}\) "
                                        rf"as claim '{first['id']}'"):
        transfer.import_files(empty_db, data_copy, SEEDS)


def test_add_article_refuses_invalid_metadata_with_the_files_message(db: Engine) -> None:
    from geo.errors import IngestError
    from geo.store.postgis import PostgisStore

    store = PostgisStore(db)
    with pytest.raises(IngestError, match=r"^invalid metadata: published 'yesterday' must be YYYY, YYYY-MM or YYYY-MM-DD$"):
        store.add_article("Oil goes via the BTC pipeline.", {"language": "en", "published": "yesterday"})
    shipped = len(yaml.safe_load((DATA / "articles.yaml").read_text(encoding="utf-8")))
    with db.connect() as conn:
        assert conn.execute(select(func.count()).select_from(t.articles)).scalar_one() == shipped  # nothing stored


# --- validation of rows read back -----------------------------------------------------------


def test_rows_read_from_the_database_pass_the_same_records(db: Engine) -> None:
    from geo.store.postgis import PostgisStore

    store = PostgisStore(db)
    assets = store.assets()
    corpus = store.corpus(asset_ids=set(assets.index))
    # as in the shipped files, counted from their raw text rather than through either store
    n_flows = len((DATA / "flows.csv").read_text(encoding="utf-8").strip().splitlines()) - 1
    n_sources = len(yaml.safe_load((DATA / "sources.yaml").read_text(encoding="utf-8")))
    n_assets = len(json.loads((DATA / "assets.geojson").read_text(encoding="utf-8"))["features"])
    assert len(assets) == n_assets and len(corpus.claims) == 30 and len(corpus.articles) == 2
    assert len(store.flows()) == n_flows and len(store.sources()) == n_sources
    with db.begin() as conn:
        conn.execute(text("UPDATE claims SET record = jsonb_set(record::jsonb, '{claim_type}', '\"rumour\"')::json "
                          "WHERE id = 'zeifert-betrayal-feeling'"))
        conn.execute(text("UPDATE assets SET record = jsonb_set(record::jsonb, '{countries}', '[]')::json WHERE id = 'cpc'"))
    with pytest.raises(DataError) as caught:
        store.corpus()
    assert [(p.file, p.record, p.field) for p in caught.value.problems] == [("claims (database)", "zeifert-betrayal-feeling", "claim_type")]
    with pytest.raises(DataError) as caught:
        store.assets()
    assert [(p.file, p.record, p.field) for p in caught.value.problems] == [("assets (database)", "cpc", "countries")]


# --- review: optimistic locking ------------------------------------------------------------


def test_second_reviewer_with_a_stale_version_is_refused(db: Engine) -> None:
    claim = "zeifert-betrayal-feeling"
    first, second = get_claim(db, claim), get_claim(db, claim)
    assert first.version == second.version == 1
    assert review(db, claim, "edit", expected_version=first.version, who="ann", changes={"claim_type": "dependency"}) == 2
    with pytest.raises(ConflictError, match=r"changed by someone else.*reload"):
        review(db, claim, "edit", expected_version=second.version, who="bob", changes={"claim_type": "alignment"})
    now = get_claim(db, claim)
    assert (now.version, now.record["claim_type"]) == (2, "dependency")  # ann's change stands, bob's wrote nothing
    with db.connect() as conn:
        audit = conn.execute(select(t.audit_log.c.who, t.audit_log.c.before, t.audit_log.c.after).where(t.audit_log.c.table_name == "claims")).all()
    assert len(audit) == 1
    assert audit[0].who == "ann"
    assert (audit[0].before["record"]["claim_type"], audit[0].after["record"]["claim_type"]) == ("opinion", "dependency")


def test_an_edit_that_breaks_the_claim_is_refused_naming_the_field(db: Engine) -> None:
    claim = get_claim(db, "zeifert-betrayal-feeling")
    with pytest.raises(DataError) as caught:
        review(db, claim.id, "edit", expected_version=claim.version, who="ann", changes={"english": None})  # a German excerpt needs English
    assert [(p.file, p.record, p.field) for p in caught.value.problems] == [("claims (database)", "zeifert-betrayal-feeling", "english")]
    assert get_claim(db, claim.id).version == 1


REVIEWERS, TOTAL = 8, 1000
CLAIM_TYPES = ("rerouting", "dependency", "alignment", "military_symbolic", "opinion")


def _reviewer(url: str, who: str, seed: int, n: int, claim_ids: list[str]) -> list[tuple[str, str, int | None, dict | None]]:
    """N reviews of random claims: (claim, action, new version or None if refused, the change)."""
    engine = create_engine(url, pool_size=1)
    rng = random.Random(seed)
    done = []
    for _ in range(n):
        claim = get_claim(engine, rng.choice(claim_ids))
        action = rng.choice(("accept", "edit", "edit", "reject"))
        changes = {"claim_type": rng.choice(CLAIM_TYPES)} if action == "edit" else None
        try:
            version = review(engine, claim.id, action, expected_version=claim.version, who=who, changes=changes)
        except ConflictError:
            version = None
        done.append((claim.id, action, version, changes))
    engine.dispose()
    return done


def test_eight_processes_reviewing_overlapping_claims_lose_nothing(db: Engine, tmp_path: Path) -> None:
    with db.connect() as conn:
        claim_ids = list(conn.execute(select(t.claims.c.id).order_by(t.claims.c.ord).limit(6)).scalars())  # 6 claims: heavy overlap
    url = db.url.render_as_string(hide_password=False)
    ctx = multiprocessing.get_context("fork")  # 8 real processes, each with its own engine (fork: no re-import per process)
    with ctx.Pool(REVIEWERS) as pool:
        runs = pool.starmap(_reviewer, [(url, f"analyst-{i}", i, TOTAL // REVIEWERS, claim_ids) for i in range(REVIEWERS)])
    results = [r for run in runs for r in run]
    accepted = [r for r in results if r[2] is not None]
    assert len(results) == TOTAL
    assert accepted, "no review went through"
    with db.connect() as conn:
        audit = conn.execute(select(t.audit_log.c.record_id, t.audit_log.c.before, t.audit_log.c.after)
                             .where(t.audit_log.c.table_name == "claims").order_by(t.audit_log.c.id)).all()
        review_rows = conn.execute(select(func.count()).select_from(t.reviews)).scalar_one()
        final = {r.id: r for r in conn.execute(select(t.claims.c.id, t.claims.c.version, t.claims.c.status, t.claims.c.record))}
    # One audit row and one review row per accepted change; none for a refused one.
    assert len(audit) == review_rows == len(accepted)
    # Every accepted change is in the database: the audit row of its version carries exactly that change ...
    after = {(a.record_id, a.after["version"]): a.after for a in audit}
    for claim, action, version, changes in accepted:
        row = after[(claim, version)]
        assert row["status"] == {"accept": "accepted", "reject": "rejected"}.get(action, row["status"])
        if changes:
            assert row["record"]["claim_type"] == changes["claim_type"]
    # ... and no change was lost: each claim's versions run 1, 2, ... with each change made on the one before it.
    for claim in claim_ids:
        chain = sorted((a for a in audit if a.record_id == claim), key=lambda a: a.after["version"])
        assert [a.before["version"] for a in chain] == list(range(1, len(chain) + 1))
        assert all(nxt.before == prev.after for prev, nxt in itertools.pairwise(chain))
        assert final[claim].version == 1 + len(chain)
        if chain:
            assert (final[claim].status, final[claim].record) == (chain[-1].after["status"], chain[-1].after["record"])
    # Export, then validate: clean.
    out = tmp_path / "data"
    shutil.copytree(DATA, out)
    transfer.export_files(db, out, tmp_path / "seeds")
    check = subprocess.run([sys.executable, "-m", "geo", "--data-dir", str(out), "validate"], capture_output=True, text=True,
                           cwd=ROOT, env={"GEO_SEEDS_DIR": str(tmp_path / "seeds"), "PATH": "/usr/bin:/bin"}, check=False)
    assert check.returncode == 0, check.stderr


# --- ingest: idempotent, all or nothing -----------------------------------------------------


def _batch(k: int) -> list[dict]:
    """K synthetic articles, each with two candidate claims at hand-counted offsets."""
    batch: list[dict] = []
    for i in range(k):
        body = f"Article {i}. Kazakhstan ships oil through CPC. Aktau sends tankers to Baku."
        art = f"synth_{i:03d}"
        batch.append({"article": art, "text": body, "language": "en", "title": f"Synthetic {i}"})
        # "Article 0. " is 11 characters; the first sentence after it has 35 ("Kazakhstan ships oil through CPC."
        # 33 + 2 more digits of i when i > 9 do not occur: k <= 10).
        first = body.index("Kazakhstan")
        second = body.index("Aktau")
        batch.append({"article": art, "start": first, "end": first + 33, "excerpt": body[first:first + 33], "language": "en",
                      "claim_type": "dependency", "assets": [{"id": "cpc", "role": "subject", "name": "CPC"}]})
        batch.append({"article": art, "start": second, "end": second + 29, "excerpt": body[second:second + 29], "language": "en",
                      "claim_type": "alignment", "assets": []})
    return batch


def _counts(engine: Engine) -> tuple[int, int, int]:
    with engine.connect() as conn:
        return tuple(conn.execute(select(func.count()).select_from(tb)).scalar_one() for tb in (t.articles, t.claims, t.extractions))


def test_ingest_is_idempotent(db: Engine) -> None:
    sink = PostgisCandidateSink(db)
    before = _counts(db)
    assert sink.write(_batch(3)) == 6  # 3 articles x 2 candidates
    assert sink.write(_batch(3)) == 0  # the unique constraints refuse the repeats; no error
    assert _counts(db) == (before[0] + 3, before[1] + 6, before[2] + 3)
    assert sink.done_ids() == {"synth_000", "synth_001", "synth_002"}
    body = "Article 0. Kazakhstan ships oil through CPC. Aktau sends tankers to Baku."
    assert body[11:44] == "Kazakhstan ships oil through CPC."  # offsets worked by hand: 11 + 33 = 44
    with db.connect() as conn:
        ids = set(conn.execute(select(t.claims.c.id).where(t.claims.c.article == "synth_000")).scalars())
    assert candidate_id("synth_000", 11, 44, "Kazakhstan ships oil through CPC.") in ids


def test_killed_ingest_leaves_nothing_and_a_rerun_completes(db: Engine) -> None:
    url = db.url.render_as_string(hide_password=False)
    # Statements of one batch of 3 articles: 3 article inserts, 1 claims insert, 1 extractions insert.
    # The child dies (os._exit, no cleanup) just before its 4th statement: 3 articles sent, no claim yet.
    script = textwrap.dedent(f"""
        import os
        from sqlalchemy import create_engine, event
        from geo.store.sink import PostgisCandidateSink
        from tests.test_store import _batch
        engine = create_engine({url!r})
        sent = []
        @event.listens_for(engine, "before_cursor_execute")
        def _die(conn, cursor, statement, params, context, executemany):
            sent.append(statement)
            if len(sent) == 4:
                os._exit(9)
        PostgisCandidateSink(engine).write(_batch(3))
        """)
    before = _counts(db)
    child = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=False)
    assert child.returncode == 9, child.stderr
    assert _counts(db) == before  # no partial article, claim or done-mark
    sink = PostgisCandidateSink(db)
    assert sink.done_ids().isdisjoint({"synth_000", "synth_001", "synth_002"})
    assert sink.write(_batch(3)) == 6
    assert sink.write(_batch(3)) == 0
    assert _counts(db) == (before[0] + 3, before[1] + 6, before[2] + 3)


# --- spatial queries ------------------------------------------------------------------------

# A port P at 50.0E 45.0N and, around it (distances on the WGS84 spheroid at 45N, worked by hand):
#   A at 50.0E 45.5N: 0.5 deg of latitude x 111.13 km/deg                 =  55.6 km
#   B at 51.0E 45.0N: 1 deg of longitude x 111.32 km x cos 45 deg (0.7071) =  78.7 km
#   L, a meridian line at 48.5E from 44N to 46N: 1.5 x 78.7 km             = 118.1 km
SITES = {"p": "POINT(50 45)", "a": "POINT(50 45.5)", "b": "POINT(51 45)", "l": "LINESTRING(48.5 44, 48.5 46)"}
# Claims and the assets they link: only accepted claims count.
LINKS = {"c1": (["a"], "accepted"), "c2": (["b"], "accepted"), "c3": (["l"], "accepted"), "c4": (["p", "b"], "accepted"),
         "c5": (["a"], "rejected"), "c6": (["p"], "candidate")}


def _spatial_fixture(engine: Engine) -> None:
    with engine.begin() as conn:
        for aid, wkt in SITES.items():
            kind = "pipeline" if wkt.startswith("LINE") else "port"
            conn.execute(insert(t.assets).values(id=aid, kind=kind, commodity="oil", status="operating", record={"id": aid},
                                                 geom=func.ST_GeomFromText(wkt, 4326)))
        conn.execute(insert(t.articles).values(id="art", record={"id": "art"}, text="x" * 100, sha256="0" * 64))
        for i, (cid, (linked, status)) in enumerate(LINKS.items()):
            conn.execute(insert(t.claims).values(id=cid, article="art", start=i, end=i + 1, status=status,
                                                 record={"id": cid, "assets": [{"id": a, "role": "subject"} for a in linked]}))


@pytest.mark.parametrize(("km", "assets", "claims"), [
    (70, ["a", "p"], ["c1", "c4"]),  # A at 55.6 km
    (100, ["a", "b", "p"], ["c1", "c2", "c4"]),  # B at 78.7 km
    (130, ["a", "b", "l", "p"], ["c1", "c2", "c3", "c4"]),  # L at 118.1 km
])
def test_claims_within_km_of_a_port(empty_db: Engine, km: float, assets: list[str], claims: list[str]) -> None:
    from geo.store.postgis import PostgisStore

    _spatial_fixture(empty_db)
    store = PostgisStore(empty_db)
    assert store.assets_near("p", km) == assets
    assert store.claims_near("p", km) == claims


@pytest.mark.parametrize(("bbox", "expected"), [
    ((49.5, 44.8, 50.5, 45.6), ["a", "p"]),  # P and A inside; B at 51E and L at 48.5E outside
    ((48.0, 44.0, 48.9, 46.0), ["l"]),  # only the line crosses it
    ((48.6, 44.0, 49.9, 46.0), []),  # between L (48.5E) and P (50E)
    ((48.0, 44.0, 52.0, 46.0), ["a", "b", "l", "p"]),
])
def test_assets_in_the_maps_bounding_box(empty_db: Engine, bbox: tuple[float, float, float, float], expected: list[str]) -> None:
    import geopandas as gpd
    import shapely

    from geo.store.files import assets_in_bbox
    from geo.store.postgis import PostgisStore

    _spatial_fixture(empty_db)
    assert PostgisStore(empty_db).assets_in_bbox(bbox) == expected
    frame = gpd.GeoDataFrame({"id": list(SITES)}, geometry=[shapely.from_wkt(w) for w in SITES.values()], crs="EPSG:4326")
    assert assets_in_bbox(frame, bbox) == expected  # the files' back end agrees


def test_files_back_end_distances_agree_with_the_hand_worked_ones() -> None:
    import geopandas as gpd
    import shapely

    from geo.store.files import assets_near

    frame = gpd.GeoDataFrame({"id": list(SITES)}, geometry=[shapely.from_wkt(w) for w in SITES.values()], crs="EPSG:4326").set_index("id", drop=False)
    assert assets_near(frame, "p", 70) == ["a", "p"]
    assert assets_near(frame, "p", 100) == ["a", "b", "p"]
    assert assets_near(frame, "p", 130) == ["a", "b", "l", "p"]


# --- the workspace reads either back end ----------------------------------------------------


def test_workspace_reads_the_team_store_when_geo_store_is_set(db: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    from geo.workspace import Paths, Workspace

    monkeypatch.delenv("GEO_STORE", raising=False)  # the suite may run on the team store (--store=postgis)
    assert Workspace.open(DATA, SEEDS).store.kind == "files"  # nothing set: the files
    monkeypatch.setenv("GEO_STORE", db.url.render_as_string(hide_password=False).replace("+psycopg", ""))
    ws = Workspace.open(DATA, SEEDS)
    assert ws.store.kind == "postgis"
    before = Paths.resolve(DATA, SEEDS).version()
    claim = get_claim(db, "zeifert-betrayal-feeling")
    review(db, claim.id, "edit", expected_version=claim.version, who="ann", changes={"claim_type": "dependency"})
    assert Paths.resolve(DATA, SEEDS).version() != before  # the dashboard's caches follow a review in the database
    claims = {c.id: c for c in Workspace.open(DATA, SEEDS).corpus.claims}
    assert claims["zeifert-betrayal-feeling"].claim_type == "dependency"  # read from the database, not claims.yaml
    assert len(ws.assets) == 62


def test_dashboard_review_path_refuses_a_stale_acceptance(db: Engine) -> None:
    from geo.store.postgis import PostgisStore
    from geo.store.review import accept_all, propose

    store = PostgisStore(db)
    body = "Kazakhstan ships oil through CPC. Aktau sends tankers to Baku."
    art_id, created = store.add_article(body, {"language": "en", "title": "Team test"})
    assert (art_id, created) == (corpus_id := __import__("hashlib").sha256(body.encode()).hexdigest()[:16], True)
    assert store.add_article(body, {"language": "en"}) == (corpus_id, False)  # the same text again: stored once
    rows = [{"article": art_id, "start": 0, "end": 33, "excerpt": body[:33], "language": "en", "claim_type": "dependency",
             "assets": [{"id": "cpc", "role": "subject"}]}]
    ann, bob = propose(db, {"article": art_id}, rows), propose(db, {"article": art_id}, rows)  # both analysts see version 1
    assert ann == bob == {(0, 33): (candidate_id(art_id, 0, 33, body[:33]), 1)}
    claim_id, version = ann[(0, 33)]
    assert accept_all(db, [(claim_id, version, {})], who="ann") == (1, [])
    saved, refused = accept_all(db, [(claim_id, version, {"claim_type": "opinion"})], who="bob")
    assert saved == 0 and [e.claim_id for e in refused] == [claim_id]
    assert "changed by someone else" in str(refused[0])
    assert claim_id in {c.id for c in store.corpus().claims}  # accepted: now part of the corpus read from the database


def test_dashboard_runs_on_the_team_store_and_follows_a_review(db: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    from streamlit.testing.v1 import AppTest

    monkeypatch.setenv("GEO_STORE", db.url.render_as_string(hide_password=False))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.query_params["year"] = "2024"  # the rejected claim's article is dated 2024-02-07: the year slider lists it from 2024 on
    at.run()
    assert not at.exception, at.exception
    at.session_state["tab"] = "Claims"  # the claim picker's tab; closed tabs send nothing (issue 15)
    at.run()
    before = at.selectbox(key="w_claim").options
    claim = get_claim(db, "zeifert-betrayal-feeling")
    review(db, claim.id, "reject", expected_version=claim.version, who="ann")  # another analyst rejects a claim
    at.run()
    assert not at.exception, at.exception
    assert len(at.selectbox(key="w_claim").options) == len(before) - 1  # gone from this session's list at the next rerun


# Along a route: distances to the meridian line L (48.5E) across the great circle, sin d = sin(dlon) cos(lat):
#   P (50E 45N):   asin(sin 1.5 deg x cos 45 deg)   = 1.061 deg x 111.2 km = 117.9 km
#   A (50E 45.5N): asin(sin 1.5 deg x cos 45.5 deg) = 1.051 deg x 111.2 km = 116.9 km
#   B (51E 45N):   asin(sin 2.5 deg x cos 45 deg)   = 1.768 deg x 111.2 km = 196.6 km
@pytest.mark.parametrize(("km", "assets", "claims"), [
    (100, ["l"], ["c3"]),
    (125, ["a", "l", "p"], ["c1", "c3", "c4"]),
    (200, ["a", "b", "l", "p"], ["c1", "c2", "c3", "c4"]),
])
def test_claims_along_a_route(empty_db: Engine, km: float, assets: list[str], claims: list[str]) -> None:
    import geopandas as gpd
    import shapely

    from geo.store.files import assets_near
    from geo.store.postgis import PostgisStore

    _spatial_fixture(empty_db)
    store = PostgisStore(empty_db)
    assert store.assets_near("l", km) == assets
    assert store.claims_near("l", km) == claims
    frame = gpd.GeoDataFrame({"id": list(SITES)}, geometry=[shapely.from_wkt(w) for w in SITES.values()], crs="EPSG:4326").set_index("id", drop=False)
    assert assets_near(frame, "l", km) == assets  # the files' back end agrees


# --- issue 16: the dashboard's map on a big team store draws the assets PostGIS returns for the view -----------------


def test_postgis_answers_the_maps_boxes_with_the_hand_picked_assets(db: Engine) -> None:
    from geo.store.files import FileStore
    from geo.store.postgis import PostgisStore
    from tests.test_map_bounds import AKTAU_BOX, AKTAU_NOT, AKTAU_POINTS, DEFAULT_BOX, OUTSIDE_DEFAULT

    team, files = PostgisStore(db), FileStore(DATA, SEEDS)
    assert set(team.assets_in_bbox(DEFAULT_BOX)) == set(files.assets().index) - OUTSIDE_DEFAULT
    shown = set(team.assets_in_bbox(AKTAU_BOX))
    assert shown >= AKTAU_POINTS and shown.isdisjoint(AKTAU_NOT)
    assert team.assets_in_bbox(AKTAU_BOX) == files.assets_in_bbox(AKTAU_BOX)  # one interface, the same answer


def test_dashboard_on_the_team_store_over_the_threshold_asks_postgis_for_the_view(db: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    from streamlit.testing.v1 import AppTest

    from geo import settings
    from geo.store.postgis import PostgisStore
    from geo.views import dashboard, mapcomponent
    from tests.mapdata import parse
    from tests.test_app import map_args
    from tests.test_map_bounds import AKTAU_BOX, AKTAU_NOT, AKTAU_POINTS, AKTAU_VIEW, DEFAULT_BOX

    monkeypatch.setenv("GEO_STORE", db.url.render_as_string(hide_password=False))
    monkeypatch.setattr(settings, "MAP_BOUNDS_MIN_ASSETS", 10)  # 62 shipped assets are "over" it; the stores stay ("postgis",)
    asked: list[tuple[float, ...]] = []
    real = PostgisStore.assets_in_bbox
    monkeypatch.setattr(PostgisStore, "assets_in_bbox", lambda self, bbox: asked.append(tuple(bbox)) or real(self, bbox))
    dashboard.assets_in_view.clear()

    def drawn(at: AppTest) -> tuple[bool, set[str]]:
        args = map_args(at)
        return args.get("report_bounds", False), set(parse(mapcomponent.base_script(args)).features())

    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120).run()
    assert not at.exception, at.exception
    assert asked == [DEFAULT_BOX]
    report, ids = drawn(at)
    assert report and len(ids) == 59  # 62 less the 3 outside the first box (tests/test_map_bounds.py)
    at.session_state["map"] = {"last_active_drawing": None, "last_object_clicked": None, "bounds": list(AKTAU_VIEW)}
    at.run()
    assert not at.exception, at.exception
    assert asked == [DEFAULT_BOX, AKTAU_BOX]
    report, ids = drawn(at)
    assert report and ids >= AKTAU_POINTS and ids.isdisjoint(AKTAU_NOT)
