"""Map labels that do not overlap: short label texts and a greedy placement on bounding boxes.

Placement works in display pixels and knows nothing of matplotlib: each request names its
anchor points (a marker, or several points along a line), the size of its text and a
priority. Requests are placed in priority order; each takes the first candidate box that
stays inside the frame and overlaps no obstacle and no label placed before it. A label
with no free candidate is left out rather than drawn on top of another: a missing town
name costs less than two unreadable ones.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

#: A box in display pixels: (x0, y0, x1, y1) with x0 <= x1 and y0 <= y1 (y grows upwards).
Box = tuple[float, float, float, float]

#: Offsets of a point label from its marker, in the order they are tried: right, upper right,
#: lower right, left, upper left, lower left, above, below (the cartographic preference order).
_POINT_SLOTS = ((1, 0), (1, 1), (1, -1), (-1, 0), (-1, 1), (-1, -1), (0, 1), (0, -1))
_ABBREV = re.compile(r"^[A-Z][A-Z0-9]{1,5}(-[0-9])?$")
_PAREN = re.compile(r"\s*\([^)]*\)")
_POINT_SUFFIX = re.compile(
    r"\s+((oil and gas|gas-condensate|oil|gas|sea|marine)\s+)?(field|terminal|port|refinery|metering)(\s*/\s*[\w ]+)?$", re.IGNORECASE
)
_LINE_WORDS = re.compile(r"\b(natural gas|oil|gas|pipeline|system|Caspian tanker route|tanker route|rail)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Request:
    """One label to place.

    Parameters
    ----------
    key
        The asset or place it names (kept with the placement).
    text
        What is written.
    anchors
        Candidate anchor points in pixels: one marker, or points along a line, best first.
    size
        Width and height of the rendered text in pixels.
    priority
        Lower is placed first.
    on_line
        A line label is centred on its anchor, just above or below the line; a point label sits beside its marker.
    gap
        Distance in pixels between a marker (or line) and its label.
    """

    key: str
    text: str
    anchors: tuple[tuple[float, float], ...]
    size: tuple[float, float]
    priority: float = 0.0
    on_line: bool = False
    gap: float = 4.0


@dataclass(frozen=True)
class Placed:
    """A placed label: its request and the box it occupies (text centred in the box)."""

    request: Request
    box: Box

    @property
    def centre(self) -> tuple[float, float]:
        """The centre of the box, where the text is drawn with centred alignment."""
        x0, y0, x1, y1 = self.box
        return (x0 + x1) / 2, (y0 + y1) / 2


def overlaps(a: Box, b: Box, *, pad: float = 0.0) -> bool:
    """Whether two boxes overlap once each is grown by ``pad`` pixels on every side.

    >>> overlaps((0, 0, 10, 10), (10, 0, 20, 10))
    False
    >>> overlaps((0, 0, 10, 10), (9, 9, 20, 20))
    True
    >>> overlaps((0, 0, 10, 10), (12, 0, 20, 10), pad=1.5)
    True
    """
    return a[0] - pad < b[2] + pad and b[0] - pad < a[2] + pad and a[1] - pad < b[3] + pad and b[1] - pad < a[3] + pad


def inside(a: Box, frame: Box) -> bool:
    """Whether box ``a`` lies wholly within ``frame``."""
    return a[0] >= frame[0] and a[1] >= frame[1] and a[2] <= frame[2] and a[3] <= frame[3]


def candidates(req: Request) -> list[Box]:
    """The boxes a request may take, best first."""
    w, h = req.size
    boxes = []
    for x, y in req.anchors:
        if req.on_line:
            for dy in (req.gap + h / 2, -(req.gap + h / 2)):
                boxes.append((x - w / 2, y + dy - h / 2, x + w / 2, y + dy + h / 2))
            continue
        for sx, sy in _POINT_SLOTS:
            cx = x + sx * (req.gap + w / 2)
            cy = y + sy * (req.gap + h / 2) if sx == 0 else y + sy * (h / 2 + req.gap / 2)
            boxes.append((cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2))
    return boxes


def place(requests: Iterable[Request], *, frame: Box, obstacles: Sequence[Box] = (), pad: float = 2.0) -> list[Placed]:
    """Place labels greedily in priority order so that no two overlap and none covers an obstacle.

    Parameters
    ----------
    requests
        The labels wanted; ties in priority keep the given order.
    frame
        Labels must lie wholly inside this box (the map's axes).
    obstacles
        Boxes no label may cover: markers, the legend, the inset, the scale bar.
    pad
        Extra clearance in pixels around every label.

    Returns
    -------
    list of Placed
        The labels that found room, in the order they were placed.

    Examples
    --------
    Two labels wanting the same spot: the second moves to the left of the marker
    (the right-hand slots all overlap the first).

    >>> a = Request("a", "A", ((50.0, 50.0),), (20.0, 10.0))
    >>> b = Request("b", "B", ((50.0, 50.0),), (20.0, 10.0), priority=1)
    >>> [p.box for p in place([a, b], frame=(0, 0, 100, 100), pad=0)]
    [(54.0, 45.0, 74.0, 55.0), (26.0, 45.0, 46.0, 55.0)]
    """
    placed: list[Placed] = []
    taken = list(obstacles)
    for req in sorted(requests, key=lambda r: r.priority):
        for box in candidates(req):
            if inside(box, frame) and not any(overlaps(box, t, pad=pad) for t in taken):
                placed.append(Placed(req, box))
                taken.append(box)
                break
    return placed


def _abbreviation(name: str, aliases: Iterable[str]) -> str | None:
    found = [a for a in aliases if _ABBREV.match(a) and re.search(rf"(?<![\w-]){re.escape(a)}(?![\w-])", name)]
    return max(found, key=len) if found else None


def line_label(name: str, aliases: Iterable[str], kind: str) -> str:
    """A short map label for a route: its abbreviation where the name spells one out, else its end points.

    >>> line_label("Caspian Pipeline Consortium (CPC) pipeline (Tengiz–Novorossiysk)", ["CPC", "KTK"], "pipeline")
    'CPC'
    >>> line_label("Uzen–Atyrau–Samara oil pipeline", ["UAS"], "pipeline")
    'Uzen–Atyrau–Samara'
    >>> line_label("Kazakhstan–China pipeline: Atyrau–Kenkiyak (MunaiTas)", [], "pipeline")
    'Kazakhstan–China'
    >>> line_label("Caspian tanker route Aktau – Baku (Sangachal)", [], "shipping_lane")
    'Aktau–Baku tankers'
    >>> line_label("Rail Baku – Batumi (oil in tank cars)", [], "rail")
    'Baku–Batumi rail'
    """
    abbr = _abbreviation(name, aliases)
    if abbr:
        return abbr
    head, colon, _tail = name.partition(":")
    text = head if colon else name
    text = _LINE_WORDS.sub("", _PAREN.sub("", text))
    text = re.sub(r"\s*–\s*", "–", re.sub(r"\s+-\s+", "–", text))
    text = " ".join(text.split()).strip(" :")
    suffix = {"shipping_lane": " tankers", "rail": " rail"}.get(kind, "")
    return text + suffix


def point_label(name: str) -> str:
    """A short map label for a port, terminal, field or refinery.

    >>> point_label("Ust-Luga oil terminal")
    'Ust-Luga'
    >>> point_label("Makhachkala sea port / oil terminal")
    'Makhachkala'
    >>> point_label("CPC Marine Terminal (Yuzhnaya Ozereyevka)")
    'CPC terminal'
    >>> point_label("Karachaganak gas-condensate field")
    'Karachaganak'
    >>> point_label("Khorgos gas metering / border crossing")
    'Khorgos'
    """
    text = _PAREN.sub("", name).strip()
    short = _POINT_SUFFIX.sub("", text).strip()
    if not short:
        return text
    if _ABBREV.match(short):
        return f"{short} terminal"
    return short
