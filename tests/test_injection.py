"""No template evaluation of data, anywhere: hostile titles, claims and asset names stay literal text.

folium and branca compile strings as Jinja2 templates when a page is rendered. Before the
fix a claim or title holding ``{{ ... }}`` ran on the server: the payloads below opened a
file in the working directory, and ``{{7*7}}`` showed as 49. Every output is checked here:
the HTML briefing (parsed), the PNG figure's text, the PDF text (pypdf), the CLI and the
dashboard (AppTest); the browser test checks the page itself.
"""

from __future__ import annotations

import datetime as dt
import html.parser
import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from jinja2 import Template
from pypdf import PdfReader
from streamlit.testing.v1 import AppTest

from geo.claims import ingest
from geo.data import corpus, load
from geo.views import briefing as brief
from geo.views import mapcomponent
from geo.views.safehtml import md_text, render, script_json
from geo.workspace import Workspace
from tests.conftest import ROOT
from tests.test_app import map_args

# Each payload would create a file named after it in the working directory if a template engine ran it.
EXPRESSION = "{{ self.__init__.__globals__.__builtins__.open(dict(pwned_expression=1)|first, dict(w=1)|first).close() }}"
STATEMENT = "{% set f = self.__init__.__globals__.__builtins__.open(dict(pwned_statement=1)|first, dict(w=1)|first) %}"
FLAGS = ("pwned_expression", "pwned_statement")
SEVEN = "{{7*7}}"
TITLE = f"Title {STATEMENT} {SEVEN}"
OUTLET = f"Outlet {EXPRESSION}"
EXCERPT = f"Oil avoids the CPC route {EXPRESSION} {SEVEN}"
ASSET_NAME = f"CPC {STATEMENT} {SEVEN}"
MADE = dt.datetime(2026, 1, 2, 3, 4, tzinfo=dt.UTC)


def squash(text: str) -> str:
    """Text with all whitespace removed: wrapping may break lines anywhere, even inside a long word."""
    return "".join(text.split())


def no_flags(*folders: Path) -> None:
    created = [f / name for f in folders for name in FLAGS if (f / name).exists()]
    assert not created, f"a template in the data ran and created {created}"


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> dict[str, Path | str]:
    """Data and corpus whose asset name, article title, outlet and claim carry template code."""
    root = tmp_path_factory.mktemp("inject")
    data, seeds = root / "data", root / "seeds"
    shutil.copytree(ROOT / "data", data, ignore=shutil.ignore_patterns("_work"))
    shutil.copytree(ROOT / "seeds", seeds)
    assets = load.load_assets(data)
    assets.at["cpc", "name"] = ASSET_NAME
    load.write_text_atomic(data / load.ASSETS_FILE, load.dumps_assets(assets))
    text = f"Kazakhstan ships oil via CPC. {EXCERPT}. More oil goes via the BTC pipeline to avoid Russian ports."
    art = ingest.ingest(text.encode(), "inject.txt", metadata={"title": TITLE, "outlet": OUTLET}, data_dir=data, corpus_dir=seeds).article_id
    start = text.index(EXCERPT)
    claim = corpus.Claim(id="inject-claim", article=art, excerpt=EXCERPT, start=start, end=start + len(EXCERPT), language="en",
                         claim_type="rerouting", attribution=["article"], assets=[{"id": "cpc", "role": "bypassed"}])
    ingest.save_claims([claim], data_dir=data, corpus_dir=seeds)
    return {"root": root, "data": data, "seeds": seeds, "article": art}


