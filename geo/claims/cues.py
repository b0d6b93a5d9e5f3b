r"""Cue words of claim types, found word by word so a sentence costs dictionary look-ups, not regex scans.

Each pattern below is a list of alternatives matched at the start of a word of the
case-folded sentence (``\\b``), so inflected forms match. Alternatives that are one word
are tested once per distinct word and remembered; the few that span words or hold a
symbol ("according to", "по-прежнему", "%") are searched in the sentence by one small
regex per language. :func:`sentence_cues` gives the same answer as searching each full
pattern in the sentence (a test checks this against the plain regexes).
"""

from __future__ import annotations

import re

from geo.claims.text import WORD

# Cue patterns, matched on the case-folded sentence; word starts only, so inflections match.
CUES: dict[str, dict[str, str]] = {
    "energy": {
        "en": r"\b(?:oil|crude|gas\b|gas |pipeline|tanker|barrel|export|shipment|shipped|cargo|terminal|refiner|transit|lng|condensate|"
        r"loading|mooring|throughput)",
        "de": r"\b(?:öl|roh[öo]l|erd[öo]l|gas|pipeline|leitung|tanker|export|ausfuhr|liefer|kesselwagen|terminal|raffinerie|transit|"
        r"verschifft|verlade|durchsatz|[a-zäöü]*(?:öl|gas)(?:terminal|leitung|lieferung|export|pipeline|umschlag))",
        "ru": r"\b(?:нефт|газ|трубопровод|нефтепровод|газопровод|танкер|экспорт|поставк|отгруз|терминал|транзит|нпз|баррел|прокачк|пропускн)",
    },
    "rerouting": {
        "en": r"\b(?:re-?rout|bypass|avoid|divert|alternativ|instead|replac|redirect|diversif|hedge|shift|without crossing|without touching)",
        "de": r"\b(?:umleit|umzuleit|umgeh|umgangen|umgehung|ausweich|alternativ|ersetz|statt|diversifi|umlenk|umgelenkt|verlager|"
        r"ohne russisch|an russland vorbei)",
        "ru": r"\b(?:обход|минуя|перенаправ|альтернатив|вместо|замен|диверсифи|переориент|не заходя)",
    },
    "dependency": {
        "en": r"(?:\bdepend|\breliant|\brel(?:y|ies)\b|\bpercent|%|\bshare\b|\bmost\b|\bstill\b|\bbulk\b|\bmajority|\bsubstitute)",
        "de": r"(?:\babhängig|\bangewiesen|\bprozent|%|\banteil|\bgroßteil|\bweiterhin|\bmehrheit|\bbisher)",
        "ru": r"(?:\bзавис|\bпроцент|%|\bдол[яию]\b|\bбольшая часть|\bосновн|\bпродолжает|\bпо-прежнему)",
    },
    # A change or plan in a flow; with a route that avoids Russia named, that is a rerouting claim.
    "change": {
        "en": r"\b(?:will|would|plans?|planned|began|begin|start|increas|more\b|expand|rais|new\b|grow|aims?\b|consider)",
        "de": r"\b(?:will|soll|plan|künftig|begann|beginn|seit\b|mehr\b|erhöh|ausbau|steiger|zusätzlich|zunehmend|verstärkt|erwäg|neu)",
        "ru": r"\b(?:увелич|больше|начал|планир|будет|нарастить|рассчитыва|рассматрива|нов[аыо]|рост|всё чаще|все чаще)",
    },
    "military_symbolic": {
        "en": r"\b(?:parade|military|troops|victory day|intervention|armed)",
        "de": r"\b(?:parade|militär|truppen|tag des sieges|eingreifen|eingriff|soldaten)",
        "ru": r"\b(?:парад|военн|войск|дн[яюе] победы|вмешательств)",
    },
    "alignment": {
        "en": r"\b(?:west|western|alliance|partnership|agreement|distanc|turn away|pivot|ally|allies|referend|rapprochement)",
        "de": r"\b(?:westen|westlich|partnerschaft|abkommen|distanz|distanzier|verbündet|annäherung|abkehr|referend|ausrichtung|bündnis)",
        "ru": r"\b(?:запад|партн[её]рств|соглашени|дистанц|союзник|референдум|сближени)",
    },
    "opinion": {
        "en": r"\b(?:according to|analysts?|believes?|claims?|seems?|allegedly|argues?|reportedly)",
        "de": r"\b(?:laut|zufolge|meinen|glaubt|angeblich|scheint|analysten|berichten|argumentieren|nach angaben)",
        "ru": r"\b(?:по мнению|считают|якобы|по словам|как сообщ|аналитик|полагают|по данным)",
    },
    "actors": {
        "en": r"\b(?:kazakh|russia|moscow|astana|tokayev|putin|china|west|kremlin|brussels|europe)",
        "de": r"\b(?:kasach|russ|moskau|astana|tokajew|putin|china|chines|westen|westlich|kreml|brüssel)",
        "ru": r"\b(?:казах|росси|москв|астан|токаев|путин|кита|запад|кремл)",
    },
}


