"""Issue 16: the map draws only the assets in its (padded) bounds on a big team store: bounds -> box -> store query -> map.

The files back end answers the same bounding-box query in memory, so the whole path runs here without a database;
tests/test_store.py runs it on PostGIS. Boxes are (west, south, east, north) in degrees.
"""

from __future__ import annotations

import json
import math

import pytest
from streamlit.testing.v1 import AppTest

from geo import settings
from geo.store.files import FileStore
from geo.store.postgis import PostgisStore
from geo.views import dashboard, mapcomponent
from geo.views.mapbounds import drawn_box, padded, reported_bounds, uses_bounds
from geo.views.webmap import CASPIAN_FRAME
from tests.conftest import DATA, ROOT, SEEDS
from tests.mapdata import parse
from tests.test_app import map_args

#: The default frame (36.5E-70E, 38N-51.5N: 33.5 x 13.5 degrees) padded by half on each side for the first draw:
#: 36.5 - 16.75 = 19.75 -> 19.7, 38 - 6.75 = 31.25 -> 31.2, 70 + 16.75 = 86.75 -> 86.8, 51.5 + 6.75 = 58.25 -> 58.3.
DEFAULT_BOX = (19.7, 31.2, 86.8, 58.3)
#: The shipped assets wholly outside it: Schwedt (14.2E), Ust-Luga (59.7N) and Primorsk (60.3N).
OUTSIDE_DEFAULT = {"schwedt", "ust-luga", "primorsk"}
#: A view of the Mangyshlak coast, 4 x 3 degrees, padded by 1 and 0.75 degrees: 48.5E-54.5E, 41.25N -> 41.2N, 45.75N -> 45.8N.
AKTAU_VIEW, AKTAU_BOX = (49.5, 42.0, 53.5, 45.0), (48.5, 41.2, 54.5, 45.8)
#: Points inside that box: Aktau (51.23E 43.60N), Kuryk (51.71E 43.09N), the Uzen field (52.95E 43.35N). Outside:
#: Makhachkala (47.52E, west of 48.5), Beineu (55.20E, east of 54.5), Turkmenbashi (40.02N) and Sangachal (40.18N, south of 41.2).
AKTAU_POINTS = {"aktau", "kuryk", "uzen"}
AKTAU_NOT = {"makhachkala", "beineu", "turkmenbashi", "sangachal", "kcp-atasu-alashankou", "tap"}


def test_only_the_team_store_above_the_threshold_draws_the_assets_in_view() -> None:
    assert settings.MAP_BOUNDS_MIN_ASSETS == 2000
    assert uses_bounds("postgis", 2001) and not uses_bounds("postgis", 2000)  # "over" the threshold
    assert not uses_bounds("files", 6200)  # the files hold every asset in memory: no bounds, no reruns on a pan


@pytest.mark.parametrize("value", [None, {}, {"bounds": None}, {"bounds": [1, 2, 3]}, {"bounds": ["49", 42, 53, 45]},
                                   {"bounds": [49, 42, math.nan, 45]}, {"bounds": [True, 42, 53, 45]}, {"bounds": [53, 42, 49, 45]},
                                   {"bounds": [49, 45, 53, 42]}, {"bounds": [49, 42, 49, 45]}])
def test_bounds_from_the_page_that_are_not_a_box_are_ignored(value: object) -> None:
    assert reported_bounds(value) is None


def test_bounds_beyond_the_globe_are_clamped() -> None:
    # A world-wrapped Leaflet view (west -200) and one past the pole.
    assert reported_bounds({"bounds": [-200.0, -95.0, 250.0, 40.0]}) == (-180.0, -90.0, 180.0, 40.0)
    assert padded((170.0, 80.0, 179.0, 89.0), 0.25) == (167.7, 77.7, 180.0, 90.0)  # 170 - 2.25, 80 - 2.25; 181.25 -> 180, 91.25 -> 90


def test_the_first_box_is_the_default_frame_padded_and_a_view_outside_it_gets_its_own() -> None:
    assert padded(CASPIAN_FRAME, settings.MAP_BOUNDS_FIRST_PAD) == DEFAULT_BOX
    assert drawn_box(None, None, CASPIAN_FRAME, share=0.25, first_share=0.5) == DEFAULT_BOX
    # Zoomed in to 4 x 3 degrees: the default box (67.1 x 27.1 = 1818 square degrees) is 66x the padded view (6 x 4.6 = 27.6).
    assert drawn_box(DEFAULT_BOX, AKTAU_VIEW, CASPIAN_FRAME, share=0.25) == AKTAU_BOX
    # A pan of one degree east stays in the box: nothing is queried again.
    assert drawn_box(AKTAU_BOX, (50.5, 42.0, 54.5, 45.0), CASPIAN_FRAME, share=0.25) == AKTAU_BOX
    # A pan of two degrees east leaves it (54.5 < 55.5): the new view padded, 50.5 - 1 = 49.5 to 55.5 + 1 = 56.5.
    assert drawn_box(AKTAU_BOX, (51.5, 42.0, 55.5, 45.0), CASPIAN_FRAME, share=0.25) == (50.5, 41.2, 56.5, 45.8)


