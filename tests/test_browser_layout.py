"""The page at the window sizes analysts use (1280x720 laptop, 1920x1080 screen), in Chromium: nothing cut off."""

from __future__ import annotations

import shutil

import pytest

from tests.conftest import ROOT
from tests.test_browser import ARGS, CHROMIUM, OUTPUT, map_frame, running_app

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not shutil.which("chromium") and not (ROOT / CHROMIUM).exists(), reason="Debian's chromium is not installed"),
]

#: Text of the metrics strip that the browser shows cut: its rendered width runs past the nearest box that clips it
#: (a value runs past its card's border, or a label past the card).
CUT_JS = """() => { const cut = [];
  for (const m of document.querySelectorAll('.geo-metric')) {
    const walk = document.createTreeWalker(m, NodeFilter.SHOW_TEXT); let n;
    while ((n = walk.nextNode())) {
      if (!n.textContent.trim()) continue;
      const range = document.createRange(); range.selectNodeContents(n); const t = range.getBoundingClientRect();
      let e = n.parentElement;
      while (e && e !== m && getComputedStyle(e).overflowX === 'visible') e = e.parentElement;
      const c = e.getBoundingClientRect();
      if (t.right > c.right + 0.5 || t.left < c.left - 0.5) cut.push(n.textContent.trim());
    } }
  return cut; }"""


@pytest.fixture(scope="module")
def layout_url(tmp_path_factory):
    data = tmp_path_factory.mktemp("layout") / "data"
    shutil.copytree(ROOT / "data", data, ignore=shutil.ignore_patterns("_work"))
    with running_app({"GEO_DATA_DIR": str(data)}) as url:
        yield url


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)])
def test_metrics_strip_is_not_cut_off(layout_url, size):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport={"width": size[0], "height": size[1]})
        # CPC halted: the widest figures (70.9 -> 28.1, 96 % -> 81 %).
        page.goto(f"{layout_url}/?preset=cpc-halted")
        map_frame(page)
        page.get_by_text("scenario: CPC halted").first.wait_for(timeout=30_000)
        OUTPUT.mkdir(exist_ok=True)
        page.screenshot(path=str(OUTPUT / f"dashboard-{size[0]}x{size[1]}.png"))
        values = page.locator(".geo-metric-value").all_inner_texts()
        assert len(values) == 4 and "→" in values[0], values
        cut = page.evaluate(CUT_JS)
        browser.close()
    assert cut == [], f"cut off at {size[0]}x{size[1]}: {cut}"
