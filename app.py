"""Energy-route claims dashboard (Streamlit): layout and widgets only; logic lives in ``geo``."""

from __future__ import annotations

import uuid

import streamlit as st

from geo.errors import GeoError
from geo.views import dashboard, mapcomponent, offline
from geo.views import url_state as appstate
from geo.views.safehtml import md_text
from geo.views.webmap import LAYERS

st.set_page_config(page_title="Energy-route claims", layout="wide")
dashboard.static_ready()
dashboard.page_style()
PATHS = dashboard.current_paths()
ws, data = dashboard.load_data_or_stop(PATHS)
assets, claims = data.assets, data.claims
names = assets["name"].to_dict()  # the pickers' labels: a dict look-up, not a pandas one per option (6,200 options at 100x)

# --- view state: from the URL once per session, then from the widgets ---------------
if "view" not in st.session_state:
    st.session_state.view, st.session_state.url_notices = appstate.read_query(
        st.query_params.to_dict(), asset_ids=assets.index, presets=set(data.presets),
        claim_ids=set(claims["id"]) if not claims.empty else set(), article_ids=set(data.corpus.articles),
    )
    st.session_state.setdefault("tab", st.session_state.view.tab)  # a link opens on its tab
view: appstate.ViewState = st.session_state.view
if st.session_state.get("url_notices"):
    st.warning(md_text(appstate.notice_line(st.session_state.url_notices)), icon=":material/warning:")

# --- the scenario: what the sidebar's widgets hold in this run, read before they are drawn ----------------------------
# The map goes out first (issue 15): the browser starts loading its frame, Leaflet and the map's data while it loads the
# widgets' code, instead of after about 40 files of it. The widgets are drawn below with the same values.
online = offline.tiles_reachable()
view, tiles = dashboard.pending_scenario(view, data, online)
routes = assets.loc[list(data.network_lines[view.commodity])]

# A claim chosen in the Claims tab shows on the map in the same run, and the map zooms to it (the user asked).
pending_claim = st.session_state.get("w_claim")
if pending_claim is not None:
    chosen_claim = None if pending_claim == "(none)" else pending_claim
    if chosen_claim != view.claim and chosen_claim:
        dashboard.request_fit()
    view = view.with_(claim=chosen_claim)
if "fit_id" not in st.session_state:
    st.session_state.fit_id = 0  # a link that names a claim or an asset opens zoomed to it
if "map_session" not in st.session_state:
    st.session_state.map_session = uuid.uuid4().hex  # the map's page keeps this session's view and last fit under it

try:
    baseline, result = dashboard.solve(view, PATHS)
except GeoError as exc:
    st.error(dashboard.public_message(exc, str(PATHS.data_dir), str(PATHS.corpus_dir)))
    st.stop()

head = st.container()  # title, scenario line and metrics strip: filled once the map has gone out

# A closed tab sends nothing (issue 15): the browser then loads no table, chart or uploader code before the map. Its widgets'
# values that the map needs (the claim, the article and its mentions) live on in the view and in "kept_*" keys.
tab_map, tab_deps, tab_claims, tab_article, tab_add = st.tabs(list(appstate.TABS), key="tab", on_change="rerun")
view = view.with_(tab=st.session_state.get("tab") or appstate.TABS[0])  # the open tab is part of the link

with tab_map:
    col_map, col_side = st.columns([3, 1])
    with col_map:
        # A click only reruns the script; a new click (a new point, even on the asset clicked before) selects its asset.
        clicked = st.session_state.get("map")
        clicked_id = dashboard.new_click(clicked, st.session_state.get("last_click"))
        if clicked_id in assets.index:
            st.session_state.last_click = dashboard.click_signature(clicked)
            view = view.with_(asset=clicked_id, claim=None)
            st.session_state.pop("w_claim", None)
        # The base map is the same on every run, so Leaflet keeps the user's view; the scenario and selection
        # arrive as one layer that restyles it in place.
        update = dashboard.view_layer(view, data, ws, result, tiles=tiles, fit_id=st.session_state.fit_id,
                                      mentions=st.session_state.get("w_article", view.article)
                                      if st.session_state.get("w_mentions", st.session_state.get("kept_w_mentions")) else None,
                                      claims=dashboard.claims_shown(data, view.year), claims_note=dashboard.claims_note(view.year))
        mapcomponent.show(dashboard.base_map_args(data, PATHS, view.commodity), update.view, fit=update.fit, tiles=update.tiles,
                          key="map", height=620, session=st.session_state.map_session)

