"""Calling hours at the moment of the call: the modal warns with the next allowed moment,
and the call can still be logged (the customer may have called). Mexico City's team."""

from __future__ import annotations

from datetime import datetime, time

from sqlalchemy import select

from models import ContactAttempt, TeamMember
from tests import builders as b
from tests.e2e.conftest import MEXICO, Harness


def _textiles(bot: Harness) -> None:
    bot.team("U0ANA")
    with bot.db.begin() as s:
        ana = s.scalars(select(TeamMember).where(TeamMember.slack_user_id == "U0ANA")).one()
        textiles = b.customer(
            s,
            "Textiles Andinos",
            ana,
            timezone="America/Bogota",
            call_days="1,2,3,4,5",
            call_start=time(7),
            call_end=time(17),
        )
        b.contact(s, textiles, "Catalina Restrepo", "Tesorera")
        b.invoice(s, textiles, "2026-10-20", "4000.00")


def test_a_call_outside_the_customers_hours_warns_and_still_logs(bot: Harness) -> None:
    _textiles(bot)
    bot.clock.set(datetime(2026, 11, 23, 19, 30, tzinfo=MEXICO))  # 20:30 in Bogotá
    bot.slack.command("U0ANA", "llamada textiles")
    view = bot.fake.last_view()
    text = str(view)
    assert "Son las 20:30 en Bogotá: ya terminó su horario para llamar" in text
    assert (
        "Próximo momento permitido: martes 24 de noviembre, 06:00, hora del equipo (07:00 en Bogotá)"
        in text
    )
    assert "Puedes registrar la llamada igual" in text
    answers = {"outcome": "no_answer"}
    assert bot.slack.submit("U0ANA", view, answers).text() == ""
    with bot.db() as s:
        assert s.scalars(select(ContactAttempt)).one() is not None


def test_a_call_within_the_customers_hours_has_no_warning(bot: Harness) -> None:
    _textiles(bot)
    bot.clock.set(datetime(2026, 11, 23, 10, 0, tzinfo=MEXICO))
    bot.slack.command("U0ANA", "llamada textiles")
    assert "Próximo momento permitido" not in str(bot.fake.last_view())


def test_a_second_call_the_same_day_warns_of_the_contact_cap(bot: Harness) -> None:
    _textiles(bot)
    with bot.db.begin() as s:
        customer = s.scalars(select(b.Customer)).one()
        ana = s.scalars(select(TeamMember)).first()
        b.attempt(s, customer, ana, "2026-11-23")
    bot.clock.set(datetime(2026, 11, 23, 11, 0, tzinfo=MEXICO))
    bot.slack.command("U0ANA", "llamada textiles")
    assert "límite de contactos" in str(bot.fake.last_view())
