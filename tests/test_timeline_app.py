"""Issue 15 in the app (AppTest): the year slider, the timelines, claim density on the map, the open tab in the link, a kept upload.

Counts come from the shipped data (data/articles.yaml, data/claims.yaml): 30 claims; the 16 of the seed article
000_149cd47eccacf6d5 are dated 2024-02-07, the 14 of 003_1322893579fcee3e are undated. Two claims of the seed article
name assets: zeifert-reroute-oil-gas (34 assets) and zeifert-reduce-dependence-moscow (12 assets, all among those 34).
"""

from __future__ import annotations

import json
from types import SimpleNamespace

import pytest
import streamlit

from geo.views.safehtml import md_text
from geo.views.url_state import notice_line
from tests.conftest import ROOT
from tests.test_app import map_args, open_tab, run_app


def density(at) -> dict | None:
    return json.loads(map_args(at)["view"])["density"]


def claims_caption(at) -> str:
    return next(c.value for c in at.caption if " of 30 claims" in c.value)


def charts(at) -> list[dict]:
    return [json.loads(c.proto.spec) for c in at.get("vega_lite_chart")]


def test_the_year_drives_flows_and_the_claims_shown():
    at = run_app()
    year = at.sidebar.segmented_control(key="w_year")
    # The dashboard opens on the newest year (settings.DASHBOARD_YEAR), where the seed article's claims are shown.
    assert (year.value, list(year.options)) == (2024, ["2022", "2023", "2024"])
    assert claims_caption(open_tab(at, "Claims")).startswith("30 of 30 claims")
    at.sidebar.segmented_control(key="w_year").set_value(2023).run()
    view = json.loads(map_args(at)["view"])
    # 2023: the map's flows are of 2023, and no claim that names an asset is dated by then (both are of 2024-02-07).
    assert view["year"] == 2023 and view["density"] == {}
    assert claims_caption(at).startswith("14 of 30 claims")  # the 14 undated ones
    at.sidebar.segmented_control(key="w_year").set_value(2024).run()
    assert not at.exception
    view = json.loads(map_args(at)["view"])
    assert view["year"] == 2024 and "year" not in at.query_params  # the opening year is left out of links
    assert claims_caption(at).startswith("30 of 30 claims")
    # 2024: the 34 assets of zeifert-reroute-oil-gas; the 12 of zeifert-reduce-dependence-moscow have a second claim.
    counts = {a: d["n"] for a, d in view["density"].items()}
    assert len(counts) == 34 and sorted(counts.values()) == [1] * 22 + [2] * 12
    assert (counts["cpc"], counts["btc"]) == (2, 1)
    assert view["density"]["cpc"]["r"] == 9.9  # 7 px x sqrt(2) = 9.899
    # Without the undated articles, 2023 has no claim at all.
    at.sidebar.segmented_control(key="w_year").set_value(2023).run()
    at.checkbox(key="f_undated").uncheck().run()
    assert claims_caption(at).startswith("0 of 30 claims")
    assert any("No claim matches these filters up to 2023" in i.value for i in at.info)


def test_claim_density_follows_the_claims_tab_filters_while_it_is_closed():
    at = open_tab(run_app({"year": "2024"}), "Claims")
    at.selectbox(key="f_type").set_value("rerouting").run()
    # Only zeifert-reroute-oil-gas is a rerouting claim that names assets: one claim on each of its 34 assets.
    assert {d["n"] for d in density(at).values()} == {1} and len(density(at)) == 34
    assert "match the Claims tab's filters" in json.loads(map_args(at)["view"])["densityNote"]
    open_tab(at, "Map")
    at.run()  # the second run without the Claims tab: the kept filter still counts
    assert density(at)["cpc"]["n"] == 1
    # "Only articles dated up to the year" unticked: every claim counts at 2023 too.
    at.sidebar.segmented_control(key="w_year").set_value(2023).run()
    assert density(at) == {}
    open_tab(at, "Claims").checkbox(key="f_dated").uncheck().run()
    assert density(at)["cpc"]["n"] == 1 and "any date" in claims_caption(at)


def test_a_claim_named_in_a_link_stays_chosen_before_its_article_date():
    # The link's claim is of 2024-02-07; the slider is on 2023. The claim is still offered (marked) and chosen.
    at = open_tab(run_app({"claim": "zeifert-reroute-oil-gas", "year": "2023"}), "Claims")
    picker = at.selectbox(key="w_claim")
    assert picker.value == "zeifert-reroute-oil-gas"
    assert picker.options[-1].endswith("[dated after 2023]")
    assert claims_caption(at).startswith("14 of 30 claims")


