"""Hostile and arbitrary input: the extractor never crashes, offsets stay valid, bad data is named precisely."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from streamlit.testing.v1 import AppTest

from geo.claims.extract import build_matcher, extract, split_sentences
from geo.claims.html_text import html_to_text
from geo.cli import commands as cli
from geo.data import load
from tests.conftest import DATA, ROOT

MATCHER = build_matcher(load.load_assets(DATA), load.load_route_groups(DATA))
WORDS = ["CPC", "КТК", "Noworossijsk", "Новороссийска", "Aktau", "Öl", "нефть", "oil", "bypass", "umgehen", "в обход", "<script>",
         "tap", "TAP", "CAC 40", ".", "!", "?", "\n", " ", "z. B.", "9. Mai", "„", "“", "Усть-Луги", "BTC-Pipeline", "—", "\u2028", "\x00"]
texts = st.one_of(st.text(max_size=400), st.lists(st.sampled_from(WORDS), max_size=60).map(" ".join))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=texts, language=st.sampled_from(["de", "en", "ru", None]))
def test_extractor_never_crashes_and_offsets_are_valid(text, language):
    for c in extract(text, language=language, matcher=MATCHER):
        assert 0 <= c.start < c.end <= len(text)
        assert text[c.start : c.end] == c.excerpt
        assert c.claim_type in {"rerouting", "dependency", "alignment", "military_symbolic", "opinion"}
        assert all(a["role"] in {"bypassed", "alternative", "subject", "context"} for a in c.assets)


@settings(max_examples=150, deadline=None)
@given(text=st.text(max_size=300))
def test_sentences_are_ordered_non_empty_spans(text):
    spans = split_sentences(text)
    assert all(0 <= s < e <= len(text) and text[s:e].strip() for s, e in spans)
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans))


@pytest.mark.parametrize(
    ("row", "field"),
    [
        ("2023,oil,export,KZ,cpc,x,nan,Mt,1,Mt,false,reuters-2024-bypass-russia,", "volume"),
        ("2023,oil,export,KZ,cpc,x,-3,Mt,-3,Mt,false,reuters-2024-bypass-russia,", "volume"),
        ("2023,oil,export,KZ,no-such-route,x,1,Mt,1,Mt,false,reuters-2024-bypass-russia,", "route"),
        ("2023,oil,export,KZ,cpc,x,1,Mt,1,bcm,false,reuters-2024-bypass-russia,", "norm_unit"),
    ],
)
def test_malformed_flow_rows_are_named(data_copy, capsys, row, field):
    path = data_copy / "flows.csv"
    path.write_text(path.read_text(encoding="utf-8") + row + "\n", encoding="utf-8")
    assert cli.main(["--data-dir", str(data_copy), "validate"]) == 1
    err = capsys.readouterr().err
    assert "flows.csv" in err and f"field '{field}'" in err and "Traceback" not in err


def test_two_sessions_do_not_share_state():
    # The comparison table is in the Dependencies tab; closed tabs send nothing (issue 15), so both sessions open it.
    first = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120).run()
    second = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120).run()
    for at in (first, second):
        at.session_state["tab"] = "Dependencies"
        at.run()
    baseline = next(df.value for df in second.dataframe if "baseline" in df.value.columns)["scenario"].copy()
    first.sidebar.selectbox(key="w_preset").set_value("no-russia-transit").run()
    first.sidebar.multiselect(key="w_off").set_value(["btc"]).run()
    second.run()
    again = next(df.value for df in second.dataframe if "baseline" in df.value.columns)["scenario"]
    assert again.equals(baseline)
    assert second.sidebar.multiselect(key="w_off").value == []
    changed = next(df.value for df in first.dataframe if "baseline" in df.value.columns)["scenario"]
    assert not changed.equals(baseline)


@pytest.mark.parametrize(
    ("page", "text"),
    [
        ("<p>Oil via <b>Aktau</b>.</p><p>Gas</p>", "Oil via Aktau.\nGas"),
        ("a < b and c > d", "a < b and c > d"),
        ("<a title=\"1 > 0\" href='x>y'>link</a> text", "link text"),
        ("<SCRIPT type=x>alert('<p>')</ScRiPt>after", "after"),
        ("<style>p{}</style><title>T</title><noscript>n</noscript>body", "body"),
        ("before<script>never closed <p>hidden", "before"),
        ("before<!-- a -- b -->after<!-- never closed", "beforeafter"),
        ("&amp; &lt;b&gt; &#1076; &#x41; &bogus; &", "& <b> д A &bogus; &"),
        ("İstanbul<script>x</script>İzmir", "İstanbulİzmir"),  # 'İ'.lower() has two characters: offsets must not shift
        ("<br>one<br/>two<td>three", "one\ntwo\nthree"),
        ("tail <a href=\"unclosed", "tail"),
    ],
)
def test_html_to_text_shapes(page, text):
    assert html_to_text(page) == text


def test_deeply_nested_unclosed_tags_keep_every_word():
    # 50,000 unclosed formatting and block tags; a tree builder rebuilds the open elements for
    # each (quadratic); the scanner keeps every word, in order.
    page = "<b><i><div>x " * 50_000
    assert html_to_text(page).split() == ["x"] * 50_000


def test_tag_openers_without_end_stop_the_scan():
    assert html_to_text("text <a " * 50_000) == "text"


def test_whether_a_story_names_a_consortium_is_searched_once_an_article():
    # Per abbreviation in a story of no energy word, the extractor asks whether the story calls something a consortium.
    # Asked of the whole text once a mention, 250 kB of "ТШО, НКОК, КПО и КТК, " did not finish in minutes (quadratic);
    # the answer is kept in the article's memo, so a second question with the same memo reads it, whatever the text.
    from geo.claims.extract import _consortium_named

    memo: dict = {}
    assert _consortium_named("Консорциум профинансирует ремонт.", memo) is True
    assert _consortium_named("no such word here", memo) is True  # read from the memo, not searched again
    assert _consortium_named("no such word here", {}) is False


def test_an_all_caps_lines_answer_is_read_once_a_line():
    # Per abbreviation before a capital, the extractor asks whether its line is an ALL-CAPS headline of no energy. Asked of
    # the whole line at each mention (upper-casing it, scanning every mention), 2 MB of one line of "1992 CPC Das gegründet
    # wurde " took 473 CPU s (quadratic, bench_extract_shapes.py). The line's answer is now kept in the text's _CapsLines:
    # a second mention of the line reads it, whatever the line says.
    from geo.claims.extract import Mention, _caps_line_of_no_energy, _CapsLines

    text = "TAP WATER PRICES IN TIRANA RISE\nOTHER LINE"
    tap = Mention(0, 3, "TAP", "tap", "TAP", "alias", 0)
    lines = _CapsLines(text, [tap])
    assert _caps_line_of_no_energy(tap, text, lines) is True
    lines.answers[0] = False  # as if the line spoke of energy: read from the memo, not the line
    assert _caps_line_of_no_energy(tap, text, lines) is False
    assert _caps_line_of_no_energy(tap, text, _CapsLines(text, [tap])) is True


def test_a_lower_case_lines_answer_and_bounds_are_read_once_a_text():
    # Per lower-case word spelt as a name, the extractor asks whether its line is a post typed in lower case. With
    # rfind/find from each word, 2 MB of one line of "aktau tengiz kashagan samara druzhba baku " took 7.9 times the CPU
    # of 512 KB (quadratic); the line breaks are now found once and bisected (_Lines), and each line's answer kept.
    from geo.claims.extract import _Lines, _lower_case_line

    text = "Headline Here\nthe port of aktau and the tengiz field are busy again\nShort"
    lines = _Lines(text)
    assert lines.bounds(20, 25, len(text)) == (14, 67)  # the second line (breaks at 13 and 67), worked out by hand
    assert lines.bounds(0, 3, len(text)) == (0, 13) and lines.bounds(70, 71, len(text)) == (68, len(text))
    assert _lower_case_line(text, 26, lines) is True
    assert _lower_case_line(text, 2, lines) is False  # capitalised words
    lines.answers[14] = False  # read from the memo, not the line
    assert _lower_case_line(text, 40, lines) is False


def test_an_abbreviation_after_its_long_form_looks_up_the_mentions_ends_once_a_call():
    # "Tengizchevroil LLP (TCO)": whether a mention of TCO's asset ends at most 30 characters before the "(" was a scan of
    # all the article's mentions for each such bracket; 2 MB of "Tengizchevroil LLP (TCO) oil and " (121,212 mentions)
    # took 14 CPU s compiled, 4.2 times the time of 1 MB (quadratic). The mentions' (end, id) are now sorted once a call
    # into a memo and bisected: a second question with the same memo reads it, whatever mention list it is given.
    from geo.claims.extract import Mention, _ends_near

    tco = Mention(0, 14, "Tengizchevroil", "tengizchevroil", "Tengizchevroil", "name", 0)
    far = Mention(100, 114, "Tengizchevroil", "tengizchevroil", "Tengizchevroil", "name", 0)
    memo: list = []
    # the "(" at 19 (after "Tengizchevroil LLP "): the window is [19 - 30, 19] = [-11, 19] and holds the end 14
    assert _ends_near("tengizchevroil", 19, [tco, far], memo) is True
    assert _ends_near("tengizchevroil", 19, [], memo) is True  # read from the memo, not from the (empty) list
    assert _ends_near("other_asset", 19, [], memo) is False
    # the window's bounds: an end at st - 30 and at st counts, at st - 31 and st + 1 does not (14 = 44 - 30 = 13 + 1)
    assert _ends_near("tengizchevroil", 44, [], memo) is True
    assert _ends_near("tengizchevroil", 45, [], memo) is False
    assert _ends_near("tengizchevroil", 13, [], memo) is False
    assert _ends_near("tengizchevroil", 14, [], memo) is True


def test_a_pipeline_from_a_to_b_reads_only_the_names_that_may_reach_it():
    # "the pipeline from Turkmenistan to China" (and "... sends gas through the pipeline to China") is refused when another
    # name cuts through it: that was a scan of every name of the article for each such phrase, quadratic (2 MB of "Aktau oil
    # and the pipeline from Turkmenistan to China and " took 5.2 CPU s compiled, 10 times the time of 512 KB). The names'
    # spans are now sorted once, with the greatest end so far, and read backwards from the phrase's end only while one may
    # still reach into it.
    from geo.claims.extract import Mention, _overlapped, _spans

    def name(st, en):
        return (Mention(st, en, "x" * (en - st), "aktau", "Aktau", "name", 0), [])

    taken = _spans([name(40, 45), name(0, 5), name(20, 26)])
    assert taken == ([0, 20, 40], [5, 26, 45], [5, 26, 45])  # sorted by start; greatest end so far: 5, max(5, 26), max(26, 45)
    assert _overlapped(taken, 10, 19, (10, 15)) is False  # (0, 5) ends before 10; (20, 26) starts after 19
    assert _overlapped(taken, 3, 19, (3, 15)) is True  # (0, 5) runs into [3, 19)
    assert _overlapped(taken, 20, 30, (20, 26)) is False  # (20, 26) is the phrase's own place (starts at 20, ends by 30)
    assert _overlapped(taken, 21, 25, (21, 23)) is True  # (20, 26) is cut through
    # the backward read stops where no span so far reaches past lo: with the third list saying no span before reaches 50,
    # the (0, 100) span is not read, though a scan of all spans would find it overlapping [50, 60)
    assert _overlapped(([0, 20, 40], [100, 26, 45], [5, 26, 45]), 50, 60, (50, 55)) is False


def test_a_chain_after_ships_names_reads_one_ship_name():
    # A chain of places inside a ship's name ("der Tanker namens Aktau–Baku") is no line: each chain was tested against
    # every ship's name of the article, quadratic (2 MB of "der Tanker namens Aktau und die Gas-Leitung Kasachstan–China, "
    # took 4.2 CPU s compiled, 12 times the time of 512 KB). The ships' names are sorted and disjoint (found left to
    # right), so one bisect finds the only one that can hold a position: the last starting at or before it.
    from geo.claims.extract import _in_a_span

    ships = [(10, 16), (40, 52)]
    assert _in_a_span(ships, 10) is True and _in_a_span(ships, 15) is True  # 10 <= pos < 16
    assert _in_a_span(ships, 16) is False and _in_a_span(ships, 9) is False and _in_a_span(ships, 30) is False
    assert _in_a_span(ships, 51) is True and _in_a_span(ships, 52) is False and _in_a_span([], 5) is False
    # only the last span starting at or before pos is read: (0, 100) before (10, 20) is not, though it holds 50
    assert _in_a_span([(0, 100), (10, 20)], 50) is False


def test_a_place_after_a_dash_is_read_without_trying_every_split_of_its_hyphens():
    # "the Baku–Tbilisi–Kars railway", "the Kenkiyak–Orsk oil pipeline": the places after a name up to a route or line
    # word. Written with [\w'-]* inside a group of 1-4 places, the regex engine tried every split of "Aktau-Aktau-..." at its
    # hyphens before failing: 140 µs a name, 512 KB of "Aktau-" took 13.7 CPU s (linear, but 27 s/MB). The word is now taken
    # whole (possessive), only a last hyphen left to open the next place; it matches the same texts as before.
    import random
    import re

    from geo.claims.extract import _LINE_NAME_AFTER, _ROUTE_NAME_AFTER, _ROUTE_WORDS

    for pattern in (_ROUTE_NAME_AFTER, _LINE_NAME_AFTER):
        assert "[\\w'-]*" not in pattern.pattern and "*+" in pattern.pattern  # no word part the engine may split again
    assert _ROUTE_NAME_AFTER.match("–Tbilisi–Kars railway") is not None
    assert _ROUTE_NAME_AFTER.match("-Tbilisi- Kars railway") is not None  # a last hyphen opens the next place
    assert _ROUTE_NAME_AFTER.match("-Kars- railway") is not None  # ... or ends the place's word
    assert _ROUTE_NAME_AFTER.match("-A-B-C-D-E railway") is not None  # one word with hyphens: one place
    assert _ROUTE_NAME_AFTER.match("– A – B – C – D – E railway") is None  # five places: more than four
    assert _LINE_NAME_AFTER.match("–Orsk oil pipeline") is not None and _LINE_NAME_AFTER.match("–Orsk said") is None
    # the same answers as the old patterns on 20,000 short strings of the characters that matter (seeded)
    old_word = "[\\w'-]*"
    old_route = re.compile(r"(?:\s*[-–—]\s*[A-ZÄÖÜА-ЯЁ]" + old_word + r"){1,4}\s+" + _ROUTE_WORDS, re.IGNORECASE)
    old_line = re.compile(r"(?:\s*[-–—]\s*[A-ZÄÖÜА-ЯЁ]" + old_word + r"){1,3}\s+(?:[Oo]il\s+|[Gg]as\s+)?[Pp]ipeline\b")
    parts = ["A", "b", "Ä", "я", "Б", "1", "_", "'", "-", "--", "–", "—", " ", "  ", "\n", ",", "railway", "road", "pipeline",
             "oil", " Oil pipeline", "Bahn", "ж/д", "трасса"]
    rng = random.Random(11)
    for _ in range(20_000):
        s = "".join(rng.choice(parts) for _ in range(rng.randint(1, 14)))
        assert (old_route.match(s) is None) == (_ROUTE_NAME_AFTER.match(s) is None), s
        assert (old_line.match(s) is None) == (_LINE_NAME_AFTER.match(s) is None), s


def test_whether_a_field_is_spoken_of_after_a_speaking_verb_is_read_once_a_sentence():
    # "KPO said ..., the field ...": for a field's name before a speaking verb, the extractor asks whether the rest of the
    # sentence speaks of "the field". Searched from each name to the sentence's end, one long sentence of such names was
    # quadratic (2 MB of 'were KPO said "constructive" A spokesperson discussions ' as one sentence: 1,101 CPU s compiled,
    # 15 times the time of 512 KB). The start of the sentence's last match is now kept in the article's memo: a second
    # question about the same sentence reads it, whatever the text.
    from geo.claims.extract import Mention, _field_spoken_of_after

    text = "KPO said the field is fine. Tengiz said nothing."
    # sentences: [0, 27) and [28, 48); "the field" starts at 9 (after "KPO said ": 3 + 1 + 4 + 1 = 9)
    sentences = [(0, 27), (28, 48)]
    kpo = Mention(0, 3, "KPO", "karachaganak", "KPO", "name", 0)
    tengiz = Mention(28, 34, "Tengiz", "tengiz", "Tengiz", "name", 1)
    memo: dict = {}
    assert _field_spoken_of_after(kpo, text, sentences, memo) is True  # "the field" at 9 > 3
    assert _field_spoken_of_after(tengiz, text, sentences, memo) is False  # no match in [28, 48)
    # the memo answers for the sentence, whatever text it is given now: the first sentence's last match stays at 9
    other = "KPO said nothing at all, really.  Tengiz said nothing."
    assert _field_spoken_of_after(kpo, other, sentences, memo) is True
    assert _field_spoken_of_after(kpo, other, sentences, {}) is False
    # a match after the mention's end, and none before it: a name after "the field" in the same sentence is not spoken of
    late = Mention(19, 25, "Tengiz", "tengiz", "Tengiz", "name", 0)
    assert _field_spoken_of_after(late, "KPO said the field Tengiz is fine.", [(0, 34)], {}) is False


def test_whether_a_sentence_names_rail_is_searched_once_a_sentence():
    # A port named by its town in a sentence of other goods asks whether the sentence names rail ("from Baku to Kulevi" by
    # tank car is a train's start, not the port). Searched once per such name, one long sentence of them was quadratic
    # (2 MB of "The cargo travels by rail in tank cars from Baku to Kulevi, " as one sentence: 99 CPU s compiled, 15.7 times
    # the time of 512 KB). The answer is kept per sentence in the article's memo: asked again, it is read, whatever the text.
    from geo.claims.extract import _rail_said

    text = "Containers go by rail to Baku. Containers go by sea to Baku."
    sentences = [(0, 30), (31, 60)]
    memo: dict = {}
    assert _rail_said(0, text, sentences, memo) is True
    assert _rail_said(1, text, sentences, memo) is False
    assert _rail_said(0, "x" * 60, sentences, memo) is True  # read from the memo
    assert _rail_said(0, "x" * 60, sentences, {}) is False
