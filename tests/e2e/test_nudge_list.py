"""The day's nudge list through the fake Slack: one message however much is late, edited in
place as the day goes, a message apart only for what needs one, escalations once.
Mexico City; the week of Monday 23 November 2026."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, time

import pytest
from sqlalchemy import select

from bot.core.db import Db
from models import Customer, Task, TeamMember
from models.enums import TaskStatus
from slackfake import Call
from slackfake.stack import start_stack
from tests import builders as b
from tests.e2e.conftest import MEXICO, MONDAY_9AM, SECRET, Harness
from tests.waiting import wait_until


def _at(day: str, hour: int = 9, minute: int = 0) -> datetime:
    return datetime.combine(datetime.fromisoformat(day).date(), time(hour, minute), MEXICO)


def _run(bot: Harness, when: datetime) -> None:
    bot.clock.set(when)
    bot.jobs.nudges(when)
    bot.fake.wait_quiet(0.2)


def _to(bot: Harness, channel: str) -> list[Call]:
    return [c for c in bot.fake.calls_to("chat.postMessage") if c.params["channel"] == channel]


def _edits(bot: Harness) -> list[Call]:
    """Edits of messages in Ana's DMs (an edit names the DM channel Slack answered with)."""
    return [c for c in bot.fake.calls_to("chat.update") if c.params["channel"] == "D0ANA"]


def _eight_overdue_tasks(bot: Harness) -> tuple[TeamMember, list[Task]]:
    bot.team("U0ANA")
    with bot.db.begin() as s:
        ana = s.scalars(select(TeamMember).where(TeamMember.slack_user_id == "U0ANA")).one()
        made = []
        for n in range(8):
            customer = b.customer(s, f"Cliente {n}", ana, external_id=f"C-{n}")
            b.invoice(s, customer, "2026-11-10", "1000.00")
            made.append(b.task(s, customer, ana, "2026-11-20", f"Enviar estado de cuenta {n}"))
        s.expunge_all()
    return ana, made


def test_a_round_with_eight_overdue_tasks_sends_one_message(bot: Harness) -> None:
    _eight_overdue_tasks(bot)
    _run(bot, _at("2026-11-23", 8))
    (the_list,) = _to(bot, "U0ANA")
    assert "8 tareas vencidas" in the_list.text()
    for n in range(8):
        assert f"Enviar estado de cuenta {n}" in the_list.text()
    blocks = the_list.params["blocks"]
    menus = [blk["accessory"] for blk in blocks if blk.get("accessory")]
    assert len(menus) == 8 and all(m["type"] == "overflow" for m in menus)
    labels = [o["text"]["text"] for o in menus[0]["options"]]
    assert labels[0] == "Hecho" and "Ver cliente" in labels
    for minute in (15, 30, 45):  # later rounds: nothing new to post, nothing changed
        _run(bot, _at("2026-11-23", 8, minute))
    assert len(_to(bot, "U0ANA")) == 1
    assert _edits(bot) == []


def test_completing_an_item_updates_the_list_in_place(bot: Harness) -> None:
    _, made = _eight_overdue_tasks(bot)
    _run(bot, _at("2026-11-23", 8))
    (the_list,) = _to(bot, "U0ANA")
    bot.clock.set(_at("2026-11-23", 10, 42))
    first = made[0].id
    bot.slack.block_action(
        "U0ANA",
        "cobro_nudge_item",
        channel="D0ANA",
        extra={"type": "overflow", "selected_option": {"value": f"done:{first}"}},
    )
    wait_until(lambda: _edits(bot), what="the list edited")
    (edit,) = _edits(bot)
    assert edit.params["ts"] == the_list.response["ts"]
    assert "~:hourglass: *Enviar estado de cuenta 0*" in edit.text()  # ticked off, not gone
    assert "7 tareas vencidas" in edit.text() and "Avance: 1 de 8" in edit.text()
    assert len(_to(bot, "U0ANA")) == 1  # no second message
    with bot.db() as s:
        assert s.get(Task, first).status == TaskStatus.DONE  # type: ignore[union-attr]
    _run(bot, _at("2026-11-23", 11))  # the next round agrees with the edit: no change
    assert len(_edits(bot)) == 1


def test_postponing_an_item_takes_it_off_todays_list(bot: Harness) -> None:
    _, made = _eight_overdue_tasks(bot)
    _run(bot, _at("2026-11-23", 8))
    bot.slack.block_action(
        "U0ANA",
        "cobro_nudge_item",
        channel="D0ANA",
        extra={"type": "overflow", "selected_option": {"value": f"snooze:{made[3].id}:tomorrow"}},
    )
    wait_until(lambda: _edits(bot), what="the list edited")
    edit = _edits(bot)[-1]
    assert "Enviar estado de cuenta 3" not in edit.text() and "7 tareas vencidas" in edit.text()


