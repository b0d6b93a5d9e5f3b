"""Checks of drawn lines against evidence the drawing does not contain.

The lines are drawn through their waypoints, so "the line passes its waypoints" proves
nothing. These checks use other evidence, kept in ``data/line_evidence.yaml``:

- the published length (within :data:`LENGTH_TOLERANCE`, unless a reason says only part
  of the line is drawn, or a documented chord ``shortfall`` bounds how short it may be);
- published kilometre posts: the point at drawn km N must lie within
  :data:`KM_POST_TOLERANCE_KM` of the station published at km N; stations named without
  a km must lie as near the line, in the operator's order;
- published section lengths (``sections``): the drawn km between two cited places (or a
  line end) within :data:`LENGTH_TOLERANCE`, for lines whose published figure covers one
  section only (Atyrau-Samara of Uzen-Atyrau-Samara, Unecha-Ust-Luga of BPS-2);
- the regions the operator says the line crosses: the line is sampled every
  :data:`SAMPLE_KM` and each sample reverse-geocoded (GeoNames ``cities1000``, admin1);
- published per-country section lengths (within :data:`COUNTRY_KM_TOLERANCE`), over the
  whole line or, with ``onshore: true``, over its land samples only;
- published per-region section lengths and the published number of regions crossed in one
  country (a region counts from :data:`MIN_REGION_KM`);
- second-level divisions (``districts``: regional units, where an operator or its ESIA names
  them and the gazetteer fills that level): each listed one is entered, and their published
  number in one country is matched (a division counts from :data:`MIN_REGION_KM`);
- published offshore length: the km of samples outside the land (within
  :data:`COUNTRY_KM_TOLERANCE`);
- shipping lanes stay at sea (outside the Natural Earth 1:10m land of ``data/basemap/``).

Each check returns problems as plain strings; :func:`check_line` gathers them in a
:class:`LineReport` whose :meth:`LineReport.summary` is the one-line report of
``python -m geo validate``.
"""

from __future__ import annotations

import itertools
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import yaml
from pyproj import Geod
from shapely.geometry import LineString, Point
from shapely.geometry.base import BaseGeometry

from geo.data import gazetteer
from geo.data.geodesy import geodesic_length_km, haversine_km

EVIDENCE_FILE = "line_evidence.yaml"
LENGTH_TOLERANCE = 0.05
KM_POST_TOLERANCE_KM = 15.0
COUNTRY_KM_TOLERANCE = 0.10
SAMPLE_KM = 5.0
#: A region not on the operator's list is a problem only if this share of samples lies in it
#: (nearest-town geocoding wobbles for a few km at every border).
EXTRA_REGION_SHARE = 0.05
#: A country counts as crossed above this many km and share of the line (border wobble again).
MIN_COUNTRY_KM = 25.0
MIN_COUNTRY_SHARE = 0.02
#: A region counts as crossed (for a published number of regions) from this many km of samples.
MIN_REGION_KM = 10.0
#: Lanes may touch land this close to their ends (the berth or terminal).
LANE_END_ALLOWANCE_KM = 15.0
#: A line with more than this share of approximate sections is listed as uncertain.
UNCERTAIN_SHARE = 0.25

_GEOD = Geod(ellps="WGS84")


