"""The folium map: routes, points and claims styled for analysts, offline-capable.

Everything shown comes from the tables it is given. Text from the data reaches the page
only as JSON arguments of the functions in ``geo/views/static/geoview.js``, which escape it
before it becomes HTML; no data is ever part of a template (see :mod:`geo.views.safehtml`).
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import folium
import geopandas as gpd
import pandas as pd
import shapely
import shapely.ops
from jinja2 import Template

from geo import settings
from geo.data import basemap
from geo.data.schema import LINE_KINDS
from geo.views import labels, offline
from geo.views.safehtml import RawElement, SafeMacroElement, render, script_json
from geo.views.tables import text_or

# The briefing's palette (geo/views/briefmap.py), checked for colour-blind readers in tests/test_map_colours.py: the
# earlier bright red halo (#d7301f) could not be told from an oil line under deuteranopia, nor the purple oil+gas from gas.
COLOURS = {"oil": "#b35806", "gas": "#2166ac", "oil+gas": "#4d4d4d"}
OFF_COLOUR = "#9e9e9e"
RUSSIA_COLOUR = "#67001f"
#: The Russian-exposure casing is drawn this opaque under the line (the colour a reader sees is its blend with the land).
RUSSIA_HALO_OPACITY = 0.35
HIGHLIGHT_COLOUR = "#ffd400"
#: A shown claim's bypassed routes and ports get a black dashed casing instead of the yellow one (pattern and colour differ).
BYPASSED_COLOUR = "#000000"
DASHES = {"operating": None, "proposed": "10 8", "construction": "4 6", "idle": "1 6", "cancelled": "1 10"}

#: Layer names, in the order they are drawn; the app and the legend use the same names.
LAYERS = ("Oil pipelines", "Gas pipelines", "Shipping and rail", "Fields", "Ports and terminals", "Junctions", "Claims")
_POINT_LAYER = {
    "field": "Fields",
    "terminal": "Ports and terminals",
    "port": "Ports and terminals",
    "refinery": "Ports and terminals",
    "border_crossing": "Ports and terminals",
    "junction": "Junctions",
}
_RADIUS = {"Fields": 6, "Ports and terminals": 6, "Junctions": 4}
#: Geometry simplification for display (degrees, ~1 km) and coordinate rounding.
SIMPLIFY_DEG = 0.01
ROUND_DIGITS = 3


def esc(value: Any) -> str:
    """HTML-escape any value for display (``None`` and NaN become an empty string)."""
    if value is None or (isinstance(value, float) and value != value):
        return ""
    return html.escape(str(value), quote=True)


def layer_of(kind: str, commodity: str) -> str:
    """The map layer an asset is drawn in."""
    if kind == "pipeline":
        return "Gas pipelines" if commodity == "gas" else "Oil pipelines"
    if kind in LINE_KINDS:
        return "Shipping and rail"
    return _POINT_LAYER[kind]


def capacity_label(row: Any) -> str:
    """Capacity with unit, year and source id, e.g. '72.5 Mt/y (2025; interfax-2025-02-26)'."""
    if row.capacity_norm is None or row.capacity_norm != row.capacity_norm:
        return "capacity not published"
    return f"{row.capacity_norm:g} {row.capacity_norm_unit} ({int(row.capacity_year)}; source: {row.capacity_source})"


@dataclass(frozen=True)
class MapState:
    """What the map shows beyond the assets themselves."""

    flows: Mapping[str, float] = field(default_factory=dict)
    flow_unit: str = ""
    flow_year: int | None = None
    off: frozenset[str] = frozenset()
    highlight: frozenset[str] = frozenset()
    tiles: bool = False
    #: URL prefix of local Leaflet files, or ``None`` to inline them (self-contained pages).
    asset_prefix: str | None = offline.STATIC_URL
    fit: tuple[float, float, float, float] | None = None
    #: The shown claim's role per highlighted asset ("bypassed", "alternative", "subject"); bypassed ones are cased differently.
    roles: Mapping[str, str] = field(default_factory=dict)
    #: Stranded volume at its source: ``(lon, lat, volume, text)`` per ring, drawn as a red circle whose area follows the volume.
    rings: tuple[tuple[float, float, float, str], ...] = ()
    #: Claims shown per asset (year and filters applied), drawn on the Claims layer; ``None``: every claim in the data.
    density: Mapping[str, int] | None = None
    #: What ``density`` counts, for the markers' tooltips (e.g. "claims dated to 2023 or undated").
    density_note: str = ""


#: The default frame: the Caspian and the routes leaving it (lon/lat: west, south, east, north).
CASPIAN_FRAME = (36.5, 38.0, 70.0, 51.5)
#: The largest stranded ring's radius in pixels; smaller volumes get rings of proportional area.
RING_MAX_PX = 34


def _owners_text(row: Any) -> str:
    owners = "; ".join(f"{o['name']} {o['share_pct']:g} %" if o.get("share_pct") is not None else o["name"] for o in row.owners or [])
    if owners and isinstance(row.owners_year, int | float) and row.owners_year == row.owners_year:
        owners += f" ({int(row.owners_year)})"
    return owners


def _num(value: Any) -> Any:
    return None if value is None or (isinstance(value, float) and value != value) else value


#: Facts that repeat across assets; they are stored once in a string table on the page.
_SHARED = ("sn", "cap", "op", "own", "cc", "len")


def _props(row: Any, source_index: dict[str, int], strings: dict[str, int] | None = None) -> dict[str, Any]:
    """The compact, unescaped facts of one asset; the page escapes them when it builds a popup.

    With ``strings``, repeated text fields become indices into that table.
    """
    props = _raw_props(row, source_index)
    if strings is not None:
        for key in _SHARED:
            if isinstance(props.get(key), str):
                props[key] = strings.setdefault(props[key], len(strings))
    return props


#: Map labels by kind: (rank tier, first zoom level shown). Lower tiers are placed first; within a tier, larger capacity first.
LABEL_TIERS = {"pipeline": (0, 3), "terminal": (1, 4), "port": (1, 4), "shipping_lane": (2, 5), "rail": (2, 5), "field": (2, 5),
               "border_crossing": (3, 5), "refinery": (3, 5), "junction": (4, 6)}


def label_of(row: Any) -> tuple[str, float, int]:
    """A map label for an asset: short text, rank (lower is placed first) and the zoom level it shows from.

    >>> from types import SimpleNamespace as A
    >>> label_of(A(name="Caspian Pipeline Consortium (CPC) pipeline", aliases=["CPC"], kind="pipeline", capacity_norm=72.5))
    ('CPC', -72.5, 3)
    >>> label_of(A(name="Aktau sea port", aliases=[], kind="port", capacity_norm=None))
    ('Aktau', 1000.0, 4)
    """
    tier, zoom = LABEL_TIERS.get(row.kind, (4, 6))
    if row.kind in LINE_KINDS:
        text = labels.line_label(row.name, row.aliases or [], row.kind)
    else:
        text = labels.point_label(row.name)
    capacity = _num(row.capacity_norm) or 0.0
    return text, round(tier * 1000.0 - float(capacity), 3), zoom


def _raw_props(row: Any, source_index: dict[str, int]) -> dict[str, Any]:
    length = _num(row.length_km)
    start = _num(row.start_year)
    label, rank, zoom = label_of(row)
    return {
        "i": row.id,
        "n": row.name,
        "lb": label,
        "lr": rank,
        "lz": zoom,
        "k": settings.KIND_LABELS.get(row.kind, row.kind),
        "c": row.commodity,
        "s": row.status,
        "sn": row.status_note if isinstance(row.status_note, str) else None,
        "cap": capacity_label(row),
        "op": row.operator if isinstance(row.operator, str) else None,
        "own": _owners_text(row) or None,
        "cc": ", ".join(row.countries),
        "ru": int(bool(row.crosses_russia)) + 2 * int(bool(row.ends_at_russian_port)),
        "rp": int(bool(row.ends_at_russian_port or "RU" in row.countries)),
        "sy": int(start) if start else None,
        "len": f"{length:g} km (source: {row.length_source})" if length else None,
        "src": [source_index[s] for s in row.sources if s in source_index],
        "srcx": [s for s in row.sources if s not in source_index],
    }


def _feature(row: Any, props: dict[str, Any], geometry: Any | None = None) -> dict[str, Any]:
    geom = display_geometry(row.geometry) if geometry is None else geometry
    return {"type": "Feature", "properties": {k: v for k, v in props.items() if v not in (None, [])}, "geometry": geom.__geo_interface__}


def _collection(features: list[dict[str, Any]]) -> dict[str, Any]:
    return {"type": "FeatureCollection", "features": features}


@dataclass(frozen=True)
class MapLayers:
    """The parts of the map that do not change with the scenario, serialised once (cacheable)."""

    layers: dict[str, str]
    lookups: str
    bounds: tuple[float, float, float, float]


def map_layers(assets: gpd.GeoDataFrame, claims: pd.DataFrame | None = None, sources: pd.DataFrame | None = None) -> MapLayers:
    """Serialise the assets (simplified geometry, compact facts), the sources and the claims for the page."""
    source_ids = list(sources.index) if sources is not None else []
    source_index = {sid: i for i, sid in enumerate(source_ids)}
    source_text = [f"{sources.at[s, 'publisher']}: {sources.at[s, 'title']} ({text_or(sources.at[s, 'date'], 'undated')}) [{s}]" for s in source_ids]
    by_layer: dict[str, list[dict[str, Any]]] = {name: [] for name in LAYERS}
    strings: dict[str, int] = {}
    for row in assets.itertuples():
        props = _props(row, source_index, strings)
        pieces = section_pieces(row.geometry, row.sections) if row.kind in LINE_KINDS and row.sections else []
        if not pieces:
            by_layer[layer_of(row.kind, row.commodity)].append(_feature(row, props))
            continue
        # Approximate stretches are separate features drawn dashed (see lineStyle in the page).
        props["acc"] = accuracy_label(row.sections)
        for piece, approximate in pieces:
            by_layer[layer_of(row.kind, row.commodity)].append(_feature(row, {**props, "ax": 1 if approximate else None}, display_geometry(piece)))
    claim_rows: list[dict[str, Any]] = []
    by_asset: dict[str, list[tuple[int, str]]] = {}
    if claims is not None and not claims.empty:
        for c in claims.itertuples():
            claim_rows.append({"x": c.excerpt, "t": c.article_title, "o": c.outlet, "d": c.published, "ty": c.claim_type, "v": c.verdict})
            for link in c.assets:
                by_asset.setdefault(link["id"], []).append((len(claim_rows) - 1, link["role"]))
    for asset_id in sorted(by_asset):
        if asset_id not in assets.index:
            continue
        row = next(assets.loc[[asset_id]].itertuples())
        anchor = row.geometry.interpolate(0.5, normalized=True) if row.kind in LINE_KINDS else row.geometry
        claim_props = {k: v for k, v in _props(row, source_index, strings).items() if k not in ("lb", "lr", "lz")}
        by_layer["Claims"].append(_feature(row, {**claim_props, "claim": 1}, shapely.set_precision(anchor, 0.001)))
    urls = [_http_url(sources.at[s, "url"]) for s in source_ids] if sources is not None else []
    lookups = {"sources": source_text, "sourceUrls": urls, "claims": claim_rows, "byAsset": by_asset, "strings": list(strings)}
    minx, miny, maxx, maxy = assets.total_bounds
    return MapLayers(
        layers={name: script_json(_collection(f)) for name, f in by_layer.items() if f},
        lookups=script_json(lookups),
        bounds=(minx, miny, maxx, maxy),
    )


def _http_url(value: Any) -> str | None:
    """A source's address if it is an http(s) URL (the page links only those), else ``None``."""
    return value if isinstance(value, str) and value.lower().startswith(("http://", "https://")) else None


