"""Every CSV cobro writes is safe to open in a spreadsheet: text that would run as a formula
is quoted, numbers stay numbers."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from bot.history.rules import Event
from handlers.blocks.csvfiles import BOM, Dialect, history_csv, safe

ATTACKS = [
    '=HYPERLINK("https://evil.example","x")',
    "@SUM(A1:A9)",
    "+1+2",
    "-2+3",
    "\t=1+1",
    "\r=1+1",
    "=Ana Pérez",
]


@pytest.mark.parametrize("cell", ATTACKS)
def test_text_that_looks_like_a_formula_is_quoted(cell: str) -> None:
    assert safe(cell) == "'" + cell


@pytest.mark.parametrize(
    ("number", "written"), [(Decimal("-500"), "-500"), (-3, "-3"), (2.5, "2.5"), (Decimal(0), "0")]
)
def test_numbers_stay_numbers(number: Decimal | int | float, written: str) -> None:
    assert Dialect("en").cell(number) == written  # a negative number is not quoted


def test_plain_text_is_untouched() -> None:
    assert safe("Ferretería López") == "Ferretería López"
    assert Dialect("es").cell(None) == ""


def test_the_history_export_quotes_every_formula_and_keeps_a_credit_a_number() -> None:
    at = datetime(2026, 11, 23, 16, tzinfo=UTC)
    events = [
        Event(at, "Tarea", ATTACKS[6], ATTACKS[0]),
        Event(at, "Pago", "", ATTACKS[1], Decimal("-500")),
    ]
    text = history_csv(events, ZoneInfo("America/Mexico_City"), "es").decode("utf-8")
    assert text.startswith(BOM)
    dialect = Dialect("es")
    rows = list(csv.reader(io.StringIO(text.removeprefix(BOM)), delimiter=dialect.delimiter))
    body = [cell for row in rows[1:] for cell in row]
    assert "'" + ATTACKS[0] in body and "'" + ATTACKS[1] in body and "'" + ATTACKS[6] in body
    assert "-500" in body  # a number: not quoted
    assert not any(cell.startswith(("=", "+", "@", "\t", "\r")) for cell in body)
