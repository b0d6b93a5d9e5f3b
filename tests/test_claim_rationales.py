"""A curated claim's rationale may only quote volumes its own evidence figures give."""

from __future__ import annotations

import re

import pytest

from geo.claims import evidence
from geo.data import corpus, load
from tests.conftest import DATA

#: A volume as written in a rationale: '~3.7 Mt', '70.5 Mt', '4.6 bcm'.
VOLUME = re.compile(r"(\d+(?:\.\d+)?)\s*(Mt|bcm)\b")


def written_matches(text: str, value: float) -> bool:
    """Whether ``value`` rounds to the number as written (64.3 matches '~64', 2.737 matches '2.7')."""
    decimals = len(text.split(".")[1]) if "." in text else 0
    return abs(value - float(text)) <= 0.5 * 10 ** -decimals + 1e-9


def test_written_matches_rounds_to_the_digits_written():
    assert written_matches("64", 64.3) and written_matches("2.7", 2.737)
    assert not written_matches("3.7", 2.737) and not written_matches("64", 64.6)


_ALL = corpus.load_corpus(DATA, asset_ids=set(load.load_assets(DATA).index)).claims
CLAIMS = [c for c in _ALL if c.assessment is not None and c.assessment.evidence]


@pytest.mark.parametrize("claim", CLAIMS, ids=[c.id for c in CLAIMS])
def test_rationale_volumes_agree_with_the_evidence_figures(claim):
    flows = load.load_flows(DATA)
    figures = [evidence.compute(flows, e) for e in claim.assessment.evidence]
    for number, unit in VOLUME.findall(claim.assessment.rationale):
        values = [f.value for f in figures if f.unit == unit and f.value is not None]
        assert any(written_matches(number, v) for v in values), f"{claim.id}: '{number} {unit}' is not one of its evidence figures {values}"
