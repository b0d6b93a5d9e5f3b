"""Authoring aid: draw line geometries through their cited waypoints.

A line asset whose ``route_accuracy`` is ``"waypoints"`` is drawn through the places
listed for it in ``waypoints.csv`` (towns, pump stations, terminals), densified along
the geodesic between consecutive waypoints so it renders as a smooth route. Run
``python -m geo build-lines`` after editing waypoints; the GeoJSON stays the file the
tool reads, and validation checks that each line still passes its waypoints.
"""

from __future__ import annotations

import itertools

import pandas as pd
from pyproj import Geod
from shapely.geometry import LineString

_GEOD = Geod(ellps="WGS84")


def line_through(points: list[tuple[float, float]], *, spacing_km: float = 25.0) -> LineString:
    """A lon/lat line through ``points`` with geodesic intermediate vertices.

    Examples
    --------
    >>> line = line_through([(50.0, 45.0), (52.0, 45.0)], spacing_km=50)
    >>> line.coords[0], line.coords[-1]
    ((50.0, 45.0), (52.0, 45.0))
    >>> len(line.coords) > 2
    True
    """
    coords: list[tuple[float, float]] = [points[0]]
    for (lon1, lat1), (lon2, lat2) in itertools.pairwise(points):
        dist_km = _GEOD.inv(lon1, lat1, lon2, lat2)[2] / 1000.0
        n = int(dist_km // spacing_km)
        if n > 0:
            coords += [(round(x, 4), round(y, 4)) for x, y in _GEOD.npts(lon1, lat1, lon2, lat2, n)]
        coords.append((lon2, lat2))
    return LineString(coords)


def lines_from_waypoints(waypoints: pd.DataFrame, *, spacing_km: float = 25.0) -> dict[str, LineString]:
    """One line per asset id in ``waypoints``, through its waypoints in ``seq`` order."""
    lines = {}
    for asset_id, group in waypoints.sort_values(["asset_id", "seq"]).groupby("asset_id", sort=True):
        points = list(zip(group["lon"].astype(float), group["lat"].astype(float), strict=True))
        if len(points) >= 2:
            lines[str(asset_id)] = line_through(points, spacing_km=spacing_km)
    return lines
