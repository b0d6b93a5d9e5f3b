"""Text of a briefing laid out by measurement: wrapped to a width, stacked into a column, never cut.

Wrapping measures each line with the renderer, so a line never runs past its column
whatever the font size. :func:`fit_column` shrinks the whole column until it fits its
height; only if it still does not fit at the smallest size does it drop whole blocks
from the end (and say how many), so no sentence is ever shortened with an ellipsis.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from matplotlib.font_manager import FontProperties

#: Measures ``(text, FontProperties) -> (width, height)`` in pixels.
Measure = Callable[[str, FontProperties], tuple[float, float]]


@dataclass(frozen=True)
class Style:
    """Font size (points at scale 1) and look of a text block."""

    size: float
    weight: str = "normal"
    style: str = "normal"
    color: str = "#111111"
    space_before: float = 0.0

    def font(self, scale: float) -> FontProperties:
        """The font at ``scale`` (always DejaVu Sans, which ships with matplotlib)."""
        style: Any = self.style
        return FontProperties(family="DejaVu Sans", size=self.size * scale, weight=self.weight, style=style)


@dataclass(frozen=True)
class Block:
    """A paragraph, or a table row (``value`` set: label wrapped on the left, value right-aligned)."""

    text: str
    style: Style
    value: str = ""
    value_style: Style | None = None
    keep: bool = False


@dataclass
class Line:
    """One drawn line of text: offsets in pixels from the column's top left corner (y grows down)."""

    text: str
    x: float
    y: float
    font: FontProperties
    color: str
    ha: str = "left"


@dataclass
class Column:
    """A laid-out column: its lines, its height in pixels, and how many blocks were left out."""

    lines: list[Line] = field(default_factory=list)
    height: float = 0.0
    dropped: int = 0
    scale: float = 1.0


def agg_measure(dpi: float) -> Measure:
    """A measure function using matplotlib's Agg renderer at ``dpi`` (the same metrics the PDF uses)."""
    from matplotlib.backends.backend_agg import RendererAgg

    renderer = RendererAgg(10, 10, dpi)
    cache: dict[tuple[str, int], tuple[float, float]] = {}

    def measure(text: str, font: FontProperties) -> tuple[float, float]:
        key = (text, hash(font))
        if key not in cache:
            w, h, _d = renderer.get_text_width_height_descent(text or " ", font, ismath=False)
            cache[key] = (w, h)
        return cache[key]

    return measure


def wrap(text: str, width: float, font: FontProperties, measure: Measure) -> list[str]:
    """Greedy word wrap of ``text`` to ``width`` pixels; a word wider than the column is split by characters.

    Existing line breaks are kept. Nothing is dropped: joining the lines with spaces gives the words back.
    A line's width is the sum of its words and spaces, each measured once (text shaping is the
    slow part of a briefing); 2 % of the width is kept free for kerning across word boundaries.
    """
    out: list[str] = []
    space = measure("a a", font)[0] - measure("aa", font)[0]
    limit = width * 0.98
    for para in text.split("\n"):
        line, used = "", 0.0
        for word in para.split():
            w = measure(word, font)[0]
            trial = used + space + w if line else w
            if trial <= limit:
                line, used = (f"{line} {word}" if line else word), trial
                continue
            if line:
                out.append(line)
            line, used = word, w
            while measure(line, font)[0] > width and len(line) > 1:
                cut = len(line) - 1
                while cut > 1 and measure(line[:cut], font)[0] > width:
                    cut -= 1
                out.append(line[:cut])
                line = line[cut:]
                used = measure(line, font)[0]
        out.append(line)
    return out


def layout(blocks: Sequence[Block], *, width: float, scale: float, measure: Measure, value_share: float = 0.42) -> Column:
    """Stack ``blocks`` top-down in a column ``width`` pixels wide at font ``scale``."""
    col = Column(scale=scale)
    y = 0.0
    for i, block in enumerate(blocks):
        font = block.style.font(scale)
        line_h = measure("Ag", font)[1] * 1.28
        if i:
            y += block.style.space_before * scale
        label_width = width * (1 - value_share) - 8 * scale if block.value else width
        rows = wrap(block.text, label_width, font, measure)
        for k, row in enumerate(rows):
            col.lines.append(Line(row, 0.0, y + k * line_h, font, block.style.color))
        if block.value:
            vstyle = block.value_style or block.style
            vfont = vstyle.font(scale)
            vrows = wrap(block.value, width * value_share, vfont, measure)
            for k, row in enumerate(vrows):
                col.lines.append(Line(row, width, y + k * line_h, vfont, vstyle.color, ha="right"))
            rows = rows if len(rows) >= len(vrows) else vrows
        y += len(rows) * line_h
    col.height = y
    return col


def fit_column(
    blocks: Sequence[Block], *, width: float, height: float, scale: float, measure: Measure, min_scale: float = 0.7,
    more: Callable[[int], Block] | None = None,
) -> Column:
    """Lay out ``blocks`` at the largest scale (down to ``min_scale`` x ``scale``) at which they fit ``height``.

    If even the smallest does not fit, blocks not marked ``keep`` are dropped from the end and
    ``more(n)`` (a note such as "2 more claims: see the dashboard") is appended in their place.
    """
    step = scale
    while step >= scale * min_scale - 1e-9:
        col = layout(blocks, width=width, scale=step, measure=measure)
        if col.height <= height:
            return col
        step -= 0.04 * scale
    step = scale * min_scale
    kept = list(blocks)
    dropped = 0
    while kept:
        removable = [i for i, b in enumerate(kept) if not b.keep]
        if not removable:
            break
        kept.pop(removable[-1])
        dropped += 1
        trial = [*kept, more(dropped)] if more else kept
        col = layout(trial, width=width, scale=step, measure=measure)
        if col.height <= height:
            col.dropped = dropped
            return col
    col = layout(kept, width=width, scale=step, measure=measure)
    col.dropped = dropped
    return col


def draw(fig: Any, col: Column, *, left: float, top: float, width: float) -> None:
    """Draw a laid-out column on ``fig``; ``left``/``top``/``width`` in pixels (origin bottom left)."""
    w_px, h_px = fig.get_size_inches() * fig.dpi
    for line in col.lines:
        x = left + (width if line.ha == "right" else 0.0)
        fig.text(x / w_px, (top - line.y) / h_px, line.text, fontproperties=line.font, color=line.color, ha=line.ha, va="top",
                 parse_math=False)


def scaled(style: Style, **changes: Any) -> Style:
    """A copy of ``style`` with some fields changed."""
    return replace(style, **changes)
