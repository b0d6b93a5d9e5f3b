"""Where corpus extraction writes candidate claims: the :class:`CandidateSink` interface and a file back end.

A batch is a list of *article results*, one dict per article::

    {"article": "<article id>", "source": "<file or store key>", "language": "de",
     "claims": [{"id": "<content hash>", "article": ..., "start": ..., ...}, ...]}

An article with no claims still has a result (``"claims": []``), so a rerun knows it is done.
``write`` stores a batch all at once or not at all and returns the number of claims newly
written; writing the same batch again writes nothing (claims are keyed by their content-hash
``id``, articles by their id). ``done_ids`` is the set of article ids already stored.

:class:`FileCandidateSink` keeps one JSON Lines file per batch (``part-<hash>.jsonl``, one line
per article) in a folder, written through a temporary file, fsync and an atomic rename: a
worker killed mid-batch leaves no partial file, only a temporary one that the next run removes.
The PostGIS back end (``geo.store.sink.PostgisCandidateSink``) implements the same interface.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

from geo.data import filestore

#: Partition files of :class:`FileCandidateSink`.
PART_PREFIX = "part-"
PART_SUFFIX = ".jsonl"
#: Temporary files of partitions being written (removed by :meth:`FileCandidateSink.remove_temporaries`).
TMP_PREFIX = ".part-tmp-"


@runtime_checkable
class CandidateSink(Protocol):
    """Stores the results of corpus extraction; see the module docstring for the batch format."""

    def write(self, batch: list[dict[str, Any]]) -> int:
        """Store ``batch`` atomically and idempotently; return the number of claims newly written."""
        ...

    def done_ids(self) -> set[str]:
        """Ids of the articles whose results are stored."""
        ...


def claim_id(row: dict[str, Any]) -> str:
    """Content hash of a candidate claim (every field but ``id``): the same claim always gets the same id."""
    content = {k: v for k, v in row.items() if k != "id"}
    blob = json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:32]


def partition_name(article_ids: list[str]) -> str:
    """File name of the partition holding exactly these articles (independent of their order)."""
    digest = hashlib.sha256("\n".join(sorted(article_ids)).encode("utf-8")).hexdigest()[:20]
    return f"{PART_PREFIX}{digest}{PART_SUFFIX}"


class FileCandidateSink:
    """Candidate claims as JSON Lines partition files in ``folder`` (created on first write)."""

    def __init__(self, folder: Path | str) -> None:
        self.folder = Path(folder)

    def __repr__(self) -> str:
        return f"FileCandidateSink({str(self.folder)!r})"

    def parts(self) -> list[Path]:
        """The complete partition files, sorted by name."""
        if not self.folder.is_dir():
            return []
        return sorted(self.folder.glob(f"{PART_PREFIX}*{PART_SUFFIX}"))

    def results(self) -> Iterator[dict[str, Any]]:
        """Every stored article result, each article once (the first file holding it wins)."""
        seen: set[str] = set()
        for path in self.parts():
            with path.open(encoding="utf-8") as handle:
                for line in handle:
                    result = json.loads(line)
                    if result["article"] not in seen:
                        seen.add(result["article"])
                        yield result

    def claims(self) -> Iterator[dict[str, Any]]:
        """Every stored candidate claim, each id once."""
        seen: set[str] = set()
        for result in self.results():
            for row in result["claims"]:
                if row["id"] not in seen:
                    seen.add(row["id"])
                    yield row

    def done_ids(self) -> set[str]:
        """Ids of the articles in the complete partition files."""
        return {r["article"] for r in self.results()}

    def write(self, batch: list[dict[str, Any]]) -> int:
        """Write ``batch`` as one partition file; 0 when that exact partition is already stored."""
        if not batch:
            return 0
        path = self.folder / partition_name([r["article"] for r in batch])
        if path.exists():
            return 0
        self.folder.mkdir(parents=True, exist_ok=True)
        lines = [json.dumps(r, ensure_ascii=False, separators=(",", ":")) + "\n" for r in batch]
        filestore.write_bytes_atomic(path, "".join(lines).encode("utf-8"), prefix=TMP_PREFIX)
        return sum(len(r["claims"]) for r in batch)

    def remove_temporaries(self) -> list[Path]:
        """Delete temporary files left by killed writers; call only when no run writes to this folder."""
        if not self.folder.is_dir():
            return []
        removed = []
        for tmp in self.folder.glob(f"{TMP_PREFIX}*"):
            tmp.unlink(missing_ok=True)
            removed.append(tmp)
        return removed