@dataclass
class LineReport:
    """What the geometry checks found for one line."""

    asset_id: str
    drawn_km: float
    published_km: float | None = None
    length_reason: str | None = None
    #: The documented chord shortfall the length check accepts (``length.shortfall.max``), if it applies.
    shortfall_max: float | None = None
    km_posts_checked: int = 0
    km_posts_ok: int = 0
    sections_checked: int = 0
    sections_ok: int = 0
    #: Why no published total length is given (``length_note`` in the evidence file).
    length_note: str | None = None
    regions_expected: int = 0
    regions_matched: int = 0
    districts_expected: int = 0
    districts_matched: int = 0
    approximate_km: float = 0.0
    problems: list[str] = field(default_factory=list)
    #: Check names ("length", "km post", ...) the evidence file lists as known open problems.
    known: set[str] = field(default_factory=set)

    @property
    def unexplained(self) -> list[str]:
        """Problems of checks the evidence file does not list as known open problems."""
        return [p for p in self.problems if p.split(":", 1)[0] not in self.known]

    def summary(self) -> str:
        """One line: drawn vs published length, km posts, regions, approximate share."""
        if self.published_km:
            gap = self.drawn_km / self.published_km - 1
            explained = f", shortfall explained, bound -{self.shortfall_max:.1%}" if self.shortfall_max else ", explained" if self.length_reason else ""
            length = f"{self.drawn_km:.0f}/{self.published_km:.0f} km ({gap:+.0%}{explained})"
        else:
            length = f"{self.drawn_km:.0f} km (no published length{', noted' if self.length_note else ''})"
        posts = f"km posts {self.km_posts_ok}/{self.km_posts_checked}"
        if self.sections_checked:
            posts += f", sections {self.sections_ok}/{self.sections_checked}"
        regions = f"regions {self.regions_matched}/{self.regions_expected}"
        if self.districts_expected:
            regions += f", districts {self.districts_matched}/{self.districts_expected}"
        approx = f"approx. {self.approximate_km / self.drawn_km:.0%}" if self.drawn_km else "approx. -"
        flag = "OK" if not self.problems else f"{len(self.problems)} problem(s), {len(self.problems) - len(self.unexplained)} known"
        return f"{self.asset_id:<30} {length}, {posts}, {regions}, {approx}: {flag}"


def load_evidence(data_dir: Path) -> dict[str, dict[str, Any]]:
    """``line_evidence.yaml`` as {asset id: evidence}."""
    records = yaml.safe_load((data_dir / EVIDENCE_FILE).read_text(encoding="utf-8")) or []
    return {r["asset"]: r for r in records}


def point_at_km(line: BaseGeometry, km: float) -> tuple[float, float]:
    """(lon, lat) of the point ``km`` along a lon/lat line, measured on the ellipsoid."""
    coords = list(line.coords)
    done = 0.0
    for (lon1, lat1), (lon2, lat2) in itertools.pairwise(coords):
        az, _, step = _GEOD.inv(lon1, lat1, lon2, lat2)
        if done + step / 1000.0 >= km:
            lon, lat, _ = _GEOD.fwd(lon1, lat1, az, (km - done) * 1000.0)
            return float(lon), float(lat)
        done += step / 1000.0
    return float(coords[-1][0]), float(coords[-1][1])


def sample(line: BaseGeometry, spacing_km: float = SAMPLE_KM) -> np.ndarray:
    """Points every ``spacing_km`` along the line (middle of each step), as (lon, lat) rows."""
    total = geodesic_length_km(line)
    n = max(1, int(np.ceil(total / spacing_km)))
    step = total / n
    return np.array([point_at_km(line, (i + 0.5) * step) for i in range(n)])


def check_length(drawn_km: float, evidence: dict[str, Any]) -> list[str]:
    """Drawn length within :data:`LENGTH_TOLERANCE` of the published one, or a stated reason.

    ``reason``: only part of the line is drawn, so any shortfall is accepted. ``shortfall:
    {max, reason}``: the whole line is drawn, but through places whose course between them is
    not documented, so its chords fall short; a shortfall down to ``-max`` is accepted, a
    larger one (a corner cut further) or an overshoot past the tolerance still fails.
    """
    length = evidence.get("length")
    if not length:
        return []
    gap = drawn_km / length["km"] - 1
    if abs(gap) <= LENGTH_TOLERANCE or length.get("reason"):
        return []
    bound = float((length.get("shortfall") or {}).get("max", 0.0))
    if bound and -bound <= gap < 0:
        return []
    limit = f"explained down to -{bound:.1%}" if bound else f"tolerance ±{LENGTH_TOLERANCE:.0%}"
    return [f"length: drawn {drawn_km:.0f} km vs published {length['km']:.0f} km ({gap:+.0%}; {limit})"]


