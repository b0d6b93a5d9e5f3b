"""Parallel and interrupted writers lose nothing: ingest and claim saving under a lock, crash-safe writes.

Every assertion is about the end state, whatever order the processes ran in, so the
tests do not depend on timing. Crashes are injected deterministically: a child process
kills itself with SIGKILL at the k-th rename or fsync of its write path.
"""

from __future__ import annotations

import multiprocessing
import os
import shutil
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest
import yaml

from geo.claims import ingest
from geo.data import corpus
from geo.data import filestore as store
from geo.data.schema import Claim
from tests.conftest import DATA, ROOT

# Eight German sentences naming routes; each is its own article in the parallel tests.
SENTENCES = [
    "Kasachstan schickt mehr Öl über den Hafen Aktau nach Baku.",
    "Die Pipeline nach China soll bis 2030 deutlich mehr Rohöl transportieren.",
    "Tanker bringen kasachisches Öl über das Kaspische Meer nach Aserbaidschan.",
    "Über die BTC-Pipeline erreicht das Öl den türkischen Hafen Ceyhan.",
    "Der Umweg über Georgien kostet die Exporteure Zeit und Geld.",
    "Ein Teil des Öls fährt mit der Bahn nach Batumi am Schwarzen Meer.",
    "Die russischen Häfen bleiben für Kasachstan vorerst unverzichtbar.",
    "Neue Verträge sollen den Transit durch Russland verringern.",
]


@pytest.fixture
def workspace(tmp_path: Path) -> tuple[Path, Path]:
    """A copy of data/ and seeds/ side by side."""
    data, seeds = tmp_path / "data", tmp_path / "seeds"
    shutil.copytree(DATA, data, ignore=shutil.ignore_patterns("_work", ".corpus.lock"))
    shutil.copytree(ROOT / "seeds", seeds)
    return data, seeds


def index(data: Path) -> list[dict]:
    return yaml.safe_load((data / corpus.ARTICLES_FILE).read_text(encoding="utf-8"))


