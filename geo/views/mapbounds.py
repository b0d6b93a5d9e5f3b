"""Which assets the dashboard's map draws: all of them, or only those in the map's (padded) bounds.

With the files (the default) the map draws every asset and never reports its bounds, so panning does not rerun the
app. With the team store and more than :data:`geo.settings.MAP_BOUNDS_MIN_ASSETS` assets, the map reports its bounds
after the user moves it, and the dashboard draws the assets the store's bounding-box query returns for a box a little
larger than the view (:data:`geo.settings.MAP_BOUNDS_PAD`), so a short pan needs neither a query nor a redraw, and
a view zoomed in two levels gets a box of its own. The first draw uses the default frame, known without a round trip.
These are the pure parts; the Streamlit glue is in :mod:`geo.views.dashboard`.
"""

from __future__ import annotations

import json
import math
from collections.abc import Collection
from typing import Any

from geo import settings
from geo.views.safehtml import script_json
from geo.views.webmap import MapLayers

BBox = tuple[float, float, float, float]


def uses_bounds(store_kind: str, n_assets: int) -> bool:
    """Whether the map draws only the assets in view: the team store with more than the threshold of assets.

    >>> uses_bounds("postgis", 6200), uses_bounds("postgis", 62), uses_bounds("files", 6200)
    (True, False, False)
    """
    return store_kind in settings.MAP_BOUNDS_STORES and n_assets > settings.MAP_BOUNDS_MIN_ASSETS


def padded(box: BBox, share: float) -> BBox:
    """``box`` grown by ``share`` of its width and height on each side, rounded outward to 0.1 degree, within the globe.

    >>> padded((36.5, 38.0, 70.0, 51.5), 0.25)
    (28.1, 34.6, 78.4, 54.9)
    """
    west, south, east, north = box
    dx, dy = (east - west) * share, (north - south) * share
    return (max(-180.0, math.floor((west - dx) * 10) / 10), max(-90.0, math.floor((south - dy) * 10) / 10),
            min(180.0, math.ceil((east + dx) * 10) / 10), min(90.0, math.ceil((north + dy) * 10) / 10))


def covers(outer: BBox, inner: BBox) -> bool:
    """Whether ``outer`` holds all of ``inner``.

    >>> covers((28.1, 34.6, 78.4, 54.9), (40.0, 40.0, 50.0, 45.0)), covers((28.1, 34.6, 78.4, 54.9), (20.0, 40.0, 50.0, 45.0))
    (True, False)
    """
    return outer[0] <= inner[0] and outer[1] <= inner[1] and inner[2] <= outer[2] and inner[3] <= outer[3]


def reported_bounds(value: Any) -> BBox | None:
    """The ``bounds`` the map's page sent back (west, south, east, north), clamped to the globe; ``None`` if absent or not a box.

    The value comes from the browser: anything but four finite numbers with west < east and south < north is ignored.

    >>> reported_bounds({"bounds": [-200, 40.5, 55, 45]}), reported_bounds({"bounds": [55, 40, 50, 45]}), reported_bounds(None)
    ((-180.0, 40.5, 55.0, 45.0), None, None)
    """
    raw = value.get("bounds") if isinstance(value, dict) else None
    if not isinstance(raw, list | tuple) or len(raw) != 4:
        return None
    if not all(isinstance(v, int | float) and not isinstance(v, bool) and math.isfinite(v) for v in raw):
        return None
    west, east = max(-180.0, float(raw[0])), min(180.0, float(raw[2]))
    south, north = max(-90.0, float(raw[1])), min(90.0, float(raw[3]))
    return (west, south, east, north) if west < east and south < north else None


def area(box: BBox) -> float:
    """The box's area in square degrees (only compared with other boxes' areas: a measure of zoom, not of ground)."""
    return (box[2] - box[0]) * (box[3] - box[1])


def drawn_box(current: BBox | None, reported: BBox | None, default: BBox, *, share: float, first_share: float | None = None,
              shrink: float = 4.0) -> BBox:
    """The box whose assets the map draws: the one drawn now while the reported view stays inside it, else the view padded.

    With nothing drawn yet it is the default frame padded by ``first_share`` (default ``share``): the first draw needs
    no round trip to the page, and the map fitted to the frame at a whole zoom level shows up to twice the frame in
    each direction, which a ``first_share`` of 0.5 covers. A view zoomed in so far that the box drawn is more than
    ``shrink`` times its padded area (two zoom levels: 16 times) gets a box of its own, so a close view draws only
    what is near it.

    >>> drawn_box(None, None, (36.5, 38.0, 70.0, 51.5), share=0.25)
    (28.1, 34.6, 78.4, 54.9)
    >>> drawn_box(None, None, (36.5, 38.0, 70.0, 51.5), share=0.25, first_share=0.5)
    (19.7, 31.2, 86.8, 58.3)

    A pan that stays inside the box keeps it; one that leaves it gets the new view padded (4 x 3 degrees: 1 and 0.75 more
    on each side, rounded outward):

    >>> drawn_box((48.5, 41.2, 54.5, 45.8), (49.5, 42.0, 53.5, 45.0), (36.5, 38.0, 70.0, 51.5), share=0.25)
    (48.5, 41.2, 54.5, 45.8)
    >>> drawn_box((48.5, 41.2, 54.5, 45.8), (44.0, 42.0, 48.0, 45.0), (36.5, 38.0, 70.0, 51.5), share=0.25)
    (43.0, 41.2, 49.0, 45.8)

    Zoomed in from the default frame (50.3 x 20.3 degrees, 1021 square degrees) to a 4 x 3 view (padded 6 x 4.6, 27.6):
    37 times smaller, so it is queried on its own:

    >>> drawn_box((28.1, 34.6, 78.4, 54.9), (49.5, 42.0, 53.5, 45.0), (36.5, 38.0, 70.0, 51.5), share=0.25)
    (48.5, 41.2, 54.5, 45.8)
    """
    box = current if current is not None else padded(default, share if first_share is None else first_share)
    if reported is None:
        return box
    wanted = padded(reported, share)
    if covers(box, reported) and area(box) <= shrink * area(wanted):
        return box
    return wanted


def split_layers(layers: MapLayers) -> dict[str, list[tuple[str, str]]]:
    """Each layer's features as (asset id, feature JSON), made once per data version so that a box's layers are a join."""
    return {name: [(f["properties"]["i"], script_json(f)) for f in json.loads(text)["features"]] for name, text in layers.layers.items()}


def layers_in(split: dict[str, list[tuple[str, str]]], full: MapLayers, ids: Collection[str]) -> MapLayers:
    """The map layers of the assets ``ids`` alone, from :func:`split_layers` of ``full`` (whose lookups they share).

    Joining features that are each :func:`~geo.views.safehtml.script_json` keeps the text safe in a ``<script>``:
    the glue adds no ``<``, ``>``, ``&`` or ``{{``.
    """
    keep = set(ids)
    layers = {}
    for name, features in split.items():
        parts = [text for asset_id, text in features if asset_id in keep]
        if parts:
            layers[name] = '{"type":"FeatureCollection","features":[' + ",".join(parts) + "]}"
    return MapLayers(layers=layers, lookups=full.lookups, bounds=full.bounds)
