"""Briefing export: a captioned, sourced map of a scenario as PNG, PDF or HTML.

PNG (1920x1080) and PDF (A4 landscape, selectable text) are drawn with matplotlib, so
they need no browser and the same inputs give the same bytes (the timestamp is an
argument). HTML is the interactive folium map with Leaflet inlined, so it opens offline.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import geopandas as gpd
import matplotlib as mpl
import pandas as pd
from matplotlib.figure import Figure

from geo.views import briefmap
from geo.views import tables as panels
from geo.views.brieftext import Block, Column, Style, agg_measure, fit_column, scaled
from geo.views.brieftext import draw as draw_column
from geo.views.safehtml import RawElement, render
from geo.views.tables import VERDICT_LABELS
from geo.views.webmap import MapState, build_map, esc

if TYPE_CHECKING:
    from collections.abc import Mapping

    from geo.workspace import Workspace

FORMATS = (".png", ".pdf", ".html")
PNG_SIZE = (1920, 1080)
A4_LANDSCAPE_IN = (11.69, 8.27)


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
    #: Article metadata by article id (author, outlets it cites), for the attribution chain.
    articles: dict[str, Any] = field(default_factory=dict)
    #: Min-max of headline metrics over every assumed figure at its low and high end (scenarios only).
    ranges: dict[str, tuple[float, float]] = field(default_factory=dict)


def default_title(result: Any, preset: str | None, off: tuple[str, ...], *, preset_title: str | None = None,
                  names: Mapping[str, str] | None = None) -> tuple[str, str]:
    """Title and subtitle naming the commodity, scenario and year.

    The scenario reads as in the dashboard: the preset's title and the switched-off routes' names (ids only when no
    name is given), both when a preset and own changes are combined.
    """
    names = names or {}
    switched = ", ".join(names.get(a, a) for a in off)
    parts = [preset_title or preset] if preset else []
    if off:
        parts.append(("switched off: " if preset else "custom: switched off: ") + switched)
    scenario = " + ".join(parts) or "baseline"
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


#: Layout in figure fractions, shared by the PNG and the A4 PDF: the map takes 0.73 x 0.835 = 61 % of the canvas.
MAP_RECT = (0.006, 0.075, 0.73, 0.835)
PANEL_X = (0.748, 0.994)
TITLE_TOP = 0.978
FOOTER_TOP = 0.066
_H1, _H2 = Style(24, weight="bold"), Style(12.5, color="#444444")
_HEAD = Style(13, weight="bold", space_before=14)
_BODY, _VALUE = Style(10.5, space_before=5), Style(10.5, weight="bold", space_before=5)
_NOTE = Style(9, color="#555555", space_before=4)
_QUOTE = Style(11, style="italic", space_before=8)
_FOOT = Style(8.5, color="#444444")


def _draw_map(fig: Figure, ax: Any, b: Briefing, *, scale: float, measure: Any) -> list[Any]:
    return briefmap.draw(fig, ax, b, scale=scale, measure=measure)


def _unit_of(metric: str) -> tuple[str, str]:
    """Split 'Total exports (Mt/y, 2023)' into ('Total exports', 'Mt/y'); shares become '%'."""
    m = re.match(r"^(.*?)\s*\(([^()]*)\)$", metric)
    if not m:
        return metric, ""
    label, inner = m.group(1), m.group(2)
    unit = inner.split(",")[0].strip()
    return label, ("" if unit.startswith("0-1") else unit)


def _value(v: float, unit: str) -> str:
    return f"{v:,.1f}" if unit in ("%", "Mt/y", "bcm/y") else f"{v:.2f}"


def _figure_blocks(b: Briefing) -> list[Block]:
    year, unit = b.result.year, b.result.unit
    blocks = [Block(f"Key figures, {year}: baseline → scenario", scaled(_HEAD, space_before=0), keep=True)]
    for metric, row in b.metrics.head(8).iterrows():
        label, u = _unit_of(str(metric))
        sep = "" if u in ("", "%") else " "
        value = f"{_value(row['baseline'], u)} → {_value(row['scenario'], u)}{sep}{u}"
        blocks.append(Block(label, _BODY, value=value, value_style=_VALUE, keep=True))
    blocks.append(Block(f"Network model (HiGHS linear program) calibrated on the observed {year} route volumes in data/flows.csv; "
                        f"volumes in {unit}, shares of exports in %; sources listed below the map.", _NOTE, keep=True))
    return blocks


#: How many binding constraints the briefing lists (the largest effect first; the dashboard lists all).
BINDING_SHOWN = 4


def _basis_short(bound: Any) -> str:
    """'source ID' or 'assumption [ID]': the note itself stays in the dashboard and the JSON."""
    if bound.assumption:
        return "assumption" + (f" [{bound.source}]" if bound.source else "")
    return f"source {bound.source}" if bound.source else str(bound.basis)


def _binding_blocks(b: Briefing) -> list[Block]:
    """What binds: the constraints that set the scenario's result, each with value, unit, year and basis."""
    bound = list(getattr(b.result, "binding", []) or [])
    if not bound:
        return []
    blocks = [Block("What binds", _HEAD, keep=True)]
    for x in bound[:BINDING_SHOWN]:
        value = "switched off" if x.kind == "switched_off" else f"{x.value:,.1f} {x.unit}, {x.year}"
        kind = "" if x.kind in ("capacity", "switched_off") else f" ({x.kind.replace('_', ' ')})"
        blocks.append(Block(f"{x.label}{kind}", _BODY, value=value, value_style=_VALUE, keep=True))
        if x.kind != "switched_off":
            blocks.append(Block(_basis_short(x), _NOTE, keep=True))
    if len(bound) > BINDING_SHOWN:
        blocks.append(Block(f"{len(bound) - BINDING_SHOWN} more binding constraint(s) in the dashboard and the JSON (key 'binding').", _NOTE))
    return blocks


