"""Benchmark: the day's calls at scale (20,000 customers, 200,000 invoices, 50 collectors),
on SQLite and on PostgreSQL.

    python -m bench.agenda [--customers 20000] [--invoices 200000] [--requests 60]
                           [--collectors 500]

Prints, per database:
- the due index built from nothing (every customer marked, as after the migration or an
  import of everything), and the same agendas recomputed from scratch as before the index;
- the whole digest computed for 50 collectors (the index brought up to the day, then every
  agenda read): on the day it was built, and the next business morning (entries whose
  step, grace or task came due recomputed first): target ≤ 10 s for 500 collectors;
- `/cobro hoy` answered end to end over HTTP (signed request → the bot's answer arriving at
  the fake Slack's response_url): median and p95, target p95 ≤ 150 ms; next to the same
  request answered by a bare Bolt app (ack, then respond) in the same run, as ratios
  (target: p50 ≤ 3× the bare app's);
- with `--collectors 500`: the customers shared among 500 collectors, the index rebuilt,
  and the digest computed for all 500 the next business morning.
"""

from __future__ import annotations

import random
import statistics
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

from slack_bolt import App
from sqlalchemy import func, select, update

from bench.bulk import copy_rows, table_of
from bench.generate import collector_ids
from bench.harness import MX, SECRET, bench_settings, running_bot
from bot.agenda.service import agendas_from_scratch, compute_agendas
from bot.core.config import load_settings
from bot.core.db import Db
from bot.core.policy import Policy
from bot.core.vocabulary import AttemptOutcome, ExcuseCategory, PromiseStatus, Role, TaskKind
from bot.due import service as due_index
from bot.imports.service import import_customers, import_invoices
from bot.team.service import add_team_member
from handlers.notify.client import make_web_client
from handlers.server import HttpServer
from models import ContactAttempt, Customer, Note, PaymentPromise, Task, TeamMember
from models.db import make_engine, make_session_factory, transaction
from models.migrate import upgrade
from slackfake import FakeSlack, SlackSender

TODAY = date(2026, 11, 23)


def populate(url: str, work: Path, customers: int, invoices: int) -> None:
    """The data through the CSV import, as a team loads it, then the history on top."""
    engine = make_engine(url)
    upgrade(engine)
    db = make_session_factory(engine)
    collectors = collector_ids(50)
    for user in collectors:
        add_team_member(db, actor_id=None, reference=user, role=Role.COLLECTOR)
    import_customers(db, work / "customers.csv")
    import_invoices(db, work / "invoices.csv", default_currency="MXN")
    engine.dispose()
    add_history(url)


def add_history(url: str, per_customer: float | None = None) -> None:
    """Calls, notes, promises and tasks over four months: 40,000 attempts, 50,000 notes,
    8,000 promises and 6,000 tasks, or as many for each customer as these are for 20,000
    (`per_customer`, 1.0 at 20,000 customers)."""
    engine = make_engine(url)
    db = make_session_factory(engine)
    rng = random.Random(7)
    with transaction(db) as s:
        members = dict(s.execute(select(TeamMember.id, TeamMember.id)).all())
        owner = dict(s.execute(select(Customer.id, Customer.collector_id)).all())
        ids = list(owner)
        member_ids = list(members)
        share = 1.0 if per_customer is None else per_customer
        now = datetime.combine(TODAY, datetime.min.time(), MX).astimezone(UTC)
        attempts, notes, promises, tasks = [], [], [], []
        for _ in range(round(40_000 * share)):
            cid = rng.choice(ids)
            attempts.append(
                {
                    "customer_id": cid,
                    "member_id": owner[cid],
                    "at": now - timedelta(days=rng.randint(1, 120)),
                    "outcome": AttemptOutcome.ANSWERED,
                }
            )
        for _ in range(round(50_000 * share)):
            cid = rng.choice(ids)
            notes.append(
                {
                    "customer_id": cid,
                    "author_id": owner[cid],
                    "spoke_with": "Marisol",
                    "excuse_category": rng.choice(list(ExcuseCategory)),
                    "excuse": "gerente de vacaciones",
                    "agreement": "paga el viernes",
                    "hashtags": "#vacaciones",
                    "created_at": now - timedelta(days=rng.randint(1, 120)),
                }
            )
        for _ in range(round(8_000 * share)):
            cid = rng.choice(ids)
            status = rng.choice([PromiseStatus.PENDING, PromiseStatus.KEPT, PromiseStatus.BROKEN])
            promised_for = TODAY + timedelta(days=rng.randint(-30, 10))
            # A broken promise has the moment it broke, as the nudges record it.
            broken_at = (
                datetime.combine(promised_for + timedelta(days=2), datetime.min.time(), MX)
                if status == PromiseStatus.BROKEN
                else None
            )
            promises.append(
                {
                    "customer_id": cid,
                    "collector_id": owner[cid],
                    "amount": Decimal("1000.00"),
                    "promised_for": promised_for,
                    "status": status,
                    "paid_amount": Decimal("0"),
                    "broken_at": broken_at,
                }
            )
        for _ in range(round(6_000 * share)):
            cid = rng.choice(ids)
            tasks.append(
                {
                    "customer_id": cid,
                    "text": "Llamar de nuevo",
                    "kind": TaskKind.CALL,
                    "due_date": TODAY + timedelta(days=rng.randint(-10, 10)),
                    "assignee_id": rng.choice(member_ids),
                    "creator_id": rng.choice(member_ids),
                }
            )
        for model, rows in (
            (ContactAttempt, attempts),
            (Note, notes),
            (PaymentPromise, promises),
            (Task, tasks),
        ):
            copy_rows(s.connection(), table_of(model), rows)
        # Bulk inserts bypass the ORM's events: mark everyone, as the migration does.
        due_index.mark_everyone(session=s)
    engine.dispose()


