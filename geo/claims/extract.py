"""Candidate claims from article text: sentences, asset mentions, claim types, roles.

The extractor is rule-based and offline. A sentence becomes a candidate claim when it
speaks about energy (oil, gas, pipelines, exports...) and names an asset or carries a
rerouting / dependency cue, or when it carries an alignment, military/symbolic or opinion
cue about the actors. Asset names are matched on lemmatised, lightly stemmed tokens
(simplemma ships its dictionaries in the wheel), so "Noworossijsk", "Новороссийска" and
"Усть-Луги" match their aliases; all-capital abbreviations (CPC, КТК, TAP) match only as
whole, case-exact words.

Three rules, all driven by the dataset, refine what the aliases give:

* context aliases: ``context_aliases`` of an asset (e.g. "Novorossiysk" for the CPC
  terminal) win over the plain alias of another asset when a connected asset (one whose
  line ends there, or the line itself) is named in the same sentence;
* lanes: when both end points of a shipping lane or rail route are named in an energy
  sentence, the lane is linked too;
* groups: a group alias ("russische Häfen", "Middle Corridor") links the group's assets,
  marked ``match="group"`` so they can be told apart from names in the text.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

import geopandas as gpd
import simplemma

from geo.data.corpus import guess_language
from geo.data.geodesy import haversine_km
from geo.data.schema import LINE_KINDS, RouteGroup

_WORD = re.compile(r"\w+")
_ABBREV = re.compile(r"^[A-ZА-ЯЁ]{2,6}$")
#: Endings stripped after lemmatisation so inflected names meet their alias (longest first).
_ENDINGS = {
    "ru": tuple(sorted((
        "ами ями ого его ому ему ыми ими ой ей ом ем ах ях ам ям ую юю ая яя ое ее ые ие ых их ым им ий ый "
        "а я у ю е и ы о ь й"
    ).split(), key=len, reverse=True)),
    "de": ("ern", "en", "es", "er", "em", "e", "s", "n"),
    "en": ("'s", "es", "s"),
}
_MIN_STEM = 3

# Cue patterns, matched on the case-folded sentence; word starts only, so inflections match.
_CUES: dict[str, dict[str, str]] = {
    "energy": {
        "en": r"\b(?:oil|crude|gas\b|gas |pipeline|tanker|barrel|export|shipment|shipped|cargo|terminal|refiner|transit|lng|condensate|volumes|rail)",
        "de": r"\b(?:öl|roh[öo]l|erd[öo]l|gas|pipeline|leitung|gasleitung|tanker|export|liefer|kesselwagen|terminal|raffinerie|transit|"
        r"verschifft|mengen|ladung|[a-zäöü]*(?:öl|gas)(?:terminal|leitung|lieferung|export|pipeline))",
        "ru": r"\b(?:нефт|газ|трубопровод|нефтепровод|газопровод|танкер|экспорт|поставк|поставлен|отгруз|терминал|транзит|нпз|баррел|объ[её]м)",
    },
    "rerouting": {
        "en": r"\b(?:re-?rout|bypass|avoid|divert|alternativ|instead|replac|redirect|diversif|hedge|extra volumes|send extra|shift)",
        "de": r"\b(?:umleit|umzuleit|umgeh|umgangen|umgehung|ausweich|alternativ|ersetz|statt|diversifi|umlenk|umgelenkt|verlager|künftig|soll mehr|mehr öl)",
        "ru": r"\b(?:обход|минуя|перенаправ|альтернатив|вместо|замен|диверсифи|переориент|увеличил|больше нефти|может пойти)",
    },
    "dependency": {
        "en": r"(?:\bdepend|\breliant|\brel(?:y|ies)\b|\bpercent|%|\bshare\b|\bmost\b|\bstill\b|\bbulk\b|\bmajority|\bkept\b|\bsubstitute)",
        "de": r"(?:\babhängig|\bangewiesen|\bprozent|%|\banteil|\bgroßteil|\bweiterhin|\bfünftel|\bmehrheit|\bbisher)",
        "ru": r"(?:\bзавис|\bпроцент|%|\bдол[яию]\b|\bбольшая часть|\bосновн|\bпродолжает|\bранее|\bидёт на экспорт|\bидет на экспорт)",
    },
    "military_symbolic": {
        "en": r"\b(?:parade|military|troops|victory day|intervention|armed)",
        "de": r"\b(?:parade|militär|truppen|tag des sieges|eingreifen|eingriff|soldaten)",
        "ru": r"\b(?:парад|военн|войск|дня победы|вмешательств)",
    },
    "alignment": {
        "en": r"\b(?:west|western|alliance|partnership|agreement|distanc|turn away|pivot|ally|allies|referend|rapprochement)",
        "de": r"\b(?:westen|westlich|partnerschaft|abkommen|distanz|distanzier|verbündet|annäherung|abkehr|referend|ausrichtung|bündnis)",
        "ru": r"\b(?:запад|партн[её]рств|соглашени|дистанц|союзник|референдум|сближени)",
    },
    "opinion": {
        "en": r"\b(?:according to|analysts?|believes?|claims?|seems?|allegedly|argues?|reportedly)",
        "de": r"\b(?:laut|zufolge|meinen|glaubt|angeblich|scheint|analysten|berichten|argumentieren|gestochen)",
        "ru": r"\b(?:по мнению|считают|якобы|по словам|как сообщ|аналитик|полагают)",
    },
    "actors": {
        "en": r"\b(?:kazakh|russia|moscow|astana|tokayev|putin|china|west|kremlin|brussels|europe)",
        "de": r"\b(?:kasach|russ|moskau|astana|tokajew|putin|china|chines|westen|westlich|kreml|brüssel)",
        "ru": r"\b(?:казах|росси|москв|астан|токаев|путин|кита|запад|кремл)",
    },
}
_COMPILED = {(cue, lang): re.compile(p) for cue, by_lang in _CUES.items() for lang, p in by_lang.items()}
#: Sentence ends: . ! ? … followed by space and a capital / quote / digit, or a line break.
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"“”»«)]?\s+(?=[\"„“«(]?[A-ZÄÖÜА-ЯЁ0-9])|\n+")
_NO_BREAK_AFTER = re.compile(
    r"(?:\b(?:z|u|d|bzw|ca|vgl|Nr|Dr|St|Mr|Mrs|Ms|e\.g|i\.e|etc|vs|т|г|гг|им|ул|млн|млрд|тыс)\.|\b\d{1,2}\.)$"
)


def split_sentences(text: str) -> list[tuple[int, int]]:
    r"""Sentence spans ``(start, end)`` of ``text``, trimmed of surrounding space.

    Examples
    --------
    >>> text = "Am 9. Mai gab es keine Parade. Das Öl fließt z. B. über Aktau.\nNeue Zeile"
    >>> [text[s:e] for s, e in split_sentences(text)]
    ['Am 9. Mai gab es keine Parade.', 'Das Öl fließt z. B. über Aktau.', 'Neue Zeile']
    """
    spans, start = [], 0
    for m in _SENTENCE_END.finditer(text):
        if m.group().strip("\n") and _NO_BREAK_AFTER.search(text[max(start, m.start() - 8) : m.start()]):
            continue
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    out = []
    for s, e in spans:
        chunk = text[s:e]
        ls = len(chunk) - len(chunk.lstrip())
        rs = len(chunk.rstrip())
        if rs > ls:
            out.append((s + ls, s + rs))
    return out


@lru_cache(maxsize=200_000)
def token_key(token: str, lang: str) -> str:
    """The matching key of a word: lemma, case-folded, common endings stripped.

    Examples
    --------
    >>> token_key("Новороссийска", "ru") == token_key("Новороссийск", "ru")
    True
    >>> token_key("Kasachstans", "de") == token_key("Kasachstan", "de")
    True
    """
    lemma = simplemma.lemmatize(token, lang=lang) if len(token) > 2 else token
    key = lemma.casefold().replace("ё", "е")
    for ending in _ENDINGS[lang]:
        if key.endswith(ending) and len(key) - len(ending) >= _MIN_STEM:
            return key[: -len(ending)]
    return key


@dataclass(frozen=True)
class _Alias:
    keys: tuple[str, ...]
    target: str  # asset id, or "group:<id>"
    text: str
    abbrev: bool
    context: bool = False


@dataclass
class Matcher:
    """The alias index built from the assets and groups; reused across articles."""

    by_first: dict[str, list[_Alias]]
    abbrevs: dict[str, list[_Alias]]
    kinds: dict[str, str]
    russian: dict[str, bool]
    endpoints: dict[str, tuple[str, ...]]  # line id -> point ids at its ends
    connected: dict[str, set[str]]  # point id -> lines touching it and points at their other ends
    groups: dict[str, tuple[str, ...]]
    group_alternatives: dict[str, str]
    names: dict[str, str]


def build_matcher(assets: gpd.GeoDataFrame, groups: list[RouteGroup] | None = None, *, end_km: float = 15.0) -> Matcher:
    """Index every alias (and group alias) of the dataset for matching in de, en and ru."""
    by_first: dict[str, list[_Alias]] = defaultdict(list)
    abbrevs: dict[str, list[_Alias]] = defaultdict(list)

    def add(text: str, target: str, *, context: bool = False) -> None:
        words = _WORD.findall(text)
        if not words:
            return
        if len(words) == 1 and _ABBREV.match(words[0]):
            abbrevs[words[0]].append(_Alias((words[0],), target, text, abbrev=True, context=context))
            return
        seen = set()
        for lang in ("de", "en", "ru"):
            keys = tuple(token_key(w, lang) for w in words)
            if keys not in seen:
                seen.add(keys)
                by_first[keys[0]].append(_Alias(keys, target, text, abbrev=False, context=context))

    for row in assets.itertuples(index=False):
        for alias in [row.name, *row.aliases]:
            add(alias, row.id)
        for alias in getattr(row, "context_aliases", None) or []:
            add(alias, row.id, context=True)
    for g in groups or []:
        for alias in g.aliases:
            add(alias, f"group:{g.id}")
    for entries in by_first.values():
        entries.sort(key=lambda a: len(a.keys), reverse=True)

    points = assets[~assets["kind"].isin(LINE_KINDS)]
    endpoints, connected = {}, defaultdict(set)
    for line in assets[assets["kind"].isin(LINE_KINDS)].itertuples(index=False):
        geom = line.geometry.geoms[0] if line.geometry.geom_type == "MultiLineString" else line.geometry
        ends = []
        for lon, lat in (geom.coords[0], geom.coords[-1]):
            d = haversine_km(points.geometry.x.to_numpy(), points.geometry.y.to_numpy(), lon, lat)
            if d.min() <= end_km:
                ends.append(points.index[int(d.argmin())])
        endpoints[line.id] = tuple(dict.fromkeys(ends))
        for p in ends:
            connected[p].add(line.id)
            connected[p].update(q for q in ends if q != p)
    return Matcher(
        by_first=dict(by_first),
        abbrevs=dict(abbrevs),
        kinds=dict(zip(assets["id"], assets["kind"], strict=True)),
        russian={r.id: bool(r.crosses_russia or r.ends_at_russian_port or "RU" in r.countries) for r in assets.itertuples()},
        endpoints=endpoints,
        connected=dict(connected),
        groups={g.id: tuple(g.assets) for g in groups or []},
        group_alternatives={g.id: g.alternatives for g in groups or [] if g.alternatives},
        names=dict(zip(assets["id"], assets["name"], strict=True)),
    )


@dataclass(frozen=True)
class Mention:
    """A name found in the text."""

    start: int
    end: int
    target: str
    alias: str
    context: bool


def find_mentions(text: str, lang: str, matcher: Matcher) -> list[Mention]:
    """Non-overlapping alias matches, longest first, left to right."""
    tokens = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]
    keys = [token_key(t, lang) for _, _, t in tokens]
    mentions, i = [], 0
    while i < len(tokens):
        best: list[_Alias] = []
        best_len = 0
        raw = tokens[i][2]
        if raw in matcher.abbrevs and not _followed_by_number(tokens, i):
            best, best_len = matcher.abbrevs[raw], 1
        for alias in matcher.by_first.get(keys[i], ()):
            n = len(alias.keys)
            if n < best_len:
                break
            if tuple(keys[i : i + n]) == alias.keys and (n > best_len or not best):
                best = [a for a in matcher.by_first[keys[i]] if a.keys == alias.keys]
                best_len = n
                break
        if best:
            s, e = tokens[i][0], tokens[i + best_len - 1][1]
            mentions += [Mention(s, e, a.target, a.text, a.context) for a in best]
            i += best_len
        else:
            i += 1
    return mentions


def _followed_by_number(tokens: list[tuple[int, int, str]], i: int) -> bool:
    return i + 1 < len(tokens) and tokens[i + 1][2].isdigit()


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


def _has(cue: str, lang: str, folded: str) -> bool:
    return _COMPILED[(cue, lang)].search(folded) is not None


def classify(sentence: str, lang: str, *, named: bool) -> str | None:
    """The claim type of a sentence, or ``None`` if it claims nothing this tool tracks."""
    folded = sentence.casefold()
    if _has("energy", lang, folded) and (named or _has("rerouting", lang, folded) or _has("dependency", lang, folded)):
        if _has("rerouting", lang, folded):
            return "rerouting"
        return "dependency"
    if not _has("actors", lang, folded):
        return None
    for cue in ("military_symbolic", "alignment", "opinion"):
        if _has(cue, lang, folded):
            return cue
    if _has("rerouting", lang, folded) or _has("dependency", lang, folded):
        return "dependency" if _has("dependency", lang, folded) else None
    return None


def resolve(mentions: list[Mention], matcher: Matcher) -> list[tuple[str, str]]:
    """Asset ids named in one sentence, as ``(asset_id, match)`` with match 'name', 'lane' or 'group'."""
    chosen: dict[str, str] = {}
    spans: dict[tuple[int, int], list[Mention]] = defaultdict(list)
    for m in mentions:
        spans[(m.start, m.end)].append(m)
    for span, group in spans.items():
        others = {m.target for m in mentions if not m.context and (m.start, m.end) != span}
        context = [m for m in group if m.context and ({m.target} | matcher.connected.get(m.target, set())) & others]
        picks = context or [m for m in group if not m.context]
        for m in picks[:1] if context else picks:
            if m.target.startswith("group:"):
                for a in matcher.groups.get(m.target.removeprefix("group:"), ()):
                    chosen.setdefault(a, "group")
            else:
                chosen[m.target] = "name"
    named_points = {a for a, how in chosen.items() if how == "name" and matcher.kinds.get(a) not in LINE_KINDS}
    for line, ends in matcher.endpoints.items():
        # ``ends`` holds the nearest point to each end of the line, when one lies close enough.
        both = len(ends) == 2 and ends[0] != ends[1] and set(ends) <= named_points
        if matcher.kinds[line] in ("shipping_lane", "rail") and both:
            chosen.setdefault(line, "lane")
    return list(chosen.items())


def extract(text: str, *, article: str = "", language: str | None = None, matcher: Matcher) -> list[Candidate]:
    """Candidate claims of one article, in text order."""
    lang = language or guess_language(text)
    candidates = []
    for s, e in split_sentences(text):
        sentence = text[s:e]
        mentions = find_mentions(sentence, lang, matcher)
        found = resolve(mentions, matcher)
        claim_type = classify(sentence, lang, named=any(how == "name" for _, how in found))
        if claim_type is None:
            continue
        energy = claim_type in ("rerouting", "dependency")
        if claim_type == "rerouting":
            found += _implied_alternatives(mentions, found, matcher)
        assets = [_link(a, how, claim_type, matcher) for a, how in found] if energy else []
        candidates.append(Candidate(article, s, e, sentence, lang, claim_type, assets))
    return candidates


def _implied_alternatives(mentions: list[Mention], found: list[tuple[str, str]], matcher: Matcher) -> list[tuple[str, str]]:
    """For "bypass the Russian ports" with no alternative named, the group's stated alternatives."""
    if any(not matcher.russian.get(a) for a, _ in found):
        return []
    have = {a for a, _ in found}
    extra: list[tuple[str, str]] = []
    for m in mentions:
        alt = matcher.group_alternatives.get(m.target.removeprefix("group:")) if m.target.startswith("group:") else None
        if alt:
            extra += [(a, "group") for a in matcher.groups.get(alt, ()) if a not in have]
            have.update(matcher.groups.get(alt, ()))
    return extra


def _link(asset_id: str, how: str, claim_type: str, matcher: Matcher) -> dict[str, str]:
    if claim_type == "rerouting":
        role = "bypassed" if matcher.russian.get(asset_id) else "alternative"
    else:
        role = "subject"
    return {"id": asset_id, "name": matcher.names.get(asset_id, asset_id), "role": role, "match": how}
