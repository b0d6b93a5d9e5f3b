"""Checks of point assets (terminals, ports, fields, border stations) against cited sites.

The drawn point of an asset lives in ``assets.geojson``; the position a source gives for
the real site is kept apart, in ``data/site_evidence.yaml``, so moving one without the
other is caught. Each record names the asset and either

- ``site``: the cited position (``lat``, ``lon``, or a GeoNames ``lookup`` ``CC:Name`` when
  the terminal is at that settlement, pinned by its ``geonameid`` so that a namesake near the
  drawn point cannot stand in for it) with its ``source``; the drawn point must lie within
  :data:`SITE_TOLERANCE_KM` of it; or
- ``unverified``: why no cited position for the site itself was found (the asset is then
  listed as unverified in ``python -m geo validate``, never counted as checked).

Either kind of record may also carry ``bounds``: distances a source gives from a place to the
site ("the port is about 20 km from the village", "a 190 km road from the city"), each a
reference place (``lat``/``lon`` or a pinned ``lookup`` as above) with ``min_km`` and/or
``max_km`` and its ``source``. A drawn point outside a bound is a problem even when the site
itself is unverified, so a point the sources contradict cannot pass as merely unverified.

A point asset of a checked kind with no record is a problem too.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pyproj import Geod

from geo.data.geodesy import haversine_km

SITE_EVIDENCE_FILE = "site_evidence.yaml"
SITE_TOLERANCE_KM = 5.0
#: ``validate`` prints at most this many site problems (a synthetic 100x dataset has thousands).
MAX_PROBLEMS_SHOWN = 10
#: Point kinds whose position is a real installation a source can place.
CHECKED_KINDS = ("terminal", "port", "field", "border_crossing", "refinery")

_GEOD = Geod(ellps="WGS84")


@dataclass(frozen=True)
class SiteResult:
    """One point asset against its cited site."""

    asset_id: str
    offset_km: float | None
    problem: str | None = None
    unverified: str | None = None


def load_site_evidence(data_dir: Path) -> dict[str, dict[str, Any]]:
    """``site_evidence.yaml`` as {asset id: record}; a data folder without the file has no records."""
    path = data_dir / SITE_EVIDENCE_FILE
    if not path.exists():
        return {}
    records = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    return {r["asset"]: r for r in records}


def site_position(site: dict[str, Any], near: tuple[float, float]) -> tuple[float, float]:
    """(lat, lon) of a cited site: its own coordinates, or the GeoNames place it names, shifted as described."""
    if "lookup" not in site:
        return float(site["lat"]), float(site["lon"])
    from geo.data import gazetteer

    country, name = str(site["lookup"]).split(":", 1)
    pinned = int(site["geonameid"]) if "geonameid" in site else None
    place = gazetteer.lookup(name, country, near=near, geonameid=pinned)
    if not site.get("offset_km"):
        return place.lat, place.lon
    lon, lat, _ = _GEOD.fwd(place.lon, place.lat, float(site["bearing_deg"]), float(site["offset_km"]) * 1000.0)
    return float(lat), float(lon)


def check_bounds(asset_id: str, lon: float, lat: float, bounds: list[dict[str, Any]]) -> list[str]:
    """Problems of the drawn point (lon, lat) against described distances from reference places."""
    problems = []
    for bound in bounds:
        ref_lat, ref_lon = site_position(bound, near=(lat, lon))
        dist = float(haversine_km(lon, lat, ref_lon, ref_lat))
        low, high = bound.get("min_km"), bound.get("max_km")
        if (low is not None and dist < float(low)) or (high is not None and dist > float(high)):
            where = bound.get("lookup") or f"{ref_lat:.4f} N, {ref_lon:.4f} E"
            band = f"{low if low is not None else 0:g}-{high:g} km" if high is not None else f"at least {low:g} km"
            problems.append(f"site: {asset_id} is drawn {dist:.1f} km from {where}; {bound['source']} puts the site "
                            f"{band} from it")
    return problems


def check_site(asset_id: str, lon: float, lat: float, record: dict[str, Any] | None) -> SiteResult:
    """The drawn point (lon, lat) against the record's cited site and described bounds."""
    if record is None:
        return SiteResult(asset_id, None, f"site: {asset_id} has no record in {SITE_EVIDENCE_FILE}")
    problems = check_bounds(asset_id, lon, lat, record.get("bounds") or [])
    if record.get("unverified"):
        return SiteResult(asset_id, None, "; ".join(problems) or None, unverified=str(record["unverified"]))
    site_lat, site_lon = site_position(record["site"], near=(lat, lon))
    offset = float(haversine_km(lon, lat, site_lon, site_lat))
    if offset > SITE_TOLERANCE_KM:
        problems.insert(0, f"site: {asset_id} is drawn {offset:.1f} km from its cited site "
                           f"({site_lat:.4f} N, {site_lon:.4f} E; tolerance {SITE_TOLERANCE_KM:g} km)")
    return SiteResult(asset_id, offset, "; ".join(problems) or None)


def check_sites(assets: Any, data_dir: Path) -> list[SiteResult]:
    """Every point asset of a :data:`CHECKED_KINDS` kind against ``site_evidence.yaml``."""
    records = load_site_evidence(data_dir)
    points = assets[assets["kind"].isin(CHECKED_KINDS) & (assets.geometry.geom_type == "Point")]
    return [check_site(str(row.id), float(row.geometry.x), float(row.geometry.y), records.get(row.id))
            for row in points.itertuples()]


def report_lines(assets: Any, data_dir: Path) -> list[str]:
    """The sites part of ``python -m geo validate``: counts, unverified assets, problems."""
    results = check_sites(assets, data_dir)
    ok = [r for r in results if r.offset_km is not None and r.problem is None]
    unverified = [r.asset_id for r in results if r.unverified]
    out = [f"Sites (terminals, ports, fields, border stations): {len(ok)}/{len(results)} within "
           f"{SITE_TOLERANCE_KM:g} km of a cited site; unverified: " + (", ".join(unverified) or "none")]
    problems = [r.problem for r in results if r.problem]
    out += [f"  site problem: {p}" for p in problems[:MAX_PROBLEMS_SHOWN]]
    if len(problems) > MAX_PROBLEMS_SHOWN:
        out.append(f"  ... and {len(problems) - MAX_PROBLEMS_SHOWN} more site problem(s)")
    return out
