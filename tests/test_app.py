"""The Streamlit app, run headless with AppTest: panels, interactions, offline payload, URL state."""

from __future__ import annotations

import io
import json
import re
import shutil
from typing import Any

import pytest
from pypdf import PdfReader
from streamlit.testing.v1 import AppTest

from geo.claims import upload
from geo.views import mapcomponent
from tests.conftest import ROOT

APP = str(ROOT / "app.py")
EXTERNAL = re.compile(r"""<(?:script|link|img)[^>]+(?:src|href)=["']?(?:https?:)?//|https?://tile\.""", re.IGNORECASE)


def run_app(query: dict[str, str] | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    for key, value in (query or {}).items():
        at.query_params[key] = value
    return at.run()


def open_tab(at: AppTest, label: str) -> AppTest:
    """Switch to a tab as a click on it does: closed tabs send nothing (issue 15), so their widgets exist only once open."""
    at.session_state["tab"] = label
    return at.run()


def map_component(at: AppTest) -> Any:
    """The map's component element of the page (the one whose arguments name the base map's script)."""
    (component,) = [c for c in at.get("component_instance") if "script_url" in c.proto.json_args]
    return component


def map_args(at: AppTest) -> dict:
    return json.loads(map_component(at).proto.json_args)


def map_payload(at: AppTest) -> str:
    """The generated Leaflet script, the per-run layer and the JS/CSS links of the folium component."""
    args = map_args(at)
    return "\n".join([mapcomponent.base_script(args), args.get("html", ""), args.get("view") or "", json.dumps(args.get("css_links")),
                      json.dumps(args.get("js_links"))])


def base_map(at: AppTest) -> tuple[str, str]:
    """What keys the drawn Leaflet map in the browser: its script and the component's widget id."""
    component = map_component(at)
    return mapcomponent.base_script(json.loads(component.proto.json_args)), component.proto.id


def shown_text(at: AppTest) -> str:
    """Everything the page shows as Markdown, HTML fragments, warnings and errors."""
    parts = [m.value for m in at.markdown] + [h.proto.body for h in at.get("html")]
    return "\n".join(parts + [e.value for e in at.error] + [w.value for w in at.warning] + [c.value for c in at.caption])


def metric_table(at: AppTest):
    open_tab(at, "Dependencies")
    return next(df.value for df in at.dataframe if "baseline" in df.value.columns)


@pytest.fixture(scope="module")
def default_app() -> AppTest:
    return run_app()


def test_app_runs_without_exceptions(default_app):
    assert not default_app.exception
    assert "Energy-route claims" in default_app.subheader[0].value


def test_map_payload_is_offline(default_app):
    payload = map_payload(default_app)
    assert "/app/static/vendor/leaflet.js" in payload
    assert not EXTERNAL.search(payload)


def test_map_draws_routes_and_points(default_app):
    payload = map_payload(default_app)
    for asset in ("cpc", "btc", "kcp-atasu-alashankou", "aktau", "sangachal"):
        assert f'"i":"{asset}"' in payload


def test_preset_changes_the_metrics(default_app):
    at = run_app()
    before = metric_table(at)["scenario"].copy()
    at.sidebar.selectbox(key="w_preset").set_value("cpc-halted").run()
    assert not at.exception
    after = metric_table(at)["scenario"]
    assert not before.equals(after)
    assert metric_table(at)["change"].abs().sum() > 0


def test_toggling_a_route_changes_the_map_payload(default_app):
    at = run_app()
    at.sidebar.multiselect(key="w_off").set_value(["btc"]).run()
    assert not at.exception
    assert at.query_params["off"] == ["btc"] or at.query_params["off"] == "btc"


def test_claims_panel_shows_the_seed_excerpts(default_app):
    html = shown_text(open_tab(default_app, "Claims"))
    assert "seine Öl- und Gaslieferungen umzuleiten, um russische Häfen zu umgehen" in html
    assert "NetEase" in html


#: The seed article is dated 2024-02-07 (data/articles.yaml): the year slider lists its claims from 2024 on.
CLAIMS_YEAR = {"year": "2024"}


def test_selecting_a_claim_highlights_its_assets(default_app):
    at = open_tab(run_app(CLAIMS_YEAR), "Claims")
    at.selectbox(key="w_claim").set_value("zeifert-reroute-oil-gas").run()
    assert not at.exception
    # The zoom request carries the claim's frame and a new id, so the page zooms once (after the user chose the claim).
    fit = map_args(at)["fit"]
    assert fit["id"] >= 1 and len(fit["bounds"]) == 4
    assert at.query_params["claim"] in ("zeifert-reroute-oil-gas", ["zeifert-reroute-oil-gas"])


def test_scenario_selection_and_tab_changes_keep_the_same_base_map():
    """The browser keeps the drawn map (and the user's view) only while the base script and widget id stay the same."""
    at = run_app(CLAIMS_YEAR)
    base = base_map(at)
    layer = map_args(at)["view"]
    at.sidebar.selectbox(key="w_preset").set_value("cpc-halted").run()
    assert base_map(at) == base
    assert map_args(at)["view"] != layer, "the scenario reaches the map as the per-run view"
    at.sidebar.multiselect(key="w_off").set_value(["btc"]).run()
    open_tab(at, "Claims").selectbox(key="w_claim").set_value("zeifert-reroute-oil-gas").run()
    open_tab(at, "Article").selectbox(key="w_article").set_value(at.selectbox(key="w_article").options[-1]).run()
    assert not at.exception
    assert base_map(at) == base


def test_a_click_on_the_map_selects_its_asset_at_once_and_a_reclick_counts():
    at = run_app()
    for asset, lat in (("btc", 40.1), ("cpc", 45.2), ("aktau", 43.6), ("btc", 40.2)):
        # What the component sends back after a click on a feature (streamlit-folium's last_active_drawing / last_object_clicked).
        at.session_state["map"] = {"last_active_drawing": {"type": "Feature", "properties": {"id": asset}},
                                   "last_object_clicked": {"lat": lat, "lng": 50.0}}
        at.run()
        assert not at.exception
        assert at.query_params["asset"] in (asset, [asset])
        # The highlight of this very run names the clicked asset: it does not lag one click behind.
        assert f'"highlight":["{asset}"]' in map_args(at)["view"]
    at.run()  # a rerun with the same click value (e.g. a tab change) is not a new click
    assert at.query_params["asset"] in ("btc", ["btc"])


@pytest.mark.files_only(reason="its hand edit repeats the first claim's excerpt span under a new id; the team store keeps one claim "
                                "per excerpt and its import refuses the copy: tests/test_store.py::test_import_refuses_a_repeated_excerpt_span")
def test_claim_saved_or_edited_by_hand_shows_in_the_same_session(app_files):
    import yaml

    data, _seeds = app_files
    at = open_tab(run_app(CLAIMS_YEAR), "Claims")
    before = len(at.selectbox(key="w_claim").options)
    # A hand edit: a copy of the first claim under a new id, pointing at another span of the same article.
    doc = yaml.safe_load((data / "claims.yaml").read_text(encoding="utf-8"))
    records = doc["claims"] if isinstance(doc, dict) else doc
    extra = dict(records[0], id="hand-edited-claim")
    extra.pop("assessment", None)
    records.append(extra)
    (data / "claims.yaml").write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")
    at.run()
    assert not at.exception, at.exception
    assert len(at.selectbox(key="w_claim").options) == before + 1
    at.selectbox(key="w_claim").set_value("hand-edited-claim").run()
    assert not at.exception
    assert at.query_params["claim"] in ("hand-edited-claim", ["hand-edited-claim"])


def test_query_string_state_round_trips():
    query = {"year": "2022", "preset": "cpc-halted", "off": "btc", "asset": "cpc"}
    at = run_app(query)
    assert not at.exception
    assert at.sidebar.segmented_control(key="w_year").value == 2022
    assert at.sidebar.selectbox(key="w_preset").value == "cpc-halted"
    assert at.sidebar.multiselect(key="w_off").value == ["btc"]
    params = {k: (v[0] if isinstance(v, list) else v) for k, v in at.query_params.items()}
    assert {k: params.get(k) for k in query} == query


def test_dependency_panel_has_units_and_years(default_app):
    table = metric_table(default_app)
    assert any("Mt" in m and "2024" in m for m in table.index)  # the opening year
    assert any("%" in m for m in table.index)


@pytest.mark.files_only(reason="checks the files the dashboard writes (seeds/, claims.yaml); on the team store the article and "
                                "claims go to the database: tests/test_store.py::test_dashboard_review_path_refuses_a_stale_acceptance")
def test_add_article_ingests_and_saves_accepted_claims(app_files):
    data, seeds = app_files
    claims_before = (data / "claims.yaml").read_text(encoding="utf-8")
    at = open_tab(run_app(), "Add article")
    at.text_area(key="w_paste").set_value("Kazakhstan will ship more crude via the BTC pipeline to avoid the CPC terminal.")
    at.text_input(key="w_m_title").set_value("Test <script>alert(1)</script>")
    at.button(key="w_ingest").click().run()
    assert not at.exception
    new = [p for p in seeds.iterdir() if p.name not in {q.name for q in (ROOT / "seeds").iterdir()}]
    assert len(new) == 1
    boxes = [c for c in at.checkbox if c.key and c.key.startswith("w_acc_")]
    assert boxes, "candidate claims are offered for review"
    boxes[0].check().run()
    at.button(key="w_save_claims").click().run()
    assert not at.exception
    after = (data / "claims.yaml").read_text(encoding="utf-8")
    assert after.startswith(claims_before) and len(after) > len(claims_before)
    shown = [m for m in shown_text(at).splitlines() if "alert" in m]
    assert shown, "the new article's title is shown"
    # As Markdown every punctuation mark is backslash-escaped; as HTML it is entity-escaped.
    assert all("<script>" not in m and ("&lt;script&gt;" in m or "\\<script\\>" in m) for m in shown), shown


def test_briefing_downloads_match_the_view():
    at = run_app({"preset": "cpc-halted"})
    at.button(key="w_brief").click().run()
    assert not at.exception
    labels = sorted(d.proto.label for d in at.get("download_button"))
    assert labels == ["Download HTML", "Download PDF", "Download PNG"]
    _, files = at.session_state["briefing"]
    text = PdfReader(io.BytesIO(files[".pdf"])).pages[0].extract_text()
    assert "Scenario: CPC halted" in " ".join(text.split())  # the preset's title (data/scenarios.yaml), not its id
    assert files[".png"].startswith(b"\x89PNG") and b"leaflet" in files[".html"].lower()


def test_malformed_data_file_gives_a_precise_error_without_traceback_or_path(tmp_path, monkeypatch):
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data, ignore=shutil.ignore_patterns("_work"))
    geo = json.loads((data / "assets.geojson").read_text(encoding="utf-8"))
    feature = next(f for f in geo["features"] if f["properties"]["id"] == "btc")
    feature["properties"]["status"] = "flying"
    (data / "assets.geojson").write_text(json.dumps(geo), encoding="utf-8")
    monkeypatch.setenv("GEO_DATA_DIR", str(data))
    at = run_app()
    assert not at.exception
    errors = [e.value for e in at.error]
    # The message is a code span, so it reads exactly as the loader wrote it.
    assert any(e.startswith("` assets.geojson: record btc: field 'status': ") for e in errors), errors
    assert all("Traceback" not in e and str(tmp_path) not in e for e in errors)
    assert not at.get("component_instance"), "the app stops instead of drawing a map from broken data"


