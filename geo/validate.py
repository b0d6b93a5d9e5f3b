"""Cross-file checks of the dataset: references, waypoints, lengths, consistency.

:func:`validate_dataset` reads every file through :mod:`geo.data.load`, then checks what no
single record can check alone. It never raises on bad data: it returns a :class:`Report`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import geopandas as gpd
import pandas as pd

from geo import settings
from geo.data import load
from geo.data.corpus import parse_corpus
from geo.data.geodesy import distances_to_line_km, geodesic_length_km
from geo.data.schema import LINE_KINDS, RouteGroup
from geo.errors import Problem
from geo.routes import checks as netcheck

#: Route names that flows may use besides asset ids and route groups.
FLOW_PSEUDO_ROUTES = frozenset({"total"})


@dataclass
class Report:
    """What validation found, and how much data it read."""

    problems: list[Problem] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    #: The assets as read (``None`` if ``assets.geojson`` could not be read at all).
    assets: gpd.GeoDataFrame | None = None

    @property
    def errors(self) -> list[Problem]:
        """Problems that make the data unusable."""
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        """Problems worth a look that do not stop loading."""
        return [p for p in self.problems if p.severity == "warning"]


def check_source_refs(name: str, refs: Iterable[tuple[str, str, str | None]], source_ids: set[str]) -> list[Problem]:
    """Report every ``(record, field, source_id)`` whose source id is not in the bibliography."""
    return [
        Problem(name, record, fld, f"unknown source id {sid!r} (not in {load.SOURCES_FILE})")
        for record, fld, sid in refs
        if isinstance(sid, str) and sid not in source_ids
    ]


def _asset_source_refs(assets: gpd.GeoDataFrame) -> Iterable[tuple[str, str, str | None]]:
    for row in assets.itertuples(index=False):
        for i, sid in enumerate(row.sources):
            yield row.id, f"sources.{i}", sid
        for fld in ("capacity_source", "length_source", "planned_capacity_source"):
            yield row.id, fld, getattr(row, fld)


def check_assets(assets: gpd.GeoDataFrame) -> list[Problem]:
    """Consistency of each asset's Russia flags and lengths."""
    name = load.ASSETS_FILE
    problems = []
    for row in assets.itertuples(index=False):
        if "RU" in row.countries and row.kind in LINE_KINDS and not row.crosses_russia:
            problems.append(Problem(name, row.id, "crosses_russia", "countries include RU but crosses_russia is false"))
        if "RU" not in row.countries and row.crosses_russia:
            problems.append(Problem(name, row.id, "crosses_russia", "crosses_russia is true but countries lack RU"))
        if pd.notna(row.length_km) and row.kind in LINE_KINDS:
            measured = geodesic_length_km(row.geometry)
            gap = abs(measured - row.length_km) / row.length_km
            if gap > settings.LENGTH_GAP_WARNING:
                msg = f"geodesic length {measured:.0f} km differs from reported {row.length_km:.0f} km by {gap:.0%}"
                problems.append(Problem(name, row.id, "length_km", msg, severity="warning"))
    return problems


def check_waypoints(waypoints: pd.DataFrame, assets: gpd.GeoDataFrame) -> list[Problem]:
    """Each waypoint names a line asset, and the line passes within tolerance of it."""
    name = load.WAYPOINTS_FILE
    tolerance = settings.WAYPOINT_TOLERANCE_KM
    problems = []
    for asset_id, group in waypoints.groupby("asset_id", sort=False):
        records = [f"{wp.asset_id} #{wp.seq} ({wp.place})" for wp in group.itertuples()]
        if asset_id not in assets.index:
            problems += [Problem(name, r, "asset_id", f"unknown asset id {asset_id!r}") for r in records]
            continue
        asset = assets.loc[asset_id]
        if asset.kind not in LINE_KINDS:
            problems += [Problem(name, r, "asset_id", f"{asset_id!r} is a {asset.kind}, not a line") for r in records]
            continue
        km = distances_to_line_km(asset.geometry, group["lon"].to_numpy(float), group["lat"].to_numpy(float))
        for record, row_index, d in zip(records, group.index, km, strict=True):
            if d > tolerance:
                msg = f"line passes {d:.1f} km from this waypoint (tolerance {tolerance:g} km); row {row_index + 2}"
                problems.append(Problem(name, record, "lat/lon", msg))
    dupes = waypoints[waypoints.duplicated(["asset_id", "seq"], keep="first")]
    problems += [Problem(name, f"{r.asset_id} #{r.seq}", "seq", "duplicate seq for this asset") for r in dupes.itertuples()]
    cited = set(waypoints["asset_id"])
    for row in assets.itertuples(index=False):
        if row.route_accuracy == "waypoints" and row.id not in cited:
            problems.append(Problem(load.ASSETS_FILE, row.id, "route_accuracy", f"says 'waypoints' but {name} cites none for it"))
    return problems


