"""Extraction speed: throughput on one core, linear growth, and a hostile 2 MB sentence of asset names.

Run: .venv/bin/python benchmarks/bench_extract.py [--mb 5]
1. Throughput: the seed articles and the dev set (DE/EN/RU) repeated to ``--mb`` MB: mostly
   dev snippets of about 200 bytes, so the fixed cost of each call weighs heavily.
2. The same text as articles of about 3 KB (the seeds, and each language's dev snippets joined),
   closer to the length of a real news article, but with a claim every ~200 bytes.
2b. The pages of the link batches that are at least 1.5 KB long (headline, byline, captions, teasers,
   tag lists; written for this project in the style of real news pages): the density of claims of a
   real article, which is far lower than that of the joined snippets.
3. Linear time: one "sentence" made only of asset names (no full stop), and a list of asset
   abbreviations with no energy word, each at 4 sizes up to 2 MB; the time per MB must stay flat
   (goal: 2 MB under 5 s).
The extraction modules run compiled by mypyc when ``make compiled`` built them from these sources
(``GEO_PURE_PYTHON=1`` runs the plain sources); the first line says which.
A calibration line first times a fixed pure-Python loop and prints the load average: on a
shared machine CPU seconds grow with the load too, so compare figures taken at a similar load.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from geo import settings  # noqa: E402
from geo.claims.extract import analyse, default_matcher  # noqa: E402

HOSTILE_WORDS = ("CPC", "КТК", "Noworossijsk", "Новороссийска", "Aktau", "Baku-Tiflis-Ceyhan", "Баку - Тбилиси - Джейхан",
                 "Russian ports", "Druschba-Pipeline", "Tengis-Feld", "oil", "bypass", "Kazakhstan – Chinese Pipeline",
                 # per-sentence work of round 3 (commodity context, a line's own terminal, a town after "in")
                 "gas", "Kazakhstan–China pipeline", "terminal of the CPC", "the CPC's export terminal", "in Aktau", "Chorgos")


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


def calibrate() -> float:
    """CPU seconds of a fixed pure-Python loop (about 0.2 s on an idle 3 GHz core)."""
    cpu = time.process_time()
    total = 0
    for _ in range(20):
        total += sum(i * i for i in range(100_000))
    del total
    return time.process_time() - cpu


def throughput(label: str, texts: list[tuple[str, str]], target: int, matcher) -> None:
    # Vary each copy a little so caches of whole sentences cannot help; word-level caches are fair game.
    batch, size, i = [], 0, 0
    while size < target:
        text, lang = texts[i % len(texts)]
        text = f"{text}\nKopie {i}." if lang == "de" else f"{text}\nCopy {i}." if lang == "en" else f"{text}\nКопия {i}."
        batch.append((text, lang))
        size += len(text.encode("utf-8"))
        i += 1
    # CPU time is printed next to wall time: on a shared machine wall time also counts other processes.
    # The first pass fills the per-process memos of words; the second is a process that has run for a while.
    for run in ("first pass", "second pass"):
        start, cpu = time.perf_counter(), time.process_time()
        claims = sum(len(analyse(t, language=lang, matcher=matcher).claims) for t, lang in batch)
        elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
        print(f"throughput, {label}, {run}: {size / 1e6:.1f} MB in {len(batch)} articles, {claims} claims, wall {elapsed:.2f} s, "
              f"CPU {cpu:.2f} s -> {size / 1e6 / cpu:.2f} MB/s of CPU (goal >= 5 MB/s, one core)")


def long_pages(min_bytes: int = 1500) -> list[tuple[str, str]]:
    """The articles of the link batches (tests/fixtures/extraction_links_holdout*.yaml) of at least ``min_bytes``."""
    out = []
    for path in sorted((ROOT / "tests" / "fixtures").glob("extraction_links_holdout*.yaml")):
        for article in yaml.safe_load(path.read_text(encoding="utf-8"))["articles"]:
            if len(article["text"].encode("utf-8")) >= min_bytes:
                out.append((article["text"], article["language"]))
    return out


def joined(texts: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The seeds as they are, and each language's dev snippets joined into one article of about 3 KB."""
    seeds = texts[:2]
    by_lang: dict[str, list[str]] = {}
    for text, lang in texts[2:]:
        by_lang.setdefault(lang, []).append(text)
    out = list(seeds)
    for lang, snippets in by_lang.items():
        chunk: list[str] = []
        for snippet in snippets:
            chunk.append(snippet)
            if sum(len(c) for c in chunk) > 2500:
                out.append(("\n\n".join(chunk), lang))
                chunk = []
        if chunk:
            out.append(("\n\n".join(chunk), lang))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=5.0, help="megabytes of text for each throughput run")
    args = parser.parse_args()
    import geo.claims

    print("extraction modules: " + ("compiled by mypyc (build/compiled)" if geo.claims.COMPILED_IN_USE else
                                     "plain Python sources (no fresh build, or GEO_PURE_PYTHON set)"))
    print(f"calibration: fixed pure-Python loop {calibrate():.3f} CPU s; load average {os.getloadavg()[0]:.1f} "
          f"on {os.cpu_count()} cores")
    t0 = time.perf_counter()
    matcher = default_matcher(settings.DATA_DIR)
    print(f"matcher built in {time.perf_counter() - t0:.3f} s")
    texts = sample_texts()
    target = int(args.mb * 1_000_000)
    throughput("dev snippets (~200 B) and seeds", texts, target, matcher)
    throughput("~3 KB articles", joined(texts), target, matcher)
    pages = long_pages()
    throughput(f"{len(pages)} long pages of the link batches (>= 1.5 KB)", pages, target, matcher)
    # a one-sentence run of asset names; and a list of asset abbreviations with no energy word, where each one asks
    # whether the story names a consortium anywhere (searched once an article; it was once a mention, and 250 kB of
    # this did not finish in minutes)
    abbreviations = "ТШО, НКОК, КПО и КТК, "
    samples = (("one-sentence run of asset names", "en", hostile),
               ("list of abbreviations, no energy word", "ru",
                lambda n: abbreviations * (n // len(abbreviations.encode("utf-8")) + 1)))
    for label, lang, make in samples:
        for mb in (0.25, 0.5, 1.0, 2.0):
            text = make(int(mb * 1_000_000))
            start, cpu = time.perf_counter(), time.process_time()
            result = analyse(text, language=lang, matcher=matcher)
            elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
            print(f"hostile {label}: {mb:.2f} MB, {len(result.mentions)} mentions, wall {elapsed:.2f} s, "
                  f"CPU {cpu:.2f} s, {cpu / mb:.2f} CPU s/MB (goal: 2 MB < 5 s, s/MB flat)")

if __name__ == "__main__":
    main()
