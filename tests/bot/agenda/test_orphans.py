"""The supervisors' orphan accounts in one grouped query equal the accounts found the
way they were before (overdue balances, then who works them, then names and currencies, in
Python: kept here as the oracle), on random teams; and they take one statement."""

from __future__ import annotations

import random
from collections import defaultdict
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from sqlalchemy import event, func, select
from sqlalchemy.orm import Session, sessionmaker

from bot.agenda.queries import orphan_accounts
from bot.agenda.rules import Account
from bot.core.vocabulary import PromiseStatus, Role, TaskStatus
from models import Customer, Invoice, PaymentPromise, Task, TeamMember

ZERO = Decimal("0")
DAY = date(2026, 11, 23)


def orphan_accounts_row_by_row(session: Session, day: date, due_today: set[int]) -> list[Account]:
    """As `bot.agenda.queries.orphan_accounts` was, kept as the oracle: customers with an overdue balance whom nobody is working: no call due today, no open
    task, no pending promise of someone still on the team (and those with no collector at
    all, or one who left). Accounts handed over to an agency or legal are not ours to work."""
    overdue = dict(
        session.execute(
            select(Invoice.customer_id, func.sum(Invoice.balance))
            .join(Customer, Customer.id == Invoice.customer_id)
            .where(Invoice.balance > ZERO, Invoice.due_date < day)
            .where(Customer.handed_over_at.is_(None))
            .group_by(Invoice.customer_id)
        ).all()
    )
    if not overdue:
        return []
    on_team = select(TeamMember.id).where(TeamMember.active.is_(True))
    worked = set(
        session.scalars(
            select(Task.customer_id).where(
                Task.status == TaskStatus.OPEN,
                Task.customer_id.is_not(None),
                Task.assignee_id.in_(on_team),
            )
        )
    ) | set(
        session.scalars(
            select(PaymentPromise.customer_id).where(
                PaymentPromise.status == PromiseStatus.PENDING,
                PaymentPromise.collector_id.in_(on_team),
            )
        )
    )
    orphan_ids = [cid for cid in overdue if cid not in due_today and cid not in worked]
    if not orphan_ids:
        return []
    names: dict[int, tuple[str, str | None]] = defaultdict(lambda: ("?", None))
    for chunk_start in range(0, len(orphan_ids), 5000):
        chunk = orphan_ids[chunk_start : chunk_start + 5000]
        for cid, name, collector in session.execute(
            select(Customer.id, Customer.name, TeamMember.name)
            .outerjoin(TeamMember, TeamMember.id == Customer.collector_id)
            .where(Customer.id.in_(chunk))
        ):
            names[cid] = (name, collector)
    currency = dict(
        session.execute(
            select(Invoice.customer_id, func.min(Invoice.currency))
            .where(Invoice.customer_id.in_(orphan_ids[:5000]))
            .group_by(Invoice.customer_id)
        ).all()
    )
    accounts = [
        Account(names[cid][0], overdue[cid], currency.get(cid, ""), names[cid][1], cid)
        for cid in orphan_ids
    ]
    accounts.sort(key=lambda a: -a.overdue)
    return accounts


def seed(s: Session, rng: random.Random) -> list[int]:
    people = [
        TeamMember(slack_user_id=f"U{n}", name=f"Cobrador {n}", role=Role.COLLECTOR, active=n < 3)
        for n in range(4)
    ]
    s.add_all(people)
    s.flush()
    customers = [
        Customer(
            external_id=f"C{n}",
            name=f"Cliente {n}",
            search_name=f"cliente {n}",
            collector_id=rng.choice([None, *(p.id for p in people)]),
            handed_over_at=datetime(2026, 11, 1, tzinfo=UTC) if rng.random() < 0.1 else None,
        )
        for n in range(80)
    ]
    s.add_all(customers)
    s.flush()
    for n in range(300):
        amount = Decimal(rng.choice([100, 250, 1000, 2500]))  # ties in the order, on purpose
        s.add(
            Invoice(
                number=f"F{n}",
                customer_id=rng.choice(customers).id,
                due_date=date(2026, rng.randint(9, 12), rng.randint(1, 28)),
                amount=amount,
                balance=rng.choice([ZERO, amount]),
                currency=rng.choice(["MXN", "MXN", "USD"]),
            )
        )
    for _ in range(40):
        s.add(
            Task(
                customer_id=rng.choice(customers).id,
                text="Llamar",
                due_date=DAY,
                assignee_id=rng.choice(people).id,
                creator_id=people[0].id,
                status=rng.choice(list(TaskStatus)),
            )
        )
    for _ in range(40):
        s.add(
            PaymentPromise(
                customer_id=rng.choice(customers).id,
                collector_id=rng.choice(people).id,
                amount=Decimal(100),
                promised_for=DAY,
                status=rng.choice(list(PromiseStatus)),
            )
        )
    return [c.id for c in customers]


@pytest.mark.parametrize("seed_number", [1, 2, 3])
def test_orphans_in_one_query_equal_the_ones_found_step_by_step(
    db: sessionmaker[Session], seed_number: int
) -> None:
    rng = random.Random(seed_number)
    with db.begin() as s:
        ids = seed(s, rng)
    due_today = set(rng.sample(ids, 15))
    statements: list[str] = []
    engine = db.kw["bind"]

    def count(*args: object) -> None:
        statements.append(str(args[2]))

    with db() as s:
        event.listen(engine, "before_cursor_execute", count)
        try:
            found = orphan_accounts(s, DAY, due_today)
        finally:
            event.remove(engine, "before_cursor_execute", count)
        expected = orphan_accounts_row_by_row(s, DAY, due_today)
    assert len(statements) == 1
    assert found, "the random team has orphans"
    # The same accounts, largest first; among equal balances the oracle's order was the
    # database's, so compare the accounts of each balance as a set.
    assert [a.overdue for a in found] == [a.overdue for a in expected]
    assert sorted(found, key=_key) == sorted(expected, key=_key)


def _key(account: Account) -> tuple[Decimal, int]:
    return (account.overdue, account.customer_id)
