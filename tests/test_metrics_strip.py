"""The metrics strip as one HTML block (issue 15: four st.metric elements cost the first page load eight script files)."""

from __future__ import annotations

import re

from geo.views.safehtml import render


def strip(*metrics: dict[str, str]) -> str:
    return str(render("metrics.html", metrics=list(metrics)))


def test_each_figure_shows_label_value_change_and_help():
    html = strip({"label": "Exports (Mt/y, 2024)", "value": "70.9 → 28.1", "delta": "-42.8 Mt/y", "arrow": "auto",
                  "help": "baseline 70.90 → scenario 28.10 Mt/y, 2024, modelled"},
                 {"label": "Stranded (Mt/y, 2024)", "value": "0.0 → 42.8", "delta": "+42.8 Mt/y", "arrow": "auto", "help": "h"},
                 {"label": "Via Russia (% of exports, 2024)", "value": "96 % → 96 %", "delta": "no change", "arrow": "off", "help": "h"})
    cards = re.findall(r'<div class="geo-metric" title="([^"]*)">(.*?)</div></div>', html, re.S)
    assert len(cards) == 3
    assert cards[0][0] == "baseline 70.90 → scenario 28.10 Mt/y, 2024, modelled"  # the help text is the card's tooltip
    texts = [re.sub(r"<[^>]+>", "", body).split("\n") for _, body in cards]
    assert [t[0].strip() for t in texts] == ["Exports (Mt/y, 2024) ?", "Stranded (Mt/y, 2024) ?", "Via Russia (% of exports, 2024) ?"]
    assert [t[1] for t in texts] == ["70.9 → 28.1", "0.0 → 42.8", "96 % → 96 %"]
    # A fall points down, a rise up; "no change" has no arrow (as st.metric's delta_arrow="auto" / "off").
    assert [t[2] for t in texts] == ["↓ -42.8 Mt/y", "↑ +42.8 Mt/y", "no change"]


def test_text_is_escaped():
    html = strip({"label": "<b>x</b>", "value": "<img src=x>", "delta": "+1 <i>", "arrow": "auto", "help": '"><script>'})
    assert "<b>x</b>" not in html and "<img" not in html and "<script>" not in html and "<i>" not in html
    assert "&lt;b&gt;x&lt;/b&gt;" in html and "&#34;&gt;&lt;script&gt;" in html
