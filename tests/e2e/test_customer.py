"""The customer card, payments, promises, the history export and the message shortcut,
through Slack. Monday 23 November 2026, 09:00 in Mexico City."""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal

from sqlalchemy import select

from models import Correction, Customer, Note, Payment, PaymentPromise, Task, TeamMember
from models.enums import AttemptOutcome, PromiseStatus
from tests import builders as b
from tests.e2e.conftest import Harness


def _seed(bot: Harness) -> int:
    bot.team()
    with bot.db.begin() as s:
        ana = s.query(TeamMember).filter_by(slack_user_id="U0ANA").one()
        lopez = b.lopez(s, ana, phone="+52 55 1234")
        b.invoice(s, lopez, "2026-10-01", "1500.00")  # 53 days late: second call
        b.invoice(s, lopez, "2026-11-30", "500.00")
        b.promise(s, lopez, ana, "2026-11-10", "300.00", PromiseStatus.KEPT)
        b.promise(s, lopez, ana, "2026-10-10", "300.00", PromiseStatus.BROKEN)
        b.promise(s, lopez, ana, "2026-11-27", "1000.00")
        b.task(s, lopez, ana, "2026-11-25", "Enviar copia de la factura")
        for day in range(2, 9):
            b.note(
                s,
                lopez,
                ana,
                f"2026-11-0{day}" if day < 10 else "2026-11-10",
                spoke_with="Marisol Díaz",
                excuse=f"Nota número {day} <!here>",
            )
        return lopez.id


def test_cliente_shows_the_card_privately(bot: Harness) -> None:
    _seed(bot)
    bot.slack.command("U0ANA", "cliente lopez")
    (answer,) = bot.fake.wait_for("response_url")
    assert answer.params["response_type"] == "ephemeral"
    text = answer.text()
    for expected in (
        "Ferretería López · C-100",
        "Marisol Díaz",
        "(Contadora)",
        "+52 55 1234",
        "decide los pagos",
        "53 días vencida",
        "Segunda llamada",  # the current dunning step
        "*Promesas cumplidas:* 1 de 2",
        "viernes 27 de noviembre",  # the pending promise
        "Enviar copia de la factura",  # the open task
        "cobro_log_call",
        "cobro_add_task",
        "cobro_add_payment",
        "cobro_export_history",
    ):
        assert expected in text, expected
    # the last five notes only, newest first, escaped
    assert "Nota número 8" in text and "Nota número 4" in text
    assert "Nota número 3" not in text
    assert "<!here>" not in text and "&lt;!here&gt;" in text


def test_a_first_promise_partly_paid_is_said_as_what_is_left_of_it(bot: Harness) -> None:
    """No promise resolved yet but one pending: the card never says "todavía ninguna"
    above it, and what is left is said against what was promised."""
    bot.team()
    with bot.db.begin() as s:
        ana = s.query(TeamMember).filter_by(slack_user_id="U0ANA").one()
        mari = b.customer(s, "Abarrotes Doña Mari", ana)
        b.invoice(s, mari, "2026-11-01", "23500.00")
        b.promise(s, mari, ana, "2026-11-27", "12000.00", paid_amount=Decimal("10000.00"))
    bot.slack.command("U0ANA", "cliente Abarrotes")
    (answer,) = bot.fake.wait_for("response_url")
    text = answer.text()
    assert "todavía ninguna" not in text
    assert "Promesas cumplidas" not in text  # none resolved: nothing to count yet
    assert (
        "*Promesa pendiente:* faltan $2,000.00 de los $12,000.00 prometidos para el "
        "viernes 27 de noviembre"
    ) in text


def test_a_payment_in_dollars_from_a_customer_in_pesos_is_refused(bot: Harness) -> None:
    customer_id = _seed(bot)
    bot.slack.block_action("U0ANA", "cobro_add_payment", str(customer_id), channel="D0ANA")
    view = bot.fake.last_view()
    body = bot.slack.submit("U0ANA", view, {"payment_amount": "100 dólares"}).json
    assert body["response_action"] == "errors"
    assert "«100 dólares» está en USD" in body["errors"]["payment_amount"]
    with bot.db() as s:
        assert s.scalars(select(Payment)).all() == []