def test_the_claims_and_article_tabs_show_a_timeline_of_article_dates():
    at = open_tab(run_app(), "Claims")
    (spec,) = charts(at)
    bars, rule = spec["layer"]
    # The seed article's 16 claims, all in February 2024, by type: opinion 8, alignment 5, and one each of
    # dependency, military symbolic and rerouting (claims.yaml). The 14 undated ones are not on the axis.
    assert bars["data"]["values"] == [{"month": "2024-02-01", "group": g, "count": n} for g, n in
                                      (("alignment", 5), ("dependency", 1), ("military symbolic", 1), ("opinion", 8), ("rerouting", 1))]
    assert rule["data"]["values"][0]["end"] == "2024-12-31"  # the end of the opening year
    assert any("Not on it: 14 claims of undated article(s)." in c.value for c in at.caption)
    at = open_tab(at, "Article")
    (spec,) = charts(at)
    # The language by name (tables.LANGUAGE_LABELS), not its code "de".
    assert spec["layer"][0]["data"]["values"] == [{"month": "2024-02-01", "group": "German", "count": 1}]
    assert any("Not on it: 1 undated article(s)." in c.value for c in at.caption)


def test_the_open_tab_is_part_of_the_link():
    at = open_tab(run_app({"year": "2022"}), "Claims")
    assert at.query_params["tab"] in ("claims", ["claims"])
    # The sidebar's "Link to this view" (on every tab) carries it too.
    assert [c.value for c in at.sidebar.code] == ["http://localhost:8501/?year=2022&tab=claims"]
    open_tab(at, "Map")
    assert "tab" not in at.query_params
    # A link opens on its tab: the Add-article tab's widgets are there at once.
    at = run_app({"tab": "add-article"})
    assert not at.exception
    assert at.session_state["tab"] == "Add article" and at.text_area(key="w_paste")
    assert at.query_params["tab"] in ("add-article", ["add-article"])
    at = run_app({"tab": "nope"})
    assert at.session_state["tab"] == "Map"
    (warning,) = at.warning  # Markdown-escaped: "tab\\: \\'nope\\' ..."
    assert warning.value == md_text(notice_line(["tab: 'nope' is not one of map, dependencies, claims, article, add-article"]))


class _Uploads:
    """``st.file_uploader`` as the test drives it: it returns ``file`` (AppTest cannot upload a file itself)."""

    def __init__(self) -> None:
        self.file: SimpleNamespace | None = None

    def __call__(self, *args, **kwargs):
        return self.file


def uploaded(name: str, raw: bytes) -> SimpleNamespace:
    return SimpleNamespace(name=name, getvalue=lambda: raw)


@pytest.mark.files_only(reason="checks the article file the dashboard writes to seeds/")
def test_an_uploaded_file_is_kept_while_its_tab_is_closed(app_files, monkeypatch):
    _data, seeds = app_files
    uploads = _Uploads()
    monkeypatch.setattr(streamlit, "file_uploader", uploads)
    text = "Kazakhstan will ship more crude via the BTC pipeline to avoid the CPC terminal. " * 30  # 81 x 30 = 2,430 bytes
    at = open_tab(run_app(), "Add article")
    uploads.file = uploaded("ship*ments.txt", text.encode())
    at.run()
    assert not any("kept:" in c.value for c in at.caption)  # the uploader holds the file: nothing to say
    # The tab is closed, then opened again: Streamlit's uploader comes back empty, the kept file does not.
    open_tab(at, "Map")
    uploads.file = None
    at.run()
    open_tab(at, "Add article")
    (note,) = [c.value for c in at.caption if "kept:" in c.value]
    assert note.startswith("kept: ship\\*ments\\.txt (2.4 kB)")  # 2,430 bytes = 2.4 kB; the name's Markdown is escaped
    at.button(key="w_ingest").click().run()
    assert not at.exception
    new = [p for p in seeds.iterdir() if p.name not in {q.name for q in (ROOT / "seeds").iterdir()}]
    assert [p.read_text(encoding="utf-8") for p in new] == [text]
    # "remove" forgets it.
    at.button(key="w_upload_remove").click().run()
    assert "kept_upload" not in at.session_state
    assert not any("kept:" in c.value for c in at.caption)
