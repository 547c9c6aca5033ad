"""What cobro proposes while a call is logged: the step that follows what was agreed, the
retry when nobody answered, the installments an agreement speaks of. Today is Monday 23
November 2026, 10:00 in Mexico City (Monday 16 was a holiday)."""

from __future__ import annotations

from datetime import date, datetime, time
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from bot.calls.proposals import (
    amounts_in,
    propose_next_step,
    propose_plan,
    propose_retry,
    read_message,
    suggested_next_step,
)
from bot.calls.rules import Proposal
from bot.core.config import load_settings
from bot.core.policy import Policy
from bot.core.vocabulary import AttemptOutcome, ExcuseCategory, TaskKind
from bot.customers.rules import ContactLine, Reach
from bot.tasks.rules import When

MX = ZoneInfo("America/Mexico_City")
NOW = datetime(2026, 11, 23, 10, tzinfo=MX)
POLICY = Policy.from_settings(
    load_settings(_env_file=None, cobro_timezone="America/Mexico_City", cobro_country="MX")
)


@pytest.mark.parametrize(
    ("category", "excuse", "agreement", "promise", "text", "day"),
    [
        # A promise: verify the business day after it, whatever the excuse's default.
        (ExcuseCategory.FORGOT, "Se le olvidó", None, date(2026, 12, 4),
         "Verificar que llegó el pago prometido", date(2026, 12, 7)),
        (ExcuseCategory.OTHER, "Pagará al cierre", None, date(2026, 11, 30),
         "Verificar que llegó el pago prometido", date(2026, 12, 1)),
        (ExcuseCategory.ALREADY_PAID, "Ya pagó con el depósito 23763172736", None,
         date(2026, 11, 24), "Verificar el pago (depósito n.º 23763172736)", date(2026, 11, 25)),
        # Work the payment waits on stays the step, on its own date, promise or not.
        (ExcuseCategory.DISPUTE, "Dice que la factura F-1001 viene mal", None, date(2026, 11, 27),
         "Encontrar el problema de la factura y resolverlo con quien corresponda",
         date(2026, 11, 24)),
        (ExcuseCategory.INVOICE_NOT_RECEIVED, "No le llegó la factura",
         "Le reenvío la factura y paga el viernes", date(2026, 11, 27),
         "Enviar copia de la factura", date(2026, 11, 24)),
        (ExcuseCategory.INVOICE_NOT_RECEIVED, "No le llegó la factura", "Paga el viernes", None,
         "Enviar copia de la factura", date(2026, 11, 24)),
        (ExcuseCategory.REFUSES, "Dice que no va a pagar nada", None, date(2026, 11, 27),
         "Escalar la cuenta al supervisor", date(2026, 11, 24)),
        # No promise, a day said in the excuse or the agreement: the day to call again.
        (ExcuseCategory.PERSON_AWAY, "El gerente regresa el lunes 7 de diciembre", None, None,
         "Llamar de nuevo cuando vuelva el responsable de pagos", date(2026, 12, 7)),
        (ExcuseCategory.IN_APPROVAL, "Está en aprobación", "Aprueban el jueves", None,
         "Llamar para saber si el pago ya fue aprobado", date(2026, 11, 26)),
        # Otherwise the play's default.
        (ExcuseCategory.PERSON_AWAY, "El gerente está de vacaciones", None, None,
         "Llamar de nuevo cuando vuelva el responsable de pagos", date(2026, 11, 26)),
        (ExcuseCategory.CHEQUE_SENT, "Dice que el cheque ya salió", None, None,
         "Pedir el número y la fecha de envío del cheque", date(2026, 11, 30)),
        (ExcuseCategory.CANNOT_PAY, "No tiene liquidez este mes", None, None,
         "Ofrecer un plan de pagos", date(2026, 11, 24)),
    ],
)  # fmt: skip
def test_the_next_step_follows_what_was_agreed(
    category: ExcuseCategory,
    excuse: str,
    agreement: str | None,
    promise: date | None,
    text: str,
    day: date,
) -> None:
    found = propose_next_step(
        category,
        "es",
        excuse=excuse,
        agreement=agreement,
        promise_day=promise,
        now=NOW,
        policy=POLICY,
    )
    assert found is not None
    assert found.text.startswith(text)
    assert found.when.day == day
    if promise is not None:
        waits = category in (
            ExcuseCategory.DISPUTE,
            ExcuseCategory.INVOICE_NOT_RECEIVED,
            ExcuseCategory.REFUSES,
        )
        assert (found.kind == TaskKind.VERIFY_PAYMENT) != waits


