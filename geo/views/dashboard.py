"""Streamlit glue: cached data, the current scenario and the map for a view state.

``app.py`` lays out widgets and calls these. Text from the data and from users is shown
with ``st.html`` of autoescaped templates, or as Markdown only after :func:`md_text`, so
no article can add markup, images or links. Data is cached with ``st.cache_data`` so each
session gets its own copy (nothing cached is mutated in place); only the read-only country
outlines are shared.
"""

from __future__ import annotations

import logging
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import folium
import geopandas as gpd
import pandas as pd
import streamlit as st

from geo import settings
from geo.claims import ingest
from geo.claims.extract import build_matcher, extract
from geo.claims.upload import MAX_BYTES as MAX_UPLOAD_BYTES
from geo.data import corpus
from geo.data.schema import LINE_KINDS
from geo.errors import GeoError
from geo.views import briefing as brief
from geo.views import mapbounds, mapcomponent, offline, webmap
from geo.views import tables as panels
from geo.views.safehtml import md_code, md_text, render
from geo.views.url_state import ViewState
from geo.views.webmap import CASPIAN_FRAME, LAYERS, MapLayers, MapState, bounds_of, build_map, capacity_label, map_layers
from geo.workspace import Paths, Workspace


@dataclass(frozen=True)
class Data:
    """Every validated table the dashboard shows."""

    assets: gpd.GeoDataFrame
    sources: pd.DataFrame
    flows: pd.DataFrame
    corpus: corpus.Corpus
    claims: pd.DataFrame
    presets: dict[str, Any]
    #: The line assets the scenario network uses, per commodity: the ones worth a toggle or a slider.
    network_lines: dict[str, tuple[str, ...]]
    #: The data version these tables were read at (see :meth:`geo.workspace.Paths.version`).
    version: tuple[tuple[str, int, int], ...] = ()


def current_paths() -> Paths:
    """The data and corpus folders, resolved on every run (``GEO_DATA_DIR`` / ``GEO_SEEDS_DIR`` may change)."""
    return Paths.resolve()


def workspace(paths: Paths) -> Workspace:
    """The workspace of the current data version: a hand edit or a saved claim gives a new one on the next run."""
    return _workspace(paths, paths.version())


@st.cache_resource(show_spinner="Loading the dataset...", max_entries=4)
def _workspace(paths: Paths, version: tuple[tuple[str, int, int], ...]) -> Workspace:
    """Validated tables of one data version, shared read-only by every session (nothing here is mutated in place)."""
    ingest.recover(paths.data_dir, paths.corpus_dir)  # adopt texts left by an interrupted ingest before reading the corpus
    ws = Workspace(paths)
    _ = ws.assets, ws.flows, ws.sources, ws.network_spec, ws.presets, ws.corpus  # load now: errors surface here, not mid-page
    return ws


def load_data(paths: Paths) -> Data:
    """Every table the dashboard shows, for the current data version."""
    return _data(paths, paths.version())


@st.cache_resource(show_spinner=False, max_entries=4)
def _data(paths: Paths, version: tuple[tuple[str, int, int], ...]) -> Data:
    ws = _workspace(paths, version)
    return Data(
        assets=ws.assets,
        sources=ws.sources,
        flows=ws.flows,
        corpus=ws.corpus,
        claims=panels.claims_frame(ws.corpus, ws.flows),
        presets=ws.preset_table(),
        network_lines={c: ws.network_lines(c) for c in ("oil", "gas")},
        version=version,
    )


def public_message(exc: object, data_dir: str, seeds_dir: str) -> str:
    """An error as the user sees it: the precise message on one line, as a Markdown code span, with no server path in it.

    Known folders become their short names; any other absolute path keeps only its file name.
    """
    text = str(exc)
    for folder, name in ((seeds_dir, Path(seeds_dir).name), (data_dir, Path(data_dir).name), (str(settings.ROOT), ".")):
        text = text.replace(str(Path(folder).resolve()), name).replace(folder, name)
    text = _ABSOLUTE_PATH.sub(lambda m: m.group(1), text)
    return md_code(text)


#: An absolute path, but not the path part of a URL ("http://host/x" keeps its slashes).
_ABSOLUTE_PATH = re.compile(r"(?<![\w.:/])/(?:[^\s/:'\"()]+/)+([^\s/:'\"()]+)")


def load_data_or_stop(paths: Paths) -> tuple[Workspace, Data]:
    """The workspace and its tables, or an error naming the file, record and field (no traceback, no server path) and a stopped script."""
    data_dir, seeds_dir = str(paths.data_dir), str(paths.corpus_dir)
    try:
        return workspace(paths), load_data(paths)
    except GeoError as exc:
        problems = getattr(exc, "problems", None) or [exc]
        st.error("The data could not be loaded. Fix these and reload the page:")
        for problem in problems[:20]:
            st.error(public_message(problem, data_dir, seeds_dir))
        if len(problems) > 20:
            st.error(f"... and {len(problems) - 20} more (run `python -m geo validate` for all of them).")
    except (RecursionError, ValueError, OSError) as exc:
        # Errors the loaders did not turn into a Problem: say what and where, keep the traceback in the server log.
        logging.getLogger(__name__).exception("loading the data failed")
        st.error(public_message(f"The data could not be loaded: {type(exc).__name__}: {exc}", data_dir, seeds_dir))
    st.stop()
    raise AssertionError  # st.stop() does not return; this keeps type checkers honest


@st.cache_data(show_spinner=False, max_entries=64)
def _dependency_frames(paths: Paths, version: tuple[tuple[str, int, int], ...], year: int, commodity: str, preset: str | None,
                       off: tuple[str, ...], capacity: tuple[tuple[str, float], ...],
                       committed: bool = False) -> tuple[pd.DataFrame, pd.DataFrame]:
    baseline, result = _solve(paths, version, year, commodity, preset, off, capacity, committed)
    return panels.metrics_frame(baseline, result), panels.route_flows_frame(baseline, result)


def solve(view: ViewState, paths: Paths) -> tuple[Any, Any]:
    """Baseline and scenario results for a view, cached on the scenario fields and the data version alone.

    Selecting an asset or a claim, or switching tabs, never solves again.
    """
    return _solve(paths, paths.version(), view.year, view.commodity, view.preset, view.off, view.capacity, view.committed)


# Results are shared read-only (frozen dataclasses whose dicts the views only read), so a rerun does not
# unpickle a copy of them: that copy was a third of a click's rerun.
@st.cache_resource(show_spinner="Solving the scenario...", max_entries=64)
def _solve(paths: Paths, version: tuple[tuple[str, int, int], ...], year: int, commodity: str, preset: str | None,
           off: tuple[str, ...], capacity: tuple[tuple[str, float], ...], committed: bool = False) -> tuple[Any, Any]:
    return _workspace(paths, version).solve(year, commodity, preset=preset, off=off, capacity=dict(capacity), committed=committed)


