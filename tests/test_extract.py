"""Claim extraction: dev and frozen test sets, mentions vs claims, name variants, chains, the CLI contract."""

from __future__ import annotations

import functools
import itertools
import json
import re
import subprocess
import sys

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from geo.claims.extract import analyse, build_matcher, default_matcher, extract, split_sentences
from geo.claims.text import name_key
from geo.data import corpus, load
from tests.conftest import DATA, ROOT
from tests.extract_eval import confusion, load_set, prf, report, score

DEV = load_set("extraction_dev.yaml")


@functools.cache
def frozen_set() -> list[dict]:
    """The frozen test set, read only by the tests named "frozen" (deselect them with ``-k "not frozen"`` while tuning)."""
    return load_set("extraction_test.yaml")


MATCHER = default_matcher(DATA)
CORPUS = corpus.load_corpus(DATA, asset_ids=set(load.load_assets(DATA).index))


def links(text: str, language: str = "en") -> set[str]:
    return analyse(text, language=language, matcher=MATCHER).linked_assets()


def test_frozen_and_dev_sets_are_big_enough_balanced_and_disjoint():
    test_set = frozen_set()
    for articles in (DEV, test_set):
        for lang in ("de", "en", "ru"):
            mine = [a for a in articles if a["language"] == lang]
            assert len(mine) >= 10
            assert any(a["expected_assets"] for a in mine) and any(not a["expected_assets"] for a in mine)
    assert not {a["text"] for a in DEV} & {a["text"] for a in test_set}


def test_dev_set_scores(capsys):
    s = score(DEV, MATCHER)
    with capsys.disabled():
        print("\n" + report("dev set", s))
        print("  claim-type confusions (expected, found instead):", dict(confusion(DEV, MATCHER).most_common()))
    for c in s["links"].values():
        p, r, _ = prf(c["tp"], c["fp"], c["fn"])
        assert p >= 0.95 and r >= 0.95  # the goal per language; the dev set is tuned on, so it must reach it
    assert s["macro_f1"] >= 0.95  # claim types are tuned here, so they must hold here


def test_frozen_test_set_asset_links(capsys):
    """The frozen set is never tuned on."""
    s = score(frozen_set(), MATCHER)
    with capsys.disabled():
        print("\n" + report("frozen test set", s))
    tp, fp, fn = (sum(c[k] for c in s["links"].values()) for k in ("tp", "fp", "fn"))
    p, r, _ = prf(tp, fp, fn)
    assert p >= 0.85 and r >= 0.85


def test_frozen_test_set_claim_type_macro_f1():
    """Issue 11's target. Last read 2026-12-06T22:42Z: 0.866 (0.827 before the attribution/alignment rules of
    geo/claims/cues.py, which were tuned on the dev set and its folded hold-out batches only)."""
    assert score(frozen_set(), MATCHER)["macro_f1"] >= 0.85


def test_prf_by_hand():
    # 3 found, 2 right, 4 expected: P = 2/3, R = 2/4 = 0.5, F1 = 2*(2/3)*0.5/(2/3+0.5) = (2/3)/(7/6) = 4/7
    p, r, f = prf(2, 1, 2)
    assert (round(p, 4), r, round(f, 4)) == (0.6667, 0.5, round(4 / 7, 4))


@pytest.mark.parametrize("article", [a for a in DEV if not a["expected_assets"]], ids=lambda a: a["id"])
def test_negative_articles_link_no_asset(article):
    assert links(article["text"], article["language"]) == set()


@pytest.mark.xfail(strict=True, reason="read 2026-12-06T23:10Z: since cue-less mentions (a field's own name links in any "
                   "sentence, issue 11) one English negative links 'tengiz'; the article was not opened, and no rule is "
                   "tuned on it (a general rule for given names and venues, tests/test_extract_links.py, did not change it)")
