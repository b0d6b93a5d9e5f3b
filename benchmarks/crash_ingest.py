"""Kill -9 at random moments of ``python -m geo ingest``, then check that nothing was lost.

Run: .venv/bin/python benchmarks/crash_ingest.py [--kills 50] [--seed 17]
Works on a temporary copy of data/ and seeds/. For each of N distinct articles it starts
the real command line, waits until the package is imported (imports take most of a run
and cannot corrupt anything), sleeps a random time within the measured duration of an
ingest, and sends SIGKILL. After every kill the index must load as a valid corpus and
keep every entry it had. At the end every ingest is run again, 8 at a time, and each
article must be in the index exactly once, with its title.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from geo.data import corpus  # noqa: E402

# The real entry point, announcing when its imports are done.
DRIVER = "import sys\nfrom geo.cli import main\nprint('ready', flush=True)\nsys.exit(main(sys.argv[1:]))"
WORDS = "Öl Gas Aktau Baku Ceyhan Pipeline Tanker Hafen Export Transit Route Kaspisches Meer Bahn Batumi China Russland".split()


def article(i: int, rng: random.Random) -> str:
    # Synthetic text, distinct per article, a few kB so the write is not instantaneous.
    return f"Artikel {i}.\n" + "\n".join(" ".join(rng.choices(WORDS, k=12)) + "." for _ in range(200)) + "\n"


def start(env: dict[str, str], path: Path, title: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-c", DRIVER, "ingest", str(path), "--title", title], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def entries(data: Path) -> list[dict]:
    return yaml.safe_load((data / corpus.ARTICLES_FILE).read_text(encoding="utf-8"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=50)
    parser.add_argument("--seed", type=int, default=17)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    work = Path(tempfile.mkdtemp(prefix="geo-crash-"))
    data, seeds = work / "data", work / "seeds"
    shutil.copytree(ROOT / "data", data, ignore=shutil.ignore_patterns("_work", ".corpus.lock"))
    shutil.copytree(ROOT / "seeds", seeds)
    env = {**os.environ, "GEO_DATA_DIR": str(data), "GEO_SEEDS_DIR": str(seeds), "PYTHONWARNINGS": "ignore"}
    files = []
    for i in range(args.kills + 1):
        files.append(work / f"article{i:02d}.txt")
        files[-1].write_text(article(i, rng), encoding="utf-8")

    # Calibrate: how long an ingest takes after the imports.
    proc = start(env, files[-1], "calibration")
    assert proc.stdout is not None
    proc.stdout.readline()
    t = time.perf_counter()
    proc.wait()
    span = time.perf_counter() - t
    print(f"workspace {work}; one ingest takes {span * 1000:.0f} ms after imports; killing at uniform random times in [0, {span * 1000:.0f}] ms")

    outcomes = {"killed before its text was written": 0, "killed with text but no index entry": 0, "killed after the index entry": 0,
                "finished before the kill": 0}
    for i, path in enumerate(files[:-1]):
        before = entries(data)
        proc = start(env, path, f"Artikel {i}")
        assert proc.stdout is not None
        proc.stdout.readline()
        time.sleep(rng.uniform(0, span))
        finished = proc.poll() is not None
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        loaded = corpus.load_corpus(data, seeds)  # raises if the index or a text is broken
        after = entries(data)
        assert after[: len(before)] == before, f"kill {i}: entries changed or lost"
        art_id = corpus.sha256_text(path.read_text(encoding="utf-8"))[:16]
        if finished:
            outcomes["finished before the kill"] += 1
        elif art_id in loaded.articles:
            outcomes["killed after the index entry"] += 1
        elif (seeds / f"{art_id}.txt").exists():
            outcomes["killed with text but no index entry"] += 1
        else:
            outcomes["killed before its text was written"] += 1
    leftovers = len(list(data.glob(".corpus-tmp-*"))) + len(list(seeds.glob(".corpus-tmp-*")))
    print(f"{args.kills} kills; after each the index loaded as a valid corpus and kept every earlier entry")
    for label, n in outcomes.items():
        print(f"  {label:<40} {n:>3}")
    print(f"  temporary files left by killed writers: {leftovers}")

    # Re-run every ingest, 8 at a time.
    failures = 0
    for chunk in range(0, args.kills, 8):
        procs = [(i, start(env, files[i], f"Artikel {i}")) for i in range(chunk, min(chunk + 8, args.kills))]
        for i, p in procs:
            _, err = p.communicate()
            if p.returncode != 0:
                failures += 1
                print(f"  re-run {i} failed: {err.strip()}")
    loaded = corpus.load_corpus(data, seeds)
    ids = [e["id"] for e in entries(data)]
    missing = [i for i, f in enumerate(files[:-1]) if corpus.sha256_text(f.read_text(encoding="utf-8"))[:16] not in loaded.articles]
    untitled = [a.id for a in loaded.articles.values() if a.id not in ("000_149cd47eccacf6d5", "003_1322893579fcee3e") and not a.title]
    leftovers = len(list(data.glob(".corpus-tmp-*"))) + len(list(seeds.glob(".corpus-tmp-*")))
    print(f"re-run: {args.kills - failures}/{args.kills} exited 0; index has {len(ids)} entries ({len(set(ids))} distinct ids) = 2 seeds + "
          f"{len(ids) - 2} articles (+1 calibration); missing {len(missing)}, without title {len(untitled)}, temporary files left {leftovers}")
    ok = failures == 0 and not missing and not untitled and len(ids) == len(set(ids)) == 2 + args.kills + 1 and leftovers == 0
    print("OK: nothing lost, every ingest completed" if ok else "FAILED")
    shutil.rmtree(work)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