def percentile(samples: list[float], share: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(len(ordered) * share))]


def measure_hoy(
    sender: SlackSender,
    fake: FakeSlack,
    users: list[str],
    requests: int,
    text: Callable[[int], str] = lambda _: "hoy",
    acks: list[float] | None = None,
) -> list[float]:
    """Time from the signed request to the first answer at its own response_url; then let
    the rest of that answer arrive before the next request, so requests never overlap.
    `text` gives the n-th request's words (`/cobro hoy` unless told); the acks' times go
    into `acks` when given."""
    samples = []
    for n in range(requests):
        url = fake.response_url("bench")
        started = time.perf_counter()
        reply = sender.command(users[n % len(users)], text(n), response_url=url)
        assert reply.status == 200, reply.body
        if acks is not None:
            acks.append(reply.elapsed)
        fake.wait_for_url(url, timeout=30)
        samples.append(time.perf_counter() - started)
        fake.wait_quiet(0.3)
    return samples


def bare_bolt(api_url: str) -> App:
    settings = load_settings(_env_file=None, slack_bot_token="xoxb-bench", slack_api_url=api_url)
    app = App(client=make_web_client(settings), signing_secret=SECRET)

    @app.command("/cobro")
    def hoy(ack, respond) -> None:
        ack()
        respond(text="hola", response_type="ephemeral")

    return app


@contextmanager
def bare_bolt_here(fake: FakeSlack) -> Iterator[SlackSender]:
    """The bare Bolt app served on loopback in this process (as `running_bot` serves cobro)."""
    bare = HttpServer(
        bare_bolt(fake.api_url), signing_secret=SECRET, host="127.0.0.1", port=0
    ).start_background()
    try:
        yield SlackSender(f"http://127.0.0.1:{bare.port}/slack/events", SECRET, fake=fake)
    finally:
        bare.close()


def digest(db, ids: list[int], day: date, policy: Policy) -> tuple[float, int, int]:
    """The digest's computation as run_digest does it: the index brought up to the day in
    its own transaction, then every agenda read. (seconds, customers recomputed, calls)."""
    started = time.perf_counter()
    refreshed = due_index.refresh(db, collector_ids=None, day=day, policy=policy)
    with db() as s:
        agendas = compute_agendas(s, collector_ids=ids, day=day, policy=policy)
    took = time.perf_counter() - started
    return took, refreshed, sum(agenda.total for agenda in agendas.values())


def share_among(db, collectors: int) -> list[int]:
    """Add collectors until there are `collectors`, and deal the customers out among them."""
    with transaction(db) as s:
        present = s.scalar(select(func.count()).select_from(TeamMember)) or 0
    for user in collector_ids(collectors)[present:]:
        add_team_member(db, actor_id=None, reference=user, role=Role.COLLECTOR)
    with transaction(db) as s:
        ids = list(s.scalars(select(TeamMember.id).order_by(TeamMember.id)))
        rows = [
            {"id": cid, "collector_id": ids[n % len(ids)]}
            for n, cid in enumerate(s.scalars(select(Customer.id).order_by(Customer.id)))
        ]
        for start in range(0, len(rows), 5000):
            s.execute(update(Customer), rows[start : start + 5000])
        due_index.mark_everyone(session=s)
    return ids


