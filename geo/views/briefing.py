"""Briefing export: a captioned, sourced map of a scenario as PNG, PDF or HTML.

PNG (1920x1080) and PDF (A4 landscape, selectable text) are drawn with matplotlib, so
they need no browser and the same inputs give the same bytes (the timestamp is an
argument). HTML is the interactive folium map with Leaflet inlined, so it opens offline.
"""

from __future__ import annotations

import datetime as dt
import os
import textwrap
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import geopandas as gpd
import matplotlib as mpl
import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from shapely.geometry import shape

from geo import settings
from geo.data.geodesy import haversine_km
from geo.data.schema import LINE_KINDS
from geo.views import offline
from geo.views import tables as panels
from geo.views.safehtml import RawElement, render
from geo.views.webmap import COLOURS, DASHES, OFF_COLOUR, RUSSIA_COLOUR, MapState, build_map, esc

FORMATS = (".png", ".pdf", ".html")
PNG_SIZE = (1920, 1080)
A4_LANDSCAPE_IN = (11.69, 8.27)
_MPL_DASH = {None: "-", "10 8": (0, (5, 4)), "4 6": (0, (2, 3)), "1 6": (0, (0.5, 3)), "1 10": (0, (0.5, 5))}


@dataclass(frozen=True)
class Briefing:
    """Everything one briefing shows."""

    title: str
    subtitle: str
    assets: gpd.GeoDataFrame
    baseline: Any
    result: Any
    off: frozenset[str]
    claims: pd.DataFrame
    bbox: tuple[float, float, float, float]
    sources_line: str
    made: dt.datetime
    metrics: pd.DataFrame = field(default_factory=pd.DataFrame)


def default_title(result: Any, preset: str | None, off: tuple[str, ...]) -> tuple[str, str]:
    """Title and subtitle naming the commodity, scenario and year."""
    scenario = preset or ("custom: " + ", ".join(off) if off else "baseline")
    title = f"Kazakhstan's {result.commodity} export routes, {result.year}"
    subtitle = f"Scenario: {scenario} · volumes in {result.unit} (network model calibrated on observed {result.year} route volumes)"
    return title, subtitle


def sources_line(flows: pd.DataFrame, assets: gpd.GeoDataFrame, year: int, commodity: str) -> str:
    """One line naming the data files, the years of the capacities and the sources of the year's flows."""
    years = assets["capacity_year"].dropna().astype(int)
    flow_sources = sorted(set(flows[(flows["year"] == year) & (flows["commodity"] == commodity) & flows["primary"]]["source"]))
    cap = f"capacities as of {years.min()}-{years.max()}" if not years.empty else "no capacities"
    return (f"Sources: data/assets.geojson ({cap}); data/flows.csv ({commodity} {year}: {', '.join(flow_sources) or 'none'}); "
            "bibliography in data/sources.yaml")


def _draw_map(ax: Any, b: Briefing) -> None:
    west, south, east, north = b.bbox
    ax.set_facecolor("#d4e6f1")
    for feature in offline.country_outlines()["features"]:
        geom = shape(feature["geometry"])
        for poly in getattr(geom, "geoms", [geom]):
            x, y = poly.exterior.xy
            ax.fill(x, y, facecolor="#f2efe9", edgecolor="#999999", linewidth=0.5, zorder=1)
    flows = dict(b.result.asset_flows)
    lines = b.assets[b.assets["kind"].isin(LINE_KINDS)]
    max_flow = max([flows.get(i, 0.0) for i in lines.index] + [1e-9])
    for row in lines.itertuples():
        off = row.id in b.off
        width = 1.2 + 6.0 * flows.get(row.id, 0.0) / max_flow
        other = row.commodity not in (b.result.commodity, "oil+gas")
        for part in getattr(row.geometry, "geoms", [row.geometry]):
            x, y = part.xy
            if (row.crosses_russia or row.ends_at_russian_port) and not off:
                ax.plot(x, y, color=RUSSIA_COLOUR, alpha=0.1 if other else 0.3, linewidth=width + 4, solid_capstyle="round", zorder=2)
            ax.plot(x, y, color=OFF_COLOUR if off else COLOURS[row.commodity], linewidth=1.2 if off else width,
                    linestyle=(0, (3, 3)) if off else _MPL_DASH.get(DASHES[row.status], "-"), zorder=3, alpha=0.45 if other else 1.0)
    points = b.assets[~b.assets["kind"].isin(LINE_KINDS) & b.assets["kind"].isin(["port", "terminal", "field", "refinery", "border_crossing"])]
    labelled: list[tuple[float, float]] = []
    for row in points.itertuples():
        ax.scatter(row.geometry.x, row.geometry.y, s=28, color=OFF_COLOUR if row.id in b.off else COLOURS[row.commodity],
                   edgecolor=RUSSIA_COLOUR if row.ends_at_russian_port or "RU" in row.countries else "#333333", linewidth=1, zorder=4)
        near = any(abs(row.geometry.x - x) < 0.04 * (east - west) and abs(row.geometry.y - y) < 0.02 * (north - south) for x, y in labelled)
        mine = row.commodity in (b.result.commodity, "oil+gas")
        if west <= row.geometry.x <= east and south <= row.geometry.y <= north and row.kind in ("port", "terminal", "refinery") and mine and not near:
            labelled.append((row.geometry.x, row.geometry.y))
            ax.annotate(row.name.split(" (")[0], (row.geometry.x, row.geometry.y), xytext=(4, 3), textcoords="offset points",
                        fontsize=7, color="#222222", zorder=5, annotation_clip=True).set_parse_math(False)
    ax.set_xlim(west, east)
    ax.set_ylim(south, north)
    ax.set_aspect(1 / np.cos(np.radians((south + north) / 2)))
    ax.set_xticks([])
    ax.set_yticks([])
    _scale_bar(ax, b.bbox)
    handles = [
        Line2D([], [], color=COLOURS["oil"], lw=3, label="oil"),
        Line2D([], [], color=COLOURS["gas"], lw=3, label="gas"),
        Line2D([], [], color=RUSSIA_COLOUR, lw=7, alpha=0.3, label="crosses Russia / ends at a Russian port"),
        Line2D([], [], color="#555555", lw=2, linestyle=(0, (5, 4)), label="proposed / construction"),
        Line2D([], [], color=OFF_COLOUR, lw=1.5, linestyle=(0, (3, 3)), label="switched off in scenario"),
        Line2D([], [], color="#555555", lw=5, label=f"line width: modelled flow ({b.result.unit}, {b.result.year})"),
    ]
    ax.legend(handles=handles, loc="lower left", fontsize=8, framealpha=0.92)


