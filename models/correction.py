from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, utcnow


class Correction(Base):
    """One field of a logged call changed after the fact: what it said, what it says now,
    who changed it, when and why. The record is evidence: the original stays readable in
    the history (a corrected note stays, its correction is a new note pointing at it). The
    same trail records a supervisor's changes to a customer (kind "customer": who collects
    it, its credit held, its hand-over to an agency or legal)."""

    __tablename__ = "correction"
    __table_args__ = (Index("ix_correction_attempt", "attempt_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    attempt_id: Mapped[int | None] = mapped_column(ForeignKey("contact_attempt.id"))
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(20))  # attempt, note, promise, task
    item_id: Mapped[int] = mapped_column()
    field: Mapped[str] = mapped_column(String(40))
    old_value: Mapped[str | None] = mapped_column(Text)
    new_value: Mapped[str | None] = mapped_column(Text)
    reason: Mapped[str | None] = mapped_column(Text)
    # None: made from the command line (`cobro team reassign`), not by someone in Slack.
    by_id: Mapped[int | None] = mapped_column(ForeignKey("team_member.id"))
    at: Mapped[datetime] = mapped_column(default=utcnow)
