"""Adding articles and reviewed claims to the corpus, losing nothing under concurrency or crashes.

Each change is one read-modify-write done while holding the corpus lock
(:func:`geo.data.filestore.corpus_lock`): read the index, decide, write the article text, then
append to the index. Files are replaced atomically, so a crash leaves the old or the new
version. The only state a crash can leave is a text file whose index entry was never
written (an orphan). Orphans are found on start-up (:func:`recover`) and at every ingest:
one whose SHA-256 matches its name is adopted into the index, marked ``recovered: true``;
re-ingesting the same text later fills in the entry's metadata. A text file whose content
no longer matches its name is replaced by a re-ingest of the text it should hold.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from geo.claims.text import guess_language
from geo.claims.upload import MAX_SECONDS, clean_label, display_name, read_upload
from geo.data import filestore as store
from geo.data import load
from geo.data.corpus import ARTICLES_FILE, CLAIMS_FILE, check_claim, corpus_dir_or_default, fingerprint, load_corpus, sha256_text
from geo.data.schema import Article, Claim
from geo.errors import DataError, IngestError, Problem, field_message

#: Ingested texts are named by the first 16 hex digits of their SHA-256.
_HASH_NAME = re.compile(r"[0-9a-f]{16}")
_LABEL_FIELDS = ("title", "author", "outlet", "url")


@dataclass(frozen=True)
class IngestResult:
    """What :func:`ingest` did."""

    article_id: str
    created: bool
    message: str
    #: What was changed in the upload or found on the way (replaced bytes, recovered orphans).
    notes: list[str] = field(default_factory=list)


def ingest(
    raw: bytes,
    filename: str,
    *,
    metadata: dict[str, Any] | None = None,
    data_dir: Path | str | None = None,
    corpus_dir: Path | str | None = None,
    max_seconds: float = MAX_SECONDS,
) -> IngestResult:
    """Add an article to the corpus under a content-hash id.

    The same text (or a near-duplicate: same words, other spacing or case) is a no-op
    returning the existing id. Only ``<corpus_dir>/<id>.txt`` and the articles index are
    ever written, whatever the uploaded file's name.
    """
    data_dir = load.data_dir_or_default(data_dir)
    corpus_dir = corpus_dir_or_default(corpus_dir)
    upload = read_upload(raw, filename, max_seconds=max_seconds)
    text, notes = upload.text, list(upload.notes)
    digest = sha256_text(text)
    entry = _entry(digest, text, metadata, filename)
    with store.corpus_lock(data_dir):
        corpus = load_corpus(data_dir, corpus_dir)
        recovered = _recover_locked(data_dir, corpus_dir, list(corpus.articles.values()))
        if recovered:
            notes += recovered
            corpus = load_corpus(data_dir, corpus_dir)
        print_ = fingerprint(text)
        for art_id, existing in corpus.texts.items():
            if sha256_text(existing) == digest:
                if corpus.articles[art_id].model_extra and corpus.articles[art_id].model_extra.get("recovered"):
                    replace_yaml_entry(data_dir / ARTICLES_FILE, art_id, entry)
                    return IngestResult(art_id, created=True, message=f"added as {art_id} (completing an interrupted ingest)", notes=notes)
                return IngestResult(art_id, created=False, message=f"already in the corpus as {art_id}", notes=notes)
            if fingerprint(existing) == print_:
                return IngestResult(art_id, created=False, message=f"a near-duplicate of {art_id} (same words); not added", notes=notes)
        art_id = entry["id"]
        if art_id in corpus.articles:
            msg = f"{display_name(filename)}: id {art_id} is taken by an article with other text"
            raise IngestError(msg)
        text_path = corpus_dir / f"{art_id}.txt"
        data = text.encode("utf-8")
        on_disk = text_path.read_bytes() if text_path.exists() else None
        if on_disk is not None and on_disk != data and _intact(on_disk, art_id):
            msg = f"{text_path.name} exists with other text; refusing to overwrite it"
            raise IngestError(msg)
        if on_disk != data:
            # Absent, or torn/foreign content under this text's name: (re)write it first.
            store.write_bytes_atomic(text_path, data)
        try:
            append_yaml_entries(data_dir / ARTICLES_FILE, [entry])
        except BaseException:
            if on_disk is None:
                text_path.unlink(missing_ok=True)
            raise
    return IngestResult(art_id, created=True, message=f"added as {art_id}", notes=notes)


def _entry(digest: str, text: str, metadata: dict[str, Any] | None, filename: str) -> dict[str, Any]:
    """The index entry of a new article; metadata labels lose invisible and control characters."""
    meta = {k: v for k, v in (metadata or {}).items() if v not in (None, "", [])}
    for key in _LABEL_FIELDS:
        if isinstance(meta.get(key), str):
            meta[key] = clean_label(meta[key]) or None
    if isinstance(meta.get("cites"), list):
        meta["cites"] = [c for c in (clean_label(str(x)) for x in meta["cites"]) if c]
    meta = {k: v for k, v in meta.items() if v not in (None, "", [])}
    meta.pop("id", None)
    meta.pop("file", None)
    meta.pop("recovered", None)
    art_id = digest[:16]
    entry = {"id": art_id, "file": f"seeds/{art_id}.txt", "sha256": digest, "language": meta.pop("language", None) or guess_language(text), **meta}
    try:
        Article.model_validate(entry)
    except Exception as exc:
        errors = getattr(exc, "errors", None)
        detail = "; ".join(field_message(e["loc"], e["msg"]) for e in errors()) if errors else str(exc)
        msg = f"{display_name(filename)}: invalid metadata: {detail}"
        raise IngestError(msg) from None
    return entry



def _intact(raw: bytes, art_id: str) -> bool:
    return hashlib.sha256(raw).hexdigest()[:16] == art_id


def recover(data_dir: Path | str | None = None, corpus_dir: Path | str | None = None) -> list[str]:
    """Adopt orphan texts left by interrupted ingests and remove stale temporary files.

    Returns one note per action. A folder that cannot be locked (read-only, busy) is left
    alone and reported in the notes; this never raises for that.
    """
    data_dir = load.data_dir_or_default(data_dir)
    corpus_dir = corpus_dir_or_default(corpus_dir)
    try:
        with store.corpus_lock(data_dir, timeout=10):
            return _recover_locked(data_dir, corpus_dir)
    except (store.CorpusBusyError, OSError, DataError) as exc:
        return [f"could not check the corpus for interrupted ingests: {exc}"]


def _recover_locked(data_dir: Path, corpus_dir: Path, articles: list[Article] | None = None) -> list[str]:
    """Remove stale temporaries and adopt intact orphans; ``articles`` is the index if already read."""
    notes = [f"removed {p.name}, left by an interrupted write" for p in store.remove_stale_temporaries(data_dir, corpus_dir)]
    if articles is None:
        articles = load.parse_yaml_list(data_dir / ARTICLES_FILE, ARTICLES_FILE, Article).table
    if articles is None or not corpus_dir.is_dir():
        return notes  # an unreadable index is reported by validation; never append to it
    named = {Path(a.file).name for a in articles}
    ids = {a.id for a in articles}
    hashes = {a.sha256 for a in articles if a.sha256}
    adopted = []
    for path in sorted(corpus_dir.glob("*.txt")):
        if path.name in named or path.stem in ids or not _HASH_NAME.fullmatch(path.stem):
            continue
        raw = path.read_bytes()
        digest = hashlib.sha256(raw).hexdigest()
        if digest[:16] != path.stem or digest in hashes:
            continue  # torn or foreign: a re-ingest of its text replaces it
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            continue
        adopted.append({"id": path.stem, "file": f"seeds/{path.name}", "sha256": digest, "language": guess_language(text), "recovered": True})
    if adopted:
        append_yaml_entries(data_dir / ARTICLES_FILE, adopted)
        notes += [f"adopted {e['file']}, left by an interrupted ingest (its metadata was lost; ingest it again to add it)" for e in adopted]
    return notes


def append_yaml_entries(path: Path, entries: list[dict[str, Any]]) -> None:
    """Append records to a YAML list file without rewriting what is there (atomic replace)."""
    existing = path.read_text(encoding="utf-8") if path.exists() else ""
    if existing and not existing.endswith("\n"):
        existing += "\n"
    block = yaml.safe_dump(entries, allow_unicode=True, sort_keys=False, width=120)
    _checked_write(path, existing + block, expected=len(entries), old_text=existing)


def replace_yaml_entry(path: Path, record_id: str, entry: dict[str, Any]) -> None:
    """Replace the block of the record ``record_id`` (written by this module) with ``entry``."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    head = f"- id: {record_id}\n"
    if head not in lines:
        msg = f"{path.name}: record {record_id}: cannot find its block to complete it; nothing written"
        raise DataError([Problem(path.name, record_id, None, msg)])
    start = lines.index(head)
    end = start + 1
    while end < len(lines) and lines[end].startswith("  "):
        end += 1
    block = yaml.safe_dump([entry], allow_unicode=True, sort_keys=False, width=120)
    new_text = "".join(lines[:start]) + block + "".join(lines[end:])
    _checked_write(path, new_text, expected=0, old_text="".join(lines))


