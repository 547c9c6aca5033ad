"""The same user stories over both of Slack's ways to reach the bot: signed HTTP requests to
/slack/events, and Socket Mode envelopes over a WebSocket. One story, one set of
assertions, run once per mode. Slack's side does not depend on the database, so these run
on SQLite only. Monday 23 November 2026, 09:00 in Mexico City."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from bot.core.db import Db
from models import Customer, Note, Task, TeamMember
from models.enums import TaskStatus
from tests import builders as b
from tests.conftest import fresh_sqlite
from tests.e2e.conftest import Harness, harness
from tests.e2e.test_call import GOOD_NOTE


@pytest.fixture
def db_url(tmp_path: Path, sqlite_template: Path) -> str:
    return fresh_sqlite(tmp_path, sqlite_template)


@pytest.fixture(params=["http", "socket_mode"])
def bot(request: pytest.FixtureRequest, db_url: str, db: Db) -> Iterator[Harness]:
    yield from harness(db_url, db, socket_mode=request.param == "socket_mode")


def _seed(bot: Harness) -> tuple[int, int]:
    """Ana's customer López (due today, with its contact) and one task of hers."""
    bot.team()
    with bot.db.begin() as s:
        ana = s.query(TeamMember).filter_by(slack_user_id="U0ANA").one()
        lopez = b.lopez(s, ana)
        b.invoice(s, lopez, "2026-11-06", "1500.00")  # +15 on Saturday 21 → due Monday 23
        task = b.task(s, lopez, ana, "2026-11-23", "Enviar copia de la factura")
        return lopez.id, task.id


def test_a_slash_command_is_answered_privately(bot: Harness) -> None:
    _seed(bot)
    quick = bot.slack.command("U0ANA", "ayuda")  # answered in the ack itself
    assert quick.json["response_type"] == "ephemeral"
    assert "Cómo usar cobro" in quick.text()
    slow = bot.slack.command("U0ANA", "hoy")  # acked at once, answered afterwards
    assert slow.body == ""
    (answer,) = bot.fake.wait_for("response_url")
    assert answer.params["response_type"] == "ephemeral"
    assert "Ferretería López" in answer.text() and "cobro_log_call" in answer.text()


def test_the_call_modal_refuses_a_bad_note_then_stores_a_good_one(bot: Harness) -> None:
    _seed(bot)
    bot.slack.command("U0ANA", "llamada lopez")
    view = bot.fake.last_view()
    refused = bot.slack.submit("U0ANA", view, {"contact": "new", "excuse": "No hay pago"})
    assert refused.json["response_action"] == "errors"
    assert {"contact", "excuse_category", "excuse"} <= set(refused.json["errors"])
    accepted = bot.slack.submit("U0ANA", view, GOOD_NOTE)
    assert accepted.body == ""  # the modal closes
    (confirmation,) = bot.fake.wait_for("chat.postMessage")
    assert confirmation.params["channel"] == "U0ANA"
    assert "viernes 27 de noviembre" in confirmation.text()
    with bot.db() as s:
        (note,) = s.scalars(select(Note)).all()
        assert note.spoke_with == "Marisol Díaz (Contadora)"


def test_a_button_closes_the_task_and_replaces_its_message(bot: Harness) -> None:
    _, task_id = _seed(bot)
    bot.slack.block_action("U0ANA", "cobro_task_done", str(task_id), channel="D0ANA")
    (answer,) = bot.fake.wait_for("response_url")
    assert answer.params["replace_original"] is True
    assert "Hecho" in answer.text()
    with bot.db() as s:
        task = s.get(Task, task_id)
        assert task is not None and task.status == TaskStatus.DONE


def test_the_home_tab_shows_my_day(bot: Harness) -> None:
    _seed(bot)
    bot.slack.event({"type": "app_home_opened", "user": "U0ANA", "tab": "home"})
    (published,) = bot.fake.wait_for("views.publish")
    assert published.params["user_id"] == "U0ANA"
    assert published.params["view"]["type"] == "home"
    text = published.text()
    assert "Mi día" in text and "Ferretería López" in text
    assert "Enviar copia de la factura" in text


def test_the_message_shortcut_opens_the_call_modal_prefilled(bot: Harness) -> None:
    customer_id, _ = _seed(bot)
    text = "Hablé con Marisol, dice que el viernes paga"
    bot.slack.message_shortcut("U0ANA", "cobro_log_from_message", text)
    first = bot.fake.last_view()
    assert first["callback_id"] == "cobro_find_customer"
    missing = bot.slack.submit("U0ANA", first, {"customer": "nadie"}).json
    assert "No encontré" in missing["errors"]["customer"]
    found = bot.slack.submit("U0ANA", first, {"customer": "C-100"}).json
    assert found["response_action"] == "update"
    call_view = found["view"]
    assert json.loads(call_view["private_metadata"])["customer_id"] == customer_id
    fields = {b["block_id"]: b.get("element", {}) for b in call_view["blocks"] if "block_id" in b}
    assert fields["excuse"]["initial_value"] == text
    assert fields["promise_date"]["initial_value"] == "el viernes"
    with bot.db() as s:
        assert s.scalar(select(Customer.name).where(Customer.id == customer_id)) == (
            "Ferretería López"
        )
