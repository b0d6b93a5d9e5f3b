"""Extraction on hostile shapes built from real sentences: does CPU time grow linearly with the text?

Run: .venv/bin/python benchmarks/bench_extract_shapes.py [--limit 1800] [--kb 128] [--top 20] [--confirm 6] [--guess]
Every sentence of the link batches (tests/fixtures/extraction_links_holdout*.yaml) and of the dev set
(tests/fixtures/extraction_dev.yaml) gives three hostile texts (the frozen test set is never read):
  rep   the sentence repeated as it is;
  one   repeated with its sentence ends removed (". " -> ", ", newlines -> spaces): the whole text is ONE sentence;
  shuf  its words shuffled (fixed seed) and repeated as one sentence.
Each shape is analysed as ``geo extract --language <the article's>`` does (``analyse`` with the default matcher;
``--guess``: as plain ``geo extract``, the language guessed from the text) at 32 KB and ``--kb`` KB (128): the
table shows the growth ratio of CPU time (linear: the size ratio, 4) and CPU s/MB at the larger size.
``--limit`` samples that many sentences (deterministically, spread over the batches; 1800 by default, about
2 CPU minutes compiled; 0 = all 3251, about 3.5). The worst shapes (by s/MB at the larger size, and by ratio,
among those over 10 ms at 32 KB: smaller times are noise) are measured again at 512 KB and 2 MB (``--confirm``
of them), and so are the CONSTRUCTED shapes below (quadratics found by reading the link rules, which no sentence
of the batches happens to repeat). A 2 MB / 512 KB ratio clearly above 5 is superlinear.
Goal: every shape linear and under 2.5 CPU s/MB at 2 MB.
The extraction modules run compiled by mypyc when the build is fresh (``GEO_PURE_PYTHON=1``: the plain sources).
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from geo import settings  # noqa: E402
from geo.claims.extract import analyse, default_matcher  # noqa: E402
from geo.claims.text import split_sentences  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures"
#: Shapes that were quadratic once (each has a test in tests/test_hostile.py): (label, language, unit repeated).
CONSTRUCTED = (
    ("long form (ABBR), an asset's", "en", "Tengizchevroil LLP (TCO) oil and "),
    ("pipeline from A to B after a name", "en", "Aktau oil and the pipeline from Turkmenistan to China and "),
    ("origin ... pipeline to B after a name", "en", "Aktau oil and Turkmenistan sends gas through the pipeline to China and "),
    ("chain after a ship's name", "de", "der Tanker namens Aktau und die Gas-Leitung Kasachstan–China, "),
    ("hyphenated run of names", "en", "Aktau-"),
    ("abbreviations, no energy word", "ru", "ТШО, НКОК, КПО и КТК, "),
    ("town appositions", "en", "Oil is loaded at Primorsk, a small town on the Gulf, and "),
    ("one line of lower-case names", "en", "aktau tengiz kashagan samara druzhba baku "),
    ("one line of abbreviations before capitals", "de", "1992 CPC Das gegründet wurde "),
)


def sentences() -> list[tuple[str, str, str]]:
    """(source, sentence, language) of every article of the link batches and the dev set, without repeats."""
    paths = [*sorted(FIXTURES.glob("extraction_links_holdout*.yaml")), FIXTURES / "extraction_dev.yaml"]
    out, seen = [], set()
    for path in paths:
        assert "extraction_test" not in path.name
        for article in yaml.safe_load(path.read_text(encoding="utf-8"))["articles"]:
            text = article["text"]
            for start, end in split_sentences(text):
                s = text[start:end].strip()
                if len(s) >= 20 and s not in seen:
                    seen.add(s)
                    out.append((f"{path.stem.replace('extraction_', '')}:{article['id']}", s, article["language"]))
    return out


def unit(sentence: str, form: str, seed: int) -> str:
    if form == "rep":
        return sentence + " "
    one = sentence.replace("\n", " ").replace(". ", ", ").rstrip(".!?…") + ", "
    if form == "one":
        return one
    words = one.replace(",", " ").split()
    random.Random(seed).shuffle(words)
    return " ".join(words) + " "


def build(piece: str, n_bytes: int) -> str:
    size = len(piece.encode("utf-8"))
    return piece * max(1, n_bytes // size)


def cpu_of(text: str, lang: str | None, matcher) -> float:
    cpu = time.process_time()
    analyse(text, language=lang, matcher=matcher)
    return time.process_time() - cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=1800, help="sentences sampled (0 = all)")
    parser.add_argument("--kb", type=int, default=128, help="the larger size in KB (the smaller is a quarter of it)")
    parser.add_argument("--top", type=int, default=20, help="rows of the table")
    parser.add_argument("--confirm", type=int, default=6, help="worst shapes measured again at 512 KB and 2 MB")
    parser.add_argument("--forms", default="rep,one,shuf")
    parser.add_argument("--match", default="", help="only sentences containing this text")
    parser.add_argument("--guess", action="store_true", help="let extraction guess the language (geo extract's default)")
    args = parser.parse_args()
    import geo.claims

    print("extraction modules: " + ("compiled by mypyc" if geo.claims.COMPILED_IN_USE else "plain Python sources"))
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    matcher = default_matcher(settings.DATA_DIR)
    analyse("Warm-up: CPC oil via Novorossiysk.", language="en", matcher=matcher)
    pool = [(src, s, None if args.guess else lang) for src, s, lang in sentences() if args.match in s]
    if args.limit and len(pool) > args.limit:
        step = len(pool) / args.limit
        pool = [pool[int(k * step)] for k in range(args.limit)]
    small, large = args.kb * 1000 // 4, args.kb * 1000
    rows = []
    t0 = time.process_time()
    for k, (src, sentence, lang) in enumerate(pool):
        for form in args.forms.split(","):
            piece = unit(sentence, form, k)
            a = cpu_of(build(piece, small), lang, matcher)
            b = cpu_of(build(piece, large), lang, matcher)
            rows.append((b / (large / 1e6), b / max(a, 1e-4), src, form, lang, piece, a, b))
    print(f"{len(rows)} shapes of {len(pool)} sentences in {time.process_time() - t0:.0f} CPU s")
    head = f"{'s/MB':>6} {'ratio':>6} {'CPU@' + str(small // 1000) + 'K':>8} {'CPU@' + str(large // 1000) + 'K':>8}  form source: sentence"
    rows.sort(key=lambda r: -r[0])
    print(f"\nworst {args.top} by CPU s/MB at {large // 1000} KB (linear ratio ~4)\n{head}")
    for r in rows[:args.top]:
        print(f"{r[0]:6.2f} {r[1]:6.1f} {r[6]:8.3f} {r[7]:8.3f}  {r[3]:4} {r[2]}: {r[5][:70]!r}")
    by_ratio = sorted((r for r in rows if r[6] > 0.01), key=lambda r: -r[1])
    print(f"\nworst {min(args.top, 10)} by ratio (CPU at {small // 1000} KB > 0.01 s)\n{head}")
    for r in by_ratio[:min(args.top, 10)]:
        print(f"{r[0]:6.2f} {r[1]:6.1f} {r[6]:8.3f} {r[7]:8.3f}  {r[3]:4} {r[2]}: {r[5][:70]!r}")
    picked = []
    for r in rows[:args.confirm] + by_ratio[:args.confirm]:
        if r not in picked:
            picked.append(r)
    picked += [(0.0, 0.0, label, "made", lang, piece, 0.0, 0.0) for label, lang, piece in CONSTRUCTED]
    if picked:
        print(f"\nconfirmed at 512 KB and 2 MB (linear ratio ~4; goal < 2.5 CPU s/MB at 2 MB)\n"
              f"{'s/MB@2M':>7} {'ratio':>6} {'CPU@512K':>8} {'CPU@2M':>8}  form source: sentence")
    for r in picked:
        a = cpu_of(build(r[5], 512_000), r[4], matcher)
        b = cpu_of(build(r[5], 2_000_000), r[4], matcher)
        print(f"{b / 2:7.2f} {b / max(a, 1e-4):6.1f} {a:8.2f} {b:8.2f}  {r[3]:4} {r[2]}: {r[5][:70]!r}", flush=True)


if __name__ == "__main__":
    main()
