"""Uploaded bytes to article text: type, size and time budgets, encodings, HTML, invisible characters.

Pure functions, no file access. Every refusal is an :class:`~geo.errors.IngestError`
naming the upload. Decisions worth knowing:

- UTF-8 with a few stray invalid bytes is decoded as UTF-8 and each invalid byte becomes
  U+FFFD (the result says how many and where), instead of guessing a single-byte
  encoding for the whole file and turning every non-ASCII letter into mojibake. A file with
  no valid multi-byte UTF-8 sequence at all is treated as cp1251 / latin-1 / koi8-r.
- Bidi controls (embeddings, overrides, isolates, marks) and zero-width characters are
  removed from the text; in titles, outlets and other labels every invisible format or
  control character is removed, so a label shows what it says.
"""

from __future__ import annotations

import time
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from geo.claims.html_text import TimeBudgetExceeded, html_to_text
from geo.errors import IngestError

#: Largest upload accepted (bytes).
MAX_BYTES = 2_000_000
#: Longest time the decoding and HTML reduction of one upload may take (seconds).
MAX_SECONDS = 10.0
ALLOWED_SUFFIXES = (".txt", ".md", ".html", ".htm")

#: Invisible characters that reorder or hide text: bidi embeddings, overrides, isolates and
#: marks, zero-width space/joiners, word joiner, stray BOMs.
INVISIBLE = frozenset("\u061c\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2060\u2066\u2067\u2068\u2069\ufeff")
_DROP_INVISIBLE = dict.fromkeys(map(ord, INVISIBLE))


@dataclass(frozen=True)
class Upload:
    """The text of an upload and notes on what was changed to get it."""

    text: str
    notes: list[str] = field(default_factory=list)


def display_name(filename: str) -> str:
    """A file name safe to echo back: the last path part, printable characters only."""
    base = filename.replace("\\", "/").rsplit("/", 1)[-1]
    return "".join(ch for ch in base if ch.isprintable() and ch not in INVISIBLE)[:80] or "(unnamed)"


def clean_label(value: str) -> str:
    r"""A one-line label without control or invisible format characters.

    Examples
    --------
    >>> clean_label("Pipe\u202eenil\u200b news\n today")
    'Pipeenil news today'
    """
    kept = "".join(" " if ch in "\n\r\t" else ch for ch in value if ch in "\n\r\t" or unicodedata.category(ch) not in ("Cc", "Cf"))
    return " ".join(unicodedata.normalize("NFC", kept).split())


def read_upload(raw: bytes, filename: str, *, max_seconds: float = MAX_SECONDS) -> Upload:
    """Turn uploaded bytes into article text, or raise :class:`IngestError` saying why not.

    Accepts UTF-8 (with or without BOM), UTF-16 with BOM, and single-byte encodings such as
    cp1251 and latin-1; HTML is reduced to its visible text in linear time.
    """
    name = display_name(filename)
    suffix = Path(filename.replace("\\", "/")).suffix.lower()
    if suffix not in ALLOWED_SUFFIXES:
        msg = f"{name}: unsupported file type {suffix or '(none)'!r}; expected one of {', '.join(ALLOWED_SUFFIXES)}"
        raise IngestError(msg)
    if len(raw) > MAX_BYTES:
        msg = f"{name}: {len(raw):,} bytes is over the limit of {MAX_BYTES:,} bytes"
        raise IngestError(msg)
    deadline = time.monotonic() + max_seconds
    text, notes = _decode(raw, name)
    if suffix in (".html", ".htm"):
        try:
            text = html_to_text(text, deadline=deadline)
        except TimeBudgetExceeded:
            msg = f"{name}: reading the HTML took over {max_seconds:g} s; save the page as plain text and upload that"
            raise IngestError(msg) from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    stripped = text.translate(_DROP_INVISIBLE)
    if len(stripped) != len(text):
        notes.append(f"removed {len(text) - len(stripped)} invisible bidi/zero-width character(s)")
        text = stripped
    if not text.strip():
        msg = f"{name}: the file has no text"
        raise IngestError(msg)
    bad = sum(1 for ch in text if unicodedata.category(ch) in ("Cc", "Co", "Cs") and ch not in "\n\t")
    if bad > max(3, len(text) // 100):
        msg = f"{name}: looks like a binary file ({bad} control characters), not an article"
        raise IngestError(msg)
    if time.monotonic() > deadline:
        msg = f"{name}: reading the upload took over {max_seconds:g} s; it is refused"
        raise IngestError(msg)
    return Upload(text, notes)


def decode_upload(raw: bytes, filename: str) -> str:
    """The text of an upload (see :func:`read_upload`)."""
    return read_upload(raw, filename).text


def _decode(raw: bytes, name: str) -> tuple[str, list[str]]:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16"), []
        except UnicodeDecodeError as exc:
            msg = f"{name}: broken UTF-16 at byte {exc.start}"
            raise IngestError(msg) from None
    if b"\x00" in raw:
        msg = f"{name}: contains NUL bytes; binary files are not articles"
        raise IngestError(msg)
    # surrogateescape maps each invalid byte to one lone surrogate, so one pass counts both kinds.
    loose = raw.decode("utf-8", errors="surrogateescape")
    invalid = [i for i, ch in enumerate(loose) if "\udc80" <= ch <= "\udcff"]
    if not invalid:
        return loose.removeprefix("\ufeff"), []
    multibyte = sum(1 for ch in loose if ch > "\x7f") - len(invalid)
    # UTF-8 text with a stray byte has many valid multi-byte letters per invalid byte; text in
    # a single-byte encoding has almost none (its letters are invalid UTF-8 lead bytes).
    if multibyte >= 2 * len(invalid):
        text = "".join("\ufffd" if "\udc80" <= ch <= "\udcff" else ch for ch in loose)
        first = len(loose[: invalid[0]].encode("utf-8", errors="surrogateescape"))
        return text.removeprefix("\ufeff"), [f"{len(invalid)} invalid UTF-8 byte(s) replaced with U+FFFD (first at byte {first})"]
    from charset_normalizer import from_bytes

    best = from_bytes(raw, cp_isolation=["cp1251", "koi8_r", "cp1252", "latin_1", "iso8859_15"]).best()
    if best is None:
        msg = f"{name}: cannot decode the text (not UTF-8, UTF-16, cp1251 or latin-1)"
        raise IngestError(msg)
    return str(best), [f"decoded as {best.encoding}"]
