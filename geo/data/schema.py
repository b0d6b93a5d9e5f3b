"""Record schemas of the data files (pydantic models) and unit conversions.

Each model validates one record: a GeoJSON feature's properties, a CSV row, a YAML entry.
Cross-record checks (references, geometry, lengths) live in :mod:`geo.validate`.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from typing import Annotated, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator, model_validator

Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", max_length=80)]
CountryCode = Annotated[str, StringConstraints(pattern=r"^[A-Z]{2}$")]
Year = Annotated[int, Field(ge=1900, le=2100)]

AssetKind = Literal["pipeline", "shipping_lane", "rail", "field", "terminal", "port", "refinery", "junction", "border_crossing"]
KINDS: tuple[AssetKind, ...] = get_args(AssetKind)
LINE_KINDS = frozenset({"pipeline", "shipping_lane", "rail"})
Status = Literal["operating", "idle", "construction", "proposed", "cancelled"]
STATUSES: tuple[Status, ...] = get_args(Status)
AssetCommodity = Literal["oil", "gas", "oil+gas"]
COMMODITIES: tuple[AssetCommodity, ...] = get_args(AssetCommodity)
RouteAccuracy = Literal["waypoints", "regional", "schematic", "site"]
ACCURACIES: tuple[RouteAccuracy, ...] = get_args(RouteAccuracy)
#: How well one section of a drawn line is known: ``surveyed`` (from a published survey
#: or operator map with coordinates), ``traced`` (through stations, km posts or towns the
#: evidence names), ``approximate`` (course between named places inferred, not shown).
SectionAccuracy = Literal["surveyed", "traced", "approximate"]
SECTION_ACCURACIES: tuple[SectionAccuracy, ...] = get_args(SectionAccuracy)

#: Normalised unit per commodity: capacities and volumes are compared in these.
NORM_UNIT = {"oil": "Mt/y", "gas": "bcm/y"}

#: Factor from a stated unit to the normalised unit (oil: Mt/y, gas: bcm/y).
#: bbl/d uses 7.33 barrels per tonne (a typical light crude); the tolerance of the
#: consistency check allows for other grades.
UNIT_FACTORS: dict[str, tuple[str, float]] = {
    "Mt/y": ("oil", 1.0),
    "t/y": ("oil", 1e-6),
    "kt/y": ("oil", 1e-3),
    "bbl/d": ("oil", 365.0 / 7.33 / 1e6),
    "kbbl/d": ("oil", 365.0 / 7.33 / 1e3),
    "bcm/y": ("gas", 1.0),
    "mcm/y": ("gas", 1e-3),
    "mcm/d": ("gas", 365.0 / 1e3),
}
UNIT_TOLERANCE = 0.10


def normalise(value: float, unit: str) -> tuple[float, str]:
    """Convert a stated value to the normalised unit of its commodity.

    Examples
    --------
    >>> normalise(1_500_000, "bbl/d")[1]
    'Mt/y'
    >>> round(normalise(1_500_000, "bbl/d")[0], 1)
    74.7
    >>> normalise(10, "bcm/y")
    (10.0, 'bcm/y')
    """
    commodity, factor = UNIT_FACTORS[unit]
    return float(value) * factor, NORM_UNIT[commodity]


def check_date(value: str | None, name: str) -> str | None:
    """Return ``value`` if it is a real calendar date written YYYY, YYYY-MM or YYYY-MM-DD.

    Examples
    --------
    >>> check_date("2024-02-29", "published")
    '2024-02-29'
    >>> check_date("2024-13", "published")
    Traceback (most recent call last):
    ...
    ValueError: published '2024-13' has month 13; months are 01 to 12
    >>> check_date("2023-02-29", "published")
    Traceback (most recent call last):
    ...
    ValueError: published '2023-02-29' is not a calendar date (day is out of range for month)
    """
    if value is None:
        return None
    match = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", value)
    if match is None:
        msg = f"{name} {value!r} must be YYYY, YYYY-MM or YYYY-MM-DD"
        raise ValueError(msg)
    year, month, day = int(match[1]), int(match[2] or 1), int(match[3] or 1)
    if not 1 <= month <= 12:
        msg = f"{name} {value!r} has month {month}; months are 01 to 12"
        raise ValueError(msg)
    try:
        dt.date(year, month, day)
    except ValueError as exc:
        msg = f"{name} {value!r} is not a calendar date ({exc})"
        raise ValueError(msg) from None
    return value


class _Record(BaseModel):
    """Base of all records; a whole-record check names its field as ``"field: message"``."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Owner(_Record):
    """A shareholder of an asset."""

    name: str = Field(min_length=1)
    share_pct: float | None = Field(default=None, ge=0, le=100)


