"""The report's figures grouped by the database equal the figures added up row by row in
Python (the way they were computed before, kept in `tests/bot/reports/oracle.py`), on a
random team's two months: calls near midnight, corrections, notes replaced and alike,
promises of every status, tasks opened and closed on every day, payments with and
without an invoice, invoices in one currency or in two. Monday 23 November 2026."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal

import pytest
from sqlalchemy.orm import Session, sessionmaker

from bot.core.config import load_settings
from bot.core.policy import Policy
from bot.core.vocabulary import AttemptOutcome, ExcuseCategory, PromiseStatus, Role, TaskStatus
from bot.reports.rules import Period, Scope, this_month
from bot.reports.service import build_report
from models import (
    CallPlan,
    ContactAttempt,
    Correction,
    Customer,
    Invoice,
    Note,
    Payment,
    PaymentPromise,
    Task,
    TeamMember,
)
from tests.bot.reports import oracle

POLICY = Policy.from_settings(
    load_settings(_env_file=None, cobro_timezone="America/Mexico_City", cobro_country="MX")
)
TODAY = date(2026, 11, 23)
FIRST = date(2026, 9, 20)  # the data spans two months and a bit before the periods


def _instant(rng: random.Random) -> datetime:
    """A moment of the data's days, often within minutes of a local midnight."""
    day = FIRST + timedelta(days=rng.randint(0, (TODAY - FIRST).days + 3))
    if rng.random() < 0.3:
        local = datetime.combine(day, time(0), POLICY.tz) + timedelta(minutes=rng.randint(-3, 3))
    else:
        local = datetime.combine(day, time(rng.randint(0, 23), rng.randint(0, 59)), POLICY.tz)
    return local.astimezone(UTC)


def _day(rng: random.Random, after: int = 3) -> date:
    return FIRST + timedelta(days=rng.randint(0, (TODAY - FIRST).days + after))


def _money(rng: random.Random) -> Decimal:
    return Decimal(rng.randint(1, 200_000)) / 100


