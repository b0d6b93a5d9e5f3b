"""Transport cost of rerouting: published tariffs per tonne applied to the volume a scenario moves.

A tariff belongs to one route of ``network.yaml`` (``tariffs:``), in US dollars per tonne, with the
year and source it was published for, or with no value and a note saying that none is published.
The extra cost of rerouting compares what the rerouted volume pays on the routes that gain volume
with what it paid on the routes that lost it:

    rerouted        = volume lost by routes - increase in stranded volume
    paid on gainers = sum over gaining routes of (volume gained x tariff)
    saved on losers = sum over losing routes of (volume lost x tariff) x rerouted / volume lost
    extra cost      = paid on gainers - saved on losers          (million USD a year: Mt x USD/t)
    extra per tonne = extra cost / rerouted

Routes in a chain (Atyrau-Samara, then Transneft to a port) each charge their own tariff, so a
tonne moved onto a chain pays every segment. The figure is left out (``None``) when any route whose
volume changed has no published tariff: the result names those routes instead of guessing.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

#: Changes smaller than this (Mt/y) are solver noise, not rerouting.
_EPS = 1e-6


@dataclass(frozen=True)
class Tariff:
    """The published tariff of one route (``usd_per_t`` is ``None`` when none is published)."""

    route: str
    usd_per_t: float | None
    year: int | None
    source: str | None
    note: str


@dataclass(frozen=True)
class RouteCost:
    """One route whose volume the scenario changed, with the tariff applied to the change."""

    route: str
    change: float
    usd_per_t: float | None
    year: int | None
    source: str | None
    #: What the tariff covers, or why none is published ("no tariff entry" when network.yaml has none).
    note: str


@dataclass(frozen=True)
class ReroutingCost:
    """Extra transport cost of the volume a scenario reroutes (``None`` figures: not computable)."""

    unit: str
    #: Volume that left its baseline routes and still reached a market.
    rerouted: float
    extra_usd_per_t: float | None
    #: Million US dollars a year (volume in Mt/y times USD per tonne).
    extra_musd: float | None
    routes: list[RouteCost]
    #: Routes whose volume changed and that have no published tariff.
    missing: list[str]
    note: str


def rerouting_cost(baseline: Mapping[str, float], scenario: Mapping[str, float], stranded_increase: float,
                   tariffs: Mapping[str, Tariff], *, unit: str, year: int) -> ReroutingCost:
    """The extra cost of the rerouted volume (see the module docstring for the arithmetic).

    Parameters
    ----------
    baseline, scenario
        Volume per route id in the baseline and under the scenario.
    stranded_increase
        Stranded volume under the scenario minus the baseline's.
    tariffs
        Published tariff per route id.
    unit, year
        The network's volume unit (tariffs are per tonne, so only ``Mt/y`` is costed) and year.
    """
    changes = {r: scenario.get(r, 0.0) - baseline.get(r, 0.0) for r in sorted(set(baseline) | set(scenario))}
    changes = {r: c for r, c in changes.items() if abs(c) > _EPS}
    lost = -sum(c for c in changes.values() if c < 0)
    rerouted = max(0.0, lost - max(0.0, stranded_increase))
    rows = []
    for r, c in changes.items():
        t = tariffs.get(r)
        rows.append(RouteCost(r, c, t.usd_per_t, t.year, t.source, t.note) if t else RouteCost(r, c, None, None, None, "no tariff entry"))
    missing = [row.route for row in rows if row.usd_per_t is None]
    if unit != "Mt/y":
        return ReroutingCost(unit, rerouted, None, None, rows, missing, "tariffs are per tonne; this network is not in Mt/y")
    if rerouted <= _EPS:
        return ReroutingCost(unit, 0.0, None, None, rows, missing, "no volume rerouted")
    if missing:
        return ReroutingCost(unit, rerouted, None, None, rows, missing,
                             f"not computable: no published tariff for {', '.join(missing)}")
    paid = sum(row.change * (row.usd_per_t or 0.0) for row in rows if row.change > 0)
    saved = sum(-row.change * (row.usd_per_t or 0.0) for row in rows if row.change < 0) * rerouted / lost
    extra = paid - saved
    stale = sorted({f"{row.route} ({row.year})" for row in rows if row.year is not None and row.year != year})
    note = "tariffs as published, not indexed to the year" + (f": {', '.join(stale)}" if stale else "")
    return ReroutingCost(unit, rerouted, extra / rerouted, extra, rows, [], note)


def to_lines(cost: ReroutingCost | None) -> list[str]:
    """The rerouting cost as text lines for the CLI (empty without a scenario)."""
    if cost is None:
        return []
    if cost.extra_usd_per_t is None or cost.extra_musd is None:
        head = f"Extra transport cost of rerouting {cost.rerouted:.3f} {cost.unit}: {cost.note}"
    else:
        head = (f"Extra transport cost of rerouting {cost.rerouted:.3f} {cost.unit}: {cost.extra_usd_per_t:+.2f} USD/t, "
                f"{cost.extra_musd:+.1f} million USD/y ({cost.note})")
    rows = [f"  {r.route:<32} {r.change:+9.3f}  " + (f"{r.usd_per_t:.2f} USD/t ({r.year}; {r.source})" if r.usd_per_t is not None
                                                     else f"no published tariff: {r.note}") for r in cost.routes]
    return [head, *rows]
