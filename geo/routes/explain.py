"""Which constraints bind a solved network, read from the solver's marginals (not re-derived).

A capacity, a fixed flow or a committed volume *binds* when HiGHS reports a non-zero marginal
for it: moving it would move the objective. In a scenario the objective is dominated by the
stranded volume, so ``shadow = -marginal / per_unit`` is the stranded volume saved per extra
unit of the bound (1.0 for a capacity that alone limits stranded volume; negative for a fixed
flow, whose every extra unit strands one more Kazakh unit). In the baseline the targets bind:
the baseline is fitted to them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from geo.routes.linear_program import Duals, Limits
from geo.routes.network import Network, Provenance

#: A scenario's bound binds when it moves stranded volume by at least this much per unit
#: (the secondary objectives contribute less than 1e-4 per unit; see flowlp.STRANDING_MARGIN).
SHADOW_TOLERANCE = 1e-3


@dataclass(frozen=True)
class Binding:
    """One binding constraint with everything needed to cite it."""

    id: str
    #: ``capacity``, ``switched_off``, ``fixed_flow``, ``commitment`` or ``target``.
    kind: str
    label: str
    value: float
    unit: str
    #: The year the figure refers to (a capacity's vintage; the network's year otherwise).
    year: int
    #: ``source: ID`` or ``assumption: NOTE [ID]`` (or what the scenario set).
    basis: str
    source: str | None
    assumption: bool
    #: Stranded volume saved per extra unit of the bound (scenarios); ``None`` for the baseline.
    shadow: float | None


def binding(network: Network, lim: Limits, duals: Duals, *, edge_cap: np.ndarray, node_cap: np.ndarray,
            off: tuple[str, ...] = (), changed: frozenset[str] = frozenset(), committed: dict[str, float] | None = None,
            flow: np.ndarray | None = None, baseline: bool = False,
            commit_basis: Mapping[str, tuple[str, str | None, bool]] | None = None) -> list[Binding]:
    """The binding constraints of one solve, largest effect first.

    Parameters
    ----------
    network, lim, duals
        The network, its capacities net of fixed flows, and the marginals of the solve.
    edge_cap, node_cap
        Capacities under the scenario before fixed flows (what the user sees and changes).
    off
        Ids the scenario switched off; ``changed``: ids whose capacity the scenario set, scaled or expanded.
    committed
        Committed volume per edge id (scenarios with commitments); ``flow``: the solved flow per edge.
    commit_basis
        Per committed edge id: (basis, source, assumption) of the commitment (a preset's ``commit`` entry).
    baseline
        Whether this is the baseline fit (targets bind; no shadow in stranded volume).
    """
    unit, year = network.unit, network.year
    out: list[Binding] = []

    def shadow(marginal: float) -> float | None:
        return None if baseline else round(float(-marginal / duals.per_unit), 3)

    def active(marginal: float) -> bool:
        if baseline:
            return abs(marginal) > 1e-9
        return abs(marginal) / duals.per_unit >= SHADOW_TOLERANCE

    def capacity(ident: str, asset: str | None, label: str, value: float, basis: str, prov: Provenance, marginal: float) -> None:
        if ident in off or (asset and asset in off):
            out.append(Binding(ident, "switched_off", label, 0.0, unit, year, "switched off by the scenario", None, False, shadow(marginal)))
            return
        if ident in changed or (asset and asset in changed):
            basis, prov_source, prov_assumed, when = "set by the scenario (capacity, scale or planned)", None, True, year
        else:
            prov_source, prov_assumed, when = prov.source, prov.assumption, prov.year or year
        out.append(Binding(ident, "capacity", label, float(value), unit, int(when), basis, prov_source, prov_assumed, shadow(marginal)))

    fixed_on_edge: dict[int, list[int]] = {i: [] for i in range(len(network.edges))}
    fixed_on_node: dict[int, list[int]] = {i: [] for i in range(len(network.nodes))}
    for k, f in enumerate(network.fixed_flows):
        for edge_id in f.edges:
            i = network.edge_index[edge_id]
            fixed_on_edge[i].append(k)
            fixed_on_node[int(network.tail[i])].append(k)
    # An edge without an asset (a feeder, rail loading) is named by the route it makes up, if any.
    route_name = {r.edges[0]: r.name for r in network.routes if len(r.edges) == 1}
    fixed_seen: dict[int, float] = {}
    for i, e in enumerate(network.edges):
        if active(duals.edge[i]):
            name = network.assets[e.asset].name if e.asset is not None and e.asset in network.assets else route_name.get(e.id, e.id)
            capacity(e.id, e.asset, name, edge_cap[i], e.basis, e.provenance, duals.edge[i])
            for k in fixed_on_edge[i]:
                fixed_seen[k] = fixed_seen.get(k, 0.0) + duals.edge[i]
    for i, n in enumerate(network.nodes):
        if active(duals.node[i]):
            capacity(n.id, n.asset, n.label, node_cap[i], n.basis, n.provenance, duals.node[i])
            for k in fixed_on_node[i]:
                fixed_seen[k] = fixed_seen.get(k, 0.0) + duals.node[i]
    for k, marginal in fixed_seen.items():
        f = network.fixed_flows[k]
        if lim.fixed[k] > 0:
            # One more unit of a fixed flow takes one unit of every capacity it shares.
            out.append(Binding(f.id, "fixed_flow", f.label, float(lim.fixed[k]), unit, year, f.basis, f.source, f.assumption,
                               None if baseline else round(float(marginal / duals.per_unit), 3)))
    for e_id, volume in (committed or {}).items():
        i = network.edge_index[e_id]
        # A commitment met exactly can share its dual with the capacity it fills (degenerate): list it when
        # the solver prices it or when the flow sits at it.
        if abs(duals.lower[i]) > 0 or (flow is not None and flow[i] <= volume + 1e-6):
            basis, source, assumed = (commit_basis or {}).get(e_id, ("committed by the scenario", None, False))
            out.append(Binding(e_id, "commitment", f"committed volume on {e_id}", float(volume), unit, year,
                               basis, source, assumed, None))
    if baseline:
        for t, marginal in zip(network.targets, duals.target, strict=True):
            if abs(marginal) > 0:
                out.append(Binding(t.route, "target", f"baseline volume of route {t.route}", t.value, unit, year, t.basis, t.source,
                                   t.assumption, None))
    # Largest effect first; among equal effects, capacities before fixed flows, the largest figure first.
    return sorted(out, key=lambda b: (-(abs(b.shadow) if b.shadow is not None else 0.0), b.kind, -b.value, b.id))


def summary(items: list[Binding], *, limit: int = 6) -> str:
    """One line: 'binds: Atyrau-Samara 17.5 Mt/y (2024, source: ...), ...'."""
    parts = [f"{b.label} {b.value:g} {b.unit} ({b.year}; {'assumption' if b.assumption else b.source or b.basis})"
             for b in items if b.kind != "target"][:limit]
    return "binds: " + ("; ".join(parts) if parts else "nothing")
