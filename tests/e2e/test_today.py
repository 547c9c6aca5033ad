"""/cobro hoy: my calls, any time, privately; a supervisor can ask for a collector's."""

from __future__ import annotations

import json
from datetime import datetime

import pytest

from models import Customer, TeamMember
from tests import builders as b
from tests.e2e.conftest import MEXICO, Harness


def _seed(bot: Harness) -> None:
    bot.team()
    with bot.db.begin() as s:
        ana = s.query(TeamMember).filter_by(slack_user_id="U0ANA").one()
        lopez = b.customer(s, "Ferretería López", ana)
        b.contact(
            s, lopez, "Marisol Díaz", "Contadora", phone="+52 55 1234 5678", decision_maker=True
        )
        b.invoice(s, lopez, "2026-11-06", "1500.00")  # +15 on Saturday 21 → Monday 23
        b.invoice(s, b.customer(s, "Papelería Sol", ana), "2026-12-20", "99.00")  # not due
        b.invoice(s, b.customer(s, "<!channel> Trampa SA", ana), "2026-11-06", "10.00")


def _responses(bot: Harness, count: int = 1) -> list[dict]:
    return [call.params for call in bot.fake.wait_for("response_url", count)]


def test_hoy_lists_only_the_customers_due_today(bot: Harness) -> None:
    _seed(bot)
    reply = bot.slack.command("U0ANA", "hoy")
    assert reply.status == 200
    (response,) = _responses(bot)
    text = json.dumps(response, ensure_ascii=False)
    assert response["response_type"] == "ephemeral"
    assert "Ferretería López" in text
    assert "Papelería Sol" not in text
    assert "Preguntar por *Marisol Díaz* (Contadora)" in text
    assert "Primera llamada" in text
    assert "Buenos días, señora Díaz. Le habla Ana Pérez" in text  # the script, filled in
    buttons = [
        element
        for block in response["blocks"]
        for element in ([block.get("accessory")] if block.get("accessory") else [])
    ]
    assert {"cobro_log_call"} == {button["action_id"] for button in buttons}


def test_user_text_in_the_agenda_cannot_ping_anyone(bot: Harness) -> None:
    _seed(bot)
    bot.slack.command("U0ANA", "hoy")
    text = json.dumps(_responses(bot)[0], ensure_ascii=False)
    assert "<!channel>" not in text
    assert "&lt;!channel&gt; Trampa SA" in text


def test_on_a_weekend_hoy_shows_the_next_business_day(bot: Harness) -> None:
    _seed(bot)
    bot.clock.set(datetime(2026, 11, 21, 10, 0, tzinfo=MEXICO))  # Saturday
    bot.slack.command("U0ANA", "hoy")
    text = json.dumps(_responses(bot)[0], ensure_ascii=False)
    assert "Hoy no es día hábil" in text
    assert "23 nov 2026" in text
    assert "Ferretería López" in text


@pytest.mark.parametrize("who", ["<@U0ANA|ana>", "@ana", "ana", "@Ana Pérez"])
def test_a_supervisor_asks_for_a_collectors_calls(bot: Harness, who: str) -> None:
    _seed(bot)
    bot.slack.command("U0SARA", f"hoy {who}")
    text = json.dumps(_responses(bot)[0], ensure_ascii=False)
    assert "Llamadas de Ana Pérez" in text
    assert "Ferretería López" in text


def test_a_collector_cannot_see_another_collectors_calls(bot: Harness) -> None:
    _seed(bot)
    bot.slack.command("U0LUIS", "hoy @ana")
    text = json.dumps(_responses(bot)[0], ensure_ascii=False)
    assert "Solo puedes ver tu propio trabajo" in text
    assert "Ferretería López" not in text


def test_nothing_due_says_so(bot: Harness) -> None:
    _seed(bot)
    bot.slack.command("U0LUIS", "today")
    assert "No tienes llamadas pendientes" in json.dumps(_responses(bot)[0], ensure_ascii=False)


def test_a_long_list_is_split_within_slacks_limits(bot: Harness) -> None:
    bot.member("U0ANA", "Ana Pérez")
    with bot.db.begin() as s:
        ana = s.query(TeamMember).filter_by(slack_user_id="U0ANA").one()
        for n in range(45):
            b.invoice(s, b.customer(s, f"Cliente {n:02d}", ana), "2026-11-06", str(100 + n))
    bot.slack.command("U0ANA", "hoy")
    responses = _responses(bot, 3)
    text = json.dumps(responses, ensure_ascii=False)
    assert all(len(r["blocks"]) <= 50 for r in responses)
    assert "y 5 más" in text  # capacity 40
    assert "Cliente 44" in text and "Cliente 04" not in text  # largest balances first


def test_the_buttons_on_a_due_call_open_the_modal_and_the_card(bot: Harness) -> None:
    _seed(bot)
    with bot.db() as s:
        lopez = s.query(Customer).filter_by(name="Ferretería López").one()
    bot.slack.block_action("U0ANA", "cobro_log_call", str(lopez.id), channel="D0ANA")
    assert "Ferretería López" in json.dumps(bot.fake.last_view(), ensure_ascii=False)
    bot.slack.block_action("U0ANA", "cobro_view_customer", str(lopez.id), channel="D0ANA")
    (answer,) = bot.fake.wait_for("response_url")
    assert "Marisol Díaz" in answer.text() and "cobro_add_payment" in answer.text()
