"""``python -m geo extract --corpus DIR --out DEST``: extraction of a whole corpus on Dask.

The driver reads the corpus, skips articles the sink already holds, cuts the rest into
partitions of ``--partition-size`` articles and submits them to a Dask cluster: by default a
local one with one single-threaded worker process per core (``--scheduler local``), or any
running cluster (``--scheduler tcp://HOST:8786``). Each worker builds the matcher once and
writes each partition to the sink as one atomic, idempotent batch. A failed partition is
retried ``--retries`` times; if it still fails it is named on stderr and the exit code is 1.
Only a few partitions per worker are in flight at a time, so the corpus is never all in memory.

Dask is imported here, only when ``--corpus`` is given: a single-article ``extract`` stays fast.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib
import itertools
import os
import sys
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from geo import settings
from geo.claims import upload
from geo.claims.batch import Article, PartitionResult, extract_partition
from geo.claims.sink import CandidateSink, FileCandidateSink
from geo.cli.extract import known_articles, quick_text
from geo.errors import GeoError

#: Files of a corpus folder that are read as articles.
ARTICLE_SUFFIXES = (".txt", ".md", ".html", ".htm")
#: The PostGIS back end (imported only for postgresql:// URLs).
POSTGIS_PACKAGE = "geo.store"
#: Added to errors of a running cluster that cannot load this package.
DESERIALIZE_HINT = ("the scheduler and every worker must import this project: start them from a checkout "
                    "of the same version with PYTHONPATH=. and the same requirements")
#: Partitions in flight per worker: enough to keep every worker busy, few enough to bound memory.
IN_FLIGHT_PER_WORKER = 3


def _is_database(dest: str) -> bool:
    return dest.startswith(("postgresql://", "postgresql+psycopg://", "postgres://"))


def _store_modules() -> tuple[Any, Any, Any]:
    """``geo.store.postgis``, ``geo.store.sink`` and ``geo.store.tables``, or a clear error when they cannot load."""
    try:
        return tuple(importlib.import_module(f"{POSTGIS_PACKAGE}.{m}") for m in ("postgis", "sink", "tables"))  # type: ignore[return-value]
    except ModuleNotFoundError as exc:
        msg = (f"a postgresql:// store needs {POSTGIS_PACKAGE} and its requirements (SQLAlchemy, psycopg), "
               f"which do not load here ({exc}); write to a folder instead, e.g. --out out/candidates")
        raise GeoError(msg) from None


#: One PostGIS sink per process and URL (an engine holds a connection pool: it is not sent to workers).
_POSTGIS_SINKS: dict[str, Any] = {}


class PostgisSink:
    """:class:`geo.store.sink.PostgisCandidateSink` for a URL, connected lazily in each process that uses it.

    Only the URL is pickled, so the sink can be sent to Dask workers; each worker opens its own engine once.
    """

    def __init__(self, url: str) -> None:
        self.url = url
        _store_modules()  # fail early, in the driver, when the store cannot load

    def __repr__(self) -> str:
        return "PostgisSink(<url>)"  # the URL may hold a password

    def _sink(self) -> Any:
        sink = _POSTGIS_SINKS.get(self.url)
        if sink is None:
            postgis, store_sink, _ = _store_modules()
            sink = _POSTGIS_SINKS[self.url] = store_sink.PostgisCandidateSink(postgis.engine_for(self.url))
        return sink

    def write(self, batch: list[dict[str, Any]]) -> int:
        """Store a batch in one transaction; the number of claims newly written."""
        return int(self._sink().write(batch))

    def done_ids(self) -> set[str]:
        """Articles whose extraction is stored."""
        return set(self._sink().done_ids())


def open_sink(dest: str | Path) -> CandidateSink:
    """The sink for ``dest``: a folder of JSON Lines partitions, or the PostGIS store for a ``postgresql://`` URL."""
    text = str(dest)
    if _is_database(text):
        return PostgisSink(text)
    path = Path(text.removeprefix("file://"))
    if path.exists() and not path.is_dir():
        msg = f"--out {path}: exists and is not a folder"
        raise GeoError(msg)
    return FileCandidateSink(path)


@dataclass
class Unreadable:
    """A corpus file that could not be read as an article."""

    source: str
    message: str


def corpus_files(folder: Path) -> list[Path]:
    """The article files under ``folder`` (recursively, hidden files skipped), sorted."""
    if not folder.is_dir():
        msg = f"--corpus {folder}: not an existing folder"
        raise GeoError(msg)
    return sorted(p for p in folder.rglob("*")
                  if p.suffix.lower() in ARTICLE_SUFFIXES and p.is_file()
                  and not any(part.startswith(".") for part in p.relative_to(folder).parts))


def read_article(path: Path, known: dict[str, str], language: str | None) -> Article:
    """One file as an :class:`Article`, decoded and identified exactly as ``python -m geo extract FILE`` does."""
    raw = path.read_bytes()
    text = quick_text(raw, path.name)
    if text is None:
        text = upload.decode_upload(raw, path.name)
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return Article(known.get(digest, digest[:16]), str(path), text, language)


