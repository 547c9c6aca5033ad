"""Payment promises: when one breaks, and what a payment does to them. Pure.

A promise is pending until it is paid in full (kept) or until its date plus one business
day of grace has passed (broken; partially kept when some money came). The transitions
live in a table so that nothing else in cobro changes a promise's status by hand.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from enum import StrEnum

from bot.core.calendar import BusinessCalendar
from bot.core.vocabulary import PromiseStatus

GRACE_BUSINESS_DAYS = 1
ZERO = Decimal("0")


class PromiseEvent(StrEnum):
    PAID_IN_FULL = "paid_in_full"
    GRACE_PASSED_UNPAID = "grace_passed_unpaid"
    GRACE_PASSED_PART_PAID = "grace_passed_part_paid"


# (from, event) → to
TRANSITIONS: dict[tuple[PromiseStatus, PromiseEvent], PromiseStatus] = {
    (PromiseStatus.PENDING, PromiseEvent.PAID_IN_FULL): PromiseStatus.KEPT,
    (PromiseStatus.PENDING, PromiseEvent.GRACE_PASSED_UNPAID): PromiseStatus.BROKEN,
    (PromiseStatus.PENDING, PromiseEvent.GRACE_PASSED_PART_PAID): PromiseStatus.PARTIAL,
}
BROKEN_STATES = (PromiseStatus.BROKEN, PromiseStatus.PARTIAL)


def next_status(status: PromiseStatus, event: PromiseEvent) -> PromiseStatus:
    target = TRANSITIONS.get((status, event))
    if target is None:
        raise ValueError(f"a {status} promise cannot take {event!r}")
    return target


def broken_on(promised_for: date, calendar: BusinessCalendar) -> date:
    """The first day on which an unpaid promise counts as broken: the day after its grace
    (one business day after the promised date) has ended."""
    grace_day = calendar.add_business_days(promised_for, GRACE_BUSINESS_DAYS)
    return grace_day + timedelta(days=1)


def is_broken_by(
    promised_for: date, paid: Decimal, amount: Decimal, day: date, calendar: BusinessCalendar
) -> bool:
    return paid < amount and day >= broken_on(promised_for, calendar)


def grace_event(paid: Decimal) -> PromiseEvent:
    """What the end of the grace means for a promise still short of its amount."""
    return PromiseEvent.GRACE_PASSED_PART_PAID if paid > 0 else PromiseEvent.GRACE_PASSED_UNPAID


@dataclass(frozen=True)
class Owed:
    """A pending promise as a payment sees it."""

    id: int
    amount: Decimal
    paid: Decimal
    promised_for: date


@dataclass(frozen=True)
class Settled:
    id: int
    paid: Decimal
    event: PromiseEvent | None


def settle(
    pending: list[Owed], amount: Decimal, paid_on: date | None, calendar: BusinessCalendar
) -> list[Settled]:
    """Money received counts towards the customer's pending promises, oldest first.

    Paid in full, a promise is kept. Short of it, the promise stays pending while its grace
    lasts; money that arrives after the grace ended, still short, makes it partially kept.
    Returns each promise the money counted towards, with its new paid amount."""
    touched: list[Settled] = []
    remaining = amount
    for promise in sorted(pending, key=lambda p: (p.promised_for, p.id)):
        if remaining <= 0:
            break
        share = min(promise.amount - promise.paid, remaining)
        paid = promise.paid + share
        remaining -= share
        event = None
        if paid >= promise.amount:
            event = PromiseEvent.PAID_IN_FULL
        elif paid_on is not None and paid_on >= broken_on(promise.promised_for, calendar):
            event = PromiseEvent.GRACE_PASSED_PART_PAID
        touched.append(Settled(promise.id, paid, event))
    return touched


@dataclass(frozen=True)
class PromiseLine:
    """A promise as lists and cards show it."""

    id: int
    customer_id: int
    customer: str
    amount: Decimal
    paid: Decimal
    currency: str
    promised_for: date
    status: PromiseStatus = PromiseStatus.PENDING
    method: str | None = None
