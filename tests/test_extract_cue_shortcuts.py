"""The shortcuts of the cue reader (geo.claims.cues) find exactly what the plain patterns find.

1. A phrase ("according to analysts", «по словам», "nach wie vor") is read word by word only where a word that can open it
   and a word that can end it both stand in the sentence: random sentences made of phrase words must get the same cue
   kinds as searching every full pattern in them.
2. Some patterns of claim_kinds are searched only when the sentence holds one of their needles (substrings every
   match holds): each needle list is checked on sentences written to match every alternative, and on the dev set.
"""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from geo.claims import cues
from geo.claims.cue_words import CUES
from geo.claims.extract import split_sentences
from tests.extract_eval import load_set

DEV = load_set("extraction_dev.yaml")
_PLAIN = {(c, lang): re.compile(p) for c, by_lang in CUES.items() for lang, p in by_lang.items()}

# First, middle and last words of the multi-word alternatives, and common words around them.
_PHRASE_WORDS = ["the", "west", "western", "sanctions", "according", "to", "analysts", "not", "be", "named", "said", "have",
                 "year", "on", "ago", "in", "my", "view", "a", "trader", "source", "Russian", "oil", "re", "routed", "co",
                 "operation", "think", "tanks", "away", "from", "Moscow", "new", "export", "route", "people", "familiar",
                 "nach", "wie", "vor", "Angaben", "den", "Westen", "statt", "über", "fast", "das", "gesamte", "russische",
                 "Öl", "Tag", "des", "Sieges", "an", "Russland", "vorbei", "по", "прежнему", "словам", "на", "мой",
                 "взгляд", "судя", "всему", "некоторым", "данным", "почти", "все", "российской", "нефти", "годом", "ранее",
                 "CPC", "12"]


def _plain_kinds(sentence: str, lang: str) -> frozenset[str]:
    return cues.settle_kinds({c for (c, lg), rx in _PLAIN.items() if lg == lang and rx.search(sentence.casefold())})


@settings(max_examples=400, deadline=None)
@given(words=st.lists(st.sampled_from(_PHRASE_WORDS), max_size=25), seps=st.lists(st.sampled_from([" ", "-", ", "]), max_size=25),
       lang=st.sampled_from(["de", "en", "ru"]))
@example(words=["year", "on", "year"], seps=["-", "-"], lang="en")  # 8% year-on-year: three words, first and last alike
@example(words=["the", "year", "ago", "the", "west"], seps=[" "] * 4, lang="en")
@example(words=["по", "всему", "судя"], seps=[" ", " "], lang="ru")  # both words of «судя по всему», in the wrong order
def test_phrase_shortcut_agrees_with_the_plain_patterns(words, seps, lang):
    sentence = "".join(w + (seps[k] if k < len(seps) else " ") for k, w in enumerate(words)).strip()
    assert cues.sentence_cues(sentence, lang) == _plain_kinds(sentence, lang), sentence


# One sentence per alternative of each needled pattern (case-folded, as claim_kinds reads them).
_MATCHING = {
    "_NO_LONGER": {"en": ["exports no longer cross russia"],
                   "de": ["es fliesst kein öl mehr durch die leitung", "über die druschba kommt kaum noch öl"],
                   "ru": ["нефть больше не идёт", "нефть уже не поставляется", "казахстан перестал поставлять нефть"]},
    "_CORRIDOR": {"en": ["oil moves through azerbaijan", "cargoes via georgia", "oil shipped across the caspian", "a trans-caspian line"],
                  "de": ["öl über china", "durch georgien", "nach aserbaidschan", "über die türkei", "über das kaspische meer",
                         "die transkaspische leitung"],
                  "ru": ["нефть через грузию", "нефть по каспию", "транскаспийский маршрут"]},
    "_UNSOURCED": {"en": ["the line was reportedly shut"],
                   "de": ["die leitung stand still, hiess es.", "so heisst es aus kreisen", "das öl soll über aktau verschifft haben",
                          "die lieferung soll im mai gestoppt worden sein"],
                   "ru": ["сообщается, что поставки прекращены", "говорят, что танкер ушёл"]},
    "_NOT_VIA_RUSSIA": {"en": ["a route that does not cross russia", "a line that never passes through the russian territory"],
                        "de": ["öl nicht über russland", "eine route, die russland nicht berührt"],
                        "ru": ["маршрут не проходит через россию", "поставки не через россию"]},
}


