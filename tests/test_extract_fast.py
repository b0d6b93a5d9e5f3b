"""Speed shortcuts of h/fast: each gives what the plain form gave, checked against the plain form written out here, on the
link batches' articles and on hand-made texts.

_may_hold looks for its stems between the window's offsets in the whole text lower-cased once (not in the window sliced and
lower-cased); _holds_word reads that same lower-cased text.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from geo.claims import extract

ROOT = Path(__file__).resolve().parent.parent
BATCHES = ["extraction_links_holdout.yaml", *(f"extraction_links_holdout{n}.yaml" for n in range(2, 24))]
#: Every tuple of stems the module screens windows with (by name, so a new one is tried too).
STEMS = {name: value for name, value in vars(extract).items()
         if name.endswith("_STEMS") and isinstance(value, tuple) and value and all(isinstance(s, str) for s in value)}


def _batch_texts() -> list[str]:
    out: list[str] = []
    for name in BATCHES:
        path = ROOT / "tests" / "fixtures" / name
        if path.exists():
            out += [a["text"] for a in yaml.safe_load(path.read_text(encoding="utf-8"))["articles"]]
    return out


def _plain_may_hold(text: str, pos: int, endpos: int, stems: tuple[str, ...]) -> bool:
    """The screen as it was written before h/fast: the window sliced and lower-cased."""
    window = text[pos:endpos]
    low = window.lower()
    return any(stem in low for stem in stems) or (not window.isascii() and extract._holds_odd(text))


def test_no_letter_outside_the_odd_ones_lower_cases_to_more_than_one():
    # the whole text lower-cased lines up with the text (offset for offset) when it holds no odd letter: every other
    # character lower-cases to one character ("İ", U+0130, is the one that gives two: "i" and a combining dot)
    every = [chr(i) for i in range(0x110000) if not 0xD800 <= i < 0xE000]
    assert [c for c in every if len(c.lower()) != 1] == ["\u0130"]
    assert "\u0130" in extract._ODD_LETTERS


def test_the_screen_answers_as_the_lowered_window_on_the_batches():
    texts = _batch_texts()
    assert len(texts) >= 200  # the 23 batches' articles
    asked = held = 0
    for text in texts:
        starts = [m.start() for m in re.finditer(r"\w+", text)][::3]
        for pos in starts:
            for before, after in ((24, 0), (44, 0), (60, 0), (0, 40), (0, 60)):
                lo, hi = max(0, pos - before), pos + after
                for stems in STEMS.values():
                    got = extract._may_hold(text, lo, hi, stems)
                    assert got == _plain_may_hold(text, lo, hi, stems), (text[lo:hi], stems)
                    asked += 1
                    held += got
    assert held > 1000 and asked - held > 10 * held  # both answers met, most windows hold no stem


@pytest.mark.parametrize("text", [
    "Oil moved by the RAİLWAY Kars–Tbilisi–Baku, then by the railway to Batumi.",  # İ: two letters lower-cased
    "ΣΟΦΙΑΣ RAIL Σ road ΟΔΟΣ highway",  # the final sigma: lower-cased by its neighbours
    "ſtraße nach Aktau; STRASSE; Straße",  # the long s
    "железная ДОРОГА на Бейнеу, трасса",
])
def test_the_screen_answers_as_the_lowered_window_on_odd_letters(text):
    for lo in range(len(text)):
        for hi in range(lo, len(text) + 3):
            for stems in (("rail",), ("road", "highway", "straße", "strasse"), ("дорог", "трасс"), ("σ", "ς")):
                assert extract._may_hold(text, lo, hi, stems) == _plain_may_hold(text, lo, hi, stems), (lo, hi, stems)


def test_the_word_screen_reads_the_text_lowered_once_and_answers_as_before():
    for text in [*_batch_texts()[:80], "Im Theater Galkynysch", "the GUIDE said", "ТЕАТР «Галкыныш»", ""]:
        for stems, words in ((extract._GUIDE_STEMS, extract._GUIDE_WORDS), (extract._VENUE_STEMS, extract._VENUE_WORDS),
                             (extract._FIELD_VENUE_STEMS, extract._FIELD_VENUE_WORDS), (extract._MEDIA_STEMS, extract._MEDIA_WORDS)):
            plain = any(s in text.lower() for s in stems) and any(w in text for w in words)
            assert extract._holds_word(text, stems, words) == plain
    # one text after another: the lower-cased form is the last text's, never the one before's
    assert extract._holds_word("the theatre", extract._FIELD_VENUE_STEMS, extract._FIELD_VENUE_WORDS)
    assert not extract._holds_word("the pipeline", extract._FIELD_VENUE_STEMS, extract._FIELD_VENUE_WORDS)
    assert extract._lowered("A Theatre") == "a theatre" and extract._lowered("B") == "b"


def test_no_character_outside_a_word_lower_cases_to_a_letter_of_the_held_stems():
    # a stem found in the text lower-cased lies in one of its words lower-cased: no character outside a word (\w) gives a
    # letter of a stem, and no stem holds a Greek sigma (the one letter lower-cased by its neighbours)
    letters = {c for stems in extract._HELD_STEMS for stem in stems for c in stem}
    every = (chr(i) for i in range(0x110000) if not 0xD800 <= i < 0xE000)
    assert [c for c in every if not re.fullmatch(r"\w", c) and letters & set(c.lower())] == []
    assert not letters & {"σ", "ς", "Σ"}


def test_the_word_bits_answer_as_the_scans_of_the_lowered_text_on_the_batches():
    from geo import settings
    from geo.claims.text import split_words

    matcher = extract.default_matcher(settings.DATA_DIR)
    texts = [*_batch_texts(), "Das Theater „Aktau“", "ein HOTEL", "im Kino", "«ТЕАТР»", "Philharmonie", "İ hotel", ""]
    assert extract._HELD_STEMS[extract._HELD_VENUE] is extract._VENUE_STEMS and extract._HELD_CASED[extract._HELD_MEDIA] is extract._MEDIA_WORDS
    met = 0
    for text in texts:
        records = extract._words_of(split_words(text)[1::2], matcher)
        for k, (stems, words) in enumerate(zip(extract._HELD_STEMS, extract._HELD_CASED, strict=True)):
            screened = any(s in text.lower() for s in stems)
            assert bool(extract._held_bits(records) & 1 << k) == screened, (text[:60], stems)
            assert extract._holds_held(records, k) == (screened and any(w in text for w in words)) == extract._holds_word(text, stems, words)
            met += screened
    assert met > 50  # the batches hold venues', guides' and media words


def test_caps_lines_read_once_answer_as_each_line_read_whole():
    # _caps_line_of_no_energy reads each line once (line breaks and mention starts bisected): the answers must be those of
    # reading m's line whole and scanning every mention, as it was first written
    from geo.claims.extract import _CAPS_ENERGY, _CAPS_LINE_WORDS, Mention, _caps_line_of_no_energy, _CapsLines

    text = ("TAP WATER PRICES IN TIRANA RISE\nSAYS CPC EXPORT NOMINATIONS FULL\nTAP AND BTC IN ONE HEADLINE HERE\n"
            "Mixed case TAP line here today\nBTC TOO SHORT\nCPC CHIEFS MEET IN ALMATY")
    mentions = [Mention(i, i + 3, text[i : i + 3], "x", text[i : i + 3], "alias", 0)
                for i in range(len(text) - 2) if text[i : i + 3] in ("TAP", "CPC", "BTC")]

    def whole(m):
        start = text.rfind("\n", 0, m.start) + 1
        end = text.find("\n", m.end)
        line = text[start:] if end < 0 else text[start:end]
        if line != line.upper() or len(line.split(None, _CAPS_LINE_WORDS)) < _CAPS_LINE_WORDS or _CAPS_ENERGY.search(line.casefold()):
            return False
        return not any(o is not m and start <= o.start < start + len(line) for o in mentions)

    lines = _CapsLines(text, mentions)
    got = [_caps_line_of_no_energy(m, text, lines) for m in mentions]
    assert got == [whole(m) for m in mentions]
    # worked out by hand: the water headline's TAP and the chiefs' CPC (no energy word, the line's only name); not the
    # export line, the line of two names, the mixed-case line or the line of three words
    assert got == [True, False, False, False, False, False, True]
