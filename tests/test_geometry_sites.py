"""Point assets against their cited sites (data/site_evidence.yaml), kept apart from the drawn points."""

from __future__ import annotations

import pytest
from shapely.geometry import Point

from geo.data import load, site_checks
from geo.errors import GeoError
from tests.conftest import DATA

ASSETS = load.load_assets(DATA)
SITES = site_checks.load_site_evidence(DATA)


def test_every_checked_point_asset_has_a_site_record_and_passes():
    results = site_checks.check_sites(ASSETS, DATA)
    # No site problem since the eighth pass moved Kuryk onto the coast 10.3 km from its village (site_evidence.yaml).
    assert [r.asset_id for r in results if r.problem] == []
    # 24 point assets of the checked kinds, none silently skipped.
    assert len(results) == int(ASSETS["kind"].isin(site_checks.CHECKED_KINDS).sum())


def test_the_named_terminals_and_ports_are_verified_within_5_km():
    results = {r.asset_id: r for r in site_checks.check_sites(ASSETS, DATA)}
    for asset_id in ("ceyhan", "kulevi", "supsa", "batumi", "makhachkala", "alashankou", "khorgos", "sangachal"):
        assert results[asset_id].offset_km is not None and results[asset_id].offset_km <= 5.0, asset_id


def test_site_sources_are_in_the_bibliography():
    known = set(load.load_sources(DATA).index)
    used = {r["site"]["source"] for r in SITES.values() if "site" in r}
    assert used <= known


def test_a_point_moved_off_its_site_fails():
    # Ceyhan moved 0.1 degree north: 0.1 * 111.2 = 11.1 km from the cited 36.8833 N, 35.9333 E, over 5 km.
    record = SITES["ceyhan"]
    result = site_checks.check_site("ceyhan", 35.9333, 36.9833, record)
    assert result.problem is not None and "drawn 11.1 km from its cited site" in result.problem
    assert site_checks.check_site("ceyhan", 35.9333, 36.9033, record).problem is None  # 2.2 km: inside


def test_moving_a_shipped_asset_breaks_the_check():
    moved = ASSETS.copy()
    # Kulevi moved to 41.555 E, 0.085 degree west of its cited 42.27 N, 41.64 E: 0.085 * 111.32 * cos(42.27) = 7.0 km.
    moved.loc["kulevi", "geometry"] = Point(41.555, 42.27)
    problems = {r.asset_id: r.problem for r in site_checks.check_sites(moved, DATA) if r.problem}
    assert set(problems) == {"kulevi"} and problems["kulevi"].startswith("site: kulevi is drawn 7.0 km")


def test_missing_record_and_unverified_are_told_apart():
    assert site_checks.check_site("x", 0.0, 0.0, None).problem == "site: x has no record in site_evidence.yaml"
    result = site_checks.check_site("x", 0.0, 0.0, {"unverified": "no coordinates"})
    assert result.problem is None and result.unverified == "no coordinates" and result.offset_km is None


def test_offset_site_is_shifted_by_the_described_distance():
    # Primorsk terminal: 5 km south-east (bearing 135) of the GeoNames town at 60.3662 N, 28.6062 E.
    lat, lon = site_checks.site_position(SITES["primorsk"]["site"], near=(60.345, 28.69))
    # 5 km at 135 deg: dlat = -5 cos45 / 111.2 = -0.0318 deg; dlon = 5 sin45 / (111.3 cos 60.37) = +0.0641 deg.
    assert lat == pytest.approx(60.3662 - 0.0318, abs=0.002) and lon == pytest.approx(28.6062 + 0.0641, abs=0.003)


def test_validate_report_caps_the_problem_lines(tmp_path):
    # A data folder without site_evidence.yaml: all 24 checked point assets lack a record; 10 are shown, 14 counted.
    lines = site_checks.report_lines(ASSETS, tmp_path)
    assert lines[0].startswith("Sites (terminals, ports, fields, border stations): 0/24 within 5 km")
    assert len([x for x in lines if x.startswith("  site problem:")]) == 10
    assert lines[-1] == "  ... and 14 more site problem(s)"


def test_galkynysh_at_its_cited_point_and_its_old_point_fails():
    record = SITES["galkynysh"]
    assert site_checks.check_site("galkynysh", 62.3586, 37.3014, record).offset_km == pytest.approx(0.0, abs=0.01)
    # The point drawn before this pass, 37.35 N 62.45 E: dlat 0.0486 * 111.0 = 5.4 km, dlon 0.0914 * 111.32 * cos(37.33)
    # = 8.1 km, together 9.7 km from the cited 37.3014 N 62.3586 E.
    result = site_checks.check_site("galkynysh", 62.45, 37.35, record)
    assert result.problem is not None and "drawn 9.7 km from its cited site" in result.problem


