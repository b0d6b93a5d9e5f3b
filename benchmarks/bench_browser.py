"""Real-browser timings of the dashboard: Playwright driving Debian's headless Chromium, no internet.

Run: ``.venv/bin/python benchmarks/bench_browser.py [--repeats 5] [--scale 100] [--skip-1x]``.

Starts ``streamlit run app.py`` on a loopback port and measures, as the median of ``repeats`` runs after one
warm-up (server caches warm, as for any user after the first):

- **navigation**: a fresh page (new browser context, empty cache) from ``goto`` until the map iframe has drawn the
  routes (the first interactive SVG path) and the page's labels are placed;
- **toggle**: switching CPC off in the sidebar until the map draws it grey (and back on, alternately);
- **preset**: choosing "CPC halted" until CPC is grey (and back to the baseline, alternately);
- **click**: a click on a line until the side column names it (alternating CPC and Uzen-Atyrau-Samara).

Toggle, preset and click are timed in the page, from the pointer press that commits the change (the option chosen,
the chip removed, the line clicked) to the first animation frame that shows the result; Playwright's own driving
(opening a list, typing into it) is not counted.

With ``--scale N`` the same navigation and toggle are measured on ``benchmarks/synth.py`` data N times the shipped
assets. Wall-clock times on a shared machine: the load average is printed with every block, and so is the CPU time
one navigation costs Chromium (all its processes; the page's renderer alone) and the app's server, which other work on
the machine slows down but does not grow.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.test_browser import running_app  # noqa: E402  (the tests' launcher: free port, health wait, clean stop)

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"]
#: The map's frame: this project's component, or streamlit-folium's (to time an older checkout with --root).
IFRAME = "iframe[title$='geo_map'], iframe[title*='streamlit_folium']"
GOALS_1X = {"navigation": 1.5, "toggle": 0.3, "preset": 0.3, "click": 0.3}
GOALS_BIG = {"navigation": 3.0, "toggle": 1.0}
#: The time (ms since the epoch, as performance.timeOrigin + now) when asset ARG is drawn grey (or not), else false.
GREY_JS = """([id, grey]) => { const f = document.querySelector("IFRAME_SELECTOR"); if (!f || !f.contentWindow.map) return false;
    let off = false; f.contentWindow.map.eachLayer(l => { if (l.feature && l.feature.properties.i === id && l.options.color === '#9e9e9e') off = true; });
    return off === grey ? performance.timeOrigin + performance.now() : false; }""".replace("IFRAME_SELECTOR", IFRAME)
#: Record the time of the latest pointer press, in the page and in the map's frame (the user's input that starts a step).
PRESS_JS = """() => { const mark = (w) => w.addEventListener("pointerdown", () => { window.top.__press = w.performance.timeOrigin + w.performance.now(); },
    true); if (!window.__marked) { mark(window); window.__marked = true; } const f = document.querySelector("IFRAME_SELECTOR");
    if (f && !f.contentWindow.__marked) { mark(f.contentWindow); f.contentWindow.__marked = true; } window.__press = null; }""".replace(
    "IFRAME_SELECTOR", IFRAME)
DRAWN_JS = """() => { const f = document.querySelector("IFRAME_SELECTOR"); if (!f) return false; const d = f.contentDocument;
    const labelled = !f.contentWindow.geoView || !f.contentWindow.geoView.labels || d.querySelector(".geo-label");
    return !!(d && d.querySelector("path.leaflet-interactive") && labelled); }""".replace("IFRAME_SELECTOR", IFRAME)
#: Where a navigation's time goes (ms from the page's start): first contentful paint, the map frame's start, its first
#: render message, Leaflet and the base map's script loaded, the base map drawn (geomap.js's performance marks).
PHASES_JS = """() => { const f = document.querySelector("IFRAME_SELECTOR"), w = f.contentWindow, d = w.performance.timeOrigin - performance.timeOrigin;
    const mark = n => { const m = w.performance.getEntriesByName(n)[0]; return m ? d + m.startTime : null; };
    const fcp = performance.getEntriesByName("first-contentful-paint")[0];
    return {"first paint": fcp ? fcp.startTime : null, "map frame opened": d, "first render message": mark("geo-first-render"),
            "Leaflet loaded": mark("geo-scripts-loaded"), "base map drawn": mark("geo-base-drawn")}; }""".replace("IFRAME_SELECTOR", IFRAME)
POINT_ON_LINE_JS = """(id) => { const w = document.querySelector("IFRAME_SELECTOR").contentWindow, map = w.map, b = map.getBounds().pad(-0.1), mids = [];
    map.eachLayer(l => { if (!(l.feature && l.feature.properties.i === id && l.getLatLngs && l.options.interactive !== false)) return;
        const ll = l.getLatLngs(), flat = Array.isArray(ll[0]) ? ll.flat() : ll;
        for (let k = 0; k + 1 < flat.length; k++) { if (!b.contains(flat[k]) || !b.contains(flat[k + 1])) continue;
            const p = map.latLngToContainerPoint(flat[k]), q = map.latLngToContainerPoint(flat[k + 1]);
            mids.push({x: (p.x + q.x) / 2, y: (p.y + q.y) / 2}); } });
    return mids[Math.floor(mids.length / 2)]; }""".replace("IFRAME_SELECTOR", IFRAME)


APP_ROOT = ROOT


def load() -> str:
    return " ".join(f"{x:.1f}" for x in os.getloadavg())


def timed(page, action: Callable[[], None], until: Callable[[], float]) -> float:
    """Seconds from the user's last press (the option or the line clicked, recorded in the page) to the map showing the result.

    Playwright's own driving (opening a list, typing into it) is not counted: only the input that commits the change.
    """
    page.evaluate(PRESS_JS)
    action()
    done_ms = until()
    pressed_ms = page.evaluate("() => window.__press")
    return (done_ms - pressed_ms) / 1000


def cpu_seconds(url: str) -> dict[str, float]:
    """CPU seconds used so far by this process's Chromium processes (all, and the renderers) and by the server of ``url``."""
    import psutil

    port, out = url.rsplit(":", 1)[1], {"Chromium": 0.0, "renderer": 0.0, "server": 0.0}
    for proc in psutil.Process().children(recursive=True):
        with contextlib.suppress(psutil.Error):
            used = sum(proc.cpu_times()[:2])
            line = proc.cmdline()
            if "chrom" in proc.name():
                out["Chromium"] += used
                out["renderer"] += used if "--type=renderer" in line else 0.0
            elif "streamlit" in line and port in line:
                out["server"] += used
    return out


