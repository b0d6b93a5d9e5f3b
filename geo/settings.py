"""Settings shared by the package, the app and the tests: paths, tolerances, labels, colours."""

from __future__ import annotations

import os
from pathlib import Path

#: The project folder (the one holding ``app.py``).
ROOT = Path(__file__).resolve().parent.parent
#: The data folder; ``GEO_DATA_DIR`` points the tool at another copy (tests, sandboxes).
DATA_DIR = Path(os.environ.get("GEO_DATA_DIR", ROOT / "data"))
#: The article corpus.
SEEDS_DIR = Path(os.environ.get("GEO_SEEDS_DIR", ROOT / "seeds"))

#: A line must pass within this distance of each waypoint it cites.
WAYPOINT_TOLERANCE_KM = 10.0
#: Reported and geodesic lengths that differ by more than this share are flagged.
LENGTH_GAP_WARNING = 0.15

KIND_LABELS = {
    "pipeline": "Pipeline",
    "shipping_lane": "Shipping lane",
    "rail": "Rail route",
    "field": "Field",
    "terminal": "Terminal",
    "port": "Port",
    "refinery": "Refinery",
    "junction": "Junction",
    "border_crossing": "Border crossing",
}

#: The years with observed route volumes, and the one the CLI, dashboard and briefings open on
#: (the latest with observed volumes for every major oil route).
YEARS = (2022, 2023, 2024)
DEFAULT_YEAR = 2023
#: The year the dashboard opens on: the newest, so that the newest reporting (the year slider shows the claims of
#: articles dated up to its year; the seed article is of February 2024) is on the map at first sight. The CLI and
#: briefings made from the command line keep :data:`DEFAULT_YEAR`, the latest year with observed volumes on every route.
DASHBOARD_YEAR = YEARS[-1]
#: The commodities the route network models (assets may also be "oil+gas").
NETWORK_COMMODITIES = ("oil", "gas")

#: Issue 16: on the team store the dashboard's map draws only the assets in view (the store's bounding-box query)
#: when there are more than this many assets; below it, or on the files, it draws them all and panning never reruns.
#: ``GEO_MAP_BOUNDS_MIN_ASSETS`` sets another (benchmarks/bench_store.py --map compares the map with and without).
MAP_BOUNDS_MIN_ASSETS = int(os.environ.get("GEO_MAP_BOUNDS_MIN_ASSETS", "2000"))
#: The stores whose map draws only the assets in view (the files hold every asset in memory already).
MAP_BOUNDS_STORES = ("postgis",)
#: The box queried is the view grown by this share of its width and height on each side, so a short pan needs no query.
MAP_BOUNDS_PAD = 0.25
#: The first box: the default frame grown by half its size on each side (the map fitted to it at a whole zoom level
#: shows up to twice the frame), so the page's first report of its bounds finds them drawn already.
MAP_BOUNDS_FIRST_PAD = 0.5
#: The Claims tab's "within N km of" filter: its default, and its range (km, geodesic).
NEAR_KM_DEFAULT = 100.0
NEAR_KM_RANGE = (1.0, 2000.0)
