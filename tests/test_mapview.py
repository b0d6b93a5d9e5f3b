"""The map: offline assets only, layers, styles that follow the scenario, escaped text."""

from __future__ import annotations

import json
import re

from geo.data import corpus, load
from geo.views import offline
from geo.views import tables as panels
from geo.views.webmap import LAYERS, MapState, build_map
from tests.conftest import DATA

ASSETS = load.load_assets(DATA)
FLOWS = load.load_flows(DATA)
CLAIMS = panels.claims_frame(corpus.load_corpus(DATA, asset_ids=set(ASSETS.index)), FLOWS)
SOURCES = load.load_sources(DATA)
URL = re.compile(r"""<(?:script|link|img)[^>]+(?:src|href)=["']?(?:https?:)?//""", re.IGNORECASE)


def render(state: MapState | None = None, assets=ASSETS) -> str:
    return build_map(assets, state=state, claims=CLAIMS, sources=SOURCES).get_root().render()


def test_offline_map_loads_only_local_files():
    html = render(MapState(tiles=False))
    assert not URL.search(html)
    assert f"{offline.STATIC_URL}/leaflet.js" in html and f"{offline.STATIC_URL}/jquery.min.js" in html
    assert "tile.openstreetmap.org" not in html


def test_online_tiles_only_when_asked():
    assert "tile.openstreetmap.org" in render(MapState(tiles=True))


def test_self_contained_map_inlines_leaflet():
    html = render(MapState(asset_prefix=None))
    assert "/app/static" not in html and not URL.search(html)


def _layers(html: str) -> dict[str, set[str]]:
    """Layer name (as in the layer control) -> ids of the assets drawn in it, read from the page script."""
    control = dict(re.findall(r'"([^"]+)" : (feature_group_[0-9a-f]+)', html))
    drawn: dict[str, set[str]] = {}
    for data, group in re.findall(r"\.addLayer\((\{.*?\}), (feature_group_[0-9a-f]+), (?:true|false)\);", html):
        ids = {f["properties"]["i"] for f in json.loads(data)["features"]}
        drawn.setdefault(group, set()).update(ids)
    return {name: drawn.get(group, set()) for name, group in control.items()}


def test_every_layer_is_in_the_control_and_draws_its_assets():
    html = render()
    layers = _layers(html)
    assert set(LAYERS) <= set(layers), f"missing from the layer control: {set(LAYERS) - set(layers)}"
    # Hand-picked members, one per layer (kind and commodity from assets.geojson): CPC is an oil pipeline,
    # Central Asia-China a gas pipeline, Aktau-Baku a tanker lane, Tengiz a field, Aktau a port, Kenkiyak a junction.
    expected = {"Oil pipelines": "cpc", "Gas pipelines": "cagp", "Shipping and rail": "lane-aktau-baku",
                "Fields": "tengiz", "Ports and terminals": "aktau", "Junctions": "kenkiyak"}
    for name, asset_id in expected.items():
        assert asset_id in layers[name], f"{asset_id} not drawn in {name}"
    # Every asset is drawn in exactly one of the six asset layers (the Claims layer marks some of them again).
    per_asset = [a for name in LAYERS if name != "Claims" for a in layers[name]]
    assert sorted(per_asset) == sorted(ASSETS.index)
    assert "geo-legend" in html


def test_switching_a_route_off_is_in_the_view():
    on, off = render(MapState()), render(MapState(off=frozenset({"cpc"})))
    assert '"off":[]' in on and '"off":["cpc"]' in off


def test_hostile_asset_text_is_escaped():
    hostile = ASSETS.copy()
    hostile.at["cpc", "name"] = "<script>alert('x')</script><img src=x onerror=alert(1)>"
    hostile.at["cpc", "operator"] = "\"'><svg onload=alert(2)>"
    html = render(assets=hostile)
    # The data travels as JSON with <, > and & encoded, and the page escapes it before it becomes HTML.
    assert "<script>alert('x')</script>" not in html
    assert "<img src=x onerror" not in html and "<svg onload" not in html
    assert "\\u003cscript\\u003ealert" in html
    # The escaping lives in the map script the page loads, not in a string compiled with the data.
    assert f"{offline.STATIC_URL}/geoview.js" in html and "geoView.create(" in html
    assert "function esc(v)" in offline.vendor_files()["geoview.js"].read_text(encoding="utf-8")


def test_claims_layer_marks_assets_with_claims():
    html = render()
    linked = {a for ids in CLAIMS["asset_ids"] for a in ids}
    assert linked, "the seed claims link assets"
    for asset_id in list(linked)[:5]:
        assert f'"i":"{asset_id}"' in html
    assert html.count('"claim":1') == len({a for a in linked if a in ASSETS.index})



def test_stranded_rings_have_area_proportional_to_volume():
    from geo.views.webmap import RING_MAX_PX, _rings

    rings = _rings([(50.0, 47.0, 40.0, "a"), (60.0, 45.0, 10.0, "b"), (61.0, 44.0, 0.0, "none")])
    # Area ~ volume: a quarter of the volume is half the radius (sqrt(10/40) = 0.5); nothing stranded, no ring.
    assert [r["radius"] for r in rings] == [RING_MAX_PX, RING_MAX_PX / 2]
    assert [r["text"] for r in rings] == ["a", "b"]


def test_cpc_halted_strands_western_crude_at_atyrau():
    from types import SimpleNamespace

    from geo.views.dashboard import stranded_rings
    from geo.workspace import Workspace

    ws = Workspace.open(DATA)
    result = SimpleNamespace(stranded_by_supply={"west-kz": 41.7, "central-kz": 0.0}, unit="Mt/y", year=2023)
    (ring,) = stranded_rings(ws, result)
    atyrau = ws.assets.at["atyrau", "geometry"]
    assert ring[:3] == (round(atyrau.x, 3), round(atyrau.y, 3), 41.7)
    assert ring[3] == "41.7 Mt/y stranded (2023, model)"
