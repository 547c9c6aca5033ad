"""The digest is a live to-do list: a call logged from it is marked done in it, in place,
and the confirmation leads on to the next call in a new modal. Mexico City, Monday 23
November 2026."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select

from models import TeamMember
from slackfake import Call
from tests import builders as b
from tests.e2e.conftest import MEXICO, Harness
from tests.waiting import wait_until

MORNING = datetime(2026, 11, 23, 8, 0, tzinfo=MEXICO)


def test_logging_a_call_from_the_digest_marks_it_done_in_the_digest(bot: Harness) -> None:
    digest, view = _call_from_the_digest(bot)
    answers = {
        "excuse_category": "forgot",
        "excuse": "Se le olvidó programar la transferencia",
        "agreement": "Paga el viernes por transferencia",
        "promise_amount": "5,000",
        "promise_date": "el viernes",
        "task": "Confirmar que llegó la transferencia",
        "task_due": "el lunes",
    }
    assert bot.slack.submit("U0ANA", view, answers).text() == ""
    (edit,) = wait_until(lambda: bot.fake.calls_to("chat.update"), what="the digest edited")
    assert edit.params["ts"] == digest.response["ts"]
    text = edit.text()
    assert "✅ 10:42 · *Ferretería López* · promesa $5,000.00 el viernes" in text
    assert text.count("cobro_log_call") == 1  # only Papelería El Sol is left to call
    assert "Papelería El Sol" in text
    # the confirmation leads on: Siguiente llamada opens a new modal for the next one
    confirmation = wait_until(
        lambda: [m for m in bot.fake.messages_to("U0ANA") if "registrada" in m.text()],
        what="the confirmation",
    )[0]
    assert "cobro_next_call" in confirmation.text()
    assert len([m for m in bot.fake.messages_to("U0ANA") if "registrada" in m.text()]) == 1


def test_a_submission_delivered_twice_marks_the_digest_once(bot: Harness) -> None:
    """The mark is written after the ack, in a transaction of its own: Slack's retry of the
    same submission (answered as the first) must not mark the call a second time."""
    _, view = _call_from_the_digest(bot)
    answers = {
        "excuse_category": "forgot",
        "excuse": "Se le olvidó programar la transferencia",
        "promise_amount": "5,000",
        "promise_date": "el viernes",
        "task": "Confirmar que llegó la transferencia",
        "task_due": "el lunes",
    }
    assert bot.slack.submit("U0ANA", view, answers).text() == ""
    bot.fake.wait_for("chat.update")
    bot.fake.wait_for("views.publish")  # the first one's work after its ack is done
    assert bot.slack.submit("U0ANA", view, answers).text() == ""
    bot.fake.wait_for("views.publish", 2)  # and the retry's
    (edit,) = bot.fake.calls_to("chat.update")
    assert edit.text().count("✅") == 1


def _call_from_the_digest(bot: Harness) -> tuple[Call, dict[str, Any]]:
    """Ana's digest (Ferretería López, Papelería El Sol) and, at 10:42, the call modal its
    López line opens."""
    bot.team("U0ANA")
    with bot.db.begin() as s:
        ana = s.scalars(select(TeamMember).where(TeamMember.slack_user_id == "U0ANA")).one()
        lopez = b.lopez(s, ana)
        b.invoice(s, lopez, "2026-11-06", "8000.00")
        sol = b.customer(s, "Papelería El Sol", ana)
        b.invoice(s, sol, "2026-11-06", "3000.00")
        lopez_id = lopez.id
    bot.clock.set(MORNING)
    bot.jobs.digest(MORNING)
    (digest,) = wait_until(
        lambda: [m for m in bot.fake.messages_to("U0ANA") if "Ferretería" in m.text()],
        what="the digest",
    )
    bot.clock.set(datetime(2026, 11, 23, 10, 42, tzinfo=MEXICO))
    bot.slack.block_action("U0ANA", "cobro_log_call", str(lopez_id), channel="D0ANA")
    return digest, bot.fake.last_view()
