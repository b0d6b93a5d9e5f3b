"""Text helpers for extraction: sentences with offsets, a language guess, and name keys.

A name key folds spelling so that one alias meets its transliterations and inflected
forms: "Novorossiysk", "Noworossijsk", "Новороссийска" and "Novorossiisk" share a key.
The folding is the same for every language, so an alias written in one script matches
the text in another. Nothing here imports anything heavier than :mod:`re`.
"""

from __future__ import annotations

import re
from functools import lru_cache

WORD = re.compile(r"\w+")
ABBREV = re.compile(r"^[A-ZА-ЯЁ]{2,6}$")

#: Sentence ends: . ! ? … followed by space and a capital / quote / digit, or a run of line breaks (then group 1 is None).
#: The look-behind tells a line break from the punctuation after it. The break starts after the punctuation.
#: This is the definition: :func:`split_sentences` finds its matches with the cheaper patterns of :func:`_end_matches`.
#: (A footnote's superscript digits may stand between the point and the space: "to the populous south.¹ QazaqGaz argues".)
_SENTENCE_END = re.compile(r"[.!?…\n](?:(?<=\n)\n*|([\"“”»«)]?[¹²³⁰⁴-⁹]*\s+)(?=[\"„“«(]?[A-ZÄÖÜА-ЯЁ0-9]))")
_NO_BREAK_AFTER = re.compile(
    # "2,1 Mio. Tonnen": German amounts abbreviate the unit word, and the noun after it is capitalised
    r"(?:\b(?:z|u|d|bzw|ca|vgl|Nr|Dr|St|Mr|Mrs|Ms|e\.g|i\.e|etc|vs|Mio|Mrd|Tsd|Bio|т|г|гг|им|ул|млн|млрд|тыс)\.|\b\d{1,2}\.)$"
)


def split_sentences(text: str) -> list[tuple[int, int]]:
    r"""Sentence spans ``(start, end)`` of ``text``, trimmed of surrounding space.

    The matches of :data:`_SENTENCE_END`, found by one pattern per first character (:func:`_end_matches`). Only the
    ends that can touch white space are trimmed: a span cut after its punctuation ends on it, and one that starts after
    a punctuation break starts on the capital (or quote) the pattern looked at; the text's own ends and the sides of a
    line break may hold spaces.

    Examples
    --------
    >>> text = "Am 9. Mai gab es keine Parade. Das Öl fließt z. B. über Aktau.\nNeue Zeile"
    >>> [text[s:e] for s, e in split_sentences(text)]
    ['Am 9. Mai gab es keine Parade.', 'Das Öl fließt z. B. über Aktau.', 'Neue Zeile']
    """
    out: list[tuple[int, int]] = []
    start, lead, after = 0, True, 0  # lead: the sentence may open with white space
    gap: str | None
    # a long text is read by the one lazy pass of the defining pattern: _end_matches holds all matches at once (on 2 MB
    # of short sentences that doubled the peak memory), and its saving is per character, small against the text's other work
    for m in _end_matches(text) if len(text) <= _LISTED_UP_TO else _SENTENCE_END.finditer(text):
        at, end = m.span()  # (one call for both offsets: a method call costs more than the rest of a sentence's loop)
        if at < after:
            continue  # line breaks inside the white space after a point, which ended or did not end a sentence
        after = end
        s = start
        if text[at] == "\n":  # a run of line breaks (group 1 is None: the pattern's first branch, the one a break takes)
            gap = None
            e = at
            if lead:
                while s < e and text[s].isspace():
                    s += 1
            while e > s and text[e - 1].isspace():
                e -= 1
        else:
            gap = m.group(1)
            e = at + 1
            # an abbreviation has at most 4 letters ("млрд"), each after a word boundary: when the 5 characters before the
            # point are letters or digits, none can end there, and the pattern is not searched
            if gap.strip("\n") and (e - 6 < start or not text[e - 6 : e - 1].isalnum()) and _NO_BREAK_AFTER.search(
                    text[max(start, e - 8) : e]):
                continue
            if lead:  # text[e - 1] is the punctuation: no space to trim there, and the span is not empty
                while text[s].isspace():
                    s += 1
        if e > s:
            out.append((s, e))
        start, lead = after, gap is None
    s, e = start, len(text)
    if lead:
        while s < e and text[s].isspace():
            s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    if e > s:
        out.append((s, e))
    return out


