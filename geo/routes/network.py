"""The route network of one commodity and year, built from the dataset and ``network.yaml``.

:func:`build_network` is pure: it takes the validated tables (assets, flows, the network
spec) and returns a :class:`Network` whose every capacity, target and fixed flow carries
its provenance. Solving it is :mod:`geo.routes.scenario`'s job.

Capacity of a node or edge for a year, first match wins:

1. the spec's ``capacity`` entry listing the year, then its entry without years;
2. the asset's ``capacity_norm`` from ``assets.geojson`` if the asset is operating and the
   unit matches the network's (an asset that is not operating has capacity 0);
3. none: an error for edges with an asset and for ports and terminals; unbounded for
   junctions, supply regions and markets.

Preference cost of an edge (the order in which a scenario uses spare capacity): the mode's
cost per 1000 km (``costs`` in ``network.yaml``) times the edge's length, which is its
asset's geodesic length or the spec's ``length_km`` for a segment; feeders and deliveries
cost the mode's cost per unit.

Planned capacity (scenario ``use_planned``): the spec's ``planned`` entry; else the asset's
``planned_capacity_norm`` (or, for an asset not yet built, its ``capacity_norm``); where the
spec overrides an operating asset's capacity (a Kazakh allocation of a shared pipeline), the
expansion's increment ``planned - capacity_norm`` is added to the override. A planned
capacity never lowers the current one.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

import numpy as np
import pandas as pd

from geo.data.geodesy import geodesic_length_km
from geo.data.network_schema import LOADING_KINDS, Capacity, EdgeSpec, FixedFlowSpec, Mode, NetworkSpec, NodeSpec, NoteSpec, TariffSpec
from geo.data.schema import LINE_KINDS, NORM_UNIT
from geo.errors import DataError, Problem, UnknownIdError
from geo.routes.costs import Tariff

NETWORK_FILE = "network.yaml"
INF = math.inf


@dataclass(frozen=True)
class AssetInfo:
    """What the network needs to know of an asset of ``assets.geojson``."""

    id: str
    name: str
    kind: str
    commodity: str
    status: str
    countries: tuple[str, ...]
    crosses_russia: bool
    ends_at_russian_port: bool
    capacity_norm: float | None = None
    capacity_unit: str | None = None
    capacity_source: str | None = None
    #: The year the published capacity refers to (it applies from then on).
    capacity_year: int | None = None
    planned_capacity_norm: float | None = None
    #: Geodesic length of a line asset's geometry.
    length_km: float | None = None


@dataclass(frozen=True)
class Provenance:
    """Where a capacity comes from: the year its figure refers to, its source id, and whether it is assumed."""

    year: int | None = None
    source: str | None = None
    assumption: bool = False
    #: The figure is dated after the network's year and applied to it anyway (an assumption).
    carried_back: bool = False
    #: A stated range (low, high) for sensitivity runs.
    range: tuple[float, float] | None = None


@dataclass(frozen=True)
class Node:
    """A place in the network. ``capacity`` limits Kazakh and fixed flows arriving together."""

    id: str
    kind: str
    label: str
    asset: str | None = None
    capacity: float = INF
    planned: float | None = None
    basis: str = ""
    provenance: Provenance = field(default_factory=lambda: Provenance())
    country: str | None = None
    #: Foreign countries the node lies in (the origin country left out).
    countries: frozenset[str] = frozenset()
    via_russia: bool = False
    russian_port: bool = False
    #: Receives volumes for processing, not as exports (they count in ``processed``, not in exports).
    processing: bool = False


@dataclass(frozen=True)
class Edge:
    """A directed leg. ``capacity`` is before fixed flows (transit, domestic) are taken off."""

    id: str
    source: str
    target: str
    asset: str | None = None
    mode: str = "pipeline"
    capacity: float = INF
    planned: float | None = None
    cost: float = 1.0
    basis: str = ""
    provenance: Provenance = field(default_factory=lambda: Provenance())
    countries: frozenset[str] = frozenset()
    via_russia: bool = False
    russian_port: bool = False


@dataclass(frozen=True)
class Route:
    """A named chain of edges whose volume is the flow on ``measure``."""

    id: str
    name: str
    edges: tuple[str, ...]
    measure: str


@dataclass(frozen=True)
class Target:
    """An observed (or assumed) baseline volume of a route."""

    route: str
    value: float
    weight: float
    basis: str
    assumption: bool
    source: str | None = None
    range: tuple[float, float] | None = None


@dataclass(frozen=True)
class FixedFlow:
    """A volume that is not Kazakh export but uses capacity on ``edges``."""

    id: str
    kind: str
    label: str
    volume: float
    edges: tuple[str, ...]
    basis: str
    source: str | None = None
    assumption: bool = False
    range: tuple[float, float] | None = None


@dataclass(frozen=True)
class Network:
    """The network of one commodity and year, ready to solve."""

    year: int
    commodity: str
    unit: str
    origin: str
    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]
    routes: tuple[Route, ...] = ()
    targets: tuple[Target, ...] = ()
    fixed_flows: tuple[FixedFlow, ...] = ()
    #: Every asset of the dataset (a scenario may name assets outside this network).
    assets: Mapping[str, AssetInfo] = field(default_factory=dict)
    #: Observed aggregates of flows.csv for the year (``total``, ``avoiding-russian-ports``).
    observed: Mapping[str, float] = field(default_factory=dict)
    notes: tuple[str, ...] = ()
    #: Published transport tariff per route id (:mod:`geo.routes.costs`).
    tariffs: Mapping[str, Tariff] = field(default_factory=dict)

    @cached_property
    def node_index(self) -> dict[str, int]:
        """Position of each node id."""
        return {n.id: i for i, n in enumerate(self.nodes)}

    @cached_property
    def edge_index(self) -> dict[str, int]:
        """Position of each edge id."""
        return {e.id: i for i, e in enumerate(self.edges)}

    @cached_property
    def tail(self) -> np.ndarray:
        """Index of each edge's start node."""
        return np.array([self.node_index[e.source] for e in self.edges], dtype=np.int64)

    @cached_property
    def head(self) -> np.ndarray:
        """Index of each edge's end node."""
        return np.array([self.node_index[e.target] for e in self.edges], dtype=np.int64)

    @cached_property
    def order(self) -> np.ndarray:
        """Node indices in topological order (the network is acyclic)."""
        order = topological_order(len(self.nodes), self.tail, self.head)
        if order is None:
            msg = f"the {self.commodity} network has a cycle"
            raise DataError([Problem(NETWORK_FILE, None, "edges", msg)])
        return order

    def kind_mask(self, kind: str) -> np.ndarray:
        """Boolean mask of the nodes of one kind."""
        return np.array([n.kind == kind for n in self.nodes], dtype=bool)