def _range_blocks(b: Briefing) -> list[Block]:
    """The scenario's min-max over every assumed figure at its low and high end (sensitivity run)."""
    if not b.ranges:
        return []
    unit, year = b.result.unit, b.result.year
    blocks = [Block(f"Ranges over the assumed figures, {year}", _HEAD, keep=True)]
    if "stranded" in b.ranges:
        lo, hi = b.ranges["stranded"]
        blocks.append(Block("Stranded volume", _BODY, value=f"{lo:,.1f}–{hi:,.1f} {unit}", value_style=_VALUE, keep=True))
    if "share_via_russia" in b.ranges:
        lo, hi = b.ranges["share_via_russia"]
        blocks.append(Block("Share of exports via Russia", _BODY, value=f"{lo * 100:.1f}–{hi * 100:.1f}%", value_style=_VALUE, keep=True))
    blocks.append(Block("Each assumed figure set to its low and high end (±20 % unless network.yaml states a range), one at a time.",
                        _NOTE, keep=True))
    return blocks


def _attribution(c: Any, article: Any) -> str:
    """The full chain: the article (outlet, author, date), whom the claim is attributed to, and the outlets the article cites."""
    outlet = panels.text_or(c.outlet, "outlet unknown")
    who = ", ".join(x for x in (panels.text_or(getattr(article, "author", None), ""), panels.text_or(c.published, "undated")) if x)
    chain = [f"{outlet} ({who})", *(str(a) for a in list(c.attribution)[1:])]
    text = "Asserted by: " + " → ".join(chain)
    cites = list(getattr(article, "cites", []) or [])
    if cites:
        text += f". The article cites: {', '.join(str(x) for x in cites)}"
    return text + "."


def _claim_blocks(b: Briefing) -> list[Block]:
    if b.claims.empty:
        return []
    blocks = [Block("Claim" if len(b.claims) == 1 else f"Claims ({len(b.claims)})", _HEAD, keep=True)]
    for c in b.claims.itertuples():
        english = c.english if isinstance(c.english, str) and c.english else c.excerpt
        blocks.append(Block(f"“{english}”", _QUOTE))
        blocks.append(Block(_attribution(c, b.articles.get(c.article)), _NOTE))
        title = f"Article: {c.article_title}" if c.article_title else "Article: untitled"
        blocks.append(Block(title, _NOTE))
        figures = [f for f in c.evidence_text if getattr(f, "year", None) == b.result.year] or list(c.evidence_text)[:2]
        verdict = VERDICT_LABELS.get(c.verdict, str(c.verdict).replace("_", " "))
        evidence = "; ".join(f"{f.label} {_evidence_value(f)} ({f.year}; {', '.join(f.sources)})" for f in figures[:3])
        blocks.append(Block(f"Assessment: {verdict}" + (f". Evidence: {evidence}" if evidence else ""), scaled(_NOTE, color="#222222")))
    return blocks


