"""Correcting a logged call. The history is evidence (seed 003), so a correction never
erases: the original stays readable, and every field that changed is recorded with what
it said, what it says now, who changed it and when. Pure.

Who may correct: the call's author for seven days, a supervisor or an admin at any time.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from bot.core.errors import Forbidden
from bot.core.vocabulary import AttemptOutcome, ExcuseCategory
from bot.team.rules import Person, is_manager

AUTHOR_WINDOW = timedelta(days=7)


def check_may_correct(actor: Person, author_id: int, logged_at: datetime, now: datetime) -> None:
    if is_manager(actor):
        return
    if actor.id != author_id:
        raise Forbidden("call.correct_not_yours")
    if now - logged_at > AUTHOR_WINDOW:
        raise Forbidden("call.correct_too_late", days=AUTHOR_WINDOW.days)


@dataclass(frozen=True)
class StoredPromise:
    id: int
    amount: Decimal
    promised_for: date
    method: str | None
    reference: str | None


@dataclass(frozen=True)
class StoredTask:
    id: int
    text: str
    due_date: date
    due_time: time | None
    assignee_id: int
    supervisor_id: int | None


@dataclass(frozen=True)
class StoredCall:
    """A logged call as it stands now (after any earlier correction)."""

    attempt_id: int
    customer_id: int
    author_id: int
    at: datetime
    outcome: AttemptOutcome
    contact_id: int | None
    remark: str | None
    note_id: int | None
    spoke_with: str | None
    category: ExcuseCategory | None
    excuse: str | None
    agreement: str | None
    promises: tuple[StoredPromise, ...]
    task: StoredTask | None


@dataclass(frozen=True)
class FieldChange:
    kind: str  # attempt, note, promise, task
    item_id: int
    field: str
    old: str | None
    new: str | None


def _text(value: object) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, time):
        return value.strftime("%H:%M")
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    return str(value)


# The kind of audit row a moved promise leaves: the record was right, the customer moved
# the date (the control counts it as renegotiated, never as a corrected call).
RENEGOTIATION = "renegotiation"


def changes(
    kind: str, item_id: int, old: Mapping[str, object], new: Mapping[str, object]
) -> list[FieldChange]:
    """Every field whose value differs, as text (what the audit trail shows)."""
    found = []
    for name, before in old.items():
        after = new.get(name)
        if _text(before) != _text(after):
            found.append(FieldChange(kind, item_id, name, _text(before), _text(after)))
    return found
