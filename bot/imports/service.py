"""Importing customers, invoices and payments from CSV or xlsx: all or nothing, idempotent,
in bounded memory; and the folder sync for ERPs that cannot push.

A file is read row by row and checked a chunk at a time (5,000 rows): each valid row goes
into a TEMP staging table, each bad cell into a short list (the first 200 by line, the
rest counted). What needs the whole file, a number twice or a customer over several rows,
is asked of the staging table; then the rows are written a chunk at a time in the same
transaction, which is rolled back if anything was wrong anywhere: a single bad cell
rejects the file with the bad cells listed (by line and by the file's own column), and the
database is untouched. A row that did not change is not written at all: importing a file
twice changes nothing. A dry run does all of it, then rolls back. So two million invoices
take the memory of a chunk, not of the file.
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
from bot.core.vocabulary import Rank
from bot.due import queries as due
from bot.imports import folder as folder_files
from bot.imports import queries
from bot.imports import records as rec
from bot.imports.columns import Columns, kind_of_header, map_columns
from bot.imports.files import Table, open_table
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
Checked = list[tuple[int, dict[str, Cell], Any]]  # (line, cells, the valid row or None)
ZERO = Decimal("0")
CHUNK = 5000


def _noop(_: int) -> None:
    return None


@dataclass(frozen=True)
class _Source:
    table: Table
    columns: Columns
    names: dict[str, tuple[str, str]]  # field → the file's column and its letter
    ignored: tuple[str, ...]


def _load(kind: str, table: Table, options: ReadOptions, path: Path) -> _Source:
    columns = map_columns(kind, table.header, dict(options.columns))
    if columns.errors:
        raise ImportRejected(columns.errors, path=str(path))
    return _Source(table, columns, rec.where(columns, table.header), columns.ignored)


def _checked(
    source: _Source,
    model: type[RowT],
    options: ReadOptions,
    errors: rec.Errors,
    progress: Progress,
    size: int,
) -> Iterator[Checked]:
    """The file's rows a chunk at a time, each validated as `model` (None when it is not),
    its bad cells added to `errors` on the way."""
    width = len(source.table.header)
    chunk: Checked = []
    for row in source.table.rows:
        values, extra = rec.cells_of(row, source.columns, width)
        if extra is not None:
            errors.add(extra)
        parsed, row_errors = validate_row(model, row.line, values, options)
        errors.extend(row_errors)
        chunk.append((row.line, values, parsed))
        if len(chunk) >= size:
            progress(len(chunk))
            yield chunk
            chunk = []
    if chunk:
        progress(len(chunk))
        yield chunk


def _refuse(errors: rec.Errors, source: _Source, path: Path) -> None:
    if errors:
        raise ImportRejected(
            rec.renamed(errors.kept, source.names),
            path=str(path),
            more=errors.more,
            rows=errors.rows,
        )


def _report(kind: str, source: _Source, counts: queries.Counts, **more: Any) -> ImportReport:
    return read_with(
        source.table,
        kind,
        created=counts.created,
        updated=counts.updated,
        unchanged=counts.unchanged,
        ignored=source.ignored,
        **more,
    )


def _customer_of(values: dict[str, Cell]) -> str:
    return str(values.get("customer_id") or "").strip()


def _unknown_customer(line: int, value: str, customers: dict[str, int]) -> list[CellError]:
    """A row names a customer that does not exist (said even when another of its cells is
    bad, so both are fixed at once)."""
    if value and value not in customers:
        return [CellError(line, "customer_id", "csv.unknown_customer", {"value": value})]
    return []


@contextmanager
def _unit(db: Db, dry_run: bool) -> Iterator[Session]:
    """One transaction; a dry run rolls it back after everything was checked and counted.
    The due index's marks are written at its end (see bot.due.queries.defer_marks)."""
    with db() as session:
        due.defer_marks(session)
        try:
            yield session
            due.apply_marks(session)
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
    source: _Source,
    path: Path,
    *,
    options: ReadOptions,
    directory: Directory | None,
    unassigned_ok: bool,
    progress: Progress,
    chunk_size: int,
) -> ImportReport:
    """Upsert customers by `id` and their contacts by name; a customer may span several rows,
    one per contact, as long as the rows agree on the customer's own fields."""
    errors = rec.Errors()
    queries.open_stage(session, queries.CUSTOMER_STAGE)
    for chunk in _checked(source, CustomerRow, options, errors, progress, chunk_size):
        staged = [_customer_stage(line, row) for line, _, row in chunk if row is not None]
        queries.stage_rows(session, queries.CUSTOMER_STAGE, staged)
    members = queries.members_by_reference(session)
    totals = queries.Counts()
    orphans: list[tuple[int, str]] = []
    after: str | None = None
    while True:
        rows, after = queries.staged_customers(session, after, chunk_size)
        if not rows:
            break
        customers, contacts, first_line, unknown = _merged(rows, members, directory, errors)
        existing = queries.collectors_among(session, list(customers))
        chunk_orphans = rec.orphans(customers, existing)
        orphans += [(first_line[cid], cid) for cid in chunk_orphans]
        if not unassigned_ok:
            errors.extend(
                CellError(first_line[cid], "collector", "csv.no_collector", {})
                for cid in chunk_orphans
                if first_line[cid] not in unknown
            )
        if not errors:
            counts = queries.write_customers(session, customers, contacts)
            totals = queries.Counts(
                totals.created + counts.created,
                totals.updated + counts.updated,
                totals.unchanged + counts.unchanged,
            )
    _refuse(errors, source, path)
    queries.drop_stage(session, queries.CUSTOMER_STAGE)
    return _report("customers", source, totals, orphans=tuple(cid for _, cid in sorted(orphans)))


