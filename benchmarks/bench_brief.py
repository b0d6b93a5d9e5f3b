"""Time to produce a briefing in each format (goal: PNG under 5 s).

Run: .venv/bin/python benchmarks/bench_brief.py
Times the whole export as a user runs it (solve the scenario, gather claims, draw, write),
in a fresh process per format so nothing is warm but the disk cache. Wall time depends on
what else the machine runs, so the CPU time of the child process (user + system) is
printed beside it; on a loaded machine that is the figure to compare with the goal.
"""

from __future__ import annotations

import resource
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
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(cmd, cwd=ROOT, check=True, capture_output=True)
        elapsed = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        goal = " (goal < 5 s)" if suffix == ".png" else ""
        print(f"brief {suffix:<5} {elapsed:5.2f} s wall, {cpu:5.2f} s CPU, including Python start-up, "
              f"{out.stat().st_size / 1e3:7.0f} kB{goal}")


if __name__ == "__main__":
    main()
