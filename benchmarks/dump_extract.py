"""Dump every analyse() result of the dev set, the link hold-out batches, the seeds and the benchmark's joined articles.

Run: .venv/bin/python benchmarks/dump_extract.py OUT.jsonl ; diff two dumps to check a speed change altered no result.
(The frozen test set is not read.)
"""

from __future__ import annotations

import dataclasses
import json
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.bench_extract import hostile, joined, sample_texts  # noqa: E402
from geo import settings  # noqa: E402
from geo.claims.extract import analyse, default_matcher  # noqa: E402

FILES = ("extraction_dev.yaml", "extraction_links_holdout.yaml", "extraction_links_holdout2.yaml", "extraction_links_holdout3.yaml")


def texts() -> list[tuple[str, str, str | None]]:
    out: list[tuple[str, str, str | None]] = []
    for name in FILES:
        for a in yaml.safe_load((ROOT / "tests" / "fixtures" / name).read_text(encoding="utf-8"))["articles"]:
            out.append((f"{name}:{a['id']}", a["text"], a.get("language")))
            out.append((f"{name}:{a['id']}:guess", a["text"], None))
    for k, (t, lang) in enumerate(joined(sample_texts())):
        out.append((f"joined:{k}", t, lang))
    out.append(("hostile", hostile(20_000), "en"))
    out.append(("hostile-ru", hostile(20_000), "ru"))
    return out


def main() -> None:
    matcher = default_matcher(settings.DATA_DIR)
    with Path(sys.argv[1]).open("w", encoding="utf-8") as fh:
        for _ in range(2):  # twice: the second pass runs on warm memos
            for key, text, lang in texts():
                r = analyse(text, article=key, language=lang, matcher=matcher)
                row = {"key": key, "claims": [dataclasses.asdict(c) for c in r.claims],
                       "mentions": [dataclasses.asdict(m) for m in r.mentions],
                       "lanes": sorted(r.lanes), "lane_points": sorted(r.lane_points), "linked": sorted(r.linked_assets())}
                fh.write(json.dumps(row, ensure_ascii=False, sort_keys=True) + "\n")


if __name__ == "__main__":
    main()
