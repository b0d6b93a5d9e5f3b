"""The dashboard's view state and its round trip through the URL query string.

Everything that defines a view (year, commodity, preset, committed volumes on or off, switched-off
routes, changed capacities, selected claim or asset, the open tab) lives in :class:`ViewState`; a copied link holds it
all. Unknown or malformed values in a link are dropped, never trusted, and each one
dropped is named in a notice the app shows.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field, replace

from geo.settings import DASHBOARD_YEAR, YEARS

COMMODITIES = ("oil", "gas")
#: The dashboard's tabs, in order; a link names one by its slug (``tab=add-article``), the first is the default.
TABS = ("Map", "Dependencies", "Claims", "Article", "Add article")


def tab_slug(label: str) -> str:
    """A tab's name in a link: ``"Add article"`` -> ``"add-article"``."""
    return label.lower().replace(" ", "-")


_TAB_OF_SLUG: dict[str, object] = {tab_slug(t): t for t in TABS}


@dataclass(frozen=True)
class ViewState:
    """One view of the dashboard."""

    year: int = DASHBOARD_YEAR
    commodity: str = "oil"
    preset: str | None = None
    off: tuple[str, ...] = ()
    capacity: tuple[tuple[str, float], ...] = ()
    claim: str | None = None
    asset: str | None = None
    article: str | None = None
    #: The open tab (one of :data:`TABS`).
    tab: str = TABS[0]
    #: Committed volumes on: the preset's contracts and targets are lower bounds (``committed=1`` in a link).
    committed: bool = False
    extra: dict[str, str] = field(default_factory=dict, compare=False)

    def with_(self, **changes: object) -> ViewState:
        """A copy with some fields changed."""
        return replace(self, **changes)


#: Longest parameter value read at all; anything longer is dropped whole, before any parsing.
MAX_VALUE_CHARS = 2000
#: Longest id (asset, claim, article) and how much of a bad value a notice repeats.
_ID = re.compile(r"^[A-Za-z0-9_-]{1,80}$", re.ASCII)
_YEAR = re.compile(r"^[0-9]{4}$", re.ASCII)
#: A capacity in the unit of its asset: plain ASCII digits, so '١٢', '1_0', 'nan' or '1e9' never parse.
_NUMBER = re.compile(r"^[0-9]{1,4}(?:\.[0-9]{1,6})?$", re.ASCII)
CAPACITY_MAX = 1000.0
KNOWN_KEYS = ("year", "commodity", "preset", "off", "cap", "claim", "asset", "article", "tab", "committed")
#: The values a link may give ``committed``; anything else is dropped with a notice.
_FLAGS: dict[str, object] = {"1": True, "0": False}
#: Parameters Streamlit itself reads from a link; they are not ours to judge.
_STREAMLIT_KEYS = frozenset({"embed", "embed_options"})


def _shown(value: object, limit: int = 24) -> str:
    """A bad value as a notice repeats it: quoted, on one line, cut short."""
    text = value if isinstance(value, str) else repr(value)
    flat = "".join(ch if ch.isprintable() else "\ufffd" for ch in text[: limit + 1])
    if len(text) > limit:
        flat = f"{flat[:limit]}… ({len(text):,} characters)"
    return f"'{flat}'"


def _value(params: Mapping[str, object], key: str, notices: list[str]) -> str | None:
    """The one string value of ``key``, or ``None`` (with a notice if there was something unusable)."""
    if key not in params:
        return None
    value = params[key]
    if isinstance(value, list | tuple):
        value = value[0] if len(value) == 1 else value
    if not isinstance(value, str):
        notices.append(f"{key}: {_shown(value)} is not a single value")
        return None
    if len(value) > MAX_VALUE_CHARS:
        notices.append(f"{key}: a value of {len(value):,} characters is too long")
        return None
    return value


