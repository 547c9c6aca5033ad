"""What the call modal records is what the collector said: readings echoed while typing,
amounts asked back, a total above the balance confirmed, a call corrected with both versions
kept, a plan whose installments are judged one by one, a payment closing the check it was
waiting for. Through the fake Slack; Monday 23 November 2026, 09:00 in Mexico City."""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime, time
from typing import Any

from sqlalchemy import select

from models import (
    Contact,
    ContactAttempt,
    Correction,
    Note,
    Payment,
    PaymentPromise,
    Task,
    TeamMember,
)
from models.enums import PromiseStatus, TaskKind, TaskStatus
from tests import builders as b
from tests.e2e.conftest import MEXICO, Harness
from tests.e2e.control_seed import ask, table

NOTE = {
    "excuse_category": "forgot",
    "excuse": "Se le olvidó programar la transferencia",
    "agreement": "Paga el viernes por transferencia",
    "promise_date": "el viernes",
    "task": "Confirmar que llegó la transferencia",
    "task_due": "el lunes",
}


def _seed(bot: Harness) -> int:
    bot.team()
    with bot.db.begin() as s:
        ana = s.scalars(select(TeamMember).where(TeamMember.slack_user_id == "U0ANA")).one()
        lopez = b.lopez(s, ana)
        b.invoice(s, lopez, "2026-11-06", "1500.00")
        b.invoice(s, lopez, "2026-11-20", "500.00")
        return lopez.id


def _modal(bot: Harness) -> dict[str, Any]:
    bot.slack.command("U0ANA", "llamada lopez")
    return bot.fake.last_view()


def _echo(view: dict[str, Any], block_id: str) -> str:
    found = [b for b in view["blocks"] if b.get("block_id") == f"{block_id}_echo"]
    return json.dumps(found, ensure_ascii=False)


def _input(view: dict[str, Any], block_id: str) -> dict[str, Any]:
    return next(b for b in view["blocks"] if b.get("block_id") == block_id)


def test_typing_an_amount_and_a_date_shows_what_will_be_stored_before_saving(
    bot: Harness,
) -> None:
    _seed(bot)
    view = _modal(bot)
    assert _input(view, "promise_amount").get("dispatch_action") is True
    bot.slack.change("U0ANA", view, "promise_amount", "20 mil", {**NOTE})
    redrawn = bot.fake.last_view("views.update")
    assert "$20,000.00" in _echo(redrawn, "promise_amount")
    assert "saldo" in _echo(redrawn, "promise_amount")  # above the $2,000.00 owed: said
    assert _input(redrawn, "promise_amount")["element"].get("initial_value") == "20 mil"
    bot.slack.change("U0ANA", redrawn, "promise_date", "el vierns", {"promise_amount": "1500"})
    again = bot.fake.last_view("views.update")
    assert "viernes" in _echo(again, "promise_date")  # ¿quisiste decir «viernes»?
    bot.slack.change("U0ANA", again, "promise_date", "el viernes", {"promise_amount": "1500"})
    read = bot.fake.last_view("views.update")
    assert "viernes 27 de noviembre" in _echo(read, "promise_date")
    assert "$1,500.00" in _echo(read, "promise_amount")


def test_an_amount_that_reads_two_ways_is_asked_back_on_its_field(bot: Harness) -> None:
    _seed(bot)
    view = _modal(bot)
    body = bot.slack.submit("U0ANA", view, {**NOTE, "promise_amount": "1,50000"}).json
    assert body["response_action"] == "errors"
    assert "«1,50000»" in body["errors"]["promise_amount"]
    with bot.db() as s:
        assert s.scalars(select(PaymentPromise)).all() == []
        assert s.scalars(select(Note)).all() == []


def test_a_total_above_the_balance_is_said_back_and_saved_only_the_second_time(
    bot: Harness,
) -> None:
    _seed(bot)
    view = _modal(bot)
    body = bot.slack.submit("U0ANA", view, {**NOTE, "promise_amount": "5.000"}).json
    assert body["response_action"] == "update"
    warned = json.dumps(body["view"], ensure_ascii=False)
    assert "$5,000.00" in warned and "$2,000.00" in warned
    assert _stored_when_saved_again(bot, view, body["view"]) == "5000.00"


