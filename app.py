"""Energy-route claims dashboard (Streamlit): layout and widgets only; logic lives in ``geo``."""

from __future__ import annotations

import streamlit as st
from streamlit_folium import st_folium

from geo.errors import GeoError
from geo.views import dashboard, offline
from geo.views import url_state as appstate
from geo.views.safehtml import md_text
from geo.views.webmap import LAYERS

st.set_page_config(page_title="Energy-route claims", layout="wide")
dashboard.static_ready()
dashboard.page_style()
DATA_DIR, SEEDS_DIR = dashboard.data_paths()
data = dashboard.load_data_or_stop(DATA_DIR, SEEDS_DIR)
assets, claims = data.assets, data.claims

# --- view state: from the URL once per session, then from the widgets ---------------
if "view" not in st.session_state:
    st.session_state.view, st.session_state.url_notices = appstate.read_query(
        st.query_params.to_dict(), asset_ids=set(assets.index), presets=set(data.presets),
        claim_ids=set(claims["id"]) if not claims.empty else set(), article_ids=set(data.corpus.articles),
    )
view: appstate.ViewState = st.session_state.view
if st.session_state.get("url_notices"):
    st.warning(md_text(appstate.notice_line(st.session_state.url_notices)), icon="⚠️")

with st.sidebar:
    st.header("Scenario")
    year = st.selectbox("Year", appstate.YEARS, index=appstate.YEARS.index(view.year), key="w_year")
    commodity = st.radio("Commodity", appstate.COMMODITIES, index=appstate.COMMODITIES.index(view.commodity), horizontal=True, key="w_commodity")
    preset_names = ["(none)", *data.presets]
    preset = st.selectbox("Preset", preset_names, index=preset_names.index(view.preset or "(none)"), key="w_preset",
                          format_func=lambda p: p if p == "(none)" else f"{p}: {data.presets[p]['title']}")
    if preset != "(none)":
        st.caption(md_text(" ".join(t for t in (data.presets[preset]["description"], data.presets[preset].get("note")) if t)))
    routes = assets.loc[list(data.network_lines[commodity])]
    off = st.multiselect("Switch routes off", list(routes.index), default=[a for a in view.off if a in routes.index],
                         format_func=lambda a: assets.at[a, "name"], key="w_off")
    caps = dict(view.capacity)
    with st.expander("Capacities", expanded=bool(caps)):
        for aid in routes.index[routes["capacity_norm"].notna()]:
            row = routes.loc[aid]
            base = float(row["capacity_norm"])
            label = md_text(f"{row['name']} ({row['capacity_norm_unit']}; published {base:g}, {int(row['capacity_year'])})")
            value = st.slider(label, 0.0, round(base * 3, 1), float(caps.get(aid, base)), step=0.5, key=f"w_cap_{aid}")
            if abs(value - base) > 1e-9:
                caps[aid] = value
            else:
                caps.pop(aid, None)
    online = offline.tiles_reachable()
    tiles = st.toggle("Online map tiles", value=online, disabled=not online, help="Country outlines always work offline.", key="w_tiles")

view = view.with_(year=year, commodity=commodity, preset=None if preset == "(none)" else preset, off=tuple(off),
                  capacity=tuple(sorted((a, v) for a, v in caps.items() if a in routes.index)))

# A claim chosen in the Claims tab shows on the map in the same run.
pending_claim = st.session_state.get("w_claim")
if pending_claim is not None:
    view = view.with_(claim=None if pending_claim == "(none)" else pending_claim)

try:
    baseline, result = dashboard.solve(view, DATA_DIR, SEEDS_DIR)
except GeoError as exc:
    st.error(dashboard.public_message(exc, DATA_DIR, SEEDS_DIR))
    st.stop()

st.subheader("Energy-route claims: Caspian and Central Asian export routes")
st.caption(f"{view.commodity.capitalize()} · {view.year} · scenario: {view.preset or 'custom' if (view.preset or view.off or view.capacity) else 'baseline'}"
           f" · flows in {result.unit} (model, calibrated on observed {view.year} route volumes; see Sources)")

tab_map, tab_deps, tab_claims, tab_article, tab_add = st.tabs(["Map", "Dependencies", "Claims", "Article", "Add article"])

with tab_map:
    col_map, col_side = st.columns([3, 1])
    with col_map:
        fmap = dashboard.map_for(view, data, result, tiles=tiles)
        clicked = st_folium(fmap, key="map", height=620, use_container_width=True, returned_objects=["last_active_drawing"])
        feature = (clicked or {}).get("last_active_drawing") or {}
        clicked_id = (feature.get("properties") or {}).get("id")
        if clicked_id in assets.index and clicked_id != st.session_state.get("last_click"):
            st.session_state.last_click = clicked_id
            view = view.with_(asset=clicked_id, claim=None)
        st.caption("Layers: " + ", ".join(LAYERS) + " (switch them in the map's layer control, top right).")
        with st.expander("Briefing export"):
            dashboard.briefing_panel(view, DATA_DIR)
    with col_side:
        st.subheader("Selection")
        selectable = ["(none)", *assets.index]
        chosen = st.selectbox("Asset", selectable, index=selectable.index(view.asset) if view.asset in assets.index else 0,
                              format_func=lambda a: a if a == "(none)" else assets.at[a, "name"], key=f"w_asset_{view.asset}")
        view = view.with_(asset=None if chosen == "(none)" else chosen)
        if view.claim:
            dashboard.claim_card(view.claim, data)
        if view.asset:
            dashboard.asset_panel(view.asset, data, baseline, result)

with tab_deps:
    dashboard.dependency_panel(baseline, result)

with tab_claims:
    view = dashboard.claims_panel(view, data)

with tab_article:
    view = dashboard.article_panel(view, data)

with tab_add:
    dashboard.add_article_panel(data, DATA_DIR, SEEDS_DIR)

st.session_state.view = view
st.query_params.from_dict(appstate.to_query(view))