def accuracy_label(sections: list[dict[str, Any]]) -> str:
    """Popup text: share of the drawn km per accuracy class, e.g. "traced 60%, approximate 40% (dashed)"."""
    total = sum(s["end_km"] - s["start_km"] for s in sections) or 1.0
    parts = []
    for cls in ("surveyed", "traced", "approximate"):
        km = sum(s["end_km"] - s["start_km"] for s in sections if s["accuracy"] == cls)
        if km:
            parts.append(f"{cls} {km / total:.0%}" + (" (dashed)" if cls == "approximate" else ""))
    return ", ".join(parts)


def section_pieces(geom: Any, sections: list[dict[str, Any]]) -> list[tuple[Any, bool]]:
    """The line cut into runs of approximate / not approximate sections, by their km share of the drawing."""
    total = sum(s["end_km"] - s["start_km"] for s in sections)
    if geom.geom_type != "LineString" or total <= 0:
        return []
    runs: list[list[Any]] = []
    for s in sections:
        approximate = s["accuracy"] == "approximate"
        if runs and runs[-1][2] == approximate:
            runs[-1][1] = s["end_km"]
        else:
            runs.append([s["start_km"], s["end_km"], approximate])
    # Degrees along the line track km along it closely enough for display.
    return [(shapely.ops.substring(geom, a / total, b / total, normalized=True), ax) for a, b, ax in runs]


