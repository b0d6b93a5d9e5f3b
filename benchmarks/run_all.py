"""All benchmarks, for the shipped data and at 10x and 100x: one table of figures.

Run: .venv/bin/python benchmarks/run_all.py            (about 3 minutes on 2 cores)
     .venv/bin/python benchmarks/run_all.py --scales 1  (shipped data only)

Each scale runs in its own process so its peak memory is its own. Per scale it prints:
load + validation time, map layer build time, map rerun (build + render) time, the map
payload size and the naive approach (full-resolution geometries and every attribute
handed to ``folium.GeoJson``) measured in the same run, AppTest first render and rerun
after a toggle, and peak memory. Extraction throughput over 10,000 synthetic articles
and the scenario solver (shipped and a 100x synthetic network) run once, in
``bench_extract.py`` / ``bench_scenario.py`` style.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def measure_scale(scale: int) -> dict[str, float]:
    """Figures for one scale (run in a child process)."""
    import folium
    from streamlit.testing.v1 import AppTest

    from benchmarks.synth import make_dataset
    from geo.data import corpus, load
    from geo.validate import validate_dataset
    from geo.views import tables as panels
    from geo.views.webmap import MapState, build_map, map_layers

    data = ROOT / "data" if scale == 1 else make_dataset(scale, Path(tempfile.mkdtemp()) / "data")
    out: dict[str, float] = {"scale": scale}
    t = time.perf_counter()
    report = validate_dataset(data)
    out["validate_s"] = time.perf_counter() - t
    out["errors"] = len(report.errors)
    assets = load.load_assets(data)
    out["assets"] = len(assets)
    flows, sources = load.load_flows(data), load.load_sources(data)
    claims = panels.claims_frame(corpus.load_corpus(data, asset_ids=set(assets.index)), flows)

    t = time.perf_counter()
    layers = map_layers(assets, claims, sources)
    out["map_layers_s"] = time.perf_counter() - t
    t = time.perf_counter()
    html = build_map(assets, state=MapState(off=frozenset({"cpc"}), flows={"cpc": 1.0}), layers=layers).get_root().render()
    out["map_rerun_s"] = time.perf_counter() - t
    out["payload_mb"] = len(html.encode()) / 1e6

    t = time.perf_counter()
    naive = folium.Map()
    folium.GeoJson(assets.drop(columns=["owners"]).to_json()).add_to(naive)
    naive_html = naive.get_root().render()
    out["naive_s"] = time.perf_counter() - t
    out["naive_mb"] = len(naive_html.encode()) / 1e6

    os.environ["GEO_DATA_DIR"] = str(data)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=600)
    t = time.perf_counter()
    at.run()
    out["app_first_s"] = time.perf_counter() - t
    at.sidebar.multiselect(key="w_off").set_value(["btc"])
    t = time.perf_counter()
    at.run()
    out["app_rerun_s"] = time.perf_counter() - t
    out["app_ok"] = float(not at.exception)
    out["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return out


def measure_extraction(n: int) -> dict[str, float]:
    """Extraction of ``n`` synthetic articles on one core."""
    from benchmarks.synth import make_articles
    from geo.claims.extract import build_matcher, extract
    from geo.data import load

    matcher = build_matcher(load.load_assets(), load.load_route_groups())
    articles = make_articles(n)
    size = sum(len(t.encode("utf-8")) for t, _ in articles)
    t = time.perf_counter()
    claims = sum(len(extract(text, language=lang, matcher=matcher)) for text, lang in articles)
    elapsed = time.perf_counter() - t
    return {"articles": n, "mb": size / 1e6, "seconds": elapsed, "mb_per_s": size / 1e6 / elapsed, "claims": claims,
            "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def child(kind: str, arg: int) -> dict[str, float]:
    cmd = [sys.executable, __file__, "--child", kind, "--arg", str(arg)]
    result = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, check=True, env={**os.environ, "PYTHONWARNINGS": "ignore"})
    return json.loads(result.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", type=int, nargs="*", default=[1, 10, 100])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--child", choices=["scale", "extract"], help=argparse.SUPPRESS)
    parser.add_argument("--arg", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        figures = measure_scale(args.arg) if args.child == "scale" else measure_extraction(args.arg)
        print(json.dumps(figures))
        return

    print(f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    header = (f"{'scale':>5} {'assets':>6} {'validate':>9} {'layers':>7} {'rerun':>6} {'payload':>8} {'naive':>8} {'ratio':>6} "
              f"{'app 1st':>8} {'app rerun':>9} {'peak':>8}")
    print(header)
    for scale in args.scales:
        f = child("scale", scale)
        print(f"{scale:>4}x {f['assets']:>6.0f} {f['validate_s']:>8.2f}s {f['map_layers_s']:>6.2f}s {f['map_rerun_s']:>5.2f}s "
              f"{f['payload_mb']:>6.2f}MB {f['naive_mb']:>6.2f}MB {f['naive_mb'] / f['payload_mb']:>5.1f}x "
              f"{f['app_first_s']:>7.2f}s {f['app_rerun_s']:>8.2f}s {f['peak_mb']:>6.0f}MB" + ("" if f["app_ok"] else "  (app raised!)"))
    e = child("extract", args.articles)
    print(f"extraction: {e['articles']:.0f} articles, {e['mb']:.1f} MB in {e['seconds']:.1f} s = {e['mb_per_s']:.2f} MB/s on one core, "
          f"{e['claims']:.0f} candidate claims, peak {e['peak_mb']:.0f} MB")
    print("goals at 100x: toggle rerun < 1 s, map payload < 3 MB, 10,000 articles < 60 s, peak memory < 2 GB")
    print("scenario solver: run benchmarks/bench_scenario.py")


if __name__ == "__main__":
    main()