def static_ready() -> bool:
    """Copy Leaflet and jQuery into ``static/vendor`` beside the app (once per process)."""
    return _ensure_static(str(settings.ROOT / "static"))


@st.cache_resource
def _ensure_static(static_dir: str) -> bool:
    offline.ensure_static(Path(static_dir))
    return True


def base_map(data: Data, paths: Paths, commodity: str) -> folium.Map:
    """The map that stays drawn across reruns: basemap, routes, points and controls, framed on the Caspian.

    It depends only on the data version and the commodity (which layers start ticked), so streamlit-folium keeps
    the same Leaflet map, and the user's zoom and centre, through every scenario, selection or tab change.
    """
    visible = [name for name in LAYERS if name not in HIDDEN_LAYERS[commodity]]
    return build_map(data.assets, visible=visible, layers=_layers(paths, data.version), dynamic=False)


def base_map_args(data: Data, paths: Paths, commodity: str) -> dict[str, Any]:
    """The base map's component arguments, built once per data version and commodity (see :mod:`geo.views.mapcomponent`).

    On the team store at 100x, only the assets in the map's padded bounds, and the page reports its bounds (:func:`map_in_view`).
    """
    return map_in_view(data, paths, commodity) or _base_map_args(paths, data.version, commodity)


@st.cache_resource(max_entries=8, show_spinner=False)
def _base_map_args(paths: Paths, version: tuple[tuple[str, int, int], ...], commodity: str) -> dict[str, Any]:
    return mapcomponent.base_args(base_map(_data(paths, version), paths, commodity))


def highlight_of(view: ViewState, data: Data, mentions: str | None = None) -> frozenset[str]:
    """The assets to highlight: the shown claim's, else the selected asset, else the assets article ``mentions`` makes claims about."""
    if view.claim:
        row = data.claims[data.claims["id"] == view.claim]
        if not row.empty:
            return frozenset(row.iloc[0]["asset_ids"]) & frozenset(data.assets.index)
    elif view.asset:
        return frozenset({view.asset})
    elif mentions:
        return article_assets(data, mentions)
    return frozenset()


def view_layer(view: ViewState, data: Data, ws: Workspace, result: Any, *, tiles: bool, fit_id: int | None,
               mentions: str | None = None, claims: pd.DataFrame | None = None, claims_note: str = "") -> webmap.MapUpdate:
    """The per-run update of the map: the scenario's flows, switched-off routes, stranded rings, highlight and a requested fit.

    ``claims`` (those the year slider and the Claims tab's filters show) are drawn as claim density per asset.
    """
    highlight = highlight_of(view, data, mentions)
    # result.off holds every asset switched off: the preset's and the view's own.
    state = MapState(flows=dict(result.asset_flows), flow_unit=result.unit, flow_year=result.year, off=frozenset(result.off),
                     highlight=highlight, tiles=tiles, fit=bounds_of(data.assets, highlight), rings=stranded_rings(ws, result),
                     roles=claim_roles(data, view.claim),
                     density=panels.claim_density(claims) if claims is not None else None, density_note=claims_note)
    return webmap.map_update(data.assets, state, fit_id=fit_id)


def stranded_rings(ws: Workspace, result: Any) -> tuple[tuple[float, float, float, str], ...]:
    """Stranded volume drawn at its source: the supply node's own asset, else the first place its feeders reach.

    The supply regions of ``network.yaml`` are areas, not points; their first feeder's end (Atyrau for western
    Kazakhstan) is the hub on land where their crude enters the export system.
    """
    rings = []
    nodes = {n.id: n for n in ws.network_spec.nodes}
    for node_id, volume in result.stranded_by_supply.items():
        if volume <= 1e-6 or node_id not in nodes:
            continue
        node = nodes[node_id]
        anchors = [node.asset] if node.asset else [nodes[e.to].asset for e in ws.network_spec.edges
                                                   if e.from_ == node_id and e.to in nodes and nodes[e.to].asset]
        points = [ws.assets.at[a, "geometry"].centroid for a in anchors if a in ws.assets.index]
        if not points:
            continue
        lon, lat = points[0].x, points[0].y
        text = f"{volume:.1f} {result.unit} stranded ({result.year}, model)"
        rings.append((round(lon, 3), round(lat, 3), float(volume), text))
    return tuple(rings)


#: Layers left unticked at first for each commodity (the layer control shows them on demand).
HIDDEN_LAYERS = {"oil": ("Gas pipelines",), "gas": ("Oil pipelines", "Shipping and rail")}

PAGE_STYLE = """<style>
.claim {border-left: 3px solid #c9c9c9; padding: 2px 0 2px 12px; margin: 0 0 18px 0;}
.claim mark, .article mark {background: #fff3a3; padding: 0 1px;}
.article {line-height: 1.6; max-width: 58rem; white-space: pre-wrap;}
iframe[title$="geo_map"] {height: clamp(380px, calc(100vh - 300px), 1100px) !important;}
.geo-metrics {display: grid; grid-template-columns: repeat(4, minmax(0, 1fr)); gap: 1rem; font-family: "Source Sans", sans-serif;}
.geo-metric {display: flex; flex-direction: column; border: 1px solid rgba(49, 51, 63, 0.2); border-radius: 0.5rem;
  padding: calc(1rem - 1px); color: rgb(49, 51, 63);}
.geo-metric-label {flex: 1 0 auto; font-size: 0.875rem; line-height: 1.4;}
.geo-metric-help {display: inline-block; width: 0.95rem; height: 0.95rem; margin-left: 0.2rem; border: 1px solid rgba(49, 51, 63, 0.6);
  border-radius: 50%; font-size: 0.65rem; line-height: 0.95rem; text-align: center; color: rgba(49, 51, 63, 0.6); cursor: help;
  vertical-align: 0.1rem;}
.geo-metric-value {font-size: clamp(1.3rem, 2.1vw, 2.25rem); line-height: 1.6; white-space: nowrap;}
.geo-metric-delta {align-self: flex-start; margin-top: 0.15rem; padding: 0.05rem 0.4rem; border-radius: 0.5rem; font-size: 0.8rem;
  color: rgba(49, 51, 63, 0.7); background: rgba(151, 166, 195, 0.15);}
</style>"""


def page_style() -> None:
    """The few CSS rules the panels use (claim cards, highlighted excerpts, a metrics strip that fits a 1280-px window)."""
    st.html(PAGE_STYLE)  # style only: applied without taking space; Markdown with HTML would load a 0.19 MB parser first (issue 15)