#: :data:`_SENTENCE_END` as one pattern per first character. A pattern that opens with a literal is searched by a
#: tight loop over the characters, one that opens with a class calls the class test for every character (~40
#: instructions a character: the main cost of splitting a text into sentences).
_ENDS_AT = tuple((ch, re.compile(re.escape(ch) + r"([\"“”»«)]?[¹²³⁰⁴-⁹]*\s+)(?=[\"„“«(]?[A-ZÄÖÜА-ЯЁ0-9])")) for ch in ".!?…")
_LINE_BREAKS = re.compile(r"\n\n*((?!))?")  # a run of line breaks; the never-matching group is None, as for a break in _SENTENCE_END
_START = re.Match.start
_LISTED_UP_TO = 200_000  # characters: longer texts are split by _SENTENCE_END.finditer, lazily


def _end_matches(text: str) -> list[re.Match[str]]:
    """The matches of ``_SENTENCE_END.finditer(text)``, and line breaks inside their white space, in order.

    Each match of :data:`_SENTENCE_END` is a match of the pattern for its first character. A point's (or ``!?…``)
    match takes no other point, and the white space it takes ends where the white space does, so the only matches of
    the separate patterns that ``finditer`` does not give are runs of line breaks inside that white space: the caller
    skips any match that starts before the end of the last one it used.
    """
    got: list[re.Match[str]] = []
    streams = 0
    if "\n" in text:
        got += _LINE_BREAKS.finditer(text)
        streams += 1
    for ch, pattern in _ENDS_AT:
        if ch in text:
            got += pattern.finditer(text)
            streams += 1
    if streams > 1:
        got.sort(key=_START)
    return got


#: A run of ``\w``, written so the pattern opens with a character class: the regex engine skips to the next word character
#: in C instead of trying a match at every character of a gap (a maximal run: the possessive rest changes nothing).
_WORD_RUN = re.compile(r"(\w\w*+)")


def split_words(text: str) -> list[str]:
    r"""``re.split(r"(\w+)", text)``: the gaps and the words of ``text``, alternating, a gap (maybe empty) first and last.

    The text is cut at single spaces first (one C-level ``str.split``; no word holds a space). A piece that is one word
    (``str.isalnum`` is the test of ``\w`` but for "_"), or one word and one other character ("Aktau.", "Baku,"), is
    taken as it is; only the other pieces (one in twenty) are split by the pattern. Compiled by mypyc this costs half
    as much as the pattern's split of the whole text, which allocates and frees the regex engine's stack for every word.

    Examples
    --------
    >>> split_words("Baku,  Aktau-Port (BTC)")
    ['', 'Baku', ',  ', 'Aktau', '-', 'Port', ' (', 'BTC', ')']
    """
    parts: list[str] = []
    # a long text shares its equal words and gaps (one string for 300,000 times "Baku"; they outlive the split, read by the
    # analyser to the end); a short one does not pay the look-ups (a sixth of the split's time in the plain sources)
    seen: dict[str, str] | None = {} if len(text) > SHARE_FROM else None
    gap = ""  # the text since the last word (a gap over many pieces grows in place: CPython appends to a string it alone holds)
    first = True
    for piece in text.split(" "):
        if first:
            first = False
        else:
            gap += " "  # the space the piece stood after
        if piece.isalnum():
            word, after = piece, ""
        elif piece[:-1].isalnum() and piece[-1] != "_":  # a word and one character of no word
            word, after = piece[:-1], piece[-1]
        else:
            if piece:
                gap = _split_piece(piece, parts, gap)
            continue
        if seen is None:
            parts.append(gap)
            parts.append(word)
        else:
            parts.append(seen.setdefault(gap, gap))
            parts.append(seen.setdefault(word, word))
        gap = after
    parts.append(gap)
    return parts


def _split_piece(piece: str, parts: list[str], gap: str) -> str:
    r""":func:`split_words` of a piece between spaces that is neither a word nor a word and one character.

    Its words and gaps are appended to ``parts`` (``gap``: the text since the last word, before the piece); returned: the
    text after its last word.

    Cut at line breaks and hyphens first ("end.\n\nNext", "Kassym-Schomart": most such pieces), each bit of it taken as
    it is when it is a word with at most one character of no word on either side ("(EAEU)", "„in"); only the others are
    split by the pattern (a pattern's split costs some five times the C-level tests).
    """
    first_line = True
    for line in piece.split("\n") if "\n" in piece else [piece]:
        if first_line:
            first_line = False
        else:
            gap += "\n"
        first_bit = True
        for bit in line.split("-") if "-" in line else [line]:
            if first_bit:
                first_bit = False
            else:
                gap += "-"
            if not bit:
                continue
            # (a bit that is not all word characters but for an end: that end is no word character, "_" aside)
            if bit.isalnum():
                parts.append(gap)
                parts.append(bit)
                gap = ""
            elif bit[:-1].isalnum() and bit[-1] != "_":
                parts.append(gap)
                parts.append(bit[:-1])
                gap = bit[-1]
            elif bit[1:].isalnum() and bit[0] != "_":
                parts.append(gap + bit[0])
                parts.append(bit[1:])
                gap = ""
            elif bit[1:-1].isalnum() and bit[0] != "_" and bit[-1] != "_":
                parts.append(gap + bit[0])
                parts.append(bit[1:-1])
                gap = bit[-1]
            else:
                sub = _WORD_RUN.split(bit)
                if len(sub) == 1:
                    gap += bit  # no word in it
                else:
                    parts.append(gap + sub[0])
                    parts.extend(sub[1:-1])
                    gap = sub[-1]
    return gap


