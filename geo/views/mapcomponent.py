"""The dashboard's map component: the base map drawn once per page, then updated in place on every rerun.

A small Streamlit component of our own (``static/mapcomponent``: an HTML page and ``geomap.js``, no build step)
replaces ``st_folium``'s front end, which
- waited 250 ms (a debounce) before it sent a click, and
- evaluated a new script and re-bound click handlers on every layer of the map on every rerun.

Here the base map's script (from folium, built once per data version and commodity and shared) is evaluated once;
each rerun hands the page only the view (flows, switched-off routes, selection, stranded rings, as JSON), a fit
request and the online-tiles switch, which ``geoView.update`` applies to the drawn layers. A click is sent at once.
The component's value has the shape the dashboard read from ``st_folium`` (``last_active_drawing``,
``last_object_clicked``), so :func:`geo.views.dashboard.new_click` is unchanged.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import folium
import streamlit.components.v1 as components
import streamlit_folium as stf

#: The component's page; Streamlit serves this folder. Its iframe's title ends with ``geo_map``.
COMPONENT_DIR = Path(__file__).parent / "static" / "mapcomponent"
_component = components.declare_component("geo_map", path=str(COMPONENT_DIR))


def base_args(fmap: folium.Map) -> dict[str, Any]:
    """What the page needs to draw ``fmap`` once (script, header, html, Leaflet's files), computed with streamlit-folium's helpers."""
    fmap.get_root().render()
    fmap.render()
    html, header = stf._get_html(fmap), stf._get_header(fmap)
    script = stf._get_map_string(fmap)
    css = [href for _, href in fmap.default_css]
    js = [src for _, src in fmap.default_js]
    # The page redraws (keeping the user's view) only when this changes: a new data version or commodity.
    base = hashlib.sha1("\n".join([script, header, html, *css, *js]).encode("utf-8"), usedforsecurity=False).hexdigest()[:16]
    return {"script": script, "header": header, "html": html, "id": stf.get_full_id(fmap), "css_links": css, "js_links": js, "base": base}


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
    return _component(**args, view=view, fit=fit, tiles=tiles, height=height, key=key, session=session, default=dict.fromkeys(returned_objects),
                      on_change=on_change)
