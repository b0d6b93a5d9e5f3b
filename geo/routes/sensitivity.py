"""Ranges, not only points: vary every assumed figure of a network and see how far the headline moves.

Each assumed figure (a capacity, baseline target or fixed flow marked ``assumption: true``, a
capacity carried back from a later year, or any figure with a stated ``range``) is set to its low
and then its high value, one at a time, and the baseline and scenario are solved again. The
default range is +-20 % of the figure (:data:`DEFAULT_SPREAD`); ``range: [low, high]`` in
``network.yaml`` overrides it. The result gives the min-max of each headline metric over all
runs, and the tornado data: each figure's swing of each metric, largest first.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

import numpy as np
import pandas as pd

from geo.routes.linear_program import fit_baseline, limits, reroute_duals
from geo.routes.metrics import exposure, share
from geo.routes.network import Network
from geo.routes.scenario import Scenario, capacities, committed_volumes

#: Default relative spread of an assumed figure (low = value x 0.8, high = value x 1.2).
DEFAULT_SPREAD = 0.2
#: The headline metrics whose ranges are reported.
METRICS = ("total_export", "stranded", "share_via_russia", "share_via_russian_ports")


@dataclass(frozen=True)
class Assumed:
    """One figure varied by the sensitivity run."""

    id: str
    kind: str
    value: float
    low: float
    high: float
    basis: str


@dataclass(frozen=True)
class Sensitivity:
    """Min-max of the headline metrics and the tornado rows."""

    central: dict[str, float]
    ranges: dict[str, tuple[float, float]]
    #: One row per figure: its low and high value, each metric at low and high, and the swings.
    tornado: pd.DataFrame
    unit: str
    year: int


def _bounds(value: float, stated: tuple[float, float] | None, spread: float) -> tuple[float, float]:
    if stated is not None:
        return float(stated[0]), float(stated[1])
    return value * (1 - spread), value * (1 + spread)


def assumed_figures(network: Network, *, spread: float = DEFAULT_SPREAD) -> list[Assumed]:
    """Every figure of the network the sensitivity run varies (finite, non-zero or with a stated range)."""
    out = []
    for kind, items in (("edge", network.edges), ("node", network.nodes)):
        for item in items:
            prov = item.provenance
            if (prov.assumption or prov.range is not None) and math.isfinite(item.capacity) and (item.capacity > 0 or prov.range):
                low, high = _bounds(item.capacity, prov.range, spread)
                out.append(Assumed(f"{kind}:{item.id}", "capacity", item.capacity, low, high, item.basis))
    for t in network.targets:
        if (t.assumption or t.range is not None) and (t.value > 0 or t.range):
            low, high = _bounds(t.value, t.range, spread)
            out.append(Assumed(f"target:{t.route}", "target", t.value, low, high, t.basis))
    for f in network.fixed_flows:
        if (f.assumption or f.range is not None) and (f.volume > 0 or f.range):
            low, high = _bounds(f.volume, f.range, spread)
            out.append(Assumed(f"fixed:{f.id}", "fixed_flow", f.volume, low, high, f.basis))
    return out


def with_figure(network: Network, figure: Assumed, value: float) -> Network:
    """A copy of the network with one figure set to ``value``."""
    where, ident = figure.id.split(":", 1)
    if where == "edge":
        return replace(network, edges=tuple(replace(e, capacity=value) if e.id == ident else e for e in network.edges))
    if where == "node":
        return replace(network, nodes=tuple(replace(n, capacity=value) if n.id == ident else n for n in network.nodes))
    if where == "target":
        return replace(network, targets=tuple(replace(t, value=value) if t.route == ident else t for t in network.targets))
    return replace(network, fixed_flows=tuple(replace(f, volume=value) if f.id == ident else f for f in network.fixed_flows))


def _metrics(network: Network, scenario: Scenario | None, base: tuple[np.ndarray, np.ndarray] | None = None) -> dict[str, float]:
    """Headline metrics of the scenario (no binding constraints or route tables: only what the ranges need)."""
    if base is None:
        base = fit_baseline(network, limits(network, *capacities(network, Scenario())[:2]))
    flow, supply = base
    stranded = np.zeros_like(supply)
    if scenario is not None and not scenario.is_empty():
        edge, node, _ = capacities(network, scenario)
        # Committed volumes (a preset's contracts and targets) stay lower bounds in every varied run.
        flow, stranded, _ = reroute_duals(network, limits(network, edge, node), baseline=flow, supply=supply,
                                          committed=committed_volumes(network, scenario))
    exp = exposure(network, flow)
    return {"total_export": exp.total, "stranded": float(stranded.sum()), "share_via_russia": share(exp.via_russia, exp.total),
            "share_via_russian_ports": share(exp.via_russian_ports, exp.total)}


def _baseline_unchanged(network: Network, base_flow: np.ndarray, fig: Assumed, value: float) -> bool:
    """Whether the baseline's flows stay optimal when a capacity moves to ``value``.

    They do when the capacity still admits them: a constraint the optimum does not touch leaves it
    optimal whether it is loosened or tightened (down to the flow it carries). Targets and fixed
    flows always refit.
    """
    where, ident = fig.id.split(":", 1)
    lim = limits(network, *capacities(network, Scenario())[:2])
    if where == "edge":
        i = network.edge_index[ident]
        fixed = network.edges[i].capacity - lim.edge[i] if np.isfinite(network.edges[i].capacity) else 0.0
        return bool(base_flow[i] <= value - fixed + 1e-9 and base_flow[i] < lim.edge[i] - 1e-9)
    if where == "node":
        i = network.node_index[ident]
        through = float(base_flow[network.tail == i].sum())
        fixed = network.nodes[i].capacity - lim.node[i] if np.isfinite(network.nodes[i].capacity) else 0.0
        return bool(through <= value - fixed + 1e-9 and through < lim.node[i] - 1e-9)
    return False


def run_sensitivity(network: Network, scenario: Scenario | None = None, *, spread: float = DEFAULT_SPREAD) -> Sensitivity:
    """Vary each assumed figure to its low and high value, one at a time, and solve baseline and scenario.

    Parameters
    ----------
    network
        The network of one year and commodity.
    scenario
        The scenario whose result is measured (``None``: the baseline).
    spread
        Relative range of figures without a stated range.

    Returns
    -------
    Sensitivity
        Central metrics, min-max over all runs, and the tornado table sorted by the swing in stranded
        volume, then in the share via Russia.
    """
    base = fit_baseline(network, limits(network, *capacities(network, Scenario())[:2]))
    central = _metrics(network, scenario, base)
    rows = []
    for fig in assumed_figures(network, spread=spread):
        ends = {}
        for end, value in (("low", fig.low), ("high", fig.high)):
            varied = with_figure(network, fig, value)
            ends[end] = _metrics(varied, scenario, base if _baseline_unchanged(network, base[0], fig, value) else None)
        row: dict[str, object] = {"figure": fig.id, "kind": fig.kind, "value": fig.value, "low": fig.low, "high": fig.high, "basis": fig.basis}
        for m in METRICS:
            row[f"{m}_low"], row[f"{m}_high"] = ends["low"][m], ends["high"][m]
            row[f"{m}_swing"] = abs(ends["high"][m] - ends["low"][m])
        rows.append(row)
    columns = ["figure", "kind", "value", "low", "high", "basis"] + [f"{m}_{s}" for m in METRICS for s in ("low", "high", "swing")]
    tornado = pd.DataFrame(rows, columns=columns)
    if len(tornado):
        tornado = tornado.sort_values(["stranded_swing", "share_via_russia_swing", "total_export_swing"], ascending=False,
                                      kind="stable").reset_index(drop=True)
    ranges = {}
    for m in METRICS:
        values = [central[m], *tornado[f"{m}_low"], *tornado[f"{m}_high"]]
        ranges[m] = (float(min(values)), float(max(values)))
    return Sensitivity(central=central, ranges=ranges, tornado=tornado, unit=network.unit, year=network.year)


def to_dict(sens: Sensitivity) -> dict[str, object]:
    """JSON-ready: central values, ``ranges`` as ``[min, max]``, the tornado rows in rank order."""
    return {"unit": sens.unit, "year": sens.year, "central": sens.central, "ranges": {k: list(v) for k, v in sens.ranges.items()},
            "tornado": sens.tornado.round(6).to_dict(orient="records")}


def to_text(sens: Sensitivity, *, top: int = 12) -> str:
    """Ranges of the headline metrics, then the figures that move them most (tornado data)."""
    lines = [f"Ranges over every assumed figure at its low and high value ({sens.unit}, {sens.year})",
             f"{'metric':<26} {'central':>10} {'min':>10} {'max':>10}"]
    for m in METRICS:
        fmt = "{:>10.1%}" if m.startswith("share") else "{:>10.3f}"
        lo, hi = sens.ranges[m]
        lines.append(f"{m:<26} {fmt.format(sens.central[m])} {fmt.format(lo)} {fmt.format(hi)}")
    lines += ["", f"{'figure (ranked)':<40} {'low':>8} {'high':>8} {'stranded lo-hi':>17} {'via Russia lo-hi':>17}"]
    for row in sens.tornado.head(top).to_dict("records"):
        lines.append(f"{str(row['figure'])[:40]:<40} {row['low']:>8.3f} {row['high']:>8.3f} {row['stranded_low']:>8.3f}-{row['stranded_high']:<8.3f}"
                     f" {row['share_via_russia_low']:>7.1%}-{row['share_via_russia_high']:<8.1%}")
    return "\n".join(lines)
