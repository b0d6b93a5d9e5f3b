"""The map of a PNG/PDF briefing: Natural Earth basemap, routes, terminals, labels, legend, locator inset.

Colours are chosen for readers with colour-vision deficiency (checked with a simulator in
tests/test_brief_visual.py): oil and gas differ in hue *and* lightness, Russian exposure is
a dark wine casing (told apart from the orange oil line by lightness, not only hue), and a
switched-off route is grey *and* dashed.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from matplotlib.collections import LineCollection, PolyCollection
from matplotlib.lines import Line2D
from matplotlib.patches import Rectangle
from matplotlib.patheffects import withStroke

from geo.data import basemap
from geo.data.geodesy import haversine_km
from geo.data.schema import LINE_KINDS
from geo.views import labels
from geo.views.brieftext import Measure, Style
from geo.views.webmap import DASHES

#: Briefing palette (checked for deuteranopia, protanopia and tritanopia in the visual tests).
PALETTE = {
    "oil": "#b35806", "gas": "#2166ac", "oil+gas": "#4d4d4d", "off": "#9e9e9e", "russia": "#67001f",
    "land": "#f2efe9", "sea": "#d4e6f1", "coast": "#7f9db5", "border": "#8c8c8c", "admin1": "#d3cdc2", "town": "#6b6b6b",
}
_MPL_DASH = {None: "-", "10 8": (0, (5, 4)), "4 6": (0, (2, 3)), "1 6": (0, (0.5, 3)), "1 10": (0, (0.5, 5))}
_MARKERS = {"field": "^", "port": "o", "terminal": "o", "refinery": "s", "border_crossing": "D"}
_ROUTE_LABEL = Style(9.5, weight="bold")
_POINT_LABEL = Style(8.5)
_TOWN_LABEL = Style(7.5, style="italic", color=PALETTE["town"])
#: Towns of at least this population get a dot and, where there is room, a name.
TOWN_MIN_POPULATION = 750_000


def fit_extent(bbox: tuple[float, float, float, float], width_px: float, height_px: float) -> tuple[float, float, float, float]:
    """Grow ``bbox`` (lon/lat) about its centre so that, drawn with east-west distances scaled by cos(latitude), it fills the axes.

    A 10° square at 5°N in a 2:1 box: the width grows to 2 x 10 / cos(5°) degrees of longitude.

    >>> w, s, e, n = fit_extent((0.0, 0.0, 10.0, 10.0), 200, 100)
    >>> round(float(e - w), 3), round(float(n - s), 3)
    (20.076, 10.0)
    """
    west, south, east, north = bbox
    k = np.cos(np.radians((south + north) / 2))
    want = width_px / height_px
    have = (east - west) * k / (north - south)
    if have > want:
        half = (east - west) * k / want / 2
        mid = (south + north) / 2
        return west, mid - half, east, mid + half
    half = (north - south) * want / k / 2
    mid = (west + east) / 2
    return mid - half, south, mid + half, north


def within_region(extent: tuple[float, float, float, float], region: tuple[float, float, float, float]) -> tuple[float, float, float, float]:
    """Shift ``extent`` (keeping its size) so that it stays inside ``region`` where it can: no empty band beyond the basemap.

    >>> within_region((0.0, 50.0, 10.0, 70.0), (-5.0, 30.0, 20.0, 63.0))
    (0.0, 43.0, 10.0, 63.0)
    """
    west, south, east, north = extent
    for lo, hi, rlo, rhi, axis in ((west, east, region[0], region[2], 0), (south, north, region[1], region[3], 1)):
        shift = 0.0
        if hi - lo <= rhi - rlo:
            shift = rhi - hi if hi > rhi else (rlo - lo if lo < rlo else 0.0)
        if axis == 0:
            west, east = west + shift, east + shift
        else:
            south, north = south + shift, north + shift
    return west, south, east, north


def draw_basemap(ax: Any, extent: tuple[float, float, float, float]) -> None:
    """Land, lakes, province lines, borders and coastline from the offline Natural Earth extract."""
    ax.set_facecolor(PALETTE["sea"])
    ax.add_collection(PolyCollection(basemap.basemap_paths("countries"), facecolors=PALETTE["land"], edgecolors="none", zorder=1))
    ax.add_collection(PolyCollection(basemap.basemap_paths("lakes"), facecolors=PALETTE["sea"], edgecolors=PALETTE["coast"],
                                     linewidths=0.4, zorder=1.1))
    ax.add_collection(LineCollection(basemap.basemap_paths("admin1"), colors=PALETTE["admin1"], linewidths=0.4, zorder=1.2))
    ax.add_collection(LineCollection(basemap.basemap_paths("borders"), colors=PALETTE["border"], linewidths=0.8, zorder=1.3))
    ax.add_collection(LineCollection(basemap.basemap_paths("coastline"), colors=PALETTE["coast"], linewidths=0.6, zorder=1.4))


def _line_anchors(ax: Any, geom: Any, extent: tuple[float, float, float, float]) -> tuple[tuple[float, float], ...]:
    """Points along the visible part of a line, in pixels, from its middle outwards."""
    west, south, east, north = extent
    parts = getattr(geom, "geoms", [geom])
    xy = np.concatenate([np.asarray(p.coords) for p in parts])
    xy = xy[(xy[:, 0] >= west) & (xy[:, 0] <= east) & (xy[:, 1] >= south) & (xy[:, 1] <= north)]
    if len(xy) < 2:
        return ()
    px = ax.transData.transform(xy)
    seg = np.hypot(*np.diff(px, axis=0).T)
    cum = np.concatenate([[0.0], np.cumsum(seg)])
    out = []
    for frac in (0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8, 0.12, 0.88):
        d = frac * cum[-1]
        out.append((float(np.interp(d, cum, px[:, 0])), float(np.interp(d, cum, px[:, 1]))))
    return tuple(out)


def draw_routes(ax: Any, b: Any, *, scale: float) -> list[tuple[Any, float]]:
    """Lines (width by modelled flow, casing for Russian exposure) and point assets; returns the lines drawn with their flow."""
    flows = dict(b.result.asset_flows)
    base = dict(b.baseline.asset_flows)
    lines = b.assets[b.assets["kind"].isin(LINE_KINDS)]
    max_flow = max([flows.get(i, 0.0) for i in lines.index] + [1e-9])
    drawn = []
    for row in lines.itertuples():
        off = row.id in b.off
        other = row.commodity not in (b.result.commodity, "oil+gas")
        width = (1.2 + 6.0 * flows.get(row.id, 0.0) / max_flow) * scale
        colour = PALETTE["off"] if off else PALETTE[row.commodity]
        style = (0, (3, 3)) if off else _MPL_DASH.get(DASHES[row.status], "-")
        for part in getattr(row.geometry, "geoms", [row.geometry]):
            x, y = part.xy
            if (row.crosses_russia or row.ends_at_russian_port) and not off and not other:
                ax.plot(x, y, color=PALETTE["russia"], linewidth=width + 3.2 * scale, solid_capstyle="round", zorder=2)
            ax.plot(x, y, color=colour, linewidth=1.4 * scale if off else width, linestyle=style, zorder=3,
                    alpha=0.35 if other else 1.0, solid_capstyle="round")
        if not other:
            drawn.append((row, max(flows.get(row.id, 0.0), base.get(row.id, 0.0))))
    return drawn


def draw_points(ax: Any, b: Any, *, scale: float) -> list[Any]:
    """Fields, ports, terminals, refineries and border crossings of the briefing's commodity."""
    points = b.assets[b.assets["kind"].isin(list(_MARKERS))]
    shown = []
    for row in points.itertuples():
        other = row.commodity not in (b.result.commodity, "oil+gas")
        russian = bool(row.ends_at_russian_port) or "RU" in row.countries
        ax.scatter(row.geometry.x, row.geometry.y, s=46 * scale**2, marker=_MARKERS[row.kind], zorder=4,
                   color=PALETTE["off"] if row.id in b.off else PALETTE[row.commodity], alpha=0.35 if other else 1.0,
                   edgecolor=PALETTE["russia"] if russian else "#222222", linewidth=1.6 * scale if russian else 0.8 * scale)
        if not other:
            shown.append(row)
    return shown