def headline(baseline: Any, result: Any) -> list[dict[str, str]]:
    """The metrics strip's figures (see :func:`geo.views.tables.headline`)."""
    return panels.headline(baseline, result)


def metrics_strip(baseline: Any, result: Any) -> None:
    """The four headline figures, baseline → scenario, as one HTML block (the help text as each card's tooltip).

    Four ``st.metric`` elements made the browser load eight more script files (number formatting among them) and render
    four widgets before the map's frame could start (issue 15); the cards keep their look (border, large value, change).
    """
    st.html(render("metrics.html", metrics=headline(baseline, result)))


def key_claim_card(data: Data, year: int | None = None) -> None:
    """With nothing selected: the seed article's key claim and its assessment, with a hint how to select.

    With the Year slider's ``year`` before the article's date, a one-line note says so instead of the claim (unless the
    Claims tab's "only up to the year" box is unticked: then claims of any date show, here too).
    """
    c = panels.key_claim(data.claims)
    year = _up_to(year) if year is not None else None
    st.caption("Click a route or a port on the map to see its facts, flows and claims.")
    note = panels.key_claim_after_year(c, year, settings.YEARS) if c is not None and year is not None else None
    if note is not None:
        st.caption(md_text(note))
    elif c is not None:
        st.markdown("**Key claim of the seed article**")
        st.html(claim_html(c, data.corpus.texts[c.article]))


def claim_card(claim_id: str, data: Data) -> None:
    """The selected claim, as in the claims list."""
    rows = data.claims[data.claims["id"] == claim_id]
    if not rows.empty:
        c = next(rows.itertuples())
        st.markdown("**Selected claim**")
        st.html(claim_html(c, data.corpus.texts[c.article]))


@st.cache_resource(max_entries=4, show_spinner=False)
def _layers(paths: Paths, version: tuple[tuple[str, int, int], ...]) -> MapLayers:
    """The serialised map layers of a data version: immutable strings, so one copy is shared by every session."""
    data = _data(paths, version)
    return map_layers(data.assets, data.claims, data.sources)


# --- panels -------------------------------------------------------------------------


def asset_panel(asset_id: str, data: Data, baseline: Any, result: Any) -> None:
    """Facts, modelled flows and linked claims of one asset."""
    row = data.assets.loc[asset_id]
    st.html(render("heading.html", text=row["name"]))
    facts = {
        "Kind": settings.KIND_LABELS.get(row["kind"], row["kind"]), "Commodity": row["commodity"], "Status": row["status"],
        "Capacity": capacity_label(row), "Operator": row["operator"] if isinstance(row["operator"], str) else "not recorded",
        "Countries": panels.countries_label(row["countries"]), "Crosses Russia": "yes" if row["crosses_russia"] else "no",
        "Ends at a Russian port": "yes" if row["ends_at_russian_port"] else "no",
    }
    st.table(pd.DataFrame({"value": [str(v) for v in facts.values()]}, index=list(facts)))
    base_v, scen_v = baseline.asset_flows.get(asset_id), result.asset_flows.get(asset_id)
    if base_v is not None or scen_v is not None:
        st.markdown(f"Modelled flow, {result.year}: baseline **{(base_v or 0):.2f}** → scenario **{(scen_v or 0):.2f}** {md_text(result.unit)}")
    linked = data.claims[data.claims["asset_ids"].map(lambda ids: asset_id in ids)] if not data.claims.empty else data.claims
    st.markdown(f"**Claims linked: {len(linked)}**")
    for c in linked.itertuples():
        st.html(render("linked_claim.html", excerpt=c.excerpt, title=c.article_title, verdict=panels.VERDICT_LABELS.get(c.verdict, c.verdict)))
    st.html(source_links(row["sources"], data.sources))


def dependency_panel(baseline: Any, result: Any, view: ViewState | None = None, paths: Paths | None = None) -> None:
    """Metrics side by side, and flows by route (tables cached with the solve, on the scenario alone)."""
    st.subheader(f"Dependency metrics, {result.commodity} {result.year}: baseline vs scenario")
    if view is not None and paths is not None:
        metrics, frame = _dependency_frames(paths, paths.version(), view.year, view.commodity, view.preset, view.off, view.capacity,
                                            view.committed)
    else:
        metrics, frame = panels.metrics_frame(baseline, result), panels.route_flows_frame(baseline, result)
    st.dataframe(metrics, width="stretch")
    st.subheader("Flows by route")
    if frame.empty:
        st.caption("No route carries this commodity in the model: no chart.")
    else:
        st.vega_lite_chart(panels.inline_data(panels.route_flows_chart(frame)), width="stretch", height=max(260, 28 * len(frame)))
    st.caption(f"Volumes in {md_text(result.unit)}, {result.year}; modelled from the network with capacities from data/assets.geojson and "
               "route volumes from data/flows.csv (sources in data/sources.yaml).")
    st.subheader("What binds this result")
    st.dataframe(panels.binding_frame(result), width="stretch", hide_index=True)
    explain_scenario(result, view, paths)


# --- issue 14: what a scenario rests on (ranges, tornado, notes; binding and ranges in the sidebar too) ---------


def explain_scenario(result: Any, view: ViewState | None, paths: Paths | None, *, panel: bool = True) -> None:
    """Ranges (sensitivity run, cached), tornado chart and notes in the tab; binding and ranges under the sidebar's preset.

    ``panel=False`` (the Dependencies tab is closed) writes only the sidebar summary.
    """
    from geo.views import scenario_explain

    changed = view is not None and bool(view.preset or view.off or view.capacity)
    sens = _sensitivity(paths, paths.version(), view.year, view.commodity, view.preset, view.off, view.capacity, view.committed) \
        if changed and view is not None and paths is not None else None
    if panel:
        scenario_explain.panel(result, sens)
    scenario_explain.sidebar_summary(result, sens, sources=_workspace(paths, paths.version()).sources if paths is not None else None)


@st.cache_resource(show_spinner="Varying the assumed figures...", max_entries=16)
def _sensitivity(paths: Paths, version: tuple[tuple[str, int, int], ...], year: int, commodity: str, preset: str | None,
                 off: tuple[str, ...], capacity: tuple[tuple[str, float], ...], committed: bool = False) -> Any:
    from geo.routes import sensitivity

    network, scen = _workspace(paths, version).scenario(year, commodity, preset=preset, off=off, capacity=dict(capacity),
                                                        committed=committed)
    return sensitivity.run_sensitivity(network, scen)


