"""What the map needs with no internet: local Leaflet and jQuery, and the offline basemap.

Leaflet and jQuery come from the ``xstatic-leaflet`` / ``xstatic-jquery`` wheels and are
copied into ``static/vendor/`` beside ``app.py``, which Streamlit serves at
``/app/static/`` (``enableStaticServing``). The basemap is a Natural Earth 1:10m extract
clipped to :data:`REGION` and shipped in ``data/basemap/`` (countries, lakes, coastline,
borders, province lines; towns from GeoNames), made by ``tools/build_basemap.py``; its
provenance is in ``data/sources.yaml`` (``natural-earth-10m``, ``geonames-cities``). Both
the folium map (offline layer) and the PNG/PDF briefings draw it; a 1:110m ``world`` layer
serves the briefings' locator inset. Online tiles are added only when the tile server answers.
"""

from __future__ import annotations

import base64
import json
import shutil
import socket
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

import numpy as np
import shapely
from shapely.geometry import box, mapping, shape

#: URL prefix under which Streamlit serves ``static/``.
STATIC_URL = "/app/static/vendor"
TILE_HOST = "tile.openstreetmap.org"
TILE_URL = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
TILE_ATTRIBUTION = "&copy; OpenStreetMap contributors"
#: The region the basemap covers (lon/lat): Central Europe to western China, tall enough for an A4 page of it.
REGION = (10.0, 28.0, 92.0, 66.0)
#: The locator inset's window (lon/lat): Europe and Asia, drawn from the 1:110m ``world`` layer.
WORLD = (-25.0, -5.0, 150.0, 80.0)
#: The Natural Earth extract made by ``tools/build_basemap.py`` (provenance in data/sources.yaml).
BASEMAP_DIR = Path(__file__).resolve().parent.parent / "data" / "basemap"


def vendor_files() -> dict[str, Path]:
    """Local paths of the Leaflet and jQuery files, by the name they are served under."""
    import xstatic.pkg.jquery as jquery
    import xstatic.pkg.leaflet as leaflet

    base = Path(leaflet.BASE_DIR)
    files = {"leaflet.js": base / "leaflet.js", "leaflet.css": base / "leaflet.css", "jquery.min.js": Path(jquery.BASE_DIR) / "jquery.min.js"}
    files.update({f"images/{p.name}": p for p in (base / "images").iterdir()})
    return files


def ensure_static(static_dir: Path) -> Path:
    """Copy the vendor files into ``static_dir / "vendor"`` if they are missing; return that folder."""
    vendor = static_dir / "vendor"
    for name, src in vendor_files().items():
        dest = vendor / name
        if not dest.exists() or dest.stat().st_size != src.stat().st_size:
            dest.parent.mkdir(parents=True, exist_ok=True)
            tmp = dest.with_name(f".{dest.name}.tmp")
            shutil.copyfile(src, tmp)
            tmp.replace(dest)
    return vendor


def local_js_css(prefix: str = STATIC_URL) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """The ``default_js`` / ``default_css`` lists of a folium map that loads only local files."""
    js = [("leaflet", f"{prefix}/leaflet.js"), ("jquery", f"{prefix}/jquery.min.js")]
    css = [("leaflet_css", f"{prefix}/leaflet.css")]
    return js, css


def inline_js_css() -> tuple[str, str]:
    """Leaflet and jQuery as one script and one stylesheet, for self-contained HTML pages."""
    files = vendor_files()
    script = "\n".join(files[n].read_text(encoding="utf-8") for n in ("leaflet.js", "jquery.min.js"))
    css = files["leaflet.css"].read_text(encoding="utf-8")
    for name, path in files.items():
        if name.startswith("images/") and name.endswith(".png"):
            data = base64.b64encode(path.read_bytes()).decode("ascii")
            css = css.replace(f"url({name})", f"url(data:image/png;base64,{data})")
    return script.replace("</script", "<\\/script"), css


@lru_cache(maxsize=1)
def tiles_reachable(timeout_s: float = 0.5) -> bool:
    """Whether the online tile server answers (checked once per process)."""
    try:
        with socket.create_connection((TILE_HOST, 443), timeout=timeout_s):
            return True
    except OSError:
        return False


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
