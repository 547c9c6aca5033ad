"""Importing customers, invoices and payments from CSV or xlsx: all or nothing, idempotent,
fast; and the folder sync for ERPs that cannot push.

Every row is validated before anything is written; a single bad cell rejects the file with
every bad cell listed (by line and by the file's own column), and the database is
untouched. Writes are bulk statements over dictionaries keyed by natural ids, so a row that
did not change is not written at all: importing a file twice changes nothing. A dry run
does all of it, then rolls back.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy.orm import Session

from bot.core.calendar import BusinessCalendar
from bot.core.db import Db, transaction
from bot.core.errors import CellError, ImportRejected
from bot.core.i18n import Lang
from bot.core.text import fold
from bot.due import queries as due
from bot.imports import folder as folder_files
from bot.imports import queries
from bot.imports import records as rec
from bot.imports.columns import kind_of_header, map_columns
from bot.imports.files import Table, read_table
from bot.imports.report import Credit, ImportReport, SyncedFile, read_with
from bot.imports.rules import CustomerRow, InvoiceRow, PaymentRow, payment_key, validate_row
from bot.imports.values import Cell, ReadOptions
from bot.outbox import keys
from bot.outbox.service import enqueue
from bot.payments.service import apply_payment
from bot.ports import Directory, Notifier
from bot.team.rules import recipient_of
from models import Payment

Progress = Callable[[int], None]
RowT = TypeVar("RowT", CustomerRow, InvoiceRow, PaymentRow)
ZERO = Decimal("0")


def _noop(_: int) -> None:
    return None


@dataclass(frozen=True)
class _Loaded:
    table: Table
    rows: list[tuple[int, dict[str, Cell]]]
    names: dict[str, tuple[str, str]]  # field → the file's column and its letter
    ignored: tuple[str, ...]
    errors: list[CellError]


def _load(kind: str, table: Table, options: ReadOptions, path: Path) -> _Loaded:
    columns = map_columns(kind, table.header, dict(options.columns))
    if columns.errors:
        raise ImportRejected(columns.errors, path=str(path))
    cells = rec.cells_by_field(table, columns)
    names = rec.where(columns, table.header)
    return _Loaded(table, cells.rows, names, columns.ignored, cells.errors)


def _validate(
    loaded: _Loaded, model: type[RowT], options: ReadOptions, progress: Progress
) -> tuple[list[tuple[int, RowT]], list[CellError], list[tuple[int, dict[str, Cell]]]]:
    """Valid rows, the bad cells, and the rows that failed (still checked for references)."""
    good: list[tuple[int, RowT]] = []
    errors: list[CellError] = list(loaded.errors)
    failed: list[tuple[int, dict[str, Cell]]] = []
    for index, (line, values) in enumerate(loaded.rows, start=1):
        parsed, row_errors = validate_row(model, line, values, options)
        errors.extend(row_errors)
        if parsed is not None:
            good.append((line, parsed))
        else:
            failed.append((line, values))
        if index % 1000 == 0:
            progress(1000)
    progress(len(loaded.rows) % 1000)
    return good, errors, failed


def _refuse(errors: list[CellError], loaded: _Loaded, path: Path) -> None:
    if errors:
        raise ImportRejected(rec.renamed(errors, loaded.names), path=str(path))


def _report(kind: str, loaded: _Loaded, counts: queries.Counts, **more: Any) -> ImportReport:
    return read_with(
        loaded.table,
        kind,
        created=counts.created,
        updated=counts.updated,
        unchanged=counts.unchanged,
        ignored=loaded.ignored,
        **more,
    )


def _unknown_customers(
    failed: list[tuple[int, dict[str, Cell]]], customers: dict[str, int]
) -> list[CellError]:
    """A row with a bad amount may also name a customer that does not exist: say both."""
    return [
        CellError(line, "customer_id", "csv.unknown_customer", {"value": value})
        for line, values in failed
        if (value := str(values.get("customer_id") or "").strip()) and value not in customers
    ]


@contextmanager
def _unit(db: Db, dry_run: bool) -> Iterator[Session]:
    """One transaction; a dry run rolls it back after everything was checked and counted."""
    with db() as session:
        try:
            yield session
        except BaseException:
            session.rollback()
            raise
        if dry_run:
            session.rollback()
        else:
            session.commit()


# ---------------------------------------------------------------- customers


def _customers(
    session: Session,
    loaded: _Loaded,
    path: Path,
    *,
    options: ReadOptions,
    directory: Directory | None,
    unassigned_ok: bool,
    progress: Progress,
) -> ImportReport:
    """Upsert customers by `id` and their contacts by name; a customer may span several rows,
    one per contact, as long as the rows agree on the customer's own fields."""
    good, errors, _ = _validate(loaded, CustomerRow, options, progress)
    members = queries.members_by_reference(session)
    customers: dict[str, dict[str, Any]] = {}
    contacts: dict[tuple[str, str], dict[str, Any]] = {}
    first_line: dict[str, int] = {}
    for line, row in good:
        record = rec.customer_record(row)
        if row.collector is not None:
            member_id = _resolve_member(row.collector, members, directory)
            if member_id is None:
                errors.append(
                    CellError(line, "collector", "csv.unknown_member", {"value": row.collector})
                )
            record["collector_id"] = member_id
        if row.id not in customers:
            customers[row.id] = record
            first_line[row.id] = line
        else:
            errors += rec.merge_customer(customers[row.id], record, line, first_line[row.id])
        if row.contact_name:
            contacts[(row.id, fold(row.contact_name))] = rec.contact_record(row)
    unknown = {e.line for e in errors if e.key == "csv.unknown_member"}
    orphans = rec.orphans(customers, queries.collectors_of(session))
    if not unassigned_ok:
        errors += [
            CellError(first_line[cid], "collector", "csv.no_collector", {})
            for cid in orphans
            if first_line[cid] not in unknown
        ]
    _refuse(errors, loaded, path)
    counts = queries.write_customers(session, customers, contacts)
    return _report("customers", loaded, counts, orphans=tuple(orphans))


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


