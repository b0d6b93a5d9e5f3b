"""Scenarios on the route network: switch assets off, resize them, add planned capacity; solve.

The public API the dashboard and the CLI call:

- :class:`Scenario` describes a change; presets come from ``scenarios.yaml``
  (:func:`preset_scenario`, :func:`scenario_for`).
- :func:`solve` returns a :class:`Result` for a network (baseline, or a scenario against it).
- :func:`run_network` returns the baseline and the scenario side by side; :func:`compare`
  tabulates them. Nothing here reads files: :class:`geo.workspace.Workspace` loads the
  tables and builds the network once.

How the flows are found is in :mod:`geo.routes.linear_program`; the metrics in :mod:`geo.routes.metrics`.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field, replace
from types import MappingProxyType
from typing import Any

import numpy as np
import pandas as pd

from geo.data.network_schema import PresetSpec
from geo.errors import GeoError, UnknownIdError
from geo.routes.costs import ReroutingCost, rerouting_cost
from geo.routes.explain import Binding, binding
from geo.routes.linear_program import Limits, fit_baseline_duals, limits, reroute_duals
from geo.routes.metrics import exposure, share
from geo.routes.network import Edge, Network, Node


@dataclass(frozen=True)
class Scenario:
    """A change to the network.

    Parameters
    ----------
    off
        Asset ids (or edge ids of the network) switched off: every edge and node using them stops.
    capacity
        Absolute capacities by asset id, in the network's unit (Mt/y or bcm/y), before fixed
        flows (transit, domestic crude) are taken off.
    scale
        Factors on capacities by asset id.
    use_planned
        Asset ids raised to their planned capacity.
    commit
        Committed (contracted) volumes by route id or edge id, in the network's unit: the
        scenario meets them before it keeps the baseline routing (never by stranding volume).
    name
        A label for the result.
    commit_basis
        Per committed route or edge id: (basis, source, assumption) of the committed volume, shown with the binding
        constraints; a commitment without one is "committed by the scenario".
    """

    off: tuple[str, ...] = ()
    capacity: Mapping[str, float] = field(default_factory=dict)
    scale: Mapping[str, float] = field(default_factory=dict)
    use_planned: tuple[str, ...] = ()
    name: str = "custom"
    commit: Mapping[str, float] = field(default_factory=dict)
    commit_basis: Mapping[str, tuple[str, str | None, bool]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for attr in ("capacity", "scale", "commit"):
            values = {str(k): float(v) for k, v in dict(getattr(self, attr)).items()}
            bad = {k: v for k, v in values.items() if not math.isfinite(v) or v < 0}
            if bad:
                msg = f"{attr}: values must be finite and non-negative, got {bad}"
                raise ValueError(msg)
            object.__setattr__(self, attr, MappingProxyType(values))
        object.__setattr__(self, "off", tuple(dict.fromkeys(self.off)))
        object.__setattr__(self, "commit_basis", MappingProxyType(dict(self.commit_basis)))
        object.__setattr__(self, "use_planned", tuple(dict.fromkeys(self.use_planned)))

    @property
    def ids(self) -> set[str]:
        """Every id the scenario names."""
        return set(self.off) | set(self.capacity) | set(self.scale) | set(self.use_planned) | set(self.commit)

    def is_empty(self) -> bool:
        """Whether the scenario changes nothing."""
        return not self.ids


@dataclass(frozen=True)
class RouteFlow:
    """Volume on one route, with its capacity and the baseline volume."""

    id: str
    name: str
    volume: float
    #: Tightest capacity left for Kazakh volumes along the route (None: unbounded).
    capacity: float | None
    baseline: float
    asset_flows: dict[str, float] = field(default_factory=dict)
    #: The year's observed (or assumed) volume the baseline was fitted to.
    observed: float | None = None
    observed_basis: str | None = None


@dataclass(frozen=True)
class Result:
    """A solved network: volumes, stranded volume and dependency metrics."""

    year: int
    commodity: str
    unit: str
    total_export: float
    stranded: float
    share_via_russia: float
    share_via_russian_ports: float
    #: Share of exports by destination market (keys: market labels).
    by_market: dict[str, float]
    #: Diversification: Herfindahl-Hirschman index over the foreign countries passed (0-1).
    hhi: float
    routes: list[RouteFlow]
    scenario: str = "baseline"
    #: Ids switched off (assets or edges).
    off: tuple[str, ...] = ()
    #: Share of exports passing each foreign country.
    by_country: dict[str, float] = field(default_factory=dict)
    #: Kazakh volume per asset (peak over its edges; throughput of a node).
    asset_flows: dict[str, float] = field(default_factory=dict)
    edge_flows: dict[str, float] = field(default_factory=dict)
    #: Volume to export per supply node, and what of it is stranded.
    supply: dict[str, float] = field(default_factory=dict)
    stranded_by_supply: dict[str, float] = field(default_factory=dict)
    #: Effective volume of each fixed flow (transit, domestic crude).
    fixed_flows: dict[str, float] = field(default_factory=dict)
    #: Observed aggregates of flows.csv for comparison (``total``, ``avoiding-russian-ports``).
    observed: dict[str, float] = field(default_factory=dict)
    notes: tuple[str, ...] = ()
    #: The constraints that bind, from the solver's marginals (:mod:`geo.routes.explain`).
    binding: list[Binding] = field(default_factory=list)
    #: Kazakh volume delivered for processing abroad, not exported (Karachaganak raw gas to Orenburg).
    processed: float = 0.0
    #: Volume Kazakhstan carries for others, by transit fixed flow (not Kazakh exports).
    transit: dict[str, float] = field(default_factory=dict)
    #: Label of each transit fixed flow (what is carried, for whom).
    transit_labels: dict[str, str] = field(default_factory=dict)
    #: Extra transport cost of the rerouted volume from published tariffs (scenarios only).
    rerouting_cost: ReroutingCost | None = None

    def to_dict(self) -> dict[str, Any]:
        """The result as JSON-ready data (floats rounded to 6 decimals; unbounded as ``None``)."""
        plain = _plain(asdict(self))
        assert isinstance(plain, dict)  # a dataclass serialises to a mapping
        return plain


def _plain(value: Any) -> Any:
    if isinstance(value, float):
        return round(value, 6) if math.isfinite(value) else None
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


# --- scenario -> capacities ---------------------------------------------------------


def _where(network: Network, ident: str) -> tuple[list[int], list[int]]:
    """Edges and nodes an id stands for: an asset's, or one edge or node of the network."""
    if ident in network.assets:
        return ([i for i, e in enumerate(network.edges) if e.asset == ident], [i for i, n in enumerate(network.nodes) if n.asset == ident])
    if ident in network.edge_index:
        return [network.edge_index[ident]], []
    if ident in network.node_index:
        return [], [network.node_index[ident]]
    return [], []