def display_geometry(geom: Any) -> Any:
    """Simplified, rounded geometry for the map (about 1 km at regional zoom)."""
    if geom.geom_type in ("LineString", "MultiLineString"):
        geom = shapely.simplify(geom, SIMPLIFY_DEG, preserve_topology=False)
    return shapely.set_precision(geom, 10**-ROUND_DIGITS)


def view_json(assets: gpd.GeoDataFrame, state: MapState) -> str:
    """What changes with the scenario and the selection, for the page's style and tooltip functions."""
    lines = set(assets.index[assets["kind"].isin(LINE_KINDS)])
    flows = {k: round(float(v), 3) for k, v in state.flows.items() if k in assets.index}
    max_flow = max((v for k, v in flows.items() if k in lines), default=0.0)
    return script_json({
        "flows": flows, "maxFlow": max_flow, "unit": state.flow_unit, "year": state.flow_year,
        "off": sorted(state.off), "highlight": sorted(state.highlight),
        "colours": COLOURS, "dashes": DASHES, "offColour": OFF_COLOUR, "ruColour": RUSSIA_COLOUR, "hlColour": HIGHLIGHT_COLOUR,
        "ruOpacity": RUSSIA_HALO_OPACITY, "bypassColour": BYPASSED_COLOUR,
        "roles": {k: v for k, v in sorted(state.roles.items()) if k in state.highlight},
        "radius": _RADIUS, "rings": _rings(state.rings),
        "density": density_markers(state.density, assets.index), "densityNote": state.density_note,
    })