def test_a_plan_offered_is_a_step_the_agenda_calls_for() -> None:
    found = propose_next_step(
        ExcuseCategory.CANNOT_PAY,
        "es",
        excuse="No tiene liquidez",
        agreement=None,
        promise_day=None,
        now=NOW,
        policy=POLICY,
    )
    assert found is not None and found.kind == TaskKind.PAYMENT_PLAN


@pytest.mark.parametrize(
    ("outcome", "reach", "remark", "text", "day", "at"),
    [
        (AttemptOutcome.NO_ANSWER, Reach(), None, "Volver a llamar", date(2026, 11, 24), time(8)),
        (AttemptOutcome.MESSAGE_LEFT, Reach(call_days="1,3,5", call_start=time(10)), None,
         "Volver a llamar", date(2026, 11, 25), time(10)),
        # Bogotá's 09:00 is 08:00 in Mexico City.
        (AttemptOutcome.NO_ANSWER, Reach(timezone="America/Bogota", call_start=time(9)), None,
         "Volver a llamar", date(2026, 11, 24), time(8)),
        (AttemptOutcome.THIRD_PARTY, Reach(), "La contadora regresa el lunes", "Volver a llamar",
         date(2026, 11, 30), time(8)),
        (AttemptOutcome.WRONG_NUMBER, Reach(), None, "Conseguir el teléfono correcto",
         date(2026, 11, 24), None),
    ],
)  # fmt: skip
def test_the_retry_goes_to_the_customers_next_calling_moment(
    outcome: AttemptOutcome,
    reach: Reach,
    remark: str | None,
    text: str,
    day: date,
    at: time | None,
) -> None:
    found = propose_retry(outcome, reach, remark=remark, now=NOW, policy=POLICY, lang="es")
    assert found.text.startswith(text)
    assert (found.when.day, found.when.at) == (day, at)


def test_a_weekly_contact_cap_puts_the_retry_a_week_on() -> None:
    weekly = Policy.from_settings(
        load_settings(
            _env_file=None,
            cobro_timezone="America/Mexico_City",
            cobro_country="MX",
            cobro_contact_cap="1/week",
        )
    )
    found = propose_retry(
        AttemptOutcome.NO_ANSWER, Reach(), remark=None, now=NOW, policy=weekly, lang="es"
    )
    assert found.when.day == date(2026, 11, 30)


def test_a_proposal_never_overwrites_a_step_the_collector_wrote() -> None:
    proposal = Proposal("Enviar copia de la factura", TaskKind.SEND_INVOICE,
                        When(date(2026, 11, 24)), "martes 24 de noviembre")  # fmt: skip
    mine = suggested_next_step(
        proposal, typed_task="Hablar con almacén", typed_due="mañana", last_suggestion="Otra"
    )
    assert mine == ("Hablar con almacén", "mañana", False)
    replaced = suggested_next_step(
        proposal,
        typed_task="Ofrecer un plan de pagos",
        typed_due="mañana",
        last_suggestion="Ofrecer un plan de pagos",
        last_due="mañana",
    )
    assert replaced == ("Enviar copia de la factura", "martes 24 de noviembre", True)
    # the task left as proposed, but a date typed under it ("a las 10"): the date stays
    dated = suggested_next_step(
        proposal,
        typed_task="Ofrecer un plan de pagos",
        typed_due="a las 10",
        last_suggestion="Ofrecer un plan de pagos",
        last_due="mañana",
    )
    assert dated == ("Enviar copia de la factura", "a las 10", True)


