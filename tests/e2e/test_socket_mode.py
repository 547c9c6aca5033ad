"""Socket Mode's own stories: the connection Slack refreshes or drops, and the envelope Slack
delivers again. The bot is the one `cobro run` starts with SLACK_APP_TOKEN; Slack's side is
slackfake.socket, whose 3-second clock fails any test whose ack comes late. SQLite only:
the connection does not depend on the database."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.core.db import Db
from models import TeamMember
from tests import builders as b
from tests.conftest import fresh_sqlite
from tests.e2e.conftest import Harness, harness
from tests.waiting import wait_until


@pytest.fixture
def db_url(tmp_path: Path, sqlite_template: Path) -> str:
    return fresh_sqlite(tmp_path, sqlite_template)


@pytest.fixture
def bot(db_url: str, db: Db) -> Iterator[Harness]:
    yield from harness(db_url, db, socket_mode=True)


def _seed(bot: Harness) -> None:
    bot.member("U0ANA", "Ana Pérez")
    with bot.db.begin() as s:
        ana = s.query(TeamMember).filter_by(slack_user_id="U0ANA").one()
        b.invoice(s, b.lopez(s, ana), "2026-11-06", "1500.00")


def _hoy(response_url: str) -> dict:
    """`/cobro hoy` as its envelope, sent without waiting for the ack."""
    return {
        "team_id": "T0COBRO",
        "channel_id": "C0GENERAL",
        "user_id": "U0ANA",
        "command": "/cobro",
        "text": "hoy",
        "api_app_id": "A0COBRO",
        "response_url": response_url,
        "trigger_id": "trigger-redelivered",
    }


def test_after_a_refresh_the_next_command_is_acked_in_time(bot: Harness) -> None:
    _seed(bot)
    server = bot.fake.socket
    (first,) = server.open_links()
    server.disconnect("refresh_requested")
    server.wait_links(2)
    assert server.wait_closed(first).close_code == 1000  # the bot said goodbye
    reply = bot.slack.command("U0ANA", "ayuda")  # answered in the ack itself
    assert "Cómo usar cobro" in reply.text()
    # acked within Slack's 3 s on the first delivery (the fixture fails on a late one)
    (envelope,) = server.envelopes.values()
    assert [d.attempt for d in envelope.deliveries] == [0]
    assert envelope.acks[0].link != first.id


def test_a_command_lost_with_a_dropped_socket_is_delivered_again_and_answered(
    bot: Harness,
) -> None:
    _seed(bot)
    server = bot.fake.socket
    url = bot.fake.response_url("lost")
    envelope = server.deliver("slash_commands", _hoy(url), accepts_response_payload=True, lost=True)
    server.drop()
    server.wait_links(2)  # the bot noticed, and connected again
    ack = server.wait_ack(envelope)
    assert [(d.attempt, d.lost) for d in envelope.deliveries] == [(0, True), (1, False)]
    assert ack.link == server.open_links()[-1].id
    answer = bot.fake.wait_for_url(url)
    assert "Ferretería López" in answer.text()


def test_a_command_whose_ack_was_lost_is_handled_once(bot: Harness) -> None:
    _seed(bot)
    server = bot.fake.socket
    url = bot.fake.response_url("once")
    server.lose_acks = True  # the bot's ack is written to a socket that is dying
    envelope = server.deliver("slash_commands", _hoy(url), accepts_response_payload=True)
    bot.fake.wait_for_url(url)  # handled: the agenda was posted
    wait_until(lambda: server.lost_acks == [envelope.envelope_id], what="the lost ack")
    server.drop()
    server.lose_acks = False
    server.wait_links(2)
    ack = server.wait_ack(envelope)  # Slack delivered it again, and got its ack
    assert [d.attempt for d in envelope.deliveries] == [0, 1]
    assert server.failures == [
        f"slash_commands {envelope.envelope_id}: no ack within 3 s of delivery 0"
    ]
    server.failures.clear()  # expected: that is what made Slack deliver it again
    assert ack.payload is None
    assert list(bot.socket.redelivered) == [envelope.envelope_id]  # acked, not handled again
    assert len([c for c in bot.fake.calls_to("response_url") if c.params["_url"] == url]) == 1
