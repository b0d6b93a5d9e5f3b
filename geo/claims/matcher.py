"""The name index of the extractor, read straight from the data files (json, yaml, csv).

The extract command must start in well under a second, so this module reads
``assets.geojson``, ``routes.yaml`` and ``waypoints.csv`` without pandas or geopandas
(``geo.data.load`` validates the same files; run ``python -m geo validate`` for errors).

Aliases are stored as tuples of word keys (:func:`geo.claims.text.name_key`) in a dict keyed
by every prefix, so matching walks at most ``max_len`` words from each position: time is
linear in the text. All-capital abbreviations (CPC, КТК, TAP) match case-exact only.
"""

from __future__ import annotations

import csv
import json
import math
import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from geo.claims.text import ABBREV, DEMONYMS, WORD, fold, name_key
from geo.errors import GeoError

LINE_KINDS = ("pipeline", "shipping_lane", "rail")
_DASH_CHAIN = re.compile(r"\w+(?:\s*[-‐‑‒–—―]\s*\w+)+")
#: Words of a line's name that are not places, so "Baku-Tiflis-Ceyhan-Pipeline" gives three places.
_NOT_PLACES = {name_key(w) for w in ("pipeline", "Pipeline", "Leitung", "Gasleitung", "Ölpipeline", "rail", "Line",
                                     "трубопровод", "нефтепровод", "газопровод", "газ", "құбыры", "мұнай",
                                     # a prefix, not a place: "trans-Caspian flows" is no chain naming the Trans-Caspian line
                                     "Trans", "Транс")}
#: Words of operator names that say nothing about which company it is.
_OPERATOR_STOP = {name_key(w) for w in (
    "pipeline", "company", "LLP", "Ltd", "GmbH", "JV", "operating", "international", "commercial", "sea", "port", "and",
    "of", "the", "on", "behalf", "section", "sections", "side", "group", "others", "national", "joint", "ventures", "oil",
    "gas", "terminal", "north", "south", "west", "east", "BV", "CJSC", "limited", "per", "country", "not", "in", "sources",
    "consulted", "itemised", "led", "project", "field", "agreed", "reception", "marketing", "technical", "operator",
    "Kazakhstan", "China", "Caspian", "Russian", "Druzhba", "Black",
    # common words and nationalities: "trans-Caspian trade", "Kazakh crude", "Azerbaijan Railways" say nothing of one company
    "Trade", "Operations", "Petroleum", "Invest", "Railways", "Railway", "Midstream", "Turkish", "Georgian", "Georgia",
    "Azerbaijan", "Azerbaijani", "Kazakh",
)}
#: Country names by ISO code, for chains of countries ("Kazakhstan–China pipeline").
COUNTRY_NAMES = {
    "KZ": ("Kazakhstan", "Kasachstan", "Казахстан"), "CN": ("China", "Китай"), "RU": ("Russia", "Russland", "Россия"),
    "AZ": ("Azerbaijan", "Aserbaidschan", "Азербайджан"), "GE": ("Georgia", "Georgien", "Грузия"),
    "TR": ("Turkey", "Türkei", "Турция"), "TM": ("Turkmenistan", "Туркменистан"), "UZ": ("Uzbekistan", "Usbekistan", "Узбекистан"),
}


@dataclass(frozen=True)
class Entry:
    """One alias: the asset (or ``group:<id>``) it names, and whether it needs a connected asset nearby."""

    target: str
    alias: str
    context: bool = False
    folds: tuple[str, ...] = ()  # folded words of the alias, to refuse short inflected look-alikes


@dataclass(slots=True)
class Word:
    r"""What the extractor has worked out about one word of text (a run of ``\w``), kept in :attr:`Matcher.words`.

    One record a word: an article's words are looked up once (``geo.claims.extract._words_of``), and every later pass over
    them reads the record instead of a memo of its own. ``key``: the word's match key (``geo.claims.extract._key_of``).
    Worked out when first asked (-1 until then): ``cues_de``, ``cues_en``, ``cues_ru``, its cue masks in each language
    (:func:`geo.claims.cues.word_mask`; three ints, not a list: a list a word took 17 MB more on 2 MB of distinct words),
    ``stems``, the stem bits of the link patterns (``geo.claims.extract._stem_bits``), ``held``, the bits of the held
    stems (``geo.claims.extract._held_of``), ``screens``, the bits of the screened patterns' word stems it holds lower-cased
    (``geo.claims.extract._screen_bits``), and ``commodity`` (:func:`geo.claims.cues.commodity_mask`).
    (``__init__`` written out, as for the extractor's ``Mention``: compiled by mypyc it is native.)
    """

    text: str
    key: str
    cues_de: int
    cues_en: int
    cues_ru: int
    stems: int
    held: int
    screens: int
    commodity: int

    def __init__(self, text: str, key: str) -> None:
        self.text, self.key = text, key
        self.cues_de = self.cues_en = self.cues_ru = self.stems = self.held = self.screens = self.commodity = -1