def _scale_bar(ax: Any, bbox: tuple[float, float, float, float]) -> None:
    west, south, east, north = bbox
    lat = south + 0.06 * (north - south)
    km_per_deg = float(haversine_km(0.0, lat, 1.0, lat))
    target = (east - west) * km_per_deg / 5
    length_km = next(v for v in (2000, 1000, 500, 200, 100, 50, 20, 10, 5) if v <= max(target, 5))
    x0 = east - 0.04 * (east - west) - length_km / km_per_deg
    ax.plot([x0, x0 + length_km / km_per_deg], [lat, lat], color="#111111", linewidth=3, zorder=6, solid_capstyle="butt")
    ax.text(x0 + length_km / km_per_deg / 2, lat + 0.012 * (north - south), f"{length_km} km", ha="center", fontsize=8, zorder=6)


def _draw_text(fig: Figure, b: Briefing, *, left: float, scale: float) -> None:
    def text(x: float, y: float, s: str, **kw: Any) -> None:
        fig.text(x, y, s, parse_math=False, **kw)

    text(0.02, 0.955, b.title, fontsize=22 * scale, weight="bold", va="top")
    text(0.02, 0.905, b.subtitle, fontsize=11 * scale, color="#444444", va="top")
    y = 0.86
    text(left, y, "Key figures: baseline → scenario", fontsize=12 * scale, weight="bold", va="top")
    y -= 0.04
    for metric, row in b.metrics.head(8).iterrows():
        text(left, y, textwrap.shorten(str(metric), 52), fontsize=8.5 * scale, va="top")
        text(0.985, y, f"{row['baseline']:.2f} → {row['scenario']:.2f} ({row['change']:+.2f})", fontsize=8.5 * scale, va="top", ha="right")
        y -= 0.03
    y -= 0.02
    if not b.claims.empty:
        text(left, y, "Claims", fontsize=12 * scale, weight="bold", va="top")
        y -= 0.04
        for c in b.claims.head(3).itertuples():
            english = c.english if isinstance(c.english, str) else c.excerpt
            quote = "\n".join(textwrap.wrap(f"“{textwrap.shorten(english, 230)}”", 58))
            text(left, y, quote, fontsize=8.5 * scale, va="top", style="italic")
            y -= 0.027 * (quote.count("\n") + 1) + 0.005
            cite = f"{c.article_title} · {panels.text_or(c.outlet, 'outlet unknown')} · {panels.text_or(c.published, 'undated')} · {c.verdict}"
            text(left, y, "\n".join(textwrap.wrap(cite, 70)), fontsize=7.5 * scale, color="#555555", va="top")
            y -= 0.03 * (cite.count("\n") + 1) + 0.03
    footer = f"{b.sources_line} · Made {b.made:%Y-%m-%d %H:%M} UTC with the energy-route claims dashboard"
    text(0.02, 0.02, "\n".join(textwrap.wrap(footer, 230)), fontsize=7 * scale, color="#444444", va="bottom")


def render_figure(b: Briefing, *, size_in: tuple[float, float], dpi: int, scale: float = 1.0) -> Figure:
    """The briefing as a matplotlib figure (not attached to pyplot, so nothing global is touched)."""
    fig = Figure(figsize=size_in, dpi=dpi, facecolor="white")
    ax = fig.add_axes((0.02, 0.08, 0.62, 0.78))
    _draw_map(ax, b)
    _draw_text(fig, b, left=0.66, scale=scale)
    return fig