def test_a_few_pesos_on_a_balance_of_thousands_are_asked_about_before_they_are_saved(
    bot: Harness,
) -> None:
    """ "2" on $2,000.00 owed: more likely "2 mil" with the "mil" left out than a promise of
    two pesos; cobro asks which, and stores $2.00 only when saved again."""
    _seed(bot)
    view = _modal(bot)
    body = bot.slack.submit("U0ANA", view, {**NOTE, "promise_amount": "2"}).json
    assert body["response_action"] == "update"
    asked = json.dumps(body["view"], ensure_ascii=False)
    assert "¿$2.00 o $2,000.00?" in asked
    assert _stored_when_saved_again(bot, view, body["view"]) == "2.00"


def _stored_when_saved_again(bot: Harness, view: dict[str, Any], warned: dict[str, Any]) -> str:
    """Nothing stored yet; Guardar pressed again on the view that warned; the one promise
    then stored, its amount."""
    with bot.db() as s:
        assert s.scalars(select(PaymentPromise)).all() == []
    assert bot.slack.submit("U0ANA", {**warned, "id": view["id"]}, {}).text() == ""
    with bot.db() as s:
        (promise,) = s.scalars(select(PaymentPromise)).all()
        return str(promise.amount)


def _history(bot: Harness, customer_id: int) -> list[list[str]]:
    bot.slack.block_action("U0ANA", "cobro_export_history", str(customer_id), channel="D0ANA")
    bot.fake.wait_for("files.completeUploadExternal")
    (file_id,) = bot.fake.uploads
    content = bot.fake.uploads[file_id].decode("utf-8").removeprefix("\ufeff")
    return list(csv.reader(io.StringIO(content)))


def test_a_corrected_call_keeps_both_versions_in_the_history(bot: Harness) -> None:
    customer_id = _seed(bot)
    view = _modal(bot)
    assert bot.slack.submit("U0ANA", view, {**NOTE, "promise_amount": "1,500"}).text() == ""
    (confirmation,) = bot.fake.wait_for("chat.postMessage")
    assert "cobro_correct_call" in confirmation.text()
    with bot.db() as s:
        attempt_id = s.scalars(select(Note)).one().attempt_id
    bot.slack.block_action("U0ANA", "cobro_correct_call", str(attempt_id), channel="D0ANA")
    correcting = bot.fake.last_view()
    assert _input(correcting, "promise_amount")["element"]["initial_value"] == "1,500.00"
    answers = {"promise_amount": "1,200", "excuse": "Se le olvidó; paga el viernes sin falta"}
    # Reading the new amount back proposes nothing over the step the collector saved.
    bot.slack.change("U0ANA", correcting, "promise_amount", "1,200", answers)
    read = bot.fake.last_view("views.update")
    assert "$1,200.00" in _echo(read, "promise_amount")
    assert _input(read, "task")["element"]["initial_value"] == NOTE["task"]
    assert bot.slack.submit("U0ANA", correcting, answers).text() == ""
    bot.fake.wait_for("chat.postMessage", 2)
    with bot.db() as s:
        notes = s.scalars(select(Note).order_by(Note.id)).all()
        assert len(notes) == 2 and notes[1].corrects_id == notes[0].id
        (promise,) = s.scalars(select(PaymentPromise)).all()
        assert str(promise.amount) == "1200.00"
        fields = {
            (c.kind, c.field): (c.old_value, c.new_value) for c in s.scalars(select(Correction))
        }
        assert fields[("promise", "amount")] == ("1500", "1200")
        assert fields[("note", "excuse")][1] == "Se le olvidó; paga el viernes sin falta"
    rows = _history(bot, customer_id)
    details = [row[3] for row in rows[1:]]
    assert "Se le olvidó programar la transferencia" in " ".join(details)  # the original
    assert "Se le olvidó; paga el viernes sin falta" in " ".join(details)  # the correction
    corrections = [row for row in rows[1:] if row[1] == "Corrección"]
    assert any("monto: «1500» → «1200»" in row[3] and row[2] == "Ana Pérez" for row in corrections)
    # The report counts the corrected call once, and says it was corrected.
    bot.fake.wait_for("response_url")  # the export's own answer, before the report's
    answer, files = ask(bot, "U0ANA", "hoy")
    assert "de 1 (" in answer  # one note, the corrected version, not two
    assert "Corregida después de registrada:* 1 llamada" in answer
    assert "llamadas 1 (plan" in answer and "· 1 corregida" in answer
    tables = [table(content) for name, content in files.items() if name.endswith(".csv")]
    (daily,) = [rows for rows in tables if "llamadas corregidas" in rows[0]]
    column = daily[0].index("llamadas corregidas")
    assert [row[column] for row in daily[1:] if "Ana Pérez" in row] == ["1"]


