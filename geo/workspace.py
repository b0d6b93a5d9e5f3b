"""The composition root: the validated tables of one data version, loaded once.

The command line, the dashboard and the briefings all start from a :class:`Workspace`
instead of reading files themselves::

    ws = Workspace.open()                      # paths resolved here, at call time
    baseline, result = ws.solve(2023, "oil", preset="cpc-halted")
    ws.matcher()                               # the extractor's name matcher, built once

:func:`Paths.resolve` is the one place where the data and corpus folders are decided
(arguments first, then ``GEO_DATA_DIR`` / ``GEO_SEEDS_DIR``, then the project's folders).
:meth:`Paths.version` stamps the files, so a cache keyed on it follows hand edits.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from geo import settings
from geo.claims.extract import default_matcher
from geo.claims.matcher import Matcher
from geo.data import corpus as corpus_io
from geo.data import load
from geo.data.filestore import file_stamp
from geo.data.schema import LINE_KINDS
from geo.routes import scenario as scenarios
from geo.routes.network import Network, build_network
from geo.store.base import Store, open_store, store_url

if TYPE_CHECKING:
    import geopandas as gpd
    import pandas as pd

    from geo.data.network_schema import NetworkSpec, PresetSpec
    from geo.data.schema import RouteGroup


@dataclass(frozen=True)
class Paths:
    """Where the dataset and the article corpus live."""

    data_dir: Path
    corpus_dir: Path

    @classmethod
    def resolve(cls, data_dir: Path | str | None = None, corpus_dir: Path | str | None = None) -> Paths:
        """Arguments first, then ``GEO_DATA_DIR`` / ``GEO_SEEDS_DIR``, then the project's ``data/`` and ``seeds/``."""
        data = data_dir or os.environ.get("GEO_DATA_DIR") or settings.ROOT / "data"
        seeds = corpus_dir or os.environ.get("GEO_SEEDS_DIR") or settings.ROOT / "seeds"
        return cls(Path(data), Path(seeds))

    def version(self) -> tuple[tuple[str, int, int], ...]:
        """A stamp of every data file and the corpus index (name, size, modification time in ns), and of the team store if set."""
        files = sorted(p for p in self.data_dir.iterdir() if p.is_file())
        stamp = file_stamp([*files, self.corpus_dir])  # the corpus folder's mtime changes when an article is added
        if store_url() is not None:  # the team store: its own stamp as well (a review or an ingest changes it)
            stamp += open_store(self.data_dir, self.corpus_dir).version()
        return stamp


@dataclass
class Workspace:
    """The validated tables of one data version and what is derived from them once.

    Tables are read when first used and never mutated; callers copy before changing them.
    """

    paths: Paths
    _networks: dict[tuple[int, str], Network] = field(default_factory=dict, repr=False)

    @classmethod
    def open(cls, data_dir: Path | str | None = None, corpus_dir: Path | str | None = None) -> Workspace:
        """A workspace on the resolved folders (see :meth:`Paths.resolve`)."""
        return cls(Paths.resolve(data_dir, corpus_dir))

    # -- tables ----------------------------------------------------------------------------
    @cached_property
    def store(self) -> Store:
        """Where assets, flows, sources and the corpus come from: the files, or the team store ``GEO_STORE`` names."""
        return open_store(self.paths.data_dir, self.paths.corpus_dir)

    @cached_property
    def assets(self) -> gpd.GeoDataFrame:
        """Every asset, indexed by id."""
        return self.store.assets()

    @cached_property
    def flows(self) -> pd.DataFrame:
        """Annual volumes by route (``flows.csv``)."""
        return self.store.flows()

    @cached_property
    def sources(self) -> pd.DataFrame:
        """The bibliography (``sources.yaml``)."""
        return self.store.sources()

    @cached_property
    def waypoints(self) -> pd.DataFrame:
        """The places each line passes (``waypoints.csv``)."""
        return load.load_waypoints(self.paths.data_dir)

    @cached_property
    def route_groups(self) -> list[RouteGroup]:
        """Named groups of assets (``routes.yaml``)."""
        return load.load_route_groups(self.paths.data_dir)

    @cached_property
    def network_spec(self) -> NetworkSpec:
        """The topology of the oil and gas networks (``network.yaml``)."""
        return load.load_network(self.paths.data_dir)

    @cached_property
    def presets(self) -> list[PresetSpec]:
        """The scenario presets (``scenarios.yaml``)."""
        return load.load_scenarios(self.paths.data_dir)

    @cached_property
    def corpus(self) -> corpus_io.Corpus:
        """Articles, their texts and the curated claims, checked against the asset ids."""
        return self.store.corpus(asset_ids=set(self.assets.index))

    def network_lines(self, commodity: str) -> tuple[str, ...]:
        """The line assets the scenario network of a commodity uses (worth a toggle or a slider)."""
        lines = set(self.assets.index[self.assets["kind"].isin(LINE_KINDS)])
        return tuple(dict.fromkeys(e.asset for e in self.network_spec.edges
                                   if e.commodity == commodity and e.asset is not None and e.asset in lines))

    # -- analysis --------------------------------------------------------------------------
    def network(self, year: int, commodity: str) -> Network:
        """The route network of a year and commodity, built once per workspace."""
        key = (year, commodity)
        if key not in self._networks:
            self._networks[key] = build_network(self.assets, self.flows, self.network_spec, year=year, commodity=commodity)
        return self._networks[key]

    def preset_table(self) -> dict[str, dict[str, Any]]:
        """The presets as plain data keyed by id (title, description, sources, changes)."""
        return {p.id: p.model_dump() for p in self.presets}

    def scenario(
        self,
        year: int,
        commodity: str,
        *,
        preset: str | None = None,
        off: Iterable[str] = (),
        capacity: Mapping[str, float] | None = None,
        committed: bool = False,
    ) -> tuple[Network, scenarios.Scenario]:
        """The network of a year and the scenario a preset plus changes describe on it (for sensitivity runs)."""
        network = self.network(year, commodity)
        return network, scenarios.scenario_for(network, self.presets, preset=preset, off=off, capacity=capacity, committed=committed)

    def solve(
        self,
        year: int,
        commodity: str,
        *,
        preset: str | None = None,
        off: Iterable[str] = (),
        capacity: Mapping[str, float] | None = None,
        scale: Mapping[str, float] | None = None,
        use_planned: Iterable[str] = (),
        committed: bool = False,
    ) -> tuple[scenarios.Result, scenarios.Result]:
        """Baseline and scenario results (see :func:`geo.routes.scenario.run_network`)."""
        return scenarios.run_network(self.network(year, commodity), self.presets, preset=preset, off=off,
                                     capacity=capacity, scale=scale, use_planned=use_planned, committed=committed)

    def matcher(self) -> Matcher:
        """The extractor's name index of this data folder (built once per process and data version)."""
        return default_matcher(self.paths.data_dir)
