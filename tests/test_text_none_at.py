"""none_at: the positions of None, also among values that are false but not None ("" is a word key of "ъ")."""

from __future__ import annotations

from geo.claims.text import none_at


def test_none_at_by_hand():
    assert none_at(["kasahstan", "bak", "port"]) == []  # all true: no None
    assert none_at([]) == []
    # positions 2 and 5 hold None; "" (position 1) and 0 (position 3) are false but no None
    assert none_at(["a", "", None, 0, "b", None]) == [2, 5]
    assert none_at([None]) == [0]
    assert none_at(["", ""]) == []  # false values only, none of them None