def check_ids(network: Network, scenario: Scenario) -> None:
    """Raise :class:`UnknownIdError` naming every id that is neither an asset nor part of the network."""
    routes = {r.id for r in network.routes}
    unknown = sorted(i for i in scenario.ids if i not in network.assets and i not in network.edge_index and i not in network.node_index
                     and not (i in scenario.commit and i in routes))
    if unknown:
        msg = f"unknown asset id{'s' if len(unknown) > 1 else ''}: {', '.join(repr(u) for u in unknown)} (not in assets.geojson or the network)"
        raise UnknownIdError(msg)


def capacities(network: Network, scenario: Scenario) -> tuple[np.ndarray, np.ndarray, tuple[str, ...]]:
    """Edge and node capacities under a scenario (before fixed flows), and notes.

    Planned capacities first, then absolute capacities, then scale factors; switching off last.
    """
    check_ids(network, scenario)
    edge = np.array([e.capacity for e in network.edges], dtype=float)
    node = np.array([n.capacity for n in network.nodes], dtype=float)
    notes = []
    for ident in sorted(scenario.ids - set(scenario.commit)):
        if _where(network, ident) == ([], []):
            notes.append(f"{ident!r} is not part of the {network.commodity} network; ignored")
    for ident in scenario.use_planned:
        edges, nodes = _where(network, ident)
        planned = [(edge, i, network.edges[i].planned) for i in edges] + [(node, i, network.nodes[i].planned) for i in nodes]
        planned = [(arr, i, p) for arr, i, p in planned if p is not None]
        if (edges or nodes) and not planned:
            msg = f"{ident!r} has no planned capacity (assets.geojson planned_capacity_norm or network.yaml planned)"
            raise GeoError(msg)
        for arr, i, p in planned:
            arr[i] = max(arr[i], p)
    for ident, value in scenario.capacity.items():
        edges, nodes = _where(network, ident)
        edge[edges], node[nodes] = value, value
    for ident, factor in scenario.scale.items():
        edges, nodes = _where(network, ident)
        for arr, idx in ((edge, edges), (node, nodes)):
            # inf * 0 is undefined: a zero factor closes the asset, whatever its capacity.
            arr[idx] = 0.0 if factor == 0 else arr[idx] * factor
    for ident in scenario.off:
        edges, nodes = _where(network, ident)
        edge[edges] = 0.0
        node[nodes] = 0.0
        for n in nodes:
            # A node switched off stops every edge touching it.
            edge[(network.tail == n) | (network.head == n)] = 0.0
    return edge, node, tuple(notes)


