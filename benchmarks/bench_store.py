"""The map's bounding-box query at 100x data: PostGIS (GiST index) against the files.

Run: ``.venv/bin/python benchmarks/bench_store.py [--scale 100] [--repeats 15]``. Makes the 100x data
folder with ``benchmarks/synth.py``, starts a throwaway PostgreSQL + PostGIS (as the store tests do),
imports the folder and prints the median time of each way to answer "which assets meet this box?":

* files, cold: parse and validate ``assets.geojson``, then query (what a fresh process pays);
* files, warm: the GeoDataFrame already in memory, its spatial index queried (the dashboard's cached path);
* PostGIS ``&&`` only: the index's bounding-box test alone (a map layer may take every feature whose box meets the view);
* PostGIS ids: ``geom && envelope AND ST_Intersects`` (index scan, then the exact test), ids only;
* PostGIS features: the same with each geometry as WKB, decoded to shapely (what a map layer needs).

Boxes: the whole region of the map, and a zoomed view of the Mangyshlak peninsula (Aktau).

With ``--map`` (or ``--map-only``, which skips the table) it then times the dashboard's map on that database in a real
browser (Playwright and Debian's Chromium, as ``benchmarks/bench_browser.py``), median of ``--map-repeats`` fresh pages
after one warm-up, twice: as shipped (over 2,000 assets the map draws only the assets in the padded view, issue 16) and
with ``GEO_MAP_BOUNDS_MIN_ASSETS`` set past the asset count (every asset drawn, as before). For each page:

* first draw: ``goto`` until the map has drawn its routes and placed its labels (the default frame's box, no round trip);
* zoom in: the map set to the Mangyshlak coast at zoom 7, until the page has drawn the base map of the new box (the
  bounds reported after 300 ms of stillness, the rerun, the store's query, the new map's script evaluated);
* pan: the map moved 4 degrees east at the same zoom, out of that box, until the next base map is drawn.

Zoom and pan are timed in the page from the ``setView`` call; with every asset drawn the page reports nothing, so the map
moves without a rerun and they are not timed. The features drawn after each step are counted.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from geoalchemy2.shape import to_shape  # noqa: E402
from sqlalchemy import create_engine, func, select  # noqa: E402

from geo.data import load  # noqa: E402
from geo.data.basemap import REGION  # noqa: E402
from geo.store import localserver, migrate, transfer  # noqa: E402
from geo.store import tables as t  # noqa: E402
from geo.store.files import assets_in_bbox  # noqa: E402
from geo.store.postgis import PostgisStore  # noqa: E402

BOXES = {"whole region": REGION, "Mangyshlak zoom": (50.0, 42.5, 54.0, 45.5)}


def median_ms(fn, repeats: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeats):
        t0 = time.perf_counter()
        result = fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times), result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, default=100)
    parser.add_argument("--repeats", type=int, default=15)
    parser.add_argument("--map", action="store_true", help="also time the dashboard's map on the database in a browser")
    parser.add_argument("--map-only", action="store_true", help="time the map only (no query table)")
    parser.add_argument("--map-repeats", type=int, default=3)
    args = parser.parse_args()
    from synth import make_dataset

    work = Path(tempfile.mkdtemp(prefix="geo-bench-store-"))
    try:
        data = make_dataset(args.scale, work / "data")
        server = localserver.start(work / "pg")
        try:
            engine = create_engine(server.create_database("bench"))
            migrate.upgrade(engine)
            t0 = time.perf_counter()
            counts = transfer.import_files(engine, data, ROOT / "seeds")
            print(f"{args.scale}x data: {counts['assets']} assets; import {time.perf_counter() - t0:.1f} s")
            store = PostgisStore(engine)
            frame = load.load_assets(data)

            def features(box):
                env = func.ST_MakeEnvelope(*box, 4326)
                with engine.connect() as conn:
                    rows = conn.execute(select(t.assets.c.id, t.assets.c.geom).where(t.assets.c.geom.op("&&")(env), func.ST_Intersects(t.assets.c.geom, env)))
                    return [(r.id, to_shape(r.geom)) for r in rows]

            def bbox_only(box):
                env = func.ST_MakeEnvelope(*box, 4326)
                with engine.connect() as conn:
                    return list(conn.execute(select(t.assets.c.id).where(t.assets.c.geom.op("&&")(env))).scalars())

            if args.map or args.map_only:
                map_rows(server.url("bench"), data, args.map_repeats, counts["assets"])
            if args.map_only:
                return
            print("| box | assets in box | files, cold | files, warm | PostGIS && only | PostGIS ids | PostGIS features |")
            print("|---|---:|---:|---:|---:|---:|---:|")
            for name, box in BOXES.items():
                cold, ids = median_ms(lambda box=box: assets_in_bbox(load.load_assets(data), box), max(3, args.repeats // 5))
                warm, warm_ids = median_ms(lambda box=box: assets_in_bbox(frame, box), args.repeats)
                db_ids_ms, db_ids = median_ms(lambda box=box: store.assets_in_bbox(box), args.repeats)
                feat_ms, feats = median_ms(lambda box=box: features(box), args.repeats)
                env_ms, env_ids = median_ms(lambda box=box: bbox_only(box), args.repeats)
                assert ids == warm_ids == db_ids == sorted(i for i, _ in feats), "the back ends disagree"
                print(f"| {name} | {len(db_ids)} | {cold:.0f} ms | {warm:.1f} ms | {env_ms:.1f} ms ({len(env_ids)}) | {db_ids_ms:.1f} ms | {feat_ms:.1f} ms |")
        finally:
            server.stop()
    finally:
        shutil.rmtree(work, ignore_errors=True)


# --- the dashboard's map on the database, in a browser (--map) -------------------------------------------------------

#: Where the map is moved: the Mangyshlak coast (Aktau), then 4 degrees east of it, at zoom 7 (lat, lon, zoom).
MOVES = {"zoom in": (44.0, 51.5, 7), "pan": (44.0, 55.5, 7)}
#: In the map's frame: remember the map drawn now and the time, note when the page sends its bounds (top window) and
#: when the next render message with a new base map arrives (the frame), then move the map (no animation).
MOVE_JS = """([lat, lon, zoom]) => { const w = document.querySelector("IFRAME_SELECTOR").contentWindow;
    const now = () => w.performance.timeOrigin + w.performance.now();
    w.__oldMap = w.map; w.__sent = null; w.__render = null;
    if (!window.__listening) { window.__listening = true; window.addEventListener("message", e => {
        const fw = document.querySelector("IFRAME_SELECTOR").contentWindow;
        if (e.data && e.data.type === "streamlit:setComponentValue" && fw.__sent === null) fw.__sent = fw.performance.timeOrigin + fw.performance.now(); }); }
    if (!w.__listening) { w.__listening = true; w.addEventListener("message", e => {
        if (e.data && e.data.type === "streamlit:render" && w.__render === null && w.__sent !== null) w.__render = now(); }); }
    w.__moved = now(); w.map.setView([lat, lon], zoom, {animate: false}); }"""
#: Seconds from the move above until the bounds were sent, the new base map's render message came, and it was drawn; else false.
REDRAWN_JS = """() => { const f = document.querySelector("IFRAME_SELECTOR"), w = f.contentWindow;
    if (!w.map || w.map === w.__oldMap || !f.contentDocument.querySelector("path.leaflet-interactive")) return false;
    const t = w.performance.timeOrigin + w.performance.now(), s = x => x === null ? null : (x - w.__moved) / 1000;
    return {sent: s(w.__sent), render: s(w.__render), drawn: s(t)}; }"""
#: Distinct assets drawn in the frame now.
COUNT_JS = """() => { const w = document.querySelector("IFRAME_SELECTOR").contentWindow, ids = new Set();
    w.map.eachLayer(l => { if (l.feature && l.feature.properties && l.feature.properties.i) ids.add(l.feature.properties.i); }); return ids.size; }"""


def map_rows(url: str, data: Path, repeats: int, n_assets: int) -> None:
    """Time the dashboard's map on the database at ``url``: as shipped (the assets in view), then with every asset drawn."""
    import os

    from benchmarks.bench_browser import ARGS, CHROMIUM, IFRAME, navigate
    from tests.test_browser import running_app

    def js(code: str) -> str:
        return code.replace("IFRAME_SELECTOR", IFRAME)

    rows = ["| map on PostGIS, 100x | first draw | zoom in to Aktau | pan 4 degrees east |", "|---|---:|---:|---:|"]
    for label, env in (("assets in view (as shipped)", {}), ("every asset (before)", {"GEO_MAP_BOUNDS_MIN_ASSETS": str(n_assets + 1)})):
        from playwright.sync_api import sync_playwright

        load = " ".join(f"{x:.1f}" for x in os.getloadavg())
        times: dict[str, list[float]] = {"first draw": [], **{k: [] for k in MOVES}}
        drawn: dict[str, int] = {}
        phases: dict[str, list[dict[str, float]]] = {}
        with running_app({"GEO_STORE": url, "GEO_DATA_DIR": str(data), **env}) as app, sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            for i in range(repeats + 1):
                seconds, ctx, page = navigate(browser, app)
                drawn["first draw"] = page.evaluate(js(COUNT_JS))
                if i:
                    times["first draw"].append(seconds)
                for step, move in MOVES.items():
                    page.evaluate(js(MOVE_JS), list(move))
                    if env:  # every asset drawn: the page reports no bounds, nothing is redrawn
                        page.wait_for_timeout(1000)
                    else:
                        done = page.wait_for_function(js(REDRAWN_JS), timeout=180_000, polling="raf").json_value()
                        if i:
                            times[step].append(done["drawn"])
                            phases.setdefault(step, []).append(done)
                    drawn[step] = page.evaluate(js(COUNT_JS))
                ctx.close()
            browser.close()
        cells = [f"{statistics.median(v):.2f} s ({min(v):.2f}-{max(v):.2f}), {drawn[k]:,} assets" if v else f"no rerun, {drawn[k]:,} assets"
                 for k, v in times.items()]
        rows.append(f"| {label} | " + " | ".join(cells) + " |")
        print(f"{label}: load average {load} before, {' '.join(f'{x:.1f}' for x in os.getloadavg())} after", flush=True)
        for step, found in phases.items():  # where a redraw's time goes (median s from the move)
            print(f"  {step}: " + ", ".join(f"{k} {statistics.median(p[k] for p in found if p[k] is not None):.2f} s"
                                             for k in ("sent", "render", "drawn") if any(p[k] is not None for p in found)), flush=True)
    print("\n".join(rows), flush=True)


if __name__ == "__main__":
    main()
