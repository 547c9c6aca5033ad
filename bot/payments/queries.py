"""The payments' SQL: the invoices a payment lowers, whether a payment is already known."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.payments.rules import ZERO
from models import Customer, Invoice, Payment


def invoices_to_lower(session: Session, customer_id: int, first: int | None) -> list[Invoice]:
    """The named invoice first, then the customer's open invoices, oldest first."""
    invoices: list[Invoice] = []
    if first is not None:
        target = session.get(Invoice, first)
        if target is not None:
            invoices.append(target)
    invoices += session.scalars(
        select(Invoice)
        .where(
            Invoice.customer_id == customer_id,
            Invoice.balance > ZERO,
            Invoice.id != (first or -1),
        )
        .order_by(Invoice.due_date, Invoice.id)
    )
    return invoices


def known(session: Session, key: str) -> bool:
    return session.scalar(select(Payment.id).where(Payment.import_key == key)) is not None


def add_credit(session: Session, customer_id: int, amount: Decimal) -> None:
    customer = session.get(Customer, customer_id)
    if customer is not None:
        customer.credit = (customer.credit or ZERO) + amount
