"""The customers' SQL: finding them, their contacts, open invoices, notes, tasks, promises."""

from __future__ import annotations

import threading
from datetime import date, datetime
from weakref import WeakKeyDictionary

from sqlalchemy import Engine, Float, and_, func, select
from sqlalchemy.orm import Session

from bot.core.errors import NotFound
from bot.core.vocabulary import AttemptOutcome, PromiseStatus, TaskStatus
from bot.customers.rules import (
    CANDIDATES,
    MAX_MATCHES,
    ContactLine,
    CustomerMatch,
    InvoiceLine,
    NameList,
    NoteLine,
    PaymentLine,
    closest,
)
from bot.promises.rules import PromiseLine
from bot.tasks.rules import TaskLine
from models import (
    Contact,
    ContactAttempt,
    Customer,
    Dispute,
    Invoice,
    Note,
    Payment,
    PaymentPromise,
    Task,
    TeamMember,
)
from models.customer import search_id_of, search_name_of

ZERO = 0


def search(session: Session, query: str, *, limit: int = MAX_MATCHES) -> list[CustomerMatch]:
    """Customers matching what was typed, best first (see bot.customers.rules): the folded
    id, then the folded name whole, then every word as a fragment, each through an index;
    for a typo, candidates from the database's own index ranked by `closest`."""
    typed = query.strip()
    if not typed:
        return []
    matches = select(Customer.id, Customer.external_id, Customer.name)
    by_id = session.execute(
        matches.where(Customer.search_id == search_id_of(typed)).order_by(Customer.id).limit(limit)
    ).all()
    if by_id:
        return [CustomerMatch(*r) for r in by_id]
    folded = search_name_of(typed)
    whole = session.execute(
        matches.where(Customer.search_name == folded).order_by(Customer.id).limit(limit)
    ).all()
    if whole:
        return [CustomerMatch(*r) for r in whole]
    ids = _containing(session, folded.split(), limit)
    if not ids:
        ids = closest(folded, _typo_candidates(session, folded), limit)
    if not ids:
        return []
    found = {r.id: CustomerMatch(*r) for r in session.execute(matches.where(Customer.id.in_(ids)))}
    return [found[cid] for cid in ids if cid in found]


def _containing(session: Session, words: list[str], limit: int) -> list[int]:
    """Names holding every word, shortest first: PostgreSQL's trigram index serves `LIKE`;
    SQLite would scan the table for it, so the process's name list answers instead."""
    if session.get_bind().dialect.name != "postgresql":
        return name_list(session).containing(words, limit)
    return list(
        session.scalars(
            select(Customer.id)
            .where(and_(*(Customer.search_name.like(_fragment(w), escape="/") for w in words)))
            .order_by(func.length(Customer.search_name), Customer.search_name, Customer.id)
            .limit(limit)
        )
    )


def _fragment(word: str) -> str:
    """`%word%` with LIKE's own characters escaped, as one bound value (so PostgreSQL's
    trigram index serves it even from a prepared statement)."""
    return "%" + word.replace("/", "//").replace("%", "/%").replace("_", "/_") + "%"


def _typo_candidates(session: Session, folded: str) -> list[tuple[int, str]]:
    if session.get_bind().dialect.name == "postgresql":
        # The trigram index (GiST) hands the names in order of similarity, so the scan stops
        # after the first CANDIDATES, even when thousands of names share most of their
        # letters; pg_trgm's default bar (0.3) keeps out the unrelated ones. The planner
        # prices trigram work as cheap and would rather scan the table under a few hundred
        # thousand rows (90 ms at 20,000 names): not for this one query.
        session.execute(select(func.set_config("enable_seqscan", "off", True)))
        return [
            (cid, name)
            for cid, name in session.execute(
                select(Customer.id, Customer.search_name)
                .where(Customer.search_name.op("%")(folded))
                .order_by(Customer.search_name.op("<->", return_type=Float)(folded))
                .limit(CANDIDATES)
            )
        ]
    return name_list(session).near(folded)


def prepare_search(session: Session) -> int:
    if session.get_bind().dialect.name == "postgresql":
        return 0
    return len(name_list(session).ids)


_NAME_LISTS: WeakKeyDictionary[Engine, NameList] = WeakKeyDictionary()
_NAME_LISTS_LOCK = threading.Lock()


def name_list(session: Session) -> NameList:
    """This process's list of every folded name, brought up to date when the table changed
    since (in this process or any other on the same database): the highest id (a customer
    added) and the latest `updated_at` (one renamed, imported or otherwise changed), each
    read from an index in a statement of its own (SQLite reads every row for `count(*)` or
    for two aggregates together: 30-250 ms at 200,000); then only the customers added or
    changed since are read, from the same two indexes. Customers are never deleted; one
    deleted by hand is still never offered, since the matches are read back by id."""
    engine = session.get_bind().engine
    version = (
        session.scalar(select(func.max(Customer.id))),
        session.scalar(select(func.max(Customer.updated_at))),
    )
    cached = _NAME_LISTS.get(engine)
    if cached is not None and cached.version == version:
        return cached
    with _NAME_LISTS_LOCK:
        cached = _NAME_LISTS.get(engine)
        if cached is not None and cached.version == version:
            return cached
        names = select(Customer.id, Customer.search_name)
        if cached is None or None in cached.version:
            rows = session.execute(names.order_by(Customer.id)).all()
            fresh = NameList(version, [r[0] for r in rows], [r[1] for r in rows])
        else:
            last_id, last_change = cached.version
            # After the latest change held: the rows stamped at that instant were written by
            # one statement (an import stamps many at once), so they were all read with it.
            changed = names.where(Customer.updated_at > last_change)
            added = names.where(Customer.id > last_id)
            rows = session.execute(changed.union(added)).all()
            fresh = cached.patched(version, [(cid, name) for cid, name in rows])
        _NAME_LISTS[engine] = fresh
        return fresh