def test_server_paths_are_removed_from_messages():
    from geo.views.dashboard import public_message

    msg = public_message("articles.yaml: record x: field 'file': file not found (looked for /srv/geo/seeds/x.txt)", "/srv/geo/data", "/srv/geo/seeds")
    # The folder is reduced to its name; the message is a code span (literal text).
    assert msg == "` articles.yaml: record x: field 'file': file not found (looked for seeds/x.txt) `"
    assert public_message("cannot read /var/lib/secret/place/assets.geojson", "/d", "/s") == "` cannot read assets.geojson `"
    # What the user typed is repeated as it was, URLs included.
    assert public_message("bad date 'http://192.0.2.7/e.png'", "/d", "/s") == "` bad date 'http://192.0.2.7/e.png' `"


def test_upload_limit_is_the_same_in_the_label_the_widget_and_the_server(default_app):
    import tomllib


    (uploader,) = open_tab(default_app, "Add article").get("file_uploader")
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    # 2,000,000 bytes = 2 MB in the label; Streamlit's 2 MB are 2 x 1024**2 = 2,097,152 bytes >= the corpus limit.
    assert "at most 2 MB" in uploader.proto.label
    assert uploader.proto.max_upload_size_mb == 2 and config["server"]["maxUploadSize"] == 2
    assert upload.MAX_BYTES <= 2 * 1024**2


