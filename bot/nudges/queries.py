"""The nudges' SQL: open tasks due by today, promises around today, last calls."""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime, timedelta

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from bot.core.vocabulary import PromiseStatus, TaskStatus
from bot.nudges.rules import PROMISE_WINDOW_DAYS
from bot.outbox import keys
from models import ContactAttempt, Customer, Note, OutboxMessage, PaymentPromise, Task


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


def tasks_for_lists(
    session: Session, today: date, day_start: datetime, member_ids: list[int] | None
) -> list[Task]:
    """What the day's lists show of tasks: open ones due by today, and those done since
    the day began (so a list shows them ticked off, not vanished)."""
    query = select(Task).where(
        or_(
            and_(Task.status == TaskStatus.OPEN, Task.due_date <= today),
            and_(Task.status == TaskStatus.DONE, Task.done_at >= day_start),
        )
    )
    if member_ids is not None:
        query = query.where(Task.assignee_id.in_(member_ids))
    return list(session.scalars(query.order_by(Task.id)).all())


def apart_today(session: Session, today: date, day_start: datetime) -> Counter[int]:
    """Messages of their own each person was written today besides the list and the
    digest: a task's "Es hora" (its key names the day) and a promise that broke today."""
    counts: Counter[int] = Counter()
    timed = session.scalars(
        select(OutboxMessage.dedupe_key).where(
            OutboxMessage.dedupe_key.like(f"task:%:due:{today.isoformat()}T%")
        )
    ).all()
    task_ids = [int(key.split(":")[1]) for key in timed]
    if task_ids:
        for (assignee,) in session.execute(
            select(Task.assignee_id).where(Task.id.in_(task_ids))
        ).all():
            counts[assignee] += 1
    broke = dict(
        session.execute(
            select(PaymentPromise.id, PaymentPromise.collector_id).where(
                PaymentPromise.broken_at >= day_start
            )
        ).all()
    )
    if broke:
        told = session.scalars(
            select(OutboxMessage.dedupe_key).where(
                OutboxMessage.dedupe_key.in_([keys.promise_broken(pid) for pid in broke])
            )
        ).all()
        for key in told:
            counts[broke[int(key.split(":")[1])]] += 1
    return counts