def _checked_write(path: Path, new_text: str, *, expected: int, old_text: str) -> None:
    """Write ``new_text`` only if it parses as a list with ``expected`` more records than before."""
    try:
        parsed, before = _parse(new_text), _parse(old_text) if old_text else []
    except (yaml.YAMLError, RecursionError):
        parsed, before = None, None
    if not isinstance(parsed, list) or not isinstance(before or [], list) or len(parsed) != len(before or []) + expected:
        msg = "the change would not give a valid YAML list; nothing written"
        raise DataError([Problem(path.name, None, None, msg)])
    store.write_text_atomic(path, new_text)


def _parse(text: str) -> Any:
    # libyaml when present: this check re-reads whole files (already validated, depth-limited) on every write.
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # noqa: S506 - a safe loader


def save_claims(claims: list[Claim], *, data_dir: Path | str | None = None, corpus_dir: Path | str | None = None) -> int:
    """Append reviewed claims to the claims file; skip ones already there. Return how many were added.

    The check against the claims on disk and the append happen under the corpus lock, so
    parallel saves all land and a claim saved twice is stored once.
    """
    data_dir = load.data_dir_or_default(data_dir)
    with store.corpus_lock(data_dir):
        store.remove_stale_temporaries(data_dir)
        corpus = load_corpus(data_dir, corpus_dir)
        known = {c.id for c in corpus.claims}
        spans = {(c.article, c.start, c.end) for c in corpus.claims}
        new = []
        for c in claims:
            if c.id not in known and (c.article, c.start, c.end) not in spans:
                new.append(c)
                known.add(c.id)
                spans.add((c.article, c.start, c.end))
        for c in new:
            problems = check_claim(c, corpus.articles, corpus.texts, None)
            if problems:
                raise DataError(problems)
        if new:
            append_yaml_entries(data_dir / CLAIMS_FILE, [c.model_dump(exclude_none=True) for c in new])
    return len(new)
