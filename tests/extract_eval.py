"""Scoring of the extractor on a labelled set: asset links and claim types, per language."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import yaml

from geo.claims.extract import analyse
from geo.claims.matcher import Matcher

FIXTURES = Path(__file__).parent / "fixtures"
CLAIM_TYPES = ("rerouting", "dependency", "alignment", "military_symbolic", "opinion")


def load_set(name: str) -> list[dict]:
    return yaml.safe_load((FIXTURES / name).read_text(encoding="utf-8"))["articles"]


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    """Precision, recall, F1; an empty side counts as perfect (nothing to find, nothing wrongly found)."""
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score(articles: list[dict], matcher: Matcher) -> dict:
    """Counts per language for asset links and per claim type, and the claim-type macro-F1."""
    links: dict[str, Counter] = {}
    types: dict[str, Counter] = {}
    by_type: dict[str, Counter] = {t: Counter() for t in CLAIM_TYPES}
    for a in articles:
        result = analyse(a["text"], language=a["language"], matcher=matcher)
        got, want = result.linked_assets(), set(a["expected_assets"])
        c = links.setdefault(a["language"], Counter())
        c.update(tp=len(got & want), fp=len(got - want), fn=len(want - got))
        gt, wt = {t for x in result.claims for t in x.claim_types}, set(a["expected_claim_types"])
        c = types.setdefault(a["language"], Counter())
        c.update(tp=len(gt & wt), fp=len(gt - wt), fn=len(wt - gt))
        for t in CLAIM_TYPES:
            by_type[t].update(tp=int(t in gt and t in wt), fp=int(t in gt and t not in wt), fn=int(t in wt and t not in gt))
    macro = sum(prf(c["tp"], c["fp"], c["fn"])[2] for c in by_type.values()) / len(CLAIM_TYPES)
    return {"links": links, "types": types, "by_type": by_type, "macro_f1": macro}


def report(name: str, s: dict) -> str:
    lines = [f"{name}:"]
    for what in ("links", "types"):
        for lang, c in sorted(s[what].items()):
            p, r, _ = prf(c["tp"], c["fp"], c["fn"])
            lines.append(f"  {what:<5} {lang}: P {p:.2f} R {r:.2f} (tp {c['tp']}, fp {c['fp']}, fn {c['fn']})")
    lines.append(f"  claim-type macro-F1 {s['macro_f1']:.3f}")
    return "\n".join(lines)


def confusion(articles: list[dict], matcher: Matcher) -> Counter:
    """Claim-type confusions, counted per article: (expected, found instead) for each type missed or added.

    A type expected but not found pairs with each type found but not expected in the same article
    (``"-"`` when there is none), so ("rerouting", "dependency") reads "rerouting was read as dependency".
    """
    out: Counter = Counter()
    for a in articles:
        result = analyse(a["text"], language=a["language"], matcher=matcher)
        got, want = {t for x in result.claims for t in x.claim_types}, set(a["expected_claim_types"])
        missed, added = sorted(want - got), sorted(got - want)
        for m in missed:
            for x in added or ["-"]:
                out[(m, x)] += 1
        if not missed:
            for x in added:
                out[("-", x)] += 1
    return out
