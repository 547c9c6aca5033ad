"""Nudges and escalations through the outbox to the fake Slack: the right person, the right
time, exactly once. Mexico City; Monday 16 November 2026 is a public holiday there."""

from __future__ import annotations

from datetime import datetime, time

from sqlalchemy import select

from bot.nudges.rules import NudgeResult
from models import Customer, OutboxMessage, PaymentPromise, TeamMember
from models.enums import PromiseStatus
from slackfake import Call
from tests import builders as b
from tests.e2e.conftest import MEXICO, Harness


def _at(day: str, hour: int = 9, minute: int = 0) -> datetime:
    return datetime.combine(datetime.fromisoformat(day).date(), time(hour, minute), MEXICO)


def _team(bot: Harness) -> None:
    bot.team("U0ANA")


def _ids(bot: Harness) -> tuple[TeamMember, Customer]:
    with bot.db() as s:
        ana = s.scalars(select(TeamMember).where(TeamMember.slack_user_id == "U0ANA")).one()
        lopez = s.scalars(select(Customer)).one()
        return ana, lopez


def _run(bot: Harness, when: datetime) -> NudgeResult:
    bot.clock.set(when)
    result = bot.jobs.nudges(when)
    bot.fake.wait_quiet(0.2)
    return result


def _to(bot: Harness, channel: str) -> list[Call]:
    return [c for c in bot.fake.calls_to("chat.postMessage") if c.params["channel"] == channel]


def _seed(bot: Harness) -> None:
    _team(bot)
    with bot.db.begin() as s:
        ana = s.scalars(select(TeamMember).where(TeamMember.slack_user_id == "U0ANA")).one()
        lopez = b.customer(s, "Ferretería López", ana)
        b.invoice(s, lopez, "2026-10-01", "1000.00")


def test_a_task_is_nudged_when_its_time_comes_and_only_once(bot: Harness) -> None:
    _seed(bot)
    ana, lopez = _ids(bot)
    with bot.db.begin() as s:
        b.task(s, lopez, ana, "2026-11-23", "Enviar copia de la factura", due_time=time(10, 0))
    assert _run(bot, _at("2026-11-23", 9)).ran
    assert _to(bot, "U0ANA") == []
    _run(bot, _at("2026-11-23", 10))
    (dm,) = _to(bot, "U0ANA")
    assert "Es hora: *Enviar copia de la factura*" in dm.text()
    assert "cobro_task_done" in dm.text() and "cobro_task_snooze" in dm.text()
    _run(bot, _at("2026-11-23", 10, 15))
    _run(bot, _at("2026-11-23", 14, 30))
    assert len(_to(bot, "U0ANA")) == 1


def test_an_overdue_task_each_business_morning_then_escalated_once(bot: Harness) -> None:
    _seed(bot)
    ana, lopez = _ids(bot)
    with bot.db.begin() as s:
        b.task(s, lopez, ana, "2026-11-20", "Verificar el pago")  # Friday
    _run(bot, _at("2026-11-23", 8))  # Monday: 1 business day late
    _run(bot, _at("2026-11-23", 11, 15))
    assert len(_to(bot, "U0ANA")) == 1  # the day's list, once
    assert "vencida hace 1 día hábil" in _to(bot, "U0ANA")[0].text()
    assert _to(bot, "C0SUPER") == []
    _run(bot, _at("2026-11-24", 8))  # Tuesday: 2 business days late → escalated
    assert len(_to(bot, "U0ANA")) == 2
    (channel,) = _to(bot, "C0SUPER")  # once, to the channel (COBRO_ESCALATE_TO's default)
    assert "una tarea de Ana Pérez lleva 2 días hábiles vencida" in channel.text()
    assert "Ferretería López" not in channel.text()  # a public channel: no customer details
    assert _to(bot, "U0SARA") == []  # never twice: not by DM as well
    _run(bot, _at("2026-11-25", 8))  # Wednesday: on the list again, not escalated again
    assert len(_to(bot, "U0ANA")) == 3
    assert _to(bot, "U0SARA") == [] and len(_to(bot, "C0SUPER")) == 1


def test_a_private_supervisors_channel_gets_the_details(bot: Harness) -> None:
    _seed(bot)
    bot.fake.private_channels.add("C0SUPER")
    ana, lopez = _ids(bot)
    with bot.db.begin() as s:
        b.task(s, lopez, ana, "2026-11-19", "Verificar el pago")
    _run(bot, _at("2026-11-23", 8))
    (channel,) = _to(bot, "C0SUPER")
    assert "Verificar el pago" in channel.text() and "Ferretería López" in channel.text()


def test_nothing_outside_business_hours_weekends_or_holidays(bot: Harness) -> None:
    _seed(bot)
    ana, lopez = _ids(bot)
    with bot.db.begin() as s:
        b.task(s, lopez, ana, "2026-11-12", "Verificar el pago")
    for moment in (
        _at("2026-11-23", 7, 45),  # before the calling day
        _at("2026-11-23", 18, 0),  # after it
        _at("2026-11-21", 10),  # Saturday
        _at("2026-11-16", 10),  # Revolution Day, a public holiday in Mexico
    ):
        result = _run(bot, moment)
        assert not result.ran and result.reason == "outside_business_hours"
    assert bot.fake.calls_to("chat.postMessage") == []
    _run(bot, _at("2026-11-24", 8))  # the next business morning catches up
    assert len(_to(bot, "U0ANA")) == 1


