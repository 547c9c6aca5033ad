"""Test data, written straight to the database: short, explicit, no magic."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from decimal import Decimal
from itertools import count
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from bot.core.text import fold
from models import (
    Contact,
    ContactAttempt,
    Customer,
    Dispute,
    Invoice,
    Note,
    PaymentPromise,
    Task,
    TeamMember,
)
from models.enums import AttemptOutcome, ExcuseCategory, PromiseStatus, Role, TaskKind

MX = ZoneInfo("America/Mexico_City")
_ids = count(1)


def member(
    s: Session, slack_id: str, name: str, role: Role = Role.COLLECTOR, **kw: object
) -> TeamMember:
    m = TeamMember(slack_user_id=slack_id, name=name, role=role, **kw)
    s.add(m)
    s.flush()
    return m


def customer(s: Session, name: str, collector: TeamMember | None, **kw: object) -> Customer:
    external = kw.pop("external_id", f"C{next(_ids):05d}")
    c = Customer(
        external_id=external,
        name=name,
        search_name=fold(name),
        collector_id=collector.id if collector else None,
        **kw,
    )
    s.add(c)
    s.flush()
    return c


def contact(s: Session, c: Customer, name: str, title: str | None = None, **kw: object) -> Contact:
    x = Contact(customer_id=c.id, name=name, match_name=name.lower(), title=title, **kw)
    s.add(x)
    s.flush()
    return x


def invoice(s: Session, c: Customer, due: str, amount: str, balance: str | None = None) -> Invoice:
    i = Invoice(
        number=f"F-{next(_ids):05d}",
        customer_id=c.id,
        due_date=date.fromisoformat(due),
        amount=Decimal(amount),
        balance=Decimal(balance if balance is not None else amount),
        currency="MXN",
    )
    s.add(i)
    s.flush()
    return i


def at(day: str, hour: int = 10) -> datetime:
    return datetime.combine(date.fromisoformat(day), time(hour), MX).astimezone(UTC)


def attempt(
    s: Session,
    c: Customer,
    by: TeamMember,
    when: str,
    outcome: AttemptOutcome = AttemptOutcome.ANSWERED,
) -> ContactAttempt:
    a = ContactAttempt(customer_id=c.id, member_id=by.id, at=at(when), outcome=outcome)
    s.add(a)
    s.flush()
    return a


def promise(
    s: Session,
    c: Customer,
    by: TeamMember,
    on: str,
    amount: str,
    status: PromiseStatus = PromiseStatus.PENDING,
    **kw: object,
) -> PaymentPromise:
    p = PaymentPromise(
        customer_id=c.id,
        collector_id=by.id,
        amount=Decimal(amount),
        promised_for=date.fromisoformat(on),
        status=status,
        **kw,
    )
    s.add(p)
    s.flush()
    return p


def task(
    s: Session,
    c: Customer | None,
    to: TeamMember,
    due: str,
    text: str = "Llamar de nuevo",
    **kw: object,
) -> Task:
    kw.setdefault("kind", TaskKind.CALL)
    t = Task(
        customer_id=c.id if c else None,
        text=text,
        due_date=date.fromisoformat(due),
        assignee_id=to.id,
        creator_id=to.id,
        **kw,
    )
    s.add(t)
    s.flush()
    return t


def note(s: Session, c: Customer, by: TeamMember, when: str, **kw: object) -> Note:
    kw.setdefault("excuse_category", ExcuseCategory.PERSON_AWAY)
    n = Note(customer_id=c.id, author_id=by.id, created_at=at(when), **kw)
    s.add(n)
    s.flush()
    return n


def dispute(s: Session, c: Customer, by: TeamMember, inv: Invoice | None, **kw: object) -> Dispute:
    d = Dispute(
        customer_id=c.id,
        invoice_id=inv.id if inv else None,
        reason="precio",
        opened_by_id=by.id,
        **kw,
    )
    s.add(d)
    s.flush()
    return d


def lopez(s: Session, collector: TeamMember, **details: object) -> Customer:
    """The stories' usual customer: Ferretería López (C-100), whose accountant Marisol Díaz
    decides the payments."""
    found = customer(s, "Ferretería López", collector, external_id="C-100")
    details.setdefault("decision_maker", True)
    contact(s, found, "Marisol Díaz", "Contadora", **details)
    return found