def check_flows(flows: pd.DataFrame, route_ids: set[str]) -> list[Problem]:
    """Each flow names a known route; each (year, route, type) has exactly one primary row."""
    name = load.FLOWS_FILE
    problems = [
        Problem(name, f"{r.year} {r.route}", "route", f"unknown route {r.route!r} (not an asset, a route in {load.ROUTES_FILE}, or 'total')")
        for r in flows.itertuples(index=False)
        if r.route not in route_ids
    ]
    keys = ["year", "commodity", "flow_type", "origin", "route"]
    primaries = flows.groupby(keys)["primary"].sum()
    for key, n in primaries.items():
        if n != 1:
            label = " ".join(str(k) for k in key)
            problems.append(Problem(name, label, "primary", f"{int(n)} rows marked primary; expected exactly 1"))
    return problems


def check_route_groups(groups: list[RouteGroup], assets: gpd.GeoDataFrame) -> list[Problem]:
    """Route groups list known assets, refer to known groups, and keep their Russia promise."""
    problems = []
    group_ids = {g.id for g in groups}
    for g in groups:
        for i, a in enumerate(g.assets):
            if a not in assets.index:
                problems.append(Problem(load.ROUTES_FILE, g.id, f"assets.{i}", f"unknown asset id {a!r}"))
            elif g.avoids_russia and (assets.at[a, "crosses_russia"] or assets.at[a, "ends_at_russian_port"]):
                problems.append(Problem(load.ROUTES_FILE, g.id, f"assets.{i}", f"{a!r} crosses Russia or ends at a Russian port, but the group avoids Russia"))
        if g.alternatives is not None and g.alternatives not in group_ids:
            problems.append(Problem(load.ROUTES_FILE, g.id, "alternatives", f"unknown group {g.alternatives!r}"))
    return problems


def validate_dataset(data_dir: Path | str | None = None) -> Report:
    """Read and check every data file; return all problems found."""
    data_dir = load.data_dir_or_default(data_dir)
    report = Report()
    sources = load.parse_sources(data_dir)
    assets = load.parse_assets(data_dir)
    waypoints = load.parse_waypoints(data_dir)
    flows = load.parse_flows(data_dir)
    groups = load.parse_route_groups(data_dir)
    corpus = parse_corpus(data_dir, asset_ids=set(assets.table.index) if assets.table is not None else None)
    for parsed in (sources, assets, waypoints, flows, groups, corpus):
        report.problems += parsed.problems
    report.counts["articles"] = len(corpus.table.articles)
    report.counts["claims"] = len(corpus.table.claims)

    source_ids = set(sources.table.index) if sources.table is not None else None
    if assets.table is not None:
        report.assets = assets.table
        report.counts["assets"] = len(assets.table)
        report.problems += check_assets(assets.table)
        if source_ids is not None:
            report.problems += check_source_refs(load.ASSETS_FILE, _asset_source_refs(assets.table), source_ids)
        if waypoints.table is not None:
            report.problems += check_waypoints(waypoints.table, assets.table)
        if groups.table is not None:
            report.problems += check_route_groups(groups.table, assets.table)
    if waypoints.table is not None:
        report.counts["waypoints"] = len(waypoints.table)
        if source_ids is not None:
            refs = ((f"{w.asset_id} #{w.seq}", "source", w.source) for w in waypoints.table.itertuples())
            report.problems += check_source_refs(load.WAYPOINTS_FILE, refs, source_ids)
    if flows.table is not None:
        report.counts["flows"] = len(flows.table)
        if source_ids is not None:
            refs = ((f"{r.year} {r.route}", "source", r.source) for r in flows.table.itertuples())
            report.problems += check_source_refs(load.FLOWS_FILE, refs, source_ids)
        if assets.table is not None and groups.table is not None:
            route_ids = set(assets.table.index) | {g.id for g in groups.table} | FLOW_PSEUDO_ROUTES
            report.problems += check_flows(flows.table, route_ids)
    if source_ids is not None:
        report.counts["sources"] = len(source_ids)
    network, presets = load.parse_network(data_dir), load.parse_scenarios(data_dir)
    report.problems += network.problems + presets.problems
    report.problems += netcheck.check_network(network.table, presets.table, assets=assets.table, sources=sources.table, flows=flows.table)
    return report
