"""Score a labelled extraction set (never the frozen one): asset links and claim types per language, P/R/F1 per type.

Usage: ``python -m tests.score_holdout [FILE ...]`` (default: the hold-out batch). Refuses the frozen test set.
"""

from __future__ import annotations

import sys

from geo.claims.extract import default_matcher
from tests.conftest import DATA
from tests.extract_eval import CLAIM_TYPES, confusion, load_set, prf, report, score

FROZEN = "extraction_test.yaml"


def main(names: list[str]) -> None:
    matcher = default_matcher(DATA)
    for name in names or ["extraction_dev_holdout8.yaml"]:
        if name.endswith(FROZEN):
            msg = "the frozen test set is scored only by the lead"
            raise SystemExit(msg)
        articles = load_set(name)
        s = score(articles, matcher)
        print(report(f"{name} ({len(articles)} articles)", s))
        for t in CLAIM_TYPES:
            c = s["by_type"][t]
            p, r, f = prf(c["tp"], c["fp"], c["fn"])
            print(f"  {t:<17} P {p:.2f} R {r:.2f} F1 {f:.2f} (tp {c['tp']}, fp {c['fp']}, fn {c['fn']})")
        print("  confusions:", dict(confusion(articles, matcher).most_common()))


if __name__ == "__main__":
    main(sys.argv[1:])