def check_km_posts(line: BaseGeometry, posts: list[dict[str, Any]]) -> tuple[int, list[str]]:
    """Each published km post: the drawn point at that km lies near the station."""
    problems = []
    for post in posts:
        lon, lat = point_at_km(line, float(post["km"]))
        off = float(haversine_km(lon, lat, post["lon"], post["lat"]))
        if off > KM_POST_TOLERANCE_KM:
            problems.append(f"km post: drawn km {post['km']:g} lies {off:.0f} km from {post['place']} (tolerance {KM_POST_TOLERANCE_KM:g} km)")
    return len(posts) - len(problems), problems


def check_station_order(line: BaseGeometry, stations: list[dict[str, Any]]) -> tuple[int, list[str]]:
    """Named stations (no published km) lie near the line, in the listed order along it."""
    points = sample(line, spacing_km=1.0)
    problems, last_km, last_name = [], -1.0, ""
    for station in stations:
        gaps = haversine_km(points[:, 0], points[:, 1], station["lon"], station["lat"])
        i = int(np.argmin(gaps))
        if gaps[i] > KM_POST_TOLERANCE_KM:
            problems.append(f"stations: {station['place']} lies {gaps[i]:.0f} km from the line (tolerance {KM_POST_TOLERANCE_KM:g} km)")
            continue
        km = (i + 0.5) * geodesic_length_km(line) / len(points)
        if km < last_km:
            problems.append(f"stations: {station['place']} (drawn km {km:.0f}) comes before {last_name} (km {last_km:.0f})")
        last_km, last_name = km, station["place"]
    return len(stations) - len(problems), problems


def km_along(line: BaseGeometry, lon: float, lat: float) -> tuple[float, float]:
    """(drawn km, offset km) of the point of the line nearest to (lon, lat), to the nearest km."""
    points = sample(line, spacing_km=1.0)
    gaps = haversine_km(points[:, 0], points[:, 1], lon, lat)
    i = int(np.argmin(gaps))
    return (i + 0.5) * geodesic_length_km(line) / len(points), float(gaps[i])


def check_sections(line: BaseGeometry, sections: list[dict[str, Any]]) -> tuple[int, list[str]]:
    """Published section lengths: the drawn km between two ends within :data:`LENGTH_TOLERANCE`.

    Each end is ``start`` or ``end`` (the line's own end) or a cited place (``place``, ``lat``,
    ``lon``) that must lie within :data:`KM_POST_TOLERANCE_KM` of the line.
    """
    total = geodesic_length_km(line)
    problems: list[str] = []
    ok = 0
    for section in sections:
        kms, names, off_line = [], [], []
        for end in (section["from"], section["to"]):
            if end in ("start", "end"):
                kms.append(0.0 if end == "start" else total)
                names.append(f"line {end}")
                continue
            km, offset = km_along(line, float(end["lon"]), float(end["lat"]))
            kms.append(km)
            names.append(str(end["place"]))
            if offset > KM_POST_TOLERANCE_KM:
                off_line.append(f"section: {end['place']} lies {offset:.0f} km from the line (tolerance {KM_POST_TOLERANCE_KM:g} km)")
        drawn = abs(kms[1] - kms[0])
        gap = drawn / float(section["km"]) - 1
        if abs(gap) > LENGTH_TOLERANCE:
            off_line.append(f"section: {names[0]} to {names[1]} drawn {drawn:.0f} km vs published {section['km']:g} km "
                            f"({gap:+.0%}; tolerance ±{LENGTH_TOLERANCE:.0%})")
        problems += off_line
        ok += not off_line
    return ok, problems


