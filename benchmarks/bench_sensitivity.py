"""Wall time of ``geo scenario --sensitivity`` on the shipped network (goal: under 2 s).

Run: ``.venv/bin/python benchmarks/bench_sensitivity.py``. Prints the median over a few runs of
every assumed figure varied to its low and high value for CPC halted, per year, and the count of
figures varied; then the gas baseline, and the CLI end to end with and without ``--sensitivity``.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from geo.routes import sensitivity
from geo.workspace import Workspace

GOAL_S = 2.0


def main(repeat: int = 3) -> None:
    for year in (2022, 2023, 2024):
        network, scen = Workspace.open().scenario(year, "oil", preset="cpc-halted")
        figures = len(sensitivity.assumed_figures(network))
        times = []
        for _ in range(repeat):
            start = time.perf_counter()
            sensitivity.run_sensitivity(network, scen)
            times.append(time.perf_counter() - start)
        median = statistics.median(times)
        print(f"sensitivity oil {year} cpc-halted: {figures} figures, median {median:.2f} s (goal < {GOAL_S:.0f} s)")
    network, _ = Workspace.open().scenario(2023, "gas")
    start = time.perf_counter()
    sensitivity.run_sensitivity(network, None)
    print(f"sensitivity gas 2023 baseline: {len(sensitivity.assumed_figures(network))} figures, {time.perf_counter() - start:.2f} s")
    # End to end, as an analyst runs it: process start, data files, baseline, scenario, sensitivity, JSON.
    # The same command without --sensitivity shows what the run itself adds to process start and data loading.
    base = [sys.executable, "-m", "geo", "scenario", "--preset", "cpc-halted", "--format", "json"]
    for cmd in (base, [*base, "--sensitivity"]):
        walls = []
        for _ in range(repeat):
            start = time.perf_counter()
            subprocess.run(cmd, check=True, capture_output=True, cwd=Path(__file__).resolve().parent.parent)
            walls.append(time.perf_counter() - start)
        print(f"CLI {' '.join(cmd[3:])}: median {statistics.median(walls):.2f} s wall (process start included)")


if __name__ == "__main__":
    main()
