from __future__ import annotations

from datetime import datetime

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, utcnow


class FormSubmission(Base):
    """A modal submission that was stored: its key is the view, the person and what they
    sent, so the same submission delivered twice (a retry, a double click, five at once)
    changes the database once. Written in the same transaction as what it stored."""

    __tablename__ = "form_submission"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(64), unique=True)
    form: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
