"""Shortcuts of h/speedx: each rewritten pattern or screen gives the same answers as the plain form it replaces.

The plain forms are written out here as they stood before (the regexes as first written); random strings are drawn from
the letters, separators and case oddities the patterns care about, and the dev set's sentences are read too.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest
import yaml

from geo.claims import extract
from geo.claims.text import split_words

ROOT = Path(__file__).resolve().parent.parent
#: Characters the patterns below tell apart: word letters of three scripts, digits, "_", the dashes and spaces of chains,
#: punctuation of datelines, the odd case-blind letters (İ, ı, ſ, old Cyrillic), a combining accent and a zero-width space.
ALPHABET = ("aZßÄäöüЖжЁкK_09 -‐–—\u00a0\n\t.,;:/()'’«»\"İıſ\u1c80\u0301\u200b٣"
            "ATYRAUMOSKVАТЫРАУМОСКВАyno ftadород")


def _random_strings(n: int, seed: int, max_len: int = 40) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, max_len))) for _ in range(n)]


def _dev_sentences() -> list[str]:
    articles = yaml.safe_load((ROOT / "tests" / "fixtures" / "extraction_dev.yaml").read_text(encoding="utf-8"))["articles"]
    return [a["text"][s:e] for a in articles for s, e in extract.split_sentences(a["text"])]


def test_the_word_split_is_the_plain_split():
    plain = re.compile(r"(\w+)")
    spaced = ["  ".join(_random_strings(6, seed, 8)) for seed in range(2000)]  # many spaces: split_words cuts there first
    for s in _random_strings(3000, 1) + spaced + _dev_sentences():
        assert split_words(s) == plain.split(s)  # (cues.sentence_cues splits by split_words too)


def test_split_words_by_hand():
    # pieces: a word; a word and a comma; a word, a dash and a word; "_" is a word character; no word at all
    assert split_words("Baku Aktau, Ust-Luga") == ["", "Baku", " ", "Aktau", ", ", "Ust", "-", "Luga", ""]
    assert split_words("a_ b_") == ["", "a_", " ", "b_", ""]
    assert split_words(" -- ") == [" -- "]
    assert split_words("") == [""]


def test_the_possessive_dateline_finds_what_the_plain_one_found():
    plain = re.compile(r"\s*(?:[A-ZÄÖÜА-ЯЁ]{3,}(?:[ -][A-ZÄÖÜА-ЯЁ]{3,})*(?=,|\.\s|\s\([^)\n]{2,30}\)\s*[-–—]|\s[-–—]\s)"
                       r"|[A-ZÄÖÜА-ЯЁ][\w-]+(?:/[\w-]+)?(?=\s\([^)\n]{2,30}\)\s*[-–—]|\.\s)"
                       r"|[A-ZÄÖÜА-ЯЁ][\w-]+(?=,\s+(?:\d{1,2}\.?\s+" + extract._MONTH + r"|" + extract._MONTH
                       + r"\s+\d{1,2})(?:,?\s+\d{4})?\s*[-–—]\s))")
    # written for each branch: a wire dateline, two words in capitals, a paper's place and agency, a one-word place sentence
    lines = ["ATYRAU, Nov 4 (Reuters) - Oil", "NEW YORK - Oil", "ATYRAU-WEST. Oil", "Schwedt/Oder (dpa) - Die", "Schwedt/Oder. Seit",
             "МОСКВА, 17 февраля.", "Kazakhstan's oil", "AB, no", "ABC DE - x", "ABC-DEF (x) -", "Copy 12.",
             "Astana, 28 October 2026 – The", "Baku, Nov. 5 - Oil", "Баку, 5 ноября — Нефть", "Baku, 5 Nov oil"]
    for s in _random_strings(5000, 2) + lines + _dev_sentences():
        a, b = plain.match(s), extract._DATELINE.match(s)
        assert (a is None) == (b is None) and (a is None or a.span() == b.span()), s


def test_the_civic_halves_make_the_civic_pattern():
    # the one pattern the halves replaced (the extractor searches a sentence for one half only)
    civic = re.compile(f"{extract._CIVIC_LATIN.pattern}|{extract._CIVIC_CYRILLIC.pattern}")
    for s in [x.casefold() for x in _dev_sentences()] + ["the mayor of atyrau", "мэрия новороссийска", "суд", "offices"]:
        either = extract._CIVIC_LATIN.search(s) is not None or extract._CIVIC_CYRILLIC.search(s) is not None
        assert either == (civic.search(s) is not None), s


def test_the_town_word_scan_is_the_plain_one():
    plain = re.compile(r"[yn] of |tadt |ород")
    for s in [*_random_strings(3000, 3), "the city of Aktau", "in der Hafenstadt Aktau", "в городе Актау", "town of"]:
        assert (plain.search(s) is None) == (extract._TOWN_HINT.search(s) is None), s


@pytest.mark.parametrize("branch", ["north", "south"])
def test_the_branch_words_are_read_as_the_plain_search(branch):
    sentences = [x.casefold() for x in _dev_sentences()] + [
        "the northern leg", "deliveries to poland", "по южной ветке", "nach ungarn", "чешские нпз", "polnische kunden"]
    found = 0
    for s in sentences:
        plain = extract._BRANCH_MARKS[branch].search(s) is not None
        assert extract._branch_mark(branch, s) == plain, s
        found += plain
    assert found >= 3  # the hand-written sentences above hold words of each branch


def test_the_odd_letters_are_the_odd_case_class():
    every = "".join(chr(i) for i in range(0x110000) if not 0xD800 <= i < 0xE000)
    assert set(extract._ODD_LETTERS) == set(extract._ODD_CASE.findall(every))
    # a window with an odd letter is still searched when the text holds one, and the answer is read per text
    text = "Oil moved by the RAİLWAY Kars–Tbilisi–Baku."
    assert extract._holds_odd(text) and not extract._holds_odd("Oil moved by the railway.")
    assert extract._may_hold(text, 0, 24, ("rail",))


def test_the_pronoun_is_looked_for_in_the_twenty_words_after_the_line():
    from geo import settings

    m = extract.default_matcher(settings.DATA_DIR)

    def owners(fillers: int) -> list[str]:
        # words: The(0) CPC(1) cut(2) flows(3), then the fillers (4 .. 3 + fillers), then "its" at 4 + fillers
        text = f"The CPC cut flows {' '.join(['and'] * fillers)} its terminal."
        return [x.id for x in extract.analyse(text, language="en", matcher=m).mentions if x.match == "owner"]

    # 17 fillers: "its" is word 21, the 20th word after the line's word 1; 18 fillers: word 22, the 21st, too far
    assert owners(17) == [m.own_terminal["cpc"]]
    assert owners(18) == []
    assert owners(0) == [m.own_terminal["cpc"]]  # "The CPC cut flows  its terminal." (two spaces: no filler)


def test_every_line_word_holds_a_stem_of_the_screen():
    # _from_to reads the words only when the text holds one of _LINE_WORD_STEMS: each line word must hold one
    assert all(any(stem in word for stem in extract._LINE_WORD_STEMS) for word in extract._LINE_WORD_COMMODITY)
    # and every dash gap holds one of the dashes _chains screens the text for
    assert all(any(d in gap for d in extract._CHAIN_DASHES) for gap in extract._DASH_GAPS)


@pytest.mark.parametrize("dash", list("-‐‑‒–—―"))
def test_a_chain_in_any_dash_passes_the_dash_screen(dash):
    # no alias holds these three places (since batch 36 a name in capitals is read as in mixed case: "BAKU-TBILISI-CEYHAN"
    # is the alias), so the line is found as a chain of places; _chains reads the gaps only when the text holds a dash:
    # every dash of _DASH_GAPS must pass that screen (a screen of three dashes drops the four others: the test fails for them)
    from geo import settings

    m = extract.default_matcher(settings.DATA_DIR)
    text = f"OIL FLOWS THROUGH SANGACHAL{dash}TBILISI{dash}CEYHAN TO THE SEA."
    assert [(x.id, x.match) for x in extract.analyse(text, language="en", matcher=m).mentions] == [("btc", "chain")]


def test_the_dateline_of_a_later_line_is_read_in_place_as_on_the_cut_line():
    from geo import settings

    m = extract.default_matcher(settings.DATA_DIR)

    def plain(text: str) -> tuple[int, int]:  # the loop as first written: each line cut out, then matched
        end = extract._dateline_end(text, m)
        if end or "\n" not in text[:400]:
            return 0, end
        at = 0
        for _ in range(extract._HEAD_LINES):
            at = text.find("\n", at, 400) + 1
            if not at:
                break
            end = extract._dateline_end(text[at : at + 120], m)
            if end:
                return at, at + end
        return 0, 0

    texts = ["Caspian ports race\nAKTAU, Nov 27 (Kazinform) - Oil", "Head\n\n  Schwedt/Oder (dpa) - Die", "A\nB\nC\nD\nE\nATYRAU, x",
             "Head\nCPC, the consortium, said", "Head\nAstana, 28 October 2026 – The", "No dateline here.\nCopy 3.",
             "Head\n" + "x" * 130 + "\nATYRAU, x", "Head\n" + " " * 118 + "ATYRAU, x", *_random_strings(2000, 4, 200)]
    for text in texts:
        assert extract._dateline_span(text, m) == plain(text), text


def test_the_clause_cut_finds_what_the_plain_one_found():
    plain = re.compile(r"[;]\s|,?\s(?:while|whereas|but|während|wohingegen|doch|тогда как|однако)\s|,\s(?:а|но|aber)\s")
    rng = random.Random(7)
    pieces = ("while", "whereas", "but", "während", "wohingegen", "doch", "тогда как", "однако", "а", "но", "aber", ";", ",", " ",
              "\n", "\u00a0", "x", "Ж")
    texts = ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 25))) for _ in range(5000)] + _dev_sentences()
    for s in texts:
        for pos in (0, 2):  # the analyser searches one sentence of the text: the look-behinds stay inside it
            assert [m.span() for m in extract._CLAUSE_CUT.finditer(s, pos)] == [m.span() for m in plain.finditer(s, pos)], s


def test_every_line_name_before_holds_a_line_word_stem():
    # _in_line_name searches _LINE_NAME_BEFORE only in a window holding one of _LINE_WORD_STEMS
    rng = random.Random(11)
    pieces = ("Pipeline", "pipeline", "Leitung", "Ölleitung", "Erdgasleitung", "Нефтепровод", "газопроводу", "Трубопровод", "Baku",
              "Orsk", "Тихорецк", " ", " – ", "-", "—", "x", "der ", "„")
    texts = ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 8))) for _ in range(20000)] + _dev_sentences()
    found = 0
    for s in texts:
        if extract._LINE_NAME_BEFORE.search(s) is not None:
            found += 1
            assert any(stem in s for stem in extract._LINE_WORD_STEMS), s
    assert found > 200  # the random texts reach the pattern (493 of them with this seed)


def test_every_price_match_holds_a_price_word():
    # _grade_operated searches _PRICE only in a sentence holding one of _PRICE_WORDS
    rng = random.Random(13)
    pieces = ("fob", "fobs", "discount", "differential", "abschlag", "дисконт", "премия к", "premium to", "premium", " ", "x", "к")
    texts = ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 6))) for _ in range(5000)] + [s.casefold() for s in _dev_sentences()]
    for s in texts:
        if extract._PRICE.search(s) is not None:
            assert any(word in s for word in extract._PRICE_WORDS), s


def test_holds_word_answers_as_the_plain_scans():
    # the lower-cased screen of _holds_word never hides a word: each word lower-cases to one of its stems
    rng = random.Random(17)
    for stems, words in ((extract._VENUE_STEMS, extract._VENUE_WORDS), (extract._GUIDE_STEMS, extract._GUIDE_WORDS)):
        assert all(w.lower() in stems for w in words)
        pieces = (*words, "HoTeL", "İ", "Σ", " ", "x", "Ж")
        texts = ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 5))) for _ in range(3000)] + _dev_sentences()
        for s in texts:
            assert extract._holds_word(s, stems, words) == any(w in s for w in words), s
