"""The outbox's SQL: adding a row once, claiming due rows under a lease, marking them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import CursorResult, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from bot.core.db import Db, transaction
from bot.core.vocabulary import OutboxStatus
from bot.ports import Message, OutboxFile
from models import OutboxMessage

# A new row is due at once by any clock, the system's or a test's or the demo's.
DUE_AT_ONCE = datetime(2000, 1, 1, tzinfo=UTC)


def add(
    session: Session,
    *,
    key: str,
    channel: str,
    message: Message,
    thread_of: str | None,
    expires_at: datetime | None,
) -> bool:
    """Add the row unless one with this key exists; True when it was added."""
    if session.scalar(select(OutboxMessage.id).where(OutboxMessage.dedupe_key == key)):
        return False
    try:
        with session.begin_nested():
            session.add(
                OutboxMessage(
                    dedupe_key=key,
                    channel=channel,
                    text=message.text,
                    blocks=message.blocks,
                    thread_of=thread_of,
                    next_attempt_at=DUE_AT_ONCE,
                    expires_at=expires_at,
                    files=[f.stored() for f in message.files] if message.files else None,
                )
            )
    except IntegrityError:  # another replica enqueued it a moment ago
        return False
    return True


@dataclass(frozen=True)
class Claimed:
    id: int
    key: str
    channel: str
    message: Message
    thread_ts: str | None
    attempts: int
    created_at: datetime
    expires_at: datetime | None


def claim(
    db: Db, now: datetime, lease: timedelta, limit: int = 20, keys: list[str] | None = None
) -> list[Claimed]:
    """Take up to `limit` due rows for this process (only `keys`, when given), each under a
    lease: a conditional UPDATE only one process can win, after `FOR UPDATE SKIP LOCKED` on
    PostgreSQL so replicas do not queue behind each other."""
    with transaction(db) as session:
        due = select(OutboxMessage).where(
            OutboxMessage.status == OutboxStatus.PENDING, OutboxMessage.next_attempt_at <= now
        )
        if keys is not None:
            due = due.where(OutboxMessage.dedupe_key.in_(keys))
        candidates = session.scalars(
            due.order_by(OutboxMessage.id).limit(limit).with_for_update(skip_locked=True)
        ).all()
        claimed = []
        for row in candidates:
            result = session.execute(
                update(OutboxMessage)
                .where(
                    OutboxMessage.id == row.id,
                    OutboxMessage.status == OutboxStatus.PENDING,
                    OutboxMessage.next_attempt_at <= now,
                )
                .values(next_attempt_at=now + lease, attempts=OutboxMessage.attempts + 1)
                .execution_options(synchronize_session=False)
            )
            if isinstance(result, CursorResult) and result.rowcount:
                files = [OutboxFile.from_stored(f) for f in row.files] if row.files else []
                claimed.append(
                    Claimed(
                        row.id,
                        row.dedupe_key,
                        row.channel,
                        Message(row.text, row.blocks, files),
                        _thread_ts(session, row.thread_of),
                        row.attempts + 1,
                        row.created_at,
                        row.expires_at,
                    )
                )
        return claimed


def _thread_ts(session: Session, key: str | None) -> str | None:
    if key is None:
        return None
    return session.scalar(select(OutboxMessage.sent_ts).where(OutboxMessage.dedupe_key == key))


def mark(db: Db, row_id: int, **values: Any) -> None:
    with transaction(db) as session:
        session.execute(update(OutboxMessage).where(OutboxMessage.id == row_id).values(**values))


def next_pending_at(db: Db) -> datetime | None:
    with db() as session:
        return session.scalar(
            select(OutboxMessage.next_attempt_at)
            .where(OutboxMessage.status == OutboxStatus.PENDING)
            .order_by(OutboxMessage.next_attempt_at)
            .limit(1)
        )


def failed_since(session: Session, since: datetime) -> list[tuple[str, str]]:
    """(channel, error) of the messages Slack refused lately, for the supervisors."""
    return [
        (row.channel, row.last_error or "")
        for row in session.scalars(
            select(OutboxMessage).where(
                OutboxMessage.status == OutboxStatus.FAILED, OutboxMessage.updated_at >= since
            )
        )
    ]
