"""Read the view data a rendered map page hands to ``geoView`` (geo/views/static/geoview.js).

The page calls ``geoView.create(LOOKUPS, VIEW, SHARED)``, then ``view.addLayer(GEOJSON, group, POINTS)``
per layer, and Leaflet's ``map.fitBounds(BOUNDS, {})``. Every argument that carries data is JSON,
so tests decode those arguments instead of searching the HTML for text.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

_DECODER = json.JSONDecoder()


@dataclass
class MapData:
    """What the page's script receives."""

    lookups: dict[str, Any]
    view: dict[str, Any]
    #: (GeoJSON feature collection, drawn as points?) per ``addLayer`` call, in page order.
    layers: list[tuple[dict[str, Any], bool]] = field(default_factory=list)
    #: ``[[south, west], [north, east]]`` of the last ``fitBounds`` call, or ``None``.
    bounds: list[list[float]] | None = None

    def features(self, *, points: bool | None = None) -> dict[str, dict[str, Any]]:
        """Feature properties by asset id (``i``), from the line layers, point layers or both."""
        return {f["properties"]["i"]: f["properties"] for data, pts in self.layers if points is None or pts == points
                for f in data["features"]}


def _args(text: str, start: int, count: int) -> tuple[list[Any], int]:
    """Decode ``count`` JSON values separated by commas from ``text[start:]``; non-JSON arguments give None."""
    values, pos = [], start
    for _ in range(count):
        while text[pos] in " \n\t\r,":
            pos += 1
        try:
            value, pos = _DECODER.raw_decode(text, pos)
        except json.JSONDecodeError:
            end = re.compile(r"[,)]").search(text, pos)
            assert end is not None
            value, pos = text[pos:end.start()].strip(), end.start()
        values.append(value)
    return values, pos


def parse(page: str) -> MapData:
    """The data of one rendered page (or the folium component's script); fails if there is no ``geoView.create``."""
    calls = [m.end() for m in re.finditer(r"geoView\.create\(", page)]
    assert len(calls) == 1, f"expected one geoView.create call, found {len(calls)}"
    (lookups, view, _shared), _ = _args(page, calls[0], 3)
    data = MapData(lookups=lookups, view=view)
    for m in re.finditer(r"\.addLayer\(", page):
        (layer, _parent, points), _ = _args(page, m.end(), 3)
        data.layers.append((layer, points is True))
    fits = [m.end() for m in re.finditer(r"\.fitBounds\(", page)]
    if fits:
        data.bounds = _args(page, fits[-1], 1)[0][0]
    return data


def parse_update(data: MapData, layer: str) -> MapData:
    """Apply the dashboard's per-run layer: ``geoView.update(VIEW, FIT, map)`` restyles the base map in place.

    ``FIT`` is ``null`` or ``{"id": N, "bounds": [west, south, east, north] or null}``; it is returned here in
    Leaflet's ``[[south, west], [north, east]]`` form, like a ``fitBounds`` call.
    """
    calls = [m.end() for m in re.finditer(r"geoView\.update\(", layer)]
    assert len(calls) == 1, f"expected one geoView.update call, found {len(calls)}"
    (view, fit), _ = _args(layer, calls[0], 2)
    data.view = view
    if fit is not None and fit.get("bounds") is not None:
        west, south, east, north = fit["bounds"]
        data.bounds = [[south, west], [north, east]]
    return data
