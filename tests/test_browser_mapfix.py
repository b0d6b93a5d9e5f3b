"""Map defects of the new-user QA pass (issue 15), in Chromium: a compact legend on a small window, a click popup that
fits the map with no tooltip on top of it, claim-count circles that do not sit on each other, a stranded-volume label
that covers no claim circle, and a map that follows its frame's size.
"""

from __future__ import annotations

import math

import pytest

from tests.test_browser import POINT_ON_LINE_JS, app_url, browser  # noqa: F401  (pytest fixtures are used by name)
from tests.test_browser_map import CASPIAN, FRAME_BOX_JS, IFRAME, KAZAKHSTAN_WEST, LEGEND_BOX_JS, open_page, overlap

pytestmark = pytest.mark.browser

#: Claim-count circles drawn now: [centre x, centre y, radius] in the frame's pixels (the count's box is the circle's).
DENSITY_JS = """() => Array.from(document.querySelectorAll('.geo-density')).map(e => { const r = e.getBoundingClientRect();
    return [r.left + r.width / 2, r.top + r.height / 2, r.width / 2]; }).filter(c => c[2] > 1)"""
RING_LABELS_JS = """() => Array.from(document.querySelectorAll('.geo-ring-label')).map(e => { const r = e.getBoundingClientRect();
    return [r.left, r.top, r.right, r.bottom]; })"""
VISIBLE_TIPS_JS = "() => Array.from(document.querySelectorAll('.leaflet-tooltip')).filter(e => e.offsetParent !== null).length"


def test_small_window_legend_is_compact_and_off_the_caspian(app_url, browser):  # noqa: F811
    page, body, errors = open_page(browser, app_url, width=1280, height=720)
    page.locator(IFRAME).scroll_into_view_if_needed()
    legend = page.locator(IFRAME).content_frame.locator("#geo-legend")
    legend.locator("summary").click()
    assert legend.get_attribute("open") is not None
    size = body.evaluate("() => window.map.getSize()")
    box = body.evaluate(LEGEND_BOX_JS)
    for frame in (CASPIAN, KAZAKHSTAN_WEST):
        assert not overlap(box, body.evaluate(FRAME_BOX_JS, list(frame))), (frame, box)
    # At 1280 x 720 the map is 607 x 420 px = 254,940 px². The old open legend was 215 x 341 px = 73,315 px² (29 %) and
    # ended 2 px short of the Caspian; the compact one may take at most a fifth of the map (50,988 px²) and stays inside it.
    area = (box[2] - box[0]) * (box[3] - box[1])
    assert area <= 0.2 * size["x"] * size["y"], (box, size)
    assert box[0] >= 0 and box[1] >= 0 and box[2] <= size["x"] and box[3] <= size["y"], (box, size)
    assert not errors, errors


def test_click_popup_fits_the_map_and_hides_the_tooltip(app_url, browser):  # noqa: F811
    page, body, errors = open_page(browser, app_url, width=1280, height=720)
    iframe = page.locator(IFRAME)
    iframe.scroll_into_view_if_needed()
    page.wait_for_timeout(300)
    point = body.evaluate(POINT_ON_LINE_JS, "btc")
    frame = iframe.bounding_box()
    x, y = frame["x"] + point["x"], frame["y"] + point["y"]
    page.mouse.move(x + 1, y + 1)
    page.mouse.move(x, y)
    page.mouse.click(x, y)
    wrapper = iframe.content_frame.locator(".leaflet-popup-content-wrapper")
    wrapper.wait_for(timeout=10_000)
    page.wait_for_timeout(300)
    size = body.evaluate("() => window.map.getSize()")
    pop = wrapper.bounding_box()
    # The map is 607 x 420 px; the old popup took up to 420 px of content + 40 px of frame (460 px = 76 % of the width)
    # and 360 px + frame in height (> 86 %). Now at most 60 % x 65 % of the map (364 x 273 px), the rest scrolls.
    assert pop["width"] <= 0.6 * size["x"] and pop["height"] <= 0.65 * size["y"], (pop, size)
    # The mouse still on the line: the hover tooltip is not drawn on top of the open popup.
    page.mouse.move(x + 2, y + 1)
    page.mouse.move(x + 1, y)
    page.wait_for_timeout(300)
    assert body.evaluate(VISIBLE_TIPS_JS) == 0
    # Closed again, the line's tooltip is back.
    body.evaluate("() => window.map.closePopup()")
    page.mouse.move(x + 60, y - 200)
    page.mouse.move(x + 1, y + 1)
    page.mouse.move(x, y)
    iframe.content_frame.locator(".leaflet-tooltip").last.wait_for(timeout=10_000)
    assert not errors, errors