def test_at_most_three_messages_a_day_besides_the_digest(bot: Harness) -> None:
    ana, _ = _eight_overdue_tasks(bot)
    with bot.db.begin() as s:
        lopez = b.customer(s, "Ferretería López", s.get(TeamMember, ana.id), external_id="C-100")
        for hour in (10, 11, 12, 13):
            b.task(
                s,
                lopez,
                s.get(TeamMember, ana.id),
                "2026-11-23",
                f"Llamar {hour}",
                due_time=time(hour),
            )
    for hour in range(8, 15):
        _run(bot, _at("2026-11-23", hour))
    posted = _to(bot, "U0ANA")
    assert len(posted) == 3  # the list and two "Es hora"
    assert sum("Es hora" in m.params["text"] for m in posted) == 2
    the_list = posted[0]
    assert "Tus pendientes de hoy" in the_list.params["text"]
    assert "Llamar 12" in the_list.text() and "Llamar 13" in the_list.text()  # on the list


@pytest.fixture
def dm_bot(db_url: str, db: Db) -> Iterator[Harness]:
    stack = start_stack(
        db_url,
        db,
        at=MONDAY_9AM,
        secret=SECRET,
        cobro_supervisors_channel="C0SUPER",
        cobro_escalate_to="dm",
    )
    harness = Harness(**{f: getattr(stack, f) for f in type(stack).__dataclass_fields__})
    try:
        yield harness
    finally:
        harness.close()


def _three_days(run: Harness) -> None:
    _eight_overdue_tasks(run)
    for day in ("2026-11-23", "2026-11-24", "2026-11-25"):
        for hour in (8, 12):
            _run(run, _at(day, hour))


def test_an_escalation_reaches_the_supervisors_channel_once(bot: Harness) -> None:
    _three_days(bot)
    escalations = _to(bot, "C0SUPER")
    assert len(escalations) == 8  # one per task, the day it became two business days late
    assert all("una tarea de Ana Pérez lleva 2 días hábiles" in m.text() for m in escalations)
    assert _to(bot, "U0SARA") == []  # not by DM as well


def test_with_escalate_to_dm_escalations_are_one_message_to_the_supervisor(
    dm_bot: Harness,
) -> None:
    """Eight tasks escalated the same morning: one message to Sara, listing all eight (her
    list of the day), never eight DMs, and nothing in the channel."""
    _, made = _eight_overdue_tasks(dm_bot)
    for day in ("2026-11-23", "2026-11-24"):
        for hour in (8, 12):
            _run(dm_bot, _at(day, hour))
    (to_sara,) = _to(dm_bot, "U0SARA")
    assert "8 escalamientos a tu cargo" in to_sara.text()
    assert to_sara.text().count("Tarea de Ana Pérez, vencida hace 2 días hábiles") == 8
    assert _to(dm_bot, "C0SUPER") == []
    # Sara closes one from her list: her list is edited in place
    dm_bot.slack.block_action(
        "U0SARA",
        "cobro_nudge_item",
        channel="D0SARA",
        extra={"type": "overflow", "selected_option": {"value": f"done:{made[0].id}"}},
    )

    def sara_edits() -> list[Call]:
        return [c for c in dm_bot.fake.calls_to("chat.update") if c.params["channel"] == "D0SARA"]

    edit = wait_until(sara_edits, what="Sara's list edited")[-1]
    assert edit.params["ts"] == to_sara.response["ts"]
    assert "7 escalamientos a tu cargo" in edit.text()


def test_a_payment_recorded_from_the_list_takes_the_check_off_it(bot: Harness) -> None:
    ana, made = _eight_overdue_tasks(bot)
    with bot.db.begin() as s:
        b.promise(
            s,
            s.get(Customer, made[0].customer_id),
            s.get(TeamMember, ana.id),
            "2026-11-23",
            "600.00",
        )
    _run(bot, _at("2026-11-23", 8))  # Monday, the promise's day: check it
    (the_list,) = _to(bot, "U0ANA")
    assert "Comprobar el pago de *Cliente 0*" in the_list.text()
    bot.clock.set(_at("2026-11-23", 9, 30))
    bot.slack.block_action(
        "U0ANA",
        "cobro_nudge_item",
        channel="D0ANA",
        extra={
            "type": "overflow",
            "selected_option": {"value": f"payment:{made[0].customer_id}:600.00"},
        },
    )
    pay = bot.fake.last_view()
    answers = {"payment_amount": "600", "payment_date": "hoy"}
    assert bot.slack.submit("U0ANA", pay, answers).text() == ""
    edit = wait_until(lambda: _edits(bot), what="the list edited")[-1]
    assert "Comprobar el pago" not in edit.text() and "8 tareas vencidas" in edit.text()
