"""Hostile HTML uploads: time to reduce 1 MB of nested unclosed tags (and other shapes) to text.

Run: .venv/bin/python benchmarks/bench_hostile.py [--kb 1000]
Each input goes through the whole upload path (size check, decoding, HTML to text,
invisible characters) as ``geo ingest`` and the dashboard use it. Goal: every input under
5 s at 1 MB, and time growing linearly (the ratio column stays near 1 as the size doubles).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from geo.claims.upload import read_upload  # noqa: E402
from geo.errors import IngestError  # noqa: E402

SHAPES = {
    "nested unclosed <b><i><div>": "<b><i><div>x ",
    "nested unclosed <div>": "<div>",
    "nested <table><tr><td>": "<table><tr><td>Aktau ",
    "'<' without '>'": "< <a ",
    "open quotes": "<a title=\"x> ",
    "unclosed comments": "<!-- a --",
    "entities": "&amp;&#1076;&#x41;&bogus;",
    "script never closed": "<script>x</scrip",
}


def build(unit: str, size: int) -> bytes:
    return (unit * (size // len(unit) + 1))[:size].encode("utf-8")


def time_one(raw: bytes) -> tuple[float, str]:
    t = time.perf_counter()
    try:
        outcome = f"{len(read_upload(raw, 'hostile.html').text):,} chars of text"
    except IngestError as exc:
        outcome = f"refused: {exc}"
    return time.perf_counter() - t, outcome


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kb", type=int, default=1000, help="largest input in kB (1000 = 1 MB)")
    args = parser.parse_args()
    sizes = [args.kb * 1000 // 8, args.kb * 1000 // 4, args.kb * 1000 // 2, args.kb * 1000]
    print(f"{'shape':<30} " + " ".join(f"{s // 1000:>7} kB" for s in sizes) + "   growth 1/2->1   outcome at the largest")
    for label, unit in SHAPES.items():
        times, outcome = [], ""
        for size in sizes:
            seconds, outcome = time_one(build(unit, size))
            times.append(seconds)
        growth = times[-1] / max(times[-2], 1e-9)
        print(f"{label:<30} " + " ".join(f"{t:>8.3f} s" for t in times) + f"   {growth:>6.2f}x        {outcome[:60]}")
    print("goal: every shape under 5 s at 1 MB; doubling the size about doubles the time (growth near 2x, not 4x)")


if __name__ == "__main__":
    main()
