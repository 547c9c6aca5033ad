"""CSV import of customers, invoices and payments: all or nothing, idempotent, fast.

Every row is validated before anything is written; a single bad row rejects the file with
every bad cell listed, and the database is untouched. Writes are bulk statements over
dictionaries keyed by natural ids, so 200,000 invoices take seconds, and a row that did not
change is not written at all, which is what makes importing a file twice change nothing.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from datetime import time
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from bot.core.calendar import BusinessCalendar, parse_call_hours
from bot.core.db import Db, transaction
from bot.core.errors import CellError, ImportRejected
from bot.core.text import fold
from bot.imports import queries
from bot.imports.files import CsvRow, read_csv
from bot.imports.queries import ImportResult
from bot.imports.rules import (
    CUSTOMER_COLUMNS,
    INVOICE_COLUMNS,
    PAYMENT_COLUMNS,
    CustomerRow,
    InvoiceRow,
    PaymentRow,
    payment_key,
    validate_row,
)
from bot.payments.service import apply_payment
from bot.ports import Directory
from models import Customer, Invoice, Payment

Progress = Callable[[int], None]
RowT = TypeVar("RowT", CustomerRow, InvoiceRow, PaymentRow)
_CHUNK = 5000


def _noop(_: int) -> None:
    return None


def _validate(
    rows: list[CsvRow], model: type[RowT], progress: Progress
) -> tuple[list[tuple[int, RowT]], list[CellError], list[CsvRow]]:
    """Valid rows, the bad cells, and the rows that failed (still checked for references)."""
    good: list[tuple[int, RowT]] = []
    errors: list[CellError] = []
    failed: list[CsvRow] = []
    for index, row in enumerate(rows, start=1):
        if "__extra__" in row.values:
            errors.append(CellError(row.line, "", "csv.extra_cells", {}))
        parsed, row_errors = validate_row(model, row.line, row.values)
        errors.extend(row_errors)
        if parsed is not None:
            good.append((row.line, parsed))
        else:
            failed.append(row)
        if index % 1000 == 0:
            progress(1000)
    progress(len(rows) % 1000)
    return good, errors, failed


def _unknown_customers(failed: list[CsvRow], customers: dict[str, int]) -> list[CellError]:
    """A row with a bad amount may also name a customer that does not exist: say both."""
    return [
        CellError(row.line, "customer_id", "csv.unknown_customer", {"value": value})
        for row in failed
        if (value := row.values.get("customer_id", "")) and value not in customers
    ]


# ---------------------------------------------------------------- customers


def _import_customers(
    session: Session,
    path: Path,
    *,
    directory: Directory | None = None,
    progress: Progress = _noop,
) -> ImportResult:
    """Upsert customers by `id` and their contacts by name; a customer may span several rows,
    one per contact, as long as the rows agree on the customer's own fields."""
    csv = read_csv(path, required=("id", "name"), known=CUSTOMER_COLUMNS)
    good, errors, _ = _validate(csv.rows, CustomerRow, progress)
    members = queries.members_by_reference(session)
    customers: dict[str, dict[str, Any]] = {}
    contacts: dict[tuple[str, str], dict[str, Any]] = {}
    first_line: dict[str, int] = {}
    for line, row in good:
        record = _customer_record(row)
        if row.collector is not None:
            member_id = _resolve_member(row.collector, members, directory)
            if member_id is None:
                errors.append(
                    CellError(line, "collector", "csv.unknown_member", {"value": row.collector})
                )
            record["collector_id"] = member_id
        previous = customers.get(row.id)
        if previous is None:
            customers[row.id] = record
            first_line[row.id] = line
        else:
            for column, value in record.items():
                if value is not None and previous.get(column) not in (None, value):
                    errors.append(
                        CellError(
                            line,
                            _COLUMN_OF.get(column, column),
                            "csv.conflicting_row",
                            {"first": first_line[row.id]},
                        )
                    )
                elif value is not None:
                    previous[column] = value
        if row.contact_name:
            contacts[(row.id, fold(row.contact_name))] = {
                "name": row.contact_name,
                "match_name": fold(row.contact_name),
                "title": row.contact_title,
                "phone": row.contact_phone,
                "email": row.contact_email,
                "decision_maker": row.contact_decision_maker,
            }
    if errors:
        raise ImportRejected(errors, path=str(path))
    return queries.write_customers(session, customers, contacts)


_COLUMN_OF = {"external_id": "id", "collector_id": "collector", "call_start": "call_hours"}


def _customer_record(row: CustomerRow) -> dict[str, Any]:
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


def _resolve_member(
    reference: str, members: dict[str, int], directory: Directory | None
) -> int | None:
    """A collector named by Slack id or email, who must be on the team."""
    if reference in members:
        return members[reference]
    if "@" in reference and directory is not None:
        user = directory.lookup_by_email(reference)
        if user is not None and user.user_id in members:
            members[reference] = members[user.user_id]
            return members[user.user_id]
    return None


# ---------------------------------------------------------------- invoices


