"""Authoring aid: draw line geometries through their cited waypoints.

A line asset whose ``route_accuracy`` is ``"waypoints"`` is drawn through the places
listed for it in ``waypoints.csv`` (towns, pump stations, terminals), densified along
the geodesic between consecutive waypoints so it renders as a smooth route. Waypoints
that name a town carry a ``lookup`` (``CC:Name``) and take their position from the
GeoNames gazetteer (:mod:`geo.data.gazetteer`), never from typed coordinates. Run
``python -m geo build-lines`` after editing waypoints: it snaps looked-up waypoints,
rewrites ``waypoints.csv``, redraws the lines and their per-section accuracy in
``assets.geojson``. The checks in :mod:`geo.data.geometry_checks` then test the drawing
against evidence the waypoints do not contain.
"""

from __future__ import annotations

import io
import itertools

import pandas as pd
from pyproj import Geod
from shapely.geometry import LineString

from geo.errors import GeoError

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


def resolve_waypoints(waypoints: pd.DataFrame) -> tuple[pd.DataFrame, list[str]]:
    """Set lat/lon of every waypoint with a ``lookup`` from the GeoNames gazetteer.

    The row's current position is the hint: the namesake nearest to it (within
    :data:`geo.data.gazetteer.NEAR_HINT_KM`) wins, so a typed approximation snaps to the
    gazetteer town. Returns the updated copy and one message per row that failed.
    """
    from geo.data import gazetteer

    out = waypoints.copy()
    errors = []
    for idx, row in out.iterrows():
        if not isinstance(row["lookup"], str) or not row["lookup"]:
            continue
        country, name = row["lookup"].split(":", 1)
        try:
            place = gazetteer.lookup(name, country, near=(float(row["lat"]), float(row["lon"])))
        except GeoError as exc:
            errors.append(f"{row['asset_id']} #{row['seq']} ({row['place']}): field 'lookup': {exc}")
            continue
        out.at[idx, "lat"], out.at[idx, "lon"] = round(place.lat, 4), round(place.lon, 4)
    return out, errors


def sections_from_waypoints(waypoints: pd.DataFrame) -> dict[str, list[dict[str, object]]]:
    """Per asset, the sections between consecutive waypoints with their km along the drawing.

    A line drawn by :func:`line_through` follows the geodesic between waypoints, so the km
    of a waypoint is the running sum of geodesic distances.
    """
    result: dict[str, list[dict[str, object]]] = {}
    for asset_id, group in waypoints.sort_values(["asset_id", "seq"]).groupby("asset_id", sort=True):
        rows = group.to_dict("records")
        km = 0.0
        sections = []
        for a, b in itertools.pairwise(rows):
            step = _GEOD.inv(float(a["lon"]), float(a["lat"]), float(b["lon"]), float(b["lat"]))[2] / 1000.0
            accuracy = b["accuracy"] if isinstance(b["accuracy"], str) and b["accuracy"] else "approximate"
            sections.append({"start_km": round(km, 1), "end_km": round(km + step, 1), "via": f"{a['place']} – {b['place']}",
                             "accuracy": accuracy})
            km += step
        if sections:
            result[str(asset_id)] = sections
    return result


def dumps_waypoints(waypoints: pd.DataFrame) -> str:
    """``waypoints.csv`` text: the file's columns, coordinates to 4 decimals (about 10 m)."""
    frame = waypoints.copy()
    frame["lat"] = frame["lat"].map(lambda v: f"{float(v):.4f}")
    frame["lon"] = frame["lon"].map(lambda v: f"{float(v):.4f}")
    buf = io.StringIO()
    frame.to_csv(buf, index=False, lineterminator="\n")
    return buf.getvalue()
