"""Memory shortcuts of h/lean: each gives what the plain form gave (the JSON written row by row, shared word strings, the
packed answers of _said), checked against the plain form written out here, on hand-made rows and on the dev set's sentences.
"""

from __future__ import annotations

import io
import json
import random
import re
from pathlib import Path

import pytest
import yaml

from geo.claims import extract, text
from geo.claims.text import split_words
from geo.cli.extract import write_json, write_json_list

ROOT = Path(__file__).resolve().parent.parent

#: Rows with what the encoder treats apart: nesting, empty containers, None, floats, and strings with line breaks, quotes,
#: backslashes, non-ASCII letters and a control character (written as escapes, so no raw line break comes from a string).
ROWS = [
    {"article": "a", "start": 0, "end": 5, "excerpt": "Baku.\nНовая строка «Дружба» \"q\" \\ \t \u0001", "assets": [],
     "mentions": [{"id": "btc", "alts": ["x", "y"], "claim": None, "linked": True}], "score": 0.5},
    {},
    {"nested": {"deeper": [[], {}, [1, [2, {"k": "v"}]]]}, "empty": ""},
]


def _dev_texts() -> list[str]:
    articles = yaml.safe_load((ROOT / "tests" / "fixtures" / "extraction_dev.yaml").read_text(encoding="utf-8"))["articles"]
    return [a["text"] for a in articles]


@pytest.mark.parametrize("rows", [ROWS, ROWS[:1], ROWS[1:2], []])
def test_rows_written_one_by_one_are_the_dumped_list(rows):
    out = io.StringIO()
    write_json_list(out, iter(rows))  # a generator: the rows are never a list
    assert out.getvalue() == json.dumps(rows, ensure_ascii=False, indent=1)


@pytest.mark.parametrize(("claims", "mentions"), [(ROWS, ROWS[::-1]), ([], ROWS), (ROWS, []), ([], [])])
def test_claims_and_mentions_written_one_by_one_are_the_dumped_object(claims, mentions):
    out = io.StringIO()
    write_json(out, iter(claims), iter(mentions))
    assert out.getvalue() == json.dumps({"claims": claims, "mentions": mentions}, ensure_ascii=False, indent=1)
    out = io.StringIO()
    write_json(out, iter(claims), None)  # without --all-mentions: the list of claims alone
    assert out.getvalue() == json.dumps(claims, ensure_ascii=False, indent=1)