def test_frozen_negative_articles_link_no_asset():
    linked = {a["id"]: links(a["text"], a["language"]) for a in frozen_set() if not a["expected_assets"]}
    assert {k: v for k, v in linked.items() if v} == {}


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("Oil loadings at Novorossiisk rose.", "en", "sheskharis"),
        ("Das Öl fließt über Noworossijsk.", "de", "sheskharis"),
        ("Нефть отгружают через Новороссийска терминал.", "ru", "sheskharis"),
        ("Поставки нефти в порт Усть-Луги выросли.", "ru", "ust-luga"),
        ("Экспорт нефти по КТК вырос.", "ru", "cpc"),
        ("Die Förderung im Tengis-Feld stieg, das Öl geht in den Export.", "de", "tengiz"),
        ('Нефть идёт по трубопроводу "Дружба" в Германию.', "ru", "druzhba-samara-schwedt"),
        ("Das Öl fließt durch die Kaspische Pipeline.", "de", "cpc"),
        ("Öl wird über die Pipeline Baku-Tiflis-Ceyhan exportiert.", "de", "btc"),
        ("Нефть идёт по маршруту Баку - Тбилиси - Джейхан.", "ru", "btc"),
        ("Oil flows through the Kazakhstan – Chinese Pipeline.", "en", "kcp-atasu-alashankou"),
        ("Gas exports via TAP to Italy rose.", "en", "tap"),
        ("Gas flows through the pipeline from Turkmenistan to China.", "en", "cagp"),
        ("Газ идёт в Китай по газопроводу из Туркменистана.", "ru", "cagp"),
        # "oil" leaves the four Kazakhstan-China oil segments; the one whose alias runs Kazakhstan-China is the one
        ("Crude goes through the oil pipeline from Kazakhstan to China.", "en", "kcp-atasu-alashankou"),
        # a line word next to a chain names the commodity: of the lines through Kazakhstan and China only CAGP is gas
        ("Gas flows to China via the Kazakhstan-China gas pipeline.", "en", "cagp"),
        ("Газ поставляется в Китай по газопроводу Казахстан — Китай.", "ru", "cagp"),
        # the asset's abbreviations stand for each other in its longer aliases ("CPC-Terminal" -> «КТК-терминал»)
        ("Отгрузки нефти на КТК-терминале возобновились.", "ru", "cpc-marine-terminal"),
        ("Das Öl fließt zum KTK-Terminal.", "de", "cpc-marine-terminal"),
        ("Нефть с тенгизского месторождения идёт на экспорт.", "ru", "tengiz"),  # a lower-case Russian adjective
        ("Das Öl der Tengisfelder geht in den Export.", "de", "tengiz"),  # a plural compound
        ("Exporte von Öl über Schwedts Raffinerie stiegen.", "de", "schwedt"),  # genitive "s" after "t"
    ],
)
def test_inflected_transliterated_and_chained_names(text, language, expected):
    assert expected in links(text, language)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Oil traders tap into new gas export markets.", "en"),
        ("Oil prices pushed the CAC 40 lower as gas exports fell.", "en"),
        ("Die Ölpreise in Schweden stiegen.", "de"),  # Schweden (Sweden) is not Schwedt
        ("Gas prices in Samarkand and Aktobe rose.", "en"),  # not Samara, not Aktau
        ("Der Ölkonzern backen neue Pläne.", "de"),  # a short inflected stem is not Baku
        ("Oil tankers passed the Kuril islands.", "en"),  # not Kuryk
        ("Oil executives met in Samaria.", "en"),  # a Russian case ending does not apply to a Latin word: not Samara
        ("Oil output in the Atyrau region rose.", "en"),  # the province, not the junction
        ("Добыча нефти в Атырауской области выросла.", "ru"),
        ("Die Ölförderung im Gebiet Atyrau stieg.", "de"),
        ("Oil from Karachaganat fell.", "en"),  # a consonant edit (k -> t) is no transliteration, only vowels and "h" are
        ("По оценкам экспертов, экспорт нефти вырос.", "ru"),  # «оценкам» is a common word, not Ozen (Uzen)
    ],
)
def test_false_friends_link_nothing(text, language):
    assert links(text, language) == set()