#: Texts longer than this (characters) share their equal words and gaps in :func:`split_words`.
SHARE_FROM = 50_000


def sentences_of_parts(text: str, gaps: list[str], offsets: list[int]) -> list[tuple[int, int]]:
    r""":func:`split_sentences` of a text the analyser has already split into words (``re.split(r"(\w+)", text)``).

    The split is not needed: one scan of the whole text for the five characters that can end a sentence costs
    less than looking its gaps up one by one. (The parameters stay for the callers.)
    """
    del gaps, offsets
    return split_sentences(text)


_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_GERMAN_HINTS = re.compile(r"\b(der|die|das|und|nicht|über|mit|für|ist)\b|[äöüß]", re.IGNORECASE)


def guess_language(text: str) -> str:
    """Guess de, en or ru from the script and common German words (same rule as ingest).

    Examples
    --------
    >>> guess_language("Казахстан увеличил экспорт нефти"), guess_language("Die Pipeline ist voll"), guess_language("The pipeline")
    ('ru', 'de', 'en')
    """
    sample = text[:5000]
    letters = sum(ch.isalpha() for ch in sample) or 1
    if len(_CYRILLIC.findall(sample)) / letters > 0.3:
        return "ru"
    words = max(1, len(sample.split()))
    return "de" if len(_GERMAN_HINTS.findall(sample)) / words > 0.04 else "en"


# Scholarly-style romanisation, then the folds below bring the German and English
# spellings of the same sound together (ж/ш -> sh as German writes both "sch").
_TRANSLIT = str.maketrans({
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z", "и": "i", "й": "i",
    "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f",
    "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "iu", "я": "ia",
    # Kazakh letters, so Kazakh-script aliases fold like their Russian forms
    "ә": "a", "ғ": "g", "қ": "k", "ң": "n", "ө": "o", "ұ": "u", "ү": "u", "һ": "kh", "і": "i",
    # Latin diacritics (German umlauts, Turkish, Azerbaijani, Turkmen)
    "ä": "a", "ö": "o", "ü": "u", "ß": "ss", "ş": "sh", "ç": "ch", "ə": "a", "ı": "i", "ğ": "g", "ň": "n", "ý": "i", "ž": "zh",
})
# Order matters: the longer German clusters go first. German writes х as "ch" ("Chorgos", "Machatschkala") and
# ч as "tsch", English writes х as "kh" and ч as "ch": so after "tsch" -> "ch", both "kh" and "ch" fold to "h",
# and х and ч meet in one letter (no two names of the data differ only there; a test checks false friends).
# Italian-style "gh" for a hard г ("Tenghiz", as older English papers spell Tengiz) is "g" (batch 34): folded before "kh"
# and "ch" become "h", so "g" + "kh" (г + х) keeps its "h".
_CLUSTERS = (("dsch", "dj"), ("dzh", "dj"), ("tsch", "ch"), ("sch", "sh"), ("zh", "sh"), ("gh", "g"), ("kh", "h"), ("ch", "h"),
             ("ck", "k"), ("ph", "f"), ("ts", "z"))
_LETTERS = str.maketrans({"y": "i", "j": "i", "w": "v", "q": "k", "z": "s"})
_DOUBLE = re.compile(r"(\w)\1+")
_C_NOT_CH = re.compile(r"c(?!h)")
# Case endings of Russian nouns and adjectives and of German nouns, romanised, longest first.
# One set for all languages keeps the key independent of the language guess.
_ENDING_LIST = ("ogo", "ego", "omu", "emu", "imi", "ami", "iami", "oi", "ei", "om", "em", "ah", "iah", "am", "iam", "ui",
            "ia", "ie", "ii", "ih", "im", "ern", "en", "es", "er", "a", "e", "i", "o", "u", "s",
            # feminine and neuter adjective endings (-ая, -яя, -ую, -юю, -ое), so «Балтийская» meets «Балтийской»
            "aia", "iaia", "uiu", "iuiu", "oe")
_ENDINGS: tuple[str, ...] = tuple(sorted(set(_ENDING_LIST), key=len, reverse=True))
_MIN_STEM = 3


