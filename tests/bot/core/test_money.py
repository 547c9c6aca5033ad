"""Money read as the collector meant it, per locale; refused with its readings otherwise;
and every amount cobro writes reads back as the same amount."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.core.i18n.formats import number, set_team_locale, team_locale
from bot.core.money import format_money, read_amount, unambiguous

LOCALES = ["es_MX", "es_CO", "es_ES", "es_AR", "es_CL", "es_PE", "en_US", "es", "en", "en_IN"]
TEAMS = ["es_MX", "es_CO", "es_ES"]

# The forms issue 14 lists, and their neighbours: read the same in every team's locale.
EVERYWHERE = [
    ("5.000", "5000"),
    ("5,000", "5000"),
    ("5.000,50", "5000.50"),
    ("5,000.50", "5000.50"),
    ("$1,500.00", "1500.00"),
    ("$ 1.500,00", "1500.00"),
    ("1.500,00 €", "1500.00"),
    ("MX$1,500.00", "1500.00"),
    ("EUR1,500.00", "1500.00"),
    ("MXN 2000.00", "2000.00"),
    ("2.000 pesos", "2000"),
    ("1 500", "1500"),
    ("1\u00a0500,50", "1500.50"),
    ("1'500.50", "1500.50"),
    ("1500", "1500"),
    ("1500,5", "1500.5"),
    ("1500.50", "1500.50"),
    ("12,50", "12.50"),
    ("0,5", "0.5"),
    ("1.234.567", "1234567"),
    ("1,234,567", "1234567"),
    ("1.234.567,89", "1234567.89"),
    ("1,234,567.89", "1234567.89"),
    ("1.500.-", "1500"),
    ("-5,00", "-5.00"),
    ("20 mil", "20000"),
    ("20k", "20000"),
    ("20 K", "20000"),
    ("20,5 mil", "20500"),
    ("$20 mil pesos", "20000"),
    ("mil", "1000"),
    ("mil quinientos", "1500"),
    ("dos mil quinientos", "2500"),
    ("doscientos mil", "200000"),
    ("treinta y cinco mil", "35000"),
    ("veinticinco mil trescientos", "25300"),
    ("medio millón", "500000"),
    ("un millón", "1000000"),
    ("un millón y medio", "1500000"),
    ("1,5 millones", "1500000"),
    ("2 millones 300 mil", "2300000"),
    ("dos millones trescientos mil", "2300000"),
    ("2 thousand", "2000"),
    ("half a million", "500000"),
]


@pytest.mark.parametrize("locale", TEAMS)
@pytest.mark.parametrize(("typed", "amount"), EVERYWHERE)
def test_every_common_form_is_read_the_same_in_every_team(
    locale: str, typed: str, amount: str
) -> None:
    reading = read_amount(typed, locale)
    assert (reading.amount, reading.error) == (Decimal(amount), None)
    assert reading.reason("es") is None


def test_indian_grouping_is_read_only_where_it_is_written() -> None:
    assert read_amount("12,34,567", "en_IN").amount == Decimal("1234567")
    refused = read_amount("12,34,567", "es_MX")
    assert refused.amount is None
    assert refused.candidates == (Decimal("1234567"),)


# (typed, locale, readings, the reason in Spanish)
AMBIGUOUS = [
    (
        "1500,500",
        "es_CO",
        ("1500.50", "1500500"),
        "«1500,500» puede ser 1.500,5 o 1.500.500: escribe 1.500,50 o 1.500.500,00",
    ),
    (
        "1500,500",
        "es_MX",
        ("1500.50", "1500500"),
        "«1500,500» puede ser 1,500.5 o 1,500,500: escribe 1,500.50 o 1,500,500.00",
    ),
    ("5,0000", "es_ES", ("5.00", "50000"), "«5,0000» puede ser 5 o 50.000: escribe 5 o 50.000,00"),
    (
        "1.500.50",
        "es_MX",
        ("1500.50", "150050"),
        "«1.500.50» puede ser 1,500.5 o 150,050: escribe 1,500.50 o 150,050.00",
    ),
    (
        "1 500,000",
        "es_CO",
        ("1500", "1500000"),
        "«1 500,000» puede ser 1.500 o 1.500.000: escribe 1.500,00 o 1.500.000,00",
    ),
]


@pytest.mark.parametrize(("typed", "locale", "readings", "reason"), AMBIGUOUS)
def test_an_ambiguous_amount_is_refused_with_its_readings(
    typed: str, locale: str, readings: tuple[str, ...], reason: str
) -> None:
    reading = read_amount(typed, locale)
    assert reading.amount is None
    assert reading.error == "money.ambiguous"
    assert reading.candidates == tuple(Decimal(r) for r in readings)
    assert reading.reason("es") == reason


def test_the_refusal_is_worded_in_english_with_the_teams_digits() -> None:
    assert read_amount("5,0000", "es_CO").reason("en") == (
        "“5,0000” could be 5 or 50.000: write 5 or 50.000,00"
    )


@pytest.mark.parametrize(
    ("typed", "error", "fragment"),
    [
        ("", "money.empty", "escribe un importe, por ejemplo 1.234,56"),
        ("   ", "money.empty", "escribe un importe"),
        ("$", "money.not_amount", "«$» no es un importe"),
        ("abc", "money.unknown_word", "no entiendo «abc»"),
        ("veinte lucas", "money.unknown_word", "no entiendo «lucas» en «veinte lucas»"),
        ("cinco veinte", "money.unknown_word", "no entiendo «veinte»"),
        ("20 mil mil", "money.unknown_word", "no entiendo «mil»"),
        ("k", "money.unknown_word", "no entiendo «k»"),
        (".5", "money.malformed", "no entiendo «.5» como importe"),
        ("5 - 000", "money.malformed", "no entiendo «5 - 000»"),
        ("12,34,567", "money.did_you_mean", "¿quisiste decir 1.234.567?"),
        ("1500,500 mil", "money.bad_number", "la cifra «1500,500»"),
        ("1,555 k", None, ""),
        ("0,001", "money.malformed", "no entiendo «0,001»"),
        ("0,500", "money.did_you_mean", "¿quisiste decir 0,5? Escribe 0,50"),
        ("1.5555", "money.did_you_mean", "15.555"),
        ("99999999999999", "money.too_large", "demasiado grande"),
        ("1,5 mil millones de millones", "money.unknown_word", "«de»"),
    ],
)
def test_what_is_not_one_amount_is_refused_with_the_reason(
    typed: str, error: str | None, fragment: str
) -> None:
    reading = read_amount(typed, "es_CO")
    assert reading.error == error
    if error is None:
        assert reading.amount is not None
        return
    assert reading.amount is None
    assert fragment in (reading.reason("es") or "")


def test_a_refused_amount_never_carries_an_amount() -> None:
    for typed in ("1500,500", "12,34,567", "abc", ""):
        reading = read_amount(typed, "es_MX")
        assert (reading.amount, reading.error is not None) == (None, True)


# ------------------------------------------------------------------ the round trip

CENTS = st.integers(min_value=-(10**14) + 1, max_value=10**14 - 1).map(
    lambda cents: Decimal(cents).scaleb(-2)
)
CURRENCIES = st.sampled_from(["MXN", "COP", "EUR", "USD", "ARS", "CLP", "PEN"])


@settings(max_examples=400, deadline=None)
@given(amount=CENTS, currency=CURRENCIES, locale=st.sampled_from(LOCALES))
def test_every_amount_cobro_writes_reads_back_the_same(
    amount: Decimal, currency: str, locale: str
) -> None:
    written = format_money(amount, currency, locale)
    assert read_amount(written, locale).amount == amount, written


@settings(max_examples=200, deadline=None)
@given(amount=CENTS, locale=st.sampled_from(LOCALES))
def test_every_number_and_every_suggested_spelling_reads_back(amount: Decimal, locale: str) -> None:
    previous = team_locale()
    set_team_locale(locale)
    try:
        assert read_amount(number(amount, "es"), locale).amount == amount
    finally:
        set_team_locale(previous)
    assert read_amount(unambiguous(amount, locale), locale).amount == amount


@settings(max_examples=200, deadline=None)
@given(
    whole=st.integers(min_value=1, max_value=999_999),
    cents=st.integers(min_value=0, max_value=99),
    locale=st.sampled_from(TEAMS),
)
def test_every_candidate_of_a_refusal_can_be_typed_back(
    whole: int, cents: int, locale: str
) -> None:
    reading = read_amount(f"{whole}{',' if locale != 'es_MX' else '.'}{cents:02d}0", locale)
    for candidate in reading.candidates:
        assert read_amount(unambiguous(candidate, locale), locale).amount == candidate


@settings(max_examples=300, deadline=None)
@given(
    amount=st.integers(min_value=1000, max_value=10**12 - 1).map(lambda c: Decimal(c).scaleb(-2)),
    locale=st.sampled_from(["es_MX", "es_CO", "es_ES", "en_US"]),
    cents=st.booleans(),
)
def test_the_quick_path_for_grouped_amounts_reads_as_the_full_rules_do(
    amount: Decimal, locale: str, cents: bool
) -> None:
    written = unambiguous(amount, locale) if cents else number(amount.to_integral_value(), "es")
    assert read_amount(written, locale).amount == read_amount(f" {written} MXN", locale).amount
