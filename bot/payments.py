"""Applying money received to what is owed."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.promises import settle_with_payment
from models import Invoice, Payment
from models.base import utcnow

ZERO = Decimal("0")


def apply_payment(session: Session, payment: Payment) -> Decimal:
    """Lower invoice balances by the payment: its invoice first, then the customer's oldest
    open invoices (the usual rule when a payment does not say what it pays), and count it
    towards the customer's pending promises. Returns what is left over as a credit."""
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
    settle_with_payment(
        session, payment.customer_id, payment.amount, payment.created_at or utcnow()
    )
    return remaining
