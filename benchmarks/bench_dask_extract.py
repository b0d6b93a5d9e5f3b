"""Corpus extraction on the local Dask cluster: articles/s with 1 and with 2 workers, and the scaling ratio.

Run: .venv/bin/python benchmarks/bench_dask_extract.py [--n 100000] [--workers 1,2] [--partition-size 500]

1. Writes ``--n`` synthetic articles (benchmarks/synth.py: seed and dev-set texts recombined) as
   .txt files into ``--corpus`` (kept and reused when it already holds exactly ``--n`` files).
2. Baseline: one process, no Dask, the first ``--baseline`` articles (read, decode, extract).
3. For each worker count, a fresh output folder and the code path of
   ``python -m geo extract --corpus DIR --scheduler local --workers W --out OUT``: a new LocalCluster
   with W single-threaded worker processes. The wall time counts everything the command does:
   starting the cluster, the driver reading and hashing every file, extraction, the writes. The CPU
   seconds of the driver and the (ended) worker processes are added up too: on a loaded machine
   they are a steadier figure than wall time.
4. Checks that every run wrote every article and the same number of claims.
A calibration line first times a fixed pure-Python loop and prints the load average: the machine
is shared, so compare figures taken at a similar load.
"""

from __future__ import annotations

import argparse
import io
import os
import shutil
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.bench_extract import calibrate  # noqa: E402
from benchmarks.synth import make_articles  # noqa: E402
from geo import settings  # noqa: E402
from geo.claims.batch import extract_article, worker_matcher  # noqa: E402
from geo.claims.sink import FileCandidateSink  # noqa: E402
from geo.cli import corpus_extract  # noqa: E402
from geo.cli.extract import known_articles  # noqa: E402


def write_corpus(n: int, folder: Path) -> tuple[int, float]:
    """``n`` synthetic articles as files (reused when present); return the count and mean size in bytes."""
    files = sorted(folder.rglob("*.txt")) if folder.is_dir() else []
    if len(files) != n:
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        for i, (text, _) in enumerate(make_articles(n)):
            # 100 files per sub-folder keeps directory listings short.
            sub = folder / f"{i // 100:04d}"
            sub.mkdir(exist_ok=True)
            (sub / f"a{i:06d}.txt").write_text(text, encoding="utf-8")
        files = sorted(folder.rglob("*.txt"))
    size = sum(p.stat().st_size for p in files)
    return len(files), size / max(len(files), 1)


def baseline(folder: Path, n: int) -> float:
    """Articles/s of one process without Dask over the first ``n`` files (matcher build not counted)."""
    files = corpus_extract.corpus_files(folder)[:n]
    known = known_articles(settings.DATA_DIR)
    matcher = worker_matcher(settings.DATA_DIR)
    t = time.perf_counter()
    for path in files:
        extract_article(corpus_extract.read_article(path, known, None), matcher)
    return len(files) / (time.perf_counter() - t)


def cpu_seconds() -> tuple[float, float]:
    """CPU time of this process (the driver and scheduler) and of its ended children (the workers of a closed LocalCluster)."""
    t = os.times()
    return t.user + t.system, t.children_user + t.children_system


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--workers", default="1,2", help="comma-separated worker counts")
    parser.add_argument("--partition-size", type=int, default=500)
    parser.add_argument("--baseline", type=int, default=5_000, help="articles for the no-Dask baseline (0: skip)")
    parser.add_argument("--corpus", type=Path, default=Path("/tmp/geo-bench-corpus"))
    parser.add_argument("--out", type=Path, default=Path("/tmp/geo-bench-candidates"))
    args = parser.parse_args()

    print(f"calibration: {calibrate():.2f} s CPU for the fixed loop; load average {os.getloadavg()[0]:.2f}; "
          f"{os.cpu_count()} cores")
    t = time.perf_counter()
    n, mean = write_corpus(args.n, args.corpus)
    print(f"corpus: {n:,} articles, mean {mean:,.0f} bytes, in {args.corpus} ({time.perf_counter() - t:.1f} s to prepare)")
    if args.baseline:
        print(f"baseline, one process without Dask, {min(args.baseline, n):,} articles: "
              f"{baseline(args.corpus, args.baseline):,.0f} articles/s")
    rates: dict[int, float] = {}
    claims: dict[int, int] = {}
    for w in (int(x) for x in args.workers.split(",")):
        out = args.out / f"w{w}"
        shutil.rmtree(out, ignore_errors=True)
        load = os.getloadavg()[0]
        cpu0 = cpu_seconds()
        outcome, _plan = corpus_extract.run_corpus(str(args.corpus), str(out), data_dir=settings.DATA_DIR,
                                                  scheduler="local", workers=w, partition_size=args.partition_size,
                                                  retries=2, stream=io.StringIO())
        driver, workers = (b - a for a, b in zip(cpu0, cpu_seconds(), strict=True))
        cpu = driver + workers
        stored = len(FileCandidateSink(out).done_ids())
        if outcome.failed or stored != n or outcome.articles != n:
            sys.exit(f"{w} worker(s): {outcome.articles} extracted, {stored} stored of {n}; failed: {outcome.failed}")
        rates[w] = outcome.articles / outcome.seconds
        claims[w] = outcome.claims
        print(f"{w} worker(s): {outcome.articles:,} articles in {outcome.seconds:.1f} s = {rates[w]:,.0f} articles/s "
              f"({outcome.partitions} partitions of {args.partition_size}, {outcome.claims:,} claims; "
              f"CPU {driver:.0f} s driver + {workers:.0f} s workers = {1000 * cpu / n:.2f} ms per article; "
              f"load average {load:.2f} before, {os.getloadavg()[0]:.2f} after)")
    if len(set(claims.values())) > 1:
        sys.exit(f"claim counts differ between runs: {claims}")
    if 1 in rates and 2 in rates:
        print(f"scaling 2 workers / 1 worker: {rates[2] / rates[1]:.2f}")


if __name__ == "__main__":
    main()
