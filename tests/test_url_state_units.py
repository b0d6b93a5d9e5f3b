"""geo.views.url_state: exact views and notices for hand-picked links (fast: no app, no hypothesis)."""

from __future__ import annotations

import pytest

from geo.views.url_state import CAPACITY_MAX, MAX_VALUE_CHARS, ViewState, _shown, notice_line, parse_query, read_query, to_query

ASSETS = {"cpc", "btc", "kcp"}
PRESETS = {"cpc-halted"}


def read(params):
    return read_query(params, asset_ids=ASSETS, presets=PRESETS, claim_ids={"c1"}, article_ids={"a1"})


def test_defaults():
    state = ViewState()
    assert (state.year, state.commodity, state.preset, state.off, state.capacity) == (2024, "oil", None, (), ())
    assert (state.claim, state.asset, state.article, state.extra) == (None, None, None, {})
    assert state.with_(year=2022) == ViewState(year=2022)
    assert ViewState(extra={"a": "b"}) == ViewState()  # extra does not count in equality
    assert read({}) == (ViewState(), [])


def test_a_fully_valid_link():
    state, notices = read({"year": "2024", "commodity": "gas", "preset": "cpc-halted", "off": "cpc,btc,cpc,", "cap": "kcp:12.5,btc:0",
                           "claim": "c1", "asset": "kcp", "article": "a1", "embed": "true"})
    assert notices == []
    assert state == ViewState(year=2024, commodity="gas", preset="cpc-halted", off=("cpc", "btc"), capacity=(("kcp", 12.5), ("btc", 0.0)),
                              claim="c1", asset="kcp", article="a1")


def test_a_list_with_one_value_is_that_value():
    assert read({"year": ["2022"]}) == (ViewState(year=2022), [])
    assert read({"year": ("2022", "2024")})[1] == ["year: '('2022', '2024')' is not a single value"]
    assert read({"year": 2022})[1] == ["year: '2022' is not a single value"]
    assert read({"year": None})[1] == ["year: 'None' is not a single value"]


@pytest.mark.parametrize(("params", "notice"), [
    ({"year": "2021"}, "year: '2021' is not one of 2022, 2023, 2024"),
    ({"year": "20222"}, "year: '20222' is not one of 2022, 2023, 2024"),
    ({"year": "２０２２"}, "year: '２０２２' is not one of 2022, 2023, 2024"),
    ({"commodity": "coal"}, "commodity: 'coal' is not one of oil, gas"),
    ({"preset": "no-such"}, "preset: 'no-such' is not a known preset"),
    ({"preset": "cpc halted"}, "preset: 'cpc halted' is not a known preset"),
    ({"off": "nope,,"}, "off: 'nope' is not a known route"),
    ({"off": "a,b,c,d"}, "off: 'a', 'b', 'c' are not a known route"),
    ({"cap": "cpc:1001"}, "cap: 'cpc:1001' is not a known route with a capacity from 0 to 1000"),
    ({"cap": "cpc:1e3"}, "cap: 'cpc:1e3' is not a known route with a capacity from 0 to 1000"),
    ({"cap": "cpc:-1"}, "cap: 'cpc:-1' is not a known route with a capacity from 0 to 1000"),
    ({"cap": "nope:1"}, "cap: 'nope:1' is not a known route with a capacity from 0 to 1000"),
    ({"cap": "cpc"}, "cap: 'cpc' is not a known route with a capacity from 0 to 1000"),
    ({"claim": "c2"}, "claim: 'c2' is not a known claim"),
    ({"asset": "c1"}, "asset: 'c1' is not a known asset"),
    ({"article": "../a1"}, "article: '../a1' is not a known article"),
    ({"zoom": "3"}, "unknown parameter(s) 'zoom'"),
    ({"a": "", "b": "", "c": "", "d": "", "e": ""}, "unknown parameter(s) 'a', 'b', 'c', 'd' and more"),
    ({"a": "", "b": "", "c": "", "d": ""}, "unknown parameter(s) 'a', 'b', 'c', 'd'"),
])
def test_each_bad_value_is_named_once(params, notice):
    state, notices = read(params)
    assert notices == [notice]
    assert state == ViewState()


def test_capacity_limits_are_inclusive():
    assert read({"cap": f"cpc:{CAPACITY_MAX:g}"}) == (ViewState(capacity=(("cpc", 1000.0),)), [])
    assert read({"cap": "cpc:0.123456"})[0].capacity == (("cpc", 0.123456),)
    assert read({"cap": "cpc:0.1234567"})[1] != []
    assert read({"cap": "cpc:1,cpc:2"})[0].capacity == (("cpc", 2.0),)