def _evidence_value(f: Any) -> str:
    return f"{f.value * 100:.1f} %" if f.unit == "share" else f"{f.value:g} {f.unit}"


def _draw_text(fig: Figure, b: Briefing, *, left: float, scale: float, measure: Any = None) -> Column:
    """Title, key figures, claims and footer; all wrapped by measurement and fitted, never cut."""
    measure = measure or agg_measure(fig.dpi)
    fw, fh = fig.get_size_inches() * fig.dpi
    pad = 0.006 * fw
    title = fit_column([Block(b.title, _H1, keep=True), Block(b.subtitle, scaled(_H2, space_before=3), keep=True)],
                       width=fw - 2 * pad, height=(TITLE_TOP - MAP_RECT[1] - MAP_RECT[3]) * fh - 6, scale=scale, measure=measure)
    draw_column(fig, title, left=pad, top=TITLE_TOP * fh, width=fw - 2 * pad)
    top = (MAP_RECT[1] + MAP_RECT[3]) * fh
    width = (PANEL_X[1] - left) * fw
    panel = fit_column(_figure_blocks(b) + _binding_blocks(b) + _range_blocks(b) + _claim_blocks(b), width=width, height=top - FOOTER_TOP * fh - 4, scale=scale,
                       measure=measure, more=lambda n: Block(f"{n} more item(s) of the claims are in the dashboard's Claims tab.", _NOTE))
    draw_column(fig, panel, left=left * fw, top=top, width=width)
    basemap = "Basemap: Natural Earth 1:10m (public domain); towns: GeoNames (CC BY 4.0)"
    footer = f"{b.sources_line} · {basemap} · Made {b.made:%Y-%m-%d %H:%M} UTC with the energy-route claims dashboard"
    foot = fit_column([Block(footer, _FOOT, keep=True)], width=fw - 2 * pad, height=(FOOTER_TOP - 0.004) * fh, scale=scale,
                      measure=measure, min_scale=0.6)
    draw_column(fig, foot, left=pad, top=FOOTER_TOP * fh, width=fw - 2 * pad)
    return panel


