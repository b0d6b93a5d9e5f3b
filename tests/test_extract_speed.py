"""The indexes and scans added for extraction speed give the same answers as the plain definitions they replace."""

from __future__ import annotations

import dataclasses
from itertools import accumulate

from geo.claims.extract import Candidate, Extraction, Mention, _ends, _its_terminal, analyse, build_index
from geo.claims.text import name_key, split_words


def _point(asset_id: str, name: str, kind: str, lon: float, lat: float, aliases: list[str] | None = None) -> dict:
    return {"type": "Feature", "geometry": {"type": "Point", "coordinates": [lon, lat]},
            "properties": {"id": asset_id, "name": name, "kind": kind, "aliases": aliases or []}}


def _line(asset_id: str, name: str, coords: list[list[float]], aliases: list[str] | None = None) -> dict:
    return {"type": "Feature", "geometry": {"type": "LineString", "coordinates": coords},
            "properties": {"id": asset_id, "name": name, "kind": "pipeline", "aliases": aliases or [], "commodity": "oil"}}


def _small_index():
    # Two lines: "Alpha pipeline" runs field (0, 0) -> terminal (1, 0); "Beta pipeline" runs terminal (1, 0) -> port (2, 0).
    features = [
        _point("f", "Gamma field", "field", 0.0, 0.0),
        _point("t", "Delta terminal", "terminal", 1.0, 0.0),
        _point("p", "Epsilon port", "port", 2.0, 0.0),
        _line("alpha", "Alpha pipeline", [[0.0, 0.0], [1.0, 0.0]], ["Alpha Omega Line"]),
        _line("beta", "Beta pipeline", [[1.0, 0.0], [2.0, 0.0]]),
    ]
    return build_index(features, [], [])


def test_ends_accumulates_the_part_lengths():
    # "Hi, Bo." splits into "", "Hi", ", ", "Bo", "." (lengths 0, 2, 2, 2, 1): ends 0, 0+2, 2+2, 4+2, 6+1
    assert _ends(split_words("Hi, Bo.")) == [0, 2, 4, 6, 7]
    assert _ends([]) == []


def test_trie_holds_every_name_and_only_its_prefixes():
    m = _small_index()
    # "Alpha Omega Line" is three word keys: the trie walks them one by one to the same entry list as the name index
    keys = tuple(name_key(w) for w in ("Alpha", "Omega", "Line"))
    node = m.trie
    for k in keys:
        node = node[k]
    assert node[None] is m.names[keys]
    # every node is a prefix of a name, and every prefix a node: count the nodes (the root and the entry slots aside)
    def count(n):
        return sum(1 + count(child) for k, child in n.items() if k is not None)
    assert count(m.trie) == len(m.prefixes)


def test_own_terminal_is_the_one_terminal_or_port_among_a_lines_ends():
    m = _small_index()
    # alpha ends at the field and the terminal: one terminal. beta ends at the terminal and the port: two, so none.
    assert m.own_terminal == {"alpha": "t"}


def test_its_terminal_takes_the_first_pronoun_within_twenty_words_and_stops_at_a_sentence_end():
    text = "Alpha shipped more and its terminal was full. Its terminal"
    parts = split_words(text)
    raws, gaps = parts[1::2], parts[0::2]
    offsets = list(accumulate(map(len, parts)))
    # words: Alpha(0) shipped(1) more(2) and(3) its(4) terminal(5) was(6) full(7) Its(8) terminal(9)
    line = Mention(0, 5, "Alpha", "alpha", "Alpha", "name", 0)
    # the pronoun at word 4 is followed by "terminal" (word 5) after one space, and no name stands between
    assert _its_terminal(raws, gaps, offsets, 0, [0], line, [4, 8]) == 5
    # a sentence end before the pronoun stops the look-ahead: from "full" (7) the next pronoun (8) lies past ". "
    assert _its_terminal(raws, gaps, offsets, 7, [0], line, [4, 8]) is None
    # no pronoun after the line: nothing
    assert _its_terminal(raws, gaps, offsets, 0, [0], line, []) is None


def test_names_after_many_unseen_words_are_found_as_before():
    # unseen words (numbers) before and between the names: their keys are worked out one by one
    from geo import settings
    from geo.claims.extract import default_matcher

    m = default_matcher(settings.DATA_DIR)
    text = "In 90817263 the CPC shipped 5512093 tonnes of oil to Novorossiysk via the Baku-Tbilisi-Ceyhan pipeline 77120398."
    got = [(x.text, x.id) for x in analyse(text, language="en", matcher=m).mentions]
    assert ("CPC", "cpc") in got
    assert ("Baku-Tbilisi-Ceyhan pipeline", "btc") in got or ("Baku-Tbilisi-Ceyhan", "btc") in got


def test_the_written_out_inits_take_the_dataclass_fields():
    # the fields in their order, by keyword too; defaults as declared; a fresh list or set for each instance
    m = Mention(1, 5, "Aktau", "aktau_port", "Aktau", "name", 0)
    assert m == Mention(start=1, end=5, text="Aktau", id="aktau_port", alias="Aktau", match="name", sentence=0)
    assert [getattr(m, f.name) for f in dataclasses.fields(Mention)] == [1, 5, "Aktau", "aktau_port", "Aktau", "name", 0, False, None, ()]
    c1, c2 = Candidate("a", 0, 9, "x", "en", "dependency", []), Candidate("a", 0, 9, "x", "en", "dependency", [])
    assert [getattr(c1, f.name) for f in dataclasses.fields(Candidate)] == ["a", 0, 9, "x", "en", "dependency", [], [], []]
    assert c1.mentions is not c2.mentions and c1.claim_types is not c2.claim_types
    assert Candidate("a", 0, 9, "x", "en", "dependency", [], claim_types=["dependency"]).claim_types == ["dependency"]
    e1, e2 = Extraction([], []), Extraction([], [])
    assert (e1.lanes, e1.lane_points) == (set(), set()) and e1.lanes is not e2.lanes and e1.lane_points is not e2.lane_points
    assert Extraction([], [m], {"lane"}).lanes == {"lane"}