def claim_html(c: Any, text: str) -> str:
    """One claim card: the excerpt inside its sentence, English, citation, attribution, type, verdict and evidence."""
    figures = [{"text": f.text(), "formula": f.formula, "sources": ", ".join(f.sources) or "none"} for f in c.evidence_text]
    assessment = c.assessment or {}
    return str(render(
        "claim_card.html", excerpt=panels.excerpt_in_sentence_html(text, c.start, c.end),
        english=c.english if isinstance(c.english, str) else None, title=c.article_title, outlet=panels.text_or(c.outlet, "outlet unknown"),
        published=panels.text_or(c.published, "undated"), chain=c.attribution_chain, claim_type=panels.readable(c.claim_type),
        verdict=panels.VERDICT_LABELS.get(c.verdict, c.verdict), rationale=assessment.get("rationale") if assessment else None,
        figures=figures,
    ))


def _claim_cards(data: Data) -> dict[str, str]:
    return _claim_cards_of(data.version, data)


@st.cache_resource(max_entries=4, show_spinner=False, hash_funcs={Data: lambda d: d.version})
def _claim_cards_of(version: tuple[tuple[str, int, int], ...], data: Data) -> dict[str, str]:
    """Every claim card of a data version, rendered once (immutable strings)."""
    return {c.id: claim_html(c, data.corpus.texts[c.article]) for c in data.claims.itertuples()}


@st.cache_resource(max_entries=4, show_spinner=False, hash_funcs={Data: lambda d: d.version})
def _claim_labels_of(version: tuple[tuple[str, int, int], ...], data: Data) -> dict[str, str]:
    """The claim list's option labels of a data version (see :func:`geo.views.tables.claim_option`)."""
    return {row["id"]: panels.claim_option(row) for _, row in data.claims.iterrows()}


def claims_panel(view: ViewState, data: Data, paths: Paths | None = None) -> ViewState:
    """The claims list with filters; choosing one highlights and zooms to its assets on the map.

    With ``paths`` it has the "within N km of" filter too (:func:`near_filter`: the store's distance query).
    """
    frame = data.claims
    if frame.empty:
        st.info("No claims yet.")
        return view
    cols = st.columns(4)
    articles = ["(any)", *data.corpus.articles]
    linked_assets = ["(any)", *sorted({a for ids in frame["asset_ids"] for a in ids})]
    types, verdicts = ["(any)", *sorted(frame["claim_type"].unique())], ["(any)", *sorted(frame["verdict"].unique())]
    kept("f_article", cols[0].selectbox("Article", articles, index=kept_index("f_article", articles), key="f_article",
                                          format_func=lambda a: a if a == "(any)" else data.corpus.articles[a].label))
    kept("f_asset", cols[1].selectbox("Asset", linked_assets, index=kept_index("f_asset", linked_assets), key="f_asset",
                                      format_func=lambda a: a if a == "(any)" else data.assets.at[a, "name"]))
    kept("f_type", cols[2].selectbox("Type", types, index=kept_index("f_type", types), key="f_type", format_func=panels.readable))
    kept("f_verdict", cols[3].selectbox("Assessment", verdicts, index=kept_index("f_verdict", verdicts), key="f_verdict",
                                        format_func=lambda v: panels.VERDICT_LABELS.get(v, panels.readable(v))))
    cols = st.columns(2)
    kept("f_dated", cols[0].checkbox(f"Only articles dated up to the sidebar's year ({view.year})", key="f_dated",
                                     value=bool(st.session_state.get("kept_f_dated", True)),
                                     help="The sidebar's Year shows the claims made by the end of that year; untick to list every claim."))
    kept("f_undated", cols[1].checkbox("Include claims of undated articles", value=bool(st.session_state.get("kept_f_undated", True)),
                                       key="f_undated", help="An article with no date cannot be placed in a year; include its claims at every year?"))
    shown = claims_shown(data, view.year)
    shown = shown[shown["id"].isin(near)] if paths is not None and (near := near_filter(data, paths)) is not None else shown
    claims_timeline(data, view.year)
    labels = _claim_labels_of(data.version, data)
    options = ["(none)", *shown["id"]]
    later = chosen_after_year(view, data, options)
    if later:  # a claim chosen (or named in a link) stays chosen when the year slider moves before its article's date
        options.append(later)
        labels = {**labels, later: f"{labels.get(later, later)} [dated after {view.year}]"}
    current = view.claim if view.claim in options else "(none)"
    chosen = st.selectbox("Show a claim on the map", options, index=options.index(current), key="w_claim",
                          format_func=lambda i: i if i == "(none)" else labels.get(i, i))
    st.caption(f"{len(shown)} of {len(frame)} claims ({claims_note(view.year)}; the map's Claims layer counts these per asset)")
    cards = _claim_cards(data)
    # One HTML element for the whole list: a rerun (a click elsewhere) sends it again but builds nothing.
    if shown.empty:
        st.info(f"No claim matches these filters up to {view.year}.")
    else:
        st.html("".join(cards[i] for i in shown["id"]))
    return view.with_(claim=None if chosen == "(none)" else chosen)


def article_panel(view: ViewState, data: Data) -> ViewState:
    """The full text of an article with all its claims highlighted."""
    ids = list(data.corpus.articles)
    current = view.article if view.article in ids else ids[0]
    art_id = st.selectbox("Article", ids, index=ids.index(current), format_func=lambda a: data.corpus.articles[a].label, key="w_article")
    art = data.corpus.articles[art_id]
    articles_timeline(data, view.year)
    spans = [(c.start, c.end, f"{c.id} ({panels.readable(c.claim_type)})") for c in data.corpus.claims if c.article == art_id]
    kept("w_mentions", st.checkbox("Show this article's mentions on the map", key="w_mentions", value=bool(st.session_state.get("kept_w_mentions")),
                                   help="Highlights the routes and places the article's claims are about (the map reads it on its next run)."))
    st.html(render("article.html", art=art, cites=", ".join(art.cites) or "none", language=panels.language_label(art.language),
                   body=panels.article_html(data.corpus.texts[art_id], spans)))
    return view.with_(article=art_id)


# --- issue 15: the year slider's claims, claim density on the map and timelines of article dates --------------------

#: The Claims tab's filters (widget keys); a closed tab's last choice is kept under "kept_<key>".
CLAIM_FILTERS = {"f_article": "article", "f_asset": "asset", "f_type": "claim_type", "f_verdict": "verdict"}


def _filter_value(key: str, default: Any = None) -> Any:
    """A Claims tab filter this run: its widget's value while the tab is open, else the one kept when it closed."""
    return st.session_state.get(key, st.session_state.get(f"kept_{key}", default))


def _undated() -> bool:
    return bool(_filter_value("f_undated", True))


