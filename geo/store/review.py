"""Safe concurrent review of claims: optimistic locking on a version column, every change audited.

A reviewer reads a claim with its ``version`` and sends the change with that version. The
change is one transaction: ``UPDATE claims ... WHERE id = :id AND version = :v``, then a
``reviews`` row and an ``audit_log`` row (who, when, before, after). When another reviewer
changed the claim in between, no row matches, nothing is written and :class:`ConflictError`
says so: the reviewer reloads and decides again. No update is ever lost silently.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError
from sqlalchemy import Engine, insert, select, update

from geo.data.schema import Claim
from geo.errors import DataError, GeoError, UnknownIdError
from geo.store import tables as t

#: What a review may do, and the status it leaves (``edit`` keeps the status).
ACTIONS = {"accept": "accepted", "reject": "rejected", "edit": None}
#: Fields an edit may change; the excerpt and its offsets belong to the article text.
EDITABLE = frozenset({"english", "claim_type", "attribution", "assets", "assessment"})
#: How the database tables are named in problems (``claims (database)``), beside the file names.
TABLE_LABEL = "{} (database)"


class ConflictError(GeoError):
    """The claim was changed by someone else since it was read; nothing was written."""

    def __init__(self, claim_id: str, expected: int, current: int) -> None:
        self.claim_id, self.expected, self.current = claim_id, expected, current
        super().__init__(f"claim {claim_id} was changed by someone else (now version {current}, you had {expected}); reload")


@dataclass(frozen=True)
class ClaimState:
    """A claim as a reviewer reads it."""

    id: str
    status: str
    version: int
    record: dict[str, Any]


def get_claim(engine: Engine, claim_id: str) -> ClaimState:
    """The claim's status, version and fields."""
    with engine.connect() as conn:
        row = conn.execute(select(t.claims.c.status, t.claims.c.version, t.claims.c.record).where(t.claims.c.id == claim_id)).one_or_none()
    if row is None:
        msg = f"unknown claim id {claim_id!r}"
        raise UnknownIdError(msg)
    return ClaimState(claim_id, row.status, row.version, dict(row.record))


def validated_claim(record: dict[str, Any], table: str = "claims") -> Claim:
    """The record as a :class:`Claim`; problems name the table, the claim id and the field."""
    try:
        return Claim.model_validate(record)
    except ValidationError as exc:
        from geo.data import load  # pandas and geopandas: only on this error path (reviewer processes start fast)

        raise DataError(load.validation_problems(exc, TABLE_LABEL.format(table), str(record.get("id")))) from None


def review(engine: Engine, claim_id: str, action: str, *, expected_version: int, who: str,
           changes: dict[str, Any] | None = None) -> int:
    """Accept, edit or reject a claim read at ``expected_version``; return its new version.

    Raises :class:`ConflictError` when the claim has changed since, :class:`DataError` when the
    result would not be a valid claim (an accepted or edited claim must pass :class:`Claim`).
    """
    if action not in ACTIONS:
        msg = f"unknown review action {action!r}; expected one of {sorted(ACTIONS)}"
        raise GeoError(msg)
    changes = dict(changes or {})
    if set(changes) - EDITABLE:
        msg = f"cannot edit {sorted(set(changes) - EDITABLE)}; editable: {sorted(EDITABLE)}"
        raise GeoError(msg)
    with engine.begin() as conn:
        row = conn.execute(select(t.claims.c.status, t.claims.c.version, t.claims.c.record).where(t.claims.c.id == claim_id)).one_or_none()
        if row is None:
            msg = f"unknown claim id {claim_id!r}"
            raise UnknownIdError(msg)
        if row.version != expected_version:
            raise ConflictError(claim_id, expected_version, row.version)
        record = {**row.record, **changes}
        status = ACTIONS[action] or row.status
        if status == "accepted":
            record = validated_claim(record).model_dump(exclude_none=True)
        values: dict[str, Any] = {"status": status, "record": record, "version": t.claims.c.version + 1}
        if record != row.record:
            values["raw"] = None  # export writes the changed claim in canonical form
        new_version = conn.execute(
            update(t.claims).where(t.claims.c.id == claim_id, t.claims.c.version == expected_version).values(**values).returning(t.claims.c.version)
        ).scalar_one_or_none()
        if new_version is None:  # changed between our read and our write: the row lock made us wait, then the version differed
            current = conn.execute(select(t.claims.c.version).where(t.claims.c.id == claim_id)).scalar_one()
            raise ConflictError(claim_id, expected_version, current)
        conn.execute(insert(t.reviews).values(claim=claim_id, action=action, who=who, version=new_version))
        conn.execute(insert(t.audit_log).values(
            table_name="claims", record_id=claim_id, action=action, who=who,
            before={"status": row.status, "version": row.version, "record": row.record},
            after={"status": status, "version": new_version, "record": record},
        ))
    return int(new_version)


# --- the dashboard's review of an article's candidates, on the team store --------------------


def propose(engine: Engine, article: dict[str, Any], candidates: list[dict[str, Any]]) -> dict[tuple[int, int], tuple[str, int]]:
    """Store the candidate claims of a stored article (idempotent); return ``(start, end) -> (claim id, version)`` as read now.

    A span that already holds a claim (curated, or proposed by someone else) maps to that claim: the
    reviewer then works on the stored one, at the version just read.
    """
    from geo.store.sink import PostgisCandidateSink

    PostgisCandidateSink(engine).write([article, *candidates])
    with engine.connect() as conn:
        rows = conn.execute(select(t.claims.c.start, t.claims.c.end, t.claims.c.id, t.claims.c.version)
                            .where(t.claims.c.article == article["article"])).all()
    return {(r.start, r.end): (r.id, r.version) for r in rows}


def accept_all(engine: Engine, choices: list[tuple[str, int, dict[str, Any]]], who: str) -> tuple[int, list[ConflictError]]:
    """Accept each ``(claim id, version read, changes)``; return how many were saved and the refused ones.

    Each acceptance is its own transaction: one claim changed by someone else does not block the others.
    """
    saved, conflicts = 0, []
    for claim_id, version, changes in choices:
        try:
            review(engine, claim_id, "accept", expected_version=version, who=who, changes=changes)
        except ConflictError as exc:
            conflicts.append(exc)
        else:
            saved += 1
    return saved, conflicts