# --- issue 15: closed tabs send nothing; what they hold for the map stays ------------------------------------------


def highlight(at: AppTest) -> list[str]:
    return json.loads(re.search(r'"highlight":(\[[^\]]*\])', map_args(at)["view"]).group(1))


def test_closed_tabs_send_nothing_until_opened():
    at = run_app()
    assert not at.exception
    # The Map tab is open: no table, chart, uploader or widget of the other four tabs reaches the browser.
    assert len(at.dataframe) == 0 and not at.get("arrow_vega_lite_chart") and not at.get("file_uploader")
    assert not [w for w in (*at.selectbox, *at.checkbox, *at.text_area) if w.key in ("w_claim", "w_article", "w_mentions", "w_paste")]
    assert len(open_tab(at, "Dependencies").dataframe) == 2  # metrics and "What binds this result"
    assert len(open_tab(at, "Map").dataframe) == 0
    at.sidebar.selectbox(key="w_preset").set_value("cpc-halted").run()
    assert any(c.value.startswith("Limited by: ") for c in at.sidebar.caption), "the sidebar's summary needs no open Dependencies tab"


def test_a_closed_tab_keeps_what_it_holds_for_the_map():
    at = open_tab(run_app(), "Article")
    assert highlight(at) == []
    at.checkbox(key="w_mentions").check().run()
    shown = highlight(at)
    assert {"cpc", "btc"} <= set(shown)  # the seed article is about oil sent round Russia: CPC, and BTC instead
    open_tab(at, "Map")
    at.run()  # the second run without the Article tab: its widget state is gone, the kept value is not
    assert highlight(at) == shown
    assert open_tab(at, "Article").checkbox(key="w_mentions").value is True
    open_tab(at, "Claims").selectbox(key="f_verdict").set_value("partly_supported").run()
    open_tab(at, "Map")
    at.run()
    assert open_tab(at, "Claims").selectbox(key="f_verdict").value == "partly_supported"


