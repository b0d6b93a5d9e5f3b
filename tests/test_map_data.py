"""The map checked through the data its page receives (tests/mapdata.py), not through HTML text.

Expected values are worked out by hand from the data files: BTC's waypoints (waypoints.csv),
the 2023 route volumes (flows.csv) and the claim's asset links (claims.yaml).
"""

from __future__ import annotations

import json

import pytest
from streamlit.testing.v1 import AppTest

from geo.data import corpus, load
from geo.views import mapcomponent
from geo.views import tables as panels
from geo.views.webmap import LINE_KINDS, MapState, build_map
from tests.conftest import DATA, ROOT
from tests.mapdata import MapData, parse, parse_update
from tests.test_app import map_args

ASSETS = load.load_assets(DATA)
FLOWS = load.load_flows(DATA)
CLAIMS = panels.claims_frame(corpus.load_corpus(DATA, asset_ids=set(ASSETS.index)), FLOWS)
SOURCES = load.load_sources(DATA)

# BTC waypoints (waypoints.csv): south 36.865 and west 35.935 (Ceyhan), north 41.753 (Bakuriani),
# east 49.472 (Sangachal); the map pads a highlight by 0.5 degrees on each side.
BTC_BOUNDS = [36.865 - 0.5, 35.935 - 0.5, 41.753 + 0.5, 49.472 + 0.5]  # south, west, north, east


def flat(bounds: list[list[float]]) -> list[float]:
    return [*bounds[0], *bounds[1]]


def page(state: MapState | None = None) -> MapData:
    return parse(build_map(ASSETS, state=state, claims=CLAIMS, sources=SOURCES).get_root().render())


@pytest.fixture(scope="module")
def default_page() -> MapData:
    return page()


def test_nothing_is_highlighted_or_off_by_default(default_page):
    assert default_page.view["highlight"] == [] and default_page.view["off"] == []
    assert default_page.view["flows"] == {} and default_page.view["maxFlow"] == 0


def test_highlight_reaches_the_page_and_the_bounds_fit_it(default_page):
    data = page(MapState(highlight=frozenset({"btc"})))
    assert data.view["highlight"] == ["btc"]
    assert flat(data.bounds) == pytest.approx(BTC_BOUNDS, abs=1e-3)
    # Without a highlight the page fits every asset, which reaches far beyond BTC (CPC starts at Tengiz, ~53 E).
    _, north_east = default_page.bounds
    assert north_east[1] > BTC_BOUNDS[3] + 5


def test_explicit_fit_overrides_the_highlight():
    data = page(MapState(highlight=frozenset({"btc"}), fit=(40.0, 38.0, 50.0, 45.0)))
    assert data.bounds == [[38.0, 40.0], [45.0, 50.0]]


def test_switched_off_routes_reach_the_page():
    assert page(MapState(off=frozenset({"cpc", "btc"}))).view["off"] == ["btc", "cpc"]


def test_flow_per_asset_and_the_widest_line():
    # Unknown ids are dropped; values are rounded to 3 decimals (1.23456 -> 1.235); maxFlow is the widest line.
    data = page(MapState(flows={"cpc": 1.23456, "btc": 50.0, "aktau": 80.0, "no-such-asset": 99.0}, flow_unit="Mt", flow_year=2023))
    assert data.view["flows"] == {"cpc": 1.235, "btc": 50.0, "aktau": 80.0}
    # aktau is a port (a point), so it does not set the line scale.
    assert data.view["maxFlow"] == 50.0
    assert (data.view["unit"], data.view["year"]) == ("Mt", 2023)


def test_every_asset_is_drawn_once_lines_as_lines_points_as_points(default_page):
    lines = default_page.features(points=False)
    # The claims layer marks assets (lines included) with claims; the other point layers draw the point assets.
    points = {f["properties"]["i"] for data, pts in default_page.layers if pts for f in data["features"] if not f["properties"].get("claim")}
    assert set(lines) | set(points) == set(ASSETS.index)
    assert not set(lines) & set(points)
    assert set(lines) == set(ASSETS.index[ASSETS["kind"].isin(LINE_KINDS)])


