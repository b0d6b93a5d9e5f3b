"""Writing candidate claims to the team store in batches, idempotently (the batch extractor's sink).

The shape the extractor expects (``CandidateSink``): ``write(batch) -> int`` and ``done_ids() -> set[str]``.
A batch is a list of dicts, each one of

* an article: ``{"article": id, "text": ..., "language": ..., ...metadata}`` (stored if new);
* a candidate claim: ``{"article", "start", "end", "excerpt", "language", "claim_type", "assets", ...}``;
* an article marker: ``{"article": id}`` (an article whose extraction found nothing).

Every article named in a batch is marked done. The whole batch is one transaction: killed
midway, it leaves nothing. Ids are content hashes and every insert is ``ON CONFLICT DO
NOTHING`` (the unique constraints decide, never a check-then-insert), so a rerun adds no
duplicates.
"""

from __future__ import annotations

import hashlib
from typing import Any

from sqlalchemy import Engine, select
from sqlalchemy.dialects.postgresql import insert

from geo.data.corpus import sha256_text
from geo.store import tables as t

#: Keys of a candidate dict kept in the stored claim record (``mentions`` and scores are the extractor's business).
CLAIM_KEYS = ("article", "excerpt", "start", "end", "language", "english", "claim_type", "attribution", "assets")


def candidate_id(article: str, start: int, end: int, excerpt: str) -> str:
    """A content-hash id for a candidate claim: the same excerpt of the same article always gets the same id.

    Examples
    --------
    >>> candidate_id("a1", 0, 5, "Hello") == candidate_id("a1", 0, 5, "Hello") != candidate_id("a1", 1, 6, "Hello")
    True
    >>> len(candidate_id("a1", 0, 5, "Hello"))  # "cand-" and 20 hex digits
    25
    """
    digest = hashlib.sha256(f"{article}\x00{start}\x00{end}\x00{excerpt}".encode()).hexdigest()
    return f"cand-{digest[:20]}"


def candidate_record(c: dict[str, Any]) -> dict[str, Any]:
    """The claim record of a candidate dict (Claim's fields; linked assets as id and role only)."""
    record: dict[str, Any] = {"id": candidate_id(c["article"], c["start"], c["end"], c["excerpt"])}
    record |= {k: c[k] for k in CLAIM_KEYS if c.get(k) is not None}
    record.setdefault("attribution", ["article"])
    record["assets"] = [{"id": a["id"], "role": a["role"]} for a in c.get("assets", [])]
    return record


class PostgisCandidateSink:
    """Batches of candidate claims into the ``claims`` table (status ``candidate``), one transaction per batch."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def write(self, batch: list[dict[str, Any]]) -> int:
        """Store a batch; return how many candidate claims were new."""
        articles = [d for d in batch if "text" in d]
        claims = [candidate_record(d) for d in batch if "excerpt" in d]
        per_article: dict[str, int] = {}
        for d in batch:
            per_article.setdefault(d["article"], 0)
        for c in claims:
            per_article[c["article"]] += 1
        with self.engine.begin() as conn:
            for a in articles:
                record = {k: v for k, v in a.items() if k not in ("text", "article")}
                record = {"id": a["article"], "file": f"seeds/{a['article']}.txt", **record}
                conn.execute(insert(t.articles).values(id=a["article"], record=record, text=a["text"], sha256=sha256_text(a["text"]))
                             .on_conflict_do_nothing())
            added = 0
            if claims:
                rows = [{"id": c["id"], "article": c["article"], "start": c["start"], "end": c["end"], "status": "candidate", "record": c}
                        for c in claims]
                result = conn.execute(insert(t.claims).values(rows).on_conflict_do_nothing().returning(t.claims.c.id))
                added = len(result.all())
            if per_article:
                conn.execute(insert(t.extractions).values([{"article": a, "candidates": n} for a, n in per_article.items()])
                             .on_conflict_do_nothing())
        return added

    def done_ids(self) -> set[str]:
        """The articles whose extraction is stored (a rerun skips them)."""
        with self.engine.connect() as conn:
            return set(conn.execute(select(t.extractions.c.article)).scalars())