@dataclass
class Plan:
    """What the driver found while reading the corpus."""

    total: int = 0
    skipped: int = 0  # already in the sink
    duplicates: int = 0  # same text as an earlier file
    unreadable: list[Unreadable] = field(default_factory=list)


def partitions(files: list[Path], size: int, done: set[str], known: dict[str, str], language: str | None,
               plan: Plan) -> Iterator[list[Article]]:
    """Partitions of up to ``size`` articles not yet done, read lazily; counts skips in ``plan``."""
    seen = set(done)
    part: list[Article] = []
    for path in files:
        try:
            article = read_article(path, known, language)
        except (GeoError, OSError) as exc:
            plan.unreadable.append(Unreadable(str(path), getattr(exc, "strerror", None) or str(exc)))
            continue
        if article.id in seen:
            if article.id in done:
                plan.skipped += 1
            else:
                plan.duplicates += 1
            continue
        seen.add(article.id)
        part.append(article)
        if len(part) == size:
            yield part
            part = []
    if part:
        yield part


def store_partitions(corpus: str, size: int, done: set[str], plan: Plan) -> Iterator[list[Article]]:
    """Partitions of the articles of a PostGIS store not yet done (texts read in batches of ``size``)."""
    from sqlalchemy import select

    postgis, _, tables = _store_modules()
    engine = postgis.engine_for(corpus)
    articles = tables.articles
    with engine.connect() as conn:
        ids = sorted(conn.execute(select(articles.c.id)).scalars())
    plan.total = len(ids)
    todo = [i for i in ids if i not in done]
    plan.skipped = len(ids) - len(todo)
    for start in range(0, len(todo), size):
        chunk = todo[start:start + size]
        with engine.connect() as conn:
            rows = conn.execute(select(articles.c.id, articles.c.text, articles.c.record).where(articles.c.id.in_(chunk)))
            by_id = {r.id: r for r in rows}
        yield [Article(i, f"store:{i}", by_id[i].text, (by_id[i].record or {}).get("language")) for i in chunk]


class Progress:
    """Articles handled out of the total and articles/s, on one stderr line (redrawn on a terminal).

    Handled counts extracted articles and those skipped (already done, duplicate or unreadable);
    the rate counts extracted articles only.
    """

    def __init__(self, plan: Plan, stream: TextIO, *, every: float | None = None) -> None:
        self.plan, self.stream, self.extracted, self.failed = plan, stream, 0, 0
        self.tty = stream.isatty()
        self.every = every if every is not None else (0.5 if self.tty else 10.0)
        self.start = self.last = time.perf_counter()

    def rate(self) -> float:
        """Extracted articles per second since the start."""
        return self.extracted / max(time.perf_counter() - self.start, 1e-9)

    def update(self, articles: int, *, failed: int = 0, final: bool = False) -> None:
        """Count ``articles`` more; redraw at most every ``every`` seconds (and at the end)."""
        self.extracted += articles
        self.failed += failed
        now = time.perf_counter()
        if not final and now - self.last < self.every:
            return
        self.last = now
        plan = self.plan
        handled = self.extracted + plan.skipped + plan.duplicates + len(plan.unreadable)
        share = min(handled / plan.total, 1.0) if plan.total else 1.0
        bar = "#" * int(30 * share)
        failed_text = f", {self.failed} partition(s) failed" if self.failed else ""
        line = f"[{bar:<30}] {handled:,}/{plan.total:,} articles, {self.rate():,.1f} articles/s{failed_text}"
        end = "\n" if final or not self.tty else ""
        self.stream.write(("\r" if self.tty else "") + line + end)
        self.stream.flush()


def make_client(scheduler: str, workers: int | None, retries: int) -> Any:
    """A distributed client: a new local cluster (``local``, ``threads``) or a running one (an address)."""
    import dask
    from dask.distributed import Client, LocalCluster

    n = workers or os.cpu_count() or 1
    # The diagnostics dashboard on a free port (":0"): a fixed 8787 fails when two runs share a machine.
    # A worker that dies while running a partition counts as a failure too: allow as many as retries.
    # (A running cluster's scheduler has its own setting: DASK_DISTRIBUTED__SCHEDULER__ALLOWED_FAILURES.)
    with dask.config.set({"distributed.scheduler.allowed-failures": retries}):
        if scheduler == "local":
            cluster = LocalCluster(n_workers=n, threads_per_worker=1, processes=True, dashboard_address=":0")
            return Client(cluster)
        if scheduler == "threads":  # one in-process worker: for small corpora and tests
            cluster = LocalCluster(n_workers=1, threads_per_worker=n, processes=False, dashboard_address=":0")
            return Client(cluster)
    if "://" not in scheduler:
        msg = f"--scheduler {scheduler}: use local, threads or a scheduler address such as tcp://HOST:8786"
        raise GeoError(msg)
    try:
        return Client(scheduler, timeout="20s")
    except OSError as exc:
        msg = f"--scheduler {scheduler}: cannot reach the Dask scheduler ({exc})"
        raise GeoError(msg) from None


def _describe(name: str, part: list[Article]) -> str:
    first, last = part[0].source, part[-1].source
    span = first if first == last else f"{first} .. {last}"
    return f"partition {name} ({len(part)} articles: {span})"