def test_needles_are_held_by_every_match():
    dev = [(a["text"][s:e].casefold(), a["language"]) for a in DEV for s, e in split_sentences(a["text"])]
    for name, by_lang in _MATCHING.items():
        needled = getattr(cues, f"{name}_NEEDLED")
        for lang, sentences in by_lang.items():
            plain = getattr(cues, name)[lang]
            for low in sentences:
                assert plain.search(low), (name, low)  # the example matches the plain pattern ...
                assert needled[lang].search(low), (name, low)  # ... and the needled one finds it too
            for low, lg in dev:
                if lg == lang:
                    assert bool(needled[lang].search(low)) == bool(plain.search(low)), (name, low)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="a1.,- \n\t%", max_size=30))
@example("rose by 1,5 \n")
@example(".,")
def test_number_tail_cut_as_the_plain_pattern(before):
    """_has_share cuts the number before a percentage as ``re.sub(r"\\w[\\w.,]*\\s*$", "", before)`` does."""
    number = cues._NUMBER_TAIL.search(before)
    assert (before[: number.start(1)] if number else before) == re.sub(r"\w[\w.,]*\s*$", "", before)


def _cue_sets_whole_text(text: str, lang: str) -> tuple[list[tuple[int, int]], list[frozenset[str]]]:
    from itertools import accumulate

    parts = re.split(r"(\w+)", text)
    sentences = split_sentences(text)
    return sentences, cues.sentence_cue_sets(text, sentences, parts[1::2], parts[0::2], list(accumulate(map(len, parts))), lang)


@settings(max_examples=300, deadline=None)
@given(words=st.lists(st.sampled_from([*_PHRASE_WORDS, "alternative", "no", "%", "Kazakhstan", "crude"]), max_size=40),
       seps=st.lists(st.sampled_from([" ", "-", ", ", ". ", ".\n", " 40% "]), max_size=40), lang=st.sampled_from(["de", "en", "ru", "kk"]))
@example(words=["according", "to", "analysts", "Russian", "oil"], seps=[" ", " ", ". ", " "], lang="en")  # a phrase, then its end word
def test_cue_sets_of_a_whole_text_equal_each_sentence_read_alone(words, seps, lang):
    """The analyser reads the cues of all sentences from one split of the text (phrases read inline); each must equal
    claim_cues of the sentence alone."""
    text = "".join(w + (seps[k] if k < len(seps) else " ") for k, w in enumerate(words)).strip()
    sentences, got = _cue_sets_whole_text(text, lang)
    assert got == [cues.claim_cues(text[s:e], lang) for s, e in sentences], text


def test_cue_sets_of_dev_articles_equal_each_sentence_read_alone():
    for a in DEV:
        sentences, got = _cue_sets_whole_text(a["text"], a["language"])
        assert got == [cues.claim_cues(a["text"][s:e], a["language"]) for s, e in sentences], a["id"]


def test_cue_sets_of_a_phrase_by_hand():
    # "year-on-year" is a phrase of three words (the only year_on_year cue here); the second sentence holds "year" and "on"
    # but not joined by hyphens, so no phrase: only the energy word "oil" and the trade word "exports"
    text = "Oil exports rose year-on-year. Oil exports rose on the year."
    _, got = _cue_sets_whole_text(text, "en")
    assert got == [frozenset(("energy", "trade", "year_on_year")), frozenset(("energy", "trade"))]
