"""Panel logic of the dashboard: tables and escaped HTML, no Streamlit here.

The app lays these out; tests call them directly. HTML comes only from the autoescaping
templates in ``geo/views/templates/`` (see :mod:`geo.views.safehtml`): text from articles is a value
there, never markup.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

import pandas as pd

from geo.claims import evidence
from geo.claims.extract import split_sentences
from geo.data.corpus import Corpus
from geo.routes import scenario
from geo.views.safehtml import render

VERDICT_LABELS = {
    "supported": "supported",
    "partly_supported": "partly supported",
    "contradicted": "contradicted",
    "not_verifiable": "not verifiable",
}


def readable(slug: Any) -> str:
    """A data slug as words: ``partly_supported`` → ``partly supported``, ``military_symbolic`` → ``military symbolic``."""
    return str(slug).replace("_", " ").replace("-", " ") if isinstance(slug, str) and not slug.startswith("(") else str(slug)


def claim_option(row: Any) -> str:
    """A claim as a list option: the English rendering (else the excerpt), shortened, and its assessment."""
    text = row["english"] if isinstance(row["english"], str) and row["english"] else row["excerpt"]
    short = text if len(text) <= 90 else text[:89].rstrip() + "…"
    return f"{short} ({VERDICT_LABELS.get(row['verdict'], readable(row['verdict']))})"


def claims_frame(corpus: Corpus, flows: pd.DataFrame) -> pd.DataFrame:
    """One row per claim: excerpt, article title, outlet, date, attribution, verdict, evidence."""
    frame = corpus.claims_frame()
    if frame.empty:
        return frame
    frame["verdict"] = [a["verdict"] if a else "not assessed" for a in frame["assessment"]]
    frame["attribution_chain"] = [" → ".join(chain) for chain in frame["attribution"]]
    frame["evidence_text"] = [
        [evidence.compute(flows, evidence.Evidence(**e)) for e in (a or {}).get("evidence", [])] for a in frame["assessment"]
    ]
    return frame


def text_or(value: Any, default: str) -> str:
    """``value`` as text, or ``default`` when it is missing (``None``, NaN or empty)."""
    if value is None or (isinstance(value, float) and value != value) or value == "":
        return default
    return str(value)


def filter_claims(
    frame: pd.DataFrame, *, article: str | None = None, asset: str | None = None, claim_type: str | None = None, verdict: str | None = None
) -> pd.DataFrame:
    """The claims matching every filter given (``None`` means any)."""
    mask = pd.Series(True, index=frame.index)
    if article:
        mask &= frame["article"] == article
    if asset:
        mask &= frame["asset_ids"].map(lambda ids: asset in ids)
    if claim_type:
        mask &= frame["claim_type"] == claim_type
    if verdict:
        mask &= frame["verdict"] == verdict
    return frame[mask]


def excerpt_parts(text: str, start: int, end: int) -> tuple[str, str, str]:
    """The sentence(s) around a claim, split into the text before it, the claim itself and the text after it."""
    spans = split_sentences(text)
    s0 = max([s for s, _ in spans if s <= start] or [0])
    e0 = min([e for _, e in spans if e >= end] or [len(text)])
    return text[s0:start], text[start:end], text[end:e0]


def excerpt_in_sentence_html(text: str, start: int, end: int) -> str:
    """The sentence(s) around a claim, escaped, with the claim itself in ``<mark>``."""
    return render("excerpt.html", parts=excerpt_parts(text, start, end))


def article_segments(text: str, spans: Iterable[tuple[int, int, str]]) -> list[tuple[str, str | None]]:
    """The full text cut into pieces: ``(text, label)`` for every claim span (overlaps merged), ``(text, None)`` between them."""
    merged: list[list[Any]] = []
    for s, e, label in sorted(spans):
        if merged and s <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e)
            merged[-1][2] += f"; {label}"
        else:
            merged.append([s, e, label])
    out: list[tuple[str, str | None]] = []
    pos = 0
    for s, e, label in merged:
        out += [(text[pos:s], None), (text[s:e], label)]
        pos = e
    out.append((text[pos:], None))
    return [(t, label) for t, label in out if t]


def article_html(text: str, spans: Iterable[tuple[int, int, str]]) -> str:
    """The full text, escaped, with every claim span marked (overlaps merged); line breaks kept."""
    return render("article_text.html", segments=article_segments(text, spans))


#: Dashboard labels of the headline rows of :func:`geo.routes.scenario.compare`, by row id.
_METRIC_LABELS = {
    "total_export": "Total exports ({unit}, {year})",
    "stranded": "Stranded volume ({unit}, {year})",
    "share_via_russia": "Share via Russian territory or ports (%)",
    "share_via_russian_ports": "Share via Russian ports (%)",
    "hhi": "Diversification: HHI over transit countries (0-1, lower is more diverse)",
}


def market_share_label(market: str) -> str:
    """The metrics table's row label of a destination market's share of exports.

    A market is mostly a destination ("Share to China via Alashankou (%)"); one named by how the crude leaves, with a
    note in brackets, reads by its mode: "Crude by rail (destinations not published)" -> "Share by rail, destinations
    not published (%)".

    >>> market_share_label("China via Alashankou"), market_share_label("Crude by rail (destinations not published)")
    ('Share to China via Alashankou (%)', 'Share by rail, destinations not published (%)')
    """
    m = re.fullmatch(r".*?\b(by [^()]+?)\s*\(([^()]+)\)", market)
    return f"Share {m.group(1)}, {m.group(2)} (%)" if m else f"Share to {market} (%)"


def metrics_frame(baseline: Any, result: Any) -> pd.DataFrame:
    """Dependency metrics, baseline and scenario side by side with the change (units in the labels, shares in %)."""
    frame = scenario.compare(baseline, result)
    summary = frame[frame["section"] == "summary"].copy()
    summary["metric"] = [_METRIC_LABELS[i].format(unit=baseline.unit, year=baseline.year) for i in summary["id"]]
    markets = frame[frame["section"] == "market"].sort_values("id").copy()
    markets["metric"] = [market_share_label(m) for m in markets["id"]]
    out = pd.concat([summary, markets])
    shares = out["unit"] == "share"
    out.loc[shares, ["baseline", "scenario", "change"]] *= 100
    return out.set_index("metric")[["baseline", "scenario", "change"]].round(2)


def route_flows_frame(baseline: Any, result: Any) -> pd.DataFrame:
    """Volume per route, baseline and scenario, largest first (rows: route names; unit in the column names)."""
    routes = scenario.compare(baseline, result).query("section == 'route'")
    routes = routes.assign(size=routes[["baseline", "scenario"]].max(axis=1)).sort_values("size", ascending=False, kind="stable")
    unit = f"{baseline.unit}, {baseline.year}"
    return pd.DataFrame({f"baseline ({unit})": routes["baseline"].to_numpy(), f"scenario ({unit})": routes["scenario"].to_numpy()},
                        index=pd.Index(routes["label"], name="route")).round(3)


def route_flows_chart(frame: pd.DataFrame) -> dict[str, Any]:
    """A grouped horizontal bar chart of :func:`route_flows_frame` as a plain Vega-Lite spec.

    A plain dict, not an altair chart: altair validates its schema on every rerun, which cost
    about 60 ms of each dashboard rerun.
    """
    values = [{"route": route, "case": case, "volume": float(v)} for case in frame.columns for route, v in frame[case].items()]
    # The unit and year of the volumes, from the columns' "baseline (Mt/y, 2024)", as the axis title.
    unit = str(frame.columns[0]).partition("(")[2].rstrip(")") if len(frame.columns) else ""
    return {
        "data": {"values": values},
        "mark": {"type": "bar"},
        "encoding": {
            # Whole route names (labelLimit 0: no limit; they were cut at about 100 px).
            "y": {"field": "route", "type": "nominal", "sort": None, "title": None, "axis": {"labelLimit": 0}},
            "yOffset": {"field": "case", "type": "nominal"},
            "x": {"field": "volume", "type": "quantitative", "title": unit or None, "axis": {"tickCount": 8}},
            "color": {"field": "case", "type": "nominal", "title": None, "legend": {"orient": "top"}},
        },
    }


def inline_data(spec: dict[str, Any]) -> dict[str, Any]:
    """A one-layer spec with the same chart, so that Streamlit keeps its data in the spec.

    ``st.vega_lite_chart`` moves a spec's top-level ``data`` to an Arrow table that the browser inserts after a first
    render on no data, for which Vega warns "Infinite extent for field volume_start"; data inside a layer stays put.
    """
    if "data" not in spec:
        return spec
    outer = {k: v for k, v in spec.items() if k in ("$schema", "title", "width", "height", "config")}
    return {**outer, "layer": [{k: v for k, v in spec.items() if k not in outer}]}


#: The binding constraints' kinds (geo.routes.explain) as the dashboard's table names them.
BINDING_KINDS = {"capacity": "capacity", "fixed_flow": "fixed flow", "commitment": "commitment", "target": "baseline volume"}


def binding_frame(result: Any) -> pd.DataFrame:
    """What limits a result: its binding constraints with value, unit, year and basis (source or assumption).

    ``stranded saved per unit`` is the stranded volume one more unit of the bound would export (scenarios
    only; negative for a fixed flow, whose every extra unit strands one more).
    """
    col = "stranded saved per unit"
    routes = {r.id: r.name for r in result.routes}

    def label(b: Any) -> str:  # a baseline target names its route by id in the solver: show the route's name
        return f"baseline volume of route {routes[b.id]}" if b.kind == "target" and b.id in routes else b.label

    rows = [{"constraint": label(b), "id": b.id, "kind": BINDING_KINDS.get(b.kind, b.kind), "value": b.value, "unit": b.unit,
             "year": b.year, col: b.shadow, "basis": b.basis} for b in result.binding]
    return pd.DataFrame(rows, columns=["constraint", "id", "kind", "value", "unit", "year", col, "basis"])


def sensitivity_frame(sens: Any) -> pd.DataFrame:
    """Min-max of the headline metrics over the assumed figures' ranges (shares in %), for a table or a tornado chart."""
    rows = []
    for metric, (low, high) in sens.ranges.items():
        scale = 100.0 if metric.startswith("share") else 1.0
        rows.append({"metric": metric, "central": sens.central[metric] * scale, "min": low * scale, "max": high * scale})
    return pd.DataFrame(rows, columns=["metric", "central", "min", "max"]).set_index("metric").round(3)