def test_the_files_back_end_answers_the_boxes_with_the_hand_picked_assets() -> None:
    store = FileStore(DATA, SEEDS)
    everything = set(store.assets().index)
    assert set(store.assets_in_bbox(DEFAULT_BOX)) == everything - OUTSIDE_DEFAULT
    shown = set(store.assets_in_bbox(drawn_box(DEFAULT_BOX, AKTAU_VIEW, CASPIAN_FRAME, share=settings.MAP_BOUNDS_PAD)))
    points = set(store.assets().query("kind not in ['pipeline', 'shipping_lane', 'rail']").index)
    assert shown & points == AKTAU_POINTS
    assert shown.isdisjoint(AKTAU_NOT)
    assert {"lane-aktau-baku", "lane-kuryk-alat", "lane-aktau-makhachkala"} <= shown  # lanes that end at Aktau or Kuryk


# --- the dashboard: AppTest ------------------------------------------------------------------


def _drawn(at: AppTest) -> set[str]:
    return set(parse(mapcomponent.base_script(map_args(at))).features())


@pytest.fixture
def asked(monkeypatch: pytest.MonkeyPatch) -> list[tuple[float, float, float, float]]:
    """The boxes the store is asked for (either back end), with the dashboard's caches of them emptied first."""
    boxes: list[tuple[float, float, float, float]] = []
    for cls in (FileStore, PostgisStore):
        real = cls.assets_in_bbox

        def spy(self, bbox, real=real):  # type: ignore[no-untyped-def]
            boxes.append(tuple(bbox))
            return real(self, bbox)
        monkeypatch.setattr(cls, "assets_in_bbox", spy)
    dashboard.assets_in_view.clear()
    return boxes


def test_the_dashboard_on_the_files_draws_every_asset_and_asks_for_no_bounds(asked: list) -> None:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120).run()
    assert not at.exception, at.exception
    assert "report_bounds" not in map_args(at)  # the page sends no bounds: a pan never reruns the app
    assert len(_drawn(at)) == 62
    assert asked == []


def test_a_store_over_the_threshold_draws_the_assets_the_store_returns_for_the_view(asked: list, monkeypatch: pytest.MonkeyPatch) -> None:
    # The shipped data has 62 assets: over a threshold of 10, on either back end (the same query, in memory or in PostGIS).
    monkeypatch.setattr(settings, "MAP_BOUNDS_MIN_ASSETS", 10)
    monkeypatch.setattr(settings, "MAP_BOUNDS_STORES", ("files", "postgis"))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120).run()
    assert not at.exception, at.exception
    assert map_args(at)["report_bounds"] is True
    assert asked == [DEFAULT_BOX]  # the first draw: the default frame, known without a round trip to the page
    assert _drawn(at) == set(FileStore(DATA, SEEDS).assets().index) - OUTSIDE_DEFAULT
    # The page reports a zoomed view of the Mangyshlak coast (as geomap.js does after a move): the store is asked for it.
    at.session_state["map"] = {"last_active_drawing": None, "last_object_clicked": None, "bounds": list(AKTAU_VIEW)}
    at.run()
    assert not at.exception, at.exception
    assert asked == [DEFAULT_BOX, AKTAU_BOX]
    drawn = _drawn(at)
    assert drawn >= AKTAU_POINTS and drawn.isdisjoint(AKTAU_NOT)
    base = map_args(at)["base"]
    # A short pan inside the box drawn: no query, and the same base map (the page keeps it; nothing is redrawn).
    at.session_state["map"] = {"last_active_drawing": None, "last_object_clicked": None, "bounds": [50.0, 42.5, 53.0, 44.5]}
    at.run()
    assert asked == [DEFAULT_BOX, AKTAU_BOX]
    assert map_args(at)["base"] == base


def test_a_click_that_carries_bounds_still_selects_its_asset(asked: list, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(settings, "MAP_BOUNDS_MIN_ASSETS", 10)
    monkeypatch.setattr(settings, "MAP_BOUNDS_STORES", ("files", "postgis"))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120).run()
    at.session_state["map"] = {"last_active_drawing": {"properties": {"id": "aktau"}}, "last_object_clicked": {"lat": 43.6, "lng": 51.2, "n": 1},
                               "bounds": list(AKTAU_VIEW)}
    at.run()
    assert not at.exception, at.exception
    assert at.query_params["asset"] in ("aktau", ["aktau"])
    # Bounds that change with the same click (a pan after it) are not a new click: the selection stays as the user left it.
    at.selectbox(key="w_asset_aktau").set_value("(none)").run()
    at.session_state["map"] = {"last_active_drawing": {"properties": {"id": "aktau"}}, "last_object_clicked": {"lat": 43.6, "lng": 51.2, "n": 1},
                               "bounds": [50.0, 42.5, 53.0, 44.5]}
    at.run()
    assert "asset" not in at.query_params


