"""The agenda's SQL: the facts the due rule needs, gathered for many customers in a few
set-based queries of plain columns; what a shown call needs on screen; orphan accounts."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import ColumnElement, and_, bindparam, case, func, literal_column, or_, select
from sqlalchemy.orm import Session, aliased

from bot.agenda.rules import (
    Account,
    CustomerFacts,
    DueCall,
    Facts,
    InvoiceFact,
    LastNote,
    PromiseFact,
    TaskFact,
)
from bot.core.db import Prebuilt, ids_in, in_ids
from bot.core.policy import Policy
from bot.core.vocabulary import PromiseStatus, TaskKind, TaskStatus
from bot.customers.rules import InvoiceLine
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

ZERO = Decimal("0")
# "balance > 0" written out, not bound: the partial index ix_invoice_open_lines answers it
# only when the planner can see the predicate, which a prepared statement's parameter hides.
OPEN: ColumnElement[Any] = literal_column("0")


def gather(
    session: Session, collector_ids: list[int], day: date, policy: Policy
) -> tuple[dict[int, Facts], dict[int, set[int]], dict[tuple[int, int], TaskFact]]:
    """Facts of every customer the collectors own or have a call task for; which customers
    each owns; and the first due call task per (assignee, customer)."""
    due_tasks = (
        Task.assignee_id.in_(collector_ids),
        Task.status == TaskStatus.OPEN,
        # "Ofrecer un plan de pagos" is a call too: the customer is on the list that day.
        Task.kind.in_((TaskKind.CALL, TaskKind.PAYMENT_PLAN)),
        Task.customer_id.is_not(None),
        Task.due_date <= day,
        or_(
            Task.snoozed_until.is_(None),
            Task.snoozed_until < policy.start_of(day + timedelta(days=1)),
        ),
    )
    tasks: dict[tuple[int, int], TaskFact] = {}
    for task_id, assignee_id, customer_id, text, due_date in session.execute(
        select(Task.id, Task.assignee_id, Task.customer_id, Task.text, Task.due_date)
        .where(*due_tasks)
        .order_by(Task.due_date, Task.due_time, Task.id)
    ):
        if customer_id is not None:
            tasks.setdefault((assignee_id, customer_id), TaskFact(task_id, text, due_date))
    columns = _CUSTOMER_COLUMNS
    with_us, reachable = _WORKABLE
    # Owned customers and task customers in two indexed lookups: an OR of the two would
    # make SQLite scan every customer.
    customers = [
        CustomerFacts(*row)
        for row in session.execute(
            select(*columns).where(Customer.collector_id.in_(collector_ids), with_us, reachable)
        )
    ]
    extra = list({cid for _, cid in tasks} - {c.id for c in customers})
    if extra:
        customers += [
            CustomerFacts(*row)
            for row in session.execute(
                select(*columns).where(in_ids(session, Customer.id, extra), with_us, reachable)
            )
        ]
    owned: dict[int, set[int]] = defaultdict(set)
    for c in customers:
        if c.collector_id is not None:
            owned[c.collector_id].add(c.id)
    if not customers:
        return {}, owned, tasks
    # One collector: their few hundred ids, so PostgreSQL walks the indexes. Many (the
    # digest): a subquery, so each table is read once, with nothing to bind.
    ids: Any = (
        [c.id for c in customers]
        if len(collector_ids) == 1
        else select(Customer.id)
        .where(
            or_(
                Customer.collector_id.in_(collector_ids),
                Customer.id.in_(select(Task.customer_id).where(*due_tasks)),
            ),
            with_us,
            reachable,
        )
        .scalar_subquery()
    )
    return _facts_of(session, customers, ids, day, policy), owned, tasks


_CUSTOMER_COLUMNS = (
    Customer.id,
    Customer.collector_id,
    Customer.external_id,
    Customer.name,
    Customer.timezone,
    Customer.call_days,
    Customer.call_start,
    Customer.call_end,
    Customer.credit_hold,
)
# A customer handed over to an agency or legal, or marked "no contactar", is no one's call.
_WORKABLE = (Customer.handed_over_at.is_(None), Customer.do_not_contact.is_(None))


def facts_for(session: Session, ids: list[int], day: date, policy: Policy) -> dict[int, Facts]:
    """The rule's facts of just these customers (those anyone may call): what the due index
    recomputes, and what the calls it shows need on screen."""
    return facts_of_customers(session, workable(session, ids), day, policy)


def workable(session: Session, ids: list[int]) -> list[CustomerFacts]:
    """These customers, but for those handed over or marked "no contactar"."""
    if not ids:
        return []
    return [CustomerFacts(*row) for row in session.execute(_WORKABLE_OF(session), {"ids": ids})]


_WORKABLE_OF = Prebuilt(
    lambda dialect: select(*_CUSTOMER_COLUMNS).where(ids_in(dialect, Customer.id), *_WORKABLE)
)


def facts_of_customers(
    session: Session, customers: list[CustomerFacts], day: date, policy: Policy
) -> dict[int, Facts]:
    if not customers:
        return {}
    return _facts_of(session, customers, [c.id for c in customers], day, policy)


def _invoices(of: Callable[[Any], Any]) -> Any:
    return (
        select(
            Invoice.id,
            Invoice.customer_id,
            Invoice.number,
            Invoice.due_date,
            Invoice.balance,
            Invoice.currency,
        )
        .where(of(Invoice.customer_id), Invoice.balance > OPEN)
        .order_by(Invoice.due_date)
    )


def _attempts(of: Callable[[Any], Any]) -> Any:
    """The last call and the calls within the contact cap's window, in one pass."""
    in_window = and_(ContactAttempt.at >= bindparam("start"), ContactAttempt.at < bindparam("end"))
    return (
        select(
            ContactAttempt.customer_id,
            func.max(ContactAttempt.at),
            func.sum(case((in_window, 1), else_=0)),
        )
        .where(of(ContactAttempt.customer_id))
        .group_by(ContactAttempt.customer_id)
    )


