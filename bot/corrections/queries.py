"""The corrections' SQL: a call as it stands now, and the audit trail of its changes."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bot.core.vocabulary import PromiseStatus
from bot.corrections.rules import FieldChange, StoredCall, StoredPromise, StoredTask
from models import ContactAttempt, Correction, Note, PaymentPromise, Task


def stored_call(session: Session, attempt_id: int) -> StoredCall | None:
    """A logged call as it stands now: its latest note (a correction is a newer note of
    the same attempt), its promises still in force, its step."""
    attempt = session.get(ContactAttempt, attempt_id)
    if attempt is None:
        return None
    note = session.scalar(
        select(Note).where(Note.attempt_id == attempt_id).order_by(Note.id.desc()).limit(1)
    )
    notes = select(Note.id).where(Note.attempt_id == attempt_id)
    promises = session.scalars(
        select(PaymentPromise)
        .where(
            PaymentPromise.note_id.in_(notes),
            PaymentPromise.status != PromiseStatus.CANCELLED,
        )
        .order_by(PaymentPromise.promised_for, PaymentPromise.id)
    ).all()
    task = session.scalar(
        select(Task).where(Task.attempt_id == attempt_id).order_by(Task.id).limit(1)
    )
    return StoredCall(
        attempt_id=attempt.id,
        customer_id=attempt.customer_id,
        author_id=attempt.member_id,
        at=attempt.at,
        outcome=attempt.outcome,
        contact_id=attempt.contact_id,
        remark=attempt.remark,
        note_id=note.id if note else None,
        spoke_with=note.spoke_with if note else None,
        category=note.excuse_category if note else None,
        excuse=note.excuse if note else None,
        agreement=note.agreement if note else None,
        promises=tuple(
            StoredPromise(p.id, p.amount, p.promised_for, p.method, p.reference) for p in promises
        ),
        task=StoredTask(
            task.id, task.text, task.due_date, task.due_time, task.assignee_id, task.supervisor_id
        )
        if task
        else None,
    )


def record_changes(
    session: Session,
    found: list[FieldChange],
    *,
    attempt_id: int | None,
    customer_id: int,
    by_id: int,
    at: datetime,
    reason: str | None = None,
) -> None:
    for change in found:
        session.add(
            Correction(
                attempt_id=attempt_id,
                customer_id=customer_id,
                kind=change.kind,
                item_id=change.item_id,
                field=change.field,
                old_value=change.old,
                new_value=change.new,
                reason=reason,
                by_id=by_id,
                at=at,
            )
        )


def paid_on(session: Session, promise_ids: list[int]) -> Decimal:
    """What payments have already counted towards these promises."""
    if not promise_ids:
        return Decimal(0)
    total = session.scalar(
        select(func.coalesce(func.sum(PaymentPromise.paid_amount), 0)).where(
            PaymentPromise.id.in_(promise_ids)
        )
    )
    return Decimal(total or 0)