def topological_order(n_nodes: int, tail: np.ndarray, head: np.ndarray) -> np.ndarray | None:
    """Kahn's algorithm; ``None`` when the graph has a cycle.

    Examples
    --------
    >>> topological_order(3, np.array([0, 1]), np.array([1, 2])).tolist()
    [0, 1, 2]
    >>> topological_order(2, np.array([0, 1]), np.array([1, 0])) is None
    True
    """
    indegree = np.bincount(head, minlength=n_nodes)
    out: list[list[int]] = [[] for _ in range(n_nodes)]
    for t, h in zip(tail.tolist(), head.tolist(), strict=True):
        out[t].append(h)
    ready = [i for i in range(n_nodes) if indegree[i] == 0]
    order = []
    while ready:
        node = ready.pop()
        order.append(node)
        for h in out[node]:
            indegree[h] -= 1
            if indegree[h] == 0:
                ready.append(h)
    return np.array(order, dtype=np.int64) if len(order) == n_nodes else None


def asset_infos(assets: pd.DataFrame, *, measure: Collection[str] | None = None) -> dict[str, AssetInfo]:
    """The assets table as :class:`AssetInfo` records keyed by id.

    Geodesic lengths are measured only for the lines in ``measure`` (all lines if ``None``),
    so building a network over a large dataset costs no more than its own edges.
    """

    def num(v: Any) -> float | None:
        return None if v is None or (isinstance(v, float) and math.isnan(v)) else float(v)

    def text(v: Any) -> str | None:
        return v if isinstance(v, str) else None

    return {
        str(row["id"]): AssetInfo(
            id=str(row["id"]), name=str(row["name"]), kind=str(row["kind"]), commodity=str(row["commodity"]),
            status=str(row["status"]), countries=tuple(row["countries"]),
            crosses_russia=bool(row["crosses_russia"]), ends_at_russian_port=bool(row["ends_at_russian_port"]),
            capacity_norm=num(row["capacity_norm"]), capacity_unit=text(row["capacity_norm_unit"]),
            capacity_source=text(row["capacity_source"]), capacity_year=None if num(row["capacity_year"]) is None else int(row["capacity_year"]),
            planned_capacity_norm=num(row["planned_capacity_norm"]),
            length_km=geodesic_length_km(row["geometry"])
            if row["kind"] in LINE_KINDS and row["geometry"] is not None and (measure is None or row["id"] in measure) else None,
        )
        for row in assets.to_dict("records")
    }


