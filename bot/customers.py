"""Finding a customer the way collectors name them, and what we know about one.

Collectors type "ferreteria lopez", "López", "C00042" or "ferretria lopes": an external id
matches exactly, every word of the name matches as a fragment, and when nothing does, the
closest names are offered. Several matches are returned for the user to pick; a single
guess is never taken silently.
"""

from __future__ import annotations

import difflib
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, time
from decimal import Decimal

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session

from bot.calendar import BusinessCalendar
from bot.dunning import Reason, Step, latest_step
from bot.errors import NotFound
from bot.text import fold
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
from models.enums import AttemptOutcome, ExcuseCategory, PromiseStatus, TaskStatus

ZERO = Decimal("0")
MAX_MATCHES = 8
FUZZY_CUTOFF = 0.72
CLEAR_WINNER = 0.08


@dataclass(frozen=True)
class CustomerMatch:
    id: int
    external_id: str
    name: str


def search(session: Session, query: str, *, limit: int = MAX_MATCHES) -> list[CustomerMatch]:
    """Customers matching what was typed, best first (see the module docstring)."""
    typed = query.strip()
    if not typed:
        return []
    exact = session.execute(
        select(Customer.id, Customer.external_id, Customer.name).where(
            func.lower(Customer.external_id) == typed.lower()
        )
    ).first()
    if exact:
        return [CustomerMatch(*exact)]
    words = fold(typed).split()
    rows = session.execute(
        select(Customer.id, Customer.external_id, Customer.name)
        .where(and_(*(Customer.search_name.contains(word, autoescape=True) for word in words)))
        .order_by(func.length(Customer.search_name), Customer.search_name)
        .limit(limit)
    ).all()
    if rows:
        whole = [r for r in rows if fold(r.name) == fold(typed)]
        return [CustomerMatch(*r) for r in (whole or rows)]
    return _closest(session, fold(typed), limit)


def _closest(session: Session, folded: str, limit: int) -> list[CustomerMatch]:
    """Typos: the names most like what was typed. When one name is clearly closer than the
    rest it is the only answer; otherwise the user picks among the close ones."""
    scored: list[tuple[float, int]] = []
    for cid, name in session.execute(select(Customer.id, Customer.search_name)):
        matcher = difflib.SequenceMatcher(None, folded, name)
        if matcher.real_quick_ratio() >= FUZZY_CUTOFF and matcher.quick_ratio() >= FUZZY_CUTOFF:
            score = matcher.ratio()
            if score >= FUZZY_CUTOFF:
                scored.append((score, cid))
    scored.sort(reverse=True)
    if len(scored) > 1 and scored[0][0] - scored[1][0] >= CLEAR_WINNER:
        scored = scored[:1]
    ids = [cid for _, cid in scored[:limit]]
    if not ids:
        return []
    found = {
        r.id: CustomerMatch(*r)
        for r in session.execute(
            select(Customer.id, Customer.external_id, Customer.name).where(Customer.id.in_(ids))
        )
    }
    return [found[cid] for cid in ids if cid in found]


@dataclass(frozen=True)
class ContactLine:
    id: int
    name: str
    title: str | None
    phone: str | None
    email: str | None
    decision_maker: bool


@dataclass(frozen=True)
class InvoiceLine:
    id: int
    number: str
    balance: Decimal
    currency: str
    due_date: date
    days_past_due: int
    disputed: bool = False


@dataclass(frozen=True)
class CallContext:
    """What the call modal shows and defaults to."""

    customer_id: int
    name: str
    balance: Decimal
    currency: str
    contacts: list[ContactLine]
    invoices: list[InvoiceLine]


def require_customer(session: Session, customer_id: int) -> Customer:
    customer = session.get(Customer, customer_id)
    if customer is None:
        raise NotFound(what_key="what.customer", value=str(customer_id))
    return customer


def contacts_of(session: Session, customer_id: int) -> list[ContactLine]:
    """Decision makers first: whom to ask for."""
    return [
        ContactLine(c.id, c.name, c.title, c.phone, c.email, c.decision_maker)
        for c in session.scalars(
            select(Contact)
            .where(Contact.customer_id == customer_id)
            .order_by(Contact.decision_maker.desc(), Contact.id)
        )
    ]


def open_invoices(session: Session, customer_id: int, today: date) -> list[InvoiceLine]:
    disputed_all = False
    disputed: set[int] = set()
    for (invoice_id,) in session.execute(
        select(Dispute.invoice_id).where(
            Dispute.customer_id == customer_id, Dispute.resolved_at.is_(None)
        )
    ):
        if invoice_id is None:
            disputed_all = True
        else:
            disputed.add(invoice_id)
    return [
        InvoiceLine(
            i.id,
            i.number,
            i.balance,
            i.currency,
            i.due_date,
            (today - i.due_date).days,
            disputed_all or i.id in disputed,
        )
        for i in session.scalars(
            select(Invoice)
            .where(Invoice.customer_id == customer_id, Invoice.balance > ZERO)
            .order_by(Invoice.due_date, Invoice.id)
        )
    ]


def currencies_of(session: Session, customer_ids: list[int]) -> dict[int, str]:
    """Each customer's invoicing currency (one query for many customers)."""
    if not customer_ids:
        return {}
    return dict(
        session.execute(
            select(Invoice.customer_id, func.min(Invoice.currency))
            .where(Invoice.customer_id.in_(customer_ids))
            .group_by(Invoice.customer_id)
        ).all()
    )