def legend(ax: Any, b: Any, *, scale: float, loc: str = "lower left") -> Any:
    """The key, in the corner ``loc``."""
    unit = f"{b.result.unit}, {b.result.year}"
    mine = b.result.commodity if b.result.commodity in ("oil", "gas") else "oil"
    handles = [
        Line2D([], [], color=PALETTE["oil"], lw=3, alpha=1.0 if mine == "oil" else 0.35, label="oil route"),
        Line2D([], [], color=PALETTE["gas"], lw=3, alpha=1.0 if mine == "gas" else 0.35, label="gas route"),
        Line2D([], [], color=PALETTE[mine], lw=3, path_effects=[withStroke(linewidth=6.5, foreground=PALETTE["russia"])],
               label="dark casing: via Russia / Russian port"),
        Line2D([], [], color="#555555", lw=2, linestyle=(0, (5, 4)), label="proposed / under construction"),
        Line2D([], [], color=PALETTE["off"], lw=1.5, linestyle=(0, (3, 3)), label="switched off in this scenario"),
        Line2D([], [], color="#555555", lw=5, label=f"line width: modelled flow ({unit})"),
        Line2D([], [], color="#555555", marker="^", lw=0, markersize=6 * scale, label="field"),
        Line2D([], [], color="#555555", marker="o", lw=0, markersize=6 * scale, label="port / terminal"),
        Line2D([], [], color="#555555", marker="o", lw=0, markeredgecolor=PALETTE["russia"], markeredgewidth=2 * scale,
               markersize=6 * scale, label="Russian port"),
        Line2D([], [], color="white", marker="o", lw=0, markeredgecolor=PALETTE["town"], markersize=4 * scale,
               label="town > 750,000 people"),
    ]
    return ax.legend(handles=handles, loc=loc, fontsize=8 * scale, framealpha=0.94, borderpad=0.5, handlelength=2.4, ncol=2,
                     columnspacing=1.2, labelspacing=0.35, edgecolor="#999999")


