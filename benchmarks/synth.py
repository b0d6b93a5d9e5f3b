"""Synthetic data at k times the shipped network, and a synthetic article corpus.

Each shipped asset is copied k - 1 times with a new id, shifted by a random offset within
the region and, for lines, densified to about one vertex per 2 km (surveyed pipeline
geometries have hundreds to thousands of vertices). Waypoints move with their lines, so
the copy validates like the original. The articles are variations of the seed and
dev-set texts (tests/fixtures/extraction_dev.yaml; never the frozen test set). Seeds are fixed, so runs are repeatable.

    .venv/bin/python benchmarks/synth.py --scale 100 --out /tmp/geo-100x
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
from pathlib import Path

import shapely
import yaml
from shapely.affinity import translate

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from geo.data import load  # noqa: E402
from geo.data.schema import LINE_KINDS  # noqa: E402

DENSIFY_DEG = 0.02  # about 2 km


def make_dataset(scale: int, out: Path, *, seed: int = 7) -> Path:
    """Write a data folder with ``scale`` times the shipped assets to ``out`` and return it."""
    rng = random.Random(seed)
    if out.exists():
        shutil.rmtree(out)
    shutil.copytree(ROOT / "data", out, ignore=shutil.ignore_patterns("_work"))
    assets = load.load_assets(out)
    waypoints = load.load_waypoints(out)
    rows, wp_rows = [assets], [waypoints]
    for copy in range(1, scale):
        dx, dy = rng.uniform(-4, 4), rng.uniform(-3, 3)
        clone = assets.copy()
        clone["id"] = [f"{i}-x{copy}" for i in assets["id"]]
        clone["name"] = [f"{n} (synthetic {copy})" for n in assets["name"]]
        clone["aliases"] = [[] for _ in range(len(clone))]
        clone["context_aliases"] = [[] for _ in range(len(clone))]
        clone["geometry"] = [
            shapely.segmentize(translate(g, dx, dy), DENSIFY_DEG) if k in LINE_KINDS else translate(g, dx, dy)
            for g, k in zip(assets.geometry, assets["kind"], strict=True)
        ]
        rows.append(clone.set_index("id", drop=False))
        wp = waypoints.copy()
        wp["asset_id"] = [f"{a}-x{copy}" for a in waypoints["asset_id"]]
        wp["lon"] = wp["lon"] + dx
        wp["lat"] = wp["lat"] + dy
        wp_rows.append(wp)
    import pandas as pd

    big = pd.concat(rows)
    big = big.set_geometry("geometry")
    load.write_text_atomic(out / load.ASSETS_FILE, load.dumps_assets(big))
    pd.concat(wp_rows).to_csv(out / load.WAYPOINTS_FILE, index=False)
    return out


def make_articles(n: int, *, seed: int = 11) -> list[tuple[str, str]]:
    """``n`` synthetic articles (text, language) made by recombining seed and dev-set texts (never the frozen test set)."""
    rng = random.Random(seed)
    dev = yaml.safe_load((ROOT / "tests" / "fixtures" / "extraction_dev.yaml").read_text(encoding="utf-8"))["articles"]
    pool: dict[str, list[str]] = {"de": [], "en": [], "ru": []}
    for a in dev:
        pool[a["language"]].append(a["text"])
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        pool["de"].append(path.read_text(encoding="utf-8"))
    articles = []
    for i in range(n):
        lang = ("de", "en", "ru")[i % 3]
        parts = rng.sample(pool[lang], k=min(4, len(pool[lang])))
        articles.append((f"Artikel {i}\n\n" + "\n\n".join(parts), lang))
    return articles


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, default=10)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    out = make_dataset(args.scale, args.out)
    print(f"wrote {args.scale}x data to {out}")


if __name__ == "__main__":
    main()