def test_a_snoozed_task_waits(bot: Harness) -> None:
    _seed(bot)
    ana, lopez = _ids(bot)
    with bot.db.begin() as s:
        b.task(
            s, lopez, ana, "2026-11-20", "Verificar el pago", snoozed_until=_at("2026-11-23", 12)
        )
    _run(bot, _at("2026-11-23", 9))
    assert _to(bot, "U0ANA") == []


def test_a_promise_is_reminded_the_day_before_and_on_the_day(bot: Harness) -> None:
    _seed(bot)
    ana, lopez = _ids(bot)
    with bot.db.begin() as s:
        b.promise(s, lopez, ana, "2026-11-24", "600.00")
    _run(bot, _at("2026-11-23", 9))
    (eve,) = _to(bot, "U0ANA")
    assert "Recordar a *Ferretería López* su promesa" in eve.text()
    _run(bot, _at("2026-11-23", 15))
    _run(bot, _at("2026-11-24", 9))
    day = _to(bot, "U0ANA")[1]
    assert "Comprobar el pago de *Ferretería López*" in day.text()
    assert "payment:" in day.text()  # Registrar pago, in the item's menu
    assert len(_to(bot, "U0ANA")) == 2


def test_a_broken_promise_is_told_in_the_confirmations_thread_then_escalated(
    bot: Harness,
) -> None:
    _team(bot)
    with bot.db.begin() as s:
        ana = s.scalars(select(TeamMember).where(TeamMember.slack_user_id == "U0ANA")).one()
        lopez = b.customer(s, "Ferretería López", ana, external_id="C-100")
        b.contact(s, lopez, "Marisol Díaz", "Contadora")
        b.invoice(s, lopez, "2026-10-01", "1000.00")
    # Friday 20 November: the call that got the promise, through the modal
    bot.clock.set(_at("2026-11-20", 10))
    bot.slack.command("U0ANA", "llamada C-100")
    view = bot.fake.last_view()
    answers = {
        "excuse_category": "in_approval",
        "excuse": "El pago está en aprobación con el director financiero",
        "promise_date": "hoy",
        "task": "Llamar para confirmar",
        "task_due": "el miércoles",
    }
    assert bot.slack.submit("U0ANA", view, answers).text() == ""
    (confirmation,) = bot.fake.wait_for("chat.postMessage")
    confirmation_ts = confirmation.response["ts"]
    # Monday 23 is the day of grace: nothing yet
    _run(bot, _at("2026-11-23", 9))
    assert len(_to(bot, "U0ANA")) == 1  # just the confirmation
    # Tuesday 24: broken, told in the thread of the confirmation (and on the day's list)
    _run(bot, _at("2026-11-24", 9))
    (broken,) = [m for m in _to(bot, "U0ANA") if m.params.get("thread_ts")]
    assert "Promesa incumplida" in broken.text()
    assert broken.params["thread_ts"] == confirmation_ts
    with bot.db() as s:
        assert s.scalars(select(PaymentPromise)).one().status == PromiseStatus.BROKEN
    assert _to(bot, "U0SARA") == []
    # Wednesday 25: still broken and nobody called: escalated to the supervisor, once
    _run(bot, _at("2026-11-25", 9))
    _run(bot, _at("2026-11-25", 9, 30))
    (escalation,) = _to(bot, "C0SUPER")
    assert "Escalamiento: una promesa que sigue Ana Pérez" in escalation.text()
    assert _to(bot, "U0SARA") == []


def test_a_broken_promise_with_a_call_since_is_not_escalated(bot: Harness) -> None:
    _seed(bot)
    ana, lopez = _ids(bot)
    with bot.db.begin() as s:
        b.promise(s, lopez, ana, "2026-11-20", "600.00")
    _run(bot, _at("2026-11-24", 9))
    with bot.db.begin() as s:
        b.attempt(s, s.get(Customer, lopez.id), s.get(TeamMember, ana.id), "2026-11-24")
    _run(bot, _at("2026-11-25", 9))
    assert _to(bot, "U0SARA") == [] and _to(bot, "C0SUPER") == []


def test_every_nudge_is_one_outbox_row_with_its_key(bot: Harness) -> None:
    _seed(bot)
    ana, lopez = _ids(bot)
    with bot.db.begin() as s:
        task = b.task(s, lopez, ana, "2026-11-20", "Verificar el pago")
    _run(bot, _at("2026-11-23", 9))
    with bot.db() as s:
        keys = set(s.scalars(select(OutboxMessage.dedupe_key)))
    assert f"nudges:{ana.id}:2026-11-23" in keys  # the day's list: one row, edited in place
    assert not any(key.startswith(f"task:{task.id}:") for key in keys)