@dataclass
class Matcher:
    """Everything the extractor needs to know about the assets; built once per process."""

    names: dict[tuple[str, ...], list[Entry]] = field(default_factory=dict)
    prefixes: set[tuple[str, ...]] = field(default_factory=set)
    max_len: int = 1
    #: The same names as a trie of word keys: ``trie[k1][k2]...`` is the node of a prefix, and its ``None`` key holds the
    #: entries of the name that ends there (walking it hashes one word key a step, not a growing tuple).
    trie: dict[str | None, Any] = field(default_factory=dict)
    abbrevs: dict[str, list[Entry]] = field(default_factory=dict)
    vocab_by_head: dict[str, list[str]] = field(default_factory=dict)
    kinds: dict[str, str] = field(default_factory=dict)
    display: dict[str, str] = field(default_factory=dict)
    commodity: dict[str, str] = field(default_factory=dict)
    russian: dict[str, bool] = field(default_factory=dict)
    endpoints: dict[str, tuple[str, ...]] = field(default_factory=dict)
    connected: dict[str, set[str]] = field(default_factory=dict)
    operator_keys: dict[str, set[str]] = field(default_factory=dict)  # distinctive operator words -> the assets they run
    doc_operator_keys: frozenset[str] = frozenset()  # those naming at most 8 assets: evidence for the whole document
    branches: dict[str, str] = field(default_factory=dict)  # line -> "north" / "south" when its name says which branch it is
    places: dict[str, frozenset[str]] = field(default_factory=dict)
    end_places: dict[str, tuple[frozenset[str], ...]] = field(default_factory=dict)
    place_keys: set[str] = field(default_factory=set)
    alias_ends: dict[tuple[str, str], frozenset[str]] = field(default_factory=dict)  # (first, last) place of a dashed alias -> lines
    groups: dict[str, tuple[str, ...]] = field(default_factory=dict)
    group_alternatives: dict[str, str] = field(default_factory=dict)
    near: dict[str, frozenset[str]] = field(default_factory=dict)  # an asset and those connected to it
    lane_ends: frozenset[str] = frozenset()  # end points of shipping lanes and rail legs
    open_lanes: frozenset[str] = frozenset()  # shipping lanes with fewer than two ends in the data (a strait: "the Bosporus")
    ownable: frozenset[str] = frozenset()  # terminals and ports: what "the CPC's ..." may own
    own_terminal: dict[str, str] = field(default_factory=dict)  # a line with exactly one terminal or port among its end points -> it
    line_ids: frozenset[str] = frozenset()  # pipelines, lanes and rail legs
    rail_ids: frozenset[str] = frozenset()  # rail legs
    rail_ends: frozenset[str] = frozenset()  # their end points
    avoiding_groups: frozenset[str] = frozenset()  # "group:<id>" of route groups none of whose assets touches Russia
    first_keys: frozenset[str] = frozenset()
    start_keys: frozenset[str] | None = None  # first_keys and the keys of the abbreviations (filled by the extractor on first use)
    scan_keys: frozenset[str] | None = None  # start_keys and the operator words' keys: one scan finds both (filled with start_keys)
    name_pairs: frozenset[tuple[str, str]] | None = None  # word keys that follow each other in a name (filled by the extractor)
    # memos filled while matching; bounded so hostile input cannot grow them without limit
    fuzzy_seen: dict[str, str | None] = field(default_factory=dict)
    chain_seen: dict[tuple[str, ...], str | None] = field(default_factory=dict)
    from_to_seen: dict[tuple[str, str, str], str | None] = field(default_factory=dict)  # (place, place, commodity) -> line
    alias_chains: dict[str, tuple[str, ...]] = field(default_factory=dict)  # a line alias -> its places, if it names no commodity
    commodity_lines: dict[tuple[str | None, ...], dict[str, str]] = field(default_factory=dict)  # (line, *places) -> other line by commodity
    words: dict[str, Word] = field(default_factory=dict)  # a text's word -> what the extractor knows of it (one record a word)
    fuzzy_words: set[str] = field(default_factory=set)
    assets_seen: dict[tuple[str, ...], list[dict[str, str]]] = field(default_factory=dict)  # claim assets by claim type + mention ids
    lanes_seen: dict[frozenset[str], list[str]] = field(default_factory=dict)
    accepted: dict[tuple[str, int], list[Entry]] = field(default_factory=dict)  # by word and id of one of its own lists
    #: asset -> singular case forms (lower case, ё as е) of its one-word Cyrillic names (:func:`case_forms`): a Cyrillic word that
    #: reaches such an asset must be one of them or a place adjective («Самарий», samarium, is no form of «Самара»)
    cyrillic_forms: dict[str, frozenset[str]] = field(default_factory=dict)
    cyrillic_stems: dict[str, tuple[str, ...]] = field(default_factory=dict)  # their stems: a word opening with one is a form
    #: the key of an alias word that opens with a written-out /dʒ/ («Джейхан», "Dschayhan"), by the key of its rest ("eihan";
    #: a Cyrillic one's also by "ч" + that key): a text word that opens with another spelling of that sound (Turkish c,
    #: English j; Russian ч for a Cyrillic alias: extract's _DJ_ONSET_TEXT) and has that rest is that word
    onset_keys: dict[str, str] = field(default_factory=dict)