def _alternatives(pattern: str) -> list[str]:
    r"""Top-level alternatives of ``\b(?:a|b|...)`` or ``(?:\ba|...)``, each without its leading ``\b``."""
    body = pattern.removeprefix("\\b")
    if body.startswith("(?:") and body.endswith(")"):
        body = body[3:-1]
    out, depth, cur = [], 0, ""
    for ch in body:
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        if ch == "|" and depth == 0:
            out.append(cur)
            cur = ""
        else:
            cur += ch
    out.append(cur)
    return [a.removeprefix("\\b") for a in out]


def _is_phrase(alt: str) -> bool:
    return any(c in alt for c in " -%") or "\\s" in alt


_WORD_RE: dict[tuple[str, str], re.Pattern[str]] = {}
_PHRASE_RE: dict[str, re.Pattern[str]] = {}
for _lang in ("de", "en", "ru"):
    _phrases = []
    for _cue, _by_lang in CUES.items():
        _alts = _alternatives(_by_lang[_lang])
        _words = [a for a in _alts if not _is_phrase(a)]
        if _words:
            _WORD_RE[(_cue, _lang)] = re.compile("(?:" + "|".join(_words) + ")")
        _phrases += [f"(?P<{_cue}__{i}>{a})" if a != "%" else f"(?P<{_cue}__{i}>%)"
                     for i, a in enumerate(x for x in _alts if _is_phrase(x))]
    _PHRASE_RE[_lang] = re.compile(r"(?:(?<=\W)|^|(?=%))(?:" + "|".join(_phrases) + ")")

_TABLES: dict[str, dict[str, frozenset[str]]] = {"de": {}, "en": {}, "ru": {}}
#: Bound on each language's memo of words (about 200 bytes an entry).
MAX_WORDS = 200_000


def word_cue_table(lang: str) -> dict[str, frozenset[str]]:
    """The memo of ``lang``: raw word -> the cue kinds it starts (filled by :func:`word_cues`)."""
    return _TABLES[lang]


def word_cues(word: str, lang: str) -> frozenset[str]:
    """Cue kinds whose one-word alternatives match at the start of ``word`` (any case)."""
    table = _TABLES[lang]
    got = table.get(word)
    if got is None:
        folded = word.casefold()
        got = frozenset(cue for (cue, lg), rx in _WORD_RE.items() if lg == lang and rx.match(folded))
        if len(table) < MAX_WORDS:
            table[word] = got
    return got


def phrase_cues(folded: str, lang: str) -> set[str]:
    """Cue kinds of the multi-word and symbol alternatives found in a case-folded sentence."""
    rx = _PHRASE_RE[lang]
    found: set[str] = set()
    pos = 0
    while True:
        m = rx.search(folded, pos)
        if m is None:
            return found
        found.add((m.lastgroup or "").split("__")[0])
        pos = m.start() + 1


def sentence_cues(sentence: str, lang: str) -> frozenset[str]:
    """Every cue kind present in ``sentence``."""
    lang = lang if lang in _TABLES else "en"
    folded = sentence.casefold()
    out = phrase_cues(folded, lang)
    for w in set(WORD.findall(sentence)):
        out |= word_cues(w, lang)
    return frozenset(out)
