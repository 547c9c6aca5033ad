"""The payment modal's readings, said back before the payment is saved: the amount as the
call modal reads it, the day as the payment will be recorded. Monday 23 November 2026,
10:00 in Mexico City."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from bot.core.config import load_settings
from bot.core.policy import Policy
from bot.payments.rules import echo_payment, read_paid_on

NOW = datetime(2026, 11, 23, 10, tzinfo=ZoneInfo("America/Mexico_City"))
POLICY = Policy.from_settings(
    load_settings(_env_file=None, cobro_timezone="America/Mexico_City", cobro_country="MX")
)


def _echo(amount: str | None, paid_on: str | None = None) -> dict[str, str]:
    return echo_payment(
        amount,
        paid_on,
        now=NOW,
        policy=POLICY,
        lang="es",
        currency="MXN",
        balance=Decimal("53450"),
    )


def test_an_amount_in_words_is_said_back_as_money() -> None:
    said = _echo("cinco mil")["payment_amount"]
    assert said.startswith("Se registrará: ")
    assert "5" in said and "000" in said and "saldo" not in said


def test_an_amount_that_reads_two_ways_is_asked_not_guessed() -> None:
    said = _echo("1,50000")["payment_amount"]
    assert said.startswith(":warning:") and "«1,50000»" in said
    assert "Se registrará" not in said


def test_a_zero_payment_says_why_as_a_payment() -> None:
    assert "El pago debe ser mayor que cero." in _echo("0")["payment_amount"]


def test_the_day_is_said_in_words_and_a_day_to_come_is_refused() -> None:
    said = _echo("5000", "ayer")["payment_date"]
    assert said.startswith("Se registrará: ") and "22 de noviembre" in said
    future = _echo("5000", "el viernes")["payment_date"]
    assert future.startswith(":warning:") and "todavía no llega" in future
    # a sentence, as "Viernes 20 de noviembre ya pasó" is: never one opening in lower case
    assert "El viernes 27 de noviembre todavía no llega" in future
    assert "payment_date" not in _echo("5000", "")  # empty: today, nothing typed to read


def test_the_day_echoed_is_the_day_stored() -> None:
    assert read_paid_on("ayer", NOW, POLICY, "es") == (date(2026, 11, 22), None)
    assert read_paid_on("", NOW, POLICY, "es") == (date(2026, 11, 23), None)
    day, problem = read_paid_on("el viernes", NOW, POLICY, "es")
    assert day is None and problem is not None
