from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, Timestamps
from models.enums import PromiseStatus


class PaymentPromise(Base, Timestamps):
    """The customer's commitment: this much, on this day, this way."""

    __tablename__ = "payment_promise"
    __table_args__ = (
        Index("ix_payment_promise_customer_status", "customer_id", "status"),
        Index("ix_payment_promise_status_date", "status", "promised_for"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id", ondelete="CASCADE"))
    note_id: Mapped[int | None] = mapped_column(ForeignKey("note.id"))
    collector_id: Mapped[int] = mapped_column(ForeignKey("team_member.id"))
    amount: Mapped[Decimal]
    promised_for: Mapped[date]
    method: Mapped[str | None] = mapped_column(String(20))
    reference: Mapped[str | None] = mapped_column(String(64))
    status: Mapped[PromiseStatus] = mapped_column(default=PromiseStatus.PENDING)
    paid_amount: Mapped[Decimal] = mapped_column(default=Decimal("0"))
    broken_at: Mapped[datetime | None]
    resolved_at: Mapped[datetime | None]
    # A payment plan: the installments of one call share its attempt, numbered from 1;
    # each is kept or broken on its own (a plain promise has neither).
    plan_attempt_id: Mapped[int | None] = mapped_column(ForeignKey("contact_attempt.id"))
    installment: Mapped[int | None]
    # How many times the customer moved the date: a renegotiated promise is still one
    # promise, and the control counts how many needed it.
    renegotiations: Mapped[int] = mapped_column(default=0, server_default="0")