#: Barrels per day in one Mt/y of crude: 1 tonne of crude is about 7.33 barrels (the average factor of the
#: Energy Institute / BP Statistical Review's approximate conversion table; real crudes range about 7.0-7.6),
#: so 1 Mt/y = 7.33e6 bbl / 365 d = 20,082 b/d, shown rounded to the nearest thousand. An assumption, not a measurement.
BARRELS_PER_TONNE = 7.33
BPD_PER_MTY = BARRELS_PER_TONNE * 1e6 / 365


def barrels_per_day(mt_per_year: float) -> str:
    """Crude volume in b/d, rounded to the nearest thousand, e.g. ``"1,400,000 b/d"`` for 69.8 Mt/y."""
    return f"{round(mt_per_year * BPD_PER_MTY, -3):,.0f} b/d"


def headline(baseline: Any, result: Any) -> list[dict[str, str]]:
    """The metrics strip: exports, stranded, share via Russia and via Russian ports, each baseline → scenario.

    Volumes carry their unit and year (and barrels per day for crude); shares are in % of exports.
    """
    unit, year = baseline.unit, baseline.year
    crude = baseline.commodity == "oil" and unit == "Mt/y"

    def volume(b: float, s: float, label: str) -> dict[str, str]:
        extra = f"; scenario ≈ {barrels_per_day(s)} (1 Mt/y ≈ {BPD_PER_MTY:,.0f} b/d, assumed 7.33 bbl/t)" if crude else ""
        return {"label": f"{label} ({unit}, {year})", "value": f"{b:.1f} → {s:.1f}", **_change(s - b, unit),
                "help": f"baseline {b:.2f} → scenario {s:.2f} {unit}, {year}, modelled{extra}"}

    def share(b: float, s: float, label: str) -> dict[str, str]:
        return {"label": f"{label} (% of exports, {year})", "value": f"{100 * b:.0f} % → {100 * s:.0f} %",
                **_change(100 * (s - b), "pp"), "help": f"baseline {100 * b:.1f} % → scenario {100 * s:.1f} %, {year}, modelled"}

    return [
        volume(baseline.total_export, result.total_export, "Exports"),
        volume(baseline.stranded, result.stranded, "Stranded"),
        share(baseline.share_via_russia, result.share_via_russia, "Via Russia"),
        share(baseline.share_via_russian_ports, result.share_via_russian_ports, "Via Russian ports"),
    ]


