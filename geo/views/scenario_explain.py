"""What a scenario result rests on, for the dashboard: binding constraints, ranges, a tornado chart, stated notes.

Pure helpers (:func:`binding_lines`, :func:`ranges_frame`, :func:`tornado_spec`) build text, tables and a
Vega-Lite spec from a :class:`~geo.routes.scenario.Result` and a
:class:`~geo.routes.sensitivity.Sensitivity`; :func:`panel` and :func:`sidebar_summary` show them with
Streamlit. Text from the data goes through :func:`~geo.views.safehtml.md_text` before Markdown; the chart's
labels are data values that Vega-Lite draws as text, never as markup.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from geo.views.safehtml import md_text

#: Headline metric -> (label, is a share of exports).
METRICS = {
    "total_export": ("Total exports", False),
    "stranded": ("Stranded volume", False),
    "share_via_russia": ("Share of exports via Russia", True),
    "share_via_russian_ports": ("Share of exports via Russian ports", True),
}


def _basis_short(b: Any) -> str:
    """'source ID', 'assumption [ID]' or what the scenario set (the full note stays in the table)."""
    if b.kind == "switched_off":
        return "switched off by the scenario"
    if b.assumption:
        return "assumption" + (f" [{b.source}]" if b.source else "")
    return f"source {b.source}" if b.source else str(b.basis)


def _shown_bindings(result: Any, limit: int | None) -> list[Any]:
    """The binding constraints worth showing, largest effect first; ``limit`` keeps the first few.

    The baseline's targets are left out: the baseline is fitted to them.
    """
    items = [b for b in result.binding if b.kind != "target"]
    return items[:limit] if limit is not None else items


def binding_lines(result: Any, *, limit: int | None = None) -> list[str]:
    """One line per binding constraint: 'Atyrau - Samara: 17.5 Mt/y (2020; source kmg-...)', largest effect first.

    The baseline's targets are left out (the baseline is fitted to them); ``limit`` keeps the first few.
    """
    lines = []
    for b in _shown_bindings(result, limit):
        kind = "" if b.kind in ("capacity", "switched_off") else f" ({b.kind.replace('_', ' ')})"
        value = "off" if b.kind == "switched_off" else f"{b.value:g} {b.unit}"
        lines.append(f"{b.label}{kind}: {value} ({b.year}; {_basis_short(b)})")
    return lines


def source_citation(source: str | None, sources: Any) -> str | None:
    """A source id as an analyst reads it: its publisher and year from ``data/sources.yaml`` ("PortNews 2023").

    ``sources`` is the bibliography indexed by id (``Workspace.sources``); an id it lacks is shown as it is.
    """
    if not source:
        return None
    if sources is None or source not in sources.index:
        return source
    row = sources.loc[source]
    publisher = row["publisher"] if isinstance(row["publisher"], str) and row["publisher"] else source
    date = row["date"] if isinstance(row["date"], str) else ""
    return f"{publisher} {date[:4]}" if date[:4].isdigit() else publisher


def limit_lines(result: Any, sources: Any, *, limit: int | None = None) -> list[str]:
    """What limits a result, for an analyst: 'Aktau sea port 7.5 Mt/y in 2023 (PortNews 2023)', largest effect first.

    As :func:`binding_lines`, but each figure cites its source's publisher and year instead of its id (the ids stay in
    the Dependencies tab's table); an assumed figure reads "assumed, after ...".
    """
    out = []
    for b in _shown_bindings(result, limit):
        if b.kind == "switched_off":
            out.append(f"{b.label} switched off by the scenario")
            continue
        cite = source_citation(b.source, sources)
        if str(b.basis).startswith(("set by the scenario", "committed by the scenario")):
            cite = "set by the scenario"
        elif b.assumption:
            cite = f"assumed, after {cite}" if cite else "assumed"
        what = {"fixed_flow": ", a fixed flow of ", "commitment": ", committed to "}.get(b.kind, " ")
        out.append(f"{b.label}{what}{b.value:g} {b.unit} in {b.year}" + (f" ({cite})" if cite else ""))
    return out


def _fmt(value: float, share: bool, unit: str) -> str:
    return f"{value * 100:.1f} %" if share else f"{value:,.2f} {unit}"


def ranges_frame(sens: Any) -> pd.DataFrame:
    """The min-max of each headline metric with its unit and year: metric, central, min, max (shares in %)."""
    rows = []
    for metric, (label, share) in METRICS.items():
        if metric not in sens.ranges:
            continue
        low, high = sens.ranges[metric]
        rows.append({"metric": label, "central": _fmt(sens.central[metric], share, sens.unit), "min": _fmt(low, share, sens.unit),
                     "max": _fmt(high, share, sens.unit), "year": sens.year})
    return pd.DataFrame(rows, columns=["metric", "central", "min", "max", "year"])


def range_lines(sens: Any) -> list[str]:
    """'Stranded volume: 41.28-43.98 Mt/y (2023; central 41.68)' for each headline metric."""
    out = []
    for metric, (label, share) in METRICS.items():
        if metric in sens.ranges:
            low, high = sens.ranges[metric]
            out.append(f"{label}: {_fmt(low, share, sens.unit)} to {_fmt(high, share, sens.unit)} "
                       f"({sens.year}; central {_fmt(sens.central[metric], share, sens.unit)})")
    return out


def tornado_spec(sens: Any, metric: str = "stranded", *, top: int = 8) -> dict[str, Any]:
    """A Vega-Lite tornado chart: for each assumed figure the bar spans the metric at its low and high end.

    Only figures that move the metric are drawn, largest swing at the top; a rule marks the central value.
    """
    if metric not in METRICS:
        msg = f"unknown metric {metric!r}; expected one of {', '.join(METRICS)}"
        raise ValueError(msg)
    label, share = METRICS[metric]
    scale = 100.0 if share else 1.0
    unit = "%" if share else sens.unit
    table = sens.tornado
    rows: list[dict[str, Any]] = []
    if not table.empty:
        moved = table[table[f"{metric}_swing"] > 1e-9].sort_values(f"{metric}_swing", ascending=False, kind="stable").head(top)
        for r in moved.to_dict("records"):
            lo, hi = float(r[f"{metric}_low"]) * scale, float(r[f"{metric}_high"]) * scale
            rows.append({"figure": str(r["figure"]), "at_low": round(lo, 3), "at_high": round(hi, 3),
                         "from": round(min(lo, hi), 3), "to": round(max(lo, hi), 3),
                         "range": f"{float(r['low']):g} to {float(r['high']):g}", "basis": str(r["basis"])})
    central = round(float(sens.central[metric]) * scale, 3)
    order = [r["figure"] for r in rows]
    title = f"{label} ({unit}, {sens.year}): each assumed figure at its low and high end"
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
        "title": title,
        "layer": [
            {"data": {"values": rows}, "mark": {"type": "bar", "height": 14},
             "encoding": {"y": {"field": "figure", "type": "nominal", "sort": order, "title": None},
                          "x": {"field": "from", "type": "quantitative", "title": f"{label} ({unit})", "scale": {"zero": False}},
                          "x2": {"field": "to"},
                          "tooltip": [{"field": "figure"}, {"field": "range", "title": "figure low to high"},
                                      {"field": "at_low", "title": f"{metric} at low"}, {"field": "at_high", "title": f"{metric} at high"},
                                      {"field": "basis"}]}},
            {"data": {"values": [{"central": central}]}, "mark": {"type": "rule", "color": "black"},
             "encoding": {"x": {"field": "central", "type": "quantitative"}}},
        ],
    }


def panel(result: Any, sens: Any | None) -> None:
    """The Dependencies tab's explanation: binding constraints, ranges, the tornado chart and the stated notes."""
    import streamlit as st

    st.subheader("What this result rests on")
    lines = binding_lines(result)
    if lines:
        st.markdown("\n".join(f"- {md_text(line)}" for line in lines))
    else:
        st.caption("Nothing binds: no capacity, fixed flow or commitment limits this result.")
    if sens is not None:
        st.markdown(f"**Ranges over every assumed figure** ({md_text(sens.year)}; +-20 % unless network.yaml states a range)")
        st.dataframe(ranges_frame(sens), width="stretch", hide_index=True)
        spec = tornado_spec(sens)
        if spec["layer"][0]["data"]["values"]:
            st.vega_lite_chart(spec, width="stretch")
    if result.notes:
        st.markdown("**Notes**")
        st.markdown("\n".join(f"- {md_text(n)}" for n in result.notes))


def sidebar_summary(result: Any, sens: Any | None, *, limit: int = 6, sources: Any = None) -> None:
    """Under the preset picker: what limits the result (the first few, cited by publisher and year) and the ranges.

    ``sources`` is the bibliography indexed by id; without it the figures cite their source ids.
    """
    import streamlit as st

    lines = limit_lines(result, sources, limit=limit)
    if lines:
        st.sidebar.caption("Limited by: " + md_text("; ".join(lines)))
    if sens is not None:
        shown = [line for line in range_lines(sens) if line.startswith(("Stranded", "Share of exports via Russia:"))]
        st.sidebar.caption("Ranges: " + md_text("; ".join(shown)))
