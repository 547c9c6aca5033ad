"""Moving accounts, the team's day and members who left, on SQLite and PostgreSQL. Reference
day: Monday 2026-11-23, Mexico."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bot.agenda.queries import orphan_accounts
from bot.core.config import load_settings
from bot.core.errors import BadInput, Forbidden, NotFound
from bot.core.policy import Policy
from bot.core.vocabulary import PromiseStatus, Role, TaskStatus
from bot.history.queries import events
from bot.supervision.service import reassign, team_day
from models import Correction, Customer, PaymentPromise, Task, TeamMember
from tests import builders as b

MX = ZoneInfo("America/Mexico_City")
NOW = datetime(2026, 11, 23, 9, 0, tzinfo=MX)


def policy() -> Policy:
    settings = load_settings(
        _env_file=None, cobro_timezone="America/Mexico_City", cobro_country="MX"
    )
    return Policy.from_settings(settings)


@pytest.fixture
def team(db: sessionmaker[Session]) -> dict[str, int]:
    """Sara supervises Ana and Luis; Luis has two customers with a task and a promise."""
    with db.begin() as s:
        sara = b.member(s, "U0SARA", "Sara Jiménez", Role.SUPERVISOR)
        ana = b.member(s, "U0ANA", "Ana Pérez", supervisor_id=sara.id)
        luis = b.member(s, "U0LUIS", "Luis Gómez", supervisor_id=sara.id)
        lopez = b.customer(s, "Ferretería López", luis, external_id="C-100")
        sol = b.customer(s, "Papelería Sol", luis, external_id="C-200")
        b.invoice(s, lopez, "2026-10-01", "1500.00")
        b.invoice(s, sol, "2026-11-10", "300.00")
        b.task(s, lopez, luis, "2026-11-20")
        b.task(s, sol, luis, "2026-11-30", status=TaskStatus.DONE)
        b.promise(s, sol, luis, "2026-11-27", "300")
        b.promise(s, lopez, luis, "2026-11-01", "500", status=PromiseStatus.BROKEN)
        return {"sara": sara.id, "ana": ana.id, "luis": luis.id}


def test_a_whole_portfolio_moves_with_open_tasks_and_pending_promises(db, team) -> None:
    moved = reassign(db, actor_id=None, giver="U0LUIS", taker="@ana", customers_named=None, now=NOW)
    assert (moved.from_name, moved.to_name) == ("Luis Gómez", "Ana Pérez")
    assert (moved.customers, moved.tasks, moved.promises) == (2, 1, 1)
    with db() as s:
        owners = set(s.scalars(select(Customer.collector_id)))
        open_tasks = s.scalars(select(Task.assignee_id).where(Task.status == TaskStatus.OPEN))
        done_task = s.scalar(select(Task.assignee_id).where(Task.status == TaskStatus.DONE))
        pending = s.scalar(
            select(PaymentPromise.collector_id).where(
                PaymentPromise.status == PromiseStatus.PENDING
            )
        )
        broken = s.scalar(
            select(PaymentPromise.collector_id).where(PaymentPromise.status == PromiseStatus.BROKEN)
        )
        changes = list(s.scalars(select(Correction).order_by(Correction.id)))
        lopez = s.scalar(select(Customer.id).where(Customer.external_id == "C-100"))
        history = events(s, lopez, MX, "es")
    assert owners == {team["ana"]}
    assert set(open_tasks) == {team["ana"]}
    assert done_task == team["luis"]  # the record of who did it stays
    assert pending == team["ana"] and broken == team["luis"]
    assert [(c.field, c.old_value, c.new_value, c.by_id) for c in changes] == [
        ("collector", str(team["luis"]), str(team["ana"]), None),
        ("collector", str(team["luis"]), str(team["ana"]), None),
    ]
    line = next(e for e in history if e.kind == "Cambio de cuenta")
    assert line.who == "línea de comandos"
    assert line.detail == "cliente C-100, responsable de cobranza: «Luis Gómez» → «Ana Pérez»"


def test_only_the_customers_named_move_and_a_stranger_refuses_the_whole_move(db, team) -> None:
    with pytest.raises(BadInput) as refused:
        reassign(
            db,
            actor_id=None,
            giver="U0LUIS",
            taker="U0ANA",
            customers_named=["C-200", "C-999"],
            now=NOW,
        )
    assert refused.value.params["ids"] == "C-999"
    with db() as s:
        assert set(s.scalars(select(Customer.collector_id))) == {team["luis"]}
    moved = reassign(
        db, actor_id=None, giver="U0LUIS", taker="U0ANA", customers_named=["C-200"], now=NOW
    )
    assert (moved.customers, moved.tasks, moved.promises) == (1, 0, 1)


def test_a_supervisor_moves_between_their_collectors_a_collector_may_not(db, team) -> None:
    with pytest.raises(Forbidden):
        reassign(
            db, actor_id=team["ana"], giver="U0LUIS", taker="U0ANA", customers_named=None, now=NOW
        )
    moved = reassign(
        db, actor_id=team["sara"], giver="U0LUIS", taker="U0ANA", customers_named=None, now=NOW
    )
    assert moved.customers == 2
    with db() as s:
        assert set(s.scalars(select(Correction.by_id))) == {team["sara"]}


@pytest.mark.parametrize(
    ("giver", "taker", "error"),
    [
        ("U0NADIE", "U0ANA", NotFound),
        ("U0LUIS", "U0LUIS", BadInput),
        ("U0LUIS", "U0SARA", BadInput),
        ("U0ANA", "U0LUIS", BadInput),  # Ana has no customers: nothing to move
    ],
)
def test_bad_reassignments_are_refused_and_move_nothing(db, team, giver, taker, error) -> None:
    with pytest.raises(error):
        reassign(db, actor_id=None, giver=giver, taker=taker, customers_named=None, now=NOW)
    with db() as s:
        assert s.scalars(select(Correction)).all() == []


def test_accounts_of_someone_who_left_are_orphans_even_with_their_old_task(db, team) -> None:
    with db.begin() as s:
        s.get(TeamMember, team["luis"]).active = False
    with db() as s:
        orphans = orphan_accounts(s, NOW.date(), set())
    assert sorted(a.name for a in orphans) == ["Ferretería López", "Papelería Sol"]
    assert all(a.customer_id for a in orphans)


def test_the_team_day_lists_every_collector_with_zeros(db, team) -> None:
    with db.begin() as s:
        ana = s.get(TeamMember, team["ana"])
        b.attempt(s, b.customer(s, "Farmacia Luz", ana), ana, "2026-11-23")
    day = team_day(db, member_id=team["sara"], now=NOW, policy=policy())
    assert day is not None
    lines = {c.name: c for c in day.collectors}
    assert list(lines) == ["Ana Pérez", "Luis Gómez"]
    assert (lines["Ana Pérez"].done, lines["Ana Pérez"].overdue_tasks) == (1, 0)
    assert lines["Luis Gómez"].done == 0
    assert lines["Luis Gómez"].overdue_tasks == 1  # due 20 Nov, still open
    assert lines["Luis Gómez"].broken == 1  # López's broken promise, never called since
    assert lines["Luis Gómez"].planned >= 1
    assert team_day(db, member_id=team["ana"], now=NOW, policy=policy()) is None