@dataclass
class Outcome:
    """Totals of one run."""

    articles: int = 0
    claims: int = 0
    written: int = 0
    partitions: int = 0
    failed: list[str] = field(default_factory=list)
    seconds: float = 0.0


def run_corpus(corpus: str, dest: str, *, data_dir: Path, scheduler: str = "local", partition_size: int = 200,
               workers: int | None = None, retries: int = 2, language: str | None = None,
               stream: TextIO | None = None, plan: Plan | None = None) -> tuple[Outcome, Plan]:
    """Extract every article of ``corpus`` not yet in ``dest``; return the totals and what was skipped."""
    from dask.distributed import as_completed

    if partition_size < 1 or retries < 0 or (workers is not None and workers < 1):
        msg = "--partition-size and --workers must be at least 1, --retries at least 0"
        raise GeoError(msg)
    stream = stream if stream is not None else sys.stderr
    plan = plan if plan is not None else Plan()
    sink = open_sink(dest)
    if isinstance(sink, FileCandidateSink):
        sink.remove_temporaries()  # left by a killed worker of an earlier run
    done = sink.done_ids()
    data = str(Path(data_dir).resolve())
    if _is_database(corpus):
        parts = store_partitions(corpus, partition_size, done, plan)
    else:
        files = corpus_files(Path(corpus))
        plan.total = len(files)
        parts = partitions(files, partition_size, done, known_articles(Path(data_dir)), language, plan)
    outcome = Outcome()
    start = time.perf_counter()
    first = next(parts, None)
    if first is None:  # nothing left to do: no cluster needed
        Progress(plan, stream).update(0, final=True)
        outcome.seconds = time.perf_counter() - start
        return outcome, plan
    parts = itertools.chain([first], parts)
    client = make_client(scheduler, workers, retries)
    try:
        window = IN_FLIGHT_PER_WORKER * max(sum(client.nthreads().values()), 1)
        progress = Progress(plan, stream)
        described: dict[str, str] = {}  # future key -> partition name and files
        run_id = uuid.uuid4().hex[:8]
        queue = as_completed()
        numbered = enumerate(parts)

        def submit_more() -> None:
            while queue.count() < window:
                item = next(numbered, None)
                if item is None:
                    return
                i, part = item
                name = f"p{i:05d}"
                future = client.submit(extract_partition, name, part, data, sink, key=f"extract-{name}-{run_id}",
                                       retries=retries, pure=False)
                described[future.key] = _describe(name, part)
                queue.add(future)

        submit_more()
        for future in queue:
            if future.status == "finished":
                result: PartitionResult = future.result()
                outcome.articles += result.articles
                outcome.claims += result.claims
                outcome.written += result.written
                outcome.partitions += 1
                progress.update(result.articles)
            else:
                exc = future.exception()
                text = " ".join(str(exc).split())  # one line per failed partition
                if "deserializ" in text:
                    text += f" ({DESERIALIZE_HINT})"
                outcome.failed.append(f"{described[future.key]} failed after {retries + 1} attempt(s): "
                                      f"{type(exc).__name__}: {text}")
                progress.update(0, failed=1)
            del described[future.key]
            future.release()
            submit_more()
        progress.update(0, final=True)
    finally:
        client.close()
        cluster = getattr(client, "cluster", None)
        if cluster is not None and scheduler in ("local", "threads"):
            cluster.close()
    outcome.seconds = time.perf_counter() - start
    return outcome, plan


def run(args: argparse.Namespace) -> int:
    """``extract --corpus``: print a summary on stdout, failures on stderr; exit 1 if anything was left out."""
    if args.files:
        msg = "give either article FILEs or --corpus, not both"
        raise GeoError(msg)
    if args.out is None:
        msg = "--corpus needs --out DEST (a folder, or a postgresql:// URL)"
        raise GeoError(msg)
    data_dir = Path(args.data_dir) if args.data_dir is not None else settings.DATA_DIR
    outcome, plan = run_corpus(str(args.corpus), str(args.out), data_dir=data_dir, scheduler=args.scheduler,
                               partition_size=args.partition_size, workers=args.workers, retries=args.retries,
                               language=args.language)
    rate = outcome.articles / outcome.seconds if outcome.seconds else 0.0
    print(f"Extracted {outcome.articles:,} articles in {outcome.partitions:,} partitions: {outcome.claims:,} candidate "
          f"claims, {outcome.written:,} newly written to {args.out}; {plan.skipped:,} already done, "
          f"{plan.duplicates:,} duplicate texts; {outcome.seconds:.1f} s, {rate:,.1f} articles/s.")
    for problem in plan.unreadable:
        print(f"ERROR {problem.source}: not read: {problem.message}", file=sys.stderr)
    for failure in outcome.failed:
        print(f"ERROR {failure}", file=sys.stderr)
    if outcome.failed:
        print(f"{len(outcome.failed)} partition(s) failed and were not written; rerun to retry them "
              "(done articles are skipped).", file=sys.stderr)
    return 1 if outcome.failed or plan.unreadable else 0
