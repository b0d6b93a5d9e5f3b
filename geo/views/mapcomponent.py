"""The dashboard's map component: streamlit-folium's front end, with the base map's script built once per data version.

``st_folium`` renders the whole folium map (hundreds of kB of JSON through Jinja) on every rerun only to find
the same script again. Here the base map's component arguments are computed once per data version and
commodity and shared (immutable strings); each rerun sends only the small per-run feature group, which the
front end evaluates on the map it already has (streamlit-folium 0.27's ``feature_group`` argument). The
arguments are exactly those ``st_folium`` sends, built with its own helpers, so the front end is unchanged.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import folium
import streamlit as st
import streamlit_folium as stf


def base_args(fmap: folium.Map) -> dict[str, Any]:
    """What the front end needs to draw ``fmap`` (script, header, html, links, id), as ``st_folium`` computes it."""
    fmap.get_root().render()
    fmap.render()
    html, header = stf._get_html(fmap), stf._get_header(fmap)
    script = stf._get_map_string(fmap)
    css = [href for _, href in fmap.default_css]
    js = [src for _, src in fmap.default_js]
    return {"script": script, "header": header, "html": html, "id": stf.get_full_id(fmap), "css_links": css, "js_links": js}


def layer_script(group: folium.FeatureGroup) -> str:
    """The per-run feature group as the script the front end evaluates on the drawn map (``map_div``)."""
    host = folium.Map(tiles=None)
    return str(stf._get_feature_group_string(group, map=host, idx=0))


def show(args: dict[str, Any], group: folium.FeatureGroup, *, key: str, height: int, returned_objects: Sequence[str],
         on_change: Callable[[], None] | None = None) -> Any:
    """The map component: same base arguments (same widget id, same drawn map) on every rerun, a new layer script."""
    hash_key = stf.generate_js_hash(args["script"], key, False)

    def _changed() -> None:
        st.session_state[key] = st.session_state.get(hash_key, {})
        if on_change is not None:
            on_change()

    defaults = dict.fromkeys(returned_objects)
    return stf._component_func(
        script=args["script"], header=args["header"], html=args["html"], id=args["id"], key=hash_key, height=height, width=None,
        returned_objects=list(returned_objects), default=defaults, zoom=None, center=None, feature_group=layer_script(group),
        return_on_hover=False, layer_control=None, pixelated=False, css_links=args["css_links"], js_links=args["js_links"],
        on_change=_changed, wrap_longitude=False,
    )