def test_claim_marks_are_the_claims_asset_links(default_page):
    linked = {a for ids in CLAIMS["asset_ids"] for a in ids} & set(ASSETS.index)
    marked = {i for i, p in default_page.features().items() if p.get("claim")}
    assert linked and marked == linked
    assert set(default_page.lookups["byAsset"]) == linked


# --- the app: the map payload of the Streamlit page ----------------------------------------


def app_map(query: dict[str, str] | None = None, **widgets) -> tuple[AppTest, MapData]:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    for key, value in (query or {}).items():
        at.query_params[key] = value
    at.run()
    if "w_claim" in widgets:  # the claim picker is in the Claims tab, which sends nothing while closed (issue 15)
        at.session_state["tab"] = "Claims"
        at.run()
    for key, value in widgets.items():
        (at.sidebar.multiselect(key=key) if key == "w_off" else at.selectbox(key=key)).set_value(value).run()
    assert not at.exception
    args = map_args(at)
    # The base map is stable across reruns; what changes arrives in the per-run layer (geoView.update).
    # The page calls geoView.update(VIEW, FIT, map) with the component's view and fit arguments.
    return at, parse_update(parse(mapcomponent.base_script(args)), f"geoView.update({args['view']}, {json.dumps(args['fit'])}, map)")


def test_app_map_carries_the_2023_baseline_flows():
    _, data = app_map({"year": "2023"})
    flows = data.view["flows"]
    # flows.csv 2023: CPC 56, Atyrau-Samara 9.2, KCP 1.209, Aktau-Baku 1.392, BTC 1.057, Druzhba 0.993 (Mt);
    # Aktau port loads Baku + Makhachkala = 1.392 + 1.984 = 3.376.
    expected = {"cpc": 56.0, "uas": 9.2, "kcp-atasu-alashankou": 1.209, "lane-aktau-baku": 1.392, "btc": 1.057,
                "druzhba-samara-schwedt": 0.993, "aktau": 3.376}
    assert {k: flows[k] for k in expected} == pytest.approx(expected, abs=1e-3)
    assert data.view["maxFlow"] == pytest.approx(56.0)  # CPC is the widest line
    assert (data.view["unit"], data.view["year"]) == ("Mt/y", 2023)
    assert data.view["off"] == [] and data.view["highlight"] == []


def test_app_switching_btc_off_reaches_the_map_data():
    at, data = app_map(w_off=["btc"])
    assert data.view["off"] == ["btc"]
    assert data.view["flows"]["btc"] == 0.0
    assert at.query_params["off"] in (["btc"], "btc")


def test_app_selected_asset_is_highlighted_and_fitted():
    _, data = app_map({"asset": "btc"})
    assert data.view["highlight"] == ["btc"]
    assert flat(data.bounds) == pytest.approx(BTC_BOUNDS, abs=1e-3)


def test_app_selected_claim_highlights_its_linked_assets():
    _, data = app_map({"year": "2024"}, w_claim="zeifert-reroute-oil-gas")  # its article is dated 2024-02-07: listed from 2024 on
    # claims.yaml links this claim to 34 assets, BTC and the Aktau-Baku lane among them.
    ids = set(CLAIMS.loc[CLAIMS["id"] == "zeifert-reroute-oil-gas", "asset_ids"].iloc[0])
    assert len(ids) == 34 and {"btc", "lane-aktau-baku"} <= ids
    assert set(data.view["highlight"]) == ids
    # The fit covers BTC's box and more (the claim also links Ust-Luga on the Baltic, far north of BTC).
    (south, west), (north, _) = data.bounds
    assert south <= BTC_BOUNDS[0] and west <= BTC_BOUNDS[1] and north > BTC_BOUNDS[2] + 10


def test_app_shown_claim_marks_bypassed_and_alternative_routes():
    # seeds/claims.yaml, zeifert-reroute-oil-gas: CPC and the Russian ports are "bypassed", BTC the "alternative".
    _, data = app_map({"claim": "zeifert-reroute-oil-gas"})
    roles = data.view["roles"]
    assert roles["cpc"] == "bypassed" and roles["ust-luga"] == "bypassed" and roles["btc"] == "alternative"
    assert set(roles) == set(data.view["highlight"])
    assert data.view["bypassColour"] == "#000000"


def test_app_selected_asset_has_no_claim_roles():
    _, data = app_map({"asset": "btc"})
    assert data.view["roles"] == {}