with st.sidebar:
    st.header("Scenario")
    # Three years as one row of buttons: a select_slider made the browser load about ten more script files (a slider, date
    # and number formatting) before the map's frame could start (issue 15). ``required``: one year is always chosen.
    year = st.segmented_control("Year", appstate.YEARS, default=view.year, key="w_year", required=True,
                                help="Flows of this year; claims of articles dated to the end of it (and undated ones, see the Claims tab)")
    commodity = st.radio("Commodity", appstate.COMMODITIES, index=appstate.COMMODITIES.index(view.commodity), horizontal=True, key="w_commodity")
    preset_names = ["(none)", *data.presets]
    preset = st.selectbox("Preset", preset_names, index=preset_names.index(view.preset or "(none)"), key="w_preset",
                          format_func=lambda p: "(none): baseline" if p == "(none)" else data.presets[p]["title"])
    if preset != "(none)":
        st.caption(md_text(" ".join(t for t in (data.presets[preset]["description"], data.presets[preset].get("note")) if t)))
    with_commit = [p for p, spec in data.presets.items() if spec.get("commit")]
    committed = st.checkbox(
        "Committed volumes (contracts and targets as lower bounds)", value=view.committed, key="w_committed",
        help="A preset's contracted volumes and targets are met first, then the baseline routing is kept as far as it can be: "
             "expansions then shift flows without switching anything off. Presets with committed volumes: "
             + (", ".join(data.presets[p]["title"] for p in with_commit) or "none") + ". Other scenarios are unchanged.")
    off = st.multiselect("Switch routes off", list(routes.index), default=list(view.off), format_func=names.__getitem__, key="w_off")
    caps = dict(view.capacity)
    # A closed expander sends no sliders, so a first page load neither draws nor loads them (issue 15); the capacities
    # set stay in the view.
    cap_box = st.expander("Capacities", expanded=bool(caps), key="w_caps", on_change="rerun")
    with cap_box:
        for aid in routes.index[routes["capacity_norm"].notna()] if cap_box.open is not False else ():
            row = routes.loc[aid]
            base = float(row["capacity_norm"])
            label = md_text(f"{row['name']} ({row['capacity_norm_unit']}; published {base:g}, {int(row['capacity_year'])})")
            value = st.slider(label, 0.0, round(base * 3, 1), float(caps.get(aid, base)), step=0.5, key=f"w_cap_{aid}")
            if abs(value - base) > 1e-9:
                caps[aid] = value
            else:
                caps.pop(aid, None)
    drawn_tiles = st.toggle("Online map tiles", value=online, disabled=not online, help="Country outlines always work offline.", key="w_tiles")

drawn = view.with_(year=year, commodity=commodity, preset=None if preset == "(none)" else preset, off=tuple(off), committed=committed,
                   capacity=tuple(sorted((a, v) for a, v in caps.items() if a in routes.index)))
dashboard.rerun_if_drawn_otherwise(drawn, drawn_tiles, view, tiles)  # the map went out with these values: the same, or drawn again

with head:
    st.subheader("Energy-route claims: Caspian and Central Asian export routes")
    scenario_name = data.presets[view.preset]["title"] if view.preset else ("custom" if (view.off or view.capacity) else "baseline")
    if view.preset and (view.off or view.capacity):
        scenario_name += " + own changes"
    if view.committed and view.preset and data.presets[view.preset].get("commit"):
        scenario_name += " · committed volumes on"
    st.caption(f"{view.commodity.capitalize()} · {view.year} · scenario: {md_text(scenario_name)}"
               f" · flows in {result.unit} (model, calibrated on observed {view.year} route volumes; see Sources)")
    # The headline figures stay in sight on every tab: baseline → scenario, with unit and year.
    dashboard.metrics_strip(baseline, result)

with tab_map:
    with col_map:
        st.caption("Layers: " + ", ".join(LAYERS) + " (switch them in the map's layer control, top right). "
                   "Moving dashes show the direction of flow; dashed stretches are drawn approximately.")
        with st.expander("Briefing export"):
            dashboard.briefing_panel(view, PATHS)
    with col_side:
        st.subheader("Selection")
        selectable = ["(none)", *assets.index]
        chosen = st.selectbox("Asset", selectable, index=selectable.index(view.asset) if view.asset in assets.index else 0,
                              format_func=lambda a: names.get(a, a), key=f"w_asset_{view.asset}")
        if (None if chosen == "(none)" else chosen) != view.asset and chosen != "(none)":
            dashboard.request_fit()
        view = view.with_(asset=None if chosen == "(none)" else chosen)
        if view.claim:
            dashboard.claim_card(view.claim, data)
        if view.asset:
            dashboard.asset_panel(view.asset, data, baseline, result)
        if not view.asset and not view.claim:
            dashboard.key_claim_card(data, view.year)

with tab_deps:
    if tab_deps.open:
        dashboard.dependency_panel(baseline, result, view, PATHS)
    else:
        dashboard.explain_scenario(result, view, PATHS, panel=False)  # the sidebar's summary stays

if tab_claims.open:
    with tab_claims:
        view = dashboard.claims_panel(view, data, PATHS)

if tab_article.open:
    with tab_article:
        view = dashboard.article_panel(view, data)

if tab_add.open:
    with tab_add:
        dashboard.add_article_panel(data, ws)

st.session_state.view = view
with st.sidebar:
    dashboard.copy_link(view)  # on every tab, after the tabs' choices: the link holds the open tab too
st.query_params.from_dict(appstate.to_query(view))