def read_query(
    params: Mapping[str, object],
    *,
    asset_ids: Collection[str],
    presets: Collection[str],
    claim_ids: Collection[str] = (),
    article_ids: Collection[str] = (),
) -> tuple[ViewState, list[str]]:
    """Read a view from query parameters; every value that is not valid falls back to the default.

    Returns the view and one short notice per value that was dropped (empty if the link
    was fully valid). Values are checked for type, length, range and that ids name real
    things; nothing is converted before it has matched a strict ASCII pattern.

    Examples
    --------
    >>> state, notices = read_query({"year": "²", "commodity": "gas"}, asset_ids=set(), presets=set())
    >>> state.year, state.commodity, notices
    (2024, 'gas', ["year: '²' is not one of 2022, 2023, 2024"])
    """
    notices: list[str] = []
    state = ViewState()
    unknown = [k for k in params if k not in KNOWN_KEYS and k not in _STREAMLIT_KEYS]
    if unknown:
        notices.append("unknown parameter(s) " + ", ".join(_shown(k) for k in unknown[:4]) + (" and more" if len(unknown) > 4 else ""))
    year = _value(params, "year", notices)
    if year is not None:
        if _YEAR.match(year) and int(year) in YEARS:
            state = state.with_(year=int(year))
        else:
            notices.append(f"year: {_shown(year)} is not one of {', '.join(map(str, YEARS))}")
    commodity = _value(params, "commodity", notices)
    if commodity is not None:
        if commodity in COMMODITIES:
            state = state.with_(commodity=commodity)
        else:
            notices.append(f"commodity: {_shown(commodity)} is not one of {', '.join(COMMODITIES)}")
    preset = _value(params, "preset", notices)
    if preset is not None:
        if _ID.match(preset) and preset in presets:
            state = state.with_(preset=preset)
        else:
            notices.append(f"preset: {_shown(preset)} is not a known preset")
    off = _value(params, "off", notices)
    if off is not None:
        items = [a for a in off.split(",") if a]
        bad = [a for a in items if not (_ID.match(a) and a in asset_ids)]
        state = state.with_(off=tuple(dict.fromkeys(a for a in items if a not in bad)))
        if bad:
            notices.append(f"off: {', '.join(_shown(a) for a in bad[:3])} {'is' if len(bad) == 1 else 'are'} not a known route")
    cap = _value(params, "cap", notices)
    if cap is not None:
        caps: dict[str, float] = {}
        for item in (i for i in cap.split(",") if i):
            aid, _, number = item.partition(":")
            if _ID.match(aid) and aid in asset_ids and _NUMBER.match(number) and float(number) <= CAPACITY_MAX:
                caps[aid] = float(number)
            else:
                notices.append(f"cap: {_shown(item)} is not a known route with a capacity from 0 to {CAPACITY_MAX:g}")
        state = state.with_(capacity=tuple(caps.items()))
    for key, allowed in (("claim", claim_ids), ("asset", asset_ids), ("article", article_ids)):
        value = _value(params, key, notices)
        if value is None:
            continue
        if _ID.match(value) and value in allowed:
            state = state.with_(**{key: value})
        else:
            notices.append(f"{key}: {_shown(value)} is not a known {key}")
    for key, choices, expected in (("tab", _TAB_OF_SLUG, "one of " + ", ".join(_TAB_OF_SLUG)), ("committed", _FLAGS, "1 or 0")):
        value = _value(params, key, notices)
        if value is None:
            continue
        if value in choices:
            state = state.with_(**{key: choices[value]})
        else:
            notices.append(f"{key}: {_shown(value)} is not {expected}")
    return state, notices


def parse_query(
    params: Mapping[str, object],
    *,
    asset_ids: Collection[str],
    presets: Collection[str],
    claim_ids: Collection[str] = (),
    article_ids: Collection[str] = (),
) -> ViewState:
    """Read a view from query parameters, keeping only values that name real things (see :func:`read_query`).

    Examples
    --------
    >>> s = parse_query({"year": "2022", "off": "cpc,nope", "cap": "btc:30,x:1"}, asset_ids={"cpc", "btc"}, presets=set())
    >>> s.year, s.off, s.capacity
    (2022, ('cpc',), (('btc', 30.0),))
    """
    return read_query(params, asset_ids=asset_ids, presets=presets, claim_ids=claim_ids, article_ids=article_ids)[0]


def notice_line(notices: list[str]) -> str:
    """The one line the app shows when a link held values it could not use."""
    return "Some settings in this link were not valid and were reset to their defaults: " + "; ".join(notices) + "."


def to_query(state: ViewState) -> dict[str, str]:
    """Query parameters for a view; defaults are left out so links stay short.

    Examples
    --------
    >>> to_query(ViewState(year=2022, off=("cpc",), capacity=(("btc", 30.0),)))
    {'year': '2022', 'off': 'cpc', 'cap': 'btc:30'}
    """
    default = ViewState()
    out: dict[str, str] = {}
    if state.year != default.year:
        out["year"] = str(state.year)
    if state.commodity != default.commodity:
        out["commodity"] = state.commodity
    if state.preset:
        out["preset"] = state.preset
    if state.off:
        out["off"] = ",".join(state.off)
    if state.capacity:
        out["cap"] = ",".join(f"{a}:{v:g}" for a, v in state.capacity)
    for key in ("claim", "asset", "article"):
        value = getattr(state, key)
        if value:
            out[key] = value
    if state.tab != default.tab and state.tab in TABS:
        out["tab"] = tab_slug(state.tab)
    if state.committed:
        out["committed"] = "1"
    return out
