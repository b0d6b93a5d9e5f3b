"""Visual regression of the briefings: golden images, label overlap, colour-blind safety.

Golden images live in tests/golden/. Rendering is deterministic: fixed timestamp, the DejaVu
fonts that ship with matplotlib, Agg. The tolerance absorbs anti-aliasing noise from another
FreeType or matplotlib build and nothing more:
  - at most 0.5 % of pixels may differ by more than 24/255 in any channel, and
  - the mean absolute difference must stay under 1.5/255.
A layout change (the map moved by 1 % of the width, a panel shifted, labels dropped) moves
tens of thousands of pixels and fails; ``test_a_broken_layout_fails`` proves it on every run.
To accept an intended change: ``GEO_UPDATE_GOLDEN=1 pytest tests/test_brief_visual.py``, then look at the images.
"""

from __future__ import annotations

import datetime as dt
import itertools
import os
from pathlib import Path

import matplotlib as mpl
import numpy as np
import pytest
from matplotlib.image import imread

from geo.views import briefing as brief
from geo.views import briefmap, labels

GOLDEN = Path(__file__).parent / "golden"
MADE = dt.datetime(2026, 1, 2, 3, 4, tzinfo=dt.UTC)
MAX_BAD_SHARE = 0.005
BAD_LEVEL = 24 / 255
MAX_MEAN = 1.5 / 255


@pytest.fixture(scope="module")
def briefing() -> brief.Briefing:
    return brief.make_briefing(year=2023, preset="cpc-halted", claim_ids=("zeifert-reroute-oil-gas",), made=MADE)


def _render(b: brief.Briefing, settings: dict, path: Path) -> np.ndarray:
    with mpl.rc_context(brief.RC):
        fig = brief.render_figure(b, **settings)
        fig.savefig(path, dpi=settings["dpi"], metadata={"Software": None})
    return imread(path)[..., :3]


def differs(image: np.ndarray, golden: np.ndarray) -> str | None:
    """Why ``image`` is not ``golden`` within the documented tolerance, or None if it is."""
    if image.shape != golden.shape:
        return f"size {image.shape} != {golden.shape}"
    diff = np.abs(image.astype(float) - golden.astype(float)).max(axis=-1)
    bad, mean = float((diff > BAD_LEVEL).mean()), float(diff.mean())
    if bad > MAX_BAD_SHARE or mean > MAX_MEAN:
        return f"{bad:.2%} of pixels differ by more than {BAD_LEVEL * 255:.0f}/255; mean difference {mean * 255:.2f}/255"
    return None


@pytest.mark.parametrize(("name", "settings"), [("brief_png", brief.PNG_RENDER), ("brief_a4", brief.PDF_RENDER)])
def test_matches_golden(briefing, tmp_path, name, settings):
    image = _render(briefing, settings, tmp_path / f"{name}.png")
    golden_path = GOLDEN / f"{name}.png"
    if os.environ.get("GEO_UPDATE_GOLDEN"):
        GOLDEN.mkdir(exist_ok=True)
        golden_path.write_bytes((tmp_path / f"{name}.png").read_bytes())
    reason = differs(image, imread(golden_path)[..., :3])
    assert reason is None, f"{name}: {reason}; the new rendering is {tmp_path / f'{name}.png'}"


def test_a_broken_layout_fails(briefing, tmp_path, monkeypatch):
    # The map moved 1 % of the width to the right: a small, real layout regression.
    left, bottom, width, height = brief.MAP_RECT
    monkeypatch.setattr(brief, "MAP_RECT", (left + 0.01, bottom, width, height))
    image = _render(briefing, brief.PNG_RENDER, tmp_path / "broken.png")
    assert differs(image, imread(GOLDEN / "brief_png.png")[..., :3]) is not None


def test_map_takes_at_least_60_percent_of_the_canvas():
    _left, _bottom, width, height = brief.MAP_RECT
    assert width * height >= 0.60  # 0.73 x 0.835 = 0.6096


def test_labels_do_not_overlap_and_name_the_main_routes(briefing):
    fig = brief.render_figure(briefing, **brief.PNG_RENDER)
    placed = briefmap.draw(fig, fig.axes[0], briefing, scale=1.15, measure=brief.agg_measure(100))
    boxes = [p.box for p in placed]
    assert not [(a, b) for a, b in itertools.combinations(boxes, 2) if labels.overlaps(a, b)]
    texts = {p.request.text for p in placed}
    for must in ("CPC", "Uzen–Atyrau–Samara", "Kazakhstan–China", "Baku–Tbilisi–Ceyhan", "BPS-1", "Aktau", "Ust-Luga", "Tengiz"):
        assert must in texts, (must, sorted(texts))


def test_greedy_placement_moves_a_label_off_an_obstacle():
    # Marker at (100, 100); a 40x10 label; the right-hand slot would be x 104..144, y 95..105 (gap 4).
    req = labels.Request("x", "X", ((100.0, 100.0),), (40.0, 10.0))
    free = labels.place([req], frame=(0, 0, 300, 300), pad=0)
    assert free[0].box == (104.0, 95.0, 144.0, 105.0)
    # An obstacle over everything right of x=101 pushes it to the left slot: x 56..96.
    blocked = labels.place([req], frame=(0, 0, 300, 300), obstacles=[(101, 0, 300, 300)], pad=0)
    assert blocked[0].box == (56.0, 95.0, 96.0, 105.0)
    # With every slot covered, the label is left out rather than drawn over the obstacle.
    assert labels.place([req], frame=(0, 0, 300, 300), obstacles=[(0, 0, 300, 300)]) == []


def _cvd(hex_colour: str, kind: str) -> np.ndarray:
    import colorspacious
    from matplotlib.colors import to_rgb

    rgb = np.array(to_rgb(hex_colour))
    if kind == "normal":
        return rgb
    return np.clip(colorspacious.cspace_convert(rgb, {"name": "sRGB1+CVD", "cvd_type": kind, "severity": 100}, "sRGB1"), 0, 1)


def test_palette_stays_distinct_for_colour_blind_readers():
    # The pairs a reader must tell apart on the map, simulated (Machado et al. 2009, via colorspacious) for full
    # deuteranopia, protanopia and tritanopia; CAM02-UCS distance >= 20 (about 10 is "just noticeable" side by side).
    # The red halo of the web map (#d7301f) against the oil line (#b35806) scores 2 under deuteranopia: this is why the briefing uses a dark casing.
    import colorspacious

    p = briefmap.PALETTE
    pairs = [("oil", "gas"), ("oil", "off"), ("gas", "off"), ("oil", "russia"), ("gas", "russia"), ("russia", "land"), ("oil", "land"),
             ("gas", "land"), ("off", "land"), ("oil+gas", "oil"), ("oil+gas", "gas"), ("oil", "sea"), ("gas", "sea")]
    for kind in ("normal", "deuteranomaly", "protanomaly", "tritanomaly"):
        for a, b in pairs:
            distance = colorspacious.deltaE(_cvd(p[a], kind), _cvd(p[b], kind), input_space="sRGB1")
            assert distance >= 20, (kind, a, b, round(float(distance), 1))