def scale_bar(ax: Any, extent: tuple[float, float, float, float], *, scale: float, y: float = 0.05) -> tuple[float, float, float, float]:
    """A metric scale bar at the right, ``y`` up the map; returns its box in pixels (an obstacle for labels)."""
    west, south, east, north = extent
    lat = south + y * (north - south)
    km_per_deg = float(haversine_km(0.0, lat, 1.0, lat))
    target = (east - west) * km_per_deg / 6
    length_km = next(v for v in (2000, 1000, 500, 200, 100, 50, 20, 10, 5) if v <= max(target, 5))
    x1 = east - 0.03 * (east - west)
    x0 = x1 - length_km / km_per_deg
    ax.plot([x0, x1], [lat, lat], color="#111111", linewidth=3 * scale, zorder=6, solid_capstyle="butt")
    ax.text((x0 + x1) / 2, lat + 0.012 * (north - south), f"{length_km} km", ha="center", va="bottom", fontsize=9 * scale, zorder=6,
            path_effects=[withStroke(linewidth=2.5 * scale, foreground="white")])
    (px0, py0), (px1, py1) = ax.transData.transform([(x0, lat), (x1, lat + 0.05 * (north - south))])
    return px0 - 4, py0 - 6, px1 + 4, py1


def inset(fig: Any, ax: Any, extent: tuple[float, float, float, float], *, scale: float) -> tuple[float, float, float, float]:
    """A locator inset at the upper right of the map; returns its box in pixels."""
    pos = ax.get_position()
    w, h = 0.19 * pos.width, 0.19 * pos.width * fig.get_figwidth() / fig.get_figheight() * 0.62
    box = (pos.x1 - w - 0.006, pos.y1 - h - 0.01, w, h)
    loc = fig.add_axes(box, zorder=7)
    loc.set_facecolor(PALETTE["sea"])
    loc.add_collection(PolyCollection(basemap.basemap_paths("world"), facecolors="#e4ded3", edgecolors="#b8b2a6", linewidths=0.3))
    west, south, east, north = extent
    loc.add_patch(Rectangle((west, south), east - west, north - south, fill=False, edgecolor=PALETTE["russia"], linewidth=1.6 * scale))
    loc.set_xlim(basemap.WORLD[0], basemap.WORLD[2])
    loc.set_ylim(basemap.WORLD[1], basemap.WORLD[3])
    loc.set_xticks([])
    loc.set_yticks([])
    for spine in loc.spines.values():
        spine.set_edgecolor("#777777")
    loc.text(0.03, 0.05, "Locator: Europe and Asia", transform=loc.transAxes, fontsize=7.5 * scale, color="#333333",
             path_effects=[withStroke(linewidth=2, foreground="white")])
    fw, fh = fig.get_size_inches() * fig.dpi
    return box[0] * fw - 4, box[1] * fh - 4, (box[0] + box[2]) * fw + 4, (box[1] + box[3]) * fh + 4


