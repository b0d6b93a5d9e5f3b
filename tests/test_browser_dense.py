"""The map on dense data (``benchmarks/synth.py``, many times the shipped network) in Debian's headless Chromium.

Issue 15: at 100x the default view was a carpet of point markers on which no line could be clicked. Now a map with
many points keeps one point per screen cell at each zoom (``thinPoints`` in ``geo/views/static/geoview.js``), so the
lines between them take the clicks. Timing is measured by ``benchmarks/bench_browser.py --scale 100``, never here.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.test_browser import (  # noqa: F401  (pytest fixtures are used by name)
    OUTPUT,
    browser,
    map_frame,
    running_app,
)

pytestmark = pytest.mark.browser

IFRAME = "iframe[title$='geo_map']"
#: 30x the shipped assets: 1,080 points and 810 lines, well past the thinning threshold (THIN_MIN = 400 points).
SCALE = 30

#: What the topmost element is at the middle of every drawn line segment inside the view (10 % margin): the line itself
#: or another line ("line"), a point marker ("point"), a claims marker ("claim"), or anything else ("other"); and one pixel
#: where a line is on top. Claims markers are not thinned: the synthetic copies carry no claims, so their number does
#: not grow with the data (the seed article's 26 assets), but copied lines do pass under them.
HITS_JS = """() => { const map = window.map, by = new Map(), view = map.getBounds().pad(-0.1),
    out = {line: 0, point: 0, claim: 0, other: 0, free: null};
    map.eachLayer(l => { if (l._path && l.feature && l.feature.properties.i) by.set(l._path, l); });
    const rect = map.getContainer().getBoundingClientRect();
    map.eachLayer(l => { if (!(l._path && l.feature && l.feature.properties.i && l.getLatLngs && l.options.interactive !== false)) return;
        const ll = l.getLatLngs(), flat = Array.isArray(ll[0]) ? ll.flat() : ll;
        for (let k = 0; k + 1 < flat.length; k++) {
            if (!view.contains(flat[k]) || !view.contains(flat[k + 1])) continue;
            const p = map.latLngToContainerPoint(flat[k]), q = map.latLngToContainerPoint(flat[k + 1]);
            if (p.distanceTo(q) < 6) continue;
            const x = (p.x + q.x) / 2, y = (p.y + q.y) / 2, hit = by.get(document.elementFromPoint(rect.left + x, rect.top + y));
            if (hit && hit.getLatLngs) {
                out.line += 1;
                if (!out.free && hit === l) out.free = {x: x, y: y, name: l.feature.properties.n}; }
            else if (hit && hit.getLatLng) out[hit.feature.properties.claim ? "claim" : "point"] += 1; else out.other += 1; } });
    return out; }"""
MARKERS_JS = """() => { let n = 0; window.map.eachLayer(l => { if (l._path && l.feature && l.getLatLng) n++; }); return n; }"""


@pytest.fixture(scope="module")
def dense_url(tmp_path_factory) -> Iterator[str]:
    from benchmarks.synth import make_dataset

    data = make_dataset(SCALE, tmp_path_factory.mktemp("dense") / "data")
    with running_app({"GEO_DATA_DIR": str(data)}) as url:
        yield url


def test_dense_points_leave_the_lines_clickable(dense_url, browser):  # noqa: F811
    page = browser.new_page(viewport={"width": 1600, "height": 1000})
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(dense_url)
    map_frame(page)
    page.locator(IFRAME).scroll_into_view_if_needed()
    page.wait_for_timeout(500)
    body = page.locator(IFRAME).content_frame.locator("body")
    OUTPUT.mkdir(exist_ok=True)
    page.screenshot(path=str(OUTPUT / f"map-dense-{SCALE}x.png"))

    # At the default view at most 1 in 20 line pixels is under a point marker. The old map drew every point on top of
    # the lines: 1,318 of 3,765 (35 %) were covered (2023 view, before the claims markers of the 2024 default).
    hits = body.evaluate(HITS_JS)
    samples = hits["line"] + hits["point"] + hits["claim"] + hits["other"]
    assert samples > 200, hits
    assert hits["point"] <= 0.05 * samples, hits

    # Fewer markers are drawn than there are points, and zooming in brings more of them back.
    drawn = body.evaluate(MARKERS_JS)
    assert drawn < 36 * SCALE, drawn  # 36 point assets in the shipped data
    body.evaluate("() => { window.map.setZoom(window.map.getZoom() + 3, {animate: false}); }")
    page.wait_for_timeout(300)
    assert body.evaluate(MARKERS_JS) > drawn
    body.evaluate("() => { window.map.setZoom(window.map.getZoom() - 3, {animate: false}); }")
    page.wait_for_timeout(300)

    # A click on a line pixel selects that line: the side column names it.
    free = body.evaluate(HITS_JS)["free"]
    assert free, hits
    box = page.locator(IFRAME).bounding_box()
    page.mouse.click(box["x"] + free["x"], box["y"] + free["y"])
    page.wait_for_function("""(name) => [...document.querySelectorAll("[data-testid='stHtml'] strong")]
        .some(e => e.offsetParent !== null && e.textContent.includes(name))""", arg=free["name"], timeout=60_000)
    assert not errors, errors