def _customer_stage(line: int, row: CustomerRow) -> dict[str, Any]:
    record = rec.customer_record(row)
    # A phone or an email with nobody's name is kept, under the customer's own name (the
    # switchboard): contacts are matched by name, and dropping the only phone is worse.
    if not row.contact_name and (row.contact_phone or row.contact_email):
        row = row.model_copy(update={"contact_name": row.name})
    contact = rec.contact_record(row) if row.contact_name else {}
    return {
        "line": line,
        **record,
        "rank": record["rank"].value if record["rank"] else None,
        "collector": row.collector,
        "contact_name": contact.get("name"),
        "contact_match_name": contact.get("match_name"),
        "contact_title": contact.get("title"),
        "contact_phone": contact.get("phone"),
        "contact_email": contact.get("email"),
        "contact_decision_maker": int(bool(contact.get("decision_maker"))),
    }


_CONTACT_FIELDS = ("name", "match_name", "title", "phone", "email", "decision_maker")


def _merged(
    rows: list[dict[str, Any]],
    members: dict[str, int],
    directory: Directory | None,
    errors: rec.Errors,
) -> tuple[
    dict[str, dict[str, Any]], dict[tuple[str, str], dict[str, Any]], dict[str, int], set[int]
]:
    """Each customer of a chunk merged over its rows (in the file's order), its contacts,
    the line it first appears on, and the lines naming a collector not on the team;
    conflicts and unknown collectors go to `errors`."""
    unknown: set[int] = set()
    customers: dict[str, dict[str, Any]] = {}
    contacts: dict[tuple[str, str], dict[str, Any]] = {}
    first_line: dict[str, int] = {}
    for row in rows:
        line, external_id = row["line"], row["external_id"]
        record = {name: row[name] for name in _CUSTOMER_FIELDS}
        record["rank"] = Rank(row["rank"]) if row["rank"] else None
        if row["collector"] is not None:
            member_id = _resolve_member(row["collector"], members, directory)
            if member_id is None:
                errors.add(
                    CellError(line, "collector", "csv.unknown_member", {"value": row["collector"]})
                )
                unknown.add(line)
            record["collector_id"] = member_id
        if external_id not in customers:
            customers[external_id] = record
            first_line[external_id] = line
        else:
            errors.extend(
                rec.merge_customer(customers[external_id], record, line, first_line[external_id])
            )
        if row["contact_name"]:
            contact = {name: row[f"contact_{name}"] for name in _CONTACT_FIELDS}
            contact["decision_maker"] = bool(contact["decision_maker"])
            contacts[(external_id, row["contact_match_name"])] = contact
    return customers, contacts, first_line, unknown


_CUSTOMER_FIELDS = (
    "external_id",
    "name",
    "search_name",
    "tax_id",
    "rank",
    "timezone",
    "call_days",
    "call_start",
    "call_end",
)


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
    source: _Source,
    path: Path,
    *,
    options: ReadOptions,
    default_currency: str | None,
    progress: Progress,
    chunk_size: int,
) -> ImportReport:
    """Upsert invoices by `number`; the customer must already exist, and a credit it has
    waiting is taken from its new invoices."""
    if default_currency is None and "currency" not in source.names:
        raise ImportRejected([CellError(1, "currency", "csv.no_currency", {})], path=str(path))
    errors = rec.Errors()
    stage = queries.INVOICE_STAGE
    queries.open_stage(session, stage)
    for chunk in _checked(source, InvoiceRow, options, errors, progress, chunk_size):
        refused = {_customer_of(v) for _, v, row in chunk if row is None} - {""}
        known = queries.customer_ids_of(session, refused)
        staged = []
        for line, values, row in chunk:
            if row is None:
                errors.extend(_unknown_customer(line, _customer_of(values), known))
                continue
            errors.extend(rec.invoice_errors(line, row, None, {}))
            currency = row.currency or default_currency
            if currency is None:
                errors.add(CellError(line, "currency", "csv.no_currency_cell", {}))
            staged.append(_invoice_stage(line, row, currency))
        queries.stage_rows(session, stage, staged)
    queries.resolve_customers(session)
    unknown, total = queries.unknown_customers(session, errors.shown)
    errors.extend(
        CellError(line, "customer_id", "csv.unknown_customer", {"value": value})
        for line, value in unknown
    )
    errors.count += total - len(unknown)
    repeated, total = queries.repeated_numbers(session, errors.shown)
    errors.extend(
        CellError(line, "number", "csv.duplicate_key", {"first": first}) for line, first in repeated
    )
    errors.count += total - len(repeated)
    _refuse(errors, source, path)
    credits = queries.credits(session)
    adjusted, taken, currencies = _credit_taken(session, credits)
    counts = queries.upsert_staged_invoices(session)
    queries.take_credit(session, adjusted)
    queries.lower_credits(session, taken, credits)
    queries.drop_stage(session, stage)
    applied = _credits(session, taken, currencies)
    return _report("invoices", source, counts, credit_applied=applied)


