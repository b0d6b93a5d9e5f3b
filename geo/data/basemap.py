"""Offline basemap data: coarse country polygons of the region (from the ``countryinfo`` package).

Read by the map and the briefings (``geo.views``) and by the geometry checks (shipping lanes
must stay at sea), so it sits in the data stage.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from shapely.geometry import box, shape

#: West, south, east, north of the region the tool covers (degrees).
REGION = (10.0, 30.0, 90.0, 62.0)

@lru_cache(maxsize=1)
def country_outlines(bbox: tuple[float, float, float, float] = REGION) -> dict[str, Any]:
    """Coarse country polygons meeting ``bbox`` as a GeoJSON FeatureCollection (properties: name, iso)."""
    from countryinfo import all_countries

    area = box(*bbox)
    features = []
    for country in all_countries():
        info = country.info()
        geo = info.get("geoJSON") or {}
        for feature in geo.get("features", []):
            geom = feature.get("geometry")
            if not geom:
                continue
            shp = shape(geom)
            if shp.intersects(area):
                iso = (info.get("ISO") or {}).get("alpha2", "")
                features.append({"type": "Feature", "properties": {"name": info.get("name", "").title(), "iso": iso}, "geometry": geom})
    return {"type": "FeatureCollection", "features": features}
