"""The map's bounding-box query at 100x data: PostGIS (GiST index) against the files.

Run: ``.venv/bin/python benchmarks/bench_store.py [--scale 100] [--repeats 15]``. Makes the 100x data
folder with ``benchmarks/synth.py``, starts a throwaway PostgreSQL + PostGIS (as the store tests do),
imports the folder and prints the median time of each way to answer "which assets meet this box?":

* files, cold: parse and validate ``assets.geojson``, then query (what a fresh process pays);
* files, warm: the GeoDataFrame already in memory, its spatial index queried (the dashboard's cached path);
* PostGIS ``&&`` only: the index's bounding-box test alone (a map layer may take every feature whose box meets the view);
* PostGIS ids: ``geom && envelope AND ST_Intersects`` (index scan, then the exact test), ids only;
* PostGIS features: the same with each geometry as WKB, decoded to shapely (what a map layer needs).

Boxes: the whole region of the map, and a zoomed view of the Mangyshlak peninsula (Aktau).
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from geoalchemy2.shape import to_shape  # noqa: E402
from sqlalchemy import create_engine, func, select  # noqa: E402

from geo.data import load  # noqa: E402
from geo.data.basemap import REGION  # noqa: E402
from geo.store import localserver, migrate, transfer  # noqa: E402
from geo.store import tables as t  # noqa: E402
from geo.store.files import assets_in_bbox  # noqa: E402
from geo.store.postgis import PostgisStore  # noqa: E402

BOXES = {"whole region": REGION, "Mangyshlak zoom": (50.0, 42.5, 54.0, 45.5)}


def median_ms(fn, repeats: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeats):
        t0 = time.perf_counter()
        result = fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times), result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, default=100)
    parser.add_argument("--repeats", type=int, default=15)
    args = parser.parse_args()
    from synth import make_dataset

    work = Path(tempfile.mkdtemp(prefix="geo-bench-store-"))
    try:
        data = make_dataset(args.scale, work / "data")
        server = localserver.start(work / "pg")
        try:
            engine = create_engine(server.create_database("bench"))
            migrate.upgrade(engine)
            t0 = time.perf_counter()
            counts = transfer.import_files(engine, data, ROOT / "seeds")
            print(f"{args.scale}x data: {counts['assets']} assets; import {time.perf_counter() - t0:.1f} s")
            store = PostgisStore(engine)
            frame = load.load_assets(data)

            def features(box):
                env = func.ST_MakeEnvelope(*box, 4326)
                with engine.connect() as conn:
                    rows = conn.execute(select(t.assets.c.id, t.assets.c.geom).where(t.assets.c.geom.op("&&")(env), func.ST_Intersects(t.assets.c.geom, env)))
                    return [(r.id, to_shape(r.geom)) for r in rows]

            def bbox_only(box):
                env = func.ST_MakeEnvelope(*box, 4326)
                with engine.connect() as conn:
                    return list(conn.execute(select(t.assets.c.id).where(t.assets.c.geom.op("&&")(env))).scalars())

            print("| box | assets in box | files, cold | files, warm | PostGIS && only | PostGIS ids | PostGIS features |")
            print("|---|---:|---:|---:|---:|---:|---:|")
            for name, box in BOXES.items():
                cold, ids = median_ms(lambda box=box: assets_in_bbox(load.load_assets(data), box), max(3, args.repeats // 5))
                warm, warm_ids = median_ms(lambda box=box: assets_in_bbox(frame, box), args.repeats)
                db_ids_ms, db_ids = median_ms(lambda box=box: store.assets_in_bbox(box), args.repeats)
                feat_ms, feats = median_ms(lambda box=box: features(box), args.repeats)
                env_ms, env_ids = median_ms(lambda box=box: bbox_only(box), args.repeats)
                assert ids == warm_ids == db_ids == sorted(i for i, _ in feats), "the back ends disagree"
                print(f"| {name} | {len(db_ids)} | {cold:.0f} ms | {warm:.1f} ms | {env_ms:.1f} ms ({len(env_ids)}) | {db_ids_ms:.1f} ms | {feat_ms:.1f} ms |")
        finally:
            server.stop()
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