def _at(day: str, hour: int = 9) -> datetime:
    return datetime.combine(datetime.fromisoformat(day).date(), time(hour), MEXICO)


def test_a_two_installment_plan_breaks_on_its_second_installment_only(bot: Harness) -> None:
    customer_id = _seed(bot)
    view = _modal(bot)
    bot.slack.press("U0ANA", view, "promise_more", "cobro_add_installment")
    plan = bot.fake.last_view("views.update")
    answers = {
        **NOTE,
        "agreement": "1,000 el viernes y el resto el 4 de diciembre",
        "promise_amount": "1,000",
        "promise_date": "el viernes",
        "promise_amount_2": "1,000",
        "promise_date_2": "el 4 de diciembre",
    }
    assert bot.slack.submit("U0ANA", plan, answers).text() == ""
    (confirmation,) = bot.fake.wait_for("chat.postMessage")
    assert "2 cuotas" in confirmation.text()
    # the first installment is paid on its day
    bot.clock.set(_at("2026-11-27", 10))
    bot.slack.block_action("U0ANA", "cobro_add_payment", str(customer_id), channel="D0ANA")
    pay = bot.fake.last_view()
    assert (
        bot.slack.submit("U0ANA", pay, {"payment_amount": "1,000", "payment_date": "hoy"}).text()
        == ""
    )
    bot.fake.wait_for("chat.postMessage", 2)
    # Tuesday 8 December: the second one's grace (Monday 7) is over, nothing came
    bot.fake.calls.clear()
    bot.clock.set(_at("2026-12-08", 9))
    bot.jobs.nudges(_at("2026-12-08", 9))
    bot.fake.wait_for("chat.postMessage")
    with bot.db() as s:
        first, second = s.scalars(select(PaymentPromise).order_by(PaymentPromise.installment)).all()
        assert (first.installment, first.status) == (1, PromiseStatus.KEPT)
        assert (second.installment, second.status) == (2, PromiseStatus.BROKEN)
    broken = [c.text() for c in bot.fake.calls_to("chat.postMessage") if "incumpl" in c.text()]
    assert broken and all("viernes 4 de diciembre" in text for text in broken)
    assert not any("viernes 27 de noviembre" in text for text in broken)  # the kept one


def test_a_recorded_payment_closes_the_check_it_was_waiting_for(bot: Harness) -> None:
    customer_id = _seed(bot)
    view = _modal(bot)
    answers = {
        "excuse": "Dice que ya pagó con el depósito 23763172736",
        "agreement": "Nos manda el comprobante por correo",
        "promise_amount": None,
        "promise_date": None,
    }
    # choosing the excuse proposes the step, with the deposit's number in it
    bot.slack.change("U0ANA", view, "excuse_category", "already_paid", answers)
    proposed = bot.fake.last_view("views.update")
    step = _input(proposed, "task")["element"]["initial_value"]
    assert step == "Verificar el pago (depósito n.º 23763172736)"
    assert bot.slack.submit("U0ANA", proposed, answers).text() == ""
    bot.fake.wait_for("chat.postMessage")
    with bot.db() as s:
        task = s.scalars(select(Task)).one()
        assert task.kind == TaskKind.VERIFY_PAYMENT and "23763172736" in task.text
    bot.slack.block_action("U0ANA", "cobro_add_payment", str(customer_id), channel="D0ANA")
    pay = bot.fake.last_view()
    paid = {"payment_amount": "2,000", "payment_date": "hoy", "promise_reference": "2376-3172-736"}
    assert bot.slack.submit("U0ANA", pay, paid).text() == ""
    receipt = bot.fake.wait_for("chat.postMessage", 2)[-1].text()
    assert "Tarea cerrada con este pago" in receipt
    with bot.db() as s:
        assert s.scalars(select(Task)).one().status == TaskStatus.DONE


