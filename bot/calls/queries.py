"""The calls' SQL: a submission already stored, the person spoken to."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.core.text import fold
from bot.customers.rules import ContactLine
from models import Contact, ContactAttempt


def attempt_by_key(session: Session, source_key: str) -> ContactAttempt | None:
    """The attempt a submission (its Slack view id) already stored, if any."""
    return session.scalar(select(ContactAttempt).where(ContactAttempt.source_key == source_key))


def contact_of(session: Session, customer_id: int, contact_id: int | None) -> ContactLine | None:
    """The contact chosen in the form, if it is one of this customer's."""
    if contact_id is None:
        return None
    c = session.get(Contact, contact_id)
    if c is None or c.customer_id != customer_id:
        return None
    return ContactLine(c.id, c.name, c.title, c.phone, c.email, c.decision_maker)


def contact_title(session: Session, customer_id: int, name: str) -> tuple[int, str | None] | None:
    """The known contact of that name (its id and title), if there is one."""
    row = session.execute(
        select(Contact.id, Contact.title).where(
            Contact.customer_id == customer_id, Contact.match_name == fold(name)
        )
    ).first()
    return None if row is None else (row[0], row[1])


def contact_for(session: Session, customer_id: int, name: str, title: str | None) -> int:
    """Someone new we spoke to becomes a known contact, so next time they are on the list;
    someone known by that name gets the role just said, when one was (a receptionist's
    name first, their role on the next call)."""
    match = fold(name)
    existing = session.scalar(
        select(Contact).where(Contact.customer_id == customer_id, Contact.match_name == match)
    )
    if existing is not None:
        if title and existing.title != title:
            existing.title = title
        return existing.id
    contact = Contact(customer_id=customer_id, name=name.strip(), match_name=match, title=title)
    session.add(contact)
    session.flush()
    return contact.id
