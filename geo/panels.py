"""Panel logic of the dashboard: tables and escaped HTML, no Streamlit here.

The app lays these out; tests call them directly.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import pandas as pd

from geo import evidence
from geo.corpus import Corpus
from geo.extract import split_sentences
from geo.mapview import esc

VERDICT_LABELS = {
    "supported": "supported",
    "partly_supported": "partly supported",
    "contradicted": "contradicted",
    "not_verifiable": "not verifiable",
}


def claims_frame(corpus: Corpus, flows: pd.DataFrame) -> pd.DataFrame:
    """One row per claim: excerpt, article title, outlet, date, attribution, verdict, evidence."""
    frame = corpus.claims_frame()
    if frame.empty:
        return frame
    frame["verdict"] = [a["verdict"] if a else "not assessed" for a in frame["assessment"]]
    frame["attribution_chain"] = [" → ".join(chain) for chain in frame["attribution"]]
    frame["evidence_text"] = [
        [evidence.compute(flows, evidence.Evidence(**e)) for e in (a or {}).get("evidence", [])] for a in frame["assessment"]
    ]
    return frame


def filter_claims(
    frame: pd.DataFrame, *, article: str | None = None, asset: str | None = None, claim_type: str | None = None, verdict: str | None = None
) -> pd.DataFrame:
    """The claims matching every filter given (``None`` means any)."""
    mask = pd.Series(True, index=frame.index)
    if article:
        mask &= frame["article"] == article
    if asset:
        mask &= frame["asset_ids"].map(lambda ids: asset in ids)
    if claim_type:
        mask &= frame["claim_type"] == claim_type
    if verdict:
        mask &= frame["verdict"] == verdict
    return frame[mask]


def excerpt_in_sentence_html(text: str, start: int, end: int) -> str:
    """The sentence(s) around a claim, escaped, with the claim itself in ``<mark>``."""
    spans = split_sentences(text)
    s0 = max([s for s, _ in spans if s <= start] or [0])
    e0 = min([e for _, e in spans if e >= end] or [len(text)])
    return f"{esc(text[s0:start])}<mark>{esc(text[start:end])}</mark>{esc(text[end:e0])}"


def article_html(text: str, spans: Iterable[tuple[int, int, str]]) -> str:
    """The full text, escaped, with every claim span marked (overlaps merged); line breaks kept."""
    merged: list[list[Any]] = []
    for s, e, label in sorted(spans):
        if merged and s <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e)
            merged[-1][2] += f"; {label}"
        else:
            merged.append([s, e, label])
    out, pos = [], 0
    for s, e, label in merged:
        out += [esc(text[pos:s]), f"<mark title='{esc(label)}'>{esc(text[s:e])}</mark>"]
        pos = e
    out.append(esc(text[pos:]))
    return "".join(out).replace("\n", "<br>")


def metrics_frame(baseline: Any, scenario: Any) -> pd.DataFrame:
    """Dependency metrics, baseline and scenario side by side with the change (units in the labels)."""
    unit, year = baseline.unit, baseline.year
    rows = [
        (f"Total exports ({unit}, {year})", baseline.total_export, scenario.total_export, "volume"),
        (f"Stranded volume ({unit}, {year})", baseline.stranded, scenario.stranded, "volume"),
        ("Share via Russian territory or ports (%)", baseline.share_via_russia, scenario.share_via_russia, "share"),
        ("Share via Russian ports (%)", baseline.share_via_russian_ports, scenario.share_via_russian_ports, "share"),
        ("Diversification: HHI over transit countries (0-1, lower is more diverse)", baseline.hhi, scenario.hhi, "index"),
    ]
    markets = sorted(set(baseline.by_market) | set(scenario.by_market))
    rows += [(f"Share to {m} (%)", baseline.by_market.get(m, 0.0), scenario.by_market.get(m, 0.0), "share") for m in markets]
    frame = pd.DataFrame(rows, columns=["metric", "baseline", "scenario", "kind"])
    shares = frame["kind"] == "share"
    frame.loc[shares, ["baseline", "scenario"]] *= 100
    frame["change"] = frame["scenario"] - frame["baseline"]
    return frame.drop(columns="kind").set_index("metric").round(2)


def route_flows_frame(baseline: Any, scenario: Any) -> pd.DataFrame:
    """Volume per route, baseline and scenario (rows: route names; unit in the column names)."""
    base = {r.name: r.volume for r in baseline.routes}
    scen = {r.name: r.volume for r in scenario.routes}
    names = sorted(set(base) | set(scen), key=lambda n: -max(base.get(n, 0), scen.get(n, 0)))
    unit = f"{baseline.unit}, {baseline.year}"
    return pd.DataFrame({f"baseline ({unit})": [base.get(n, 0.0) for n in names], f"scenario ({unit})": [scen.get(n, 0.0) for n in names]},
                        index=pd.Index(names, name="route")).round(3)
