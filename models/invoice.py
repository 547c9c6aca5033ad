from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy import ForeignKey, Index, String, text
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, Timestamps


class Invoice(Base, Timestamps):
    """An invoice we are owed; open while its balance is above zero."""

    __tablename__ = "invoice"
    __table_args__ = (
        Index("ix_invoice_customer_open", "customer_id", "balance"),
        Index("ix_invoice_due_date", "due_date"),
        # The report's pass over the invoices, from the index alone and in its groups, and
        # its one-currency check (min and max of the leading column; migration 0018).
        Index("ix_invoice_sums", "currency", "issue_date", "due_date", "amount", "balance"),
        # The open invoices of the calls on screen (forty customers' lines), read from the
        # index alone on PostgreSQL: a customer's invoices are adjacent in it, where in the
        # table they lie on as many pages as there are invoices (migration 0016).
        Index(
            "ix_invoice_open_lines",
            "customer_id",
            "due_date",
            postgresql_include=["balance", "number", "currency", "id"],
            postgresql_where=text("balance > 0"),
            sqlite_where=text("balance > 0"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(64), unique=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id", ondelete="CASCADE"))
    issue_date: Mapped[date | None]
    due_date: Mapped[date]
    amount: Mapped[Decimal]
    balance: Mapped[Decimal]
    currency: Mapped[str] = mapped_column(String(3))
    # The customer's credit taken when the invoice arrived; its balance is already net.
    credit_applied: Mapped[Decimal] = mapped_column(default=Decimal("0"), server_default="0")
