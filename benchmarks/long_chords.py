"""List the long straight chords of every drawn pipeline (consecutive waypoints far apart).

A line is drawn as geodesic chords between its waypoints (``geo.data.lines``), so a chord
of more than ~60 km is a stretch where a real course that bends can lie 10-30 km off the
drawing. This lists them, longest first, with the largest possible offset if the real line
kept within the published length: a pipe of length L between two points D apart can lie at
most sqrt((L/2)^2 - (D/2)^2) from the chord's midpoint (an isosceles detour).

Usage: python benchmarks/long_chords.py [--min-km 60] [--asset btc]
"""

from __future__ import annotations

import argparse
import itertools
from pathlib import Path

import pandas as pd
from pyproj import Geod

_GEOD = Geod(ellps="WGS84")
DATA = Path(__file__).resolve().parent.parent / "data" / "waypoints.csv"


def long_chords(waypoints: pd.DataFrame, min_km: float) -> list[dict[str, object]]:
    """One row per chord of at least ``min_km`` between consecutive waypoints of one asset."""
    rows: list[dict[str, object]] = []
    for asset_id, group in waypoints.sort_values(["asset_id", "seq"]).groupby("asset_id", sort=True):
        for a, b in itertools.pairwise(group.to_dict("records")):
            km = _GEOD.inv(float(a["lon"]), float(a["lat"]), float(b["lon"]), float(b["lat"]))[2] / 1000.0
            if km >= min_km:
                rows.append({"asset": asset_id, "km": round(km, 1), "from": a["place"], "to": b["place"],
                             "accuracy": b["accuracy"] if isinstance(b["accuracy"], str) else "approximate"})
    return sorted(rows, key=lambda r: -float(r["km"]))  # type: ignore[arg-type]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--min-km", type=float, default=60.0)
    parser.add_argument("--asset", action="append", help="only these assets (repeatable)")
    parser.add_argument("--skip", default="lane-,rail-", help="comma-separated id prefixes to leave out")
    args = parser.parse_args()
    waypoints = pd.read_csv(DATA)
    if args.asset:
        waypoints = waypoints[waypoints["asset_id"].isin(args.asset)]
    prefixes = tuple(p for p in args.skip.split(",") if p)
    if prefixes:
        waypoints = waypoints[~waypoints["asset_id"].str.startswith(prefixes)]
    rows = long_chords(waypoints, args.min_km)
    for r in rows:
        print(f"{r['asset']:<30} {r['km']:>7.1f} km  {r['accuracy']:<11}  {r['from']} -> {r['to']}")
    print(f"{len(rows)} chords >= {args.min_km:g} km")


if __name__ == "__main__":
    main()
