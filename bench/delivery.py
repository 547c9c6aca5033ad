"""Benchmark: the morning digest delivered through the fake Slack, for 50 and 500
collectors, with the workspace ceiling at its default (300 a minute) and lifted.

    python -m bench.delivery [--collectors 50,500] [--parts 3] [--postgres URL] [--sqlite-only]

Each collector gets `parts` messages (a digest of 40 calls is three messages of up to 50
blocks) and the supervisors' channel one summary: 151 messages for 50 collectors, 1,501
for 500, as issue 16 measured. The messages are written as the digest writes them (one
bulk enqueue) and delivered as `cobro jobs run digest` does. Prints the statements the
enqueue took (bulk, and one row at a time as before), the delivery's wall time, the
fastest same-channel gap (Slack: ≥ 1 s) and the busiest minute (the ceiling).
"""

from __future__ import annotations

import argparse
import itertools
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

from sqlalchemy import delete, event

from bench.harness import MORNING
from bench.pgtemp import temporary_database
from bench.scale import POSTGRES
from bot.core.clock import FixedClock
from bot.outbox.pace import DEFAULT_PER_MINUTE, Pace
from bot.outbox.service import Outgoing, deliver, enqueue, enqueue_many
from bot.ports import Message
from handlers.notify.client import make_web_client
from handlers.notify.transport import SlackTransport
from models import OutboxMessage
from models.db import make_engine, make_session_factory, transaction
from models.migrate import upgrade
from slackfake import FakeSlack
from slackfake.stack import stack_settings


def digest_messages(collectors: int, parts: int, tag: str) -> list[Outgoing]:
    blocks = [
        {"type": "section", "text": {"type": "mrkdwn", "text": f"*Cliente {n}* · $1,500.00"}}
        for n in range(45)
    ]
    items = [
        Outgoing(
            key=f"digest:{tag}:{c}:{p}",
            channel=f"U{c:07d}",
            message=Message(f"Tus llamadas de hoy ({p}/{parts})", blocks),
        )
        for c in range(collectors)
        for p in range(1, parts + 1)
    ]
    items.append(Outgoing(key=f"summary:{tag}", channel="C0SUPER", message=Message("Resumen")))
    return items


def busiest_minute(times: list[float]) -> int:
    """The most posts within any 60 seconds."""
    most, first = 0, 0
    for last, at in enumerate(times):
        while at - times[first] >= 60:
            first += 1
        most = max(most, last - first + 1)
    return most


def count_statements(engine: Any) -> list[int]:
    counter = [0]

    @event.listens_for(engine, "before_cursor_execute")
    def _count(*_: Any) -> None:
        counter[0] += 1

    return counter


def run(
    url: str,
    label: str,
    collectors: int,
    parts: int,
    per_minute: int,
    *,
    one_by_one: bool = True,
) -> float:
    """Enqueue and deliver the digest; print what it took and return the delivery's
    seconds. `one_by_one=False` skips the comparison with the old row-at-a-time enqueue."""
    engine = make_engine(url)
    upgrade(engine)
    db = make_session_factory(engine)
    tag = f"{collectors}-{per_minute}"
    items = digest_messages(collectors, parts, tag)
    counter = count_statements(engine)
    started = time.perf_counter()
    with transaction(db) as session:
        enqueue_many(session, items)
    bulk_seconds, bulk_statements = time.perf_counter() - started, counter[0]
    single_seconds, single_statements = 0.0, 0
    if one_by_one:
        singles = digest_messages(collectors, parts, tag + "-old")
        counter[0] = 0
        started = time.perf_counter()
        with transaction(db) as session:
            for item in singles:
                enqueue(session, key=item.key, channel=item.channel, message=item.message)
        single_seconds, single_statements = time.perf_counter() - started, counter[0]
        with transaction(db) as session:  # only the bulk rows are delivered
            session.execute(delete(OutboxMessage).where(OutboxMessage.dedupe_key.like("%-old%")))
    with FakeSlack() as fake:
        settings = stack_settings(url, fake, "bench")
        transport = SlackTransport(make_web_client(settings))
        clock = FixedClock(MORNING)
        started = time.perf_counter()
        report = deliver(db, transport, clock, wait_seconds=900, pace=Pace(per_minute))
        elapsed = time.perf_counter() - started
        posts = fake.calls_to("chat.postMessage")
    engine.dispose()
    by_channel: dict[str, list[float]] = defaultdict(list)
    for call in posts:
        by_channel[str(call.params["channel"])].append(call.at)
    gaps = [b - a for ts in by_channel.values() for a, b in itertools.pairwise(ts)]
    busiest = busiest_minute(sorted(call.at for call in posts))
    ceiling = f"{per_minute}/min" if per_minute else "lifted"
    print(
        f"{label:10} {collectors:3} collectors, {len(items)} messages, ceiling {ceiling}: "
        f"delivered {report.sent} in {elapsed:.1f} s; closest same-channel gap "
        f"{min(gaps) if gaps else 0:.2f} s; busiest minute {busiest} posts"
    )
    compared = (
        f"; one row at a time {single_statements} statements, {single_seconds * 1000:.0f} ms"
        if one_by_one
        else ""
    )
    print(
        f"{label:10}     enqueue: bulk {bulk_statements} statements, {bulk_seconds * 1000:.0f} ms"
        + compared
    )
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--collectors", default="50,500")
    parser.add_argument("--parts", type=int, default=3)
    parser.add_argument("--postgres", default=POSTGRES)
    parser.add_argument("--sqlite-only", action="store_true")
    args = parser.parse_args()
    sizes = [int(n) for n in args.collectors.split(",")]
    for size in sizes:
        for per_minute in (DEFAULT_PER_MINUTE, 0):
            with tempfile.TemporaryDirectory() as tmp:
                run(f"sqlite:///{Path(tmp) / 'outbox.db'}", "sqlite", size, args.parts, per_minute)
            if args.sqlite_only:
                continue
            with temporary_database(args.postgres) as url:
                if url is not None:
                    run(url, "postgresql", size, args.parts, per_minute)


if __name__ == "__main__":
    main()
