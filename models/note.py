from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, utcnow
from models.enums import ExcuseCategory


class Note(Base):
    """The excuse: whom we spoke to, why they have not paid, what we agreed.

    Append-only, because the file is evidence: a correction is a new note whose
    `corrects_id` points at the note it replaces. `source_key` (the Slack view id) makes a
    submission delivered twice store one note. It is written at its call or later (a
    correction), never before: the reports find a period's notes among those written since
    it began.
    """

    __tablename__ = "note"
    __table_args__ = (
        Index("ix_note_customer_created", "customer_id", "created_at"),
        # The few corrections, found without reading every note (the reports leave out
        # the notes a correction replaced).
        Index(
            "ix_note_corrects",
            "corrects_id",
            postgresql_where=text("corrects_id IS NOT NULL"),
            sqlite_where=text("corrects_id IS NOT NULL"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id", ondelete="CASCADE"))
    author_id: Mapped[int] = mapped_column(ForeignKey("team_member.id"), index=True)
    attempt_id: Mapped[int | None] = mapped_column(ForeignKey("contact_attempt.id"))
    contact_id: Mapped[int | None] = mapped_column(ForeignKey("contact.id"))
    spoke_with: Mapped[str | None] = mapped_column(String(200))
    excuse_category: Mapped[ExcuseCategory | None]
    excuse: Mapped[str | None] = mapped_column(Text)
    agreement: Mapped[str | None] = mapped_column(Text)
    hashtags: Mapped[str] = mapped_column(String(500), default="")
    corrects_id: Mapped[int | None] = mapped_column(ForeignKey("note.id"))
    source_key: Mapped[str | None] = mapped_column(String(128), unique=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