class Section(_Record):
    """A stretch of a drawn line between two waypoints, with how well its course is known."""

    start_km: float = Field(ge=0)
    end_km: float = Field(ge=0)
    via: str = Field(min_length=1)
    accuracy: SectionAccuracy


class AssetProps(_Record):
    """Properties of one asset feature in ``assets.geojson``."""

    id: Slug
    name: str = Field(min_length=1)
    aliases: list[str] = Field(default_factory=list)
    #: Names that mean this asset only when a connected asset is named beside them
    #: ("Novorossiysk" next to "CPC" is the CPC terminal, otherwise Sheskharis).
    context_aliases: list[str] = Field(default_factory=list)
    kind: AssetKind
    commodity: AssetCommodity
    status: Status
    status_note: str | None = None
    capacity_value: float | None = Field(default=None, gt=0)
    capacity_unit: str | None = None
    capacity_year: Year | None = None
    capacity_norm: float | None = Field(default=None, gt=0)
    capacity_norm_unit: Literal["Mt/y", "bcm/y"] | None = None
    capacity_source: str | None = None
    capacity_note: str | None = None
    planned_capacity_norm: float | None = Field(default=None, gt=0)
    planned_capacity_year: Year | None = None
    planned_capacity_source: str | None = None
    planned_note: str | None = None
    operator: str | None = None
    owners: list[Owner] = Field(default_factory=list)
    owners_year: Year | None = None
    countries: list[CountryCode] = Field(min_length=1)
    crosses_russia: bool
    ends_at_russian_port: bool
    start_year: Year | None = None
    length_km: float | None = Field(default=None, gt=0)
    length_source: str | None = None
    #: Why the drawn line and the reported length may differ (e.g. the figure covers a longer system).
    length_note: str | None = None
    route_accuracy: RouteAccuracy
    #: Sections of a drawn line (km along the drawing), written by ``python -m geo build-lines``.
    sections: list[Section] = Field(default_factory=list)
    sources: list[str] = Field(min_length=1)
    note: str | None = None

    @field_validator("capacity_value", "capacity_norm", "length_km", "planned_capacity_norm")
    @classmethod
    def _finite(cls, v: float | None) -> float | None:
        if v is not None and not math.isfinite(v):
            msg = "must be a finite number"
            raise ValueError(msg)
        return v

    @field_validator("aliases")
    @classmethod
    def _aliases_nonblank(cls, v: list[str]) -> list[str]:
        if any(not a.strip() for a in v):
            msg = "aliases must not be blank"
            raise ValueError(msg)
        return v

    @model_validator(mode="after")
    def _capacity_complete(self) -> AssetProps:
        fields = ("capacity_value", "capacity_unit", "capacity_year", "capacity_norm", "capacity_norm_unit", "capacity_source")
        given = [getattr(self, f) is not None for f in fields]
        if any(given) and not all(given):
            missing = [f for f, g in zip(fields, given, strict=True) if not g]
            msg = f"{missing[0]}: a capacity needs value, unit, year, normalised value and source; missing {missing}"
            raise ValueError(msg)
        # After the all-or-nothing check above, one given field means all are given.
        if self.capacity_unit is not None and self.capacity_value is not None and self.capacity_norm is not None:
            if self.capacity_unit not in UNIT_FACTORS:
                msg = f"capacity_unit: unknown unit {self.capacity_unit!r}; expected one of {sorted(UNIT_FACTORS)}"
                raise ValueError(msg)
            expected, norm_unit = normalise(self.capacity_value, self.capacity_unit)
            if norm_unit != self.capacity_norm_unit:
                msg = f"capacity_norm_unit: {self.capacity_norm_unit!r} does not match capacity_unit {self.capacity_unit!r} (expected {norm_unit!r})"
                raise ValueError(msg)
            if abs(self.capacity_norm - expected) > UNIT_TOLERANCE * expected:
                stated = f"{self.capacity_value} {self.capacity_unit}"
                msg = f"capacity_norm: {self.capacity_norm} {norm_unit} disagrees with {stated} (= {expected:.3g} {norm_unit})"
                raise ValueError(msg)
            if self.commodity != "oil+gas" and NORM_UNIT[self.commodity] != norm_unit:
                msg = f"capacity_unit: a {self.commodity} asset's capacity must be in {NORM_UNIT[self.commodity]} terms, not {norm_unit}"
                raise ValueError(msg)
        if self.planned_capacity_norm is not None and (self.planned_capacity_year is None or self.planned_capacity_source is None):
            msg = "planned_capacity_norm: a planned capacity needs planned_capacity_year and planned_capacity_source"
            raise ValueError(msg)
        if self.length_km is not None and self.length_source is None:
            msg = "length_source: length_km needs a length_source"
            raise ValueError(msg)
        return self