def _promises(of: Callable[[Any], Any]) -> Any:
    return (
        select(
            PaymentPromise.customer_id,
            PaymentPromise.status,
            PaymentPromise.amount,
            PaymentPromise.paid_amount,
            PaymentPromise.promised_for,
            PaymentPromise.broken_at,
        )
        .where(of(PaymentPromise.customer_id), PaymentPromise.status != PromiseStatus.CANCELLED)
        .order_by(PaymentPromise.promised_for)
    )


def _disputes(of: Callable[[Any], Any]) -> Any:
    return select(Dispute.customer_id, Dispute.invoice_id).where(
        of(Dispute.customer_id), Dispute.resolved_at.is_(None)
    )


_FACT_QUERIES: tuple[Callable[[Callable[[Any], Any]], Any], ...] = (
    _invoices,
    _attempts,
    _promises,
    _disputes,
)


def _of_a_list(query: Callable[[Callable[[Any], Any]], Any]) -> Prebuilt:
    return Prebuilt(lambda dialect: query(lambda column: ids_in(dialect, column)))


# For a list of ids (a collector's calls, a batch of the index's refresh): built once.
_FACTS_OF_LIST = tuple(_of_a_list(query) for query in _FACT_QUERIES)


def _facts_of(
    session: Session, customers: list[CustomerFacts], ids: Any, day: date, policy: Policy
) -> dict[int, Facts]:
    """Invoices, attempts, promises and disputes of `customers` (`ids`: their ids, as a
    list or a subquery)."""
    facts = {c.id: Facts(customer=c) for c in customers}
    params: dict[str, Any] = {
        "start": policy.start_of(day - timedelta(days=policy.cap_days - 1)),
        "end": policy.start_of(day + timedelta(days=1)),
    }
    if isinstance(ids, list):
        params["ids"] = ids
        invoices, attempts, promises, disputes = (made(session) for made in _FACTS_OF_LIST)
    else:
        invoices, attempts, promises, disputes = (
            query(lambda column: column.in_(ids)) for query in _FACT_QUERIES
        )
    for invoice_id, customer_id, number, due_date, balance, currency in session.execute(
        invoices, params
    ):
        facts[customer_id].invoices.append(
            InvoiceFact(invoice_id, number, due_date, balance, currency)
        )
    for customer_id, last, count in session.execute(attempts, params):
        facts[customer_id].last_attempt = last
        facts[customer_id].recent_attempts = int(count or 0)
    for customer_id, status, amount, paid, promised_for, broken_at in session.execute(
        promises, params
    ):
        facts[customer_id].promises.append(
            PromiseFact(status, amount, paid, promised_for, broken_at)
        )
    for disputant, paused in session.execute(disputes, params):
        facts[disputant].disputed.add(paused)
    return facts


_CONTACTS_OF = Prebuilt(
    lambda dialect: (
        select(Contact.customer_id, Contact.name, Contact.title, Contact.phone)
        .where(ids_in(dialect, Contact.customer_id))
        .order_by(Contact.decision_maker.desc(), Contact.id)
    )
)


def _latest_notes(dialect: str) -> Any:
    """Each customer's latest note, with how many it has; the columns shown ride in the
    window's pass, so no latest note is visited twice."""
    latest = (
        select(
            Note.customer_id,
            Note.created_at,
            Note.author_id,
            Note.spoke_with,
            Note.excuse_category,
            Note.excuse,
            Note.agreement,
            func.row_number()
            .over(partition_by=Note.customer_id, order_by=(Note.created_at.desc(), Note.id.desc()))
            .label("rank"),
            func.count(Note.id).over(partition_by=Note.customer_id).label("notes"),
        )
        .where(ids_in(dialect, Note.customer_id))
        .subquery()
    )
    n = latest.c
    return (
        select(
            n.customer_id,
            n.created_at,
            TeamMember.name,
            n.spoke_with,
            n.excuse_category,
            n.excuse,
            n.agreement,
            n.notes,
        )
        .join(TeamMember, TeamMember.id == n.author_id)
        .where(n.rank == 1)
    )


