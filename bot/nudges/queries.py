"""The nudges' SQL: open tasks due by today, promises around today, last calls."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bot.core.vocabulary import PromiseStatus, TaskStatus
from bot.nudges.rules import PROMISE_WINDOW_DAYS
from models import ContactAttempt, Customer, Note, PaymentPromise, Task


def open_tasks_due_by(session: Session, today: date) -> list[Task]:
    return list(
        session.scalars(
            select(Task).where(Task.status == TaskStatus.OPEN, Task.due_date <= today)
        ).all()
    )


def promises_around(session: Session, today: date) -> list[tuple[PaymentPromise, str]]:
    """Pending and broken promises dated from a month before to ten days after today."""
    window = timedelta(days=PROMISE_WINDOW_DAYS)
    rows = session.execute(
        select(PaymentPromise, Customer.name)
        .join(Customer, Customer.id == PaymentPromise.customer_id)
        .where(
            PaymentPromise.status.in_(
                [PromiseStatus.PENDING, PromiseStatus.BROKEN, PromiseStatus.PARTIAL]
            ),
            PaymentPromise.promised_for >= today - window * 3,
            PaymentPromise.promised_for <= today + window,
        )
        .order_by(PaymentPromise.id)
    ).all()
    return [(p, name) for p, name in rows]


def last_calls(session: Session, customer_ids: list[int]) -> dict[int, datetime]:
    if not customer_ids:
        return {}
    return dict(
        session.execute(
            select(ContactAttempt.customer_id, func.max(ContactAttempt.at))
            .where(ContactAttempt.customer_id.in_(customer_ids))
            .group_by(ContactAttempt.customer_id)
        ).all()
    )


def attempt_of_note(session: Session, note_id: int | None) -> int | None:
    if note_id is None:
        return None
    return session.scalar(select(Note.attempt_id).where(Note.id == note_id))
