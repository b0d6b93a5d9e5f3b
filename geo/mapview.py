"""The folium map: routes, points and claims styled for analysts, offline-capable.

Everything shown comes from the tables it is given; every piece of text that reaches the
page (asset names, sources, article excerpts) is HTML-escaped here, because folium's
tooltips and popups insert their fields as HTML.
"""

from __future__ import annotations

import html
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import folium
import geopandas as gpd
import pandas as pd
import shapely
from branca.element import Element, MacroElement
from jinja2 import Template

from geo import offline, settings
from geo.schema import LINE_KINDS

COLOURS = {"oil": "#b35806", "gas": "#2166ac", "oil+gas": "#762a83"}
OFF_COLOUR = "#9e9e9e"
RUSSIA_COLOUR = "#d7301f"
HIGHLIGHT_COLOUR = "#ffd400"
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


def tooltip_html(row: Any, state: MapState) -> str:
    """One line: name, capacity with unit and year, and the scenario's flow if any."""
    parts = [f"<b>{esc(row.name)}</b>", esc(capacity_label(row))]
    if row.id in state.off:
        parts.append("<i>switched off in this scenario</i>")
    elif row.id in state.flows:
        parts.append(f"flow {state.flows[row.id]:.2f} {esc(state.flow_unit)} ({esc(state.flow_year)}, model)")
    return "<br>".join(parts)


def popup_html(row: Any, claims: pd.DataFrame | None, sources: pd.DataFrame | None) -> str:
    """Facts, sources and linked claims of one asset, every value escaped."""
    owners = "; ".join(f"{o['name']} {o['share_pct']:g} %" if o.get("share_pct") is not None else o["name"] for o in row.owners or [])
    facts = [
        ("Kind", settings.KIND_LABELS.get(row.kind, row.kind)),
        ("Commodity", row.commodity),
        ("Status", row.status + (f" ({row.status_note})" if isinstance(row.status_note, str) else "")),
        ("Capacity", capacity_label(row)),
        ("Operator", row.operator if isinstance(row.operator, str) else "not recorded"),
        ("Owners", f"{owners} ({int(row.owners_year)})" if owners and row.owners_year == row.owners_year and row.owners_year else owners),
        ("Countries", ", ".join(row.countries)),
        ("Crosses Russia", "yes" if row.crosses_russia else "no"),
        ("Ends at a Russian port", "yes" if row.ends_at_russian_port else "no"),
        ("In service since", int(row.start_year) if row.start_year == row.start_year and row.start_year else ""),
        ("Reported length", f"{row.length_km:g} km (source: {row.length_source})" if row.length_km == row.length_km and row.length_km else ""),
    ]
    rows = "".join(f"<tr><th>{esc(k)}</th><td>{esc(v)}</td></tr>" for k, v in facts if v not in ("", None))
    src_items = []
    for sid in row.sources:
        if sources is not None and sid in sources.index:
            s = sources.loc[sid]
            src_items.append(f"<li>{esc(s['publisher'])}: {esc(s['title'])} ({esc(s['date'])}) <code>{esc(sid)}</code></li>")
        else:
            src_items.append(f"<li><code>{esc(sid)}</code></li>")
    out = [f"<div class='geo-popup'><h4>{esc(row.name)}</h4><table>{rows}</table>"]
    if claims is not None and not claims.empty:
        items = "".join(
            f"<li><q>{esc(c.excerpt)}</q> <small>{esc(c.article_title)}, {esc(c.outlet or 'outlet unknown')}, "
            f"{esc(c.published or 'undated')}; {esc(c.claim_type)}; role: {esc(c.role)}; {esc(c.verdict)}</small></li>"
            for c in claims.itertuples()
        )
        out.append(f"<p><b>Claims ({len(claims)})</b></p><ul>{items}</ul>")
    out.append(f"<p><b>Sources</b></p><ul>{''.join(src_items)}</ul></div>")
    return "".join(out)


