"""The dashboard's view state and its round trip through the URL query string.

Everything that defines a view (year, commodity, preset, switched-off routes, changed
capacities, selected claim or asset) lives in :class:`ViewState`; a copied link holds it
all. Unknown or malformed values in a link are dropped, never trusted.
"""

from __future__ import annotations

import math
import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field, replace

YEARS = (2022, 2023, 2024)
COMMODITIES = ("oil", "gas")
_ID = re.compile(r"^[A-Za-z0-9_-]{1,80}$")


@dataclass(frozen=True)
class ViewState:
    """One view of the dashboard."""

    year: int = 2023
    commodity: str = "oil"
    preset: str | None = None
    off: tuple[str, ...] = ()
    capacity: tuple[tuple[str, float], ...] = ()
    claim: str | None = None
    asset: str | None = None
    article: str | None = None
    extra: dict[str, str] = field(default_factory=dict, compare=False)

    def with_(self, **changes: object) -> ViewState:
        """A copy with some fields changed."""
        return replace(self, **changes)


def _first(value: object) -> str | None:
    if isinstance(value, list | tuple):
        value = value[0] if value else None
    return None if value is None else str(value)


def parse_query(
    params: Mapping[str, object],
    *,
    asset_ids: Collection[str],
    presets: Collection[str],
    claim_ids: Collection[str] = (),
    article_ids: Collection[str] = (),
) -> ViewState:
    """Read a view from query parameters, keeping only values that name real things.

    Examples
    --------
    >>> s = parse_query({"year": "2022", "off": "cpc,nope", "cap": "btc:30,x:1"}, asset_ids={"cpc", "btc"}, presets=set())
    >>> s.year, s.off, s.capacity
    (2022, ('cpc',), (('btc', 30.0),))
    """
    state = ViewState()
    year = _first(params.get("year"))
    if year and year.isdigit() and int(year) in YEARS:
        state = state.with_(year=int(year))
    commodity = _first(params.get("commodity"))
    if commodity in COMMODITIES:
        state = state.with_(commodity=commodity)
    preset = _first(params.get("preset"))
    if preset in presets:
        state = state.with_(preset=preset)
    off = _first(params.get("off")) or ""
    state = state.with_(off=tuple(dict.fromkeys(a for a in off.split(",") if a in asset_ids)))
    caps = []
    for item in (_first(params.get("cap")) or "").split(","):
        aid, _, value = item.partition(":")
        try:
            number = float(value)
        except ValueError:
            continue
        if aid in asset_ids and math.isfinite(number) and 0 <= number <= 1000:
            caps.append((aid, number))
    state = state.with_(capacity=tuple(dict(caps).items()))
    for key, allowed in (("claim", claim_ids), ("asset", asset_ids), ("article", article_ids)):
        value = _first(params.get(key))
        if value and _ID.match(value) and value in allowed:
            state = state.with_(**{key: value})
    return state


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
    return out
