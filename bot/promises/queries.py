"""The promises' SQL: the pending ones a payment counts towards, a collector's list."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.core.errors import NotFound
from bot.core.vocabulary import PromiseStatus
from bot.promises.rules import PromiseEvent, next_status
from models import Customer, PaymentPromise


def get(session: Session, promise_id: int) -> PaymentPromise:
    promise = session.get(PaymentPromise, promise_id)
    if promise is None:
        raise NotFound(what_key="what.promise", value=str(promise_id))
    return promise


def pending_of(session: Session, customer_id: int) -> list[PaymentPromise]:
    return list(
        session.scalars(
            select(PaymentPromise)
            .where(
                PaymentPromise.customer_id == customer_id,
                PaymentPromise.status == PromiseStatus.PENDING,
            )
            .order_by(PaymentPromise.promised_for, PaymentPromise.id)
        )
    )


def apply_event(promise: PaymentPromise, event: PromiseEvent, at: datetime) -> None:
    """The only place a stored promise changes status, through the rules' table."""
    promise.status = next_status(promise.status, event)
    promise.resolved_at = at
    if promise.status in (PromiseStatus.BROKEN, PromiseStatus.PARTIAL):
        promise.broken_at = at


def pending_followed_by(
    session: Session, member_id: int, limit: int = 20
) -> list[tuple[PaymentPromise, str]]:
    rows = session.execute(
        select(PaymentPromise, Customer.name)
        .join(Customer, Customer.id == PaymentPromise.customer_id)
        .where(
            PaymentPromise.collector_id == member_id,
            PaymentPromise.status == PromiseStatus.PENDING,
        )
        .order_by(PaymentPromise.promised_for, PaymentPromise.id)
        .limit(limit)
    ).all()
    return [(p, name) for p, name in rows]


def pending_due_on(session: Session, member_id: int, day: date) -> list[tuple[PaymentPromise, str]]:
    """The pending promises a collector follows that fall due on `day`."""
    rows = session.execute(
        select(PaymentPromise, Customer.name)
        .join(Customer, Customer.id == PaymentPromise.customer_id)
        .where(
            PaymentPromise.collector_id == member_id,
            PaymentPromise.status == PromiseStatus.PENDING,
            PaymentPromise.promised_for == day,
        )
        .order_by(PaymentPromise.id)
    ).all()
    return [(p, name) for p, name in rows]
