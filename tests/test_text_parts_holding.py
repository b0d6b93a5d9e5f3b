"""parts_holding: the parts of the analyser's word split in which a needle starts, against a plain scan of every part."""

from __future__ import annotations

import re
from itertools import accumulate

from hypothesis import given, settings
from hypothesis import strategies as st

from geo.claims.text import parts_holding


def _plain(text: str, needles: list[str]) -> list[int]:
    parts = re.split(r"(\w+)", text)
    out, start = set(), 0
    for j, part in enumerate(parts):  # part j spans start .. start + len(part)
        end = start + len(part)
        for needle in needles:
            p = text.find(needle)
            while p >= 0:
                if start <= p < end:
                    out.add(j)
                p = text.find(needle, p + 1)
        start = end
    return sorted(out)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(["Baku", "-", "–", " ", " – ", "pipeline", "Pipeline", "трубопровод", ",", "\n", "x", "_", "1"]),
                max_size=25),
       st.lists(st.sampled_from(["-", "–", "ipeline", "провод", "x", ", "]), min_size=1, max_size=4))
def test_parts_holding_equals_a_plain_scan(pieces, needles):
    text = "".join(pieces)
    offsets = list(accumulate(map(len, re.split(r"(\w+)", text))))
    assert parts_holding(text, offsets, needles) == _plain(text, needles)


def test_parts_holding_by_hand():
    # parts of "A-B – C": 0 "", 1 "A", 2 "-", 3 "B", 4 " – ", 5 "C", 6 "": the dashes stand in gaps 2 and 4 (offsets
    # 0, 1, 2, 3, 6, 7, 7: the "–" at 4 lies in part 4, which spans 3..6)
    text = "A-B – C"
    offsets = list(accumulate(map(len, re.split(r"(\w+)", text))))
    assert offsets == [0, 1, 2, 3, 6, 7, 7]
    assert parts_holding(text, offsets, ("-", "–")) == [2, 4]
    assert parts_holding(text, offsets, ("—",)) == []  # an em dash: none