def _invoices(
    session: Session,
    loaded: _Loaded,
    path: Path,
    *,
    options: ReadOptions,
    default_currency: str | None,
    progress: Progress,
) -> ImportReport:
    """Upsert invoices by `number`; the customer must already exist, and a credit it has
    waiting is taken from its new invoices."""
    if default_currency is None and "currency" not in loaded.names:
        raise ImportRejected([CellError(1, "currency", "csv.no_currency", {})], path=str(path))
    good, errors, failed = _validate(loaded, InvoiceRow, options, progress)
    customers = queries.customer_ids(session)
    errors += _unknown_customers(failed, customers)
    wanted: dict[str, dict[str, Any]] = {}
    lines: dict[str, int] = {}
    for line, row in good:
        errors.extend(rec.invoice_errors(line, row, customers, lines))
        lines.setdefault(row.number, line)
        currency = row.currency or default_currency
        if currency is None:
            errors.append(CellError(line, "currency", "csv.no_currency_cell", {}))
        if row.customer_id in customers and currency is not None:
            wanted[row.number] = {
                "number": row.number,
                "customer_id": customers[row.customer_id],
                "issue_date": row.issue_date,
                "due_date": row.due_date,
                "amount": row.amount,
                "balance": row.amount if row.balance is None else row.balance,
                "currency": currency,
            }
    _refuse(errors, loaded, path)
    existing = queries.invoices_by_number(session)
    created, updated, unchanged = [], [], 0
    moved_from: set[int] = set()  # an invoice moved to another customer leaves its old one
    for number, record in wanted.items():
        current = existing.get(number)
        if current is None:
            created.append(record)
            continue
        record = rec.net_of_credit(record, current["credit_applied"])
        if queries.changed(current, record):
            updated.append({"id": current["id"], **record})
            moved_from.add(current["customer_id"])
        else:
            unchanged += 1
    credits = queries.credits(session)
    taken = rec.apply_credits(created, credits)
    queries.write_invoices(session, created, updated)
    due.mark(session, moved_from)
    queries.lower_credits(session, taken, credits)
    applied = _credits(session, taken, {r["customer_id"]: r["currency"] for r in created})
    counts = queries.Counts(len(created), len(updated), unchanged)
    return _report("invoices", loaded, counts, credit_applied=applied)


def _credits(
    session: Session, amounts: dict[int, Decimal], currencies: dict[int, str]
) -> tuple[Credit, ...]:
    named = queries.names(session, set(amounts))
    return tuple(
        Credit(named.get(cid, str(cid)), amount, currencies.get(cid, ""))
        for cid, amount in sorted(amounts.items(), key=lambda item: named.get(item[0], ""))
    )


# ---------------------------------------------------------------- payments


def _payments(
    session: Session,
    loaded: _Loaded,
    path: Path,
    *,
    options: ReadOptions,
    calendar: BusinessCalendar,
    today: date,
    default_currency: str | None,
    progress: Progress,
) -> ImportReport:
    """Record payments once each: by reference when there is one, else by the row's content
    (with its occurrence, so two identical cash payments on one day both count)."""
    good, errors, failed = _validate(loaded, PaymentRow, options, progress)
    customers = queries.customer_ids(session)
    errors += _unknown_customers(failed, customers)
    numbers = {row.invoice_number for _, row in good if row.invoice_number}
    numbers |= {str(v["invoice_number"]) for _, v in failed if v.get("invoice_number")}
    invoices = queries.invoices_named(session, numbers)
    for line, values in failed:
        customer = customers.get(str(values.get("customer_id") or "").strip())
        number = str(values.get("invoice_number") or "").strip() or None
        errors += _invoice_reference_errors(line, customer, number, invoices)
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
        errors += rec.future_payment(line, row.date, today)
        errors += _invoice_reference_errors(line, payer, row.invoice_number, invoices)
        key = payment_key(row, seen)
        if key in keys_in_file and row.reference:
            errors.append(
                CellError(line, "reference", "csv.duplicate_key", {"first": keys_in_file[key]})
            )
        keys_in_file.setdefault(key, line)
        pending.append((key, row))
    _refuse(errors, loaded, path)
    known = queries.known_payments(session, list(keys_in_file))
    created = 0
    left: dict[int, Decimal] = {}
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
        credit = apply_payment(session, payment, calendar).credit
        if credit > ZERO:
            left[payment.customer_id] = left.get(payment.customer_id, ZERO) + credit
        created += 1
    currencies = queries.currencies(session, set(left), default_currency or "")
    counts = queries.Counts(created=created, unchanged=len(pending) - created)
    return _report("payments", loaded, counts, credits=_credits(session, left, currencies))


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