def _read(path: Path, parse: Callable[[str], Any]) -> Any:
    try:
        return parse(path.read_text(encoding="utf-8"))
    except (OSError, ValueError, yaml.YAMLError) as exc:
        msg = f"{path.name}: cannot read it for extraction ({exc.__class__.__name__}); run `python -m geo validate`"
        raise GeoError(msg) from None


def _km(lon1: float, lat1: float, lon2: float, lat2: float) -> float:
    p1, p2, dl = math.radians(lat1), math.radians(lat2), math.radians(lon2 - lon1)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(math.sqrt(min(1.0, a)))


def load_matcher(data_dir: Path, *, end_km: float = 15.0) -> Matcher:
    """Read the asset, group and waypoint files of ``data_dir`` and index them."""
    features = _read(data_dir / "assets.geojson", json.loads)["features"]
    groups = _read(data_dir / "routes.yaml", yaml.safe_load) or []
    waypoints_path = data_dir / "waypoints.csv"
    waypoints = _read(waypoints_path, lambda t: list(csv.DictReader(t.splitlines()))) if waypoints_path.exists() else []
    return build_index(features, groups, waypoints, end_km=end_km)


def build_index(features: list[dict[str, Any]], groups: list[dict[str, Any]], waypoints: list[dict[str, Any]], *, end_km: float = 15.0) -> Matcher:
    """Index GeoJSON asset features, route groups and waypoint rows (plain dicts, as in the files)."""
    m = Matcher()
    names: dict[tuple[str, ...], list[Entry]] = defaultdict(list)
    abbrevs: dict[str, list[Entry]] = defaultdict(list)

    def add(text: str, target: str, *, context: bool = False) -> None:
        words = WORD.findall(text)
        if not words:
            return
        if len(words) == 1 and ABBREV.match(words[0]):
            abbrevs[words[0]].append(Entry(target, text, context))
            return
        keys = tuple(DEMONYMS.get(k, k) for k in map(name_key, words))
        entry = Entry(target, text, context, tuple(fold(w) for w in words))
        if entry not in names[keys]:
            names[keys].append(entry)

    props = [f["properties"] for f in features]
    same = _same_abbreviations(props)
    for p in props:
        own = [p["name"], *(p.get("aliases") or [])]
        for alias in (own + _abbreviation_variants(own, same) + _prefix_variants(own) + _title_case_variants(own) + _expansion_variants(own)
                      + _schwa_variants(own)):
            add(alias, p["id"])
        for alias in p.get("context_aliases") or []:
            add(alias, p["id"], context=True)
        m.kinds[p["id"]] = p["kind"]
        m.display[p["id"]] = p["name"]
        m.commodity[p["id"]] = p.get("commodity") or ""
        m.russian[p["id"]] = bool(p.get("crosses_russia") or p.get("ends_at_russian_port") or "RU" in (p.get("countries") or []))
    # A name is also written without its commodity word ("Orenburg processing plant" for "Orenburg gas processing plant")
    # or with it ("Südkaukasus-Gaspipeline"); such a form is kept only where no other asset is named so
    for p in props:
        for alias in [p["name"], *(p.get("aliases") or [])]:
            short = _without_commodity(alias)
            for form in ([short] if short else []) + _with_commodity(alias, p.get("commodity") or ""):
                if not any(e.target != p["id"] for e in names.get(_keys_of(form), ())):
                    add(form, p["id"])
    for g in groups:
        for alias in g.get("aliases") or []:
            add(alias, f"group:{g['id']}")
        m.groups[g["id"]] = tuple(g.get("assets") or ())
        if g.get("alternatives"):
            m.group_alternatives[g["id"]] = g["alternatives"]
    _add_inflected_keys(names, props, m)
    m.onset_keys = _onset_keys(names)
    m.names, m.abbrevs = dict(names), dict(abbrevs)
    m.prefixes = {k[:i] for k in names for i in range(1, len(k) + 1)}
    for k, entries in m.names.items():
        node = m.trie
        for word in k:
            node = node.setdefault(word, {})
        node[None] = entries
    m.max_len = max((len(k) for k in names), default=1)
    m.first_keys = frozenset(k[0] for k in names)
    heads: dict[str, list[str]] = defaultdict(list)
    for k in names:
        if len(k) == 1 and len(k[0]) >= 6:
            heads[k[0][:2]].append(k[0])
    m.vocab_by_head = dict(heads)
    _link_geometry(m, features, end_km)
    _index_places(m, props, waypoints)
    _index_operators(m, props)
    _index_branches(m, props)
    # Fields feed several routes, so naming one is no evidence for any particular terminal or line.
    m.ownable = frozenset(a for a, k in m.kinds.items() if k in ("terminal", "port"))
    m.line_ids = frozenset(a for a, k in m.kinds.items() if k in LINE_KINDS)
    for line in m.line_ids:
        own = [p for p in m.endpoints.get(line, ()) if m.kinds.get(p) in ("terminal", "port")]
        if len(own) == 1:
            m.own_terminal[line] = own[0]
    m.rail_ids = frozenset(a for a, k in m.kinds.items() if k == "rail")
    m.rail_ends = frozenset(e for ln in m.rail_ids for e in m.endpoints.get(ln, ()))
    m.avoiding_groups = frozenset(f"group:{g}" for g, assets in m.groups.items() if assets and not any(m.russian.get(a) for a in assets))
    m.lane_ends = frozenset(e for ln, ends in m.endpoints.items() if m.kinds.get(ln) in ("shipping_lane", "rail") for e in ends)
    m.open_lanes = frozenset(ln for ln, k in m.kinds.items() if k == "shipping_lane" and len(m.endpoints.get(ln, ())) < 2)
    m.near = {a: frozenset({a} | {c for c in m.connected.get(a, set()) if m.kinds.get(c) != "field"}) for a in m.kinds}
    return m