def claims_by_asset(claims: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """The claims linked to each asset (one row per claim and asset, with its role)."""
    if claims is None or claims.empty:
        return {}
    rows = []
    for c in claims.itertuples():
        for link in c.assets:
            rows.append({"asset": link["id"], "role": link["role"], "excerpt": c.excerpt, "article_title": c.article_title,
                         "outlet": c.outlet, "published": c.published, "claim_type": c.claim_type, "verdict": c.verdict, "claim": c.id})
    frame = pd.DataFrame(rows)
    return dict(frame.groupby("asset")) if not frame.empty else {}


def display_geometry(geom: Any) -> Any:
    """Simplified, rounded geometry for the map (about 1 km at regional zoom)."""
    if geom.geom_type in ("LineString", "MultiLineString"):
        geom = shapely.simplify(geom, SIMPLIFY_DEG, preserve_topology=False)
    return shapely.set_precision(geom, 10**-ROUND_DIGITS)


def _line_style(row: Any, state: MapState, max_flow: float) -> dict[str, Any]:
    if row.id in state.off:
        return {"color": OFF_COLOUR, "weight": 2, "opacity": 0.8, "dashArray": "6 6"}
    weight = 3.0
    if state.flows and max_flow > 0:
        weight = 2.0 + 10.0 * state.flows.get(row.id, 0.0) / max_flow
    return {"color": COLOURS[row.commodity], "weight": round(weight, 1), "opacity": 0.9, "dashArray": DASHES[row.status]}


def _collection(features: list[dict[str, Any]]) -> dict[str, Any]:
    return {"type": "FeatureCollection", "features": features}


def _feature(row: Any, props: dict[str, Any]) -> dict[str, Any]:
    return {"type": "Feature", "id": row.id, "properties": {"id": row.id, **props}, "geometry": display_geometry(row.geometry).__geo_interface__}


def build_map(
    assets: gpd.GeoDataFrame,
    *,
    state: MapState | None = None,
    claims: pd.DataFrame | None = None,
    sources: pd.DataFrame | None = None,
    visible: Iterable[str] = LAYERS,
) -> folium.Map:
    """The map of the assets, styled by commodity, status, Russian exposure and flow.

    Parameters
    ----------
    assets
        The asset table from :func:`geo.load.load_assets`.
    state
        Flows, switched-off and highlighted assets, tiles and where Leaflet is loaded from.
    claims
        The claims table (one row per claim with its ``assets`` links and ``verdict``).
    sources
        The bibliography, for the popups.
    visible
        Layers shown at first; the others are listed in the layer control, unticked.
    """
    state = state or MapState()
    visible = set(visible)
    fmap = folium.Map(location=[45.0, 50.0], zoom_start=4, tiles=None, control_scale=False, prefer_canvas=False)
    fmap.add_child(_MetricScale())
    if state.asset_prefix is not None:
        fmap.default_js, fmap.default_css = offline.local_js_css(state.asset_prefix)
    else:
        fmap.default_js, fmap.default_css = [], []
        script, css = offline.inline_js_css()
        fmap.get_root().header.add_child(Element(f"<style>{css}</style><script>{script}</script>"), name="inline_leaflet")

    countries = folium.FeatureGroup(name="Country outlines (offline basemap)", control=True)
    folium.GeoJson(
        offline.country_outlines(),
        style_function=lambda _f: {"color": "#888888", "weight": 0.8, "fillColor": "#f2efe9", "fillOpacity": 1.0},
        tooltip=folium.GeoJsonTooltip(fields=["name"], labels=False),
    ).add_to(countries)
    countries.add_to(fmap)
    if state.tiles:
        folium.TileLayer(offline.TILE_URL, attr=offline.TILE_ATTRIBUTION, name="OpenStreetMap (online)", overlay=True, opacity=0.8).add_to(fmap)

    by_asset = claims_by_asset(claims) if claims is not None else {}
    max_flow = max((v for k, v in state.flows.items() if k in assets.index and assets.at[k, "kind"] in LINE_KINDS), default=0.0)
    groups = {name: folium.FeatureGroup(name=name, show=name in visible) for name in LAYERS}
    lines = assets[assets["kind"].isin(LINE_KINDS)]
    points = assets[~assets["kind"].isin(LINE_KINDS)]

    # Casings first, so the route line sits on top: yellow for the selection, red for Russian exposure.
    for layer in LAYERS[:3]:
        members = [r for r in lines.itertuples() if layer_of(r.kind, r.commodity) == layer]
        halo = [_feature(r, {"halo": "sel" if r.id in state.highlight else "ru"})
                for r in members if r.id in state.highlight or (r.crosses_russia or r.ends_at_russian_port)]
        if halo:
            folium.GeoJson(_collection(halo), style_function=_halo_style, interactive=False, control=False).add_to(groups[layer])
        feats = [_feature(r, {"tooltip": tooltip_html(r, state), "popup": popup_html(r, by_asset.get(r.id), sources),
                              "style": _line_style(r, state, max_flow)}) for r in members]
        if feats:
            _styled_geojson(feats).add_to(groups[layer])

    for layer in ("Fields", "Ports and terminals", "Junctions"):
        members = [r for r in points.itertuples() if _POINT_LAYER[r.kind] == layer]
        feats = [_feature(r, {"tooltip": tooltip_html(r, state), "popup": popup_html(r, by_asset.get(r.id), sources),
                              "style": _point_style(r, state, layer)}) for r in members]
        if feats:
            _styled_geojson(feats, radius=_RADIUS[layer]).add_to(groups[layer])

    claim_feats = []
    for asset_id, frame in sorted(by_asset.items()):
        if asset_id not in assets.index:
            continue
        row = next(assets.loc[[asset_id]].itertuples())
        anchor = row.geometry.interpolate(0.5, normalized=True) if row.kind in LINE_KINDS else row.geometry
        tip = f"<b>{len(frame)} claim(s)</b> about {esc(row.name)}"
        claim_feats.append({"type": "Feature", "id": f"claims-{asset_id}", "geometry": shapely.set_precision(anchor, 0.001).__geo_interface__,
                            "properties": {"id": asset_id, "tooltip": tip, "popup": popup_html(row, frame, sources),
                                           "style": {"color": "#000000", "weight": 1, "fillColor": "#ffd400", "fillOpacity": 0.95}}})
    if claim_feats:
        _styled_geojson(claim_feats, radius=4).add_to(groups["Claims"])

    for group in groups.values():
        group.add_to(fmap)
    folium.LayerControl(collapsed=True).add_to(fmap)
    fmap.get_root().html.add_child(Element(legend_html(state)))
    bounds = state.fit or _bounds(assets, state.highlight)
    fmap.fit_bounds([[bounds[1], bounds[0]], [bounds[3], bounds[2]]])
    return fmap


def _halo_style(feature: dict[str, Any]) -> dict[str, Any]:
    if feature["properties"]["halo"] == "sel":
        return {"color": HIGHLIGHT_COLOUR, "weight": 14, "opacity": 0.85}
    return {"color": RUSSIA_COLOUR, "weight": 8, "opacity": 0.35}


def _point_style(row: Any, state: MapState, layer: str) -> dict[str, Any]:
    colour = OFF_COLOUR if row.id in state.off else COLOURS[row.commodity]
    border = HIGHLIGHT_COLOUR if row.id in state.highlight else (RUSSIA_COLOUR if row.ends_at_russian_port or "RU" in row.countries else "#333333")
    weight = 4 if row.id in state.highlight else (2.5 if border == RUSSIA_COLOUR else 1)
    return {"color": border, "weight": weight, "fillColor": colour, "fillOpacity": 0.9 if layer != "Junctions" else 0.6}


class _MetricScale(MacroElement):
    """A metric-only scale bar, and a sea-coloured map background under the country outlines."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        L.control.scale({imperial: false, maxWidth: 160}).addTo({{ this._parent.get_name() }});
        {{ this._parent.get_name() }}.getContainer().style.background = "#d4e6f1";
        document.head.insertAdjacentHTML("beforeend", "<style>.leaflet-interactive:focus{outline:none}</style>");
        {% endmacro %}
        """
    )


