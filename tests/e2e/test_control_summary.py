"""The morning digest keeps each collector's agenda as the day's plan, and the next morning's
supervisors' summary lists every collector with yesterday's plan against the calls made;
its overdue total is per currency."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime

import pytest
from sqlalchemy import select

from bot.core.db import Db
from models import CallPlan, TeamMember
from tests import builders as b
from tests.e2e.conftest import MEXICO, Harness
from tests.e2e.control_seed import start

MONDAY_8AM = datetime(2026, 11, 30, 8, 0, tzinfo=MEXICO)
TUESDAY_8AM = datetime(2026, 12, 1, 8, 0, tzinfo=MEXICO)


@pytest.fixture
def control(db_url: str, db: Db) -> Iterator[Harness]:
    yield from start(db_url, db)


def _members(bot: Harness) -> dict[str, int]:
    with bot.db() as s:
        return {m.slack_user_id: m.id for m in s.scalars(select(TeamMember))}


def test_the_plan_is_kept_and_tomorrows_summary_shows_it_against_what_was_done(
    control: Harness,
) -> None:
    control.team()
    people = _members(control)
    with control.db.begin() as s:
        ana, luis = s.get(TeamMember, people["U0ANA"]), s.get(TeamMember, people["U0LUIS"])
        assert ana is not None and luis is not None
        for n in range(3):  # three customers at the +15 step on Monday: Ana's plan is 3
            b.invoice(s, b.customer(s, f"Cliente {n}", ana), "2026-11-13", "100")
        b.invoice(s, b.customer(s, "Cliente Luis", luis), "2026-11-13", "100")
    control.jobs.digest(MONDAY_8AM)
    with control.db() as s:
        plans = {p.member_id: p.planned for p in s.scalars(select(CallPlan))}
        days = {p.day for p in s.scalars(select(CallPlan))}
    # every collector has a plan row, Bea's with nothing due
    assert plans == {people["U0ANA"]: 3, people["U0LUIS"]: 1, people["U0BEA"]: 0}
    assert days == {date(2026, 11, 30)}
    with control.db.begin() as s:
        ana = s.get(TeamMember, people["U0ANA"])
        assert ana is not None
        customer = b.customer(s, "Llamado", ana)
        b.attempt(s, customer, ana, "2026-11-30")
        b.attempt(s, customer, ana, "2026-11-30")
    control.jobs.digest(TUESDAY_8AM)
    summary = control.fake.messages_to("C0SUPER")[-1].text()
    assert "lun 30 nov: llamadas, 2 de 3 del plan" in summary  # Ana: two of three
    assert "• Bea Ruiz: 0 llamadas hoy · lun 30 nov: llamadas, 0 de 0 del plan" in summary
    assert "• Luis Gómez: 1 llamada hoy · lun 30 nov: llamadas, 0 de 1 del plan" in summary
    monday = control.fake.messages_to("C0SUPER")[0].text()
    assert (
        "vie 27 nov: 0 llamadas registradas (no se guardó plan)" in monday
    )  # before cobro kept plans


def test_the_overdue_total_is_per_currency(control: Harness) -> None:
    control.team("U0ANA")
    control.fake.private_channels.add("C0SUPER")
    people = _members(control)
    with control.db.begin() as s:
        ana = s.get(TeamMember, people["U0ANA"])
        assert ana is not None
        b.invoice(s, b.customer(s, "Pesos SA", ana), "2026-11-13", "1500")
        dollars = b.invoice(s, b.customer(s, "Dollars Inc", ana), "2026-11-13", "200")
        dollars.currency = "USD"
    control.jobs.digest(MONDAY_8AM)
    summary = control.fake.messages_to("C0SUPER")[0].text()
    assert "$1,500.00 / USD200.00" in summary
    digest = control.fake.messages_to("U0ANA")[0].text()
    assert "saldo vencido $1,500.00 / USD200.00" in digest
    assert "$1,700.00" not in summary + digest  # never added up