def test_a_mention_without_a_cue_is_kept_but_a_town_is_not_linked():
    text = "Lorries queued at the Dostyk crossing, where crude also enters the pipeline to China. FC Atyrau won on Sunday."
    result = analyse(text, language="en", matcher=MATCHER)
    by_id = {m.id: m for m in result.mentions}
    assert by_id["alashankou"].linked and by_id["alashankou"].claim is None
    assert not by_id["atyrau"].linked


def test_fuzzy_names_differ_only_in_a_vowel_or_h():
    assert "karachaganak" in links("Gas from Karachaganek rose.")  # a -> e, 12 letters
    assert "galkynysh" in links("Gas from Galkynish rose.")  # y folds to i; then one "i" for "i": exact
    assert links("Gas from Karachaganat rose.") == set()  # k -> t


def test_a_rail_origin_named_by_its_town_is_not_the_port():
    # "Baku" names the port (alat) only by context; here it is where the tank cars start: the leg and Batumi only
    assert links("Tank cars carry Kazakh oil by rail from Baku to the port of Batumi.") == {"rail-baku-batumi", "batumi"}


def test_an_outage_is_no_reliance_and_a_new_flow_elsewhere_after_it_is_a_rerouting():
    shifted = analyse("Storms halted loadings at the CPC terminal. Kazakhstan will send more crude through the Atyrau-Samara "
                      "pipeline.", language="en", matcher=MATCHER)
    assert [c.claim_type for c in shifted.claims] == ["rerouting"]  # the first sentence: an outage, no claim
    same = analyse("Storms halted loadings at the CPC terminal. Loadings at the CPC terminal will restart on Monday.",
                   language="en", matcher=MATCHER)
    assert same.claims == []  # the same terminal again: no other route, no claim


def test_group_alias_counts_only_inside_a_claim():
    outside = "In den russischen Häfen stieg der Containerumschlag."
    inside = "Kasachstan will sein Öl an russischen Häfen vorbei über Aktau leiten, um sie zu umgehen."
    assert not any(m.id.startswith("group:") for m in analyse(outside, language="de", matcher=MATCHER).mentions)
    (claim,) = analyse(inside, language="de", matcher=MATCHER).claims
    assert "sheskharis" in {a["id"] for a in claim.assets if a["match"] == "group"}


def test_possessor_and_document_settle_ambiguous_names():
    assert "cpc-marine-terminal" in links("Loadings of crude at the CPC's Black Sea terminal fell.")
    assert "kulevi" not in links("Loadings of crude at the CPC's Black Sea terminal fell.")
    doc = ("The CPC pipeline carried more crude this year. Analysts expect growth. "
           "The terminal in the southern Russian port city of Novorossiysk loaded 60 tankers.")
    got = links(doc)
    assert "cpc-marine-terminal" in got and "sheskharis" not in got
    assert "sheskharis" in links("Transneft loaded crude tankers at Novorossiysk.")


def test_roles_follow_the_data_in_a_bypass_claim():
    text = "Kazakhstan will ship more crude via the BTC pipeline to avoid the CPC terminal."
    (claim,) = extract(text, language="en", matcher=MATCHER)
    roles = {a["id"]: a["role"] for a in claim.assets}
    assert claim.claim_type == "rerouting"
    assert roles == {"btc": "alternative", "cpc-marine-terminal": "bypassed"}


def test_every_curated_seed_claim_is_found_with_its_assets():
    for art_id, text in CORPUS.texts.items():
        candidates = extract(text, article=art_id, matcher=MATCHER)
        for claim in (c for c in CORPUS.claims if c.article == art_id and c.assets):
            covering = [c for c in candidates if c.start <= claim.start and claim.end <= c.end]
            found = {a["id"] for c in covering for a in c.assets}
            assert {a.id for a in claim.assets} <= found, claim.id


def test_offsets_always_index_the_excerpt_and_the_mentions():
    for art_id, text in CORPUS.texts.items():
        result = analyse(text, article=art_id, matcher=MATCHER)
        assert all(text[c.start : c.end] == c.excerpt for c in result.claims)
        assert all(text[m.start : m.end] == m.text for m in result.mentions)


