"""Corpus extraction on Dask (``python -m geo extract --corpus``): same results as one article at a time,
reruns skip done articles, failed partitions are retried or reported, a killed worker leaves no partial file.

The runs use ``--scheduler threads`` (one in-process Dask worker), which goes through the same
distributed client, retries and sink as a multi-process cluster but starts in about a second.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from geo.claims import batch
from geo.claims.sink import FileCandidateSink, claim_id
from geo.cli import corpus_extract
from geo.cli.commands import main
from geo.errors import GeoError
from tests.conftest import DATA, ROOT
from tests.extract_eval import load_set
from tests.test_store import server, template  # noqa: F401  (fixtures: a throwaway PostGIS server)

DEV = {a["id"]: a for a in load_set("extraction_dev.yaml")}
NAMES = ("en-01", "en-02", "de-01", "de-02", "ru-01", "ru-02")


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """Six dev-set articles (two per language) as .txt files."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name in NAMES:
        (folder / f"{name}.txt").write_text(DEV[name]["text"], encoding="utf-8")
    return folder


def article_id(name: str) -> str:
    # Not a seed text, so the id is the first 16 hex digits of the SHA-256 of the text.
    return hashlib.sha256(DEV[name]["text"].encode("utf-8")).hexdigest()[:16]


def claims_by_article(sink: FileCandidateSink) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {}
    for row in sink.claims():
        out.setdefault(row["article"], []).append(row)
    return out


def article_rows(path: Path) -> int:
    """Articles (not claims) in one partition file."""
    return sum(1 for line in path.read_text(encoding="utf-8").splitlines() if "excerpt" not in json.loads(line))


def run(corpus: Path, out: Path, **kw):
    kw.setdefault("scheduler", "threads")
    kw.setdefault("partition_size", 2)
    kw.setdefault("workers", 1)
    return corpus_extract.run_corpus(str(corpus), str(out), data_dir=DATA, **kw)


def test_results_equal_the_single_article_extractor(corpus, tmp_path):
    batch._MATCHERS.clear()
    builds = batch.builds
    outcome, plan = run(corpus, tmp_path / "out")
    assert (outcome.articles, outcome.partitions, outcome.failed, plan.skipped) == (6, 3, [], 0)
    # Three partitions ran on one worker; the matcher was built once, not per partition or article.
    assert batch.builds - builds == 1
    sink = FileCandidateSink(tmp_path / "out")
    assert len(sink.parts()) == 3
    assert sink.done_ids() == {article_id(n) for n in NAMES}
    stored = claims_by_article(sink)

    single = subprocess.run([sys.executable, "-m", "geo", "extract", *sorted(map(str, corpus.iterdir())), "--format", "json"],
                            cwd=ROOT, capture_output=True, text=True, check=True)
    expected = json.loads(single.stdout)
    got = [{k: v for k, v in row.items() if k != "id"} for name in sorted(NAMES) for row in stored[article_id(name)]]
    assert got == expected
    assert all(row["id"] == claim_id(row) for rows in stored.values() for row in rows)
    assert not any("text" in row for row in sink.rows())  # the corpus keeps the texts

    # Hand check 1, en-01 (gold: btc + cpc-marine-terminal, rerouting): one claim, the first sentence,
    # which ends with the full stop before " KazMunayGas".
    text = DEV["en-01"]["text"]
    (claim,) = stored[article_id("en-01")]
    assert (claim["start"], claim["end"]) == (0, text.index(" KazMunayGas"))
    assert claim["claim_type"] == "rerouting"
    assert [a["id"] for a in claim["assets"]] == ["btc", "cpc-marine-terminal"]
    # Hand check 2, de-01: the first sentence "Über den Hafen Aktau soll mehr Öl nach Baku fließen." is
    # 4+1+3+1+5+1+5+1+4+1+4+1+2+1+4+1+4+1+8 = 52 characters: a rerouting Aktau -> Baku (the lane and
    # both ends); the second sentence (from 53) is the dependency on the oil terminal in Novorossiysk.
    first, second = stored[article_id("de-01")]
    assert (first["start"], first["end"], first["claim_type"]) == (0, 52, "rerouting")
    assert {a["id"] for a in first["assets"]} == {"aktau", "sangachal", "lane-aktau-baku"}
    assert (second["start"], second["claim_type"]) == (53, "dependency")


