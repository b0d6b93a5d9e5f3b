"""Extraction throughput in MB of text per second on one core.

Run: .venv/bin/python benchmarks/bench_extract.py [--mb 5]
Builds a corpus by repeating the seed articles and the labelled evaluation texts (German,
English, Russian) until it reaches the requested size, then times the extractor over it.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from geo.claims.extract import build_matcher, extract  # noqa: E402
from geo.data import corpus, load  # noqa: E402


def sample_texts() -> list[tuple[str, str]]:
    texts = [(t, "de") for t in corpus.load_corpus().texts.values()]
    evals = yaml.safe_load((ROOT / "tests" / "fixtures" / "extraction_eval.yaml").read_text(encoding="utf-8"))["articles"]
    return texts + [(a["text"], a["language"]) for a in evals]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=5.0, help="megabytes of text to extract from")
    args = parser.parse_args()
    matcher = build_matcher(load.load_assets(), load.load_route_groups())
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
    start = time.perf_counter()
    claims = sum(len(extract(t, language=lang, matcher=matcher)) for t, lang in batch)
    elapsed = time.perf_counter() - start
    print(f"extraction: {size / 1e6:.1f} MB in {len(batch)} articles, {claims} candidate claims, {elapsed:.2f} s "
          f"-> {size / 1e6 / elapsed:.2f} MB/s (goal >= 1 MB/s, one core)")


if __name__ == "__main__":
    main()