def test_old_table_api_gives_the_same_links():
    old = build_matcher(load.load_assets(DATA), load.load_route_groups(DATA))
    text = DEV[0]["text"]
    assert analyse(text, language="en", matcher=old).linked_assets() == links(text)


def test_name_keys_fold_spelling_and_endings():
    assert len({name_key(w) for w in ("Novorossiysk", "Noworossijsk", "Новороссийска", "Новороссийском")}) == 1
    assert name_key("Schwedt") != name_key("Schweden")


def test_sentences_do_not_break_at_ordinals_or_abbreviations():
    text = "Am 9. Mai gab es keine Parade. Öl fließt z. B. über Aktau."
    assert [text[s:e] for s, e in split_sentences(text)] == ["Am 9. Mai gab es keine Parade.", "Öl fließt z. B. über Aktau."]


def test_extract_command_json_contract(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Kazakhstan ships more crude via the BTC pipeline to avoid Russian ports. FC Atyrau won.", encoding="utf-8")
    seed = ROOT / "seeds" / "000_149cd47eccacf6d5.txt"
    cmd = [sys.executable, "-m", "geo", "extract", str(path), str(seed), "--format", "json"]
    out = json.loads(subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, check=True).stdout)
    assert {c["article"] for c in out} == {corpus.sha256_text(path.read_text(encoding="utf-8"))[:16], "000_149cd47eccacf6d5"}
    for c in out:
        assert {"article", "start", "end", "excerpt", "language", "claim_type", "assets", "mentions"} <= c.keys()
        for a in c["assets"]:
            assert {"id", "name", "role"} <= a.keys()
    first = next(c for c in out if c["article"] != "000_149cd47eccacf6d5")
    assert first["claim_type"] == "rerouting" and "btc" in {a["id"] for a in first["assets"]}
    assert [m["id"] for m in first["mentions"]][:1] == ["btc"]
    every = json.loads(subprocess.run([*cmd, "--all-mentions"], cwd=ROOT, capture_output=True, text=True, check=True).stdout)
    atyrau = [m for m in every["mentions"] if m["id"] == "atyrau" and m["article"] == first["article"]]
    assert atyrau and atyrau[0]["claim"] is None and not atyrau[0]["linked"]


