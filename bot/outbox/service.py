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

import heapq
import itertools
import threading
import time as systime
from collections import deque
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from bot.core.clock import Clock
from bot.core.db import Db
from bot.core.vocabulary import OutboxStatus
from bot.outbox import queries
from bot.outbox.pace import Pace, shared_pace
from bot.outbox.queries import Claimed
from bot.outbox.rules import LEASE, backoff, expired
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


Outgoing = queries.Outgoing


def enqueue_many(session: Session, items: list[Outgoing]) -> int:
    """`enqueue` for a batch (the morning digest's hundreds of messages), in the caller's
    transaction, with the same once-per-key guarantee; how many were new."""
    return queries.add_many(session, items)


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

    def add(self, outcome: str) -> None:
        setattr(self, outcome, getattr(self, outcome) + 1)


# Channels are posted to concurrently by this many threads; a channel's own messages go in
# order, one a second (Pace). Most of a post is waiting on Slack, so a few threads suffice;
# no thread ever sleeps for a channel's second: the batch's dispatcher hands each thread
# the row whose moment comes first.
DELIVERY_WORKERS = 8
CLAIM_BATCH = 100
# A row is posted only while its lease has at least this much left; one whose turn comes
# later (a long queue in one channel, a low ceiling) goes back to pending, unposted.
LEASE_MARGIN = LEASE / 2


def deliver(
    db: Db,
    transport: Transport,
    clock: Clock,
    *,
    wait_seconds: float = 0.0,
    sleep: Callable[[float], None] = systime.sleep,
    keys: list[str] | None = None,
    pace: Pace | None = None,
    workers: int = DELIVERY_WORKERS,
) -> DeliveryReport:
    """Send what is due. With `wait_seconds`, keep going (sleeping until retries fall due)
    until nothing is pending or the time is up: what `cobro jobs run` does before exiting.
    With `keys`, send only those rows, once: a listener delivering what it just wrote (what
    fails is retried by the scheduler's regular delivery).

    Each claimed batch is split by channel; channels are sent concurrently, each in order
    and paced by `pace` (the process's shared one by default)."""
    pace = pace or shared_pace()
    report = DeliveryReport()
    deadline = systime.monotonic() + wait_seconds
    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="cobro-outbox") as pool:
        while True:
            batch = queries.claim(db, clock.now(), LEASE, limit=CLAIM_BATCH, keys=keys)
            if batch:
                lease_left = systime.monotonic() + (LEASE - LEASE_MARGIN).total_seconds()
                dispatch = _Dispatch(db, transport, clock, pace, lease_left, batch)
                for outcome in dispatch.run(pool, workers):
                    report.add(outcome)
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


def method_of(row: Claimed) -> str:
    """The Web API method a row's delivery calls: Retry-After is kept per method."""
    if row.posted is not None:
        return "chat.update"
    return "files.completeUploadExternal" if row.message.files else "chat.postMessage"


class _Dispatch:
    """One claimed batch: each channel's rows in order, the next one of a channel handed to
    a thread only when the previous one is done and the channel's moment (Pace) has come;
    the threads always take the earliest moment of any channel."""

    def __init__(
        self,
        db: Db,
        transport: Transport,
        clock: Clock,
        pace: Pace,
        lease_left: float,
        batch: list[Claimed],
    ) -> None:
        self.db, self.transport, self.clock, self.pace = db, transport, clock, pace
        self.lease_left = lease_left
        self.lanes: dict[str, deque[Claimed]] = {}
        for row in batch:
            self.lanes.setdefault(row.channel, deque()).append(row)
        self.ready: list[tuple[float, int, str]] = []  # (moment, order, channel)
        self.order = itertools.count()
        self.outcomes: list[str] = []
        self.running = 0
        self.failure: BaseException | None = None
        self.cond = threading.Condition()

    def run(self, pool: ThreadPoolExecutor, workers: int) -> list[str]:
        with self.cond:
            for channel in self.lanes:
                self._schedule(channel)
            while self.ready or self.running:
                if self.failure is not None and not self.running:
                    raise self.failure
                if not self.ready or self.running >= workers:
                    self.cond.wait(1.0)
                    continue
                moment, _, channel = self.ready[0]
                delay = moment - systime.monotonic()
                if delay > 0:
                    self.cond.wait(delay)  # a row finishing may bring an earlier moment
                    continue
                heapq.heappop(self.ready)
                row = self.lanes[channel].popleft()
                self.running += 1
                pool.submit(self._send, channel, row)
        if self.failure is not None:
            raise self.failure
        return self.outcomes

    def _schedule(self, channel: str) -> None:
        """Give the channel's next row its moment (the caller holds the condition)."""
        lane = self.lanes[channel]
        while lane:
            row = lane[0]
            blocked = self.pace.blocked_until(method_of(row), self.clock.now())
            if blocked is not None:  # Retry-After for its method: not before then
                lane.popleft()
                queries.mark(self.db, row.id, next_attempt_at=blocked, attempts=row.attempts - 1)
                self.outcomes.append("retried")
                continue
            # An edit (chat.update) has its own, looser limit: it is not held to the
            # channel's one post a second, nor does it take a post's place.
            edit = row.posted is not None
            moment = systime.monotonic() + (0.0 if edit else self.pace.reserve(channel))
            if moment > self.lease_left:  # its turn would outlive the lease: back, unposted
                for left in lane:
                    now = self.clock.now()
                    queries.mark(self.db, left.id, next_attempt_at=now, attempts=left.attempts - 1)
                    self.outcomes.append("retried")
                lane.clear()
                return
            heapq.heappush(self.ready, (moment, next(self.order), channel))
            return

    def _send(self, channel: str, row: Claimed) -> None:
        outcome = "retried"
        try:
            outcome = _send(self.db, self.transport, self.clock, row, self.pace, method_of(row))
        except BaseException as error:  # a database failure: stop the batch, say it
            with self.cond:
                self.failure = self.failure or error
        finally:
            with self.cond:
                if row.posted is None:
                    self.pace.posted(channel)
                self.outcomes.append(outcome)
                self.running -= 1
                if self.failure is None:
                    self._schedule(channel)
                else:
                    self.lanes[channel].clear()
                self.cond.notify()


def _send(db: Db, transport: Transport, clock: Clock, row: Claimed, pace: Pace, method: str) -> str:
    now = clock.now()
    if expired(row.created_at, row.expires_at, now):
        queries.mark(db, row.id, status=OutboxStatus.FAILED, last_error="expired", updated_at=now)
        return "failed"
    try:
        if row.posted is not None:  # a revision of a message already in Slack: edit it
            channel, ts = row.posted
            transport.update(channel=channel, ts=ts, message=row.message, key=row.key)
            queries.mark_sent(db, row, channel=channel, ts=ts, now=clock.now())
            return "sent"
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
            return "failed"
        # Slack's Retry-After is honoured by rescheduling the row, never by sleeping inside
        # its claim (a wait longer than the lease would let another round send it again).
        if error.retry_after:
            pace.block(method, clock.now(), error.retry_after)
        wait = timedelta(seconds=error.retry_after) if error.retry_after else backoff(row.attempts)
        queries.mark(db, row.id, next_attempt_at=clock.now() + wait, last_error=error.code[:500])
        return "retried"
    queries.mark_sent(db, row, channel=channel, ts=ts, now=clock.now())
    return "sent"
