"""Payments against promises, without Slack: kept in full, counted while short, partially
kept when the money came after the grace. Promise for Friday 27 November 2026: its grace is
Monday 30 (one business day), so it counts as broken from Tuesday 1 December."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy.orm import Session, sessionmaker

from bot.core.calendar import BusinessCalendar
from bot.core.vocabulary import PromiseStatus
from bot.payments.service import apply_payment
from bot.promises.rules import broken_on
from models import Payment, PaymentPromise
from tests import builders as b

MX = BusinessCalendar("MX")


def _setup(s: Session) -> tuple[int, PaymentPromise]:
    ana = b.member(s, "U0ANA", "Ana")
    lopez = b.customer(s, "Ferretería López", ana)
    b.invoice(s, lopez, "2026-10-01", "1000.00")
    return lopez.id, b.promise(s, lopez, ana, "2026-11-27", "600.00")


def _pay(s: Session, customer_id: int, amount: str, on: str, key: str) -> Payment:
    payment = Payment(
        import_key=key,
        customer_id=customer_id,
        amount=Decimal(amount),
        paid_on=date.fromisoformat(on),
    )
    s.add(payment)
    s.flush()
    apply_payment(s, payment, MX)
    return payment


def test_grace_is_one_business_day() -> None:
    assert broken_on(date(2026, 11, 27), MX) == date(2026, 12, 1)


def test_paid_in_full_keeps_the_promise(db: sessionmaker[Session]) -> None:
    with db.begin() as s:
        customer_id, promise = _setup(s)
        _pay(s, customer_id, "600.00", "2026-11-27", "a")
        assert promise.status == PromiseStatus.KEPT


def test_short_within_the_grace_stays_pending_and_counts(db: sessionmaker[Session]) -> None:
    with db.begin() as s:
        customer_id, promise = _setup(s)
        _pay(s, customer_id, "200.00", "2026-11-30", "a")
        assert promise.status == PromiseStatus.PENDING
        assert promise.paid_amount == Decimal("200.00")
        _pay(s, customer_id, "400.00", "2026-11-30", "b")  # the rest: kept
        assert promise.status == PromiseStatus.KEPT


def test_short_after_the_grace_is_partially_kept(db: sessionmaker[Session]) -> None:
    with db.begin() as s:
        customer_id, promise = _setup(s)
        _pay(s, customer_id, "200.00", "2026-12-01", "a")
        assert promise.status == PromiseStatus.PARTIAL
        assert promise.broken_at is not None
