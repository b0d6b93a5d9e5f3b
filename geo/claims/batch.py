"""Extraction over a partition of a corpus, as run by each worker of ``python -m geo extract --corpus``.

The matcher (the index of asset names) takes far longer to build than one article takes to
read, so each worker process builds it once per data version and keeps it in
:data:`_MATCHERS`; every partition the worker runs afterwards reuses it.
"""

from __future__ import annotations

import threading
import traceback
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from geo.claims.extract import analyse
from geo.claims.matcher import Matcher, load_matcher
from geo.claims.sink import CandidateSink, claim_id, is_claim
from geo.claims.text import guess_language
from geo.data.filestore import file_stamp

#: Data files the matcher is built from; their sizes and times are the data version.
MATCHER_FILES = ("assets.geojson", "routes.yaml", "waypoints.csv")

#: Matchers of this process, keyed by (data folder, data version).
_MATCHERS: dict[tuple[str, tuple[tuple[str, int, int], ...]], Matcher] = {}
_LOCK = threading.Lock()
#: How many matchers this process has built (tests check it stays at one per data version).
builds = 0


class PartitionError(Exception):
    """A partition failed; the message names the original error and where it was raised."""


@dataclass(frozen=True)
class Article:
    """One article of a partition: its id, where it came from, its text and (optionally) its language."""

    id: str
    source: str
    text: str
    language: str | None = None


@dataclass(frozen=True)
class PartitionResult:
    """What a worker did with one partition."""

    name: str
    articles: int
    claims: int
    written: int


def data_version(data_dir: Path | str) -> tuple[str, tuple[tuple[str, int, int], ...]]:
    """The cache key of a data folder: its resolved path and the size and time of the matcher's files."""
    base = Path(data_dir).resolve()
    return str(base), file_stamp(base / n for n in MATCHER_FILES)


def worker_matcher(data_dir: Path | str) -> Matcher:
    """The matcher of ``data_dir``, built at most once per process and data version."""
    global builds
    key = data_version(data_dir)
    with _LOCK:  # threads of one worker share the matcher; only one of them builds it
        matcher = _MATCHERS.get(key)
        if matcher is None:
            matcher = load_matcher(Path(key[0]))
            _MATCHERS.clear()  # an older data version is not needed again
            _MATCHERS[key] = matcher
            builds += 1
    return matcher


def extract_article(article: Article, matcher: Matcher) -> list[dict[str, Any]]:
    """One article in the sink's batch format: the article, then its claims, each with a content-hash id."""
    result = analyse(article.text, article=article.id, language=article.language, matcher=matcher)
    claims = [asdict(c) for c in result.claims]
    language = claims[0]["language"] if claims else (article.language or guess_language(article.text))
    head = {"article": article.id, "text": article.text, "language": language, "source": article.source}
    return [head, *({"id": claim_id(c), **c} for c in claims)]


def extract_partition(name: str, articles: list[Article], data_dir: str, sink: CandidateSink) -> PartitionResult:
    """Extract every article of a partition and write the results to ``sink`` as one batch.

    Nothing is written until the whole partition is extracted, and the sink writes the batch
    atomically: a failure or a killed worker leaves the partition entirely unwritten.
    """
    try:
        matcher = worker_matcher(data_dir)
        batch = [row for a in articles for row in extract_article(a, matcher)]
        written = sink.write(batch)
    except Exception as exc:
        # Re-raised as a plain exception with a short traceback: Dask sends errors to the client
        # pickled, and one that cannot be (say a RecursionError 1,000 frames deep) leaves the
        # client waiting forever instead of reporting the partition.
        where = traceback.extract_tb(exc.__traceback__)[-1] if exc.__traceback__ else None
        at = f" (at {Path(where.filename).name}:{where.lineno} in {where.name})" if where else ""
        msg = f"{type(exc).__name__}: {exc}{at}"
        raise PartitionError(msg) from None
    return PartitionResult(name, len(articles), sum(1 for row in batch if is_claim(row)), written)
