"""Tasks through Slack: /cobro tareas, Hecho, Posponer (1 hora, mañana, a date in words),
Reasignar. Monday 23 November 2026, 09:00 in Mexico City."""

from __future__ import annotations

from datetime import date, time

from sqlalchemy import select

from models import Customer, Dispute, Task, TeamMember
from models.enums import TaskKind, TaskStatus
from tests import builders as b
from tests.e2e.conftest import Harness


def _seed(bot: Harness, kind: TaskKind = TaskKind.CALL) -> int:
    bot.team()
    bot.member("U0SOLO", "Solo Sinjefe")
    with bot.db.begin() as s:
        ana = s.query(TeamMember).filter_by(slack_user_id="U0ANA").one()
        lopez = b.customer(s, "Ferretería López", ana)
        task = b.task(s, lopez, ana, "2026-11-23", "Enviar copia de la factura", kind=kind)
        return task.id


def _task(bot: Harness, task_id: int) -> Task:
    with bot.db() as s:
        task = s.get(Task, task_id)
        assert task is not None
        return task


def test_tareas_lists_my_open_tasks_with_their_buttons(bot: Harness) -> None:
    _seed(bot)
    reply = bot.slack.ask("U0ANA", "tareas")
    body = reply.json
    assert body["response_type"] == "ephemeral"
    text = reply.text()
    assert "Enviar copia de la factura" in text and "Ferretería López" in text
    assert "cobro_task_done" in text and "cobro_task_snooze" in text
    assert "No tienes tareas" in bot.slack.ask("U0LUIS", "tareas").text()


def test_hecho_closes_the_task_and_replaces_the_buttons(bot: Harness) -> None:
    task_id = _seed(bot)
    bot.slack.block_action("U0ANA", "cobro_task_done", str(task_id), channel="D0ANA")
    (answer,) = bot.fake.wait_for("response_url")
    assert answer.params["replace_original"] is True
    assert "Hecho" in answer.text()
    assert _task(bot, task_id).status == TaskStatus.DONE


def test_someone_unrelated_cannot_close_my_task(bot: Harness) -> None:
    task_id = _seed(bot)
    bot.slack.block_action("U0LUIS", "cobro_task_done", str(task_id), channel="D0LUIS")
    (answer,) = bot.fake.wait_for("response_url")
    assert "Solo quien tiene la tarea" in answer.text()
    assert _task(bot, task_id).status == TaskStatus.OPEN


def test_a_supervisor_may_close_it(bot: Harness) -> None:
    task_id = _seed(bot)
    bot.slack.block_action("U0SARA", "cobro_task_done", str(task_id), channel="D0SARA")
    bot.fake.wait_for("response_url")
    assert _task(bot, task_id).status == TaskStatus.DONE


def _snooze(bot: Harness, task_id: int, choice: str) -> None:
    bot.slack.block_action(
        "U0ANA",
        "cobro_task_snooze",
        channel="D0ANA",
        extra={"type": "static_select", "selected_option": {"value": f"{task_id}:{choice}"}},
    )


def test_posponer_una_hora(bot: Harness) -> None:
    task_id = _seed(bot)
    _snooze(bot, task_id, "1h")
    (answer,) = bot.fake.wait_for("response_url")
    assert "10:00" in answer.text()
    task = _task(bot, task_id)
    assert (task.due_date, task.due_time) == (date(2026, 11, 23), time(10, 0))


def test_posponer_a_manana_is_the_next_business_day(bot: Harness) -> None:
    task_id = _seed(bot)
    _snooze(bot, task_id, "tomorrow")
    bot.fake.wait_for("response_url")
    assert _task(bot, task_id).due_date == date(2026, 11, 24)


def test_posponer_to_a_date_in_words_refuses_what_it_cannot_read(bot: Harness) -> None:
    task_id = _seed(bot)
    _snooze(bot, task_id, "pick")
    view = bot.fake.last_view()
    body = bot.slack.submit("U0ANA", view, {"when": "cuando pueda"}).json
    assert body["response_action"] == "errors" and "No entendí" in body["errors"]["when"]
    body = bot.slack.submit("U0ANA", view, {"when": "el lunes pasado"}).json
    assert "pasó" in body["errors"]["when"]
    assert bot.slack.submit("U0ANA", view, {"when": "el viernes a las 11"}).text() == ""
    task = _task(bot, task_id)
    assert (task.due_date, task.due_time) == (date(2026, 11, 27), time(11, 0))
    (dm,) = bot.fake.wait_for("chat.postMessage")
    assert "viernes 27 de noviembre, 11:00" in dm.text()
    assert bot.fake.wait_for("response_url")  # the original message shows the change


def test_reasignar_needs_a_supervisor_and_tells_the_new_assignee(bot: Harness) -> None:
    task_id = _seed(bot)
    bot.slack.block_action("U0ANA", "cobro_task_reassign", str(task_id), channel="D0ANA")
    view = bot.fake.last_view()
    body = bot.slack.submit("U0ANA", view, {"assignee": "U0SOLO"}).json
    assert "supervisa" in body["errors"]["supervisor"]
    assert bot.slack.submit("U0ANA", view, {"assignee": "U0LUIS"}).text() == ""
    (dm,) = bot.fake.wait_for("chat.postMessage")
    assert dm.params["channel"] == "U0LUIS"
    assert "Ana Pérez te pasó una tarea" in dm.text()
    with bot.db() as s:
        task = s.get(Task, task_id)
        luis = s.scalars(select(TeamMember).where(TeamMember.slack_user_id == "U0LUIS")).one()
        assert task is not None and task.assignee_id == luis.id
        assert task.supervisor_id == luis.supervisor_id


def test_finishing_a_dispute_task_resumes_dunning(bot: Harness) -> None:
    task_id = _seed(bot, kind=TaskKind.RESOLVE_DISPUTE)
    with bot.db.begin() as s:
        ana = s.query(TeamMember).filter_by(slack_user_id="U0ANA").one()
        lopez = s.scalars(select(Customer)).one()
        note = b.note(s, lopez, ana, "2026-11-20", excuse="Precio equivocado")
        s.add(Dispute(customer_id=lopez.id, note_id=note.id, reason="x", opened_by_id=ana.id))
        s.get(Task, task_id).note_id = note.id  # type: ignore[union-attr]
    bot.slack.block_action("U0ANA", "cobro_task_done", str(task_id), channel="D0ANA")
    bot.fake.wait_for("response_url")
    with bot.db() as s:
        assert s.scalars(select(Dispute)).one().resolved_at is not None