def test_ids_are_ascii_and_at_most_80_characters():
    long_id = "a" * 80
    state, notices = read_query({"asset": long_id}, asset_ids={long_id, "b" * 81}, presets=())
    assert (state.asset, notices) == (long_id, [])
    assert read_query({"asset": "b" * 81}, asset_ids={"b" * 81}, presets=())[0].asset is None


def test_overlong_values_are_dropped_before_parsing():
    assert read({"off": "x" * MAX_VALUE_CHARS})[1] == ["off: 'xxxxxxxxxxxxxxxxxxxxxxxx… (2,000 characters)' is not a known route"]
    assert read({"off": "x" * (MAX_VALUE_CHARS + 1)})[1] == ["off: a value of 2,001 characters is too long"]


def test_shown_quotes_cuts_and_flattens():
    assert _shown("abc") == "'abc'"
    assert _shown("a" * 24) == "'" + "a" * 24 + "'"
    assert _shown("a" * 25) == "'" + "a" * 24 + "… (25 characters)'"
    assert _shown("a\nb\x00c") == "'a\ufffdb\ufffdc'"
    assert _shown(12, limit=1) == "'1… (2 characters)'"
    assert _shown("abcdef", limit=3) == "'abc… (6 characters)'"


def test_notice_line():
    assert notice_line(["a", "b"]) == "Some settings in this link were not valid and were reset to their defaults: a; b."


def test_parse_query_keeps_the_view_only():
    assert parse_query({"year": "2022", "claim": "c1"}, asset_ids=ASSETS, presets=PRESETS, claim_ids={"c1"}) == ViewState(year=2022, claim="c1")
    assert parse_query({"article": "a1"}, asset_ids=ASSETS, presets=PRESETS, article_ids={"a1"}) == ViewState(article="a1")


def test_to_query_leaves_defaults_out():
    assert to_query(ViewState()) == {}
    assert to_query(ViewState(year=2022, commodity="gas", preset="p", off=("a", "b"), capacity=(("a", 1.5), ("b", 30.0)),
                              claim="c", asset="x", article="r")) == {
        "year": "2022", "commodity": "gas", "preset": "p", "off": "a,b", "cap": "a:1.5,b:30", "claim": "c", "asset": "x", "article": "r"}


def test_the_open_tab_round_trips_by_its_slug():
    # Issue 15: with lazy tabs the open tab is part of the view; a link names it in lower case, spaces as hyphens.
    assert read({"tab": "claims"}) == (ViewState(tab="Claims"), [])
    assert read({"tab": "add-article"}) == (ViewState(tab="Add article"), [])
    assert read({"tab": "map"}) == (ViewState(), [])
    assert to_query(ViewState(tab="Add article")) == {"tab": "add-article"}
    assert to_query(ViewState(tab="Claims", year=2023)) == {"year": "2023", "tab": "claims"}
    assert to_query(ViewState(tab="Map")) == {}  # the default tab is left out


@pytest.mark.parametrize("bad", ["Claims", "add article", "add_article", "settings", ""])
def test_an_unknown_tab_is_named_and_dropped(bad):
    state, notices = read({"tab": bad})
    assert state == ViewState()
    assert notices == [f"tab: '{bad}' is not one of map, dependencies, claims, article, add-article"]


# --- committed volumes (issue 14, item 4): committed=1 in a link ---------------------------------------------


def test_committed_is_read_only_from_1_or_0():
    assert read({"committed": "1"}) == (ViewState(committed=True), [])
    assert read({"committed": "0"}) == (ViewState(), [])
    assert read({"committed": ["1"]}) == (ViewState(committed=True), [])


@pytest.mark.parametrize("value", ["true", "yes", "on", "", " 1", "1 ", "01", "2", "１", "¹", "1\n"])
def test_committed_drops_anything_else_with_a_notice(value):
    state, notices = read({"committed": value, "year": "2022"})
    assert state == ViewState(year=2022)  # the rest of the link still applies
    assert notices == [f"committed: {_shown(value)} is not 1 or 0"]


def test_committed_round_trips_and_is_left_out_when_off():
    assert to_query(ViewState(committed=True)) == {"committed": "1"}
    assert "committed" not in to_query(ViewState())
    state = ViewState(year=2022, preset="cpc-halted", committed=True)
    assert read(to_query(state)) == (state, [])
    assert read({"committed": ("1", "1")})[1] == ["committed: '('1', '1')' is not a single value"]