def time_digest(db: Db, policy: Policy) -> tuple[float, int]:
    """Every collector's agenda as the morning digest computes them (the index brought up
    to the day first): seconds, calls due."""
    with db() as s:
        collectors = list(s.scalars(select(TeamMember.id).where(TeamMember.role == Role.COLLECTOR)))
    took, _, calls = digest(db, collectors, TODAY, policy)
    return took, calls


def run(url: str, label: str, requests: int, collectors: int, scratch: bool = True) -> None:
    engine = make_engine(url)
    db = make_session_factory(engine)
    with FakeSlack() as fake:
        policy = Policy.from_settings(bench_settings(url, fake))
        with db() as s:
            members = list(s.execute(select(TeamMember.id, TeamMember.slack_user_id)).all())
        ids = [member_id for member_id, _ in members]
        started = time.perf_counter()
        built = due_index.refresh(db, collector_ids=None, day=TODAY, policy=policy)
        print(
            f"{label:10} due index built: {built} customers in {time.perf_counter() - started:.2f} s"
        )
        if scratch:
            started = time.perf_counter()
            with db() as s:
                agendas_from_scratch(s, collector_ids=ids, day=TODAY, policy=policy)
            print(
                f"{label:10} digest from scratch (before the index), {len(ids)} collectors: "
                f"{time.perf_counter() - started:.2f} s"
            )
        took, refreshed, total_calls = digest(db, ids, TODAY, policy)
        print(
            f"{label:10} digest for {len(ids)} collectors, same day: {took:.2f} s "
            f"({refreshed} recomputed, {total_calls} due calls)"
        )
        users = [slack_id for _, slack_id in members]
        with bare_bolt_here(fake) as plain, running_bot(url, db, fake) as cobro:
            measure_hoy(cobro, fake, users, 5)
            measure_hoy(plain, fake, users, 5)
            ours = measure_hoy(cobro, fake, users, requests)
            theirs = measure_hoy(plain, fake, users, requests)
        tomorrow = policy.calendar.next_business_day(TODAY, include_today=False)
        took, refreshed, total_calls = digest(db, ids, tomorrow, policy)
        print(
            f"{label:10} digest for {len(ids)} collectors, next morning: {took:.2f} s "
            f"({refreshed} recomputed, {total_calls} due calls)  (target ≤ 10 s for 500)"
        )
        if collectors > len(ids):
            many = share_among(db, collectors)
            started = time.perf_counter()
            built = due_index.refresh(db, collector_ids=None, day=TODAY, policy=policy)
            print(
                f"{label:10} {len(many)} collectors: index rebuilt, {built} customers in "
                f"{time.perf_counter() - started:.2f} s"
            )
            took, refreshed, total_calls = digest(db, many, tomorrow, policy)
            print(
                f"{label:10} digest for {len(many)} collectors, next morning: {took:.2f} s "
                f"({refreshed} recomputed, {total_calls} due calls)  (target ≤ 10 s)"
            )
    engine.dispose()
    p50, bare50 = statistics.median(ours), statistics.median(theirs)
    p95, bare95 = percentile(ours, 0.95), percentile(theirs, 0.95)
    print(
        f"{label:10} /cobro hoy over HTTP, {requests} requests: median "
        f"{p50 * 1000:.0f} ms, p95 {p95 * 1000:.0f} ms  (target p95 ≤ 150 ms)"
    )
    print(
        f"{label:10} bare Bolt app, same request: median {bare50 * 1000:.0f} ms, "
        f"p95 {bare95 * 1000:.0f} ms; cobro / bare: median {p50 / bare50:.1f}× "
        f"(target ≤ 3×), p95 {p95 / bare95:.1f}×"
    )


def main() -> None:
    from bench.scale import on_both_databases, scale_arguments

    parser = scale_arguments(__doc__)
    parser.add_argument("--requests", type=int, default=60)
    parser.add_argument("--collectors", type=int, default=50)
    args = parser.parse_args()
    on_both_databases(args, lambda url, label: run(url, label, args.requests, args.collectors))


if __name__ == "__main__":
    main()