def test_the_card_offers_to_correct_the_last_call_to_whoever_may(bot: Harness) -> None:
    _seed(bot)
    view = _modal(bot)
    assert bot.slack.submit("U0ANA", view, {**NOTE, "promise_amount": "1,500"}).text() == ""
    bot.fake.wait_for("chat.postMessage")

    def card(user: str) -> str:
        before = len(bot.fake.calls_to("response_url"))
        bot.slack.command(user, "cliente C-100")
        return bot.fake.wait_for("response_url", before + 1)[-1].text()

    assert "cobro_correct_call" in card("U0ANA")  # the author, the same week
    assert "cobro_correct_call" in card("U0SARA")  # her supervisor
    assert "cobro_correct_call" not in card("U0LUIS")  # a colleague
    bot.clock.set(_at("2026-12-01", 9))  # eight days later
    assert "cobro_correct_call" not in card("U0ANA")
    assert "cobro_correct_call" in card("U0SARA")


def test_a_promise_payments_already_kept_is_not_rewritten_by_a_correction(bot: Harness) -> None:
    customer_id = _seed(bot)
    view = _modal(bot)
    assert bot.slack.submit("U0ANA", view, {**NOTE, "promise_amount": "1,500"}).text() == ""
    bot.fake.wait_for("chat.postMessage")
    bot.slack.block_action("U0ANA", "cobro_add_payment", str(customer_id), channel="D0ANA")
    paid = {"payment_amount": "1,500", "payment_date": "hoy"}
    assert bot.slack.submit("U0ANA", bot.fake.last_view(), paid).text() == ""
    bot.fake.wait_for("chat.postMessage", 2)
    with bot.db() as s:
        assert s.scalars(select(PaymentPromise)).one().status == PromiseStatus.KEPT
        attempt_id = s.scalars(select(Note)).one().attempt_id
    bot.slack.block_action("U0ANA", "cobro_correct_call", str(attempt_id), channel="D0ANA")
    correcting = bot.fake.last_view()
    refused = bot.slack.submit("U0ANA", correcting, {"promise_amount": "400"})
    errors = json.loads(refused.text())["errors"]
    assert "ya quedó cumplida" in errors["promise_amount"]
    with bot.db() as s:
        (promise,) = s.scalars(select(PaymentPromise)).all()
        assert str(promise.amount) == "1500.00" and promise.status == PromiseStatus.KEPT
        assert s.scalars(select(Correction)).all() == []
    # The rest of the call can still be corrected.
    fixed = {"excuse": "Se le olvidó programar la transferencia del mes"}
    assert bot.slack.submit("U0ANA", correcting, fixed).text() == ""
    with bot.db() as s:
        assert [c.field for c in s.scalars(select(Correction))] == ["excuse"]


def test_a_third_party_call_corrected_keeps_its_trail(bot: Harness) -> None:
    """Jorge answered; his role is added afterwards: the receipt says corrected, the
    history names him with what he said and the change, the report counts it."""
    customer_id = _seed(bot)
    view = _modal(bot)
    bot.slack.change("U0ANA", view, "outcome", "third_party")
    redrawn = bot.fake.last_view("views.update")
    answers = {"contact_name": "Jorge", "agreement": "La contadora regresa el lunes"}
    moved = json.loads(bot.slack.submit("U0ANA", redrawn, answers).text())
    assert moved["response_action"] == "update"  # the remark moved the retry: shown first
    assert bot.slack.submit("U0ANA", moved["view"], answers).text() == ""
    bot.fake.wait_for("chat.postMessage")
    with bot.db() as s:
        attempt_id = s.scalars(select(ContactAttempt)).one().id
    bot.slack.block_action("U0ANA", "cobro_correct_call", str(attempt_id), channel="D0ANA")
    correcting = bot.fake.last_view()
    assert bot.slack.submit("U0ANA", correcting, {"contact_role": "receptionist"}).text() == ""
    receipt = bot.fake.wait_for("chat.postMessage", 2)[-1].text()
    assert "corregido (el original queda en el historial)" in receipt
    with bot.db() as s:
        jorge = s.scalars(select(Contact).where(Contact.name == "Jorge")).one()
        assert jorge.title == "Recepción"
        (change,) = s.scalars(select(Correction)).all()
        assert (change.field, change.old_value, change.new_value) == ("role", None, "Recepción")
    rows = _history(bot, customer_id)
    attempts = [row[3] for row in rows[1:] if row[1] == "Intento de llamada"]
    assert attempts == [
        "Contestó otra persona · Jorge (Recepción) · dijo: «La contadora regresa el lunes»"
    ]
    assert any(
        "cargo: «vacío» → «Recepción»" in row[3] for row in rows[1:] if row[1] == "Corrección"
    )
    bot.fake.wait_for("response_url")
    answer, _ = ask(bot, "U0ANA", "hoy")
    assert "Corregida después de registrada:* 1 llamada" in answer