def check_regions(regions: list[tuple[str, str]], evidence: dict[str, Any]) -> tuple[int, list[str]]:
    """Every listed region is crossed; with ``complete: true`` no unlisted region holds > 5 % of the line."""
    spec = evidence.get("regions")
    if not spec:
        return 0, []
    expected = {(r[0], r[1]) for r in spec["expected"]}
    counts = Counter(regions)
    matched = expected & set(counts)
    problems = [f"regions: the line never enters {cc} {name}" for cc, name in sorted(expected - matched)]
    if spec.get("complete"):
        for (cc, name), n in counts.items():
            if (cc, name) not in expected and n / len(regions) > EXTRA_REGION_SHARE:
                problems.append(f"regions: {n / len(regions):.0%} of the line lies in {cc} {name}, not on the operator's list")
    return len(matched), problems


def check_countries(regions: list[tuple[str, str]], countries: list[str] | None, spacing_km: float,
                    evidence: dict[str, Any]) -> list[str]:
    """Countries crossed match the asset's list (unless ``None``); per-country km match published figures."""
    counts = Counter(cc for cc, _ in regions)
    problems = []
    if countries is None:
        countries = list(counts)
    crossed = {cc for cc, n in counts.items() if n * spacing_km > max(MIN_COUNTRY_KM, MIN_COUNTRY_SHARE * len(regions) * spacing_km)}
    # Listed countries must be reached (a terminal a few km inside counts); unlisted ones not crossed.
    unlisted, unreached = crossed - set(countries), set(countries) - set(counts)
    if unlisted or unreached:
        problems.append(f"countries: the line crosses {sorted(crossed)} (reaches {sorted(counts)}) but the asset lists {sorted(countries)}")
    for cc, km in (evidence.get("country_km") or {}).get("km", {}).items():
        drawn = counts.get(cc, 0) * spacing_km
        if abs(drawn - km) > COUNTRY_KM_TOLERANCE * km:
            problems.append(f"country km: {drawn:.0f} km drawn in {cc} vs {km:g} km published (tolerance ±{COUNTRY_KM_TOLERANCE:.0%})")
    return problems


def check_region_km(regions: list[tuple[str, str]], spacing_km: float, evidence: dict[str, Any]) -> list[str]:
    """Published per-region section lengths (``region_km: {km: [[cc, region, km], ...]}``) within ±10 %."""
    counts = Counter(regions)
    problems = []
    for cc, name, km in (evidence.get("region_km") or {}).get("km", []):
        drawn = counts.get((cc, name), 0) * spacing_km
        if abs(drawn - km) > COUNTRY_KM_TOLERANCE * km:
            problems.append(f"region km: {drawn:.0f} km drawn in {cc} {name} vs {km:g} km published (tolerance ±{COUNTRY_KM_TOLERANCE:.0%})")
    return problems


def check_region_count(regions: list[tuple[str, str]], spacing_km: float, evidence: dict[str, Any]) -> list[str]:
    """The number of regions crossed in one country (``region_count: {country, n}``) as published.

    A region counts when at least :data:`MIN_REGION_KM` of samples lie in it, so a border
    wobble of one sample does not add a region.
    """
    spec = evidence.get("region_count")
    if not spec:
        return []
    counts = Counter(name for cc, name in regions if cc == spec["country"])
    crossed = sorted(name for name, n in counts.items() if n * spacing_km >= MIN_REGION_KM)
    if len(crossed) != int(spec["n"]):
        return [f"region count: the line crosses {len(crossed)} regions of {spec['country']} ({', '.join(crossed)}) "
                f"where {spec['n']} are published"]
    return []