_CYRILLIC_NAME = re.compile(r"^[А-ЯЁӘҒҚҢӨҰҮҺІ][а-яёәғқңөұүһі]+$")
_LATIN_NAME = re.compile(r"^[A-Z][a-z]+$")
#: Singular case endings (gen, dat, acc, ins, prep) of a Russian noun by its stem class: the last letters of the
#: nominative, and the endings that replace them. Foreign names in a vowel other than а / я (Баку, Атырау, Батуми,
#: Алашанькоу) do not decline; a name in -ь is taken as masculine (Узень, Кумколь, Алтынколь).
_DECLENSION = (
    ("ия", ("ии", "ию", "ией")),  # fem -ия: Самария, Самарии
    ("ий", ("ия", "ию", "ием", "ии")),  # masc -ий
    ("й", ("я", "ю", "ем", "е")),  # masc -ой / -ей / -ай: Бозой, Бозоя, Бозою, Бозоем, Бозое
    ("ь", ("я", "ю", "ем", "е")),  # masc -ь: Узень, Узеня, Узеню, Узенем, Узене
    ("я", ("и", "е", "ю", "ей")),  # fem -я
    ("жа", ("жи", "же", "жу", "жей", "жой")), ("ча", ("чи", "че", "чу", "чей", "чой")),  # fem after a hushing consonant
    ("ша", ("ши", "ше", "шу", "шей", "шой")), ("ща", ("щи", "ще", "щу", "щей", "щой")),
    ("га", ("ги", "ге", "гу", "гой")), ("ка", ("ки", "ке", "ку", "кой")), ("ха", ("хи", "хе", "ху", "хой")),  # fem after г к х
    ("а", ("ы", "е", "у", "ой")),  # fem -а: Самара, Самары, Самаре, Самару, Самарой
)
_INDECLINABLE_END = frozenset("еёиоуыэюәөұүі")
_HUSHING = frozenset("жчшщц")
#: Endings of Russian place adjectives («актауский», «батумского», «узеньское»): a Cyrillic word ending so reaches its
#: place through the adjective's key, not as a case form.
_RU_PLACE_ADJECTIVE = ("ский", "ская", "ское", "ского", "ской", "ском", "ских", "скую", "скому", "ским", "ские", "скими")


