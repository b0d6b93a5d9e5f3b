"""The article corpus: reading articles and claims, and adding new articles safely.

Article texts live in ``seeds/`` (``<id>.txt``, UTF-8); their metadata is the index
``data/articles.yaml`` and their claims are ``data/claims.yaml``. Adding an article or a
claim appends a block to the index text and replaces the file through a temporary file
and a rename, so a failure leaves everything as it was and hand-written comments stay.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd
import yaml

from geo import settings
from geo.data import load
from geo.data.schema import Article, Claim
from geo.errors import DataError, IngestError, Problem

ARTICLES_FILE = "articles.yaml"
CLAIMS_FILE = "claims.yaml"
#: Largest article accepted by :func:`ingest` (bytes of the uploaded file).
MAX_BYTES = 2_000_000
ALLOWED_SUFFIXES = (".txt", ".md", ".html", ".htm")


@dataclass(frozen=True)
class Corpus:
    """The articles (metadata and text) and their claims, validated together."""

    articles: dict[str, Article]
    texts: dict[str, str]
    claims: list[Claim]

    def claims_frame(self) -> pd.DataFrame:
        """One row per claim with its article's title, outlet and date."""
        rows = []
        for c in self.claims:
            art = self.articles[c.article]
            rows.append({
                **c.model_dump(),
                "article_title": art.label,
                "outlet": art.outlet,
                "published": art.published,
                "asset_ids": [a.id for a in c.assets],
            })
        return pd.DataFrame(rows)


def parse_corpus(data_dir: Path | str | None = None, corpus_dir: Path | str | None = None, *, asset_ids: set[str] | None = None) -> load.Parsed:
    """Read articles, their texts and the claims; check every reference and offset."""
    data_dir = load.data_dir_or_default(data_dir)
    root = Path(corpus_dir).parent if corpus_dir is not None else settings.ROOT
    articles = load.parse_yaml_list(data_dir / ARTICLES_FILE, ARTICLES_FILE, Article)
    claims = load.parse_yaml_list(data_dir / CLAIMS_FILE, CLAIMS_FILE, Claim)
    problems = articles.problems + claims.problems
    by_id = {a.id: a for a in articles.table or []}
    texts = {}
    for art in by_id.values():
        text, text_problems = load.read_text(root / art.file, art.file)
        problems += [Problem(ARTICLES_FILE, art.id, "file", p.message) for p in text_problems]
        if text is not None:
            texts[art.id] = text
            digest = sha256_text(text)
            if art.sha256 is not None and art.sha256 != digest:
                problems.append(Problem(ARTICLES_FILE, art.id, "sha256", f"the text of {art.file} has changed (sha256 {digest[:12]}...)"))
    for claim in claims.table or []:
        problems += _check_claim(claim, by_id, texts, asset_ids)
    return load.Parsed(Corpus(by_id, texts, list(claims.table or [])), problems)


def _check_claim(claim: Claim, articles: dict[str, Article], texts: dict[str, str], asset_ids: set[str] | None) -> list[Problem]:
    problems = []
    if claim.article not in articles:
        return [Problem(CLAIMS_FILE, claim.id, "article", f"unknown article id {claim.article!r}")]
    text = texts.get(claim.article)
    if text is not None and text[claim.start : claim.end] != claim.excerpt:
        found = text[claim.start : claim.end][:40]
        problems.append(Problem(CLAIMS_FILE, claim.id, "excerpt", f"text[{claim.start}:{claim.end}] is {found!r}..., not the excerpt"))
    if asset_ids is not None:
        problems += [
            Problem(CLAIMS_FILE, claim.id, f"assets.{i}.id", f"unknown asset id {a.id!r}") for i, a in enumerate(claim.assets) if a.id not in asset_ids
        ]
    return problems


def load_corpus(data_dir: Path | str | None = None, corpus_dir: Path | str | None = None, *, asset_ids: set[str] | None = None) -> Corpus:
    """Return the validated corpus; raise :class:`DataError` on any error."""
    return parse_corpus(data_dir, corpus_dir, asset_ids=asset_ids).raise_for_errors()