def test_claim_circles_are_spread_and_the_stranded_label_avoids_them(app_url, browser):  # noqa: F811
    # CPC halted: 42.8 Mt/y stranded at Tengiz; Novorossiysk's two assets (port and CPC terminal) each carry a "2".
    page, body, errors = open_page(browser, f"{app_url}/?preset=cpc-halted")
    # Centred on the ring (Tengiz, 53.4 E 46.2 N), so it stays in view when zoomed in below.
    body.evaluate("() => window.map.setView([46.2, 53.4], window.map.getZoom(), {animate: false})")
    page.locator(IFRAME).element_handle().content_frame().wait_for_function(
        "() => document.querySelectorAll('.geo-ring-label').length === 1", timeout=30_000)
    page.wait_for_timeout(300)
    circles = body.evaluate(DENSITY_JS)
    assert len(circles) > 10, circles
    # No circle's centre (where its number is written) lies inside another circle: the old map drew three "1"s within
    # 2-4 px of each other near Baku and two "2"s 3 px apart at Novorossiysk.
    for i, a in enumerate(circles):
        for b in circles[i + 1:]:
            assert math.dist(a[:2], b[:2]) >= max(a[2], b[2]), (a, b)
    rings = body.evaluate(RING_LABELS_JS)
    assert len(rings) == 1
    for c in circles:
        assert not overlap(rings[0], [c[0] - c[2], c[1] - c[2], c[0] + c[2], c[1] + c[2]]), (rings[0], c)
    # The label is one of the placer's labels: no route or port name is written over it.
    labels = body.evaluate("() => window.geoView.labels()")
    ring = [lab for lab in labels if lab.get("ring")]
    assert len(ring) == 1 and ring[0]["text"].startswith("42.8 Mt/y stranded"), ring
    for lab in labels:
        if lab is not ring[0]:
            assert not overlap(lab["box"], ring[0]["box"]), (lab, ring[0])
    # Zoomed in one and two steps on the ring, the circles are worked out again from their true places and still do not
    # cover each other, and the label moves where it covers none of them.
    for step in (1, 2):
        body.evaluate("() => window.map.setZoom(window.map.getZoom() + 1, {animate: false})")
        page.wait_for_timeout(500)
        circles = body.evaluate(DENSITY_JS)
        for i, a in enumerate(circles):
            for b in circles[i + 1:]:
                assert math.dist(a[:2], b[:2]) >= max(a[2], b[2]), (step, a, b)
        rings = body.evaluate(RING_LABELS_JS)
        for c in circles:
            assert not overlap(rings[0], [c[0] - c[2], c[1] - c[2], c[0] + c[2], c[1] + c[2]]), (step, rings[0], c)
    assert not errors, errors


def test_map_follows_its_frame_when_the_column_changes_width(app_url, browser):  # noqa: F811
    # The frame's box can change without a window resize (the page around it reflows): Leaflet must measure again,
    # or a grey strip is left beside the map. 100 px narrower, then back.
    page, body, errors = open_page(browser, f"{app_url}/?claim=zeifert-reroute-oil-gas")
    frame = page.locator(IFRAME).element_handle().content_frame()
    full = body.evaluate("() => window.map.getSize().x")
    assert full == body.evaluate("() => document.getElementById('map_div').clientWidth")
    body.evaluate("() => { document.getElementById('map_div').style.width = (document.body.clientWidth - 100) + 'px'; }")
    frame.wait_for_function(f"() => window.map.getSize().x === {full} - 100", timeout=5_000)
    body.evaluate("() => { document.getElementById('map_div').style.width = '100%'; }")
    frame.wait_for_function(f"() => window.map.getSize().x === {full}", timeout=5_000)
    assert not errors, errors
