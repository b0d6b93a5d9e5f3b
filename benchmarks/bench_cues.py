"""Cue reading alone: the cue kinds of every sentence (``_sentence_cue_sets``) over 200 kB of text, memos warm.

Run: .venv/bin/python benchmarks/bench_cues.py [--snippets] [--passes N] [--time]
- ``--time``: best of 7 CPU-time runs of N passes, in ms per MB, with the load average.
- without ``--time`` it only runs N passes, for an instruction count that the load does not change:
  ``PYTHONHASHSEED=0 valgrind --tool=cachegrind --cache-sim=no benchmarks/bench_cues.py --passes 3`` minus the same with
  ``--passes 1``, halved, is the cost of one pass.
The text is the benchmark's 3 KB articles (``bench_extract.joined``) or, with ``--snippets``, the dev snippets and seeds,
each copy varied as in ``bench_extract.py``.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from itertools import accumulate
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.bench_extract import joined, sample_texts  # noqa: E402
from geo.claims import extract  # noqa: E402
from geo.claims.text import sentences_of_parts, split_words  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--snippets", action="store_true", help="dev snippets (~200 B) instead of 3 KB articles")
    parser.add_argument("--passes", type=int, default=1)
    parser.add_argument("--time", action="store_true", help="print CPU ms per MB (best of 7)")
    args = parser.parse_args()
    src = sample_texts() if args.snippets else joined(sample_texts())
    inputs, size, i = [], 0, 0
    while size < 200_000:
        text, lang = src[i % len(src)]
        text = f"{text}\nCopy {i}."
        parts = split_words(text)
        raws, gaps = parts[1::2], parts[0::2]
        offsets = list(accumulate(map(len, parts)))
        inputs.append((text, sentences_of_parts(text, gaps, offsets), raws, gaps, offsets, lang))
        size += len(text.encode("utf-8"))
        i += 1
    cue_sets = extract._sentence_cue_sets
    for a in inputs:  # warm the memos of words
        cue_sets(*a)
    runs = 7 if args.time else 1
    best = float("inf")
    for _ in range(runs):
        cpu = time.process_time()
        for _ in range(args.passes):
            for a in inputs:
                cue_sets(*a)
        best = min(best, time.process_time() - cpu)
    if args.time:
        print(f"cue reading, {'snippets' if args.snippets else '3 KB articles'}: {best / args.passes / (size / 1e6) * 1000:.1f} "
              f"CPU ms/MB (best of 7); load average {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
