"""Issue 16 in Debian's headless Chromium: the map page sends its bounds only when the app asks (report_bounds).

On the files (the default) a pan sends nothing, so it never reruns the app. On the team store over the threshold
(here ``GEO_MAP_BOUNDS_MIN_ASSETS=10`` against the 62 shipped assets; run with ``--store=postgis``) the page sends its
bounds once the map stands still, and the app answers with the base map of the assets in the new box.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator

import pytest

from tests.conftest import ROOT
from tests.test_browser import app_url, browser, map_frame, running_app  # noqa: F401  (pytest fixtures are used by name)

pytestmark = pytest.mark.browser

IFRAME = "iframe[title$='geo_map']"
#: Keep the values the map page sends to Streamlit (an init script: listening before the page loads).
LISTEN_JS = """window.__sent = []; window.addEventListener("message", e => {
    if (e.data && e.data.type === "streamlit:setComponentValue") window.__sent.push(e.data.value); });"""
#: Move the map (no animation), remembering the map object drawn now.
MOVE_JS = """([lat, lon, zoom]) => { const w = document.querySelector("iframe[title$='geo_map']").contentWindow;
    w.__oldMap = w.map; w.map.setView([lat, lon], zoom, {animate: false}); }"""
#: The asset ids drawn by a base map other than the one drawn before the move, else false.
REDRAWN_JS = """() => { const w = document.querySelector("iframe[title$='geo_map']").contentWindow, ids = [];
    if (!w.map || w.map === w.__oldMap || !w.map._loaded) return false;
    w.map.eachLayer(l => { if (l.feature && l.feature.properties && l.feature.properties.i) ids.push(l.feature.properties.i); });
    return ids.length ? ids : false; }"""
DRAWN_JS = """() => { const w = document.querySelector("iframe[title$='geo_map']").contentWindow, ids = [];
    w.map.eachLayer(l => { if (l.feature && l.feature.properties && l.feature.properties.i) ids.push(l.feature.properties.i); }); return ids; }"""


def _page(chromium, url: str, *, first_reports: int):
    """A page with the map drawn and the reports after its first draw (one when the app asks, else none) received."""
    page = chromium.new_page(viewport={"width": 1600, "height": 1000})
    page.add_init_script(LISTEN_JS)
    page.goto(url)
    map_frame(page)
    if first_reports:
        page.wait_for_function("(n) => window.__sent.length >= n", arg=first_reports, timeout=30_000)
    page.wait_for_timeout(1000)  # three times the page's 300 ms wait for stillness: nothing else comes
    assert len(page.evaluate("() => window.__sent")) == first_reports
    page.evaluate("() => { window.__sent = []; }")
    return page


@pytest.mark.files_only(reason="on the files the map never reports its bounds; the team store's case is the next test")
def test_on_the_files_a_pan_sends_nothing_to_the_app(app_url, browser) -> None:  # noqa: F811
    page = _page(browser, app_url, first_reports=0)
    page.evaluate(MOVE_JS, [44.0, 51.5, 7])
    page.wait_for_timeout(1500)  # five times the page's 300 ms wait for stillness
    assert page.evaluate("() => window.__sent") == []
    page.close()


@pytest.fixture(scope="module")
def team_url(tmp_path_factory) -> Iterator[str]:
    if not os.environ.get("GEO_STORE"):
        pytest.skip("needs the team store: run with --store=postgis")
    data = tmp_path_factory.mktemp("bounds-team") / "data"
    shutil.copytree(ROOT / "data", data, ignore=shutil.ignore_patterns("_work"))
    with running_app({"GEO_DATA_DIR": str(data), "GEO_MAP_BOUNDS_MIN_ASSETS": "10"}) as url:
        yield url


def test_on_a_big_team_store_the_page_reports_its_bounds_and_draws_the_new_box(team_url, browser) -> None:  # noqa: F811
    page = _page(browser, team_url, first_reports=1)
    assert "schwedt" not in page.evaluate(DRAWN_JS)  # 14.2E: outside the first box (tests/test_map_bounds.py)
    # Zoomed in on the Mangyshlak coast: the page reports its bounds once, and the app sends the base map of that box.
    page.evaluate(MOVE_JS, [44.0, 51.5, 7])
    ids = set(page.wait_for_function(REDRAWN_JS, timeout=60_000).json_value())
    sent = page.evaluate("() => window.__sent")
    assert len(sent) == 1
    west, south, east, north = sent[0]["bounds"]
    assert west < 51.5 < east and south < 44.0 < north
    assert {"aktau", "kuryk", "uzen"} <= ids
    assert ids.isdisjoint({"ceyhan", "schwedt", "tap", "alashankou"})  # far outside the view and its padding
    page.close()
