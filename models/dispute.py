from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, Text
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, utcnow


class Dispute(Base):
    """A complaint that pauses dunning until someone fixes its cause: one invoice, or all of
    the customer's invoices when `invoice_id` is empty."""

    __tablename__ = "dispute"
    __table_args__ = (Index("ix_dispute_customer_open", "customer_id", "resolved_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id", ondelete="CASCADE"))
    invoice_id: Mapped[int | None] = mapped_column(ForeignKey("invoice.id", ondelete="CASCADE"))
    note_id: Mapped[int | None] = mapped_column(ForeignKey("note.id"))
    reason: Mapped[str] = mapped_column(Text)
    opened_by_id: Mapped[int] = mapped_column(ForeignKey("team_member.id"))
    opened_at: Mapped[datetime] = mapped_column(default=utcnow)
    resolved_at: Mapped[datetime | None]
