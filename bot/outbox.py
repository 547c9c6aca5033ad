"""The outbox: every message a job sends is first a row, written in the same transaction as
the change it announces, with a unique dedupe key (item, kind, day). Nothing is lost when
Slack or the process fails afterwards, and nothing is sent twice: two replicas may both try
to enqueue, only one row exists; both may try to deliver, only one claims each row.

Delivery claims a row with a lease (a conditional UPDATE that only one process can win,
after `SELECT … FOR UPDATE SKIP LOCKED` on PostgreSQL so replicas do not queue behind each
other), sends it outside any transaction, then marks it sent. Retries back off
exponentially; permanent errors are marked failed and reported to supervisors.
"""

from __future__ import annotations

import base64
import time as systime
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from bot.clock import Clock
from bot.ports import DeliveryError, Transport
from models import OutboxMessage
from models.db import transaction
from models.enums import OutboxStatus

LEASE = timedelta(minutes=2)
# A new row is due at once by any clock, the system's or a test's or the demo's.
DUE_AT_ONCE = datetime(2000, 1, 1, tzinfo=UTC)
MAX_ATTEMPTS = 10
PER_CHANNEL_INTERVAL = 1.0  # Slack: about one message per second per channel


def enqueue(
    session: Session,
    *,
    key: str,
    channel: str,
    text: str,
    blocks: list[dict[str, Any]] | None = None,
    thread_of: str | None = None,
    files: list[OutboxFile] | None = None,
) -> bool:
    """Add a message unless one with this key exists; True when it was added. With `files`,
    the text is the comment the files are shared with."""
    if session.scalar(select(OutboxMessage.id).where(OutboxMessage.dedupe_key == key)):
        return False
    try:
        with session.begin_nested():
            session.add(
                OutboxMessage(
                    dedupe_key=key,
                    channel=channel,
                    text=text,
                    blocks=blocks,
                    thread_of=thread_of,
                    next_attempt_at=DUE_AT_ONCE,
                    files=[f.stored() for f in files] if files else None,
                )
            )
    except IntegrityError:  # another replica enqueued it a moment ago
        return False
    return True


@dataclass(frozen=True)
class OutboxFile:
    name: str
    title: str
    content: bytes

    def stored(self) -> dict[str, str]:
        return {
            "name": self.name,
            "title": self.title,
            "content": base64.b64encode(self.content).decode(),
        }

    @classmethod
    def from_stored(cls, data: dict[str, str]) -> OutboxFile:
        return cls(data["name"], data["title"], base64.b64decode(data["content"]))


@dataclass(frozen=True)
class Claimed:
    id: int
    key: str
    channel: str
    text: str
    blocks: list[dict[str, Any]] | None
    thread_ts: str | None
    attempts: int
    created_at: datetime
    files: list[OutboxFile] | None = None


def claim(
    db: sessionmaker[Session], now: datetime, limit: int = 20, keys: list[str] | None = None
) -> list[Claimed]:
    """Take up to `limit` due rows for this process (only `keys`, when given), each under a
    lease."""
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
            won = session.execute(
                update(OutboxMessage)
                .where(
                    OutboxMessage.id == row.id,
                    OutboxMessage.status == OutboxStatus.PENDING,
                    OutboxMessage.next_attempt_at <= now,
                )
                .values(next_attempt_at=now + LEASE, attempts=OutboxMessage.attempts + 1)
                .execution_options(synchronize_session=False)
            ).rowcount
            if won:
                claimed.append(
                    Claimed(
                        row.id,
                        row.dedupe_key,
                        row.channel,
                        row.text,
                        row.blocks,
                        _thread_ts(session, row.thread_of),
                        row.attempts + 1,
                        row.created_at,
                        [OutboxFile.from_stored(f) for f in row.files] if row.files else None,
                    )
                )
        return claimed


def _thread_ts(session: Session, key: str | None) -> str | None:
    if key is None:
        return None
    return session.scalar(select(OutboxMessage.sent_ts).where(OutboxMessage.dedupe_key == key))