def render_figure(b: Briefing, *, size_in: tuple[float, float], dpi: int, scale: float = 1.0) -> Figure:
    """The briefing as a matplotlib figure (not attached to pyplot, so nothing global is touched)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    fig = Figure(figsize=size_in, dpi=dpi, facecolor="white")
    FigureCanvasAgg(fig)
    measure = agg_measure(dpi)
    ax = fig.add_axes(MAP_RECT)
    for spine in ax.spines.values():
        spine.set_edgecolor("#777777")
    _draw_map(fig, ax, b, scale=scale, measure=measure)
    _draw_text(fig, b, left=PANEL_X[0], scale=scale, measure=measure)
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
            with mpl.rc_context(RC):
                if suffix == ".png":
                    fig = render_figure(b, **PNG_RENDER)
                    # zlib level 3, not the default 6: 0.17 s instead of 0.26 s to encode the slide, and no larger file.
                    fig.savefig(tmp, dpi=100, metadata={"Software": None}, pil_kwargs={"compress_level": 3})
                else:
                    fig = render_figure(b, **PDF_RENDER)
                    fig.savefig(tmp, format="pdf", metadata={"CreationDate": None, "ModDate": None, "Producer": None, "Creator": None,
                                                             "Title": b.title, "Subject": b.subtitle})
        tmp.replace(out)
    except BaseException:
        tmp.unlink(missing_ok=True)  # a failed write leaves nothing behind
        raise
    return out


#: Rendering settings of each format: same design, fonts scaled to the page (A4 is 0.61 x the slide's width).
RC: dict[str, Any] = {"pdf.fonttype": 42, "svg.hashsalt": "geo", "font.family": "DejaVu Sans", "path.simplify": True}
PNG_RENDER: dict[str, Any] = {"size_in": (PNG_SIZE[0] / 100, PNG_SIZE[1] / 100), "dpi": 100, "scale": 1.15}
PDF_RENDER: dict[str, Any] = {"size_in": A4_LANDSCAPE_IN, "dpi": 100, "scale": 0.66}


def _blocks_html(blocks: list[Block]) -> str:
    """Briefing blocks as HTML: headings as ``h3``, rows as 'label: value', notes small; all text escaped."""
    out = []
    for blk in blocks:
        if blk.style is _HEAD:
            out.append(f"<h3>{esc(blk.text)}</h3>")
        elif blk.value:
            out.append(f"<div>{esc(blk.text)}: <b>{esc(blk.value)}</b></div>")
        else:
            out.append(f"<div><small>{esc(blk.text)}</small></div>")
    return "\n".join(out)


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
    panel = str(render("briefing_panel.html", b=b, metrics=metrics, claims=claims, made=f"{b.made:%Y-%m-%d %H:%M}"))
    # What binds and the ranges, as in the PNG/PDF column: placed before the sources line (every text escaped).
    extra = _blocks_html(_binding_blocks(b) + _range_blocks(b))
    cut = panel.rfind("<p><small>")
    panel = panel[:cut] + extra + panel[cut:] if cut >= 0 else panel + extra
    root = fmap.get_root()
    root.html.add_child(RawElement(panel), name="brief_panel")
    # branca writes the title into <title> as it is, without escaping.
    root.title = esc(b.title)
    return fmap.get_root().render()


def make_briefing(
    workspace: Workspace | None = None,
    *,
    year: int,
    commodity: str = "oil",
    preset: str | None = None,
    off: tuple[str, ...] = (),
    capacity: dict[str, float] | None = None,
    claim_ids: tuple[str, ...] = (),
    bbox: tuple[float, float, float, float] | None = None,
    made: dt.datetime | None = None,
    committed: bool = False,
) -> Briefing:
    """Solve the scenario and gather what a briefing shows; unknown claim ids raise :class:`UnknownIdError`.

    ``committed`` applies the preset's committed volumes (as ``geo scenario --committed``); the subtitle then says so.

    ``workspace`` holds the validated tables (default: :meth:`Workspace.open` on the resolved folders).
    """
    from geo.errors import UnknownIdError
    from geo.routes import sensitivity
    from geo.workspace import Workspace

    ws = workspace if workspace is not None else Workspace.open()
    assets, flows, corp = ws.assets, ws.flows, ws.corpus
    baseline, result = ws.solve(year, commodity, preset=preset, off=off, capacity=capacity, committed=committed)
    ranges: dict[str, tuple[float, float]] = {}
    if preset or off or capacity:
        network, scen = ws.scenario(year, commodity, preset=preset, off=off, capacity=capacity, committed=committed)
        ranges = sensitivity.run_sensitivity(network, scen).ranges
    claims = panels.claims_frame(corp, flows)
    unknown = sorted(set(claim_ids) - set(claims["id"]))
    if unknown:
        msg = f"unknown claim id(s): {', '.join(unknown)}"
        raise UnknownIdError(msg)
    chosen = claims.set_index("id", drop=False).loc[list(claim_ids)] if claim_ids else claims.iloc[0:0]
    if bbox is None:
        minx, miny, maxx, maxy = assets[assets["commodity"].isin([commodity, "oil+gas"])].total_bounds
        bbox = (minx - 1, miny - 1, maxx + 1, maxy + 1)
    names = assets["name"].to_dict()
    title, subtitle = default_title(result, preset, off, preset_title=ws.preset_table().get(preset, {}).get("title") if preset else None,
                                    names=names)
    if capacity:
        units = assets["capacity_norm_unit"].to_dict()
        subtitle += " · capacities changed: " + ", ".join(f"{names.get(a, a)} {v:g} {units.get(a) or ''}".rstrip()
                                                           for a, v in sorted(capacity.items()))
    if committed:
        subtitle += " · committed volumes on (contracts and targets as lower bounds)"
    return Briefing(
        title=title, subtitle=subtitle, assets=assets, baseline=baseline, result=result,
        off=frozenset(result.off), claims=chosen, bbox=bbox,
        sources_line=sources_line(flows, assets, year, commodity),
        made=made or dt.datetime.now(dt.UTC).replace(second=0, microsecond=0),
        metrics=panels.metrics_frame(baseline, result),
        articles=dict(corp.articles),
        ranges=ranges,
    )