def _up_to(year: int | None) -> int | None:
    """The year the claims are cut at, or ``None`` when the Claims tab's "only up to the year" box is unticked."""
    return year if _filter_value("f_dated", True) else None


def claims_shown(data: Data, year: int | None) -> pd.DataFrame:
    """The claims the Claims tab lists: dated up to the end of ``year`` (any date with ``None``), matching its filters."""
    frame = data.claims
    if frame.empty:
        return frame
    year = _up_to(year)
    if year is not None:
        frame = panels.claims_up_to(frame, year, undated=_undated())
    chosen = {arg: _filter_value(key) for key, arg in CLAIM_FILTERS.items()}
    return panels.filter_claims(frame, **{arg: None if v in (None, "(any)") else v for arg, v in chosen.items()})


def chosen_after_year(view: ViewState, data: Data, options: list[str]) -> str | None:
    """The chosen claim, if only the year cut (not a filter) leaves it out of ``options``."""
    if not view.claim or view.claim in options:
        return None
    return view.claim if view.claim in set(claims_shown(data, None)["id"]) else None


def claims_note(year: int) -> str:
    """What the map's claim density counts, for its tooltips."""
    filters = [k for k in CLAIM_FILTERS if _filter_value(k) not in (None, "(any)")]
    dates = f"claims of articles dated to {year} or earlier{' or undated' if _undated() else ''}" if _up_to(year) else "claims of any date"
    return dates + (" that match the Claims tab's filters" if filters else "")


def claims_timeline(data: Data, year: int) -> None:
    """Claims per month of their article's date, by claim type (the Claims tab's filters, every year; a rule at ``year``'s end)."""
    frame = claims_shown(data, None)
    _timeline(panels.month_counts(zip(frame["published"], frame["claim_type"].map(panels.readable), strict=True)),
              group_title="claim type", what="claims", year=year)


def articles_timeline(data: Data, year: int) -> None:
    """Articles per month of their date, by language, with a rule at the end of the slider's ``year``."""
    arts = list(data.corpus.articles.values())
    _timeline(panels.month_counts((a.published, panels.language_label(a.language)) for a in arts),
              group_title="language", what="articles", year=year)


def _timeline(counts: tuple[list[dict[str, Any]], int, int], *, group_title: str, what: str, year: int) -> None:
    """The chart of :func:`geo.views.tables.month_counts` ``counts`` and its caption.

    No chart on empty data: Vega warns of an infinite extent and draws bare axes.
    """
    rows, undated, year_only = counts
    if rows:
        st.vega_lite_chart(panels.timeline_chart(rows, group_title=group_title, count_title=what,
                                                 years=(settings.YEARS[0], settings.YEARS[-1]), up_to=year), width="stretch", height=150)
    st.caption(_timeline_caption(undated, year_only, what, year, empty=not rows))


def _timeline_caption(undated: int, year_only: int, what: str, year: int, *, empty: bool = False) -> str:
    parts = [f"No timeline: none of these {what} has an article dated to a month." if empty else
             f"Timeline of article dates (month of publication); the dashed line is the end of {year}, the year chosen in the sidebar."]
    of = "" if what == "articles" else f"{what} of "
    if undated:
        parts.append(f"Not on it: {undated} {of}undated article(s).")
    if year_only:
        parts.append(f"Not on it: {year_only} {of}article(s) dated to a year only.")
    return " ".join(parts)


# --- closed tabs send nothing (issue 15): a widget's own state lasts only while it is drawn, so the value last chosen
# is kept under "kept_<key>" and given back as the widget's default when its tab opens again.


def kept(key: str, value: Any) -> Any:
    """Remember ``value`` (the widget ``key``'s value this run) for when its tab is closed; return it."""
    st.session_state[f"kept_{key}"] = value
    return value


def kept_index(key: str, options: list[Any]) -> int:
    """The index of the value last chosen in the selectbox ``key`` (0 when none, or when it is no longer an option)."""
    last = st.session_state.get(f"kept_{key}")
    return options.index(last) if last in options else 0


def kept_text(widget: Any, label: str, key: str, **kwargs: Any) -> str:
    """A text input or area that gives back what was typed in it before its tab was closed."""
    return str(kept(key, widget(label, value=st.session_state.get(f"kept_{key}", ""), key=key, **kwargs)))


def add_article_panel(data: Data, ws: Workspace) -> None:
    """Upload or paste an article; review its candidate claims; save the accepted ones.

    Saving changes the data version, so the next run reads a new workspace: the claims show on the map and in the
    Claims tab of this same session, with no cache to clear by hand.
    """
    data_dir, seeds_dir = str(ws.paths.data_dir), str(ws.paths.corpus_dir)
    st.subheader("Add an article")
    # The uploader's own limit (MB) matches the corpus limit, so the two never tell the user different sizes.
    upload = st.file_uploader(f"Upload (.txt, .md, .html; at most {MAX_UPLOAD_BYTES / 1e6:g} MB)", type=["txt", "md", "html", "htm"],
                              key="w_upload", max_upload_size=UPLOAD_LIMIT_MB, on_change=_upload_changed)
    kept_file = kept_upload(upload)
    pasted = kept_text(st.text_area, "...or paste the text", "w_paste", height=150)
    cols = st.columns(4)
    meta = {"title": kept_text(cols[0].text_input, "Title", "w_m_title"), "outlet": kept_text(cols[1].text_input, "Outlet", "w_m_outlet"),
            "author": kept_text(cols[2].text_input, "Author", "w_m_author"),
            "published": kept_text(cols[3].text_input, "Published (YYYY-MM-DD)", "w_m_date")}
    if st.button("Add to corpus", key="w_ingest"):
        name, raw = kept_file if kept_file is not None else ("pasted.txt", pasted.encode("utf-8"))
        try:
            if ws.store.kind == "files":
                res = ingest.ingest(raw, name, metadata=meta, data_dir=data_dir, corpus_dir=seeds_dir)
            else:
                res = team_ingest(ws, raw, name, meta)
        except GeoError as exc:
            st.error(public_message(exc, data_dir, seeds_dir))
        else:
            st.session_state.review = res.article_id
            st.session_state.ingest_message = res.message
            st.rerun()
    if st.session_state.get("ingest_message"):
        st.success(md_code(st.session_state.pop("ingest_message")))
    art_id = st.session_state.get("review")
    if not art_id or art_id not in data.corpus.texts:
        return
    text = data.corpus.texts[art_id]
    matcher = build_matcher(data.assets, ws.route_groups)
    candidates = extract(text, article=art_id, language=data.corpus.articles[art_id].language, matcher=matcher)
    st.html(render("heading.html", text=f"Candidate claims in {data.corpus.articles[art_id].label}: {len(candidates)}"))
    accepted = []
    for i, c in enumerate(candidates):
        names = ", ".join(f"{a['name']} ({a['role']})" for a in c.assets) or "no asset"
        st.html(render("candidate.html", excerpt=panels.excerpt_in_sentence_html(text, c.start, c.end), claim_type=c.claim_type, names=names))
        acc = f"w_acc_{art_id}_{i}"
        keep = kept(acc, st.checkbox("Accept", key=acc, value=bool(st.session_state.get(f"kept_{acc}"))))
        english = c.excerpt if c.language == "en" else kept_text(st.text_input, "English rendering", f"w_en_{art_id}_{i}")
        if keep:
            accepted.append((c, english))
    if ws.store.kind == "postgis":
        team_save(ws, art_id, candidates, accepted)
        return
    # A non-English claim is saved with its English rendering (the claim schema requires one): say which are missing
    # and hold the button back, rather than letting the save fail with the schema's validation message.
    missing = [i + 1 for i, (c, english) in enumerate(accepted) if c.language != "en" and not english.strip()]
    if missing:
        st.warning(f"Write the English rendering of accepted claim(s) {', '.join(map(str, missing))} (in the order accepted) "
                   "before saving: a claim in another language is saved with its English rendering.")
    if st.button("Save accepted claims", key="w_save_claims", disabled=not accepted or bool(missing)):
        try:
            saved = ingest.save_claims([_claim_from(c, english) for c, english in accepted], data_dir=data_dir, corpus_dir=seeds_dir)
        except (GeoError, ValueError) as exc:
            st.error(public_message(exc, data_dir, seeds_dir))
        else:
            st.session_state.saved_message = f"Saved {saved} claim(s): they are listed in the Claims tab and drawn on the map."
            st.rerun()
    if st.session_state.get("saved_message"):
        st.success(md_text(st.session_state.pop("saved_message")))


