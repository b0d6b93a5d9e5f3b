"""geo.claims.extract on single sentences and on its decision rules, every expectation read off the text by hand.

Offsets are counted in the sentence: "Kazakhstan depends on the CPC" puts "CPC" at 11 + 8 + 3 + 4 = 26 .. 29.
"""

from __future__ import annotations

import pytest

from geo.claims.extract import _route_type, analyse, claim_types, default_matcher, extract
from tests.conftest import DATA

M = default_matcher(DATA)


def run(text: str, lang: str = "en"):
    return analyse(text, language=lang, matcher=M)


# --- the route-type rule ------------------------------------------------------------------------

E, R, D, C, A = "energy", "rerouting", "dependency", "change", "actors"


@pytest.mark.parametrize(("cues", "flags", "expected"), [
    # With energy words: a rerouting cue wins over a dependency cue.
    ({E, R, D}, {}, "rerouting"),
    ({E, D}, {}, "dependency"),
    # A change of route is rerouting only if the sentence names an asset that avoids Russia.
    ({E, C}, {"named": True, "avoids_russia": True}, "rerouting"),
    ({E, C}, {"named": True}, None),
    ({E, C}, {"avoids_russia": True}, None),
    # "Exports go through the CPC": reliance on a Russian route.
    ({E}, {"via_russia_only": True}, "dependency"),
    ({E}, {}, None),
    # Without energy words, only after an energy sentence, and only when the sentence names an asset or an actor.
    ({R}, {}, None),
    ({R}, {"after_energy": True}, None),
    ({R}, {"after_energy": True, "named": True}, "rerouting"),
    ({R, A}, {"after_energy": True}, "rerouting"),
    ({D, A}, {"after_energy": True}, "dependency"),
    ({D}, {"after_energy": True, "named": True}, "dependency"),
    ({C}, {"after_energy": True, "named": True, "avoids_russia": True}, None),
    ({D}, {"via_russia_only": True}, None),
])
def test_route_type_rule(cues, flags, expected):
    args = {"named": False, "avoids_russia": False, "after_energy": False, "via_russia_only": False} | flags
    assert _route_type(frozenset(cues), **args) == expected


def test_claim_types_put_the_route_type_first_then_the_others_in_fixed_order():
    cues = frozenset({E, R, "opinion", "military_symbolic", "alignment"})
    assert claim_types("", "en", named=False, cues=cues) == ["rerouting", "military_symbolic", "alignment", "opinion"]
    # No route type: the others count only when the sentence has actors.
    assert claim_types("", "en", named=False, cues=frozenset({"opinion"})) == []
    assert claim_types("", "en", named=False, cues=frozenset({"opinion", A})) == ["opinion"]
    assert claim_types("", "en", named=False, cues=frozenset({A})) == []
    assert claim_types("", "en", named=True, avoids_russia=True, cues=frozenset({E, C})) == ["rerouting"]


# --- single sentences ----------------------------------------------------------------------------


def test_a_dependency_on_the_cpc():
    x = run("Kazakhstan depends on the CPC for 80% of its oil exports.")
    (claim,) = x.claims
    assert (claim.claim_type, claim.start, claim.end) == ("dependency", 0, 57)
    assert claim.assets == [{"id": "cpc", "name": claim.assets[0]["name"], "role": "subject", "match": "name"}]
    (m,) = x.mentions
    assert (m.id, m.start, m.end, m.text, m.sentence, m.linked, m.claim) == ("cpc", 26, 29, "CPC", 0, True, 0)
    assert x.linked_assets() == {"cpc"}
    assert [c.claim_type for c in extract("Kazakhstan depends on the CPC for 80% of its oil exports.", language="en", matcher=M)] == [
        "dependency"]


def test_rerouting_by_a_line_that_avoids_russia():
    x = run("Kazakhstan plans to reroute oil exports to bypass Russia via the Baku-Tbilisi-Ceyhan pipeline.")
    (claim,) = x.claims
    assert claim.claim_type == "rerouting"
    # BTC neither crosses Russia nor ends at a Russian port: an alternative.
    assert [(a["id"], a["role"]) for a in claim.assets] == [("btc", "alternative")]
    (m,) = x.mentions
    # "Kazakhstan plans to reroute oil exports to bypass Russia via the " is 65 characters.
    assert (m.id, m.start, m.text) == ("btc", 65, "Baku-Tbilisi-Ceyhan pipeline")


def test_russian_ports_are_bypassed_and_the_middle_corridor_is_the_alternative():
    x = run("Exports via Russian ports fell as Kazakhstan shifted oil to the Middle Corridor.")
    (claim,) = x.claims
    roles = {a["id"]: (a["role"], a["match"]) for a in claim.assets}
    assert roles["cpc-marine-terminal"] == ("bypassed", "group")
    assert roles["btc"] == ("alternative", "group")
    assert [m.id for m in x.mentions] == ["group:russian-ports", "group:middle-corridor"]
    # Group names are no asset links on their own.
    assert x.linked_assets() == set()


def test_the_cpcs_terminal_is_the_possessors_end_point():
    x = run("Oil exports go through the CPC. The CPC's terminal near Novorossiysk loads tankers.")
    assert [c.claim_type for c in x.claims] == ["dependency", "dependency"]
    assert [(m.id, m.start, m.sentence) for m in x.mentions] == [("cpc", 27, 0), ("cpc", 36, 1), ("cpc-marine-terminal", 56, 1)]


def test_a_russian_name_in_russian():
    x = run("Казахстан экспортирует нефть через КТК.", "ru")
    (claim,) = x.claims
    assert claim.claim_type == "dependency"
    assert claim.language == "ru"
    (m,) = x.mentions
    assert (m.id, m.text, m.start, m.end) == ("cpc", "КТК", 35, 38)


def test_a_german_rerouting_claim_names_aktau_and_the_russian_ports():
    x = run("Kasachstan will sein Öl über den Hafen Aktau umleiten, um russische Häfen zu umgehen.", "de")
    (claim,) = x.claims
    assert claim.claim_type == "rerouting"
    roles = {a["id"]: a["role"] for a in claim.assets}
    assert roles["aktau"] == "alternative" and roles["cpc"] == "bypassed"
    assert [(m.id, m.text) for m in x.mentions] == [("aktau", "Aktau"), ("group:russian-ports", "russische Häfen")]


def test_a_football_club_is_no_link():
    x = run("FC Atyrau won the match.")
    assert x.claims == []
    (m,) = x.mentions
    assert (m.id, m.linked, m.claim) == ("atyrau", False, None)
    assert x.linked_assets() == set()


def test_a_lane_whose_two_ends_are_named():
    x = run("The tankers sailed from Aktau to Baku. Oil is then sent by the BTC pipeline.")
    assert x.claims == []
    assert [(m.id, m.sentence) for m in x.mentions] == [("aktau", 0), ("sangachal", 0), ("btc", 1)]
    assert x.lanes == {"lane-aktau-baku"}
    assert x.linked_assets() == {"aktau", "sangachal", "btc", "lane-aktau-baku"}


def test_a_place_without_energy_words_is_not_linked():
    x = run("Atyrau is a city. The refinery processes crude oil.")
    assert [(m.id, m.linked) for m in x.mentions] == [("atyrau", False)]