#: Country names for the ISO codes of data/assets.geojson ("countries"), as the side panel shows them.
COUNTRY_LABELS = {
    "AL": "Albania", "AZ": "Azerbaijan", "BY": "Belarus", "CN": "China", "DE": "Germany", "GE": "Georgia", "GR": "Greece",
    "IT": "Italy", "KZ": "Kazakhstan", "PL": "Poland", "RU": "Russia", "TM": "Turkmenistan", "TR": "Türkiye", "UZ": "Uzbekistan",
}


#: Language names for the corpus's ISO 639-1 codes (data/articles.yaml "language"), as the timeline's legend shows them.
LANGUAGE_LABELS = {"de": "German", "en": "English", "ru": "Russian"}


def language_label(code: Any) -> str:
    """``"de"`` -> ``"German"``; an unlisted code stays as it is, a missing one reads "unknown"."""
    return LANGUAGE_LABELS.get(code, code) if isinstance(code, str) and code else "unknown"


def countries_label(codes: Any) -> str:
    """``["AZ", "GE"]`` -> ``"Azerbaijan, Georgia"``; a code with no name stays as it is."""
    return ", ".join(COUNTRY_LABELS.get(c, c) for c in codes)


def _change(delta: float, unit: str) -> dict[str, str]:
    """A metric's delta at one decimal, with Streamlit's arrow; a change that rounds to zero is "no change", no arrow."""
    shown = f"{delta:+.1f}"
    if float(shown) == 0:
        return {"delta": "no change", "arrow": "off"}
    return {"delta": f"{shown} {unit}", "arrow": "auto"}