def test_a_payment_keeps_the_promise(bot: Harness) -> None:
    customer_id = _seed(bot)
    bot.slack.block_action("U0ANA", "cobro_add_payment", str(customer_id), channel="D0ANA")
    view = bot.fake.last_view()
    amount = next(b for b in view["blocks"] if b.get("block_id") == "payment_amount")
    assert amount["element"]["initial_value"] == "2,000.00"  # the balance, as Mexico writes it
    body = bot.slack.submit("U0ANA", view, {"payment_amount": "1000,500", "payment_date": "mañana"})
    assert set(body.json["errors"]) == {"payment_amount", "payment_date"}
    assert "«1000,500» puede ser" in body.json["errors"]["payment_amount"]
    assert "todavía no llega" in body.json["errors"]["payment_date"]
    answers = {
        "payment_amount": "1,000.00",
        "payment_date": "hoy",
        "promise_method": "transfer",
        "promise_reference": "TR-99881",
    }
    assert bot.slack.submit("U0ANA", view, answers).text() == ""
    (dm,) = bot.fake.wait_for("chat.postMessage")
    assert "Promesas cumplidas con este pago: 1 de 1" in dm.text()
    with bot.db() as s:
        promise = s.scalars(
            select(PaymentPromise).where(PaymentPromise.promised_for == b.at("2026-11-27").date())
        ).one()
        assert promise.status == PromiseStatus.KEPT
        assert s.scalars(select(Payment)).one().import_key == "ref:C-100:TR-99881"
    # the same deposit again (another modal): not counted twice
    bot.slack.block_action("U0ANA", "cobro_add_payment", str(customer_id), channel="D0ANA")
    again = bot.fake.last_view()
    assert bot.slack.submit("U0ANA", again, answers).text() == ""
    assert "ya estaba registrado" in bot.fake.wait_for("chat.postMessage", 2)[-1].text()


def test_promesas_lists_mine_with_their_buttons_and_moves_one(bot: Harness) -> None:
    _seed(bot)
    reply = bot.slack.ask("U0ANA", "promesas")
    text = reply.text()
    assert "Ferretería López" in text and "viernes 27 de noviembre" in text
    assert "cobro_promise_move" in text and "cobro_promise_reassign" in text
    with bot.db() as s:
        promise_id = s.scalar(
            select(PaymentPromise.id).where(PaymentPromise.status == PromiseStatus.PENDING)
        )
    bot.slack.block_action("U0ANA", "cobro_promise_move", str(promise_id), channel="D0ANA")
    view = bot.fake.last_view()
    errors = bot.slack.submit("U0ANA", view, {"when": "ayer"}).json["errors"]
    assert "pasó" in errors["when"] and "por qué cambia la fecha" in errors["why"]
    answers = {"when": "a fin de mes", "why": "Su cliente le paga hasta el 30"}
    assert bot.slack.submit("U0ANA", view, answers).text() == ""
    assert "lunes 30 de noviembre" in bot.fake.wait_for("chat.postMessage")[0].text()
    with bot.db() as s:
        (moved,) = s.scalars(select(Correction)).all()
        assert (moved.field, moved.old_value, moved.new_value) == (
            "promised_for",
            "2026-11-27",
            "2026-11-30",
        )
        assert moved.reason == "Su cliente le paga hasta el 30"
    bot.slack.block_action("U0ANA", "cobro_promise_reassign", str(promise_id), channel="D0ANA")
    view = bot.fake.last_view()
    assert bot.slack.submit("U0ANA", view, {"assignee": "U0LUIS"}).text() == ""
    with bot.db() as s:
        promise = s.get(PaymentPromise, promise_id)
        luis = s.scalars(select(TeamMember).where(TeamMember.slack_user_id == "U0LUIS")).one()
        assert promise is not None and promise.collector_id == luis.id
        assert promise.promised_for.isoformat() == "2026-11-30"


def test_add_task_from_the_card_for_a_colleague(bot: Harness) -> None:
    customer_id = _seed(bot)
    bot.slack.block_action("U0ANA", "cobro_add_task", str(customer_id), channel="D0ANA")
    view = bot.fake.last_view()
    body = bot.slack.submit("U0ANA", view, {"task": "Conciliar el pago"}).json
    assert "¿Para cuándo?" in body["errors"]["task_due"]
    answers = {"task": "Conciliar el pago", "task_due": "pasado mañana", "assignee": "U0LUIS"}
    assert bot.slack.submit("U0ANA", view, answers).text() == ""
    messages = bot.fake.wait_for("chat.postMessage", 2)
    assert {m.params["channel"] for m in messages} == {"U0ANA", "U0LUIS"}
    with bot.db() as s:
        task = s.scalars(select(Task).where(Task.text == "Conciliar el pago")).one()
        assert task.due_date.isoformat() == "2026-11-25"