def _payment_said_back(bot: Harness, customer_id: int, typed: dict[str, str]) -> Any:
    """The "Registrar pago" modal opened and submitted with `typed`: the reply that says
    the amount back (the modal redrawn with its warning), nothing recorded yet."""
    bot.slack.block_action("U0ANA", "cobro_add_payment", str(customer_id), channel="D0ANA")
    reply = json.loads(bot.slack.submit("U0ANA", bot.fake.last_view(), typed).text())
    assert reply["response_action"] == "update"
    return reply


def test_a_payment_above_the_balance_is_said_back_and_recorded_only_the_second_time(
    bot: Harness,
) -> None:
    customer_id = _seed(bot)
    typed = {"payment_amount": "medio millón", "payment_date": "hoy"}
    reply = _payment_said_back(bot, customer_id, typed)
    said = json.dumps(reply["view"], ensure_ascii=False)
    assert "$500,000.00 es más que el saldo abierto ($2,000.00)" in said
    assert "$498,000.00 quedarían como saldo a favor" in said
    with bot.db() as s:
        assert s.scalars(select(Payment)).all() == []
    # Corrected to what was meant: recorded at once, no question.
    fixed = bot.slack.submit("U0ANA", reply["view"], {**typed, "payment_amount": "500"})
    assert fixed.text() == ""
    with bot.db() as s:
        assert [str(p.amount) for p in s.scalars(select(Payment))] == ["500.00"]
    # Above the balance again, saved twice with the same amount: recorded, the rest a credit.
    bot.slack.block_action("U0ANA", "cobro_add_payment", str(customer_id), channel="D0ANA")
    again = bot.fake.last_view()
    first = json.loads(bot.slack.submit("U0ANA", again, {"payment_amount": "2,000"}).text())
    assert "saldo a favor" in json.dumps(first["view"], ensure_ascii=False)
    assert bot.slack.submit("U0ANA", first["view"], {"payment_amount": "2,000"}).text() == ""
    with bot.db() as s:
        assert sorted(str(p.amount) for p in s.scalars(select(Payment))) == ["2000.00", "500.00"]
        assert sum(p.credit for p in s.scalars(select(Payment))) == 500


def test_a_payment_of_a_few_pesos_on_thousands_owed_is_asked_about_first(bot: Harness) -> None:
    typed = {"payment_amount": "2", "payment_date": "hoy"}
    reply = _payment_said_back(bot, _seed(bot), typed)
    assert "¿$2.00 o $2,000.00?" in json.dumps(reply["view"], ensure_ascii=False)
    with bot.db() as s:
        assert s.scalars(select(Payment)).all() == []
    assert bot.slack.submit("U0ANA", reply["view"], typed).text() == ""
    with bot.db() as s:
        assert [str(p.amount) for p in s.scalars(select(Payment))] == ["2.00"]


def test_a_plan_said_in_the_agreement_is_shown_as_installments_before_it_is_saved(
    bot: Harness,
) -> None:
    _seed(bot)
    view = _modal(bot)
    answers = {
        **NOTE,
        "agreement": "Paga 1,200 mañana y el resto a fin de mes",
        "promise_amount": "1,200",
        "promise_date": "mañana",
    }
    reply = json.loads(bot.slack.submit("U0ANA", view, answers).text())
    assert reply["response_action"] == "update"
    shown = reply["view"]
    assert "El acuerdo habla de 2 pagos" in _echo(shown, "promise_amount")
    assert _input(shown, "promise_amount_2")["element"]["initial_value"] == "800.00"
    assert _input(shown, "promise_date_2")["element"]["initial_value"] == "a fin de mes"
    with bot.db() as s:
        assert s.scalars(select(PaymentPromise)).all() == []  # nothing stored yet
    second = {**answers, "promise_amount_2": "800.00", "promise_date_2": "a fin de mes"}
    assert bot.slack.submit("U0ANA", shown, second).text() == ""
    with bot.db() as s:
        plan = s.scalars(select(PaymentPromise).order_by(PaymentPromise.installment)).all()
        assert [(str(p.amount), p.promised_for.isoformat()) for p in plan] == [
            ("1200.00", "2026-11-24"),
            ("800.00", "2026-11-30"),
        ]


