"""Claim density on the map, in Debian's headless Chromium (issue 15): drawn by geoview.js from the view's ``density``.

Counts from data/claims.yaml: at 2024 the two seed claims that name assets (dated 2024-02-07) cover 34 assets, 12 of
them twice; at 2023 neither is dated yet, so the Claims layer shows nothing.
"""

from __future__ import annotations

import pytest

from tests.test_browser import OUTPUT, VIEW_JS, app_url, browser, same_view  # noqa: F401  (pytest fixtures are used by name)
from tests.test_browser_map import IFRAME, open_page

pytestmark = pytest.mark.browser

#: The Claims layer now: the count badges' texts, and CPC's claim marker radius (px).
DENSITY_JS = """() => { const badges = [...document.querySelectorAll('.geo-density')].map(e => e.textContent).sort();
    let r = null; window.map.eachLayer(l => { if (l.feature && l.feature.properties.claim && l.feature.properties.i === 'cpc')
        r = l.options.stroke || l.options.fill ? l.getRadius() : "hidden"; });
    return {badges, cpc: r}; }"""


def test_claim_density_badges_follow_the_year_slider_in_place(app_url, browser):  # noqa: F811
    page, body, errors = open_page(browser, f"{app_url}/?year=2024")
    body.evaluate("() => window.map.setView([44.5, 50.5], 5, {animate: false})")
    page.wait_for_timeout(300)
    mine = body.evaluate(VIEW_JS)
    got = body.evaluate(DENSITY_JS)
    assert got["badges"] == ["1"] * 22 + ["2"] * 12
    assert got["cpc"] == 9.9  # 7 px x sqrt(2 claims)
    page.screenshot(path=str(OUTPUT / "map-claim-density-2024.png"))
    # The year one back (2024 -> 2023, the sidebar's Year buttons): the same map restyles, badges gone, CPC's marker hidden.
    page.locator(".st-key-w_year button", has_text="2023").click()
    page.locator(IFRAME).content_frame.locator(".geo-density").first.wait_for(state="detached", timeout=30_000)
    assert body.evaluate(DENSITY_JS) == {"badges": [], "cpc": "hidden"}
    assert same_view(body.evaluate(VIEW_JS), mine), "the year change keeps the user's view"
    assert not errors, errors
