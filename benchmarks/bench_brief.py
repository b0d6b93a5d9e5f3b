"""Time to produce a briefing in each format (goal: PNG under 5 s).

Run: .venv/bin/python benchmarks/bench_brief.py
Times the whole export as a user runs it (solve the scenario, gather claims, draw, write),
in a fresh process per format so nothing is warm but the disk cache.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    out_dir = Path(tempfile.mkdtemp())
    for suffix in (".png", ".pdf", ".html"):
        out = out_dir / f"brief{suffix}"
        cmd = [sys.executable, "-m", "geo", "brief", "--year", "2023", "--preset", "cpc-halted", "--claims", "zeifert-reroute-oil-gas",
               "--out", str(out), "--timestamp", "2026-01-01T00:00"]
        start = time.perf_counter()
        subprocess.run(cmd, cwd=ROOT, check=True, capture_output=True)
        elapsed = time.perf_counter() - start
        goal = " (goal < 5 s)" if suffix == ".png" else ""
        print(f"brief {suffix:<5} {elapsed:5.2f} s including Python start-up, {out.stat().st_size / 1e3:7.0f} kB{goal}")


if __name__ == "__main__":
    main()