class _StyledGeoJson(MacroElement):
    """A GeoJSON layer whose style, tooltip and popup come from each feature's properties.

    Keeps the payload small (one style object per feature, no per-feature Python callbacks)
    and sets the popup/tooltip with the pre-escaped HTML built in this module.
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = L.geoJson({{ this.data }}, {
            {% if this.radius %}pointToLayer: function (f, latlng) { return L.circleMarker(latlng, {radius: {{ this.radius }}}); },{% endif %}
            style: function (f) { return f.properties.style; },
            onEachFeature: function (f, layer) {
                layer.bindTooltip(f.properties.tooltip, {sticky: true});
                layer.bindPopup(f.properties.popup, {maxWidth: 420, maxHeight: 360});
            }
        }).addTo({{ this._parent.get_name() }});
        {% endmacro %}
        """
    )

    def __init__(self, features: list[dict[str, Any]], radius: int | None = None) -> None:
        super().__init__()
        self._name = "StyledGeoJson"
        self.data = json.dumps(_collection(features), ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
        self.radius = radius


def _styled_geojson(features: list[dict[str, Any]], radius: int | None = None) -> _StyledGeoJson:
    return _StyledGeoJson(features, radius)


def _bounds(assets: gpd.GeoDataFrame, highlight: frozenset[str]) -> tuple[float, float, float, float]:
    subset = assets.loc[[a for a in highlight if a in assets.index]] if highlight else assets
    minx, miny, maxx, maxy = subset.total_bounds
    pad = 0.5 if highlight else 0.0
    return (minx - pad, miny - pad, maxx + pad, maxy + pad)


def legend_html(state: MapState) -> str:
    """The map legend: colours, line styles, halos and what line width means."""
    width = f"line width: modelled flow {esc(state.flow_year or '')} ({esc(state.flow_unit)})" if state.flows else "line width: uniform (no scenario)"
    items = [
        f"<span style='border-top:4px solid {COLOURS['oil']};width:22px;display:inline-block'></span> oil",
        f"<span style='border-top:4px solid {COLOURS['gas']};width:22px;display:inline-block'></span> gas",
        f"<span style='border-top:8px solid {RUSSIA_COLOUR};opacity:.5;width:22px;display:inline-block'></span> crosses Russia / ends at a Russian port",
        "<span style='border-top:3px dashed #555;width:22px;display:inline-block'></span> proposed / construction / idle",
        f"<span style='border-top:3px dashed {OFF_COLOUR};width:22px;display:inline-block'></span> switched off in scenario",
        "<span style='background:#ffd400;border:1px solid #000;border-radius:50%;width:10px;height:10px;display:inline-block'></span> assets with claims",
        esc(width),
    ]
    body = "<br>".join(items)
    return (
        "<div id='geo-legend' style='position:fixed;bottom:26px;right:10px;z-index:9999;background:rgba(255,255,255,.92);"
        f"padding:6px 9px;border:1px solid #999;border-radius:4px;font:12px/1.5 sans-serif'><b>Legend</b><br>{body}</div>"
    )
