from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, Timestamps


class Payment(Base, Timestamps):
    """Money received. `import_key` makes recording the same payment twice impossible: it is the
    reference when there is one, else a fingerprint of the row."""

    __tablename__ = "payment"

    id: Mapped[int] = mapped_column(primary_key=True)
    import_key: Mapped[str] = mapped_column(String(128), unique=True)
    reference: Mapped[str | None] = mapped_column(String(64))
    customer_id: Mapped[int] = mapped_column(
        ForeignKey("customer.id", ondelete="CASCADE"), index=True
    )
    invoice_id: Mapped[int | None] = mapped_column(ForeignKey("invoice.id"), index=True)
    amount: Mapped[Decimal]
    paid_on: Mapped[date] = mapped_column(index=True)
    method: Mapped[str | None] = mapped_column(String(20))
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("team_member.id"))
    # What this payment left over after every open invoice (kept on the customer).
    credit: Mapped[Decimal] = mapped_column(default=Decimal("0"), server_default="0")
