"""What a new user met in the dashboard (issue 15, tried in Chromium by the "qa" helper): each defect's AppTest."""

from __future__ import annotations

import pytest

from tests.test_app import open_tab, run_app, shown_text

# A short German article written for this test (no published text): one rerouting sentence with a cue ("umgehen").
GERMAN = ("Kasachstan will mehr Öl über das Kaspische Meer exportieren. Laut dem Energieministerium in Astana sollen "
          "zusätzliche Tanker von Aktau nach Baku fahren, um die Pipeline des Kaspischen Pipeline-Konsortiums (CPC) "
          "nach Noworossijsk zu umgehen.")


@pytest.mark.files_only(reason="the review path of the files; the team store has its own (tests/test_store.py)")
def test_a_german_claim_without_english_rendering_asks_for_it_instead_of_a_validation_dump(app_files):
    data, _seeds = app_files
    claims_before = (data / "claims.yaml").read_text(encoding="utf-8")
    at = open_tab(run_app(), "Add article")
    at.text_area(key="w_paste").set_value(GERMAN)
    at.text_input(key="w_m_date").set_value("2024-03-01")
    at.button(key="w_ingest").click().run()
    assert not at.exception
    boxes = [c for c in at.checkbox if c.key and c.key.startswith("w_acc_")]
    assert boxes, "the German rerouting sentence is offered for review"
    boxes[0].check().run()
    # Accepted, with its English rendering still empty: Save is not offered, and the page says what is missing.
    assert at.button(key="w_save_claims").disabled
    text = shown_text(at)
    assert "English rendering" in text and "validation error" not in text and "pydantic" not in text, text
    # Once written, the claim saves and shows in the Claims tab of this same session.
    # The English field of the accepted sentence (the article may yield more than one candidate claim).
    (english,) = [t for t in at.text_input if t.key == boxes[0].key.replace("w_acc_", "w_en_", 1)]
    english.set_value("Additional tankers are to sail from Aktau to Baku to bypass the CPC pipeline to Novorossiysk.").run()
    assert not at.button(key="w_save_claims").disabled
    at.button(key="w_save_claims").click().run()
    assert not at.exception
    text = shown_text(at) + "\n".join(s.value for s in at.success)
    assert "validation error" not in text and "Saved 1 claim" in text, text  # Markdown-escaped: "claim\\(s\\)"
    assert len((data / "claims.yaml").read_text(encoding="utf-8")) > len(claims_before)
    at = open_tab(at, "Claims")
    assert any("Additional tankers are to sail from Aktau" in m for m in shown_text(at).splitlines())


def test_asset_panel_reads_as_words_not_codes():
    at = run_app({"asset": "btc"})
    assert not at.exception
    (facts,) = [t.value for t in at.table if "value" in t.value.columns and "Kind" in t.value.index]
    # data/assets.geojson: btc is kind "pipeline", countries ["AZ", "GE", "TR"], status "operating".
    assert facts.at["Kind", "value"] == "Pipeline"  # settings.KIND_LABELS, as on the map's popup
    assert facts.at["Countries", "value"] == "Azerbaijan, Georgia, Türkiye"
    assert facts.at["Status", "value"] == "operating"


def test_article_timeline_names_languages_not_codes():
    at = open_tab(run_app(), "Article")
    assert not at.exception
    specs = [c.proto.spec for c in at.get("vega_lite_chart")]
    (timeline,) = [s for s in specs if '"language"' in s]
    # The seed corpus holds German (de) articles; the legend shows "German", not the ISO code.
    assert '"German"' in timeline and '"de"' not in timeline, timeline[:400]


def test_binding_table_names_routes_and_kinds_in_words():
    at = open_tab(run_app(), "Dependencies")
    assert not at.exception
    (binds,) = [d.value for d in at.dataframe if "constraint" in d.value.columns]
    row = binds.set_index("id").loc["cpc"]
    # The 2024 baseline is held to its route volumes (flows.csv or a stated assumption); data/network.yaml's route cpc is "CPC to Novorossiysk".
    assert row["constraint"] == "baseline volume of route CPC to Novorossiysk" and row["kind"] == "baseline volume"
    assert not binds["constraint"].str.contains("route cpc|route uas").any()
    assert set(binds["kind"]) <= {"capacity", "fixed flow", "commitment", "baseline volume"}


def test_article_header_and_excerpt_hints_read_as_words():
    at = open_tab(run_app(), "Article")
    html = "\n".join(h.proto.body for h in at.get("html"))
    # data/articles.yaml: the seed article is German ("de"); its claims' types include military_symbolic.
    assert "language: German" in html and "language: de" not in html
    assert "(military symbolic)" in html and "(military_symbolic)" not in html  # tables.readable, as in the Claims tab
