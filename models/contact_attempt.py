from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, utcnow
from models.enums import AttemptOutcome


class ContactAttempt(Base):
    """One call made to a customer, answered or not: the unit of "contacts made".

    `source_key` (the Slack view id of the call modal) makes a submission delivered twice
    store one attempt, even when nobody answered and no note was written."""

    __tablename__ = "contact_attempt"
    __table_args__ = (
        Index("ix_contact_attempt_customer_at", "customer_id", "at"),
        Index("ix_contact_attempt_member_at", "member_id", "at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id", ondelete="CASCADE"))
    member_id: Mapped[int] = mapped_column(ForeignKey("team_member.id"))
    contact_id: Mapped[int | None] = mapped_column(ForeignKey("contact.id"))
    at: Mapped[datetime] = mapped_column(default=utcnow)
    outcome: Mapped[AttemptOutcome]
    # What whoever answered said, when it was not the customer's contact ("vuelve el
    # lunes"): never the debt, which a third party must not hear about.
    remark: Mapped[str | None] = mapped_column(Text)
    source_key: Mapped[str | None] = mapped_column(String(128), unique=True)
