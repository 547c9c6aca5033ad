"""`/cobro tareas` (mine, or a collector's for their supervisor) reads the database a fixed
number of times however many tasks there are: the customers' names and the people of every
task are loaded together, not once per task."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy import event
from sqlalchemy.orm import Session, sessionmaker

from bot.core.vocabulary import Role
from bot.supervision.service import tasks_of
from bot.tasks.service import my_tasks
from models import TeamMember
from tests import builders as b


def _statements(db: sessionmaker[Session], run: Callable[[], object]) -> int:
    seen: list[str] = []
    engine = db.kw["bind"]

    def count(_conn: object, _cursor: object, statement: str, *_rest: object) -> None:
        seen.append(statement)

    event.listen(engine, "before_cursor_execute", count)
    try:
        run()
    finally:
        event.remove(engine, "before_cursor_execute", count)
    return len(seen)


def _add_tasks(db: sessionmaker[Session], ana: TeamMember, boss: TeamMember, n: int) -> None:
    with db.begin() as s:
        for k in range(n):
            customer = b.customer(s, f"Cliente {k}", ana) if k % 4 else None
            b.task(
                s,
                customer,
                ana,
                f"2026-11-{10 + k % 15:02d}",
                f"Tarea {k}",
                supervisor_id=boss.id if k % 2 else None,
            )


@pytest.mark.parametrize("whose", ["mine", "supervisor"])
def test_tareas_takes_as_many_statements_for_twenty_tasks_as_for_one(
    db: sessionmaker[Session], whose: str
) -> None:
    with db.begin() as s:
        boss = b.member(s, "U0SARA", "Sara Jiménez", Role.SUPERVISOR)
        ana = b.member(s, "U0ANA", "Ana Pérez", supervisor_id=boss.id)
        s.expunge_all()

    def ask() -> int:
        if whose == "mine":
            return len(my_tasks(db, member_id=ana.id, lang="es"))
        return len(tasks_of(db, requester_id=boss.id, person="@ana", lang="es")[1])

    _add_tasks(db, ana, boss, 1)
    one = _statements(db, ask)
    _add_tasks(db, ana, boss, 19)
    assert ask() == 20
    twenty = _statements(db, ask)
    assert twenty == one
    assert one <= 6