def navigate(browser, url: str, phases: list[dict[str, float]] | None = None) -> tuple[float, object, object]:
    """A fresh context and page: seconds from goto to the map drawn and labelled (and, into ``phases``, where it went and the CPU it cost)."""
    ctx = browser.new_context(viewport={"width": 1600, "height": 1000})
    page = ctx.new_page()
    cpu = cpu_seconds(url)
    t0 = time.perf_counter()
    page.goto(url, wait_until="commit")
    page.wait_for_function(DRAWN_JS, timeout=180_000, polling=20)
    seconds = time.perf_counter() - t0
    if phases is not None:
        spent = {f"CPU {k}": v - cpu[k] for k, v in cpu_seconds(url).items()}
        with contextlib.suppress(Exception):  # an older checkout (--root) has no marks
            spent.update({k: v / 1000 for k, v in page.evaluate(PHASES_JS).items() if v is not None})
        phases.append(spent)
    return seconds, ctx, page


def choose(page, label: str, option: str) -> None:
    box = page.get_by_role("combobox", name=label).locator("visible=true").first
    box.click()
    box.fill(option)
    page.get_by_role("option", name=re.compile(re.escape(option))).first.click()


def toggle_cpc(page, grey: bool) -> float:
    """Switch CPC off (or remove it from the switched-off list) and wait until the map shows it."""
    def act() -> None:
        if grey:
            choose(page, "Switch routes off", "Caspian Pipeline Consortium")
        else:
            page.locator("button[aria-label^='Remove Caspian Pipeline']").locator("visible=true").first.click()
    seconds = timed(page, act, lambda: page.wait_for_function(GREY_JS, arg=["cpc", grey], timeout=120_000, polling="raf").json_value())
    page.keyboard.press("Escape")  # close the option list (not timed)
    return seconds


def preset(page, halted: bool) -> float:
    return timed(page, lambda: choose(page, "Preset", "CPC halted" if halted else "(none): baseline"),
                 lambda: page.wait_for_function(GREY_JS, arg=["cpc", halted], timeout=120_000, polling="raf").json_value())