def case_forms(name: str) -> tuple[str, ...]:
    """The singular case forms of a one-word Russian name, by its stem class (nominative first).

    >>> case_forms("Бозой"), case_forms("Тенгиз"), case_forms("Баку"), case_forms("")
    (('Бозой', 'Бозоя', 'Бозою', 'Бозоем', 'Бозое'), ('Тенгиз', 'Тенгиза', 'Тенгизу', 'Тенгизом', 'Тенгизе'), ('Баку',), ('',))
    """
    last = name[-1:].lower()
    if not last or last in _INDECLINABLE_END:  # "" has no forms but itself
        return (name,)
    for end, endings in _DECLENSION:
        if name.lower().endswith(end):
            stem = name[: -len(end)]
            return (name, *(stem + e for e in endings))
    # a consonant: -а -у -ом -е, and -ем after a hushing consonant or ц (Галкынышем)
    return (name, name + "а", name + "у", name + ("ем" if last in _HUSHING else "ом"), name + "е")


def form_key(word: str) -> str:
    """How case forms are compared (:attr:`Matcher.cyrillic_forms`): lower case, ё written е.

    >>> form_key("Озёрный")
    'озерный'
    """
    return word.lower().replace("ё", "е")


def case_stem(name: str) -> str:
    """The letters every case form of :func:`case_forms` opens with: «Самара» "Самар", «Бозой» "Бозо", «Баку» "Баку".

    >>> case_stem("Самара"), case_stem("Бозой"), case_stem("Тенгиз"), case_stem("Баку")
    ('Самар', 'Бозо', 'Тенгиз', 'Баку')
    """
    forms = case_forms(name)
    stem = forms[0]
    for form in forms[1:]:
        while not form.startswith(stem):
            stem = stem[:-1]
    return stem


def _add_inflected_keys(names: dict[tuple[str, ...], list[Entry]], props: list[dict[str, Any]], m: Matcher) -> None:
    """Index the keys of inflected forms that the case-ending strip of :func:`name_key` does not bring to the name's key.

    - A one-word Russian name's case forms (:func:`case_forms`): «Бозоем» keys "boso", «Бозой» "bos" (its -ой is taken for
      an adjective's ending).
    - A place adjective that opens a longer alias of the place («Атырауская НПС», «Батумский нефтяной терминал»):
      its key opens that alias, so the extractor does not read it as the place's adjective; it names the place alone too
      («через атырауский узел»).
    - The German genitive and English plural "-s" of a one-word Latin name ("Bakus": "baku", while "Baku" keys "bak").
    A key already held by another asset's name is left to it. ``m.cyrillic_forms`` gets the case forms by asset (lower
    case, not folded: the fold writes «Самарий» like «Самары», "samari").
    """
    forms: dict[str, set[str]] = defaultdict(set)
    stems: dict[str, set[str]] = defaultdict(set)
    extra: dict[tuple[str, ...], list[Entry]] = defaultdict(list)
    for p in props:
        for alias in [p["name"], *(p.get("aliases") or []), *(p.get("context_aliases") or [])]:
            words = WORD.findall(alias)
            if len(words) != 1 or words[0] != alias:
                continue
            own = names.get(_keys_of(alias))
            if not own:
                continue
            variants: tuple[str, ...] = ()
            if _CYRILLIC_NAME.match(alias):
                variants = case_forms(alias)
                forms[p["id"]].update(map(form_key, variants))
                stems[p["id"]].add(form_key(case_stem(alias)))
            elif _LATIN_NAME.match(alias):
                variants = (alias + "s",)
            for form in variants:
                key = _keys_of(form)
                if key in names and any(e.target != p["id"] for e in names[key]):
                    continue
                extra[key].extend(e for e in own if e.target == p["id"] and e not in extra[key])  # in the name's order
    for key, entries in list(names.items()):
        first = WORD.findall(entries[0].alias)[0] if len(key) > 1 else ""
        if not first.lower().endswith(_RU_PLACE_ADJECTIVE) or (key[0],) in names:
            continue
        base = _keys_of(first[: -len(next(e for e in _RU_PLACE_ADJECTIVE if first.lower().endswith(e)))])
        targets = {e.target for e in entries}
        place = [e for e in names.get(base, ()) if e.target in targets]
        if place:
            extra[(key[0],)].extend(e for e in place if e not in extra[(key[0],)])
    for key, entries in extra.items():
        if key not in names:
            names[key] = entries
    m.cyrillic_forms = {a: frozenset(f) for a, f in forms.items()}
    m.cyrillic_stems = {a: tuple(sorted(v)) for a, v in stems.items()}


#: A written-out /dʒ/ opening an alias word: Russian дж, German dsch, English dzh / dj (Turkish c and English j are not
#: told from a /k/, /s/ or /j/ by their letters, so only these open the index).
DJ_ONSET = re.compile(r"(?:Дж|Dsch|Dzh|Dj)(?=[^\W\d_]{4})", re.IGNORECASE)