def test_a_link_restores_claim_and_article_while_their_tabs_are_closed():
    at = run_app({"claim": "zeifert-reroute-oil-gas", "article": "003_1322893579fcee3e"})  # the second article: not the default
    at.run()
    assert not at.exception
    assert at.query_params["claim"] in ("zeifert-reroute-oil-gas", ["zeifert-reroute-oil-gas"])
    assert at.query_params["article"] in ("003_1322893579fcee3e", ["003_1322893579fcee3e"])
    assert {"cpc", "btc"} <= set(highlight(at))
    assert open_tab(at, "Claims").selectbox(key="w_claim").value == "zeifert-reroute-oil-gas"
    assert open_tab(at, "Article").selectbox(key="w_article").value == "003_1322893579fcee3e"


def test_the_map_goes_out_first_with_the_values_the_sidebar_then_shows():
    """The map is drawn before the sidebar's widgets, from their session state (issue 15): in the run of each change it already
    shows the change, and the check after the widgets never has to draw it again (``scenario_reruns`` counts those reruns)."""
    at = run_app()

    def shown() -> dict:
        assert not at.exception
        assert "scenario_reruns" not in at.session_state
        return json.loads(map_args(at)["view"])

    at.sidebar.segmented_control(key="w_year").set_value(2022).run()
    assert shown()["year"] == 2022
    at.sidebar.multiselect(key="w_off").set_value(["btc"]).run()
    assert shown()["off"] == ["btc"]
    at.sidebar.selectbox(key="w_preset").set_value("cpc-halted").run()
    assert set(shown()["off"]) == {"btc", "cpc"}  # the preset switches CPC off (data/presets.yaml), the user BTC
    at.sidebar.radio(key="w_commodity").set_value("gas").run()
    view = shown()
    assert view["off"] == ["cpc"] and "btc" not in view["flows"]  # BTC carries oil: the gas network neither lists nor draws it
    at.sidebar.radio(key="w_commodity").set_value("oil").run()
    assert shown()["off"] == ["cpc"]  # BTC's switch belonged to the oil choice left before: it is gone, as the sidebar shows
    assert at.sidebar.multiselect(key="w_off").value == []
    at.session_state["w_caps"] = True  # the Capacities box opened
    at.run()
    at.sidebar.slider(key="w_cap_btc").set_value(40.0).run()  # BTC's published 60 Mt/y (data/assets) down to 40
    shown()
    assert at.query_params["cap"] in ("btc:40", ["btc:40"])
    assert at.query_params["preset"] in ("cpc-halted", ["cpc-halted"])