def seed(s: Session, rng: random.Random, currencies: list[str]) -> list[int]:
    """A supervisor, five collectors (one gone), customers with and without a collector."""
    boss = TeamMember(slack_user_id="U0SARA", name="Sara", role=Role.SUPERVISOR)
    s.add(boss)
    s.flush()
    people = [
        TeamMember(
            slack_user_id=f"U0C{n}",
            name=f"Cobrador {n % 4}",  # two share a name: keyed by id
            role=Role.COLLECTOR,
            supervisor_id=boss.id if n < 3 else None,
            active=n != 4,
        )
        for n in range(5)
    ]
    s.add_all(people)
    s.flush()
    ids = [p.id for p in people]
    customers = [
        Customer(
            external_id=f"C{n:04d}",
            name=f"Cliente {n}",
            search_name=f"cliente {n}",
            collector_id=rng.choice([*ids, None]),
        )
        for n in range(60)
    ]
    s.add_all(customers)
    s.flush()
    invoices = []
    for n in range(400):
        due = _day(rng, after=30) - timedelta(days=rng.choice([0, 40, 100, 150]))
        amount = _money(rng)
        invoices.append(
            Invoice(
                number=f"F{n:05d}",
                customer_id=rng.choice(customers).id,
                issue_date=None if rng.random() < 0.2 else due - timedelta(days=30),
                due_date=due,
                amount=amount,
                balance=rng.choice([Decimal(0), amount, (amount / 2).quantize(Decimal("0.01"))]),
                currency=rng.choice(currencies),
            )
        )
    s.add_all(invoices)
    s.flush()
    for n in range(250):
        invoice = rng.choice(invoices) if rng.random() < 0.7 else None
        s.add(
            Payment(
                import_key=f"p{n}",
                customer_id=invoice.customer_id if invoice else rng.choice(customers).id,
                invoice_id=invoice.id if invoice else None,
                amount=_money(rng),
                paid_on=_day(rng, after=0),
            )
        )
    attempts = []
    for _ in range(300):
        attempts.append(
            ContactAttempt(
                customer_id=rng.choice(customers).id,
                member_id=rng.choice([*ids, boss.id]),
                at=_instant(rng),
                outcome=rng.choice(list(AttemptOutcome)),
            )
        )
    s.add_all(attempts)
    s.flush()
    for attempt in rng.sample(attempts, 40):
        for kind in rng.sample(["attempt", "note", "promise", "renegotiation"], 2):
            s.add(
                Correction(
                    attempt_id=attempt.id,
                    customer_id=attempt.customer_id,
                    kind=kind,
                    item_id=attempt.id,
                    field="outcome",
                    at=attempt.at,
                )
            )
    notes = []
    for _ in range(300):
        attempt = rng.choice(attempts) if rng.random() < 0.6 else None
        notes.append(
            Note(
                customer_id=attempt.customer_id if attempt else rng.choice(customers).id,
                author_id=attempt.member_id if attempt else rng.choice(ids),
                attempt_id=attempt.id if attempt else None,
                spoke_with=rng.choice([None, "", "Marisol", "Pedro"]),
                excuse_category=rng.choice([None, *list(ExcuseCategory)[:4]]),
                excuse=rng.choice([None, "", "está de vacaciones", "ok"]),
                agreement=rng.choice([None, "", "paga el viernes"]),
                hashtags=rng.choice(["", "#vacaciones", "#urgente #vacaciones", "#cheque"]),
                # Written at its call or after it, as log_call and a correction do; often
                # across a local midnight from it.
                created_at=(
                    attempt.at + timedelta(minutes=rng.choice([0, 0, 5, 30, 24 * 60 + 1]))
                    if attempt
                    else _instant(rng)
                ),
            )
        )
    s.add_all(notes)
    s.flush()
    for note in rng.sample(notes, 40):  # corrections replace the notes they correct
        note.corrects_id = rng.choice(notes).id
    for _ in range(150):
        status = rng.choice(list(PromiseStatus))
        amount = _money(rng)
        s.add(
            PaymentPromise(
                customer_id=rng.choice(customers).id,
                collector_id=rng.choice(ids),
                amount=amount,
                promised_for=_day(rng, after=10),
                status=status,
                paid_amount=rng.choice([Decimal(0), amount / 4, amount, amount * 2]),
                renegotiations=rng.choice([0, 0, 1, 2]),
                broken_at=_instant(rng) if status in ("broken", "partial") else None,
                created_at=_instant(rng),
            )
        )
    for _ in range(150):
        status = rng.choice(list(TaskStatus))
        opened = _instant(rng)
        closed = opened + timedelta(hours=rng.randint(1, 24 * 30))
        s.add(
            Task(
                customer_id=rng.choice(customers).id if rng.random() < 0.9 else None,
                text="Llamar",
                due_date=_day(rng, after=5),
                assignee_id=rng.choice(ids),
                creator_id=boss.id,
                status=status,
                created_at=opened,
                done_at=closed if status == TaskStatus.DONE and rng.random() < 0.8 else None,
                updated_at=closed,
                note_id=rng.choice(notes).id if rng.random() < 0.3 else None,
            )
        )
    plans = {(rng.choice(ids), _day(rng, after=0)) for _ in range(80)}
    for member_id, day in plans:
        s.add(CallPlan(day=day, member_id=member_id, planned=rng.randint(0, 40), beyond=3))
    return ids


@pytest.mark.parametrize("currencies", [["MXN"], ["MXN", "USD"]], ids=["one", "two"])
@pytest.mark.parametrize("seed_number", [1, 2])
def test_the_grouped_figures_equal_the_ones_added_up_row_by_row(
    db: sessionmaker[Session], currencies: list[str], seed_number: int
) -> None:
    rng = random.Random(seed_number)
    with db.begin() as s:
        ids = seed(s, rng, currencies)
    scopes = [
        Scope(None, ""),
        Scope([ids[0]], "uno", "mine"),
        Scope([ids[1], ids[2], ids[4]], "grupo", "group"),
    ]
    periods = [
        this_month(TODAY),  # and the same days of last month
        Period(TODAY, TODAY, "day"),  # one day: nothing grouped by day
        Period(date(2026, 9, 25), date(2026, 11, 20)),  # and as many days before
    ]
    with db() as s:
        for scope in scopes:
            for period in periods:
                grouped = build_report(s, period, scope, policy=POLICY, today=TODAY, currency="MXN")
                added = oracle.build_report(
                    s, period, scope, policy=POLICY, today=TODAY, currency="MXN"
                )
                assert grouped == added, (scope, period)
                assert grouped.current.team.attempts > 0 or scope.member_ids is not None