def test_alat_port_is_checked_against_alat_settlement():
    results = {r.asset_id: r for r in site_checks.check_sites(ASSETS, DATA)}
    # Drawn 39.935 N 49.405 E against the settlement's 39.9483 N 49.4067 E: 0.0133 * 111.0 = 1.5 km.
    assert results["alat"].offset_km == pytest.approx(1.5, abs=0.1)
    assert results["galkynysh"].unverified is None and results["galkynysh"].offset_km is not None


def test_unverified_sites_name_their_sources_and_are_not_counted():
    unverified = {a: r for a, r in SITES.items() if "unverified" in r}
    known = set(load.load_sources(DATA).index)
    for asset_id, record in unverified.items():
        # Each unverified record lists the sources its reason cites, all in the bibliography, and its reason names them.
        assert record.get("sources"), asset_id
        assert set(record["sources"]) <= known, (asset_id, set(record["sources"]) - known)
        assert any(s in record["unverified"] for s in record["sources"]), asset_id
    results = {r.asset_id: r for r in site_checks.check_sites(ASSETS, DATA)}
    # Never counted as checked; a problem only where the point breaks a described bound (none since the eighth pass).
    assert all(results[a].offset_km is None for a in unverified)
    assert [a for a in unverified if results[a].problem] == []
    # Bounds cite sources in the bibliography too.
    assert {b["source"] for r in SITES.values() for b in r.get("bounds") or []} <= known



def test_every_verified_site_fails_once_its_point_is_moved_6_km_away():
    # Each point with a cited site, moved 6 km further from that site along the line joining them: its offset becomes
    # the shipped offset + 6 km (>= 6 km > the 5 km tolerance), so every site check must then report a problem.
    from pyproj import Geod

    geod = Geod(ellps="WGS84")
    verified = {a: r for a, r in SITES.items() if "site" in r}
    assert len(verified) >= 17  # 17 on 2026-12-06; more as sites get cited
    for asset_id, record in verified.items():
        point = ASSETS.loc[asset_id, "geometry"]
        site_lat, site_lon = site_checks.site_position(record["site"], near=(point.y, point.x))
        bearing, _, dist_m = geod.inv(site_lon, site_lat, point.x, point.y)
        bearing = bearing if dist_m > 1.0 else 0.0
        lon, lat, _ = geod.fwd(point.x, point.y, bearing, 6000.0)
        shipped = site_checks.check_site(asset_id, point.x, point.y, record)
        moved = site_checks.check_site(asset_id, lon, lat, record)
        assert shipped.problem is None and shipped.offset_km is not None, asset_id
        assert moved.problem is not None, asset_id
        assert moved.offset_km == pytest.approx(shipped.offset_km + 6.0, abs=0.1), asset_id


def test_lookup_sites_are_pinned_so_a_namesake_cannot_stand_in():
    # Every settlement-based site names its GeoNames id.
    assert all("geonameid" in r["site"] for r in SITES.values() if "lookup" in r.get("site", {}))
    # GeoNames has two places called Türkmenbaşy: the city (601594, 40.02216 N 52.95517 E) and a village (601665,
    # 40.01151 N 53.11521 E). A point drawn at the village is 13.7 km from the city: dlat 0.01065 * 111.2 = 1.18 km,
    # dlon 0.16004 * 111.32 * cos(40.017) = 13.64 km. Resolved by nearness alone it would be 0 km from "its site".
    result = site_checks.check_site("turkmenbashi", 53.11521, 40.01151, SITES["turkmenbashi"])
    assert result.offset_km == pytest.approx(13.7, abs=0.1) and result.problem is not None
    with pytest.raises(GeoError, match="has id 1"):
        site_checks.site_position({"lookup": "TM:Türkmenbaşy", "geonameid": 1}, near=(40.0, 53.0))


def test_described_bounds_fail_a_point_outside_them():
    # Equator reference at 0 N 0 E: 0.1 degree of longitude is 0.1 * 111.195 = 11.1 km (haversine, R = 6371.0088 km).
    record = {"unverified": "no coordinates", "bounds": [
        {"lat": 0.0, "lon": 0.0, "min_km": 8, "source": "src-a"},
        {"lat": 0.0, "lon": 0.0, "max_km": 27, "source": "src-b"}]}
    assert site_checks.check_site("x", 0.1, 0.0, record).problem is None  # 11.1 km: inside 8-27
    near = site_checks.check_site("x", 0.05, 0.0, record)  # 5.6 km: under 8
    assert near.problem == "site: x is drawn 5.6 km from 0.0000 N, 0.0000 E; src-a puts the site at least 8 km from it"
    assert near.unverified == "no coordinates" and near.offset_km is None
    far = site_checks.check_site("x", 0.3, 0.0, record)  # 33.4 km: over 27
    assert far.problem == "site: x is drawn 33.4 km from 0.0000 N, 0.0000 E; src-b puts the site 0-27 km from it"
    # A verified site keeps its 5 km check, and a bound adds to it: 0.1 degree from a site at 0 N 0.2 E is 11.1 km.
    verified = {"site": {"lat": 0.0, "lon": 0.2, "source": "s"}, "bounds": record["bounds"]}
    result = site_checks.check_site("x", 0.3, 0.0, verified)
    assert result.problem is not None and result.problem.startswith("site: x is drawn 11.1 km from its cited site")
    assert result.problem.endswith("src-b puts the site 0-27 km from it")