def test_a_long_split_shares_equal_words_and_gaps_and_splits_as_the_pattern():
    # past text.SHARE_FROM characters the split keeps one string per distinct word or gap of the plain pieces
    simple = "Baku. Baku, Aktau port. " * (text.SHARE_FROM // 24 + 2)
    parts = split_words(simple)
    assert len(simple) > text.SHARE_FROM and parts == re.split(r"(\w+)", simple)
    for value in ("Baku", "Aktau", "port", ". ", ", ", " "):
        assert len({id(p) for p in parts[:-1] if p == value}) == 1, value  # (the last gap, after the loop, is not looked up)
    # and any text so long still splits as the pattern (pieces of other kinds, split by it, are taken as they are)
    unit = "Baku. Baku, Aktau port. «Баку» — Актау; x_y z__ 12,5 % Aktau-Port (BTC)\n"
    mixed = unit * (text.SHARE_FROM // len(unit) + 2)
    assert split_words(mixed) == re.split(r"(\w+)", mixed)


def _plain_said(pattern: re.Pattern[str], s: int, e: int, article: str, stems: tuple[str, ...]) -> bool:
    """What _said answers, without its memo or stem screen: the sentence case-folded (or lowered, with ``stems``) searched."""
    part = article[s:e]
    if stems:
        return any(stem in part for stem in stems) and pattern.search(part.lower()) is not None
    return pattern.search(part.casefold()) is not None


def test_said_answers_as_the_plain_search_whatever_the_order_of_questions(matcher):
    # every screened pattern, the price pattern (screened since h/lean), one never screened, and one asked with stems
    asks = [(p, ()) for p in (*extract._STEMMED, extract._BENCHMARK)] + [(extract._CONSUMERS, extract._CONSUMER_STEMS)]
    rng = random.Random(11)
    checked = found = 0
    for article in _dev_texts():
        parts = split_words(article)
        offsets = extract._ends(parts)
        sentences = extract.split_sentences(article)
        memo: dict[object, object] = {None: (extract._words_of(parts[1::2], matcher), offsets)}
        # each question twice, in a shuffled order: the second answer comes from the packed bits
        questions = [(k, p, st) for k in range(len(sentences)) for p, st in asks] * 2
        rng.shuffle(questions)
        for k, pattern, stems in questions:
            want = _plain_said(pattern, *sentences[k], article, stems)
            assert extract._said(pattern, k, article, sentences, memo, stems) is want, (pattern.pattern[:40], article[slice(*sentences[k])])
            checked += 1
            found += want
    assert checked > 20_000 and found > 1_000  # the dev set asks enough, and finds some (not a test of empty answers)


@pytest.fixture(scope="module")
def matcher():
    from geo import settings

    return extract.default_matcher(settings.DATA_DIR)


def test_each_ambiguous_name_keeps_its_own_other_reading(matcher):
    # the other readings are shared between names of one spelling (one tuple, not one per name): each name still gets its
    # own. "Baku" could be Alat or Sangachal, "Novorossiysk" Sheskharis or the CPC's terminal (the only names of two assets)
    r = extract.analyse("Oil from Baku went by rail to the Black Sea. Tankers loaded crude at Novorossiysk.", matcher=matcher)
    readings = {m.text: {m.id, *m.alts} for m in r.mentions}
    assert readings == {"Baku": {"alat", "sangachal"}, "Novorossiysk": {"sheskharis", "cpc-marine-terminal"}}
    assert all(len(m.alts) == 1 for m in r.mentions)


def test_a_cue_less_sentence_naming_a_route_off_russia_still_makes_the_next_lessened_reliance_a_rerouting(matcher):
    # the claim loop keeps its per-sentence sets only for sentences with cues and the sentence before one: here the first
    # sentence has no cue at all ("Der Weg führt über Batumi."), names Batumi (a Georgian port, off Russia), and the second
    # names no asset but lessens a reliance on oil exports: "avoids Russia" comes from the sentence before -> a rerouting,
    # and the reliance it lessens -> a dependency too (claim_types)
    r = extract.analyse("Der Weg führt über Batumi. Der Konzern will damit die Abhängigkeit von russischen Häfen beim Ölexport "
                        "verringern.", matcher=matcher)
    assert [(c.claim_types, c.excerpt[:10]) for c in r.claims] == [(["rerouting", "dependency"], "Der Konzer")]


def test_a_rail_word_in_the_item_of_a_later_name_of_the_sentence_still_counts(matcher):
    # the rail items are cut once a sentence and each sentence is decided once, as soon as one of its ambiguous names'
    # items may speak of rail: the first "Baku" (a tanker item; "from Baku", so no rail goal) does not decide the sentence,
    # the second (a rail item) does.
    # A rail sentence names the rail legs: Baku is where the Baku-Batumi leg starts (Alat, not Sangachal), and the leg is
    # linked with its end, Batumi; the rule is the sentence's, so both "Baku" read so (a_rail_word_counts_in_its_own_list_item)
    r = extract.analyse("Oil exports by route: tankers from Baku to Aktau 0.2 mln t; oil by rail from Baku to Batumi 0.3 mln t.",
                        matcher=matcher, language="en")
    assert [(m.text, m.id) for m in r.mentions if m.text == "Baku"] == [("Baku", "alat"), ("Baku", "alat")]
    assert "rail-baku-batumi" in r.linked_assets() and "lane-aktau-baku" not in r.linked_assets()


def test_the_command_writes_what_json_dumps_of_the_analysis_writes_and_collects_garbage_again(tmp_path, capsys, matcher):
    # run() in this process: analysed with the cyclic collector off, written row by row; the characters are those of
    # json.dumps of the dataclasses' dicts (as the command built them before), and the collector is on again afterwards
    import argparse
    import dataclasses
    import gc
    import hashlib

    from geo import settings
    from geo.cli import extract as extract_cli

    texts = ["Kazakhstan ships more crude via the BTC pipeline to avoid Russian ports. FC Atyrau won.",
             "Oil from Baku went by rail to the Black Sea. Tankers loaded crude at Novorossiysk.\n«Дружба» стоит."]
    paths = []
    for k, t in enumerate(texts):
        paths.append(tmp_path / f"{k}.txt")
        paths[-1].write_text(t, encoding="utf-8")
    for every in (False, True):
        args = argparse.Namespace(files=paths, format="json", language=None, all_mentions=every, data_dir=None)
        try:
            assert extract_cli.run(args) == 0
        finally:
            gc.unfreeze()  # (the command froze this test process's objects out of the collector's walks)
        assert gc.isenabled()
        claims, mentions = [], []
        for t in texts:
            digest = hashlib.sha256(t.encode("utf-8")).hexdigest()
            article = extract_cli.known_articles(settings.DATA_DIR).get(digest, digest[:16])
            r = extract.analyse(t, article=article, matcher=matcher)
            claims += [dataclasses.asdict(c) for c in r.claims]
            mentions += [{"article": article, **dataclasses.asdict(m), "name": matcher.display.get(m.id, m.id)} for m in r.mentions]
        want = {"claims": claims, "mentions": mentions} if every else claims
        assert claims and mentions  # (something to write)
        assert capsys.readouterr().out == json.dumps(want, ensure_ascii=False, indent=1) + "\n"


def test_a_name_alone_in_its_sentence_is_settled_by_the_document_and_one_beside_its_line_by_the_line(matcher):
    # names settled once per document when their sentence names nothing connected (_settle's settled_alone): "Novorossiysk"
    # alone (sentence 2) goes by the document, which names Sheskharis twice and Transneft, its operator (near Sheskharis:
    # 2 + 1 and more by Transneft's lines), against the CPC once (near the CPC's terminal: 1) -> Sheskharis; beside "CPC
    # pipeline" (sentence 3) the sentence's connected asset comes first (CPC terminal 1, Sheskharis 0) -> the CPC's terminal
    r = extract.analyse("Transneft loaded Urals at the Sheskharis terminal. Sheskharis handled more. Tankers loaded crude at "
                        "Novorossiysk. The CPC pipeline carried Tengiz oil to Novorossiysk.", matcher=matcher, language="en")
    assert [(m.sentence, m.id) for m in r.mentions if m.text == "Novorossiysk"] == [(2, "sheskharis"), (3, "cpc-marine-terminal")]
    # two names alone in their sentences are each settled for their own entries: Novorossiysk and Baku share no choice
    r = extract.analyse("Tankers loaded crude at Novorossiysk. Crude was shipped from Baku.", matcher=matcher, language="en")
    got = {m.text: m.id for m in r.mentions}
    assert got["Novorossiysk"] in {"sheskharis", "cpc-marine-terminal"} and got["Baku"] in {"alat", "sangachal"}


def test_a_name_after_a_sentence_naming_a_connected_asset_is_not_settled_as_one_alone(matcher):
    # "Baku" (Alat or Sangachal) twice. Sentence 2 stands after "It rained." (no asset): settled by the document alone, where
    # the BTC (near Sangachal) is named twice and Kulevi (near Alat) once: Sangachal 2 against Alat 1 -> Sangachal, and that
    # choice is kept for every such lone "Baku". Sentence 5 stands after "The Kulevi terminal ...": the sentence before
    # counts before the document (Alat 1, Sangachal 0) -> Alat, not the lone choice
    r = extract.analyse("The BTC pipeline was full. It rained. Crude goes to Baku. The BTC pipeline ran. The Kulevi terminal took "
                        "more. Crude goes to Baku.", matcher=matcher, language="en")
    assert [(m.sentence, m.id) for m in r.mentions if m.text == "Baku"] == [(2, "sangachal"), (5, "alat")]
