"""Errors raised by the package: one precise message per problem in the data."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal


@dataclass(frozen=True)
class Problem:
    """One problem found in a data file.

    Parameters
    ----------
    file
        Path of the file, relative to the data folder where possible.
    record
        The record (feature id, row number, list index) or ``None`` for the whole file.
    field
        The field that is wrong, or ``None``.
    message
        What was found and what was expected.
    severity
        ``"error"`` stops loading; ``"warning"`` is reported but the data still loads.
    """

    file: str
    record: str | None
    field: str | None
    message: str
    severity: Literal["error", "warning"] = "error"

    def __str__(self) -> str:
        where = self.file
        if self.record is not None:
            where += f": record {self.record}"
        if self.field is not None:
            where += f": field '{self.field}'"
        return f"{where}: {self.message}"


class GeoError(Exception):
    """Base class of the package's errors."""


class DataError(GeoError):
    """The data on disk is missing, unreadable or invalid.

    Holds every problem found, so one run reports them all.
    """

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


class UnknownIdError(GeoError):
    """A command asked for an asset, preset or claim id that does not exist."""


class IngestError(GeoError):
    """An article could not be added to the corpus; nothing was written."""


def field_message(loc: tuple[Any, ...], message: str) -> str:
    """One pydantic error as "field: message" (the field named once, pydantic's "Value error, " prefix dropped)."""
    name, message = ".".join(map(str, loc)), message.removeprefix("Value error, ")
    return message if message.startswith(f"{name} ") else f"{name}: {message}"
