"""The importer's SQL: bulk inserts and updates over dictionaries keyed by natural ids, so
200,000 invoices take seconds, and a row that did not change is not written at all (which is
what makes importing a file twice change nothing).

A file's valid rows wait in a TEMP staging table (one per kind, on the import's own
connection, gone with it) rather than in Python: what needs the whole file at once, a
number twice or a customer over several rows, is asked of the database, and the rows are
then written a chunk at a time, so memory stays that of one chunk however long the file."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, cast

from sqlalchemy import (
    Column,
    Integer,
    MetaData,
    String,
    Table,
    and_,
    bindparam,
    case,
    func,
    insert,
    literal,
    or_,
    select,
    text,
    update,
)
from sqlalchemy.orm import Session

from bot.core.vocabulary import Role
from bot.due import queries as due
from bot.team.queries import person_of
from bot.team.rules import Person
from models import Contact, Customer, Invoice, Payment, TeamMember
from models.base import utcnow
from models.customer import search_id_of, search_name_of

_CHUNK = 5000
_STAGING = MetaData()


def _table(model: type) -> Table:
    return cast(Table, model.__table__)  # type: ignore[attr-defined]


def _like(model: type, *names: str) -> list[Column[Any]]:
    table = _table(model)
    return [Column(name, table.c[name].type) for name in names]


INVOICE_STAGE = Table(
    "import_invoice_stage",
    _STAGING,
    Column("line", Integer, primary_key=True),
    *_like(Invoice, "number", "customer_id", "issue_date", "due_date", "amount", "balance"),
    *_like(Invoice, "currency"),
    Column("customer_ref", String(64)),  # the customer's id as the file writes it
    prefixes=["TEMPORARY"],
)
CUSTOMER_STAGE = Table(
    "import_customer_stage",
    _STAGING,
    Column("line", Integer, primary_key=True),
    *_like(Customer, "external_id", "name", "search_name", "tax_id", "timezone", "call_days"),
    *_like(Customer, "call_start", "call_end"),
    Column("rank", String(1)),
    Column("collector", String(254)),
    Column("contact_name", String(200)),
    Column("contact_match_name", String(200)),
    Column("contact_title", String(120)),
    Column("contact_phone", String(40)),
    Column("contact_email", String(254)),
    Column("contact_decision_maker", Integer),
    prefixes=["TEMPORARY"],
)
MONEY_TYPE = _table(Invoice).c.amount.type
_KEY_OF = {INVOICE_STAGE.name: "number", CUSTOMER_STAGE.name: "external_id"}


@dataclass(frozen=True)
class Counts:
    created: int = 0
    updated: int = 0
    unchanged: int = 0


def changed(current: dict[str, Any], wanted: dict[str, Any]) -> bool:
    return any(current.get(key) != value for key, value in wanted.items())


def chunks(items: list[dict[str, Any]], size: int = _CHUNK) -> Iterable[list[dict[str, Any]]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def insert_all(session: Session, model: type, rows: list[dict[str, Any]]) -> None:
    """Bulk INSERT in chunks. `render_nulls` keeps rows whose optional cells are empty in the
    same batch as the others; without it each pattern of NULLs is a batch of its own and
    20,000 customers become thousands of round trips."""
    for chunk in chunks(rows):
        session.execute(insert(model).execution_options(render_nulls=True), chunk)


def members_by_reference(session: Session) -> dict[str, int]:
    found: dict[str, int] = {}
    for member_id, slack_id, email in session.execute(
        select(TeamMember.id, TeamMember.slack_user_id, TeamMember.email).where(
            TeamMember.active.is_(True)
        )
    ):
        found[slack_id] = member_id
        if email:
            found[email.lower()] = member_id
    return found


def write_customers(
    session: Session,
    customers: dict[str, dict[str, Any]],
    contacts: dict[tuple[str, str], dict[str, Any]],
) -> Counts:
    customers = {key: _searchable(key, record) for key, record in customers.items()}
    columns = {name for record in customers.values() for name in record}
    selected = [getattr(Customer, name) for name in sorted(columns - {"external_id"})]
    existing: dict[str, dict[str, Any]] = {}
    if customers:
        query = select(Customer.id, Customer.external_id, *selected).where(
            Customer.external_id.in_(list(customers))
        )
        for row in session.execute(query).mappings():
            existing[row["external_id"]] = dict(row)
    created, updated = [], []
    for external_id, record in customers.items():
        current = existing.get(external_id)
        if current is None:
            created.append(record)
        elif changed(current, record):
            updated.append({"id": current["id"], **record})
    insert_all(session, Customer, created)
    if updated:
        session.execute(update(Customer), updated)
    ids = customer_ids_of(session, set(customers))
    created_ids = {r["external_id"] for r in created}
    # Bulk statements bypass the ORM's events: mark the due index's entries here.
    due.mark(session, {ids[r["external_id"]] for r in created} | {r["id"] for r in updated})
    changed_ids = {r["external_id"] for r in updated} | write_contacts(session, contacts, ids)
    updated_count = len(changed_ids - created_ids)
    return Counts(
        created=len(created),
        updated=updated_count,
        unchanged=len(customers) - len(created) - updated_count,
    )


def _searchable(external_id: str, record: dict[str, Any]) -> dict[str, Any]:
    """The folded columns search reads, which the bulk statements would otherwise leave
    stale: they bypass the model's validators."""
    folded = {"search_id": search_id_of(external_id)}
    if record.get("name") is not None:
        folded["search_name"] = search_name_of(record["name"])
    return {**record, **folded}


