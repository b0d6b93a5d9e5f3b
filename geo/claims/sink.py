"""Where corpus extraction writes candidate claims: the :class:`CandidateSink` interface and a file back end.

A batch is a flat list of dicts, the shape ``geo.store.sink.PostgisCandidateSink`` takes too:

* an article: ``{"article": id, "text": ..., "language": ..., "source": file}``, one per article
  extracted (also when it has no claims: it marks the article done);
* a candidate claim: ``{"id": content hash, "article", "start", "end", "excerpt", "language",
  "claim_type", "assets", ...}`` (the fields of :class:`geo.claims.extract.Candidate`).

``write`` stores a batch all at once or not at all and returns the number of claims newly
written; writing the same batch again writes nothing. ``done_ids`` is the set of article ids
already stored, so a rerun skips them.

:class:`FileCandidateSink` keeps one JSON Lines file per batch (``part-<hash of the article ids>.jsonl``,
one line per dict, article texts left out: the corpus has them) in a folder, written through a
temporary file, fsync and an atomic rename: a worker killed mid-batch leaves no partial file, only
a temporary one that the next run removes.
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
    """Content-hash id of a candidate claim: the same excerpt of the same article always gets the same id.

    The formula of ``geo.store.sink.candidate_id`` (that package may not be imported from here), so a
    claim has one id in both back ends.
    """
    key = f"{row['article']}\x00{row['start']}\x00{row['end']}\x00{row['excerpt']}"
    return f"cand-{hashlib.sha256(key.encode()).hexdigest()[:20]}"


def is_claim(row: dict[str, Any]) -> bool:
    """Whether a batch dict is a candidate claim (else it is an article)."""
    return "excerpt" in row


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

    def rows(self) -> Iterator[dict[str, Any]]:
        """Every stored dict (articles without their text, and claims), file by file."""
        for path in self.parts():
            for line in path.read_text(encoding="utf-8").splitlines():
                yield json.loads(line)

    def claims(self) -> Iterator[dict[str, Any]]:
        """Every stored candidate claim, each id once."""
        seen: set[str] = set()
        for row in self.rows():
            if is_claim(row) and row["id"] not in seen:
                seen.add(row["id"])
                yield row

    def done_ids(self) -> set[str]:
        """Ids of the articles in the complete partition files."""
        return {row["article"] for row in self.rows()}

    def write(self, batch: list[dict[str, Any]]) -> int:
        """Write ``batch`` as one partition file; 0 when that exact partition is already stored."""
        if not batch:
            return 0
        path = self.folder / partition_name(list({row["article"] for row in batch}))
        if path.exists():
            return 0
        self.folder.mkdir(parents=True, exist_ok=True)
        lines = [json.dumps({k: v for k, v in row.items() if k != "text"}, ensure_ascii=False, separators=(",", ":")) + "\n"
                 for row in batch]
        filestore.write_bytes_atomic(path, "".join(lines).encode("utf-8"), prefix=TMP_PREFIX)
        return sum(1 for row in batch if is_claim(row))

    def remove_temporaries(self) -> list[Path]:
        """Delete temporary files left by killed writers; call only when no run writes to this folder."""
        if not self.folder.is_dir():
            return []
        removed = []
        for tmp in self.folder.glob(f"{TMP_PREFIX}*"):
            tmp.unlink(missing_ok=True)
            removed.append(tmp)
        return removed