@pytest.fixture
def workdir(tmp_path, monkeypatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture(scope="module")
def briefing(hostile) -> brief.Briefing:
    return brief.make_briefing(Workspace.open(hostile["data"], hostile["seeds"]), year=2023, claim_ids=("inject-claim",), made=MADE)


class _Text(html.parser.HTMLParser):
    """The visible text of one element (by id) and of <title>."""

    def __init__(self, element_id: str) -> None:
        super().__init__()
        self.element_id, self.depth, self.inside_title = element_id, 0, False
        self.text: list[str] = []
        self.title: list[str] = []

    def handle_starttag(self, tag, attrs):
        if self.depth or dict(attrs).get("id") == self.element_id:
            self.depth += 1
        self.inside_title = tag == "title"

    def handle_endtag(self, tag):
        if self.depth:
            self.depth -= 1
        self.inside_title = False

    def handle_data(self, data):
        if self.depth:
            self.text.append(data)
        if self.inside_title:
            self.title.append(data)


def map_lookups(page: str) -> dict:
    """The JSON the map script is given: decoded exactly as the browser decodes it."""
    start = page.index("geoView.create(") + len("geoView.create(")
    value, _ = json.JSONDecoder().raw_decode(page[start:])
    return value


@settings(max_examples=200, deadline=None)
@given(value=st.recursive(st.text() | st.integers() | st.none(), lambda inner: st.lists(inner) | st.dictionaries(st.text(), inner), max_leaves=8))
def test_script_json_is_inert_as_a_template_and_decodes_to_the_same_value(value):
    text = script_json(value)
    # Even if something compiled it as a template, it would come out unchanged ...
    assert Template(text).render() == text
    # ... and it closes no <script> element, yet decodes to exactly what went in.
    assert "<" not in text and ">" not in text
    assert json.loads(text) == value


def test_our_templates_escape_values_and_run_nothing(workdir):
    out = render("linked_claim.html", excerpt=EXPRESSION + "<img src=x>", title=STATEMENT, verdict=SEVEN)
    assert EXPRESSION in out and STATEMENT in out and SEVEN in out and "49" not in out
    assert "&lt;img src=x&gt;" in out and "<img" not in out
    no_flags(workdir)


def test_markdown_text_keeps_no_markup():
    # Each punctuation mark is backslash-escaped, so '![](...)' is text, not an image.
    assert md_text("![a](http://x.example/i.png)") == "\\!\\[a\\]\\(http\\:\\/\\/x\\.example\\/i\\.png\\)"
    assert md_text("**b** $x$ :red[c]") == "\\*\\*b\\*\\* \\$x\\$ \\:red\\[c\\]"


def test_html_briefing_shows_the_payloads_as_text(briefing, workdir):
    out = brief.write(briefing, workdir / "b.html")
    page = out.read_text(encoding="utf-8")
    parser = _Text("brief-panel")
    parser.feed(page)
    panel = " ".join(parser.text)
    assert EXCERPT in panel and TITLE in panel and OUTLET in panel
    assert "Title  49" not in panel
    # The asset name travels in the map's layer JSON, encoded exactly as script_json writes it.
    assert script_json(ASSET_NAME) in page
    claims = map_lookups(page)["claims"]
    assert {k: claims[-1][k] for k in ("x", "t", "o")} == {"x": EXCERPT, "t": TITLE, "o": OUTLET}
    no_flags(workdir, ROOT)


def test_html_briefing_title_is_escaped(briefing, workdir):
    hostile_title = f"</title><script>window.x=1</script>{SEVEN}"
    page = brief.html_page(brief.Briefing(**{**briefing.__dict__, "title": hostile_title}))
    parser = _Text("brief-panel")
    parser.feed(page)
    assert "".join(parser.title) == hostile_title
    assert "<script>window.x" not in page


def test_png_and_pdf_show_the_payloads_as_text(briefing, workdir):
    fig = brief.render_figure(briefing, size_in=(19.2, 10.8), dpi=100)
    drawn = squash(" ".join(t.get_text() for t in fig.findobj(lambda a: hasattr(a, "get_text") and callable(a.get_text))))
    assert squash(EXCERPT) in drawn and squash(TITLE) in drawn and squash(OUTLET) in drawn
    assert brief.write(briefing, workdir / "b.png").read_bytes().startswith(b"\x89PNG")
    pdf = squash(PdfReader(brief.write(briefing, workdir / "b.pdf")).pages[0].extract_text())
    assert squash(EXCERPT) in pdf and squash(TITLE) in pdf
    no_flags(workdir, ROOT)


def test_cli_brief_runs_no_template(hostile, tmp_path):
    out = tmp_path / "cli.html"
    env = {**os.environ, "PYTHONPATH": str(ROOT), "GEO_SEEDS_DIR": str(hostile["seeds"])}
    run = subprocess.run([sys.executable, "-m", "geo", "--data-dir", str(hostile["data"]), "brief", "--claims", "inject-claim",
                          "--timestamp", "2026-01-02T03:04", "--out", str(out)], cwd=tmp_path, env=env, capture_output=True, text=True,
                         check=False)
    assert run.returncode == 0, run.stderr
    parser = _Text("brief-panel")
    parser.feed(out.read_text(encoding="utf-8"))
    assert EXCERPT in " ".join(parser.text)
    no_flags(tmp_path, ROOT)


def test_dashboard_shows_the_payloads_as_text(hostile, workdir, monkeypatch):
    monkeypatch.setenv("GEO_DATA_DIR", str(hostile["data"]))
    monkeypatch.setenv("GEO_SEEDS_DIR", str(hostile["seeds"]))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=180)
    for key, value in {"asset": "cpc", "article": hostile["article"], "claim": "inject-claim"}.items():
        at.query_params[key] = value
    at.run()
    assert not at.exception
    fragments = "\n".join(h.proto.body for h in at.get("html"))
    assert EXCERPT in fragments and TITLE in fragments and OUTLET in fragments and ASSET_NAME in fragments
    lookups = map_lookups(mapcomponent.base_script(map_args(at)))
    assert any(c["x"] == EXCERPT and c["t"] == TITLE for c in lookups["claims"])
    # The briefing files made from the dashboard.
    at.button(key="w_brief").click().run()
    assert not at.exception
    _, files = at.session_state["briefing"]
    parser = _Text("brief-panel")
    parser.feed(files[".html"].decode("utf-8"))
    assert EXCERPT in " ".join(parser.text)
    assert squash(EXCERPT) in squash(PdfReader(io.BytesIO(files[".pdf"])).pages[0].extract_text())
    no_flags(workdir, ROOT, hostile["data"])


def test_no_data_is_ever_template_source(briefing):
    """Structural guard: after a page is rendered, no compiled element of it holds any text from the data."""
    from branca.element import Element

    from geo.views.safehtml import RawElement

    fmap = brief.build_map(briefing.assets, claims=briefing.claims, state=brief.MapState(asset_prefix=None))
    root = fmap.get_root()
    root.render()
    compiled = [e._template_str for part in (root.header, root.html, root.script) for e in part._children.values()
                if isinstance(e, Element) and not isinstance(e, RawElement) and e._template_str]
    assert compiled, "folium's own elements are still compiled (they hold no data)"
    for marker in ("7*7", "pwned", "Oil avoids the CPC route", "Title", "Outlet"):
        assert not [t for t in compiled if marker in t], marker