def write_contacts(
    session: Session, contacts: dict[tuple[str, str], dict[str, Any]], ids: dict[str, int]
) -> set[str]:
    """Upsert contacts; returns the external ids of customers whose contacts changed."""
    if not contacts:
        return set()
    wanted_customers = {ids[external_id] for external_id, _ in contacts}
    existing: dict[tuple[int, str], dict[str, Any]] = {}
    rows = session.execute(
        select(
            Contact.id,
            Contact.customer_id,
            Contact.match_name,
            Contact.name,
            Contact.title,
            Contact.phone,
            Contact.email,
            Contact.decision_maker,
        ).where(Contact.customer_id.in_(sorted(wanted_customers)))
    ).mappings()
    for row in rows:
        if row["customer_id"] in wanted_customers:
            existing[(row["customer_id"], row["match_name"])] = dict(row)
    created, updated = [], []
    touched: set[str] = set()
    for (external_id, match_name), record in contacts.items():
        customer_id = ids[external_id]
        current = existing.get((customer_id, match_name))
        if current is None:
            created.append({"customer_id": customer_id, **record})
            touched.add(external_id)
        elif changed(current, record):
            updated.append({"id": current["id"], **record})
            touched.add(external_id)
    insert_all(session, Contact, created)
    if updated:
        session.execute(update(Contact), updated)
    return touched


def customer_ids(session: Session) -> dict[str, int]:
    return dict(session.execute(select(Customer.external_id, Customer.id)).all())


def credits(session: Session) -> dict[int, Decimal]:
    """Every customer with a credit waiting for an invoice."""
    return dict(
        session.execute(select(Customer.id, Customer.credit).where(Customer.credit > 0)).all()
    )


def lower_credits(session: Session, taken: dict[int, Decimal], left: dict[int, Decimal]) -> None:
    if taken:
        session.execute(
            update(Customer),
            [{"id": cid, "credit": left[cid] - amount} for cid, amount in taken.items()],
        )


def names(session: Session, ids: set[int]) -> dict[int, str]:
    if not ids:
        return {}
    return dict(
        session.execute(select(Customer.id, Customer.name).where(Customer.id.in_(ids))).all()
    )


def admins(session: Session) -> list[Person]:
    return [
        person_of(m)
        for m in session.scalars(
            select(TeamMember).where(TeamMember.role == Role.ADMIN, TeamMember.active.is_(True))
        )
    ]


def invoices_named(session: Session, numbers: set[str]) -> dict[str, tuple[int, int]]:
    """{number: (invoice id, customer id)} for the invoices a payments file names."""
    found: dict[str, tuple[int, int]] = {}
    numbers_list = sorted(numbers)
    for start in range(0, len(numbers_list), _CHUNK):
        for number, invoice_id, customer_id in session.execute(
            select(Invoice.number, Invoice.id, Invoice.customer_id).where(
                Invoice.number.in_(numbers_list[start : start + _CHUNK])
            )
        ):
            found[number] = (invoice_id, customer_id)
    return found