def _import_invoices(
    session: Session, path: Path, *, default_currency: str, progress: Progress = _noop
) -> ImportResult:
    """Upsert invoices by `number`; the customer must already exist."""
    csv = read_csv(
        path, required=("number", "customer_id", "due_date", "amount"), known=INVOICE_COLUMNS
    )
    good, errors, failed = _validate(csv.rows, InvoiceRow, progress)
    customers = dict(session.execute(select(Customer.external_id, Customer.id)).all())
    errors += _unknown_customers(failed, customers)
    records: dict[str, dict[str, Any]] = {}
    lines: dict[str, int] = {}
    for line, row in good:
        errors.extend(_invoice_errors(line, row, customers, lines))
        lines.setdefault(row.number, line)
        if row.customer_id in customers:
            records[row.number] = {
                "number": row.number,
                "customer_id": customers[row.customer_id],
                "issue_date": row.issue_date,
                "due_date": row.due_date,
                "amount": row.amount,
                "balance": row.amount if row.balance is None else row.balance,
                "currency": row.currency or default_currency,
            }
    if errors:
        raise ImportRejected(errors, path=str(path))
    existing = {
        row["number"]: dict(row)
        for row in session.execute(
            select(
                Invoice.id,
                Invoice.number,
                Invoice.customer_id,
                Invoice.issue_date,
                Invoice.due_date,
                Invoice.amount,
                Invoice.balance,
                Invoice.currency,
            )
        ).mappings()
    }
    created, updated, unchanged = [], [], 0
    for number, record in records.items():
        current = existing.get(number)
        if current is None:
            created.append(record)
        elif queries.changed(current, record):
            updated.append({"id": current["id"], **record})
        else:
            unchanged += 1
    queries.insert_all(session, Invoice, created)
    for chunk in queries.chunks(updated):
        session.execute(update(Invoice), chunk)
    return ImportResult(created=len(created), updated=len(updated), unchanged=unchanged)


def _invoice_errors(
    line: int, row: InvoiceRow, customers: dict[str, int], lines: dict[str, int]
) -> list[CellError]:
    errors = []
    if row.number in lines:
        errors.append(CellError(line, "number", "csv.duplicate_key", {"first": lines[row.number]}))
    if row.customer_id not in customers:
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


# ---------------------------------------------------------------- payments


def _import_payments(
    session: Session,
    path: Path,
    *,
    progress: Progress = _noop,
    calendar: BusinessCalendar,
) -> ImportResult:
    """Record payments once each: by reference when there is one, else by the row's content
    (with its occurrence, so two identical cash payments on one day both count)."""
    csv = read_csv(path, required=("customer_id", "amount", "date"), known=PAYMENT_COLUMNS)
    good, errors, failed = _validate(csv.rows, PaymentRow, progress)
    customers = dict(session.execute(select(Customer.external_id, Customer.id)).all())
    errors += _unknown_customers(failed, customers)
    invoice_numbers = {row.invoice_number for _, row in good if row.invoice_number}
    invoice_numbers |= {
        r.values["invoice_number"] for r in failed if r.values.get("invoice_number")
    }
    invoices: dict[str, tuple[int, int]] = {}
    if invoice_numbers:
        for number, invoice_id, customer_id in session.execute(
            select(Invoice.number, Invoice.id, Invoice.customer_id).where(
                Invoice.number.in_(invoice_numbers)
            )
        ):
            invoices[number] = (invoice_id, customer_id)
    for raw in failed:
        errors += _invoice_reference_errors(
            raw.line,
            customers.get(raw.values.get("customer_id", "")),
            raw.values.get("invoice_number"),
            invoices,
        )
    seen: Counter[str] = Counter()
    keys_in_file: dict[str, int] = {}
    pending: list[tuple[str, PaymentRow]] = []
    for line, row in good:
        payer = customers.get(row.customer_id)
        if payer is None:
            errors.append(
                CellError(line, "customer_id", "csv.unknown_customer", {"value": row.customer_id})
            )
        if row.amount <= 0:
            errors.append(CellError(line, "amount", "csv.not_positive", {}))
        errors += _invoice_reference_errors(line, payer, row.invoice_number, invoices)
        key = payment_key(row, seen)
        if key in keys_in_file and row.reference:
            errors.append(
                CellError(line, "reference", "csv.duplicate_key", {"first": keys_in_file[key]})
            )
        keys_in_file.setdefault(key, line)
        pending.append((key, row))
    if errors:
        raise ImportRejected(errors, path=str(path))
    known = set(
        session.scalars(
            select(Payment.import_key).where(Payment.import_key.in_(list(keys_in_file)))
        )
    )
    created = 0
    for key, row in pending:
        if key in known:
            continue
        invoice = invoices.get(row.invoice_number) if row.invoice_number else None
        payment = Payment(
            import_key=key,
            reference=row.reference,
            customer_id=customers[row.customer_id],
            invoice_id=invoice[0] if invoice else None,
            amount=row.amount,
            paid_on=row.date,
            method=row.method.value if row.method else None,
        )
        session.add(payment)
        session.flush()
        apply_payment(session, payment, calendar)
        created += 1
    return ImportResult(created=created, unchanged=len(pending) - created)


def _invoice_reference_errors(
    line: int, customer_id: int | None, number: str | None, invoices: dict[str, tuple[int, int]]
) -> list[CellError]:
    if not number:
        return []
    found = invoices.get(number)
    if found is None:
        return [CellError(line, "invoice_number", "csv.unknown_invoice", {"value": number})]
    if customer_id is not None and found[1] != customer_id:
        return [CellError(line, "invoice_number", "csv.invoice_of_other", {})]
    return []


def import_customers(
    db: Db, path: Path, *, directory: Directory | None = None, progress: Progress = _noop
) -> ImportResult:
    """Upsert customers and their contacts from `path`, all or nothing."""
    with transaction(db) as session:
        return _import_customers(session, path, directory=directory, progress=progress)


def import_invoices(
    db: Db, path: Path, *, default_currency: str, progress: Progress = _noop
) -> ImportResult:
    """Upsert invoices by number from `path`, all or nothing."""
    with transaction(db) as session:
        return _import_invoices(session, path, default_currency=default_currency, progress=progress)


def import_payments(
    db: Db, path: Path, *, calendar: BusinessCalendar, progress: Progress = _noop
) -> ImportResult:
    """Record the payments of `path` once each, all or nothing."""
    with transaction(db) as session:
        return _import_payments(session, path, progress=progress, calendar=calendar)
