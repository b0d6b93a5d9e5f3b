"""Asset-link scoring of a labelled set that carries no claim types (the held-out link batches).

``python -m tests.links_eval extraction_links_holdout.yaml`` prints P/R per language and every article's misses.
"""

from __future__ import annotations

import sys
from collections import Counter

from geo.claims.extract import analyse
from geo.claims.matcher import Matcher
from tests.extract_eval import load_set, prf


def link_counts(articles: list[dict], matcher: Matcher) -> tuple[dict[str, Counter], list[tuple[str, set[str], set[str]]]]:
    """True/false positives and misses per language, and per article (id, wrongly linked, missed)."""
    by_lang: dict[str, Counter] = {}
    errors = []
    for a in articles:
        got = analyse(a["text"], language=a["language"], matcher=matcher).linked_assets()
        want = set(a["expected_assets"])
        by_lang.setdefault(a["language"], Counter()).update(tp=len(got & want), fp=len(got - want), fn=len(want - got))
        if got != want:
            errors.append((a["id"], got - want, want - got))
    return by_lang, errors


def main(name: str) -> None:
    from geo.claims.extract import default_matcher
    from tests.conftest import DATA

    by_lang, errors = link_counts(load_set(name), default_matcher(DATA))
    for lang, c in sorted(by_lang.items()):
        p, r, _ = prf(c["tp"], c["fp"], c["fn"])
        print(f"links {lang}: P {p:.2f} R {r:.2f} (tp {c['tp']}, fp {c['fp']}, fn {c['fn']})")
    for art, extra, missed in errors:
        print(f"  {art}: extra {sorted(extra)} missed {sorted(missed)}")


if __name__ == "__main__":
    main(sys.argv[1])