def test_extract_command_does_not_import_the_heavy_libraries(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Kazakh crude flows via the CPC.", encoding="utf-8")
    code = ("import sys, runpy; sys.argv = ['geo', 'extract', sys.argv[1]];\n"
            "try:\n    runpy.run_module('geo', run_name='__main__')\nexcept SystemExit:\n    pass\n"
            "print(sorted(m for m in ('pandas', 'geopandas', 'matplotlib', 'scipy', 'shapely') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code, str(path)], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    assert out.strip().splitlines()[-1] == "[]"


def test_every_alias_has_a_reason_and_none_is_a_dev_or_frozen_sentence():
    import json

    import yaml

    reasons = yaml.safe_load((DATA / "alias_reasons.yaml").read_text(encoding="utf-8"))
    texts = [a["text"] for a in DEV + frozen_set()]
    for f in json.loads((DATA / "assets.geojson").read_text(encoding="utf-8"))["features"]:
        p = f["properties"]
        given = reasons["assets"][p["id"]]["aliases"]
        for alias in [*p["aliases"], *(p.get("context_aliases") or [])]:
            assert given.get(alias, "").strip(), (p["id"], alias)
            # a name is a few words; a clause lifted from an evaluation text would be longer
            assert len(alias.split()) <= 6 or not any(alias in t for t in texts), alias
    for g in yaml.safe_load((DATA / "routes.yaml").read_text(encoding="utf-8")):
        for alias in g.get("aliases") or []:
            assert reasons["groups"][g["id"]][alias].strip(), (g["id"], alias)


def test_word_by_word_cues_agree_with_the_plain_patterns():
    """The memoised word path must find exactly what searching each full pattern in the sentence finds."""
    import re

    from geo.claims.cues import CUES, sentence_cues, settle_kinds

    plain = {(c, lang): re.compile(p) for c, by_lang in CUES.items() for lang, p in by_lang.items()}
    extra = [("Exports re-routed via Aktau; 80% still depend on the CPC, according to analysts.", "en"),
             ("Am Tag des Sieges gab es keine Parade; Öl wird per Kesselwagen umgeleitet.", "de"),
             ("По мнению экспертов, нефть по-прежнему идёт в обход России.", "ru")]
    for text, lang in [(a["text"], a["language"]) for a in DEV] + extra:
        for s, e in split_sentences(text):
            sentence = text[s:e]
            expected = settle_kinds({c for (c, lg), rx in plain.items() if lg == lang and rx.search(sentence.casefold())})
            assert sentence_cues(sentence, lang) == expected, sentence


_WORDS = ["CPC", "КТК", "Noworossijsk", "Новороссийска", "Aktau", "Aktauer", "Baku", "-", " – ", "Tiflis", "Ceyhan", "Баку",
          "Тбилиси", "Джейхан", "Russian", "ports", "russischen", "Häfen", "oil", "Öl", "нефть", "bypass", ".", "\n", "CPC's",
          "Black", "Sea", "terminal", "Druschbaleitung", "Tengis-Feld", "«", "»", '"', "Дружба", "tap", "TAP", "40"]


@settings(max_examples=150, deadline=None)
@given(words=st.lists(st.sampled_from(_WORDS), max_size=80), language=st.sampled_from(["de", "en", "ru", None]))
def test_mentions_are_ordered_disjoint_spans_of_the_text(words, language):
    text = " ".join(words)
    result = analyse(text, language=language, matcher=MATCHER)
    spans = [(m.start, m.end) for m in result.mentions]
    assert all(text[m.start : m.end] == m.text and m.text for m in result.mentions)
    assert spans == sorted(spans) and all(a[1] <= b[0] for a, b in itertools.pairwise(spans))
    claims = result.claims
    assert all(m.claim is None or claims[m.claim].start <= m.start < m.end <= claims[m.claim].end for m in result.mentions)


#: The sentence splitter as first written: the end pattern as one top-level alternation, searched from every position,
#: and every span trimmed by copying it (the fast splitter must give the same spans).
_PLAIN_END = re.compile(r"[.!?…]([\"“”»«)]?\s+)(?=[\"„“«(]?[A-ZÄÖÜА-ЯЁ0-9])|\n+")


def _plain_sentences(text: str) -> list[tuple[int, int]]:
    from geo.claims.text import _NO_BREAK_AFTER

    spans, start = [], 0
    for m in _PLAIN_END.finditer(text):
        gap = m.group(1)
        if gap is None:
            spans.append((start, m.start()))
        else:
            cut = m.start() + 1
            if gap.strip("\n") and _NO_BREAK_AFTER.search(text[max(start, cut - 8) : cut]):
                continue
            spans.append((start, cut))
        start = m.end()
    spans.append((start, len(text)))
    out = []
    for s, e in spans:
        chunk = text[s:e]
        ls, rs = len(chunk) - len(chunk.lstrip()), len(chunk.rstrip())
        if rs > ls:
            out.append((s + ls, s + rs))
    return out


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["Am", "9.", "Mai", "z.", "B.", "Öl", ".", "!", "?", "…", "\n", "\n\n", " ", "«", "»", "„", '"',
                                 "(", ")", "Aktau", "nefть", "Нефть", "Nr.", "e.g.", "12", "A", "a", "т.", "_",
                                 "\r\n", "\t", "\u00a0", "\u2028", " \n ", "млрд.", "Mio.", "Tonnen.", "x_", "45."]), max_size=60))
