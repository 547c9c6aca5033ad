"""A message that changes after it was written is edited in Slack, never posted twice:
the outbox's revisions, through the fake Slack (both databases)."""

from __future__ import annotations

from sqlalchemy import select

from bot.core.vocabulary import OutboxStatus
from bot.outbox import queries
from bot.outbox.rules import LEASE
from bot.outbox.service import deliver, publish, revise
from bot.ports import Message
from handlers.notify.transport import SlackTransport
from models import OutboxMessage
from tests.e2e.conftest import Harness


def _publish(bot: Harness, text: str) -> bool:
    with bot.db.begin() as session:
        return publish(session, key="nudges:ana:2026-11-23", channel="U0ANA", message=Message(text))


def _deliver(bot: Harness) -> int:
    return deliver(bot.db, SlackTransport(bot.app.client), bot.clock).sent


def test_a_revision_before_sending_is_posted_once_with_the_latest_text(bot: Harness) -> None:
    assert _publish(bot, "3 tareas vencidas") is True
    assert _publish(bot, "2 tareas vencidas") is False
    assert _deliver(bot) == 1
    (posted,) = bot.fake.calls_to("chat.postMessage")
    assert posted.params["text"] == "2 tareas vencidas"
    assert bot.fake.calls_to("chat.update") == []


def test_a_revision_after_sending_edits_the_message_in_place(bot: Harness) -> None:
    _publish(bot, "3 tareas vencidas")
    assert _deliver(bot) == 1
    _publish(bot, "2 tareas vencidas")
    _publish(bot, "1 tarea vencida")
    assert _deliver(bot) == 1
    (update,) = bot.fake.calls_to("chat.update")
    assert update.params["text"] == "1 tarea vencida"
    assert len(bot.fake.calls_to("chat.postMessage")) == 1
    (held,) = bot.fake.posted_to("U0ANA")
    assert held["text"] == "1 tarea vencida" and held["edits"] == 1
    assert _deliver(bot) == 0  # nothing left


def test_the_same_text_again_changes_nothing(bot: Harness) -> None:
    _publish(bot, "3 tareas vencidas")
    _deliver(bot)
    _publish(bot, "3 tareas vencidas")
    assert _deliver(bot) == 0
    assert bot.fake.calls_to("chat.update") == []


def test_revising_what_was_never_written_says_so(bot: Harness) -> None:
    with bot.db.begin() as session:
        assert revise(session, key="nunca", message=Message("x")) is False


def test_a_revision_while_the_first_post_is_in_flight_is_sent_as_an_edit(bot: Harness) -> None:
    """Replica A claimed the row and is posting the old text when the revision lands:
    A's post must not mark the new text as sent."""
    _publish(bot, "3 tareas vencidas")
    (claimed,) = queries.claim(bot.db, bot.clock.now(), LEASE)
    _publish(bot, "2 tareas vencidas")  # while A is sending
    queries.mark_sent(bot.db, claimed, channel="D0ANA", ts="1.000001", now=bot.clock.now())
    with bot.db() as session:
        row = session.scalars(select(OutboxMessage)).one()
        assert row.status == OutboxStatus.PENDING and row.sent_ts == "1.000001"
    bot.fake.calls.clear()
    assert _deliver(bot) == 1
    assert bot.fake.calls_to("chat.postMessage") == []  # never posted a second time
    (update,) = bot.fake.calls_to("chat.update")
    assert update.params["text"] == "2 tareas vencidas" and update.params["ts"] == "1.000001"
