"""The real thing: the app in Debian's headless Chromium, driven by Playwright, with no internet.

Starts ``streamlit run app.py`` on a free local port, waits for Leaflet to draw, clicks a
route and checks its claims appear, and saves screenshots under ``test-output/``.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from geo.claims import ingest
from tests.conftest import ROOT

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
OUTPUT = ROOT / "test-output"
ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed (make test installs it)"),
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(url: str, proc: subprocess.Popen, limit_s: float = 90.0) -> None:
    """Poll until the server answers; the limit only guards against a hung start, it is not a timing assertion."""
    deadline = time.monotonic() + limit_s
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"streamlit exited with {proc.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"{url} did not answer")


@contextlib.contextmanager
def running_app(env: dict[str, str], root: Path = ROOT) -> Iterator[str]:
    """``streamlit run app.py`` of checkout ``root`` on a free loopback port with ``env``; yields its URL."""
    port = free_port()
    cmd = [sys.executable, "-m", "streamlit", "run", str(root / "app.py"), "--server.port", str(port), "--server.address", "127.0.0.1",
           "--server.headless", "true", "--browser.gatherUsageStats", "false"]
    proc = subprocess.Popen(cmd, cwd=root, env={**os.environ, **env}, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_for(f"http://127.0.0.1:{port}/_stcore/health", proc)
        yield f"http://127.0.0.1:{port}"
    finally:
        proc.terminate()
        proc.wait(timeout=30)


@pytest.fixture(scope="module")
def app_url(tmp_path_factory) -> Iterator[str]:
    data = tmp_path_factory.mktemp("browser") / "data"
    shutil.copytree(ROOT / "data", data, ignore=shutil.ignore_patterns("_work"))
    with running_app({"GEO_DATA_DIR": str(data)}) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


def map_frame(page):
    """The iframe of the folium component, once Leaflet has drawn the routes."""
    page.wait_for_selector("iframe[title$='geo_map']", timeout=60_000)
    frame = page.frame_locator("iframe[title$='geo_map']")
    frame.locator("path.leaflet-interactive:not([d='M0 0'])").first.wait_for(timeout=60_000)
    return frame


def test_map_draws_routes_and_markers_and_a_click_shows_claims(app_url, browser):
    OUTPUT.mkdir(exist_ok=True)
    page = browser.new_page(viewport={"width": 1600, "height": 1000})
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    blocked: list[str] = []
    page.route(lambda url: not url.startswith(app_url) and not url.startswith(("data:", "blob:", "about:")),
               lambda route: (blocked.append(route.request.url), route.abort()))
    page.goto(app_url)
    frame = map_frame(page)
    assert "Claims linked:" not in page.content()
    paths = frame.locator("path.leaflet-interactive")
    # Routes are paths; points are circle markers, also paths in Leaflet's SVG renderer.
    assert paths.count() > 60
    assert frame.locator(".leaflet-control-layers").count() == 1
    assert frame.locator("#geo-legend").count() == 1
    page.wait_for_timeout(500)
    page.screenshot(path=str(OUTPUT / "dashboard.png"))

    # Click the Atasu - Alashankou pipeline where Leaflet drew it.
    iframe = page.locator("iframe[title$='geo_map']")
    box = iframe.bounding_box()
    point = iframe.content_frame.locator("body").evaluate(
        """() => {
            let target = null;
            window.map.eachLayer(l => { if (l.feature && l.feature.properties.id === 'kcp-atasu-alashankou' && l.getLatLngs) target = l; });
            const ll = target.getLatLngs();
            const flat = Array.isArray(ll[0]) ? ll.flat() : ll;
            const i = Math.floor((flat.length - 1) / 2);
            window.map.setView(flat[i], 7, {animate: false});
            // Halfway along a drawn segment, in screen space: on the line, away from the markers at its vertices.
            const a = window.map.latLngToContainerPoint(flat[i]), b = window.map.latLngToContainerPoint(flat[i + 1]);
            return {x: (a.x + b.x) / 2, y: (a.y + b.y) / 2};
        }"""
    )
    page.wait_for_timeout(300)
    iframe.scroll_into_view_if_needed()  # a click on the part of the iframe below the fold does not reach Leaflet
    box = iframe.bounding_box()
    page.mouse.click(box["x"] + point["x"], box["y"] + point["y"])
    page.get_by_text("Claims linked:").first.wait_for(timeout=30_000)
    page.locator("strong", has_text="Atasu").first.wait_for(timeout=30_000)
    page.screenshot(path=str(OUTPUT / "dashboard-route-selected.png"))
    assert re.search(r"Claims linked: [1-9]", page.content()), "the clicked route's claims are listed"
    assert not errors, errors
    assert blocked == [], f"the page tried to reach the internet: {blocked[:3]}"


PAYLOADS = [
    "<img src=x onerror=\"window.top.__pwned='img'\">",
    "<script>window.top.__pwned='script'</script>",
    "\"'><svg onload=\"window.top.__pwned='svg'\">",
    "<a href=\"javascript:window.top.__pwned='link'\">click</a>",
]


@pytest.fixture(scope="module")
def hostile_url(tmp_path_factory) -> Iterator[str]:
    """The app on data whose asset names, article text, title and claims carry script."""
    from geo.claims import ingest
    from geo.data import corpus, load

    root = tmp_path_factory.mktemp("hostile")
    data, seeds = root / "data", root / "seeds"
    shutil.copytree(ROOT / "data", data, ignore=shutil.ignore_patterns("_work"))
    shutil.copytree(ROOT / "seeds", seeds)
    assets = load.load_assets(data)
    assets.at["cpc", "name"] = "CPC " + PAYLOADS[0]
    assets.at["cpc", "operator"] = PAYLOADS[2]
    load.write_text_atomic(data / load.ASSETS_FILE, load.dumps_assets(assets))
    text = "Kazakhstan ships oil via CPC. " + " ".join(PAYLOADS) + " More oil goes via the BTC pipeline to avoid Russian ports."
    meta = {"title": PAYLOADS[1], "outlet": PAYLOADS[3], "url": "https://example.org/a"}
    art = ingest.ingest(text.encode(), "evil.html.txt", metadata=meta, data_dir=data, corpus_dir=seeds).article_id
    start = text.index(PAYLOADS[0])
    claim = corpus.Claim(id="hostile-claim", article=art, excerpt=PAYLOADS[0], start=start, end=start + len(PAYLOADS[0]), language="en",
                         claim_type="rerouting", attribution=["article", PAYLOADS[2]], assets=[{"id": "cpc", "role": "bypassed"}])
    ingest.save_claims([claim], data_dir=data, corpus_dir=seeds)
    with running_app({"GEO_DATA_DIR": str(data), "GEO_SEEDS_DIR": str(seeds)}) as url:
        yield f"{url}/?asset=cpc&article={art}"


def test_injected_script_never_runs(hostile_url, browser):
    page = browser.new_page(viewport={"width": 1600, "height": 1000})
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(hostile_url)
    frame = map_frame(page)
    iframe = page.locator("iframe[title$='geo_map']").content_frame
    # Open the hostile asset's popup and tooltip, then every tab that shows article text.
    iframe.locator("body").evaluate(
        """() => { window.map.eachLayer(l => { if (l.feature && l.feature.properties.i === 'cpc' && l.getPopup) {
                       l.openTooltip(); l.openPopup(); } }); }"""
    )
    assert frame.locator(".leaflet-popup-content").first.inner_text().startswith("CPC <img")
    shown = {}
    # Wait for the claims list itself (every card says "asserted by:"): a tab's content is sent when it opens (issue 15).
    for tab, marker in (("Claims", "asserted by:"), ("Article", "cites:")):
        page.get_by_role("tab", name=tab, exact=True).click()
        page.get_by_text(marker, exact=False).locator("visible=true").first.wait_for(timeout=30_000)
        shown[tab] = page.locator("body").inner_text()
    page.screenshot(path=str(OUTPUT / "hostile.png"))
    # The payloads are on screen as text, not markup.
    assert PAYLOADS[0] in shown["Claims"] and PAYLOADS[1] in shown["Article"]
    assert page.evaluate("() => window.__pwned === undefined"), page.evaluate("() => window.__pwned")
    assert iframe.locator("body").evaluate("() => window.top.__pwned === undefined && window.__pwned === undefined")
    assert dialogs == []


# Markdown and template payloads: each would load an image from a (never routable) documentation address,
# or show 49, if any text were rendered as Markdown or evaluated as a template.
MD_ASSET = "CPC ![a](http://192.0.2.1/asset.png) {{7*7}}"
MD_TITLE = "Title ![t](http://192.0.2.2/title.png) {{7*7}} {% raw %}"
MD_OUTLET = "Outlet ![o](http://192.0.2.3/outlet.png) :red[x] $x^2$"
MD_CLAIM = "oil avoids Russia ![c](http://192.0.2.4/claim.png) {{7*7}}"
MD_TEXT = ("Kazakhstan ships oil via CPC.\n\n![i][ref] and <img src=http://192.0.2.5/text.png>\n\n[ref]: http://192.0.2.6/ref.png\n\n"
           f"Now {MD_CLAIM} via the BTC pipeline.")
MD_BAD_DATE = "![e](http://192.0.2.7/error.png)"


@pytest.fixture(scope="module")
def markdown_url(tmp_path_factory) -> Iterator[str]:
    """The app on data whose asset name, title, outlet, text and claim carry Markdown images and template code."""
    from geo.data import corpus, load

    root = tmp_path_factory.mktemp("markdown")
    data, seeds = root / "data", root / "seeds"
    shutil.copytree(ROOT / "data", data, ignore=shutil.ignore_patterns("_work"))
    shutil.copytree(ROOT / "seeds", seeds)
    assets = load.load_assets(data)
    assets.at["cpc", "name"] = MD_ASSET
    load.write_text_atomic(data / load.ASSETS_FILE, load.dumps_assets(assets))
    art = ingest.ingest(MD_TEXT.encode(), "md.txt", metadata={"title": MD_TITLE, "outlet": MD_OUTLET}, data_dir=data,
                        corpus_dir=seeds).article_id
    start = MD_TEXT.index(MD_CLAIM)
    claim = corpus.Claim(id="markdown-claim", article=art, excerpt=MD_CLAIM, start=start, end=start + len(MD_CLAIM), language="en",
                         claim_type="rerouting", attribution=["article", MD_OUTLET], assets=[{"id": "cpc", "role": "bypassed"}])
    ingest.save_claims([claim], data_dir=data, corpus_dir=seeds)
    with running_app({"GEO_DATA_DIR": str(data), "GEO_SEEDS_DIR": str(seeds)}) as url:
        yield f"{url}/?asset=cpc&claim=markdown-claim&article={art}"


def test_hostile_markdown_and_templates_make_no_request_and_stay_text(markdown_url, browser):
    from urllib.parse import urlsplit

    page = browser.new_page(viewport={"width": 1600, "height": 1000})
    requested: list[str] = []
    page.on("request", lambda r: requested.append(r.url))
    # Record and refuse anything that would leave this machine, in the page and in every frame.
    page.route(lambda url: urlsplit(url).hostname not in (None, "127.0.0.1", "localhost"), lambda route: route.abort())
    page.goto(markdown_url)
    frame = map_frame(page)
    iframe = page.locator("iframe[title$='geo_map']").content_frame
    iframe.locator("body").evaluate(
        """() => { window.map.eachLayer(l => { if (l.feature && l.feature.properties.i === 'cpc' && l.getPopup) {
                       l.openTooltip(); l.openPopup(); } }); }"""
    )
    popup = frame.locator(".leaflet-popup-content").first.inner_text()
    assert MD_ASSET in popup and MD_CLAIM in popup and MD_TITLE in popup, popup
    page.get_by_text("Claims linked:").first.wait_for(timeout=30_000)
    shown = {"Map": page.locator("body").inner_text()}
    page.screenshot(path=str(OUTPUT / "hostile-markdown-map.png"))
    for tab, marker in (("Claims", re.compile("asserted by:")), ("Article", re.compile("cites:"))):
        page.get_by_role("tab", name=tab, exact=True).click()
        page.get_by_text(marker).locator("visible=true").first.wait_for(timeout=30_000)
        shown[tab] = page.locator("body").inner_text()
        page.screenshot(path=str(OUTPUT / f"hostile-markdown-{tab.lower()}.png"))
    # An error message that repeats what the user typed.
    page.get_by_role("tab", name="Add article", exact=True).click()
    page.get_by_label("...or paste the text").fill("Oil goes via the BTC pipeline.")
    page.get_by_label("Published (YYYY-MM-DD)").fill(MD_BAD_DATE)
    page.get_by_role("button", name="Add to corpus").click()
    page.get_by_text("invalid metadata").first.wait_for(timeout=30_000)
    shown["Add article"] = page.locator("body").inner_text()
    page.wait_for_timeout(1000)
    page.screenshot(path=str(OUTPUT / "hostile-markdown.png"), full_page=True)

    outside = [u for u in requested if urlsplit(u).hostname not in (None, "127.0.0.1", "localhost")]
    assert requested and outside == [], f"requests left this machine: {outside[:5]}"
    assert MD_ASSET in shown["Map"] and MD_CLAIM in shown["Map"]
    assert MD_CLAIM in shown["Claims"] and MD_TITLE in shown["Claims"] and MD_OUTLET in shown["Claims"]
    assert MD_TITLE in shown["Article"] and "![i][ref]" in shown["Article"] and "[ref]: http://192.0.2.6/ref.png" in shown["Article"]
    assert MD_BAD_DATE in shown["Add article"]
    assert all(" 49" not in text for text in shown.values()), "a template expression was evaluated"
    assert page.locator("img[src*='192.0.2.']").count() == 0


VIEW_JS = "() => { const c = window.map.getCenter(); return {zoom: window.map.getZoom(), lat: c.lat, lng: c.lng}; }"
#: A point on a line, inside the current view, away from its ends (where other lines and markers meet).
POINT_ON_LINE_JS = """(_body, id) => {
    const b = window.map.getBounds().pad(-0.1);
    const mids = [];
    window.map.eachLayer(l => {
        if (!(l.feature && l.feature.properties.i === id && l.getLatLngs && l.options.interactive !== false)) return;
        const ll = l.getLatLngs(), flat = Array.isArray(ll[0]) ? ll.flat() : ll;
        for (let k = 0; k + 1 < flat.length; k++) {
            if (!b.contains(flat[k]) || !b.contains(flat[k + 1])) continue;
            // Halfway along a drawn segment, in screen space: on the line, away from the markers at its vertices.
            const p = window.map.latLngToContainerPoint(flat[k]), q = window.map.latLngToContainerPoint(flat[k + 1]);
            mids.push({x: (p.x + q.x) / 2, y: (p.y + q.y) / 2});
        }
    });
    return mids[Math.floor(mids.length / 2)];
}"""
#: Whether the asset is drawn with the selection's yellow casing.
HIGHLIGHTED_JS = """(_body, id) => { let found = false;
    window.map.eachLayer(l => { if (l.feature && l.feature.properties.i === id && l.options.color === '#ffd400') found = true; });
    return found; }"""


def same_view(a: dict, b: dict) -> bool:
    """Same zoom, and centres less than 2 screen pixels apart.

    Leaflet re-centres to whole pixels when a hidden tab shows the map again (about 0.4 px was seen); a reset to the
    default frame moves the centre by hundreds of pixels. At zoom z one degree is 256 * 2**z / 360 px (times ~1.4 in
    latitude at 45 N, Mercator), so 2 px at zoom 6 is about 0.044 degrees of longitude.
    """
    px_per_deg = 256 * 2 ** a["zoom"] / 360
    return a["zoom"] == b["zoom"] and abs(a["lng"] - b["lng"]) * px_per_deg < 2 and abs(a["lat"] - b["lat"]) * px_per_deg * 1.5 < 2


def choose(page, label: str, option: str) -> None:
    """Pick an option of a Streamlit selectbox by its label."""
    box = page.get_by_role("combobox", name=label).locator("visible=true").first
    box.click()
    box.fill(option)  # the list shows only options matching what the input holds
    page.get_by_role("option", name=re.compile(re.escape(option))).first.click()


def test_each_click_selects_its_line_at_once_and_the_view_survives(app_url, browser):
    OUTPUT.mkdir(exist_ok=True)
    page = browser.new_page(viewport={"width": 1600, "height": 1000})
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(app_url)
    map_frame(page)
    page.wait_for_timeout(800)
    page.screenshot(path=str(OUTPUT / "dashboard-default.png"))
    iframe = page.locator("iframe[title$='geo_map']")
    body = iframe.content_frame.locator("body")
    # The default view frames the Caspian: Aktau (51.2 E, 43.6 N) and Atyrau (51.9 E, 47.1 N) are inside it.
    assert body.evaluate("() => window.map.getBounds().contains([43.6, 51.2]) && window.map.getBounds().contains([47.1, 51.9])")
    assert body.evaluate("() => window.map.getZoom()") >= 4
    # The user's own view: zoomed in on the northern Caspian.
    body.evaluate("() => window.map.setView([45.5, 52.0], 6, {animate: false})")
    page.wait_for_timeout(600)  # streamlit-folium reports the move after its 250 ms debounce
    mine = body.evaluate(VIEW_JS)
    names = {"cpc": "Caspian Pipeline Consortium", "uas": "Uzen–Atyrau–Samara", "lane-aktau-baku": "Caspian tanker route Aktau – Baku"}
    for asset in ("cpc", "uas", "lane-aktau-baku", "cpc"):
        point = body.evaluate(POINT_ON_LINE_JS, asset)
        iframe.scroll_into_view_if_needed()  # a click on the part of the iframe below the fold does not reach Leaflet
        box = iframe.bounding_box()
        page.mouse.click(box["x"] + point["x"], box["y"] + point["y"])
        # The side column names the clicked line and the map highlights it, after this one click.
        page.locator("[data-testid='stHtml'] strong, [data-testid='stHtml'] h3, [data-testid='stHtml'] h4").filter(
            has_text=names[asset]).locator("visible=true").first.wait_for(timeout=15_000)
        page.wait_for_function(
            "([id]) => { const f = document.querySelector(\"iframe[title$='geo_map']\").contentWindow;"
            " let ok = false; f.map.eachLayer(l => { if (l.feature && l.feature.properties.i === id && l.options.color === '#ffd400') ok = true; });"
            " return ok; }", arg=[asset], timeout=15_000)
        body.evaluate("() => window.map.closePopup()")
        assert same_view(body.evaluate(VIEW_JS), mine), "a click leaves the user's view alone"
    page.screenshot(path=str(OUTPUT / "dashboard-clicks.png"))
    # A preset chosen while reading another tab: the map keeps its view.
    page.get_by_role("tab", name="Dependencies", exact=True).click()
    choose(page, "Preset", "CPC halted")
    page.get_by_text("scenario: CPC halted").first.wait_for(timeout=30_000)
    page.get_by_role("tab", name="Map", exact=True).click()
    page.wait_for_function(
        "() => { const f = document.querySelector(\"iframe[title$='geo_map']\").contentWindow; let off = false;"
        " f.map.eachLayer(l => { if (l.feature && l.feature.properties.i === 'cpc' && l.options.color === '#9e9e9e') off = true; }); return off; }",
        timeout=15_000)
    assert same_view(body.evaluate(VIEW_JS), mine), "a preset change on another tab leaves the view alone"
    page.screenshot(path=str(OUTPUT / "dashboard-cpc-halted.png"))
    # Asking for a claim is asking to zoom to it: the view changes to frame its assets.
    page.get_by_role("tab", name="Claims", exact=True).click()
    # The box lifts the year limit: the list then holds claims of every date.
    page.get_by_text("Only articles dated up to the sidebar's year").click()
    page.get_by_text(re.compile(r"of \d+ claims \(claims of any date")).locator("visible=true").first.wait_for(timeout=30_000)
    choose(page, "Show a claim on the map", "Kazakhstan is actively looking for ways")
    page.get_by_role("tab", name="Map", exact=True).click()
    page.wait_for_timeout(1500)
    page.screenshot(path=str(OUTPUT / "dashboard-claim.png"))
    assert not same_view(body.evaluate(VIEW_JS), mine), "choosing a claim zooms to it"
    assert not errors, errors