def build_network(assets: pd.DataFrame, flows: pd.DataFrame, spec: NetworkSpec, *, year: int, commodity: str) -> Network:
    """Build the network of one commodity and year.

    Parameters
    ----------
    assets
        The assets table (:func:`geo.data.load.load_assets`), indexed by asset id.
    flows
        The flow table (:func:`geo.data.load.load_flows`).
    spec
        The parsed ``network.yaml`` (:func:`geo.data.load.load_network`).
    year
        One of ``spec.years``.
    commodity
        ``"oil"`` or ``"gas"``.

    Returns
    -------
    Network
        Nodes, edges with their capacities for the year, routes, baseline targets and fixed flows.

    Raises
    ------
    UnknownIdError
        If the year or commodity is not covered.
    DataError
        If the spec lacks a capacity, a target conflicts with ``flows.csv``, a fixed flow has
        no volume for the year, or the network has a cycle.
    """
    if commodity not in NORM_UNIT:
        msg = f"unknown commodity {commodity!r}; expected one of {sorted(NORM_UNIT)}"
        raise UnknownIdError(msg)
    if year not in spec.years:
        msg = f"no network data for year {year}; available years: {sorted(spec.years)}"
        raise UnknownIdError(msg)
    unit = NORM_UNIT[commodity]
    infos = asset_infos(assets, measure={e.asset for e in spec.edges if e.asset})
    problems: list[Problem] = []
    # Step 1: nodes and edges with their capacities for the year.
    nodes = tuple(_node(n, infos, spec.origin, year=year, unit=unit, problems=problems) for n in spec.nodes if n.commodity == commodity)
    edges = tuple(_edge(e, infos, spec, year=year, unit=unit, problems=problems) for e in spec.edges if e.commodity == commodity)
    # Step 2: routes, and the baseline targets from flows.csv plus the spec's own.
    routes = tuple(Route(r.id, r.name, tuple(r.edges), r.measured_edge) for r in spec.routes if r.commodity == commodity)
    year_flows = flows[(flows["year"] == year) & (flows["commodity"] == commodity) & flows["primary"]]
    targets, observed = _targets(year_flows, spec, {r.id for r in routes}, year=year, commodity=commodity, problems=problems)
    # Step 3: fixed flows (transit, domestic crude) that use capacity.
    fixed = tuple(_fixed_flow(f, year_flows, year=year, problems=problems) for f in spec.fixed_flows if f.commodity == commodity)
    if problems:
        raise DataError(problems)
    network = Network(year=year, commodity=commodity, unit=unit, origin=spec.origin, nodes=nodes, edges=edges, routes=routes,
                      targets=targets, fixed_flows=fixed, assets=infos, observed=observed,
                      tariffs=_tariffs([t for t in spec.tariffs if t.commodity == commodity], year=year),
                      notes=tuple(note_text(n) for n in spec.notes if n.commodity == commodity and (not n.years or year in n.years)))
    _ = network.order  # fail early on a cycle
    return network


def note_text(note: NoteSpec) -> str:
    """A ``notes:`` entry of ``network.yaml`` as one line of a result's notes, with its source ids."""
    return f"{note.text} [{', '.join(note.sources)}]" if note.sources else note.text


def _tariffs(specs: list[TariffSpec], *, year: int) -> dict[str, Tariff]:
    """Per route: the published tariff nearest the year (earlier years first), else the note that none is published."""
    out: dict[str, Tariff] = {}
    for route in dict.fromkeys(t.route for t in specs):
        entries = [t for t in specs if t.route == route]
        valued = sorted((t for t in entries if t.usd_per_t is not None and t.year is not None),
                        key=lambda t: (t.year is not None and t.year > year, abs((t.year or year) - year)))
        best = valued[0] if valued else entries[0]
        out[route] = Tariff(route, best.usd_per_t, best.year, best.source, best.note)
    return out


