"""Record schemas of the route network (``network.yaml``) and the scenario presets (``scenarios.yaml``).

Each model validates one record. Checks across files (known nodes, assets, sources,
flows) live in :mod:`geo.routes.checks`; :mod:`geo.routes.network` turns a validated spec into a
solvable network for one commodity and year.

Every number in ``network.yaml`` carries its provenance: a source id from
``sources.yaml``, or ``assumption: true`` with a note saying what was assumed.
"""

from __future__ import annotations

from typing import Annotated, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, model_validator

from geo.data.schema import CountryCode, Slug, Year

Commodity = Literal["oil", "gas"]
#: Roles of a node in the network.
NodeKind = Literal["supply", "junction", "port", "terminal", "market"]
NODE_KINDS: tuple[NodeKind, ...] = get_args(NodeKind)
#: Nodes whose asset must have a capacity (or the node an explicit one).
LOADING_KINDS = frozenset({"port", "terminal"})
#: How an edge carries its volume. Edges without an asset are feeders or deliveries.
Mode = Literal["pipeline", "shipping_lane", "rail", "feeder", "delivery"]
MODES: tuple[Mode, ...] = get_args(Mode)
#: Asset flags a preset may switch off by.
Flag = Literal["crosses_russia", "ends_at_russian_port"]
FLAGS: tuple[Flag, ...] = get_args(Flag)
NonNegative = Annotated[float, Field(ge=0, allow_inf_nan=False)]


class _Spec(BaseModel):
    """Base of the network records: unknown keys are errors, records are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class Figure(_Spec):
    """Where a number comes from: a source id, or a documented assumption (or both)."""

    source: str | None = None
    assumption: bool = False
    note: str | None = None
    #: The range the figure may take (published, or judged), for sensitivity runs; default +-20 % for assumptions.
    range: tuple[NonNegative, NonNegative] | None = None

    @model_validator(mode="after")
    def _provenance(self) -> Figure:
        if self.source is None and not self.assumption:
            msg = "source: give a source id from sources.yaml, or assumption: true with a note"
            raise ValueError(msg)
        if self.assumption and not (self.note and self.note.strip()):
            msg = "note: an assumption needs a note saying what was assumed and why"
            raise ValueError(msg)
        if self.range is not None and self.range[0] > self.range[1]:
            msg = "range: give [low, high] with low <= high"
            raise ValueError(msg)
        return self

    @property
    def basis(self) -> str:
        """The provenance as one line of text (for results and reports)."""
        if self.assumption:
            return f"assumption: {self.note}" + (f" [{self.source}]" if self.source else "")
        return f"source: {self.source}"


class Capacity(Figure):
    """A capacity in the network's unit (Mt/y or bcm/y) for some or all years."""

    value: NonNegative | None = None
    unbounded: bool = False
    #: The years this entry applies to; without years it applies to every year.
    years: list[Year] | None = None
    #: The year from which the entry applies (a time series: the latest entry not after the year wins).
    from_year: Year | None = None

    @model_validator(mode="after")
    def _one_kind(self) -> Capacity:
        if (self.value is None) == (not self.unbounded):
            msg = "value: give either a value or unbounded: true"
            raise ValueError(msg)
        if self.years and self.from_year is not None:
            msg = "from_year: give either years or from_year, not both"
            raise ValueError(msg)
        if self.unbounded and not self.note:
            msg = "note: an unbounded capacity needs a note saying what limits the flow instead"
            raise ValueError(msg)
        return self


class NodeSpec(_Spec):
    """A place in the network: supply region, junction, port or terminal, or market."""

    id: Slug
    commodity: Commodity
    kind: NodeKind
    label: str = Field(min_length=1)
    asset: Slug | None = None
    #: The country of a market (for the share by destination and the diversification index).
    country: CountryCode | None = None
    capacity: list[Capacity] = Field(default_factory=list)
    planned: Capacity | None = None
    #: A market that receives raw gas (or crude) for processing, not as an export (Karachaganak gas to Orenburg).
    processing: bool = False
    note: str | None = None

    @model_validator(mode="after")
    def _market_country(self) -> NodeSpec:
        if self.kind == "market" and self.country is None:
            msg = "country: a market needs the country it lies in"
            raise ValueError(msg)
        if self.processing and self.kind != "market":
            msg = "processing: only a market can receive volumes for processing"
            raise ValueError(msg)
        return self


class EdgeSpec(_Spec):
    """A directed leg between two nodes: a pipeline segment, a tanker or rail leg, a feeder."""

    id: Slug
    commodity: Commodity
    from_: Slug = Field(alias="from")
    to: Slug
    asset: Slug | None = None
    mode: Mode | None = None
    #: The countries this segment crosses, when it is only part of a multi-country asset.
    countries: list[CountryCode] | None = None
    capacity: list[Capacity] = Field(default_factory=list)
    planned: Capacity | None = None
    #: Length of this segment when it is only part of its asset (default: the asset's geodesic length).
    length_km: NonNegative | None = None
    #: Preference cost per unit moved (default: the mode's cost per 1000 km times the length).
    cost: NonNegative | None = None
    note: str | None = None

    @model_validator(mode="after")
    def _shape(self) -> EdgeSpec:
        if self.from_ == self.to:
            msg = "to: an edge cannot start and end at the same node"
            raise ValueError(msg)
        if self.asset is None and self.mode not in ("feeder", "delivery"):
            msg = "mode: an edge without an asset must be a 'feeder' or a 'delivery'"
            raise ValueError(msg)
        return self