def key_claim(frame: pd.DataFrame) -> Any | None:
    """The claim to show when nothing is selected: the first article's first assessed rerouting claim (else its first assessed one)."""
    if frame.empty:
        return None
    first = frame[frame["article"] == frame["article"].iloc[0]]
    assessed = first[first["verdict"] != "not assessed"]
    for pool in (assessed[assessed["claim_type"] == "rerouting"], assessed, first):
        if not pool.empty:
            return next(pool.itertuples())
    return None


_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def date_label(published: Any) -> str:
    """A ``published`` date as people write it: ``"2024-02-07"`` -> ``"7 Feb 2024"``, ``"2024-02"`` -> ``"Feb 2024"``.

    >>> date_label("2024-02-07"), date_label("2024-02"), date_label("2024"), date_label(None)
    ('7 Feb 2024', 'Feb 2024', '2024', 'undated')
    """
    text = text_or(published, "")
    parts = text.split("-")
    if dated_year(text) is None:
        return "undated"
    if len(parts) >= 2 and parts[1].isdigit() and 1 <= int(parts[1]) <= 12:
        month = f"{_MONTHS[int(parts[1]) - 1]} {parts[0]}"
        return f"{int(parts[2])} {month}" if len(parts) == 3 and parts[2].isdigit() else month
    return parts[0]


def key_claim_after_year(claim: Any, year: int, years: tuple[int, ...]) -> str | None:
    """With the sidebar's Year before the key claim's article: a one-line note instead of the claim (else ``None``).

    An undated article is shown at every year, as the Claims tab does. ``years`` are the years the sidebar offers.
    """
    dated = dated_year(claim.published)
    if dated is None or dated <= year:
        return None
    move = f"choose {dated} under Year to see its key claim" if dated in years \
        else f"none of the years under Year ({years[0]}-{years[-1]}) shows its key claim"
    return f"The seed article ({date_label(claim.published)}) is after {year}: {move}"