def click(page, asset: str, name: str) -> float:
    page.locator(IFRAME).scroll_into_view_if_needed()
    # The previous click's popup could cover this line: close it (not timed).
    page.evaluate("""() => document.querySelector("IFRAME_SELECTOR").contentWindow.map.closePopup()""".replace("IFRAME_SELECTOR", IFRAME))
    point = page.evaluate(POINT_ON_LINE_JS, asset)
    box = page.locator(IFRAME).bounding_box()
    shown = """(name) => { const hit = [...document.querySelectorAll("[data-testid='stHtml'] strong")]
        .some(e => e.offsetParent !== null && e.textContent.includes(name)); return hit ? performance.timeOrigin + performance.now() : false; }"""
    return timed(page, lambda: page.mouse.click(box["x"] + point["x"], box["y"] + point["y"]),
                 lambda: page.wait_for_function(shown, arg=name, timeout=120_000, polling="raf").json_value())


def report(name: str, values: list[float], goal: float) -> str:
    med = statistics.median(values)
    verdict = "met" if med < goal else "NOT met"
    return f"| {name} | {med:.2f} s | {min(values):.2f}-{max(values):.2f} s | < {goal:g} s: {verdict} |"


def measure(url: str, repeats: int, steps: tuple[str, ...], goals: dict[str, float]) -> list[str]:
    from playwright.sync_api import sync_playwright

    rows: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        nav_times: list[float] = []
        phases: list[dict[str, float]] = []
        for i in range(repeats + 1):
            seconds, ctx, page = navigate(browser, url, phases if i else None)
            if i:
                nav_times.append(seconds)
            if i < repeats:
                ctx.close()
        rows.append(report("navigation to the map drawn", nav_times, goals["navigation"]))
        if phases:
            names = [k for k in phases[0] if all(k in p for p in phases)]
            print("navigation phases (median s from the page's start): "
                  + ", ".join(f"{k} {statistics.median(p[k] for p in phases):.2f}" for k in names if not k.startswith("CPU")), flush=True)
            print("CPU time of one navigation (median s): "
                  + ", ".join(f"{k[4:]} {statistics.median(p[k] for p in phases):.2f}" for k in names if k.startswith("CPU")), flush=True)
        page.wait_for_timeout(1500)
        series: dict[str, list[float]] = {s: [] for s in steps if s != "navigation"}
        for i in range(repeats + 1):
            if "toggle" in series:
                t = [toggle_cpc(page, True), toggle_cpc(page, False)]
                if i:
                    series["toggle"] += t
            if "preset" in series:
                t = [preset(page, True), preset(page, False)]
                if i:
                    series["preset"] += t
            if "click" in series:
                t = [click(page, "cpc", "Caspian Pipeline Consortium"), click(page, "uas", "Uzen–Atyrau–Samara")]
                if i:
                    series["click"] += t
        labels = {"toggle": "route toggle until the map redraws", "preset": "preset change until the map redraws",
                  "click": "click on a line until the detail panel shows"}
        rows += [report(labels[k], v, goals[k]) for k, v in series.items()]
        browser.close()
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--scale", type=int, default=100, help="synthetic scale for the second block; 0 skips it")
    parser.add_argument("--skip-1x", action="store_true")
    parser.add_argument("--root", type=Path, default=ROOT, help="the checkout whose app.py is run (to compare with an older version)")
    args = parser.parse_args()
    global APP_ROOT
    APP_ROOT = args.root.resolve()
    header = ["| step | median | range | goal |", "|---|---:|---:|---|"]
    if not args.skip_1x:
        print(f"shipped data, {APP_ROOT}, load average {load()}", flush=True)
        with tempfile.TemporaryDirectory() as tmp:
            data = Path(tmp) / "data"
            shutil.copytree(APP_ROOT / "data", data, ignore=shutil.ignore_patterns("_work"))
            with running_app({"GEO_DATA_DIR": str(data)}, root=APP_ROOT) as url:
                rows = measure(url, args.repeats, ("navigation", "toggle", "preset", "click"), GOALS_1X)
        print("\n".join(header + rows), f"\nload average after: {load()}", flush=True)
    if args.scale:
        from benchmarks.synth import make_dataset

        with tempfile.TemporaryDirectory() as tmp:
            data = make_dataset(args.scale, Path(tmp) / "data")
            print(f"\n{args.scale}x data, load average {load()}", flush=True)
            with running_app({"GEO_DATA_DIR": str(data)}, root=APP_ROOT) as url:
                rows = measure(url, args.repeats, ("navigation", "toggle"), GOALS_BIG)
        print("\n".join(header + [r.replace("|", f"| {args.scale}x:", 1) for r in rows]), f"\nload average after: {load()}", flush=True)


if __name__ == "__main__":
    main()
