"""The dashboard's map component: the base map drawn once per page, then updated in place on every rerun.

A small Streamlit component of our own (``static/mapcomponent``: an HTML page and ``geomap.js``, no build step)
replaces ``st_folium``'s front end, which
- waited 250 ms (a debounce) before it sent a click, and
- evaluated a new script and re-bound click handlers on every layer of the map on every rerun.

Here the base map's script (from folium, built once per data version and commodity and shared, served as a static
file named by its content hash) is evaluated once;
each rerun hands the page only the view (flows, switched-off routes, selection, stranded rings, as JSON), a fit
request and the online-tiles switch, which ``geoView.update`` applies to the drawn layers. A click is sent at once.
The component's value has the shape the dashboard read from ``st_folium`` (``last_active_drawing``,
``last_object_clicked``), so :func:`geo.views.dashboard.new_click` is unchanged.
"""

from __future__ import annotations

import contextlib
import gzip
import hashlib
import os
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import folium
import streamlit.components.v1 as components
import streamlit_folium as stf

from geo import settings

#: The component's page; Streamlit serves this folder. Its iframe's title ends with ``geo_map``.
COMPONENT_DIR = Path(__file__).parent / "static" / "mapcomponent"
_component = components.declare_component("geo_map", path=str(COMPONENT_DIR))


#: Where the base maps' scripts are written (``static/`` beside ``app.py``, which Streamlit serves at ``/app/static/``).
SCRIPT_DIR = settings.ROOT / "static" / "mapdata"
SCRIPT_URL = "/app/static/mapdata"
#: Scripts of older data versions are removed once they are this old (seconds); a page still open on one has loaded it.
SCRIPT_MAX_AGE_S = 24 * 3600
#: The scripts this process hands out, by content hash: one that another server pruned (it was a day old) is written again.
_SERVED: dict[str, tuple[Path, str]] = {}
_SERVED_MAX = 8


def base_args(fmap: folium.Map, script_dir: Path | None = None) -> dict[str, Any]:
    """What the page needs to draw ``fmap`` once (header, html, Leaflet's files and the map's script), computed with streamlit-folium's helpers.

    The map's script (the routes, points and basemap as JSON: 0.5 MB for the shipped data, 6 MB at 100x) is not an
    argument: it is written once to ``script_dir`` under its content hash and the page loads it from ``script_url``
    like Leaflet. Component arguments travel with every rerun (a toggle re-sent all of it, and the browser parsed it
    again); a file is fetched once per page, in parallel with Leaflet, and the browser may cache it (issue 15).
    """
    fmap.get_root().render()
    fmap.render()
    html, header = stf._get_html(fmap), stf._get_header(fmap)
    script = stf._get_map_string(fmap)
    css = [href for _, href in fmap.default_css]
    js = [src for name, src in fmap.default_js if name != "jquery"]  # nothing on the map uses jQuery
    # The page redraws (keeping the user's view) only when this changes: a new data version or commodity.
    base = hashlib.sha1("\n".join([script, header, html, *css, *js]).encode("utf-8"), usedforsecurity=False).hexdigest()[:16]
    folder = script_dir or SCRIPT_DIR
    _write_script(folder, base, script)
    _SERVED[base] = (folder, script)
    while len(_SERVED) > _SERVED_MAX:
        _SERVED.pop(next(iter(_SERVED)))
    return {"script_url": f"{SCRIPT_URL}/{base}.js", "script_gz_url": f"{SCRIPT_URL}/{base}.js.gz", "header": header, "html": html,
            "id": stf.get_full_id(fmap), "css_links": css, "js_links": js, "base": base}


def _ensure_served(base: str) -> None:
    folder, script = _SERVED.get(base, (None, None))
    if folder is not None and script is not None and not ((folder / f"{base}.js").exists() and (folder / f"{base}.js.gz").exists()):
        _write_script(folder, base, script)


def base_script(args: dict[str, Any], script_dir: Path | None = None) -> str:
    """The map script that :func:`base_args` wrote for ``args`` (what the page loads from ``args["script_url"]``)."""
    return ((script_dir or SCRIPT_DIR) / f"{args['base']}.js").read_text(encoding="utf-8")


def _write_script(folder: Path, base: str, script: str) -> None:
    """Write ``base.js`` and its gzip copy ``base.js.gz`` atomically if they are not there yet; remove other versions' files older than a day.

    The page fetches the gzip copy and inflates it itself (``DecompressionStream``). The server sends it as it is: a
    ``.gz`` file goes out as ``application/gzip``, which Streamlit's server does not compress again. The ``.js`` went
    through its gzip at level 9 on every page load: 0.1 s of the server's CPU for the shipped data's 0.5 MB, on the
    way to the map drawn, and about ten times that at 100x (issue 15). ``base.js`` stays for pages without
    ``DecompressionStream`` and for :func:`base_script`.
    """
    folder.mkdir(parents=True, exist_ok=True)
    path, packed = folder / f"{base}.js", folder / f"{base}.js.gz"
    raw = script.encode("utf-8")
    for target, payload in ((path, raw), (packed, None)):
        if target.exists():
            os.utime(target)  # in use: not old
            continue
        tmp = folder / f".{target.name}.{os.getpid()}.tmp"
        tmp.write_bytes(payload if payload is not None else gzip.compress(raw, compresslevel=9, mtime=0))
        tmp.replace(target)
    now = time.time()
    for old in [*folder.glob("*.js"), *folder.glob("*.js.gz")]:
        with contextlib.suppress(OSError):  # another server may have removed it first
            if old not in (path, packed) and now - old.stat().st_mtime > SCRIPT_MAX_AGE_S:
                old.unlink()


def show(args: dict[str, Any], view: str, *, fit: dict[str, Any] | None, tiles: dict[str, str] | None, key: str, height: int,
         session: str = "", returned_objects: Sequence[str] = ("last_active_drawing", "last_object_clicked"),
         on_change: Callable[[], None] | None = None) -> Any:
    """The map: the same base arguments on every rerun (the page draws them once), the view that restyles it, a fit request.

    Parameters
    ----------
    args
        :func:`base_args` of the base map; with ``report_bounds: True`` among them (the team store at 100x, see
        :mod:`geo.views.mapbounds`) the page also sends its bounds (``"bounds": [w, s, e, n]`` in the value) after
        the user moves the map and once after it is drawn. Without it, panning never reruns the app.
    view
        The view JSON of :func:`geo.views.webmap.view_json`.
    fit
        ``{"id": n, "bounds": [w, s, e, n]}``: the page fits the map only to an id it has not applied yet.
    tiles
        ``{"url", "attribution"}`` of online tiles to lay under the routes, or ``None``.
    session
        A token of the Streamlit session: a frame mounted afresh in the same session restores the view and the last
        fit applied that the page kept under it (sessionStorage); a new session (a reload) starts from the link's view.
    """
    _ensure_served(args["base"])
    return _component(**args, view=view, fit=fit, tiles=tiles, height=height, key=key, session=session, default=dict.fromkeys(returned_objects),
                      on_change=on_change)