# ---------------------------------------------------------------- the use cases


def import_file(
    db: Db,
    path: Path,
    *,
    kind: str,
    options: ReadOptions = ReadOptions(),
    table: Table | None = None,
    directory: Directory | None = None,
    unassigned_ok: bool = False,
    default_currency: str | None = None,
    calendar: BusinessCalendar | None = None,
    today: date | None = None,
    dry_run: bool = False,
    progress: Progress = _noop,
    announce: Callable[[Session, ImportReport], None] | None = None,
) -> ImportReport:
    """Import `path` as `kind` (customers, invoices or payments), all or nothing; a dry run
    checks and counts everything and writes nothing. `announce` writes, in the import's own
    transaction, what must be told about it."""
    loaded = _load(kind, table or read_table(path, sheet=options.sheet), options, path)
    with _unit(db, dry_run) as session:
        if kind == "customers":
            report = _customers(
                session,
                loaded,
                path,
                options=options,
                directory=directory,
                unassigned_ok=unassigned_ok,
                progress=progress,
            )
        elif kind == "invoices":
            report = _invoices(
                session,
                loaded,
                path,
                options=options,
                default_currency=default_currency,
                progress=progress,
            )
        else:
            report = _payments(
                session,
                loaded,
                path,
                options=options,
                calendar=calendar or BusinessCalendar(),
                today=today or date.max,
                default_currency=default_currency,
                progress=progress,
            )
        if announce is not None:
            announce(session, report)
    return replace(report, dry_run=dry_run)


def import_customers(db: Db, path: Path, **kw: Any) -> ImportReport:
    """Upsert customers and their contacts from `path` (see import_file)."""
    return import_file(db, path, kind="customers", **kw)


def import_invoices(db: Db, path: Path, **kw: Any) -> ImportReport:
    """Upsert invoices by number from `path` (see import_file)."""
    return import_file(db, path, kind="invoices", **kw)


def import_payments(db: Db, path: Path, **kw: Any) -> ImportReport:
    """Record the payments of `path` once each (see import_file)."""
    return import_file(db, path, kind="payments", **kw)


# ---------------------------------------------------------------- the folder sync


def sync_folder(
    db: Db,
    folder: Path,
    *,
    now: datetime,
    today: date,
    notifier: Notifier,
    lang: Lang,
    options: ReadOptions = ReadOptions(),
    default_currency: str | None = None,
    calendar: BusinessCalendar | None = None,
    directory: Directory | None = None,
    unassigned_ok: bool = False,
    settle: float = 0.0,
) -> list[SyncedFile]:
    """Import each new file of `folder` once (one transaction each), move it to
    `procesados/` or `rechazados/` (with its error report), and tell the admins through
    the outbox what was imported or refused."""
    synced = []
    for item in folder_files.incoming(folder, now=now, settle=settle):
        try:
            raw = item.path.read_bytes()
        except FileNotFoundError:
            continue  # another watcher took it first
        digest = hashlib.sha256(raw).hexdigest()[:16]
        name = item.path.name

        def announce(
            session: Session, report: ImportReport, *, name: str = name, digest: str = digest
        ) -> None:
            where = str(folder / folder_files.DONE)
            told = SyncedFile(name, report.kind, where, report)
            _tell_admins(session, notifier, lang, digest, told)

        try:
            table = read_table(item.path, sheet=options.sheet)
            kind = item.kind or kind_of_header(table.header)
            if kind is None:
                raise ImportRejected([CellError(1, "", "sync.unknown_kind", {})], path=name)
            report = import_file(
                db,
                item.path,
                kind=kind,
                options=options,
                table=table,
                directory=directory,
                unassigned_ok=unassigned_ok,
                default_currency=default_currency,
                calendar=calendar,
                today=today,
                announce=announce,
            )
        except ImportRejected as refused:
            moved, errors = folder_files.move_refused(item.path, refused.lines(lang), now)
            done = SyncedFile(
                name,
                item.kind,
                str(moved),
                problems=len(refused.errors),
                errors_file=str(errors),
            )
            with transaction(db) as session:
                _tell_admins(session, notifier, lang, digest, done)
        else:
            done = SyncedFile(name, kind, str(folder_files.move_done(item.path, now)), report)
        synced.append(done)
    return synced


def _tell_admins(
    session: Session, notifier: Notifier, lang: Lang, digest: str, synced: SyncedFile
) -> None:
    for admin in queries.admins(session):
        to = recipient_of(admin, lang)
        enqueue(
            session,
            key=keys.folder_import(synced.name, digest, admin.id),
            channel=to.slack_user_id,
            message=notifier.folder_import(synced, to=to),
        )
