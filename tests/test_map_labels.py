"""Labels of the web map: which assets are named, in what order and from which zoom level; source links."""

from __future__ import annotations

import json

import pytest

from geo.data import load
from geo.views import webmap
from tests.conftest import ROOT


@pytest.fixture(scope="module")
def layers() -> webmap.MapLayers:
    from geo.workspace import Workspace

    ws = Workspace.open(ROOT / "data", ROOT / "seeds")
    from geo.views import tables

    return webmap.map_layers(ws.assets, tables.claims_frame(ws.corpus, ws.flows), ws.sources)


def _props(layers: webmap.MapLayers) -> dict[str, dict]:
    out = {}
    for name, text in layers.layers.items():
        for f in json.loads(text)["features"]:
            if name != "Claims":
                out.setdefault(f["properties"]["i"], f["properties"])
    return out


def test_main_routes_and_ports_carry_short_labels(layers):
    p = _props(layers)
    assert p["cpc"]["lb"] == "CPC"
    assert p["btc"]["lb"] == "Baku–Tbilisi–Ceyhan"
    assert p["uas"]["lb"] == "Uzen–Atyrau–Samara"
    assert p["kcp-atasu-alashankou"]["lb"] == "Kazakhstan–China"
    assert p["aktau"]["lb"] == "Aktau"
    assert p["tengiz"]["lb"] == "Tengiz"
    assert p["cpc-marine-terminal"]["lb"] == "CPC terminal"


def test_pipelines_are_placed_first_larger_capacity_first_and_junctions_last(layers):
    p = _props(layers)
    # Rank = tier x 1000 - capacity: CPC (72.5 Mt/y, tier 0) -> -72.5; BTC (tier 0, smaller) after it;
    # a port (tier 1) after every pipeline; a junction (tier 4) after every port.
    assert p["cpc"]["lr"] < p["btc"]["lr"] < 0 < p["aktau"]["lr"] < p["atyrau"]["lr"]
    assert p["cpc"]["lz"] == 3 and p["aktau"]["lz"] == 4 and p["tengiz"]["lz"] == 5 and p["atyrau"]["lz"] == 6


def test_claim_marks_carry_no_label(layers):
    # A claim mark sits on its asset; naming it again would put the same name twice on the map.
    claims = json.loads(layers.layers["Claims"])["features"]
    assert claims and all("lb" not in f["properties"] for f in claims)


def test_sources_link_only_to_web_addresses(layers):
    lookups = json.loads(layers.lookups)
    assert len(lookups["sourceUrls"]) == len(lookups["sources"])
    assert all(u is None or u.startswith(("http://", "https://")) for u in lookups["sourceUrls"])
    assert webmap._http_url("javascript:alert(1)") is None
    assert webmap._http_url("https://example.org/a") == "https://example.org/a"


def test_hostile_names_reach_the_page_as_json_text_only():
    assets = load.load_assets(ROOT / "data")
    assets.at["cpc", "name"] = "<img src=x onerror=alert(1)> pipeline"
    lay = webmap.map_layers(assets)
    assert "<img" not in "".join(lay.layers.values())  # script_json writes < as \\u003c; the page escapes with esc()
    label = next(f["properties"]["lb"] for f in json.loads(lay.layers["Oil pipelines"])["features"] if f["properties"]["i"] == "cpc")
    assert "<img" in label