def test_an_agreement_proposes_its_installments() -> None:
    plan = propose_plan("Paga 20000 mañana y el resto a fin de mes", Decimal("58100"), NOW, POLICY)
    assert [(i.amount, i.when_words) for i in plan] == [
        (Decimal("20000"), "mañana"),
        (Decimal("38100"), "a fin de mes"),
    ]
    assert propose_plan("Paga el viernes", Decimal("58100"), NOW, POLICY) == []


def test_a_message_is_read_into_suggestions() -> None:
    marisol = ContactLine(7, "Marisol Díaz", "Contadora", None, None, True)
    text = "Hablé con Marisol, dice que ya pagó con el depósito 23763172736; manda el comprobante el viernes"
    reading = read_message(text, [marisol], now=NOW, policy=POLICY, lang="es")
    assert (reading.contact_id, reading.person) == (7, None)
    assert reading.category == ExcuseCategory.ALREADY_PAID
    assert reading.promise_words == "el viernes"
    assert reading.task == "Verificar el pago (depósito n.º 23763172736)"
    stranger = read_message(
        "Hablé con Pedro Ruiz, no está el jefe", [marisol], now=NOW, policy=POLICY, lang="es"
    )
    assert (stranger.contact_id, stranger.person) == (None, "Pedro Ruiz")


@pytest.mark.parametrize(
    ("agreement", "first"),
    [
        ("Paga 10 mil el viernes y el resto a fin de mes", Decimal("10000")),
        ("Paga $10 mil el viernes y el resto a fin de mes", Decimal("10000")),
        ("Paga 10,000 pesos el viernes y el resto a fin de mes", Decimal("10000")),
        ("Paga medio millón el viernes y el resto a fin de mes", None),  # above the balance
    ],
)
def test_amounts_in_words_are_installments_too(agreement: str, first: Decimal | None) -> None:
    """ "10 mil el viernes" was read as 10 due "mil el viernes", a date that fails, and the
    installment was skipped: the plan of two became a promise of one, without a word."""
    plan = propose_plan(agreement, Decimal("58100"), NOW, POLICY)
    if first is None:
        assert plan == []  # the rest would be negative: nothing proposed, nothing guessed
        return
    assert [(i.amount, i.when_words) for i in plan] == [
        (first, "el viernes"),
        (Decimal("58100") - first, "a fin de mes"),
    ]


def test_the_amounts_an_agreement_names_are_those_with_a_date() -> None:
    assert amounts_in("Paga 5 mil el viernes", NOW, POLICY) == [Decimal("5000")]
    assert amounts_in("Tiene 3 facturas, paga el viernes", NOW, POLICY) == []
    assert amounts_in("20 mil el viernes y el resto el 15", NOW, POLICY) == [Decimal("20000")]


@pytest.mark.parametrize(
    ("agreement", "plan"),
    [
        (
            "Transfiere mañana 20,000 y el resto a fin de mes",
            [(Decimal("20000"), "mañana"), (Decimal("38100"), "a fin de mes")],
        ),
        (
            "Deposita el viernes $10,000 pesos y el resto el 15",
            [(Decimal("10000"), "el viernes"), (Decimal("48100"), "el 15")],
        ),
        (
            "Paga el viernes 5 mil, y el 15 otros 5 mil",
            [(Decimal("5000"), "el viernes"), (Decimal("5000"), "el 15")],
        ),
    ],
)
def test_the_date_may_come_before_its_amount(
    agreement: str, plan: list[tuple[Decimal, str]]
) -> None:
    """The demo's own story: "Transfiere mañana 20,000 y el resto a fin de mes" read only
    "el resto a fin de mes", so no plan was proposed and the rest went unrecorded."""
    found = propose_plan(agreement, Decimal("58100"), NOW, POLICY)
    assert [(i.amount, i.when_words) for i in found] == plan
    named = {"Transfiere": [Decimal("20000")], "Deposita": [Decimal("10000")]}
    assert amounts_in(agreement, NOW, POLICY) == named.get(
        agreement.split()[0], [Decimal("5000"), Decimal("5000")]
    )  # "el resto" is not an amount anyone named