#: The dashboard legend's line for the claim markers, which it sizes and numbers (:func:`density_markers`).
DENSITY_LEGEND = "claims per asset: the number on it, area ~ number (Year and Claims tab filters)"
#: Claim density markers: radius in pixels of one claim, and the largest (area follows the count up to it).
DENSITY_PX = 7.0
DENSITY_MAX_PX = 30.0


def density_markers(density: Mapping[str, int] | None, known: Iterable[str]) -> dict[str, dict[str, float]] | None:
    """Per asset with claims: the count and a radius whose area follows it (``DENSITY_PX * sqrt(n)``, at most ``DENSITY_MAX_PX``).

    The scale is absolute, so a marker keeps its size when the year or a filter changes the others.

    >>> density_markers({"cpc": 4, "btc": 1, "gone": 2, "aktau": 0}, ["cpc", "btc", "aktau"])
    {'btc': {'n': 1, 'r': 7.0}, 'cpc': {'n': 4, 'r': 14.0}}
    """
    if density is None:
        return None
    ids = set(known)
    return {a: {"n": n, "r": round(min(DENSITY_MAX_PX, DENSITY_PX * n**0.5), 1)} for a, n in sorted(density.items()) if a in ids and n > 0}


def _rings(rings: Iterable[tuple[float, float, float, str]]) -> list[dict[str, Any]]:
    """Ring radii in pixels with area proportional to volume (radius ~ sqrt(volume)), largest = :data:`RING_MAX_PX`."""
    rings = [r for r in rings if r[2] > 0]
    top = max((r[2] for r in rings), default=0.0)
    return [{"lon": lon, "lat": lat, "radius": round(max(6.0, RING_MAX_PX * (v / top) ** 0.5), 1), "text": text}
            for lon, lat, v, text in rings]


