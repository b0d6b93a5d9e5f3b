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
#: The commodities the route network models (assets may also be "oil+gas").
NETWORK_COMMODITIES = ("oil", "gas")
