"""Briefing export: slide-sized PNG, selectable-text PDF, offline HTML; same inputs, same bytes."""

from __future__ import annotations

import datetime as dt
import re
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


def _busy(region: np.ndarray) -> float:
    """Share of a region's pixels that are not the flat white background."""
    return float((np.abs(region[..., :3] - 1.0).max(axis=-1) > 0.02).mean())


def test_png_areas_are_drawn_where_the_layout_puts_them(briefing, tmp_path):
    image = imread(brief.write(briefing, tmp_path / "b.png"))
    h, w = image.shape[:2]
    left, bottom, width, height = brief.MAP_RECT
    rows = lambda y0, y1: slice(int(h * (1 - y1)), int(h * (1 - y0)))  # noqa: E731 - figure fractions to image rows
    cols = lambda x0, x1: slice(int(w * x0), int(w * x1))  # noqa: E731
    # The map is drawn all over its rectangle: land and sea, not white (the legend box and label halos are white).
    assert _busy(image[rows(bottom, bottom + height), cols(left, left + width)]) > 0.85
    # The lower left of the map (key or map) and the locator inset (upper right) hold lines and text, not one flat colour.
    legend = image[rows(bottom + 0.01, bottom + 0.08), cols(left + 0.01, left + 0.15)]
    inset = image[rows(bottom + height - 0.15, bottom + height - 0.02), cols(left + width - 0.13, left + width - 0.01)]
    for part in (legend, inset):
        assert len(np.unique((part[..., :3] * 255).astype(np.uint8).reshape(-1, 3), axis=0)) > 20
    # The side panel and the footer carry text; the band between the footer and the canvas edge stays clear.
    assert 0.01 < _busy(image[rows(0.5, 0.9), cols(brief.PANEL_X[0], brief.PANEL_X[1])]) < 0.5
    assert _busy(image[rows(0.012, brief.FOOTER_TOP), cols(0.0, 1.0)]) > 0.005
    assert _busy(image[rows(0.0, 0.002), cols(0.0, 1.0)]) == 0.0


def test_pdf_text_has_title_metrics_and_sources(briefing, tmp_path):
    out = brief.write(briefing, tmp_path / "b.pdf")
    reader = PdfReader(out)
    assert len(reader.pages) == 1
    page = reader.pages[0]
    width, height = float(page.mediabox.width), float(page.mediabox.height)
    # A4 landscape: 297 x 210 mm = 841.9 x 595.3 pt (1 pt = 1/72 in; 11.69 in x 72 = 841.7).
    assert abs(width - 841.7) < 2 and abs(height - 595.4) < 2
    text = " ".join(page.extract_text().split())
    assert briefing.title in text
    assert "Total exports" in text and "Share via Russian ports" in text
    assert "Sources: data/assets.geojson" in text and "2026-01-02 03:04" in text


def test_pdf_shows_baseline_to_scenario_with_units_and_the_full_attribution_chain(briefing, tmp_path):
    text = " ".join(PdfReader(brief.write(briefing, tmp_path / "b.pdf")).pages[0].extract_text().split())
    total = briefing.metrics.loc["Total exports (Mt/y, 2023)"]
    assert f"{total['baseline']:,.1f} → {total['scenario']:,.1f} Mt/y" in text
    assert "Key figures, 2023" in text
    # The article's outlet and author, and the outlets the article cites (data/articles.yaml: cites AB News, Sohu).
    assert "dagens.de (Peter Zeifert, 2024-02-07)" in text
    assert "AB News" in text and "Sohu" in text
    # The whole claim, never shortened.
    english = briefing.claims.iloc[0]["english"]
    assert english.split()[-3] in text and "[...]" not in text and "…" not in text
    assert "Natural Earth" in text and "GeoNames" in text


def test_a_claim_with_a_long_chain_is_shown_whole(briefing, tmp_path):
    claims = briefing.claims.copy()
    claims["attribution"] = [["article", "Chinese media", "AB News"]]
    claims["english"] = ["An invented claim for layout testing: " + "word " * 60 + "END-OF-CLAIM"]
    text = " ".join(PdfReader(brief.write(brief.Briefing(**{**briefing.__dict__, "claims": claims}), tmp_path / "b.pdf"))
                    .pages[0].extract_text().split())
    assert "dagens.de (Peter Zeifert, 2024-02-07) → Chinese media → AB News" in text
    assert "END-OF-CLAIM" in text and "[...]" not in text


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
    # Each file's content, not its size: the PNG is slide-sized, the PDF one A4 page naming the year, the HTML holds
    # the map's data and loads nothing from the network.
    assert imread(tmp_path / "x.png").shape[:2] == (1080, 1920)
    (page,) = PdfReader(tmp_path / "x.pdf").pages
    assert round(float(page.mediabox.width)) in range(840, 844) and "2023" in page.extract_text()
    html = (tmp_path / "x.html").read_text(encoding="utf-8")
    assert "geoView.create(" in html and '"i":"cpc"' in html
    assert not re.search(r"""<(?:script|link|img|iframe)[^>]+(?:src|href)=["']?(?:https?:)?//""", html, re.IGNORECASE)
    bad = subprocess.run([sys.executable, "-m", "geo", "brief", "--claims", "no-such-claim", "--out", str(tmp_path / "y.png")],
                         cwd=ROOT, capture_output=True, text=True, check=False)
    assert bad.returncode != 0 and "no-such-claim" in bad.stderr and "Traceback" not in bad.stderr


def test_cli_briefing_with_committed_volumes_says_so(tmp_path):
    """``geo brief --committed`` solves with the preset's committed volumes, as ``geo scenario --committed`` does."""
    from pypdf import PdfReader

    out = tmp_path / "mc.pdf"
    subprocess.run([sys.executable, "-m", "geo", "brief", "--year", "2023", "--preset", "middle-corridor-target", "--committed",
                    "--out", str(out), "--timestamp", "2026-01-02T03:04"], check=True, cwd=ROOT, capture_output=True)
    text = " ".join(PdfReader(str(out)).pages[0].extract_text().split())
    assert "committed volumes on" in text
    # Middle Corridor at its targets, 2023: BTC carries its 7.0 Mt/y target instead of the observed 1.057 (tests/test_app_committed.py).
    assert "7.0" in text
