"""Peak memory and time of ``python -m geo extract FILE --format json`` on degenerate 2 MB texts and on one real article.

Run: .venv/bin/python benchmarks/bench_extract_memory.py [--runs 1] [--all-mentions] [--plain]
Each run is a fresh interpreter (start-up included). For each sample: the child's own peak RSS and CPU time (user + system,
read by ``os.wait4`` for that child alone), its wall time, and the load average when it ran (other work on the machine
makes wall times pessimistic; CPU time and memory are steadier). Goal (issue 11): < 300 MB peak, < 1 s for one article.
The degenerate samples repeat one short sentence up to the 2,000,000-byte upload limit: "Baku. " (a town name that could
be two assets, settled each time), «Баку. » (the same in Cyrillic, two bytes a letter), "Aktau port. " (a plain name)
and "CPC. " (an abbreviation: 400,000 sentences).
``--plain`` runs the plain sources (GEO_PURE_PYTHON=1) instead of the compiled build.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LIMIT = 2_000_000  # bytes: geo.claims.upload.MAX_BYTES
SAMPLES = {"baku": "Baku. ", "baku_ru": "Баку. ", "aktau_port": "Aktau port. ", "cpc": "CPC. "}
REAL = ROOT / "seeds" / "000_149cd47eccacf6d5.txt"


def measure(path: Path, extra: list[str], env: dict[str, str]) -> tuple[float, float, float, float]:
    """(wall s, CPU s, peak RSS MB, 1-minute load) of one CLI run on ``path``; its output is read and dropped."""
    load = os.getloadavg()[0]
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "geo", "extract", str(path), "--format", "json", *extra], cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read().decode() if proc.stderr else ""
    if proc.returncode:
        raise SystemExit(f"{path.name}: exit {proc.returncode}: {err[-500:]}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, load


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--all-mentions", action="store_true", help="also write every mention (--all-mentions)")
    parser.add_argument("--plain", action="store_true", help="the plain sources (GEO_PURE_PYTHON=1)")
    args = parser.parse_args()
    env = dict(os.environ)
    if args.plain:
        env["GEO_PURE_PYTHON"] = "1"
    extra = ["--all-mentions"] if args.all_mentions else []
    print(f"geo extract FILE --format json{' --all-mentions' if extra else ''} ({'plain' if args.plain else 'compiled'} "
          f"extraction), best of {args.runs} run(s)")
    with tempfile.TemporaryDirectory() as tmp:
        paths = {}
        for name, unit in SAMPLES.items():
            n = LIMIT // len(unit.encode("utf-8"))
            paths[name] = Path(tmp) / f"{name}.txt"
            paths[name].write_text(unit * n, encoding="utf-8")
        paths["real article"] = REAL
        for name, path in paths.items():
            runs = [measure(path, extra, env) for _ in range(args.runs)]
            wall, cpu, _, load = min(runs, key=lambda r: r[1])  # the run of least CPU time; the highest peak of all
            rss = max(r[2] for r in runs)
            size = path.stat().st_size
            print(f"  {name:13s} {size / 1e3:6.0f} kB: peak RSS {rss:4.0f} MB, CPU {cpu:5.2f} s, wall {wall:5.2f} s "
                  f"(load {load:.2f}){'  OVER 300 MB' if rss >= 300 else ''}")


if __name__ == "__main__":
    main()
