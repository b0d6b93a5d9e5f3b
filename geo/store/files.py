"""The embedded default store: the data folder's files, read by :mod:`geo.data.load`."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from geo.data import load
from geo.data.corpus import Corpus, load_corpus
from geo.data.filestore import file_stamp
from geo.data.geodesy import distances_to_line_km, haversine_km
from geo.errors import UnknownIdError
from geo.store.base import BBox, Store


@dataclass
class FileStore(Store):
    """The files of one data folder and corpus folder."""

    data_dir: Path
    corpus_dir: Path
    kind: str = "files"
    #: The tables the spatial queries last read, with the files' stamp then: a query reads the files again only after
    #: they change (at 100x, parsing ``assets.geojson`` takes seconds; the query itself milliseconds).
    _read: dict[str, tuple[Any, Any]] = field(default_factory=dict, init=False, repr=False, compare=False)

    def version(self) -> tuple[tuple[str, int, int], ...]:
        """Name, size and modification time of every data file and of the corpus folder."""
        return file_stamp([*sorted(p for p in Path(self.data_dir).iterdir() if p.is_file()), Path(self.corpus_dir)])

    def assets(self) -> gpd.GeoDataFrame:
        """``assets.geojson``."""
        return load.load_assets(self.data_dir)

    def flows(self) -> pd.DataFrame:
        """``flows.csv``."""
        return load.load_flows(self.data_dir)

    def sources(self) -> pd.DataFrame:
        """``sources.yaml``."""
        return load.load_sources(self.data_dir)

    def corpus(self, asset_ids: set[str] | None = None) -> Corpus:
        """``articles.yaml``, the texts and ``claims.yaml``."""
        return load_corpus(self.data_dir, self.corpus_dir, asset_ids=asset_ids)

    def assets_in_bbox(self, bbox: BBox) -> list[str]:
        """Assets meeting the box, through the GeoDataFrame's spatial index."""
        return assets_in_bbox(self._current("assets", self.assets), bbox)

    def claims_near(self, asset_id: str, km: float) -> list[str]:
        """Accepted claims (all claims in the files) linked to an asset within ``km`` of ``asset_id``."""
        near = set(assets_near(self._current("assets", self.assets), asset_id, km))
        return sorted(c.id for c in self._current("corpus", self.corpus).claims if any(a.id in near for a in c.assets))

    def _current(self, name: str, read: Any) -> Any:
        """``read()`` as of the files now: kept (read-only) until their stamp changes."""
        stamp = self.version()
        kept = self._read.get(name)
        if kept is None or kept[0] != stamp:
            kept = self._read[name] = (stamp, read())
        return kept[1]


def assets_in_bbox(assets: gpd.GeoDataFrame, bbox: BBox) -> list[str]:
    """Ids of the assets whose geometry meets the box (the in-memory counterpart of ``&&`` + ``ST_Intersects``)."""
    hits = assets.sindex.query(shapely.box(*bbox), predicate="intersects")
    return sorted(assets["id"].iloc[hits])


def distance_km(a: shapely.Geometry, b: shapely.Geometry) -> float:
    """Great-circle distance in km between two lon/lat geometries (lines densified to ~2 km; error < 1.5 km)."""
    if b.geom_type == "Point":
        a, b = b, a
    if a.geom_type == "Point":
        if b.geom_type == "Point":
            return float(haversine_km(a.x, a.y, b.x, b.y))
        return float(distances_to_line_km(b, np.array([a.x]), np.array([a.y]))[0])
    coords = shapely.get_coordinates(shapely.segmentize(a, 0.02))
    return float(distances_to_line_km(b, coords[:, 0], coords[:, 1]).min())


def assets_near(assets: gpd.GeoDataFrame, asset_id: str, km: float) -> list[str]:
    """Ids of the assets within ``km`` of asset ``asset_id`` (itself included)."""
    if asset_id not in assets.index:
        msg = f"unknown asset id {asset_id!r}"
        raise UnknownIdError(msg)
    ref = assets.geometry[asset_id]
    return sorted(aid for aid, geom in zip(assets["id"], assets.geometry, strict=True) if distance_km(ref, geom) <= km)