# --- the Claims tab's "near a port, terminal or route" filter (the store's claims_near) ----------------------------

# Ceyhan terminal (35.94E 36.87N) and the nearest asset linked to the claim "reduce dependence on Moscow", the CPC
# marine terminal (37.64E 44.66N): 7.79 deg of latitude x 111.1 km = 865.5 km north and 1.70 deg of longitude
# x 111.3 km x cos 40.8 deg (0.757) = 143.2 km east, sqrt(865.5^2 + 143.2^2) = 877 km. The claim "reroute oil and gas"
# links Ceyhan itself (0 km).
@pytest.mark.parametrize(("km", "claims"), [
    (50.0, ["zeifert-reroute-oil-gas"]),
    (800.0, ["zeifert-reroute-oil-gas"]),
    (1000.0, ["zeifert-reduce-dependence-moscow", "zeifert-reroute-oil-gas"]),
])
def test_claims_tab_lists_the_claims_within_n_km_of_a_port(km: float, claims: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[tuple[str, float]] = []
    for cls in (FileStore, PostgisStore):
        real = cls.claims_near
        monkeypatch.setattr(cls, "claims_near", lambda self, a, k, real=real: asked.append((a, k)) or real(self, a, k))
    dashboard.claims_near.clear()
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.query_params["year"] = "2024"  # the year slider lists the claims of articles dated up to its year: the seed is of 2024
    at.run()
    at.session_state["tab"] = "Claims"
    at.run()
    assert len(at.selectbox(key="w_claim").options) == 31  # (none) and the 30 shipped claims
    at.selectbox(key="f_near").set_value("ceyhan")
    at.number_input(key="f_near_km").set_value(km).run()
    assert not at.exception, at.exception
    assert asked == [("ceyhan", km)]  # the store answered
    assert sorted(at.selectbox(key="w_claim").options[1:]) == sorted(_labels()[c] for c in claims)
    assert any(c.value.startswith(f"{len(claims)} of 30 claims") for c in at.caption)


def _labels() -> dict[str, str]:
    """The claim list's option labels (a claim's text and assessment) by claim id."""
    from geo.views import tables
    from geo.workspace import Workspace

    ws = Workspace.open(DATA, SEEDS)
    return {row["id"]: tables.claim_option(row) for _, row in tables.claims_frame(ws.corpus, ws.flows).iterrows()}


def test_a_boxes_layers_are_the_versions_features_of_its_assets_and_stay_script_safe() -> None:
    from geo.views import tables
    from geo.views.mapbounds import layers_in, split_layers
    from geo.views.webmap import map_layers
    from geo.workspace import Workspace

    ws = Workspace.open(DATA, SEEDS)
    assets = ws.assets.copy()
    assets.loc["aktau", "name"] = "Aktau </script><script>alert(1)</script> {{7*7}}"  # article-grade hostile text
    full = map_layers(assets, tables.claims_frame(ws.corpus, ws.flows), ws.sources)
    part = layers_in(split_layers(full), full, {"aktau", "cpc", "kuryk"})
    ids = {name: {f["properties"]["i"] for f in json.loads(text)["features"]} for name, text in part.layers.items()}
    # Aktau and Kuryk are ports, CPC an oil pipeline; the claim "reroute oil and gas" links all three (a Claims-layer marker each).
    assert ids == {"Oil pipelines": {"cpc"}, "Ports and terminals": {"aktau", "kuryk"}, "Claims": {"aktau", "cpc", "kuryk"}}
    assert part.lookups == full.lookups
    assert all("<" not in text and "{{" not in text for text in part.layers.values())


@pytest.mark.files_only(reason="edits the files of a FileStore directly")
def test_the_files_back_end_reads_the_files_again_after_a_hand_edit(data_copy) -> None:
    import shapely

    from geo.data import load

    store = FileStore(data_copy, SEEDS)
    assert "aktau" in store.assets_in_bbox(AKTAU_BOX)
    assets = load.load_assets(data_copy)
    assets.loc["aktau", "geometry"] = shapely.Point(60.0, 43.6)  # moved 8.8 degrees east, out of the box (east edge 54.5E)
    load.write_text_atomic(data_copy / load.ASSETS_FILE, load.dumps_assets(assets))
    assert "aktau" not in store.assets_in_bbox(AKTAU_BOX)
    assert "aktau" in store.assets_in_bbox((59.5, 43.0, 60.5, 44.0))