def test_rerun_skips_done_articles(corpus, tmp_path):
    out = tmp_path / "out"
    run(corpus, out)
    before = {p.name: p.read_bytes() for p in FileCandidateSink(out).parts()}
    outcome, plan = run(corpus, out)
    assert (outcome.articles, plan.skipped, plan.total) == (0, 6, 6)
    assert {p.name: p.read_bytes() for p in FileCandidateSink(out).parts()} == before
    # One new article and one copy of a done one: only the new one is extracted.
    (corpus / "en-03.txt").write_text(DEV["en-03"]["text"], encoding="utf-8")
    (corpus / "copy-of-en-01.md").write_text(DEV["en-01"]["text"], encoding="utf-8")
    outcome, plan = run(corpus, out)
    assert (outcome.articles, plan.skipped, plan.total) == (1, 7, 8)
    assert len(FileCandidateSink(out).done_ids()) == 7


def test_sink_write_is_idempotent(tmp_path):
    sink = FileCandidateSink(tmp_path / "out")
    claim = {"article": "a1", "start": 0, "end": 5, "excerpt": "Hello", "claim_type": "rerouting"}
    batch_ = [{"article": "a1", "text": "Hello.", "language": "en"}, {"id": claim_id(claim), **claim},
              {"article": "a2", "text": "Nothing.", "language": "en"}]
    assert sink.write(batch_) == 1
    assert sink.write(list(reversed(batch_))) == 0  # the same partition in another order
    assert sink.done_ids() == {"a1", "a2"}
    assert len(sink.parts()) == 1
    # The id is the store's formula: "cand-" and the first 20 hex digits of SHA-256 of "a1\0" "0\0" "5\0" "Hello".
    assert claim_id(claim) == "cand-" + hashlib.sha256(b"a1\x000\x005\x00Hello").hexdigest()[:20]


def _flaky(monkeypatch, source_name: str, failures: int):
    """Make extraction of one file raise ``failures`` times (every time when negative)."""
    real = batch.extract_article
    calls = {"n": 0}

    def extract_article(article, matcher):
        if Path(article.source).name == source_name:
            calls["n"] += 1
            if failures < 0 or calls["n"] <= failures:
                raise RuntimeError(f"injected failure {calls['n']}")
        return real(article, matcher)

    monkeypatch.setattr(batch, "extract_article", extract_article)
    return calls


def test_a_partition_that_fails_once_is_retried(corpus, tmp_path, monkeypatch):
    calls = _flaky(monkeypatch, "de-02.txt", failures=1)
    outcome, _ = run(corpus, tmp_path / "out", retries=1)
    assert outcome.failed == [] and outcome.articles == 6
    assert calls["n"] == 2  # failed once, then succeeded on the retry
    assert article_id("de-02") in FileCandidateSink(tmp_path / "out").done_ids()


def test_a_partition_that_always_fails_is_reported(corpus, tmp_path, monkeypatch, capsys):
    calls = _flaky(monkeypatch, "de-02.txt", failures=-1)
    out = tmp_path / "out"
    code = main(["extract", "--corpus", str(corpus), "--out", str(out), "--scheduler", "threads",
                 "--partition-size", "2", "--workers", "1", "--retries", "2"])
    err = capsys.readouterr().err
    assert code == 1
    assert calls["n"] == 3  # the first attempt and two retries
    # Sorted files: de-01, de-02 | en-01, en-02 | ru-01, ru-02 -> de-02 is in the first partition, p00000.
    assert "partition p00000 (2 articles:" in err and "de-02.txt" in err and "failed after 3 attempt(s)" in err
    assert "PartitionError: RuntimeError: injected failure 3 (at test_corpus_extract.py:" in err
    done = FileCandidateSink(out).done_ids()
    assert done == {article_id(n) for n in ("en-01", "en-02", "ru-01", "ru-02")}  # the other partitions are written
    monkeypatch.undo()
    assert main(["extract", "--corpus", str(corpus), "--out", str(out), "--scheduler", "threads", "--workers", "1"]) == 0
    assert len(FileCandidateSink(out).done_ids()) == 6