def _upload_changed() -> None:
    """The user removed the file from the uploader (its x): forget the kept copy too."""
    if st.session_state.get("w_upload") is None:
        st.session_state.pop("kept_upload", None)


def kept_upload(upload: Any) -> tuple[str, bytes] | None:
    """The uploaded file as ``(name, bytes)``, kept in the session while the Add-article tab is closed.

    Streamlit cannot give a file back to an uploader drawn afresh (a reopened tab), so the kept copy is named
    under it ("kept: NAME (N kB)") with a button that forgets it.
    """
    if upload is not None:
        st.session_state.kept_upload = (str(upload.name), bytes(upload.getvalue()))
        return st.session_state.kept_upload
    kept_file = st.session_state.get("kept_upload")
    if kept_file is None:
        return None
    name, raw = kept_file
    cols = st.columns([5, 1], vertical_alignment="center")
    cols[0].caption(f"kept: {md_text(name)} ({len(raw) / 1000:.1f} kB), uploaded before this tab was closed; "
                    "it is added when you press \"Add to corpus\"")
    if cols[1].button("remove", key="w_upload_remove", help="Forget the kept file"):
        st.session_state.pop("kept_upload", None)
        st.rerun()
    return (name, raw)


def team_ingest(ws: Workspace, raw: bytes, name: str, meta: dict[str, str]) -> Any:
    """Add an uploaded article to the team store (its id is the text's content hash, as in the files)."""
    from geo.claims.text import guess_language
    from geo.claims.upload import read_upload

    text = read_upload(raw, name).text
    art_id, created = ws.store.add_article(text, {"language": guess_language(text), **{k: v for k, v in meta.items() if v}})  # type: ignore[attr-defined]
    st.session_state.pop(f"w_versions_{art_id}", None)
    return ingest.IngestResult(art_id, created=created, message=f"added as {art_id}" if created else f"already in the team store as {art_id}")


def team_save(ws: Workspace, art_id: str, candidates: list[Any], accepted: list[tuple[Any, str]]) -> None:
    """Save accepted candidates to the team store, each at the version read when shown: a claim changed since is refused."""
    from geo.store.review import accept_all, propose

    engine = ws.store.engine  # type: ignore[attr-defined]
    key = f"w_versions_{art_id}"
    if key not in st.session_state:  # the versions as this reviewer first saw them (until "reload")
        rows = [{"article": art_id, "start": c.start, "end": c.end, "excerpt": c.excerpt, "language": c.language,
                 "claim_type": c.claim_type, "assets": c.assets} for c in candidates]
        st.session_state[key] = propose(engine, {"article": art_id}, rows)
    versions = st.session_state[key]
    # A non-English claim is saved with its English rendering (the claim schema requires one): say which are missing
    # and hold the button back, rather than letting the save fail with the schema's validation message.
    missing = [i + 1 for i, (c, english) in enumerate(accepted) if c.language != "en" and not english.strip()]
    if missing:
        st.warning(f"Write the English rendering of accepted claim(s) {', '.join(map(str, missing))} (in the order accepted) "
                   "before saving: a claim in another language is saved with its English rendering.")
    if st.button("Save accepted claims", key="w_save_claims", disabled=not accepted or bool(missing)):
        choices = [(*versions[(c.start, c.end)], {"english": english} if english and c.language != "en" else {}) for c, english in accepted]
        try:
            saved, conflicts = accept_all(engine, choices, who=st.session_state.get("reviewer") or "dashboard")
        except GeoError as exc:
            st.error(public_message(exc, str(ws.paths.data_dir), str(ws.paths.corpus_dir)))
            return
        st.session_state.saved_message = f"Saved {saved} claim(s)."
        if conflicts:
            st.session_state.conflict_message = "\n".join(str(e) for e in conflicts)
        st.rerun()
    if st.session_state.get("conflict_message"):
        st.warning(md_text(st.session_state.pop("conflict_message")) + " — changed by someone else, reload to see their version.")
        if st.button("Reload", key="w_reload"):
            st.session_state.pop(key, None)
            st.rerun()
    if st.session_state.get("saved_message"):
        st.success(md_text(st.session_state.pop("saved_message")))


#: The uploader's limit in Streamlit's megabytes (MiB); it never refuses a file the corpus would take.
UPLOAD_LIMIT_MB = max(1, round(MAX_UPLOAD_BYTES / 1024**2))


def _claim_from(c: Any, english: str) -> corpus.Claim:
    return corpus.Claim(
        id=f"{c.article.lower().replace('_', '-')}-{c.start}-{c.end}", article=c.article, excerpt=c.excerpt, start=c.start, end=c.end,
        language=c.language, english=english or None, claim_type=c.claim_type, attribution=["article"],
        assets=[{"id": a["id"], "role": a["role"]} for a in c.assets],
    )