def test_kuryk_point_contradicts_its_described_distances():
    record = SITES["kuryk"]
    # Drawn 43.16 N 51.63 E against GeoNames Kuryk 43.18032 N 51.68116 E: dlat 0.02032 * 111.2 = 2.26 km, dlon 0.05116 *
    # 111.32 * cos(43.17) = 4.15 km, together 4.7 km, under the "about ten km" (>= 8 km) of wikivoyage-de-aktau.
    result = site_checks.check_site("kuryk", 51.63, 43.16, record)
    assert result.unverified is not None and result.problem is not None
    assert result.problem.startswith("site: kuryk is drawn 4.7 km from KZ:Kuryk; wikivoyage-de-aktau")
    # 0.15 degree south of the village (16.7 km) satisfies both bounds; 0.3 degree (33.4 km) breaks the 27 km road.
    assert site_checks.check_site("kuryk", 51.68116, 43.03032, record).problem is None
    assert "kuryk-port-2017-12-06-road puts the site 0-27 km" in site_checks.check_site("kuryk", 51.68116, 42.88032,
                                                                                         record).problem


def test_kumkol_point_moved_beyond_the_road_length_fails():
    record = SITES["kumkol-field"]
    # Drawn 46.45 N 65.60 E is 177.9 km from GeoNames Kyzylorda (44.85278 N 65.50917 E): dlat 1.59722 * 111.2 = 177.6 km,
    # dlon 0.09083 * 111.32 * cos(45.65) = 7.1 km. Moved 0.2 degree north (+22.2 km) it is 200 km away, over the 190 km road.
    assert site_checks.check_site("kumkol-field", 65.60, 46.45, record).problem is None
    moved = site_checks.check_site("kumkol-field", 65.60, 46.65, record)
    assert moved.problem is not None and moved.problem.startswith("site: kumkol-field is drawn 200.")
    assert moved.problem.endswith("south-oil-2011-kumkol-road puts the site 0-190 km from it")


def test_kuryk_is_drawn_inside_its_described_distances_and_fails_when_moved_10_km_back():
    record = SITES["kuryk"]
    # Shipped point 43.09 N 51.71 E against GeoNames Kuryk 43.18032 N 51.68116 E: dlat 0.09032 * 111.2 = 10.04 km, dlon
    # 0.02884 * 111.32 * cos(43.14) = 2.34 km, together 10.3 km: inside 8-27 km. From GeoNames Aktau 43.66105 N
    # 51.17392 E: dlat 0.57105 * 111.2 = 63.5 km, dlon 0.53608 * 111.32 * cos(43.38) = 43.4 km, together 76.9 km < 100 km.
    point = ASSETS.loc["kuryk", "geometry"]
    assert (point.x, point.y) == (51.71, 43.09)
    shipped = site_checks.check_site("kuryk", point.x, point.y, record)
    assert shipped.problem is None and shipped.unverified is not None
    # The lane to Alat starts at the port's drawn point, not at the old one.
    lane = ASSETS.loc["lane-kuryk-alat", "geometry"]
    assert lane.coords[0] == (51.71, 43.09)
    # Moved 10 km back north (0.09 degree of latitude = 10.0 km) to 43.18 N 51.71 E it lies 2.3 km from the village
    # (dlon 0.02884 * 81.2 = 2.34 km, dlat 0.0003 degree): under the 8 km, so the check fails.
    back = site_checks.check_site("kuryk", 51.71, 43.18, record)
    assert back.problem is not None and back.problem.startswith("site: kuryk is drawn 2.3 km from KZ:Kuryk")
    # Moved 10 km west instead (0.123 degree of longitude * 81.2 km = 10.0 km) it is 12.6 km from the village, inside the
    # bounds: the bounds are a ring, so a move along it is not caught. That is why Kuryk stays unverified.
    assert site_checks.check_site("kuryk", 51.587, 43.09, record).problem is None
    # 27.7 km further south-east (42.90 N 51.93 E) it is 37.2 km from the village: over the 27 km road.
    far = site_checks.check_site("kuryk", 51.93, 42.90, record)
    assert far.problem is not None and "kuryk-port-2017-12-06-road puts the site 0-27 km" in far.problem