# --- solving ------------------------------------------------------------------------


def solve(network: Network, scenario: Scenario | None = None) -> Result:
    """Solve the baseline of a network, or a scenario against its baseline.

    Parameters
    ----------
    network
        A network from :func:`geo.routes.network.build_network`.
    scenario
        The change to apply; ``None`` (or an empty scenario) solves the baseline.

    Returns
    -------
    Result
        Volumes per route and asset, stranded volume and dependency metrics.

    Raises
    ------
    UnknownIdError
        If the scenario names an id that is neither an asset nor an edge or node of the network.
    """
    return _solve_pair(network, scenario)[1]


def solve_pair(network: Network, scenario: Scenario | None = None) -> tuple[Result, Result]:
    """The baseline and the scenario (the baseline twice for ``None``), solved together."""
    return _solve_pair(network, scenario)


def _solve_pair(network: Network, scenario: Scenario | None) -> tuple[Result, Result]:
    base_edge, base_node, _ = capacities(network, Scenario())
    base_lim = limits(network, base_edge, base_node)
    base_flow, supply, base_duals = fit_baseline_duals(network, base_lim)
    base_binding = binding(network, base_lim, base_duals, edge_cap=base_edge, node_cap=base_node, baseline=True)
    baseline = _result(network, base_lim, base_flow, base_flow, supply, np.zeros_like(supply), Scenario(name="baseline"), (), base_binding)
    if scenario is None or scenario.is_empty():
        return baseline, baseline
    edge, node, notes = capacities(network, scenario)
    lim = limits(network, edge, node)
    committed = committed_volumes(network, scenario)
    flow, stranded, duals = reroute_duals(network, lim, baseline=base_flow, supply=supply, committed=committed)
    notes += _commit_notes(network, committed, flow)
    changed = frozenset(scenario.capacity) | frozenset(scenario.scale) | frozenset(scenario.use_planned)
    measure = {r.id: r.measure for r in network.routes}
    commit_basis = {measure.get(k, k): v for k, v in scenario.commit_basis.items()}
    bound = binding(network, lim, duals, edge_cap=edge, node_cap=node, off=scenario.off, changed=changed,
                    committed={network.edges[i].id: float(v) for i, v in enumerate(committed) if v > 0}, flow=flow,
                    commit_basis=commit_basis)
    result = _result(network, lim, flow, base_flow, supply, stranded, scenario, notes, bound)
    cost = rerouting_cost({r.id: r.baseline for r in result.routes}, {r.id: r.volume for r in result.routes},
                          result.stranded - baseline.stranded, network.tariffs, unit=network.unit, year=network.year)
    return baseline, replace(result, rerouting_cost=cost)


def committed_volumes(network: Network, scenario: Scenario) -> np.ndarray:
    """Committed volume per edge: a route's commitment sits on its measured edge."""
    measure = {r.id: r.measure for r in network.routes}
    out = np.zeros(len(network.edges))
    for ident, volume in scenario.commit.items():
        edge = measure.get(ident, ident)
        if edge in network.edge_index:
            out[network.edge_index[edge]] = max(out[network.edge_index[edge]], volume)
    return out


def _commit_notes(network: Network, committed: np.ndarray, flow: np.ndarray) -> tuple[str, ...]:
    return tuple(f"committed {committed[i]:g} {network.unit} on {network.edges[i].id}: only {flow[i]:.3f} fits"
                 for i in np.flatnonzero(committed > 0) if flow[i] < committed[i] - 1e-6)