def run_parallel_cli(data: Path, seeds: Path, files: list[Path]) -> list[subprocess.CompletedProcess]:
    """Start one ``python -m geo ingest`` per file at once, then wait for all."""
    env = {**os.environ, "GEO_DATA_DIR": str(data), "GEO_SEEDS_DIR": str(seeds), "PYTHONWARNINGS": "ignore"}
    procs = [subprocess.Popen([sys.executable, "-m", "geo", "ingest", str(f), "--title", f"Artikel {f.stem}"], cwd=ROOT, env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for f in files]
    return [subprocess.CompletedProcess(p.args, p.wait(timeout=600), *p.communicate()) for p in procs]


def test_eight_parallel_ingests_of_distinct_articles_give_eight_entries(workspace, tmp_path):
    data, seeds = workspace
    files = []
    for i, sentence in enumerate(SENTENCES):
        files.append(tmp_path / f"a{i}.txt")
        files[-1].write_text(sentence + "\n", encoding="utf-8")
    results = run_parallel_cli(data, seeds, files)
    assert [r.returncode for r in results] == [0] * 8, [r.stderr for r in results]
    entries = index(data)
    # 2 seed articles + 8 new ones, each once, each with its own title and text.
    assert len(entries) == 2 + 8
    loaded = corpus.load_corpus(data, seeds)
    for i, sentence in enumerate(SENTENCES):
        art_id = corpus.sha256_text(sentence + "\n")[:16]
        assert loaded.texts[art_id] == sentence + "\n"
        assert loaded.articles[art_id].title == f"Artikel a{i}"
    assert not list(data.glob(".*tmp*")) and not list(seeds.glob(".*tmp*"))


def test_eight_parallel_ingests_of_one_article_give_one_entry_and_no_error(workspace, tmp_path):
    data, seeds = workspace
    files = []
    for i in range(8):
        files.append(tmp_path / f"same{i}.txt")
        files[-1].write_text(SENTENCES[0] + "\n", encoding="utf-8")
    results = run_parallel_cli(data, seeds, files)
    assert [r.returncode for r in results] == [0] * 8, [r.stderr for r in results]
    art_id = corpus.sha256_text(SENTENCES[0] + "\n")[:16]
    # Exactly one run added it; the other seven found it already there.
    assert sum(f"added as {art_id}" in r.stdout for r in results) == 1
    assert sum(f"already in the corpus as {art_id}" in r.stdout for r in results) == 7
    assert [e["id"] for e in index(data)].count(art_id) == 1
    assert len(index(data)) == 3


def _article_with_sentences(data: Path, seeds: Path) -> tuple[str, str]:
    text = " ".join(SENTENCES) + "\n"
    return ingest.ingest(text.encode(), "multi.txt", data_dir=data, corpus_dir=seeds).article_id, text


def _claim(article: str, text: str, i: int) -> Claim:
    start = text.index(SENTENCES[i])
    return Claim(id=f"parallel-claim-{i}", article=article, excerpt=SENTENCES[i], start=start, end=start + len(SENTENCES[i]), language="de",
                 english=f"Sentence {i}.", claim_type="rerouting", attribution=["article"], assets=[])


def _save_one(data: str, seeds: str, article: str, text: str, i: int) -> None:
    assert ingest.save_claims([_claim(article, text, i)], data_dir=data, corpus_dir=seeds) == 1


def test_eight_parallel_claim_saves_keep_eight_claims(workspace):
    data, seeds = workspace
    article, text = _article_with_sentences(data, seeds)
    before = len(corpus.load_corpus(data, seeds).claims)
    ctx = multiprocessing.get_context("fork")
    procs = [ctx.Process(target=_save_one, args=(str(data), str(seeds), article, text, i)) for i in range(8)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(timeout=300)
    assert [p.exitcode for p in procs] == [0] * 8
    claims = corpus.load_corpus(data, seeds).claims
    assert len(claims) == before + 8
    assert {c.id for c in claims} >= {f"parallel-claim-{i}" for i in range(8)}


def test_eight_sessions_saving_at_once_in_one_process_keep_eight_claims(workspace):
    # Streamlit runs each session as a thread of one server process.
    data, seeds = workspace
    article, text = _article_with_sentences(data, seeds)
    before = len(corpus.load_corpus(data, seeds).claims)
    errors: list[BaseException] = []

    def save(i: int) -> None:
        try:
            _save_one(str(data), str(seeds), article, text, i)
        except BaseException as exc:  # collected and asserted below
            errors.append(exc)

    threads = [threading.Thread(target=save, args=(i,)) for i in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=300)
    assert errors == []
    assert len(corpus.load_corpus(data, seeds).claims) == before + 8


# --- crashes ---------------------------------------------------------------------------


def _ingest_and_die(data: str, seeds: str, raw: bytes, name: str, target: str, k: int) -> None:
    """Ingest, with ``os.<target>`` killing this process (SIGKILL) at its k-th call."""
    original = getattr(os, target)
    calls = [0]

    def dying(*args, **kwargs):
        calls[0] += 1
        if calls[0] == k:
            os.kill(os.getpid(), signal.SIGKILL)
        return original(*args, **kwargs)

    setattr(os, target, dying)
    ingest.ingest(raw, name, metadata={"title": "Titel"}, data_dir=data, corpus_dir=seeds)


# The write path of a new article: text temp file fsync (1), its rename (replace 1), folder
# fsync (2), index temp file fsync (3), index rename (replace 2), folder fsync (4).
CRASH_POINTS = [("fsync", 1), ("replace", 1), ("fsync", 2), ("fsync", 3), ("replace", 2), ("fsync", 4)]


@pytest.mark.parametrize(("target", "k"), CRASH_POINTS)
def test_kill_at_each_step_of_an_ingest_loses_nothing_and_a_rerun_completes(workspace, target, k):
    data, seeds = workspace
    seed_entries = index(data)
    name, raw = "k.txt", (SENTENCES[k] + "\n").encode()
    art_id = corpus.sha256_text(raw.decode())[:16]
    proc = multiprocessing.get_context("fork").Process(target=_ingest_and_die, args=(str(data), str(seeds), raw, name, target, k))
    proc.start()
    proc.join(timeout=300)
    assert proc.exitcode == -signal.SIGKILL
    # After the crash the index is valid and the seeds are untouched; the article is in
    # the index only if the kill came after the index rename (the last point).
    loaded = corpus.load_corpus(data, seeds)
    assert index(data)[:2] == seed_entries
    assert (art_id in loaded.articles) == ((target, k) == ("fsync", 4))
    ingest.ingest(raw, name, metadata={"title": "Titel"}, data_dir=data, corpus_dir=seeds)
    loaded = corpus.load_corpus(data, seeds)
    assert len(index(data)) == 3 and index(data)[:2] == seed_entries
    assert loaded.articles[art_id].title == "Titel" and not (loaded.articles[art_id].model_extra or {}).get("recovered")
    assert loaded.texts[art_id].encode() == raw
    assert not list(data.glob(".corpus-tmp-*")) and not list(seeds.glob(".corpus-tmp-*"))


def test_orphan_text_is_adopted_at_start_up_and_completed_by_a_reingest(workspace):
    data, seeds = workspace
    raw = (SENTENCES[3] + "\n").encode()
    art_id = corpus.sha256_text(raw.decode())[:16]
    (seeds / f"{art_id}.txt").write_bytes(raw)  # what a crash between text and index leaves
    header = (data / corpus.ARTICLES_FILE).read_text(encoding="utf-8").splitlines()[0]
    notes = ingest.recover(data, seeds)
    assert any("adopted" in n and art_id in n for n in notes)
    adopted = corpus.load_corpus(data, seeds).articles[art_id]
    assert adopted.model_extra["recovered"] is True and adopted.title is None
    result = ingest.ingest(raw, "again.txt", metadata={"title": "Wieder da"}, data_dir=data, corpus_dir=seeds)
    assert result.created and result.article_id == art_id
    entries = index(data)
    assert [e["id"] for e in entries].count(art_id) == 1 and len(entries) == 3
    assert entries[-1]["title"] == "Wieder da" and "recovered" not in entries[-1]
    # The hand-written comment at the top of the index survives.
    assert (data / corpus.ARTICLES_FILE).read_text(encoding="utf-8").splitlines()[0] == header


def test_identical_reingest_after_a_crash_succeeds_without_start_up(workspace):
    data, seeds = workspace
    raw = (SENTENCES[4] + "\n").encode()
    art_id = corpus.sha256_text(raw.decode())[:16]
    (seeds / f"{art_id}.txt").write_bytes(raw)
    result = ingest.ingest(raw, "x.txt", metadata={"title": "T"}, data_dir=data, corpus_dir=seeds)
    assert result.created and result.article_id == art_id
    assert corpus.load_corpus(data, seeds).articles[art_id].title == "T"


def test_torn_text_under_the_hash_name_is_replaced(workspace):
    data, seeds = workspace
    raw = (SENTENCES[5] + "\n").encode()
    art_id = corpus.sha256_text(raw.decode())[:16]
    (seeds / f"{art_id}.txt").write_bytes(raw[:10])  # a half-written file from a non-atomic writer
    assert ingest.recover(data, seeds) == []  # its hash does not match its name: not adopted
    result = ingest.ingest(raw, "x.txt", data_dir=data, corpus_dir=seeds)
    assert result.created and (seeds / f"{art_id}.txt").read_bytes() == raw


def test_other_text_under_the_name_is_refused_only_when_it_is_intact(workspace, monkeypatch):
    # A real collision of 16 hex digits cannot be built; stand in for "intact other text".
    data, seeds = workspace
    raw = (SENTENCES[6] + "\n").encode()
    art_id = corpus.sha256_text(raw.decode())[:16]
    (seeds / f"{art_id}.txt").write_bytes(b"other")
    monkeypatch.setattr(ingest, "_intact", lambda data, name: True)
    with pytest.raises(ingest.IngestError, match="exists with other text"):
        ingest.ingest(raw, "x.txt", data_dir=data, corpus_dir=seeds)
    assert (seeds / f"{art_id}.txt").read_bytes() == b"other"


def test_stale_temporaries_are_removed_by_the_next_writer(workspace):
    data, seeds = workspace
    (data / f"{store.TMP_PREFIX}abc.part").write_text("half", encoding="utf-8")
    (seeds / f"{store.TMP_PREFIX}def.part").write_text("half", encoding="utf-8")
    ingest.ingest((SENTENCES[7] + "\n").encode(), "x.txt", data_dir=data, corpus_dir=seeds)
    assert not list(data.glob(f"{store.TMP_PREFIX}*")) and not list(seeds.glob(f"{store.TMP_PREFIX}*"))


def test_a_failed_write_leaves_the_file_and_no_temporary(tmp_path, monkeypatch):
    target = tmp_path / "f.yaml"
    target.write_text("old\n", encoding="utf-8")

    def broken_fsync(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", broken_fsync)
    with pytest.raises(OSError, match="No space"):
        store.write_text_atomic(target, "new\n")
    assert target.read_text(encoding="utf-8") == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["f.yaml"]
