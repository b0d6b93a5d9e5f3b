"""Asset mentions and candidate claims from article text.

Two separate passes over one article, both linear in its length:

1. **Mentions**: every name of an asset, wherever it stands, with offsets. Names are
   matched on spelling-folded word keys (:mod:`geo.claims.text`), so transliterations and
   case endings meet their alias; place chains ("Baku-Tiflis-Ceyhan", «Баку - Тбилиси -
   Джейхан») resolve to the line that passes those places; a close misspelling of a long
   name is accepted when exactly one alias word is that close. A name that could be more
   than one asset ("Novorossiysk", "Baku") is settled by, in order: a possessor right
   before it ("the CPC's terminal"), connected assets in the same sentence (a rail word
   names the rail legs), an operator named in the sentence ("Transneft"), then the whole
   document (connected assets named anywhere, operators named anywhere); a port word
   before it ("Ölhafen Noworossijsk") names the port itself. A line whose name says its
   branch ("Druzhba ... (northern branch)") is dropped where the article speaks of the
   other branch; a dateline ("ATYRAU, Nov 4 -") and a town ("Hafenstadt Aktau") link nothing.
2. **Claims**: sentences whose cues assert rerouting, dependency, alignment,
   military/symbolic action or an opinion, some read with the words around them
   (:func:`geo.claims.cues.claim_kinds`: a share vs a change of a percentage, a negated
   alternative). Group names ("Russian ports", "Middle Corridor") count only inside a claim.

A mention is *linked* when it sits in a rerouting or dependency claim or when its sentence
speaks about energy, so "FC Atyrau" and the beaches of Batumi give no link.
"""

from __future__ import annotations

import importlib
import json
import re
import sys
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import count, pairwise
from operator import attrgetter
from pathlib import Path
from typing import Any, cast

from geo.claims.cues import claim_cues, commodity_masks, compute_commodity_mask, compute_word_mask, dominant_commodity, sentence_cue_sets
from geo.claims.matcher import (
    _DASH_CHAIN,
    _NOT_PLACES,
    _RU_PLACE_ADJECTIVE,
    LINE_KINDS,
    Entry,
    Matcher,
    Word,
    _is_place_key,
    build_index,
    form_key,
    load_matcher,
)
from geo.claims.text import DEMONYMS, WORD, fold, guess_language, name_key, sentences_of_parts, split_sentences, split_words
from geo.data.filestore import file_stamp

#: The parser of ``re`` and its op codes (private modules, untyped): a link pattern's parse tree is read for its stems (_word_stems).
_sre: Any = importlib.import_module("re._constants")
_sre_parse: Any = importlib.import_module("re._parser")


#: Letters of the stems a word is tested for. No character outside a word (``\w``, so no white space) lower-cases or
#: case-folds to one, and a character that lower-cases to one case-folds to the same (tests/test_extract_links.py tries
#: them all), so a stem found in a sentence lower-cased or case-folded lies inside one of its words (runs of ``\w``, the
#: analyser's split) case-folded. (Not "ß": it case-folds to "ss".)
_STEM_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzäöüабвгдеёжзийклмнопрстуфхцчшщъыьэюя")
#: Characters of the stems read for a search of the text lower-cased (``_stems_of(pattern, lowered=True)``): a case-blind
#: pattern matches to each of them (written in any case) only characters that lower-case to it, or one of _ODD_LETTERS
#: (tests/test_extract_screens.py tries every character of Unicode).
_LOW_STEM_LETTERS = _STEM_LETTERS | frozenset("ßé -/")


def _word_stems(items: Any, lowered: bool = False) -> frozenset[str] | None:
    """Runs of stem letters, one of which every match of the parsed pattern ``items`` holds (``None`` if a match may hold none).

    Read from the parse tree: a run of literal letters, a group, a repeat of at least one, or an alternation whose every
    branch has stems; of several, the set whose shortest stem is the longest. ``lowered``: the letters lower-cased (of
    _LOW_STEM_LETTERS), a class of one letter in its cases ("[Pp]") read as that letter, case-blind groups too: stems that
    every match lower-cased holds.
    """
    best: frozenset[str] | None = None
    run = ""
    for op, av in [*items, (None, None)]:
        if op is _sre.LITERAL and not lowered and chr(av) in _STEM_LETTERS:
            run += chr(av)
            continue
        if lowered and (op is _sre.LITERAL or (op is _sre.IN and all(o is _sre.LITERAL for o, _ in av))):
            low = {chr(av).lower()} if op is _sre.LITERAL else {chr(c).lower() for _, c in av}
            if len(low) == 1 and (letter := low.pop()) in _LOW_STEM_LETTERS:
                run += letter
                continue
        found: list[frozenset[str] | None] = [frozenset((run,))] if run else []
        run = ""
        if op is _sre.SUBPATTERN:  # (a case-blind group, "(?i:...)", has no stems: its letters may be any case)
            found.append(None if av[1] & re.IGNORECASE and not lowered else _word_stems(av[-1], lowered))
        elif op is _sre.ATOMIC_GROUP:
            found.append(_word_stems(av, lowered))
        elif op is _sre.BRANCH:
            branches = [_word_stems(b, lowered) for b in av[1]]
            if all(branches):
                found.append(frozenset().union(*cast("list[frozenset[str]]", branches)))
        elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT) and av[0] >= 1:
            found.append(_word_stems(av[2], lowered))
        for f in found:
            if f and (best is None or min(map(len, f)) > min(map(len, best))):
                best = f
    return best


def _stems_of(pattern: re.Pattern[str], lowered: bool = False) -> tuple[str, ...]:
    """Substrings one of which every match of ``pattern`` holds, read from its parse tree (:func:`_word_stems`), sorted.

    Plain: of a case-exact pattern, its stems as written (for the case-folded words of _STEMMED). ``lowered``: of any
    pattern, case-blind ones too, stems in lower case that every match lower-cased holds, none holding another (one in
    the text lower-cased: :class:`_Screened`).
    """
    if lowered:
        stems = _word_stems(_sre_parse.parse(pattern.pattern, pattern.flags), True)
        if stems:
            stems = frozenset(s for s in stems if not any(t != s and t in s for t in stems))
    else:
        stems = None if pattern.flags & re.IGNORECASE else _word_stems(_sre_parse.parse(pattern.pattern, pattern.flags))
    if not stems or min(map(len, stems)) < 2:
        raise ValueError(f"a match of {pattern.pattern!r} may hold no stem of two letters: it cannot be screened by stems")
    return tuple(sorted(stems))


class _Screened:
    """A pattern searched only where the text lower-cased holds one of its stems (``_stems_of(pattern, lowered=True)``).

    The pattern itself (case-blind, or opening with a word boundary or a look-behind) is tried at every character of its
    window, several times slower than C-level substring tests of its stems in the window lower-cased (:func:`_may_hold`,
    faster than the stems' alternation as a pattern too), and most windows of a per-mention rule hold none of its words.
    Searches give what the pattern's own search gives (tests/test_extract_screens.py).
    """

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self.stems = _stems_of(pattern, lowered=True)
        # the stems that are runs of word characters, read off the words' records (one bit a screen, given before any word's
        # bits are read: a screen made later reads its window), and the others (a space, a hyphen: "known as", "ж/д"), read
        # in the window
        # (a stem of several words stands for its longest run of word characters: "known as" is in a window only where
        # "known" is, in a word the window overlaps)
        self.rest = tuple(s for s in self.stems if len(_word_run_of(s)) < 2)
        self.mask = 0 if _SCREEN_BITS_READ else _screen_mask(tuple(_word_run_of(s) for s in self.stems if len(_word_run_of(s)) >= 2))

    def held(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> bool:
        """``text[pos:endpos]`` may hold a match (the offsets clipped to the text as the regex engine clips them).

        In the text :func:`analyse` reads (its words' records at hand, :func:`_see_words`), a stem of word characters in the
        window lies in one of the words the window overlaps: their bits (:func:`_screen_bits`, kept in their records) are
        read instead of the window lower-cased (a word cut by the window's edge may give a stem outside it: then the
        pattern is searched in vain, its answer the same).
        """
        pos, endpos = max(pos, 0), max(endpos, 0)
        mask = self.mask
        if mask:
            seen = _WORDS_SEEN
            if seen[0] is text and not _holds_odd(text):
                words, offsets = seen[1], seen[2]
                # (word k spans offsets[2k] .. offsets[2k + 1]: from the first that ends after pos to the last that starts
                # before endpos)
                for k in range(_count_up_to(offsets, pos) // 2, min((_count_below(offsets, endpos) + 1) // 2, len(words))):
                    rec = words[k]
                    bits = rec.screens
                    if bits < 0:
                        bits = rec.screens = _screen_bits(rec.text)
                    if bits & mask:
                        return True
                return bool(self.rest) and _may_hold(text, pos, endpos, self.rest)
        return _may_hold(text, pos, endpos, self.stems)

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.pattern.search(text, pos, endpos) if self.held(text, pos, endpos) else None

    def match(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.pattern.match(text, pos, endpos) if self.held(text, pos, endpos) else None


#: The word stems of the screened patterns (:class:`_Screened`) by their first two letters, each with its screen's bit (one
#: bit a screen, not a stem: the few dozen screens' bits make a machine integer).
_SCREEN_PAIRS: dict[str, list[tuple[str, int]]] = {}
_SCREEN_COUNT = count()
#: Whether a word's bits have been read (no stem gets a bit after that: the words' records keep the bits they had).
_SCREEN_BITS_READ = False
#: The text :func:`analyse` reads, its words' records and its part end offsets (one tuple, replaced whole, as _LOW_SEEN).
_WORDS_SEEN: tuple[str | None, list[Word], list[int]] = (None, [], [])


def _word_run_of(stem: str) -> str:
    """The longest run of word characters in ``stem`` (the first of equal ones), "" if none.

    (None with a Greek sigma: its lower case reads its neighbours.)
    """
    runs = [r for r in re.findall(r"\w+", stem) if "σ" not in r and "ς" not in r]
    return max(runs, key=len) if runs else ""


def _screen_mask(stems: tuple[str, ...]) -> int:
    """A new screen's bit, its word stems ``stems`` filed under it (0 if it has none)."""
    if not stems:
        return 0
    bit = 1 << next(_SCREEN_COUNT)
    for stem in stems:
        _SCREEN_PAIRS.setdefault(stem[:2], []).append((stem, bit))
    return bit


def _count_up_to(offsets: list[int], x: int) -> int:
    """``bisect_right(offsets, x)``, compiled by mypyc a native loop (the C-level bisection's call costs more)."""
    lo, hi = 0, len(offsets)
    while lo < hi:
        mid = (lo + hi) // 2
        if x < offsets[mid]:
            hi = mid
        else:
            lo = mid + 1
    return lo


def _count_below(offsets: list[int], x: int) -> int:
    """``bisect_left(offsets, x)``, as :func:`_count_up_to`."""
    lo, hi = 0, len(offsets)
    while lo < hi:
        mid = (lo + hi) // 2
        if offsets[mid] < x:
            lo = mid + 1
        else:
            hi = mid
    return lo


def _screen_bits(word: str) -> int:
    r"""The bits of the screens one of whose word stems ``word`` (a run of ``\w``) holds lower-cased (see _Screened.held).

    Worked out once a word (kept in its record), from the stems that begin with one of its letter pairs (as _stem_bits).
    """
    global _SCREEN_BITS_READ
    _SCREEN_BITS_READ = True
    return _pair_bits(word.lower(), _SCREEN_PAIRS)


def _pair_bits(low: str, pairs: dict[str, list[tuple[str, int]]]) -> int:
    """The bits of the stems in ``pairs`` (keyed by their first two letters) that ``low`` holds.

    Each of its letter pairs is looked up at C level, so a new word costs about a microsecond.
    """
    got = 0
    for pair in filter(pairs.__contains__, map(str.__add__, low, low[1:])):
        for stem, bit in pairs[pair]:
            if stem in low:
                got |= bit
    return got


def _see_words(text: str, words: list[Word], offsets: list[int]) -> None:
    """Make ``words`` and ``offsets`` (as :func:`analyse` split ``text``) the ones _Screened.held reads in ``text``."""
    global _WORDS_SEEN
    _WORDS_SEEN = (text, words, offsets)


__all__ = ["Candidate", "Extraction", "Mention", "analyse", "build_matcher", "claim_types", "classify", "default_matcher", "extract",
           "split_sentences"]

#: What may stand between a possessor and the thing it owns: "CPC's ", "CPC-", "КТК ".
_POSSESSIVE_GAP = re.compile(r"^(?:['’]s|s['’])?[\s-]*$")
#: The gaps that join the places of a chain: any dash, bare or between single spaces.
_CHAIN_DASHES = "-‐‑‒–—―"
_DASH_GAPS = frozenset(f"{a}{d}{b}" for d in _CHAIN_DASHES for a in ("", " ", "\u00a0") for b in ("", " ", "\u00a0"))
_NUMBER_AFTER = re.compile(r"[\s-]?\d")  # used with match(text, pos): no "^"
#: A number with a unit of quantity after an abbreviation: an amount of it ("KEBCO 0,23 Mio. t", «КТК – 5,2 млн т»), not
#: the name of an index or a model ("CAC 40", "BPS 2").
_QUANTITY_AFTER = re.compile(r"\s?\d[\d.,\u00a0 ]*\s?(?:Mio\b|Mrd\b|mln\b|mn\b|bn\b|million|billion|thousand|Millionen|"
                             r"Milliarden|Tausend|млн\b|млрд\b|тыс\b|tonnes|tons\b|Tonnen|barrels|bbl\b|bcm\b|b/d|bpd\b)")
_LIST_MARK = re.compile(r"[,;\n]")  # a list's separator: no name's words run across one unless its alias has it
_NO_ENTRIES: list[Entry] = []
#: Fuzzy matching accepts one vowel or "h" edit in a word key of at least this many letters.
FUZZY_MIN_LEN = 7
#: An inflected form must keep at least this many letters of a one-word alias ("Backen" is not "Baku").
MIN_INFLECTED_STEM = 4


@dataclass(slots=True)
class Mention:
    """A name of an asset found in the text.

    (The ``__init__`` of this class and of :class:`Candidate` and :class:`Extraction` is written out, as the dataclass
    would write it: compiled by mypyc it costs a sixth of the one the dataclass decorator makes, which runs as Python.)
    """

    start: int
    end: int
    text: str
    id: str  # asset id, or "group:<id>"
    alias: str
    match: str  # "name", "chain", "fuzzy", "context" (a town name standing for the facility there), "owner" (a line's own terminal)
    sentence: int
    linked: bool = False
    claim: int | None = None  # index of the claim the mention sits in
    alts: tuple[str, ...] = ()  # the other assets an ambiguous name could be ("Baku": the port of Baku besides Sangachal)

    def __init__(self, start: int, end: int, text: str, id: str, alias: str, match: str, sentence: int,
                 linked: bool = False, claim: int | None = None, alts: tuple[str, ...] = ()) -> None:
        self.start, self.end, self.text, self.id, self.alias, self.match, self.sentence = start, end, text, id, alias, match, sentence
        self.linked, self.claim, self.alts = linked, claim, alts


@dataclass
class Candidate:
    """A candidate claim, as printed by ``python -m geo extract``."""

    article: str
    start: int
    end: int
    excerpt: str
    language: str
    claim_type: str
    assets: list[dict[str, str]]
    mentions: list[dict[str, Any]] = field(default_factory=list)
    claim_types: list[str] = field(default_factory=list)  # claim_type first, then any other type the sentence asserts

    def __init__(self, article: str, start: int, end: int, excerpt: str, language: str, claim_type: str, assets: list[dict[str, str]],
                 mentions: list[dict[str, Any]] | None = None, claim_types: list[str] | None = None) -> None:
        self.article, self.start, self.end, self.excerpt, self.language = article, start, end, excerpt, language
        self.claim_type, self.assets = claim_type, assets
        self.mentions = [] if mentions is None else mentions
        self.claim_types = [] if claim_types is None else claim_types


@dataclass
class Extraction:
    """Claims and every mention of one article."""

    claims: list[Candidate]
    mentions: list[Mention]
    lanes: set[str] = field(default_factory=set)  # lanes and rail legs whose two ends one sentence names
    lane_points: set[str] = field(default_factory=set)  # the end points of those tanker lanes

    def __init__(self, claims: list[Candidate], mentions: list[Mention], lanes: set[str] | None = None,
                 lane_points: set[str] | None = None) -> None:
        self.claims, self.mentions = claims, mentions
        self.lanes = set() if lanes is None else lanes
        self.lane_points = set() if lane_points is None else lane_points

    def linked_assets(self) -> set[str]:
        """Asset ids named by linked mentions, plus lanes whose two ends a claim names (groups excluded)."""
        named = {m.id for m in self.mentions if m.linked and not m.id.startswith("group:")}
        return named | self.lanes | self.lane_points


# --- building the matcher ------------------------------------------------------------


def build_matcher(assets: Any = None, groups: Any = None, *, data_dir: Path | str | None = None) -> Matcher:
    """The name index, from a loaded asset table and route groups, or from ``data_dir``'s files.

    Passing the tables keeps the old call ``build_matcher(load.load_assets(), load.load_route_groups())``
    working; the CLI reads the files directly so that it needs no pandas.
    """
    from geo import settings

    base = Path(data_dir) if data_dir is not None else settings.DATA_DIR
    if assets is None:
        return default_matcher(base)
    features = json.loads(assets.reset_index(drop=True).to_json(default=str))["features"]
    plain_groups = [g.model_dump() if hasattr(g, "model_dump") else dict(g) for g in groups or []]
    wp = base / "waypoints.csv"
    import csv

    waypoints = list(csv.DictReader(wp.read_text(encoding="utf-8").splitlines())) if wp.exists() else []
    return build_index(features, plain_groups, waypoints)


@lru_cache(maxsize=4)
def _matcher_for(data_dir: str, stamp: tuple[tuple[str, int, int], ...]) -> Matcher:
    del stamp  # part of the cache key only: a changed file builds a new index
    return load_matcher(Path(data_dir))


def default_matcher(data_dir: Path | str) -> Matcher:
    """The index of ``data_dir``, built once per process and rebuilt when a data file changes."""
    base = Path(data_dir)
    stamp = file_stamp(base / n for n in ("assets.geojson", "routes.yaml", "waypoints.csv"))
    return _matcher_for(str(base.resolve()), stamp)


# --- pass 1: mentions ----------------------------------------------------------------


def _fuzzy_key(key: str, matcher: Matcher) -> str | None:
    """The one alias word within one edit of ``key``, if exactly one is."""
    if key in matcher.fuzzy_seen:
        return matcher.fuzzy_seen[key]
    from rapidfuzz.distance import Levenshtein

    close = [v for v in matcher.vocab_by_head.get(key[:2], ()) if len(v) >= FUZZY_MIN_LEN and abs(len(v) - len(key)) <= 1
             and Levenshtein.distance(v, key, score_cutoff=1) == 1 and _vowel_edit(v, key)]
    if len(matcher.fuzzy_seen) < 200_000:  # bounded memory on hostile input
        matcher.fuzzy_seen[key] = close[0] if len(close) == 1 else None
    return close[0] if len(close) == 1 else None


_VOWELS = frozenset("aeiou")


def _vowel_edit(alias: str, key: str) -> bool:
    """The one edit between two keys is a vowel for a vowel, or one vowel or "h" more or less.

    Transliterations differ in vowels and in "h" ("Karachaganak", "Karatschaganaq" aside): "Tengiz-Kashagan"
    spellings like "Kashagen" or "Karachaganac" differ so, while a consonant swap makes another word ("Samarra").
    """
    from rapidfuzz.distance import Levenshtein

    (op,) = Levenshtein.editops(alias, key)
    if op.tag == "replace":
        return alias[op.src_pos] in _VOWELS and key[op.dest_pos] in _VOWELS
    ch = alias[op.src_pos] if op.tag == "delete" else key[op.dest_pos]
    return ch in _VOWELS or ch == "h"


#: Closing quote -> its opening quote, for names that run into a quoted name («нефтепровод «Дружба»», „Druschba“).
_CLOSING_QUOTES = {"»": "«", "“": "„", '"': '"', "”": "“"}

#: Bound on the matcher's memo of words (:attr:`Matcher.words`, about 250 bytes an entry with its record), and the base
#: of the other memos' bounds.
MAX_MEMO = 300_000


#: Place adjectives ("Aktauer Hafen", «актауский порт») and German closed compounds ("Druschbaleitung",
#: "Tengisfeld"): when the word itself is unknown, the place name left after the suffix is tried.
_PLACE_SUFFIXES = ("er", "ern", "ский", "ская", "ское", "ского", "ской", "ском", "ских", "скую", "скому",
                   "leitung", "leitungen", "pipeline", "pipelines", "feld", "felder", "feldes", "ölfeld", "gasfeld", "terminal",
                   "terminals", "hafen", "hafens", "raffinerie")
_MIN_PLACE = 4
#: Letters that end a word key as a case ending would ("tengis" from «Тенгиза» is Tengiz's "tengi" + "s").
_ONE_LETTER_ENDINGS = frozenset("aeiosu")


#: What may stand for a written-out /dʒ/ (:data:`geo.claims.matcher.DJ_ONSET`) opening a text word: the same, Turkish and
#: Azerbaijani c before a front vowel, English j, and (group 1) the voiceless ч that Russian machine transliterations put
#: for it («Чейхан»), looked up among the Cyrillic aliases' rests only.
_DJ_ONSET_TEXT = re.compile(r"(?:Дж|Dsch|Dzh|Dj|J|C(?=[eiyəı])|(Ч))(?=[^\W\d_]{4})", re.IGNORECASE)


#: A German adjective in "-isch" with its case ending, and the stem before it ("Südkaukas" of "Südkaukasische").
_DE_ADJECTIVE = re.compile(r"^([^\W\d_]{4,})isch(?:e[nmrs]?)?$")


#: The key "Kazakh", «казах», "Kasach" fold to, and the double s that none of them has but the till's word has, German
#: "Kasse", "Kassen-Terminals", Russian «касса», «кассы», "Kassa" (which fold to it too): that word is no demonym (batch 40).
_KAZAKH_KEY = "kas"
_TILL_LETTERS = re.compile("ss|сс", re.IGNORECASE)


def _key_of(word: str, matcher: Matcher) -> str:
    """The match key of one text word: folded, demonym to country, place in an adjective or compound, or one edit away."""
    k = name_key(word)
    if k != _KAZAKH_KEY or not _TILL_LETTERS.search(word):
        k = DEMONYMS.get(k, k)
    if k not in matcher.first_keys and len(k) > _MIN_PLACE and k[-1] in _ONE_LETTER_ENDINGS and (k[:-1],) in matcher.names:
        k = k[:-1]  # a stem ending in a letter that is also an ending: «Тенгиза» -> tengis -> tengi (Tengiz)
    if k not in matcher.first_keys and not word.isdigit():  # no place suffix ends in a digit
        low = word.casefold()
        for suffix in _PLACE_SUFFIXES:
            # Russian adjectives are lower-case; German ones and compounds are capitalised like the place
            if low.endswith(suffix) and len(low) - len(suffix) >= _MIN_PLACE and (word[:1].isupper() or suffix[0] == "с"):
                base = name_key(word[: -len(suffix)].rstrip("-"))
                if (base,) in matcher.names or base in _last_keys(matcher):  # "Ust-Lugaer Hafen": the last word of "Ust-Luga"
                    k = base
                    break
    if k not in matcher.first_keys and word[:1].isupper() and (adj := _DE_ADJECTIVE.match(word)) is not None:
        # a German "-isch" adjective of a place in -us ("Südkaukasische Pipeline" for "Südkaukasus-Pipeline"): the place's key
        # where it opens a name
        base = name_key(adj.group(1) + "us")
        if base in matcher.first_keys:
            k = base
    if k not in matcher.first_keys and (onset := _DJ_ONSET_TEXT.match(word)) is not None:
        # "Jeyhan", «Чейхан», "Ceyhan" for «Джейхан»: the sound /dʒ/ spelt as another language or a machine writes it
        k = matcher.onset_keys.get(("ч" if onset.group(1) else "") + name_key(word[onset.end():])) or k
    if k not in matcher.first_keys and (k,) not in matcher.prefixes and len(k) >= FUZZY_MIN_LEN and word[:1].isupper():
        near = _fuzzy_key(k, matcher)
        if near is not None:
            matcher.fuzzy_words.add(word)
            k = near
    return k


def _words_of(raws: list[str], matcher: Matcher) -> list[Word]:
    """The record of each of ``raws`` (:class:`~geo.claims.matcher.Word`): one look-up a word, in the matcher's memo.

    A word never seen before gets its key now (:func:`_key_of`), and is kept unless it is long junk or the memo is full.
    """
    memo = matcher.words
    out: list[Word] = []
    for w in raws:
        rec = memo.get(w)
        if rec is None:  # a word never seen before
            rec = Word(w, _key_of(w, matcher))
            if len(w) <= 64 and len(memo) < MAX_MEMO:  # long junk words are not kept
                memo[w] = rec
        out.append(rec)
    return out


def _cue_masks(words: list[Word], lang: str) -> list[int]:
    """The words' cue masks in ``lang`` (:func:`geo.claims.cues.word_mask`), from their records (worked out on first need).

    Another language than de, en and ru reads the English cues (as :func:`geo.claims.cues.sentence_cue_sets` does).
    """
    out: list[int] = []
    if lang == "de":
        for rec in words:
            if rec.cues_de < 0:
                rec.cues_de = compute_word_mask(rec.text, "de")
            out.append(rec.cues_de)
    elif lang == "ru":
        for rec in words:
            if rec.cues_ru < 0:
                rec.cues_ru = compute_word_mask(rec.text, "ru")
            out.append(rec.cues_ru)
    else:
        for rec in words:
            if rec.cues_en < 0:
                rec.cues_en = compute_word_mask(rec.text, "en")
            out.append(rec.cues_en)
    return out


_LAST_KEYS: dict[int, tuple[Matcher, frozenset[str]]] = {}


def _last_keys(matcher: Matcher) -> frozenset[str]:
    """The last word keys of the matcher's place names of several words ("luga" of "Ust-Luga"), once a matcher.

    A German adjective or compound on such a name's last word ("Ust-Lugaer Hafen") folds to it, as one-word names' do.
    Only names of a place whose last word is a place's key (no kind word, no abbreviation: not "Port of Aktau", "CPC Blend").
    """
    got = _LAST_KEYS.get(id(matcher))
    if got is None or got[0] is not matcher:
        got = _LAST_KEYS[id(matcher)] = (matcher, frozenset(
            k[-1] for k, entries in matcher.names.items()
            if len(k) > 1 and k[-1] in matcher.place_keys and all(_place_alias(e.alias) for e in entries)))
    return got[1]


#: Words after a place name that make it a province or district ("Atyrau region", «Атырауской области»).
_REGION_WORDS = frozenset(c for w, ends in (
    ("region", ("", "s")), ("province", ("", "s")), ("oblast", ("", "s")), ("district", ("", "s")), ("Region", ("", "en")),
    ("Gebiet", ("", "s", "e", "en")), ("Provinz", ("",)), ("Bezirk", ("", "s", "e", "en")),
    ("област", ("ь", "и", "ью", "ей", "ям", "ях")), ("район", ("", "а", "у", "ом", "е", "ы", "ов")),
    # «Приморский край» (Primorsky Krai, on the Pacific) is not the Baltic port of Primorsk
    ("кра", ("й", "я", "ю", "ем", "е")), ("Krai", ("",)), ("Kray", ("",)),
) for e in ends for c in (w + e, w.capitalize() + e))
_AND = frozenset(("and", "und", "и"))
#: Words after a town's name (or its adjective) that make the pair an institution named after the town: "Atyrau University
#: of Oil and Gas", "Aktau Museum", «Новороссийский городской суд», «Атырауский университет» (no facility of the data).
_INSTITUTION_NEXT = frozenset(c for w, ends in (
    ("University", ("", "'s")), ("Institute", ("",)), ("College", ("",)), ("Academy", ("",)), ("Museum", ("",)),
    ("Theatre", ("",)), ("Theater", ("",)), ("Court", ("",)), ("Universität", ("",)), ("Hochschule", ("",)),
    ("Institut", ("",)), ("Akademie", ("",)), ("Gericht", ("",)), ("Stadtgericht", ("",)), ("Landgericht", ("",)),
    *((stem, ("ый", "ого", "ому", "ым", "ом")) for stem in ("городск", "районн", "областн", "государственн")),
    ("городск", ("ой", "ого", "ому", "им", "ом")), ("краев", ("ой", "ого", "ому", "ым", "ом")),
    ("суд", ("", "а", "у", "ом", "е")), ("университет", ("", "а", "у", "ом", "е")), ("институт", ("", "а", "у", "ом", "е")),
    ("колледж", ("", "а", "у", "ем", "е")), ("театр", ("", "а", "у", "ом", "е")), ("музей", ("", "я", "ю", "ем", "е")),
    # and a street or a park named after the town: «Приморский бульвар», «Тихорецкий проспект», "Aktau Street"
    ("бульвар", ("", "а", "у", "ом", "е")), ("проспект", ("", "а", "у", "ом", "е")), ("парк", ("", "а", "у", "ом", "е")),
    ("сквер", ("", "а", "у", "ом", "е")), ("Street", ("",)), ("Avenue", ("",)), ("Straße", ("",)), ("Strasse", ("",)),
    # and a firm named after the town: "Samara Capital", "Aktau Holding", "Atyrau Invest" (batch 33)
    ("Capital", ("", "'s")), ("Holding", ("",)), ("Holdings", ("",)), ("Invest", ("",)), ("Partners", ("",)),
) for e in ends for c in (w + e,))
#: A person's role (the ends of its word, lower case: compounds too, "Fondsmanager", "Pressesprecherin") right before a
#: one-word name with a capitalised word after it: the person's given name and surname ("sagt Fondsmanager Ceyhan Yıldız").
_ROLE_ENDS = ("manager", "managerin", "sprecher", "sprecherin", "spokesman", "spokeswoman", "analyst", "analystin", "direktor",
              "direktorin", "director", "gründer", "gründerin", "founder", "ceo", "chef", "chefin", "менеджер", "аналитик",
              "директор", "основатель",
              # a head of a plant, a works or a project: "sagte Werkleiter Tengis Bauer", "Projektleiterin Aktau Weber" (batch 41)
              "leiter", "leiterin", "руководитель")
#: Kind words after such a name: "the port's director Aktau Port ..." is no surname.
_KIND_NOUNS_AFTER_ROLE = frozenset(("port", "terminal", "hafen", "refinery", "raffinerie", "pipeline", "field", "порт", "терминал"))
#: Capitals of the region and of the states that deal with it, in the three languages (a pair of them is two governments).
_CAPITALS = frozenset((
    "Astana", "Moscow", "Moskau", "Ankara", "Tbilisi", "Tiflis", "Ashgabat", "Aschgabat", "Beijing", "Peking", "Brussels", "Brüssel",
    "Berlin", "Washington", "Tashkent", "Taschkent", "Baku", "Астана", "Москва", "Анкара", "Тбилиси", "Ашхабад", "Пекин", "Брюссель",
    "Берлин", "Вашингтон", "Ташкент", "Баку"))


def _town_use(i: int, raws: list[str], gaps: list[str], best: list[Entry], matcher: Matcher) -> bool:
    """Word ``i``, a one-word name, stands for its town's other plant, a company's seat or a government, not the asset.

    "the Atyrau refinery", «Атырауский НПЗ», «Шымкентская ТЭЦ» (plants not in the data); "Atyrau-based KazTransOil";
    "official Baku", «официальный Баку», "Baku and Astana agreed" (a capital next to a capital is its government).
    A refinery asset keeps its own name ("Schwedt refinery").
    """
    n = len(raws)
    after, gap_after = (raws[i + 1], gaps[i + 1]) if i + 1 < n else ("", "")
    if after in _EVENT_NEXT and gap_after == " " and not _EVENT_WORDS.isdisjoint(raws[i + 1 : i + 5]):
        return True  # "the Baku Energy Week", "Atyrau Oil and Gas Forum": an event named after the town
    joined = gap_after == "-" if after in _SEAT_WORDS else gap_after in (" ", "-", "\u00a0")
    if after in _AFTER_TOWN and joined and all(matcher.kinds.get(e.target) in _TOWN_KINDS for e in best) and (
            after not in _FACTORY_WORDS or not _CYRILLIC_WORD.match(raws[i]) or raws[i].endswith(_ADJ)):
        return True
    if raws[i] not in _CAPITALS:
        return False
    if i > 0 and gaps[i] == " " and raws[i - 1].casefold().startswith(("official", "официальн", "offiziell")):
        return True
    if i > 0 and gaps[i] == " " and raws[i - 1].casefold().startswith(_STANCE_WORDS):
        return True  # «решение Баку», "the position of Baku" (a government's decision or position, in the genitive)
    if gap_after == " " and after.casefold().startswith(_GOVERNMENT_VERBS):
        return True  # "Baku said", «Баку заявил», "Baku erklärte": the capital speaks, its government
    if i > 1 and gaps[i] == " " and raws[i - 1] in _FROM_WORDS and raws[i - 2].casefold().startswith(_ENVOY_WORDS):
        return True  # "a delegation from Baku", «делегация из Баку»: the government's envoys
    if i > 0 and gaps[i] == " " and (raws[i - 1] in _VISITED or (i > 1 and raws[i - 1] in _TO_WORDS and gaps[i - 1] == " " and
                                                                raws[i - 2].casefold().startswith(_VISIT_WORDS))):
        return True  # "his visit to Baku", "flew to Baku", "reiste nach Baku", «визит в Баку», "visited Baku": a trip to the capital
    return (i + 2 < n and after in _AND and raws[i + 2] in _CAPITALS and gap_after == gaps[i + 2] == " ") or (
        i >= 2 and raws[i - 1] in _AND and raws[i - 2] in _CAPITALS and gaps[i] == gaps[i - 1] == " ")


#: A person's trip to a capital: the word before "to" / "nach" / «в» (not "travel" or «прибыл»: tankers travel and arrive too).
_VISIT_WORDS = ("visit", "trip", "flew", "reiste", "besuch", "reise", "визит", "поездк", "прилетел")
_TO_WORDS = frozenset(("to", "nach", "in", "в"))
_VISITED = frozenset(("visited", "visiting", "besuchte", "besucht", "посетил", "посетила", "посетит", "посетили"))
#: Words of a government's decision or stance: the capital right after one is its government («позиция Баку»).
_STANCE_WORDS = ("решени", "позици", "заявлени", "требовани", "предложени", "decision", "position", "stance", "entscheidung",
                 "haltung")
#: Verbs of a government speaking or deciding, right after a capital's name ("Baku said", «Баку заявил»).
_GOVERNMENT_VERBS = ("said", "says", "wants", "insist", "announced", "declared", "rejected", "warned", "erklärt", "sagte", "teilte",
                     "kündigte", "lehnt", "warnt", "заявил", "сообщил", "считает", "настаива", "предложил", "выступ", "отказал",
                     "потребовал", "предупредил")
#: Words of envoys: "a delegation from Baku" is the government's.
_ENVOY_WORDS = ("delegation", "делегаци", "envoy", "официальн", "officials", "beamte", "чиновник")
_ADJ = ("ий", "ого", "ому", "им", "ом", "ая", "ой", "ую", "ое", "ие", "их", "ими")


def _cased(words: tuple[str, ...]) -> tuple[str, ...]:
    """Each of ``words`` in lower case, capitalised and in capitals (for case-exact C-level substring scans)."""
    return tuple(c for w in words for c in (w, w.capitalize(), w.upper()))


#: Plants named after their town that are not in the data (refineries, power and petrochemical plants, airports, a navy's
#: base: "Novorossiysk naval base"; «Новороссийская военно-морская база» is no match of the town already).
_OTHER_PLANTS = frozenset(_cased((
    "refinery", "refineries", "raffinerie", "нпз", "kraftwerk", "heizkraftwerk", "тэц", "грэс", "тэс", "airport", "flughafen",
    "naval", "petrochemical", "petrochemie", *(f"{stem}{e}" for stem in ("нефтеперерабатывающ", "нефтехимическ") for e in _ADJ),
    *(f"аэропорт{e}" for e in ("", "а", "у", "ом", "е")))))
_SEAT_WORDS = frozenset(("based", "headquartered"))
#: Words of a factory (cars, plastics, cement: no facility of the data) after a town's name or adjective: «самарский
#: завод», "the Aktau factory", "das Samaraer Werk" name the town's factory (batch 38). In Russian only after the town's
#: adjective: a noun before «завод» belongs to another phrase («из Атырау в Самару завод получает ...»).
_FACTORY_WORDS = frozenset(_cased((
    "factory", "factories", "carmaker", "automaker", "werk", "werke", "werks", "autowerk", "fabrik",
    *(f"{stem}{e}" for stem in ("завод", "комбинат") for e in ("", "а", "у", "ом", "е", "ы", "ов", "ам", "ами", "ах")),
    *(f"фабрик{e}" for e in ("а", "и", "е", "у", "ой")))))
#: A kind word in lower case at the end of a name, and the same word capitalised, as a company name ends.
_GENERIC_KIND_WORDS = frozenset(("terminal", "port"))
#: First words of names that are a compass point and a kind ("Northern Route", «Северный маршрут», "Western Route Export
#: Pipeline"): written in lower case they are a direction ("the northern route through Russia"), not the line. A region's
#: name is no compass word («южнокавказский газопровод» is the South Caucasus Pipeline in any case).
_COMPASS_WORDS = frozenset(("northern", "southern", "western", "eastern", "nördliche", "südliche", "westliche", "östliche",
                            "северный", "южный", "западный", "восточный"))
_CAPITAL_KIND_WORDS = (" Terminal", " Port")
#: Words after a town's name that may make it another thing than the asset.
_AFTER_TOWN = _OTHER_PLANTS | _SEAT_WORDS | _FACTORY_WORDS
#: An event named after a town ("Baku Energy Week", "Astana International Forum", "Atyrau Oil and Gas Exhibition"): the
#: word after the town, and the event word within the next four words.
_EVENT_WORDS = frozenset(("Week", "Forum", "Summit", "Conference", "Exhibition", "Expo", "Congress", "Woche", "Konferenz", "Gipfel",
                          "Messe", "Ausstellung"))
_EVENT_NEXT = _EVENT_WORDS | {"Energy", "Oil", "International", "Global", "Energie"}
#: Endings a German or English word may add to a name written in Latin letters ("Schwedts", "Aktauer", "Batumis").
_LATIN_ENDINGS = ("", "s", "es", "e", "en", "er", "ern", "n")


def _accept(entries: list[Entry], word: str | None, matcher: Matcher) -> list[Entry]:
    """Refuse a one-word alias met only through a short stem ("Backen" for "Baku"), or a Russian case ending in Latin letters.

    "Samaria" is not Samara, while «Самары» is; German and English endings ("Schwedts", "Aktauer") are kept.
    A capitalised name written in lower case is the common word («дружба народов» is friendship, not Druzhba);
    place adjectives («актауский порт») reach their place through another key and are not refused here.
    """
    if word is None:
        return entries
    key = (word, id(entries))  # only called with the matcher's own lists, which live as long as it does
    got = matcher.accepted.get(key)
    if got is None:
        f = fold(word)
        got = entries
        low = form_key(word)
        forms = matcher.cyrillic_forms
        if len(name_key(word)) < MIN_INFLECTED_STEM:  # a short stem, unless the word is a case form («Бозое» of «Бозой»)
            got = [e for e in got if not e.folds or f in e.folds or low in forms.get(e.target, ()) or _turkic_vowels(word, f, e.folds)]
        if word[:1].islower() and name_key(word) in {name_key(e.alias) for e in got}:
            got = [e for e in got if not e.alias[:1].isupper()]
        nk = name_key(word)
        alias_keys = {name_key(e.alias) for e in got}
        # (also a word met through its key less a last letter, as a case ending: "Alatau", the mountains, keys "alata",
        # which _key_of cuts to Alat's "alat"; a Latin word must end as German or English end a name, "Alats" would)
        if _LATIN_WORD.match(word) and word not in matcher.fuzzy_words and (nk in alias_keys or nk[:-1] in alias_keys):
            got = [e for e in got if not e.folds or any(f == g + end or f == g[:-1] + end for g in e.folds for end in _LATIN_ENDINGS)]
        elif got and nk not in alias_keys and nk[:-1] in alias_keys and _CYRILLIC_WORD.match(word):
            # a Cyrillic word met so must be a case form of the asset's Russian name («Тенгиза»), not «Алатау»
            got = [e for e in got if e.target not in forms or low in forms[e.target]]
        if got and _CYRILLIC_WORD.match(word):
            # Cyrillic tells З from С, which the key folds alike (German writes "Tengis" for Tengiz): «Осенняя», «Осенью»
            # (autumn) are no «Озен» / Ozen; the alias's s and z must open the word's ("Tengiz" in «Тенгизского» too)
            sz = _sz(word)
            got = [e for e in got if sz.startswith(_sz(e.alias))]
            if got and not low.endswith(_RU_PLACE_ADJECTIVE):
                # a word that opens with the stem of an asset's Russian name must be one of its case forms («Самарий»,
                # samarium, is none of «Самара»'s); one met through a one-vowel edit must be one too («Джейхун» is a river)
                stems, fuzzy = matcher.cyrillic_stems, word in matcher.fuzzy_words
                got = [e for e in got if e.target not in forms or low in forms[e.target]
                       or not (fuzzy or low.startswith(stems[e.target]))]
        if len(matcher.accepted) < 10_000:
            matcher.accepted[key] = got
    return got


_LATIN_WORD = re.compile(r"^[A-Za-zÄÖÜäöüß]+$")
#: Vowel letters of the Latin Azerbaijani, Turkish and Turkmen and of the Latin Kazakh alphabets, which no Russian case
#: ending or German or English word has: "Bakı" is Baku written in Azerbaijani, not an inflected "Bak-".
_TURKIC_VOWELS = frozenset("ıəýƏÝ")


def _turkic_vowels(word: str, f: str, folds: tuple[str, ...]) -> bool:
    """A word holding a :data:`_TURKIC_VOWELS` letter whose fold differs from one of the alias's folds in vowels only."""
    if _TURKIC_VOWELS.isdisjoint(word):
        return False
    return any(len(g) == len(f) and all(a == b or (a in _VOWELS and b in _VOWELS) for a, b in zip(g, f, strict=True)) for g in folds)


_CYRILLIC_WORD = re.compile(r"^[А-ЯЁа-яё]+$")
#: The letters that spell s and z, not in a cluster of another sound ("zh", "sch", "ts": Ж, Ш, Ц), written as "s" and "z".
_SZ_CLUSTERS = re.compile(r"tsch|dsch|sch|sh|zh|ts|tz|ж|ш|щ|ц")
_SZ_LETTERS = str.maketrans({"с": "s", "з": "z"})


def _sz(word: str) -> str:
    """The s and z of a word, in order: «Озен» and "Ozen" give "z", «Осень» "s" (see _accept)."""
    return "".join(c for c in _SZ_CLUSTERS.sub("", word.casefold()).translate(_SZ_LETTERS) if c in "sz")
#: Lower-case Russian adjectives of a town in -к («тихорецкий», «новороссийских»), and the words of a facility or of its
#: business that may follow them («узел», «порт», «терминал», «отгрузки»): «приморский» alone is "coastal".
_K_ADJECTIVE = tuple(f"к{e}" for e in ("ий", "ого", "ому", "им", "ом", "ая", "ой", "ую", "ое", "ие", "их", "ими"))
_ADJ_FACILITY = ("узел", "узл", "порт", "терминал", "нефтерайон", "нефтебаз", "нефтеналив", "отгруз", "погруз", "перевал",
                 "экспорт", "причал", "рейд", "морск")


def find_mentions(text: str, sentence_starts: list[int], matcher: Matcher,
                  doc_keys: list[tuple[int, str]] | None = None) -> list[tuple[Mention, list[Entry]]]:
    """Longest alias matches left to right, then place chains; linear in the text (at most ``max_len`` words per start)."""
    parts = split_words(text)
    return _find(text, parts[1::2], parts[0::2], _ends(parts), sentence_starts, matcher, doc_keys)


def _ends(parts: list[str]) -> list[int]:
    """The end offset of each part of a split text (its lengths accumulated)."""
    out: list[int] = []
    at = 0
    for part in parts:
        at += len(part)
        out.append(at)
    return out


def _find(text: str, raws: list[str], gaps: list[str], offsets: list[int], sentence_starts: list[int], matcher: Matcher,
          doc_keys: list[tuple[int, str]] | None, context: Callable[[int], str] | None = None,
          words: list[Word] | None = None) -> list[tuple[Mention, list[Entry]]]:
    """:func:`find_mentions` on a text already split: words, the gaps before them, and part end offsets.

    Word ``k`` spans ``offsets[2k] .. offsets[2k + 1]``. Word keys come from the words' records (``words``, made by
    :func:`_words_of` if not given: only words never seen before are folded), in the one pass over the words that also
    finds where names may start. ``doc_keys`` receives ``(word index, key)`` of every word of an operator's name.
    """
    # word positions where a name may start, in order: a key that opens an alias, or an abbreviation. An abbreviation's
    # word has the key of the abbreviation (a word of the same key that is no abbreviation opens nothing in the loop below).
    start_keys, scan_keys = matcher.start_keys, matcher.scan_keys
    if start_keys is None or scan_keys is None:
        start_keys = matcher.start_keys = matcher.first_keys.union({_key_of(a, matcher) for a in matcher.abbrevs})
        scan_keys = matcher.scan_keys = start_keys.union(matcher.operator_keys.keys())
    # (a loop, not C-level maps: compiled by mypyc it costs a third of map(dict.get) and compress(map(set.__contains__)))
    operator_keys = matcher.operator_keys
    keys: list[str] = []
    starts: list[int] = []
    for k, rec in enumerate(_words_of(raws, matcher) if words is None else words):
        key = rec.key
        keys.append(key)
        if key in scan_keys:  # the few words that open a name or belong to an operator's name, told apart here
            if doc_keys is not None and key in operator_keys:
                doc_keys.append((k, key))
            if key in start_keys:
                starts.append(k)
    found: list[tuple[Mention, list[Entry]]] = []
    free = 0
    ship_next = -2  # the word after the last ship's name (a list of ships goes on there)
    ships: list[tuple[int, int]] = []  # the spans of ships' names: no chain of places is read in them ("Ust-Luga Star")
    kinds_of = matcher.kinds
    trie, abbrevs, fuzzy_words = matcher.trie, matcher.abbrevs, matcher.fuzzy_words
    accepted = matcher.accepted
    n_keys, n_sentences, n_text = len(keys), len(sentence_starts), len(text)
    lower_lines: _Lines | None = None  # the text's lines, made at the first lower-case name (see _lower_case_line)
    for i in starts:
        if i < free:
            continue
        best_n, best = 0, _NO_ENTRIES
        raw = raws[i]
        node = trie.get(keys[i])  # the node of the prefix keys[i : i + n]
        if raw in abbrevs and not (_NUMBER_AFTER.match(text, e := offsets[2 * i + 1], e + 2)
                                   and not _QUANTITY_AFTER.match(text, e, e + 40)):  # "CAC 40" is no CAC; "KEBCO 0,23 Mio. t" is
            best_n, best = 1, abbrevs[raw]
        elif node is None or (None not in node and (i + 1 == n_keys or keys[i + 1] not in node)):
            continue  # most starts ("Kazakhstan" before no "-China pipeline") open no name: the loop below would find none
        n, limit = 1, n_keys - i  # the trie is no deeper than the longest name (matcher.max_len words)
        sent_end = -1
        while node is not None:
            entries = node.get(None)
            if entries:
                if n == 1:
                    own = entries
                    entries = accepted.get((raw, id(entries))) or _accept(entries, raw, matcher)
                    if not entries and raw.endswith(_K_ADJECTIVE) and i + 1 < n_keys and raws[i + 1].startswith(_ADJ_FACILITY):
                        # «на тихорецком узле», «новороссийских отгрузок»: the lower-case adjective of a town in -к has
                        # the town's own key; before a word of the facility it is the facility, not a common word
                        entries = [e for e in own if e.alias.endswith("к") and raw.startswith(e.alias.lower())]
                    if not entries and raw[:1].islower() and raw.isascii() and _lower_case_line(
                            text, offsets[2 * i], lower_lines if lower_lines is not None else (lower_lines := _Lines(text))):
                        # a post written all in lower case ("tengiz barrels stuck again") writes names so too: the word
                        # spelt as a one-word name, no case ending
                        f = fold(raw)
                        entries = [e for e in own if len(e.folds) == 1 and e.alias[:1].isupper() and f == e.folds[0]]
                elif raws[i + n - 1] in _GENERIC_KIND_WORDS:
                    # "its Black Sea terminal" describes a terminal; "Black Sea Terminal" (capital T) is Kulevi's company name
                    entries = [e for e in entries if not e.alias.endswith(_CAPITAL_KIND_WORDS)]
                elif raws[i + n - 1].isupper() and len(raws[i + n - 1]) > 1:
                    # an abbreviation ends the name: it must be the alias's own («Атырауский НПЗ», a refinery, is not
                    # «Атырауская НПС», a pump station, though З and С fold alike); in capitals, as a name in an ALL-CAPS
                    # headline ("TRANS-CASPIAN GAS PIPELINE"), the alias's last word in capitals
                    entries = [e for e in entries if e.alias.upper().endswith(raws[i + n - 1])]
                if n > 1 and entries and raw[:1].islower():
                    entries = [e for e in entries if not (e.alias[:1].isupper() and e.alias.lower().split(" ", 1)[0] in _COMPASS_WORDS)]
                if entries and n >= best_n:
                    best = entries if n > best_n else best + entries
                    best_n = n
            if n >= limit or ")" in gaps[i + n] or "(" in gaps[i + n] or ":" in gaps[i + n]:
                break  # nor out of brackets: "Baku-Tbilisi-Ceyhan (BTC) pipeline" has the name "BTC", not "BTC) pipeline";
                # nor over a colon: "CPC: Marine Terminal loaded ..." is "CPC", the title's subject (no alias holds a colon)
            node = node.get(keys[i + n])
            if node is not None:
                if sent_end < 0:  # looked up only for a name that can go on
                    k = bisect_right(sentence_starts, offsets[2 * i])
                    sent_end = sentence_starts[k] if k < n_sentences else n_text
                if offsets[2 * (i + n)] >= sent_end:
                    break  # a name ends with its sentence: "via the CPC. Pipeline repairs ..." is "CPC", not "CPC pipeline"
            n += 1
        if not best:
            continue
        nxt = i + best_n
        if (nxt < n_keys and raws[nxt] in _REGION_WORDS and gaps[nxt] in (" ", "-", "\u00a0")) or (
                i > 0 and raws[i - 1] in _REGION_WORDS and gaps[i] == " " and not (
                    raws[i - 1] == "районе" and i > 1 and raws[i - 2] in ("в", "В"))):  # «в районе Новороссийска»: near it
            free = nxt
            continue  # "Atyrau region", «Атырауской области», "Gebiet Atyrau": the province, not the asset
        if best_n == 1 and nxt < n_keys and raws[nxt] in _INSTITUTION_NEXT and gaps[nxt] == " ":
            free = nxt
            continue  # "Atyrau University", «Новороссийский городской суд», «Приморский бульвар»: named after the town
        if best_n == 1 and i > 0 and nxt < n_keys and gaps[i] == " " and gaps[nxt] == " " and raws[nxt][:1].isupper() \
                and raws[i - 1].casefold().endswith(_ROLE_ENDS) and raws[nxt].casefold() not in _KIND_NOUNS_AFTER_ROLE:
            free = nxt
            continue  # "sagt Fondsmanager Ceyhan Yıldız", "said analyst Samara Collins": a person's given name and surname (batch 33)
        if best_n == 1 and (raw in _CAPITALS or (nxt < n_keys and (raws[nxt] in _AFTER_TOWN or raws[nxt] in _EVENT_NEXT))) and _town_use(
                i, raws, gaps, best, matcher):
            free = nxt
            continue  # a plant of the town, a company's seat, a government ("Atyrau refinery", "Baku-based", "official Baku")
        st, en = offsets[2 * i], offsets[2 * (i + best_n - 1) + 1]
        if best_n > 1 and text[en : en + 1] in _CLOSING_QUOTES and _CLOSING_QUOTES[text[en]] in text[st:en]:
            en += 1  # «нефтепроводу «Дружба»»: a name whose words run into a quote ends with the quote, not inside it
        sent = bisect_right(sentence_starts, st) - 1
        if sent + 1 < n_sentences and en > sentence_starts[sent + 1]:
            continue  # a name does not run across a sentence end
        if best_n > 1 and _LIST_MARK.search(text, st, en) and not _LIST_MARK.search(best[0].alias):
            continue  # nor across a list's comma: «Теги: газ, Туркменистан, Китай» names two countries, no line
        if i > 0 and ((raws[i - 1] in _SHIP_WORDS and _ship_name(
                text, st, en, best[0].alias if kinds_of.get(best[0].target) not in LINE_KINDS else "")) or (
                i == ship_next and _SHIP_LIST_GAP.fullmatch(gaps[i])) or (
                i == ship_next + 1 and raws[i - 1] in _AND and gaps[i].strip() in _QUOTE_OPEN and gaps[i - 1].strip() in _QUOTE_CLOSE)):
            free = ship_next = nxt
            ships.append((st, en))
            continue  # "a product tanker named Samara", «танкер «Атырау»», the next of a list of them («танкеры «Приморск», «Тихорецк»»)
        if i > 0 and raws[i - 1] in _NAMING_WORDS and best_n == 1 and kinds_of.get(best[0].target) in _NAMED_KINDS and _named_other(text, st):
            free = nxt
            continue  # "a restaurant chain named Ceyhan", «сеть пекарен под названием «Актау»»: a name given to something else
        if i > 0 and best_n == 1 and raws[i - 1] in _TITLE_WORDS and gaps[i].strip() in _TITLE_GAPS:
            free = nxt
            continue  # "Professor Samara said", «профессор Самара», "Prof. Schwedt": a person's surname after a title
        how = "fuzzy" if fuzzy_words and not fuzzy_words.isdisjoint(raws[i : i + best_n]) else "name"
        # (a one-word name is its word: the split's string, not a copy of it for each of 300,000 names)
        found.append((Mention(st, en, raw if best_n == 1 else text[st:en], best[0].target, best[0].alias, how, sent), best))
        free = i + best_n
    chains = _chains(text, raws, keys, gaps, offsets, sentence_starts, found, matcher, context)
    if ships and chains:
        chains = [c for c in chains if not _in_a_span(ships, c[0].start)]
    from_to = _from_to(text, raws, keys, gaps, offsets, sentence_starts, found, chains, matcher)
    if from_to:
        chains = sorted(chains + from_to, key=lambda x: x[0].start)
    if chains:
        # the places inside a chain name the line, not themselves ("Baku-Tiflis-Ceyhan" is BTC only)
        chain_starts = [m.start for m, _ in chains]
        inside = []
        for m, _ in found:
            j = bisect_right(chain_starts, m.start) - 1
            inside.append(j >= 0 and chains[j][0].start <= m.start and m.end <= chains[j][0].end)
        kept = [f for f, drop in zip(found, inside, strict=True) if not drop]
        found = sorted(kept + chains, key=lambda x: x[0].start)
    return found


#: A capitalised word that is no handle or hashtag ("@Novorossiysk_girl"): a line without one is written in lower case.
_CAPITALISED_WORD = re.compile(r"(?<![@#\w])[A-ZÄÖÜА-ЯЁ][a-zäöüßа-яё]")
_LOWER_LINE_WORDS = 6


class _Lines:
    """A text's line breaks, found once, and one answer a line (keyed by its start): a line's bounds are bisected.

    A question asked of the line around each of many names reads each line once: with ``rfind``/``find`` from each name,
    one long line of names (a hostile text's shape) was scanned back and forth at each, quadratic.
    """

    __slots__ = ("answers", "breaks")

    def __init__(self, text: str) -> None:
        self.breaks = [b.start() for b in _LINE_BREAK.finditer(text)]
        self.answers: dict[int, bool] = {}

    def bounds(self, start: int, end: int, n_text: int) -> tuple[int, int]:
        """The start and end of the line holding ``start .. end``.

        The start is the character after the last line break before ``start`` (else 0), the end the first line break at
        or after ``end`` (else ``n_text``).
        """
        breaks = self.breaks
        k = bisect_left(breaks, start)
        first = breaks[k - 1] + 1 if k else 0
        k = bisect_left(breaks, end, k)
        return first, breaks[k] if k < len(breaks) else n_text


_LINE_BREAK = re.compile("\n")


def _lower_case_line(text: str, pos: int, lines: _Lines) -> bool:
    """The line around ``pos`` has at least six words and none capitalised (a social post typed in lower case).

    Abbreviations, shouting ("AGAIN") and handles do not count. ``lines`` keeps the answer by the line's start, so a long
    line of many names is read once.
    """
    start, end = lines.bounds(pos, pos, len(text))
    got = lines.answers.get(start)
    if got is None:
        line = text[start:end]
        got = lines.answers[start] = (_CAPITALISED_WORD.search(line) is None
                                      and len(line.split(None, _LOWER_LINE_WORDS)) > _LOWER_LINE_WORDS - 1)
    return got


#: Countries whose pairs name lines ("Kazakhstan-China pipeline"), as chain keys (adjectives folded by DEMONYMS).
_COUNTRY_KEYS = frozenset(DEMONYMS.get(k, k) for k in map(name_key, (
    "Kazakhstan", "Kasachstan", "Казахстан", "China", "Китай", "Russia", "Russland", "Россия", "Turkmenistan", "Туркменистан",
    "Uzbekistan", "Usbekistan", "Узбекистан", "Azerbaijan", "Aserbaidschan", "Азербайджан", "Georgia", "Georgien", "Грузия",
    "Turkey", "Türkei", "Турция")))
#: A border word right after a chain (any case: "Grenze", "Grenzübergang", «границе»).
_BORDER_AFTER = re.compile(r"\s+(?:border|frontier|grenz|границ|рубеж)", re.IGNORECASE)
#: A two countries' compound ("Kazakhstan-China", «казахстанско-китайский», "kasachisch-chinesische") names a line only
#: beside a word of a line or route, before it ("Ölleitung Kasachstan–China") or after it, a commodity between
#: ("Kazakhstan-China oil pipeline"), or a commodity's flows after it ("Kazakhstan-China crude flows"); else it qualifies
#: another noun: "the Kazakhstan-China business council", «казахстанско-китайские переговоры о поставках нефти», „der
#: kasachisch-chinesische Wirtschaftsrat“ are two countries' affairs.
_LINE_AFTER_PAIR = re.compile(r"[»\"“”]?\s+(?:(?:oil|crude|gas|Öl|Rohöl|Gas|нефт\w*|газ\w*)[\s-]+){0,2}(?:pipelines?\b|lines?\b|links?\b|"
                              r"route|leitung|ölleitung|gasleitung|pipeline|трубопровод|нефтепровод|газопровод|маршрут|"
                              r"магистрал|"
                              # a commodity's flows between the two: "Kazakhstan-China crude flows", "oil exports", "Gaslieferungen"
                              r"(?:oil|crude|gas|Öl|Rohöl|Gas)[\s-]*(?:flows?|exports?|deliveries|supplies|shipments|lieferungen|"
                              r"exporte|ströme|transit)\b)", re.IGNORECASE)
#: After a country, a spaced dash and a name, more names in a list closed by "and" and another spaced dash: "the fields of
#: Kazakhstan — Tengiz, Kashagan and Karachaganak — ...", «месторождения Западного Казахстана — Тенгиз, Кашаган и Карачаганак —»:
#: the dashes set off a list of examples, no chain of places (batch 37).
_ASIDE_LIST_AFTER = re.compile(r"(?:\s*,\s*[^\W\d_][\w-]*){1,6}\s+(?:and|und|и)\s+[^\W\d_][\w-]*\s+[—–]\s")
_LINE_BEFORE_PAIR = re.compile(r"(?:pipeline|leitung|route|провод\w{0,3}|маршрут\w{0,3}|магистрал\w{0,3})\s*[«\"„“]?$", re.IGNORECASE)


def _chains(text: str, raws: list[str], keys: list[str], gaps: list[str], offsets: list[int], sentence_starts: list[int],
            found: list[tuple[Mention, list[Entry]]], matcher: Matcher,
            context: Callable[[int], str] | None = None) -> list[tuple[Mention, list[Entry]]]:
    """Lines written as their places, "A-B-C" in any dash style, not already matched as one name.

    A line word right before or after the chain that names a commodity («газопровод Казахстан — Китай»,
    "Kazakhstan-China gas pipeline") keeps only the lines of that commodity; without one, the commodity
    its sentence or article speaks of (``context`` of the sentence index) settles a chain that fits lines of both.
    """
    # gaps[k] stands before word k; a dash gap joins word k - 1 and word k
    out: list[tuple[Mention, list[Entry]]] = []
    if not any(dash in text for dash in _CHAIN_DASHES):
        return out  # no dash in the text, so no dash gap (half the snippets): C-level scans for seven characters, not of every gap
    n_keys = len(keys)
    dash_gaps = _DASH_GAPS
    # the gaps between words that are a dash (looked up from the dashes in the text, found by C-level scans: most gaps hold
    # none, and looking each gap up hashed it)
    at_dash: set[int] = set()
    for dash in _CHAIN_DASHES:
        at = text.find(dash)
        while at >= 0:
            part = bisect_right(offsets, at)  # part i of the split ends at offsets[i]; gap k is part 2k
            if part % 2 == 0 and 0 < part // 2 < n_keys and gaps[part // 2] in dash_gaps:
                at_dash.add(part // 2)
            at = text.find(dash, at + 1)
    dashed = sorted(at_dash)
    place = matcher.place_keys
    if place.isdisjoint(map(keys.__getitem__, dashed)):
        return out  # no dash before a place: no chain ("re-routed", "Ust-Luga" alone)
    found_starts: list[int] | None = None
    named_commodities: dict[int, set[str]] | None = None
    k = 0
    while k < len(dashed):
        first = dashed[k] - 1
        last = dashed[k]
        while k + 1 < len(dashed) and dashed[k + 1] == last + 1:
            k += 1
            last = dashed[k]
        k += 1
        while last > first + 1 and raws[last][:1].isdigit():
            last -= 1  # a figure after a dash ends no chain: «Казахстан — Китай – 1,0 млн т» in a list of routes and volumes
        chain = tuple(keys[first : last + 1])
        if not place.issuperset(chain):
            continue
        if _COUNTRY_KEYS.issuperset(chain) and _BORDER_AFTER.match(text, offsets[2 * last + 1]):
            continue  # "the Kazakh-Chinese border", «на казахстанско-китайской границе»: the frontier of two countries, no line
        st, en = offsets[2 * first], offsets[2 * last + 1]
        if (_COUNTRY_KEYS.issuperset(chain) and len(gaps[first + 1]) == 1 and not _LINE_AFTER_PAIR.match(text, en)
                and not _LINE_BEFORE_PAIR.search(text, max(0, st - 24), st)):
            continue  # "the Kazakhstan-China business council", «казахстанско-китайские переговоры»: the two countries' affairs
        if last == first + 1 and chain[0] in _COUNTRY_KEYS and len(gaps[last]) > 1 and _ASIDE_LIST_AFTER.match(text, en, en + 120):
            # «месторождения Западного Казахстана — Тенгиз, Кашаган и Карачаганак — ...»: a country, then a list of its
            # places set off by dashes (batch 37; not «Атырау — Самара, Дружба и БТД — главные маршруты»: two places)
            continue
        if found_starts is None:
            found_starts = [m.start for m, _ in found]
        j = bisect_right(found_starts, st) - 1
        if j >= 0 and (found[j][0].start < st < found[j][0].end or found[j][0].end >= en):
            continue  # inside one name already, or cut through one
        last_name = bisect_right(found_starts, en - 1) - 1
        if last_name >= 0 and found[last_name][0].end > en:
            continue  # the last place is the start of a longer name
        commodity = _commodity_around(raws, first, last)
        memo_key = (commodity, *chain)
        line = matcher.chain_seen[memo_key] if memo_key in matcher.chain_seen else _resolve_chain(chain, matcher, commodity)
        sent = bisect_right(sentence_starts, st) - 1
        if not commodity and context is not None:
            line = _in_context(chain, line, context, sent, matcher)
        if not line and not commodity:
            if named_commodities is None:  # once a text: the commodities of the lines named in each sentence
                named_commodities = {}
                for m, _ in found:
                    if m.id in matcher.line_ids:
                        named_commodities.setdefault(m.sentence, set()).add(matcher.commodity.get(m.id, ""))
            line = _by_named_lines(chain, named_commodities.get(sent, set()), matcher)
        if not line and len(chain) >= 4:
            # «Актау — Баку — Тбилиси — Джейхан»: a port before (or after) a line's own chain; the line is the longer part
            for a, b in ((first + 1, last), (first, last - 1)):
                line = _resolve_chain(tuple(keys[a : b + 1]), matcher, commodity)
                if line:
                    st, en = offsets[2 * a], offsets[2 * b + 1]
                    break
        if line:
            if st == offsets[2 * first] and first > 0 and gaps[first] == " " and raws[first - 1].startswith(_REGION_ADJECTIVES):
                st = offsets[2 * (first - 1)]  # «Центральная Азия — Китай»: the region's adjective opens its place's name
            out.append((Mention(st, en, text[st:en], line, text[st:en], "chain", sent), [Entry(line, text[st:en])]))
    return out


#: Capitalised adjectives that open a region's name of two words before a chain's first place ("Central Asia–China").
_REGION_ADJECTIVES = ("Central", "Zentral", "Центральн", "Middle", "Mittel", "Средн")


def _by_named_lines(chain: tuple[str, ...], commodities: set[str], matcher: Matcher) -> str | None:
    """The line of ``chain`` of the one commodity (``commodities``) the other lines named in its sentence carry, else None.

    «КТК – 51,3 млн т; Атырау — Самара – 7,9 млн т; Казахстан — Китай – 1,0 млн т»: oil lines, so the oil line between
    those two countries.
    """
    commodity = next(iter(commodities)) if len(commodities) == 1 else ""
    return _resolve_chain(chain, matcher, commodity) if commodity in ("oil", "gas") else None


def _in_context(chain: tuple[str, ...], line: str | None, context: Callable[[int], str], sent: int, matcher: Matcher) -> str | None:
    """``line`` (resolved without a commodity), or the line of the sentence's commodity the same places name if it is not of it.

    The context is asked only when the places name another line for oil or for gas (rarely), so most names cost two look-ups.
    """
    alts = matcher.commodity_lines.get((line, *chain))
    if alts is None:
        alts = {}
        for c in ("oil", "gas"):
            memo_key = (c, *chain)
            alt = matcher.chain_seen[memo_key] if memo_key in matcher.chain_seen else _resolve_chain(chain, matcher, c)
            if alt and alt != line and (line is None or c not in matcher.commodity.get(line, c)):
                alts[c] = alt
        if len(matcher.commodity_lines) < MAX_MEMO // 10:
            matcher.commodity_lines[(line, *chain)] = alts
    return alts.get(context(sent), line) if alts else line


def _alias_chain(alias: str, matcher: Matcher) -> tuple[str, ...]:
    """The places of a line's alias written as a chain ("Kazakhstan-China pipeline" -> kazakhstan, china), if it names no commodity."""
    got = matcher.alias_chains.get(alias)
    if got is None:
        got = ()
        if not any(commodity_masks(WORD.findall(alias))):
            for chain in _DASH_CHAIN.findall(alias):
                keys = tuple(k for k in (DEMONYMS.get(k, k) for k in map(name_key, WORD.findall(chain)))
                             if k not in _NOT_PLACES and _is_place_key(k))
                if len(keys) >= 2:
                    got = keys
                    break
        if len(matcher.alias_chains) < MAX_MEMO // 10:
            matcher.alias_chains[alias] = got
    return got


def _forms(stems: tuple[str, ...], endings: tuple[str, ...]) -> frozenset[str]:
    return frozenset(f"{c}{e}" for s in stems for c in (s, s.capitalize()) for e in endings)


_RU_NOUN = ("", "а", "у", "ом", "е", "ы", "ов", "ам", "ами", "ах")
#: Words for a line, each with the commodity it names ("" for either): "the gas pipeline from A to B".
_LINE_WORD_COMMODITY = {
    **dict.fromkeys(_forms(("pipeline", "leitung", "rohrleitung"), ("", "s", "en")), ""),
    **dict.fromkeys(_forms(("gaspipeline", "gasleitung", "erdgasleitung", "erdgaspipeline"), ("", "s", "en")), "gas"),
    **dict.fromkeys(_forms(("ölpipeline", "ölleitung", "erdölleitung", "erdölpipeline", "rohölpipeline"), ("", "s", "en")), "oil"),
    **dict.fromkeys(_forms(("трубопровод", "магистраль"), _RU_NOUN), ""),
    **dict.fromkeys(_forms(("газопровод", "газопроводн"), _RU_NOUN), "gas"),
    **dict.fromkeys(_forms(("нефтепровод",), _RU_NOUN), "oil"),
}
#: Every word of _LINE_WORD_COMMODITY holds one of these (tests/test_extract_speedx.py checks each).
_LINE_WORD_STEMS = ("ipeline", "eitung", "ровод", "агистрал")
_COMMODITY_BEFORE = {"gas": "gas", "oil": "oil", "crude": "oil", "Gas": "gas", "Oil": "oil", "Crude": "oil"}
#: Words of the commodity a sentence moves, in any of the three languages (for "A sends gas through the pipeline to B").
_COMMODITY_WORD = {**_COMMODITY_BEFORE, **dict.fromkeys(("Öl", "Erdöl", "Rohöl", "нефть", "нефти", "Нефть"), "oil"),
                   **dict.fromkeys(("Erdgas", "газ", "газа", "Газ"), "gas")}
_SENTENCE_GAP = re.compile(r"[.!?;:\n]")
_FROM_WORDS = frozenset(("from", "von", "aus", "из", "от"))
_TO_WORDS = frozenset(("to", "nach", "в", "во", "до", "bis", "in"))


def _from_to(text: str, raws: list[str], keys: list[str], gaps: list[str], offsets: list[int], sentence_starts: list[int],
             found: list[tuple[Mention, list[Entry]]], chains: list[tuple[Mention, list[Entry]]],
             matcher: Matcher) -> list[tuple[Mention, list[Entry]]]:
    """Lines written as "the pipeline from A to B" («газопровод из A в B»): A and B name the line like a chain."""
    out: list[tuple[Mention, list[Entry]]] = []
    if not any(stem in text for stem in _LINE_WORD_STEMS):
        return out  # no word for a line (two snippets in three): C-level substring scans, not a look-up of every word
    n = len(raws)
    taken: tuple[list[int], list[int], list[int]] | None = None
    line_words = _LINE_WORD_COMMODITY
    for i in [k for k in range(n - 2) if raws[k] in line_words]:
        if gaps[i + 1] != " " or gaps[i + 2] != " " or keys[i + 2] not in matcher.place_keys:
            continue
        if raws[i + 1] in _TO_WORDS:
            got = _origin_before(text, raws, keys, gaps, offsets, sentence_starts, i, found, chains, matcher, taken)
            if got is not None:
                taken = got[1]
                out.extend(got[0])
            continue
        if raws[i + 1] not in _FROM_WORDS:
            continue
        a, first, last = keys[i + 2], i + 2, i + 2
        if i + 4 < n and raws[i + 3] in _TO_WORDS and gaps[i + 3] == gaps[i + 4] == " " and keys[i + 4] in matcher.place_keys:
            b, last = keys[i + 4], i + 4  # "pipeline from Turkmenistan to China"
        else:  # "gas goes to China through the pipeline from Turkmenistan": the destination a few words before
            before = [k for k in range(max(0, i - 5), i - 1) if raws[k] in _TO_WORDS and keys[k + 1] in matcher.place_keys
                      and not _SENTENCE_GAP.search(gaps[k + 1] + "".join(gaps[k + 2 : i + 1]))]
            if not before:
                continue
            b, first = keys[before[-1] + 1], before[-1] + 1
        st, en = offsets[2 * first], offsets[2 * last + 1]
        ends = (st, offsets[2 * last])
        if taken is None:
            taken = _spans(found + chains)
        if _overlapped(taken, st, en, ends):
            continue  # cuts through a name or chain already found, or holds one that is not one of its two places
        commodity = _LINE_WORD_COMMODITY[raws[i]] or _COMMODITY_BEFORE.get(raws[i - 1], "") if i else _LINE_WORD_COMMODITY[raws[i]]
        line = _resolve_from_to(a, b, commodity, matcher)
        if line:
            sent = bisect_right(sentence_starts, st) - 1
            out.append((Mention(st, en, text[st:en], line, text[st:en], "chain", sent), [Entry(line, text[st:en])]))
    return out


def _origin_before(text: str, raws: list[str], keys: list[str], gaps: list[str], offsets: list[int], sentence_starts: list[int], i: int,
                   found: list[tuple[Mention, list[Entry]]], chains: list[tuple[Mention, list[Entry]]], matcher: Matcher,
                   taken: tuple[list[int], list[int], list[int]] | None
                   ) -> tuple[list[tuple[Mention, list[Entry]]], tuple[list[int], list[int], list[int]]] | None:
    """A line named by its destination, its start a few words before: "Kazakhstan ships oil through the pipeline to China".

    «Туркменистан поставляет газ по газопроводу в Китай»: the capitalised place a few words before the line word (same
    sentence, no other name between) is where the line starts; the line is the one "from A to B" names, and the mention
    is the line word with its destination ("pipeline to China").
    """
    b = keys[i + 2]
    before = [k for k in range(max(0, i - 8), i) if keys[k] in matcher.place_keys and keys[k] != b and raws[k][:1].isupper()
              and raws[k] not in _COMMODITY_WORD and not _SENTENCE_GAP.search("".join(gaps[k + 1 : i + 1]))]
    if not before:
        return None
    k = before[-1]
    # the commodity is the line word's, else the one word of oil or gas between the start and the line ("sends gas")
    named = {_COMMODITY_WORD[w] for w in raws[k + 1 : i] if w in _COMMODITY_WORD}
    commodity = _LINE_WORD_COMMODITY[raws[i]] or (named.pop() if len(named) == 1 else "")
    if not commodity:
        return None  # "Kazakhstan is linked by pipeline to China": which line is not said
    st, en = offsets[2 * i], offsets[2 * (i + 2) + 1]
    if taken is None:
        taken = _spans(found + chains)
    lo, b_start = offsets[2 * k], offsets[2 * (i + 2)]
    if _overlapped(taken, lo, en, (lo, b_start)):
        return [], taken  # another name between the origin and the destination (or through them): theirs to say
    line = _resolve_from_to(keys[k], b, commodity, matcher)
    if not line:
        return [], taken
    sent = bisect_right(sentence_starts, st) - 1
    return [(Mention(st, en, text[st:en], line, text[st:en], "chain", sent), [Entry(line, text[st:en])])], taken


def _spans(found: list[tuple[Mention, list[Entry]]]) -> tuple[list[int], list[int], list[int]]:
    """The names' spans sorted: their starts, their ends, and the greatest end up to each (for :func:`_overlapped`)."""
    spans = sorted([(m.start, m.end) for m, _ in found])
    ends = [e for _, e in spans]
    reach: list[int] = []
    most = -1
    for e in ends:
        most = max(most, e)
        reach.append(most)
    return [s for s, _ in spans], ends, reach


def _overlapped(taken: tuple[list[int], list[int], list[int]], lo: int, en: int, own: tuple[int, int]) -> bool:
    """A span of ``taken`` (see :func:`_spans`) overlaps [lo, en), other than one starting at an ``own`` place inside it.

    Only the spans starting before ``en`` are read, backwards while one of them may still reach past ``lo`` (a scan of
    every name for each "pipeline from A to B" was quadratic: 2 MB of "Aktau oil and the pipeline from Turkmenistan to
    China and " took 5 s).
    """
    starts, ends, reach = taken
    k = bisect_left(starts, en) - 1
    while k >= 0 and reach[k] > lo:
        if ends[k] > lo and not (starts[k] in own and ends[k] <= en):
            return True
        k -= 1
    return False


def _resolve_from_to(a: str, b: str, commodity: str, matcher: Matcher) -> str | None:
    """The one line whose dashed alias runs from ``a`` to ``b``; else the one line that passes both (of the commodity)."""
    key = (a, b, commodity)
    if key in matcher.from_to_seen:
        return matcher.from_to_seen[key]
    line = _resolve_from_to_of(a, b, commodity, matcher)
    if len(matcher.from_to_seen) < MAX_MEMO // 10:  # it scans every line: memoised, bounded
        matcher.from_to_seen[key] = line
    return line


def _resolve_from_to_of(a: str, b: str, commodity: str, matcher: Matcher) -> str | None:
    def fits(ln: str) -> bool:
        return not commodity or commodity in matcher.commodity.get(ln, commodity)

    named = [ln for ln in matcher.alias_ends.get((a, b), ()) if fits(ln)]
    if len(named) == 1:
        return named[0]
    lines = [ln for ln, places in matcher.places.items() if a in places and b in places and fits(ln)]
    if len(lines) > 1:
        lines = [ln for ln in lines if _ends_match([a, b], ln, matcher)]
    return lines[0] if len(lines) == 1 else None


def _commodity_around(raws: list[str], first: int, last: int) -> str:
    """The commodity ("gas", "oil") a line word right before or after words ``first .. last`` names, else ""."""
    n = len(raws)
    if last + 1 < n and raws[last + 1] in _LINE_WORD_COMMODITY:
        return _LINE_WORD_COMMODITY[raws[last + 1]]
    if last + 2 < n and raws[last + 1] in _COMMODITY_BEFORE and raws[last + 2] in _LINE_WORD_COMMODITY:
        return _COMMODITY_BEFORE[raws[last + 1]]  # "Kazakhstan-China gas pipeline"
    if first > 0 and raws[first - 1] in _LINE_WORD_COMMODITY:
        return _LINE_WORD_COMMODITY[raws[first - 1]]  # «газопровод Казахстан — Китай»
    return ""


def _resolve_chain(chain: tuple[str, ...], matcher: Matcher, commodity: str = "") -> str | None:
    """The one line that passes every place of ``chain`` (of ``commodity`` when given).

    Of several, the one with an alias running from the first place to the last, else those whose end points match.
    """
    lines = [ln for ln, places in matcher.places.items()
             if set(chain) <= places and (not commodity or commodity in matcher.commodity.get(ln, commodity))]
    if len(lines) > 1:
        named = [ln for ln in matcher.alias_ends.get((chain[0], chain[-1]), ()) if ln in lines]
        lines = named if len(named) == 1 else [ln for ln in lines if _ends_match(list(chain), ln, matcher)] or lines
    line = lines[0] if len(lines) == 1 else None
    if len(matcher.chain_seen) < MAX_MEMO:
        matcher.chain_seen[(commodity, *chain)] = line
    return line


def _ends_match(chain: list[str], line: str, matcher: Matcher) -> bool:
    ends = matcher.end_places.get(line, ())
    if len(ends) != 2:
        return False
    return (chain[0] in ends[0] and chain[-1] in ends[1]) or (chain[0] in ends[1] and chain[-1] in ends[0])


def _settle(found: list[tuple[Mention, list[Entry]]], plain: list[str | None], text: str, matcher: Matcher,
            doc: dict[str, int], operated: dict[int, set[str]] | None = None, rail: set[int] | None = None,
            cuts: list[int] | None = None, clause_operated: dict[int, set[str]] | None = None) -> list[Mention]:
    """Pick one asset for each ambiguous name: possessor, then its clause, then the sentence, then the document.

    ``plain[i]``: the one asset of ``found[i]`` when its name is unambiguous and not a context alias, else ``None``.
    ``operated``: by sentence, the operator words it holds ("the Transneft oil harbour at Novorossiysk").
    ``rail``: sentences that speak of rail (tank cars, railway): they name the rail legs, so "from Baku" is where a leg starts.
    ``cuts``: where clauses of contrast start ("..., while Transneft kept pumping to its berths in Novorossiysk"), and
    ``clause_operated`` the operator words of each clause (numbered by ``bisect_right(cuts, position)``): evidence in the
    name's own clause counts before evidence elsewhere in the sentence.
    """
    by_sentence: dict[int, set[str]] = {}
    by_clause: dict[int, set[str]] = {}
    cuts = cuts or []
    clause_operated = clause_operated or {}
    # a strait's lane (one end in the data, "the Bosporus") carries the cargoes of every terminal of its sea: it tells none
    # of them from another ("CPC Blend, loaded near Novorossiysk and shipped through the Bosporus" is the CPC's terminal)
    open_lanes = matcher.open_lanes
    # a sentence's set is read only to settle an ambiguous name in it or in the next sentence (``before`` of _choose): made
    # only for such sentences (300,000 sentences of one plain name each kept 300,000 sets). The names come in text order, so
    # a sentence's names are one run of them, the next sentence's the next; were they not, every sentence gets its set.
    n_found = len(found)
    in_order = all(found[k][0].sentence <= found[k + 1][0].sentence for k in range(n_found - 1))
    run_sentence, run_settles = -1, True
    for k, (m, _) in enumerate(found):  # (by index: mypyc compiles zip(..., strict=True) to a generic iteration)
        one = plain[k]
        if in_order and m.sentence != run_sentence:
            run_sentence, j = m.sentence, k
            while j < n_found and found[j][0].sentence <= run_sentence + 1 and plain[j] is not None:
                j += 1
            run_settles = j < n_found and found[j][0].sentence <= run_sentence + 1  # an ambiguous name here or just after
        if one is not None and one not in open_lanes:
            if run_settles:
                here = by_sentence.get(m.sentence)
                if here is None:
                    here = by_sentence[m.sentence] = set()
                here.add(m.id)
            if cuts:
                by_clause.setdefault(bisect_right(cuts, m.start), set()).add(m.id)
    if rail:
        rail_legs = matcher.rail_ids
        for sent in rail:
            by_sentence.setdefault(sent, set()).update(rail_legs)
    operated = operated or {}
    out: list[Mention] = []
    prev: Mention | None = None
    # (keyed by the sentence too, so the choices of one sentence are kept at a time: the names come in text order, and a
    # sentence met again would only be settled again, the same way; 300,000 short sentences kept 300,000 keys)
    decided: dict[tuple[int, ...], str | None] = {}
    decided_sentence = -1
    alts_of: dict[tuple[str, ...], tuple[str, ...]] = {}  # one tuple of other assets per spelling, not one per name
    settled_alone: dict[tuple[Any, ...], str | None] = {}  # choices in sentences of no connected asset (see below)
    ownable, lines = matcher.ownable, matcher.line_ids
    headline_alone: list[Mention] = []  # ambiguous names of the first sentence settled by the document alone
    # the paragraphs' starts and plain counts (made when a name is first settled by _choose: most texts need none)
    par_starts: list[int] | None = None
    par_docs: dict[int, dict[str, int]] = {}

    def local_evidence(m: Mention, entries: list[Entry], clause: int) -> bool:
        # (an asset in the headline connected to none of the name's assets is no evidence: "Öl für Schwedt: „Nicht über
        # Noworossijsk“" names the refinery beside the port, batch 43)
        here = by_sentence.get(m.sentence)
        return bool((here and any(not matcher.near.get(e.target, frozenset((e.target,))).isdisjoint(here) for e in entries))
                    or operated.get(m.sentence) or (rail and m.sentence in rail) or (
            cuts and (by_clause.get(clause) or clause_operated.get(clause))))

    for k, (m, entries) in enumerate(found):
        one = plain[k]
        if m.sentence != decided_sentence:
            decided.clear()
            decided_sentence = m.sentence
        owner = _possessor(prev, m, text, matcher) if prev is not None and m.id in ownable and prev.id in lines else None
        if owner is not None:
            m.id = owner
        elif one is None:
            # the choice depends only on the alias entries and the sentence (the document counts are fixed),
            # so a name repeated in one sentence (hostile input) is settled once
            own = entries  # the matcher's list (narrowed below to a new one)
            clause = bisect_right(cuts, m.start) if cuts else -1
            key = (*map(id, entries), m.sentence, clause)  # the entries live in the matcher: their ids are stable
            if any(e.context for e in entries) and (_port_before(text[max(0, m.start - 40) : m.start]) or _next_port_listed(
                    prev, m, text, matcher)) and not any(
                    e.context and not matcher.near.get(e.target, _NO_IDS).isdisjoint(by_sentence.get(m.sentence, _NO_IDS))
                    for e in entries):
                # "the oil harbour of Novorossiysk", «порт Новороссийск»: the port itself, not a facility near the town,
                # unless the sentence names the facility's own line ("the port of Novorossiysk was shut, halting CPC loadings");
                # a port among the name's assets first ("der Hafen von Baku" is the Port of Baku, as its English alias)
                entries = ([e for e in entries if matcher.kinds.get(e.target) == "port"]
                           or [e for e in entries if not e.context] or entries)
                key = (*key, -1)
            elif not any(e.context for e in entries) and len({matcher.kinds.get(e.target) for e in entries}) > 1:
                # a name of two kinds of asset ("Kumkol": the field and the pump station) after a kind word is that kind's
                # («месторождения Кумколь» the field, «ГНПС «Кумколь»» the station)
                # (or right after it, within two words: "the Kumkol pumping station", "Kumkol oil field")
                kind = _kind_before(text[max(0, m.start - 30) : m.start]) or _kind_after(
                    text, m.end, {matcher.kinds.get(e.target, "") for e in entries}) or (
                    "field" if _FIELDS_AFTER_LIST.match(text, m.end, m.end + 60) else None) or _listed_kind(
                    prev, m, found[k + 1][0] if k + 1 < n_found else None, plain[k + 1] if k + 1 < n_found else None, text, matcher)
                narrowed = [e for e in entries if matcher.kinds.get(e.target) == kind] if kind else []
                if kind and narrowed:  # keyed by the kind: «месторождения Кумколь» and «ГНПС «Кумколь»» in one sentence are two
                    entries, key = narrowed, (*key, -2, _KIND_NUMBER[kind])
            targets = list(dict.fromkeys(e.target for e in entries))
            partner = _lane_partner(prev, m, targets, text, matcher) if prev is not None and prev.sentence == m.sentence else None
            choice: str | None
            if partner is not None:
                choice = partner  # "Tankers from Aktau to Baku ..., and the run from Kuryk to Alat": Aktau's lane ends at Sangachal
            elif key in decided:
                choice = decided[key]
            else:
                local = by_sentence.get(m.sentence, set())
                # nothing connected or operated in the sentence (nor its clause) or in the sentence before, no rail: the choice
                # rests on the entries and the document alone, the same in every such sentence ("Baku." 300,000 times is
                # settled once). Keyed by the matcher's own list, or by what _choose reads of a narrowed one (targets in
                # order, context flags).
                before = by_sentence.get(m.sentence - 1, _NO_IDS)
                lone: tuple[Any, ...] | None = None
                if not local and not before and not operated.get(m.sentence) and not (rail and m.sentence in rail) and not (
                        cuts and (by_clause.get(clause) or clause_operated.get(clause))):
                    lone = (bool(cuts), id(entries)) if entries is own else (bool(cuts), *[(e.target, e.context) for e in entries])
                # the paragraph's counts (made once an article, when a name is first settled here)
                if par_starts is None:
                    par_starts, par_docs = _paragraph_counts(text, found, plain)
                paragraph = par_docs.get(bisect_right(par_starts, m.start) - 1) if len(par_starts) > 1 else None
                if lone is not None and paragraph:
                    # (keyed by what the paragraph says of each target, not by the paragraph: a text of 300,000 paragraphs
                    # that say the same keeps one key)
                    lone = (*lone, *(sum(paragraph.get(a, 0) for a in matcher.near.get(t) or frozenset((t,))) for t in targets))
                if lone is not None and lone in settled_alone:
                    choice = decided[key] = settled_alone[lone]
                else:
                    if rail and m.sentence in rail:
                        by_clause.setdefault(clause, set()).update(matcher.rail_ids)
                    choice = decided[key] = _choose(entries, targets, local, matcher, doc, operated.get(m.sentence, _NO_IDS),
                                                    by_clause.get(clause, set()) if cuts else local,
                                                    clause_operated.get(clause, _NO_IDS) if cuts else operated.get(m.sentence, _NO_IDS),
                                                    before, paragraph)
                    if lone is not None:
                        settled_alone[lone] = choice
            if m.sentence == 0 and not local_evidence(m, entries, clause):
                headline_alone.append(m)
            if choice is None:
                prev = m
                continue  # a context alias with nothing connected anywhere names no asset
            m.id = choice
            alts = tuple(t for t in targets if t != choice)
            m.alts = alts_of.setdefault(alts, alts)
            if all(e.context for e in entries if e.target == choice):
                m.match = "context"
        out.append(m)
        prev = m
    if headline_alone and _is_headline(text, found[0][0].start if found else 0):
        _headline_follows_story(headline_alone, out)
    return out


#: A paragraph break: a blank line.
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\u00a0]*\n")


def _paragraph_counts(text: str, found: list[tuple[Mention, list[Entry]]], plain: list[str | None]) -> tuple[list[int], dict[int, dict[str, int]]]:
    """The paragraphs' starts, and by paragraph how often it names each asset plainly (one pass; the names in text order or not)."""
    # (_PARAGRAPH_BREAK's matches' ends, read at each line break in a native loop: the regex's iterator cost more)
    starts = [0]
    n = len(text)
    at = text.find("\n")
    while at >= 0:
        j = at + 1
        while j < n and text[j] in " \t\u00a0":
            j += 1
        if j < n and text[j] == "\n":
            starts.append(j + 1)
            at = text.find("\n", j + 1)
        else:
            at = text.find("\n", at + 1)
    counts: dict[int, dict[str, int]] = {}
    if len(starts) > 1:
        for k, (m, _) in enumerate(found):
            one = plain[k]
            if one is not None:
                here = counts.setdefault(bisect_right(starts, m.start) - 1, {})
                here[one] = here.get(one, 0) + 1
    return starts, counts


def _lane_partner(prev: Mention, m: Mention, targets: list[str], text: str, matcher: Matcher) -> str | None:
    """The one of ``targets`` that a shipping lane joins to the port named right before as the start: "from Aktau to Baku".

    A lane's own start and goal ("from Kuryk to Baku" is the Port of Baku at Alat, "from Aktau to Baku" Sangachal, as the
    data's lanes run), whatever else the sentence names ("..., and the newer run from Kuryk to Alat adds a little"). (batch 34)
    """
    if m.start - prev.end > 8 or _GOAL_BEFORE.search(text, prev.end, m.start) is None or _START_BEFORE.search(
            text, max(0, prev.start - 10), prev.start) is None:
        return None
    paired = [t for t in targets if any(matcher.kinds.get(ln) == "shipping_lane" and matcher.endpoints.get(ln, ())[:1] == (prev.id,)
                                        for ln in _lanes({prev.id, t}, matcher))]
    return paired[0] if len(paired) == 1 else None


def _is_headline(text: str, start: int) -> bool:
    """The text's first line is a headline: a line of its own, no full stop at its end, a blank line after it."""
    end = text.find("\n\n")
    return end > 0 and start < end and "\n" not in text[:end].strip() and text[:end].rstrip()[-1:] not in ".!?"


def _headline_follows_story(alone: list[Mention], out: list[Mention]) -> None:
    """A headline's ambiguous name with no evidence of its own takes the asset the story gives the same name by evidence.

    "Drones hit oil pumping station feeding Novorossiysk" over a story whose "Transneft line from Tikhoretsk to
    Novorossiysk" is Sheskharis: the headline names what the story tells, not what the document's counts lean to (the
    CPC named further down).
    """
    settled: dict[str, str] = {}
    alone_ids = {id(m) for m in alone}
    for m in out:
        if m.sentence > 0 and m.alts and id(m) not in alone_ids and m.match != "owner":
            settled.setdefault(m.alias, m.id)
    for m in alone:
        choice = settled.get(m.alias)
        if choice is not None and choice != m.id and choice in m.alts:
            m.alts = tuple(a for a in (m.id, *m.alts) if a != choice)
            m.id = choice


_NO_IDS: frozenset[str] = frozenset()
_ID = attrgetter("id")
#: A kind word right before a name, by kind ("the field of", «месторождения», «ГНПС», "pumping station").
_KIND_BEFORE = (
    # (a plural field word before a list of names is each one's: "aus den Feldern Kumkol und Schanaschol", "the fields of
    # Zhanazhol and Kumkol", «с месторождений Жанажол и Кумколь»)
    ("field", re.compile(r"(?:\bfield(?: of)?|feld|месторождени[еяюи]|месторождением|(?:\bfields(?: of| such as| like)?|felder(?:n| wie)?|"
                         r"месторождени(?:й|ях|ями|ям|я)(?: как)?)(?:\s+[«\"„“]?[\w-]+[»\"“”]?(?:\s*,|\s+(?:and|und|и|sowie)))*)"
                         r"\s*[«\"„“]?$", re.IGNORECASE)),
    # (and a gas store: «подземное хранилище «Бозой»», ПХГ «Бозой», "Gasspeicher Bozoi")
    ("junction", re.compile(r"(?:\bstation|pumpstation|нпс|лпдс|станци[яиюей]|узл[ауе]|узел|хранилищ[еаи]|пхг|gasspeicher|speicher)"
                            r"\s*[«\"„“]?$", re.IGNORECASE)),
)


#: The rest of a list of names and a plural field word after it: each name of the list is a field ("the Zhanazhol, Kumkol
#: and Akshabulak fields", "Kumkol and Zhanazhol oil fields").
_FIELDS_AFTER_LIST = re.compile(r"(?:\s*,\s*[\w-]+)*\s*,?\s+(?:and|und|и)\s+[\w-]+\s+(?:(?:oil|gas|oil and gas)\s+)?fields\b")


#: Only a list's joint between two names: "Kumkol and Zhanazhol", "Zhanazhol, Kumkol", «Жанажол и Кумколь».
_LISTED_JOINT = re.compile(r"\s*(?:,\s*(?:and|und|и|sowie)?|and|und|и|sowie)\s*")


def _listed_kind(prev: Mention | None, m: Mention, nxt: Mention | None, nxt_plain: str | None, text: str,
                 matcher: Matcher) -> str | None:
    """The kind of a plain name listed right beside a name of two kinds: "crude from Kumkol and Zhanazhol" (a field only).

    A bare list names things of one kind; the neighbour's one asset tells which of the name's kinds is meant (read for the
    names just before and just after, each a look at the few characters between them: no search).
    """
    kinds = matcher.kinds
    if prev is not None and prev.sentence == m.sentence and _LISTED_JOINT.fullmatch(text, prev.end, m.start) and not prev.alts:
        return kinds.get(prev.id)
    if nxt is not None and nxt_plain is not None and nxt.sentence == m.sentence and _LISTED_JOINT.fullmatch(text, m.end, nxt.start):
        return kinds.get(nxt_plain)
    return None


def _kind_after(text: str, end: int, kinds: set[str]) -> str | None:
    """The one of ``kinds`` whose word is among the two words after a name ending at ``end``, if exactly one is."""
    after = " ".join(text[end : end + 30].lower().split()[:2])
    hits = [k for k in kinds if (kind_re := _KIND_RE.get(k)) is not None and kind_re.search(after) is not None]
    return hits[0] if len(hits) == 1 else None


def _kind_before(before: str) -> str | None:
    """The kind whose word ends ``before`` (the text right before a name), if any."""
    for kind, pattern in _KIND_BEFORE:
        if pattern.search(before):
            return kind
    return None


#: "to" and a capitalised word right after a name: where a shipment from there goes («из актауского порта в Астрахань»).
_START = attrgetter("start")
_ORIGIN_WORDS = ("from ", "aus ", "von ", "из ")  # the word before a shipment's origin, with its space
_TO_PLACE = re.compile(r"\s+(?:в|во|to|nach)\s+(?=[A-ZÄÖÜА-ЯЁ])")


_TANKER_ENDS: dict[int, tuple[Matcher, frozenset[str]]] = {}


def _tanker_ends(matcher: Matcher) -> frozenset[str]:
    """The end points of the tanker lanes (not of rail legs), once a matcher."""
    got = _TANKER_ENDS.get(id(matcher))
    if got is None or got[0] is not matcher:
        got = _TANKER_ENDS[id(matcher)] = (matcher, frozenset(
            e for ln, ends in matcher.endpoints.items() if matcher.kinds.get(ln) == "shipping_lane" for e in ends))
    return got[1]


def _sent_elsewhere(m: Mention, text: str, mentions: list[Mention]) -> bool:
    """A tanker lane's end named as the origin of a shipment to a place that no name of the data covers.

    "from Aktau to Astrakhan", «танкерами из актауского порта в Астрахань»: that shipment runs on no lane of the data,
    whatever else the sentence names later («..., переключились на поставки через махачкалинский порт»).
    """
    if not text[max(0, m.start - 5) : m.start].lower().endswith(_ORIGIN_WORDS):
        return False  # the name is no origin ("shipped from Batumi to Italy" after rail from Baku: the leg's end stays)
    to = _TO_PLACE.match(text, m.end, m.end + 8)
    if to is None:
        return False
    # not when a name of the data stands there or shortly after in the list ("from Aktau to Astrakhan and Makhachkala");
    # the mentions are in text order: one bisect, not a scan of them all (linear on hostile input)
    k = bisect_left(mentions, to.end(), key=_START)
    return k == len(mentions) or mentions[k].start > to.end() + 30


def _next_port_listed(prev: Mention | None, m: Mention, text: str, matcher: Matcher) -> bool:
    """``m`` goes on a list of ports right after a port's name in a sentence with a plural port word before the list.

    «грузились в портах Приморск и Усть-Луга на Балтике, а также в Новороссийске», "in the ports of Primorsk, Ust-Luga and
    Novorossiysk": the town is read as its port, as after a port word of its own («порт Новороссийск»).
    """
    return (prev is not None and prev.sentence == m.sentence and m.start - prev.end <= 30
            and matcher.kinds.get(prev.id) == "port" and _PORTS.search(text[max(0, prev.start - 80) : prev.start].lower()) is not None)
#: The start of a clause of contrast or a new clause after a semicolon: "..., while", "; ", "während", «тогда как», «, а».
#: (The matches of ``[;]\s|,?\s(?:while|whereas|but|während|wohingegen|doch|тогда как|однако)\s|,\s(?:а|но|aber)\s``, written
#: to open with one character class, the first character of each branch, told apart by a look-behind: the regex engine then
#: skips in C to the next candidate character instead of trying a match at every one.)
_CLAUSE_CUT = re.compile(r"[;,\s](?:(?<=;)\s|(?<=,)\s(?:while|whereas|but|während|wohingegen|doch|тогда как|однако|а|но|aber)\s"
                         r"|(?<=\s)(?:while|whereas|but|während|wohingegen|doch|тогда как|однако)\s)")
#: A port word right before a name ("Ölhafen Noworossijsk", "port of", «порт»), not after "near" ("near the port of"); a
#: German compound of "-hafen" is a port word too ("Mittelmeerhafen Dschayhan", "Ostseehafen Primorsk"), not an airport, a
#: marina or a club's home port ("Flughafen Aktau", "Yachthafen Batumi", "Heimathafen Baku").
_PORT_BEFORE = re.compile(r"^(?:(?!\b(?:near|nahe|bei|unweit|под|около|close)\b).)*?"
                          r"(?:\b(?:oil )?(?:harbou?r|port) of |(?<!flug)(?<!yacht)(?<!jacht)(?<!sport)(?<!heimat)hafen (?:von )?|"
                          r"\bпорт[а-я]* |\bнефтеналивн[а-я]* район[а-я]* )$",
                          re.IGNORECASE | re.DOTALL)


def _port_before(window: str) -> bool:
    """:data:`_PORT_BEFORE` on the text before a name, tried only when its last word can end the pattern.

    Every alternative ends in a space after "of", "hafen", "hafen von", «порт…» or «район…»; ``casefold`` folds at least
    the letters the pattern's IGNORECASE does, so the test lets through every window the pattern can match.
    """
    if not window.endswith(" "):
        return False
    low = window.casefold()
    if not (low.endswith(("of ", "hafen ", "hafen von ")) or "порт" in low or "район" in low):
        return False
    # "near" of the sentence before is not this one's ("... bei Noworossijsk. Der Hafen von Noworossijsk ...")
    return _PORT_BEFORE.search(window[max(window.rfind(". "), window.rfind("\n")) + 1 :]) is not None


def _choose(entries: list[Entry], targets: list[str], local: set[str], matcher: Matcher, doc: dict[str, int],
            operator_words: set[str] | frozenset[str] = _NO_IDS, clause_local: set[str] | None = None,
            clause_operator_words: set[str] | frozenset[str] | None = None,
            before: set[str] | frozenset[str] = _NO_IDS, paragraph: dict[str, int] | None = None) -> str | None:
    """The best target: connected assets and operators in its clause, the sentence, the sentence before, paragraph, document.

    ``before``: the assets of the sentence before ("Port capacity at Aktau will double. The expansion is meant to carry
    more crude to Baku"); ``paragraph``: how often the name's paragraph names each asset plainly ("Eine Verschiffung über
    Noworossijsk ... Das Öl gelange über Samara ...": the Transneft port, though the CPC is named paragraphs later);
    of equal scores a real alias wins over a context alias.
    """
    by_context = {e.target for e in entries if e.context}
    near_of = matcher.near
    operated = {a for k in operator_words for a in matcher.operator_keys[k]} if operator_words else _NO_IDS
    in_clause = local if clause_local is None else clause_local
    words = operator_words if clause_operator_words is None else clause_operator_words
    # (without clauses of contrast the clause is the sentence: its sets are the sentence's, not worked out twice)
    clause_operated = operated if words is operator_words else {a for k in words for a in matcher.operator_keys[k]} if words else _NO_IDS
    same = in_clause is local
    best, best_score = targets[0], (-1, -1, -1, -1, -1, -1, -1, -1)
    for t in targets:  # the first of equal scores wins
        near = near_of.get(t) or frozenset((t,))
        in_sentence = len(near & local)
        score = (in_sentence if same else len(near & in_clause), int(t in clause_operated), in_sentence, int(t in operated),
                 len(near & before) if before else 0, sum(paragraph.get(a, 0) for a in near) if paragraph else 0,
                 sum(doc.get(a, 0) for a in near), 0 if t in by_context else 1)
        if score > best_score:
            best, best_score = t, score
    if best_score[2:7] == (0, 0, 0, 0, 0) and all(e.context for e in entries if e.target == best):
        return None  # only a context alias, and nothing connected to it anywhere
    return best


#: Words for a line's own terminal: "the terminal of the CPC", "das Terminal des CPC", "the CPC's export terminal".
_TERMINAL_WORDS = frozenset(c for w in ("terminal", "terminals", "exportterminal", "ölterminal", "verladeterminal")
                            for c in (w, w.capitalize()))
_OF_THE = (("of", "the"), ("des",), ("der",), ("of",))
_APOSTROPHES = frozenset(("'", "’"))


def _owned_terminals(mentions: list[Mention], text: str, raws: list[str], gaps: list[str], offsets: list[int],
                     matcher: Matcher) -> list[Mention]:
    """A bare word for a terminal bound to a line that ends at exactly one terminal or port names that one.

    "the terminal of the CPC", "das Terminal des CPC", "the CPC's export terminal": the kind word becomes a mention
    of the line's own terminal, when no other name covers it (Russian «терминал КТК» is an alias already).
    """
    starts: list[int] = []  # of the mentions, sorted and disjoint: an overlap test is one bisect (linear on hostile input)
    added: list[Mention] = []
    added_at: set[int] = set()
    own_terminal = matcher.own_terminal
    n = len(raws)
    for m in mentions:
        own = own_terminal.get(m.id)  # lines only
        if own is None:
            continue
        if not starts:
            starts = list(map(_START, mentions))
        # word k starts at offsets[2k]: the words starting before a position are the even parts ending before it
        first = (bisect_left(offsets, m.start) + 1) // 2
        last = (bisect_left(offsets, m.end) + 1) // 2 - 1
        k = None
        for of in _OF_THE:  # the kind word before: "terminal" + "of the" + line
            j = first - len(of) - 1
            if j >= 0 and raws[j] in _TERMINAL_WORDS and tuple(raws[j + 1 : first]) == of and all(
                    g == " " for g in gaps[j + 1 : first + 1]):
                k = j
                break
        if k is None and last + 2 < len(raws) and raws[last + 1] == "s" and gaps[last + 1] in _APOSTROPHES:
            # "the CPC's terminal", "the CPC's export terminal", "the CPC's marine export terminal"
            k = next((j for j in range(last + 2, min(last + 5, len(raws))) if raws[j] in _TERMINAL_WORDS and gaps[j] in (" ", "-")
                      and all(g == " " for g in gaps[last + 2 : j])), None)
        if k is None:
            # the first pronoun within the 20 words _its_terminal looks at (a C-level test of those words, not a scan of all)
            window = raws[last + 1 : min(last + 21, n - 1)]
            if not _ITS.isdisjoint(window):
                its = last + 1 + window.index(next(filter(_ITS.__contains__, window)))
                k = _its_terminal(raws, gaps, offsets, last, starts, m, [its])
        if k is None:
            continue
        st, en = offsets[2 * k], offsets[2 * k + 1]
        j = bisect_right(starts, st) - 1
        if st in added_at or (j >= 0 and mentions[j].end > st) or (j + 1 < len(starts) and starts[j + 1] < en):
            continue  # inside another name ("the CPC's Black Sea terminal" is settled by the possessor rule)
        added.append(Mention(st, en, text[st:en], own, raws[k], "owner", m.sentence))
        added_at.add(st)
    return sorted(mentions + added, key=lambda x: x.start) if added else mentions


#: Possessive pronouns by which a sentence goes on with the line it named ("the consortium cut flows to its terminal").
_ITS = frozenset(("its", "seinem", "seinen", "seines", "sein", "своего", "свой", "своём", "своем", "свою"))


_BREAK_GAP = re.compile(r"[.;!?\n]")


def _its_terminal(raws: list[str], gaps: list[str], offsets: list[int], last: int, starts: list[int], line: Mention,
                  its_at: list[int]) -> int | None:
    """The terminal word of "its (Black Sea) terminal" within 20 words after ``line``'s last word ``last``, in the same clause run.

    The line must be the last name before the pronoun (no other asset in between), and the words up to the
    terminal word are joined by single spaces; bounded look-ahead keeps the pass linear. ``its_at``: the word
    positions of the pronouns (:data:`_ITS`), sorted, so the first one after the line is one bisect.
    """
    n = len(raws)
    p = bisect_left(its_at, last + 1)
    if p == len(its_at) or its_at[p] >= min(last + 21, n - 1):
        return None  # no pronoun within 20 words
    j = its_at[p]
    for g in gaps[last + 1 : j + 1]:
        if g != " " and _BREAK_GAP.search(g):
            return None  # no further than the sentence (or clause) the line is named in
    k = next((x for x in range(j + 1, min(j + 5, n)) if raws[x] in _TERMINAL_WORDS and all(g == " " for g in gaps[j + 1 : x + 1])),
             None)
    if k is None:
        return None
    # no other name between the line and the pronoun (the mentions are sorted by start)
    nxt = bisect_left(starts, line.end)
    return k if nxt == len(starts) or starts[nxt] >= offsets[2 * j] else None


def _possessor(prev: Mention | None, m: Mention, text: str, matcher: Matcher) -> str | None:
    """For "the CPC's Black Sea terminal": the end point of the possessor line of the same kind of place."""
    if prev is None or matcher.kinds.get(m.id) not in ("terminal", "port") or matcher.kinds.get(prev.id) not in LINE_KINDS:
        return None  # (a group id has no kind)
    if not _POSSESSIVE_GAP.match(text[prev.end : m.start]) or m.id in matcher.connected.get(prev.id, set()):
        return None
    kind = matcher.kinds.get(m.id)
    if kind not in ("terminal", "port"):
        return None
    return matcher.own_terminal.get(prev.id)


#: A word of direction right before a name: "railed to Baku", "nach Baku", «до Баку» (not «в Баку»: also "in Baku").
_TO_BEFORE = re.compile(r"(?:\b(?:to|into|nach|bis)|(?<![а-яё])(?:до|к))\s+$", re.IGNORECASE)


def _rail_goal(m: Mention, entries: list[Entry], text: str, matcher: Matcher) -> bool:
    """A name that could only start a rail leg, where the goods go to ("railed to Baku"): no leg of the data is meant.

    The rail legs run from Baku to the Black Sea; oil brought to Baku by rail (or ship) goes on from there.
    """
    if not _TO_BEFORE.search(text, max(0, m.start - 8), m.start):
        return False
    starts = {matcher.endpoints[ln][0] for ln in matcher.rail_ids if matcher.endpoints.get(ln)}
    return {e.target for e in entries} & matcher.rail_ends <= starts


#: Words of rail transport: a sentence with one names the rail legs ("per Kesselwagen aus Baku", "by rail from Baku").
_RAIL = _Screened(re.compile(r"\b(?:rail(?:way|ed|ing|s)?\b|tank cars?\b|trains?\b|(?:eisen)?bahn|kesselwag|güterz|железн|цистерн|вагон)",
                   re.IGNORECASE))
#: Letters that a case-blind pattern (re.IGNORECASE) matches to a Latin, German or Russian letter which ``str.lower`` does not
#: turn into that letter: Turkish İ and ı, the long s, old forms of Cyrillic letters (tests/test_extract_links.py tries them all).
_ODD_CASE = re.compile("[\u0130\u0131\u017f\u1c80-\u1c86]")
#: The same letters one by one (for C-level substring searches).
_ODD_LETTERS = ("\u0130", "\u0131", "\u017f", *map(chr, range(0x1C80, 0x1C87)))


def _rail_in_item(text: str, bounds: tuple[int, int], pos: int, memo: tuple[list[int], dict[int, bool]]) -> bool:
    """Whether the list item (split by semicolons) that holds ``pos`` may speak of rail; True in a sentence with no semicolon.

    «в Баку – 1,2 млн т; железнодорожным транспортом – 3,0 млн т» ships nothing from Baku by rail. ``memo`` (one per
    sentence) keeps the item starts and each item's answer: every item is cut and searched once, however many names it holds.
    """
    cuts, seen = memo
    s, e = bounds
    if not seen:
        cuts.extend(c.end() for c in _ITEM_CUT.finditer(text, s, e))
        seen[-1] = True  # cut once
    if not cuts:
        return True
    k = bisect_right(cuts, pos)
    got = seen.get(k)
    if got is None:
        edges = (cuts[k - 1] if k else s, cuts[k] if k < len(cuts) else e)
        got = seen[k] = _RAIL.search(text, *edges) is not None
    return got


_ITEM_CUT = re.compile(r";\s")


def _may_hold(text: str, pos: int, endpos: int, stems: tuple[str, ...]) -> bool:
    """``text[pos:endpos]`` may hold a match of a case-blind pattern every match of which holds one of ``stems`` (in lower case).

    C-level substring tests in the lowered window, before the pattern: a case-blind search costs several times more,
    and most windows hold none of the stems. (For stems written by hand; a pattern screened by its own stems, read from
    its parse tree, is a :class:`_Screened`.)
    """
    if not _holds_odd(text):
        # (no letter of _ODD_LETTERS, so no "İ", the one letter str.lower turns into two: the whole text lower-cased, once a
        # text, lines up with it: the window is cut from it, not lowered anew)
        # (cut out: searched in place by str.find between its bounds it cost 4 M instructions a pass of the articles more,
        # measured, probably as a window cut out is most often ASCII, while a whole text with one typographic quote or
        # Cyrillic letter is UCS-2, in which each Latin stem is widened for every search)
        low = _lowered(text)[pos:endpos]
        return any(stem in low for stem in stems)
    window = text[pos:endpos]
    low = window.lower()
    # (a letter that lower-cases oddly may hide a stem: answered once for the whole text, so a window may be read in vain)
    return any(stem in low for stem in stems) or not window.isascii()


#: The last text :func:`_holds_odd` read and its answer, one tuple (replaced whole, so threads never see half of it).
_ODD_SEEN: tuple[str | None, bool] = (None, False)


#: The last text :func:`_lowered` lower-cased and its lower-case form, one tuple (replaced whole, as _ODD_SEEN).
_LOW_SEEN: tuple[str | None, str] = (None, "")


def _lowered(text: str) -> str:
    """``text.lower()``, worked out once for the text that :func:`_may_hold` and :func:`_holds_word` read again and again."""
    global _LOW_SEEN
    seen = _LOW_SEEN
    if seen[0] is not text:
        seen = _LOW_SEEN = (text, text.lower())
    return seen[1]


def _holds_odd(text: str) -> bool:
    """``text`` holds a letter of :data:`_ODD_CASE` (almost never): read once per text, not once per window of it."""
    global _ODD_SEEN
    seen = _ODD_SEEN
    if seen[0] is not text:
        seen = _ODD_SEEN = (text, any(letter in text for letter in _ODD_LETTERS))
    return seen[1]


#: Words that say which branch of a pipeline system is meant. Druzhba's southern branch (through Ukraine to Slovakia,
#: Hungary and the Czech Republic) is not in the data: naming one of its countries points to it as well.
_BRANCH_MARKS = {
    "north": re.compile(r"\b(?:north|nord|nörd|северн|german|deutsch|герман|немецк|pol(?:and|en|ish|nisch)|польш)"),
    "south": re.compile(r"\b(?:south|süd|южн|hungar|ungar|венгр|венгер|slovak|slowak|словак|czech|tschech|чехи|чеши|чешск)"),
}
_OTHER_BRANCH = {"north": "south", "south": "north"}


def _branch_mark(branch: str, low: str) -> bool:
    """:data:`_BRANCH_MARKS` of ``branch`` in the case-folded ``low``, searched only when ``low`` holds one of its stems."""
    return any(map(low.__contains__, _BRANCH_STEMS[branch])) and _BRANCH_MARKS[branch].search(low) is not None


def _other_branches_dropped(mentions: list[Mention], text: str, sentences: list[tuple[int, int]], matcher: Matcher) -> list[Mention]:
    """Drop the names of a branch line ("Druzhba", northern branch) where the article speaks of another branch.

    A sentence speaks of the other branch by a branch word or a country only that branch reaches ("the southern leg",
    «по южной ветке», "deliveries to Hungary"), and of this one by its own words or an asset connected to it ("Schwedt").
    An article that speaks only of the other branch drops every mention; otherwise only those in sentences of the other branch.
    """
    other: dict[tuple[str, int], bool] = {}  # (line, sentence) -> the sentence speaks of the other branch
    for m in mentions:
        own_branch = matcher.branches.get(m.id)
        if own_branch is not None and (m.id, m.sentence) not in other:
            s, e = sentences[m.sentence]
            other[(m.id, m.sentence)] = _branch_mark(_OTHER_BRANCH[own_branch], text[s:e].casefold())
    if not any(other.values()):
        return mentions  # the usual case: nothing speaks of another branch
    ids_by_sentence: dict[int, set[str]] = {}
    for m in mentions:
        ids_by_sentence.setdefault(m.sentence, set()).add(m.id)
    own: dict[tuple[str, int], bool] = {}
    for line, sent in other:
        s, e = sentences[sent]
        own[(line, sent)] = (_branch_mark(matcher.branches[line], text[s:e].casefold())
                             or len(matcher.near.get(line, _NO_IDS) & ids_by_sentence[sent]) > 1)
    lines = {line for line, _ in other}
    only_other = {ln for ln in lines if any(o for (x, _), o in other.items() if x == ln) and not any(w for (x, _), w in own.items() if x == ln)}
    return [m for m in mentions if not (m.id in only_other or (other.get((m.id, m.sentence)) and not own[(m.id, m.sentence)]))]


# --- pass 2: claims ------------------------------------------------------------------


def classify(sentence: str, lang: str, *, named: bool, avoids_russia: bool = False, after_energy: bool = False,
             via_russia_only: bool = False) -> str | None:
    """The main claim type of a sentence (see :func:`claim_types`), or ``None``."""
    types = claim_types(sentence, lang, named=named, avoids_russia=avoids_russia, after_energy=after_energy,
                        via_russia_only=via_russia_only)
    return types[0] if types else None


def claim_types(sentence: str, lang: str, *, named: bool, avoids_russia: bool = False, after_energy: bool = False,
                via_russia_only: bool = False, cues: frozenset[str] | None = None, after_outage: bool = False,
                after_claim: bool = False) -> list[str]:
    """Every claim type a sentence asserts, main type first: at most one route type, then the others.

    ``cues``: the sentence's cue kinds if already known (:func:`geo.claims.cues.claim_cues`).
    ``after_claim``: the sentence before is a claim, so an attribution about energy here ("..., warn insiders") goes on with it.
    """
    if cues is None:
        cues = claim_cues(sentence, lang)
    route = _route_type(cues, named=named, avoids_russia=avoids_russia, after_energy=after_energy,
                        via_russia_only=via_russia_only, after_outage=after_outage)
    others: list[str] = [cue for cue in ("military_symbolic", "alignment", "opinion") if cue in cues]
    if route == "rerouting" and "dependency" in cues and ("lessen" in cues or "no_alternative" in cues):
        # "to reduce its dependence on Russian transit", "... but there is no alternative yet": the reliance is claimed too
        others.insert(0, "dependency")
    # an attribution going on with the claim before it ("Critics argue it trades one dependency for another") counts too
    # a view about a named asset in energy talk ("Traders expect volumes via Kuryk to rise") is about a route, like one with actors
    # an attribution right after a claim ("Das berichtet das Handelsblatt unter Berufung auf Unternehmenskreise.") goes on with it
    if route is None and "actors" not in cues and not (after_claim and not cues.isdisjoint(_GOES_ON)) and not (
            after_claim and "opinion" in cues) and not (
            named and "energy" in cues):
        return []
    return ([route] if route else []) + others


def _route_type(cues: frozenset[str], *, named: bool, avoids_russia: bool, after_energy: bool,
                via_russia_only: bool, after_outage: bool = False) -> str | None:
    """The claim type of a sentence, or ``None`` if it claims nothing this tool tracks.

    ``named``: the sentence names an asset; ``avoids_russia``: one of them neither crosses
    Russia nor ends at a Russian port; ``after_energy``: the sentence before spoke about
    energy, so "this route" refers to it. A plain description of a flow is no claim.
    """
    if "russian_goods" in cues:  # Russia's own oil on a route neither avoids Russia nor is a reliance on it
        avoids_russia = via_russia_only = False
    if "energy" in cues:
        if "rerouting" in cues:
            return "rerouting"
        if "dependency" in cues:
            # a reliance being lessened by a named route that avoids Russia is a rerouting (and a dependency, see claim_types)
            # (the route may be named by its geography: "across the Caspian", «через Каспий»)
            # (``avoids_russia`` without a name here: the sentence before named the route, "Ziel ist es, die Abhängigkeit ... zu verringern")
            return "rerouting" if (avoids_russia or "corridor" in cues) and "lessen" in cues else "dependency"
        if named and (after_outage or (avoids_russia and "change" in cues)):
            return "rerouting"  # a flow on another named route right after an outage is a shift, with or without "more"
        if "corridor" in cues and "change" in cues and "russian_goods" not in cues:
            return "rerouting"  # "will send more oil across the Caspian": a plan on a route that avoids Russia
        if via_russia_only and "outage" not in cues:
            return "dependency"  # "exports go through the CPC": a plain statement of reliance on a Russian route
    if named and "dependency" in cues and cues.isdisjoint(_NOT_A_NAMED_RELIANCE):
        return "dependency"  # "Kazakh producers rely almost entirely on the route via Novorossiysk": a named asset is a route
    if after_energy and (named or "actors" in cues):
        if "rerouting" in cues:
            return "rerouting"
        if "dependency" in cues:
            # a reliance lessened right after a route that avoids Russia ("... per Bahn nach Batumi. Der Konzern will damit
            # die Abhängigkeit von russischen Häfen verringern.") is a rerouting, and a dependency (see claim_types)
            return "rerouting" if avoids_russia and "lessen" in cues else "dependency"
    return None


def _ports_of_lane_name(lane: str, name: str, matcher: Matcher) -> set[str]:
    """A tanker lane's end points when its name is the chain of their names ("Aktau–Baku"), else none ("Bosporus")."""
    ends = set(matcher.endpoints.get(lane, ()))
    named = {e.target for w in WORD.findall(name) for e in matcher.names.get((name_key(w),), ())}
    return ends if ends and ends <= named else set()


#: Russia's own export grade: loaded at Transneft's berths, so a sentence naming it speaks of them ("Urals loadings from
#: Novorossiysk" is Sheskharis in a story that names the CPC elsewhere), as if it named Transneft. KEBCO too: the Kazakh
#: grade kept apart inside Transneft's system is loaded at the same berths, not at the CPC's buoys ("KEBCO ... ebenfalls
#: über Noworossijsk exportiert" in a story about CPC Blend).
_RUSSIAN_GRADE = re.compile(r"\b(?:Urals|URALS|Юралс|KEBCO)\b")
#: A sentence that opens by taking up the oil of the sentence before (searched case-folded): "This crude", "Dieses Öl",
#: «Эта нефть»; with a Russian grade in the sentence before, the grade is its oil. The first three letters screen it.
_GRADE_BACK = re.compile(r"\s*(?:(?:this|that|the same)\s+(?:oil|crude|grade|blend)|(?:dieses|dasselbe)\s+(?:öl|rohöl)|"
                         r"diese\s+sorte|(?:эта|эту|та же)\s+нефть|этот\s+сорт)(?![\w-])")
_BACK_STARTS = frozenset(("thi", "tha", "the", "die", "das", "эта", "эту", "та ", "это"))
#: A grade's price against a benchmark or at its loading port (searched case-folded): "discount", "Abschlag", «дисконт», "fob".
#: («скидка» is the everyday Russian word of a discount, as "Abschläge" the German plural: "Скидки на Urals в Приморске")
_PRICE = re.compile(r"\bfob\b|discount|differential|abschlag|abschläg|дисконт|скидк|премия к|premium to")
#: An amount of money (searched case-folded): "11,90 Dollar", "$10.4", «10,4 доллара».
_AMOUNT = re.compile(r"\d(?:[\d.,\u00a0 ]*\d)?\s*(?:us-)?(?:dollar|доллар)|\$\s?\d")
#: A crude grade, a benchmark or the barrel (case-folded): the price is one of oil ("a discount store" is not).
_BENCHMARK = re.compile(r"urals|brent|\bwti\b|cpc blend|kebco|azeri|siberian light|\bespo\b|юралс|баррел|barrel|\bfass\b")
#: The kinds a grade is priced at: "Urals fob Primorsk", «в Новороссийске дисконт составил $10,4».
_PRICED_KINDS = frozenset(("port", "terminal"))


def _graded_price(sent: int, text: str, sentences: list[tuple[int, int]], memo: dict[Any, Any]) -> bool:
    """A price word in the sentence, and a grade, a benchmark or the barrel in it or in the sentence before (market copy).

    Or an amount of money alone after a sentence of a price and a grade: "The Urals discount widened to $12.40 in Primorsk.
    In Novorossiysk it stood at $11.90." (the same price, at the place named).
    """
    return (_said(_PRICE, sent, text, sentences, memo) and (_said(_BENCHMARK, sent, text, sentences, memo) or (
        sent > 0 and _said(_BENCHMARK, sent - 1, text, sentences, memo)))) or (
        sent > 0 and _said(_PRICE, sent - 1, text, sentences, memo) and _said(_BENCHMARK, sent - 1, text, sentences, memo)
        and _said(_AMOUNT, sent, text, sentences, memo))
_TRANSNEFT = name_key("Transneft")
#: Russia's own crude named so: "Russian crude", "russisches Öl", «российская нефть» (any case form): see _grade_operated.
_RUSSIAN_CRUDE = re.compile(r"\b[Rr]ussian (?:crude|oil|barrels)\b|\b[Rr]ussische[snmr]? (?:Roh|Erd)?[Öö]ls?\b|"
                            r"(?<![а-яё])[Рр]оссийск(?:ая|ой|ую) нефт")


def _grade_operated(text: str, sentences: list[tuple[int, int]], ambiguous: list[int], cuts: list[int],
                    operated: dict[int, set[str]], clause_operated: dict[int, set[str]]) -> None:
    """Count a Russian grade in the sentence (and clause) of an ambiguous name as the word "Transneft" (its operator).

    A price with no grade right after a sentence of that grade is its price too ("Urals traded at $11 under Brent in the
    Baltic. In Novorossiysk the discount was $10.4.").
    """
    for sent in set(ambiguous):
        s, e = sentences[sent]
        window = text[s:e]
        # Russia's own crude, named so in a sentence that names no CPC, is loaded at Transneft's berths as its grade is
        # ("vessels loaded Russian crude at Primorsk ... and at Novorossiysk", "russisches Öl über Noworossijsk", «российскую
        # нефть через Новороссийск»; batch 35)
        if ("ussi" in window or "оссийск" in window) and "CPC" not in window and "КТК" not in window and (
                crude := _RUSSIAN_CRUDE.search(window)) is not None:
            operated.setdefault(sent, set()).add(_TRANSNEFT)
            if cuts:
                clause_operated.setdefault(bisect_right(cuts, s + crude.start()), set()).add(_TRANSNEFT)
        if "URALS" not in window.upper() and "Юралс" not in window and "KEBCO" not in window:
            low = window.casefold() if sent > 0 and "CPC" not in window and "КТК" not in window else ""
            price = _PRICE.search(low) if any(word in low for word in _PRICE_WORDS) else None
            # (or the sentence takes the grade up by a demonstrative: "KEBCO ... Dieses Öl reist ... über Noworossijsk")
            if price is None and low and low.lstrip()[:3] in _BACK_STARTS:
                price = _GRADE_BACK.match(low)
            # (or it gives only an amount of money after a sentence of the grade's price: "Der Abschlag der Sorte Urals ...
            # auf 12,40 Dollar ausgeweitet. Bei Verladungen in Noworossijsk lag er bei 11,90 Dollar", the same price there)
            if price is None and low and ("$" in low or "dollar" in low or "доллар" in low):
                prev = text[slice(*sentences[sent - 1])].casefold()
                if any(word in prev for word in _PRICE_WORDS) and _PRICE.search(prev):
                    price = _AMOUNT.search(low)
            if price is not None and _RUSSIAN_GRADE.search(text, *sentences[sent - 1]):
                operated.setdefault(sent, set()).add(_TRANSNEFT)
                if cuts:
                    clause_operated.setdefault(bisect_right(cuts, s + price.start()), set()).add(_TRANSNEFT)
            continue
        for g in _RUSSIAN_GRADE.finditer(text, s, e):
            operated.setdefault(sent, set()).add(_TRANSNEFT)
            if cuts:
                clause_operated.setdefault(bisect_right(cuts, g.start()), set()).add(_TRANSNEFT)


#: A refinery word: "refinery", "Raffinerie", «НПЗ», «нефтеперерабатывающий завод» (any case or number).
_REFINERY = r"(?:[Rr]efiner(?:y|ies)|[Rr]affinerie(?:n)?|НПЗ|[Нн]ефтеперерабатывающ\w*\s+завод\w*)"
#: More towns of one list after a name: ", Pavlodar and Shymkent", «, Павлодар и Атырау».
_MORE_TOWNS = r"(?:\s*(?:,|and|und|и)\s*[A-ZÄÖÜА-ЯЁ][\w-]*)*"
#: The name (and the towns listed with it) right before a refinery word: "Atyrau refinery", "Atyrau, Pavlodar and Shymkent
#: refineries", «в Шымкент, Павлодар и Атырау на нефтеперерабатывающие заводы».
_REFINERY_AFTER = re.compile(_MORE_TOWNS + r"\s+(?:на\s+|to\s+the\s+|zur\s+|zu\s+den\s+)?" + _REFINERY)
#: A refinery word and "in" / "of" / «в» right before the name (or before the list it ends): "the refinery in Atyrau",
#: «НПЗ в Шымкенте», "the refineries of Pavlodar and Shymkent".
_REFINERY_BEFORE = _Screened(re.compile(_REFINERY + r"\s+(?:in|at|of|near|bei|von|в|под)\s+(?:[A-ZÄÖÜА-ЯЁ][\w-]*\s*(?:,|and|und|и)\s*)*$"))


def _refinery_of_town(m: Mention, text: str) -> bool:
    """A junction's name with a refinery word right before or after it (a list of towns between): the town's refinery."""
    return (_REFINERY_AFTER.match(text, m.end, m.end + 80) is not None
            or _REFINERY_BEFORE.search(text, max(0, m.start - 60), m.start) is not None)


def _clauses_bounded(cuts: list[int], in_sentences: list[int], sentences: list[tuple[int, int]]) -> list[int]:
    """Clause starts with the bounds of the ambiguous names' sentences added: a clause never runs into another sentence.

    Without them the first clause of a sentence began at the last cut of an earlier one (or at the text's start), and the
    names of the sentences between counted as the clause's ("CPC Blend rose. Urals via Novorossiysk was not hit; ...").
    """
    bounds = {b for sent in set(in_sentences) for b in sentences[sent]}
    return sorted(bounds.union(cuts))


def _operated_in_doc(keys: set[str], doc_keys: list[tuple[int, str]], found: list[tuple[Mention, list[Entry]]],
                     plain: list[str | None], offsets: list[int], sentence_starts: list[int], matcher: Matcher) -> set[str]:
    """The assets the document's operator names count for: each operator's assets, once (see :func:`analyse`'s ``doc``).

    An operator named in a sentence beside one of its own assets named plainly there speaks of that asset ("die Pipeline
    Atyrau–Samara der Tochtergesellschaft KazTransOil"): that mention counts for the named asset only, not for the
    operator's other assets (KazTransOil's Batumi terminal, which would make a "Baku" of the same sentence the Port of Baku).
    """
    named: dict[int, set[str]] = {}
    for (m, _), one in zip(found, plain, strict=True):
        if one is not None:
            named.setdefault(m.sentence, set()).add(one)
    out: set[str] = set()
    for k, key in doc_keys:
        if key not in keys:
            continue
        assets = matcher.operator_keys[key]
        own = assets & named.get(bisect_right(sentence_starts, offsets[2 * k]) - 1, _NO_IDS)
        out.update(own or assets)
    return out


#: A line break inside a name: after a word's hyphen or a spaced dash, before a letter ("die Baku-Tiflis-\nCeyhan-Leitung",
#: "the Samara-Tikhoretsk-\nNovorossiysk line", «по газопроводу Центральная Азия —\nКитай»). No sentence, list item or
#: table row ends on a dash: the line goes on in the next one (batch 43).
_WRAP_AT_DASH = re.compile(r"(?<=[^\W\d_])(?:-|[ \u00a0][-–—])\n(?=[^\W\d_])")
_DASHES = frozenset("-–—")
_LAST_WORD = re.compile(r"(\w+)$")
_FIRST_WORD = re.compile(r"\w+")


def _name_pairs(matcher: Matcher) -> frozenset[tuple[str, str]]:
    """The word keys that follow each other in a name of several words (("trans", "adriatic"), ("adriatic", "pipeline"))."""
    pairs = matcher.name_pairs
    if pairs is None:
        pairs = matcher.name_pairs = frozenset(pair for keys in matcher.names if len(keys) > 1 for pair in pairwise(keys))
    return pairs


def _wraps(text: str, matcher: Matcher) -> list[int]:
    r"""The line breaks of ``text`` that wrap a line, not end it (batch 43).

    At a dash (:data:`_WRAP_AT_DASH`), or between two words that follow each other in a name ("the Trans
    Adriatic\nPipeline (TAP)": hard-wrapped prose).
    """
    at = text.find("\n")
    got: list[int] = []
    pairs: frozenset[tuple[str, str]] | None = None
    # (one pass over the line breaks, as _WRAP_AT_DASH reads them: its regex, opening with a look-behind, was tried at
    # every character of a text holding one dash before a break)
    while at >= 0:
        if 2 < at < len(text) - 1 and text[at - 1] in _DASHES and text[at + 1].isalpha() and (
                (text[at - 1] == "-" and text[at - 2].isalpha() and not text[at - 2].isdigit())
                or (text[at - 2] in " \u00a0" and text[at - 3].isalpha() and not text[at - 3].isdigit())):
            got.append(at)
        elif 0 < at < len(text) - 1 and text[at - 1].isalpha() and text[at + 1].isalpha():
            before, after = _LAST_WORD.search(text, max(0, at - 40), at), _FIRST_WORD.match(text, at + 1)
            if before is not None and after is not None:
                if pairs is None:
                    pairs = _name_pairs(matcher)
                k1, k2 = name_key(before.group(1)), name_key(after.group())
                if (DEMONYMS.get(k1, k1), DEMONYMS.get(k2, k2)) in pairs and not _line_ends_name(text, at, matcher):
                    got.append(at)
        at = text.find("\n", at + 1)
    return got


def _line_ends_name(text: str, at: int, matcher: Matcher) -> bool:
    r"""The line ending at ``at`` ends with a whole name, or it or the next line is a table's row: its break ends the line.

    ("Western Route Export Pipeline\nBaku–Novorossiysk pipeline | 1997": two lines.)
    """
    start, end = text.rfind("\n", 0, at) + 1, text.find("\n", at + 1)
    if "|" in text[start : at] or "|" in text[at : len(text) if end < 0 else end] or "\t" in text[start : at]:
        return True
    keys = [DEMONYMS.get(k, k) for k in map(name_key, WORD.findall(text, max(start, at - 120), at)[-matcher.max_len :])]
    return any(tuple(keys[j:]) in matcher.names for j in range(len(keys)))


def analyse(text: str, *, article: str = "", language: str | None = None, matcher: Matcher) -> Extraction:
    """Every mention and every candidate claim of one article.

    A line wrapped, not ended, by its break (:func:`_wraps`) is read as one line, its break as a space (same offsets); the
    names and excerpts given back are the text's own.
    """
    wraps = _wraps(text, matcher)
    if wraps:
        chars = list(text)
        for at in wraps:
            chars[at] = " "
        got = _analyse("".join(chars), article=article, language=language or guess_language(text), matcher=matcher)
        for m in got.mentions:
            if "\n" in text[m.start : m.end]:
                m.text = text[m.start : m.end]
        for c in got.claims:
            c.excerpt = text[c.start : c.end]
            for d in c.mentions:
                d["text"] = text[d["start"] : d["end"]]
        return got
    return _analyse(text, article=article, language=language, matcher=matcher)


def _analyse(text: str, *, article: str = "", language: str | None = None, matcher: Matcher) -> Extraction:
    """:func:`analyse` of a text read as it is."""
    lang = language or guess_language(text)
    # One split gives the words, the gaps between them and (by accumulated lengths) every offset;
    # sentences, mentions and cues all read it.
    parts = split_words(text)
    raws, gaps = parts[1::2], parts[0::2]
    offsets = _ends(parts)
    sentences = sentences_of_parts(text, gaps, offsets)
    # each word's record, looked up once: its key, cue masks, stem bits, ... (see Word)
    words = _words_of(raws, matcher)
    _see_words(text, words, offsets)  # the screens read the words' bits in this text (_Screened.held)
    doc_keys: list[tuple[int, str]] = []
    context = _commodity_context(words, offsets, sentences)
    sentence_starts = [s for s, _ in sentences]
    found = _find(text, raws, gaps, offsets, sentence_starts, matcher, doc_keys, context, words)
    doc: dict[str, int] = {}  # how often the document names each asset unambiguously, or its operator
    plain: list[str | None] = []
    for _, entries in found:
        e0 = entries[0]
        one = None if e0.context or (len(entries) > 1 and any(x.target != e0.target for x in entries)) else e0.target
        plain.append(one)
        if one is not None:
            doc[one] = doc.get(one, 0) + 1
    operated: dict[int, set[str]] = {}  # by sentence: the words of operator names it holds
    doc_operators = {key for _, key in doc_keys} & matcher.doc_operator_keys
    if doc_operators:
        for a in _operated_in_doc(doc_operators, doc_keys, found, plain, offsets, sentence_starts, matcher):
            doc[a] = doc.get(a, 0) + 1
    cuts: list[int] = []  # where clauses of contrast start (searched only when a name must be settled)
    clause_operated: dict[int, set[str]] = {}
    ambiguous = [k for k, one in enumerate(plain) if one is None]  # the names to settle (no plain asset): listed once
    if ambiguous:  # only the sentences of ambiguous names are searched
        in_sentences = [found[i][0].sentence for i in ambiguous]
        for sent in sorted(set(in_sentences)):
            cuts.extend(c.start() for c in _CLAUSE_CUT.finditer(text, *sentences[sent]))
        if cuts:
            cuts = _clauses_bounded(cuts, in_sentences, sentences)
        for k, key in doc_keys:  # read only to settle an ambiguous name
            operated.setdefault(bisect_right(sentence_starts, offsets[2 * k]) - 1, set()).add(key)
            if cuts:
                clause_operated.setdefault(bisect_right(cuts, offsets[2 * k]), set()).add(key)
        _grade_operated(text, sentences, in_sentences, cuts, operated, clause_operated)
        in_sentences = []  # (the lists of names are not kept past their use: 300,000 names' entries are some 50 MB)
    # rail words matter only in the sentence of a name that could be the end of a rail leg ("Baku"): searched for only there
    rail_ends = matcher.rail_ends
    # (and, in a list split by semicolons, only where the name's own item holds a rail word: see _rail_in_item)
    # (the names come in text order: one sentence's item memo is kept at a time, and a sentence is searched for rail words
    # once, when one of its names' items may speak of rail, not one memo and one set entry for each of 300,000 sentences)
    rail: set[int] = set()
    # by sentence: its stem bits and case-folded text, and which link patterns it holds (see _said); the words and offsets
    # (made here: the rail question below is _rail_said's, its answers kept for _cue_less)
    said: dict[Any, Any] = {None: (words, offsets)}
    item_sent, done = -1, -1
    item_memo: tuple[list[int], dict[int, bool]] = ([], {})
    for i in ambiguous:
        m, entries = found[i]
        sent = m.sentence
        if sent == done or sent in rail or rail_ends.isdisjoint(e.target for e in entries) or _rail_goal(m, entries, text, matcher):
            continue
        if sent != item_sent:
            item_sent, item_memo = sent, ([], {})
        if _rail_in_item(text, sentences[sent], m.start, item_memo):
            done = sent
            if _rail_said(sent, text, sentences, said):
                rail.add(sent)
    mentions = _settle(found, plain, text, matcher, doc, operated, rail, cuts, clause_operated) if found else []
    found, plain, ambiguous = [], [], []  # the mentions are kept, not the pairs with their alias entries
    venues: set[str] = set()  # fields whose one-word name the story gives a venue ("das Theater Galkynysch")
    persons: set[str] = set()  # aliases the story gives a person or a broadcaster ("Der Held heisst Tengis", «телеканал КТК»)
    if mentions:
        mentions = _other_meanings_dropped(mentions, text, matcher, venues, words, persons)
        # a person's employer: "spent 11 years at Tengizchevroil", "former CPC engineer" (batch 41); only after career
        # words (the stem bits of the few words before the name, kept in their records: no window searched for most names)
        mentions = [m for m in mentions if not (_career_words_before(m, words, offsets) and _career_named(m, text))]
        mentions = _defined_abbreviations(mentions, text, sentence_starts, matcher)
        for m in mentions:
            if text.startswith("-", m.end) and _ONE_LETTER_AFTER.match(text, m.end) and _abbreviation(m.alias):
                m.end += 2  # «АО «КТК-Р»», "KTK-K": the operator's company by its country letter, the span takes the letter
                m.text = text[m.start : m.end]
    if mentions and any(m.match == "chain" and (text[m.start - 2 : m.start] in _GLOSS_OPEN or _FROM_BEFORE_CHAIN.search(
            text, max(0, m.start - 6), m.start)) for m in mentions):
        mentions = _glossed_chain_ends(mentions, text, matcher)
    if not matcher.branches.keys().isdisjoint(doc):  # branch lines have names of their own: counted in doc
        mentions = _other_branches_dropped(mentions, text, sentences, matcher)
    line_ids = matcher.line_ids
    for m in mentions:
        if m.id in line_ids and m.match == "name":
            # a name without a commodity ("the Kazakhstan-China pipeline") in a gas story names the gas line of those places
            chain = _alias_chain(m.alias, matcher)
            other = _in_context(chain, m.id, context, m.sentence, matcher) if chain else None
            if other and other != m.id and not any(commodity_masks(WORD.findall(m.text))):
                m.id = other
    if "erminal" in text and not _TERMINAL_WORDS.isdisjoint(raws):  # a C substring test first
        mentions = _owned_terminals(mentions, text, raws, gaps, offsets, matcher)
    kinds, russian = matcher.kinds, matcher.russian
    cue_sets = _sentence_cue_sets(text, sentences, raws, gaps, offsets, lang, words)
    if "ipeline" in text or "erminal" in text or "ерминал" in text:  # C-level screens: most texts hold no such word
        _other_senses_dropped(cue_sets, text, sentences, sentence_starts, lang)
    if lang == "de" and "peisen" in text:  # a C-level screen: the feed-in verb split by its sentence (see _feed_in_read)
        _feed_in_read(cue_sets, text, sentences)
    ru = lang not in ("de", "en")  # «в Баку» is looked at in Russian (or unknown) text only
    # "in Aktau", "the city of Aktau", «в городе Актау» in a sentence of no trade or carrier: the town, in or out of a claim
    towns = {id(m) for m in mentions if kinds.get(m.id) in _TOWN_KINDS and (((
        text[max(0, m.start - 3) : m.start] in _IN or (ru and _ru_in(text, m.start)) or (
            "trade" not in cue_sets[m.sentence] and _TOWN_HINT.search(text, max(0, m.start - 20), m.start)))
             and _town_only(m, text, sentences, cue_sets, matcher, said)) or (
                 text[max(0, m.start - 4) : m.start] in _FROM and _person_from(text, m.start)))}
    # "In Atyrau and Aktau, two cities ...": a name joined by "and" to a town read after "in" is in the town too
    for p, m in pairwise(mentions):
        if id(p) in towns and id(m) not in towns and kinds.get(m.id) in _TOWN_KINDS and text[max(0, p.start - 3) : p.start] in _IN \
                and _TOWN_AND.fullmatch(text, p.end, m.start):
            towns.add(id(m))
    # "engineers from Atyrau, Aktau and Samara", «художники из Баку, Актау и Самары»: the names listed after a person's home
    # town are home towns too (batch 42; each pair's gap is looked at once)
    homes: set[int] = set()
    for p, m in pairwise(mentions):
        if id(p) in towns and (id(p) in homes or (text[max(0, p.start - 4) : p.start] in _FROM and _person_from(text, p.start))) \
                and kinds.get(m.id) in _TOWN_KINDS and _HOME_LIST.fullmatch(text, p.end, m.start):
            towns.add(id(m))
            homes.add(id(m))
    # "gas supplies to households in Shymkent", «газификация Шымкента»: the town of the consumers, wherever the name stands
    # (a place's name: not a chain, nor a line's own terminal by its kind word, "the terminal of the CPC")
    bare = [m for m in mentions if kinds.get(m.id) in _OWN_BUSINESS and m.match != "chain" and m.match != "owner" and (
        " " not in m.text or _place_alias(m.alias))]
    # «Мэрия Новороссийска», "a court in Aktau", "Löhne in Atyrau": the town's civic life, unless the facility's own
    # business is in the sentence too («суд Усть-Луги оштрафовал капитана танкера» keeps the port); searched once a sentence
    # (by kind and sentence; the civic words first: their stems screen most sentences out before the business words are searched)
    # (the pairs that hold only: each question is answered once a sentence by _said's memo, so a pair met again costs a look-up,
    # not a set of every pair of 300,000 sentences)
    civic = {(kinds[m.id], m.sentence) for m in bare
             if (_said(_CIVIC_LATIN, m.sentence, text, sentences, said) or _said(_CIVIC_CYRILLIC, m.sentence, text, sentences, said))
             and not _said(_OWN_BUSINESS[kinds[m.id]], m.sentence, text, sentences, said)}
    if civic:
        towns.update(id(m) for m in bare if (kinds[m.id], m.sentence) in civic
                     and not _VIA_BEFORE.search(text, max(0, m.start - 12), m.start))
    # of the names of town kinds not yet known as the town: the town by any of these (each read only while none has said so)
    # (a football club's word anywhere: C-level scans once an article, and only when such a name is left)
    clubs = any(kinds[m.id] in _TOWN_KINDS and id(m) not in towns for m in bare) and any(w in text for w in _CLUB_WORDS_SPACED)
    # (words of air travel anywhere: C-level scans once an article, and only when such a name is left)
    air_words = any(kinds[m.id] in _TOWN_KINDS and id(m) not in towns for m in bare) and (
        _holds_odd(text) or any(stem in _lowered(text) for stem in _AIR_LOW_STEMS))
    # (an airport's word anywhere, read only in an article of air travel: three C-level scans)
    airport_words = air_words and any(stem in _lowered(text) for stem in _AIRPORT_BEFORE.stems)
    # (a plural town word anywhere: the article's word bits, once an article)
    towns_said = _held_bits(words) & (1 << _HELD_TOWNS) != 0
    # (a word of experts anywhere: C-level scans once an article, and only when a town kind's name is left)
    experts = any(kinds[m.id] in _TOWN_KINDS and id(m) not in towns for m in bare) and ("xpert" in text or "ксперт" in text)
    # an airline's story: its headline names an airline ("SkyCaspian Airlines - Q3 results call"); read once an article
    airline = air_words and _airline_story(text)
    towns.update(id(m) for m in bare if kinds[m.id] in _TOWN_KINDS and id(m) not in towns and (
        # "gas supplies to households in Shymkent", «газификация Шымкента»: the town of the consumers (not the facility named
        # there by its kind word: "residents near the compressor station at Beineu")
        (_said(_CONSUMERS, m.sentence, text, sentences, said, _CONSUMER_STEMS)
         and _FACILITY_IN.search(text, max(0, m.start - 40), m.start) is None)
        # «В Махачкале прошли похороны капитана сухогруза»: a funeral in the town, its carriers named or not, unless the
        # facility is named with its kind word ("mourners gathered at the port of Aktau")
        or (_said(_MOURNING, m.sentence, text, sentences, said) and not _kind_next(m, text, kinds)
            and not _port_before(text[max(0, m.start - 40) : m.start]))
        # "Atyrau und Mangistau lagen bei den Regionen vorn", "the Atyrau region": a region of statistics, not the facility
        or (_REGION_AFTER.match(text, m.end, min(sentences[m.sentence][1], m.end + 60)) is not None
            # not the facility named with its kind word, the region being where it lies ("the Tikhoretsk oil pumping
            # station in Russia's Krasnodar region"; «ЛПДС «Унеча» в Брянской области», the kind word before it)
            and not (_kind_next(m, text, kinds) or _kind_before(text[max(0, m.start - 30) : m.start]) == kinds[m.id])
            # nor the name placed in another region named there ("shipped to Makhachkala in Russia's Dagestan region", "nach
            # Machatschkala in der russischen Region Dagestan", «в Актау в Мангистауской области»): where it lies (batch 39)
            and _IN_NAMED_REGION.match(text, m.end, min(sentences[m.sentence][1], m.end + 60)) is None)
        # "oil wells outside Atyrau", «месторождения под Самарой»: a junction's town as the landmark of something else, in a
        # sentence of no pipeline or pump station, is the town; and a port's, in a sentence of no port, terminal, tanker or
        # cargo ("a leak on the Dagestan section of the pipeline near Makhachkala", batch 40)
        or (kinds[m.id] in _NEAR_KINDS and _near_before(text, m.start)
            and not _said(_OWN_BUSINESS[kinds[m.id]], m.sentence, text, sentences, said)
            # (a line named in the sentence by a name of its own is a pipeline word too: "BBS was built to carry gas ...;
            # gas could move between our systems near Shymkent")
            and not _line_named(m.sentence, mentions, kinds, said))
        # "the Baku–Tbilisi–Kars railway", «железная дорога Баку — Тбилиси — Карс»: a place in the name of a railway or road
        or _in_route_name(m, text)
        # «вдоль трассы на Бейнеу», "the highway to Aktau", "die Straße nach Atyrau": a road's goal, the town (not a railway's)
        or _ROAD_TO_BEFORE.search(text, max(0, m.start - 60), m.start) is not None
        # "im Baku der Jahrhundertwende", "the Baku of the oil boom": the town in an era (an article before a bare town's name)
        or (_ERA_BEFORE.search(text, max(0, m.start - 6), m.start) is not None and _ERA_AFTER.match(text, m.end) is not None)
        # "die Stadt Gurjew (heute Atyrau)", "Guryev (now Atyrau)", «Гурьев (ныне Атырау)»: a renamed town's present name, the town
        or ("(" in text[max(0, m.start - 12) : m.start] and _TODAY_BEFORE.search(text, max(0, m.start - 12), m.start) is not None)
        # "trips between the EU and Georgia by air, most of them to and from Tbilisi, Kutaisi and Batumi", "Flüge nach Aktau":
        # air travel, in a sentence of no business of the facility, no carrier and no oil or gas, is the town's; and so are
        # travellers there ("Tourists from Almaty, Astana and Atyrau make up most of the visitors", «туристы из Актау»)
        or (((air_words and _said(_AIR_TRAVEL, m.sentence, text, sentences, said, _AIR_STEMS))
             or _said(_PASSENGERS, m.sentence, text, sentences, said))
            and not _said(_OWN_BUSINESS[kinds[m.id]], m.sentence, text, sentences, said)
            and not _said(_CARRIER, m.sentence, text, sentences, said) and not _said(_FUEL, m.sentence, text, sentences, said))
        # in an airline's story, the towns it flies to, bases its crews in and fills its seats for ("a second daily flight to
        # Atyrau, where oil-industry rotations fill most seats", "Batumi loads reached 91%", "the new terminal there"), its
        # terminals and loads being an airport's and a plane's: the facility only where the sentence speaks of pipes,
        # tankers, crude or a sea port
        or (airline and not _said(_FACILITY_KEEPS, m.sentence, text, sentences, said))
        # "FK Atyrau", "FC Kaspiy Aktau", «ФК «Каспий» Актау»: a football club's town, in a sentence of oil money too
        or (clubs and _club_town(text, m.start))
        # "Samara Trade House", "Aktau Components LLC": a firm's name opened by the town's (batch 35)
        or _firm_after(text, m.end)
        # "Kuryk, 70 km south of Aktau", «в 70 км от Актау»: a landmark for another place, whatever the sentence's business
        or (_LANDMARK_BEFORE.search(text, max(0, m.start - 24), m.start) is not None
            # not a stretch's start: "over the first 800 km from Beineu to the Bozoi compressor station", «800 км от Бейнеу до Бозоя»
            and _STRETCH_TO.match(text, m.end) is None)
        # «кафе на набережной Актау», «в поселках под Новороссийском»: the town's embankment or villages, a place to live
        or _TOWN_PART_BEFORE.search(text, max(0, m.start - 24), m.start) is not None
        # «Эксперты из Самары», "experts in Atyrau", „Experten aus Aktau“: the experts' town (batch 43: experts elsewhere in
        # the sentence are the source of reported speech, «как отмечают эксперты, ... путь до Алашанькоу», no civic word)
        or (experts and _EXPERTS_BEFORE.search(text, max(0, m.start - 24), m.start) is not None)
        # "den Millionenstädten Almaty und Schymkent", "the cities of Atyrau and Aktau", «в городах Атырау и Актау»: towns
        # listed as towns, whatever the sentence's business (batch 42)
        or (towns_said and _TOWNS_BEFORE.search(text, max(0, m.start - 60), m.start) is not None)
        # "at the airport in Aktau", „das Terminal des Flughafens Aktau“: the town's airport (batch 37)
        # (an article with no word of air travel holds no airport's word: asked only where one may stand)
        or (airport_words and _AIRPORT_BEFORE.search(text, max(0, m.start - 24), m.start) is not None)
        # "the coast of Aktau", "die Küste bei Aqtau", «у побережья Атырау и Актау»: a shore's landmark, in a sentence of
        # no business of the facility ("tankers anchored off the coast of Novorossiysk" keep the terminal)
        or (_COAST_BEFORE.search(text, max(0, m.start - 44), m.start) is not None
            and not _said(_OWN_BUSINESS[kinds[m.id]], m.sentence, text, sentences, said)
            # (not a line's start or goal on the coast there, the line named in the sentence: "die Transkaspische Pipeline
            # von der Küste bei Turkmenbaschi nach Baku", «газопровод от побережья у Туркменбаши до Баку»)
            and not (_COAST_END_BEFORE.search(text, max(0, m.start - 60), m.start) is not None
                     and _line_named(m.sentence, mentions, kinds, said)
                     and not _said(_PASSENGERS, m.sentence, text, sentences, said)))))
    # a story of payment terminals that speaks of no oil, gas, pipe, tanker or sea port ("a network of 4,812 payment
    # terminals, 610 of them in Atyrau and 540 in Aktau"): the towns where its terminals stand, in every sentence
    if any(kinds[m.id] in _TOWN_KINDS and id(m) not in towns for m in bare) and _payment_story(text):
        towns.update(id(m) for m in bare if kinds[m.id] in _TOWN_KINDS)
    # "Schwedt hat gut 32.000 Einwohner", "a city of 30,000 residents": a refinery's town by its people, in a sentence of no
    # refinery business (not read back by the next sentence's "die Raffinerie")
    towns.update(id(m) for m in bare if kinds[m.id] == "refinery" and id(m) not in towns
                 and _said(_CONSUMERS, m.sentence, text, sentences, said, _CONSUMER_STEMS)
                 and not _said(_OWN_BUSINESS["refinery"], m.sentence, text, sentences, said))
    # "die Nachwuchskicker des FC Schwedt 02", "SC Schwedt": a football club's town, as for the town kinds above (the refinery
    # taken up by "die Raffinerie" in the next sentence, "Ein Stand der Raffinerie verteilte Luftballons", is no read-back)
    towns.update(id(m) for m in bare if kinds[m.id] == "refinery" and id(m) not in towns and _club_town(text, m.start))
    # "Schwedt, a town better known for its oil refinery", «Шведт, город на Одере»: a town word in apposition makes the town,
    # unless the facility's business stands outside the apposition ("Oil is loaded at Primorsk, a small town on the Gulf")
    towns.update(id(m) for m in bare if text.startswith(",", m.end) and _town_apposition(m, text, sentences, kinds[m.id], said))
    # «Достык Ойл», „Aktau Logistics“: a town's name opening a quoted name of more words is a company's or a brand's
    towns.update(id(m) for m in bare if text[m.start - 1 : m.start] in _OPEN_QUOTES
                 and (q := _QUOTED_NAME_GOES_ON.match(text, m.end)) is not None and _QUOTED_KIND.search(q.group()) is None)
    # the hotel „Aktau“, «гостиница «Актау»», "a cinema called Samara": a venue named after the town, not its facility
    if bare and _holds_held(words, _HELD_VENUE):  # once an article (C-level substring scans): most name no venue
        towns.update(id(m) for m in bare if _VENUE_NAME_BEFORE.search(text, max(0, m.start - 30), m.start))
    # "des Atyrauer Folkloreensembles", "die Schwedter Bühnen": a German town adjective before the town's culture or people
    towns.update(id(m) for m in bare if m.text.endswith(("er", "ern")) and not m.alias.endswith(("er", "ern"))
                 and _TOWN_LIFE_AFTER.match(text, m.end, m.end + 40))
    # a place in the name of a pipeline the data does not hold ("die Leitung Rostock–Schwedt", "the Kenkiyak–Orsk pipeline")
    towns.update(id(m) for m in bare if m.match == "name" and _in_line_name(m, text))
    # «по маршруту Омск — Павлодар — Шымкент»: the end of a route whose other places name no asset (a route word in the text)
    if bare and ("аршрут" in text or "oute" in text):
        prev_end = {id(b): a.end for a, b in pairwise(mentions)}
        towns.update(id(m) for m in bare if m.match == "name" and _unknown_route(m, text, prev_end.get(id(m), 0)))
    # a border crossing's place in the name of a railway or road as well («железнодорожной линии Достык — Мойынты»)
    towns.update(id(m) for m in bare if kinds[m.id] == "border_crossing" and _in_route_name(m, text))
    # "the Atyrau refinery", «на НПЗ в Шымкенте»: the town's refinery, not the pipeline junction of the same name
    towns.update(id(m) for m in bare if kinds[m.id] == "junction" and _refinery_of_town(m, text))
    if venues:
        # the venue's name again where no sentence word speaks of energy («Помимо «Галкыныша», спектакли шли ...»): the venue
        towns.update(id(m) for m in mentions if m.id in venues and "energy" not in cue_sets[m.sentence])
    if persons:
        # the person's or broadcaster's name again where no sentence word speaks of energy («— Тенгиз, ваш новый проект ...»,
        # «Премьера — 28 ноября на КТК»): the same, though the story speaks of oil elsewhere
        towns.update(id(m) for m in mentions if m.alias in persons and ("energy" not in cue_sets[m.sentence] or (
            # a broadcaster's abbreviation again in a sentence of oil money, no line or loading word («нефтяной регион ...,
            # — пояснил генеральный директор КТК»): the channel still; the consortium needs its line or its terminal's
            # business there («прокачка по системе КТК») (batch 39)
            _abbreviation(m.alias) and not _said(_LINE_WORD, m.sentence, text, sentences, said)
            and not _said(_OWN_BUSINESS["terminal"], m.sentence, text, sentences, said))))
    # a line under "Lesen Sie auch", "READ ALSO", «Читайте также» links to another page: its headline tells that page's story,
    # so a field's name there counts only where the line itself speaks of oil, gas or their trade ("→ Turkmenistan: Präsident
    # besucht neue Bohrungen in Galkynysch" names no route) (batch 42; the lines found once an article, only when such a
    # heading's words are in it)
    if any(kinds.get(m.id) == "field" and id(m) not in towns for m in mentions) and _held_bits(words) & (1 << _HELD_LINK_HEAD) and any(
            stem in _lowered(text) for stem in _LINK_HEAD_STEMS):
        items = _link_items(text)
        if items:
            towns.update(id(m) for m in mentions if kinds.get(m.id) == "field" and (
                k := bisect_right(items, (m.start, len(text))) - 1) >= 0 and items[k][0] <= sentences[m.sentence][0]
                and sentences[m.sentence][1] <= items[k][1] and cue_sets[m.sentence].isdisjoint(_LINK_ITEM_KEEPS))
    named: set[int] = set()
    ids: dict[int, set[str]] = {}
    avoiding: set[int] = set()
    russian_lines: set[int] = set()
    n_sent = len(cue_sets)
    for m in mentions:
        sent = m.sentence
        if not (cue_sets[sent] or (sent + 1 < n_sent and cue_sets[sent + 1])):
            continue  # read below only for a sentence with cues and the one before it (a set entry each, not 300,000)
        kind = kinds.get(m.id)
        if kind is None and m.id in matcher.avoiding_groups:
            named.add(m.sentence)  # "the Middle Corridor": a named route that avoids Russia, though it names no one asset
            avoiding.add(m.sentence)
        if kind is None or id(m) in towns:
            continue  # a group, or a town
        named.add(sent)
        ids.setdefault(sent, set()).add(m.id)
        if russian[m.id]:
            if kind in LINE_KINDS:
                russian_lines.add(sent)
        elif kind != "field":  # fields are where oil comes from, not a route: they say nothing about avoiding Russia
            avoiding.add(sent)
    if lang == "de" and "eitung" in text:  # a C-level screen: most texts hold no "Leitung"
        _management_dropped(cue_sets, text, sentences)
    energy = ["energy" in c for c in cue_sets]
    claims: list[Candidate] = []
    claim_of: dict[int, int] = {}
    for idx, (s, e) in enumerate(sentences):
        cues = cue_sets[idx]
        if not cues:
            continue  # no cue word at all: no claim type can apply
        if "year_on_year" in cues and "change" in cues and not (idx + 1 < len(cue_sets) and cue_sets[idx + 1] >= _LESSENING):
            # "more gas than a year earlier" is a statistic, not a shift of route, unless the next sentence cuts a reliance
            cues = cues - _CHANGE
        if "actors" not in cues and idx > 0 and "actors" in cue_sets[idx - 1] and not cues.isdisjoint(_STANCES):
            cues = cues | _ACTORS  # "Beide Seiten unterzeichneten ... Partnerschaft": the actors are those of the sentence before
        # after an outage in the sentence before, a changed flow on other named assets is a rerouting
        # (the assets of the two sentences share no connection: "CPC" and "its terminal" are one route)
        shifted = idx > 0 and "outage" in cue_sets[idx - 1] and "restored" not in cue_sets[idx - 1] and idx in named and not any(
            matcher.near.get(a, frozenset((a,))) & ids.get(idx - 1, set()) for a in ids.get(idx, ()))
        # "Der Konzern will damit die Abhängigkeit ... verringern": a sentence naming no asset goes on with the route before it
        avoids = idx in avoiding or (idx not in named and idx - 1 in avoiding)
        flags = (cues, idx in named, avoids, idx > 0 and energy[idx - 1], idx in russian_lines and idx not in avoiding,
                 shifted, idx - 1 in claim_of)
        types = _TYPES_MEMO.get(flags)
        if types is None:
            types = _TYPES_MEMO[flags] = claim_types("", lang, named=flags[1], avoids_russia=flags[2], after_energy=flags[3],
                                                     via_russia_only=flags[4], cues=cues, after_outage=shifted, after_claim=flags[6])
        if types:
            claim_of[idx] = len(claims)
            excerpt = text[s:e]
            claims.append(Candidate(article, s, e, excerpt, lang, types[0], [], claim_types=list(types)))
    kept: list[Mention] = []
    lane_ends = matcher.lane_ends
    tanker_ends = _tanker_ends(matcher)
    points: dict[int, set[str]] = {}  # linked ends of lanes and rail legs, by sentence
    ends_at: dict[int, list[Mention]] = {}  # the mentions behind them
    named_lanes: list[Mention] = []  # tanker lanes named by their own names in an oil story
    in_claim: dict[int, list[Mention]] = {}
    dateline_from, dateline = _dateline_span(text, matcher)
    # by sentence: speaks of oil or gas moving or produced, though with no energy cue (0 not yet known, 1 no, 2 yes: a list
    # slot a sentence, not a dict entry)
    flows = [0] * len(sentences)
    row_heads: dict[int, int] = {}  # the heading of each list or table row asked about (see _row_under_heading)
    flow_re = _FLOW.get(lang, _FLOW["en"])

    def speaks(sent: int) -> bool:
        if energy[sent]:
            return True
        known = flows[sent]
        if not known:
            got = ("goods" not in cue_sets[sent] and flow_re.search(text[slice(*sentences[sent])].lower()) is not None) or (
                energy_doc and (_said(_TANK_CARS, sent, text, sentences, said) or _said(_PIPE_NOUN, sent, text, sentences, said, _PIPE_STEMS)))
            flows[sent] = 2 if got else 1
            return got
        return known == 2

    # issue 11's "every mention": a name that is an asset only needs no cue; a town's name needs its kind or transport words
    # (a port or crossing is the facility whatever it handles: other goods named in its sentence are its business too)
    energy_doc = any(energy)
    if not energy_doc and mentions:
        # a sentence naming two assets or more by their abbreviations speaks of them ("TCO, NCOC and KPO cut output"): the
        # other meanings of an abbreviation (Bitcoin, a TV channel, a party) do not come in pairs with another asset's
        said[_ABBR_PAIRS] = _abbreviation_pairs(mentions)
    # (not a name the story gives another meaning, a venue's or a person's: «турнир «Кубок Дружбы» в Шымкенте» names no line,
    # so the junction beside it is the town; only those two make a line's or a field's name a town's, see above)
    own_names = _own_name_sentences([m for m in mentions if id(m) not in towns] if venues or persons else mentions, kinds,
                                    energy_doc, text, sentences, said)
    # «Из порта Курык нефть доставляется в Алят. Кроме того, небольшие партии из Актау отправляются в Махачкалу»: a tanker
    # lane's two ports as a shipment's start and goal, right after a sentence of oil moving, go on with its oil
    # (worked out once an article, when a tanker lane's port is first left unlinked otherwise: most articles have none)
    goes_on: set[int] | None = None
    if own_names:
        own_names |= _line_goes_on(mentions, own_names, kinds, text, sentences, said)
    for m in mentions:
        if m.alts and "goods" in cue_sets[m.sentence] and kinds.get(m.id) == "terminal":
            # "Containerverkehre Richtung Baku": other goods go to the town's port (the Port of Baku), not its oil terminal
            port = next((a for a in m.alts if kinds.get(a) == "port"), None)
            if port is not None:
                m.id, m.alts = port, tuple(a for a in (m.id, *m.alts) if a != port)
        if m.match == "context" and m.alts and kinds.get(m.id) == "terminal" and _goods_spoken_of(m, text, sentences, cue_sets, said) \
                and not _connected_here(m, mentions, sentences, matcher, said):
            # "Agrar: Weizen gibt nach. Exporteure verluden ... über Noworossijsk": other goods, in the sentence or the one
            # before it in its paragraph, with nothing of the facility's own line here, go through the town's port itself (the
            # port rule: "the port of Novorossiysk is sheskharis"), not the terminal the story names elsewhere (batch 35)
            own = next((a for a in m.alts if kinds.get(a) == "terminal"), None)
            if own is not None:
                m.id, m.alts, m.match = own, tuple(a for a in (m.id, *m.alts) if a != own), "name"
        ci = m.claim = claim_of.get(m.sentence)
        if ci is None:
            if m.id.startswith("group:"):
                continue  # "in den russischen Häfen" about containers is no claim about the group
            m.linked = not dateline_from <= m.start < dateline and (((energy[m.sentence] or speaks(m.sentence)) and id(m) not in towns)
                                             or (id(m) not in towns and _referred_back(m, sentences, energy, text, lang, matcher))
                                             or (id(m) not in towns and energy_doc and _row_under_heading(m, text, sentences, speaks, row_heads))
                                             # «an jeder Tonne, die nicht über Noworossijsk läuft»: an amount going via the
                                             # name, in an oil or gas story, is its cargo moving there
                                             or (id(m) not in towns and energy_doc and _VIA_BEFORE.search(
                                                 text, max(0, m.start - 10), m.start) is not None
                                                 and _said(_TONNAGE, m.sentence, text, sentences, said))
                                             # «северный через Самару», «Ещё немного — через «Шесхарис»»: a way named by
                                             # the name it goes through, in an oil or gas story (see _way_named)
                                             or (id(m) not in towns and energy_doc and _way_named(m, text, cue_sets, speaks, sentences, said))
                                             or (id(m) not in towns and _cue_less(
                                                 m, kinds, text, sentences, own_names, energy_doc, "goods" in cue_sets[m.sentence], said))
                                             or (id(m) not in towns and energy_doc and (
                                                 m.id in tanker_ends or not tanker_ends.isdisjoint(m.alts)) and id(m) in (
                                                 goes_on if goes_on is not None else (goes_on := _lane_goes_on(
                                                     _tanker_ports(mentions, towns, tanker_ends), text, sentences, energy, cue_sets,
                                                     speaks, matcher, said)))))
        else:
            # "ATYRAU, Nov 4 (wire) - ...": where the story was filed; or the town: not linked
            here = not dateline_from <= m.start < dateline and id(m) not in towns
            m.linked = here and (claims[ci].claim_type in _ROUTE_TYPES or energy[m.sentence] or speaks(m.sentence) or _referred_back(
                m, sentences, energy, text, lang, matcher) or (energy_doc and _way_named(m, text, cue_sets, speaks, sentences, said)) or (
                energy_doc and (m.id in tanker_ends or not tanker_ends.isdisjoint(m.alts)) and id(m) in (
                    goes_on if goes_on is not None else (goes_on := _lane_goes_on(
                        _tanker_ports(mentions, towns, tanker_ends), text, sentences, energy, cue_sets, speaks, matcher, said)))) or (
                _cue_less(m, kinds, text, sentences, own_names, energy_doc or _abbreviation(m.alias), "goods" in cue_sets[m.sentence],
                          said)))
            claims[ci].mentions.append(_mention_dict(m, matcher))
            if here:
                in_claim.setdefault(ci, []).append(m)
        if m.linked and m.match == "name" and energy_doc and kinds.get(m.id) == "shipping_lane" and "goods" not in cue_sets[m.sentence]:
            named_lanes.append(m)  # «по маршруту Актау — Баку»: a tanker lane's name is its two ports, both named (unlike a pipeline's)
        if m.linked and (m.id in lane_ends or (m.alts and not lane_ends.isdisjoint(m.alts))) and energy_doc and not (
                m.id in tanker_ends and _sent_elsewhere(m, text, mentions)) and (
                speaks(m.sentence) or "goods" not in cue_sets[m.sentence]) and (  # a ferry of containers runs on no tanker lane
                # (nor freight on the oil rail legs: "Von Alat aus geht die Fracht per Bahn nach Batumi")
                not _said(_FERRY, m.sentence, text, sentences, said) or _said(_FERRY_OIL, m.sentence, text, sentences, said)):
            # "from Aktau and Kuryk to Baku": Baku ends both tanker lanes (Sangachal for Aktau's, the port of Baku for Kuryk's)
            points.setdefault(m.sentence, set()).update(a for a in (m.id, *m.alts) if a in lane_ends)
            ends_at.setdefault(m.sentence, []).append(m)
        kept.append(m)
    for idx in [i for i, ms in ends_at.items() if any(m.alts for m in ms)]:
        _unlisted_alts_dropped(ends_at[idx], points[idx], text, matcher)
    for idx in [i for i, ms in ends_at.items() if len(ms) > 1 and not speaks(i) and _bare_list(ms, text)]:
        del points[idx]  # "upgrading the ports of Aktau and Kuryk and the Port of Baku": a list of ports, no shipment between them
    far = _far_ends(kept, text, raws, offsets, sentences, matcher, said)
    if far:
        kept = sorted(kept + far, key=lambda m: m.start)
    # a lane's two ends may stand in consecutive sentences ("... at Kulevi. The cargoes arrive by rail from Baku.")
    # (not a sentence whose names already make a lane of their own: "... from Baku to Kulevi. ... at the Batumi terminal.")
    own_lanes = {idx: _lanes(here, matcher) for idx, here in points.items()}
    # (and only when an end of the two sentences is named as a shipment's start, goal or way: "... from Baku. They arrive by
    # rail at Batumi"; not a port named as built or defined, "hat in Alat einen Hafen gebaut. Die Terminals in Batumi ...")
    # (nor across a paragraph's end: "... auf der Schiene aus Baku kamen.\n\nAuch im Ölterminal Batumi ..." starts another story
    # of another terminal; a blank line between the two sentences parts them)
    lanes = {ln for idx, here in points.items() for ln in (
        own_lanes[idx] if own_lanes[idx] or own_lanes.get(idx + 1) else _lanes(here | points[idx + 1], matcher)
        if idx + 1 in points and "\n\n" not in text[sentences[idx][1] : sentences[idx + 1][0]]
        and _shipped(ends_at[idx] + ends_at[idx + 1], text) else ())}
    lane_points: set[str] = set()
    if lanes:
        # a tanker lane whose two ends are named links both end points too (not a rail leg: its start is a town)
        lane_points = {e for ln in lanes if kinds.get(ln) == "shipping_lane" for e in matcher.endpoints.get(ln, ())}
        # a town that stands for a facility only by context ("Baku" for its port) and is the end of a rail leg
        # named here is where the trains start, not the port: the leg is linked, the point is not
        leg_ends = {e for ln in lanes if kinds.get(ln) == "rail" for e in matcher.endpoints.get(ln, ())}
        for m in kept:
            if m.match == "context" and m.id in leg_ends:
                m.linked = False
    for lane, name in {(m.id, m.text) for m in named_lanes}:  # once per spelling (a name repeated in hostile input)
        lane_points |= _ports_of_lane_name(lane, name, matcher)
    for i, ms in in_claim.items():
        c = claims[i]
        if c.claim_type in _ROUTE_TYPES:
            c.assets = _assets(ms, c.claim_type, matcher)
    return Extraction(claims, kept, lanes, lane_points)


_LISTED = re.compile(r"\s*(?:,|and|und|и|or|oder|или)\s*(?:(?:from|aus|из|von) )?(?:the )?$")


_LIST_JOIN = re.compile(r"\s*(?:,\s*(?:and|und|и)?|and|und|и|or|oder|или|sowie)\s*(?:the\s+)?$")


#: The opening bracket right before a chain that glosses a line's name: "Tanap (Ardahan – Kipi)".
_GLOSS_OPEN = frozenset((" (", "\u00a0("))


#: The words of a heading over links to other pages, lower-cased (a text holding none has no such lines).
_LINK_HEAD_STEMS = ("lesen sie auch", "weiterlesen", "mehr zum thema", "auch interessant", "ähnliche artikel", "meistgelesen",
                    "read also", "also read", "read more", "more from", "related", "might also like", "may also like",
                    "most read", "читайте также", "смотрите также", "читать также", "по теме", "похожие статьи",
                    "похожие новости")
#: A word of each of them (a heading's words in the text lower-cased lie in its words: the article's word bits screen the
#: scans of _LINK_HEAD_STEMS, :func:`_held_bits`; tests/test_extract_screens.py).
_LINK_HEAD_WORDS = ("lesen", "thema", "interessant", "ähnliche", "read", "more", "related", "like", "читайте", "смотрите",
                    "читать", "теме", "похожие")
#: Such a heading on a line of its own (a few more words allowed: "MORE FROM BLACK SEA MONITOR"), or opening a line with a
#: colon and the link after it ("Lesen Sie auch: Druschba-Pipeline ...", the link taken from the colon on).
_LINK_HEAD = re.compile(r"(?im)^[ \t]*(?:lesen sie auch|weiterlesen|mehr zum thema|auch interessant|ähnliche artikel|meistgelesen|"
                        r"read also|also read|read more|more from|related(?:\s+(?:posts|articles|stories|news|content))?|"
                        r"you (?:might|may) also like|most read|читайте также|смотрите также|читать также|по теме|"
                        r"похожие (?:статьи|новости))(?:[ \t]+[^\n:]{1,40}?)?[ \t]*(?::[ \t]*(?=\S)|:?[ \t]*$)")
#: A link's line: short, not a sentence of the story (no full stop, question or exclamation mark at its end).
_LINK_ITEM = re.compile(r"[ \t]*[^\n]{1,160}?(?<![.!?])[ \t]*(?=\n|$)")
#: At most this many links follow one heading.
_LINK_ITEMS_MAX = 8
#: Cue kinds by which a link's line speaks of a route itself: its field is named as in a story of oil or gas.
_LINK_ITEM_KEEPS = frozenset(("energy", "trade"))


def _link_items(text: str) -> list[tuple[int, int]]:
    """The lines of links to other pages: each line after such a heading (to a blank or a story's line), bounds in order.

    A heading that ends its line opens a block of links, each a line of its own; one with a colon and more words after it
    is one link. Each heading is read once, and each line after it once.
    """
    out: list[tuple[int, int]] = []
    n = len(text)
    for head in _LINK_HEAD.finditer(text):
        pos = head.end()
        if pos < n and text[pos] != "\n":  # "Lesen Sie auch: Druschba-Pipeline ..." : the rest of the line is the link
            item = _LINK_ITEM.match(text, pos)
            if item is not None:
                out.append((head.start(), item.end()))  # (the heading's words with it: one sentence of the text)
            continue
        for _ in range(_LINK_ITEMS_MAX):
            if pos >= n or text[pos] != "\n":
                break
            item = _LINK_ITEM.match(text, pos + 1)
            if item is None:
                break
            out.append((item.start(), item.end()))
            pos = item.end()
    return sorted(out)


def _goods_spoken_of(m: Mention, text: str, sentences: list[tuple[int, int]], cue_sets: list[frozenset[str]],
                    memo: dict[Any, Any]) -> bool:
    """Other goods named in the name's sentence, or in the sentence before it in its paragraph (that names no oil or gas).

    With the goods in the sentence before, the name's own sentence names no oil or gas either: "Grain exports through
    Novorossiysk rose", "Agrar: Weizen gibt nach. Exporteure verluden ... über Noworossijsk".
    """
    sent = m.sentence
    if "goods" in cue_sets[sent]:
        return True
    return (sent > 0 and "goods" in cue_sets[sent - 1] and "energy" not in cue_sets[sent - 1]
            and "\n\n" not in text[sentences[sent - 1][1] : sentences[sent][0]] and not _said(_FUEL, sent, text, sentences, memo))


#: The key, in an article's memo, of the mentions' starts (sorted: _connected_here bisects them).
_MENTION_STARTS = "mention starts"


def _connected_here(m: Mention, mentions: list[Mention], sentences: list[tuple[int, int]], matcher: Matcher,
                    memo: dict[Any, Any]) -> bool:
    """Another mention of the name's sentence is of an asset connected to the name's ("CPC Blend ... Novorossiysk").

    The sentence's mentions are found by bisecting their starts (made once an article), not by a scan of them all.
    """
    starts = memo.get(_MENTION_STARTS)
    if starts is None:
        starts = memo[_MENTION_STARTS] = [o.start for o in mentions]
    s, e = sentences[m.sentence]
    near = matcher.near.get(m.id, _NO_IDS)
    return any(o is not m and o.id in near for o in mentions[bisect_left(starts, s) : bisect_left(starts, e)])


def _glossed_chain_ends(mentions: list[Mention], text: str, matcher: Matcher) -> list[Mention]:
    """The places of a chain in brackets (or after "from") right after its own line's name, where they are assets of their own.

    The chain glosses the line's ends ("Tanap (Ardahan – Kipi)", "TAP (Kipoi – Melendugno)" in a table): the line is
    named already, the Kipoi junction is a mention of that, and the chain is no second mention of the line. (A chain
    that is one of the line's own names, "Südkaukasus-Pipeline (Baku–Tiflis–Erzurum)", is matched as a name and stays.)
    """
    out: list[Mention] = []
    for k, m in enumerate(mentions):
        prev = mentions[k - 1] if k else None
        gap = text[prev.end : m.start] if prev is not None else ""
        if not (m.match == "chain" and prev is not None and prev.id == m.id and prev.match == "name" and (
                (gap.strip() == "(" and text.startswith(")", m.end)) or _FROM_GAP.fullmatch(gap))):
            out.append(m)
            continue
        # (the line's own ends settle a town's name of several assets: "from Turkmenbashi to Baku" after the gas line is Sangachal)
        ends = matcher.endpoints.get(m.id, ())
        for w in WORD.finditer(m.text):
            named = matcher.names.get((name_key(w.group()),), ())
            entries = [e for e in named if not e.context]
            ids = {e.target for e in entries}
            if len(ids) == 1 and matcher.kinds.get(entries[0].target) not in LINE_KINDS:
                out.append(Mention(m.start + w.start(), m.start + w.end(), w.group(), entries[0].target, entries[0].alias,
                                   "name", m.sentence))
            elif len(own := list({e.target: e for e in named if e.target in ends}.values())) == 1:
                out.append(Mention(m.start + w.start(), m.start + w.end(), w.group(), own[0].target, own[0].alias,
                                   "context" if own[0].context else "name", m.sentence))
    return out


#: "from" (or "von", «от», «из») right before a chain of places "A to B" that follows its own line's name: the line's ends
#: ("a Trans-Caspian Gas Pipeline from Turkmenbashi to Baku"): named as places of their own, as a gloss in brackets (batch 43).
_FROM_BEFORE_CHAIN = re.compile(r"(?:\bfrom|\bvon|(?<![а-яё])от|(?<![а-яё])из)\s$")
_FROM_GAP = re.compile(r"\s(?:from|von|от|из)\s")


def _abbreviation_pairs(mentions: list[Mention]) -> set[int]:
    """The sentences that name two assets or more by their abbreviations.

    (By the first such asset of each sentence: a sentence is one when another asset follows, with no set of ids a sentence.)
    """
    first: dict[int, str] = {}
    pairs: set[int] = set()
    for m in mentions:
        if m.match == "name" and _abbreviation(m.alias) and first.setdefault(m.sentence, m.id) != m.id:
            pairs.add(m.sentence)
    return pairs


def _bare_list(ms: list[Mention], text: str) -> bool:
    """A sentence's lane ends named only as one list ("Aktau, Kuryk and Alat"), with no "from", "to" or verb between them."""
    ordered = sorted(ms, key=lambda m: m.start)
    return all(_LIST_JOIN.match(text[a.end : b.start]) for a, b in pairwise(ordered))


def _unlisted_alts_dropped(ms: list[Mention], here: set[str], text: str, matcher: Matcher) -> None:
    """A name's other reading ends a second lane only beside a list of origins ("from Aktau and Kuryk to Baku").

    "crude from Aktau to Baku ..., and plans to expand the oil terminal at Kuryk": Baku is Sangachal, the end of
    Aktau's lane; Kuryk, named apart, does not make Baku its port too.
    """
    ordered = sorted(ms, key=lambda m: m.start)
    listed = any(_LISTED.match(text[a.end : b.start]) for a, b in pairwise(ordered) if not a.alts and not b.alts)
    if listed:
        return
    others = {m.id for m in ms if not m.alts}
    for m in ms:
        if m.alts and _lanes(({m.id} | others) & here, matcher):
            here.difference_update(a for a in m.alts if a not in others)


def _commodity_context(words: list[Word], offsets: list[int], sentences: list[tuple[int, int]]) -> Callable[[int], str]:
    """The commodity a sentence speaks of ("oil", "gas"), else the one its article speaks of, else "".

    Worked out on the first call only (most articles name no line that needs it), then once per sentence,
    so a sentence holding many names (hostile input) stays linear. ``words``: the records of the text's words.
    """
    seen: dict[int, str] = {}
    state: list[Any] = []  # [word masks, word starts, the article's commodity], filled on the first call

    def of(sent: int) -> str:
        got = seen.get(sent)
        if got is None:
            if not state:
                masks = _commodity_masks(words)
                state.extend((masks, offsets[0::2], dominant_commodity(masks)))
            masks, word_starts, doc = state
            s, e = sentences[sent]
            got = seen[sent] = dominant_commodity(masks[bisect_left(word_starts, s) : bisect_left(word_starts, e)], sentence=True) or doc
        return got

    return of


def _commodity_masks(words: list[Word]) -> list[int]:
    """The words' commodity masks (:func:`geo.claims.cues.commodity_mask`), from their records (worked out on first need)."""
    out: list[int] = []
    for rec in words:
        mask = rec.commodity
        if mask < 0:
            mask = rec.commodity = compute_commodity_mask(rec.text)
        out.append(mask)
    return out


_ROUTE_TYPES = ("rerouting", "dependency")
#: With one of these, a reliance word next to a named asset is no route reliance: an outage, other goods, or a shift.
_NOT_A_NAMED_RELIANCE = frozenset(("outage", "goods", "rerouting"))
_LESSENING = frozenset(("lessen", "dependency"))
_CHANGE = frozenset(("change",))
#: Cue kinds by which a sentence right after a claim goes on with it.
_GOES_ON = frozenset(("energy", "rerouting", "dependency"))
#: Stances between states: a sentence with one goes on with the actors named in the sentence before ("both sides", «стороны»).
_STANCES = frozenset(("alignment", "military_symbolic"))
_ACTORS = frozenset(("actors",))
#: claim_types depends only on the cue kinds and six flags (bounded by the cue kind sets times 64); the lists are never mutated.
_TYPES_MEMO: dict[tuple[frozenset[str], bool, bool, bool, bool, bool, bool], list[str]] = {}


def _sentence_cue_sets(text: str, sentences: list[tuple[int, int]], raws: list[str], gaps: list[str], offsets: list[int],
                       lang: str, words: list[Word] | None = None) -> list[frozenset[str]]:
    """Cue kinds of every sentence, from the words of the whole text (same as :func:`geo.claims.cues.claim_cues` on each).

    ``words``: the records of ``raws`` (:func:`_words_of`), whose cue masks are read instead of the cue memo's.
    """
    return sentence_cue_sets(text, sentences, raws, gaps, offsets, lang, None if words is None else _cue_masks(words, lang))


_IN = frozenset(("in ", "In ", "in\u00a0"))
_TOWN_AND = re.compile(r"\s+(?:and|und|or|oder)\s+")
#: The gap between two names of a list: a comma, "and", "und", «и» (and "or").
_HOME_LIST = re.compile(r"\s*,\s*|,?\s+(?:and|und|or|oder|и|или)\s+")
#: "from" before a name, its last four characters: a person's home town ("ein Ingenieur aus Atyrau", see _person_from).
_FROM = frozenset(("aus ", "rom ", " из "))
_IN_RU = frozenset((" в ", " В ", "\nВ ", "\nв ", "«В "))


def _ru_in(text: str, start: int) -> bool:
    """The Russian locative «в» right before ``start`` (also at the very start of the text)."""
    return text[max(0, start - 3) : start] in _IN_RU or (start == 2 and text[:2] == "В ")
#: Kinds of facility that share a name with their town.
_TOWN_KINDS = frozenset(("port", "terminal", "junction"))
#: Kinds whose name after "near" («под», "nahe") is the town's, as a landmark, in a sentence of none of their own business.
_NEAR_KINDS = frozenset(("junction", "port"))
#: A word for a town right before its name: "the city of Aktau", "Hafenstadt Aktau", «в городе Актау».
#: (A plain scan first: most names have no town word before them. Each branch opens with a letter, so the regex engine skips
#: to those four in C.)
_TOWN_HINT = re.compile(r"y of |n of |tadt |ород")
_TOWN_BEFORE = re.compile(r"(?:\b(?:city|town) of |(?:hafen|öl|industrie|groß|küsten)?stadt |\bгород[а-я]{0,2} )$", re.IGNORECASE)
#: A dateline: the place in capitals at the start of a wire ("ATYRAU, Nov 4 -", «МОСКВА, 17 февраля.»),
#: or a place before the agency ("Schwedt/Oder (dpa) -"), or a paper's one-word place sentence ("Schwedt/Oder. Seit ...").
#: A month's name, English, German or Russian (genitive), full or cut: the date of a dateline ("Baku, November 5 –").
_MONTH = (r"(?:Jan(?:uary|uar)?|Feb(?:ruary|ruar)?|M(?:arch|ärz|ar)|Apr(?:il)?|May|Mai|June?|Juni|July?|Juli|Aug(?:ust)?|"
          r"Sep(?:t(?:ember)?)?|O[ck]t(?:ober)?|Nov(?:ember)?|De[cz](?:ember)?|января|февраля|марта|апреля|мая|июня|июля|"
          r"августа|сентября|октября|ноября|декабря)\.?")
#: (The runs are possessive: what follows each run, a separator or a look-ahead, cannot start inside it, so giving letters
#: back never finds another match; a long first word fails at once instead of letter by letter. A place in capitals has
#: at most three words: a longer run before a comma is an ALL-CAPS headline, "KAZAKHSTAN-CHINA OIL PIPELINE SETS RECORD,
#: OPERATOR SAYS" (batch 36).)
_DATELINE = re.compile(r"\s*(?:[A-ZÄÖÜА-ЯЁ]{3,}+(?:[ -][A-ZÄÖÜА-ЯЁ]{3,}+){0,2}+(?=,|\.\s|\s\([^)\n]{2,30}\)\s*[-–—]|\s[-–—]\s)"
                       r"|[A-ZÄÖÜА-ЯЁ][\w-]++(?:/[\w-]++)?+(?=\s\([^)\n]{2,30}\)\s*[-–—]|\.\s)"
                       # a place in mixed case, a comma and a date, then a dash: "Astana, 28 October 2026 –", "Baku, Nov. 5 -"
                       # (or two places of a release, split by a slash: "Moscow / Atyrau, 28 November 2026 —");
                       # or an agency, the place and the date, then a full stop: "Trend, Baku, December 4. Oil ..."
                       r"|[A-ZÄÖÜА-ЯЁ][\w-]++(?:\s?/\s?[A-ZÄÖÜА-ЯЁ][\w-]++)?+"
                       r"(?=,\s+(?:\d{1,2}\.?\s+" + _MONTH + r"|" + _MONTH + r"\s+\d{1,2})(?:,?\s+\d{4})?\s*[-–—]\s)"
                       r"|[A-ZÄÖÜА-ЯЁ][\w-]++,\s+[A-ZÄÖÜА-ЯЁ][\w-]++(?=,\s+(?:\d{1,2}\.?\s+" + _MONTH + r"|" + _MONTH + r"\s+\d{1,2})"
                       r"(?:,?\s+\d{4})?\.\s))")


#: German "Leitung" as management, not a pipe: "Neue Leitung für die Uckermärkischen Bühnen", "unter der Leitung von",
#: "übernimmt die Leitung des Hauses", "die künstlerische Leitung" (searched in the case-folded sentence).
_MANAGEMENT_LEITUNG = re.compile(r"\b(?:unter (?:der )?leitung|leitung (?:für (?:die|den|das)\b|des hauses|des theaters|der schule|"
                                 r"des museums|übernimmt|übernehmen|übernommen|übergibt|übergeben|abgeben)|(?:die |der )?"
                                 r"(?:künstlerische|kaufmännische|musikalische|kommissarische)n? leitung)")


def _management_dropped(cue_sets: list[frozenset[str]], text: str, sentences: list[tuple[int, int]]) -> None:
    """A German sentence's cues read without "Leitung" as management: if it was its only energy word, it speaks of none."""
    for idx, (s, e) in enumerate(sentences):
        if "energy" in cue_sets[idx] and "eitung" in text[s:e]:
            low = text[s:e].casefold()
            if _MANAGEMENT_LEITUNG.search(low):
                without = claim_cues(_MANAGEMENT_LEITUNG.sub(" ", low), "de")
                if "energy" not in without:
                    cue_sets[idx] = without


#: German "speisen" as the verb "einspeisen" (to feed into a line or grid), not a meal: its particle "ein" closes the same
#: sentence part ("Neben Tengis speisen auch Kaschagan und Karatschaganak in das CPC ein."), or it feeds into a net, system
#: or line ("Die Felder speisen in das Netz von KazTransOil"); searched in the case-folded sentence, group 1 the verb.
#: ("Die Gäste speisen im Restaurant am Hafen" stays food: no particle, no net; "ein und dasselbe Menü" is no particle.)
_FEED_IN = re.compile(r"\b(speisen)\b(?=[^.;:!?]{0,160}?(?:\bein(?=\s*(?:[.,;:!?)»“”\"]|$))|"
                      r"\bin(?:s|\s+(?:das|die|den))\s+(?:[\w-]+\s+)?[\w-]*(?:netz|system|pipeline|leitung)))")


def _feed_in_read(cue_sets: list[frozenset[str]], text: str, sentences: list[tuple[int, int]]) -> None:
    """A German sentence's cues read without "speisen" as the feed-in verb (:data:`_FEED_IN`): no meal, no other goods."""
    for idx, (s, e) in enumerate(sentences):
        if "goods" in cue_sets[idx] and "speisen" in (low := text[s:e].casefold()):
            masked = _FEED_IN.sub(" ", low)
            if masked != low:
                cue_sets[idx] = claim_cues(masked, "de")


#: Energy words in another sense (searched in the lower-cased sentence): a figurative pipeline ("a pipeline of
#: applicants", "Pipeline für Nachwuchs", "Pipeline an Ideen", "Projektpipeline"), and a terminal for people, an airport's
#: or a hospital's, with a word of flights, passengers or patients near it or a number after it ("the new passenger
#: terminal", "im Terminal 1 des Flughafens", «пассажирский терминал аэропорта», "Terminal für die Patientenaufnahme").
_PEOPLE_WORDS = (r"(?:airports?|flughafens?|flug|flüge|fliegt|flies|flights?|passengers?|passagier\w*|patient\w*|bus|buses|busse|"
                 r"аэропорт\w*|авиарейс\w*|рейс\w*|пассажир\w*|пациент\w*|автобус\w*|"
                 # a stadium's or its fans' terminal ("filled the away terminal of the stadium", „Fans am Terminal des Stadions“;
                 # not bare "fans", which cool machines too: "new cooling fans at the terminal")
                 r"stadiums?|stadion\w*|стадион\w*|(?:football|soccer|fußball)[\s-]?fans|болельщик\w*)")
#: (The pipeline's pattern opens with a literal, so the regex engine skips to it in C; the terminal's, which cannot, is searched
#: only in a sentence that holds a word of people, _PEOPLE_HINT.)
#: What a figurative pipeline is "of" (lower-cased): projects, applicants, ideas, deals, and with up to two words before them or
#: as a compound ("a pipeline of tourism projects", "a pipeline of three storage deals", „Pipeline an Prestigeprojekten“); no
#: determiner first ("the pipeline of the project" is a real one).
_FIGURATIVE_OBJECT = (r"(?:(?!(?:the|this|that|these|its|their|dem|des|der|die|das)\s)[\w-]+\s+){0,2}(?:project|applicant|talent|"
                      r"candidate|idea|deal|order|student|studierend|[a-zäöüß]*?(?:projekt|idee|nachwuchs|bewerber|kandidat|auftr)|"
                      # songs, shows and posts in the making (batch 36: a playlist "Pipeline of Hits")
                      r"hits\b|songs?\b|tracks?\b|releases?\b|episodes?\b|content\b|posts?\b|videos?\b|[a-zäöüß]*?(?:titel|folgen\b))")
_FIGURATIVE_PIPE = re.compile(r"pipelines?(?=\s+(?:of|for|für|an|der|von)\s+" + _FIGURATIVE_OBJECT + ")|"
                              r"pipeline(?:(?<=project pipeline)|(?<=projektpipeline)|(?<=talentpipeline)|(?<=sales pipeline)|"
                              r"(?<=auftragspipeline)|(?<=deal pipeline))s?")
#: A word of people one of which a sentence must hold for _PEOPLE_TERMINAL to be searched in it (literals first: the regex
#: engine skips to them in C) (a bus word whole or before "terminal", as _PEOPLE_TERMINAL reads it: not "business"; the
#: word's start looked behind from its "bus", so that every alternative opens with a literal: with ``\bbus`` first the engine
#: tried the whole pattern at every character, four times as slow)
_PEOPLE_HINT = re.compile(r"airport|flug|flüge|flie|flight|passeng|passagier|patient|bus(?<!\wbus)(?:(?:es|se)?\b|terminal)|аэропорт|"
                          r"рейс|пассажир|пациент|автобус|terminal \d")
#: (the people's word and the terminal's also as one word: "bus-terminal", „Busterminal“, „Flughafenterminal“)
_PEOPLE_TERMINAL = re.compile(r"\b" + _PEOPLE_WORDS + r"(?:\b[^.;:!?]{0,40}?|-?)(?:terminal|терминал)\w*"
                              r"|(?:terminal|терминал)\w*(?:\s+\d{1,2}\b|[^.;:!?]{0,40}?\b" + _PEOPLE_WORDS + r"\b)")
#: A terminal to pay at, a card reader, described once for the three readers of it (_PAY_TERMINAL in _other_senses_dropped,
#: the payment story's screens in _payment_story, the look-behinds of _OTHER_TERMINAL): a word of paying or cards right
#: before the terminal's word, after a space, a hyphen or none ("card terminals", "payment terminal", "POS-Terminals",
#: "point-of-sale terminals", "self-service terminals", „EC-Terminal“, «POS-терминал»); German compounds of it, also inside
#: a longer word („Kartenterminal“, „Bankkartenterminal“, „Zahlungsterminals“, „Kassenterminal“); a word of paying after
#: it ("terminals for card payments", „Terminals für Kartenzahlung“); Russian adjectives before it («сбой платёжных
#: терминалов», «банковские терминалы») and words of paying after it («терминалы оплаты», «терминал для безналичной оплаты»,
#: «терминалы эквайринга»).
_PAY_WORDS_BEFORE = ("card", "payment", "pos", "contactless", "self-service", "ticket", "sale", "ec")  # whole words
_PAY_COMPOUNDS = ("karten", "zahlungs", "bezahl", "kassen")  # a compound's part, inside a longer word too
_PAY_WORDS_AFTER = ("card", "payment", "paying", "kartenzahlung", "zahlung")  # after "for" / "für"
_PAY_RU_BEFORE = ("платёжн", "платежн", "банковск")  # an adjective's stem, its ending, a space
_PAY_RU_AFTER = ("оплат", "безналичн", "эквайринг")  # after the terminal's word (and «для»)
#: The joins of a word before the terminal's word (the look-behinds of _OTHER_TERMINAL are one a join).
_PAY_JOINS = (" ", "-", "")
#: Its matches, lower case (the whole words and their endings: the span masked in a sentence).
_PAY_TERMINAL = re.compile(r"(?:(?:\b(?:" + "|".join(_PAY_WORDS_BEFORE) + ")|" + "|".join(_PAY_COMPOUNDS) + r")[ -]?(?:terminal|терминал)|"
                           r"terminal\w*\s+(?:for|für)\s+(?:" + "|".join(_PAY_WORDS_AFTER) + ")|"
                           r"(?<![а-яё])(?:" + "|".join(_PAY_RU_BEFORE) + r")\w*\s+терминал|"
                           r"терминал\w*\s+(?:для\s+)?(?:" + "|".join(_PAY_RU_AFTER) + r"))\w*")
#: Words one of which every match holds anywhere, and the words (with a join) one of which every other match holds right before
#: the terminal's word ("termin", «термин»): C-level looks before the pattern is searched.
_PAY_ANYWHERE = (*_PAY_WORDS_AFTER, *_PAY_RU_BEFORE, *_PAY_RU_AFTER)
_PAY_RIGHT_BEFORE = tuple(w + j for w in (*_PAY_WORDS_BEFORE, *_PAY_COMPOUNDS) for j in _PAY_JOINS)
_PAY_RIGHT_BEFORE_LEN = max(map(len, _PAY_RIGHT_BEFORE))
#: A word of paying or cards near a terminal's word (the sentence's first, see _other_senses_dropped): _PAY_TERMINAL is searched.
#: (Each branch opens with a letter, no word boundary: the regex engine skips to their first letters in C.)
_PAY_HINT = re.compile("|".join(dict.fromkeys((*_PAY_ANYWHERE, *(w for w in (*_PAY_WORDS_BEFORE, *_PAY_COMPOUNDS) if len(w) > 3),
                                                r"pos\b", r"ec\b"))))

#: A word of computing and software building (searched in a sentence lower-cased that holds a terminal's or pipeline's word):
#: with one, a terminal or a pipeline is a command window or a build's chain of steps ("open a terminal and run git", «Теги:
#: #CI/CD #терминал #DevOps», "die Build-Pipeline in der Shell"), not an oil terminal or a line.
_IT_HINT = re.compile(r"ci/cd|devops|\bgit\b|\bshell\b|\bbash\b|linux|befehl|emulator|эмулятор|пайплайн|\bgrep\b")
_IT_TERMINAL = re.compile(r"(?:terminal|терминал|pipeline)\w*")
#: Plain substrings one of which every match of _IT_HINT holds (C-level scans of the sentence first: most hold none).
#: (few: each is a scan of every sentence that holds a terminal's or a pipeline's word and energy, 147 of a cg pass)
_IT_STEMS = ("ci/cd", "devops", "git", "shell", "bash", "linux", "befehl", "emulator", "эмулятор", "пайплайн", "grep")


#: A disease's words after "terminal" (German, English) or «терминальн...» (Russian): its last stage (_MEDICAL_TERMINAL).
_MEDICAL_WORDS = (r"(?:nieren|herzinsuffizienz|krankheit|erkrank|krebs|tumor|illness|cancer|disease|kidney|renal|heart|lung|liver|"
                  r"patients?\b|care\b|stages?\b|stadium|phase\b|diagnos|palliativ)")
_MEDICAL_RU = r"(?:стади|почечн|сердечн|печеночн|печёночн|фаз|онколог|больн|пациент)"
#: "Terminal" as the last stage of a disease (searched in the lower-cased sentence): "terminale Niereninsuffizienz", "im
#: Terminalstadium", "terminal illness", "terminally ill", «терминальная стадия», «терминальной почечной недостаточности»:
#: no oil terminal (batch 43). (Not «терминальный комплекс»: only a disease's words after the Russian adjective.)
_MEDICAL_TERMINAL = re.compile(r"\bterminal(?:e[nmrs]?)?\s+" + _MEDICAL_WORDS + r"\w*|\bterminally\s+ill\b|\bterminal(?:stadium|phase)\w*|"
                               r"(?<![а-яё])терминальн\w*\s+" + _MEDICAL_RU + r"\w*")
#: A pipeline of medicines in the making: a drug's word within 80 characters of it, before or after, in the sentence ("new
#: drugs in the pipeline", „Medikamente: In der Pipeline der Hersteller seien mehrere Wirkstoffe“, «препараты в пайплайне»
#: is no such word) (batch 43).
_DRUG_WORDS = (r"(?:wirkstoff|medikament|arznei|pharma|drugs?\b|medicines?\b|therap|vaccine|impfstoff|препарат|лекарств|"
               r"вакцин)")
_DRUG_AFTER = re.compile(r"[^.;!?]{0,80}?" + _DRUG_WORDS)
_DRUG_BEFORE = re.compile(_DRUG_WORDS + r"[^.;!?]{0,80}$")
_PIPELINE_WORD = re.compile(r"pipelines?")


def _medical_terminal(low: str) -> bool:
    r"""``_MEDICAL_TERMINAL.search(low) is not None``: its match tried only where its words begin.

    (Its \b and look-behind see the text before the match's start: the same answer. Searched, it tried its branches at
    every character of the sentence.)
    """
    for word in ("terminal", "терминальн"):
        at = low.find(word)
        while at >= 0:
            if _MEDICAL_TERMINAL.match(low, at) is not None:
                return True
            at = low.find(word, at + 1)
    return False


def _drug_pipes_masked(low: str) -> str:
    """``low`` (a sentence lower-cased) with each pipeline that has a drug's word within 80 characters blanked."""
    return _PIPELINE_WORD.sub(lambda p: " " if _DRUG_AFTER.match(low, p.end()) or _DRUG_BEFORE.search(low[max(0, p.start() - 90) : p.start()])
                              else p.group(), low)
_DRUG_STEMS = ("wirkstoff", "medikament", "arznei", "pharma", "drug", "medicine", "therap", "vaccine", "impfstoff", "препарат",
               "лекарств", "вакцин")


def _other_senses_dropped(cue_sets: list[frozenset[str]], text: str, sentences: list[tuple[int, int]], starts: list[int],
                          lang: str) -> None:
    """A sentence's cues read without energy words in another sense (:data:`_FIGURATIVE_PIPE`, :data:`_PEOPLE_TERMINAL`).

    Card and payment terminals too (:data:`_PAY_TERMINAL`). If they were its only energy words, it speaks of none ("Wir
    brauchen eine Pipeline für Nachwuchs", "Im Terminal 1 des Flughafens empfängt einen eine Halle").
    """
    # (the sentence is cut from the text lower-cased once, see _may_hold: no case-folding of each; a text with a letter that
    # lower-cases oddly is lowered sentence by sentence)
    odd = _holds_odd(text)
    # only the sentences that hold one of the words (found by C-level scans of the text: most sentences hold none)
    # (each match of the patterns holds one, but for a word in capitals)
    hits: set[int] = set()
    for word in ("ipeline", "erminal", "ерминал"):
        at = text.find(word)
        while at >= 0:
            hits.add(bisect_right(starts, at) - 1)
            at = text.find(word, at + 7)
    for idx in sorted(hits):
        if idx < 0 or "energy" not in cue_sets[idx]:
            continue
        s, e = sentences[idx]
        low = masked = text[s:e].lower() if odd else _lowered(text)[s:e]
        if "pipeline" in low and _FIGURATIVE_PIPE.search(low):
            masked = _FIGURATIVE_PIPE.sub(" ", masked)
        if ("terminal" in low or "терминал" in low) and (_PEOPLE_HINT.search(low) or "stadi" in low or "стадион" in low
                                                         or "fans" in low or "болельщик" in low):  # (a stadium's, C-level looks)
            masked = _PEOPLE_TERMINAL.sub(" ", masked)
        at = low.find("terminal")
        if at < 0:
            at = low.find("терминал")
        if at >= 0 and _PAY_HINT.search(low, max(0, at - 30), at + 50):  # (a word of paying near the first terminal word)
            masked = _PAY_TERMINAL.sub(" ", masked)  # "card terminals failed in shops in Samara": no oil terminal
        if any(w in low for w in _IT_STEMS) and _IT_HINT.search(low):
            masked = _IT_TERMINAL.sub(" ", masked)  # «Теги: #CI/CD #терминал #DevOps #Самара»: a command window, no oil terminal
        if ("terminal" in low or "терминальн" in low) and _medical_terminal(low):
            masked = _MEDICAL_TERMINAL.sub(" ", masked)  # "terminale Niereninsuffizienz", "terminal illness": a disease's last stage
        if "pipeline" in low and any(w in low for w in _DRUG_STEMS):
            masked = _drug_pipes_masked(masked)  # "new drugs in the pipeline": medicines in the making
        if masked != low:
            without = claim_cues(masked.casefold(), lang)
            if "energy" not in without:
                cue_sets[idx] = without


def _dateline_end(text: str, matcher: Matcher, pos: int = 0, endpos: int | None = None) -> int:
    """Where the dateline's place name ends, or 0; an asset's abbreviation ("CPC, the consortium, said") is no dateline.

    ``pos`` and ``endpos`` read ``text[pos:endpos]`` without cutting it out (the pattern has no look-behind or anchor
    that could see past them): the end returned is then an offset in ``text``.
    """
    got = _DATELINE.match(text, pos) if endpos is None else _DATELINE.match(text, pos, endpos)
    if got is None or got.group().strip() in matcher.abbrevs:
        return 0
    return got.end()


_HEAD_LINES = 4  # a dateline may follow a headline, a standfirst and a byline (pages, not wires)


def _dateline_span(text: str, matcher: Matcher) -> tuple[int, int]:
    """Start and end of the dateline, or (0, 0): at the text's start, else at the start of one of its first lines.

    Pages put a headline (a standfirst, a byline) before the wire's dateline ("Caspian ports race ..." on one line,
    "AKTAU, Nov 27 (Kazinform) -" on the next); the headline's names stay mentions.
    """
    end = _dateline_end(text, matcher)
    if end or text.find("\n", 0, 400) < 0:
        return 0, end
    at = 0
    for _ in range(_HEAD_LINES):
        at = text.find("\n", at, 400) + 1
        if not at:
            break
        end = _dateline_end(text, matcher, at, at + 120) or _place_dash_end(text, matcher, at)
        if end:
            return at, end
    return 0, 0


#: A regional paper's dateline under a headline: a place in mixed case (or two, split by a slash), a spaced dash, and the
#: story's first sentence going on in the same line ("Aktau – Das Konsortium, das ...", "Jena/Aktau – Das Klinikum ...",
#: "Astana – The ministry said ..."). Not a Russian copula («Унеча — узловая станция»: lower case after the dash). (batch 43)
_PLACE_DASH = re.compile(r"([A-ZÄÖÜА-ЯЁ][\w-]++(?:\s?/\s?[A-ZÄÖÜА-ЯЁ][\w-]++)?+)\s[-–—]\s([A-ZÄÖÜА-ЯЁ][\w-]*+)(?=[^\n]{40})")


def _place_dash_end(text: str, matcher: Matcher, at: int) -> int:
    """Where a place-and-dash dateline's place ends at ``at`` (a line after the headline), or 0.

    Not when the word after the dash is a name too: "Atyrau – Samara: ..." is a line's two ends, no dateline.
    """
    got = _PLACE_DASH.match(text, at, at + 120)
    if got is None or (name_key(got.group(2)),) in matcher.names or got.group(1) in matcher.abbrevs:
        return 0
    return got.end(1)
#: A pipe's word, not a figure of speech (searched case-folded): no "project pipeline", "Projektpipeline", "pipeline of
#: applicants", "Pipeline an Ideen", "Pipeline für Nachwuchs", "die Pipeline der Projekte" (things in the making, a
#: business's or a school's); no German "Leitung" of a firm, a building site or a school ("Geschäftsleitung", "Bauleitung").
_PIPE_WORD = (r"pipeline(?<!project pipeline)(?<!projektpipeline)(?<!talentpipeline)(?<!sales pipeline)(?<!auftragspipeline)"
              r"(?<!deal pipeline)(?!s?\s+(?:of|for|für|an|der|von)\s+" + _FIGURATIVE_OBJECT + ")")
_LEITUNG_WORD = (r"leitung(?<!geschäftsleitung)(?<!konzernleitung)(?<!unternehmensleitung)(?<!betriebsleitung)(?<!projektleitung)"
                 r"(?<!bauleitung)(?<!schulleitung)(?<!klinikleitung)(?<!werksleitung)(?<!abteilungsleitung)(?<!bereichsleitung)"
                 r"(?<!einsatzleitung)(?<!chorleitung)")
#: Words of a carrier or a flow: with one, "in Aktau" is where oil is moved, not only where something happens.
_CARRIER = re.compile(_PIPE_WORD + "|tanker|" + _LEITUNG_WORD + r"|kesselwagen|tank car|rail|bahn|barrel|pump|load|verlad|ship|schiff|terminal|"
                      r"hafen(?!stadt)|port\b(?! city)|umschlag|transship|"
                      # German loading verbs as "load" (batch 35): "luden Öl in Primorsk", "in Ust-Luga geladen", "verluden"
                      # (not a guest "eingeladen", nor "lud ... ein", invited there: "ein" closing the clause; each branch opens
                      # with its letter, so that the pattern keeps its first-character screen in the regex engine)
                      r"lud(?<!\wlud)(?:en)?\b(?![^.!?;:]*\sein\b[.,;!?])|geladen(?<!eingeladen)\b|verlud|"
                      # the same in Russian: «газопровод ... от побережья в районе города Туркменбаши до Баку» is the line's end
                      r"трубопровод|газопровод|нефтепровод|танкер|терминал|отгруз|перевалк")


#: Words of flows and output that speak of oil or gas where a sentence names an asset (for links only; the claim cues
#: are geo.claims.cues'): "Deliveries via the Central Asia-Centre system", «перекачка через Атырау». A field's output is no flow.
#: Not with other goods ("grain deliveries"); "supply" is left out ("water supply in Aktau").
_FLOW = {
    # and the oil products themselves, as fuels (not an engine, a car or a generator: "diesel engine", "Dieselmotor",
    # «дизельный генератор"): "Früher kam hier Diesel aus Primorsk an", "jet fuel shipped from Aktau", «мазут из Махачкалы»
    "en": re.compile(r"\b(?:deliver|pump(?:s|ed|ing)?\b|flows?\b|diesel\b(?!\s+(?:engine|generator|car|vehicle|locomotive|truck))|"
                     r"gasoline|petrol\b|kerosene|jet fuel|fuel oil|naphtha|mazut)"),
    "de": re.compile(r"\b(?:gepumpt|pump|fließ|durchfluss|einspeis|diesel\b(?![-\s]*(?:motor|aggregat|generator|auto|fahrzeug|lok))|"
                     r"dieselkraftstoff|benzin\b|heizöl|kerosin|flugbenzin|naphtha|masut)"),
    "ru": re.compile(r"(?:^|[^а-яё])(?:прокач|перекач|поставля|транспортир|дизельно\w* топлив|дизтоплив|бензин|мазут|керосин|"
                     r"нефтепродукт)"),
}
#: Units of a cargo's amount: "every tonne", "Tonnen", «тонн», "barrels", "Fass" (not a measure of a thing, "a 20-ton statue").
_TONNAGE = re.compile(r"(?<![-\w])(?:tonnes?|tons?|tonnen?|barrels?|fass)\b|(?<![-а-яё])(?:тонн|баррел)")
#: A ferry: a sentence of ferries that names no oil or gas speaks of no tanker lane («грузы переправляют паромами»).
#: A ferry or general freight ("freight", "Fracht", "Güter", «грузы»): goods of any kind, on no tanker lane or oil rail leg.
#: (Every alternative opens with a literal, the word's start looked behind from «груз»: the regex engine skips to them in C,
#: while an alternative opening with ``\b`` made it try the whole pattern at every character.)
_FERRY = re.compile(r"ferr(?:y|ies)|fähre|паром|freight|fracht|güter|груз(?<!\wгруз)(?:ы|ов|ам|ами|ах)\b")
_FERRY_OIL = re.compile(r"\boil\b|crude|(?:roh|erd)?öl\b|нефт|tank (?:car|wagon)|kesselwag|цистерн|tanker|танкер")  # oil on the ferry: a lane
#: Words of a meeting: the town that hosts talks about a pipeline is not a facility of it.
_MEETING = re.compile(r"\b(?:met|meeting|summit|forum|conference|gathered|berieten|beraten|trafen|treffen|gipfel|konferenz|"
                      r"tagung|exhibition|expo\b|messe\b|ausstellung|встрети|встреч[аеиу]|саммит|форум|конференци|совещани|выставк|"
                      r"discuss|talks\b|besprach|erörter|обсу[дж]|переговор|"
                      # a signing there: the Caspian convention "signed in Aktau", «конвенцию подписали в Актау»
                      # (not "conventional oil", «конвенциональн»)
                      r"signed|signing|unterzeichn|подписа|conventions?\b|konvention(?:en)?\b|конвенци(?:я|и|ю|ей|ям|ях)\b)")
#: Words of a town's civic life: its administration, courts, schools, elections, weather, wages and prices, its workers,
#: its offices and other plants, the town as a "capital". A town-named facility in such a sentence, without words of its own
#: business, is the town («Мэрия Новороссийска», "the mayor of Atyrau", «В Шымкенте остановили НПЗ», «офис в Актау»).
#: In two halves, the Latin words and the Cyrillic ones, each screened by its own stems in :func:`_said`: a sentence is searched
#: for one half only (most sentences hold the stems of one script), and a half costs less than half the whole (the whole
#: tries both branches at every character).
_CIVIC_LATIN = re.compile(r"\b(?:mayor|city (?:council|hall|administration)|courts?\b|judge|school|hospital|election|voters|wages?\b|"
                    r"salar|rents?\b|unemploy|weather|traffic accident|bürgermeister|stadtrat|stadtverwaltung|rathaus|stadtverordnet|gericht|schule|"
                    r"krankenhaus|wahl(?:en)?\b|löhne|lohn(?!t)|gehälter|mieten?\b|arbeitslos|wetter|statisti|"
                    r"refiner(?:y|ies)|power (?:plant|station)|raffinerie|kraftwerk|offices?\b|headquarter|büro|zentrale|"
                    r"capital of|hauptstadt|oil workers|ölarbeiter|governor|gouverneur|host(?:s|ed|ing)\b|"
                    r"gastgeber|exhibition|conference|forum|summit|konferenz|messe\b|gipfel|"
                    # the town's water, sewers and heating, and its museums
                    r"water supply|drinking water|sewer|district heating|wasserversorgung|trinkwasser|kanalisation|fernwärme|"
                    r"museum|museen)"
                    # a German compound of a conference: „Branchenkonferenz“, „Fachkonferenz“, „Energiekonferenz“ (batch 37)
                    r"|konferenz(?<=[a-zäöüß]konferenz)")
_CIVIC_CYRILLIC = re.compile(r"(?<![а-яё])(?:мэр|администрац|акимат|аким\b|губернатор|суд(?:е|ом|ья|ьи|ебн)?(?![а-яё])|школ|больниц|"
                    r"выбор|зарплат|заработн|безработ|погод|дтп|микрорайон|детск\w* сад|жкх|коммунальн|"
                    r"нпз|тэц|офис|штаб-квартир|столиц|нефтяник|выставк|конференци|форум|саммит|благоустро|ремонт дорог|"
                    r"водоснабж|водопровод|водоканал|канализац|теплоснабж|теплосет|музе[йяюе])")
#: Experts of a town right before its name: «эксперты из Самары», "experts in Atyrau", „Experten aus Aktau“ (batch 43).
_EXPERTS_BEFORE = _Screened(re.compile(r"(?:\bexperts?|\bexperten|(?<![а-яё])эксперт(?:ы|ов|ам|ами|ах|а|у|ом|е)?)\s+"
                                       r"(?:in|from|at|of|aus|in|von|из|в|от)\s+$", re.IGNORECASE))
#: Words of end consumers of gas or heat: a town named with them is where people live, not a junction or port.
_CONSUMERS = re.compile(r"household|\bhomes\b|\bresidents\b|gasification|\b(?:privat)?haushalt|\bwohnung|\beinwohner|\bgasanschl|газифик|"
                        r"домохозяйств|частных дом|жилых дом|\bжител|\bабонент|\bбытов")


def _stems(*words: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(c for w in words for c in (w, w.capitalize())))


#: Plain substrings (both cases of the first letter), one of which every match of the pattern below them holds: a sentence
#: must hold one as written (``stems`` of :func:`_said`), so a word in capitals ("MEETING") does not count for these two.
_CONSUMER_STEMS = _stems("household", "homes", "residents", "gasification", "haushalt", "wohnung", "einwohner", "gasanschl",
                         "газифик", "домохозяйств", "частных дом", "жилых дом", "жител", "абонент", "бытов")
_MEETING_STEMS = _stems("met", "meeting", "summit", "forum", "conference", "gathered", "berieten", "beraten", "trafen", "treffen",
                        "gipfel", "konferenz", "tagung", "exhibition", "expo ", "messe ", "ausstellung", "выставк", "встрет", "встреч",
                        "саммит", "форум", "конференци", "совещани", "discuss", "talks", "besprach", "erörter", "обсуд", "обсуж", "переговор",
                        "signed", "signing", "unterzeichn", "подписа", "convention", "konvention", "конвенци")
#: A route preposition right before a name: "via Alashankou", «через Приморск» is where the oil goes, not the town.
#: (not "from near X to ...", «из-под X»: the start of a route, as a line's or a pipe's, batch 42 with batch 40's rule)
_NEAR_BEFORE = _Screened(re.compile(r"(?:\b(?<!from )(?:outside|near|nahe|unweit)|(?<![а-яё])(?<!из-)(?:под|около|близ|недалеко от))\s+$",
                                    re.IGNORECASE))
#: The words _NEAR_BEFORE's matches end with (before the space): a C-level look at the name's few characters before it first,
#: since ports are named often and few after "near" (batch 40 asks it of ports too, not only of junctions).
_NEAR_ENDS = ("outside", "near", "nahe", "unweit", "под", "около", "близ", "от")


def _near_before(text: str, start: int) -> bool:
    """:data:`_NEAR_BEFORE` right before ``start``, searched only where the characters before it end with one of its words."""
    lo = max(0, start - 16)
    return text[lo:start].rstrip().lower().endswith(_NEAR_ENDS) and _NEAR_BEFORE.search(text, lo, start) is not None


_VIA_BEFORE = _Screened(re.compile(r"(?:\bvia|\bthrough|\büber|\bdurch|(?<![а-яё])через)\s+$", re.IGNORECASE))
#: A compass point or a distance before a name: "(70 km) south of Aktau", "südlich von Aktau", «к югу от Актау», «в 70 км
#: от Актау»: the town as the landmark of another place, not the facility.
_LANDMARK_BEFORE = _Screened(re.compile(r"(?:\b(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\s+of|\b(?:nord|süd|ost|west)(?:-?(?:ost|west))?"
                              r"(?:lich|östlich|westlich)\s+von|\b(?:km|kilomet(?:er|re)s?|miles)\s+(?:from|von)|(?<![а-яё])(?:к\s+(?:северу|"
                              r"югу|востоку|западу|северо-востоку|северо-западу|юго-востоку|юго-западу)\s+от|км\s+от|(?:север|юж|восточ|запад)нее))\s+$",
                              re.IGNORECASE))
#: "to" and a capitalised name right after a distance's place: the stretch from there to another place, no landmark.
_STRETCH_TO = re.compile(r"\s+(?:to|bis(?:\s+(?:nach|zu[mr]?))?|nach|до)\s+(?:the\s+|zu[mr]\s+)?[A-ZÄÖÜА-ЯЁ]")
#: A word of a coast or shore before a name, with at most one more place listed before it: "the coast of Aktau", "the shore
#: near Atyrau", "die Küste vor Aqtau", «у побережья Атырау и Актау», «на берегу у Актау».
_COAST_BEFORE = _Screened(re.compile(r"(?:\b(?:coast(?:line)?s?|shores?|beach(?:es)?)\s+(?:of|near|at|off|around)\s+|\b(?:küste|ufer|strand|strände)\s+"
                           r"(?:bei|von|vor|um|nahe)\s+|(?<![а-яё])(?:побережь(?:е|я|ю|ем)|берег(?:у|а|ом)?)\s+(?:у\s+|близ\s+|около\s+)?)"
                           r"(?:[A-ZÄÖÜА-ЯЁ][\w-]*(?:\s*,\s*|\s+(?:and|und|и)\s+))?$", re.IGNORECASE))
#: A from or to word right before a coast word and its place (searched before a name that _COAST_BEFORE matched): "from
#: the coast near", "von der Küste bei", «от побережья у», "bis zur Küste bei": the coast as where a line starts or ends.
_COAST_END_BEFORE = _Screened(re.compile(r"(?:\b(?:from|to|von|aus|bis\s+zur|zur|an\s+die)\s+(?:the\s+|der\s+|die\s+)?(?:coast(?:line)?|shore|"
                                         r"küste|ufer)|(?<![а-яё])(?:от|до|к)\s+(?:побережь\w*|берег\w*))\s+\S+\s+"
                                         r"(?:[A-ZÄÖÜА-ЯЁ][\w-]*(?:\s*,\s*|\s+(?:and|und|и)\s+))?$", re.IGNORECASE))
#: A town's embankment or promenade, or villages near it, right before its name: «кафе на набережной Актау», «в поселках
#: под Новороссийском», "the promenade of Aktau", "Dörfer bei Noworossijsk": the town as a place to live, whatever the
#: sentence's business (the facility's own words, «терминал под Новороссийском», "the port of Aktau", are no such word).
_TOWN_PART_BEFORE = _Screened(re.compile(r"(?:\b(?:(?:embankment|promenade|seafront)\s+(?:of|in|at)|villages?\s+(?:near|outside|around)|"
                               r"(?:uferpromenade|promenade)\s+(?:von|in)|dörfer(?:n)?\s+(?:bei|um|nahe))|"
                               # its bus station: „Der Busbahnhof von Noworossijsk ist ein modernes Terminal“, "the bus station in
                               # Aktau", «автовокзал Актау» (batch 42)
                               r"\b(?:(?:bus|coach)\s+(?:station|terminal)\s+(?:of|in|at)|busbahnhofs?(?:\s+(?:von|in))?)|"
                               r"(?<![а-яё])(?:набережн(?:ая|ой|ую)|автовокзал(?:а|е|ом|у)?(?:\s+(?:в|г\.))?|"
                               r"(?:посел(?:ок|ка|ке|ком|ки|ков|ках|кам)|сел(?:о|а|ах|ам)|деревн(?:я|и|е|ях|ям)|станиц(?:а|е|ы|ах))"
                               r"\s+(?:под|около|близ)))\s+$", re.IGNORECASE))
#: A plural town word right before a name, or before a list of names this one ends: "the cities of Atyrau and Aktau",
#: „den Millionenstädten Almaty und Schymkent“, „Großstädte wie Samara“, «в городах Атырау и Актау» (batch 42).
_TOWNS_BEFORE = _Screened(re.compile(r"(?:\b(?:cities|towns)(?:\s+(?:of|such as|like))?|städten?(?:\s+wie)?|(?<![а-яё])город(?:ов|ах|ам|ами)(?:\s+как)?)"
                                     r"(?:\s+[\w-]+(?:\s*,|\s+(?:and|und|и|sowie)))*\s+$", re.IGNORECASE))
#: An airport's word right before a town's name: "the airport in Aktau", „des Flughafens Aktau“, «аэропорт Актау»: the town's
#: airport, whatever its sentence says of terminals and oil workers (batch 37; "airport" as the last word of a list, "the
#: port and airport of Aktau", names the port too and is left to the other rules: not after "and", "und", «и»).
_AIRPORT_BEFORE = _Screened(re.compile(r"(?<!\band )(?<!\bund )(?<!\bи )(?:\bairport\s+(?:in|at|of)|\bflughafens?(?:\s+(?:in|von|bei))?|"
                                        r"(?<![а-яё])аэропорт(?:а|у|ом|е)?(?:\s+(?:в|г\.))?)\s+$", re.IGNORECASE))


#: Words of air travel (searched lower-cased, in a sentence holding one of _AIR_STEMS as written, in an article holding one of
#: _AIR_LOW_STEMS lower-cased: most hold none).
_AIR_TRAVEL = re.compile(r"\bby air\b|\bflights?\b|\bair (?:travel|traffic|links?)\b|\bairports?\b|\bairlines?\b|\bflug\b|\bflüge\b|"
                         r"flughafen|flugverbindung|(?<![а-яё])(?:авиарейс|авиасообщени|аэропорт|рейс(?:ы|ов|ами)?(?![а-яё])|авиакомпани)")
_AIR_LOW_STEMS = ("air", "flight", "flug", "flüge", "авиа", "аэропорт", "рейс")
_AIR_STEMS = _stems(*_AIR_LOW_STEMS)
#: An airline's word in a story's headline ("SkyCaspian Airlines - Q3 results call", „Fluggesellschaft ...“, «Авиакомпания ...»).
_AIRLINE_HEADLINE = re.compile(r"(?i)\bairlines?\b|\bairways\b|\bair carriers?\b|fluggesellschaft|(?<![а-яё])(?:авиакомпани|авиаперевозчик)")

_AIRLINE_WORDS = ("airline", "airways", "air carrier", "fluggesellschaft", "авиакомпани", "авиаперевозчик")


def _airline_story(text: str) -> bool:
    """The text's first line (a headline: more lines follow, within its first 300 characters) names an airline."""
    head = text.find("\n", 0, 300)  # (a text of one long line has no headline: not searched through)
    if head <= 0:
        return False
    line = _lowered(text)[:head]  # (C-level looks for its words first: most headlines hold none)
    return any(word in line for word in _AIRLINE_WORDS) and _AIRLINE_HEADLINE.search(text, 0, head) is not None


#: Words of oil or gas as plain substrings (as _FUEL, more widely: "soil", "Gastronomie" count too).
_FUEL_WORDS = ("oil", "нефт", "öl", "газ", "gas", "crude")
#: «газ» as a word's start («в магазинах» holds no gas), searched from the first «газ» of a text that holds one.
_GAS_WORD = re.compile(r"газ(?<![а-яё]газ)")
#: A pipeline of data or software (lower case): "a data pipeline", "a CI/CD pipeline", "build a payments pipeline",
#: „Datenpipeline“: no pipe (and, in a text of computing words, _IT_HINT, every pipeline is one of them).
_SOFT_PIPELINE = re.compile(r"(?:data|daten|payments?|zahlungs|ci/cd|build|deploy\w*|release|software)[ -]?pipelines?")


def _payment_story(text: str) -> bool:
    """The text speaks of payment terminals and of no oil, gas, pipe, tanker or sea port (read once an article)."""
    low = _lowered(text)
    if any(word in low for word in _FUEL_WORDS if word != "газ") or (
            (at := low.find("газ")) >= 0 and _GAS_WORD.search(low, at) is not None):
        return False  # (C-level looks, first: most texts name oil or gas early, and the look stops there)
    if not any(word in low for word in _PAY_ANYWHERE):  # (C-level looks: a few words, then each terminal's word)
        found = False
        for word in ("termin", "термин"):
            at = low.find(word)
            while at >= 0 and not found:
                found = low.endswith(_PAY_RIGHT_BEFORE, max(0, at - _PAY_RIGHT_BEFORE_LEN), at)
                at = low.find(word, at + 6)
        if not found:
            return False
    if _PAY_TERMINAL.search(low) is None:
        return False
    if "pipeline" in low:  # "a CI/CD pipeline", "a data pipeline": software, no pipe to keep a facility
        low = _SOFT_PIPELINE.sub(" ", low)
        if any(w in low for w in _IT_STEMS) and _IT_HINT.search(low):
            low = low.replace("pipeline", " ")
    return _FACILITY_KEEPS.search(low) is None


#: Words that keep a facility in a story of another trade's terminals (an airline's sentence; a payment story has none): pipes,
#: tankers and ships, crude, barrels, refineries, pumping, a sea port ("Aktau, where the oil goes on by tanker to Baku"; not
#: "airport", «аэропорт»).
_FACILITY_KEEPS = re.compile(_PIPE_WORD + "|" + _LEITUNG_WORD + r"|tanker|vessel|\bships?\b|shipment|schiff|crude|rohöl|barrel|\bfass\b|"
                            r"refiner|raffinerie|pump|\bports?\b|\bsea ?port|hafen(?!stadt)|häfen|нефтепровод|трубопровод|газопровод|"
                            r"танкер|судн|сыр(?:ая|ой|ую|ье|ья|ьё) нефт|баррел|нпз|перекач|прокач|(?<![а-яё])порт(?:а|у|ом|е|ы|ов|ам|ах)?(?![а-яё])")
#: An opening bracket and a word of today right before a name: the present name of a town named by its old one.
_TODAY_BEFORE = re.compile(r"\(\s*(?:heute|today|now|nowadays|ныне|сейчас|теперь)\s*[:,–—-]?\s*$", re.IGNORECASE)


#: A football club's word, with at most one more word of its name, right before a town's name ("FC Kaspiy Aktau").
_CLUB_BEFORE = _Screened(re.compile(r"\b(?:FC|FK|SC|ФК|СК)\s+(?:[«\"„“]?[A-ZА-ЯЁ][\w-]*[»\"“”]?\s+)?$"))


_CLUB_WORDS_SPACED = ("FC ", "FK ", "SC ", "ФК ", "СК ")


def _club_town(text: str, start: int) -> bool:
    """The name at ``start`` is (the end of) a football club's name: "FC Kaspiy Aktau", "FK Atyrau" (an article with one)."""
    return _CLUB_BEFORE.search(text, max(0, start - 30), start) is not None


#: A town word in apposition right after a name, to the apposition's end (and a relative clause on it): ", a town of
#: 30,000", ", einer Kleinstadt an der Oder", «, город на Одере»; not a port or oil town (", a port city", ", eine
#: Hafenstadt" say what the town is known for).
_TOWN_APPOSITION = re.compile(r",\s+(?:(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?(?<!port )(?<!oil )(?:town|city|village)\b|"
                              r"(?:eine|einer|die|der)\s+(?:[\w-]+\s+){0,2}?(?:Stadt|Kleinstadt|Gemeinde)\b|"
                              r"(?:[а-яё-]+\s+){0,2}?(?<!портовый )(?:город|городок|посёлок|поселок)(?![а-яё]))[^,;.]{0,200}"
                              # and a relative clause on the town: ", die für ihre Raffinerie bekannt ist", ", which ..."
                              r"(?:,\s+(?:die|der|das|which|that|where|где|который|которая|которое)\b[^,;.]{0,200})?")


#: Words of oil and gas (searched case-folded; "Ölexporte" too): outside an apposition they keep the facility.
_FUEL = re.compile(r"\boil|crude|öl|\bgas|нефт|газ")


def _town_apposition(m: Mention, text: str, sentences: list[tuple[int, int]], kind: str, memo: dict[Any, Any]) -> bool:
    """A town word in apposition after the name makes the town (not after "via").

    Unless the sentence holds a word of the facility's business, of carriers or of oil and gas outside the apposition.
    """
    s, e = sentences[m.sentence]
    app = _TOWN_APPOSITION.match(text, m.end, e)
    if app is None:
        return False
    if _VIA_BEFORE.search(text, max(0, m.start - 12), m.start):
        return False  # "exports through Novorossiysk, a city on the Black Sea": where the oil goes
    business = _OWN_BUSINESS[kind]
    if not (_said(business, m.sentence, text, sentences, memo) or _said(_CARRIER, m.sentence, text, sentences, memo)
            or _said(_FUEL, m.sentence, text, sentences, memo)):
        return True  # none anywhere in the sentence (searched once a sentence)
    # a window on each side (a hostile sentence of many appositions stays linear)
    outside = (text[max(s, m.start - 150) : m.start] + " " + text[app.end() : min(e, app.end() + 150)]).casefold()
    return business.search(outside) is None and _CARRIER.search(outside) is None and _FUEL.search(outside) is None


def _person_from(text: str, start: int) -> bool:
    """The word before "from" / "aus" / «из» right before ``start`` is a person's: the name is the person's home town."""
    words = text[max(0, start - 40) : start].rsplit(None, 2)
    if len(words) >= 2 and words[-2].lower().rstrip(",").startswith(_PERSON_STEMS):
        return True
    # or a person's given name and surname: "Gastprofessorin Aigerim Nurlanowa aus Aktau", «Алия Тенгизова из Актау» (batch 33)
    return len(words) == 3 and _SURNAME_WORD.fullmatch(words[1]) is not None and words[0][-1:].isalpha() \
        and words[0].rsplit(None, 1)[-1][:1].isupper()


#: A surname (Russian, Kazakh, Ukrainian, Georgian endings, Latin and Cyrillic, German spellings; a comma after it).
_SURNAME_WORD = re.compile(r"[A-ZА-ЯЁ][a-zа-яё]+(?:ov|ova|ev|eva|ow|owa|ew|ewa|enko|dze|dse|shvili|schwili|uly|kyzy|ов|ова|ев|ева|"
                           r"енко|дзе|швили|улы|кызы),?")


#: A kind word of a town-named facility right before "in" / «в» and the name: the facility there, not the town.
_FACILITY_IN = _Screened(re.compile(r"(?:\b(?:terminals?|port|harbou?r|station|hafen)|(?<![а-яё])(?:терминал|порт|станци|узл|узел|нпс|лпдс|гнпс)"
                          r"\w{0,3})\s+(?:in|at|bei|в|во)\s+$", re.IGNORECASE))
#: A colon or a dash right after a town's name, then a venue named (with up to three words before its word): "in Atyrau: the
#: Druzhba hotel", "in Aktau – a small museum", „in Atyrau: das Hotel Druschba“, «в Атырау: гостиница «Дружба»».
_COLON_DASH = frozenset(":–—-")
_VENUE_SHOWN_AFTER = re.compile(r"\s?[:–—-]\s+(?:[\w„“\"«»'’-]+\s+){0,3}?(?:hotel|café|cafe|restaurant|museum|cinema|theat(?:re|er)|"
                                r"hostel|kino|гостиниц\w*|ресторан\w*|музе\w+|кафе|кинотеатр\w*|театр\w*)(?![^\W\d_])", re.IGNORECASE)
#: An origin and its «в»: «из Курыка в », «от Актау в » (the name after it is where the goods go).
_FROM_BEFORE_RU = re.compile(r"(?<![а-яё])(?:из|от)\s+[«\"]?[А-ЯЁ][\w-]*[»\"]?\s+(?:в|во)\s+$")


def _town_only(m: Mention, text: str, sentences: list[tuple[int, int]], cue_sets: list[frozenset[str]], matcher: Matcher,
               said: dict[Any, Any]) -> bool:
    """A facility's town after a locative "in" or a town word, in a sentence of no trade, carrier or flow, is the town only.

    "Tokayev met Aliyev in Baku to discuss oil", "Oil workers in Aktau went on strike", "in der Hafenstadt Aktau",
    «в городе Актау». A bare «в» is left alone (in Russian it also means "to"). A meeting there ("In der Hafenstadt Aktau
    berieten die Minister über die Transkaspische Pipeline") makes it the town even in a sentence about a carrier.
    """
    if m.end - m.start > 40 or " " in m.text:
        return False
    if matcher.kinds.get(m.id) not in _TOWN_KINDS:
        return False
    before = text[max(0, m.start - 20) : m.start]
    if _PERSON_IN.search(text, max(0, m.start - 40), m.start):
        return True  # "sagte ein Manager in Atyrau", «источник в Новороссийске»: where a person is, not what the port does
    if _FACILITY_IN.search(text, max(0, m.start - 40), m.start) is not None:
        return False  # "the oil terminal in Kuryk", «нефтеналивного терминала в Курыке»: the facility there, talks or not
    if text[m.end : m.end + 2].lstrip()[:1] in _COLON_DASH and _VENUE_SHOWN_AFTER.match(text, m.end, m.end + 60):
        return True  # "survives in Atyrau: the Druzhba hotel, where pipeline engineers stayed": the town a venue stands in (batch 34)
    if _ru_in(text, m.start):
        # «в» also means "to" («танкеры идут в Баку»): it makes the town only where a meeting is held there, and never
        # after an origin («перевозки из Курыка в Алят»: the destination, though the option is «обсуждается»)
        return _FROM_BEFORE_RU.search(text, max(0, m.start - 40), m.start) is None and _said(
            _MEETING, m.sentence, text, sentences, said, _MEETING_STEMS)
    if before[-3:] not in _IN and not (_TOWN_HINT.search(before) and _TOWN_BEFORE.search(before)):
        return False
    # the carrier words are searched once per sentence: a sentence may hold many names (linear time on hostile input)
    got = "trade" in cue_sets[m.sentence] or _said(_CARRIER, m.sentence, text, sentences, said) or (matcher.kinds.get(
        m.id) != "junction" and _graded_price(m.sentence, text, sentences, said)) or _port_cargo(
        m, text, sentences, cue_sets, matcher, said) or (matcher.kinds.get(m.id) == "junction" and _said(
            _OWN_BUSINESS["junction"], m.sentence, text, sentences, said))  # "in Samara in das Transneft-Netz eingespeist"
    return not got or _said(_MEETING, m.sentence, text, sentences, said, _MEETING_STEMS)


def _port_cargo(m: Mention, text: str, sentences: list[tuple[int, int]], cue_sets: list[frozenset[str]], matcher: Matcher,
                said: dict[Any, Any]) -> bool:
    """A port in a sentence of other goods is the port at work ("In Kuryk the containers waited ten days"), passengers aside."""
    return (matcher.kinds.get(m.id) == "port" and "goods" in cue_sets[m.sentence]
            and not _said(_PASSENGERS, m.sentence, text, sentences, said))


#: Words of oil or gas sent on or processed: with one, a field and a far end in one sentence name the line between them.
#: Searched in the case-folded sentence, so "fließt" is written "fliess". (Every alternative opens with a literal, the word's
#: start looked behind from "sent" and "send", as in _FERRY: with ``\bsent`` the engine tried the pattern at every character.)
_SENT_ON = re.compile(r"process|pump|sent(?<!\wsent)\b|send(?<!\wsend)|deliver|goes|flows?\b|piped|verarbeit|aufbereit|liefer|fliess|"
                      r"переработ|перерабатыва|поставля|направля|отправля|прокач|перекач")


#: A definite field word that takes up the field of the sentence before: "des Feldes", "the field's", «месторождения».
_FIELD_BACK = re.compile(r"\b(?:des feldes|dieses feldes|the field|this field|its field|месторождени[яеюи])")


def _far_ends(mentions: list[Mention], text: str, raws: list[str], offsets: list[int], sentences: list[tuple[int, int]],
               matcher: Matcher, memo: dict[Any, Any]) -> list[Mention]:
    """A field's line named by the field and the line's far end in one sentence, though not as a chain of places.

    "Karachaganak condensate is processed at Orenburg", "Gas aus dem Karatschaganak-Feld wird nach Orenburg gepumpt":
    the one line with an alias that runs from the field to that place (Karachaganak-Orenburg). A place that is a name
    of its own already found is left to it. Each sentence's words are read once, and each line is added once.
    """
    out: list[Mention] = []
    by_sent: dict[int, set[str]] = {}  # the keys of the fields each sentence names
    kinds = matcher.kinds
    for m in mentions:
        if m.linked and kinds.get(m.id) == "field" and (words := WORD.findall(m.text)):
            by_sent.setdefault(m.sentence, set()).add(name_key(words[0]))
    if not by_sent:
        return out
    # the next sentence takes the field up by its kind word ("Ein Sonderfall ist das Feld Karatschaganak. Das Rohgas des
    # Feldes wird ... zur Gasaufbereitungsanlage Orenburg gebracht"): the field is named there too
    for sent, fks in list(by_sent.items()):
        nxt = sent + 1
        if nxt < len(sentences) and nxt not in by_sent and _said(_FIELD_BACK, nxt, text, sentences, memo):
            by_sent[nxt] = fks
    spans: list[tuple[int, int]] = []  # of the mentions, and their ids: made when a sentence is read
    ids: set[str] = set()
    alias_ends = matcher.alias_ends
    for sent, fks in by_sent.items():
        if not _said(_SENT_ON, sent, text, sentences, memo):
            continue  # "Karachaganak lies 150 km from Orenburg": no flow between them
        if not spans:
            spans = sorted((m.start, m.end) for m in mentions)
            ids = {m.id for m in mentions}
        s, e = sentences[sent]
        # word k starts at offsets[2k]: the words starting before a position are the even parts ending before it
        for k in range((bisect_left(offsets, s) + 1) // 2, min(len(raws), (bisect_left(offsets, e) + 1) // 2)):
            if not raws[k][:1].isupper():
                continue
            pk = name_key(raws[k])
            for fk in fks:
                lines = alias_ends.get((fk, pk), ())
                if len(lines) != 1:
                    continue  # no line (most words), or more than one: none is added
                line = next(iter(lines))
                st, en = offsets[2 * k], offsets[2 * k + 1]
                j = bisect_right(spans, (st, en)) - 1
                if line and line not in ids and not (j >= 0 and spans[j][1] > st):
                    out.append(Mention(st, en, text[st:en], line, text[st:en], "chain", sent, linked=True))
                    ids.add(line)
    return out


#: The key, in an article's memo, of the sentences that name a line (see _line_named).
_LINE_SENTENCES = "line sentences"


def _line_named(sent: int, mentions: list[Mention], kinds: dict[str, str], memo: dict[Any, Any]) -> bool:
    """Sentence ``sent`` names a line (pipeline, lane, rail leg): the sentences are gathered once an article, when first asked."""
    got = memo.get(_LINE_SENTENCES)
    if got is None:
        got = memo[_LINE_SENTENCES] = frozenset(m.sentence for m in mentions if kinds.get(m.id) in LINE_KINDS)
    return sent in got


def _said(pattern: re.Pattern[str], sent: int, text: str, sentences: list[tuple[int, int]], memo: dict[Any, Any],
          stems: tuple[str, ...] = ()) -> bool:
    """``pattern`` (written in lower case) occurs in sentence ``sent`` case-folded: searched once per sentence and pattern.

    A pattern of :data:`_STEMMED` is searched only when a word of the sentence holds one of its stems (by the words' stem
    bits, :func:`_stem_bits` kept in their records), since most sentences hold none. With ``stems`` (plain substrings as
    written, first letter in either case) the sentence must hold one of them, and the pattern is searched in it lower-cased
    instead. ``memo``: one per article, under ``None`` the records of the article's words (:func:`_words_of`) and its part
    end offsets (as :func:`analyse` split them); under :data:`_SAID_STATE` one int a sentence: a bit "known", the stem bits of its
    words, and for each pattern asked (by its number, see :data:`_SAID_ASKED`) a bit "asked" and a bit "found"; under
    :data:`_FOLDED` the case-folded text of the sentences searched so. (One int in a list a sentence, not a list of four in
    a dict: a text of 300,000 short sentences asks 14 questions of each, and kept 150 bytes a sentence for the answers.)
    Patterns are keyed by ``id`` (module-level patterns only): a pattern's own hash reads all its compiled code, a
    microsecond for a long one.
    """
    state: list[int] | None = memo.get(_SAID_STATE)
    if state is None:
        state = memo[_SAID_STATE] = [0] * len(sentences)
    known = state[sent]
    if not known:
        words: list[Word]
        words, offsets = memo[None]
        s, e = sentences[sent]  # word k starts at offsets[2k]: the sentence's words start in [s, e)
        bits = 0
        for k in range((bisect_left(offsets, s) + 1) // 2, (bisect_left(offsets, e) + 1) // 2):
            bits |= _word_stem_bits(words[k])
        known = 1 | bits << 1
    ask = _SAID_ASKED.get(id(pattern))
    if ask is None:  # a pattern's first question: its own bit (setdefault and next() never give two patterns one)
        ask = _SAID_ASKED.setdefault(id(pattern), (1 << (_SAID_FIRST + 2 * next(_SAID_COUNT)), _STEM_BIT.get(id(pattern), 0)))
    flag, bit = ask
    if known & flag:
        return bool(known & flag << 1)
    if bit and not known & bit << 1:
        got = False
    elif stems:
        part = text[slice(*sentences[sent])]
        got = any(stem in part for stem in stems) and pattern.search(part.lower()) is not None
    else:
        folded: dict[int, str] | None = memo.get(_FOLDED)
        if folded is None:
            folded = memo[_FOLDED] = {}
        low = folded.get(sent)
        if low is None:
            low = folded[sent] = text[slice(*sentences[sent])].casefold()
        got = pattern.search(low) is not None
    state[sent] = known | flag | (flag << 1 if got else 0)
    return got


#: The keys, in :func:`_said`'s memo, of its state of each sentence and of the sentences case-folded.
_SAID_STATE = "said: state"
_FOLDED = "said: folded"


def _word_stem_bits(rec: Word) -> int:
    """The word's :func:`_stem_bits`, worked out on first asking and kept in its record."""
    got = rec.stems
    if got < 0:
        got = rec.stems = _stem_bits(rec.text)
    return got


def _stem_bits(word: str) -> int:
    r"""The bits of the patterns of :data:`_STEMMED` one of whose stems ``word`` (a run of ``\w``) holds case-folded.

    Worked out once a word (kept in its record, see :func:`_said`), from the stems that begin with one of its letter pairs
    (found by C-level look-ups, so a new word costs about a microsecond).
    """
    return _pair_bits(word.casefold(), _STEM_PAIRS)


#: Not a terminal of buses, planes, passengers or cards (the word or a compound right before it, lower case): "the bus
#: terminal", „zum Busterminal“, „Am Flughafenterminal“, "airport terminal", "passenger terminal", „Kartenterminals“,
#: "card terminal", "point-of-sale terminals" are no oil terminal's or port's business (the sentence's cue: _PEOPLE_TERMINAL
#: and _PAY_TERMINAL in _other_senses_dropped).
#: (looked behind from the word's end: tried only where "terminal" matched, not at every character)
_OTHER_TERMINAL = (r"terminal(?<!busterminal)(?<!bus terminal)(?<!bus-terminal)(?<!flughafenterminal)(?<!flughafen-terminal)"
                   r"(?<!airport terminal)(?<!passenger terminal)(?<!passagierterminal)"
                   # a terminal to pay at, as _PAY_TERMINAL reads it (a whole word, or a compound's part, right before)
                   + "".join(f"(?<!\\b{w}{j}terminal)" for w in _PAY_WORDS_BEFORE for j in _PAY_JOINS)
                   + "".join(f"(?<!{w}{j}terminal)" for w in _PAY_COMPOUNDS for j in _PAY_JOINS)
                   + r"(?!\w*\s+(?:for|für)\s+(?:" + "|".join(_PAY_WORDS_AFTER) + "))"
                   # nor a stadium's ("the stadium terminal", „Stadionterminal“, "the terminal of the stadium", „Terminal des
                   # Stadions“), as _PEOPLE_TERMINAL reads it
                   r"(?<!stadium terminal)(?<!stadionterminal)(?<!stadion-terminal)(?!s?\s+(?:of\s+the|des)\s+stadi)"
                   # nor an airport's numbered one („im Terminal 1 des Leipziger Flughafens“, "Terminal 2 of the airport"), nor
                   # a disease's last stage ("terminale Niereninsuffizienz", "Terminalstadium", "terminal illness"), as
                   # _PEOPLE_TERMINAL and _MEDICAL_TERMINAL read them (batch 43)
                   r"(?!s?\s+\d{1,2}\b[^.;:!?]{0,40}?(?:flughafen|airport|аэропорт))"
                   r"(?!(?:e[nmrs]?)?\s+" + _MEDICAL_WORDS + r")(?<!\bterminally)(?!stadium|phase)")

#: Kinds whose names are the asset's own (a line's name, a field's): a mention without any cue.
_OWN_NAME_KINDS = frozenset(("pipeline", "shipping_lane", "rail", "field"))
#: Words of a town-named facility's own business, by kind: with one in the sentence, or the kind word right next to the
#: name ("Grenzübergang Chorgos", «порт Курык», "Ust-Luga port"), the name is the facility ("Trucks queued at Khorgos as
#: customs checks slowed", "In Ust-Luga bleibt der Umschlag stabil"); without, the town ("Samara's ice hockey team").
_OWN_BUSINESS = {
    # plural and case forms of the port word ("zu den Häfen Batumi und Poti", «порты», «портах»); dredging keeps a port
    # open; «грузинский» (Georgian) and «Грузии» (Georgia's) are no «груз» (cargo)
    # carrying goods there («возили в», «перевезли в») is a port's business too ("shipped to" is an energy or cargo cue already)
    # (a traders' "parcel" is a cargo lot: "our first parcel from Kuryk"; not a plot, "a parcel of land", nor the post's)
    # (not a town described as a port, "the Caspian port city", "port towns", as "Hafenstadt": the town, batch 40; not an airport:
    # „Flughafen“, „Flughäfen“, batch 43)
    "port": re.compile(r"\bport(?!\s+(?:city|cities|town|towns)\b)|hafen(?<!flughafen)(?!stadt)|häfen(?<!flughäfen)|"
                       + _OTHER_TERMINAL + r"|tanker|umschlag|verlad|\bload|shipment|cargo|"
                       r"parcel(?<!\wparcel)(?<!land parcel)(?<!postal parcel)(?!s? of land| locker)|freight|fracht|güter|"
                       r"berth|dredg|liegepl|"  # and the German berths: "die Liegeplätze sind frei" (batch 34)
                       # a tanker market's liftings: cargoes loaded there ("Liftings from Ust-Luga", "a lifting at Primorsk"), not
                       # "the lifting of sanctions" (batch 35)
                       r"\bliftings\b|\blifting (?:from|at|ex)\b|"
                       r"перевоз|перевез|вози(?:л|т|м)|везл|вывоз|вывез|"  # «через Актау много не вывезешь»: carried out, exported
                       r"ausbagger|(?<![а-яё])порт(?:[уаеом]|ы|ов|ам|ами|ах)?\b|терминал(?!\w*\s+(?:\w+\s+)?стадион)(?!ьн\w*\s+" + _MEDICAL_RU
                       + r")|танкер|перевалк|отгруз|отгруж|груз(?!ин|и[яию]\b|ией\b)|причал|"
                       r"дноуглуб"),
    # Russian loading verbs and nouns («грузились», «грузятся», «погрузка»; «отгружают», «отгружено» with the stem's ж), as
    # "load" and "verlad"; not «груз» (cargo of any kind: the word is also read for a line's bare name, see _own_name) nor
    # «Грузии» (Georgia's)
    # (and its cargoes: "From the coast at Ceyhan, cargoes are sold ...", "Ladungen"; not «груз», read for a line's bare name)
    "terminal": re.compile(_OTHER_TERMINAL + r"|tanker|verlad|\bload|cargo|"
                           r"parcel(?<!\wparcel)(?<!land parcel)(?<!postal parcel)(?!s? of land| locker)|\bladung|"
                           # its berths and liftings ("the Sheskharis berths", «причалы Шесхариса», "Liftings from ...") as a
                           # port's (batch 35); the plural, not a place in a final ("a berth in the final")
                           r"\bberths\b|liegeplätze|\bliftings\b|\blifting (?:from|at|ex)\b|причал|"
                           # (not a stadium's: «у терминала стадиона», as _OTHER_TERMINAL)
                           r"терминал(?!\w*\s+(?:\w+\s+)?стадион)(?!ьн\w*\s+" + _MEDICAL_RU + r")|танкер|отгруз|отгруж|налив|погруз|грузи(?:л|т)|грузя"),
    # the operator of the trunk lines and the feeding of oil into them ("in das Transneft-Netz eingespeist")
    # (oil sent "by pipe", "Distance from Atyrau to Schwedt by pipe", as a pipeline's; a pump jack is a well's)
    "junction": re.compile(_PIPE_WORD + r"|\bby pipe\b|pump(?! ?jacks?)|" + _LEITUNG_WORD + r"|\bstation|трубопровод|нефтепровод|газопровод|нпс|лпдс|станци|"
                           r"transneft|транснефт|einspeis|eingespeist|"
                           # a gas store at the junction: "the Bozoi underground storage", «подземное хранилище «Бозой»», ПХГ
                           r"gas storage|underground storage|storage facilit|gasspeicher|untergrundspeicher|erdgasspeicher|"
                           r"(?<![а-яё])хранилищ|(?<![а-яё])пхг(?![а-яё])|"
                           # a compressor station there, and a storage complex (batch 37: "passes a compressor and storage
                           # complex at Bozoi, and reaches the south near Shymkent"; not an air compressor's maker)
                           r"compressor(?<!air compressor)|verdichter(?<!luftverdichter)|компрессор(?<![а-яё]компрессор)|storage complex|"
                           r"speicherkomplex|"
                           # the supply's valve, shut at the junction (batch 36: "wenn in Unetscha jemand den Hahn zudreht")
                           r"ölhahn|gashahn|den hahn (?:zu|ab)dreh|нефтяной кран|газовый кран"),
    # freight in German and Russian too ("Fracht", «грузы»), as "freight" («Грузии», Georgia's, is no cargo)
    "border_crossing": re.compile(r"border|custom|crossing|crossed|freight|truck|train|\brail|wagon|\bstation|grenz|übergang|zoll|güter|"
                                  r"fracht|bahn|züge|zug\b|границ|тамож|переход|пропуск|груз(?!ин|и[яию]\b|ией\b)|фур[аы]|поезд|вагон|"
                                  r"станци|железн"),
    "refinery": re.compile(r"refiner|raffinerie|нпз|crude|rohöl|нефт"),
}
#: Kinds that handle any cargo: a sentence naming other goods (containers, grain, coal) is their business (a terminal
#: named by its town is that town's port, "Novorossiysk"; an ambiguous town name is first read as its port, see analyse).
_CARGO_KINDS = frozenset(("port", "terminal", "border_crossing"))
#: A plural word for ports and a word of cargo (the sentence before a list of ports): «Грузооборот морских портов снизился».
_PORTS = re.compile(r"\bports\b|häfen|(?<![а-яё])порт(?:ы|ов|ам|ами|ах)\b")
_CARGO = re.compile(r"cargo|freight|throughput|umschlag|güter|груз(?!ин|и[яию]\b|ией\b)|перевал")  # with it: the ports' cargo, not "avoids Russian ports"
#: Words of passengers: a port in a sentence of tourists or ferry guests is the town's harbour, not a facility of oil.
_PASSENGERS = re.compile(r"passenger|tourist|holidaymaker|visitor|guest|fans\b|passagier|urlauber|gäste|besucher|пассажир|турист|"
                         r"гост[ейия]|зрител|болельщик|cruise|kreuzfahrt|круиз|"
                         # and their beaches: «поток пришелся на пляжи в ... Южной Озереевке», "the beaches at Kuryk" (batch 41)
                         r"beach|strände|badestrand|пляж")
#: Words of shopping: a crossing's town in a sentence of shoppers and duty-free trade ("Einkaufsausflug nach Chorgos ..., wo
#: Händler in einer zollfreien Zone ... verkaufen") is the town's free zone, not the crossing (unless its kind word is next
#: to the name: "via the Khorgos border crossing, where a duty-free zone attracts buyers").
#: Words of a funeral or mourning: a town named in such a sentence is where people mourn, whatever ship the dead man sailed
#: («похороны капитана сухогруза» in Makhachkala, "the funeral of a tanker's captain in Aktau").
_MOURNING = re.compile(r"funeral|burial|\bburied|mourn|beerdig|begräbnis|trauerfeier|beigesetzt|похорон|погреб[её]н|панихид|"
                       r"прощани[еяю] с|простились|траурн")
_SHOPPING = re.compile(r"shopping|shopper|duty-free|duty free|einkauf|zollfrei|shoppen|шопинг|покупател|беспошлин")
#: A speech verb right after a field's name: the operating company speaks ("Tengizchevroil declined to comment"), no field.
_SPEAKS_AFTER = re.compile(r"\s*(?:,\s*)?(?:said|says|declined|told|did not|has not|announced|meldete|teilte|erklärte|sagte|"
                           r"сообщил|заявил|отказал)")
#: A field's word in what the operator says: "Tengizchevroil sagte, das Feld arbeite stabil" speaks of the field.
_FIELD_SPOKEN_OF = re.compile(r"(?i)\b(?:the|das|dem|des)\s+(?:oil\s*)?(?:field|feld(?:es)?)\b|(?<![а-яё])месторождени")
#: A one-word field name that is a person's or a venue's: "Tengiz" is also a Georgian given name ("Tengiz Kitovani",
#: «Тенгиз Китовани»), and names are given to clubs and hotels. A capitalised word right after the name is a surname
#: unless it is a word of the oil business ("Tengiz Expansion Project", "Kashagan Phase 2").
_NOT_A_FIELD_AFTER = re.compile(
    r"(?:\s+(?!(?:Expansion|Future|Growth|Project|Phase|Field|Oil|Gas|Crude|Blend|Sour|Feld|Öl|Erdöl|Projekt|Proje[ck]t|"
    r"Нефть|Газ|Проект|Месторождение)\b)[A-ZА-ЯЁ][a-zа-яё]{2,}\b(?!-)|\s+(?:hotel|club|team|restaurant|stadium|cinema|"
    r"Hotel|Club|Team|FC|Restaurant|Stadion|Kino|отель|гостиниц|клуб|команд|ресторан|стадион)"
    # a lake of the same name ("the Tengiz lake", "Tengis-See"; "Lake Tengiz", «озеро Тенгиз» below)
    r"|\s*-?\s*(?:lake|Lake|See|Sees|озеро|озера)\b)", re.UNICODE)
_NOT_A_FIELD_BEFORE = _Screened(re.compile(r"(?:\b(?:Mr|Mrs|Dr|Herr|Frau|director|player|striker|coach|actor|painter|poet|singer|"
                                 r"Regisseur|Spieler|Trainer|режиссёр|режиссер|игрок|тренер|поэт|художник|господин|"
                                 r"[Ll]ake|[Ss]ee|[Оо]зер[оауеом]|[Оо]зером|"
                                 # a venue or a street named after the field: "the Hotel Tengiz", «на улице Тенгизской»
                                 r"[Hh]otel|[Rr]estaurant|[Cc]inema|[Kk]ino|[Ss]treet|[Ss]tadium|[Ss]tadion|"
                                 r"[Уу]лиц[аеуы]|[Гг]остиниц[аеуы]|[Оо]тел[ьяюе]|[Рр]есторан[аеу]?|[Кк]инотеатр[аеу]?|"
                                 r"[Сс]тадион[аеу]?|"
                                 # a match's result: the other team, a club named after the field ("Kaspiy defeated Tengiz
                                 # 2-0", "besiegte Tengis", «обыграл «Тенгиз»»); not the verbs of comparing output ("beat",
                                 # «уступил»: "Kashagan beat Tengiz on growth", «Кашаган уступает Тенгизу по добыче»)
                                 # (few verbs, each its own stem of the screen: each is a look in the window of every field's name)
                                 r"defeat(?:ed|s)|drew\s+(?:with|against)|besiegte?|remis\s+gegen|"
                                 r"обыгр(?:ал[аи]?|ыва\w+)|победил[аи]?|разгромил[аи]?|(?:сыграл[аи]?|сыграет|сыграют)\s+вничью\s+с)"
                                 r"\.?\s+[«\"„“]?)$"))
#: Oils that are food: their tankers and ports are not those of crude.
_EDIBLE_OIL = re.compile(r"(?:vegetable|sunflower|palm|edible|cooking) oil|(?:pflanzen|speise|sonnenblumen|palm)öl|"
                         r"(?:растительн|подсолнечн|пальмов)\w* масл")
#: The rest of a dash chain of places, then a word of a railway or road: the name of a route the data does not hold.
_ROUTE_WORDS = (r"(?:railway|railroad|rail line|rail link|road|highway|motorway|(?:eisen)?bahn\w*|straße|autobahn|"
                r"железн\w* дорог\w*|железнодорожн\w* (?:лини|ветк|магистрал)\w*|ж/д|автодорог\w*|автомагистрал\w*|трасс\w*)")
#: An article right before a town's bare name and a genitive or "of" after it: the town in an era or a guise ("das Baku der
#: Nobels", "im Atyrau der Sowjetzeit", "the Baku of the oil boom"); German and English put no article before a bare town.
_ERA_BEFORE = re.compile(r"(?<!\w)(?:im|ins|vom|zum|beim|das|dem|des|the|The)\s+$")
_ERA_AFTER = re.compile(r"\s+(?:der|des|von (?:heute|damals|einst)|of (?:the|today|yesterday|old|\d))\b")
#: A road's word and "to" right before a name: the road leads to the town («трасса на Бейнеу», "the highway to Aktau").
_ROAD_TO_BEFORE = _Screened(re.compile(r"(?:\b(?:road|highway|motorway|straße|strasse|landstraße|fernstraße|autobahn)|(?<![а-яё])(?:трасс|"
                             r"автодорог|автомагистрал|шоссе|(?<!железной\s)(?<!железная\s)(?<!железную\s)дорог))\w{0,3}\s+"
                             # the road's start may come first: «по дороге из Жанаозена в Актау», "the road from Beineu to Aktau"
                             r"(?:(?:from|von|aus|из|от)\s+[A-ZÄÖÜА-ЯЁ][\w-]*\s+)?(?:to|nach|in Richtung|Richtung|на|до|в)\s+$",
                             re.IGNORECASE))
#: A word of a place's name after a dash: letters, apostrophes and hyphens (as ``[\w'-]*``), taken whole (possessive) but
#: for a last hyphen that may open the next place ("Kars- Tbilisi"): with ``[\w'-]*`` the engine tried every split of
#: "Aktau-Aktau-..." at its hyphens, 140 µs a name (512 KB of "Aktau-" took 13.7 s); the same texts match (a hyphen inside
#: a word only splits it into more places, which the group counts never need).
_PLACE_WORD = r"(?:[\w']|-(?=[\w'-]))*+-*"
_ROUTE_NAME_AFTER = re.compile(r"(?:\s*[-–—]\s*[A-ZÄÖÜА-ЯЁ]" + _PLACE_WORD + r"){1,4}\s+" + _ROUTE_WORDS, re.IGNORECASE)
_ROUTE_NAME_BEFORE = _Screened(re.compile(_ROUTE_WORDS + r"\s+(?:[A-ZÄÖÜА-ЯЁ][\w'-]*\s*[-–—]\s*){0,3}$", re.IGNORECASE))
#: The same for a pipeline the data does not hold ("the Kenkiyak–Orsk oil pipeline", "die Leitung Rostock–Schwedt",
#: «нефтепровод Тихорецк – Туапсе»): the places name the line, not points (labelling rule 12). Case-sensitive capitals:
#: a chain of names, not "Schwedt – sagte ein Sprecher".
_LINE_NAME_AFTER = re.compile(r"(?:\s*[-–—]\s*[A-ZÄÖÜА-ЯЁ]" + _PLACE_WORD + r"){1,3}\s+(?:[Oo]il\s+|[Gg]as\s+)?[Pp]ipeline\b")
_LINE_NAME_BEFORE = _Screened(re.compile(r"(?:\b[Pp]ipeline|(?<!\w)(?:[Öö]l|[Gg]as|[Ee]rdöl|[Ee]rdgas)?[Ll]eitung|\b[Нн]ефтепровод\w*|\b[Гг]азопровод\w*|"
                               r"\b[Тт]рубопровод\w*)\s+(?:[A-ZÄÖÜА-ЯЁ][\w'-]*\s*[-–—]\s*){0,2}$"))
#: A route word before a chain of two places or more that ends right before a name: "по маршруту Омск — Павлодар — Шымкент"
#: (see _unknown_route: when those places name no asset, the chain is the waypoints of a line the data does not hold).
_ROUTE_CHAIN_BEFORE = _Screened(re.compile(r"(?:\b[Rr]oute|(?<![а-яё])[Мм]аршрут\w{0,2})\s+(?:[A-ZÄÖÜА-ЯЁ][\w'-]*\s*[-–—]\s*){2,3}$"))
_LINE_NAME_DASH = re.compile(r"\s*[-–—]\s*[A-ZÄÖÜА-ЯЁ]")


def _in_line_name(m: Mention, text: str) -> bool:
    """A place in a dash chain that names a pipeline the data does not hold (a chain of its lines is matched as the line)."""
    if _LINE_NAME_AFTER.match(text, m.end, min(len(text), m.end + 60)) is not None:
        return True
    start = max(0, m.start - 50)
    before = _LINE_NAME_BEFORE.search(text, start, m.start)
    # after the line word, the name is in a chain: a dash before it, or one after it
    return before is not None and _in_dash_chain(before.group(), text, m.end)


def _unknown_route(m: Mention, text: str, prev_end: int) -> bool:
    """A place at the end of a route's chain of three places or more whose earlier places name no asset.

    None of the mentions ends inside the chain (``prev_end``: where the mention before this one ends): «по маршруту Омск —
    Павлодар — Шымкент» is a line the data does not hold. «по маршруту Актау — Баку — Джейхан» names a lane and a line: it stays.
    """
    start = max(0, m.start - 60)
    before = _ROUTE_CHAIN_BEFORE.search(text, start, m.start)
    return before is not None and prev_end <= before.start()


def _in_route_name(m: Mention, text: str) -> bool:
    """A place in the name of a railway or road the data does not hold ("the Baku–Tbilisi–Kars railway")."""
    if _ROUTE_NAME_AFTER.match(text, m.end, min(len(text), m.end + 80)) is not None:
        return True
    start = max(0, m.start - 60)
    before = _ROUTE_NAME_BEFORE.search(text, start, m.start)
    # after the route word, the name is in a chain (a dash before it, or one after it): "per Bahn Aktau" is where the
    # goods go, «железнодорожной линии Достык — Мойынты» names the line
    return before is not None and _in_dash_chain(before.group(), text, m.end)


def _in_dash_chain(before: str, text: str, end: int) -> bool:
    """A name ending at ``end`` stands in a dash chain: a dash in ``before`` (the line's or route's word and places), or right after."""
    return "-" in before or "–" in before or "—" in before or _LINE_NAME_DASH.match(text, end) is not None


#: A region word later in the name's clause (no clause break between).
_REGION_AFTER = _Screened(re.compile(r"[^;:.,()]*?(?<!\w)(?:regions?|regionen|oblasts?|областей|области|provinces?|provinzen|"
                           # and the plural's other cases: «в Атырауской и Мангистауской областях», «по ... областям»
                           r"областях|областям|областями)(?!\w)",
                           re.IGNORECASE))
#: "in", a region's name of up to three words (capitalised, or a lower-case German or Russian adjective) and a region word
#: right after a name: the region where the named place lies ("Makhachkala in Russia's Dagestan region", "in der
#: russischen Region Dagestan", «в Мангистауской области»), not a region named by it (not the plural "in der Rangliste der
#: Regionen").
_IN_NAMED_REGION = _Screened(re.compile(r"\s+(?:in|im|в|во)\s+(?:(?:the|der|dem)\s+)?(?:(?:[A-ZÄÖÜА-ЯЁ][\w'’-]*|[a-zäöüа-яё]+"
                                        r"(?:en|er|ой|ом))\s+){1,3}(?i:regions?|oblast|provinces?|provinz|област[иь])\b"))
#: A region word after the name: "Atyrau region", "Gebiet Atyrau" is not the facility («Атырауская область» is no match).
_REGION_NEXT = re.compile(r"\s*(?:region|oblast|province|gebiet|област|район)", re.IGNORECASE)


#: Words of a line: with one, a line's bare name ("the Druzhba system", «ветка БТС-2») is the line in any story.
_LINE_WORD = re.compile(r"pipeline|\bline\b|\bsystem|leitung|трубопровод|нефтепровод|газопровод|ветк|систем")


#: Tank cars carry liquids: in a story of oil or gas, a sentence of them speaks of oil ("the cargo travels in tank cars").
_TANK_CARS = re.compile(r"tank cars?\b|tank wagons?\b|kesselwag|цистерн")
#: A pipe, one of them, in English ("a pipe of around 300 kilometres across the seabed, from near Turkmenbashi to the coast"):
#: in a story of oil or gas, the line (batch 42; not "a pipe dream", not the plumber's "pipes").
_PIPE_NOUN = re.compile(r"\b(?:a|the|one|this|that|new|subsea|undersea|submarine|second|single)\s+pipe\b(?!\s+dream)(?!-)")
_PIPE_STEMS = ("pipe",)  # its word as written (the sentence is searched only where it holds it)
#: A person (and what he works for) right before a locative "in" / «в»: the town is where the person is ("said a manager
#: of an oil company in Atyrau", «источник в Новороссийске»).
_PERSON_IN = _Screened(re.compile(r"\b(?:manager|official|trader|analyst|source|executive|spokes(?:man|woman|person)|correspondent|reporter|"
                        r"Manager|Händler|Sprecher(?:in)?|Vertreter(?:in)?|Beamte[rn]?|Analyst(?:in|en)?|Korrespondent(?:in|en)?|"
                        r"Mitarbeiter(?:in)?|источник|представител|аналитик|трейдер|корреспондент|менеджер|чиновник|сотрудник)"
                        r"\w{0,3}(?:\s+(?:of|from|at|eines|einer|des|der)(?:\s+[\w-]+){1,3})?\s+(?:in|в)\s+$"))
#: Words of a person or a company (their starts, lower case) right before "from" and a town: the home town ("ein früherer
#: Ingenieur aus Atyrau", "an engineer from Aktau", «инженер из Актау»), see :func:`_person_from`.
_PERSON_STEMS = ("engineer", "worker", "manager", "driver", "fahrer", "водител", "official", "trader", "analyst", "executive", "spokes", "native", "ingenieur",
                 "arbeiter", "inhaber", "händler", "sprecher", "vertreter", "mitarbeiter", "manager", "инженер", "рабоч",
                 "уроженец", "уроженка", "менеджер", "трейдер", "аналитик", "сотрудник", "представител", "чиновник",
                 # and a company's: "an oil company from Atyrau", «нефтяной компании из Атырау» (its seat, not the junction)
                 "company", "unternehm", "компани", "фирм",
                 # and a family's: "eine Familie aus Samara", "a family from Aktau", «семья из Самары» (its home town)
                 "famil", "семья", "семьи", "семье", "семью", "семьей", "семьёй",
                 # and students': "a group of students from Atyrau", "Studenten aus Aktau", «студенты из Атырау» (their home town)
                 "student", "studierend", "schüler", "pupil", "студент", "школьник",
                 # and people of the arts, the press and sport: "ein Fotograf aus Batumi", "musicians from Aktau", «футболист из
                 # Атырау» (their home town; "Fotografien aus Batumi", pictures of the town, are the town's too) (batch 38)
                 "fotograf", "photographer", "фотограф", "musiker", "musician", "музыкант", "künstler", "artist", "художни",
                 "артист", "sänger", "singer", "певец", "певиц", "певца", "певцы", "sammler", "collector", "коллекционер",
                 "journalist", "reporter", "журналист", "репортер", "репортёр", "blogger", "блогер", "schriftsteller", "writer",
                 "писател", "spieler", "player", "игрок", "fußballer", "footballer", "футболист", "sportler", "athlet", "спортсмен")
#: The word of a consortium: a story that uses it calls an abbreviation ("CPC", «КТК») by what it is.
_CONSORTIUM = re.compile(r"[Cc]onsorti|[Kk]onsorti|[Кк]онсорциум")
#: A word of a passenger flight or bus right before a dashed chain of places: the trip's route, not a line of the same
#: places («прямой рейс Атырау — Самара», "Flüge Aktau–Baku", "the bus Atyrau - Samara"). No train or ferry: tank cars and
#: tankers run on lanes and rail legs named so.
_TRIP_BEFORE = _Screened(re.compile(r"(?:\b(?:flights?|Flug|Flüge|Flugverbindung\w{0,2}|Direktflug\w{0,2}|bus(?:es)?|Bus(?:se)?|Buslinie\w{0,2}|"
                          r"coach)|(?<![а-яё])(?:рейс|авиарейс|авиасообщени|перел[её]т|автобус|маршрутк)\w{0,3})\s*[«\"„“]?$", re.IGNORECASE))
#: ... or before a list of such chains that ends with this one: «прямых рейсов Актау — Стамбул, Актау — Дубай и Актау — Баку»,
#: "flights Aktau–Istanbul, Aktau–Dubai and Aktau–Baku" (each chain of the list a flight's route).
#: (Case-sensitive, its runs possessive: a window that fails fails at once, without trying every split of its words.)
_TRIP_LIST_BEFORE = re.compile(r"(?:\b(?:[Ff]lights?|Flüge|Flugverbindung\w{0,2}|Direktflüge|[Bb]us(?:es)?|Busse)|(?<![а-яё])(?:[Рр]ейс|"
                               r"[Аа]виарейс|[Аа]втобус)\w{0,3})\s*+(?:[«\"„“]?[A-ZÄÖÜА-ЯЁ]\w*+\s*+[-–—]\s*+[A-ZÄÖÜА-ЯЁ]\w*+[»\"“”]?\s*+"
                               r"(?:,|and|und|и)\s*+){1,4}+[«\"„“]?$")
#: A train's word right before such a chain: the train's route («Поезд Атырау — Самара», "der Zug Atyrau–Samara"), unless
#: tank cars, oil or freight stand near it (_GOODS_TRAIN_NEAR: "Züge Baku–Batumi mit Öl" run on the rail leg).
_TRAIN_BEFORE = _Screened(re.compile(r"(?:\b(?:trains?|Zug|Züge|Personenzug\w{0,2}|Nachtzug\w{0,2})|(?<![а-яё])(?:поезд|электричк)\w{0,3})"
                           r"\s*[«\"„“]?$", re.IGNORECASE))
_GOODS_TRAIN_NEAR = re.compile(r"(?i)tank (?:car|wagon)|kesselwag|цистерн|\boil\b|crude|öl|нефт|freight|güter|fracht|груз(?!ин)")
#: A vessel's word near such a chain: «Танкер совершил рейс Актау — Баку» is the tanker's voyage on the lane.
_VESSEL_NEAR = re.compile(r"(?i)tanker|танкер|vessel|schiff|судн|судам?\b|barge|баржа")
#: After an abbreviation, words of a party's organs: "the CPC Central Committee" is the Communist Party of China.
_PARTY_AFTER = re.compile(r"(?:['’]s)?\s+(?:Central Committee|Politburo|Party\b|Zentralkomitee|Politbüro|Parteitag|ЦК)")
#: After an abbreviation, a capitalised word of an airline, a bank or a holding: the abbreviation opens a firm's name
#: ("TAP Air Portugal", "BTC Capital", «КТК Банк»), not a pipeline's (its own operators are named "... AG", "... Co.").
_FIRM_AFTER = re.compile(r"\s+(?:Air|Airlines|Airways|Aviation|Bank|Banking|Capital|Group|Holding|Holdings|Media|Telecom|Motors|"
                         r"Insurance|Securities|Pharma|Software|Fluggesellschaft|Банк|Групп|Холдинг|Капитал|Медиа|Авиа)\b")
#: A firm's trade or legal word right after a town's or a line's one-word name (capitalised as in a firm's name, after at
#: most one more capitalised word): "Druzhba Components LLC", "Samara Trade House", "Atyrau Trading GmbH" name a firm, not
#: the line or the town's facility (batch 35). Not after a kind word ("Aktau Port LLP", "Kuryk Sea Port JSC" keep it).
_FIRM_WORD_AFTER = _Screened(re.compile(r"(?:[ \u00a0](?!(?:Port|Sea|Terminal|Oil|Pipeline|Refinery|Hafen)\b)[A-Z][a-z]+)?[ \u00a0]"
                                        r"(?:Components|Trade House|Trading House|Trading|Handelshaus|LLC|Ltd|Inc|GmbH|JSC|"
                                        r"Торговый дом)\b"))


def _firm_after(text: str, end: int) -> bool:
    """:data:`_FIRM_WORD_AFTER` right after a name ending at ``end``, tried only where a space and a capital follow it."""
    return text[end + 1 : end + 2].isupper() and text[end : end + 1] in _SPACES and _FIRM_WORD_AFTER.match(text, end, end + 30) is not None


_SPACES = frozenset((" ", "\u00a0"))  # the spaces _FIRM_WORD_AFTER opens with
#: A word of a broadcaster or a paper right before an abbreviation: «телеканала КТК», "the TV channel KTK", "Sender KTK"
#: name the media outlet, not the consortium.
_MEDIA_BEFORE = _Screened(re.compile(r"(?:\b(?:TV|television|channel|broadcaster|radio|newspaper|magazine|Sender|Fernsehsender|Zeitung)|"
                           r"(?<![а-яё])(?:телеканал|радиостанци|радио|газет|журнал|телекомпани|медиахолдинг)\w{0,3})\s*[«\"„“]?$",
                           re.IGNORECASE))
#: Its stems (read from it: "tv", "radio", «газет», ...), as an article's screen for its words (_holds_word).
_MEDIA_STEMS = _MEDIA_BEFORE.stems
_MEDIA_WORDS = (*_cased(_MEDIA_STEMS), "TV")
#: Words of a town's part or a venue right before a name: «микрорайон «Дружба»», "Hotel Druzhba", "Druzhba Street" is no line.
_VENUE_BEFORE = _Screened(re.compile(r"(?:\b(?:district|quarter|neighbourhood|street|avenue|park|stadium|hotel|cinema|Viertel|Siedlung|"
                           r"Straße|Park|Stadion|Kino|Hotel|café|cafe|restaurant|club|klub|kneipe|"
                           # a society, a bazaar or a mall named so: der Verein „Druschba e. V.“, «рынок «Дружба»», «ТРЦ «Дружба»»
                           r"society|association|bazaar|mall|einkaufszentrum|basar|programme|program|programm|initiative|stiftung|"
                           # a shop or a chain of shops named so: "the supermarket chain Druzhba", der Supermarkt „Druschba“
                           r"supermarkets?|shops?|stores?|supermarkt|supermärkte|supermarktkette|laden|geschäft)|"
                           # a society's word in compounds and the plural too: die Partnervereine „Druschba e. V.“
                           # and a club, a cinema or a sports complex in compounds: der Freundschaftsklub „Druschba“, das
                           # Sowjetkino „Druschba“, «спортивный комплекс «Дружба»», "the sports complex Druzhba"
                           # («район» after «в» unquoted is "in the area of": «в районе Босфора» is near the strait, no district)
                           # a team met in a match or joined by a player: „das Rückspiel gegen Druschba Minsk“, "the match against
                           # Druzhba", «матч против «Дружбы»», «защитник переходит в «Дружбу»» (batch 42)
                           r"(?:spiel|partie|duell|derby)\s+gegen|\b(?:match|game|fixture)(?:es|s)?\s+(?:against|with)|"
                           r"(?<![а-яё])(?:(?:матч\w{0,3}|игр[аеуы]|встреч[аеуи])\s+(?:с|со|против)|переходит\s+в\s+«|"
                           r"переш[её]л\w?\s+в\s+«|перейд[её]т\s+в\s+«)|"
                           r"verein(?:e|en|es|s)?|klub|kino|komplex|\bcomplex|(?<![а-яё])(?:микрорайон|"
                           r"район(?:(?<![вВ]\sрайон)|(?=\w{0,3}\s*[«\"„“]))|программ|комплекс|"
                           r"улиц|проспект|парк|сквер|стадион|гостиниц|отел|санатори|кинотеатр|жилого комплекса|ЖК|кафе|ресторан|"
                           r"клуб|рын(?:ок|к)|базар|тц|трц|торгов\w* центр|обществ|ассоциаци|"
                           r"бизнес-центр|"  # «в бизнес-центре «Дружба»» (batch 37)
                           r"супермаркет|гипермаркет|магазин|"  # «сетью супермаркетов «Дружба»», «магазин «Дружба»»
                           # a work or a camp named so: the novel's chapter „Druschba“, «фильм «Дружба»», "a summer camp Druzhba"
                           r"глав[аеуы]|роман|фильм|книг|песн|повест|пьес|спектакл|лагер|пионерлагер)\w{0,3}|\b(?:chapter|novel|"
                           r"film|book|song|poem|play|camp|Kapitel|Roman|Buch|Lied|Gedicht|Theaterstück|Stück|Ferienlager|"
                           r"Sommerlager|Zeltlager)|"
                           # a room, a hall, a team, a band or a tool named so: "Raum Druschba", "Hörsaal Druschba", «команда
                           # «Дружба»», «зал «Дружба»», "the team Druzhba", "the chainsaw Druzhba"
                           r"raum|saal|\b(?:room|hall|lounge|team|band|chainsaw)|(?<![а-яё])(?:зал|аудитори|команд|ансамбл|бензопил)\w{0,3}|"
                           # a band named so: «документальный фильм о группе «Дружба»» (batch 42)
                           r"(?<![а-яё])групп(?:а|ы|е|у|ой)\s+[«\"„“]|"
                           # a dance or folk ensemble, a choir named so, compounds too: das Tanzensemble „Druschba“, der
                           # Kinderchor „Druschba“, "the Druzhba choir" is after it (_VENUE_AFTER), «хор «Дружба»» (batch 33)
                           # (and in the genitive: "ein Gastspiel des Moskauer Ensembles „Druschba“", batch 41)
                           r"ensembles?|chor|\bchoir|(?<![а-яё])хор(?:а|у|ом|е)?|"
                           # a quartet or an orchestra named so, and a house of culture: das Quartett „Druschba“, "the string
                           # quartet Druzhba", «квартет «Дружба»», «Дом культуры «Дружба»», «ДК «Дружба»» (batch 39)
                           r"quartet|quintet|orchest|(?<![а-яё])(?:квартет|квинтет|оркестр|культур)\w{0,3}|\bДК|"
                           # a coffee house named so: «кофейня «Дружба»», «в кофейне «Дружба»» (batch 33)
                           r"(?<![а-яё])кофейн\w{0,3}|"
                           # a palace of sports or culture, a guest house named so: der Sportpalast „Druschba“, das Kulturpalast
                           # „Druschba“, "the Palace of Sports Druzhba", "Guesthouse Druzhba", «Дворец спорта «Дружба»», «во
                           # Дворце культуры «Дружба»», «гостевой дом «Дружба»» (batch 43)
                           r"palast|gästehaus|\b(?:palace(?:\s+of\s+(?:sports?|culture))?|guest\s?house)|"
                           r"(?<![а-яё])(?:дворец|дворц[аеуы]|дворцом)(?:\s+(?:спорта|культуры|пионеров|молод[её]жи))?|"
                           r"(?<![а-яё])гостев\w{1,3}\s+дом\w{0,2})"
                           r"\s*[«\"„“]?$", re.IGNORECASE))
#: A word of a named venue right before a town's name, with "named" or an opening quote or neither: the hotel „Aktau“,
#: «гостиница «Актау»», "a cinema called Samara", das Kino „Schwedt“ are the venues, not their town's port, junction or plant.
_VENUE_NAME_BEFORE = _Screened(re.compile(r"(?:\b(?:hotel|cinema|restaurant|café|cafe|club|stadium|sanatorium|kino|stadion|"
                                # a theatre named after its town: die Uckermärkischen Bühnen Schwedt, «театр «Атырау»»
                                r"bühnen?|theater|theatre|philharmonie|philharmonic)|(?<![а-яё])"
                                r"(?:гостиниц|отел|кинотеатр|ресторан|кафе|клуб|стадион|санатори|театр|филармони)\w{0,3})"
                                r"(?:\s+(?:named|called|namens|под названием))?\s*[«\"„“]?$", re.IGNORECASE))
#: The words of _VENUE_NAME_BEFORE as plain substrings (its stems, read from it), both cases of their first letter and in
#: capitals (a text holding none skips it).
_VENUE_STEMS = _VENUE_NAME_BEFORE.stems
_VENUE_WORDS = _cased(_VENUE_STEMS)
#: After a town's name that opens a quote, more capitalised words (after a space or a spaced dash: the zone "Khorgos –
#: Eastern Gate", „Chorgos – Ostor“) before the quote closes (no kind word of a port,
#: terminal or station among them): «Достык Ойл», „Aktau Logistics“, «Атырау Транс Сервис» name a company or a brand.
_QUOTED_NAME_GOES_ON = re.compile(r"(?:\s+|\s[-–—]\s)(?!(?i:port|порт|terminal|терминал|hafen|нпс|гнпс|лпдс|станци|морск|sea\b|international|"
                                  r"международн|oil terminal|нефтеналивн))[A-ZА-ЯЁ][\w-]*[^«»\"“”„\n]{0,30}[»\"“”]")
#: A kind word anywhere in that quote, compounds too ("Aktau Seaport", «Актау Морпорт», "... Commercial Sea Port"): the
#: quoted name is the facility's own ("Transport" is no port: the word must start there or follow "sea" / «мор»).
_QUOTED_KIND = re.compile(r"(?:\b|sea|мор)(?:port|порт)|terminal|терминал|hafen|нпс|лпдс|станци", re.IGNORECASE)
_OPEN_QUOTES = frozenset(("«", '"', "„", "“"))
#: The word "friendship" right before a line's one-word name in brackets or quotes: the Russian word given as a gloss
#: ('a Year of Friendship ("Druzhba")', „Jahr der Freundschaft („Druschba“)“), not the line (unless a line word follows).
_GLOSS_BEFORE = re.compile(r"(?:friendship|freundschaft)\W{0,4}$", re.IGNORECASE)
_LINE_AFTER = re.compile(r"\W{0,4}(?:pipeline|line|leitung|system|нефтепровод|трубопровод)", re.IGNORECASE)
#: A line's one-word name opening a quote that goes on with more words before it closes: «Дружба-Агро», «Дружба
#: поколений», „Druschba e. V.“ name a firm, a programme or a society (a line, energy or branch word among them keeps the
#: line: „Druschba-Leitung“, «Дружба-Нефть», "“Druzhba North”"; digits are its strings: «Дружба-2»).
_QUOTED_LINE_GOES_ON = re.compile(r"(?:-|\s+)(?=[^\W\d_])[^«»\"“”„\n]{1,30}?[»\"“”]")
_QUOTED_LINE_KEEPS = re.compile(r"(?i)oil|crude|gas|pipe|leitung|line|system|trasse|strang|arm\b|öl|нефт|газ|провод|магистрал|"
                                r"north|nord|süd|south|ost|east|west|север|юж|запад|восто|ветк|нитк")
#: The name repeated right after it in another case form, lower-cased: the proverb «Дружба дружбой, а ...».
_REPEATED_AFTER = re.compile(r"\s+([^\W\d_]+)")
#: ... and right after it: "the Druzhba Hotel", "Druschba-Hotel", "Druzhba Street", "the Druzhba festival".
_VENUE_AFTER = re.compile(r"[»\"“”]?(?:\s+|-)(?:hotel|street|avenue|square|stadium|arena|cinema|sanatorium|festival|restaurant|"
                          # a students' home named so: "the Druzhba residence hall", "Wohnheim", «общежитие»
                          r"residence|hall\b|dormitor|hostel|wohnheim|общежити|"
                          r"district|quarter|siedlung|viertel|"  # a town's part named so: "the Druzhba district", "Druschba-Siedlung"
                          # a shop, or a partnership of firms named so: "the Druzhba supermarkets", the "Druzhba" partnership
                          r"supermarket|shop|store|partnership|supermarkt|partnerschaft|супермаркет|магазин|партн[её]рств|"
                          # a market or a grocer's chain named so: "Druschba Markt", the "Druzhba Market", «Дружба Маркет»
                          # (batch 40)
                          r"markt\b|market\b|маркет|"
                          r"straße|strasse|platz|stadion|kino|гостиниц|отел|фестивал|улиц|проспект|стадион|санатори|ресторан|"
                          # "friendship of peoples": «орден Дружбы народов», «Университет Дружбы народов», "Druzhba Narodov"
                          r"народов|narodov|"
                          # a society, a club, a team, a room or a tool named so: "the Druzhba Society", "an old Soviet Druzhba
                          # chainsaw", "the Druzhba team", "Druschba-Raum"
                          r"society|club\b|team\b|band\b|room\b|lounge|chainsaw|saw\b|raum\b|säge|"
                          # an office or shopping block named so: "the Druzhba business centre", "Druschba-Geschäftszentrum"
                          # (batch 37)
                          r"(?:business|shopping|office) cent(?:re|er)|(?:geschäfts|büro|einkaufs)zentrum|бизнес-центр|"
                          # a band or a house of culture named so: "the Druzhba Quartet", "Druschba-Quartett", "Druzhba
                          # Orchestra", "the Druzhba cultural centre", "Druschba-Kulturhaus" (batch 39)
                          r"quartet|quintet|trio\b|orchest|ensemble|(?:cultural|culture|community|arts) cent(?:re|er)|"
                          r"kulturzentrum|kulturhaus|kulturpalast|"
                          # a palace of sports or a guest house named so: "the Druzhba Sports Palace", "Druschba-Palast", "the
                          # Druzhba guesthouse" (batch 43)
                          r"(?:sports\s+)?palace|palast|guest\s?house|gästehaus)",
                          re.IGNORECASE)
#: A venue's word right before a field's one-word name, with "named" or an opening quote or neither, or right after it: "im
#: Theater Galkynysch", "ein Theater namens Galkynysch", «Национальный театр «Галкыныш»», "the Galkynysh National Theater",
#: the "Galkynysh" festival, "the Hotel Tengiz" name the venue, not the field. (Not «район» or "area": «в районе
#: Карачаганака» is the field's area; a museum or hall "of Tengiz" after the name is not read.)
_FIELD_VENUE_BEFORE = _Screened(re.compile(r"(?:\b(?:theat(?:er|re)|hotel|festival|cinema|kino|restaurant|club|stadium|stadion)|"
                                 # a café or a bar named after the field: das Café „Tengis“, «кофейня «Тенгиз»», «в гастробаре
                                 # «Тенгиз»» (the bar's word whole: «баррель» holds its letters) (batch 33)
                                 r"\b(?:café|cafe|coffee shop|sanatori(?:um|o))|(?<![а-яё])(?:кафе|кофейн\w{0,3}|(?:гастро|лаунж-|винный\s)?бар(?:е|а|у|ом)?)|"
                                 # a guest house: die Pension „Tengis“, "the guesthouse Tengiz", «пансионат «Тенгиз»» (batch 42)
                                 r"\b(?:pension|gasthaus|gästehaus|guest\s?house)|(?<![а-яё])пансионат\w{0,3}|"
                                 r"(?<![а-яё])(?:театр|гостиниц|отел|фестивал|кинотеатр|ресторан|клуб|санатори|"
                                 r"стадион|"
                                 # a mall or a shop named after the field, as a line's (_VENUE_BEFORE): «в торговом центре
                                 # «Кашаган»», «ТЦ «Кашаган»», «магазин «Тенгиз»», "the shopping centre Kashagan", das
                                 # Einkaufszentrum „Tengis“ (batch 40)
                                 r"тц|трц|торгов\w*\s+центр|супермаркет|гипермаркет|магазин)\w{0,3}|"
                                 r"\b(?:mall|shopping\s+cent(?:re|er)|supermarket|einkaufszentrum|supermarkt))"
                                 r"(?:\s+(?:named|called|namens|genannt|под названием))?\s*[«\"„“]?$", re.IGNORECASE))
_FIELD_VENUE_AFTER = re.compile(r"[»\"“”]?(?:\s+|-)(?:(?:national|state|drama|opera)\s+)?(?:theat(?:er|re)|hotel|festival|"
                                r"cinema|restaurant|club|stadium|arena|театр|гостиниц|отел|фестивал|стадион|ресторан|"
                                r"кинотеатр|"
                                # "the Kashagan Mall", "Tengis-Einkaufszentrum", "the Tengiz shopping center" (batch 40)
                                r"mall\b|shopping\s+cent(?:re|er)|supermarket|einkaufszentrum|supermarkt)", re.IGNORECASE)
#: The words of both as plain substrings, both cases of their first letter (an article holding none skips the look).
_FIELD_VENUE_STEMS = ("theat", "hotel", "festival", "cinema", "kino", "restaurant", "club", "stadi", "arena", "театр",
                      "pension", "gasthaus", "gästehaus", "guest", "пансионат",  # (batch 42)
                      "гостиниц", "отел", "фестивал", "ресторан", "клуб", "стадион", "café", "cafe", "coffee", "кафе", "кофейн", "бар",
                      "sanatori", "санатори", "тц", "трц", "торгов", "супермаркет", "гипермаркет", "магазин", "mall", "shopping",
                      "supermarket", "einkaufszentrum", "supermarkt")
_FIELD_VENUE_WORDS = _cased(_FIELD_VENUE_STEMS)
#: A surname right after a field's one-word name: "Tengiz Abenov", "Tengis Beridse", «Тенгизом Абеновым» (Russian, Kazakh
#: and Georgian endings, Latin and Cyrillic, with the Russian case endings; Georgian -ani, but not a demonym "Kazakhstani").
_SURNAME_AFTER = re.compile(r"\s+[A-ZА-ЯЁ][a-zа-яё]+(?:ov|ova|ev|eva|yev|yeva|uly|kyzy|dze|dse|shvili|schwili|enko|(?<!st)ani|"
                            r"ow|owa|ew|ewa|"  # German spellings of -ov, -ev: "Tengis Ualiew", "Tengis Abenow"
                            # Mingrelian surnames in -ia, -ua after a consonant, three small letters before it at least
                            # ("Tengiz Kvaratskhelia", "Tengis Gamsachurdia", «Тенгиз Данелия»; not "Asia") (batch 34)
                            r"(?<=[a-z]{3}[b-df-hj-np-tv-z])(?:ia|ua)|(?<=[а-яё]{3}[б-дж-зк-нп-тф-щ])(?:ия|уа)|"
                            r"(?:ов|ев|ин)(?:а|у|ым|ом|е|ой)?|улы|кызы|дзе|швили|енко|ани)\b")
#: A surname cut to its initial right after a field's one-word name, as court, police and sports reports shorten a person's
#: name: "its coach, Tengiz K., said", "der Angeklagte Tengis A.", «Тенгиз К.» (one capital and a full stop, no letter
#: after it: not "Tengiz U.S. partner", "Tengiz B.V.", nor the name ending a sentence, "... from Tengiz. A spokesman"; no number
#: after it: not a page's reference, "mehr zu Tengis S. 4").
_INITIAL_AFTER = re.compile(r"[ \u00a0][A-ZА-ЯЁ]\.(?![\w.])(?!\s?\d)")
#: After a German town adjective ("Atyrauer", "Schwedter"), a word of the town's culture, sport, schools or people, compounds
#: too: "des Atyrauer Folkloreensembles", "die Schwedter Bühnen", "Atyrauer Schüler": the town, not its facility.
_TOWN_LIFE_AFTER = _Screened(re.compile(r"\s+(?=[A-ZÄÖÜ])[\w-]*?(?:ensemble|theater|bühne|philharmonie|orchester|chor\b|chöre|museum|künstler|"
                              r"tänzer|musiker|kunst|kultur|festival|verein|schule|schüler|universität|hochschule|bürger|einwohner|"
                              r"studenten|fußball|mannschaft|zoo\b)", re.IGNORECASE))
#: A field's one-word name as a person's given name: after a word of a person who shows the way ("Unser Führer Tengis", "our
#: driver Tengiz", «гид Тенгиз»), or with a person's word in apposition after it, closed by a comma or the clause's end
#: ("Tengis, ein pensionierter Ölarbeiter,", "Tengiz, a retired oil worker,", «Тенгиз, бывший нефтяник,»).
_GUIDE_BEFORE = _Screened(re.compile(r"(?:\b(?:our|my|the|a|his|her|their|unser\w{0,2}|mein\w{0,2}|der|die|ein\w{0,2}|sein\w{0,2}|ihr\w{0,2})\s+"
                           # a determiner first in English and German ("the main growth driver Tengiz" is no person)
                           r"(?:guide|driver|host|interpreter|Führer|Reiseführer|Reiseleiter|Fahrer|Gastgeber|Dolmetscher|"
                           # a workmate or an animal (batch 36: "unser Kollege Tengis aus Samara", "the racehorse Kashagan")
                           r"colleague|Kollege|Kollegin|(?:race)?horse|stallion|(?:Renn)?pferd|Hengst)|"
                           r"(?<![а-яё])(?:гид|водитель|экскурсовод|проводник|переводчик|коллег|скакун|жеребец)\w{0,3})\s+$", re.IGNORECASE))
_GUIDE_STEMS = ("guide", "driver", "host", "interpreter", "führer", "reiseführer", "reiseleiter", "fahrer", "gastgeber",
                "dolmetscher", "гид", "водител", "экскурсовод", "проводник", "переводчик", "colleague", "kolleg", "коллег", "horse",
                "stallion", "pferd", "hengst", "скакун", "жеребец")
_GUIDE_WORDS = _cased(_GUIDE_STEMS)


def _holds_word(text: str, stems: tuple[str, ...], words: tuple[str, ...]) -> bool:
    """Whether ``text`` holds one of ``words``: each of ``stems`` in lower case, capitalised or in capitals.

    The lower-cased text is screened for the stems first (each word lower-cases to its stem): a third of the scans of the
    whole text, and most texts hold none. (The analyser asks :func:`_holds_held` instead, for the stems of
    :data:`_HELD_STEMS`: the same answer from the bits of the text's words, no scan of the whole text.)
    """
    if not any(stem in _lowered(text) for stem in stems):
        return False
    return any(w in text for w in words)


#: Words of crypto-currencies within 60 characters of an abbreviation: "trade BTC and other digital assets", "BTC-Kurs an
#: Kryptobörsen", «биткоин (BTC)», "a BTC wallet": the coin, not the pipeline, in an oil story too (batch 37).
_CRYPTO_NEAR = _Screened(re.compile(r"bitcoin|crypto|krypto|digital(?:e[nr]?)? (?:assets?|currenc|coins?|wallet|währung|vermögens)|"
                                    r"blockchain|\bwallets?\b|\btokens?\b|\bstablecoin|\baltcoin|"
                                    r"(?<![а-яё])(?:биткоин|биткойн|крипт|блокчейн|токен|цифров\w* (?:валют|актив))", re.IGNORECASE))
#: Its stems (read from it), as an article's screen for its words (_holds_word): most articles hold none.
_CRYPTO_STEMS = _CRYPTO_NEAR.stems
_CRYPTO_WORDS = _cased(_CRYPTO_STEMS)

#: The stems :func:`_holds_held` reads an article's words for, each with its bit in :func:`_held_of`'s answers. No letter of
#: theirs comes out of lower-casing a character outside a word (``\w``), nor is any a Greek sigma (lower-cased by its
#: neighbours), so a stem in the text lower-cased lies in one of its words lower-cased (tests/test_extract_fast.py).
_HELD_STEMS = (_VENUE_STEMS, _GUIDE_STEMS, _FIELD_VENUE_STEMS, _MEDIA_STEMS, _CRYPTO_STEMS, _LINK_HEAD_WORDS, _TOWNS_BEFORE.stems)
#: The words of each tuple of stems (each lower-cases to one of its stems), as :func:`_holds_word` is asked for them.
_HELD_CASED = (_VENUE_WORDS, _GUIDE_WORDS, _FIELD_VENUE_WORDS, _MEDIA_WORDS, _CRYPTO_WORDS, _cased(_LINK_HEAD_WORDS),
               _cased(_TOWNS_BEFORE.stems))
#: The numbers of the tuples of :data:`_HELD_STEMS` and :data:`_HELD_CASED`, as :func:`_holds_held` is asked for them (an
#: int: a tuple of strings as the key of a memo was hashed whole at each question).
_HELD_VENUE, _HELD_GUIDE, _HELD_FIELD_VENUE, _HELD_MEDIA, _HELD_CRYPTO, _HELD_LINK_HEAD, _HELD_TOWNS = range(7)


def _held_of(word: str) -> int:
    r"""The bits of the tuples of :data:`_HELD_STEMS` whose stems and words ``word`` (a run of ``\w``) holds.

    Bit k: one of the stems lower-cased; bit ``len(_HELD_STEMS) + k``: one of its words (:data:`_HELD_CASED`) as written.
    Worked out once a word (kept in its record, see :func:`_held_bits`).
    """
    low = word.lower()
    got = 0
    for k, stems in enumerate(_HELD_STEMS):
        for stem in stems:
            if stem in low:
                got |= 1 << k
                # (a word holding one of the words as written holds its stem lower-cased: looked for only then)
                if any(w in word for w in _HELD_CASED[k]):
                    got |= 1 << (len(_HELD_STEMS) + k)
                break
    return got


#: The last list of words :func:`_held_bits` read and its answer, one tuple (replaced whole, so threads never see half of it).
_HELD_SEEN: tuple[list[Word] | None, int] = (None, 0)


def _held_bits(words: list[Word]) -> int:
    """The bits (:func:`_held_of`) that the words hold, from their records (``words``, see :func:`_words_of`): once a text."""
    global _HELD_SEEN
    seen = _HELD_SEEN
    if seen[0] is not words:
        bits = 0
        for rec in words:
            got = rec.held
            if got < 0:
                got = rec.held = _held_of(rec.text)
            bits |= got
        seen = _HELD_SEEN = (words, bits)
    return seen[1]


def _holds_held(words: list[Word], k: int) -> bool:
    """:func:`_holds_word` of the text of ``words`` (their records) and tuple ``k`` of :data:`_HELD_STEMS` and :data:`_HELD_CASED`.

    Read from the words' bits (:func:`_held_bits`): each of the words is a run of letters, so one in the text lies in one
    of its words.
    """
    return _held_bits(words) & (1 << (len(_HELD_STEMS) + k)) != 0


_PERSON_APPOSITION = re.compile(r",\s+(?:(?:a|an|ein|eine|einer|einem|einen|our|unser\w{0,2})\s+)?(?:(?!(?:of|for|that|which|where|whose|"
                                r"when|von|für|wo|der|des|die|das|und|and|для|и|что|который|где|куда|когда)\b)[\w-]+\s+){0,2}?[\w-]*?(?:worker|engineer|driver|guide|"
                                r"veteran|pensioner|fisherman|teacher|arbeiter|ingenieur|fahrer|führer|rentner|fischer|lehrer|"
                                r"нефтяник|инженер|водител|гид|пенсионер|ветеран|рыбак|учител)\w{0,3}\s*(?:[,;.)]|\s[-–—]\s)",
                                re.IGNORECASE)
#: "our" or "my" and a guide's or driver's word after a field's one-word name and a comma, going on with what for: "Tengis,
#: unser Fahrer für die nächsten sechs Tage,", "Tengiz, our guide for the week," (batch 37; not "Tengiz, the driver for
#: growth," nor "a driver for growth": no possessive, a field may be that).
_OUR_GUIDE_FOR = _Screened(re.compile(r",\s+(?:our|my|unser\w{0,2}|mein\w{0,2}|наш\w{0,2}|мо[йяеи]\w{0,2})\s+(?:guide|driver|host|"
                                      r"interpreter|fahrer|führer|reiseleiter|gastgeber|dolmetscher|гид|водител\w{0,2}|"
                                      r"экскурсовод\w{0,2}|проводник\w{0,2}|переводчик\w{0,2})\s+(?:for|für|на)\s", re.IGNORECASE))
#: An abbreviation spelled out right after it as something else, with no word of oil, gas or a line: "CPC, the
#: cost-per-click measure", "CPC (cost per click)" (the long form before a bracket: _LONG_FORM_BEFORE below); "or" may
#: open the gloss ("CPC, or cost per click,", "CPC (or cost per click)", "CPC, also cost per click", «КТК, или ...»).
_SPELL_OPENERS = (",", "(", " (", " -", " –", " —")
_SPELLED_AFTER = re.compile(r"(?:,\s*(?:the\s+|die\s+|der\s+|das\s+)?|\s?\(\s*|\s[-–—]\s*)(?:(?:or|oder|bzw\.|also|или|то есть)\s+)?"
                            r"([^\W\d_]+(?:[\s-]+[^\W\d_]+){1,5})")
_SPELLED_SPLIT = re.compile(r"[\s-]+")
_SPELLED_SKIP = frozenset(("of", "the", "and", "für", "der", "des", "und", "и", "de"))
_ENERGY_SPELLED = re.compile(r"oil|crude|gas|pipeline|consorti|konsorti|leitung|öl|terminal|нефт|газ|провод|консорциум|терминал",
                             re.IGNORECASE)


def _spelled_as_other(m: Mention, text: str, mentions: list[Mention], starts: list[int]) -> bool:
    """The abbreviation at ``m`` is spelled out right after it by words whose initials it is, naming no asset and no energy.

    ``starts``: the mentions' starts, sorted, filled on first need (a bisection: a story of many abbreviations stays linear).
    """
    got = _SPELLED_AFTER.match(text, m.end, m.end + 60)
    if got is None:
        return False
    words = [w for w in _SPELLED_SPLIT.split(got.group(1)) if w.casefold() not in _SPELLED_SKIP]
    n = len(m.alias)
    if len(words) < n or "".join(w[0] for w in words[:n]).casefold() != m.alias.casefold() or _ENERGY_SPELLED.search(got.group(1)):
        return False
    if not starts:
        starts.extend(sorted(x.start for x in mentions))
    return bisect_left(starts, got.start(1)) == bisect_left(starts, got.end(1))  # no name of an asset among the words


#: A verb of naming right before a line's one-word name, or (German, verb last) right after it: "a resort once called
#: Druzhba", "das zu sozialistischen Zeiten Druschba hieß", «курорт, который назывался «Дружба»»: the name of something else.
_NAMING_BEFORE = _Screened(re.compile(r"(?:\b(?:called|named|dubbed|known as|genannt|namens|hieß|hiess|heißt|heisst)|(?<![а-яё])(?:называ\w*|"
                            r"назван\w*|под названием|именуем\w*))"
                            # an aside between the verb and the name (batch 36: "heißt übrigens „Druschba“")
                            r"(?:,?\s+(?:übrigens|eigentlich|auch|jetzt|nun|intern|actually|also|now|internally|кстати|теперь|"
                            r"также|тоже)\b,?)?\s*[«\"„“']?$", re.IGNORECASE))
_NAMING_AFTER = re.compile(r"[»\"“”']?\s+(?:hieß|hiess|hießen|hiessen|heißt|heisst|genannt)\b(?!\s+(?:es|das|dies)\b)")
_CLAUSE_OPENERS = frozenset(("", ".", ";", ":", "!", "?", "\n"))  # the text's start or a sentence's


#: A verb of naming earlier in the name's clause, the name ending it ("Zu sowjetischer Zeit hieß die Siedlung am Fuß des
#: Alatau Druschba, ...", "the village was called in Soviet times Druzhba."), or a bracket of a former name before it
#: ("Station Dostyk (in Soviet times Druzhba)", «Станция Достык (в советское время — Дружба)», "(früher Druschba)").
_NAMING_IN_CLAUSE = _Screened(re.compile(r"(?:\b(?:hieß|hiess|hießen|hiessen|was called|was named|were called)|(?<![а-яё])называл\w*)\b"
                               r"[^,.;:!?()\n]{0,80}$", re.IGNORECASE))
_CLAUSE_END_AFTER = re.compile(r"[»\"“”']?\s*(?:[,.;:!?)]|$)")
_FORMER_BEFORE = _Screened(re.compile(r"\(\s*(?:former(?:ly)?|früher|ehemals|vormals|einst|ранее|прежде|бывш\w*|"
                            r"[^()\n]{0,30}?(?:soviet|sowjet|советск)\w*[^()\n]{0,20}?)\s*[-–—:,]?\s*[«\"„“']?$", re.IGNORECASE))


def _former_name(m: Mention, text: str) -> bool:
    """The name is a place's former or given name: a bracket of a former name, or a naming verb earlier in its clause."""
    if text[max(0, m.start - 60) : m.start].rfind("(") >= 0 and _FORMER_BEFORE.search(text, max(0, m.start - 60), m.start):
        return True
    return _CLAUSE_END_AFTER.match(text, m.end) is not None and _NAMING_IN_CLAUSE.search(text, max(0, m.start - 100), m.start) is not None


#: A verb of giving a name right before a name: "a chain named Ceyhan", "called", "namens", «под названием» (not "heißt" nor
#: "known as": "Das Ziel heißt Baku", "the port city known as Aktau" say what a thing is).
_NAMED_OTHER_BEFORE = _Screened(re.compile(r"(?:\b(?:named|called|dubbed|namens)|(?<![а-яё])(?:под названием|с названием|по имени))"
                                           r"\s*[«\"„“']?$", re.IGNORECASE))
#: The words its matches end with (the word right before the name): the screen of :func:`_named_other` in _find.
_NAMING_WORDS = frozenset(("named", "called", "dubbed", "namens", "названием", "имени", "Named", "Called", "Dubbed"))
#: The kinds of a town's facility whose name may be given to something else (a crossing's: see _other_meanings_dropped).
_NAMED_KINDS = frozenset(("port", "terminal", "junction", "refinery"))
#: A facility's kind word (or a line's, a refinery's) before a naming verb: "the terminal called Ceyhan" is the terminal.
_NAMED_KIND_BEFORE = re.compile(r"(?i)port|terminal|hafen|harbour|station|crossing|refiner|raffinerie|pipeline|leitung|порт|"
                                r"терминал|нпс|станци|переход|нпз|провод")


#: A person's title right before a one-word name (a set look-up of the word before it, in _find): "Professor Samara said",
#: "Prof. Schwedt", «доцент Самара», "Mrs Aktau" name a person, not a town's facility (only a full stop or nothing between).
_TITLE_WORDS = frozenset(("Professor", "Prof", "Professorin", "Dr", "Mr", "Mrs", "Ms", "Herr", "Frau", "профессор", "профессора",
                          "профессору", "профессором", "Профессор", "доцент", "доцента", "Доцент", "господин", "госпожа"))
_TITLE_GAPS = frozenset(("", "."))


def _named_other(text: str, start: int) -> bool:
    """A naming verb right before the town's name at ``start`` (:data:`_NAMED_OTHER_BEFORE`), no facility's kind word before it.

    "A Turkish restaurant chain named Ceyhan", "ein Café namens Aktau": the name of something else, no mention. "The
    terminal called Ceyhan", "die Pumpstation namens Samara" keep the facility; a ship's name is read before (_ship_name).
    Asked in _find only where the word before the name is one of :data:`_NAMING_WORDS` (a set look-up: most names).
    """
    return _NAMED_OTHER_BEFORE.search(text, max(0, start - 20), start) is not None and _NAMED_KIND_BEFORE.search(
        text, max(0, start - 50), start) is None


def _named_so(m: Mention, text: str) -> bool:
    """A line's one-word name given as a name ("once called Druzhba"), with no word of a line shortly before it.

    "the pipeline, known as Druzhba", «нефтепровод под названием «Дружба»» stay the line.
    """
    # the verb after the name names it only at a clause's end ("..., das früher Druschba hieß"); a name opening its clause
    # is the subject ("Druschba heißt auf Deutsch Freundschaft; die Leitung ...")
    after = _NAMING_AFTER.match(text, m.end) is not None and text[max(0, m.start - 4) : m.start].rstrip(" «\"„“")[-1:] not in _CLAUSE_OPENERS
    return (_NAMING_BEFORE.search(text, max(0, m.start - 32), m.start) is not None or after or _former_name(m, text)) and (
        _LINE_WORD.search(before := text[max(0, m.start - 40) : m.start].casefold()) is None and _LINE_PART.search(before) is None
        and not _LINE_AFTER.match(text, m.end, m.end + 20))


#: A word of a part of a line (searched case-folded, in the few words before a naming verb): "the western section, known as
#: MunaiTas", „der Abschnitt namens ...“, «участок под названием ...» name that part of the line (batch 42).
_LINE_PART = re.compile(r"\b(?:section|segment|stretch|spur)|abschnitt|teilstück|(?<![а-яё])(?:участ(?:ок|ка|ке|ком)|отрез(?:ок|ка|ке))")


#: A long form in capitals right before "(ABBR)": the story defines the abbreviation ("Communist Party of China (CPC)").
_LONG_FORM_BEFORE = re.compile(r"[A-ZÄÖÜА-ЯЁ][\w-]*(?:\s+(?:of|the|and|für|der|des|и|[A-ZÄÖÜА-ЯЁ][\w-]*)){1,6}\s*$")
_WORDS_BEFORE = re.compile(r"[^\W\d_]+")


#: Words of oil, gas, their lines and their trade (searched in a clause lower-cased): with none, a bracketed abbreviation
#: after a term glosses that term.
_GLOSS_ENERGY = re.compile(r"oil|crude|gas|pipe|leitung|öl|terminal|consorti|konsorti|export|route|tanker|barrel|tonn|fass|verlad|"
                           r"нефт|газ|провод|консорциум|терминал|экспорт|маршрут|танкер|баррел|тонн|отгруз")
#: A term of two words or more right before a bracket ("Kosten pro Klick (", «стоимость клика (»).
_TERM_BEFORE = re.compile(r"[^\W\d_]{2,}(?:[\s-]+[^\W\d_]+){1,3}\s*$")
_GLOSS_BOUNDS = ".!?;:\n"


def _glossed_term(text: str, st: int, end: int) -> bool:
    """The bracket at ``st`` (closing before ``end``) glosses the term of words right before it, in a clause of no energy.

    The term may be a translation that its abbreviation does not spell ("Kosten pro Klick (CPC)", «стоимость клика (CPC)»):
    in a clause (bounded by a full stop, a colon, a semicolon or a line end) holding no word of oil, gas, a line or its
    trade, the abbreviation is that term's, not the asset's ("... über das Konsortium (CPC)" keeps the asset).
    """
    if _TERM_BEFORE.search(text, max(0, st - 60), st) is None:
        return False
    lo = max(0, st - 160)
    bound = max(text.rfind(c, lo, st) for c in _GLOSS_BOUNDS)
    if bound >= 0:
        lo = bound + 1
    hi = min(len(text), end + 160)
    cut = [i for i in (text.find(c, end, hi) for c in _GLOSS_BOUNDS) if i >= 0]
    return _GLOSS_ENERGY.search(text[lo : min(cut) if cut else hi].lower()) is None


def _initials_before(alias: str, text: str, st: int) -> bool:
    """The words right before the bracket at ``st`` spell the abbreviation by their initials, naming no oil, gas or line.

    In any case: «базовых трансиверных станций (БТС)», "base transceiver stations (BTS)" (lower-case long forms, as Russian
    writes them; _LONG_FORM_BEFORE reads the capitalised ones). "Балтийская трубопроводная система (БТС)" stays the line.
    """
    words = [w for w in _WORDS_BEFORE.findall(text, max(0, st - 80), st) if w.casefold() not in _SPELLED_SKIP]
    n = len(alias)
    if len(words) < n or not text[max(0, st - 80) : st].rstrip().endswith(words[-1]):
        return False
    last = words[-n:]
    return "".join(w[0] for w in last).casefold() == alias.casefold() and _ENERGY_SPELLED.search(" ".join(last)) is None


#: A kind word inside a facility's alias ("Port of Aktau", «Атырауская НПС»): without one the alias is the place's name.
_KIND_IN_ALIAS = re.compile(r"(?i)port|terminal|hafen|harbour|station|crossing|pass\b|порт|терминал|нпс|станци|переход")

#: The link patterns :func:`_said` screens by the stems of their words (read from their parse trees); one not here is always
#: searched. (Case-blind patterns cannot be: their words are not case-folded.)
#: Words of a person's career (case-folded): a name with none among the words before it names no employer
#: (:func:`_career_words_before`, from the words' stem bits), so most mentions cost no search of their window.
_CAREER_WORDS = re.compile(r"spent|served|worked|former|ehemalig|arbeitet|tätig|jahre|работал|трудил|бывш")
_STEMMED = (_CIVIC_LATIN, _CIVIC_CYRILLIC, _MEETING, _CONSUMERS, _MOURNING, *_OWN_BUSINESS.values(), _PASSENGERS, _SHOPPING,
            _EDIBLE_OIL, _LINE_WORD, _CARRIER, _SENT_ON, _TANK_CARS, _TONNAGE, _PORTS, _CARGO, _FERRY, _FERRY_OIL, _PRICE,
            _CAREER_WORDS)


_STEM_BIT = {id(p): 1 << k for k, p in enumerate(_STEMMED)}
#: The first bit, in a sentence's int of :func:`_said`, of the patterns' bits: after the one bit "computed" and the stem bits.
_SAID_FIRST = 1 + len(_STEMMED)
#: Of each pattern :func:`_said` was asked about, by ``id`` (given on its first question): its bit "asked" in a sentence's
#: int (its number ``n`` gives bit ``_SAID_FIRST + 2 * n``; "found" is the next one), and its stem bit (:data:`_STEM_BIT`,
#: 0 for a pattern not screened): one look-up a question.
_SAID_ASKED: dict[int, tuple[int, int]] = {}
_SAID_COUNT = count()
#: Substrings one of which every match of each branch pattern holds (read from its parse tree, as for :data:`_STEMMED`).
_BRANCH_STEMS = {branch: _stems_of(rx) for branch, rx in _BRANCH_MARKS.items()}
#: Substrings one of which every match of _PRICE holds, read the same way: a sentence with none is not searched (a pattern
#: that opens with ``\b`` is tried at every character).
_PRICE_WORDS = _stems_of(_PRICE)
#: By the first two letters of a stem: the stems that begin with them, each with the bit of its pattern.
_STEM_PAIRS: dict[str, list[tuple[str, int]]] = {}
for _k, _p in enumerate(_STEMMED):
    for _stem in _stems_of(_p):
        _STEM_PAIRS.setdefault(_stem[:2], []).append((_stem, 1 << _k))


#: Kinds whose village's name of several words is read as a town's one-word name (_cue_less).
_VILLAGE_KINDS = frozenset(("port", "terminal"))


def _village_alias(alias: str) -> bool:
    """A facility's alias that is only its village's name of several words ("Yuzhnaya Ozereyevka").

    No kind word and no abbreviation among its words (not "PCK Schwedt", "Atyrau PS").
    """
    return _place_alias(alias) and not any(w.isupper() for w in alias.split())


#: One capital letter after a hyphen, ending the word: «КТК-Р», «КТК-К» (not "CPC-Leitung", not «КТК-2»).
_ONE_LETTER_AFTER = re.compile(r"-[A-ZА-ЯЁ](?![\w-])")
#: An abbreviation in brackets right after a name: "(ЮКТ)", "(SCP)" (2-6 capitals, Latin or Cyrillic).
_ABBR_DEFINED = re.compile(r"\s?\(([A-ZА-ЯЁ]{2,6})\)")
#: At most this many abbreviations defined in one article are read (hostile input may define thousands).
MAX_DEFINED = 16


def _defined_abbreviations(mentions: list[Mention], text: str, sentence_starts: list[int], matcher: Matcher) -> list[Mention]:
    """A line's name of several words with a new abbreviation in brackets right after it defines that abbreviation.

    «Южнокавказский трубопровод (ЮКТ)»: every «ЮКТ» of the article is then a mention of the line. The abbreviation starts
    with the name's first letter and is no alias already ("Каспийский трубопроводный консорциум (КТК)" is matched as it is);
    a town's name in brackets after a dateline ("BAKU (AFP)") defines nothing (a line's name only).
    """
    kinds = matcher.kinds
    defined: dict[str, Mention] = {}
    for m in mentions:
        if " " in m.text and kinds.get(m.id) in LINE_KINDS and text.startswith((" (", "("), m.end):
            got = _ABBR_DEFINED.match(text, m.end)
            if got is not None and got.group(1)[0] == m.text[0].upper() and got.group(1) not in defined and len(defined) < MAX_DEFINED:
                abbr = got.group(1)
                if (name_key(abbr),) not in matcher.names and abbr not in matcher.abbrevs:
                    defined[abbr] = m
    if not defined:
        return mentions
    taken = {m.start for m in mentions}
    added = [Mention(w.start(), w.end(), w.group(), defined[w.group()].id, w.group(), "name", bisect_right(sentence_starts, w.start()) - 1)
             for w in re.finditer(r"(?<![\w-])(?:" + "|".join(map(re.escape, defined)) + r")(?![\w-])", text) if w.start() not in taken]
    return sorted(mentions + added, key=_START) if added else mentions


@lru_cache(maxsize=4096)
def _place_alias(alias: str) -> bool:
    """A facility's alias of several words with no kind word: the name of the place it stands in ("Южная Озереевка")."""
    return _KIND_IN_ALIAS.search(alias) is None and not alias.isupper()


#: A word of a border crossing right before a name: «пункт пропуска Достык — Алашанькоу», "the border crossing of ...".
#: Plural words too ("die Bahnübergänge Dostyk–Alaschankou und Altynkol–Chorgos", «переходы»), and chains listed after the
#: word before this one ("Grenzübergänge A–B und C–D": the second chain follows the first, see _CHAIN_LISTED).
_CROSSING_BEFORE = _Screened(re.compile(r"(?:crossings?|checkpoints?|border stations?|grenzübergang|übergang|übergänge|übergängen|grenzbahnh[oö]fe?n?|"
                              r"grenzstation(?:en)?|пункт\w* пропуска|(?:погран)?переход\w{0,2}|погранпункт\w{0,2}|пограничн\w* станци\w*)"
                              r"(?:\s+(?:at|of|bei))?\s*(?:" + r"[A-ZÄÖÜА-ЯЁ]" + r"(?:[\w']|-(?=[\w']))*+(?:\s*[-–—]\s*[A-ZÄÖÜА-ЯЁ](?:[\w']|-(?=[\w']))*+)*"
                              r"\s*(?:,|and|und|и|sowie)\s*){0,3}$", re.IGNORECASE))

#: Any word of a border crossing, its station or the border (before a crossing's name given by a naming verb: "the border
#: station known as Dostyk" stays the crossing).
_CROSSING_WORD = re.compile(r"(?i)crossing|checkpoint|border|station|grenz|übergang|bahnhof|переход|пропуск|границ|станци")
#: A crossing word right after a chain: "the Dostyk-Alashankou border crossing" (English puts it after the names), or after
#: more chains listed with it ("the Dostyk-Alashankou and Altynkol-Khorgos rail crossings").
_CROSSING_AFTER = re.compile(r"(?:\s*(?:,|and|und|и|sowie)\s*[A-ZÄÖÜА-ЯЁ](?:[\w']|-(?=[\w']))*+(?:\s*[-–—]\s*[A-ZÄÖÜА-ЯЁ](?:[\w']|-(?=[\w']))*+)*){0,3}"
                             r"\s+(?:border |rail |railway )?(?:crossing|checkpoint|border post|border station)", re.IGNORECASE)


def _crossing_of_chain(m: Mention, matcher: Matcher) -> None:
    """A chain of places after a crossing word names the crossing its places name (the two sides of the border), not a line."""
    ids = {e.target for w in WORD.findall(m.text) for e in matcher.names.get((name_key(w),), ())}
    if len(ids) == 1 and matcher.kinds.get(next(iter(ids))) == "border_crossing":
        m.id, m.match = next(iter(ids)), "name"


#: A facility's alias ending in its kind word ("Black Sea Terminal"), matched in the plural ("the Black Sea terminals"):
#: several places of that kind, not the one the alias names.
_PLURAL_KIND_ENDS = (" terminals", " ports")  # lower case: German "des CPC-Terminals" is a genitive
_SINGULAR_KIND_ENDS = ("terminal", "port")

_FLAGGED: dict[int, tuple[Matcher, frozenset[str]]] = {}


def _flagged_aliases(matcher: Matcher) -> frozenset[str]:
    """The aliases :func:`_other_meanings_dropped` looks at: abbreviations and the one-word names of lines (once a matcher)."""
    got = _FLAGGED.get(id(matcher))
    if got is None or got[0] is not matcher:
        entries = [e for es in (*matcher.names.values(), *matcher.abbrevs.values()) for e in es]
        got = _FLAGGED[id(matcher)] = (matcher, frozenset(
            e.alias for e in entries if _abbreviation(e.alias) or (
                matcher.kinds.get(e.target) in LINE_KINDS and _needs_energy(e.alias, matcher.kinds[e.target]))
            or (matcher.kinds.get(e.target) in ("field", "border_crossing") and " " not in e.alias)))
    return got[1]


#: A person's career right before a name: the firm or the site as someone's employer ("spent 11 years at Tengizchevroil",
#: "worked for CPC", "formerly of NCOC", "arbeitete zehn Jahre bei Tengizchevroil", «проработал 11 лет в «Тенгизшевройле»»,
#: «бывший сотрудник КТК»): a people-moves line, no route (batch 41). Years or a career before "at": not "spent three days
#: at Ceyhan" (a tanker's wait); not "works at Kuryk" (dredging works) nor "joins from Kenkiyak" (a spur).
_CAREER_BEFORE = _Screened(re.compile(
    r"(?:\b(?:spent|served)\s+(?:[\w-]+\s+){0,3}(?:years?|decades?|career)\s+(?:at|with)|\bworked\s+for|\bformerly\s+(?:of|at|with)|"
    r"\b(?:arbeitete|arbeitet|tätig)\s+(?:[\w-]+\s+){0,3}(?:bei|für)|\bJahre\s+(?:lang\s+)?bei|"
    r"(?<![а-яё])(?:проработал|работал|трудил)\w*\s+(?:\S+\s+){0,3}в|"
    r"(?<![а-яё])бывш\w*\s+(?:\w+\s+)?(?:сотрудник|менеджер|директор|инженер|руководител|казначе)\w*(?:\s+компании)?)"
    r"\s+[«\"„“]?$", re.IGNORECASE))
#: "former" right before a name and a person's role right after it: "former Tengizchevroil treasurer", "former CPC engineer",
#: "ehemaliger Tengizchevroil-Finanzchef" (the role read by :data:`_ROLE_AFTER_FIRM`). (Not "ex-": its two letters are in
#: every "export", so no sentence's words would screen it out.)
_FORMER_RIGHT_BEFORE = _Screened(re.compile(r"(?:\bformer|\behemalig\w{0,2})\s*$", re.IGNORECASE))
_ROLE_AFTER_FIRM = re.compile(r"(?i)[\s-](?:[\w-]+\s+)?(?:treasurer|engineer|executive|employee|manager|director|chief|head|official|"
                              r"staffer|geologist|lawyer|analyst|trader|CFO|CEO|COO|CTO|boss|president|vice|"
                              r"\w*(?:mitarbeiter|manager|chef|direktor|ingenieur|vorstand|geologe))")


#: How many words before a name :func:`_career_words_before` reads: a career word is at most five words before the name
#: ("spent most of her career at", «проработала 11 лет в «...»», "arbeitete zehn Jahre bei").
_CAREER_WORDS_BACK = 5


def _career_words_before(m: Mention, words: list[Word], offsets: list[int]) -> bool:
    """One of the few words before the name holds a stem of :data:`_CAREER_WORDS` (by the words' stem bits, kept in their records)."""
    bit = _STEM_BIT[id(_CAREER_WORDS)]
    k = (bisect_left(offsets, m.start) + 1) // 2  # the name's first word (word j starts at offsets[2j])
    return any(_word_stem_bits(words[j]) & bit for j in range(max(0, k - _CAREER_WORDS_BACK), k))


def _career_named(m: Mention, text: str) -> bool:
    """The name is a person's past or present employer (:data:`_CAREER_BEFORE`, or "former" and a role around it)."""
    return _CAREER_BEFORE.search(text, max(0, m.start - 50), m.start) is not None or (
        _FORMER_RIGHT_BEFORE.search(text, max(0, m.start - 12), m.start) is not None
        and _ROLE_AFTER_FIRM.match(text, m.end, m.end + 30) is not None)


def _other_meanings_dropped(mentions: list[Mention], text: str, matcher: Matcher, venues: set[str] | None = None,
                            words: list[Word] | None = None, persons: set[str] | None = None) -> list[Mention]:
    """Names that the story gives another meaning: dropped before any linking (and a crossing's chain made the crossing).

    An abbreviation the story spells out as something else ("the Communist Party of China (CPC)", no asset's name before
    the bracket) or followed by a party's organs ("the CPC Central Committee"); a line's one-word name after a word of a
    town's part or a venue («микрорайон «Дружба»», "Hotel Druzhba"); a field's one-word name beside a venue's word ("im
    Theater Galkynysch", "the Galkynysh Hotel"), whose asset is then added to ``venues``. A field's name given a person and an
    abbreviation given a broadcaster add their alias to ``persons``. ``words``: the records of the text's words
    (:func:`_words_of`; made here if not given).
    """
    flagged = _flagged_aliases(matcher)
    # (and a line named by its dashed places, which a flight or a bus may share: «рейс Атырау — Самара»)
    looked = [m for m in mentions if m.alias in flagged or m.match == "chain" or "—" in m.text or "–" in m.text
              or m.text.endswith(_PLURAL_KIND_ENDS)]  # most need no look
    if not looked:
        return mentions
    if words is None:
        words = _words_of(split_words(text)[1::2], matcher)
    kinds = matcher.kinds
    drop: set[int] = set()
    other: set[str] = set()
    ends: list[list[tuple[int, str]]] = []  # the mentions' (end, id), sorted once a call when first asked (_ends_near)
    starts: list[int] = []  # the mentions' starts, sorted once an abbreviation is looked at (see _spelled_as_other)
    # a guide's or driver's word, a venue's word in the article: once an article (C-level substring scans), at the first field
    # that asks (most articles name no field)
    guides: bool | None = None
    field_venues: bool | None = None
    media: bool | None = None  # a broadcaster's or paper's word in the article (read at the first abbreviation)
    crypto: bool | None = None  # a crypto-currency's word in the article (read at the first abbreviation not in brackets)
    caps_lines: _CapsLines | None = None  # the text's lines, read at the first abbreviation before a capital
    coins: set[str] = set()  # abbreviations dropped as a crypto-currency's (as written)
    for m in looked:
        if kinds.get(m.id) in LINE_KINDS and m.text[:1].isupper() and ((
                (_TRIP_BEFORE.search(text, max(0, m.start - 30), m.start) or (
                    text[max(0, m.start - 3) : m.start].rstrip(" «\"„“")[-1:] in (",", "и", "d") and _TRIP_LIST_BEFORE.search(
                        text, max(0, m.start - 120), m.start)))
                and _VESSEL_NEAR.search(text, max(0, m.start - 80), min(len(text), m.end + 80)) is None) or (
                _TRAIN_BEFORE.search(text, max(0, m.start - 30), m.start)
                and _GOODS_TRAIN_NEAR.search(text, max(0, m.start - 80), min(len(text), m.end + 80)) is None)):
            # a flight's or a bus's route by the same places: «прямой рейс Атырау — Самара» (a tanker's «рейс» is its voyage);
            # a passenger train's («Поезд Атырау — Самара снова в расписании»; a train of tank cars runs on the rail leg)
            drop.add(id(m))
            continue
        if m.text.endswith(_PLURAL_KIND_ENDS) and m.alias.casefold().endswith(_SINGULAR_KIND_ENDS):
            drop.add(id(m))  # "the Georgian Black Sea terminals at Batumi, Kulevi and Supsa": several, not Kulevi's alias
            continue
        if m.match != "name":
            if m.match == "chain" and kinds.get(m.id) in LINE_KINDS and (_CROSSING_BEFORE.search(
                    text, max(0, m.start - 120), m.start) or _CROSSING_AFTER.match(text, m.end, m.end + 160)):
                _crossing_of_chain(m, matcher)
            continue
        alias = m.alias
        if alias.isupper() and len(alias) <= 6:  # _abbreviation, inline: read for every name
            if media is None:  # once an article, at its first abbreviation (C-level substring scans): most name no outlet
                media = _holds_held(words, _HELD_MEDIA)
            if _PARTY_AFTER.match(text, m.end, m.end + 40) or (media and _MEDIA_BEFORE.search(text, max(0, m.start - 30), m.start)):
                drop.add(id(m))  # "the CPC Central Committee", «телеканала КТК»
                if media and persons is not None and not _PARTY_AFTER.match(text, m.end, m.end + 40):
                    persons.add(alias)  # the broadcaster's name again in a sentence of no energy (see analyse)
            elif text[m.end : m.end + 1] != ")" and (crypto if crypto is not None else (crypto := _holds_held(
                    words, _HELD_CRYPTO))) and _CRYPTO_NEAR.search(text, max(0, m.start - 60), m.end + 60):
                # "trade BTC and other digital assets", «купить BTC на криптобирже»: a coin (batch 37; "Bitcoin (BTC)" is
                # spelled out below, for every "BTC" of the story)
                drop.add(id(m))
                coins.add(m.text)
            elif _FIRM_AFTER.match(text, m.end, m.end + 30):
                other.add(m.text)  # "TAP Air Portugal", "BTC Bank": a firm's name, and so every such abbreviation in the story
            elif text[m.end : m.end + 1] == ")" and text[m.start - 1 : m.start] == "(":
                st = m.start - 1
                # not when the asset's own name ends shortly before ("Tengizchevroil LLP (TCO)", "... Company N.V. (NCOC)")
                if (_LONG_FORM_BEFORE.search(text, max(0, st - 80), st) or _initials_before(alias, text, st)
                        or _glossed_term(text, st, m.end + 1)) and not _ends_near(m.id, st, mentions, ends):
                    other.add(m.text)
            if m.text not in other and text.startswith(_SPELL_OPENERS, m.end) and _spelled_as_other(m, text, mentions, starts):
                other.add(m.text)  # "CPC, the cost-per-click measure", "CPC (cost per click)"
            elif text[m.end : m.end + 1] == " " and text[m.end + 1 : m.end + 2].isupper() and _caps_line_of_no_energy(
                    m, text, caps_lines if caps_lines is not None else (caps_lines := _CapsLines(text, mentions))):
                drop.add(id(m))  # "TAP WATER PRICES RISE": in an ALL-CAPS headline an abbreviation may be a word in capitals
        elif kinds.get(m.id) in LINE_KINDS and _needs_energy(alias, kinds[m.id]) and (_VENUE_BEFORE.search(
                text, max(0, m.start - 30), m.start) or _VENUE_AFTER.match(text, m.end) or (_GLOSS_BEFORE.search(
                    text, max(0, m.start - 20), m.start) and not _LINE_AFTER.match(text, m.end, m.end + 20)) or _named_so(m, text)
                or _quoted_other(m, text) or _proverb(m, text) or _VENUE_NEXT_SENTENCE.match(text, m.end, m.end + 160)
                or _firm_after(text, m.end)):
            drop.add(id(m))
            if venues is not None:
                venues.add(m.id)  # the name's other meaning: its sentences with no energy word speak of that ("Die Druschba-Jugend")
        elif kinds.get(m.id) == "field" and (_SURNAME_AFTER.match(text, m.end, m.end + 30) or _INITIAL_AFTER.match(
                text, m.end, m.end + 5) or (
                (guides if guides is not None else (guides := _holds_held(words, _HELD_GUIDE)))
                and _GUIDE_BEFORE.search(text, max(0, m.start - 20), m.start)) or (
                text.startswith(",", m.end) and (_PERSON_APPOSITION.match(text, m.end, m.end + 60) or (
                    (guides if guides is not None else (guides := _holds_held(words, _HELD_GUIDE)))
                    and _OUR_GUIDE_FOR.match(text, m.end, m.end + 60)) or _addressed(m, text))) or (
                _named_person(m, text)) or _field_named_other(m, text)):
            drop.add(id(m))  # a person's first name ("said Tengiz Abenov", "coach Tengiz K.", "Unser Führer Tengis, ein ... Ölarbeiter,")
            if persons is not None:
                persons.add(alias)  # and the name again in a sentence of no energy (see analyse)
        elif kinds.get(m.id) == "field" and (field_venues if field_venues is not None else (
                field_venues := _holds_held(words, _HELD_FIELD_VENUE))) and (
                _FIELD_VENUE_BEFORE.search(text, max(0, m.start - 30), m.start) or _FIELD_VENUE_AFTER.match(text, m.end, m.end + 30)):
            drop.add(id(m))  # a venue named after the field ("im Theater Galkynysch", "the Galkynysh National Theater")
            if venues is not None:
                venues.add(m.id)
        elif kinds.get(m.id) == "border_crossing" and _NAMING_BEFORE.search(text, max(0, m.start - 20), m.start) \
                and not _CROSSING_WORD.search(text, max(0, m.start - 40), m.start):
            drop.add(id(m))  # "a volunteer group called Dostyk (Friendship)": something else named so, no crossing word before
    if coins:
        # "BTC slips below $88,000" over a story whose every other "BTC" is the coin by its words: a headline abbreviates
        # what its story tells, so the headline's is the coin too (batch 41); one kept as the asset in the story keeps it
        kept_in_story = {m.text for m in mentions if m.sentence > 0 and id(m) not in drop}
        # (the headline looked for once: a first sentence of many such names is not searched again for each)
        heads = [m for m in looked if m.sentence == 0 and m.text in coins and m.text not in kept_in_story and _abbreviation(m.alias)]
        if heads and _is_headline(text, heads[0].start):
            head_end = text.find("\n\n")
            drop.update(id(m) for m in heads if m.start < head_end)
    if not drop and not other:
        return mentions
    return [m for m in mentions if id(m) not in drop and not (m.text in other and _abbreviation(m.alias))]


#: A word of oil, gas, their carriers or their trade, in a case-folded ALL-CAPS line (:func:`_caps_line_of_no_energy`).
_CAPS_ENERGY = re.compile(_FUEL.pattern + "|" + _CARRIER.pattern + r"|export|import|flow|supply|supplies|nomination|lng|energy|"
                          r"exporte|liefer|energie|экспорт|импорт|постав|энерг|"
                          # a route's words: "AZERI LIGHT VOLUMES VIA BTC HIT RECORD"
                          r"\bvia\b|through|\büber\b|\bdurch\b|через|volume|tonn|объем|обьем|объём")
_CAPS_LINE_WORDS = 4


class _CapsLines(_Lines):
    """:class:`_Lines` and the mentions' starts, sorted: the mentions of a line are bisected too.

    (Without them one line of many abbreviations was read whole at each: quadratic.)
    """

    __slots__ = ("starts",)

    def __init__(self, text: str, mentions: list[Mention]) -> None:
        super().__init__(text)
        self.starts = sorted(o.start for o in mentions)


def _caps_line_of_no_energy(m: Mention, text: str, lines: _CapsLines) -> bool:
    """``m``'s line is an ALL-CAPS headline of four words or more that names no other asset and no oil, gas or their trade.

    Case tells an abbreviation from a word only in mixed case: in "TAP WATER PRICES IN TIRANA RISE" the capitals are the
    headline's, and the line must speak of energy for "TAP" to be the pipeline ("VIA BTC", "SAYS CPC EXPORT").
    ``lines``: the text's lines and the mentions' starts (``m`` one of them).
    """
    start, end = lines.bounds(m.start, m.end, len(text))
    got = lines.answers.get(start)
    if got is None:
        line = text[start:end]
        got = lines.answers[start] = not (line != line.upper() or len(line.split(None, _CAPS_LINE_WORDS)) < _CAPS_LINE_WORDS
                                         or _CAPS_ENERGY.search(line.casefold()) is not None)
    # (and no other mention starts in the line: m's is its only one)
    return got and bisect_left(lines.starts, end) - bisect_left(lines.starts, start) == 1


#: A word of a person and a naming verb right before a field's name: "The hero is named Tengiz", "Der Held heisst Tengis",
#: «Его зовут Тенгиз», «мальчик по имени Тенгиз» (not "Das größte Feld heißt Tengis": no person's word).
_PERSON_NAMED_BEFORE = _Screened(re.compile(r"(?:\b(?:hero|heroine|protagonist|character|narrator|boy|girl|man|woman|son|daughter|father|"
                                             r"mother|brother|sister|husband|wife)\s+(?:is\s+|was\s+)?(?:named|called)|\b(?:his|her)\s+name\s+"
                                             r"(?:is|was)|\b(?:Held|Heldin|Hauptfigur|Protagonist\w*|Erzähler\w*|Junge|Mädchen|Sohn|Tochter|Vater|"
                                             r"Mutter|Bruder|Schwester|Mann|Frau)\s+(?:heißt|heisst|hieß|hiess|namens)|(?<![а-яё])(?:зовут|звали|"
                                             r"по имени))\s+$", re.IGNORECASE))
#: What may stand right before a name that is addressed: a line's or sentence's start, a dash or quote of speech, a colon.
_ADDRESS_OPENERS = frozenset("\n.!?:-–—«\"„“")
#: A second person's pronoun right after the comma after a name ("Tengiz, you ...", "Tengis, Sie haben ...", «Тенгиз, ваш
#: новый проект ...»), with no field word in the words after it ("Tengiz, your biggest field, ..." is the field).
_ADDRESS_AFTER = re.compile(r",\s+(?:you|your|Sie|Ihr|Ihre\w?|du|dein\w*|[Вв]ы|[Вв]аш\w*|[Вв]ас|[Вв]ам|ты|тво\w+|тебе|тебя)\b"
                            r"(?![^.!?\n]{0,40}?(?:field|[Ff]eld|месторожд))")


#: A verb of giving a name or a nickname right before a field's one-word name: "a photographer named Tengiz", "einen alten
#: Fotografen namens Tengis", «сторож по прозвищу Тенгиз», «по кличке»: a person's or a thing's name (with no field's word
#: shortly before: "the field named Tengiz" is the field).
_FIELD_NAMED_BEFORE = _Screened(re.compile(r"(?:\b(?:named|called|dubbed|nicknamed|namens|genannt)|(?<![а-яё])(?:по прозвищу|по кличке|"
                                           r"по имени|прозвищем|кличкой))\s*[«\"„“']?$", re.IGNORECASE))
_FIELD_WORD_BEFORE = re.compile(r"(?i)field|feld|месторожд|deposit|vorkommen|lagerst|reservoir|project|projekt|проект")


def _field_named_other(m: Mention, text: str) -> bool:
    """A naming verb right before a field's name (:data:`_FIELD_NAMED_BEFORE`), no field's word in the 50 characters before."""
    return _FIELD_NAMED_BEFORE.search(text, max(0, m.start - 30), m.start) is not None and _FIELD_WORD_BEFORE.search(
        text, max(0, m.start - 50), m.start) is None


def _named_person(m: Mention, text: str) -> bool:
    """A person's word and a naming verb right before a field's name (:data:`_PERSON_NAMED_BEFORE`).

    Behind its screen: a case-blind search of 40 positions cost some 20,000 instructions a name.
    """
    return _PERSON_NAMED_BEFORE.search(text, max(0, m.start - 40), m.start) is not None


def _addressed(m: Mention, text: str) -> bool:
    """A field's name opening a sentence, a line or a quote, addressed with "you": an interviewer speaks to a person."""
    before = text[max(0, m.start - 3) : m.start].rstrip(" \u00a0")
    return (m.start == 0 or (before != "" and before[-1] in _ADDRESS_OPENERS)) and _ADDRESS_AFTER.match(text, m.end, m.end + 60) is not None


def _quoted_other(m: Mention, text: str) -> bool:
    """A line's one-word name opening a quoted name of more words with no line, energy or branch word («Дружба-Агро»)."""
    if text[m.start - 1 : m.start] not in _OPEN_QUOTES:
        return False
    q = _QUOTED_LINE_GOES_ON.match(text, m.end, m.end + 40)
    return q is not None and _QUOTED_LINE_KEEPS.search(q.group()) is None


#: The next sentence says what the name is, a venue: «... что за «Дружба» мелькала в сторис. Это кафе в Алматы», "Where is
#: Druzhba? It is a cinema in Almaty", "Druschba? Das ist ein Café am Markt" (the rest of the name's sentence, at most 80
#: characters, then a demonstrative and a venue's word, one adjective allowed; "Это главный маршрут" keeps the line; no
#: short venue word, "bar", «бар», whose letters "barrel" and «баррель» hold: its words are the stems of its screen).
_VENUE_NEXT_SENTENCE = _Screened(re.compile(
    r"[»\"“”]?[^.!?\n]{0,80}[.!?]\s+(?:This|That|It|Das|Es|Dies|Это|То|Она|Он)(?:\s+(?:is|was|ist|war|был[оа]?)|['’]s)?\s+"
    r"(?:(?:an?|the|ein|eine|einen)\s+)?(?:[^\W\d_]+\s+)?(?:café|cafe|coffee shop|restaurant|hotel|cinema|shop|store|"
    r"bakery|club|kino|kneipe|laden|bäckerei|кафе|кофейн|ресторан|гостиниц|отел|кинотеатр|клуб|магазин|столов|пекарн)",
    re.IGNORECASE))


def _proverb(m: Mention, text: str) -> bool:
    """A line's one-word name followed by its own word in lower case, another case form: «Дружба дружбой, а счета врозь»."""
    nxt = _REPEATED_AFTER.match(text, m.end, m.end + 30)
    if nxt is None:
        return False
    word = nxt.group(1)
    return word.islower() and word != m.text.lower() and len(word) >= 4 and word[:4] == m.text[:4].lower()


#: A vessel word (and "named", «под названием») right before a name, with an opening quote or none: the ship's name
#: ("a product tanker named Samara", "der Tanker „Tengis“", «танкер «Атырау»»), not the place or field it is named after.
#: ("ship" is left out: "to ship Tengiz crude" is the verb.)
_SHIP_BEFORE = re.compile(r"(?<![\w-])(?:tankers?|vessels?|freighter|carrier|barge|Tankers?|Tankern|Schiff|Frachter|"
                          # a reefer or a bulker is a ship too ("the reefer AKTAU STAR"; batch 35)
                          r"reefers?|bulkers?|Reefers?|Bulkers?|Kühlschiff|"
                          r"[Тт]анкер(?:а|у|ом|е|ы|ов)?|[Сс]удн(?:о|а|у|ом|е)|[Сс]уд(?:а|ов)|[Тт]еплоход(?:а|у|ом|е)?|"
                          r"[Сс]ухогруз(?:а|у|ом|е)?|"
                          # a tanker class: plural, or after an article ("the Aframaxes Unecha and ...", "the Suezmax Ust-Luga
                          # Star"); bare "Aframax CPC Blend" is a grade's market
                          r"(?:Aframax|Suezmax|VLCC)(?:e?s)|(?:\b(?:the|an?)\s+)(?:Aframax|Suezmax|VLCC))"
                          r"(?:\s+(?:named|called|namens|под названием|с названием))?\s*[«\"„“']?$")
#: The words that can stand right before such a name (the screen of :func:`_find`, a set look-up of the word before).
_SHIP_WORDS = frozenset((*(w for v in ("tanker", "vessel", "freighter", "carrier", "barge", "reefer", "bulker") for w in (v, v.capitalize())),
                         "reefers", "bulkers", "Reefers", "Bulkers", "Kühlschiff",
                         "tankers", "vessels", "Tankers", "Tankern", "Aframax", "Aframaxes", "Aframaxs", "Suezmax", "Suezmaxes",
                         "Suezmaxs", "VLCC", "VLCCs", "VLCCes", "суда", "судов", "Суда",
                         "Schiff", "Frachter", "named", "called", "namens", "названием",
                         *(w for stem in ("танкер", "теплоход", "сухогруз") for e in ("", "а", "у", "ом", "е")
                           for w in (stem + e, stem.capitalize() + e)), "танкеры", "танкеров", "Танкеры",
                         *(w for e in ("о", "а", "у", "ом", "е") for w in ("судн" + e, "Судн" + e))))
#: A dash and a capital after the name, or a dash in it: a route named by its ends ("tanker Aktau–Baku"), no ship.
_DASHES = frozenset("-–—")
_QUOTE_OPEN = frozenset(("", "«", '"', "„", "“"))
_QUOTE_CLOSE = frozenset(("", "»", '"', "“", "”"))
#: The gap between two names of a list of ships («танкеры «Приморск», «Тихорецк»», "tankers Samara, Unecha").
_SHIP_LIST_GAP = re.compile(r"[»\"”“]?\s*,\s*[«\"„“]?")
_ROUTE_DASH_AFTER = re.compile(r"[»\"“”']?\s*[-–—]\s*[A-ZÄÖÜА-ЯЁ]")


def _in_a_span(spans: list[tuple[int, int]], pos: int) -> bool:
    """``pos`` lies in one of ``spans`` (sorted and disjoint, as the ships' names found left to right).

    One bisect: only the last span starting at or before ``pos`` is read (a scan of every ship's name for each chain
    was quadratic: 2 MB of "der Tanker namens Aktau und die Gas-Leitung Kasachstan–China, " took 4.2 s).
    """
    j = bisect_right(spans, (pos, 1 << 62)) - 1  # past every span starting at pos (no end is that large)
    return j >= 0 and spans[j][1] > pos


def _ends_near(ident: str, st: int, mentions: list[Mention], memo: list[list[tuple[int, str]]]) -> bool:
    """A mention of asset ``ident`` ends in [st - 30, st]: bisected in the mentions' (end, id), sorted once into ``memo``.

    (A scan of all mentions for each "(ABBR)" after a long form was quadratic: 2 MB of "Tengizchevroil LLP (TCO) oil and "
    took 14 s.)
    """
    if not memo:
        memo.append(sorted([(x.end, x.id) for x in mentions]))
    ends = memo[0]
    i = bisect_left(ends, (st - 30, ""))
    while i < len(ends) and ends[i][0] <= st:
        if ends[i][1] == ident:
            return True
        i += 1
    return False


def _ship_name(text: str, start: int, end: int, alias: str = "") -> bool:
    """The name at ``start:end`` names a ship: a vessel word right before it (ships are named after towns, fields, lines).

    A dash inside the name makes it a route ("tanker Aktau–Baku") unless ``alias``, the place's own name, has one ("the
    Suezmax Ust-Luga Star"; a route's name is passed as "").
    """
    return (_SHIP_BEFORE.search(text, max(0, start - 40), start) is not None and _ROUTE_DASH_AFTER.match(text, end) is None
            and (_DASHES.isdisjoint(text[start:end]) or not _DASHES.isdisjoint(alias)))


def _abbreviation(alias: str) -> bool:
    """An abbreviation inside a claim is the asset's (a claim speaks of routes and reliance: «без КТК», not Bitcoin)."""
    return alias.isupper() and len(alias) <= 6


def _needs_energy(alias: str, kind: str) -> bool:
    """An abbreviation or a line's one-word name names the asset only in energy talk or beside a word for a line.

    "BTC" is also Bitcoin; "Druzhba" is also "friendship", a hotel, a station.
    """
    return _abbreviation(alias) or (kind in LINE_KINDS and not any(c in alias for c in " -–—"))


def _bare_chain(m: Mention, kind: str) -> bool:
    """A place chain ("Dostyk - Alashankou") names a line only in energy talk or beside a word for a line.

    The same places also name a rail crossing, a road, a flight.
    """
    return m.match == "chain" and kind in LINE_KINDS


#: The key, in an article's memo, of the sentences that name two assets or more by abbreviations (a story of no energy cue).
_ABBR_PAIRS = "abbreviation pairs"


def _own_name(m: Mention, kind: str, energy_doc: bool, text: str, sentences: list[tuple[int, int]], memo: dict[Any, Any]) -> bool:
    if m.match not in ("name", "chain", "fuzzy") or kind not in _OWN_NAME_KINDS:
        return False
    if energy_doc or not (_needs_energy(m.alias, kind) or _bare_chain(m, kind)):
        return True
    # a line word, or words of loading oil ("die Verladungen des CPC", «отгрузка через КТК»): the line, not a TV channel;
    # or the story calls it a consortium somewhere («... с руководством КТК. Консорциум профинансирует ...»)
    return (_said(_LINE_WORD, m.sentence, text, sentences, memo) or _said(_OWN_BUSINESS["terminal"], m.sentence, text, sentences, memo)
            or (_abbreviation(m.alias) and (_consortium_named(text, memo) or m.sentence in memo.get(_ABBR_PAIRS, ()))))


def _consortium_named(text: str, memo: dict[Any, Any]) -> bool:
    """The article calls something a consortium anywhere: searched once an article (once a mention was quadratic)."""
    got = memo.get(_CONSORTIUM)
    if got is None:
        got = memo[_CONSORTIUM] = _CONSORTIUM.search(text) is not None
    return bool(got)


#: A sentence that goes on with the line named in the sentence before by a pronoun and a verb of its course: "Sie verläuft
#: von Atyrau über Kenkijak bis nach Alaschankou", "It runs from ...", «Он проходит через ...» (its stations, no energy word);
#: or of where it starts or ends, planned too: "Sie soll bei Turkmenbaschi beginnen und in Aserbaidschan anlanden", "It
#: would start at Turkmenbashi", "Sie endet in Schwedt", «Она должна начинаться у Туркменбаши».
_LINE_GOES_ON = re.compile(r"\s*(?:Sie|Er|It|Она|Он)\s+(?:verläuft|verlaufen|führt|reicht|runs|passes|stretches|extends|goes|"
                           r"проходит|идет|идёт|тянется|пролегает|"
                           r"beginnt|startet|endet|begins|starts|ends|начинается|начнётся|начнется|заканчивается|закончится|"
                           r"(?:soll|sollte|würde|wird|könnte)\s+(?:bei|in|an|am|von|vor|nahe)\s[^.!?;]{0,40}?\b(?:beginnen|starten|"
                           r"enden|anlanden)|(?:would|will|could|should|is to|is due to)\s+(?:start|begin|end|land|come ashore)|"
                           r"(?:должна|должен|будет)\s+(?:начинаться|заканчиваться|выходить))\b")
#: ... or a plan to start or bring the pipe somewhere, the pipe named by its word or a pronoun (searched in the sentence's
#: first characters): «Туркменская сторона предлагает начать трубу у Туркменбаши и вывести её к Баку», "Ashgabat wants
#: to start the pipe at Turkmenbashi". (Its verbs are its screen's stems: no short one, "run" or "lay", that most windows
#: hold in other words, "country", "delay".)
_PIPE_ENDS_PLANNED = _Screened(re.compile(r"(?:\b(?:start|begin|bring)\s+(?:the\s+)?(?:pipe|pipeline|line|it)\s+"
                                          r"(?:at|from|to|near|ashore)|(?<![а-яё])(?:начать|начинать|вывести|выводить|довести|"
                                          r"дотянуть|протянуть|проложить)\s+(?:трубу|трубопровод|газопровод|нефтепровод|её|ее|его)"
                                          r"\s+(?:у|от|к|до|в|из))\b", re.IGNORECASE))


#: ... or with the pronoun after its verb, a start or a place put first (German word order; English and Russian with a
#: phrase put first): "Vom Knotenpunkt Beineu am Kaspischen Meer führt sie über den Speicher Bosoi bis nach Schymkent", "Ab
#: Atyrau verläuft sie ...", "From Beineu, it runs via Bozoi to Shymkent", «От Бейнеу он идёт через Бозой» (searched in
#: the sentence's first characters). (Matched at a sentence's start, once a sentence: a plain match fails at the first
#: letter for nearly every sentence, which costs less than screening the window for its stems.)
_LINE_GOES_ON_FRONTED = re.compile(r"\s*(?:Vo[nm]|Ab|From|От)\s[^.!?;:]{1,60}?(?:\s(?:verläuft|führt|reicht)\s+(?:sie|er)|"
                                   r",?\sit\s+(?:runs|passes|stretches|extends|goes)|"
                                   r"\s(?:он|она)\s+(?:проходит|идет|идёт|тянется|пролегает))\b")
#: A line's word in the sentence before a pronoun that goes on with it ("Die 1450 Kilometer lange Leitung verbindet ...
#: Vom Knotenpunkt Beineu führt sie ...", "The pipeline was built in 2013. It runs ..."): no management's "Leitung".
_LINE_BEFORE = re.compile(_PIPE_WORD + r"|\bline\b|" + _LEITUNG_WORD + r"|трубопровод|нефтепровод|газопровод")


def _takes_line_up(text: str, s: int, e: int, planned: bool = True) -> bool:
    """The sentence ``text[s:e]`` opens by going on with a line: its course, start or end by a pronoun, or a plan for them.

    ``planned``: a plan is read too (:data:`_PIPE_ENDS_PLANNED`); after a line's bare word only the pronoun's forms are.
    """
    return (_LINE_GOES_ON.match(text, s, e) is not None or _LINE_GOES_ON_FRONTED.match(text, s, min(e, s + 120)) is not None
            or (planned and _PIPE_ENDS_PLANNED.search(text, s, min(e, s + 200)) is not None))


def _line_goes_on(mentions: list[Mention], own_names: set[int], kinds: dict[str, str], text: str,
                  sentences: list[tuple[int, int]], memo: dict[Any, Any]) -> set[int]:
    """The sentences right after a sentence naming a line that take the line up (:func:`_takes_line_up`).

    The line is named by its own name in the sentence before, or by a line's word there in a story that names a line by its
    own name elsewhere ("... die Beineu-Bosoi-Schymkent-Pipeline (BBS) ... Die 1450 Kilometer lange Leitung verbindet ...
    Vom Knotenpunkt Beineu führt sie ...", batch 39).
    """
    out: set[int] = set()
    asked: set[int] = set()  # the next sentences read (once each: a sentence of many lines' names asks once)
    n = len(mentions)
    line_named = False
    for k, m in enumerate(mentions):
        if m.sentence not in own_names or kinds.get(m.id) not in LINE_KINDS:
            continue
        line_named = True
        nxt = m.sentence + 1
        if nxt < len(sentences) and nxt not in asked:
            asked.add(nxt)
            # (only a sentence that holds a facility's name is read: _cue_less asks own_names of no other, so the answer is
            # the same; the mentions come in text order, and the scan stops past the next sentence)
            j = k + 1
            while j < n and mentions[j].sentence <= nxt and not (mentions[j].sentence == nxt and kinds.get(mentions[j].id) in _OWN_BUSINESS):
                j += 1
            if j == n or mentions[j].sentence != nxt:
                continue
            if _takes_line_up(text, *sentences[nxt]):
                out.add(nxt)
    if line_named:
        # a facility's sentence that takes a line up by a pronoun after a line's word: read once each (the sentence before
        # screened by _LINE_WORD's stem bits first, whose matches hold every match of _LINE_BEFORE; then the sentence's
        # opening, matched at its start)
        for m in mentions:
            sent = m.sentence
            if sent in asked or sent == 0 or sent in own_names or kinds.get(m.id) not in _OWN_BUSINESS:
                continue
            asked.add(sent)
            if _said(_LINE_WORD, sent - 1, text, sentences, memo) and _takes_line_up(text, *sentences[sent], planned=False) \
                    and _said(_LINE_BEFORE, sent - 1, text, sentences, memo):
                out.add(sent)
    return out


def _own_name_sentences(mentions: list[Mention], kinds: dict[str, str], energy_doc: bool, text: str,
                        sentences: list[tuple[int, int]], memo: dict[Any, Any]) -> set[int]:
    """Sentences that name an asset by a name of its own (a line, a field), as :func:`_cue_less` reads it.

    Not a field's name that is a person's, a club's or a lake's here ("coach Tengiz Chkonia ... a camp in Batumi"): it makes
    no sentence one of oil for the towns in it.
    """
    return {m.sentence for m in mentions if _own_name(m, kind := kinds.get(m.id, ""), energy_doc, text, sentences, memo)
            and not (kind == "field" and _someone_elses(m, text))}


def _rail_said(sent: int, text: str, sentences: list[tuple[int, int]], memo: dict[Any, Any]) -> bool:
    """The sentence names rail (:data:`_RAIL`), searched once a sentence: kept in the article's ``memo``.

    Asked once per port named by its town in a sentence of other goods; searched each time, one long sentence of such
    names was quadratic (2 MB of "The cargo travels by rail in tank cars from Baku to Kulevi, " as one sentence: 99 CPU s).
    """
    key = ("rail said", sent)
    got = memo.get(key)
    if got is None:
        got = memo[key] = _RAIL.search(text, *sentences[sent]) is not None
    return bool(got)


def _field_spoken_of_after(m: Mention, text: str, sentences: list[tuple[int, int]], memo: dict[Any, Any]) -> bool:
    """The rest of the mention's sentence speaks of a field ("..., said the field ..."), as a search from its end says.

    The start of the sentence's last match is kept in ``memo``, so a sentence of many field names each followed by a
    speaking verb is read once, not once per name (that was quadratic in the sentence's length). A match right at the
    mention's end is tried as the search from there tries it (the engine reads no character before its start position).
    """
    lo, hi = sentences[m.sentence]
    key = ("field spoken of", m.sentence)
    last = memo.get(key)
    if last is None:
        last = -1
        for found in _FIELD_SPOKEN_OF.finditer(text, lo, hi):
            last = found.start()
        memo[key] = last
    return last > m.end or _FIELD_SPOKEN_OF.match(text, m.end, hi) is not None


def _someone_elses(m: Mention, text: str) -> bool:
    """A field's one-word name that is a person's, a venue's or a lake's here ("Tengiz Chkonia", "coach Tengiz", "Lake Tengiz")."""
    return (_NOT_A_FIELD_AFTER.match(text, m.end, m.end + 30) is not None
            or _NOT_A_FIELD_BEFORE.search(text, max(0, m.start - 25), m.start) is not None)


def _cue_less(m: Mention, kinds: dict[str, str], text: str, sentences: list[tuple[int, int]], own_names: set[int],
              energy_doc: bool, cargo: bool, memo: dict[Any, Any]) -> bool:
    """A mention linked though its sentence has no energy cue (issue 11: every mention of an asset is found).

    A line's or field's own name counts anywhere ("Tengizchevroil said output at Tengiz would return to normal"); an
    abbreviation only in a story that speaks of energy somewhere ("BTC" in a crypto story is Bitcoin). A name that is also
    a town's counts with its kind word next to it, with words of the facility's business in its sentence, or beside an
    asset's own name ("Unecha is where the BPS-2 line branches off"); not as a region ("Atyrau und Mangistau lagen vorn").
    A port or a crossing is the facility whatever it handles: ``cargo`` (the sentence names other goods, "Grain exports
    through Aktau rose", «контейнерные поезда через Достык») is its business too, passengers aside; a terminal named
    by its town is read as a port after a port word ("über den Hafen Noworossijsk").
    """
    kind = kinds.get(m.id)
    if cargo and _said(_PASSENGERS, m.sentence, text, sentences, memo):
        return False  # passengers ("passenger" is a word of other goods): the town's harbour, not a facility
    if kind == "terminal" and m.match != "chain" and _port_before(text[max(0, m.start - 40) : m.start]):
        kind = "port"  # a terminal named by its town after a port word («порт Новороссийск») is read as the port
    if cargo and kind not in _CARGO_KINDS:
        return False  # other goods: no line, field or junction is meant (a port, a terminal's port or a crossing handles them)
    if kind in _OWN_NAME_KINDS:
        if kind == "field" and ((_SPEAKS_AFTER.match(text, m.end, m.end + 30) and not _field_spoken_of_after(
                m, text, sentences, memo)) or _someone_elses(m, text)):
            return False
        return _own_name(m, kind, energy_doc, text, sentences, memo)
    business = _OWN_BUSINESS.get(kind or "")
    # (a port named by its town, "Baku" for the Port of Baku, is the port with other goods: "containers to Baku"; not with
    # rail, where the town is where the trains start: "Chemicals travel in tank cars from Baku to Batumi")
    if business is None or (m.match not in ("name", "fuzzy") and not (
            cargo and kind == "port" and m.match == "context" and not _rail_said(m.sentence, text, sentences, memo))):
        return False
    e = sentences[m.sentence][1]
    if _said(_EDIBLE_OIL, m.sentence, text, sentences, memo):
        return False  # "a tanker carrying vegetable oil ran aground near the port of Aktau"
    if " " in m.alias and not (kind in _VILLAGE_KINDS and _village_alias(m.alias)):
        return True  # a name of the facility itself ("Port of Aktau", "CPC terminal", «Атырауская НПС»)
    # (a terminal named by its village's name of several words, «Южная Озереевка», needs the terminal's business as a
    # one-word town's name does: rents and beaches there are the village's)
    if energy_doc and m.match == "name" and _abbreviation(m.alias):
        return True  # its abbreviation in a story of energy, no town's name: "stünde die PCK deutlich schlechter da"
    if energy_doc and kind == "junction" and _JUNCTION_BEFORE.search(text, max(0, m.start - 60), m.start) is not None:
        return True  # named as a junction, in a story of energy: «через узлы Самара и Унеча», "am Knoten Beineu" (batch 42)
    if _REGION_NEXT.match(text, m.end, min(e, m.end + 40)):
        return False
    sent = m.sentence
    if kind == "border_crossing" and _said(_SHOPPING, sent, text, sentences, memo) and not (
            _kind_next(m, text, kinds) or _CROSSING_BEFORE.search(text, max(0, m.start - 40), m.start)):
        return False  # shoppers in the town's duty-free zone, no crossing named as such
    # "Cargo turnover of Russia's sea ports fell. Ust-Luga grew, Novorossiysk fell": the list after the ports' own sentence
    return (sent in own_names or (cargo and kind in _CARGO_KINDS) or _said(business, sent, text, sentences, memo) or (
        kind in _PRICED_KINDS and _graded_price(sent, text, sentences, memo)) or (
        kind in _CARGO_KINDS and sent > 0 and _said(_PORTS, sent - 1, text, sentences, memo)
        and _said(_CARGO, sent - 1, text, sentences, memo))) and not _said(_PASSENGERS, sent, text, sentences, memo)


#: A junction's word right before its name, or before a list of names this one ends: «через узел Самара», «через узлы Самара
#: и Унеча», "the junctions of Samara and Unecha", „über die Knoten Samara und Unetscha“, "Knotenpunkt Beineu" name each a
#: junction of the lines (batch 42); not a railway's or a road's hub («железнодорожный узел Самара», "the rail junction
#: Samara", „Eisenbahnknoten“, „Verkehrsknoten“: a compound's "knoten" is no word of its own).
_JUNCTION_BEFORE = _Screened(re.compile(
    r"(?:(?<!rail )(?<!railway )(?<!road )(?<!transport )\bjunctions?(?:\s+of)?|(?<![^\W\d_])knoten(?:punkte?)?|"
    r"(?<![а-яё])(?<!железнодорожный )(?<!транспортный )(?<!логистический )(?<!дорожный )узел|"
    r"(?<![а-яё])(?<!железнодорожный )(?<!транспортный )(?<!логистический )(?<!дорожный )узл(?:ы|ов|ам|ами|ах|а|у|ом|е))"
    r"(?:\s+[«\"„“]?[\w-]+[»\"“”]?(?:\s*,|\s+(?:and|und|и|sowie)))*\s+[«\"„“]?$", re.IGNORECASE))
#: Words by which the next sentence refers back to an asset of a kind ("Dostyk ... The crossing handles crude").
_KIND_WORDS = {
    "port": r"\b(?:port|hafen|порт)", "terminal": r"\b(?:terminal|терминал)", "refinery": r"\b(?:refinery|raffinerie|нпз|завод)",
    "border_crossing": r"\b(?:crossing|border|grenzübergang|grenze|переход|границ)",
    "field": r"\b(?:field|feld|месторожд)", "junction": r"\b(?:station|junction|knoten|станци|узел)",
    "pipeline": r"\b(?:pipeline|leitung|трубопровод|нефтепровод|газопровод)",
}
#: The kind word refers back only when it is definite: after "the", "this", «этот», "der" (one word may stand between,
#: "the border crossing"), or opening the sentence («Терминал расположен ...»); "a pumping station" is another one.
_DEFINITE_BEFORE = re.compile(r"\b(?:the|this|that|its|der|die|das|dem|den|des|diese[rmns]?|этот|эта|это|этого|этому|этом|этим|эту|"
                              r"данн\w*)\s+(?:\w+\s+)?$")
_KIND_RE = {k: re.compile(v) for k, v in _KIND_WORDS.items()}
_KIND_NUMBER = {k: i for i, k in enumerate(_KIND_WORDS)}  # a kind in a memo key of ints (_settle)
_PLURAL_AFTER = re.compile(r"e?s\b")  # used with match(low, pos): the kind word ends in a plural "s" ("terminals", "crossings")
#: Right after a port's kind word (case-folded; used with match(low, pos)): a town's word, "port city", "port towns",
#: „Hafenstadt“, «портовый город»: the word describes the town (as _TOWN_BEFORE's "Hafenstadt Aktau"), not its port.
_TOWN_AFTER_KIND = re.compile(r"\s+(?:city|cities|town|towns)\b|stadt|ов(?:ый|ого|ом|ому|ым)\s+город")


def _kind_next(m: Mention, text: str, kinds: dict[str, str]) -> bool:
    """The asset's kind word within the three words after its name ("Tikhoretsk oil pumping station", "Aktau port")."""
    kind_re = _KIND_RE.get(kinds.get(m.id, ""))
    return kind_re is not None and kind_re.search(" ".join(text[m.end : m.end + 40].lower().split()[:3])) is not None


#: A row of a list or a table: an optional bullet or bar, a label of a few words, then a spaced dash, a colon or a bar and a
#: figure ("- Курык — 0,9", "Azeri Light via Supsa: 60", "| Batumi | 2,4 |").
_ROW = re.compile(r"[ \t]*(?:[-–—•*|][ \t]*)?[^\n:|–—]{1,60}?(?:[ \t][-–—][ \t]|:[ \t]|[ \t]*\|[ \t]*)\d")


def _row_under_heading(m: Mention, text: str, sentences: list[tuple[int, int]], speaks: Callable[[int], bool],
                       heads: dict[int, int]) -> bool:
    """A name in a row of a list or a table whose heading speaks of oil or gas moved or produced.

    "Показатели портов Каспия (нефть и нефтепродукты, млн т)" over "- Курык — 0,9", "Table: Black Sea crude exports by
    grade (kb/d)" over "Azeri Light via Supsa: 60": the row is the heading's figure for the name, a verbless sentence of
    the heading's business. The rows run on line by line from the heading (a blank line ends them); each row is a line.
    ``heads``: by row sentence, its heading's sentence or -1 (one memo an article: 300,000 rows walk back once, not each).
    """
    sent = m.sentence
    h, rows = sent, []
    while True:
        if h in heads:
            h = heads[h]
            break
        s, e = sentences[h]
        i = s
        while i > 0 and text[i - 1] in " \t":
            i -= 1
        if (i > 0 and text[i - 1] != "\n") or "\n" in text[s:e]:
            h = -1  # a row is a line of its own
            break
        if h < sent and _ROW.match(text, s, e) is None:
            break  # the heading: the first line over the rows that is no row
        if h == sent and _ROW.match(text, s, e) is None:
            h = -1
            break
        rows.append(h)
        if h == 0 or "\n\n" in text[sentences[h - 1][1] : s]:
            h = -1  # the rows' block starts a paragraph: no heading over it
            break
        h -= 1
    for r in rows:
        heads[r] = h
    return h >= 0 and speaks(h)


def _referred_back(m: Mention, sentences: list[tuple[int, int]], energy: list[bool], text: str, lang: str, matcher: Matcher) -> bool:
    """A name in a sentence without energy words counts when the next sentence takes it up by its kind and speaks of energy."""
    nxt = m.sentence + 1
    kind_re = _KIND_RE.get(matcher.kinds.get(m.id, ""))
    if nxt >= len(sentences) or not energy[nxt] or kind_re is None:
        return False
    s, e = sentences[nxt]
    low = text[s : min(e, s + 200)].casefold()
    for k in kind_re.finditer(low):
        if _PLURAL_AFTER.match(low, k.end()):
            continue  # "the Baltic terminals", "the ports": several places, not the one named before
        if _TOWN_AFTER_KIND.match(low, k.end()):
            continue  # "the Caspian port city", "die Hafenstadt", «портовый город»: the town taken up, not the port (batch 40)
        before = low[: k.start()]
        if not before.strip() or _DEFINITE_BEFORE.search(before[-30:]):
            return True
    return False


#: The words of "via" as they end the few characters before a name ("via ", "über ", «через »): the cheap screen of
#: :func:`_way_named` (most names have none).
_VIA_WORDS = ("via ", "ough ", "über ", "durch ", "через ")
#: A route named by the way it goes: a route word, or a direction adjective standing for one, right before "via" and the
#: name ("the export route via Samara", "the northern one via Samara", "der nördliche über Samara", «северный через
#: Самару», «маршрут через Актау»), an opening quote allowed.
_ROUTE_VIA_BEFORE = re.compile(r"(?:\b(?:routes?|one|way|northern|southern|eastern|western|Route|Routen|Weg|Wege|nördlich\w+|"
                               r"südlich\w+|östlich\w+|westlich\w+)|(?<![а-яё])(?:маршрут\w*|пут[ьи]|направлени\w*|северн\w+|"
                               r"южн\w+|восточн\w+|западн\w+))\s+(?:via|through|über|durch|через)\s+[«\"„“]?$", re.IGNORECASE)
#: A dash standing for the verb of the sentence before, then "via" and the name: «Ещё немного — через «Шесхарис»», "The
#: rest — via Aktau", "Ein kleiner Rest – über Aktau".
_DASH_VIA_BEFORE = re.compile(r"(?:\s[-–—]|[–—])\s*(?:via|through|über|durch|через)\s+[«\"„“]?$", re.IGNORECASE)


#: Words of people travelling for leisure (searched case-folded): a way of theirs is no route of oil ("the northern route via
#: Samara is popular with cyclists", "bei Radfahrern beliebt", «велосипедистов»).
_LEISURE = re.compile(r"cycl|bike|biking|hiker|hiking|radfahr|fahrrad|wander|велосипед|пешеход|поход")


def _way_named(m: Mention, text: str, cue_sets: list[frozenset[str]], speaks: Callable[[int], bool],
               sentences: list[tuple[int, int]], memo: dict[Any, Any]) -> bool:
    """A name after "via" in a verbless way of oil (the caller asks for a story of oil or gas): a route named by it.

    A route word or a direction standing for one before "via" (:data:`_ROUTE_VIA_BEFORE`: «Все остальные — китайский,
    каспийский, северный через Самару — это подушки безопасности»), or a dash standing for the verb of the sentence before,
    which speaks of oil moving (:data:`_DASH_VIA_BEFORE`: «... отгружаются в Усть-Луге. Ещё немного — через «Шесхарис»»).
    Not in a sentence of other goods, passengers or leisure ("the northern route via Samara is popular with tourists").
    """
    before = text[max(0, m.start - 8) : m.start]
    if not any(w in before for w in _VIA_WORDS) or "goods" in cue_sets[m.sentence]:
        return False
    return (_ROUTE_VIA_BEFORE.search(text, max(0, m.start - 40), m.start) is not None or (
        m.sentence > 0 and _DASH_VIA_BEFORE.search(text, max(0, m.start - 16), m.start) is not None and speaks(m.sentence - 1))) and not (
        _said(_PASSENGERS, m.sentence, text, sentences, memo) or _said(_LEISURE, m.sentence, text, sentences, memo))


def _mention_dict(m: Mention, matcher: Matcher) -> dict[str, Any]:
    return {"start": m.start, "end": m.end, "text": m.text, "id": m.id, "alias": m.alias, "match": m.match,
            "sentence": m.sentence, "linked": m.linked, "claim": m.claim, "name": matcher.display.get(m.id, m.id)}


def _assets(mentions: list[Mention], claim_type: str, matcher: Matcher) -> list[dict[str, str]]:
    """The assets of one claim; they depend only on its type and the ids it names, so they are memoised (copies returned)."""
    key = (claim_type, *map(_ID, mentions))
    got = matcher.assets_seen.get(key)
    if got is None:
        got = _assets_of(mentions, claim_type, matcher)
        if len(matcher.assets_seen) < MAX_MEMO // 10:
            matcher.assets_seen[key] = got
    return list(map(dict.copy, got))  # C-level copies (a group alias may stand for dozens of assets)


def _assets_of(mentions: list[Mention], claim_type: str, matcher: Matcher) -> list[dict[str, str]]:
    chosen: dict[str, str] = {}
    for m in mentions:
        if m.id.startswith("group:"):
            for a in matcher.groups.get(m.id.removeprefix("group:"), ()):
                chosen.setdefault(a, "group")
        else:
            chosen[m.id] = "name"
    named_points = {a for a, how in chosen.items() if how == "name" and matcher.kinds.get(a) not in LINE_KINDS}
    for line in _lanes(named_points, matcher):
        chosen.setdefault(line, "lane")
    if claim_type == "rerouting" and chosen and all(matcher.russian.get(a) for a in chosen):
        for m in mentions:
            alt = matcher.group_alternatives.get(m.id.removeprefix("group:")) if m.id.startswith("group:") else None
            for a in matcher.groups.get(alt or "", ()):
                chosen.setdefault(a, "group")
    return [_link(a, how, claim_type, matcher) for a, how in chosen.items()]


#: A word of a shipment's start, goal or way right before a name ("from Baku", "nach Batumi", «из Баку», «через Актау»), or
#: the port's own word ("im Hafen Kuryk ... geladen. Ziel ist der neue Hafen Alat").
_SHIPPED_BEFORE = re.compile(r"(?:\b(?:from|to|into|via|through|aus|nach|von|über|bis|port|hafen)|(?<![а-яё])(?:из|в|во|до|через|от|"
                             r"порт[аеуо]?))\s+[«\"„“]?$", re.IGNORECASE)


#: A shipment's start or goal word right before a name: "from Aktau", "aus Aktau", «из Актау»; "to Makhachkala", "nach
#: Machatschkala", «в Махачкалу».
_START_BEFORE = re.compile(r"(?:\b(?:from|aus|von)|(?<![а-яё])(?:из|от))\s+[«\"„“]?$", re.IGNORECASE)
_GOAL_BEFORE = re.compile(r"(?:\b(?:to|into|nach|bis)|(?<![а-яё])(?:в|во|до))\s+[«\"„“]?$", re.IGNORECASE)


#: Words of a shipment sent (searched case-folded): "lots", "cargoes", "shipped", "Partien", "verschifft", «партии», «отправляются».
_SHIPMENT = re.compile(r"\blots?\b|parcels?\b|cargoes|consignment|shipped|shipping|\bships?\b|\bsent\b|dispatch|partien?\b|"
                       r"ladungen?\b|verschifft|versandt|geschickt|(?<![а-яё])(?:парти[яиюей]|отправ|поставк|отгруж)")


def _tanker_ports(mentions: list[Mention], towns: set[int], tanker_ends: frozenset[str]) -> list[Mention]:
    """The mentions of tanker lanes' ports (or of names that may be one), towns aside, in text order."""
    return [m for m in mentions if id(m) not in towns and (m.id in tanker_ends or not tanker_ends.isdisjoint(m.alts))]


def _lane_goes_on(ms: list[Mention], text: str, sentences: list[tuple[int, int]], energy: list[bool],
                  cue_sets: list[frozenset[str]], speaks: Callable[[int], bool], matcher: Matcher, memo: dict[Any, Any]) -> set[int]:
    """Tanker lanes' ports (``ms``, in text order) named as a shipment's start and goal, the oil of the sentence before going on.

    Next to each other, in a sentence of no energy word but a word of lots sent (:data:`_SHIPMENT`), right after one of
    oil or gas moving in the same paragraph: "Aus Kuryk geht das Öl nach Alat. Kleinere Partien gehen von Aktau nach
    Machatschkala." Not with other goods, passengers, a ferry or a flight in the sentence ("Passenger ferries also run from
    Aktau to Makhachkala").
    """
    out: set[int] = set()
    for a, b in pairwise(ms):
        sent = a.sentence
        if b.sentence != sent or sent == 0 or energy[sent] or "goods" in cue_sets[sent]:
            continue
        if _START_BEFORE.search(text, max(0, a.start - 10), a.start) is None or _GOAL_BEFORE.search(
                text, max(0, b.start - 10), b.start) is None:
            continue
        starts, goals = {a.id, *a.alts}, {b.id, *b.alts}
        if not any(matcher.kinds.get(ln) == "shipping_lane" and len(ends := matcher.endpoints.get(ln, ())) == 2
                   and ends[0] in starts and ends[1] in goals for ln in _lanes(starts | goals, matcher)):
            continue
        if not speaks(sent - 1) or "\n\n" in text[sentences[sent - 1][1] : sentences[sent][0]]:
            continue
        if not _said(_SHIPMENT, sent, text, sentences, memo) or _said(_PASSENGERS, sent, text, sentences, memo) or _said(
                _FERRY, sent, text, sentences, memo) or _said(_AIR_TRAVEL, sent, text, sentences, memo, _AIR_STEMS):
            continue
        out.update((id(a), id(b)))
    return out


def _shipped(ms: list[Mention], text: str) -> bool:
    """One of ``ms`` is named as a shipment's start, goal or way (see _SHIPPED_BEFORE)."""
    return any(_SHIPPED_BEFORE.search(text, max(0, m.start - 12), m.start) is not None for m in ms)


def _lanes(named_points: set[str], matcher: Matcher) -> list[str]:
    """Shipping lanes and rail legs both of whose end points are named."""
    key = frozenset(named_points)
    got = matcher.lanes_seen.get(key)
    if got is None:
        got = _lanes_of(key, matcher)
        if len(matcher.lanes_seen) < MAX_MEMO // 10:
            matcher.lanes_seen[key] = got
    return got


def _lanes_of(named_points: frozenset[str], matcher: Matcher) -> list[str]:
    out = []
    for p in named_points:
        for line in matcher.connected.get(p, ()):
            ends = matcher.endpoints.get(line, ())
            if len(ends) == 2 and ends[0] == p and ends[1] in named_points and matcher.kinds[line] in ("shipping_lane", "rail"):
                out.append(line)
    return sorted(out)


def _link(asset_id: str, how: str, claim_type: str, matcher: Matcher) -> dict[str, str]:
    role = ("bypassed" if matcher.russian.get(asset_id) else "alternative") if claim_type == "rerouting" else "subject"
    return {"id": asset_id, "name": matcher.display.get(asset_id, asset_id), "role": role, "match": how}


def extract(text: str, *, article: str = "", language: str | None = None, matcher: Matcher) -> list[Candidate]:
    """Candidate claims of one article, in text order (each with the mentions inside it)."""
    return analyse(text, article=article, language=language, matcher=matcher).claims
