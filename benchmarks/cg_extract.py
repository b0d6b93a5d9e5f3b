"""A fixed amount of extraction work for counting instructions with valgrind's cachegrind.

Run (instructions of one pass = (run with 3 passes - run with 1 pass) / 2):

    PAD=x PYTHONHASHSEED=0 setarch x86_64 -R valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file=/dev/null \\
        .venv/bin/python benchmarks/cg_extract.py 3 articles

``articles``: the benchmark's 40 distinct ~3 kB articles (each language's dev snippets joined, and the seeds), 128 kB a
pass; ``snippets``: the seeds and the dev snippets one by one (497 texts). One warm pass fills the per-process memos, then
the garbage collector is switched off so that no collection lands in a counted pass.

Counts depend on the memory layout: without ``setarch -R`` (no address randomisation) the same code gave 259-290 M
instructions a pass from run to run, and with it but without an environment variable such as ``PAD`` two copies of one
tree at different paths differed by 3.4 % (type-attribute cache collisions); with both, copies at six paths agreed within
0.01 %. Compare trees at the same settings.
"""

from __future__ import annotations

import gc
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.bench_extract import joined, sample_texts  # noqa: E402
from geo import settings  # noqa: E402
from geo.claims.extract import analyse, default_matcher  # noqa: E402


def main() -> None:
    passes = int(sys.argv[1]) if len(sys.argv) > 1 else 1
    texts = sample_texts() if len(sys.argv) > 2 and sys.argv[2] == "snippets" else joined(sample_texts())
    matcher = default_matcher(settings.DATA_DIR)
    for text, lang in texts:  # warm: memos of words, cues and names
        analyse(text, language=lang, matcher=matcher)
    gc.disable()
    for _ in range(passes):
        for text, lang in texts:
            analyse(text, language=lang, matcher=matcher)


if __name__ == "__main__":
    main()