def check_districts(districts: list[tuple[str, str]], spacing_km: float, evidence: dict[str, Any]) -> tuple[int, list[str]]:
    """Listed second-level divisions of one country are entered; their published number is matched.

    ``districts: {country, expected: [names as the gazetteer spells them], count: n, km: [[name, km], ...]}``.
    A listed division is matched by one sample; for the count a division needs
    :data:`MIN_REGION_KM` of samples, as for :func:`check_region_count`; a published length
    inside one division (``km``) is matched within :data:`COUNTRY_KM_TOLERANCE`.
    """
    spec = evidence.get("districts")
    if not spec:
        return 0, []
    cc = spec["country"]
    counts = Counter(name for c, name in districts if c == cc and name)
    expected = [str(name) for name in spec["expected"]]
    problems = [f"districts: the line never enters {cc} {name}" for name in expected if name not in counts]
    crossed = sorted(name for name, n in counts.items() if n * spacing_km >= MIN_REGION_KM)
    if "count" in spec and len(crossed) != int(spec["count"]):
        problems.append(f"district count: the line crosses {len(crossed)} divisions of {cc} ({', '.join(crossed)}) "
                        f"where {spec['count']} are published")
    for name, km in spec.get("km") or []:
        drawn = counts.get(str(name), 0) * spacing_km
        if abs(drawn - km) > COUNTRY_KM_TOLERANCE * km:
            problems.append(f"district km: {drawn:.0f} km drawn in {cc} {name} vs {km:g} km published "
                            f"(tolerance ±{COUNTRY_KM_TOLERANCE:.0%})")
    return sum(name in counts for name in expected), problems


def at_sea(points: np.ndarray, land: BaseGeometry) -> np.ndarray:
    """Boolean per (lon, lat) sample: True where it lies outside the land."""
    import shapely

    return ~np.asarray(shapely.contains_xy(land, points[:, 0], points[:, 1]), dtype=bool)


def check_sea_km(sea: np.ndarray, spacing_km: float, evidence: dict[str, Any]) -> list[str]:
    """Published offshore length (``sea_km: {km}``) against the km of samples at sea, within ±10 %."""
    spec = evidence.get("sea_km")
    if not spec:
        return []
    drawn = float(sea.sum()) * spacing_km
    if abs(drawn - spec["km"]) > COUNTRY_KM_TOLERANCE * spec["km"]:
        return [f"sea km: {drawn:.0f} km drawn at sea vs {spec['km']:g} km published (tolerance ±{COUNTRY_KM_TOLERANCE:.0%})"]
    return []


def check_at_sea(points: np.ndarray, land: BaseGeometry, total_km: float, spacing_km: float) -> list[str]:
    """Lane samples away from their ends lie at sea (the 1:10m land keeps the Bosphorus and Dardanelles open)."""
    problems = []
    for i, (lon, lat) in enumerate(points):
        km = (i + 0.5) * spacing_km
        if LANE_END_ALLOWANCE_KM < km < total_km - LANE_END_ALLOWANCE_KM and land.contains(Point(lon, lat)):
            problems.append(f"at sea: km {km:.0f} ({lat:.2f} N, {lon:.2f} E) is on land")
    return problems[:3]


def land_outline() -> BaseGeometry:
    """Union of the Natural Earth 1:10m country polygons of the region (offline, lakes cut out)."""
    import shapely

    from geo.data.basemap import basemap_layer

    # Repair each polygon before the union: simplification can leave self-touching rings.
    return shapely.union_all([shapely.make_valid(geom) for _, geom in basemap_layer("countries")])