KILL_SCRIPTS = {
    # Killed between the fsynced temporary file and the rename of the second partition.
    "during the write": """
        import os
        real, seen = os.replace, []
        def replace(src, dst, *a, **k):
            if os.path.basename(str(dst)).startswith("part-"):
                seen.append(dst)
                if len(seen) == 2:
                    os._exit(70)
            return real(src, dst, *a, **k)
        os.replace = replace
    """,
    # Killed in the middle of the second partition's extraction (its first article done, not the second).
    "mid-partition": """
        import os
        from geo.claims import batch
        real, seen = batch.extract_article, []
        def extract_article(article, matcher):
            seen.append(article)
            if len(seen) == 4:
                os._exit(70)
            return real(article, matcher)
        batch.extract_article = extract_article
    """,
}


@pytest.mark.parametrize("when", sorted(KILL_SCRIPTS))
def test_a_killed_worker_leaves_no_partial_file_and_a_rerun_completes(corpus, tmp_path, when):
    out = tmp_path / "out"
    args = ["extract", "--corpus", str(corpus), "--out", str(out), "--scheduler", "threads", "--partition-size", "2",
            "--workers", "1"]
    script = textwrap.dedent(KILL_SCRIPTS[when]) + f"from geo.cli.commands import main\nmain({args!r})\n"
    killed = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert killed.returncode == 70, killed.stderr
    sink = FileCandidateSink(out)
    # One worker runs the partitions in order: the first was written whole, the second not at all.
    assert [article_rows(p) for p in sink.parts()] == [2]
    leftovers = [p.name for p in out.iterdir() if not p.name.startswith("part-")]
    assert len(leftovers) == (1 if when == "during the write" else 0)
    assert main(args) == 0
    rows = list(sink.rows())
    assert sorted(r["article"] for r in rows if "excerpt" not in r) == sorted(article_id(n) for n in NAMES)  # each once
    ids = [r["id"] for r in rows if "excerpt" in r]
    assert len(ids) == len(set(ids))
    assert [p.name for p in out.iterdir() if not p.name.startswith("part-")] == []  # the rerun removed the temporary


def test_single_article_extract_does_not_import_dask():
    code = ("import sys\nfrom geo.cli.commands import main\n"
            "rc = main(['extract', 'seeds/000_149cd47eccacf6d5.txt', '--format', 'json'])\n"
            "assert rc == 0 and 'dask' not in sys.modules and 'distributed' not in sys.modules\n")
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True, capture_output=True)


def test_postgresql_sink_without_the_store_module_is_a_clear_error(monkeypatch):
    monkeypatch.setattr(corpus_extract, "POSTGIS_PACKAGE", "geo.no_such_store")
    with pytest.raises(GeoError, match=r"needs geo\.no_such_store and its requirements"):
        corpus_extract.open_sink("postgresql://localhost/geo")
    assert isinstance(corpus_extract.open_sink(Path("somewhere")), FileCandidateSink)


def test_corpus_and_files_are_exclusive(corpus, tmp_path, capsys):
    assert main(["extract", "seeds/000_149cd47eccacf6d5.txt", "--corpus", str(corpus), "--out", str(tmp_path)]) == 2
    assert main(["extract", "--corpus", str(corpus)]) == 2
    assert main(["extract"]) == 2
    assert "--out" in capsys.readouterr().err