def write(b: Briefing, out: Path) -> Path:
    """Write the briefing to ``out``; the suffix (.png, .pdf, .html) picks the format."""
    suffix = out.suffix.lower()
    if suffix not in FORMATS:
        msg = f"{out.name}: unsupported format {suffix!r}; use one of {', '.join(FORMATS)}"
        raise ValueError(msg)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f".{out.name}.{os.getpid()}.tmp{suffix}")
    try:
        if suffix == ".html":
            tmp.write_text(html_page(b), encoding="utf-8")
        else:
            with mpl.rc_context({"pdf.fonttype": 42, "svg.hashsalt": "geo", "font.family": "DejaVu Sans"}):
                if suffix == ".png":
                    fig = render_figure(b, size_in=(PNG_SIZE[0] / 100, PNG_SIZE[1] / 100), dpi=100, scale=1.35)
                    fig.savefig(tmp, dpi=100, metadata={"Software": None})
                else:
                    fig = render_figure(b, size_in=A4_LANDSCAPE_IN, dpi=100, scale=0.78)
                    fig.savefig(tmp, format="pdf", metadata={"CreationDate": None, "ModDate": None, "Producer": None, "Creator": None,
                                                             "Title": b.title, "Subject": b.subtitle})
        tmp.replace(out)
    except BaseException:
        tmp.unlink(missing_ok=True)  # a failed write leaves nothing behind
        raise
    return out


def html_page(b: Briefing) -> str:
    """A self-contained interactive page: the map with Leaflet inlined and the caption around it."""
    fmap = build_map(b.assets, state=MapState(flows=dict(b.result.asset_flows), flow_unit=b.result.unit, flow_year=b.result.year,
                                               off=b.off, asset_prefix=None, fit=b.bbox,
                                               highlight=frozenset(a for ids in b.claims.get("asset_ids", []) for a in ids)),
                     claims=b.claims)
    metrics = [(m, f"{r['baseline']:.2f}", f"{r['scenario']:.2f}", f"{r['change']:+.2f}") for m, r in b.metrics.iterrows()]
    claims = [{"excerpt": c.excerpt, "title": c.article_title, "outlet": panels.text_or(c.outlet, "outlet unknown"),
               "published": panels.text_or(c.published, "undated"),
               "verdict": c.verdict} for c in b.claims.head(5).itertuples()]
    panel = render("briefing_panel.html", b=b, metrics=metrics, claims=claims, made=f"{b.made:%Y-%m-%d %H:%M}")
    root = fmap.get_root()
    root.html.add_child(RawElement(panel), name="brief_panel")
    # branca writes the title into <title> as it is, without escaping.
    root.title = esc(b.title)
    return fmap.get_root().render()


def make_briefing(
    *,
    year: int,
    commodity: str = "oil",
    preset: str | None = None,
    off: tuple[str, ...] = (),
    capacity: dict[str, float] | None = None,
    claim_ids: tuple[str, ...] = (),
    bbox: tuple[float, float, float, float] | None = None,
    made: dt.datetime | None = None,
    data_dir: Path | str | None = None,
    corpus_dir: Path | str | None = None,
) -> Briefing:
    """Solve the scenario and gather what a briefing shows; unknown claim ids raise :class:`UnknownIdError`."""
    from geo.data import corpus, load
    from geo.errors import UnknownIdError
    from geo.routes import scenario

    assets = load.load_assets(data_dir)
    flows = load.load_flows(data_dir)
    baseline, result = scenario.run(year, commodity, preset=preset, off=off, capacity=capacity, data_dir=data_dir)
    corpus_dir = settings.SEEDS_DIR if corpus_dir is None else corpus_dir
    claims = panels.claims_frame(corpus.load_corpus(data_dir, corpus_dir, asset_ids=set(assets.index)), flows)
    unknown = sorted(set(claim_ids) - set(claims["id"]))
    if unknown:
        msg = f"unknown claim id(s): {', '.join(unknown)}"
        raise UnknownIdError(msg)
    chosen = claims.set_index("id", drop=False).loc[list(claim_ids)] if claim_ids else claims.iloc[0:0]
    if bbox is None:
        minx, miny, maxx, maxy = assets[assets["commodity"].isin([commodity, "oil+gas"])].total_bounds
        bbox = (minx - 1, miny - 1, maxx + 1, maxy + 1)
    title, subtitle = default_title(result, preset, off)
    if capacity:
        subtitle += " · capacities changed: " + ", ".join(f"{a} {v:g}" for a, v in sorted(capacity.items()))
    return Briefing(
        title=title, subtitle=subtitle, assets=assets, baseline=baseline, result=result,
        off=frozenset(result.off), claims=chosen, bbox=bbox,
        sources_line=sources_line(flows, assets, year, commodity),
        made=made or dt.datetime.now(dt.UTC).replace(second=0, microsecond=0),
        metrics=panels.metrics_frame(baseline, result),
    )
