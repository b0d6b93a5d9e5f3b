"""The briefing's 'What binds' and ranges blocks: every bound with value, unit, year and basis."""

from types import SimpleNamespace

import pandas as pd

from geo.routes.explain import Binding
from geo.views import briefing as brief


def _briefing(binding: list[Binding], ranges: dict[str, tuple[float, float]]) -> brief.Briefing:
    result = SimpleNamespace(year=2023, unit="Mt/y", commodity="oil", binding=binding)
    return brief.Briefing(title="t", subtitle="s", assets=None, baseline=None, result=result, off=frozenset(), claims=pd.DataFrame(),
                          bbox=(0, 0, 1, 1), sources_line="", made=None, ranges=ranges)


def _texts(blocks: list) -> list[tuple[str, str]]:
    return [(b.text, b.value) for b in blocks]


def test_binding_block_names_value_unit_year_and_basis():
    bound = [
        Binding("aktau", "capacity", "Aktau port", 7.5, "Mt/y", 2023, "source: portnews", "portnews", False, 1.0),
        Binding("kuryk", "capacity", "Kuryk port", 0.0, "Mt/y", 2023, "assumption: no crude terminal [silkway]", "silkway", True, 1.0),
        Binding("domestic", "fixed_flow", "Crude to refineries", 4.5, "Mt/y", 2023, "assumption: 2022 carried", None, True, 1.0),
        Binding("cpc", "switched_off", "CPC", 0.0, "Mt/y", 2023, "switched off by the scenario", None, False, 1.0),
        Binding("x", "capacity", "Fifth", 1.0, "Mt/y", 2022, "source: y", "y", False, 0.5),
    ]
    texts = _texts(brief._binding_blocks(_briefing(bound, {})))
    assert texts[0] == ("What binds", "")
    assert ("Aktau port", "7.5 Mt/y, 2023") in texts and ("source portnews", "") in texts
    assert ("Kuryk port", "0.0 Mt/y, 2023") in texts and ("assumption [silkway]", "") in texts
    assert ("Crude to refineries (fixed flow)", "4.5 Mt/y, 2023") in texts and ("assumption", "") in texts
    assert ("CPC", "switched off") in texts
    # Four shown (BINDING_SHOWN), the fifth counted: 5 - 4 = 1.
    assert not any(t.startswith("Fifth") for t, _ in texts)
    assert texts[-1][0].startswith("1 more binding constraint")


def test_range_block_shows_stranded_and_share_via_russia_min_max():
    ranges = {"stranded": (41.276, 42.896), "share_via_russia": (0.79799, 0.84607)}
    texts = _texts(brief._range_blocks(_briefing([], ranges)))
    # 41.276 -> 41.3, 42.896 -> 42.9; 0.79799 -> 79.8 %, 0.84607 -> 84.6 %.
    assert ("Stranded volume", "41.3–42.9 Mt/y") in texts
    assert ("Share of exports via Russia", "79.8–84.6%") in texts


def test_no_blocks_without_bounds_or_ranges():
    assert brief._binding_blocks(_briefing([], {})) == []
    assert brief._range_blocks(_briefing([], {})) == []


def test_html_briefing_blocks_are_escaped_and_keep_value_unit_year():
    bound = [Binding("x", "capacity", "<script>alert(1)</script> port", 7.5, "Mt/y", 2023, "source: s", "s&t", False, 1.0)]
    html = brief._blocks_html(brief._binding_blocks(_briefing(bound, {"stranded": (41.276, 43.976)})) +
                              brief._range_blocks(_briefing(bound, {"stranded": (41.276, 43.976)})))
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt; port: <b>7.5 Mt/y, 2023</b>" in html
    assert "<small>source s&amp;t</small>" in html
    # 41.276 -> 41.3, 43.976 -> 44.0 (one decimal).
    assert "<h3>What binds</h3>" in html and "Stranded volume: <b>41.3–44.0 Mt/y</b>" in html
