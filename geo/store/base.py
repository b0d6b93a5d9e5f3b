"""One interface, two back ends: the files (default) and PostgreSQL + PostGIS (``GEO_STORE``).

:func:`open_store` reads ``GEO_STORE``: unset or empty means the data folder's files; a
``postgresql://`` URL means the team store. Both return validated tables (the same pydantic
records check both; a problem names the file or table, the record and the field) and answer
the spatial questions the dashboard asks.
"""

from __future__ import annotations

import os
from abc import ABC, abstractmethod
from pathlib import Path
from typing import TYPE_CHECKING

from geo.errors import GeoError

if TYPE_CHECKING:
    import geopandas as gpd
    import pandas as pd

    from geo.data.corpus import Corpus

#: The environment variable that selects the store.
ENV = "GEO_STORE"

BBox = tuple[float, float, float, float]


class Store(ABC):
    """What the workspace and the dashboard read from a store."""

    #: ``"files"`` or ``"postgis"``.
    kind: str

    @abstractmethod
    def version(self) -> tuple[tuple[str, int, int], ...]:
        """A stamp that changes whenever the stored data changes (a cache key, like :meth:`geo.workspace.Paths.version`)."""

    @abstractmethod
    def assets(self) -> gpd.GeoDataFrame:
        """Every asset (EPSG:4326), indexed by id; raise :class:`~geo.errors.DataError` if any record is invalid."""

    @abstractmethod
    def flows(self) -> pd.DataFrame:
        """The annual volumes by route."""

    @abstractmethod
    def sources(self) -> pd.DataFrame:
        """The bibliography, indexed by source id."""

    @abstractmethod
    def corpus(self, asset_ids: set[str] | None = None) -> Corpus:
        """Articles, their texts and the accepted claims, checked against ``asset_ids``."""

    @abstractmethod
    def assets_in_bbox(self, bbox: BBox) -> list[str]:
        """Ids of the assets whose geometry meets the box (west, south, east, north in degrees), sorted."""

    @abstractmethod
    def claims_near(self, asset_id: str, km: float) -> list[str]:
        """Ids of the accepted claims linked to an asset within ``km`` of asset ``asset_id`` (a port, a route), sorted."""


def store_url(env: dict[str, str] | None = None) -> str | None:
    """The configured database URL, or ``None`` for the files."""
    value = (os.environ if env is None else env).get(ENV, "").strip()
    return value or None


def open_store(data_dir: Path, corpus_dir: Path, url: str | None = None) -> Store:
    """The store ``url`` (default: ``GEO_STORE``) names: the files of ``data_dir`` when none is set."""
    url = url if url is not None else store_url()
    if url is None:
        from geo.store.files import FileStore

        return FileStore(data_dir, corpus_dir)
    if not url.startswith(("postgresql://", "postgresql+psycopg://", "postgres://")):
        msg = f"{ENV}={url.split('@')[-1]!r}: expected a postgresql:// URL (or nothing, for the data folder's files)"
        raise GeoError(msg)
    from geo.store.postgis import PostgisStore

    return PostgisStore.connect(url)