def _result(network: Network, lim: Limits, flow: np.ndarray, base_flow: np.ndarray, supply: np.ndarray, stranded: np.ndarray,
            scenario: Scenario, notes: tuple[str, ...], bound: list[Binding]) -> Result:
    exp = exposure(network, flow)
    inflow = np.bincount(network.head, weights=flow, minlength=len(network.nodes))
    outflow = np.bincount(network.tail, weights=flow, minlength=len(network.nodes))
    assets: dict[str, float] = {}
    for e, v in zip(network.edges, flow, strict=True):
        if e.asset:
            assets[e.asset] = max(assets.get(e.asset, 0.0), float(v))
    for i, n in enumerate(network.nodes):
        if n.asset:
            assets[n.asset] = max(assets.get(n.asset, 0.0), float(max(inflow[i], outflow[i])))
    targets = {t.route: t for t in network.targets}
    routes = []
    for r in network.routes:
        idx = [network.edge_index[e] for e in r.edges]
        ends = {int(network.tail[i]) for i in idx} | {int(network.head[i]) for i in idx}
        cap = min([float(lim.edge[i]) for i in idx] + [float(lim.node[n]) for n in ends])
        m = network.edge_index[r.measure]
        on_route = {network.edges[i].asset for i in idx} | {network.nodes[n].asset for n in ends}
        target = targets.get(r.id)
        routes.append(RouteFlow(
            id=r.id, name=r.name, volume=float(flow[m]), capacity=cap if math.isfinite(cap) else None, baseline=float(base_flow[m]),
            asset_flows={a: assets[a] for a in sorted(x for x in on_route if x)},
            observed=target.value if target else None, observed_basis=target.basis if target else None,
        ))
    supplies = np.flatnonzero(network.kind_mask("supply"))
    return Result(
        year=network.year, commodity=network.commodity, unit=network.unit, total_export=exp.total,
        stranded=float(stranded.sum()), share_via_russia=share(exp.via_russia, exp.total),
        share_via_russian_ports=share(exp.via_russian_ports, exp.total),
        by_market={k: share(v, exp.total) for k, v in exp.by_market.items()}, hhi=exp.hhi, routes=routes,
        scenario=scenario.name, off=scenario.off, by_country={k: share(v, exp.total) for k, v in exp.by_country.items() if v > 0},
        asset_flows=assets, edge_flows={e.id: float(v) for e, v in zip(network.edges, flow, strict=True)},
        supply={network.nodes[i].id: float(supply[i]) for i in supplies},
        stranded_by_supply={network.nodes[i].id: float(stranded[i]) for i in supplies},
        fixed_flows={f.id: float(v) for f, v in zip(network.fixed_flows, lim.fixed, strict=True)},
        observed=dict(network.observed), notes=network.notes + _vintage_note(network) + notes, binding=bound,
        processed=exp.processed,
        transit={f.id: float(v) for f, v in zip(network.fixed_flows, lim.fixed, strict=True) if f.kind == "transit"},
        transit_labels={f.id: f.label for f in network.fixed_flows if f.kind == "transit"},
    )


def _vintage_note(network: Network) -> tuple[str, ...]:
    """One note naming every capacity applied to a year before the year its figure was published for."""
    items: list[Edge | Node] = [*network.edges, *network.nodes]
    late = sorted({f"{i.asset or i.id} ({i.provenance.year})" for i in items if i.provenance.carried_back})
    if not late:
        return ()
    return (f"assumption: capacities published for later years carried back to {network.year}: {', '.join(late)}",)


# --- presets and the one-call entry point -------------------------------------------


def preset_scenario(preset: PresetSpec, network: Network, *, committed: bool = False) -> Scenario:
    """The scenario of a preset, its flags resolved to the network's assets that carry them.

    With ``committed`` the preset's committed volumes apply too (those of routes in this network).
    """
    used = {e.asset for e in network.edges} | {n.asset for n in network.nodes}
    flagged = [a.id for a in network.assets.values() if a.id in used and any(getattr(a, flag) for flag in preset.switch_off_if)]
    known = {r.id for r in network.routes} | set(network.edge_index)
    chosen = [c for c in preset.commit if c.route in known] if committed else []
    commit = {c.route: c.value for c in chosen}
    return Scenario(off=(*preset.switch_off, *flagged), capacity=preset.capacity, scale=preset.scale,
                    use_planned=tuple(preset.use_planned), name=preset.id + ("+committed" if commit else ""), commit=commit,
                    commit_basis={c.route: (c.basis, c.source, c.assumption) for c in chosen})


def combine(first: Scenario, second: Scenario) -> Scenario:
    """Both scenarios' changes; where both give a capacity or a factor, the second wins."""
    names = [s.name for s in (first, second) if not s.is_empty()]
    return Scenario(off=(*first.off, *second.off), capacity={**first.capacity, **second.capacity},
                    scale={**first.scale, **second.scale}, use_planned=(*first.use_planned, *second.use_planned),
                    name="+".join(names) or "baseline", commit={**first.commit, **second.commit},
                    commit_basis={**first.commit_basis, **second.commit_basis})