def known_payments(session: Session, keys: list[str]) -> set[str]:
    found: set[str] = set()
    for start in range(0, len(keys), _CHUNK):
        found |= set(
            session.scalars(
                select(Payment.import_key).where(
                    Payment.import_key.in_(keys[start : start + _CHUNK])
                )
            )
        )
    return found


def currencies(session: Session, customer_ids: set[int], default: str) -> dict[int, str]:
    """Each customer's invoicing currency, `default` for a customer with no invoice."""
    found = {cid: default for cid in customer_ids}
    if customer_ids:
        found.update(
            session.execute(
                select(Invoice.customer_id, func.min(Invoice.currency))
                .where(Invoice.customer_id.in_(customer_ids))
                .group_by(Invoice.customer_id)
            ).all()
        )
    return found


# ------------------------------------------------------------------ staging


def open_stage(session: Session, stage: Table) -> None:
    """A fresh, empty staging table on this session's connection, indexed by its key."""
    drop_stage(session, stage)
    stage.create(session.connection())
    key = _KEY_OF[stage.name]
    session.execute(text(f"CREATE INDEX ix_{stage.name}_{key} ON {stage.name} ({key}, line)"))


def drop_stage(session: Session, stage: Table) -> None:
    session.execute(text(f"DROP TABLE IF EXISTS {stage.name}"))


def stage_rows(session: Session, stage: Table, rows: list[dict[str, Any]]) -> None:
    """Rows into the staging table: by COPY on PostgreSQL (an executemany there is a round
    of the pipeline per row, four times slower), a bulk INSERT elsewhere."""
    if not rows:
        return
    connection = session.connection()
    if connection.dialect.name != "postgresql":
        session.execute(insert(stage).execution_options(render_nulls=True), rows)
        return
    names = [column.name for column in stage.columns]
    driver = connection.connection.driver_connection
    assert driver is not None
    with (
        driver.cursor() as cursor,
        cursor.copy(f"COPY {stage.name} ({', '.join(names)}) FROM STDIN") as copy,
    ):
        for row in rows:
            copy.write_row([row.get(name) for name in names])


def repeated_numbers(session: Session, limit: int) -> tuple[list[tuple[int, int]], int]:
    """(line, first line) of the first `limit` invoices whose number an earlier line of
    the file already has, and how many there are in all."""
    stage = INVOICE_STAGE
    first = (
        select(stage.c.number, func.min(stage.c.line).label("first"))
        .group_by(stage.c.number)
        .having(func.count() > 1)
        .subquery()
    )
    later = and_(stage.c.number == first.c.number, stage.c.line > first.c.first)
    found = session.execute(
        select(stage.c.line, first.c.first).join(first, later).order_by(stage.c.line).limit(limit)
    ).all()
    total = session.scalar(select(func.count()).select_from(stage).join(first, later)) or 0
    return [(line, first_line) for line, first_line in found], total


def customer_ids_of(session: Session, external_ids: set[str]) -> dict[str, int]:
    """{external id: id} of the customers among `external_ids` that exist."""
    if not external_ids:
        return {}
    return dict(
        session.execute(
            select(Customer.external_id, Customer.id).where(
                Customer.external_id.in_(sorted(external_ids))
            )
        ).all()
    )


def new_invoices_of_creditors(session: Session) -> list[dict[str, Any]]:
    """The staged invoices not yet known whose customer has a credit waiting, in the file's
    order: the only new invoices a credit can be taken from."""
    stage = INVOICE_STAGE
    known = select(Invoice.id).where(Invoice.number == stage.c.number).exists()
    creditors = select(Customer.id).where(Customer.credit > 0)
    query = select(stage).where(stage.c.customer_id.in_(creditors), ~known).order_by(stage.c.line)
    return [dict(row) for row in session.execute(query).mappings()]


def staged_customers(
    session: Session, after: str | None, limit: int
) -> tuple[list[dict[str, Any]], str | None]:
    """Every staged row of the next `limit` customers (by id) after `after`, in the file's
    order; and the last of those customers' ids (None when there are no more)."""
    stage = CUSTOMER_STAGE
    ids = select(stage.c.external_id).distinct().order_by(stage.c.external_id).limit(limit)
    if after is not None:
        ids = ids.where(stage.c.external_id > after)
    chunk = list(session.scalars(ids))
    if not chunk:
        return [], None
    rows = session.execute(
        select(stage)
        .where(stage.c.external_id >= chunk[0], stage.c.external_id <= chunk[-1])
        .order_by(stage.c.line)
    ).mappings()
    return [dict(row) for row in rows], chunk[-1]


