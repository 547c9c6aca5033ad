""" "No contactar" from the card: with a reason, the customer leaves the agenda, and the call
modal warns; a contact marked is warned about by name. Monday 23 November 2026."""

from __future__ import annotations

import json

from sqlalchemy import select

from models import Contact, Customer, TeamMember
from tests import builders as b
from tests.e2e.conftest import Harness


def _seed(bot: Harness) -> int:
    bot.team("U0ANA")
    with bot.db.begin() as s:
        ana = s.scalars(select(TeamMember).where(TeamMember.slack_user_id == "U0ANA")).one()
        lopez = b.lopez(s, ana)
        b.invoice(s, lopez, "2026-11-06", "1500.00")
        return lopez.id


def _mark(bot: Harness, customer_id: int, who: str | None, reason: str) -> str:
    bot.slack.block_action("U0ANA", "cobro_do_not_contact", str(customer_id), channel="D0ANA")
    view = bot.fake.last_view()
    assert view["title"]["text"] == "No contactar"
    answers = {"reason": reason, **({"who": who} if who else {})}
    return bot.slack.submit("U0ANA", view, answers).text()


def test_a_customer_marked_no_contactar_leaves_the_agenda_and_the_modal_warns(
    bot: Harness,
) -> None:
    lopez = _seed(bot)
    bot.slack.command("U0ANA", "hoy")
    (before,) = bot.fake.wait_for("response_url")
    assert "Ferretería López" in json.dumps(before.params, ensure_ascii=False)
    answer = _mark(bot, lopez, None, "Lo pidió por escrito; lo lleva el abogado")
    assert "Listo: no contactar a *Ferretería López*" in answer
    with bot.db() as s:
        assert s.get(Customer, lopez).do_not_contact == "Lo pidió por escrito; lo lleva el abogado"  # type: ignore[union-attr]
    bot.slack.command("U0ANA", "hoy")
    after = bot.fake.wait_for("response_url", 2)[-1]
    assert "Ferretería López" not in json.dumps(after.params, ensure_ascii=False)
    bot.slack.command("U0ANA", "llamada lopez")
    modal = json.dumps(bot.fake.last_view(), ensure_ascii=False)
    assert "No contactar a este cliente:* Lo pidió por escrito; lo lleva el abogado" in modal


def test_a_contact_marked_is_named_in_the_warning(bot: Harness) -> None:
    lopez = _seed(bot)
    with bot.db() as s:
        marisol = s.scalars(select(Contact)).one().id
    assert _mark(bot, lopez, str(marisol), "Ya no trabaja en pagos") != ""
    bot.slack.command("U0ANA", "llamada lopez")
    modal = json.dumps(bot.fake.last_view(), ensure_ascii=False)
    assert "No contactar a Marisol Díaz:* Ya no trabaja en pagos" in modal


def test_no_contactar_needs_a_reason(bot: Harness) -> None:
    lopez = _seed(bot)
    bot.slack.block_action("U0ANA", "cobro_do_not_contact", str(lopez), channel="D0ANA")
    body = bot.slack.submit("U0ANA", bot.fake.last_view(), {"reason": "  "}).json
    assert body["response_action"] == "errors" and "motivo" in body["errors"]["reason"]
