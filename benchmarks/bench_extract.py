"""Extraction speed: throughput on one core, linear growth, and a hostile 2 MB sentence of asset names.

Run: .venv/bin/python benchmarks/bench_extract.py [--mb 5]
1. Throughput: the seed articles and the dev set (DE/EN/RU) repeated to ``--mb`` MB.
2. Linear time: one "sentence" made only of asset names (no full stop), at 4 sizes up to 2 MB;
   the time per MB must stay flat (goal: 2 MB under 5 s).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from geo import settings  # noqa: E402
from geo.claims.extract import analyse, default_matcher  # noqa: E402

HOSTILE_WORDS = ("CPC", "КТК", "Noworossijsk", "Новороссийска", "Aktau", "Baku-Tiflis-Ceyhan", "Баку - Тбилиси - Джейхан",
                 "Russian ports", "Druschba-Pipeline", "Tengis-Feld", "oil", "bypass", "Kazakhstan – Chinese Pipeline")


def sample_texts() -> list[tuple[str, str]]:
    texts = [(p.read_text(encoding="utf-8"), "de") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    dev = yaml.safe_load((ROOT / "tests" / "fixtures" / "extraction_dev.yaml").read_text(encoding="utf-8"))["articles"]
    return texts + [(a["text"], a["language"]) for a in dev]


def hostile(n_bytes: int) -> str:
    out, size, i = [], 0, 0
    while size < n_bytes:
        w = HOSTILE_WORDS[i % len(HOSTILE_WORDS)]
        out.append(w)
        size += len(w.encode("utf-8")) + 1
        i += 1
    return " ".join(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=5.0, help="megabytes of text for the throughput run")
    args = parser.parse_args()
    t0 = time.perf_counter()
    matcher = default_matcher(settings.DATA_DIR)
    print(f"matcher built in {time.perf_counter() - t0:.3f} s")
    texts = sample_texts()
    target = int(args.mb * 1_000_000)
    # Vary each copy a little so caches of whole sentences cannot help; word-level caches are fair game.
    batch, size, i = [], 0, 0
    while size < target:
        text, lang = texts[i % len(texts)]
        text = f"{text}\nKopie {i}." if lang == "de" else f"{text}\nCopy {i}." if lang == "en" else f"{text}\nКопия {i}."
        batch.append((text, lang))
        size += len(text.encode("utf-8"))
        i += 1
    # CPU time is printed next to wall time: on a shared machine wall time also counts other processes.
    start, cpu = time.perf_counter(), time.process_time()
    claims = sum(len(analyse(t, language=lang, matcher=matcher).claims) for t, lang in batch)
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
    print(f"throughput: {size / 1e6:.1f} MB in {len(batch)} articles, {claims} claims, wall {elapsed:.2f} s, CPU {cpu:.2f} s "
          f"-> {size / 1e6 / cpu:.2f} MB/s of CPU (goal >= 5 MB/s, one core)")
    for mb in (0.25, 0.5, 1.0, 2.0):
        text = hostile(int(mb * 1_000_000))
        start, cpu = time.perf_counter(), time.process_time()
        result = analyse(text, language="en", matcher=matcher)
        elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
        print(f"hostile one-sentence run of asset names: {mb:.2f} MB, {len(result.mentions)} mentions, wall {elapsed:.2f} s, "
              f"CPU {cpu:.2f} s, {cpu / mb:.2f} CPU s/MB (goal: 2 MB < 5 s, s/MB flat)")


if __name__ == "__main__":
    main()
