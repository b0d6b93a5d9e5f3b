"""Briefing export: slide-sized PNG, selectable-text PDF, offline HTML; same inputs, same bytes."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from matplotlib.image import imread
from pypdf import PdfReader

from geo.views import briefing as brief
from tests.conftest import ROOT

MADE = dt.datetime(2026, 1, 2, 3, 4, tzinfo=dt.UTC)
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


@pytest.fixture(scope="module")
def briefing() -> brief.Briefing:
    return brief.make_briefing(year=2023, preset="cpc-halted", claim_ids=("zeifert-reroute-oil-gas",), made=MADE)


def test_png_is_slide_sized_and_not_blank(briefing, tmp_path):
    out = brief.write(briefing, tmp_path / "b.png")
    image = imread(out)
    assert image.shape[:2] == (1080, 1920)
    pixels = image[..., :3].reshape(-1, 3)
    assert pixels.std() > 0.05
    assert len(np.unique((pixels * 255).astype(np.uint8), axis=0)) > 50


def test_pdf_text_has_title_metrics_and_sources(briefing, tmp_path):
    out = brief.write(briefing, tmp_path / "b.pdf")
    reader = PdfReader(out)
    page = reader.pages[0]
    width, height = float(page.mediabox.width), float(page.mediabox.height)
    assert width > height and abs(width / 72 - 11.69) < 0.05
    text = " ".join(page.extract_text().split())
    assert briefing.title in text
    assert "Total exports" in text and "Share via Russian ports" in text
    assert "Sources: data/assets.geojson" in text and "2026-01-02 03:04" in text


def test_same_inputs_give_the_same_files(tmp_path):
    for suffix in (".png", ".pdf"):
        a = brief.write(brief.make_briefing(year=2022, made=MADE), tmp_path / f"a{suffix}").read_bytes()
        b = brief.write(brief.make_briefing(year=2022, made=MADE), tmp_path / f"b{suffix}").read_bytes()
        assert a == b, suffix


def test_hostile_claim_text_stays_text_in_html(briefing, tmp_path):
    hostile = briefing.claims.copy()
    hostile["excerpt"] = "<script>window.pwned=1</script>"
    html = brief.html_page(brief.Briefing(**{**briefing.__dict__, "claims": hostile}))
    assert "<script>window.pwned" not in html and "&lt;script&gt;window.pwned" in html


@pytest.mark.browser
@pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed (make test installs it)")
def test_html_opens_offline_and_draws_routes(briefing, tmp_path):
    from playwright.sync_api import sync_playwright

    out = brief.write(briefing, tmp_path / "b.html")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--headless=new", "--no-sandbox", "--disable-gpu",
                                                                     "--disable-background-networking", "--no-first-run"])
        page = browser.new_page()
        requested: list[str] = []
        page.on("request", lambda r: requested.append(r.url))
        page.goto(out.as_uri())
        page.locator("path.leaflet-interactive").first.wait_for(timeout=30_000)
        assert page.locator("path.leaflet-interactive").count() > 60
        assert page.locator("#brief-panel").count() == 1
        browser.close()
    assert all(u.startswith(("file:", "data:")) for u in requested), requested[:3]


def test_cli_writes_each_format_and_refuses_unknown_ids(tmp_path):
    for suffix in (".png", ".pdf", ".html"):
        out = tmp_path / f"x{suffix}"
        subprocess.run([sys.executable, "-m", "geo", "brief", "--year", "2023", "--out", str(out), "--timestamp", "2026-01-02T03:04"],
                       cwd=ROOT, check=True, capture_output=True)
        assert out.stat().st_size > 10_000
    bad = subprocess.run([sys.executable, "-m", "geo", "brief", "--claims", "no-such-claim", "--out", str(tmp_path / "y.png")],
                         cwd=ROOT, capture_output=True, text=True, check=False)
    assert bad.returncode != 0 and "no-such-claim" in bad.stderr and "Traceback" not in bad.stderr
