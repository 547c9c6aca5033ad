"""The importer's SQL: bulk inserts and updates over dictionaries keyed by natural ids, so
200,000 invoices take seconds, and a row that did not change is not written at all (which is
what makes importing a file twice change nothing)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import func, insert, select, update
from sqlalchemy.orm import Session

from bot.core.vocabulary import Role
from bot.due import queries as due
from bot.team.queries import person_of
from bot.team.rules import Person
from models import Contact, Customer, Invoice, Payment, TeamMember

_CHUNK = 5000


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
    columns = {name for record in customers.values() for name in record}
    selected = [getattr(Customer, name) for name in sorted(columns - {"external_id"})]
    existing: dict[str, dict[str, Any]] = {}
    if customers:
        for row in session.execute(select(Customer.id, Customer.external_id, *selected)).mappings():
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
    ids: dict[str, int] = dict(session.execute(select(Customer.external_id, Customer.id)).all())
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
        )
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


def collectors_of(session: Session) -> dict[str, int | None]:
    return dict(session.execute(select(Customer.external_id, Customer.collector_id)).all())


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


_INVOICE_COLUMNS = (
    Invoice.id,
    Invoice.number,
    Invoice.customer_id,
    Invoice.issue_date,
    Invoice.due_date,
    Invoice.amount,
    Invoice.balance,
    Invoice.currency,
    Invoice.credit_applied,
)


def invoices_by_number(session: Session) -> dict[str, dict[str, Any]]:
    return {
        row["number"]: dict(row) for row in session.execute(select(*_INVOICE_COLUMNS)).mappings()
    }


def write_invoices(
    session: Session, created: list[dict[str, Any]], updated: list[dict[str, Any]]
) -> None:
    insert_all(session, Invoice, created)
    for chunk in chunks(updated):
        session.execute(update(Invoice), chunk)
    # Bulk statements bypass the ORM's events: mark the due index's entries here.
    due.mark(session, {r["customer_id"] for r in created} | {r["customer_id"] for r in updated})


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
