"""Figures that assess claims, computed from the observed flows (``flows.csv``).

Each figure carries its value, unit, year, the formula used and the source ids of every
input, so a dashboard or briefing can cite it. Only primary rows are used.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from geo.data.schema import Evidence

AVOIDING_PORTS_ROUTE = "avoiding-russian-ports"
#: Routes that avoid Russian ports but cross Russian territory.
VIA_RUSSIA_NOT_PORTS = ("druzhba-samara-schwedt",)

LABELS = {
    "total_export": "Total crude exports",
    "volume_avoiding_russia": "Exports avoiding Russian territory and ports",
    "share_via_russian_ports": "Share of exports via Russian ports",
    "share_via_russia": "Share of exports via Russian territory or ports",
}


@dataclass(frozen=True)
class Figure:
    """One computed figure with everything needed to cite it."""

    metric: str
    label: str
    year: int
    value: float | None
    unit: str
    formula: str
    sources: tuple[str, ...]

    def text(self) -> str:
        """The figure as a sentence fragment, e.g. 'Share of exports via Russian ports (2023): 94.7 %'."""
        if self.value is None:
            return f"{self.label} ({self.year}): no data"
        shown = f"{self.value * 100:.1f} %" if self.unit == "share" else f"{self.value:.2f} {self.unit}"
        return f"{self.label} ({self.year}): {shown}"


def _primary(flows: pd.DataFrame, *, year: int, commodity: str, route: str) -> pd.Series | None:
    rows = flows[(flows["year"] == year) & (flows["commodity"] == commodity) & (flows["route"] == route)
                 & (flows["flow_type"] == "export") & (flows["origin"] == "KZ") & flows["primary"]]
    return None if rows.empty else rows.iloc[0]


def compute(flows: pd.DataFrame, evidence: Evidence) -> Figure:
    """Compute one evidence figure from the flow table."""
    year, commodity = evidence.year, evidence.commodity
    unit = "Mt" if commodity == "oil" else "bcm"
    total = _primary(flows, year=year, commodity=commodity, route="total")
    avoiding = _primary(flows, year=year, commodity=commodity, route=AVOIDING_PORTS_ROUTE)
    via_land = [r for r in (_primary(flows, year=year, commodity=commodity, route=x) for x in VIA_RUSSIA_NOT_PORTS) if r is not None]
    land = sum(float(r["volume_norm"]) for r in via_land)
    label = LABELS[evidence.metric]

    def figure(value: float | None, fig_unit: str, formula: str, rows: list[pd.Series | None]) -> Figure:
        sources = tuple(dict.fromkeys(str(r["source"]) for r in rows if r is not None))
        return Figure(evidence.metric, label, year, value, fig_unit, formula, sources)

    if evidence.metric == "total_export":
        return figure(None if total is None else float(total["volume_norm"]), unit, "reported total", [total])
    if avoiding is None or (evidence.metric.startswith("share") and total is None):
        return figure(None, "share" if evidence.metric.startswith("share") else unit, "inputs not published", [total, avoiding])
    avoid_ports = float(avoiding["volume_norm"])
    avoid_russia = max(avoid_ports - land, 0.0)
    if evidence.metric == "volume_avoiding_russia":
        return figure(avoid_russia, unit, "avoiding Russian ports minus Druzhba (crosses Russia)", [avoiding, *via_land])
    total_v = float(total["volume_norm"])
    if evidence.metric == "share_via_russian_ports":
        return figure(1 - avoid_ports / total_v, "share", "1 - avoiding Russian ports / total", [avoiding, total])
    return figure(1 - avoid_russia / total_v, "share", "1 - (avoiding Russian ports - Druzhba) / total", [avoiding, total, *via_land])
