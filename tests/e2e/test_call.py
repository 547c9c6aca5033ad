"""Logging a call through Slack: /cobro llamada, the modal, its errors, what is stored, and
the messages that follow. The clock is Monday 23 November 2026, 09:00 in Mexico City."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from models import (
    Contact,
    ContactAttempt,
    Customer,
    Dispute,
    Invoice,
    Note,
    OutboxMessage,
    PaymentPromise,
    Task,
    TeamMember,
)
from models.enums import AttemptOutcome, ExcuseCategory, TaskKind, TaskStatus
from tests import builders as b
from tests.e2e.conftest import Harness
from tests.waiting import wait_until

GOOD_NOTE = {
    "excuse_category": "person_away",
    "excuse": "El gerente está de vacaciones y nadie más firma los pagos #vacaciones",
    "agreement": "Presenta la factura hoy en la tarde y paga mañana",
    "promise_date": "el viernes",
    "task": "Llamar para confirmar el pago",
    "task_due": "el lunes a las 10",
}


def _seed(bot: Harness) -> int:
    bot.team()
    bot.member("U0SOLO", "Solo Sinjefe")
    bot.member("U0JOHN", "John Smith", locale="en-US", supervisor="U0SARA")
    with bot.db.begin() as s:
        ana = s.query(TeamMember).filter_by(slack_user_id="U0ANA").one()
        lopez = b.lopez(s, ana)
        b.invoice(s, lopez, "2026-11-06", "1500.00")
        b.invoice(s, lopez, "2026-11-20", "500.00")
        b.customer(s, "Ferretería Lozano", ana, external_id="C-200")
        return lopez.id


def _open_modal(bot: Harness, user: str = "U0ANA", query: str = "lopez") -> dict:
    bot.slack.command(user, f"llamada {query}")
    return bot.fake.last_view()


def _count(bot: Harness, model: type) -> int:
    with bot.db() as s:
        return s.scalar(select(func.count()).select_from(model)) or 0


def test_llamada_opens_the_modal_with_the_interface_block_ids(bot: Harness) -> None:
    _seed(bot)
    view = _open_modal(bot)
    block_ids = {block.get("block_id") for block in view["blocks"]}
    assert {
        "contact",
        "excuse_category",
        "excuse",
        "agreement",
        "promise_amount",
        "promise_date",
        "task",
        "task_due",
        "assignee",
        "supervisor",
        "outcome",
    } <= block_ids
    text = json.dumps(view, ensure_ascii=False)
    assert "Ferretería López" in text
    assert "Marisol Díaz" in text
    amount = next(b for b in view["blocks"] if b.get("block_id") == "promise_amount")
    assert amount["element"]["initial_value"] == "2,000.00"  # the balance, as Mexico writes it
    assignee = next(b for b in view["blocks"] if b.get("block_id") == "assignee")
    assert assignee["element"]["initial_user"] == "U0ANA"  # default: me


def test_several_matches_let_the_user_pick(bot: Harness) -> None:
    _seed(bot)
    bot.slack.command("U0ANA", "llamada ferreteria")
    (response,) = bot.fake.wait_for("response_url")
    text = response.text()
    assert "Ferretería López" in text and "Ferretería Lozano" in text
    assert response.params["response_type"] == "ephemeral"
    assert bot.fake.calls_to("views.open") == []


def test_a_typo_still_finds_the_customer(bot: Harness) -> None:
    customer_id = _seed(bot)
    view = _open_modal(bot, query="Ferretria Lopes")
    assert json.loads(view["private_metadata"])["customer_id"] == customer_id


def test_an_id_typed_in_lowercase_with_spaces_opens_that_customer(bot: Harness) -> None:
    _seed(bot)
    with bot.db() as s:
        lozano = s.query(Customer).filter_by(external_id="C-200").one().id
    view = _open_modal(bot, query="c - 200")
    assert json.loads(view["private_metadata"])["customer_id"] == lozano


def test_unknown_customer_is_said_plainly(bot: Harness) -> None:
    _seed(bot)
    bot.slack.command("U0ANA", "llamada zzzz")
    (response,) = bot.fake.wait_for("response_url")
    assert "No encontré ningún cliente" in response.text()


def test_a_good_call_stores_note_promise_and_task_and_confirms(bot: Harness) -> None:
    _seed(bot)
    view = _open_modal(bot)
    reply = bot.slack.submit("U0ANA", view, GOOD_NOTE)
    assert reply.status == 200
    assert reply.text() == ""  # the modal closes
    (confirmation,) = bot.fake.wait_for("chat.postMessage")
    assert confirmation.params["channel"] == "U0ANA"
    text = confirmation.text()
    assert "Marisol Díaz (Contadora)" in text
    assert "viernes 27 de noviembre" in text  # the promise date, echoed in words
    assert "lunes 30 de noviembre, 10:00" in text  # the task's due date, with its time
    assert "#responsableausente #vacaciones" in text
    with bot.db() as s:
        note = s.scalars(select(Note)).one()
        assert note.spoke_with == "Marisol Díaz (Contadora)"
        assert note.excuse_category == ExcuseCategory.PERSON_AWAY
        assert note.hashtags == "responsableausente vacaciones"
        promise = s.scalars(select(PaymentPromise)).one()
        assert str(promise.amount) == "2000.00"
        assert promise.promised_for.isoformat() == "2026-11-27"
        task = s.scalars(select(Task)).one()
        assert task.due_date.isoformat() == "2026-11-30"
        assert task.due_time is not None and task.due_time.hour == 10
        attempt = s.scalars(select(ContactAttempt)).one()
        assert attempt.outcome == AttemptOutcome.ANSWERED
    (home,) = bot.fake.wait_for("views.publish")  # the Home tab shows the change at once
    assert home.params["user_id"] == "U0ANA"


def test_a_bad_note_is_refused_on_each_missing_field(bot: Harness) -> None:
    _seed(bot)
    view = _open_modal(bot)
    reply = bot.slack.submit(
        "U0ANA",
        view,
        {"contact": "new", "excuse": "No hay pago para esta semana", "task": None},
    )
    body = reply.json
    assert body["response_action"] == "errors"
    assert set(body["errors"]) == {"contact", "excuse_category", "excuse", "task"}
    assert "¿Por qué no ha pagado?" in body["errors"]["excuse"]
    assert "¿Con quién hablaste?" in body["errors"]["contact"]
    assert _count(bot, Note) == 0 and _count(bot, ContactAttempt) == 0


@pytest.mark.parametrize(
    ("field", "typed", "expected"),
    [
        ("promise_date", "cuando pueda", "No entendí"),
        ("promise_date", "ayer", "pasó"),
        ("task_due", "el 31 de febrero", "no tiene día 31"),
        ("task_due", "el lunes pasado", "pasó"),
    ],
)
def test_unreadable_and_past_dates_are_refused_on_their_field(
    bot: Harness, field: str, typed: str, expected: str
) -> None:
    _seed(bot)
    view = _open_modal(bot)
    body = bot.slack.submit("U0ANA", view, {**GOOD_NOTE, field: typed}).json
    assert body["response_action"] == "errors"
    assert list(body["errors"]) == [field]
    assert expected in body["errors"][field]
    assert _count(bot, Note) == 0


def test_errors_are_in_english_for_an_english_user(bot: Harness) -> None:
    _seed(bot)
    view = _open_modal(bot, user="U0JOHN")
    assert "Log a call" in json.dumps(view)
    body = bot.slack.submit("U0JOHN", view, {"excuse": "no payment"}).json
    assert "Why haven't they paid?" in body["errors"]["excuse"]


def test_a_task_for_a_colleague_without_a_supervisor_is_refused(bot: Harness) -> None:
    _seed(bot)
    view = _open_modal(bot)
    body = bot.slack.submit("U0ANA", view, {**GOOD_NOTE, "assignee": "U0SOLO"}).json
    assert body["response_action"] == "errors"
    assert "supervisa" in body["errors"]["supervisor"]


def test_an_assignee_outside_the_team_is_refused(bot: Harness) -> None:
    _seed(bot)
    view = _open_modal(bot)
    body = bot.slack.submit("U0ANA", view, {**GOOD_NOTE, "assignee": "U0STRANGER"}).json
    assert "no está en el equipo" in body["errors"]["assignee"]


def test_a_task_for_a_colleague_reaches_them_and_their_supervisor(bot: Harness) -> None:
    _seed(bot)
    view = _open_modal(bot)
    answers = {**GOOD_NOTE, "task": "Conciliar el pago", "assignee": "U0LUIS"}
    assert bot.slack.submit("U0ANA", view, answers).text() == ""
    messages = bot.fake.wait_for("chat.postMessage", 3)
    by_channel = {m.params["channel"]: m for m in messages}
    assert set(by_channel) == {"U0ANA", "U0LUIS", "U0SARA"}
    luis = by_channel["U0LUIS"]
    assert "Ana Pérez te asignó una tarea" in luis.text()
    actions = {
        element["action_id"]
        for block in luis.params["blocks"]
        if block["type"] == "actions"
        for element in block["elements"]
    }
    assert actions == {
        "cobro_task_done",
        "cobro_task_snooze",
        "cobro_task_reassign",
        "cobro_view_customer",
    }
    # who supervises it is a sentence of its own, under the task and above its buttons
    kinds = [block["type"] for block in luis.params["blocks"]]
    assert kinds == ["section", "context", "actions"]
    (said,) = [b["elements"][0]["text"] for b in luis.params["blocks"] if b["type"] == "context"]
    assert said.startswith("Supervisión a cargo de ")
    assert "supervisas" in by_channel["U0SARA"].text()
    with bot.db() as s:
        task = s.scalars(select(Task)).one()
        luis_id = s.scalar(select(TeamMember.id).where(TeamMember.slack_user_id == "U0LUIS"))
        sara_id = s.scalar(select(TeamMember.id).where(TeamMember.slack_user_id == "U0SARA"))
        assert (task.assignee_id, task.supervisor_id) == (luis_id, sara_id)


def test_the_same_submission_twice_stores_one_call(bot: Harness) -> None:
    _seed(bot)
    view = _open_modal(bot)
    bot.slack.submit("U0ANA", view, GOOD_NOTE)
    bot.slack.submit("U0ANA", view, GOOD_NOTE)
    bot.fake.wait_for("chat.postMessage")  # the receipt goes out after the ack
    bot.fake.wait_quiet()
    assert _count(bot, Note) == 1
    assert _count(bot, ContactAttempt) == 1
    assert _count(bot, PaymentPromise) == 1
    assert _count(bot, OutboxMessage) == 1
    assert len(bot.fake.calls_to("chat.postMessage")) == 1


@pytest.mark.parametrize(
    ("outcome", "proposal"),
    [
        ("no_answer", "Volver a llamar"),
        ("message_left", "Volver a llamar"),
        ("wrong_number", "Conseguir el teléfono correcto"),
    ],
)
def test_nobody_answered_logs_only_the_attempt_and_proposes_a_retry(
    bot: Harness, outcome: str, proposal: str
) -> None:
    _seed(bot)
    view = _open_modal(bot)
    assert bot.slack.submit("U0ANA", view, {"outcome": outcome}).text() == ""
    (confirmation,) = bot.fake.wait_for("chat.postMessage")
    text = confirmation.text()
    assert proposal in text
    assert "martes 24 de noviembre" in text  # the next business day
    if outcome == "message_left":
        assert "nunca el monto" in text
    with bot.db() as s:
        assert s.scalars(select(ContactAttempt)).one().outcome == AttemptOutcome(outcome)
        assert s.scalars(select(Note)).all() == []
        assert s.scalars(select(PaymentPromise)).all() == []
        task = s.scalars(select(Task)).one()
        assert task.due_date.isoformat() == "2026-11-24"


def test_a_third_party_call_stores_the_named_person_and_asks_nothing_of_the_debt(
    bot: Harness,
) -> None:
    """Someone else answered: the modal drops the excuse and the promise (never discuss the
    debt with a third party), asks who answered and what they said, proposes the retry on
    the day they named, and keeps the person as a contact."""
    _seed(bot)
    view = _open_modal(bot)
    bot.slack.change("U0ANA", view, "outcome", "third_party")
    redrawn = bot.fake.last_view("views.update")
    blocks = {b.get("block_id") for b in redrawn["blocks"]}
    assert {"contact_name", "contact_role", "agreement", "task", "task_due"} <= blocks
    assert not blocks & {"contact", "excuse", "excuse_category", "promise_amount", "promise_date"}
    assert "No hables de la deuda" in json.dumps(redrawn, ensure_ascii=False)
    task = next(b for b in redrawn["blocks"] if b.get("block_id") == "task")
    assert task["element"]["initial_value"] == "Volver a llamar"
    answers = {
        "contact_name": "Jorge",
        "contact_role": "receptionist",
        "agreement": "La contadora regresa el lunes",
    }
    # the day they named moves the retry proposed with the outcome: said before it is saved
    moved = bot.slack.submit("U0ANA", redrawn, answers).json
    assert moved["response_action"] == "update"
    assert "lunes 30 de noviembre" in json.dumps(moved["view"], ensure_ascii=False)
    assert bot.slack.submit("U0ANA", moved["view"], answers).text() == ""
    (confirmation,) = bot.fake.wait_for("chat.postMessage")
    text = confirmation.text()
    assert "Contestó:* Jorge (Recepción)" in text and "regresa el lunes" in text
    assert "no le des detalles de la deuda" in text
    assert "Marisol" not in text
    with bot.db() as s:
        assert s.scalars(select(Note)).all() == []  # no excuse was asked, none is stored
        attempt = s.scalars(select(ContactAttempt)).one()
        assert attempt.remark == "La contadora regresa el lunes"
        jorge = s.scalars(select(Contact).where(Contact.name == "Jorge")).one()
        assert attempt.contact_id == jorge.id and jorge.title == "Recepción"
        task = s.scalars(select(Task)).one()
        assert task.text == "Volver a llamar" and task.due_date.isoformat() == "2026-11-30"


@pytest.mark.parametrize("category", [c.value for c in ExcuseCategory])
def test_every_excuse_category_can_be_logged(bot: Harness, category: str) -> None:
    _seed(bot)
    view = _open_modal(bot)
    answers = {**GOOD_NOTE, "excuse_category": category, "promise_date": None}
    assert bot.slack.submit("U0ANA", view, answers).text() == ""
    bot.fake.wait_for("chat.postMessage")
    with bot.db() as s:
        note = s.scalars(select(Note)).one()
        assert note.excuse_category == ExcuseCategory(category)
        task = s.scalars(select(Task)).one()
        expected_kind = {
            "already_paid": TaskKind.VERIFY_PAYMENT,
            "invoice_not_received": TaskKind.SEND_INVOICE,
            "cannot_pay": TaskKind.PAYMENT_PLAN,
            "dispute": TaskKind.RESOLVE_DISPUTE,
            "refuses": TaskKind.ESCALATE,
        }.get(category, TaskKind.CALL)
        assert task.kind == expected_kind


def test_a_dispute_pauses_the_invoices_it_names(bot: Harness) -> None:
    _seed(bot)
    with bot.db() as s:
        number = s.scalar(select(func.min(Invoice.number)))
    view = _open_modal(bot)
    answers = {
        **GOOD_NOTE,
        "excuse_category": "dispute",
        "excuse": f"Dice que la factura {number} trae un precio equivocado y no la pagará así",
        "promise_date": None,
    }
    assert bot.slack.submit("U0ANA", view, answers).text() == ""
    (confirmation,) = bot.fake.wait_for("chat.postMessage")
    assert f"Cobranza en pausa para {number}" in confirmation.text()
    with bot.db() as s:
        dispute = s.scalars(select(Dispute)).one()
        assert dispute.invoice_id is not None and dispute.resolved_at is None


def test_choosing_an_excuse_suggests_the_playbook_step(bot: Harness) -> None:
    _seed(bot)
    view = _open_modal(bot)
    typed = {"excuse": "Maribel indica que ya canceló con el depósito número 23763172736"}
    state = {"id": view["id"], "hash": "h1", **view}
    from slackfake.sender import fill

    state["state"] = {"values": fill(view, {**typed, "excuse_category": "already_paid"})}
    bot.slack.block_action(
        "U0ANA",
        "cobro_excuse_category",
        extra={"type": "static_select", "selected_option": {"value": "already_paid"}},
        view=state,
    )
    updated = bot.fake.last_view("views.update")
    task = next(b for b in updated["blocks"] if b.get("block_id") == "task")
    assert task["element"]["initial_value"] == "Verificar el pago (depósito n.º 23763172736)"
    due = next(b for b in updated["blocks"] if b.get("block_id") == "task_due")
    assert due["element"]["initial_value"] == "martes 24 de noviembre"  # tomorrow, in words
    excuse = next(b for b in updated["blocks"] if b.get("block_id") == "excuse")
    assert excuse["element"]["initial_value"] == typed["excuse"]  # nothing typed is lost


def test_the_digest_button_opens_the_modal_for_its_customer(bot: Harness) -> None:
    customer_id = _seed(bot)
    bot.slack.block_action("U0ANA", "cobro_log_call", str(customer_id), channel="D0ANA")
    view = bot.fake.last_view()
    assert json.loads(view["private_metadata"])["customer_id"] == customer_id


def test_user_text_cannot_ping_anyone_in_the_confirmation(bot: Harness) -> None:
    _seed(bot)
    view = _open_modal(bot)
    answers = {**GOOD_NOTE, "excuse": "El gerente <!channel> está de viaje <@U0SARA> hoy"}
    bot.slack.submit("U0ANA", view, answers)
    (confirmation,) = bot.fake.wait_for("chat.postMessage")
    text = confirmation.text()
    assert "<!channel>" not in text and "<@U0SARA>" not in text
    assert "&lt;!channel&gt;" in text


def test_a_call_closes_the_follow_up_call_task_it_answers(bot: Harness) -> None:
    _seed(bot)
    with bot.db.begin() as s:
        ana = s.query(TeamMember).filter_by(slack_user_id="U0ANA").one()
        lopez = s.query(Customer).filter_by(external_id="C-100").one()
        b.task(s, lopez, ana, "2026-11-23", "Llamar de nuevo")
    view = _open_modal(bot)
    bot.slack.submit("U0ANA", view, GOOD_NOTE)
    bot.fake.wait_for("chat.postMessage")
    with bot.db() as s:
        statuses = sorted(s.scalars(select(Task.status)))
        assert statuses == [TaskStatus.DONE, TaskStatus.OPEN]


def test_a_note_survives_slack_failing_after_the_submit(bot: Harness) -> None:
    """Slack answers 500 to the confirmation: the note is stored, the confirmation waits in
    the outbox, and the next delivery round sends it once."""
    _seed(bot)
    view = _open_modal(bot)
    bot.fake.fail("chat.postMessage", status=500, times=3)  # the client's own retries too
    assert bot.slack.submit("U0ANA", view, GOOD_NOTE).text() == ""
    bot.fake.wait_for("chat.postMessage", 3)
    assert _count(bot, Note) == 1

    def failed_once() -> OutboxMessage | None:
        with bot.db() as s:
            row = s.scalars(select(OutboxMessage)).one()
        return row if row.last_error else None

    row = wait_until(failed_once, what="the send to fail once")
    assert row.sent_ts is None and row.last_error  # waiting for a retry
    bot.clock.advance(timedelta(minutes=1))
    report = bot.jobs.deliver()
    assert report.sent == 1
    assert len(bot.fake.calls_to("chat.postMessage")) == 4
    assert bot.jobs.deliver().sent == 0  # never twice


def test_the_card_shows_what_the_call_logged(bot: Harness) -> None:
    _seed(bot)
    view = _open_modal(bot)
    answers = {**GOOD_NOTE, "task": "Conciliar el pago", "assignee": "U0LUIS"}
    assert bot.slack.submit("U0ANA", view, answers).text() == ""
    bot.fake.wait_for("chat.postMessage", 3)
    bot.slack.command("U0ANA", "cliente C-100")
    (card,) = bot.fake.wait_for("response_url")
    text = card.text()
    assert "El gerente está de vacaciones" in text  # the note
    assert "Marisol Díaz (Contadora)" in text  # whom we spoke to
    assert "*Promesa pendiente:* $2,000.00 el viernes 27 de noviembre" in text
    assert "todavía ninguna" not in text  # the pending promise is a promise
    assert "Conciliar el pago · lunes 30 de noviembre, 10:00 · Luis Gómez" in text


def test_a_colleague_named_as_supervisor_is_refused(bot: Harness) -> None:
    """Luis collects like Ana: naming him the supervisor of Solo's task would send the
    escalation to someone who cannot act on it."""
    _seed(bot)
    view = _open_modal(bot)
    answers = {**GOOD_NOTE, "assignee": "U0SOLO", "supervisor": "U0LUIS"}
    body = bot.slack.submit("U0ANA", view, answers).json
    assert body["response_action"] == "errors"
    assert "Luis Gómez no es supervisor" in body["errors"]["supervisor"]
    with bot.db() as s:
        assert s.scalars(select(Task)).all() == []
    answers["supervisor"] = "U0SARA"  # a supervisor: stored
    assert bot.slack.submit("U0ANA", view, answers).text() == ""