def _onset_keys(names: dict[tuple[str, ...], list[Entry]]) -> dict[str, str]:
    """:attr:`Matcher.onset_keys`: the rest's key -> the word's key, for alias words opening with :data:`DJ_ONSET`.

    A rest two words share with different keys is left out ("" is stored: no guess between them).
    """
    out: dict[str, str] = {}
    for keys, entries in names.items():
        for e in entries:
            words = WORD.findall(e.alias)
            if len(words) != len(keys):
                continue
            for word, key in zip(words, keys, strict=True):
                m = DJ_ONSET.match(word)
                if m is not None:
                    rest = name_key(word[m.end():])
                    # a Cyrillic alias's rest also under "ч" + rest: a Russian text may write its дж as ч («Чейхан» for
                    # «Джейхан»), but no Latin spelling's rest is taken so («Чайхана», a tea house, is no "Dschayhan")
                    for k in (rest, "ч" + rest) if word[:1] in "Дд" else (rest,):
                        out[k] = key if out.get(k, key) == key else ""
    return out


_COMMODITY_WORDS = frozenset(("gas", "oil", "crude"))


def _without_commodity(alias: str) -> str | None:
    """``alias`` without a commodity word inside it ("Orenburg gas processing plant" -> "Orenburg processing plant").

    Only names of three words or more, and not the first or last word, so "Kumkol oil field" gives "Kumkol field"
    but "Galkynysh gas" or "oil terminal" give nothing.
    """
    words = alias.split()
    if len(words) < 3:
        return None
    inner = [i for i in range(1, len(words) - 1) if words[i].casefold() in _COMMODITY_WORDS
             and not {words[i - 1].casefold(), words[i + 1].casefold()} & {"and", "und", "и"}]  # not "oil and gas field"
    return " ".join(w for i, w in enumerate(words) if i not in inner) if inner else None


#: Prefixes that German and English write joined or hyphenated alike ("Transanatolische" / "Trans-Anatolische",
#: "Südkaukasus-Pipeline" / "Süd-Kaukasus-Pipeline", "Trans-Caspian" / "Transcaspian"). Russian writes them joined.
#: (and the Russian compass and "trans" prefixes of compound adjectives, which machine translations hyphenate:
#: «Южно-Кавказский трубопровод», «Транс-Каспийский газопровод»)
_COMPOUND_PREFIX = re.compile(r"(?<![\w-])(Trans|Süd|Nord|Zentral|Транс|Южно|Северо|Западно|Восточно)(-?)([^\W\d_])(?=\w{3})")


def _schwa_variants(aliases: list[str]) -> list[str]:
    """Each Azerbaijani alias with its ə written e, as Russian and machine transliterations write it (Səngəçal «Сенгечал»).

    The fold reads ə as a (:mod:`geo.claims.text`), as English and the Russian of the data write it (Sangachal, «Сангачал»).

    >>> _schwa_variants(["Səngəçal", "Sangachal", "Ələt"])
    ['Sengeçal', 'Elet']
    """
    return [a.replace("ə", "e").replace("Ə", "E") for a in aliases if "ə" in a or "Ə" in a]


def _prefix_variants(aliases: list[str]) -> list[str]:
    """Each alias with its compound prefix written the other way, joined or hyphenated.

    "Transanatolische Pipeline" gives "Trans-Anatolische Pipeline", "Trans-Caspian pipeline" "Transcaspian pipeline".

    >>> _prefix_variants(["Transanatolische Pipeline", "Trans-Caspian pipeline", "Southern Transit"])
    ['Trans-Anatolische Pipeline', 'Transcaspian pipeline']
    """
    def other(m: re.Match[str]) -> str:  # a hyphenated part is capitalised, a joined one is not
        prefix, hyphen, letter = m.groups()
        return prefix + letter.lower() if hyphen else f"{prefix}-{letter.upper()}"

    out = [_COMPOUND_PREFIX.sub(other, alias) for alias in aliases]
    return [a for a in dict.fromkeys(out) if a not in aliases]


#: The commodity words a line's name may carry: English before "pipeline", German inside the compound.
_COMMODITY_FORMS = {"oil": (" oil pipeline", "-Ölpipeline", "-Erdölpipeline"),
                    "gas": (" gas pipeline", "-Gaspipeline", "-Erdgaspipeline")}
#: A line's name ending in "pipeline": a German compound ("Südkaukasus-Pipeline"), or "pipeline" after a hyphenated
#: name, an abbreviation or a German "-ische" adjective.
_NAME_PIPELINE = re.compile(r"^(?P<head>.+?)(?P<sep>[ -])[Pp]ipeline$")
_NAMED_HEAD = re.compile(r"\w[-‐‑‒–—]\w[^ ]*$|\b[A-ZА-ЯЁ]{2,6}$|\wische$")


