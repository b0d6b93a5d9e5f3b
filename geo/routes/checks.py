"""Cross-file checks of ``network.yaml`` and ``scenarios.yaml`` against the rest of the dataset.

:func:`check_network` never raises on bad data: it returns one :class:`~geo.errors.Problem`
per finding (file, record, field, what was expected). Call it from
:func:`geo.validate.validate_dataset` with the tables already parsed there::

    network, presets = load.parse_network(data_dir), load.parse_scenarios(data_dir)
    report.problems += network.problems + presets.problems
    report.problems += check_network(network.table, presets.table, assets=assets.table,
                                     sources=sources.table, flows=flows.table)

or use :func:`network_problems` to parse and check in one go.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator
from pathlib import Path

import networkx as nx
import pandas as pd

from geo.data import load
from geo.data.network_schema import EdgeSpec, Figure, NetworkSpec, NodeSpec, PresetSpec
from geo.data.schema import LINE_KINDS
from geo.errors import DataError, Problem
from geo.routes.network import build_network

NET = load.NETWORK_FILE
PRESETS = load.SCENARIOS_FILE


def check_network(
    spec: NetworkSpec | None,
    presets: list[PresetSpec] | None,
    *,
    assets: pd.DataFrame | None,
    sources: pd.DataFrame | None,
    flows: pd.DataFrame | None,
) -> list[Problem]:
    """Check the network and the presets against assets, sources and flows.

    Parameters
    ----------
    spec
        The parsed ``network.yaml`` (``None`` if it did not parse: its checks are skipped).
    presets
        The parsed presets of ``scenarios.yaml`` (or ``None``).
    assets, sources, flows
        The dataset's tables (any may be ``None``; checks needing it are skipped).

    Returns
    -------
    list of Problem
        Every problem found.
    """
    problems: list[Problem] = []
    source_ids = set(sources.index) if sources is not None else None
    if spec is not None:
        problems += _check_references(spec, assets)
        if source_ids is not None:
            problems += [Problem(NET, record, fld, f"unknown source id {sid!r} (not in {load.SOURCES_FILE})")
                         for record, fld, sid in _network_sources(spec) if sid not in source_ids]
        if assets is not None and flows is not None and not problems:
            problems += _check_builds(spec, assets, flows)
    if presets is not None:
        problems += _check_presets(presets, spec, assets, source_ids)
    return problems


def network_problems(data_dir: Path | str | None = None) -> list[Problem]:
    """Parse ``network.yaml`` and ``scenarios.yaml`` and check them against the dataset."""
    network, presets = load.parse_network(data_dir), load.parse_scenarios(data_dir)
    assets, sources, flows = load.parse_assets(data_dir), load.parse_sources(data_dir), load.parse_flows(data_dir)
    found = network.problems + presets.problems
    return found + check_network(network.table, presets.table, assets=assets.table, sources=sources.table, flows=flows.table)


def _check_references(spec: NetworkSpec, assets: pd.DataFrame | None) -> list[Problem]:
    problems = []
    nodes = {n.id: n for n in spec.nodes}
    edges = {e.id: e for e in spec.edges}
    routes = {r.id: r for r in spec.routes}
    known = set(assets.index) if assets is not None else None

    def asset_problem(record: str, asset: str, commodity: str, *, line: bool) -> Problem | None:
        if known is None or assets is None:
            return None
        if asset not in known:
            return Problem(NET, record, "asset", f"unknown asset id {asset!r} (not in {load.ASSETS_FILE})")
        carried, kind = str(assets.at[asset, "commodity"]), str(assets.at[asset, "kind"])
        if carried not in (commodity, "oil+gas"):
            return Problem(NET, record, "asset", f"{asset!r} carries {carried}, not {commodity}")
        if line != (kind in LINE_KINDS):
            want = "a pipeline, shipping lane or rail route" if line else "a point (port, terminal, junction, field...)"
            return Problem(NET, record, "asset", f"{asset!r} is a {kind}; expected {want}")
        return None

    for n in spec.nodes:
        if n.asset and (p := asset_problem(f"nodes {n.id}", n.asset, n.commodity, line=False)):
            problems.append(p)
    for e in spec.edges:
        record = f"edges {e.id}"
        for fld, ref in (("from", e.from_), ("to", e.to)):
            if ref not in nodes:
                problems.append(Problem(NET, record, fld, f"unknown node {ref!r}"))
            elif nodes[ref].commodity != e.commodity:
                problems.append(Problem(NET, record, fld, f"node {ref!r} is in the {nodes[ref].commodity} network, the edge in {e.commodity}"))
        if e.from_ in nodes and nodes[e.from_].kind == "market":
            problems.append(Problem(NET, record, "from", f"{e.from_!r} is a market; markets only receive"))
        if e.asset and (p := asset_problem(record, e.asset, e.commodity, line=True)):
            problems.append(p)
    for r in spec.routes:
        problems += _check_chain(f"routes {r.id}", r.commodity, r.edges, edges)
    for f in spec.fixed_flows:
        problems += _check_chain(f"fixed_flows {f.id}", f.commodity, f.edges, edges)
    for t in spec.targets:
        record = f"targets {t.year} {t.commodity} {t.route}"
        if t.route not in routes:
            problems.append(Problem(NET, record, "route", f"unknown route {t.route!r}"))
        elif routes[t.route].commodity != t.commodity:
            problems.append(Problem(NET, record, "commodity", f"route {t.route!r} is in the {routes[t.route].commodity} network"))
        if t.year not in spec.years:
            problems.append(Problem(NET, record, "year", f"{t.year} is not one of the network's years {spec.years}"))
    for tariff in spec.tariffs:
        record = f"tariffs {tariff.route}"
        if tariff.route not in routes:
            problems.append(Problem(NET, record, "route", f"unknown route {tariff.route!r}"))
        elif routes[tariff.route].commodity != tariff.commodity:
            problems.append(Problem(NET, record, "commodity", f"route {tariff.route!r} is in the {routes[tariff.route].commodity} network"))
    problems += _check_reach(spec)
    return problems


def _check_chain(record: str, commodity: str, chain: list[str], edges: dict[str, EdgeSpec]) -> list[Problem]:
    problems = []
    for i, ident in enumerate(chain):
        if ident not in edges:
            problems.append(Problem(NET, record, f"edges.{i}", f"unknown edge {ident!r}"))
        elif edges[ident].commodity != commodity:
            problems.append(Problem(NET, record, f"edges.{i}", f"edge {ident!r} is in the {edges[ident].commodity} network"))
        elif i and chain[i - 1] in edges and edges[chain[i - 1]].to != edges[ident].from_:
            problems.append(Problem(NET, record, f"edges.{i}", f"{ident!r} does not start where {chain[i - 1]!r} ends; edges must form a chain"))
    return problems


def _check_reach(spec: NetworkSpec) -> list[Problem]:
    """Every supply node reaches a market; the network has no cycle."""
    problems = []
    for commodity in ("oil", "gas"):
        graph = nx.DiGraph()
        graph.add_nodes_from(n.id for n in spec.nodes if n.commodity == commodity)
        graph.add_edges_from((e.from_, e.to) for e in spec.edges if e.commodity == commodity)
        if not nx.is_directed_acyclic_graph(graph):
            cycle = " -> ".join(u for u, _ in nx.find_cycle(graph))
            problems.append(Problem(NET, None, "edges", f"the {commodity} network has a cycle ({cycle}); flows must run one way"))
            continue
        markets = {n.id for n in spec.nodes if n.commodity == commodity and n.kind == "market"}
        for n in spec.nodes:
            if n.commodity == commodity and n.kind == "supply" and not (nx.descendants(graph, n.id) & markets):
                problems.append(Problem(NET, f"nodes {n.id}", "kind", "this supply node reaches no market"))
    return problems


def _figures(spec: NetworkSpec) -> Iterator[tuple[str, str, Figure]]:
    for kind, items in (("nodes", spec.nodes), ("edges", spec.edges)):
        for item in items:
            for i, cap in enumerate(item.capacity):
                yield f"{kind} {item.id}", f"capacity.{i}.source", cap
            if item.planned is not None:
                yield f"{kind} {item.id}", "planned.source", item.planned
    for t in spec.targets:
        yield f"targets {t.year} {t.commodity} {t.route}", "source", t
    for f in spec.fixed_flows:
        for i, v in enumerate(f.volumes):
            yield f"fixed_flows {f.id}", f"volumes.{i}.source", v


def _network_sources(spec: NetworkSpec) -> Iterable[tuple[str, str, str]]:
    figures = ((record, fld, fig.source) for record, fld, fig in _figures(spec) if fig.source is not None)
    tariffs = ((f"tariffs {t.route}", "source", t.source) for t in spec.tariffs if t.source is not None)
    notes = ((f"notes {n.id}", f"sources.{i}", sid) for n in spec.notes for i, sid in enumerate(n.sources))
    return itertools.chain(figures, tariffs, notes)


def _check_builds(spec: NetworkSpec, assets: pd.DataFrame, flows: pd.DataFrame) -> list[Problem]:
    """Build every year's network: missing capacities, conflicting targets, fixed flows without a volume."""
    seen: dict[tuple[str | None, str | None, str], Problem] = {}
    for commodity in ("oil", "gas"):
        for year in spec.years:
            try:
                build_network(assets, flows, spec, year=year, commodity=commodity)
            except DataError as exc:
                for p in exc.problems:
                    seen.setdefault((p.record, p.field, p.message), p)
    return list(seen.values())