def _node(n: NodeSpec, infos: Mapping[str, AssetInfo], origin: str, *, year: int, unit: str, problems: list[Problem]) -> Node:
    info = infos.get(n.asset) if n.asset else None
    if n.asset and info is None:
        problems.append(Problem(NETWORK_FILE, f"nodes {n.id}", "asset", f"unknown asset id {n.asset!r}"))
    resolved = _capacity(n.capacity, info, year=year, unit=unit)
    if resolved is None:
        if n.kind in LOADING_KINDS and info is not None:
            problems.append(Problem(NETWORK_FILE, f"nodes {n.id}", "capacity", _missing(info, unit, year)))
        resolved = (INF, "no capacity (not a loading point)", Provenance())
    capacity, basis, prov = resolved
    countries = set(info.countries) if info else set()
    if n.country:
        countries.add(n.country)
    return Node(
        id=n.id, kind=n.kind, label=n.label, asset=n.asset, capacity=capacity,
        planned=_planned(n.planned, info, capacity, overridden=bool(n.capacity), unit=unit), basis=basis, provenance=prov, country=n.country,
        countries=frozenset(countries - {origin}), via_russia="RU" in countries,
        russian_port=bool(info and info.ends_at_russian_port and n.kind in LOADING_KINDS), processing=n.processing,
    )


def _edge(e: EdgeSpec, infos: Mapping[str, AssetInfo], spec: NetworkSpec, *, year: int, unit: str, problems: list[Problem]) -> Edge:
    info = infos.get(e.asset) if e.asset else None
    if e.asset and info is None:
        problems.append(Problem(NETWORK_FILE, f"edges {e.id}", "asset", f"unknown asset id {e.asset!r}"))
    resolved = _capacity(e.capacity, info, year=year, unit=unit)
    if resolved is None:
        if e.mode == "delivery" or (e.asset is None and not e.capacity):
            resolved = (INF, "delivery to the market", Provenance())
        else:
            what = _missing(info, unit, year) if info else f"no capacity for {year}"
            problems.append(Problem(NETWORK_FILE, f"edges {e.id}", "capacity", what))
            resolved = (0.0, "missing", Provenance())
    capacity, basis, prov = resolved
    mode: Mode = e.mode or (_LINE_MODES.get(info.kind, "pipeline") if info is not None else "pipeline")
    countries = set(e.countries) if e.countries is not None else set(info.countries if info else ())
    overridden_countries = e.countries is not None
    return Edge(
        id=e.id, source=e.from_, target=e.to, asset=e.asset, mode=mode, capacity=capacity,
        planned=_planned(e.planned, info, capacity, overridden=bool(e.capacity), unit=unit),
        cost=e.cost if e.cost is not None else _cost(e, info, spec.costs[mode]), basis=basis, provenance=prov,
        countries=frozenset(countries - {spec.origin}), via_russia="RU" in countries,
        russian_port=bool(info and info.ends_at_russian_port and (not overridden_countries or "RU" in countries)),
    )


#: Asset kinds that are also edge modes; any other asset kind defaults to a pipeline edge.
_LINE_MODES: dict[str, Mode] = {"pipeline": "pipeline", "shipping_lane": "shipping_lane", "rail": "rail"}


def _cost(e: EdgeSpec, info: AssetInfo | None, per_unit: float) -> float:
    """The mode's cost per 1000 km times the segment's length; feeders and deliveries cost per unit."""
    length = e.length_km if e.length_km is not None else (info.length_km if info is not None else None)
    return per_unit if length is None else per_unit * length / 1000.0


def _capacity(entries: list[Capacity], info: AssetInfo | None, *, year: int, unit: str) -> tuple[float, str, Provenance] | None:
    """The capacity for ``year``: an entry listing the year, the latest ``from_year`` entry, an entry for all years, the asset's."""
    listed = [e for e in entries if e.years and year in e.years]
    dated = sorted((e for e in entries if not e.years and e.from_year is not None and e.from_year <= year), key=lambda e: -(e.from_year or 0))
    timeless = [e for e in entries if not e.years and e.from_year is None]
    for entry in listed + dated + timeless:
        when = year if entry.years else entry.from_year
        prov = Provenance(year=when, source=entry.source, assumption=entry.assumption, range=entry.range)
        return (INF if entry.value is None else float(entry.value)), entry.basis, prov
    later = sorted((e for e in entries if not e.years and e.from_year is not None and e.from_year > year), key=lambda e: e.from_year or 0)
    valid_asset = info is not None and info.status == "operating" and info.capacity_norm is not None and info.capacity_unit == unit \
        and not (info.capacity_year is not None and info.capacity_year > year)
    first = later[0] if later else None
    if first is not None and first.value is not None and not valid_asset and (info is None or info.status == "operating"):
        # Only a later entry: carried back to this year, an assumption said so (its stated range is kept).
        basis = f"assumption: capacity published for {first.from_year} carried back to {year} [{first.source}]"
        return float(first.value), basis, Provenance(year=first.from_year, source=first.source, assumption=True, carried_back=True,
                                                     range=first.range)
    if info is None:
        return None
    if info.status != "operating":
        return 0.0, f"{info.id} is {info.status} (capacity 0 until built)", Provenance(year=year)
    if info.capacity_norm is not None and info.capacity_unit == unit:
        vintage = info.capacity_year
        if vintage is not None and vintage > year:
            # Only a later figure is published: applying it to an earlier year is an assumption, said so.
            basis = f"assumption: capacity published for {vintage} carried back to {year} [{info.capacity_source}]"
            return info.capacity_norm, basis, Provenance(year=vintage, source=info.capacity_source, assumption=True, carried_back=True)
        return info.capacity_norm, f"source: {info.capacity_source}", Provenance(year=vintage, source=info.capacity_source)
    return None


