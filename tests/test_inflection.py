"""Inflected names, case by case, from the hand-written tables of tests/fixtures/inflection_forms.yaml (issue 11).

Each Russian case form goes into a sentence whose preposition or verb governs that case («из Новороссийска», «к
Новороссийску», «рядом с Новороссийском»); the matcher must find the name with the form's exact offsets and one of the
name's assets. False friends (common words that fold near a name: «Самарий», «Осенью», «бак») must yield no mention.
Run as a script to print the table of misses.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from geo.claims.extract import FUZZY_MIN_LEN, MIN_INFLECTED_STEM, analyse, default_matcher
from geo.claims.matcher import case_forms
from geo.claims.text import fold, name_key
from tests.conftest import DATA

FIXTURE = yaml.safe_load((Path(__file__).parent / "fixtures" / "inflection_forms.yaml").read_text(encoding="utf-8"))
MATCHER = default_matcher(DATA)

#: One frame per case, so the sentence is grammatical: the preposition or verb governs the case of the form.
PLACE_FRAMES = {
    "nom": "{} принимает нефть.",
    "gen": "Нефть идёт из {}.",
    "dat": "Нефть идёт к {}.",
    "acc": "Нефть идёт через {}.",
    "ins": "Рядом с {} грузят нефть.",
    "prep": "Нефть грузят {prep} {}.",
}
LINE_FRAMES = {
    "nom": "{} прокачивает нефть.",
    "gen": "Прокачка нефти {} выросла.",
    "dat": "Нефть идёт по {}.",
    "acc": "Нефть идёт через {}.",
    "ins": "Нефть прокачивается {}.",
    "prep": "Сбой на {} прервал поставки нефти.",
}
_BRACKETS = re.compile(r"\[([^\]]+)\]")
_NEXT_WORD = re.compile(r"\W*\w+")


def _cases() -> list[Any]:
    out = []
    for entry in FIXTURE["names"]:
        frames = LINE_FRAMES if entry.get("line") else PLACE_FRAMES
        for case, form in entry["cases"].items():
            frame = frames[case].replace("{prep}", entry.get("prep_word", "в"))
            out.append(pytest.param(frame.replace("{}", f"[{form}]"), "ru", entry["ids"], id=f"{entry['name']}-{case}-{form}"))
        for phrase in entry.get("adjectives") or []:
            out.append(pytest.param(f"Нефть идёт {phrase}.", "ru", entry["ids"], id=f"{entry['name']}-adj-{phrase}"))
    for lang, key in (("de", "german"), ("en", "english")):
        for entry in FIXTURE[key]:
            out.append(pytest.param(entry["text"], lang, entry["ids"], id=f"{lang}-{entry['text']}"))
    return out


def _false_friends() -> list[Any]:
    out = []
    for entry in FIXTURE["names"]:
        for word in entry.get("false_friends") or []:
            out.append(pytest.param(word, "ru", id=f"{entry['name']}-{word}"))
    out += [pytest.param(word, "de", id=f"latin-{word}") for word in FIXTURE["latin_false_friends"]]
    return out


def _marked(text: str) -> tuple[str, int, int]:
    """The sentence without its [brackets], and the offsets of the bracketed form."""
    m = _BRACKETS.search(text)
    assert m is not None
    plain = text[: m.start()] + m.group(1) + text[m.end() :]
    return plain, m.start(), m.start() + len(m.group(1))


def found(text: str, language: str, ids: list[str]) -> str:
    """"ok", or what the matcher found at the bracketed form instead."""
    plain, start, end = _marked(text)
    after = _NEXT_WORD.match(plain, end)
    ends = {end} | ({after.end()} if after else set())  # an adjective's mention may take its noun («актауского порта»)
    got = analyse(plain, language=language, matcher=MATCHER).mentions
    if any(m.start == start and m.end in ends and m.id in ids for m in got):
        return "ok"
    return "; ".join(f"{m.text!r}->{m.id}" for m in got) or "nothing"


@pytest.mark.parametrize(("text", "language", "ids"), _cases())
def test_an_inflected_name_is_found_with_its_offsets(text: str, language: str, ids: list[str]) -> None:
    assert found(text, language, ids) == "ok"


def false_friend_mentions(word: str, language: str) -> list[str]:
    frame = ("{} упомянут в отчёте о поставках нефти." if word[:1].isupper() else "В отчёте о поставках нефти сказано: {}.") \
        if language == "ru" else "{} wurde im Bericht über Ölexporte erwähnt."
    text = frame.format(word)
    start = text.index(word)
    got = analyse(text, language=language, matcher=MATCHER).mentions
    return [f"{m.text!r}->{m.id}" for m in got if m.start < start + len(word) and m.end > start]


@pytest.mark.parametrize(("word", "language"), _false_friends())
def test_a_false_friend_is_no_name(word: str, language: str) -> None:
    assert false_friend_mentions(word, language) == []


@pytest.mark.parametrize("entry", [e for e in FIXTURE["names"] if " " not in e["name"] and "-" not in e["name"]
                                   and not e["class"].startswith("abbreviation") and not e["name"].isupper()],
                         ids=lambda e: e["name"])
def test_the_stem_classes_give_the_hand_written_cases(entry: dict[str, Any]) -> None:
    # the matcher's declension table (case_forms) must hold every form of the hand-written table; it may hold a spare
    # one (-ой beside -ей after a hushing consonant: «Сарыжой», «Сарыжей»)
    assert set(entry["cases"].values()) <= set(case_forms(entry["name"]))


def test_the_thresholds_at_their_boundaries() -> None:
    assert (MIN_INFLECTED_STEM, FUZZY_MIN_LEN) == (4, 7)
    # a key shorter than MIN_INFLECTED_STEM is accepted only for the alias's own fold or one of its case forms:
    # «Бозое» folds "bosoe", loses the ending "oe" -> "bos" (3 letters), a case form of «Бозой»; «Босс» (boss) folds
    # "bos" (the double s is one) -> "bos", no form of it; "Backen" -> "baken" - "en" -> "bak", no form of "Baku"
    assert (fold("Бозое"), name_key("Бозое"), name_key("Босс"), name_key("Backen")) == ("bosoe", "bos", "bos", "bak")
    assert found("Нефть грузят в [Бозое].", "ru", ["bozoi"]) == "ok"
    assert false_friend_mentions("Босс", "ru") == false_friend_mentions("Backen", "de") == []
    # fuzzy matching: "Kenkiyek" keys "kenkiek" (7 letters = FUZZY_MIN_LEN), one vowel from Kenkiyak's "kenkiak": found;
    # "Kenkik" keys "kenkik" (6 letters), below the threshold: not found
    assert (name_key("Kenkiyek"), name_key("Kenkiyak"), name_key("Kenkik")) == ("kenkiek", "kenkiak", "kenkik")
    assert found("Oil flows from [Kenkiyek] to China.", "en", ["kenkiyak"]) == "ok"
    assert found("Oil flows from [Kenkik] to China.", "en", ["kenkiyak"]) == "nothing"


if __name__ == "__main__":  # the table of misses: python -m tests.test_inflection
    print("| name / form | sentence | result |\n|---|---|---|")
    for p in _cases():
        text, language, ids = p.values
        got = found(text, language, ids)
        if got != "ok":
            print(f"| {p.id} | {_marked(text)[0]} | missed ({got}) |")
    for p in _false_friends():
        word, language = p.values
        bad = false_friend_mentions(word, language)
        if bad:
            print(f"| {p.id} | false friend | linked: {'; '.join(bad)} |")
