"""Payment promises: when one breaks, and what a payment does to them.

A promise is pending until it is paid in full (kept) or until its date plus one business
day of grace has passed (broken; partially kept when some money came). The transitions
live in a table so that nothing else in cobro changes a promise's status by hand.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.calendar import BusinessCalendar
from models import PaymentPromise
from models.enums import PromiseStatus

GRACE_BUSINESS_DAYS = 1

# (from, event) → to
TRANSITIONS: dict[tuple[PromiseStatus, str], PromiseStatus] = {
    (PromiseStatus.PENDING, "paid_in_full"): PromiseStatus.KEPT,
    (PromiseStatus.PENDING, "grace_passed_unpaid"): PromiseStatus.BROKEN,
    (PromiseStatus.PENDING, "grace_passed_part_paid"): PromiseStatus.PARTIAL,
}


def transition(promise: PaymentPromise, event: str, at: datetime) -> None:
    target = TRANSITIONS.get((promise.status, event))
    if target is None:
        raise ValueError(f"a {promise.status} promise cannot take {event!r}")
    promise.status = target
    promise.resolved_at = at
    if target in (PromiseStatus.BROKEN, PromiseStatus.PARTIAL):
        promise.broken_at = at


def broken_on(promised_for: date, calendar: BusinessCalendar) -> date:
    """The first day on which an unpaid promise counts as broken: the day after its grace
    (one business day after the promised date) has ended."""
    grace_day = calendar.add_business_days(promised_for, GRACE_BUSINESS_DAYS)
    return grace_day + timedelta(days=1)


def is_broken_by(
    promised_for: date, paid: Decimal, amount: Decimal, day: date, calendar: BusinessCalendar
) -> bool:
    return paid < amount and day >= broken_on(promised_for, calendar)


def settle_with_payment(
    session: Session,
    customer_id: int,
    amount: Decimal,
    at: datetime,
    *,
    paid_on: date | None = None,
    calendar: BusinessCalendar | None = None,
) -> list[PaymentPromise]:
    """Money received counts towards the customer's pending promises, oldest first.

    Paid in full, a promise is kept. Short of it, the promise stays pending while its grace
    lasts; money that arrives after the grace ended, still short, makes it partially kept.
    Returns the promises it counted towards."""
    touched: list[PaymentPromise] = []
    remaining = amount
    pending = session.scalars(
        select(PaymentPromise)
        .where(
            PaymentPromise.customer_id == customer_id,
            PaymentPromise.status == PromiseStatus.PENDING,
        )
        .order_by(PaymentPromise.promised_for, PaymentPromise.id)
    )
    for promise in pending:
        if remaining <= 0:
            break
        owed = promise.amount - promise.paid_amount
        paid = min(owed, remaining)
        promise.paid_amount += paid
        remaining -= paid
        touched.append(promise)
        if promise.paid_amount >= promise.amount:
            transition(promise, "paid_in_full", at)
        elif paid_on is not None and paid_on >= broken_on(
            promise.promised_for, calendar or BusinessCalendar()
        ):
            transition(promise, "grace_passed_part_paid", at)
    return touched


def reschedule(promise: PaymentPromise, day: date) -> None:
    """The customer moved the date: still the same promise, still pending."""
    if promise.status != PromiseStatus.PENDING:
        raise ValueError("only a pending promise can be moved")
    promise.promised_for = day