def test_a_plan_in_the_agreement_replaces_the_balance_left_in_the_first_amount(
    bot: Harness,
) -> None:
    """The first amount shows the balance until one is typed: with only the date typed,
    "1,200 el viernes y el resto a fin de mes" is 1,200 and 800, not the balance and 800."""
    _seed(bot)
    view = _modal(bot)
    assert _input(view, "promise_amount")["element"]["initial_value"] == "2,000.00"
    answers = {**NOTE, "agreement": "Paga 1,200 el viernes y el resto a fin de mes"}
    reply = json.loads(bot.slack.submit("U0ANA", view, answers).text())
    shown = reply["view"]
    assert "El acuerdo habla de 2 pagos" in _echo(shown, "promise_amount")
    assert _input(shown, "promise_amount")["element"]["initial_value"] == "1,200.00"
    assert _input(shown, "promise_date")["element"]["initial_value"] == "el viernes"
    assert _input(shown, "promise_amount_2")["element"]["initial_value"] == "800.00"
    assert "⚠️" not in json.dumps(shown, ensure_ascii=False)  # no total above the balance
    assert "Se registrará: $1,200.00" in _echo(shown, "promise_amount")  # said, as the others


def test_a_date_typed_under_a_proposed_step_stays_and_is_what_is_stored(bot: Harness) -> None:
    """The step left as cobro proposed it, and "a las 10" typed in its date and Enter: the
    field keeps "a las 10", the reading under it says 10:00, and that is what is stored."""
    _seed(bot)
    view = _modal(bot)
    answers = {k: v for k, v in NOTE.items() if k not in ("task", "task_due")}
    bot.slack.change("U0ANA", view, "promise_date", "el viernes", answers)
    proposed = bot.fake.last_view("views.update")
    task = _input(proposed, "task")["element"]["initial_value"]
    assert task.startswith("Verificar")
    typed = {**answers, "task": task}
    bot.slack.change("U0ANA", proposed, "task_due", "a las 10", typed)
    redrawn = bot.fake.last_view("views.update")
    assert _input(redrawn, "task_due")["element"]["initial_value"] == "a las 10"
    assert "10:00" in _echo(redrawn, "task_due")
    answers = {**typed, "task_due": "a las 10"}
    assert bot.slack.submit("U0ANA", redrawn, answers).text() == ""
    bot.fake.wait_for("chat.postMessage")
    with bot.db() as s:
        check = s.scalars(select(Task)).one()
        assert check.due_time is not None and check.due_time.hour == 10


def test_the_balance_left_in_the_amount_is_not_stored_when_the_agreement_names_another(
    bot: Harness,
) -> None:
    """ "Paga 1,200 el viernes" with the amount field left at the balance it shows: nobody
    said the balance, so nothing is stored and the amount field asks for it."""
    _seed(bot)
    view = _modal(bot)
    answers = {**NOTE, "agreement": "Paga 1,200 el viernes, por transferencia"}
    reply = json.loads(bot.slack.submit("U0ANA", view, answers).text())
    assert reply["response_action"] == "errors"
    assert "El acuerdo dice $1,200.00" in reply["errors"]["promise_amount"]
    assert "$2,000.00" in reply["errors"]["promise_amount"]
    with bot.db() as s:
        assert s.scalars(select(PaymentPromise)).all() == []
    typed = {**answers, "promise_amount": "1,200"}
    assert bot.slack.submit("U0ANA", view, typed).text() == ""
    with bot.db() as s:
        assert [str(p.amount) for p in s.scalars(select(PaymentPromise))] == ["1200.00"]


