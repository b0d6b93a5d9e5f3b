"""URL state: any query string gives a valid view, and every value dropped is named in a notice."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from streamlit.testing.v1 import AppTest

from geo.data import load
from geo.views import url_state as appstate
from tests.conftest import DATA, ROOT

ASSET_IDS = frozenset(load.load_assets(DATA).index)
PRESETS = frozenset({"cpc-halted", "no-russia-transit"})
CLAIMS = frozenset({"zeifert-reroute-oil-gas"})
ARTICLES = frozenset({"a1"})
KEYS = st.sampled_from([*appstate.KNOWN_KEYS, "zoom", "embed"]) | st.text(max_size=12)
VALUES = (
    st.text(max_size=40)
    | st.sampled_from(["2022", "²", "２０２２", "1" * 5000, "oil", "gas", "cpc", "btc,cpc", "btc:30", "cpc:1e9", "cpc:nan", "cpc:١٢", "x" * 3000])
    | st.integers(-(10**30), 10**30)
    | st.none()
    | st.lists(st.text(max_size=10), max_size=3)
)


def read(params):
    return appstate.read_query(params, asset_ids=ASSET_IDS, presets=PRESETS, claim_ids=CLAIMS, article_ids=ARTICLES)


@settings(max_examples=400, deadline=None)
@given(params=st.dictionaries(KEYS, VALUES, max_size=8))
def test_any_query_gives_a_valid_view_and_one_line_notices(params):
    state, notices = read(params)
    assert state.year in appstate.YEARS and state.commodity in appstate.COMMODITIES
    assert state.preset is None or state.preset in PRESETS
    assert set(state.off) <= ASSET_IDS and len(set(state.off)) == len(state.off)
    assert all(a in ASSET_IDS and 0 <= v <= appstate.CAPACITY_MAX for a, v in state.capacity)
    assert state.claim in (None, *CLAIMS) and state.asset in (None, *ASSET_IDS) and state.article in (None, *ARTICLES)
    line = appstate.notice_line(notices)
    assert "\n" not in line and "\r" not in line and len(line) < 4000
    # A view read from a link survives its own round trip with nothing to report.
    assert read(appstate.to_query(state)) == (state, [])


@settings(max_examples=200, deadline=None)
@given(key=st.sampled_from(["year", "commodity", "preset", "off", "cap", "claim", "asset", "article"]), value=st.text(max_size=30))
def test_a_value_that_is_not_used_is_always_reported(key, value):
    state, notices = read({key: value})
    # A list parameter of separators only ("off=,") is an empty list: nothing to report.
    empty_list = key in ("off", "cap") and not value.replace(",", "")
    used = state != appstate.ViewState() or value in ("", "2024", "oil") or empty_list
    # Either the value changed the view (or equals the default, or is empty), or there is a notice naming the parameter.
    assert used or any(n.startswith(f"{key}:") for n in notices), (key, value, notices)


def test_hand_picked_bad_values_fall_back_with_a_notice():
    state, notices = read({"year": "²", "commodity": "coal", "preset": "nope", "off": "cpc,../../etc", "cap": "btc:30,cpc:nan,tap:1e9"})
    # 'cpc' and 'btc:30' are valid, everything else falls back to the default.
    assert state == appstate.ViewState(off=("cpc",), capacity=(("btc", 30.0),))
    assert [n.split(":")[0] for n in notices] == ["year", "commodity", "preset", "off", "cap", "cap"]
    # Over MAX_VALUE_CHARS (2,000) a value is not even parsed; below it, a notice repeats at most 24 characters of it.
    assert read({"year": "9" * 5000})[1] == ["year: a value of 5,000 characters is too long"]
    assert read({"year": "9" * 30})[1] == ["year: '999999999999999999999999… (30 characters)' is not one of 2022, 2023, 2024"]


def run(query):
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    for k, v in query.items():
        at.query_params[k] = v
    return at.run()


def test_app_falls_back_with_a_visible_notice():
    for bad in ("²", "1" * 5000):
        at = run({"year": bad, "preset": "cpc-halted"})
        assert not at.exception
        assert at.sidebar.segmented_control(key="w_year").value == 2024  # the dashboard's opening year
        assert at.sidebar.selectbox(key="w_preset").value == "cpc-halted"
        (warning,) = at.warning
        assert "year" in warning.value and "\n" not in warning.value