FAULT_PRELOAD = """
import os
from pathlib import Path
from geo.claims import batch

MARKER = Path({marker!r})
real = getattr(batch, "unpatched_extract_article", batch.extract_article)  # the preload may run twice
batch.unpatched_extract_article = real


def extract_article(article, matcher):
    # The first worker to reach de-02.txt marks it and dies, like a worker killed by the OOM killer;
    # the worker the nanny starts next finds the mark and extracts normally.
    if Path(article.source).name == "de-02.txt" and not MARKER.exists():
        MARKER.write_text(str(os.getpid()))
        os._exit(70)
    return real(article, matcher)


batch.extract_article = extract_article
"""


def test_a_worker_process_killed_mid_partition_is_replaced_and_the_partition_rerun(corpus, tmp_path):
    # A real local cluster with one worker process; a preload script (run in each new worker
    # process) kills the worker in the middle of the partition holding de-02.txt, once.
    preload = tmp_path / "fault_preload.py"
    marker = tmp_path / "killed"
    preload.write_text(FAULT_PRELOAD.format(marker=str(marker)), encoding="utf-8")
    out = tmp_path / "out"
    env = {**os.environ, "DASK_DISTRIBUTED__WORKER__PRELOAD": json.dumps([str(preload)])}
    done = subprocess.run([sys.executable, "-m", "geo", "extract", "--corpus", str(corpus), "--out", str(out),
                           "--scheduler", "local", "--workers", "1", "--partition-size", "2", "--retries", "2"],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=180)
    assert marker.exists()  # the worker really died
    assert done.returncode == 0, done.stderr[-2000:]
    assert "Extracted 6 articles in 3 partitions" in done.stdout
    rows = list(FileCandidateSink(out).rows())
    assert sorted(r["article"] for r in rows if "excerpt" not in r) == sorted(article_id(n) for n in NAMES)


def test_progress_line_counts_skipped_and_extracted_articles():
    import io

    plan = corpus_extract.Plan(total=10, skipped=3, duplicates=1)
    stream = io.StringIO()
    progress = corpus_extract.Progress(plan, stream)
    progress.update(4, final=True)
    # handled = 4 extracted + 3 done before + 1 duplicate = 8 of 10 -> 30 * 8 / 10 = 24 marks of the bar
    line = stream.getvalue()
    assert line.startswith("[" + "#" * 24 + " " * 6 + "] 8/10 articles, ")
    assert line.rstrip().endswith("articles/s")



# --- the PostGIS store as sink and as corpus (a throwaway local server: the fixtures of tests/test_store.py) ---


@pytest.fixture
def postgis_url(request):
    from tests.test_store import _copy

    engine = _copy(request.getfixturevalue("server"), request.getfixturevalue("template"))  # a fresh database with the shipped data and the two seed articles
    yield engine.url.render_as_string(hide_password=False)
    engine.dispose()


def test_extract_a_folder_into_postgis_and_the_store_corpus_into_files(corpus, tmp_path, postgis_url):
    from sqlalchemy import create_engine, func, select

    from geo.store import tables

    files = tmp_path / "files"
    run(corpus, files)
    expected = {row["id"] for row in FileCandidateSink(files).claims()}
    outcome, _ = run(corpus, postgis_url)
    assert (outcome.articles, outcome.failed, outcome.written) == (6, [], len(expected))
    sink = corpus_extract.open_sink(postgis_url)
    assert {article_id(n) for n in NAMES} <= sink.done_ids()
    engine = create_engine(postgis_url)
    with engine.connect() as conn:
        stored = set(conn.execute(select(tables.claims.c.id).where(tables.claims.c.status == "candidate")).scalars())
        seeds = conn.execute(select(func.count()).select_from(tables.articles)).scalar_one() - 6
    engine.dispose()
    assert expected <= stored  # the same content-hash ids in both back ends
    outcome, plan = run(corpus, postgis_url)
    assert (outcome.articles, plan.skipped) == (0, 6)

    # The other way: the store's articles (the seeds and the six) as the corpus, into a folder.
    out = tmp_path / "from-store"
    outcome, plan = run(postgis_url, out)
    assert (plan.total, outcome.articles, outcome.failed) == (seeds + 6, seeds + 6, [])
    assert "000_149cd47eccacf6d5" in FileCandidateSink(out).done_ids()  # a seed, under its own id
