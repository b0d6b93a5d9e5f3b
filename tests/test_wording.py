"""Issue 15, a new user's wording pass: the key claim follows the Year slider, readable market labels, no chart on empty data.

Figures are from the shipped data: the seed article 000_149cd47eccacf6d5 is dated 2024-02-07 (data/articles.yaml);
2022 route volumes as in tests/test_scenario_oracles.py.
"""

from __future__ import annotations

import json
from types import SimpleNamespace

import pytest

from geo.routes.scenario import solve
from geo.settings import YEARS
from geo.views import tables as panels
from tests.scenario_helpers import network
from tests.test_app import open_tab, run_app

NOTE_2023 = "The seed article (7 Feb 2024) is after 2023: choose 2024 under Year to see its key claim"


def side_text(at) -> str:
    """The Map tab's text: markdown and captions, without md_text's backslash escapes."""
    return "\n".join([*(m.value for m in at.markdown), *(c.value for c in at.caption)]).replace("\\", "")


def test_key_claim_note_when_the_year_is_before_the_article():
    seed = SimpleNamespace(published="2024-02-07")
    assert panels.key_claim_after_year(seed, 2023, YEARS) == NOTE_2023
    assert panels.key_claim_after_year(seed, 2024, YEARS) is None  # dated 2024: shown at 2024
    assert panels.key_claim_after_year(SimpleNamespace(published=None), 2022, YEARS) is None  # undated: shown every year
    later = panels.key_claim_after_year(SimpleNamespace(published="2025-03"), 2024, YEARS)
    assert later == "The seed article (Mar 2025) is after 2024: none of the years under Year (2022-2024) shows its key claim"


def test_side_column_follows_the_year_slider():
    at = run_app({"year": "2023"})
    assert not at.exception
    text = side_text(at)
    assert NOTE_2023 in text
    assert "Key claim of the seed article" not in text
    at.sidebar.segmented_control(key="w_year").set_value(2024).run()
    text = side_text(at)
    assert "Key claim of the seed article" in text and NOTE_2023 not in text


def test_market_share_labels_read_as_english():
    base = solve(network(2022, "oil"))
    frame = panels.metrics_frame(base, base)
    # 2022: rail 0.4 of 64.158 Mt exported = 0.623 %; KCP to China 1.29 / 64.158 = 2.011 %.
    assert frame.loc["Share by rail, destinations not published (%)", "baseline"] == pytest.approx(0.62)
    assert frame.loc["Share to China via Alashankou (%)", "baseline"] == pytest.approx(2.01)
    assert not any(str(m).startswith("Share to Crude") for m in frame.index)


def test_no_chart_on_empty_data():
    at = open_tab(run_app(), "Dependencies")
    assert not at.exception
    specs = [json.loads(c.proto.spec) for c in at.get("vega_lite_chart")]
    # The flows-by-route chart keeps its 17 routes x 2 cases inside the spec (a layer), not in an Arrow table that the
    # browser inserts after a first render on no data ("Infinite extent for field volume_start").
    assert specs and all("data" not in spec for spec in specs)
    (flows,) = [s for s in specs if any(layer.get("data", {}).get("values", [{}])[0].get("route") for layer in s.get("layer", []))]
    assert len(flows["layer"][0]["data"]["values"]) == 2 * 17
    # A Claims filter that matches nothing: rerouting claims are all partly supported (data/claims.yaml), none "supported".
    at = open_tab(at, "Claims")
    at.selectbox(key="f_type").set_value("rerouting").run()
    at.selectbox(key="f_verdict").set_value("supported").run()
    assert not at.exception
    assert not [c for c in at.get("vega_lite_chart") if "claim type" in c.proto.spec]
    assert any("No timeline: none of these claims" in c.value for c in at.caption)
