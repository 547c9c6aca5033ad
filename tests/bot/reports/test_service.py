"""The report read from the database: promises judged by the rule, not by which job ran.
Monday 23 November 2026, 08:00 in Mexico City (Monday 16 was a holiday)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy.orm import Session, sessionmaker

from bot.core.config import load_settings
from bot.core.policy import Policy
from bot.core.vocabulary import PromiseStatus
from bot.reports.rules import Period, Scope
from bot.reports.service import build_report
from tests import builders as b

POLICY = Policy.from_settings(
    load_settings(_env_file=None, cobro_timezone="America/Mexico_City", cobro_country="MX")
)
MONDAY = date(2026, 11, 23)
LAST_WEEK = Period(date(2026, 11, 16), date(2026, 11, 22), "week")


@pytest.mark.parametrize(
    ("paid", "due", "counted"),
    [
        ("0", "2026-11-17", "broken"),  # past its grace, never marked: broken all the same
        ("300", "2026-11-17", "partial"),  # some money came: partly kept
        ("0", "2026-11-20", "pending"),  # Friday's grace runs to Monday: not judged yet
    ],
)
def test_a_promise_past_its_grace_counts_as_broken_before_any_round_marks_it(
    db: sessionmaker[Session], paid: str, due: str, counted: str
) -> None:
    with db.begin() as s:
        ana = b.member(s, "U0ANA", "Ana")
        lopez = b.lopez(s, ana)
        b.invoice(s, lopez, "2026-11-06", "1500")
        promise = b.promise(s, lopez, ana, due, "1000")
        promise.paid_amount = Decimal(paid)
        assert promise.status == PromiseStatus.PENDING  # as stored: no nudge round ran
    with db() as s:
        report = build_report(
            s, LAST_WEEK, Scope(None, ""), policy=POLICY, today=MONDAY, currency="MXN"
        )
    team = report.current.team
    assert (team.due, getattr(team, counted)) == (1, 1)
    assert team.resolved == (0 if counted == "pending" else 1)
