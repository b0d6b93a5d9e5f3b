"""Streamlit glue: cached data, the current scenario and the map for a view state.

``app.py`` lays out widgets and calls these. Text from the data and from users is shown
with ``st.html`` of autoescaped templates, or as Markdown only after :func:`md_text`, so
no article can add markup, images or links. Data is cached with ``st.cache_data`` so each
session gets its own copy (nothing cached is mutated in place); only the read-only country
outlines are shared.
"""

from __future__ import annotations

import logging
import os
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
from geo.data import corpus, load
from geo.data.schema import LINE_KINDS
from geo.errors import GeoError
from geo.routes import scenario
from geo.routes.network import build_network
from geo.views import briefing as brief
from geo.views import offline
from geo.views import tables as panels
from geo.views.safehtml import md_code, md_text, render
from geo.views.url_state import ViewState
from geo.views.webmap import LAYERS, MapLayers, MapState, build_map, capacity_label, map_layers
from geo.workspace import Workspace


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


@st.cache_data(show_spinner="Loading the dataset...")
def load_data(data_dir: str, seeds_dir: str) -> Data:
    """Load and validate everything once per data folder (each session gets a copy)."""
    assets = load.load_assets(data_dir)
    flows = load.load_flows(data_dir)
    ingest.recover(data_dir, seeds_dir)  # adopt texts left by an interrupted ingest before reading the corpus
    corp = corpus.load_corpus(data_dir, seeds_dir, asset_ids=set(assets.index))
    spec = load.load_network(data_dir)
    lines = set(assets.index[assets["kind"].isin(LINE_KINDS)])
    network_lines = {c: tuple(dict.fromkeys(e.asset for e in spec.edges if e.commodity == c and e.asset in lines)) for c in ("oil", "gas")}
    return Data(
        assets=assets,
        sources=load.load_sources(data_dir),
        flows=flows,
        corpus=corp,
        claims=panels.claims_frame(corp, flows),
        presets=Workspace.open(data_dir, seeds_dir).preset_table(),
        network_lines=network_lines,
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


def load_data_or_stop(data_dir: str, seeds_dir: str) -> Data:
    """The data, or an error naming the file, record and field (no traceback, no server path) and a stopped script."""
    try:
        return load_data(data_dir, seeds_dir)
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


def data_paths() -> tuple[str, str]:
    """The data and corpus folders; ``GEO_DATA_DIR`` / ``GEO_SEEDS_DIR`` override them (read on every run)."""
    return os.environ.get("GEO_DATA_DIR", str(settings.DATA_DIR)), os.environ.get("GEO_SEEDS_DIR", str(settings.SEEDS_DIR))


@st.cache_data(show_spinner="Solving the scenario...", max_entries=64)
def solve(view: ViewState, data_dir: str, seeds_dir: str) -> tuple[Any, Any]:
    """Baseline and scenario results for a view (cached by the view's scenario fields)."""
    net = _network(data_dir, seeds_dir, view.year, view.commodity)
    presets = load.load_scenarios(data_dir) if view.preset else []
    return scenario.run_network(net, presets, preset=view.preset, off=view.off, capacity=dict(view.capacity))


@st.cache_data(show_spinner=False, max_entries=16)
def _network(data_dir: str, seeds_dir: str, year: int, commodity: str) -> Any:
    """The route network of a year and commodity, built from the loaded tables."""
    data = load_data(data_dir, seeds_dir)
    return build_network(data.assets, data.flows, load.load_network(data_dir), year=year, commodity=commodity)


def static_ready() -> bool:
    """Copy Leaflet and jQuery into ``static/vendor`` beside the app (once per process)."""
    return _ensure_static(str(settings.ROOT / "static"))


@st.cache_resource
def _ensure_static(static_dir: str) -> bool:
    offline.ensure_static(Path(static_dir))
    return True


def map_for(view: ViewState, data: Data, result: Any, *, tiles: bool) -> folium.Map:
    """The folium map of a view: the scenario's flows, switched-off routes, highlighted selection.

    The map fits itself to the highlighted assets (see :func:`geo.views.webmap.build_map`).
    """
    highlight: frozenset[str] = frozenset()
    if view.claim:
        row = data.claims[data.claims["id"] == view.claim]
        if not row.empty:
            highlight = frozenset(row.iloc[0]["asset_ids"]) & frozenset(data.assets.index)
    elif view.asset:
        highlight = frozenset({view.asset})
    # result.off holds every asset switched off: the preset's and the view's own.
    state = MapState(flows=dict(result.asset_flows), flow_unit=result.unit, flow_year=result.year, off=frozenset(result.off),
                     highlight=highlight, tiles=tiles)
    visible = [name for name in LAYERS if name not in HIDDEN_LAYERS[view.commodity]]
    return build_map(data.assets, state=state, visible=visible, layers=_layers(*data_paths(), _stamp(*data_paths())))


#: Layers left unticked at first for each commodity (the layer control shows them on demand).
HIDDEN_LAYERS = {"oil": ("Gas pipelines",), "gas": ("Oil pipelines", "Shipping and rail")}

PAGE_STYLE = """<style>
.claim {border-left: 3px solid #c9c9c9; padding: 2px 0 2px 12px; margin: 0 0 18px 0;}
.claim mark, .article mark {background: #fff3a3; padding: 0 1px;}
.article {line-height: 1.6; max-width: 58rem; white-space: pre-wrap;}
</style>"""


def page_style() -> None:
    """The few CSS rules the panels use (claim cards, highlighted excerpts)."""
    st.markdown(PAGE_STYLE, unsafe_allow_html=True)


def claim_card(claim_id: str, data: Data) -> None:
    """The selected claim, as in the claims list."""
    rows = data.claims[data.claims["id"] == claim_id]
    if not rows.empty:
        c = next(rows.itertuples())
        st.markdown("**Selected claim**")
        st.html(claim_html(c, data.corpus.texts[c.article]))


def _stamp(data_dir: str, seeds_dir: str) -> tuple[int, ...]:
    """Modification times of the files the map layers are built from (a cache key)."""
    names = (load.ASSETS_FILE, load.SOURCES_FILE, corpus.CLAIMS_FILE, corpus.ARTICLES_FILE)
    return (*((Path(data_dir) / n).stat().st_mtime_ns for n in names), Path(seeds_dir).stat().st_mtime_ns)


@st.cache_resource(max_entries=4, show_spinner=False)
def _layers(data_dir: str, seeds_dir: str, stamp: tuple[int, ...]) -> MapLayers:
    """The serialised map layers: immutable strings, so one copy is shared by every session."""
    data = load_data(data_dir, seeds_dir)
    return map_layers(data.assets, data.claims, data.sources)


# --- panels -------------------------------------------------------------------------


def asset_panel(asset_id: str, data: Data, baseline: Any, result: Any) -> None:
    """Facts, modelled flows and linked claims of one asset."""
    row = data.assets.loc[asset_id]
    st.html(render("heading.html", text=row["name"]))
    facts = {
        "Kind": row["kind"], "Commodity": row["commodity"], "Status": row["status"],
        "Capacity": capacity_label(row), "Operator": row["operator"] if isinstance(row["operator"], str) else "not recorded",
        "Countries": ", ".join(row["countries"]), "Crosses Russia": "yes" if row["crosses_russia"] else "no",
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
    st.caption(md_text("Sources: " + ", ".join(row["sources"])))


def dependency_panel(baseline: Any, result: Any) -> None:
    """Metrics side by side, and flows by route."""
    st.subheader(f"Dependency metrics, {result.commodity} {result.year}: baseline vs scenario")
    st.dataframe(panels.metrics_frame(baseline, result), width="stretch")
    st.subheader("Flows by route")
    frame = panels.route_flows_frame(baseline, result)
    st.bar_chart(frame, horizontal=True, stack=False, height=max(260, 28 * len(frame)))
    st.caption(f"Volumes in {md_text(result.unit)}, {result.year}; modelled from the network with capacities from data/assets.geojson and "
               "route volumes from data/flows.csv (sources in data/sources.yaml).")
    st.subheader("What binds this result")
    st.dataframe(panels.binding_frame(result), width="stretch", hide_index=True)


def claim_html(c: Any, text: str) -> str:
    """One claim card: the excerpt inside its sentence, English, citation, attribution, type, verdict and evidence."""
    figures = [{"text": f.text(), "formula": f.formula, "sources": ", ".join(f.sources) or "none"} for f in c.evidence_text]
    assessment = c.assessment or {}
    return str(render(
        "claim_card.html", excerpt=panels.excerpt_in_sentence_html(text, c.start, c.end),
        english=c.english if isinstance(c.english, str) else None, title=c.article_title, outlet=panels.text_or(c.outlet, "outlet unknown"),
        published=panels.text_or(c.published, "undated"), chain=c.attribution_chain, claim_type=c.claim_type,
        verdict=panels.VERDICT_LABELS.get(c.verdict, c.verdict), rationale=assessment.get("rationale") if assessment else None,
        figures=figures,
    ))


def claims_panel(view: ViewState, data: Data) -> ViewState:
    """The claims list with filters; choosing one highlights and zooms to its assets on the map."""
    frame = data.claims
    if frame.empty:
        st.info("No claims yet.")
        return view
    cols = st.columns(4)
    articles = ["(any)", *data.corpus.articles]
    article = cols[0].selectbox("Article", articles, format_func=lambda a: a if a == "(any)" else data.corpus.articles[a].label, key="f_article")
    linked_assets = sorted({a for ids in frame["asset_ids"] for a in ids})
    asset = cols[1].selectbox("Asset", ["(any)", *linked_assets], format_func=lambda a: a if a == "(any)" else data.assets.at[a, "name"], key="f_asset")
    ctype = cols[2].selectbox("Type", ["(any)", *sorted(frame["claim_type"].unique())], key="f_type")
    verdict = cols[3].selectbox("Assessment", ["(any)", *sorted(frame["verdict"].unique())], key="f_verdict")
    shown = panels.filter_claims(frame, article=None if article == "(any)" else article, asset=None if asset == "(any)" else asset,
                                 claim_type=None if ctype == "(any)" else ctype, verdict=None if verdict == "(any)" else verdict)
    options = ["(none)", *shown["id"]]
    current = view.claim if view.claim in options else "(none)"
    chosen = st.selectbox("Show a claim on the map", options, index=options.index(current), key="w_claim",
                          format_func=lambda i: i if i == "(none)" else f"{i}: {frame.loc[frame['id'] == i, 'excerpt'].iloc[0][:90]}")
    st.caption(f"{len(shown)} of {len(frame)} claims")
    for c in shown.itertuples():
        st.html(claim_html(c, data.corpus.texts[c.article]))
    return view.with_(claim=None if chosen == "(none)" else chosen)


def article_panel(view: ViewState, data: Data) -> ViewState:
    """The full text of an article with all its claims highlighted."""
    ids = list(data.corpus.articles)
    current = view.article if view.article in ids else ids[0]
    art_id = st.selectbox("Article", ids, index=ids.index(current), format_func=lambda a: data.corpus.articles[a].label, key="w_article")
    art = data.corpus.articles[art_id]
    spans = [(c.start, c.end, f"{c.id} ({c.claim_type})") for c in data.corpus.claims if c.article == art_id]
    st.html(render("article.html", art=art, cites=", ".join(art.cites) or "none",
                   body=panels.article_html(data.corpus.texts[art_id], spans)))
    return view.with_(article=art_id)


def add_article_panel(data: Data, data_dir: str, seeds_dir: str) -> None:
    """Upload or paste an article; review its candidate claims; save the accepted ones."""
    st.subheader("Add an article")
    # The uploader's own limit (MB) matches the corpus limit, so the two never tell the user different sizes.
    upload = st.file_uploader(f"Upload (.txt, .md, .html; at most {MAX_UPLOAD_BYTES / 1e6:g} MB)", type=["txt", "md", "html", "htm"],
                              key="w_upload", max_upload_size=UPLOAD_LIMIT_MB)
    pasted = st.text_area("...or paste the text", key="w_paste", height=150)
    cols = st.columns(4)
    meta = {"title": cols[0].text_input("Title", key="w_m_title"), "outlet": cols[1].text_input("Outlet", key="w_m_outlet"),
            "author": cols[2].text_input("Author", key="w_m_author"), "published": cols[3].text_input("Published (YYYY-MM-DD)", key="w_m_date")}
    if st.button("Add to corpus", key="w_ingest"):
        raw, name = (upload.getvalue(), upload.name) if upload is not None else (pasted.encode("utf-8"), "pasted.txt")
        try:
            res = ingest.ingest(raw, name, metadata=meta, data_dir=data_dir, corpus_dir=seeds_dir)
        except GeoError as exc:
            st.error(public_message(exc, data_dir, seeds_dir))
        else:
            st.session_state.review = res.article_id
            load_data.clear()
            st.success(md_code(res.message))
            st.rerun()
    art_id = st.session_state.get("review")
    if not art_id or art_id not in data.corpus.texts:
        return
    text = data.corpus.texts[art_id]
    matcher = build_matcher(data.assets, load.load_route_groups(data_dir))
    candidates = extract(text, article=art_id, language=data.corpus.articles[art_id].language, matcher=matcher)
    st.html(render("heading.html", text=f"Candidate claims in {data.corpus.articles[art_id].label}: {len(candidates)}"))
    accepted = []
    for i, c in enumerate(candidates):
        names = ", ".join(f"{a['name']} ({a['role']})" for a in c.assets) or "no asset"
        st.html(render("candidate.html", excerpt=panels.excerpt_in_sentence_html(text, c.start, c.end), claim_type=c.claim_type, names=names))
        keep = st.checkbox("Accept", key=f"w_acc_{art_id}_{i}")
        english = c.excerpt if c.language == "en" else st.text_input("English rendering", key=f"w_en_{art_id}_{i}")
        if keep:
            accepted.append((c, english))
    if st.button("Save accepted claims", key="w_save_claims", disabled=not accepted):
        try:
            saved = ingest.save_claims([_claim_from(c, english) for c, english in accepted], data_dir=data_dir, corpus_dir=seeds_dir)
        except (GeoError, ValueError) as exc:
            st.error(public_message(exc, data_dir, seeds_dir))
        else:
            load_data.clear()
            st.success(f"Saved {saved} claim(s).")


#: The uploader's limit in Streamlit's megabytes (MiB); it never refuses a file the corpus would take.
UPLOAD_LIMIT_MB = max(1, round(MAX_UPLOAD_BYTES / 1024**2))


def _claim_from(c: Any, english: str) -> corpus.Claim:
    return corpus.Claim(
        id=f"{c.article.lower().replace('_', '-')}-{c.start}-{c.end}", article=c.article, excerpt=c.excerpt, start=c.start, end=c.end,
        language=c.language, english=english or None, claim_type=c.claim_type, attribution=["article"],
        assets=[{"id": a["id"], "role": a["role"]} for a in c.assets],
    )


def briefing_panel(view: ViewState, data_dir: str) -> None:
    """Make PNG, PDF and HTML briefings of the current view, then offer them for download."""
    key = (view.year, view.commodity, view.preset, view.off, view.capacity, view.claim)
    if st.button("Make briefing files (PNG, PDF, HTML) of this view", key="w_brief"):
        with st.spinner("Drawing the briefing..."):
            b = brief.make_briefing(Workspace.open(data_dir, data_paths()[1]), year=view.year, commodity=view.commodity, preset=view.preset,
                                    off=view.off, capacity=dict(view.capacity), claim_ids=(view.claim,) if view.claim else ())
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