class Source(_Record):
    """One entry of the bibliography ``sources.yaml``."""

    id: Slug
    publisher: str = Field(min_length=1)
    title: str = Field(min_length=1)
    date: str | None = None
    url: str | None = None
    licence: str | None = None
    note: str | None = None

    @field_validator("date", mode="before")
    @classmethod
    def _date_text(cls, v: object) -> object:
        # YAML reads 2024-03-01 as a date and 2024 as an int: keep the text as written.
        return None if v is None else str(v)

    @field_validator("date")
    @classmethod
    def _date_form(cls, v: str | None) -> str | None:
        return check_date(v, "date")

    @field_validator("url")
    @classmethod
    def _url_scheme(cls, v: str | None) -> str | None:
        if v is not None and not v.startswith(("https://", "http://")):
            msg = f"url {v!r} must start with https:// or http://"
            raise ValueError(msg)
        return v


class Waypoint(_Record):
    """A place a line asset passes, with the source of its position (``waypoints.csv``)."""

    asset_id: Slug
    seq: int = Field(ge=1)
    place: str = Field(min_length=1)
    #: ``CC:Name`` of a GeoNames place; ``build-lines`` then sets lat/lon from the gazetteer.
    lookup: Annotated[str, StringConstraints(pattern=r"^[A-Z]{2}:.+$")] | None = None
    lat: float = Field(ge=-90, le=90)
    lon: float = Field(ge=-180, le=180)
    #: Accuracy of the section that ends at this waypoint (empty on the first one).
    accuracy: SectionAccuracy | None = None
    source: str = Field(min_length=1)
    note: str | None = None


class Flow(_Record):
    """An annual volume on a route (``flows.csv``)."""

    year: Year
    commodity: Literal["oil", "gas"]
    flow_type: Literal["export", "transit", "route_total"]
    origin: Annotated[str, StringConstraints(pattern=r"^[A-Z]{2}(\+[A-Z]{2})*$")]
    route: str = Field(min_length=1)
    destination: str | None = None
    volume: float = Field(ge=0)
    unit: str = Field(min_length=1)
    volume_norm: float = Field(ge=0)
    norm_unit: Literal["Mt", "bcm"]
    primary: bool
    source: str = Field(min_length=1)
    note: str | None = None

    @field_validator("volume", "volume_norm")
    @classmethod
    def _finite(cls, v: float) -> float:
        if not math.isfinite(v):
            msg = "must be a finite number"
            raise ValueError(msg)
        return v

    @model_validator(mode="after")
    def _unit_matches(self) -> Flow:
        expected = "Mt" if self.commodity == "oil" else "bcm"
        if self.norm_unit != expected:
            msg = f"norm_unit: a {self.commodity} flow must be in {expected!r}, not {self.norm_unit!r}"
            raise ValueError(msg)
        return self