def test_moving_a_promise_moves_its_check_and_is_a_renegotiation(bot: Harness) -> None:
    customer_id = _seed(bot)
    view = _modal(bot)
    answers = {k: v for k, v in NOTE.items() if k not in ("task", "task_due")}
    bot.slack.change("U0ANA", view, "promise_date", "el viernes", answers)
    proposed = bot.fake.last_view("views.update")
    assert _input(proposed, "task")["element"]["initial_value"].startswith("Verificar")
    assert bot.slack.submit("U0ANA", proposed, answers).text() == ""
    bot.fake.wait_for("chat.postMessage")
    with bot.db() as s:
        promise = s.scalars(select(PaymentPromise)).one()
        check = s.scalars(select(Task)).one()
        assert check.kind == TaskKind.VERIFY_PAYMENT
        assert check.due_date.isoformat() == "2026-11-30"  # the business day after Friday
    bot.slack.block_action("U0ANA", "cobro_promise_move", str(promise.id), channel="D0ANA")
    moved = {"when": "el martes 1 de diciembre", "why": "Le pagan hasta el primero"}
    assert bot.slack.submit("U0ANA", bot.fake.last_view(), moved).text() == ""
    with bot.db() as s:
        assert s.get(Task, check.id).due_date.isoformat() == "2026-12-02"  # type: ignore[union-attr]
        assert s.get(PaymentPromise, promise.id).renegotiations == 1  # type: ignore[union-attr]
    rows = _history(bot, customer_id)
    renegotiated = [row[3] for row in rows[1:] if row[1] == "Renegociación"]
    assert len(renegotiated) == 2 and all("Le pagan hasta el primero" in r for r in renegotiated)
    assert [row for row in rows[1:] if row[1] == "Corrección"] == []
    bot.fake.wait_for("response_url")
    answer, _ = ask(bot, "U0ANA", "hoy")
    assert "Corregida" not in answer  # a renegotiation is not a corrected call


def test_a_step_left_as_proposed_follows_a_promise_typed_after_it(bot: Harness) -> None:
    _seed(bot)
    view = _modal(bot)
    answers = {
        "excuse": "La factura está en aprobación con el director",
        "agreement": "Paga el lunes 30",
        "promise_amount": "1,500",
        "promise_date": None,
    }
    bot.slack.change("U0ANA", view, "excuse_category", "in_approval", answers)
    proposed = bot.fake.last_view("views.update")
    step = _input(proposed, "task")["element"]["initial_value"]
    assert step.startswith("Llamar para saber si el pago ya fue aprobado")
    # The promise typed last, Guardar pressed without Enter: the step follows the promise.
    assert (
        bot.slack.submit("U0ANA", proposed, {**answers, "promise_date": "el lunes 30"}).text() == ""
    )
    confirmation = bot.fake.wait_for("chat.postMessage")[0].text()
    assert "Te propongo" in confirmation and "Verificar que llegó el pago prometido" in confirmation
    with bot.db() as s:
        task = s.scalars(select(Task)).one()
        assert task.kind == TaskKind.VERIFY_PAYMENT and task.due_date.isoformat() == "2026-12-01"


def test_a_retry_moved_by_the_remark_is_shown_before_it_is_saved(bot: Harness) -> None:
    """Someone else answered and said the person is back on Monday: the modal proposed
    tomorrow when the outcome was picked, the remark (typed after, no redraw) names Monday.
    Saving shows Monday in words on the step's date, stores nothing, and the second save
    stores exactly the Monday shown."""
    _seed(bot)
    view = _modal(bot)
    bot.slack.change("U0ANA", view, "outcome", "third_party")
    redrawn = bot.fake.last_view("views.update")
    shown = _input(redrawn, "task_due")["element"].get("initial_value")
    assert shown == "martes 24 de noviembre, 08:00"
    answers = {"contact_name": "Marta", "agreement": "Dice que el señor Gómez vuelve el lunes"}
    reply = json.loads(bot.slack.submit("U0ANA", redrawn, answers).text())
    assert reply["response_action"] == "update"
    said = _echo(reply["view"], "task_due")
    assert "lunes 30 de noviembre, 08:00" in said
    assert "martes 24 de noviembre, 08:00" in said  # what it said before
    assert "Se registrará: lunes 30 de noviembre, 08:00" in said
    due = _input(reply["view"], "task_due")["element"].get("initial_value")
    assert due == "lunes 30 de noviembre, 08:00"
    with bot.db() as s:
        assert s.scalars(select(ContactAttempt)).all() == []
        assert s.scalars(select(Task)).all() == []
    assert bot.slack.submit("U0ANA", reply["view"], answers).text() == ""
    receipt = bot.fake.wait_for("chat.postMessage")[-1].text()
    assert "lunes 30 de noviembre, 08:00" in receipt
    with bot.db() as s:
        (task,) = s.scalars(select(Task)).all()
        assert task.due_date.isoformat() == "2026-11-30"