def _check_presets(presets: list[PresetSpec], spec: NetworkSpec | None, assets: pd.DataFrame | None, source_ids: set[str] | None) -> list[Problem]:
    problems = []
    ids = set(assets.index) if assets is not None else None
    if ids is not None and spec is not None:
        ids |= {e.id for e in spec.edges} | {n.id for n in spec.nodes}
    planned = _planned_ids(spec, assets) if spec is not None and assets is not None else None
    for p in presets:
        if ids is not None:
            named = [("switch_off", a) for a in p.switch_off] + [("capacity", a) for a in p.capacity]
            named += [("scale", a) for a in p.scale] + [("use_planned", a) for a in p.use_planned]
            problems += [Problem(PRESETS, p.id, fld, f"unknown asset id {a!r}") for fld, a in named if a not in ids]
        if planned is not None:
            problems += [Problem(PRESETS, p.id, "use_planned", f"{a!r} has no planned capacity in {load.ASSETS_FILE} or {NET}")
                         for a in p.use_planned if ids is not None and a in ids and a not in planned]
        if source_ids is not None:
            problems += [Problem(PRESETS, p.id, f"sources.{i}", f"unknown source id {s!r} (not in {load.SOURCES_FILE})")
                         for i, s in enumerate(p.sources) if s not in source_ids]
            problems += [Problem(PRESETS, p.id, f"commit.{i}.source", f"unknown source id {c.source!r} (not in {load.SOURCES_FILE})")
                         for i, c in enumerate(p.commit) if c.source is not None and c.source not in source_ids]
        if spec is not None:
            committable = {r.id for r in spec.routes} | {e.id for e in spec.edges}
            problems += [Problem(PRESETS, p.id, f"commit.{i}.route", f"unknown route {c.route!r} (not a route or edge of {NET})")
                         for i, c in enumerate(p.commit) if c.route not in committable]
    return problems


def _planned_ids(spec: NetworkSpec, assets: pd.DataFrame) -> set[str]:
    """Ids (assets, edges, nodes) that have a planned capacity somewhere."""
    out = {str(i) for i, v in assets["planned_capacity_norm"].items() if pd.notna(v)}
    out |= {str(i) for i, s, c in zip(assets.index, assets["status"], assets["capacity_norm"], strict=True) if s != "operating" and pd.notna(c)}
    items: list[NodeSpec | EdgeSpec] = [*spec.nodes, *spec.edges]
    for item in items:
        if item.planned is not None:
            out.add(item.id)
            if item.asset:
                out.add(item.asset)
    return out