def collectors_among(session: Session, external_ids: list[str]) -> dict[str, int | None]:
    if not external_ids:
        return {}
    query = select(Customer.external_id, Customer.collector_id).where(
        Customer.external_id.in_(external_ids)
    )
    return dict(session.execute(query).all())


def resolve_customers(session: Session) -> None:
    """Each staged invoice's customer, by the id the file writes, in one statement."""
    stage, customer = INVOICE_STAGE, _table(Customer)
    session.execute(
        update(stage)
        .where(stage.c.customer_ref == customer.c.external_id)
        .values(customer_id=customer.c.id)
    )


def unknown_customers(session: Session, limit: int) -> tuple[list[tuple[int, str]], int]:
    """(line, customer as written) of the first `limit` staged invoices whose customer
    does not exist, and how many there are in all."""
    stage = INVOICE_STAGE
    missing = stage.c.customer_id.is_(None)
    found = session.execute(
        select(stage.c.line, stage.c.customer_ref)
        .where(missing)
        .order_by(stage.c.line)
        .limit(limit)
    ).all()
    total = session.scalar(select(func.count()).select_from(stage).where(missing)) or 0
    return [(line, ref) for line, ref in found], total


_WRITTEN = ("customer_id", "issue_date", "due_date", "amount", "currency")


def upsert_staged_invoices(session: Session) -> Counts:
    """The staged invoices written in two statements: the known ones that changed updated
    (their balance net of the credit they took when they came, so the same file again
    changes nothing), the new ones inserted. Counted first (a driver's rowcount is not
    to be trusted for every statement)."""
    stage, invoice = INVOICE_STAGE, _table(Invoice)
    net = case(
        (stage.c.balance > invoice.c.credit_applied, stage.c.balance - invoice.c.credit_applied),
        else_=literal(0, MONEY_TYPE),
    )
    differs = or_(
        *[stage.c[name].is_distinct_from(invoice.c[name]) for name in _WRITTEN],
        func.round(net, 2) != func.round(invoice.c.balance, 2),
    )
    same = invoice.c.number == stage.c.number
    total = session.scalar(select(func.count()).select_from(stage)) or 0
    known = session.scalar(select(func.count()).select_from(stage).join(invoice, same)) or 0
    updated = (
        session.scalar(select(func.count()).select_from(stage).join(invoice, same).where(differs))
        or 0
    )
    if updated:
        # Bulk statements bypass the ORM's events: mark the due index's entries here, the
        # customer an invoice leaves as well as the one it comes to.
        changed = stage.join(invoice, same)
        due.mark_where(session, select(invoice.c.customer_id).select_from(changed).where(differs))
        due.mark_where(session, select(stage.c.customer_id).select_from(changed).where(differs))
        session.execute(
            update(invoice)
            .where(same, differs)
            .values({**{name: stage.c[name] for name in _WRITTEN}, "balance": net})
        )
    if total > known:
        now = bindparam("now", value=utcnow(), type_=invoice.c.created_at.type)
        exists = select(invoice.c.id).where(same).exists()
        due.mark_where(session, select(stage.c.customer_id).where(~exists))
        columns = ("number", *_WRITTEN, "balance")
        session.execute(
            insert(invoice).from_select(
                [*columns, "credit_applied", "created_at", "updated_at"],
                select(
                    *[stage.c[name] for name in columns], literal(0, MONEY_TYPE), now, now
                ).where(~exists),
            )
        )
    return Counts(created=total - known, updated=updated, unchanged=known - updated)


def take_credit(session: Session, taken: dict[str, dict[str, Any]]) -> None:
    """The new invoices that took a credit: their balance net of it, and what they took."""
    invoice = _table(Invoice)
    rows = [
        {"n": number, "b": t["balance"], "c": t["credit_applied"]} for number, t in taken.items()
    ]
    if rows:
        session.execute(
            update(invoice)
            .where(invoice.c.number == bindparam("n"))
            .values(balance=bindparam("b"), credit_applied=bindparam("c")),
            rows,
        )
