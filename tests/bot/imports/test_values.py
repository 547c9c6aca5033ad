"""One cell at a time: dates day first in every separator, typed workbook values, emails,
phones in E.164, currencies; each refusal names its text."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import pytest
from pydantic_core import PydanticCustomError

from bot.imports.values import (
    read_currency,
    read_date,
    read_email,
    read_money,
    read_phone,
    valid_date_order,
)


@pytest.mark.parametrize(
    ("cell", "order", "day"),
    [
        ("15/11/26", "DMY", date(2026, 11, 15)),
        ("15/11/2026", "DMY", date(2026, 11, 15)),
        ("15-12-2026", "DMY", date(2026, 12, 15)),
        ("15.12.26", "DMY", date(2026, 12, 15)),
        ("5/1/27", "DMY", date(2027, 1, 5)),
        ("15-nov-2026", "DMY", date(2026, 11, 15)),
        ("15 Dic 26", "DMY", date(2026, 12, 15)),
        ("15/11/2026 00:00:00", "DMY", date(2026, 11, 15)),
        ("2026-11-15", "DMY", date(2026, 11, 15)),
        ("2026/11/15", "MDY", date(2026, 11, 15)),
        ("11/15/26", "MDY", date(2026, 11, 15)),
        ("01/02/99", "DMY", date(1999, 2, 1)),
        ("11-15-2026", "%m-%d-%Y", date(2026, 11, 15)),
        (datetime(2026, 11, 15, 0, 0), "DMY", date(2026, 11, 15)),
        (date(2026, 11, 15), "MDY", date(2026, 11, 15)),
    ],
)
def test_dates_are_read_in_the_files_order(cell: object, order: str, day: date) -> None:
    assert read_date(cell, order) == day  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("cell", "order", "key"),
    [
        ("31/02/2026", "DMY", "csv.bad_date"),
        ("11/15/2026", "DMY", "csv.date_month_first"),
        ("15/11/2026", "MDY", "csv.bad_date"),
        ("15-marte-2026", "DMY", "csv.bad_date"),
        ("mañana", "DMY", "csv.bad_date"),
        ("15/11", "DMY", "csv.bad_date"),
        (46341, "DMY", "csv.date_is_number"),
        ("2026-11-15", "%d/%m/%Y", "csv.bad_date_format"),
    ],
)
def test_a_date_that_cannot_be_read_one_way_is_refused(cell: object, order: str, key: str) -> None:
    with pytest.raises(PydanticCustomError) as caught:
        read_date(cell, order)  # type: ignore[arg-type]
    assert caught.value.type == key


@pytest.mark.parametrize(
    ("order", "valid"),
    [
        ("DMY", True),
        ("MDY", True),
        ("YMD", True),
        ("%m/%d/%Y", True),
        ("DDMMYY", False),
        ("%Q", False),
    ],
)
def test_date_orders(order: str, valid: bool) -> None:
    assert valid_date_order(order) is valid


@pytest.mark.parametrize(
    ("cell", "amount"),
    [
        (1234.56, Decimal("1234.56")),
        (1234.5600000001, Decimal("1234.56")),
        (1500, Decimal("1500")),
        (Decimal("99.9"), Decimal("99.90")),
        ("1.234,56", Decimal("1234.56")),
        ("$1,500.00", Decimal("1500.00")),
    ],
)
def test_amounts_typed_or_written(cell: object, amount: Decimal) -> None:
    assert read_money(cell, "es_MX") == amount  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("cell", "key"),
    [(1234.567, "csv.too_precise"), ("1500,500", "csv.amount"), (True, "csv.invalid")],
)
def test_amounts_that_are_not_one_amount_are_refused(cell: object, key: str) -> None:
    with pytest.raises(PydanticCustomError) as caught:
        read_money(cell, "es_CO")  # type: ignore[arg-type]
    assert caught.value.type == key


def test_an_amount_refusal_carries_the_readers_reason_in_each_language() -> None:
    with pytest.raises(PydanticCustomError) as caught:
        read_money("1500,500", "es_CO")
    reason = caught.value.context["reason"]  # type: ignore[index]
    assert reason("es").startswith("«1500,500» puede ser 1.500,5 o 1.500.500")
    assert reason("en").startswith("“1500,500” could be 1.500,5 or 1.500.500")


@pytest.mark.parametrize(
    ("cell", "email"),
    [
        ("Marisol@FerreLopez.mx", "marisol@ferrelopez.mx"),
        (" ana@empresa.com.co ", "ana@empresa.com.co"),
    ],
)
def test_emails_are_normalised(cell: str, email: str) -> None:
    assert read_email(cell) == email


@pytest.mark.parametrize("cell", ["ruben@@nandu", "ruben@nandu", "sin arroba", "a@b..mx"])
def test_emails_no_message_could_reach_are_refused(cell: str) -> None:
    with pytest.raises(PydanticCustomError) as caught:
        read_email(cell)
    assert caught.value.type == "csv.bad_email"


@pytest.mark.parametrize(
    ("cell", "country", "e164"),
    [
        ("55 1234 5678", "MX", "+525512345678"),
        ("(33) 3616 1234", "MX", "+523336161234"),
        ("+57 601 234 5678", "MX", "+576012345678"),
        ("300 123 4567", "CO", "+573001234567"),
        ("912 34 56 78", "ES", "+34912345678"),
        (5512345678, "MX", "+525512345678"),
        (5512345678.0, "MX", "+525512345678"),
    ],
)
def test_phones_become_e164_with_the_teams_country(cell: object, country: str, e164: str) -> None:
    assert read_phone(cell, country) == e164  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("cell", "country", "key"),
    [
        ("12", "MX", "csv.bad_phone"),
        ("55 1234 5678", None, "csv.phone_needs_country"),
        ("llamar a Pedro", "MX", "csv.bad_phone"),
    ],
)
def test_phones_that_cannot_be_dialled_are_refused(
    cell: str, country: str | None, key: str
) -> None:
    with pytest.raises(PydanticCustomError) as caught:
        read_phone(cell, country)
    assert caught.value.type == key


def test_currencies_are_iso_codes() -> None:
    assert read_currency(" mxn ") == "MXN"
    with pytest.raises(PydanticCustomError):
        read_currency("PESOS")