@example(["B.", " ", "Am"])  # the capital after the gap decides the break
@example(["Öl", ".", " ", "«", "Aktau", "z.", " ", "B.", "\n", "a"])
@example([" ", "\n", " ", "A", ".", " ", "\n", "B", " ", "\n"])  # spaces on both sides of line breaks and at both ends
@example(["\u2028", "A", "!", "\n", "\n", " ", "\n", "B", "?", "\r\n"])
@example(["Aktau", " ", "млрд.", " ", "Tonnen.", " ", "A", "x_", "Mio.", " ", "B"])  # abbreviations of 4 and 3 letters, one after "_"
def test_sentences_equal_the_plain_splitter(pieces):
    """The analyser scans for sentence ends in one pass and trims only where space can be; not a single span may change."""
    from itertools import accumulate

    from geo.claims.text import sentences_of_parts

    text = "".join(pieces)
    parts = re.split(r"(\w+)", text)
    assert split_sentences(text) == _plain_sentences(text)
    assert sentences_of_parts(text, parts[0::2], list(accumulate(map(len, parts)))) == _plain_sentences(text)


def test_sentence_spans_by_hand():
    # index: 0 " ", 1 "A", 2 ".", 3 " ", 4 "B", 5 " ", 6 "\n", 7 " ", 8 "C", 9 " "
    # "A." is 1..3 (the text's leading space trimmed), "B" 4..5 (the space before the break trimmed), "C" 8..9 (the
    # space after the break and at the text's end trimmed)
    text = " A. B \n C "
    assert split_sentences(text) == [(1, 3), (4, 5), (8, 9)]


def test_attribution_to_unnamed_market_sources_is_an_opinion_cue():
    from geo.claims.cues import sentence_cues

    assert "opinion" in sentence_cues("Traders said the cargoes were delayed.", "en")
    assert "opinion" in sentence_cues("Die Ladungen seien verspätet, sagten Händler.", "de")
    assert "opinion" in sentence_cues("Отгрузки задержаны, сообщили трейдеры.", "ru")
    assert "opinion" not in sentence_cues("Oil traders bought three cargoes.", "en")  # traders as buyers, no attribution


@pytest.mark.parametrize(
    ("sentence", "language", "aligned"),
    [
        ("Kazakh oil will flow west across the Caspian.", "en", False),  # a direction
        ("Oil output in western Kazakhstan rose.", "en", False),  # a region
        ("Astana is turning to the West.", "en", True),
        ("Western sanctions hit Russian exports.", "en", True),
        ("Die Förderung im Westen Kasachstans stieg.", "de", False),
        ("Astana sucht die Annäherung an den Westen.", "de", True),
        ("Westliche Sanktionen treffen Russland.", "de", True),
        ("Добыча нефти на западе Казахстана выросла.", "ru", False),
        ("Западный Казахстан наращивает добычу.", "ru", False),
        ("Астана сближается с Западом.", "ru", True),
        ("Западные санкции ударили по экспорту.", "ru", True),
    ],
)
def test_the_west_as_a_camp_not_a_direction(sentence, language, aligned):
    from geo.claims.cues import sentence_cues

    assert ("alignment" in sentence_cues(sentence, language)) is aligned


def test_cutting_a_reliance_by_a_route_that_avoids_russia_is_a_rerouting_and_a_dependency():
    text = "Astana wants to pump more crude through the BTC pipeline to reduce its dependence on Russian transit."
    (claim,) = analyse(text, language="en", matcher=MATCHER).claims
    assert claim.claim_types == ["rerouting", "dependency"]
    plain = "Astana's dependence on the CPC pipeline for crude exports grew."  # nothing lessened: a dependency only
    assert [c.claim_types for c in analyse(plain, language="en", matcher=MATCHER).claims] == [["dependency"]]


def test_cue_words_with_sharp_s_match():
    # Patterns run on case-folded words, where "ß" is "ss": "Großteil" must still read as a dependency cue
    # (it did not while the pattern itself was spelt with "ß").
    from geo.claims.cues import sentence_cues

    assert "dependency" in sentence_cues("Ein Großteil des Öls fließt weiter.", "de")
    assert "dependency" not in sentence_cues("Ein Teil des Öls fließt.", "de")


def test_numbers_fold_like_the_general_rule():
    from geo.claims.text import _DOUBLE

    # the fast path for numbers must equal the letter folds, which only collapse repeats: 1100 -> 10, 2025 -> 2025
    assert name_key("1100") == "10" and name_key("2025") == "2025"
    assert name_key("1100") == _DOUBLE.sub(r"\1", "1100")