# --- ingest ------------------------------------------------------------------------


def sha256_text(text: str) -> str:
    """Hex SHA-256 of a text's UTF-8 bytes."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def fingerprint(text: str) -> str:
    r"""A hash that ignores case, accents of quotes, punctuation and spacing: near-duplicates share it.

    Examples
    --------
    >>> fingerprint("Öl  fließt\r\nüber Aktau.") == fingerprint("öl fließt über Aktau")
    True
    """
    folded = unicodedata.normalize("NFKC", text).casefold()
    words = re.findall(r"\w+", folded)
    return hashlib.sha256(" ".join(words).encode("utf-8")).hexdigest()


def decode_upload(raw: bytes, filename: str) -> str:
    """Turn uploaded bytes into article text, or raise :class:`IngestError` saying why not.

    Accepts UTF-8 (with or without BOM), UTF-16 with BOM, and single-byte encodings such as
    cp1251 and latin-1 when the detector is confident; HTML is reduced to its visible text.
    """
    suffix = Path(filename.replace("\\", "/")).suffix.lower()
    if suffix not in ALLOWED_SUFFIXES:
        msg = f"{_display(filename)}: unsupported file type {suffix or '(none)'!r}; expected one of {', '.join(ALLOWED_SUFFIXES)}"
        raise IngestError(msg)
    if len(raw) > MAX_BYTES:
        msg = f"{_display(filename)}: {len(raw):,} bytes is over the limit of {MAX_BYTES:,} bytes"
        raise IngestError(msg)
    text = _decode(raw, filename)
    if suffix in (".html", ".htm"):
        text = html_to_text(text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        msg = f"{_display(filename)}: the file has no text"
        raise IngestError(msg)
    bad = sum(1 for ch in text if unicodedata.category(ch) in ("Cc", "Co", "Cs") and ch not in "\n\t")
    if bad > max(3, len(text) // 100):
        msg = f"{_display(filename)}: looks like a binary file ({bad} control characters), not an article"
        raise IngestError(msg)
    return text


def _decode(raw: bytes, filename: str) -> str:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError as exc:
            msg = f"{_display(filename)}: broken UTF-16 at byte {exc.start}"
            raise IngestError(msg) from None
    if b"\x00" in raw:
        msg = f"{_display(filename)}: contains NUL bytes; binary files are not articles"
        raise IngestError(msg)
    try:
        return raw.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(raw, cp_isolation=["cp1251", "koi8_r", "cp1252", "latin_1", "iso8859_15"]).best()
    if best is None:
        msg = f"{_display(filename)}: cannot decode the text (not UTF-8, UTF-16, cp1251 or latin-1)"
        raise IngestError(msg)
    return str(best)


def html_to_text(html: str) -> str:
    """Visible text of an HTML page: scripts, styles and markup removed, blocks on their own lines."""
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(html)
    for node in tree.css("script, style, noscript, template, head"):
        node.decompose()
    body = tree.body or tree.root
    if body is None:
        return ""
    text = body.text(separator="\n", strip=True)
    return re.sub(r"\n{3,}", "\n\n", text)


def _display(filename: str) -> str:
    """A file name safe to echo back: the last path part, printable characters only."""
    base = filename.replace("\\", "/").rsplit("/", 1)[-1]
    return "".join(ch for ch in base if ch.isprintable())[:80] or "(unnamed)"


@dataclass(frozen=True)
class IngestResult:
    """What :func:`ingest` did."""

    article_id: str
    created: bool
    message: str


def ingest(
    raw: bytes,
    filename: str,
    *,
    metadata: dict[str, Any] | None = None,
    data_dir: Path | str | None = None,
    corpus_dir: Path | str | None = None,
) -> IngestResult:
    """Add an article to the corpus under a content-hash id.

    The same text (or a near-duplicate: same words, other spacing or case) is a no-op
    returning the existing id. Nothing is written unless everything succeeds; only
    ``<corpus_dir>/<id>.txt`` and the articles index are ever written, whatever the
    uploaded file's name.
    """
    data_dir = load.data_dir_or_default(data_dir)
    corpus_dir = Path(corpus_dir) if corpus_dir is not None else settings.SEEDS_DIR
    text = decode_upload(raw, filename)
    corpus = load_corpus(data_dir, corpus_dir)
    digest, print_ = sha256_text(text), fingerprint(text)
    for art_id, existing in corpus.texts.items():
        if sha256_text(existing) == digest:
            return IngestResult(art_id, created=False, message=f"already in the corpus as {art_id}")
        if fingerprint(existing) == print_:
            return IngestResult(art_id, created=False, message=f"a near-duplicate of {art_id} (same words); not added")
    art_id = digest[:16]
    meta = {k: v for k, v in (metadata or {}).items() if v not in (None, "", [])}
    meta.pop("id", None)
    meta.pop("file", None)
    entry = {"id": art_id, "file": f"{corpus_dir.name}/{art_id}.txt", "sha256": digest, "language": meta.pop("language", None) or guess_language(text), **meta}
    try:
        Article.model_validate(entry)
    except Exception as exc:
        msg = f"{_display(filename)}: invalid metadata: {exc}"
        raise IngestError(msg) from None
    text_path = corpus_dir / f"{art_id}.txt"
    if text_path.exists():
        msg = f"{text_path.name} exists with other text; refusing to overwrite it"
        raise IngestError(msg)
    load.write_text_atomic(text_path, text)
    try:
        append_yaml_entries(data_dir / ARTICLES_FILE, [entry])
    except Exception:
        text_path.unlink(missing_ok=True)
        raise
    return IngestResult(art_id, created=True, message=f"added as {art_id}")


def append_yaml_entries(path: Path, entries: list[dict[str, Any]]) -> None:
    """Append records to a YAML list file without rewriting what is there (atomic replace)."""
    existing = path.read_text(encoding="utf-8") if path.exists() else ""
    if existing and not existing.endswith("\n"):
        existing += "\n"
    block = yaml.safe_dump(entries, allow_unicode=True, sort_keys=False, width=120)
    new_text = existing + block
    parsed = yaml.safe_load(new_text)
    if not isinstance(parsed, list) or len(parsed) < len(entries):
        msg = f"{path.name}: appending would not give a YAML list; nothing written"
        raise DataError([Problem(path.name, None, None, msg)])
    load.write_text_atomic(path, new_text)


def save_claims(claims: list[Claim], *, data_dir: Path | str | None = None, corpus_dir: Path | str | None = None) -> int:
    """Append reviewed claims to the claims file; skip ones already there. Return how many were added."""
    data_dir = load.data_dir_or_default(data_dir)
    corpus = load_corpus(data_dir, corpus_dir)
    known = {c.id for c in corpus.claims}
    spans = {(c.article, c.start, c.end) for c in corpus.claims}
    new = [c for c in claims if c.id not in known and (c.article, c.start, c.end) not in spans]
    for c in new:
        problems = _check_claim(c, corpus.articles, corpus.texts, None)
        if problems:
            raise DataError(problems)
    if new:
        append_yaml_entries(data_dir / CLAIMS_FILE, [c.model_dump(exclude_none=True) for c in new])
    return len(new)


_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_GERMAN_HINTS = re.compile(r"\b(der|die|das|und|nicht|über|mit|für|ist)\b|[äöüß]", re.IGNORECASE)


def guess_language(text: str) -> str:
    """Guess de, en or ru from the script and common German words.

    Examples
    --------
    >>> guess_language("Казахстан увеличил экспорт нефти"), guess_language("Die Pipeline ist voll"), guess_language("The pipeline")
    ('ru', 'de', 'en')
    """
    sample = text[:5000]
    letters = sum(ch.isalpha() for ch in sample) or 1
    if len(_CYRILLIC.findall(sample)) / letters > 0.3:
        return "ru"
    words = max(1, len(sample.split()))
    return "de" if len(_GERMAN_HINTS.findall(sample)) / words > 0.04 else "en"