#: Half-size of a marker's box (pixels at scale 1) and the clearance the placement keeps around every label.
_MARKER_BOX, _PAD = 3.0, 2.0


def _gap(scale: float) -> float:
    """Marker-to-label gap: wider than the marker's box plus the clearance on both sides, so a label never hits its own marker."""
    return _MARKER_BOX * scale + 2 * _PAD + 1


def draw_labels(ax: Any, b: Any, lines: list[tuple[Any, float]], points: list[Any], towns: list[tuple[str, float, float, int]], *,
                extent: tuple[float, float, float, float], obstacles: list[tuple[float, float, float, float]], scale: float,
                measure: Measure) -> list[labels.Placed]:
    """Route, terminal, field and town names placed so that none overlaps another, a marker, the legend or the inset."""
    requests: list[labels.Request] = []
    route_font, point_font, town_font = _ROUTE_LABEL.font(scale), _POINT_LABEL.font(scale), _TOWN_LABEL.font(scale)
    by_text: dict[str, tuple[Any, float]] = {}
    for row, flow in lines:
        text = labels.line_label(row.name, row.aliases, row.kind)
        # Segments of one named route (the Kazakhstan-China pipeline) get one label, on the longest segment.
        if text not in by_text or row.geometry.length > by_text[text][0].geometry.length:
            by_text[text] = (row, max(flow, by_text.get(text, (row, 0.0))[1]))
    for text, (row, flow) in by_text.items():
        anchors = _line_anchors(ax, row.geometry, extent)
        if anchors:
            prio = -flow if flow > 0 or row.id in b.off else 20 - row.geometry.length / 100
            requests.append(labels.Request(row.id, text, anchors, measure(text, route_font), priority=prio, on_line=True, gap=5 * scale))
    west, south, east, north = extent
    for row in points:
        if not (west <= row.geometry.x <= east and south <= row.geometry.y <= north):
            continue
        text = labels.point_label(row.name)
        ax_, ay_ = ax.transData.transform((row.geometry.x, row.geometry.y))
        anchor = (float(ax_), float(ay_))
        prio = 10 if row.kind in ("port", "terminal", "refinery", "border_crossing") else 15
        requests.append(labels.Request(row.id, text, (anchor,), measure(text, point_font), priority=prio, gap=_gap(scale) + 1))
    r = _MARKER_BOX * scale
    frame = tuple(ax.get_window_extent().extents)
    asset_markers = [(x - r, y - r, x + r, y + r) for req in requests if not req.on_line for x, y in req.anchors]
    placed = labels.place(requests, frame=frame, obstacles=[*obstacles, *asset_markers], pad=_PAD)
    # Towns come second: an asset's name may cover a town's dot (the dot is then not drawn), never the other way round.
    taken = [p.box for p in placed]
    kept = []
    for name, lon, lat, pop in towns:
        x, y = (float(v) for v in ax.transData.transform((lon, lat)))
        dot = (x - r, y - r, x + r, y + r)
        if not any(labels.overlaps(dot, t) for t in [*taken, *obstacles, *asset_markers]):
            kept.append((name, lon, lat, pop, (x, y), dot))
    town_requests = [labels.Request(f"town:{name}", name, (anchor,), measure(name, town_font), priority=-pop, gap=_gap(scale))
                     for name, _lon, _lat, pop, anchor, _dot in kept]
    placed += labels.place(town_requests, frame=frame, obstacles=[*obstacles, *asset_markers, *taken, *[k[5] for k in kept]], pad=_PAD)
    if kept:
        ax.scatter([k[1] for k in kept], [k[2] for k in kept], s=9 * scale**2, facecolor="white", edgecolor=PALETTE["town"],
                   linewidth=0.8 * scale, zorder=1.6)
    inv = ax.transData.inverted()
    for p in placed:
        x, y = inv.transform(p.centre)
        req = p.request
        if req.on_line:
            font, colour = route_font, "#3a1f00" if b.result.commodity == "oil" else "#0b2a4a"
        elif req.key.startswith("town:"):
            font, colour = town_font, _TOWN_LABEL.color
        else:
            font, colour = point_font, "#111111"
        ax.text(x, y, req.text, fontproperties=font, color=colour, ha="center", va="center", zorder=5.5, parse_math=False,
                path_effects=[withStroke(linewidth=2.8 * scale, foreground="white")])
    return placed


