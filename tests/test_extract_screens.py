"""Stems read from a pattern's parse tree, case-blind patterns too, and the patterns searched only where the text lower-cased
holds one of them (extract._Screened): each search gives what the pattern's own search gives.

The expected stems below are worked out by hand from each pattern (the branches every match must take, lower-cased).
"""

from __future__ import annotations

import re

import pytest

from geo.claims import extract
from tests.test_extract_fast import _batch_texts

#: Every pattern the module searches behind a screen (by name, so a new one is tried too).
SCREENED = {name: value for name, value in vars(extract).items() if isinstance(value, extract._Screened)}


@pytest.mark.parametrize(("pattern", "stems"), [
    # every branch opens with its word; "\b" and the look-behind consume nothing; the case-blind letters lower-cased
    (re.compile(r"(?:\bvia|\bThrough|\büber|\bdurch|(?<![а-яё])через)\s+$", re.IGNORECASE),
     ("durch", "through", "via", "über", "через")),
    # an optional group (a repeat of at least none) gives nothing: "bahn" is in every match, "eisen" only in some;
    # "ß" is a stem letter of the lower-cased text (it lower-cases to itself, and only "ẞ" matches it case-blind)
    (re.compile(r"(?:eisen)?bahn\w*|Straße", re.IGNORECASE), ("bahn", "straße")),
    # a class of one letter in its two cases is that letter; one of two letters ("[её]") ends the run
    (re.compile(r"\b[Pp]ipeline|[Тт]рубопровод|перел[её]т"), ("pipeline", "перел", "трубопровод")),
    # a stem that holds another is left out: every match holding "авиарейс" holds "рейс", "Buslinie" holds "bus"
    (re.compile(r"(?i)рейс|авиарейс|bus(?:se)?|Buslinie\w{0,2}"), ("bus", "рейс")),
    # of the stems of a sequence, those whose shortest is longest: "from"/"von" (3 letters) over "km"/"miles" (2)
    (re.compile(r"(?i)\b(?:km|miles)\s+(?:from|von)\s+$"), ("from", "von")),
    # a space, a hyphen and a slash have no case: they join a stem ("ж/д", "known as")
    (re.compile(r"(?i)ж/д|known as|tank-car"), ("known as", "tank-car", "ж/д")),
    # a case-blind group lower-cased gives stems as the rest does: "abc" (3 letters) over "de"
    (re.compile(r"(?i:ABC)de"), ("abc",)),
])
def test_the_lowered_stems_of_a_pattern_are_read_from_its_parse_tree(pattern, stems):
    assert extract._stems_of(pattern, lowered=True) == stems


def test_the_plain_stems_refuse_a_case_blind_pattern_and_keep_their_case():
    # the plain reading (for the case-folded words of _said) takes lower-case letters as written, no class, no case-blind group
    assert extract._stems_of(re.compile(r"(?i:abc)de|Xfgh")) == ("de", "fgh")
    with pytest.raises(ValueError):
        extract._stems_of(re.compile("via|through", re.IGNORECASE))


@pytest.mark.parametrize("pattern", [re.compile(r"(?i)\w+\s+$"), re.compile(r"(?i)a|bc"), re.compile(r"(?i)abc|\d")])
def test_a_pattern_some_match_of_which_holds_no_stem_of_two_letters_cannot_be_screened(pattern):
    with pytest.raises(ValueError):
        extract._Screened(pattern)


def test_every_character_a_case_blind_stem_letter_matches_lower_cases_to_it_or_is_odd():
    # the screen looks for the stems in the text lower-cased: each character that a pattern's letter (written in any case
    # whose lower case is a stem letter) matches case-blind must lower-case to that letter, or be one of _ODD_LETTERS (then
    # a window that is not plain ASCII is searched). Every character of Unicode is tried.
    every = "".join(chr(i) for i in range(0x110000) if not 0xD800 <= i < 0xE000)
    odd = set(extract._ODD_LETTERS)
    lowered: dict[str, list[str]] = {}
    for c in every:
        lowered.setdefault(c.lower(), []).append(c)
    for letter in extract._LOW_STEM_LETTERS:
        assert len(letter) == 1 and letter.lower() == letter
        written = lowered[letter]  # "K", "k" and the Kelvin sign for "k"
        assert letter in written
        for c in written:
            matched = set(re.findall(re.escape(c), every, re.IGNORECASE))
            assert {x for x in matched if x.lower() != letter} <= odd, (letter, c)


