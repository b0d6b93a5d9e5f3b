"""The article corpus: reading and checking articles, their texts and their claims.

Article texts live in the corpus folder (``seeds/`` unless told otherwise; ``<id>.txt``,
UTF-8); their metadata is the index ``data/articles.yaml`` and their claims are
``data/claims.yaml``. An article's ``file`` is written ``seeds/<id>.txt``; the text is read
from the corpus folder by that file name, so the folder may have any name. Adding
articles and claims is :mod:`geo.claims.ingest`; reading uploads is :mod:`geo.claims.upload`.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from geo import settings
from geo.data import load
from geo.data.schema import Article, Claim
from geo.errors import Problem

__all__ = ["ARTICLES_FILE", "CLAIMS_FILE", "Article", "Claim", "Corpus", "check_claim", "corpus_dir_or_default", "fingerprint", "load_corpus",
           "parse_corpus", "sha256_text"]

ARTICLES_FILE = "articles.yaml"
CLAIMS_FILE = "claims.yaml"


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


def parse_corpus(data_dir: Path | str | None = None, corpus_dir: Path | str | None = None, *, asset_ids: set[str] | None = None) -> load.Parsed[Corpus]:
    """Read articles, their texts and the claims; check every reference and offset."""
    data_dir = load.data_dir_or_default(data_dir)
    folder = corpus_dir_or_default(corpus_dir)
    articles = load.parse_yaml_list(data_dir / ARTICLES_FILE, ARTICLES_FILE, Article)
    claims = load.parse_yaml_list(data_dir / CLAIMS_FILE, CLAIMS_FILE, Claim)
    problems = articles.problems + claims.problems
    by_id = {a.id: a for a in articles.table or []}
    texts = {}
    for art in by_id.values():
        text, text_problems = load.read_text(folder / Path(art.file).name, art.file)
        problems += [Problem(ARTICLES_FILE, art.id, "file", p.message) for p in text_problems]
        if text is not None:
            texts[art.id] = text
            digest = sha256_text(text)
            if art.sha256 is not None and art.sha256 != digest:
                problems.append(Problem(ARTICLES_FILE, art.id, "sha256", f"the text of {art.file} has changed (sha256 {digest[:12]}...)"))
    for claim in claims.table or []:
        problems += check_claim(claim, by_id, texts, asset_ids)
    return load.Parsed(Corpus(by_id, texts, list(claims.table or [])), problems)


def corpus_dir_or_default(corpus_dir: Path | str | None) -> Path:
    """Return ``corpus_dir`` as a path, or the configured corpus folder (``GEO_SEEDS_DIR`` or ``seeds/``)."""
    return Path(corpus_dir) if corpus_dir is not None else settings.SEEDS_DIR


def check_claim(claim: Claim, articles: dict[str, Article], texts: dict[str, str], asset_ids: set[str] | None) -> list[Problem]:
    """Problems of one claim: unknown article, excerpt not at its offsets, unknown assets."""
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


# --- text identity ----------------------------------------------------------------


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