@lru_cache(maxsize=100_000)
def fold(token: str) -> str:
    """One word case-folded, romanised and spelling-folded, endings kept.

    Examples
    --------
    >>> fold("Noworossijsk"), fold("Новороссийск")
    ('novorosisk', 'novorosisk')
    """
    if token.isascii() and token.isdigit():
        return _DOUBLE.sub(r"\1", token)  # a number: the letter folds below leave it as it is
    key = token.casefold().translate(_TRANSLIT)
    for a, b in _CLUSTERS:
        key = key.replace(a, b)
    return _DOUBLE.sub(r"\1", _C_NOT_CH.sub("k", key).translate(_LETTERS))


@lru_cache(maxsize=100_000)
def name_key(token: str) -> str:
    """The spelling-folded, case-ending-stripped key of one word.

    Examples
    --------
    >>> {name_key(w) for w in ("Novorossiysk", "Noworossijsk", "Новороссийска", "Novorossiisk", "Новороссийском")}
    {'novorosisk'}
    >>> name_key("Druschba") == name_key("Druzhba") == name_key("Дружбы")
    True
    >>> name_key("Schwedt") == name_key("Schweden")
    False
    >>> name_key("Schwedts") == name_key("Schwedt")
    True
    >>> name_key("Centre") == name_key("Center")
    True
    >>> name_key("Pipelinesystems") == name_key("Pipelinesystem")
    True
    >>> name_key("систему") == name_key("система") != name_key("синему")
    True
    """
    if len(token) > 4 and token.endswith(("tre", "TRE")) and token.isascii():
        return name_key(token[:-2] + token[-1] + token[-2])  # British "Centre" is American "Center"
    if len(token) > 4 and token.endswith("ts") and token[-3].isascii() and token[-3].isalpha():
        return name_key(token[:-1])  # "Schwedts", "ports": the "s" of a genitive or plural, before "ts" folds to "z"
    if len(token) > 5 and token.endswith(("ems", "EMS")) and token.isascii():
        # "des Baltischen Pipelinesystems", "systems": the "s" of a genitive or plural after "-em", which the word without
        # it loses as a case ending ("System" keys "sist") (batch 39)
        return name_key(token[:-1])
    key = fold(token)
    if token.isascii() and token.isdigit():
        return key  # no case ending is a digit
    for ending in _ENDINGS:
        if key.endswith(ending) and len(key) - len(ending) >= _MIN_STEM:
            if ending == "emu" and key[-4] not in "nh":
                continue  # «систему» is «система»'s "-u", not the "-ему" of a soft adjective («синему», «хорошему»)
            return key[: -len(ending)]
    return key


#: Country adjectives that articles put where a line's name has the country ("Kazakhstan–Chinese pipeline").
DEMONYMS = {name_key(a): name_key(b) for a, b in (
    ("Chinese", "China"), ("chinesische", "China"), ("китайский", "Китай"), ("Kazakh", "Kazakhstan"),
    ("kasachische", "Kasachstan"), ("казахстанский", "Казахстан"), ("Russian", "Russia"), ("russische", "Russland"),
    ("российский", "Россия"), ("Turkmen", "Turkmenistan"), ("туркменский", "Туркменистан"),
)}
#: German words for a line, each to one key per commodity, so "Zentralasien-China-Leitung" meets the alias
#: "Zentralasien-China-Pipeline" (the commodity a word names is kept: a gas line is not matched by an oil line's name).
#: Merged into DEMONYMS, which every key of an alias and of a text word passes through.
LINE_WORDS = {name_key(a): name_key(b) for b, words in (
    # ("Röhre", a pipe, as papers call a line: "die BTC-Röhre"; its key is also "Rohr"'s, a pipe as well; so does English
    # "pipe" in forums and posts: "the Trans Caspian pipe", "the BTC pipe")
    ("pipeline", ("Leitung", "Rohrleitung", "Pipeline", "Röhre", "pipe")),
    ("Gasleitung", ("Gaspipeline", "Erdgasleitung", "Erdgaspipeline", "Gasleitung")),
    ("Ölpipeline", ("Ölleitung", "Erdölleitung", "Erdölpipeline", "Rohölleitung", "Rohölpipeline", "Ölpipeline")),
) for a in words}
DEMONYMS.update(LINE_WORDS)
#: A place's exonym to the name the data's chains use, so "Baku-Tiflis-Erzurum" (German) passes the same places as
#: "Baku-Tbilisi-Erzurum" (the South Caucasus line), not only those of the one line whose alias happens to say "Tiflis".
PLACE_EXONYMS = {name_key(a): name_key(b) for a, b in (("Tiflis", "Tbilisi"),)}
DEMONYMS.update(PLACE_EXONYMS)