def test_a_step_left_as_proposed_takes_the_day_the_agreement_names(bot: Harness) -> None:
    """A conversation with no promise: picking the excuse proposed Thursday; the agreement,
    typed after (no redraw), says Monday. Saving shows Monday on the step's date and stores
    nothing; the second save stores the Monday shown, never the Thursday nobody said."""
    _seed(bot)
    view = _modal(bot)
    answers = {"excuse": "La tesorera dice que el pago está en aprobación", "agreement": None}
    bot.slack.change("U0ANA", view, "excuse_category", "in_approval", answers)
    proposed = bot.fake.last_view("views.update")
    assert _input(proposed, "task_due")["element"]["initial_value"] == "jueves 26 de noviembre"
    answers = {**answers, "agreement": "Llamar el lunes para confirmar"}
    reply = json.loads(bot.slack.submit("U0ANA", proposed, answers).text())
    assert reply["response_action"] == "update"
    said = _echo(reply["view"], "task_due")
    assert "cambié la fecha del próximo paso: lunes 30 de noviembre" in said
    assert "antes decía jueves 26 de noviembre" in said
    assert _input(reply["view"], "task_due")["element"]["initial_value"] == (
        "lunes 30 de noviembre"
    )
    with bot.db() as s:
        assert s.scalars(select(ContactAttempt)).all() == []
    assert bot.slack.submit("U0ANA", reply["view"], answers).text() == ""
    bot.fake.wait_for("chat.postMessage")
    with bot.db() as s:
        (task,) = s.scalars(select(Task)).all()
        assert task.due_date.isoformat() == "2026-11-30"


def test_a_promise_in_dollars_from_a_customer_in_pesos_is_asked_again(bot: Harness) -> None:
    """ "5,000 dólares" was stored as $5,000.00 MXN: the word said the currency and was
    left out. Now the field says so while typing and on saving, and nothing is stored."""
    _seed(bot)
    view = _modal(bot)
    answers = {**NOTE, "promise_amount": "5,000 dólares"}
    bot.slack.change("U0ANA", view, "promise_date", "el viernes", answers)
    said = _echo(bot.fake.last_view("views.update"), "promise_amount")
    assert "«5,000 dólares» está en USD, y este cliente debe en MXN" in said
    body = bot.slack.submit("U0ANA", view, answers).json
    assert body["response_action"] == "errors"
    assert "escribe el monto en MXN" in body["errors"]["promise_amount"]
    with bot.db() as s:
        assert s.scalars(select(PaymentPromise)).all() == []
        assert s.scalars(select(ContactAttempt)).all() == []


def test_the_payment_modal_says_back_its_amount_and_date_before_saving(bot: Harness) -> None:
    """Enter in "Registrar pago"'s amount or date redraws it with the reading under the
    field: money as the team writes it, the day in words; an amount that reads two ways is
    asked back, a day still to come refused; nothing is stored until Guardar."""
    customer_id = _seed(bot)
    bot.slack.block_action("U0ANA", "cobro_add_payment", str(customer_id), channel="D0ANA")
    pay = bot.fake.last_view()
    assert "$2,000.00, todo el saldo" in _echo(pay, "payment_amount")  # the prefilled balance
    assert _input(pay, "payment_amount").get("dispatch_action") is True
    assert _input(pay, "payment_date").get("dispatch_action") is True
    bot.slack.change("U0ANA", pay, "payment_amount", "mil quinientos")
    read = bot.fake.last_view("views.update")
    assert "Se registrará: $1,500.00" in _echo(read, "payment_amount")
    assert _input(read, "payment_amount")["element"].get("initial_value") == "mil quinientos"
    typed = {"payment_amount": "1,50000", "promise_reference": "T-77"}
    bot.slack.change("U0ANA", read, "payment_date", "ayer", typed)
    both = bot.fake.last_view("views.update")
    assert "«1,50000» puede ser 1.5 o 150,000" in _echo(both, "payment_amount")
    assert "Se registrará: domingo 22 de noviembre" in _echo(both, "payment_date")
    assert _input(both, "promise_reference")["element"].get("initial_value") == "T-77"
    bot.slack.change(
        "U0ANA", both, "payment_date", "el viernes", {**typed, "payment_amount": "1500"}
    )
    future = bot.fake.last_view("views.update")
    assert "todavía no llega" in _echo(future, "payment_date")
    with bot.db() as s:
        assert s.scalars(select(Payment)).all() == []
    # saved as read back: the amount and the day shown
    answers = {"payment_amount": "mil quinientos", "payment_date": "ayer"}
    assert bot.slack.submit("U0ANA", future, answers).text() == ""
    with bot.db() as s:
        (paid,) = s.scalars(select(Payment)).all()
        assert (str(paid.amount), paid.paid_on.isoformat()) == ("1500.00", "2026-11-22")
