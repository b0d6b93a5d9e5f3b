"""Cold start of ``python -m geo extract ONE_ARTICLE --format json``: wall time and peak memory.

Run: .venv/bin/python benchmarks/bench_extract_cold.py [--runs 5]
Each run is a fresh interpreter (Python start-up included); peak memory is the child's max RSS.
Goals: < 1 s wall, < 300 MB peak.
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = ("ASTANA (wire) - Kazakhstan loaded more crude at Aktau for the Baku-Tbilisi-Ceyhan pipeline to bypass "
           "Russian ports. Most barrels still flow through the CPC to the terminal near Novorossiysk.\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "article.txt"
        path.write_text(ARTICLE, encoding="utf-8")
        walls = []
        for _ in range(args.runs):
            start = time.perf_counter()
            subprocess.run([sys.executable, "-m", "geo", "extract", str(path), "--format", "json"], cwd=ROOT, check=True,
                           capture_output=True)
            walls.append(time.perf_counter() - start)
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"cold extract of one article: wall min {min(walls):.2f} s, max {max(walls):.2f} s over {args.runs} runs; "
          f"peak RSS {peak_mb:.0f} MB (goals < 1 s, < 300 MB)")


if __name__ == "__main__":
    main()