def scenario_for(
    network: Network,
    presets: Iterable[PresetSpec],
    *,
    preset: str | None = None,
    off: Iterable[str] = (),
    capacity: Mapping[str, float] | None = None,
    scale: Mapping[str, float] | None = None,
    use_planned: Iterable[str] = (),
    committed: bool = False,
) -> Scenario:
    """The scenario a preset plus explicit changes describe on ``network``.

    Parameters
    ----------
    network
        The network the scenario applies to (ids are checked against it when solving).
    presets
        The presets of ``scenarios.yaml``; ``preset`` names one of them.
    off, capacity, scale, use_planned
        Added to the preset; see :class:`Scenario`.
    committed
        Apply the preset's committed volumes (contracts and targets met before the baseline routing).

    Raises
    ------
    UnknownIdError
        For an unknown preset.
    """
    base = Scenario(name="baseline")
    if preset is not None:
        by_id = {p.id: p for p in presets}
        if preset not in by_id:
            msg = f"unknown preset {preset!r}; known presets: {', '.join(by_id)}"
            raise UnknownIdError(msg)
        base = preset_scenario(by_id[preset], network, committed=committed)
    extra = Scenario(off=tuple(off), capacity=dict(capacity or {}), scale=dict(scale or {}), use_planned=tuple(use_planned))
    return combine(base, extra)


def run_network(
    network: Network,
    presets: Iterable[PresetSpec],
    *,
    preset: str | None = None,
    off: Iterable[str] = (),
    capacity: Mapping[str, float] | None = None,
    scale: Mapping[str, float] | None = None,
    use_planned: Iterable[str] = (),
    committed: bool = False,
) -> tuple[Result, Result]:
    """Baseline and scenario results on a network (see :func:`scenario_for` for the arguments)."""
    scen = scenario_for(network, presets, preset=preset, off=off, capacity=capacity, scale=scale, use_planned=use_planned,
                        committed=committed)
    return _solve_pair(network, scen)


def compare(baseline: Result, result: Result) -> pd.DataFrame:
    """Baseline and scenario side by side: headline metrics, markets, then routes.

    Returns
    -------
    pandas.DataFrame
        Columns ``section, id, label, unit, baseline, scenario, change`` (shares as fractions).
    """
    unit = f"{result.unit} ({result.year})"
    rows = [
        ("summary", "total_export", "Total exports", unit, baseline.total_export, result.total_export),
        ("summary", "stranded", "Stranded (cannot be exported)", unit, baseline.stranded, result.stranded),
        ("summary", "share_via_russia", "Share via Russian territory or ports", "share", baseline.share_via_russia, result.share_via_russia),
        ("summary", "share_via_russian_ports", "Share via Russian ports", "share", baseline.share_via_russian_ports,
         result.share_via_russian_ports),
        ("summary", "hhi", "Diversification (HHI over transit countries)", "index", baseline.hhi, result.hhi),
    ]
    rows += [("other", "processed", "Sent for processing abroad (not exports)", unit, baseline.processed, result.processed),
             ("other", "transit", "Transit carried for other countries", unit, sum(baseline.transit.values()), sum(result.transit.values()))]
    # Each transit flow apart: Kazakhstan's own exports and what it carries for others are different dependencies.
    rows += [("other", f"transit:{k}", f"- {result.transit_labels.get(k, k)}", unit, baseline.transit.get(k, 0.0), result.transit.get(k, 0.0))
             for k in dict.fromkeys([*baseline.transit, *result.transit])]
    rows += [("market", m, m, "share", baseline.by_market.get(m, 0.0), result.by_market.get(m, 0.0))
             for m in dict.fromkeys([*baseline.by_market, *result.by_market])]
    base_routes = {r.id: r for r in baseline.routes}
    rows += [("route", r.id, r.name, unit, base_routes[r.id].volume if r.id in base_routes else 0.0, r.volume) for r in result.routes]
    frame = pd.DataFrame(rows, columns=["section", "id", "label", "unit", "baseline", "scenario"])
    frame["change"] = frame["scenario"] - frame["baseline"]
    return frame


def fit_table(baseline: Result) -> pd.DataFrame:
    """How well the baseline reproduces the year's observed volumes, route by route.

    Rows for every route with an observed or assumed volume, then the observed aggregates
    (``total``; ``avoiding-russian-ports`` is the volume exported without a Russian port).
    """
    rows = [(r.id, r.name, r.observed, r.volume, r.observed_basis) for r in baseline.routes if r.observed is not None]
    modelled = {"total": baseline.total_export, "avoiding-russian-ports": baseline.total_export * (1 - baseline.share_via_russian_ports)}
    rows += [(k, f"{k} (aggregate)", v, modelled[k], "flows.csv") for k, v in baseline.observed.items() if k in modelled]
    frame = pd.DataFrame(rows, columns=["id", "name", "observed", "modelled", "basis"])
    frame["deviation"] = (frame["modelled"] - frame["observed"]) / frame["observed"].where(frame["observed"] > 0)
    return frame