def _with_commodity(alias: str, commodity: str) -> list[str]:
    """``alias`` with its line's commodity word, as wires and German papers write it.

    "Baku–Tbilisi–Ceyhan pipeline" gives "Baku–Tbilisi–Ceyhan oil pipeline", "Südkaukasus-Pipeline" gives
    "Südkaukasus-Gaspipeline", "Transadriatische Pipeline" "Transadriatische Gaspipeline". A one-word name that is a
    sea or a word ("Caspian Pipeline", "Friendship pipeline") gets none: "a Caspian oil pipeline" is any line.

    >>> _with_commodity("Südkaukasus-Pipeline", "gas")
    ['Südkaukasus-Gaspipeline', 'Südkaukasus-Erdgaspipeline']
    >>> _with_commodity("BTC pipeline", "oil"), _with_commodity("Caspian Pipeline", "oil")
    (['BTC oil pipeline'], [])
    """
    m = _NAME_PIPELINE.match(alias)
    if not m or commodity not in _COMMODITY_FORMS or (m["sep"] == " " and not _NAMED_HEAD.search(m["head"])):
        return []
    english, *german = _COMMODITY_FORMS[commodity]
    head = m["head"]
    if m["sep"] == " " and not head.endswith("ische"):
        return [head + english]
    return [head + (g if m["sep"] == "-" else " " + g[1:]) for g in german]


def _keys_of(text: str) -> tuple[str, ...]:
    return tuple(DEMONYMS.get(k, k) for k in map(name_key, WORD.findall(text)))


def _same_abbreviations(props: list[dict[str, Any]]) -> dict[str, list[str]]:
    """Each abbreviation alias -> the other abbreviations of the same asset ("CPC" -> "KTK", "КТК")."""
    out: dict[str, list[str]] = {}
    for p in props:
        abbrevs = [a for a in p.get("aliases") or [] if ABBREV.match(a)]
        for a in abbrevs:
            out.setdefault(a, []).extend(b for b in abbrevs if b != a)
    return out


def _title_case_variants(aliases: list[str]) -> list[str]:
    """An abbreviation of five letters or more in title case, as the trade press writes one spoken as a word.

    Argus and the FT write "Kebco", "Tanap", "Opec"; a short one stays case-exact ("tap", "cac" are words).

    >>> _title_case_variants(["KEBCO", "UAS", "ТАНАП", "Uzen"])
    ['Kebco', 'Танап']
    """
    out = [a.capitalize() for a in aliases if len(a) >= 5 and ABBREV.match(a)]
    return [a for a in out if a not in aliases]


def _expansion_variants(aliases: list[str]) -> list[str]:
    """An abbreviation of the asset with an "X" added (its expansion), the "X" in lower case.

    The operator and the trade press write the expansion of a line "SCPx" as often as "SCPX"; the mixed case is no word.
    Only where the asset's aliases hold the abbreviation without the "X" too ("SCP" and "SCPX"; not the firm "INPEX").

    >>> _expansion_variants(["SCPX", "SCP", "INPEX", "TX"])
    ['SCPx']
    """
    out = [a[:-1] + "x" for a in aliases if len(a) >= 4 and a.endswith("X") and ABBREV.match(a) and a[:-1] in aliases]
    return [a for a in out if a not in aliases]


def _abbreviation_variants(aliases: list[str], same: dict[str, list[str]]) -> list[str]:
    """Longer aliases with an abbreviation swapped for another of the same asset: "CPC-Terminal" gives "KTK-Terminal".

    Russian and English texts write the same name with their own abbreviation («КТК-терминал»).
    """
    out = []
    for alias in aliases:
        words = WORD.findall(alias)
        if len(words) < 2:
            continue
        for ab in words:
            for other in same.get(ab, ()):
                out.append(re.sub(rf"(?<!\w){re.escape(ab)}(?!\w)", other, alias))
    return [a for a in dict.fromkeys(out) if a not in aliases]


def _link_geometry(m: Matcher, features: list[dict[str, Any]], end_km: float) -> None:
    points = [(f["properties"]["id"], *f["geometry"]["coordinates"][:2]) for f in features
              if f["properties"]["kind"] not in LINE_KINDS and f.get("geometry", {}).get("type") == "Point"]
    connected: dict[str, set[str]] = defaultdict(set)
    for f in features:
        p, geom = f["properties"], f.get("geometry") or {}
        if p["kind"] not in LINE_KINDS or geom.get("type") not in ("LineString", "MultiLineString"):
            continue
        coords = geom["coordinates"][0] if geom["type"] == "MultiLineString" else geom["coordinates"]
        ends = []
        for lon, lat in (coords[0][:2], coords[-1][:2]):
            dist, nearest = min(((_km(q[1], q[2], lon, lat), q[0]) for q in points), default=(math.inf, ""))
            if dist <= end_km:
                ends.append(nearest)
        ends = list(dict.fromkeys(ends))
        m.endpoints[p["id"]] = tuple(ends)
        for e in ends:
            connected[e].add(p["id"])
            connected[p["id"]].add(e)
            connected[e].update(q for q in ends if q != e)
    m.connected = dict(connected)