class RouteGroup(_Record):
    """A named group of assets that sources report volumes for as one route (``routes.yaml``)."""

    id: Slug
    name: str = Field(min_length=1)
    assets: list[Slug] = Field(min_length=1)
    aliases: list[str] = Field(default_factory=list)
    #: A group the extractor links as ``alternative`` when a claim bypasses this one without naming one.
    alternatives: Slug | None = None
    #: Whether every member must avoid Russian territory and ports (checked by validation).
    avoids_russia: bool = False
    note: str | None = None


Language = Literal["de", "en", "ru"]
LANGUAGES: tuple[Language, ...] = get_args(Language)
ClaimType = Literal["rerouting", "dependency", "alignment", "military_symbolic", "opinion"]
CLAIM_TYPES: tuple[ClaimType, ...] = get_args(ClaimType)
Role = Literal["bypassed", "alternative", "subject", "context"]
ROLES: tuple[Role, ...] = get_args(Role)
Verdict = Literal["supported", "partly_supported", "contradicted", "not_verifiable"]
VERDICTS: tuple[Verdict, ...] = get_args(Verdict)
Metric = Literal["share_via_russian_ports", "share_via_russia", "volume_avoiding_russia", "total_export"]
METRICS: tuple[Metric, ...] = get_args(Metric)


class Article(BaseModel):
    """Metadata of one article of the corpus (``articles.yaml``); the text is ``file``."""

    model_config = ConfigDict(extra="allow", frozen=True)

    id: Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9_]{1,64}$")]
    file: str = Field(pattern=r"^seeds/[A-Za-z0-9_]{1,64}\.txt$")
    title: str | None = None
    display_title: str | None = None
    author: str | None = None
    outlet: str | None = None
    published: str | None = None
    language: Language
    url: str | None = None
    cites: list[str] = Field(default_factory=list)
    sha256: str | None = Field(default=None, pattern=r"^[0-9a-f]{64}$")

    @field_validator("published", mode="before")
    @classmethod
    def _published_text(cls, v: object) -> object:
        # An unquoted 2024-03-01 in YAML is a date object: check it as the text it was.
        return v.isoformat() if isinstance(v, dt.date) else v

    @field_validator("published")
    @classmethod
    def _published_form(cls, v: str | None) -> str | None:
        return check_date(v, "published")

    @property
    def label(self) -> str:
        """The title to show: the article's own, else the derived one, else its id."""
        return self.title or self.display_title or self.id


class LinkedAsset(_Record):
    """An asset a claim is about, and the role it plays in the claim."""

    id: Slug
    role: Role


class Evidence(_Record):
    """A figure the tool computes from its flow data to assess a claim."""

    metric: Metric
    commodity: Literal["oil", "gas"]
    year: Year


class Assessment(_Record):
    """How a claim compares with the data."""

    verdict: Verdict
    rationale: str = Field(min_length=1)
    evidence: list[Evidence] = Field(default_factory=list)
    sources: list[str] = Field(default_factory=list)


class Claim(_Record):
    """One claim: a verbatim excerpt of an article, its type, who asserts it, its assets."""

    id: Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", max_length=120)]
    article: str
    excerpt: str = Field(min_length=1)
    start: int = Field(ge=0)
    end: int = Field(gt=0)
    language: Language
    english: str | None = None
    claim_type: ClaimType
    attribution: list[str] = Field(min_length=1)
    assets: list[LinkedAsset] = Field(default_factory=list)
    assessment: Assessment | None = None

    @model_validator(mode="after")
    def _span(self) -> Claim:
        if self.end - self.start != len(self.excerpt):
            msg = f"end: end - start = {self.end - self.start} but the excerpt has {len(self.excerpt)} characters"
            raise ValueError(msg)
        if self.language != "en" and not self.english:
            msg = "english: a non-English excerpt needs its English rendering"
            raise ValueError(msg)
        return self