def build_map(
    assets: gpd.GeoDataFrame,
    *,
    state: MapState | None = None,
    claims: pd.DataFrame | None = None,
    sources: pd.DataFrame | None = None,
    visible: Iterable[str] = LAYERS,
    layers: MapLayers | None = None,
    dynamic: bool = True,
) -> folium.Map:
    """The map of the assets, styled by commodity, status, Russian exposure and flow.

    Parameters
    ----------
    assets
        The asset table from :func:`geo.data.load.load_assets`.
    state
        Flows, switched-off and highlighted assets, tiles and where Leaflet is loaded from.
    claims
        The claims table (one row per claim with its ``assets`` links and ``verdict``).
    sources
        The bibliography, for the popups.
    visible
        Layers shown at first; the others are listed in the layer control, unticked.
    layers
        The serialised assets from :func:`map_layers`, if already built (the app caches them).
    dynamic
        Whether ``state`` (flows, selection, tiles, fit) is part of the map. The dashboard passes ``False`` and sends
        :func:`view_layer` separately, so the base map, and with it the user's zoom and centre, stays the same on every rerun.
    """
    state = state or MapState()
    layers = layers or map_layers(assets, claims, sources)
    visible = set(visible)
    fmap = folium.Map(location=[44.0, 59.5], zoom_start=5, tiles=None, control_scale=False, prefer_canvas=False)
    if state.asset_prefix is not None:
        fmap.default_js, fmap.default_css = offline.local_js_css(state.asset_prefix)
    else:
        fmap.default_js, fmap.default_css = [], []
        script, css = offline.inline_js_css()
        fmap.get_root().header.add_child(RawElement(f"<style>{css}</style><script>{script}</script>"), name="inline_leaflet")
    fmap.add_child(_MetricScale())

    # The helpers come first: every layer below calls them.
    view = _GeoView(layers.lookups, view_json(assets, state if dynamic else MapState()))
    fmap.add_child(view)
    countries = folium.FeatureGroup(name="Country outlines (offline basemap)", control=True)
    countries.add_child(_GeoLayer(view, _outlines_json(), kind="outlines"))
    countries.add_to(fmap)
    for name in LAYERS:
        group = folium.FeatureGroup(name=name, show=name in visible)
        if name in layers.layers:
            group.add_child(_GeoLayer(view, layers.layers[name], kind="lines" if name in LAYERS[:3] else "points"))
        group.add_to(fmap)
    folium.LayerControl(collapsed=True).add_to(fmap)
    fmap.get_root().html.add_child(RawElement(legend_html(state if dynamic else None)), name="geo_legend")
    if dynamic:
        view_layer(assets, state).add_to(fmap)
        bounds = state.fit or _bounds(assets, state.highlight, CASPIAN_FRAME)
    else:
        bounds = CASPIAN_FRAME
    fmap.fit_bounds([[bounds[1], bounds[0]], [bounds[3], bounds[2]]])
    return fmap


def view_layer(assets: gpd.GeoDataFrame, state: MapState, *, fit_id: int | None = None) -> folium.FeatureGroup:
    """What changes between reruns, as one feature group: restyles the drawn routes in place, the online tiles, a fit.

    streamlit-folium evaluates this group on a map that is already drawn (``st_folium(feature_group_to_add=...)``),
    so a scenario, selection or highlight change never rebuilds the map. The map fits to ``state.fit`` only when
    ``fit_id`` is new to the page: the user asked to zoom to a claim or an asset.
    """
    group = folium.FeatureGroup(name="Scenario", control=False)
    if state.tiles:
        folium.TileLayer(offline.TILE_URL, attr=offline.TILE_ATTRIBUTION, name="OpenStreetMap (online)", overlay=True, opacity=0.8).add_to(group)
    bounds = [round(float(b), 3) for b in state.fit] if state.fit is not None else None
    fit = {"id": fit_id, "bounds": bounds} if fit_id is not None else None
    group.add_child(_ViewUpdate(view_json(assets, state), script_json(fit)))
    return group


@dataclass(frozen=True)
class MapUpdate:
    """What the dashboard's map component applies on a rerun (see :mod:`geo.views.mapcomponent`)."""

    #: The view JSON of :func:`view_json`: flows, switched-off and highlighted assets, rings.
    view: str
    #: ``{"id": n, "bounds": [w, s, e, n] or None}``, applied once per new id (the user asked to zoom), or ``None``.
    fit: dict[str, Any] | None
    #: Online tiles to lay under the routes (``url``, ``attribution``), or ``None``.
    tiles: dict[str, str] | None


