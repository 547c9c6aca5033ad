"""Applying money received to what is owed."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot import dates
from bot.agenda import AgendaPolicy
from bot.calendar import BusinessCalendar
from bot.calls import parse_amount
from bot.customers import currencies_of, require_customer
from bot.errors import FormRejected
from bot.i18n import Lang, t
from bot.promises import settle_with_payment
from models import Invoice, Payment, PaymentPromise, TeamMember
from models.base import utcnow
from models.enums import PaymentMethod, PromiseStatus

ZERO = Decimal("0")


def apply_payment(
    session: Session, payment: Payment, calendar: BusinessCalendar | None = None
) -> tuple[Decimal, list[PaymentPromise]]:
    """Lower invoice balances by the payment: its invoice first, then the customer's oldest
    open invoices (the usual rule when a payment does not say what it pays), and count it
    towards the customer's pending promises. Returns what is left over as a credit, and the
    promises the payment counted towards."""
    remaining = payment.amount
    invoices: list[Invoice] = []
    if payment.invoice_id is not None:
        target = session.get(Invoice, payment.invoice_id)
        if target is not None:
            invoices.append(target)
    invoices += list(
        session.scalars(
            select(Invoice)
            .where(
                Invoice.customer_id == payment.customer_id,
                Invoice.balance > ZERO,
                Invoice.id != (payment.invoice_id or -1),
            )
            .order_by(Invoice.due_date, Invoice.id)
        )
    )
    for invoice in invoices:
        if remaining <= ZERO:
            break
        paid = min(invoice.balance, remaining)
        invoice.balance -= paid
        remaining -= paid
    promises = settle_with_payment(
        session,
        payment.customer_id,
        payment.amount,
        payment.created_at or utcnow(),
        paid_on=payment.paid_on,
        calendar=calendar,
    )
    return remaining, promises


@dataclass(frozen=True)
class PaymentForm:
    """A payment typed in Slack ("Registrar pago"), as plain values."""

    source_key: str
    customer_id: int
    amount: str | None
    paid_on: str | None
    method: PaymentMethod | None = None
    reference: str | None = None
    invoice_id: int | None = None


@dataclass(frozen=True)
class RecordedPayment:
    customer_id: int
    customer: str
    amount: Decimal
    currency: str
    paid_on: date
    credit: Decimal
    kept: int
    counted: int
    duplicate: bool = False


def record_payment(
    session: Session,
    form: PaymentForm,
    *,
    author: TeamMember,
    now: datetime,
    policy: AgendaPolicy,
    lang: Lang,
    default_currency: str,
) -> RecordedPayment:
    """Validate and record one payment. Its identity is the reference for this customer (as
    in `cobro import payments`, so the same deposit imported later is not counted twice),
    else the Slack view it came from."""
    customer = require_customer(session, form.customer_id)
    errors: dict[str, str] = {}
    amount = parse_amount(form.amount or "")
    if amount is None:
        errors["payment_amount"] = t("call.bad_amount", lang, value=form.amount or "")
    elif amount <= 0:
        errors["payment_amount"] = t("payment.not_positive", lang)
    tz = ZoneInfo(author.timezone) if author.timezone else policy.tz
    today = now.astimezone(tz).date()
    paid_on = today
    if (form.paid_on or "").strip():
        reading = dates.parse(form.paid_on or "", now, tz, calendar=policy.calendar)
        if reading.date is None:
            errors["payment_date"] = (reading.reason(lang) or "").capitalize()
        elif reading.date > today:
            errors["payment_date"] = t("payment.future", lang, when=reading.in_words(lang))
        else:
            paid_on = reading.date
    invoice = session.get(Invoice, form.invoice_id) if form.invoice_id else None
    if invoice is not None and invoice.customer_id != customer.id:
        invoice = None
    if errors:
        raise FormRejected(errors)
    assert amount is not None
    reference = (form.reference or "").strip() or None
    key = f"ref:{customer.external_id}:{reference}" if reference else f"slack:{form.source_key}"
    currency = (
        invoice.currency
        if invoice
        else currencies_of(session, [customer.id]).get(customer.id, default_currency)
    )
    if session.scalar(select(Payment.id).where(Payment.import_key == key)) is not None:
        return RecordedPayment(
            customer.id, customer.name, amount, currency, paid_on, ZERO, 0, 0, duplicate=True
        )
    payment = Payment(
        import_key=key,
        reference=reference,
        customer_id=customer.id,
        invoice_id=invoice.id if invoice else None,
        amount=amount,
        paid_on=paid_on,
        method=form.method.value if form.method else None,
        recorded_by_id=author.id,
        created_at=now,
    )
    session.add(payment)
    session.flush()
    credit, promises = apply_payment(session, payment, policy.calendar)
    kept = sum(1 for p in promises if p.status == PromiseStatus.KEPT)
    return RecordedPayment(
        customer.id, customer.name, amount, currency, paid_on, credit, kept, len(promises)
    )
