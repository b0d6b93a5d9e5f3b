"""What the map needs with no internet: local Leaflet and jQuery (the basemap is geo.data.basemap).

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
import shutil
import socket
from functools import lru_cache
from pathlib import Path

#: URL prefix under which Streamlit serves ``static/``.
STATIC_URL = "/app/static/vendor"
TILE_HOST = "tile.openstreetmap.org"
TILE_URL = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
TILE_ATTRIBUTION = "&copy; OpenStreetMap contributors"


def vendor_files() -> dict[str, Path]:
    """Local paths of the Leaflet, jQuery and map-script files, by the name they are served under."""
    import xstatic.pkg.jquery as jquery
    import xstatic.pkg.leaflet as leaflet

    base = Path(leaflet.BASE_DIR)
    files = {"leaflet.js": base / "leaflet.js", "leaflet.css": base / "leaflet.css", "jquery.min.js": Path(jquery.BASE_DIR) / "jquery.min.js"}
    files.update({f"images/{p.name}": p for p in (base / "images").iterdir()})
    # The project's own map script is served and inlined the same way, so no data is ever template source.
    files["geoview.js"] = Path(__file__).with_name("static") / "geoview.js"
    return files


def ensure_static(static_dir: Path) -> Path:
    """Copy the vendor files into ``static_dir / "vendor"`` if they are missing; return that folder."""
    vendor = static_dir / "vendor"
    for name, src in vendor_files().items():
        dest = vendor / name
        if not dest.exists() or dest.read_bytes() != src.read_bytes():
            dest.parent.mkdir(parents=True, exist_ok=True)
            tmp = dest.with_name(f".{dest.name}.tmp")
            shutil.copyfile(src, tmp)
            tmp.replace(dest)
    return vendor


def local_js_css(prefix: str = STATIC_URL) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """The ``default_js`` / ``default_css`` lists of a folium map that loads only local files."""
    js = [("leaflet", f"{prefix}/leaflet.js"), ("jquery", f"{prefix}/jquery.min.js"), ("geoview", f"{prefix}/geoview.js")]
    css = [("leaflet_css", f"{prefix}/leaflet.css")]
    return js, css


def inline_js_css() -> tuple[str, str]:
    """Leaflet, jQuery and the map script as one script and one stylesheet, for self-contained HTML pages."""
    files = vendor_files()
    script = "\n".join(files[n].read_text(encoding="utf-8") for n in ("leaflet.js", "jquery.min.js", "geoview.js"))
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
