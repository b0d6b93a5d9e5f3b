"""Wall time of ``geo scenario --sensitivity`` on the shipped network (goal: under 2 s).

Run: ``.venv/bin/python benchmarks/bench_sensitivity.py``. Prints the median over a few runs of
every assumed figure varied to its low and high value for CPC halted, per year, and the count of
figures varied.
"""

from __future__ import annotations

import statistics
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


if __name__ == "__main__":
    main()