def _invoice_stage(line: int, row: InvoiceRow, currency: str | None) -> dict[str, Any]:
    return {
        "line": line,
        "number": row.number,
        "customer_ref": row.customer_id,
        "customer_id": None,
        "issue_date": row.issue_date,
        "due_date": row.due_date,
        "amount": row.amount,
        "balance": row.amount if row.balance is None else row.balance,
        "currency": currency,
    }


def _credit_taken(
    session: Session, credits: dict[int, Decimal]
) -> tuple[dict[str, dict[str, Any]], dict[int, Decimal], dict[int, str]]:
    """The new invoices that take a credit (by number: their balance and what they took),
    what each customer's credit was lowered by, and each such customer's currency."""
    if not credits:
        return {}, {}, {}
    new = queries.new_invoices_of_creditors(session)
    taken = rec.apply_credits(new, credits)
    adjusted = {
        r["number"]: {"balance": r["balance"], "credit_applied": r["credit_applied"]}
        for r in new
        if "credit_applied" in r
    }
    return adjusted, taken, {r["customer_id"]: r["currency"] for r in new}


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
    source: _Source,
    path: Path,
    *,
    options: ReadOptions,
    calendar: BusinessCalendar,
    today: date,
    default_currency: str | None,
    progress: Progress,
    chunk_size: int,
) -> ImportReport:
    """Record payments once each: by reference when there is one, else by the row's content
    (with its occurrence, so two identical cash payments on one day both count). A payments
    file is a day's or a month's: its rows are held, each applied in turn."""
    errors = rec.Errors()
    good: list[tuple[int, PaymentRow]] = []
    failed: list[tuple[int, dict[str, Cell]]] = []
    for chunk in _checked(source, PaymentRow, options, errors, progress, chunk_size):
        good += [(line, row) for line, _, row in chunk if row is not None]
        failed += [(line, values) for line, values, row in chunk if row is None]
    customers = queries.customer_ids(session)
    for line, values in failed:
        errors.extend(_unknown_customer(line, _customer_of(values), customers))
    numbers = {row.invoice_number for _, row in good if row.invoice_number}
    numbers |= {str(v["invoice_number"]) for _, v in failed if v.get("invoice_number")}
    invoices = queries.invoices_named(session, numbers)
    for line, values in failed:
        customer = customers.get(_customer_of(values))
        number = str(values.get("invoice_number") or "").strip() or None
        errors.extend(_invoice_reference_errors(line, customer, number, invoices))
    seen: Counter[str] = Counter()
    keys_in_file: dict[str, int] = {}
    pending: list[tuple[str, PaymentRow]] = []
    for line, row in good:
        payer = customers.get(row.customer_id)
        if payer is None:
            errors.add(
                CellError(line, "customer_id", "csv.unknown_customer", {"value": row.customer_id})
            )
        if row.amount <= 0:
            errors.add(CellError(line, "amount", "csv.not_positive", {}))
        errors.extend(rec.future_payment(line, row.date, today))
        errors.extend(_invoice_reference_errors(line, payer, row.invoice_number, invoices))
        key = payment_key(row, seen)
        if key in keys_in_file and row.reference:
            errors.add(
                CellError(line, "reference", "csv.duplicate_key", {"first": keys_in_file[key]})
            )
        keys_in_file.setdefault(key, line)
        pending.append((key, row))
    _refuse(errors, source, path)
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
    return _report("payments", source, counts, credits=_credits(session, left, currencies))


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
    chunk_size: int = CHUNK,
) -> ImportReport:
    """Import `path` as `kind` (customers, invoices or payments), all or nothing; a dry run
    checks and counts everything and writes nothing. `announce` writes, in the import's own
    transaction, what must be told about it. The file is read and written `chunk_size`
    rows at a time."""
    loaded = _load(kind, table or open_table(path, sheet=options.sheet), options, path)
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
                chunk_size=chunk_size,
            )
        elif kind == "invoices":
            report = _invoices(
                session,
                loaded,
                path,
                options=options,
                default_currency=default_currency,
                progress=progress,
                chunk_size=chunk_size,
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
                chunk_size=chunk_size,
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
            table = open_table(item.path, sheet=options.sheet)
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
                problems=len(refused.errors) + refused.more,
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
