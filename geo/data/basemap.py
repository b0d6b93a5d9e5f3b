"""The offline basemap: a Natural Earth 1:10m extract of the region, and GeoNames towns.

Shipped in ``data/basemap/`` (countries with lakes cut out, lakes, coastline, land borders,
province lines, towns of 200,000+ and a 1:110m ``world`` layer for locator insets), made by
``tools/build_basemap.py``; provenance in ``data/sources.yaml`` (``natural-earth-10m``,
``geonames-cities``). Drawn by the map and the briefings (``geo.views``) and used by the
geometry checks (shipping lanes stay at sea), so it is read here, in the data stage.
"""

from __future__ import annotations

import json
from functools import cache, lru_cache
from typing import Any

import numpy as np
import shapely
from shapely.geometry import box, mapping, shape

from geo import settings

#: The region the basemap covers (lon/lat): Central Europe to western China, tall enough for an A4 page of it.
REGION = (10.0, 28.0, 92.0, 66.0)
#: The locator inset's window (lon/lat): Europe and Asia, drawn from the 1:110m ``world`` layer.
WORLD = (-25.0, -5.0, 150.0, 80.0)
#: The Natural Earth extract made by ``tools/build_basemap.py`` (provenance in data/sources.yaml).
BASEMAP_DIR = settings.ROOT / "data" / "basemap"

#: The layers of the extract, each a GeoJSON file in :data:`BASEMAP_DIR`.
BASEMAP_LAYERS = ("countries", "lakes", "coastline", "borders", "admin1", "towns", "world")


@cache
def basemap_layer(name: str) -> tuple[tuple[dict[str, Any], Any], ...]:
    """One layer of the extract as ``(properties, shapely geometry)`` pairs, read once per process."""
    if name not in BASEMAP_LAYERS:
        msg = f"unknown basemap layer {name!r}; use one of {', '.join(BASEMAP_LAYERS)}"
        raise ValueError(msg)
    path = BASEMAP_DIR / f"{name}.geojson"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        msg = f"{path.name}: cannot read the offline basemap layer ({exc}); rebuild it with tools/build_basemap.py"
        raise OSError(msg) from exc
    return tuple((f["properties"], shape(f["geometry"])) for f in data["features"])


@cache
def basemap_paths(name: str) -> tuple[np.ndarray, ...]:
    """A layer's lines, or its polygons' outer rings, as ``(n, 2)`` lon/lat arrays for drawing.

    Read straight from the GeoJSON (no shapely objects): it is what a matplotlib collection
    takes, and it keeps a briefing's start-up cost at a few tens of milliseconds.
    """
    collection = shapely.from_geojson((BASEMAP_DIR / f"{name}.geojson").read_text(encoding="utf-8"))
    parts = shapely.get_parts(shapely.get_parts(collection))
    polygons = shapely.get_type_id(parts) == shapely.GeometryType.POLYGON
    parts[polygons] = shapely.get_exterior_ring(parts[polygons])
    coords, index = shapely.get_coordinates(parts, return_index=True)
    # One C call for all coordinates, then split per part: far cheaper than a numpy array per GeoJSON list.
    paths = np.split(coords, np.flatnonzero(np.diff(index)) + 1) if len(coords) else []
    return tuple(p for p in paths if len(p) >= 2)


def towns(bbox: tuple[float, float, float, float], *, min_population: int = 0) -> list[tuple[str, float, float, int]]:
    """Towns in ``bbox`` as ``(name, lon, lat, population)``, most populous first (GeoNames, CC BY 4.0)."""
    west, south, east, north = bbox
    out = [(p["name"], g.x, g.y, int(p["population"])) for p, g in basemap_layer("towns")
           if p["population"] >= min_population and west <= g.x <= east and south <= g.y <= north]
    return sorted(out, key=lambda t: (-t[3], t[0]))


@lru_cache(maxsize=4)
def country_outlines(bbox: tuple[float, float, float, float] = REGION, *, tolerance_deg: float = 0.02) -> dict[str, Any]:
    """Natural Earth 1:10m countries meeting ``bbox`` as GeoJSON (properties: name, iso), lakes cut out.

    The lakes are cut out when the extract is built, so the map's sea-coloured background shows
    through them (the Caspian is not land in Natural Earth either). ``tolerance_deg`` (~2 km by
    default) simplifies further for the browser, where every vertex is page weight.
    """
    area = box(*bbox)
    features = []
    for props, geom in basemap_layer("countries"):
        if geom.intersects(area):
            simple = shapely.set_precision(shapely.simplify(geom, tolerance_deg, preserve_topology=True), 1e-3)
            features.append({"type": "Feature", "properties": {"name": props["name"], "iso": props["iso"]}, "geometry": mapping(simple)})
    return {"type": "FeatureCollection", "features": features}

