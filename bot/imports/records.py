"""From validated rows to the records the database takes, and the checks that need more
than one cell: duplicates, orphans, future payments, credits. Pure (the service brings what
the database knows as plain dictionaries).
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Iterable
from datetime import date, time
from decimal import Decimal
from functools import partial
from typing import Any

from bot.core.calendar import parse_call_hours
from bot.core.errors import CellError
from bot.core.i18n import Lang
from bot.core.i18n.formats import short_day
from bot.core.text import fold
from bot.imports.columns import Columns
from bot.imports.files import SHOWN_ERRORS, Row
from bot.imports.rules import CustomerRow, InvoiceRow
from bot.imports.values import Cell, blank

ZERO = Decimal("0")
COLUMN_OF = {"external_id": "id", "collector_id": "collector", "call_start": "call_hours"}


def column_letter(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA: the column as a spreadsheet labels it."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def where(columns: Columns, header: tuple[str, ...]) -> dict[str, tuple[str, str]]:
    """Each field's column as the file writes it, and its letter: ("Importe", "D")."""
    return {name: (header[i], column_letter(i)) for i, name in columns.fields.items()}


def renamed(errors: Iterable[CellError], names: dict[str, tuple[str, str]]) -> list[CellError]:
    """Errors named by the file's own columns rather than cobro's field names."""
    found = []
    for e in errors:
        if e.column in names:
            written, letter = names[e.column]
            found.append(CellError(e.line, written, e.key, e.params, letter))
        else:
            found.append(e)
    return found