def _mark(db: sessionmaker[Session], row_id: int, **values: Any) -> None:
    with transaction(db) as session:
        session.execute(update(OutboxMessage).where(OutboxMessage.id == row_id).values(**values))


def backoff(attempts: int) -> timedelta:
    return timedelta(seconds=min(5 * 2 ** (attempts - 1), 15 * 60))


@dataclass
class DeliveryReport:
    sent: int = 0
    failed: int = 0
    retried: int = 0


def deliver(
    db: sessionmaker[Session],
    transport: Transport,
    clock: Clock,
    *,
    wait_seconds: float = 0.0,
    sleep: Callable[[float], None] = systime.sleep,
    keys: list[str] | None = None,
) -> DeliveryReport:
    """Send what is due. With `wait_seconds`, keep going (sleeping until retries fall due)
    until nothing is pending or the time is up: what `cobro jobs run` does before exiting.
    With `keys`, send only those rows, once: a listener delivering what it just wrote (what
    fails is retried by the scheduler's regular delivery)."""
    report = DeliveryReport()
    last_post: dict[str, float] = {}
    deadline = systime.monotonic() + wait_seconds
    while True:
        batch = claim(db, clock.now(), keys=keys)
        for row in batch:
            gap = PER_CHANNEL_INTERVAL - (systime.monotonic() - last_post.get(row.channel, -1e9))
            if gap > 0:
                sleep(gap)
            _send(db, transport, clock, row, report)
            last_post[row.channel] = systime.monotonic()
        if batch and keys is None:
            continue
        if keys is not None:
            return report
        pending = next_pending_at(db)
        if pending is None or systime.monotonic() >= deadline:
            return report
        delay = (pending - clock.now()).total_seconds()
        if systime.monotonic() + max(delay, 0) > deadline:
            return report
        sleep(min(max(delay, 0.05), 5.0))


def _send(
    db: sessionmaker[Session],
    transport: Transport,
    clock: Clock,
    row: Claimed,
    report: DeliveryReport,
) -> None:
    try:
        found = None
        if row.attempts > 1:
            # An earlier try may have reached Slack before failing or dying: look first.
            found = transport.find(
                channel=row.channel,
                key=row.key,
                since=row.created_at.timestamp() - 60,
                thread_ts=row.thread_ts,
                file_name=row.files[0].name if row.files else None,
            )
        channel, ts = found or transport.post(
            channel=row.channel,
            text=row.text,
            blocks=row.blocks,
            thread_ts=row.thread_ts,
            key=row.key,
            files=row.files,
        )
    except DeliveryError as error:
        if error.permanent or row.attempts >= MAX_ATTEMPTS:
            _mark(
                db,
                row.id,
                status=OutboxStatus.FAILED,
                last_error=error.code[:500],
                updated_at=clock.now(),
            )
            report.failed += 1
            return
        wait = timedelta(seconds=error.retry_after) if error.retry_after else backoff(row.attempts)
        _mark(db, row.id, next_attempt_at=clock.now() + wait, last_error=error.code[:500])
        report.retried += 1
        return
    _mark(
        db,
        row.id,
        status=OutboxStatus.SENT,
        sent_ts=ts,
        sent_channel=channel,
        last_error=None,
    )
    report.sent += 1


def next_pending_at(db: sessionmaker[Session]) -> datetime | None:
    with db() as session:
        return session.scalar(
            select(OutboxMessage.next_attempt_at)
            .where(OutboxMessage.status == OutboxStatus.PENDING)
            .order_by(OutboxMessage.next_attempt_at)
            .limit(1)
        )


def failed_messages(session: Session, since: datetime) -> list[OutboxMessage]:
    return list(
        session.scalars(
            select(OutboxMessage).where(
                OutboxMessage.status == OutboxStatus.FAILED, OutboxMessage.updated_at >= since
            )
        )
    )
