"""``python -m geo extract``: kept free of pandas and geopandas so one article takes well under a second.

Plain UTF-8 ``.txt``/``.md`` files under the upload limit are read here; anything else
(HTML, other encodings, suspect bytes) goes through :func:`geo.data.corpus.decode_upload`,
which checks and converts it exactly as ingest does.
"""

from __future__ import annotations

import argparse
import gc
import hashlib
import json
import sys
import unicodedata
from collections.abc import Iterable
from dataclasses import asdict
from pathlib import Path
from typing import Any, TextIO

import yaml

from geo import settings
from geo.claims import upload
from geo.claims.extract import Candidate, Mention, analyse, default_matcher
from geo.claims.matcher import Matcher
from geo.errors import GeoError

#: Same limit as ingest; larger files take the checked path and get its message.
QUICK_MAX_BYTES = upload.MAX_BYTES


def read_file_bytes(path: Path) -> bytes:
    """The bytes of an input file, or a one-line :class:`GeoError` naming it."""
    try:
        return path.read_bytes()
    except OSError as exc:
        msg = f"{path}: cannot read file: {exc.strerror}"
        raise GeoError(msg) from None


def quick_text(raw: bytes, name: str) -> str | None:
    """The text of a plain UTF-8 .txt/.md file, or ``None`` when the full ingest checks must decide."""
    if Path(name).suffix.lower() not in (".txt", ".md") or len(raw) > QUICK_MAX_BYTES or b"\x00" in raw:
        return None
    try:
        text = raw.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError:
        return None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip() or any(unicodedata.category(ch) in ("Cc", "Co", "Cs") and ch not in "\n\t" for ch in text):
        return None
    return text


def known_articles(data_dir: Path) -> dict[str, str]:
    """SHA-256 of each corpus text -> its article id, from articles.yaml and the seed files."""
    path = data_dir / "articles.yaml"
    try:
        entries = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    except (OSError, yaml.YAMLError):
        return {}  # ids then fall back to the content hash; `geo validate` reports the file
    out = {}
    seeds = settings.SEEDS_DIR
    for e in entries if isinstance(entries, list) else []:
        if not isinstance(e, dict) or not e.get("id") or not e.get("file"):
            continue
        try:
            out[hashlib.sha256((seeds / Path(str(e["file"])).name).read_bytes()).hexdigest()] = str(e["id"])
        except OSError:
            continue
    return out


def _analyse_files(args: argparse.Namespace, matcher: Matcher, known: dict[str, str],
                   results: list[tuple[str, list[Candidate], list[Mention]]]) -> None:
    """Analyse each file of ``args.files``, appending its article id, claims and (with --all-mentions) mentions to ``results``."""
    for path in args.files:
        raw = read_file_bytes(path)
        text = quick_text(raw, path.name)
        if text is None:
            text = upload.decode_upload(raw, path.name)
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
        article = known.get(digest, digest[:16])
        result = analyse(text, article=article, language=args.language, matcher=matcher)
        results.append((article, result.claims, result.mentions if args.all_mentions else []))
        del text, result  # the next file's analysis and the writing need neither (300,000 mentions kept to no use)


def write_json_list(out: TextIO, rows: Iterable[Any], depth: int = 0) -> None:
    r"""Write ``rows`` as ``json.dump(list(rows), out, ensure_ascii=False, indent=1)`` would at nesting ``depth``, one row at a time.

    The same characters (tests/test_extract.py compares them), but no list of every row's dict held at once: 300,000
    mentions of a 2 MB text were 60 MB of dicts before a byte was written. A row is encoded alone and its lines indented
    one level deeper than the list's: its own line breaks are all indentation (a string's are written ``\n``).
    """
    encode = json.JSONEncoder(ensure_ascii=False, indent=1).encode
    pad = "\n" + " " * (depth + 1)
    first = True
    for row in rows:
        out.write(("[" if first else ",") + pad)
        out.write(encode(row).replace("\n", pad))
        first = False
    out.write("[]" if first else "\n" + " " * depth + "]")


def write_json(out: TextIO, claims: Iterable[Any], mentions: Iterable[Any] | None) -> None:
    """The claims as a JSON list, or with ``mentions`` the object ``{"claims": [...], "mentions": [...]}``.

    The characters of ``json.dump(..., ensure_ascii=False, indent=1)``, written row by row (:func:`write_json_list`).
    """
    if mentions is None:
        write_json_list(out, claims)
        return
    out.write('{\n "claims": ')
    write_json_list(out, claims, 1)
    out.write(',\n "mentions": ')
    write_json_list(out, mentions, 1)
    out.write("\n}")


def run(args: argparse.Namespace) -> int:
    """Print the candidate claims of each file (text or JSON); with --all-mentions every mention too."""
    data_dir = Path(args.data_dir) if args.data_dir is not None else settings.DATA_DIR
    matcher = default_matcher(data_dir)
    known = known_articles(data_dir)
    # each file's claims and (with --all-mentions) mentions, turned into dicts only as they are written
    results: list[tuple[str, list[Candidate], list[Mention]]] = []
    # no cyclic garbage collection while the files are analysed: the analysis makes almost no reference cycles, and each
    # full collection walks every object alive (300,000 mentions of a 2 MB text; the matcher, frozen out of the walks for
    # good): 15 % of the time of such a text. Reference counting frees the rest as before.
    gc.freeze()
    gc.disable()
    try:
        _analyse_files(args, matcher, known, results)
    finally:
        gc.enable()
    claims = (asdict(c) for _, cs, _ in results for c in cs)
    mentions = ({"article": article, **asdict(m), "name": matcher.display.get(m.id, m.id)} for article, _, ms in results for m in ms)
    if args.format == "json":
        write_json(sys.stdout, claims, mentions if args.all_mentions else None)
        print()
        return 0
    for c in claims:
        names = ", ".join(f"{a['id']} ({a['role']})" for a in c["assets"])
        print(f"{c['article']} [{c['start']}:{c['end']}] {c['claim_type']}: {c['excerpt'][:100]}")
        if names:
            print(f"    assets: {names}")
    if args.all_mentions:
        for m in mentions:
            where = f"claim {m['claim']}" if m["claim"] is not None else ("linked" if m["linked"] else "not linked")
            print(f"{m['article']} [{m['start']}:{m['end']}] {m['text']!r} -> {m['id']} ({m['match']}, {where})")
    return 0
