from __future__ import annotations

from datetime import datetime

from sqlalchemy import Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, Timestamps, utcnow
from models.enums import OutboxStatus


class OutboxMessage(Base, Timestamps):
    """A Slack message to deliver. It is written in the same transaction as the change it
    announces, and `dedupe_key` (item, kind, day) is unique, so a message is never lost with
    a crash and never sent twice by two replicas."""

    __tablename__ = "outbox_message"
    __table_args__ = (Index("ix_outbox_message_status_next", "status", "next_attempt_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    dedupe_key: Mapped[str] = mapped_column(String(200), unique=True)
    channel: Mapped[str] = mapped_column(String(64))
    text: Mapped[str] = mapped_column(Text)
    blocks: Mapped[list | None]
    # Files to upload with the message: [{"name", "title", "content" (base64)}].
    files: Mapped[list | None]
    thread_of: Mapped[str | None] = mapped_column(String(200))
    status: Mapped[OutboxStatus] = mapped_column(default=OutboxStatus.PENDING)
    attempts: Mapped[int] = mapped_column(default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(default=utcnow)
    # Past this instant the message is no longer useful (a morning digest after the calling
    # day, a nudge its next round supersedes): it is marked failed and reported instead.
    expires_at: Mapped[datetime | None]
    last_error: Mapped[str | None] = mapped_column(String(500))
    sent_ts: Mapped[str | None] = mapped_column(String(32))
    sent_channel: Mapped[str | None] = mapped_column(String(64))
    # A message that changes after it was posted (today's nudges, a digest with a call
    # logged) is revised in place: each revision bumps the version and, once the message
    # is in Slack, delivery edits it (`chat.update`) instead of posting a new one.
    version: Mapped[int] = mapped_column(default=0, server_default="0")