def check_line(asset: Any, evidence: dict[str, Any] | None, *, land: BaseGeometry | None = None,
               regions: list[tuple[str, str]] | None = None) -> LineReport:
    """All geometry checks of one line asset (a row of the assets table)."""
    line: LineString = asset.geometry
    drawn = geodesic_length_km(line)
    evidence = evidence or {}
    report = LineReport(asset.id, drawn)
    report.known = {p.split(":", 1)[0] for p in evidence.get("open_problems") or []}
    length = evidence.get("length") or {}
    report.published_km = length.get("km")
    report.length_reason = length.get("reason")
    shortfall = length.get("shortfall") or {}
    if shortfall and report.published_km and -float(shortfall["max"]) <= drawn / report.published_km - 1 < -LENGTH_TOLERANCE:
        report.length_reason = str(shortfall["reason"])
        report.shortfall_max = float(shortfall["max"])
    report.approximate_km = sum(s["end_km"] - s["start_km"] for s in (asset.sections or []) if s["accuracy"] == "approximate")
    report.problems += check_length(drawn, evidence)
    posts = evidence.get("km_posts") or []
    report.km_posts_checked = len(posts)
    report.km_posts_ok, problems = check_km_posts(line, posts)
    report.problems += problems
    stations = evidence.get("stations") or []
    report.km_posts_checked += len(stations)
    ok, problems = check_station_order(line, stations)
    report.km_posts_ok += ok
    report.problems += problems
    sections = evidence.get("sections") or []
    report.sections_checked = len(sections)
    report.sections_ok, problems = check_sections(line, sections)
    report.problems += problems
    report.length_note = evidence.get("length_note")
    points = sample(line)
    spacing = drawn / len(points)
    if asset.kind == "shipping_lane":
        if land is not None:
            report.problems += check_at_sea(points, land, drawn, spacing)
        return report
    if regions is None:
        regions = gazetteer.regions_of(points[:, 1], points[:, 0])
    report.regions_expected = len((evidence.get("regions") or {}).get("expected", []))
    report.regions_matched, problems = check_regions(regions, evidence)
    report.problems += problems
    listed = list(asset.countries) if evidence.get("check_countries", True) else None
    onshore = bool((evidence.get("country_km") or {}).get("onshore"))
    # An onshore per-country figure is checked below on the land samples only.
    report.problems += check_countries(regions, listed, spacing, {k: v for k, v in evidence.items() if not (onshore and k == "country_km")})
    report.problems += check_region_km(regions, spacing, evidence)
    report.problems += check_region_count(regions, spacing, evidence)
    if evidence.get("districts"):
        report.districts_expected = len(evidence["districts"]["expected"])
        districts = gazetteer.districts_of(points[:, 1], points[:, 0])
        report.districts_matched, problems = check_districts(districts, spacing, evidence)
        report.problems += problems
    if evidence.get("sea_km") or onshore:
        sea = at_sea(points, land if land is not None else land_outline())
        report.problems += check_sea_km(sea, spacing, evidence)
        if onshore:
            # Offshore samples take the country of the nearest town, so they are left out of an onshore figure.
            dry = [r for r, wet in zip(regions, sea, strict=True) if not wet]
            report.problems += [p for p in check_countries(dry, None, spacing, evidence) if p.startswith("country km")]
    return report


def check_all(assets: Any, data_dir: Path) -> list[LineReport]:
    """Reports for every line asset, lanes included."""
    from geo.data.schema import LINE_KINDS

    evidence = load_evidence(data_dir)
    lines = assets[assets["kind"].isin(LINE_KINDS)]
    land = land_outline() if (lines["kind"] == "shipping_lane").any() else None
    return [check_line(row, evidence.get(row.id), land=land) for row in lines.itertuples()]


def report_lines(assets: Any, data_dir: Path) -> list[str]:
    """The geometry part of ``python -m geo validate``: one line per pipeline, lanes and rail summed up."""
    reports = check_all(assets, data_dir)
    kinds = dict(zip(assets.index, assets["kind"], strict=True))
    out = ["Geometry (drawn/published length, km posts and named stations passed, regions matched, approximate share):"]
    out += ["  " + r.summary() for r in reports if kinds[r.asset_id] == "pipeline"]
    legs = [r for r in reports if kinds[r.asset_id] != "pipeline"]
    out.append(f"  lanes and rail: {len(legs)} checked (lanes at sea), {sum(len(r.unexplained) for r in legs)} problem(s)")
    uncertain = [r.asset_id for r in reports if r.drawn_km and r.approximate_km / r.drawn_km > UNCERTAIN_SHARE]
    out.append(f"  uncertain (> {UNCERTAIN_SHARE:.0%} approximate): " + ", ".join(uncertain))
    out += [f"  geometry problem: {r.asset_id}: {p}" for r in reports for p in r.unexplained]
    from geo.data import site_checks

    return out + site_checks.report_lines(assets, data_dir)