def test_history_export_has_every_event_and_goes_to_my_dm(bot: Harness) -> None:
    customer_id = _seed(bot)
    with bot.db.begin() as s:
        ana = s.scalars(select(TeamMember).where(TeamMember.slack_user_id == "U0ANA")).one()
        lopez = s.get(Customer, customer_id)
        b.attempt(s, lopez, ana, "2026-11-20")
        b.attempt(s, lopez, ana, "2026-11-21", AttemptOutcome.NO_ANSWER)
        s.add(
            Payment(
                import_key="x",
                customer_id=customer_id,
                amount=Decimal("300"),
                paid_on=b.at("2026-11-19").date(),
                reference="DEP-1",
            )
        )
    bot.slack.block_action("U0ANA", "cobro_export_history", str(customer_id), channel="C0PUBLIC")
    (complete,) = bot.fake.wait_for("files.completeUploadExternal")
    assert complete.params["channel_id"].startswith("D")  # a DM, not the public channel
    (file_id,) = bot.fake.uploads
    content = bot.fake.uploads[file_id].decode("utf-8")
    assert content.startswith("\ufeff")  # a BOM: Excel reads the accents
    # a Mexican team writes a decimal point, so cells are separated by commas
    rows = list(csv.reader(io.StringIO(content[1:]), delimiter=","))
    assert rows[0] == ["fecha", "tipo", "quién", "detalle", "monto", "estado"]
    kinds = [row[1] for row in rows[1:]]
    assert kinds.count("Nota") == 7
    assert kinds.count("Promesa de pago") == 3
    assert kinds.count("Tarea") == 1
    assert kinds.count("Intento de llamada") == 2
    assert kinds.count("Pago") == 1
    assert len(kinds) == 7 + 3 + 1 + 2 + 1  # every event of the customer, nothing else
    assert [row[0] for row in rows[1:]] == sorted(row[0] for row in rows[1:])


def test_history_command_exports_too(bot: Harness) -> None:
    _seed(bot)
    bot.slack.command("U0ANA", "historial C-100")
    bot.fake.wait_for("files.completeUploadExternal")
    (answer,) = bot.fake.wait_for("response_url")
    assert "Te envié el historial" in answer.text()


def test_history_of_a_name_several_customers_share_offers_to_export_each(bot: Harness) -> None:
    _seed(bot)
    with bot.db.begin() as s:
        b.customer(s, "Ferretería Lozano", None, external_id="C-200")
    bot.slack.command("U0ANA", "historial ferreteria")
    (answer,) = bot.fake.wait_for("response_url")
    buttons = [e for block in answer.params["blocks"] for e in [block.get("accessory") or {}] if e]
    assert len(buttons) == 2
    assert {b["action_id"] for b in buttons} == {"cobro_export_history"}  # not the card


def test_message_shortcut_prefills_the_call_modal(bot: Harness) -> None:
    _seed(bot)
    with bot.db.begin() as s:
        b.customer(s, "Ferretería Lozano", None, external_id="C-200")
    text = "Hablé con Marisol, dice que ya pagó con el depósito 23763172736 y que el viernes manda el comprobante"
    bot.slack.message_shortcut("U0ANA", "cobro_log_from_message", text)
    first = bot.fake.last_view()
    assert first["callback_id"] == "cobro_find_customer"
    body = bot.slack.submit("U0ANA", first, {"customer": "ferreteria"}).json
    assert body["response_action"] == "errors"
    assert "Varios clientes coinciden" in body["errors"]["customer"]
    assert "Ferretería Lozano (C-200)" in body["errors"]["customer"]
    body = bot.slack.submit("U0ANA", first, {"customer": "nadie"}).json
    assert "No encontré" in body["errors"]["customer"]
    body = bot.slack.submit("U0ANA", first, {"customer": "C-100"}).json
    assert body["response_action"] == "update"
    call_view = body["view"]
    values = {b["block_id"]: b.get("element", {}) for b in call_view["blocks"] if "block_id" in b}
    assert values["excuse_category"]["initial_option"]["value"] == "already_paid"
    assert values["promise_date"]["initial_value"] == "el viernes"
    assert values["excuse"]["initial_value"] == text
    assert values["contact"]["initial_option"]["text"]["text"].startswith("Marisol Díaz")
    assert values["task"]["initial_value"] == "Verificar el pago (depósito n.º 23763172736)"
    # confirming it stores the call
    call_view = {**call_view, "id": first.get("id", "V-short")}
    assert bot.slack.submit("U0ANA", call_view, {"promise_date": None}).text() == ""
    bot.fake.wait_for("chat.postMessage")
    with bot.db() as s:
        note = s.scalars(select(Note).where(Note.excuse == text)).one()
        assert note.spoke_with == "Marisol Díaz (Contadora)"


def test_cliente_with_several_matches_offers_cards(bot: Harness) -> None:
    _seed(bot)
    with bot.db.begin() as s:
        b.customer(s, "Ferretería Lozano", None, external_id="C-200")
    bot.slack.command("U0ANA", "cliente ferreteria")
    (answer,) = bot.fake.wait_for("response_url")
    blocks = json.dumps(answer.params, ensure_ascii=False)
    assert "cobro_view_customer" in blocks and "Ferretería Lozano" in blocks
