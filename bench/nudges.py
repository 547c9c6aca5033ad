"""Benchmark: how many messages each person gets a business day, over the demo fortnight.

    python -m bench.nudges [--start 2026-11-30] [--days 14]

The demo's seed (slackfake.seed) and the real jobs against the fake Slack: the digest at
its time and a nudge round every 15 minutes of the calling day, on every business day. To
give the nudges something to say, each business morning every collector "logs" three calls
that set a follow-up task (two business days ahead, some at a stated time) and a promise
(three business days ahead); a collector does half of yesterday's tasks and a third of the
promises are paid. Prints the messages posted (chat.postMessage) per person per business
day, the digest apart, and the edits (chat.update) beside them.
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
from collections import Counter
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy import select

from bot.core.calendar import BusinessCalendar
from bot.core.vocabulary import PromiseStatus, TaskKind, TaskStatus
from models import Customer, PaymentPromise, Task, TeamMember
from models.db import make_engine, make_session_factory, transaction
from models.migrate import upgrade
from slackfake.seed import COLLECTORS, TEAM, seed
from slackfake.stack import start_stack

MX = ZoneInfo("America/Mexico_City")
CHANNEL = "C0SUPERVISORES"


def _activity(db: object, day: date, calendar: BusinessCalendar, rng: random.Random) -> None:
    """A morning's calls, as their results: new tasks and promises; yesterday's work done."""
    with transaction(db) as s:  # type: ignore[arg-type]
        now = datetime.combine(day, time(8, 5), MX).astimezone(UTC)
        for task in s.scalars(select(Task).where(Task.status == TaskStatus.OPEN)):
            if task.due_date < day and rng.random() < 0.5:
                task.status, task.done_at = TaskStatus.DONE, now
        for promise in s.scalars(
            select(PaymentPromise).where(PaymentPromise.status == PromiseStatus.PENDING)
        ):
            if promise.promised_for < day and rng.random() < 0.33:
                promise.status, promise.paid_amount = PromiseStatus.KEPT, promise.amount
        for person in COLLECTORS:
            member = s.scalars(
                select(TeamMember).where(TeamMember.slack_user_id == person.slack_id)
            ).one()
            mine = list(s.scalars(select(Customer).where(Customer.collector_id == member.id)))
            for customer in rng.sample(mine, 3):
                s.add(
                    Task(
                        customer_id=customer.id,
                        text="Llamar para confirmar el pago",
                        kind=TaskKind.CALL,
                        due_date=calendar.add_business_days(day, 2),
                        due_time=time(11, 30) if rng.random() < 0.2 else None,
                        assignee_id=member.id,
                        creator_id=member.id,
                    )
                )
                s.add(
                    PaymentPromise(
                        customer_id=customer.id,
                        collector_id=member.id,
                        amount=Decimal(rng.randrange(1_000, 20_000, 500)),
                        promised_for=calendar.add_business_days(day, 3),
                        status=PromiseStatus.PENDING,
                    )
                )


def measure(start: date, days: int) -> tuple[dict[str, list[int]], dict[str, list[int]]]:
    """Per person: messages posted and messages edited on each business day."""
    calendar = BusinessCalendar("MX")
    rng = random.Random(18)
    with tempfile.TemporaryDirectory() as work:
        url = f"sqlite:///{Path(work) / 'bench.db'}"
        engine = make_engine(url)
        upgrade(engine)
        db = make_session_factory(engine)
        with transaction(db) as session:
            seed(session, start, MX, calendar)
        first = datetime.combine(start, time(7), MX)
        stack = start_stack(
            url,
            db,
            at=first,
            cobro_supervisors_channel=CHANNEL,
            cobro_currency="MXN",
        )
        for person in TEAM:
            stack.fake.add_user(person.slack_id, person.name, email=person.email)
        stack.fake.private_channels.add(CHANNEL)
        names = {p.slack_id: p.name for p in TEAM} | {CHANNEL: "#supervisores"}
        posted: dict[str, list[int]] = {name: [] for name in names.values()}
        edited: dict[str, list[int]] = {name: [] for name in names.values()}
        try:
            for offset in range(days):
                day = start + timedelta(days=offset)
                if not calendar.is_business_day(day):
                    continue
                _activity(db, day, calendar, rng)
                seen_posts = len(stack.fake.calls_to("chat.postMessage"))
                seen_edits = len(stack.fake.calls_to("chat.update"))
                moment = datetime.combine(day, time(8), MX)
                stack.clock.set(moment)
                stack.jobs.digest(moment)
                stack.fake.wait_quiet(0.05)
                seen_posts = len(stack.fake.calls_to("chat.postMessage"))
                while moment.time() <= time(18):
                    stack.clock.set(moment)
                    stack.jobs.nudges(moment)
                    moment += timedelta(minutes=15)
                stack.fake.wait_quiet(0.1)
                posts = Counter(
                    c.params["channel"]
                    for c in stack.fake.calls_to("chat.postMessage")[seen_posts:]
                )
                # An edit names the DM channel Slack answered the post with (D… for U…).
                edits = Counter(
                    "U" + c.params["channel"][1:]
                    if c.params["channel"].startswith("D")
                    else c.params["channel"]
                    for c in stack.fake.calls_to("chat.update")[seen_edits:]
                )
                for channel, name in names.items():
                    posted[name].append(posts[channel])
                    edited[name].append(edits[channel])
        finally:
            stack.close()
    return posted, edited


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--start", default="2026-11-30")
    parser.add_argument("--days", type=int, default=14)
    args = parser.parse_args()
    posted, edited = measure(date.fromisoformat(args.start), args.days)
    print("messages per business day besides the digest (posted; edits in place)")
    for name, counts in posted.items():
        edits = edited[name]
        print(
            f"{name:16} posted mean {statistics.mean(counts):5.1f} max {max(counts):3d}"
            f" · edited mean {statistics.mean(edits):5.1f} · by day {counts}"
        )


if __name__ == "__main__":
    main()
