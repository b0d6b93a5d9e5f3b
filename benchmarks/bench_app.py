"""Server-side rerun times of the dashboard with AppTest: a click on an asset or a claim, a toggle, a preset.

Run: ``.venv/bin/python benchmarks/bench_app.py [repeats]``. Prints the median and range of each step
over ``repeats`` runs (default 7). Goal on the shipped data: a click (asset or claim) reruns the app in
under 100 ms, because the solve is cached on the scenario fields and the data version alone and the base
map's layers on the data version. AppTest times are the script's run on the server, not the browser's drawing.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from streamlit.testing.v1 import AppTest  # noqa: E402

GOAL_CLICK_MS = 100.0


def timed_run(at: AppTest) -> float:
    t0 = time.perf_counter()
    at.run()
    if at.exception:
        raise RuntimeError(at.exception)
    return (time.perf_counter() - t0) * 1000


def click(at: AppTest, asset: str, lat: float) -> None:
    """What streamlit-folium sends back when a feature is clicked."""
    at.session_state["map"] = {"last_active_drawing": {"type": "Feature", "properties": {"id": asset}},
                               "last_object_clicked": {"lat": lat, "lng": 50.0}}


def main(repeats: int = 7) -> None:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.query_params["year"] = "2024"  # the claims chosen below are of an article dated 2024-02-07 (listed from 2024 on)
    t0 = time.perf_counter()
    at.run()
    print(f"first render (cold caches): {(time.perf_counter() - t0) * 1000:.0f} ms")
    at.session_state["tab"] = "Claims"  # the claim picker's tab (closed tabs send nothing); the map stays drawn
    at.run()
    steps: dict[str, list[float]] = {"click an asset": [], "choose a claim": [], "toggle a route": [], "change the preset": []}
    assets = ["cpc", "btc", "uas", "aktau"]
    claims = ["zeifert-reroute-oil-gas", "(none)"]
    for i in range(repeats):
        click(at, assets[i % len(assets)], 40.0 + i)
        steps["click an asset"].append(timed_run(at))
        at.selectbox(key="w_claim").set_value(claims[i % 2])
        steps["choose a claim"].append(timed_run(at))
        at.sidebar.multiselect(key="w_off").set_value(["btc"] if i % 2 == 0 else [])
        steps["toggle a route"].append(timed_run(at))
        at.sidebar.selectbox(key="w_preset").set_value("cpc-halted" if i % 2 == 0 else "(none)")
        steps["change the preset"].append(timed_run(at))
    print(f"AppTest reruns on the shipped data, {repeats} runs each (first of each includes any solve not yet cached):")
    for name, times in steps.items():
        print(f"  {name:<18} median {statistics.median(times):6.0f} ms  (min {min(times):.0f}, max {max(times):.0f})")
    click_ms = statistics.median(steps["click an asset"] + steps["choose a claim"])
    print(f"click goal: < {GOAL_CLICK_MS:.0f} ms: median {click_ms:.0f} ms -> {'met' if click_ms < GOAL_CLICK_MS else 'NOT met'}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 7)
