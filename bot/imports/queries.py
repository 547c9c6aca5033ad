"""The importer's SQL: bulk inserts and updates over dictionaries keyed by natural ids, so
200,000 invoices take seconds, and a row that did not change is not written at all (which is
what makes importing a file twice change nothing)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from models import Contact, Customer, TeamMember

_CHUNK = 5000


@dataclass(frozen=True)
class ImportResult:
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
) -> ImportResult:
    columns = [getattr(Customer, name) for name in next(iter(customers.values()), {})]
    existing: dict[str, dict[str, Any]] = {}
    if customers:
        for row in session.execute(select(Customer.id, *columns)).mappings():
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
    changed_ids = {r["external_id"] for r in updated} | write_contacts(session, contacts, ids)
    updated_count = len(changed_ids - created_ids)
    return ImportResult(
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
