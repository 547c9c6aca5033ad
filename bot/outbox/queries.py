"""The outbox's SQL: adding a row once, claiming due rows under a lease, marking them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import CursorResult, insert, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
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
    """Add the row unless one with this key exists; True when it was added. One statement
    (inside a call submission, which holds SQLite's one writer while it runs): the unique
    key decides, so a replica that wrote it a moment ago makes this a no-op."""
    dialect = session.get_bind().dialect.name
    stmt = (pg_insert if dialect == "postgresql" else sqlite_insert)(OutboxMessage).values(
        dedupe_key=key,
        channel=channel,
        text=message.text,
        blocks=message.blocks,
        thread_of=thread_of,
        next_attempt_at=DUE_AT_ONCE,
        expires_at=expires_at,
        files=[f.stored() for f in message.files] if message.files else None,
    )
    # RETURNING, not the row count: psycopg reports -1 for an INSERT it did not count.
    added = session.connection().execute(
        stmt.on_conflict_do_nothing(index_elements=["dedupe_key"]).returning(OutboxMessage.id)
    )
    return added.scalar() is not None


@dataclass(frozen=True)
class Outgoing:
    """One message of a bulk enqueue."""

    key: str
    channel: str
    message: Message
    thread_of: str | None = None
    expires_at: datetime | None = None


def add_many(session: Session, items: list[Outgoing]) -> int:
    """Add the rows whose keys are new, in two statements (one SELECT of the keys that
    exist, one multi-row INSERT) instead of four per row; how many were added. If another
    replica writes some of the same keys meanwhile, the INSERT is refused as a whole and
    the rows are added one by one, as `add` does."""
    if not items:
        return 0
    keys = [item.key for item in items]
    existing = set(
        session.scalars(select(OutboxMessage.dedupe_key).where(OutboxMessage.dedupe_key.in_(keys)))
    )
    fresh = {item.key: item for item in items if item.key not in existing}
    if not fresh:
        return 0
    rows = [
        {
            "dedupe_key": item.key,
            "channel": item.channel,
            "text": item.message.text,
            "blocks": item.message.blocks,
            "thread_of": item.thread_of,
            "next_attempt_at": DUE_AT_ONCE,
            "expires_at": item.expires_at,
            "files": [f.stored() for f in item.message.files] if item.message.files else None,
        }
        for item in fresh.values()
    ]
    try:
        with session.begin_nested():
            session.execute(insert(OutboxMessage), rows)
    except IntegrityError:  # a replica got there first with some of them
        return sum(
            add(
                session,
                key=i.key,
                channel=i.channel,
                message=i.message,
                thread_of=i.thread_of,
                expires_at=i.expires_at,
            )
            for i in fresh.values()
        )
    return len(rows)


def revise(session: Session, *, key: str, message: Message) -> bool:
    """Give the row `key` new content, in the caller's transaction; False when there is no
    such row. A row not yet posted is simply posted with the new content; one already in
    Slack goes back to pending, to be edited there. A row being delivered right now keeps
    its lease: the version tells the delivery that its content is stale (`mark_sent`)."""
    row = session.scalar(
        select(OutboxMessage).where(OutboxMessage.dedupe_key == key).with_for_update()
    )
    if row is None:
        return False
    if row.text == message.text and row.blocks == message.blocks:
        return True
    row.text, row.blocks = message.text, message.blocks
    row.version += 1
    if row.status == OutboxStatus.SENT:
        row.status = OutboxStatus.PENDING
        row.next_attempt_at = DUE_AT_ONCE
        row.attempts = 0
    return True


def messages_of(session: Session, keys: list[str]) -> dict[str, Message]:
    """The latest content written under each of `keys` that was written (files left out),
    in one statement."""
    rows = session.execute(
        select(OutboxMessage.dedupe_key, OutboxMessage.text, OutboxMessage.blocks).where(
            OutboxMessage.dedupe_key.in_(keys)
        )
    )
    return {key: Message(text=text, blocks=blocks) for key, text, blocks in rows}


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
    version: int = 0
    # Where it already is in Slack: a revision is an edit of that message.
    posted: tuple[str, str] | None = None


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
                        row.version,
                        (row.sent_channel, row.sent_ts)
                        if row.sent_ts and row.sent_channel
                        else None,
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


def mark_sent(db: Db, row: Claimed, *, channel: str, ts: str, now: datetime) -> None:
    """The row is in Slack as `(channel, ts)`; it is done unless it was revised while it
    was being sent, in which case it is due again at once, as an edit."""
    with transaction(db) as session:
        session.execute(
            update(OutboxMessage)
            .where(OutboxMessage.id == row.id)
            .values(sent_ts=ts, sent_channel=channel, last_error=None)
        )
        session.execute(
            update(OutboxMessage)
            .where(OutboxMessage.id == row.id, OutboxMessage.version == row.version)
            .values(status=OutboxStatus.SENT)
        )
        session.execute(
            update(OutboxMessage)
            .where(OutboxMessage.id == row.id, OutboxMessage.version != row.version)
            .values(next_attempt_at=now, attempts=0)
        )


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
