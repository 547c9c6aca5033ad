"""The call's checks: who may hear about the debt. Monday 23 November 2026, 10:00 in Mexico
City."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from bot.calls.echo import echo_date
from bot.calls.rules import CallForm, Proposal, check_call
from bot.core.config import load_settings
from bot.core.policy import Policy
from bot.core.vocabulary import AttemptOutcome, ExcuseCategory, TaskKind
from bot.tasks.rules import When

NOW = datetime(2026, 11, 23, 10, tzinfo=ZoneInfo("America/Mexico_City"))
POLICY = Policy.from_settings(
    load_settings(_env_file=None, cobro_timezone="America/Mexico_City", cobro_country="MX")
)
RETRY = Proposal("Volver a llamar", TaskKind.CALL, When(date(2026, 11, 24)), "mañana")


@pytest.mark.parametrize(
    ("outcome", "role", "reminded"),
    [
        (AttemptOutcome.ANSWERED, "payables", False),  # cuentas por pagar: the payments
        (AttemptOutcome.ANSWERED, "accountant", False),
        (AttemptOutcome.ANSWERED, "owner", False),
        (AttemptOutcome.ANSWERED, "manager", False),
        (AttemptOutcome.ANSWERED, "receptionist", True),
        (AttemptOutcome.ANSWERED, "secretary", True),
        (AttemptOutcome.ANSWERED, "other", True),
        (AttemptOutcome.ANSWERED, None, True),  # no role given: careful
        (AttemptOutcome.THIRD_PARTY, "accountant", True),  # someone else answered
    ],
)
def test_the_confidentiality_reminder_goes_to_whoever_is_not_the_payments(
    outcome: AttemptOutcome, role: str | None, reminded: bool
) -> None:
    form = CallForm(
        source_key="v1",
        customer_id=1,
        outcome=outcome,
        contact_name="Carlos Ruiz",
        contact_role=role,
        category=ExcuseCategory.FORGOT,
        excuse="Se le olvidó programar la transferencia del mes",
        agreement="Paga el viernes",
        task="Llamar para confirmar",
        task_due="el lunes",
    )
    checked = check_call(
        form, contact=None, now=NOW, policy=POLICY, lang="es", retry=RETRY, errors={}
    )
    assert checked.third_party == reminded


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("mañana a las 10", "Se registrará: martes 24 de noviembre (la promesa guarda el día, no la hora)"),
        ("el viernes", "Se registrará: viernes 27 de noviembre"),
    ],
)  # fmt: skip
def test_a_promise_is_read_back_with_the_day_it_keeps(typed: str, said: str) -> None:
    assert echo_date(typed, task=False, now=NOW, policy=POLICY, lang="es") == said


def test_the_balance_left_as_the_promise_is_said_to_be_all_of_it() -> None:
    from decimal import Decimal

    from bot.calls.echo import echo_amount

    said = echo_amount("53,450.00", currency="MXN", balance=Decimal("53450"), lang="es")
    assert said.startswith("Se registrará: ") and said.endswith(", todo el saldo")
    assert "todo el saldo" not in echo_amount(
        "20,000", currency="MXN", balance=Decimal("53450"), lang="es"
    )


def test_an_amount_in_another_currency_is_named_never_dropped() -> None:
    from bot.calls.rules import currency_named

    assert currency_named("5,000 dólares", "MXN") == "USD"
    assert currency_named("US$ 300", "MXN") == "USD"
    assert currency_named("1,200 dlls", "MXN") == "USD"
    assert currency_named("200 euros", "USD") == "EUR"
    assert currency_named("5,000 dólares", "USD") is None  # the customer's own
    assert currency_named("20 mil pesos", "MXN") is None
    assert currency_named("$5,000", "MXN") is None