def test_every_screened_pattern_has_stems():
    assert len(SCREENED) >= 15
    for name, rx in SCREENED.items():
        assert rx.stems and min(map(len, rx.stems)) >= 2, name
        assert rx.stems == extract._stems_of(rx.pattern, lowered=True)


def test_the_screened_searches_answer_as_the_patterns_on_the_batches():
    texts = [(text, SCREENED) for text in _batch_texts()]
    assert len(texts) >= 200
    # and each pattern's stems before a name, in three cases, and with a name in between (many of these match): each text
    # tried with its own pattern
    texts += [(f"{pre}{s} {sep}Aktau", {name: rx}) for name, rx in SCREENED.items() for stem in rx.stems
              for s in (stem, stem.capitalize(), stem.upper()) for pre in ("", "the ", "(") for sep in ("", "of ", "in ", "to ", "Baku – ", "«")]
    asked = found = 0
    for text, screened in texts:
        starts = [m.start() for m in re.finditer(r"\w+", text)][:: 7 if len(screened) > 1 else 1]
        for name, rx in screened.items():
            for pos in starts:
                # before a word, after it, cutting words, and past the text's ends (clipped as the regex engine clips them)
                for lo, hi in ((max(0, pos - 30), pos), (max(0, pos - 90), pos + 1), (pos + 2, pos + 40), (pos - 3, pos - 1)):
                    got = rx.search(text, lo, hi)
                    want = rx.pattern.search(text, lo, hi)
                    assert (got and got.span()) == (want and want.span()), (name, text[lo:hi])
                    got = rx.match(text, lo, hi)
                    want = rx.pattern.match(text, lo, hi)
                    assert (got and got.span()) == (want and want.span()), (name, text[lo:hi])
                    asked += 1
                    found += want is not None
    assert found > 1000 and asked > 10 * found  # matches met, and most windows hold none


@pytest.mark.parametrize("text", [
    "the RAİLWAY station of the FC Kaspiy VİA Aktau, through Baku",  # İ: lower-cased into two letters
    "viA ſtraße; the ſtation; VIA the ſea, DURCH Aktau",  # the long s: a case-blind "s", lower-cases to itself
    "near Aktau; ᲃкоmpleks; через Актау и около Атырау",  # an old form of Cyrillic "в" (U+1C83)
    "Viа Aktau",  # a Cyrillic "а" after Latin letters: no stem, and no odd letter
])
def test_the_screened_searches_answer_as_the_patterns_on_odd_letters(text):
    for name, rx in SCREENED.items():
        for lo in range(-2, len(text) + 2):
            for hi in range(lo, len(text) + 3):
                for got, want in ((rx.search(text, lo, hi), rx.pattern.search(text, lo, hi)),
                                  (rx.match(text, lo, hi), rx.pattern.match(text, lo, hi))):
                    assert (got and got.span()) == (want and want.span()), (name, lo, hi)


def test_each_link_heading_holds_one_of_its_screen_words():
    # the article's word bits for _LINK_HEAD_WORDS screen the scans of _LINK_HEAD_STEMS: each heading must hold one of them
    for head in extract._LINK_HEAD_STEMS:
        assert any(w in word for word in head.split() for w in extract._LINK_HEAD_WORDS), head
    assert all(re.fullmatch(r"\w+", w) for w in extract._LINK_HEAD_WORDS)


def test_the_held_words_are_runs_of_letters_that_lower_case_to_their_stems():
    # _holds_held reads "a word of the text holds it" (the bits of _held_of) for "the text holds it": exact when each word
    # is a run of \w (an occurrence in the text lies inside one of its words) and holds its stem lower-cased (a word's
    # word bit is looked for only under its stem bit)
    from geo.claims.matcher import Word

    assert len(extract._HELD_STEMS) == len(extract._HELD_CASED) == len((extract._HELD_VENUE, extract._HELD_GUIDE,
                                                                          extract._HELD_FIELD_VENUE, extract._HELD_MEDIA,
                                                                          extract._HELD_CRYPTO, extract._HELD_LINK_HEAD,
                                                                          extract._HELD_TOWNS))
    for stems, words in zip(extract._HELD_STEMS, extract._HELD_CASED, strict=True):
        for w in words:
            assert re.fullmatch(r"\w+", w) and any(s in w.lower() for s in stems), w
    assert extract._holds_held([Word("Im", ""), Word("Kino", "")], extract._HELD_VENUE)
    assert not extract._holds_held([Word("im", ""), Word("kINO", "")], extract._HELD_VENUE)  # as the scan: no case form