def briefing_panel(view: ViewState, paths: Paths) -> None:
    """Make PNG, PDF and HTML briefings of the current view, then offer them for download."""
    key = (view.year, view.commodity, view.preset, view.off, view.capacity, view.claim, view.committed)
    if st.button("Make briefing files (PNG, PDF, HTML) of this view", key="w_brief",
                 help="A 1920x1080 PNG, an A4 PDF and a self-contained HTML page of the current scenario and claim"):
        with st.spinner("Drawing the briefing..."):
            b = brief.make_briefing(Workspace.open(paths.data_dir, paths.corpus_dir), year=view.year, commodity=view.commodity,
                                    preset=view.preset, off=view.off, capacity=dict(view.capacity), committed=view.committed,
                                    claim_ids=(view.claim,) if view.claim else ())
            out = Path(tempfile.mkdtemp(prefix="geo-brief-"))
            files = {s: brief.write(b, out / f"briefing{s}").read_bytes() for s in brief.FORMATS}
        st.session_state.briefing = (key, files)
    made = st.session_state.get("briefing")
    if made and made[0] == key:
        name = f"briefing-{view.commodity}-{view.year}-{view.preset or 'custom'}"
        cols = st.columns(3)
        mimes = {".png": "image/png", ".pdf": "application/pdf", ".html": "text/html"}
        for col, (suffix, payload) in zip(cols, made[1].items(), strict=True):
            col.download_button(f"Download {suffix[1:].upper()}", payload, file_name=f"{name}{suffix}", mime=mimes[suffix], key=f"w_dl{suffix}")


# --- map clicks and zoom requests -------------------------------------------------------------


def click_signature(value: Any) -> tuple[Any, ...] | None:
    """What makes a map click new: the asset, the clicked point and the page's click counter (a re-click of the same spot counts)."""
    value = value or {}
    feature = value.get("last_active_drawing") or {}
    asset = (feature.get("properties") or {}).get("id")
    point = value.get("last_object_clicked") or {}
    if asset is None:
        return None
    return (asset, point.get("lat"), point.get("lng"), point.get("n"))


def new_click(value: Any, last: tuple[Any, ...] | None) -> str | None:
    """The asset of a click not acted on yet, or ``None`` (the same value comes back on every rerun until the next click)."""
    sig = click_signature(value)
    return sig[0] if sig is not None and sig != last else None


def request_fit() -> None:
    """Ask the map to zoom to the highlighted assets once: a new request id is applied by the page, then ignored."""
    st.session_state.fit_id = st.session_state.get("fit_id", 0) + 1


# --- the sidebar's scenario, read before its widgets are drawn ---------------------------------------------------


#: The widgets of the sidebar's scenario (app.py), by key: year, commodity, preset, committed volumes, routes switched off,
#: one capacity slider per route (``w_cap_<id>``) and the online tiles.
SCENARIO_KEYS = ("w_year", "w_commodity", "w_preset", "w_committed", "w_off", "w_tiles")


def scenario_of(view: ViewState) -> tuple[Any, ...]:
    """The fields of a view that the sidebar's widgets set (what :func:`pending_scenario` must agree on)."""
    return view.year, view.commodity, view.preset, view.off, view.committed, view.capacity


def pending_scenario(view: ViewState, data: Data, online: bool) -> tuple[ViewState, bool]:
    """The scenario (and the online-tiles switch) that the sidebar's widgets will return in this run, before they are drawn.

    A widget returns its session-state value (set by the user's change that started this run) or, the first time, the
    value it is drawn with, which app.py takes from ``view``: this reads the same. The map can then be sent before the
    sidebar, so the browser starts loading its frame, Leaflet and the map's data before the widgets' code (issue 15: the
    map's frame used to wait behind about 40 script files of the sidebar's widgets). app.py compares the widgets' values
    with these once they are drawn (:func:`scenario_of`) and reruns if they differ.
    """
    state = st.session_state
    commodity = state.get("w_commodity", view.commodity)
    routes = data.assets.loc[list(data.network_lines[commodity])]
    preset = state.get("w_preset", view.preset or "(none)")
    off = state["w_off"] if "w_off" in state else [a for a in view.off if a in routes.index]
    caps = dict(view.capacity)
    for aid in routes.index[routes["capacity_norm"].notna()]:
        key = f"w_cap_{aid}"
        if key in state:  # drawn in the last run: the Capacities box is open (a closed one sends no sliders)
            if abs(float(state[key]) - float(routes.loc[aid, "capacity_norm"])) > 1e-9:
                caps[aid] = float(state[key])
            else:
                caps.pop(aid, None)
    scenario = view.with_(year=state.get("w_year", view.year), commodity=commodity, preset=None if preset == "(none)" else preset,
                          off=tuple(a for a in off if a in routes.index), committed=bool(state.get("w_committed", view.committed)),
                          capacity=tuple(sorted((a, v) for a, v in caps.items() if a in routes.index)))
    return scenario, bool(state.get("w_tiles", online))


def rerun_if_drawn_otherwise(drawn: ViewState, drawn_tiles: bool, view: ViewState, tiles: bool) -> None:
    """Rerun if the sidebar's widgets hold another scenario than :func:`pending_scenario` read for the map (twice in a row at most).

    ``st.session_state.scenario_reruns`` counts these reruns (tests check that the everyday changes need none).
    """
    if (scenario_of(drawn), drawn_tiles) == (scenario_of(view), tiles):
        st.session_state.pop("scenario_rerun", None)
        return
    if not st.session_state.pop("scenario_rerun", False):
        st.session_state.scenario_rerun = True
        st.session_state.scenario_reruns = st.session_state.get("scenario_reruns", 0) + 1
        st.rerun()


# --- map conveniences: article mentions, source links, a link to this view ------------------------------------------


def article_assets(data: Data, article_id: str) -> frozenset[str]:
    """The assets the claims of one article are about (what "show this article's mentions on the map" highlights)."""
    if data.claims.empty:
        return frozenset()
    rows = data.claims[data.claims["article"] == article_id]
    return frozenset(a for ids in rows["asset_ids"] for a in ids) & frozenset(data.assets.index)


def source_links(source_ids: Any, sources: pd.DataFrame) -> str:
    """Source ids as links to their pages (http and https only; escaped by the template), with the title on hover."""
    items = []
    for sid in source_ids:
        url = sources.at[sid, "url"] if sid in sources.index else None
        title = f"{sources.at[sid, 'publisher']}: {sources.at[sid, 'title']}" if sid in sources.index else "not in data/sources.yaml"
        ok = isinstance(url, str) and url.lower().startswith(("http://", "https://"))
        items.append({"id": sid, "url": url if ok else None, "title": title})
    return str(render("source_links.html", sources=items))