# --- issue 15: the time dimension (claims dated up to a year, a timeline of article dates) and claim density ---------


def dated_year(published: Any) -> int | None:
    """The year of a ``published`` date (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``), or ``None`` when the article is undated.

    >>> dated_year("2024-02-07"), dated_year("2023"), dated_year(None), dated_year(float("nan"))
    (2024, 2023, None, None)
    """
    text = text_or(published, "")
    return int(text[:4]) if len(text) >= 4 and text[:4].isdigit() else None


def claims_up_to(frame: pd.DataFrame, year: int, *, undated: bool = True) -> pd.DataFrame:
    """The claims whose article is dated on or before 31 December of ``year``; undated ones too when ``undated``."""
    if frame.empty:
        return frame
    years = [dated_year(p) for p in frame["published"]]  # not Series.map: a None among ints would become NaN
    return frame[[undated if y is None else y <= year for y in years]]


def claim_density(frame: pd.DataFrame) -> dict[str, int]:
    """How many of the claims in ``frame`` are about each asset (a claim counts once per asset, whatever its roles)."""
    counts: dict[str, int] = {}
    if frame.empty:
        return counts
    for ids in frame["asset_ids"]:
        for asset in dict.fromkeys(ids):
            counts[asset] = counts.get(asset, 0) + 1
    return dict(sorted(counts.items()))


def month_counts(items: Iterable[tuple[Any, str]]) -> tuple[list[dict[str, Any]], int, int]:
    """Count ``(published, group)`` pairs per month of the date and group, for a timeline.

    Returns the rows (``{"month": "YYYY-MM-01", "group": ..., "count": n}``, sorted by month then group), the number
    of undated items and the number dated to a year only (neither can be placed on a monthly axis).
    """
    counts: dict[tuple[str, str], int] = {}
    undated = year_only = 0
    for published, group in items:
        text = text_or(published, "")
        if dated_year(text) is None:
            undated += 1
        elif len(text) < 7:
            year_only += 1
        else:
            key = (f"{text[:7]}-01", str(group))
            counts[key] = counts.get(key, 0) + 1
    rows = [{"month": m, "group": g, "count": n} for (m, g), n in sorted(counts.items())]
    return rows, undated, year_only


def timeline_chart(rows: list[dict[str, Any]], *, group_title: str, count_title: str, years: tuple[int, int],
                   up_to: int | None = None) -> dict[str, Any]:
    """A monthly bar chart of :func:`month_counts` rows over ``years`` (first, last) as a plain Vega-Lite spec.

    With ``up_to``, a dashed rule marks the end of that year: what the year slider shows lies left of it.
    """
    first, last = years
    months = [r["month"] for r in rows]
    start, end = min([f"{first}-01-01", *months]), max([f"{last}-12-31", *months])
    bars: dict[str, Any] = {
        "data": {"values": rows},
        "mark": {"type": "bar", "tooltip": True},
        "encoding": {
            "x": {"field": "month", "type": "temporal", "timeUnit": "yearmonth", "title": None, "scale": {"domain": [start, end]},
                  "axis": {"format": "%b %Y", "tickCount": {"interval": "month", "step": 6}}},
            "y": {"field": "count", "type": "quantitative", "title": count_title, "axis": {"tickMinStep": 1}},
            "color": {"field": "group", "type": "nominal", "title": group_title, "legend": {"orient": "right"}},
        },
    }
    if up_to is None:
        return bars
    rule = {"data": {"values": [{"end": f"{up_to}-12-31", "label": f"end of {up_to}"}]},
            "mark": {"type": "rule", "strokeDash": [4, 3], "color": "#333333"},
            "encoding": {"x": {"field": "end", "type": "temporal"}, "tooltip": [{"field": "label", "type": "nominal"}]}}
    return {"layer": [bars, rule]}
