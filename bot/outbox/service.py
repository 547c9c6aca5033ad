"""The outbox: every message cobro sends on its own initiative is first a row, written in the
same transaction as the change it announces, under a unique key (`bot.outbox.keys`).
Nothing is lost when Slack or the process fails afterwards, and nothing is sent twice: two
replicas may both try to enqueue, only one row exists; both may try to deliver, only one
claims each row.

Delivery claims a row with a lease, sends it outside any transaction, then marks it sent.
A retry first asks Slack whether an earlier try got through (the key travels as message
metadata). Retries back off exponentially; permanent errors are marked failed and reported
to the supervisors.
"""

from __future__ import annotations

import time as systime
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from bot.core.clock import Clock
from bot.core.db import Db
from bot.core.vocabulary import OutboxStatus
from bot.outbox import queries
from bot.outbox.queries import Claimed
from bot.outbox.rules import LEASE, PER_CHANNEL_INTERVAL, backoff, expired
from bot.ports import DeliveryError, Message, Transport


def enqueue(
    session: Session,
    *,
    key: str,
    channel: str,
    message: Message,
    thread_of: str | None = None,
    expires_at: datetime | None = None,
) -> bool:
    """Write a message to send, in the caller's transaction; False when the key exists.
    It is retried until `expires_at` (by default a day after it was written): past that
    it is no longer useful, and it is marked failed and reported instead."""
    return queries.add(
        session,
        key=key,
        channel=channel,
        message=message,
        thread_of=thread_of,
        expires_at=expires_at,
    )


def revise(session: Session, *, key: str, message: Message) -> bool:
    """Change a message written earlier (today's nudge list after a task is done, the
    digest after a call is logged), in the caller's transaction; False when `key` was never
    written. It is edited in place in Slack (`chat.update`), never posted a second time."""
    return queries.revise(session, key=key, message=message)


def publish(
    session: Session,
    *,
    key: str,
    channel: str,
    message: Message,
    thread_of: str | None = None,
    expires_at: datetime | None = None,
) -> bool:
    """The latest content of a message that lives for a while: written the first time,
    revised afterwards. True when it was new."""
    if queries.revise(session, key=key, message=message):
        return False
    if enqueue(
        session,
        key=key,
        channel=channel,
        message=message,
        thread_of=thread_of,
        expires_at=expires_at,
    ):
        return True
    queries.revise(session, key=key, message=message)  # another replica wrote it just now
    return False


@dataclass
class DeliveryReport:
    sent: int = 0
    failed: int = 0
    retried: int = 0


def deliver(
    db: Db,
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
        batch = queries.claim(db, clock.now(), LEASE, keys=keys)
        for row in batch:
            if row.posted is not None:  # an edit: chat.update has its own, looser limit
                _send(db, transport, clock, row, report)
                continue
            gap = PER_CHANNEL_INTERVAL - (systime.monotonic() - last_post.get(row.channel, -1e9))
            if gap > 0:
                sleep(gap)
            _send(db, transport, clock, row, report)
            last_post[row.channel] = systime.monotonic()
        if batch and keys is None:
            continue
        if keys is not None:
            return report
        pending = queries.next_pending_at(db)
        if pending is None or systime.monotonic() >= deadline:
            return report
        delay = (pending - clock.now()).total_seconds()
        if systime.monotonic() + max(delay, 0) > deadline:
            return report
        sleep(min(max(delay, 0.05), 5.0))


def _send(db: Db, transport: Transport, clock: Clock, row: Claimed, report: DeliveryReport) -> None:
    now = clock.now()
    if expired(row.created_at, row.expires_at, now):
        queries.mark(db, row.id, status=OutboxStatus.FAILED, last_error="expired", updated_at=now)
        report.failed += 1
        return
    try:
        if row.posted is not None:  # a revision of a message already in Slack: edit it
            channel, ts = row.posted
            transport.update(channel=channel, ts=ts, message=row.message, key=row.key)
            queries.mark_sent(db, row, channel=channel, ts=ts, now=clock.now())
            report.sent += 1
            return
        found = None
        if row.attempts > 1:
            # An earlier try may have reached Slack before failing or dying: look first.
            found = transport.find(
                channel=row.channel,
                key=row.key,
                since=row.created_at.timestamp() - 60,
                thread_ts=row.thread_ts,
                file_name=row.message.files[0].name if row.message.files else None,
            )
        channel, ts = found or transport.post(
            channel=row.channel, message=row.message, thread_ts=row.thread_ts, key=row.key
        )
    except DeliveryError as error:
        if error.permanent:
            queries.mark(
                db,
                row.id,
                status=OutboxStatus.FAILED,
                last_error=error.code[:500],
                updated_at=clock.now(),
            )
            report.failed += 1
            return
        # Slack's Retry-After is honoured by rescheduling the row, never by sleeping inside
        # its claim (a wait longer than the lease would let another round send it again).
        wait = timedelta(seconds=error.retry_after) if error.retry_after else backoff(row.attempts)
        queries.mark(db, row.id, next_attempt_at=clock.now() + wait, last_error=error.code[:500])
        report.retried += 1
        return
    queries.mark_sent(db, row, channel=channel, ts=ts, now=clock.now())
    report.sent += 1