_LATEST_NOTES_OF = Prebuilt(_latest_notes)


def enrich(
    session: Session,
    calls: list[DueCall],
    facts: dict[int, Facts],
    day: date,
    policy: Policy,
    *,
    ranked: bool = False,
) -> None:
    """What the collector needs on screen, fetched only for the calls shown (`ranked`: the
    calls came from the due index with their customer's rank already)."""
    if not calls:
        return
    ids = [c.customer_id for c in calls]
    contacts: dict[int, tuple[str, str | None, str | None]] = {}
    for customer_id, name, title, phone in session.execute(_CONTACTS_OF(session), {"ids": ids}):
        contacts.setdefault(customer_id, (name, title, phone))
    notes: dict[int, LastNote] = {}
    for customer_id, at, author, spoke_with, category, excuse, agreement, count in session.execute(
        _LATEST_NOTES_OF(session), {"ids": ids}
    ):
        notes[customer_id] = LastNote(
            at, author, spoke_with, category.value if category else None, excuse, agreement, count
        )
    ranks = (
        {}
        if ranked
        else {
            customer_id: rank.value if rank else None
            for customer_id, rank in session.execute(
                select(Customer.id, Customer.rank).where(in_ids(session, Customer.id, ids))
            )
        }
    )
    for call in calls:
        f = facts[call.customer_id]
        customer = f.customer
        call.invoices = [
            InvoiceLine(
                i.id,
                i.number,
                i.balance,
                i.currency,
                i.due_date,
                (day - i.due_date).days,
                None in f.disputed or i.id in f.disputed,
            )
            for i in sorted(f.invoices, key=lambda i: (i.due_date, i.id))
        ]
        call.balance = sum((i.balance for i in f.invoices), ZERO)
        call.currency = f.invoices[0].currency if f.invoices else ""
        contact = contacts.get(call.customer_id)
        if contact is not None:
            call.contact_name, call.contact_title, call.phone = contact
        if customer.call_start and customer.call_end:
            call.window = (customer.call_start, customer.call_end)
        call.timezone = customer.timezone
        call.last_note = notes.get(call.customer_id)
        if not ranked:
            call.rank = ranks.get(call.customer_id)
        if f.last_attempt is not None:
            call.last_contact = f.last_attempt.astimezone(policy.tz).date()
        # Kept out of those already resolved, as the customer card counts them.
        call.promises_made = sum(p.status != PromiseStatus.PENDING for p in f.promises)
        call.promises_kept = sum(p.status == PromiseStatus.KEPT for p in f.promises)


def orphan_accounts(session: Session, day: date, due_today: set[int]) -> list[Account]:
    """Customers with an overdue balance whom nobody is working: no call due today, no open
    task, no pending promise of someone still on the team (and those with no collector at
    all, or one who left). Accounts handed over to an agency or legal are not ours to work.
    One grouped query: the overdue balance per customer nobody works, largest first, with
    its collector's name and its currency (the least of its invoices', as everywhere)."""
    on_team = select(TeamMember.id).where(TeamMember.active.is_(True))
    tasked = (
        select(Task.id)
        .where(
            Task.customer_id == Customer.id,
            Task.status == TaskStatus.OPEN,
            Task.assignee_id.in_(on_team),
        )
        .exists()
    )
    promised = (
        select(PaymentPromise.id)
        .where(
            PaymentPromise.customer_id == Customer.id,
            PaymentPromise.status == PromiseStatus.PENDING,
            PaymentPromise.collector_id.in_(on_team),
        )
        .exists()
    )
    any_invoice = aliased(Invoice)
    currency = (
        select(func.min(any_invoice.currency))
        .where(any_invoice.customer_id == Customer.id)
        .scalar_subquery()
    )
    overdue = func.sum(Invoice.balance)
    rows = session.execute(
        select(Customer.id, Customer.name, TeamMember.name, overdue, currency)
        .join(Invoice, Invoice.customer_id == Customer.id)
        .outerjoin(TeamMember, TeamMember.id == Customer.collector_id)
        .where(
            Invoice.balance > ZERO,
            Invoice.due_date < day,
            Customer.handed_over_at.is_(None),
            ~tasked,
            ~promised,
        )
        .group_by(Customer.id, Customer.name, TeamMember.name)
        .order_by(overdue.desc(), Customer.id)
    )
    return [
        Account(name, total, cash or "", collector, cid)
        for cid, name, collector, total, cash in rows
        if cid not in due_today
    ]


def calls_logged(
    session: Session, member_id: int, begin: datetime, end: datetime
) -> list[tuple[datetime, str]]:
    """The calls a member logged in [begin, end), with the customer's name, in order."""
    rows = session.execute(
        select(ContactAttempt.at, Customer.name)
        .join(Customer, Customer.id == ContactAttempt.customer_id)
        .where(
            ContactAttempt.member_id == member_id,
            ContactAttempt.at >= begin,
            ContactAttempt.at < end,
        )
        .order_by(ContactAttempt.at)
    ).all()
    return [(at, name) for at, name in rows]
