r"""Cue words of claim types, found word by word so a sentence costs dictionary look-ups, not regex scans.

Each pattern below is a list of alternatives matched at the start of a word of the
case-folded sentence (``\\b``), so inflected forms match. An article is split into words
once (:func:`words_of`); each distinct word is tested against the one-word alternatives
once per process and remembered as a bit mask, so the cues of a sentence are the OR of
its words' masks, looked up in C (``map(dict.get, ...)``). The few alternatives that span
two or three words ("according to", "по-прежнему") have two bits each in the masks: one on
the words that can open them and one on the words that can end them, so a sentence is read
word by word only for a phrase whose first and last words both stand in it (function words
such as "the", «по» or "nach" open phrases, but "the" ... "west" in one sentence is rare);
"%" is a substring test. :func:`sentence_cues` gives the same answer as searching each full
pattern in the sentence (a test checks this against the plain regexes).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from functools import reduce
from itertools import compress, repeat
from operator import and_, or_
from typing import Final

from geo.claims.cue_words import CUES  # the lexicon (also read from here by its tests)
from geo.claims.text import split_words

KINDS: tuple[str, ...] = tuple(CUES)
#: One bit per cue kind, in the order of :data:`CUES`.
BIT: dict[str, int] = {k: 1 << i for i, k in enumerate(KINDS)}
#: The bits of the cue kinds; the bits above them are the phrase bits (:data:`OPENER`).
KIND_BITS: Final = (1 << len(KINDS)) - 1
_SEP = re.compile(r"([ -])")
_CLASSES = re.compile(r"\[[^\]]*\]")


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
    """Alternatives that span words (a space or hyphen outside a character class) or are a symbol."""
    bare = _CLASSES.sub("", alt)
    return alt == "%" or any(c in bare for c in " -")


_WORD_RE: dict[tuple[str, str], re.Pattern[str]] = {}
#: Per language: (first word, [(separator, next word), ...], bit); the last word matches as a prefix.
_PHRASES: dict[str, list[tuple[re.Pattern[str], list[tuple[str, re.Pattern[str]]], int]]] = {}
_OPENERS: dict[str, re.Pattern[str]] = {}
for _lang in ("de", "en", "ru"):
    _PHRASES[_lang] = []
    for _cue, _by_lang in CUES.items():
        _alts = _alternatives(_by_lang[_lang])
        _words = [a for a in _alts if not _is_phrase(a)]
        if _words:
            _WORD_RE[(_cue, _lang)] = re.compile("(?:" + "|".join(_words) + ")")
        for _alt in _alts:
            if _is_phrase(_alt) and _alt != "%":
                _parts = _SEP.split(_alt)
                _steps = [(_parts[i], re.compile(_parts[i + 1])) for i in range(1, len(_parts), 2)]
                _PHRASES[_lang].append((re.compile(_parts[0]), _steps, BIT[_cue]))
    _OPENERS[_lang] = re.compile("|".join(f"(?:{p.pattern})" for p, _, _ in _PHRASES[_lang]) or "(?!)")
#: Phrase ``p`` of a language has bit ``_HEAD + p`` on the words that can open it (its first word, full match) and bit
#: ``_LAST + p`` on the words that can end it (its last word, matched at the start as the phrase is).
_N_PHRASES = max(len(ph) for ph in _PHRASES.values())
_HEAD: Final = len(KINDS)
_LAST: Final = len(KINDS) + _N_PHRASES
_PHRASE_ALL: Final = (1 << _N_PHRASES) - 1
#: Set on a word that can open or end a multi-word alternative (never a cue by itself): a span whose masks OR to
#: more than :data:`KIND_BITS` has one, and :func:`phrase_bits` tells whether a whole phrase may be in it.
OPENER: Final = ((1 << (2 * _N_PHRASES)) - 1) << len(KINDS)
#: Per language, every last word of a phrase in one pattern (most words end none).
_ENDERS = {lg: re.compile("|".join(f"(?:{steps[-1][1].pattern})" for _, steps, _ in ph) or "(?!)") for lg, ph in _PHRASES.items()}
#: Per language, every one-word alternative of every kind in one pattern: most words match none, and one test says so.
_ANY_WORD = {lg: re.compile("|".join(f"(?:{rx.pattern})" for (_, lang), rx in _WORD_RE.items() if lang == lg)) for lg in ("de", "en", "ru")}
#: Per language, the one-word patterns of each kind with its bit.
_KIND_RES = {lg: [(BIT[cue], rx) for (cue, lang), rx in _WORD_RE.items() if lang == lg] for lg in ("de", "en", "ru")}

#: No alternative holds a digit or a class that takes one, so a number starts no cue and opens no phrase.
_NUMBERS_CUE_FREE = not any(re.search(r"\d|\\[dwW.]|\.", p) for by in CUES.values() for p in by.values())


def _word_mask_in(lg: str, word: str) -> int:
    return word_mask(word, lg)


class _Memo(dict[str, int]):
    """A memo of word masks that works out a word it lacks: ``memo[word]`` never fails.

    So a list of words is looked up in one C-level ``map``, with no second pass for the words never seen before.
    """

    def __init__(self, mask: Callable[[str], int]) -> None:
        super().__init__()
        self.mask = mask

    def __missing__(self, word: str) -> int:
        return self.mask(word)


_TABLES: Final[dict[str, _Memo]] = {lg: _Memo(functools.partial(_word_mask_in, lg)) for lg in ("de", "en", "ru")}
#: Bound on each language's memo of words (about 150 bytes an entry).
MAX_WORDS = 200_000


def word_cue_table(lang: str) -> dict[str, int]:
    """The memo of ``lang``: raw word -> bit mask of the cue kinds it starts (filled by :func:`word_mask`)."""
    return _TABLES[lang]


def word_mask(word: str, lang: str) -> int:
    """Bits of the cue kinds whose one-word alternatives match at the start of ``word`` (any case), plus :data:`OPENER`."""
    table = _TABLES[lang]
    got = table.get(word)
    if got is None:
        got = compute_word_mask(word, lang)
        if len(word) <= 64 and len(table) < MAX_WORDS:
            table[word] = got
    return got


def compute_word_mask(word: str, lang: str) -> int:
    """:func:`word_mask` worked out, not looked up in the memo of ``lang`` (nor kept there): for a caller with a memo of its own."""
    folded = word.casefold()
    if _NUMBERS_CUE_FREE and folded.isascii() and folded.isdigit():
        return 0
    got = sum(bit for bit, rx in _KIND_RES[lang] if rx.match(folded)) if _ANY_WORD[lang].match(folded) else 0
    if _OPENERS[lang].fullmatch(folded):
        got |= sum(1 << (_HEAD + p) for p, (head, _, _) in enumerate(_PHRASES[lang]) if head.fullmatch(folded))
    if _ENDERS[lang].match(folded):
        got |= sum(1 << (_LAST + p) for p, (_, steps, _) in enumerate(_PHRASES[lang]) if steps[-1][1].match(folded))
    return got


def word_masks(words: list[str], lang: str) -> list[int]:
    """:func:`word_mask` of every word; a C-level dictionary look-up for words seen before."""
    return list(map(_TABLES[lang].__getitem__, words))  # a word never seen before is worked out by _Memo.__missing__


def span_bits(masks: list[int], words: list[str], gaps: list[str], i: int, j: int, lang: str) -> int:
    """Cue bits of words ``i`` .. ``j - 1`` (one sentence): the OR of their masks and the phrases they hold.

    ``gaps[k]`` is the text before word ``k``; a phrase must end inside the span.
    """
    bits = reduce(or_, masks[i:j], 0)
    return phrase_bits(bits, masks, words, gaps, i, j, lang) if bits & OPENER else bits


def phrase_bits(bits: int, masks: list[int], words: list[str], gaps: list[str], i: int, j: int, lang: str) -> int:
    """:func:`span_bits` from ``bits``, the OR of ``masks[i:j]``.

    The words are read one by one only when some phrase has both an opening and an ending word in the span
    (a phrase that matches has both, so no other phrase can match).
    """
    maybe = (bits >> _HEAD) & (bits >> _LAST) & _PHRASE_ALL
    bits &= KIND_BITS
    if maybe:
        heads = maybe << _HEAD
        for k in compress(range(i, j), map(and_, masks[i:j], repeat(heads))):
            bits |= _phrase_at(k, words, masks, gaps, j, lang, maybe)
    return bits


def sentence_cue_sets(text: str, sentences: list[tuple[int, int]], raws: list[str], gaps: list[str], offsets: list[int],
                      lang: str, word_masks: list[int] | None = None) -> list[frozenset[str]]:
    r"""Cue kinds of every sentence, from the words of the whole text (:func:`claim_cues` of each sentence).

    ``raws``, ``gaps`` and ``offsets`` as the analyser splits the text (``re.split(r"(\w+)", text)``: word ``k`` starts
    at ``offsets[2k]``); ``word_masks``: the words' :func:`word_mask` in the language (``lang``, or "en" for another), if
    the caller has them. :func:`phrase_bits` is inlined: nine sentences in ten hold a word that opens or ends some
    phrase ("the", "to", «по»), but only one in four holds both ends of one phrase.
    """
    lang = lang if lang in _TABLES else "en"
    # (loops, not C-level maps and reduce: compiled by mypyc they cost a half to a third as much)
    table: dict[str, int] = _TABLES[lang]
    # (a word never seen before is worked out by _Memo.__missing__)
    masks = [table[w] for w in raws] if word_masks is None else word_masks
    n_words = len(raws)
    percent = "%" in text
    out = []
    of_bits = _KINDS_OF_BITS
    k = 0  # the sentences are in order: their words are found by one walk over the word starts, not by bisection
    for s, e in sentences:
        while k < n_words and offsets[2 * k] < s:
            k += 1
        i = k
        bits = 0
        while k < n_words and offsets[2 * k] < e:
            mask = masks[k]
            if mask:  # words of no cue (a third of them) are not or-ed in
                bits |= mask
            k += 1
        j = k
        if bits & OPENER:  # a word of a phrase stands here: the phrases whose first and last words both stand here are read
            maybe = (bits >> _HEAD) & (bits >> _LAST) & _PHRASE_ALL
            bits &= KIND_BITS
            if maybe:
                heads = maybe << _HEAD
                for p in range(i, j):
                    if masks[p] & heads:
                        bits |= _phrase_at(p, raws, masks, gaps, j, lang, maybe)
        if percent and "%" in text[s:e]:
            bits |= _PERCENT
        got = of_bits.get(bits)
        if got is None:
            kinds = kinds_of(bits)
            got = of_bits[bits] = (kinds, needs_reading(kinds))
        kinds, read = got
        out.append(claim_kinds(kinds, text[s:e], lang) if read else kinds)
    return out


#: By cue bits (kind bits only): their kinds, and whether their meaning depends on the words around them
#: (:func:`claim_kinds`); bounded by the number of bit combinations that occur (as :func:`kinds_of`'s own memo).
_KINDS_OF_BITS: Final[dict[int, tuple[frozenset[str], bool]]] = {}


_OPENED: dict[tuple[str, str], list[tuple[int, list[tuple[str, re.Pattern[str]]], int, int]]] = {}


def _phrase_at(k: int, words: list[str], masks: list[int], gaps: list[str], end: int, lang: str, maybe: int) -> int:
    """Bits of the multi-word alternatives in ``maybe`` (bit ``p``: phrase ``p``) that start at word ``k``.

    (The same match as the pattern on the sentence.) ``masks`` are the words' :func:`word_mask`: a phrase's last word
    is read off its bit there (``_LAST + p``, set by the same prefix match), so only inner words are matched here.
    """
    first = words[k]
    opened = _OPENED.get((first, lang))
    if opened is None:
        folded = first.casefold()
        opened = [(1 << p, steps, bit, 1 << (_LAST + p)) for p, (head, steps, bit) in enumerate(_PHRASES[lang])
                  if head.fullmatch(folded)]
        if len(_OPENED) < MAX_WORDS:
            _OPENED[(first, lang)] = opened
    bits = 0
    for p, steps, bit, ends in opened:
        if not maybe & p:
            continue
        pos, last = k, len(steps) - 1
        for n, (sep, rx) in enumerate(steps):
            pos += 1
            if pos >= end or gaps[pos] != sep:
                break
            if not (masks[pos] & ends if n == last else rx.fullmatch(words[pos].casefold())):
                break
        else:
            bits |= bit
    return bits


_NAMES: dict[int, frozenset[str]] = {}


def settle_kinds(kinds: frozenset[str] | set[str]) -> frozenset[str]:
    """Cue kinds as the extractor reads them, from the kinds alone (no text).

    A trade word speaks of energy unless the sentence names other goods; a verb of saying with a source that is not
    named ("traders said", «сообщил источник», "sagte ein Diplomat") is an opinion; words of relations between states
    ("ties", «сотрудничество», "Beziehungen") are alignment in a sentence with actors and no energy words.
    """
    out = set(kinds)
    if "trade" in out and "goods" not in out:
        out.add("energy")
    if "edible" in out:
        out.discard("energy")
    if ("speech" in out and "unnamed" in out) or ("confirm" in out and "negation" in out):
        out.add("opinion")
    if "relations" in out and "actors" in out and "energy" not in out:
        out.add("alignment")
    if "military_symbolic" in out and "home" in out and "foreign" in out:
        out.add("alignment")  # Kazakh troops with (or refusing) Russia, China, NATO: a military act is also a stance
    return frozenset(out)


def kinds_of(bits: int) -> frozenset[str]:
    """The cue kinds of a bit mask (after :func:`settle_kinds`)."""
    got = _NAMES.get(bits)
    if got is None:
        got = _NAMES[bits] = settle_kinds({k for k in KINDS if bits & BIT[k]})
    return got


def sentence_cues(sentence: str, lang: str) -> frozenset[str]:
    """Every cue kind present in ``sentence``."""
    lang = lang if lang in _TABLES else "en"
    parts = split_words(sentence)
    words, gaps = parts[1::2], parts[0::2]
    bits = span_bits(word_masks(words, lang), words, gaps, 0, len(words), lang)
    if "%" in sentence:
        bits |= BIT["share"]
    return kinds_of(bits)


def claim_cues(sentence: str, lang: str) -> frozenset[str]:
    """The cue kinds of ``sentence`` as the claim rules read them (:func:`sentence_cues`, then :func:`claim_kinds`)."""
    return claim_kinds(sentence_cues(sentence, lang), sentence, lang)


#: A percentage that is a change: "rose by 12%", "um acht Prozent", «на 7%», "4% more than", «на 3% меньше».
_PERCENTAGE = re.compile(r"%|percent|per cent|prozent|процент")
#: The number at the end of a text: from the first word character of its last run of ``[\w.,]`` to the end (as
#: ``\w[\w.,]*\s*$`` would find it, but a run is scanned once, not once from each of its characters).
_NUMBER_TAIL = re.compile(r"(?<![\w.,])[.,]*+(\w[\w.,]*+\s*+)$")
_CHANGE_BEFORE = re.compile(r"\b(?:by|um|на|up|down|rose|fell|grew|gained|lost|jumped|slipped|dropped|climbed|plus|minus)\s+"
                            r"(?:(?:about|around|some|nearly|almost|rund|etwa|knapp|fast|около|почти|примерно)\s+)?$")
#: (The number itself is cut off before this pattern is applied.)
_CHANGE_AFTER = re.compile(r"\s*(?:more|less|higher|lower|mehr|weniger|больше|меньше|year-on-year|im jahresvergleich)\b")
#: "No alternative", "keine Alternative", «альтернатив ... нет»: a rerouting word negated speaks of a reliance.
_NO_ALTERNATIVE = {
    "en": re.compile(r"\bno (?:\w+ )?(?:alternativ|substitut|replacement|other (?:route|outlet))\w*|"
                     r"\bnot (?:\w+ )?(?:an? )?(?:(?:real|viable) )?(?:alternativ|substitut|replacement)\w*|\bwithout (?:an? )?alternativ\w*|"
                     r"\b(?:alternativ|substitut|replacement)\w*(?: [\w-]+){0,4} (?:does not|doesn't|do not|don't) exist\b|"
                     r"\b(?:cannot|can't|can not|could not|will not|won't) (?:\w+ )?(?:replac|substitut)\w*"),
    "de": re.compile(r"\bkeine[nr]? (?:\w+ )?(?:alternativ|ersatz|ausweich)\w*|\bkein (?:\w+ )?ersatz\w*|\bnicht (?:\w+ )?ersetz\w*"),
    "ru": re.compile(r"\bнет (?:\w+ )?(?:альтернатив|замен)\w*|\bне (?:как )?(?:альтернатив|замен)\w*|"
                     r"\bне (?:\w+ )?(?:вид|наход|существ)\w* (?:\w+ )?(?:альтернатив|замен)\w*|"
                     r"\b(?:альтернатив|замен)\w*(?: [\w-]+){0,5} (?:нет|не существует|не появится|не будет)\b|"
                     r"\bне (?:сможет|может|могут|смогут) (?:\w+ )?замен\w*"),
}


#: Kinds of a sentence about a route (its own energy words, or a reliance or rerouting word going on from the sentence before).
_ROUTE_TALK = frozenset(("energy", "dependency", "rerouting", "other"))


def needs_reading(kinds: frozenset[str]) -> bool:
    """Whether :func:`claim_kinds` may change ``kinds`` (it reads the sentence's words only then)."""
    if "share" in kinds or "accord" in kinds or "impersonal" in kinds or ("without" in kinds and "energy" in kinds) or (
            "costly" in kinds and "rerouting" in kinds):
        return True
    if "corridor_place" in kinds and "energy" in kinds and not _CORRIDOR_NEEDS.isdisjoint(kinds):
        return True
    return "negation" in kinds and not _ROUTE_TALK.isdisjoint(kinds)


def claim_kinds(kinds: frozenset[str], sentence: str, lang: str) -> frozenset[str]:
    """Cue kinds after the rules that read the words around a cue.

    A percentage is a reliance when it is a share ("80% of exports"), not a change ("rose by 12%"); a negated
    alternative ("there is no alternative", "no other outlet", «других маршрутов нет») is a reliance, and no rerouting
    unless another rerouting word stands elsewhere; an agreement is alignment only in a sentence that does not speak
    of energy; "without the CPC ... would", «без КТК ... не» is a reliance; an impersonal report with no source after
    it ("..., hieß es.", «Сообщается, что») and German "soll ... verschifft haben" (allegedly) are opinions.
    """
    if not needs_reading(kinds):
        return kinds
    lang = lang if lang in _NO_ALTERNATIVE else "en"
    out = set(kinds)
    low = sentence.casefold()
    if "share" in kinds and _has_share(low):
        out.add("dependency")
    if "negation" in kinds and "other" in kinds and _NO_OTHER[lang].search(low):
        out.update(("dependency", "no_alternative"))
    if "without" in kinds and "energy" in kinds and _WITHOUT_NAMED.search(sentence) and _NEGATED_OR_CONDITIONAL[lang].search(low):
        out.add("dependency")
    if "without" in kinds and "energy" in kinds:
        ru_loss = _WITHOUT_RUSSIA.search(low)
        if ru_loss is not None and _RUSSIA_LOSS[lang].search(low, ru_loss.end()):
            out.add("dependency")
            if "rerouting" in out and "rerouting" not in sentence_cues(_WITHOUT_RUSSIA.sub(" ", low), lang):
                out.discard("rerouting")  # "ohne russische Pipelines" was the only rerouting word
    if "negation" in kinds and "energy" in kinds and "rerouting" not in out and _NO_LONGER_NEEDLED[lang].search(low):
        out.add("rerouting")  # "bezieht kein russisches Öl mehr", "no longer ships via ...", «больше не поставляет»: a shift away
    if "corridor_place" in kinds and "energy" in kinds and not _CORRIDOR_NEEDS.isdisjoint(kinds) and _CORRIDOR_NEEDLED[lang].search(low):
        out.add("corridor")  # "will send more oil across the Caspian", «через Каспий»: a route that avoids Russia, by its geography
    if "impersonal" in kinds and _UNSOURCED_NEEDLED[lang].search(low):
        out.add("opinion")
    if "negation" in kinds and "actors" in kinds and not _ROUTE_TALK.isdisjoint(kinds):
        avoid = _NOT_VIA_RUSSIA_NEEDLED[lang].search(low)
        if avoid is not None:
            # "an outlet that does not cross Russia": a route that avoids Russia; a reliance word inside it ("does not
            # depend on Russia") says the opposite of a reliance, so it counts only if one stands elsewhere
            out.add("rerouting")
            if "dependency" in out and "dependency" not in sentence_cues(_NOT_VIA_RUSSIA_NEEDLED[lang].sub(" ", low), lang):
                out.discard("dependency")
    if "rerouting" in kinds and "negation" in kinds:
        neg = _NO_ALTERNATIVE[lang].search(low)
        if neg is not None:
            out.update(("dependency", "no_alternative"))
            # every negated alternative is cut out ("cannot replace ..., no real alternative"), not only the first
            if "rerouting" not in sentence_cues(_NO_ALTERNATIVE[lang].sub(" ", low), lang):
                out.discard("rerouting")
    if "costly" in kinds and "rerouting" in out:
        dear = _COSTLY_ALTERNATIVE[lang].search(low)
        if dear is not None:
            # "Alternative supplies via Rostock cost more": the alternative is named to say why the reliance holds
            out.update(("dependency", "no_alternative"))
            if "rerouting" not in sentence_cues(_COSTLY_ALTERNATIVE[lang].sub(" ", low), lang):
                out.discard("rerouting")
    if "accord" in kinds and "energy" not in kinds:
        out.add("alignment")
    return frozenset(out)


#: An alternative said to cost more: "an alternative via Gdansk is too expensive", «альтернативные поставки обходятся дороже».
_COSTLY_ALTERNATIVE = {
    "en": re.compile(r"\b(?:alternativ|substitut|replacement)\w*(?: [\w-]+){0,8} (?:\w+ ){0,2}(?:costlier|more expensive|too expensive|"
                     r"too costly|more costly|far costlier)\b"),
    "de": re.compile(r"\b(?:\w*alternativ|\w*ersatz)\w*(?: [\w-]+){0,8} (?:\w+ ){0,2}(?:teurer|zu teuer)\b"),
    "ru": re.compile(r"\b(?:альтернатив|замен)\w*(?: [\w-]+){0,8} (?:\w+ ){0,2}(?:дороже|слишком дорог\w*)\b"),
}
#: "no other outlet", "nowhere to put", "Andere Lieferwege ... gibt es nicht", «других маршрутов ... нет»: no alternative route.
_ROUTE_NOUN_EN = r"(?:route|outlet|way|option|pipeline|path|buyer|market)s?\b"
_NO_OTHER = {
    "en": re.compile(r"\bno (?:\w+ )?other (?:\w+ ){0,2}" + _ROUTE_NOUN_EN + r"|\bnowhere (?:else )?(?:to|for)\b|"
                     r"\b(?:not|no|never) (?:\w+ ){0,2}(?:an)?other (?:\w+ )?" + _ROUTE_NOUN_EN),
    "de": re.compile(r"\bkeine[nr]? (?:\w+ )?andere[nr]? (?:\w+ )?\w*(?:weg|route|möglichkeit|leitung|abnehmer)\w*|"
                     r"\bandere[nr]? (?:\w+ )?\w*(?:wege|routen|möglichkeiten|leitungen)\b(?: [\w-]+){0,6} "
                     r"(?:gibt es|existier\w*|bestehen|stehen) (?:\w+ ){0,2}nicht\b"),
    "ru": re.compile(r"\b(?:других|иных|другого|иного) (?:\w+ ){0,2}(?:маршрут|пут|вариант|возможност|выход|покупател)\w*"
                     r"(?: [\w-]+){0,6} (?:нет|не существует|не появится)\b|"
                     r"\bнет (?:\w+ )?(?:других|иных|другого|иного) (?:маршрут|пут|вариант|возможност|выход)\w*"),
}
#: "Without the CPC", "ohne die Druschba", «без КТК», "Without Druzhba": a name (capitalised or quoted) after it, not Russia
#: ("without Russian transit" avoids Russia, it is no reliance). Read on the sentence as written (case matters).
_WITHOUT_NAMED = re.compile(r"\b(?:[Ww]ithout|[Oo]hne|[Бб]ез)\s+(?:(?:the|its|das|die|den|der|dem|des|seine[nm]?)\s+)?"
                            r"(?:[a-zäöüа-яё]+\s+)?(?!Russ|Росс|Russl)[«\"„A-ZÄÖÜА-ЯЁ]")
#: "Ohne russische Pipelines käme kaum ein Barrel ...", "Without Russian ports, exports would collapse": a loss without Russia's
#: routes is a reliance on them (while "ship oil without Russian transit" is a bypass); the loss is a negation or a collapse word.
_WITHOUT_RUSSIA = re.compile(r"\b(?:without|ohne|без) (?:(?:the|its|die|den|der|dem|des) )?(?:russ|росс)\w*(?: [\w-]+)?")
_RUSSIA_LOSS = {
    "en": re.compile(r"\b(?:hardly|barely|not|no|cannot|struggle|collapse|halt|stop)\w*"),
    "de": re.compile(r"\b(?:kaum|nicht|kein\w*|erliegen|stillstand|stillstehen)\b"),
    "ru": re.compile(r"\b(?:не|нет|едва|встанет|остановится)\b"),
}
#: With "without X": the loss is spelled out by a negation or a conditional ("would", "käme", «не сможет», «бы»).
_NEGATED_OR_CONDITIONAL = {
    "en": re.compile(r"\b(?:would|could|cannot|can't|not|no|nowhere)\b"),
    "de": re.compile(r"\b(?:würden?|käme[nt]?|könnten?|könne|nicht|kein\w*|stünde|stände)\b"),
    "ru": re.compile(r"\b(?:не|нет|бы)\b"),
}
#: A route that does not touch Russia: "does not cross Russia", "never passes through Russian territory", "nicht über Russland",
#: "Russland nicht berührt", «не проходит через Россию», «не зависящий от России».
_NOT_VIA_RUSSIA = {
    "en": re.compile(r"\b(?:not|never|no longer) (?:\w+ ){0,2}(?:cross|pass|touch|transit|depend|rely|go)\w*(?: (?:on|through|via|over|across))?"
                     r"(?: the)? russia\w*"),
    "de": re.compile(r"\bnicht (?:mehr )?(?:über|durch) russland\w*|\brussland\w* (?:\w+ )?nicht (?:mehr )?(?:berühr|durchquer|passier)\w*"),
    "ru": re.compile(r"\bне (?:\w+ )?(?:проход|пересека|затрагива|завися|завис|иду)\w*(?: (?:через|по|от))? (?:территори\w+ )?росси\w*|"
                     r"\bне через росси\w*"),
}
#: A flow that has stopped on one route ("no longer", "kein ... mehr", "nicht mehr über", «больше не», «перестал»);
#: "nicht mehr als" (no more than) is an amount.
_NO_LONGER = {
    "en": re.compile(r"\bno longer\b"),
    "de": re.compile(r"\b(?:nicht|kein\w*)\b(?: [\w-]+){0,6} mehr\b(?! als)|\bkaum noch\b"),
    "ru": re.compile(r"\b(?:больше|уже) не\b|\bперестал"),
}
#: A route avoiding Russia named by its geography: a transit word, then the Caspian, the Caucasus or Turkey.
_CORRIDOR = {
    "en": re.compile(r"\b(?:(?:through|via) (?:azerbaijan|georgia|turkey|china)|(?:across|over) the caspian|trans-caspian)"),
    "de": re.compile(r"\b(?:(?:über|durch) china|(?:über|durch|nach) (?:aserbaidschan|georgien)|über die türkei|über das kaspische|transkaspi)"),
    "ru": re.compile(r"\b(?:через (?:азербайджан|грузию|турцию|каспий|китай)|по каспию|транскаспи)"),
}
#: Only a plan, change or lessening on such a route makes it count (see geo.claims.extract._route_type).
_CORRIDOR_NEEDS = frozenset(("change", "lessen"))
#: An impersonal report with nothing after it that names a source: "..., hieß es." / "hieß es aus Kreisen" (not "heißt es
#: im Ministerium"), «Сообщается, что ...»; and "soll(en) ... verschifft haben / gestoppt worden sein" (allegedly, not a plan).
_UNSOURCED = {
    "en": re.compile(r"\breportedly\b"),
    "de": re.compile(r"\b(?:hiess|heisst) es\b(?=\s*(?:$|[.,;:!?»“\"]|aus\b|von\b))|"
                     r"\bsoll(?:en)?\b(?: [\w-]+){1,12}? \w+(?:t|en) (?:haben|worden sein)\b"),
    "ru": re.compile(r"(?:^|[,—–-]\s*|\bкак )сообщается\b(?=\s*(?:$|[.,;:!?—–-]|что\b))|^\W*говорят,? что\b"),
}


class _Needled:
    r"""A pattern and substrings one of which every match of it holds: a sentence with none of them is not searched.

    (Most sentences read by :func:`claim_kinds` lack the rare words of most of its patterns; a substring test costs far
    less than a search for a pattern that starts with ``\b``, which the regex engine tries at every position.)
    """

    __slots__ = ("needles", "rx")

    def __init__(self, rx: re.Pattern[str], needles: tuple[str, ...]) -> None:
        self.rx, self.needles = rx, needles

    def search(self, low: str) -> re.Match[str] | None:
        return self.rx.search(low) if any(needle in low for needle in self.needles) else None

    def sub(self, repl: str, low: str) -> str:
        return self.rx.sub(repl, low)


def _needled(patterns: dict[str, re.Pattern[str]], needles: dict[str, tuple[str, ...]]) -> dict[str, _Needled]:
    return {lang: _Needled(rx, needles[lang]) for lang, rx in patterns.items()}


#: The substrings every alternative of these patterns holds (read off each pattern; a test checks them on the dev set).
_NO_LONGER_NEEDLED = _needled(_NO_LONGER, {"en": ("no longer",), "de": ("mehr", "kaum noch"), "ru": ("больше не", "уже не", "перестал")})
_CORRIDOR_NEEDLED = _needled(_CORRIDOR, {"en": ("through ", "via ", "caspian"), "de": ("china", "aserbaidschan", "georgien", "türkei", "kaspi"),
                                         "ru": ("через ", "каспи")})
_UNSOURCED_NEEDLED = _needled(_UNSOURCED, {"en": ("reportedly",), "de": ("hiess es", "heisst es", " haben", " worden sein"),
                                           "ru": ("сообщается", "говорят")})
_NOT_VIA_RUSSIA_NEEDLED = _needled(_NOT_VIA_RUSSIA, {"en": (" russia",), "de": ("russland",), "ru": ("росси",)})


def _has_share(low: str) -> bool:
    """Whether a case-folded sentence holds a percentage that is a share rather than a change (or a bare "percent")."""
    found = False
    for m in _PERCENTAGE.finditer(low):
        found = True
        tail = _WORD_TAIL.match(low, m.end()) if m.group() == "процент" else None  # «процентов»: the word's ending too
        end = m.end() + (len(tail.group()) if tail else 0)
        before = low[max(0, m.start() - 50) : m.start()]
        number = _NUMBER_TAIL.search(before)
        if number is not None:
            before = before[: number.start(1)]  # the text before the number
        if not (_CHANGE_BEFORE.search(before) or _CHANGE_AFTER.match(low, end)):
            return True
    return not found


_WORD_TAIL = re.compile(r"\w*")


_PERCENT: Final = BIT["share"]


# --- commodity of an article -----------------------------------------------------------
#: Words that name oil or gas (case-folded, at the start of the word). "Gast" (guest), "gasoline" and «газета» are not gas.
_OIL_WORD = re.compile(r"(?:oil|crude|petroleum|barrel|(?:erd|roh)?öl|нефт|[а-яё]+нефт|баррел)")
_GAS_WORD = re.compile(r"(?:(?:erd|flüssig)?gas(?!t|o)|lng\b|gazprom|газ(?!ет)|[а-яё]+газопровод|спг\b)")
OIL, GAS = 1, 2
_COMMODITY_MEMO = _Memo(lambda word: commodity_mask(word))


def commodity_mask(word: str) -> int:
    """:data:`OIL`, :data:`GAS` or 0 for one word; a word that names both («нефтегазовый») names neither."""
    got = _COMMODITY_MEMO.get(word)
    if got is None:
        got = compute_commodity_mask(word)
        if len(word) <= 64 and len(_COMMODITY_MEMO) < MAX_WORDS:
            _COMMODITY_MEMO[word] = got
    return got


def compute_commodity_mask(word: str) -> int:
    """:func:`commodity_mask` worked out, not looked up in its memo (nor kept there): for a caller with a memo of its own."""
    folded = word.casefold()
    oil = _OIL_WORD.match(folded) is not None
    gas = _GAS_WORD.match(folded) is not None or (oil and "газ" in folded)
    return 0 if oil == gas else OIL if oil else GAS


def commodity_masks(words: list[str]) -> list[int]:
    """:func:`commodity_mask` of every word; a C-level dictionary look-up for words seen before."""
    return list(map(_COMMODITY_MEMO.__getitem__, words))  # a word never seen before is worked out by _Memo.__missing__


def dominant_commodity(masks: list[int], *, sentence: bool = False) -> str:
    """"oil" or "gas" when the words speak of one far more than the other, else "".

    A sentence must name only one; an article must name one at least three times as often as the other
    ("oil and gas" once in a gas story does not make it an oil story).
    """
    oil, gas = masks.count(OIL), masks.count(GAS)
    if sentence:
        return "gas" if gas and not oil else "oil" if oil and not gas else ""
    return "gas" if gas and gas >= 3 * oil else "oil" if oil and oil >= 3 * gas else ""