class Errors:
    """The bad cells of a file read row by row: the first `shown` by line are kept to be
    listed, the rest only counted, and the lines with any are remembered one bit each; so a
    file whose two million lines are all wrong is refused in the memory of a short list."""

    def __init__(self, shown: int = SHOWN_ERRORS) -> None:
        self.shown = shown
        self.count = 0
        self._heap: list[tuple[int, int, CellError]] = []
        self._lines = bytearray()
        self._rows = 0

    def add(self, error: CellError) -> None:
        self.count += 1
        self._mark(error.line)
        # The heap's top is the last kept (the highest line, found last): dropped first.
        entry = (-error.line, -self.count, error)
        if len(self._heap) < self.shown:
            heapq.heappush(self._heap, entry)
        elif error.line < -self._heap[0][0]:
            heapq.heapreplace(self._heap, entry)

    def extend(self, errors: Iterable[CellError]) -> None:
        for error in errors:
            self.add(error)

    def __bool__(self) -> bool:
        return self.count > 0

    @property
    def rows(self) -> int:
        return self._rows

    @property
    def kept(self) -> list[CellError]:
        """The errors listed: the first by line, in the order they were found."""
        return [e[2] for e in sorted(self._heap, key=lambda e: (-e[0], -e[1]))]

    @property
    def more(self) -> int:
        return self.count - len(self._heap)

    def _mark(self, line: int) -> None:
        byte, bit = divmod(max(line, 0), 8)
        if byte >= len(self._lines):
            self._lines.extend(bytes(byte - len(self._lines) + 1 + len(self._lines) // 2))
        if not self._lines[byte] & (1 << bit):
            self._lines[byte] |= 1 << bit
            self._rows += 1


def cells_of(row: Row, columns: Columns, width: int) -> tuple[dict[str, Cell], CellError | None]:
    """A row as {field: cell}, and the error of a row with cells beyond the header."""
    extra = None
    if len(row.cells) > width and any(not blank(c) for c in row.cells[width:]):
        extra = CellError(row.line, "", "csv.extra_cells", {})
    return _values(row, columns), extra


def _values(row: Row, columns: Columns) -> dict[str, Cell]:
    cells = row.cells
    return {name: cells[i] if i < len(cells) else None for i, name in columns.fields.items()}


# ------------------------------------------------------------------ customers


def customer_record(row: CustomerRow) -> dict[str, Any]:
    start: time | None = None
    end: time | None = None
    if row.call_hours:
        start, end = parse_call_hours(row.call_hours)
    return {
        "external_id": row.id,
        "name": row.name,
        "search_name": fold(row.name),
        "tax_id": row.tax_id,
        "rank": row.rank,
        "timezone": row.timezone,
        "call_days": row.call_days,
        "call_start": start,
        "call_end": end,
    }


def contact_record(row: CustomerRow) -> dict[str, Any]:
    return {
        "name": row.contact_name,
        "match_name": fold(row.contact_name or ""),
        "title": row.contact_title,
        "phone": row.contact_phone,
        "email": row.contact_email,
        "decision_maker": row.contact_decision_maker,
    }


def merge_customer(
    previous: dict[str, Any], record: dict[str, Any], line: int, first: int
) -> list[CellError]:
    """A customer over several rows (one per contact): the rows must agree."""
    errors = []
    for column, value in record.items():
        if value is not None and previous.get(column) not in (None, value):
            errors.append(
                CellError(
                    line, COLUMN_OF.get(column, column), "csv.conflicting_row", {"first": first}
                )
            )
        elif value is not None:
            previous[column] = value
    return errors


def orphans(
    customers: dict[str, dict[str, Any]], existing_collectors: dict[str, int | None]
) -> list[str]:
    """The customers nobody will call: no collector in the file, none in the database."""
    return [
        external_id
        for external_id, record in customers.items()
        if record.get("collector_id") is None and existing_collectors.get(external_id) is None
    ]


# ------------------------------------------------------------------ invoices


def invoice_errors(
    line: int, row: InvoiceRow, customers: dict[str, int] | None, lines: dict[str, int]
) -> list[CellError]:
    """An invoice's own checks; its customer and its number's repetition when `customers`
    and `lines` are given (a streamed import asks the staging table for both)."""
    errors = []
    if row.number in lines:
        errors.append(CellError(line, "number", "csv.duplicate_key", {"first": lines[row.number]}))
    if customers is not None and row.customer_id not in customers:
        errors.append(
            CellError(line, "customer_id", "csv.unknown_customer", {"value": row.customer_id})
        )
    if row.amount <= 0:
        errors.append(CellError(line, "amount", "csv.not_positive", {}))
    if row.balance is not None and (row.balance < 0 or row.balance > row.amount):
        errors.append(CellError(line, "balance", "csv.balance_range", {}))
    if row.issue_date is not None and row.issue_date > row.due_date:
        errors.append(CellError(line, "issue_date", "csv.issue_after_due", {}))
    return errors


def net_of_credit(record: dict[str, Any], applied: Decimal) -> dict[str, Any]:
    """An invoice already known, as the file has it less the credit it took when it came
    (so that importing the same file again changes nothing)."""
    return {**record, "balance": max(ZERO, record["balance"] - applied)}


def apply_credits(created: list[dict[str, Any]], credits: dict[int, Decimal]) -> dict[int, Decimal]:
    """Take each customer's credit from their new invoices, oldest due first; the records'
    balances are lowered in place. Returns what each customer's credit was lowered by."""
    taken: dict[int, Decimal] = {}
    left = {customer: amount for customer, amount in credits.items() if amount > ZERO}
    if not left:
        return taken
    for record in sorted(created, key=lambda r: (r["due_date"], r["number"])):
        customer = record["customer_id"]
        available = left.get(customer, ZERO)
        if available <= ZERO or record["balance"] <= ZERO:
            continue
        share = min(available, record["balance"])
        record["balance"] -= share
        record["credit_applied"] = share
        left[customer] = available - share
        taken[customer] = taken.get(customer, ZERO) + share
    return taken


def future_payment(line: int, paid_on: date, today: date) -> list[CellError]:
    if paid_on > today:
        day: Callable[[Lang], str] = partial(short_day, paid_on)
        return [CellError(line, "date", "csv.future_payment", {"day": day})]
    return []