def main_currency(invoices: list[InvoiceLine], default: str) -> str:
    if not invoices:
        return default
    return Counter(i.currency for i in invoices).most_common(1)[0][0]


def call_context(
    session: Session, customer_id: int, today: date, default_currency: str
) -> CallContext:
    customer = require_customer(session, customer_id)
    invoices = open_invoices(session, customer_id, today)
    currency = main_currency(invoices, default_currency)
    balance = sum((i.balance for i in invoices if i.currency == currency), ZERO)
    return CallContext(
        customer.id,
        customer.name,
        balance,
        currency,
        contacts_of(session, customer_id),
        invoices,
    )


@dataclass(frozen=True)
class NoteLine:
    at: datetime
    author: str
    outcome: AttemptOutcome | None
    spoke_with: str | None
    category: ExcuseCategory | None
    excuse: str | None
    agreement: str | None
    hashtags: str


@dataclass(frozen=True)
class TaskLine:
    id: int
    text: str
    due_date: date
    due_time: time | None
    assignee: str


@dataclass(frozen=True)
class PromiseLine:
    id: int
    amount: Decimal
    paid: Decimal
    promised_for: date
    status: PromiseStatus
    method: str | None


@dataclass(frozen=True)
class CustomerCard:
    """Everything a collector needs before picking up the phone, on one card."""

    id: int
    external_id: str
    name: str
    tax_id: str | None
    collector: str | None
    timezone: str | None
    contacts: list[ContactLine]
    invoices: list[InvoiceLine]
    balance: Decimal
    currency: str
    step: Reason | None
    promises_kept: int
    promises_made: int
    pending_promise: PromiseLine | None
    notes: list[NoteLine] = field(default_factory=list)
    tasks: list[TaskLine] = field(default_factory=list)
    attempts: int = 0


def card(
    session: Session,
    customer_id: int,
    *,
    today: date,
    steps: tuple[Step, ...],
    calendar: BusinessCalendar,
    default_currency: str,
) -> CustomerCard:
    customer = require_customer(session, customer_id)
    invoices = open_invoices(session, customer_id, today)
    currency = main_currency(invoices, default_currency)
    collector = session.get(TeamMember, customer.collector_id) if customer.collector_id else None
    promises = list(
        session.scalars(
            select(PaymentPromise)
            .where(PaymentPromise.customer_id == customer_id)
            .order_by(PaymentPromise.promised_for.desc(), PaymentPromise.id.desc())
        )
    )
    resolved = [p for p in promises if p.status != PromiseStatus.PENDING]
    pending = next((p for p in promises if p.status == PromiseStatus.PENDING), None)
    return CustomerCard(
        id=customer.id,
        external_id=customer.external_id,
        name=customer.name,
        tax_id=customer.tax_id,
        collector=collector.name if collector else None,
        timezone=customer.timezone,
        contacts=contacts_of(session, customer_id),
        invoices=invoices,
        balance=sum((i.balance for i in invoices if i.currency == currency), ZERO),
        currency=currency,
        step=_current_step(invoices, today, steps, calendar),
        promises_kept=sum(1 for p in resolved if p.status == PromiseStatus.KEPT),
        promises_made=len(resolved),
        pending_promise=_promise_line(pending) if pending else None,
        notes=last_notes(session, customer_id),
        tasks=open_tasks_of(session, customer_id),
        attempts=session.scalar(
            select(func.count(ContactAttempt.id)).where(ContactAttempt.customer_id == customer_id)
        )
        or 0,
    )


def _promise_line(p: PaymentPromise) -> PromiseLine:
    return PromiseLine(p.id, p.amount, p.paid_amount, p.promised_for, p.status, p.method)


def _current_step(
    invoices: list[InvoiceLine], today: date, steps: tuple[Step, ...], calendar: BusinessCalendar
) -> Reason | None:
    """The most advanced dunning step any open, undisputed invoice has reached."""
    order = [s.reason for s in steps]
    best: Reason | None = None
    for invoice in invoices:
        if invoice.disputed:
            continue
        found = latest_step(invoice.due_date, today, steps, lambda d: calendar.next_business_day(d))
        if found and (best is None or order.index(found[0].reason) > order.index(best)):
            best = found[0].reason
    return best


def last_notes(session: Session, customer_id: int, limit: int = 5) -> list[NoteLine]:
    """The last notes, newest first; a note that was corrected shows only its correction."""
    corrected = select(Note.corrects_id).where(
        Note.customer_id == customer_id, Note.corrects_id.is_not(None)
    )
    rows = session.execute(
        select(Note, TeamMember.name, ContactAttempt.outcome)
        .join(TeamMember, TeamMember.id == Note.author_id)
        .outerjoin(ContactAttempt, ContactAttempt.id == Note.attempt_id)
        .where(Note.customer_id == customer_id, Note.id.not_in(corrected))
        .order_by(Note.created_at.desc(), Note.id.desc())
        .limit(limit)
    )
    return [
        NoteLine(
            n.created_at,
            author,
            outcome,
            n.spoke_with,
            n.excuse_category,
            n.excuse,
            n.agreement,
            n.hashtags,
        )
        for n, author, outcome in rows
    ]


def open_tasks_of(session: Session, customer_id: int) -> list[TaskLine]:
    return [
        TaskLine(task.id, task.text, task.due_date, task.due_time, name)
        for task, name in session.execute(
            select(Task, TeamMember.name)
            .join(TeamMember, TeamMember.id == Task.assignee_id)
            .where(Task.customer_id == customer_id, Task.status == TaskStatus.OPEN)
            .order_by(Task.due_date, Task.id)
        )
    ]