def map_update(assets: gpd.GeoDataFrame, state: MapState, *, fit_id: int | None = None) -> MapUpdate:
    """The per-run part of the dashboard's map as plain values: the page restyles its drawn layers with them."""
    bounds = [round(float(b), 3) for b in state.fit] if state.fit is not None else None
    fit = {"id": fit_id, "bounds": bounds} if fit_id is not None else None
    tiles = {"url": offline.TILE_URL, "attribution": offline.TILE_ATTRIBUTION} if state.tiles else None
    return MapUpdate(view=view_json(assets, state), fit=fit, tiles=tiles)


@lru_cache(maxsize=1)
def _outlines_json() -> str:
    return script_json(basemap.country_outlines())


# The templates below are our own code and hold no data: values reach the page through
# attributes that are JSON (``script_json``) or element names, and SafeMacroElement adds
# the rendered script to the page without compiling it again.


class _MetricScale(SafeMacroElement):
    """A metric-only scale bar, and a sea-coloured map background under the country outlines."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        geoView.decorate({{ this._parent.get_name() }});
        {% endmacro %}
        """
    )


class _GeoView(SafeMacroElement):
    """The page-side helpers of ``geo/views/static/geoview.js``, given the map's lookups and view as JSON."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = geoView.create({{ this.lookups }}, {{ this.view }}, {{ this.shared }});
        {% endmacro %}
        """
    )

    def __init__(self, lookups: str, view: str) -> None:
        super().__init__()
        self._name = "GeoView"
        self.shared = script_json(list(_SHARED))
        self.lookups = lookups
        self.view = view


class _ViewUpdate(SafeMacroElement):
    """``geoView.update`` with the view's styles (JSON) and an optional fit request, on the map of its group."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        geoView.update({{ this.view }}, {{ this.fit }}, {{ this._parent._parent.get_name() }});
        {% endmacro %}
        """
    )

    def __init__(self, view: str, fit: str) -> None:
        super().__init__()
        self._name = "ViewUpdate"
        self.view = view
        self.fit = fit


class _GeoLayer(SafeMacroElement):
    """One map layer drawn by ``geoView.addLayer`` (lines, points) or ``addOutlines`` (the basemap)."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        {% if this.kind == "outlines" %}
        {{ this.view.get_name() }}.addOutlines({{ this.data }}, {{ this._parent.get_name() }});
        {% else %}
        {{ this.view.get_name() }}.addLayer({{ this.data }}, {{ this._parent.get_name() }}, {{ "true" if this.kind == "points" else "false" }});
        {% endif %}
        {% endmacro %}
        """
    )

    def __init__(self, view: _GeoView, data: str, *, kind: str) -> None:
        super().__init__()
        self._name = "GeoLayer"
        self.view = view
        self.data = data
        self.kind = kind


def bounds_of(assets: gpd.GeoDataFrame, ids: Iterable[str]) -> tuple[float, float, float, float] | None:
    """The frame around some assets with half a degree of margin, or ``None`` if none of them is known."""
    known = [a for a in ids if a in assets.index]
    if not known:
        return None
    return _bounds(assets, frozenset(known), CASPIAN_FRAME)


def _bounds(assets: gpd.GeoDataFrame, highlight: frozenset[str], full: tuple[float, float, float, float]) -> tuple[float, float, float, float]:
    if not highlight:
        return full
    minx, miny, maxx, maxy = assets.loc[[a for a in highlight if a in assets.index]].total_bounds
    return (minx - 0.5, miny - 0.5, maxx + 0.5, maxy + 0.5)


def legend_html(state: MapState | None) -> str:
    """The map legend: colours, line styles, halos and what line width means (from ``templates/legend.html``).

    With no state (the dashboard's base map, whose scenario changes in place) the width note points to the caption.
    """
    if state is None:
        width = "line width: modelled flow of the scenario (unit and year above the map)"
    elif state.flows:
        width = f"line width: modelled flow {state.flow_year or ''} ({state.flow_unit})"
    else:
        width = "line width: uniform (no scenario)"
    claims_label = DENSITY_LEGEND if state is None or state.density is not None else None
    return str(render("legend.html", colours=COLOURS, russia=RUSSIA_COLOUR, off=OFF_COLOUR, highlight=HIGHLIGHT_COLOUR, width=width,
                      claims_label=claims_label))