class RouteSpec(_Spec):
    """A named export route: a chain of edges reported as one volume (ids match ``flows.csv``)."""

    id: Slug
    commodity: Commodity
    name: str = Field(min_length=1)
    edges: list[Slug] = Field(min_length=1)
    #: The edge whose flow is the route's volume (default: the first edge).
    measure: Slug | None = None
    note: str | None = None

    @model_validator(mode="after")
    def _measure_on_route(self) -> RouteSpec:
        if self.measure is not None and self.measure not in self.edges:
            msg = f"measure: {self.measure!r} is not one of the route's edges"
            raise ValueError(msg)
        return self

    @property
    def measured_edge(self) -> str:
        """The edge whose flow is the route's volume."""
        return self.measure or self.edges[0]


class Observation(Figure):
    """A volume for one year."""

    year: Year
    value: NonNegative


class TargetSpec(Observation):
    """A baseline volume for a route where ``flows.csv`` has no primary export row."""

    commodity: Commodity
    route: Slug
    #: Weight of the relative deviation in the baseline fit (observed rows weigh 1).
    weight: float = Field(default=1.0, gt=0, allow_inf_nan=False)


class FlowRef(_Spec):
    """Which primary ``transit`` rows of ``flows.csv`` give a fixed flow's volume."""

    route: str = Field(min_length=1)
    origin: str = Field(min_length=1)


class FixedFlowSpec(_Spec):
    """A flow that is not Kazakh export but uses network capacity (transit, domestic supply)."""

    id: Slug
    commodity: Commodity
    kind: Literal["transit", "domestic"]
    label: str = Field(min_length=1)
    edges: list[Slug] = Field(min_length=1)
    flows: FlowRef | None = None
    #: Volumes for years that ``flows.csv`` does not cover.
    volumes: list[Observation] = Field(default_factory=list)
    note: str | None = None


class TariffSpec(_Spec):
    """The published transport tariff of one route, or a note that none is published."""

    route: Slug
    commodity: Commodity
    #: US dollars per tonne as published (or converted at the rate the same source states).
    usd_per_t: NonNegative | None = None
    year: Year | None = None
    source: str | None = None
    #: What the figure covers, or why there is none.
    note: str = Field(min_length=1)

    @model_validator(mode="after")
    def _sourced(self) -> TariffSpec:
        if self.usd_per_t is not None and (self.year is None or self.source is None):
            msg = "source: a tariff needs the year and source it was published for"
            raise ValueError(msg)
        return self


class NoteSpec(_Spec):
    """A stated explanation shown with every result of its commodity (and years): why a total differs, what is missing."""

    id: Slug
    commodity: Commodity
    #: The years the note applies to; without years, every year.
    years: list[Year] | None = None
    text: str = Field(min_length=1)
    #: Source ids from ``sources.yaml`` for the figures the note states (none for a note that a figure was not found).
    sources: list[str] = Field(default_factory=list)


class NetworkSpec(_Spec):
    """The whole of ``network.yaml``."""

    origin: CountryCode
    years: list[Year] = Field(min_length=1)
    #: Preference cost by mode: per unit and 1000 km for lines, per unit for feeders and deliveries.
    #: Spare capacity is used in the order of these costs.
    costs: dict[Mode, NonNegative]
    nodes: list[NodeSpec] = Field(default_factory=list)
    edges: list[EdgeSpec] = Field(default_factory=list)
    routes: list[RouteSpec] = Field(default_factory=list)
    targets: list[TargetSpec] = Field(default_factory=list)
    fixed_flows: list[FixedFlowSpec] = Field(default_factory=list)
    tariffs: list[TariffSpec] = Field(default_factory=list)
    notes: list[NoteSpec] = Field(default_factory=list)

    @model_validator(mode="after")
    def _every_mode_costed(self) -> NetworkSpec:
        missing = [m for m in MODES if m not in self.costs]
        if missing:
            msg = f"costs: give a cost for every mode; missing {missing}"
            raise ValueError(msg)
        return self


class Commitment(Figure):
    """A committed volume: a contract or announced target the scenario meets before the baseline routing."""

    #: A route id of ``network.yaml`` (its measured edge carries the commitment) or an edge id.
    route: Slug
    value: NonNegative


class PresetSpec(_Spec):
    """A named scenario of ``scenarios.yaml``."""

    id: Slug
    title: str = Field(min_length=1)
    description: str = Field(min_length=1)
    #: The network the preset is written for (it may still be applied to the other).
    commodity: Commodity | None = None
    #: Assets (or network edges) switched off. (Not ``off``: YAML 1.1 reads that key as ``false``.)
    switch_off: list[Slug] = Field(default_factory=list)
    #: Switch off every asset with one of these flags set in ``assets.geojson``.
    switch_off_if: list[Flag] = Field(default_factory=list)
    capacity: dict[Slug, NonNegative] = Field(default_factory=dict)
    scale: dict[Slug, NonNegative] = Field(default_factory=dict)
    use_planned: list[Slug] = Field(default_factory=list)
    #: Committed volumes, applied only in the committed-volumes mode (``run(..., committed=True)``).
    commit: list[Commitment] = Field(default_factory=list)
    sources: list[str] = Field(min_length=1)
    note: str | None = None

    @model_validator(mode="after")
    def _changes_something(self) -> PresetSpec:
        if not (self.switch_off or self.switch_off_if or self.capacity or self.scale or self.use_planned):
            msg = "switch_off: a preset must switch off, resize or expand at least one asset"
            raise ValueError(msg)
        return self


#: The record lists of ``network.yaml`` and their models.
NETWORK_SECTIONS: dict[str, type[BaseModel]] = {
    "nodes": NodeSpec,
    "edges": EdgeSpec,
    "routes": RouteSpec,
    "targets": TargetSpec,
    "fixed_flows": FixedFlowSpec,
    "tariffs": TariffSpec,
    "notes": NoteSpec,
}