def view_link(view: ViewState, base_url: str | None) -> str:
    """The address of this view: the page's own address with the view's query string (see :mod:`geo.views.url_state`).

    >>> view_link(ViewState(year=2022, off=("cpc",)), "http://localhost:8501/?asset=x")
    'http://localhost:8501/?year=2022&off=cpc'
    """
    from urllib.parse import urlencode, urlsplit, urlunsplit

    from geo.views.url_state import to_query

    parts = urlsplit(base_url or "http://localhost:8501/")
    return urlunsplit((parts.scheme, parts.netloc, parts.path or "/", urlencode(to_query(view)), ""))


def copy_link(view: ViewState) -> None:
    """A "link to this view" button: a popover with the address, which the code box's copy button copies."""
    with st.popover("Link to this view", icon=":material/link:", help="Copy an address that opens this scenario, selection and claim"):
        st.code(view_link(view, st.context.url), language=None, wrap_lines=True)
        st.caption("Use the copy button at the right of the address.")


def claim_roles(data: Data, claim_id: str | None) -> dict[str, str]:
    """The role of each asset in a claim ("bypassed", "alternative", "subject"), for the map's casings."""
    if not claim_id or data.claims.empty:
        return {}
    rows = data.claims[data.claims["id"] == claim_id]
    return {a["id"]: a["role"] for a in rows.iloc[0]["assets"]} if not rows.empty else {}


# --- issue 16: on the team store at 100x the map draws the assets in view (the store's bounding-box query) ---------------


def map_in_view(data: Data, paths: Paths, commodity: str, *, key: str = "map") -> dict[str, Any] | None:
    """The base map of the assets in the map's padded bounds, with ``report_bounds``; ``None`` when the map draws every asset.

    Only on a store of :data:`geo.settings.MAP_BOUNDS_STORES` with more than :data:`geo.settings.MAP_BOUNDS_MIN_ASSETS`
    assets. The box is the default frame padded until the map component ``key`` reports bounds outside the box drawn
    (:func:`geo.views.mapbounds.drawn_box`); it is kept in the session, so a pan inside it changes nothing on the page.
    A fit to a claim or an asset moves the map, whose report then brings their box in.
    """
    if not mapbounds.uses_bounds(_workspace(paths, data.version).store.kind, len(data.assets)):
        return None
    box = mapbounds.drawn_box(st.session_state.get("map_box"), mapbounds.reported_bounds(st.session_state.get(key)), CASPIAN_FRAME,
                              share=settings.MAP_BOUNDS_PAD, first_share=settings.MAP_BOUNDS_FIRST_PAD)
    st.session_state.map_box = box
    return {**_base_map_args_of(paths, data.version, commodity, assets_in_view(paths, data.version, box)), "report_bounds": True}


@st.cache_resource(max_entries=32, show_spinner=False)
def assets_in_view(paths: Paths, version: tuple[tuple[str, int, int], ...], box: mapbounds.BBox) -> tuple[str, ...]:
    """The store's assets meeting ``box`` (PostGIS: ``&&`` on the GiST index, then ``ST_Intersects``), once per box and data version."""
    return tuple(_workspace(paths, version).store.assets_in_bbox(box))


@st.cache_resource(max_entries=8, show_spinner=False)
def _base_map_args_of(paths: Paths, version: tuple[tuple[str, int, int], ...], commodity: str, ids: tuple[str, ...]) -> dict[str, Any]:
    """:func:`base_map` of the assets ``ids`` alone: their features cut from the data version's serialised layers."""
    data = _data(paths, version)
    shown = data.assets[data.assets.index.isin(ids)]
    visible = [name for name in LAYERS if name not in HIDDEN_LAYERS[commodity]]
    fmap = build_map(shown, visible=visible, layers=mapbounds.layers_in(_split_layers(paths, version), _layers(paths, version), ids), dynamic=False)
    return mapcomponent.base_args(fmap)


@st.cache_resource(max_entries=4, show_spinner=False)
def _split_layers(paths: Paths, version: tuple[tuple[str, int, int], ...]) -> dict[str, list[tuple[str, str]]]:
    """The data version's map layers split by asset (:func:`geo.views.mapbounds.split_layers`), shared read-only."""
    return mapbounds.split_layers(_layers(paths, version))


def near_filter(data: Data, paths: Paths) -> frozenset[str] | None:
    """The Claims tab's "within N km of" filter: the claims linked to an asset within N km of a port, terminal or route.

    The store answers (:meth:`geo.store.base.Store.claims_near`: PostGIS ``ST_DWithin`` on geography, the files geodesic
    distances in memory), once per place, distance and data version. ``None`` while no place is chosen.
    """
    places = ["(anywhere)", *near_places(data.version, data)]
    cols = st.columns([3, 1])
    place = kept("f_near", cols[0].selectbox(
        "Near a port, terminal or route", places, index=kept_index("f_near", places), key="f_near",
        format_func=lambda a: a if a == "(anywhere)" else f"{data.assets.at[a, 'name']} ({settings.KIND_LABELS.get(data.assets.at[a, 'kind'], '')})",
        help="Claims about any asset within this distance of the place (geodesic distance between their nearest points)."))
    low, high = settings.NEAR_KM_RANGE
    km = kept("f_near_km", cols[1].number_input("Within (km)", min_value=low, max_value=high, step=10.0, key="f_near_km",
                                                value=float(st.session_state.get("kept_f_near_km", settings.NEAR_KM_DEFAULT))))
    if place == "(anywhere)":
        return None
    return frozenset(claims_near(paths, data.version, place, float(km)))


@st.cache_resource(max_entries=4, show_spinner=False, hash_funcs={Data: lambda d: d.version})
def near_places(version: tuple[tuple[str, int, int], ...], data: Data) -> tuple[str, ...]:
    """The places the filter offers: ports, terminals and the line assets (pipelines, shipping lanes, rail), by name."""
    kinds = data.assets["kind"]
    rows = data.assets[kinds.isin(["port", "terminal"]) | kinds.isin(list(LINE_KINDS))]
    return tuple(rows.sort_values("name").index)


@st.cache_resource(max_entries=64, show_spinner="Measuring distances...")
def claims_near(paths: Paths, version: tuple[tuple[str, int, int], ...], asset_id: str, km: float) -> tuple[str, ...]:
    """The store's accepted claims linked to an asset within ``km`` of ``asset_id`` (a tuple: shared read-only)."""
    return tuple(_workspace(paths, version).store.claims_near(asset_id, km))