def require_customer(session: Session, customer_id: int) -> Customer:
    customer = session.get(Customer, customer_id)
    if customer is None:
        raise NotFound(what_key="what.customer", value=str(customer_id))
    return customer


def contacts_of(session: Session, customer_id: int) -> list[ContactLine]:
    """Decision makers first: whom to ask for."""
    return [
        ContactLine(c.id, c.name, c.title, c.phone, c.email, c.decision_maker, c.do_not_contact)
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
    return {
        cid: currency
        for cid, currency in session.execute(
            select(Invoice.customer_id, func.min(Invoice.currency))
            .where(Invoice.customer_id.in_(customer_ids))
            .group_by(Invoice.customer_id)
        )
    }


def collector_name(session: Session, customer: Customer) -> str | None:
    if customer.collector_id is None:
        return None
    member = session.get(TeamMember, customer.collector_id)
    return member.name if member else None


def promises_of(session: Session, customer: Customer, currency: str) -> list[PromiseLine]:
    """Newest first."""
    return [
        PromiseLine(
            p.id,
            customer.id,
            customer.name,
            p.amount,
            p.paid_amount,
            currency,
            p.promised_for,
            p.status,
            p.method,
        )
        for p in session.scalars(
            select(PaymentPromise)
            .where(
                PaymentPromise.customer_id == customer.id,
                PaymentPromise.status != PromiseStatus.CANCELLED,
            )
            .order_by(PaymentPromise.promised_for.desc(), PaymentPromise.id.desc())
        )
    ]


def attempts_of(session: Session, customer_id: int) -> int:
    return (
        session.scalar(
            select(func.count(ContactAttempt.id)).where(ContactAttempt.customer_id == customer_id)
        )
        or 0
    )


def last_attempt(session: Session, customer_id: int) -> tuple[int, int, datetime] | None:
    """(id, author, when) of the customer's last call."""
    row = session.execute(
        select(ContactAttempt.id, ContactAttempt.member_id, ContactAttempt.at)
        .where(ContactAttempt.customer_id == customer_id)
        .order_by(ContactAttempt.at.desc(), ContactAttempt.id.desc())
        .limit(1)
    ).first()
    return (row[0], row[1], row[2]) if row else None


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


def open_tasks_of(session: Session, customer: Customer) -> list[TaskLine]:
    return [
        TaskLine(task.id, task.text, customer.name, task.due_date, task.due_time, name)
        for task, name in session.execute(
            select(Task, TeamMember.name)
            .join(TeamMember, TeamMember.id == Task.assignee_id)
            .where(Task.customer_id == customer.id, Task.status == TaskStatus.OPEN)
            .order_by(Task.due_date, Task.id)
        )
    ]


def payments_of(
    session: Session, customer_id: int, currency: str, limit: int = 5
) -> list[PaymentLine]:
    """The latest payments, newest first, each in its invoice's currency (else the
    customer's)."""
    rows = session.execute(
        select(Payment, Invoice.number, Invoice.currency)
        .outerjoin(Invoice, Invoice.id == Payment.invoice_id)
        .where(Payment.customer_id == customer_id)
        .order_by(Payment.paid_on.desc(), Payment.id.desc())
        .limit(limit)
    )
    return [
        PaymentLine(p.paid_on, p.amount, paid_in or currency, p.method, p.reference, number)
        for p, number, paid_in in rows
    ]


def outcomes_of(session: Session, customer_id: int) -> dict[AttemptOutcome, int]:
    """How the calls to the customer went, counted by outcome."""
    return {
        outcome: count
        for outcome, count in session.execute(
            select(ContactAttempt.outcome, func.count(ContactAttempt.id))
            .where(ContactAttempt.customer_id == customer_id)
            .group_by(ContactAttempt.outcome)
        )
    }


def attempts_since(session: Session, customer_id: int, since: datetime) -> int:
    """Calls logged to the customer from `since` on: what the contact cap counts."""
    return (
        session.scalar(
            select(func.count(ContactAttempt.id)).where(
                ContactAttempt.customer_id == customer_id, ContactAttempt.at >= since
            )
        )
        or 0
    )


def contact_row(session: Session, customer_id: int, contact_id: int) -> Contact:
    contact = session.get(Contact, contact_id)
    if contact is None or contact.customer_id != customer_id:
        raise NotFound(what_key="what.contact", value=str(contact_id))
    return contact
