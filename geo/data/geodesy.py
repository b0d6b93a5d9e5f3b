"""Lengths and distances on the WGS84 ellipsoid (never on raw degrees)."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt
import shapely
from pyproj import Geod
from shapely.geometry.base import BaseGeometry

FloatArray = npt.NDArray[np.float64]
#: A coordinate or an array of them (numpy broadcasting applies).
Coord = float | FloatArray

_GEOD = Geod(ellps="WGS84")
_EARTH_RADIUS_KM = 6371.0088
#: Densify lines to about this spacing (degrees, ~2 km) before point-to-line distances.
_DENSIFY_DEG = 0.02


def geodesic_length_km(geom: BaseGeometry) -> float:
    """Length of a lon/lat line on the WGS84 ellipsoid, in km.

    Examples
    --------
    >>> from shapely.geometry import LineString
    >>> round(geodesic_length_km(LineString([(0, 0), (1, 0)])), 1)
    111.3
    """
    return _GEOD.geometry_length(geom) / 1000.0


def haversine_km(lon1: Coord, lat1: Coord, lon2: Coord, lat2: Coord) -> FloatArray:
    """Great-circle distance in km between lon/lat points (an array; 0-d for four floats)."""
    x1, y1, x2, y2 = (np.radians(np.asarray(v, dtype=np.float64)) for v in (lon1, lat1, lon2, lat2))
    a = np.sin((y2 - y1) / 2) ** 2 + np.cos(y1) * np.cos(y2) * np.sin((x2 - x1) / 2) ** 2
    return np.asarray(2 * _EARTH_RADIUS_KM * np.arcsin(np.sqrt(a)), dtype=np.float64)


def distance_to_line_km(line: BaseGeometry, lon: float, lat: float) -> float:
    """Approximate shortest distance in km from a point to a lon/lat line (error < 1.5 km).

    Examples
    --------
    >>> from shapely.geometry import LineString
    >>> round(distance_to_line_km(LineString([(0, 0), (2, 0)]), 1.0, 0.1), 0)
    11.0
    """
    return float(distances_to_line_km(line, np.array([lon]), np.array([lat]))[0])


def distances_to_line_km(line: BaseGeometry, lons: FloatArray, lats: FloatArray) -> FloatArray:
    """:func:`distance_to_line_km` for many points at once (the line is densified once)."""
    coords = shapely.get_coordinates(shapely.segmentize(line, _DENSIFY_DEG))
    dist = haversine_km(coords[None, :, 0], coords[None, :, 1], lons[:, None], lats[:, None])
    return np.asarray(dist.min(axis=1), dtype=np.float64)