def _index_places(m: Matcher, props: list[dict[str, Any]], waypoints: list[dict[str, Any]]) -> None:
    """Places each line names or passes: waypoints, end points, the parts of "A-B-C" aliases, its countries."""
    places: dict[str, set[str]] = defaultdict(set)
    alias_ends: dict[tuple[str, str], set[str]] = defaultdict(set)
    point_names = {p["id"]: [p["name"], *(p.get("aliases") or []), *(p.get("context_aliases") or [])] for p in props}
    for row in waypoints:
        # the first word that names a place: "Sea of Marmara" -> Marmara, "NPS Astrakhanskaya" -> Astrakhanskaya
        words = [k for k in map(name_key, WORD.findall(row.get("place") or "")) if _is_place_key(k) and k not in _WAYPOINT_GENERIC]
        if words:
            places[row["asset_id"]].add(words[0])
    for p in props:
        if p["kind"] not in LINE_KINDS:
            continue
        for n, alias in enumerate([p["name"], *(p.get("aliases") or [])]):
            for chain in _DASH_CHAIN.findall(alias):
                keys = [k for k in (DEMONYMS.get(k, k) for k in map(name_key, WORD.findall(chain)))
                        if k not in _NOT_PLACES and k not in _WAYPOINT_GENERIC and _is_place_key(k)]
                places[p["id"]].update(keys)
                if len(keys) >= 2 and n > 0:  # aliases only: a display name may carry its system's name ("Kazakhstan–China pipeline: ...")
                    alias_ends[(keys[0], keys[-1])].add(p["id"])
                    alias_ends[(keys[-1], keys[0])].add(p["id"])
        ends = [frozenset(k for a in point_names.get(e, ()) for k in map(name_key, WORD.findall(a)[:1]) if _is_place_key(k))
                for e in m.endpoints.get(p["id"], ())]
        m.end_places[p["id"]] = tuple(ends)
        places[p["id"]].update(*ends)
        for code in p.get("countries") or []:
            places[p["id"]].update(name_key(n) for n in COUNTRY_NAMES.get(code, ()))
    m.places = {k: frozenset(v) for k, v in places.items()}
    m.place_keys = set().union(*m.places.values()) if m.places else set()
    m.alias_ends = {k: frozenset(v) for k, v in alias_ends.items()}


#: Words of waypoint descriptions that are not the place itself.
_WAYPOINT_GENERIC = {name_key(w) for w in (
    "NPS", "PS", "pump", "station", "Middle", "East", "West", "North", "South", "Port", "Sea", "of", "the", "Lake", "Cape",
    "Bay", "km", "near", "border", "crossing", "river", "island", "district", "region", "prov", "field", "terminal",
)}


def _is_place_key(k: str) -> bool:
    """Numbers ("BPS-1", "CAC-3") and one- or two-letter keys are no places of a chain."""
    return len(k) >= 3 and not k.isdigit()


def _index_operators(m: Matcher, props: list[dict[str, Any]]) -> None:
    """Distinctive words of operator names ("Transneft", "SOCAR"): document-level evidence for an asset."""
    by_key: dict[str, set[str]] = defaultdict(set)
    for p in props:
        for w in WORD.findall(p.get("operator") or ""):
            if len(w) >= 3 and w[0].isupper() and name_key(w) not in _OPERATOR_STOP:
                by_key[name_key(w)].add(p["id"])
    # a word that is itself an asset's name ("Baku" of "Baku International Sea Trade Port") names that asset, not the operator
    m.operator_keys = {k: v for k, v in by_key.items() if (k,) not in m.names}
    # an operator of many assets ("Transneft") says little about a whole article, but settles a name in its own sentence
    m.doc_operator_keys = frozenset(k for k, v in m.operator_keys.items() if len(v) <= 8)


_BRANCH_IN_NAME = re.compile(r"\((north|south)(?:ern)? branch\)")


def _index_branches(m: Matcher, props: list[dict[str, Any]]) -> None:
    """Lines whose display name says which branch of a larger system they are ("Druzhba ... (northern branch)")."""
    for p in props:
        got = _BRANCH_IN_NAME.search(p["name"]) if p["kind"] in LINE_KINDS else None
        if got:
            m.branches[p["id"]] = got.group(1)