def _planned(entry: Capacity | None, info: AssetInfo | None, current: float, *, overridden: bool, unit: str) -> float | None:
    planned: float | None
    if entry is not None:
        planned = INF if entry.value is None else float(entry.value)
    elif info is None or (info.capacity_unit not in (None, unit)) or NORM_UNIT.get(info.commodity, unit) != unit:
        return None
    elif info.status != "operating":
        planned = info.planned_capacity_norm or info.capacity_norm
    elif info.planned_capacity_norm is None:
        return None
    elif overridden and info.capacity_norm is not None:
        planned = current + max(0.0, info.planned_capacity_norm - info.capacity_norm)
    else:
        planned = info.planned_capacity_norm
    return None if planned is None else max(current, planned)


def _missing(info: AssetInfo, unit: str, year: int) -> str:
    return (f"asset {info.id!r} has no published capacity in {unit} for {year}; give a capacity with a source id "
            "(or assumption: true and a note)")


def _targets(
    year_flows: pd.DataFrame, spec: NetworkSpec, route_ids: set[str], *, year: int, commodity: str, problems: list[Problem]
) -> tuple[tuple[Target, ...], dict[str, float]]:
    targets: dict[str, Target] = {}
    observed: dict[str, float] = {}
    exports = year_flows[(year_flows["flow_type"] == "export") & (year_flows["origin"] == spec.origin)]
    for row in exports.to_dict("records"):
        route, volume, source = str(row["route"]), float(row["volume_norm"]), str(row["source"])
        if route in route_ids:
            targets[route] = Target(route, volume, 1.0, f"flows.csv: {source}", assumption=False, source=source)
        else:
            # Aggregates (the total, exports avoiding Russian ports) are compared, not fitted.
            observed[route] = volume
    for t in spec.targets:
        if t.year != year or t.commodity != commodity:
            continue
        label = f"targets {t.year} {t.commodity} {t.route}"
        if t.route not in route_ids:
            problems.append(Problem(NETWORK_FILE, label, "route", f"unknown route {t.route!r}"))
        elif t.route in targets:
            problems.append(Problem(NETWORK_FILE, label, "route", f"flows.csv already has a primary {year} export row for {t.route!r}"))
        else:
            targets[t.route] = Target(t.route, t.value, t.weight, t.basis, assumption=t.assumption, source=t.source, range=t.range)
    return tuple(targets.values()), observed


def _fixed_flow(f: FixedFlowSpec, year_flows: pd.DataFrame, *, year: int, problems: list[Problem]) -> FixedFlow:
    volume, basis, source, assumed, spread = None, "", None, False, None
    if f.flows is not None:
        rows = year_flows[(year_flows["flow_type"] == "transit") & (year_flows["route"] == f.flows.route) & (year_flows["origin"] == f.flows.origin)]
        if len(rows):
            source = str(rows.iloc[0]["source"])
            volume, basis = float(rows.iloc[0]["volume_norm"]), f"flows.csv: {source}"
    given = [v for v in f.volumes if v.year == year]
    if volume is not None and given:
        problems.append(Problem(NETWORK_FILE, f"fixed_flows {f.id}", "volumes", f"flows.csv already gives the {year} volume; remove it here"))
    elif given:
        volume, basis, source, assumed, spread = given[0].value, given[0].basis, given[0].source, given[0].assumption, given[0].range
    if volume is None:
        problems.append(Problem(NETWORK_FILE, f"fixed_flows {f.id}", "volumes", f"no volume for {year} in flows.csv or here"))
        volume = 0.0
    return FixedFlow(f.id, f.kind, f.label, volume, tuple(f.edges), basis, source=source, assumption=assumed, range=spread)