def _legend_where_least_covered(ax: Any, b: Any, renderer: Any, *, scale: float) -> Any:
    """The key in the lower corner that hides the fewest vertices of the briefing's assets (the left one on a tie).

    The upper right holds the locator and the upper left the Baltic terminals, so only the lower corners are tried.
    """
    mine = b.assets[b.assets["commodity"].isin([b.result.commodity, "oil+gas"])]
    xy = np.concatenate([np.asarray(part.coords) for g in mine.geometry for part in getattr(g, "geoms", [g])])
    px = ax.transData.transform(xy)
    best: tuple[int, str] | None = None
    for loc in ("lower left", "lower right"):
        key = legend(ax, b, scale=scale, loc=loc)
        x0, y0, x1, y1 = key.get_window_extent(renderer).extents
        hidden = int(((px[:, 0] >= x0) & (px[:, 0] <= x1) & (px[:, 1] >= y0) & (px[:, 1] <= y1)).sum())
        key.remove()
        if best is None or hidden < best[0]:
            best = (hidden, loc)
    return legend(ax, b, scale=scale, loc=best[1] if best else "lower left")


def draw(fig: Any, ax: Any, b: Any, *, scale: float, measure: Measure) -> list[labels.Placed]:
    """The whole map in ``ax``; returns the labels placed (for tests)."""
    pos = ax.get_position()
    fw, fh = fig.get_size_inches() * fig.dpi
    extent = within_region(fit_extent(b.bbox, pos.width * fw, pos.height * fh), basemap.REGION)
    west, south, east, north = extent
    ax.set_xlim(west, east)
    ax.set_ylim(south, north)
    ax.set_xticks([])
    ax.set_yticks([])
    draw_basemap(ax, extent)
    towns = basemap.towns(extent, min_population=TOWN_MIN_POPULATION)
    lines = draw_routes(ax, b, scale=scale)
    points = draw_points(ax, b, scale=scale)
    renderer = fig.canvas.get_renderer()
    key = _legend_where_least_covered(ax, b, renderer, scale=scale)
    box = tuple(key.get_window_extent(renderer).extents)
    # The scale bar goes above the key when the key took the lower right corner.
    frame = ax.get_window_extent().extents
    bar_y = 0.05 if box[0] < (frame[0] + frame[2]) / 2 else (box[3] - frame[1]) / (frame[3] - frame[1]) + 0.03
    obstacles = [box, scale_bar(ax, extent, scale=scale, y=bar_y), inset(fig, ax, extent, scale=scale)]
    return draw_labels(ax, b, lines, points, towns, extent=extent, obstacles=obstacles, scale=scale, measure=measure)
