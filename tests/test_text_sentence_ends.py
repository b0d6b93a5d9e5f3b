"""Sentence ends found by one pattern per first character are the matches of the one defining pattern."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from geo.claims.text import _SENTENCE_END, _end_matches, split_sentences


def _used(text: str) -> list[tuple[int, int, str | None]]:
    """The matches split_sentences reads: those not starting inside the last one read."""
    out, after = [], 0
    for m in _end_matches(text):
        if m.start() >= after:
            out.append((m.start(), m.end(), m.group(1)))
            after = m.end()
    return out


_PIECES = [".", "!", "?", "…", "\n", "\n\n", " ", "\u00a0", "\t", "\r", "\u2028", '"', "“", "”", "»", "«", ")", "(", "„",
           "A", "a", "Ä", "Я", "я", "Ё", "5", "z", "Mio"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=40))
@example([".", " ", "\n", "\n", "A"])  # line breaks inside the white space after a point
@example(["z", ".", " ", "\n", "B"])  # the same after an abbreviation, which is no break
@example(["!", "»", "\n", "\n", " ", "Я", "?", "\n", "…", " ", "5"])
def test_end_matches_are_the_defining_pattern_s_matches(pieces):
    text = "".join(pieces)
    assert _used(text) == [(m.start(), m.end(), m.group(1)) for m in _SENTENCE_END.finditer(text)]


def test_sentence_ends_by_hand():
    # index: 0 "A", 1 ".", 2 " ", 3 "\n", 4 "\n", 5 "B", 6 "!", 7 "x", 8 "\n", 9 "C"
    # the point's match takes ". \n\n" (1..5: the white space up to the capital), so the line breaks at 3-4 start no break
    # of their own; "!" before "x" is no end; the line break at 8 is (8..9, no gap): spans "A." 0..2, "B!x" 5..8, "C" 9..10
    text = "A. \n\nB!x\nC"
    assert _used(text) == [(1, 5, " \n\n"), (8, 9, None)]
    assert split_sentences(text) == [(0, 2), (5, 8), (9, 10)]


def test_a_line_break_after_an_abbreviation_s_point_is_no_end():
    # index: 0 "Ö", 1 "l", 2 " ", 3 "z", 4 ".", 5 " ", 6 "\n", 7 "B": the point's match takes " \n" (4..7) and is no end
    # ("z." is an abbreviation); the line break at 6 lies inside it, so the text is one sentence, 0..8 (not "Öl z." 0..5
    # and "B" 7..8)
    assert split_sentences("Öl z. \nB") == [(0, 8)]


def test_a_long_text_is_split_alike_by_the_lazy_pass():
    # "Aa. Bb.\n" is 8 characters: unit k holds "Aa." at 8k..8k+3 and "Bb." at 8k+4..8k+7 (the point before "\n" + "A"
    # ends it with the gap "\n"; the last one ends at the final line break). 30,000 units (240,000 characters) are past
    # _LISTED_UP_TO and read by _SENTENCE_END.finditer; 10 units by _end_matches
    from geo.claims.text import _LISTED_UP_TO

    for n in (10, 30_000):
        text = "Aa. Bb.\n" * n
        assert (len(text) > _LISTED_UP_TO) == (n == 30_000)
        assert split_sentences(text) == [span for k in range(n) for span in ((8 * k, 8 * k + 3), (8 * k + 4, 8 * k + 7))]
