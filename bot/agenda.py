"""The day's due calls for a collector: who to call, why, whom to ask for, what to say.

A customer of the collector is due on business day D when
  (a) a follow-up call task of theirs, assigned to the collector, is due on or before D;
  (b) a promise of theirs is broken (date + one business day of grace passed without enough
      payment) and no call was logged since it broke;
  (c) an open invoice reached a dunning step on or before D (its latest such step), and no
      call was logged since that step.
It is not due when D is not a callable day for the customer, when they were already called
as often as the contact cap allows, and, for (c), while a pending promise is still ahead or
an open dispute pauses the invoice. Broken promises come first, then tasks, then dunning by
overdue balance; the list is capped at the daily capacity and the rest is counted.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from functools import lru_cache
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from bot.calendar import BusinessCalendar, parse_call_days, parse_call_hours, stored_call_days
from bot.config import Settings
from bot.dunning import Reason, Step, latest_step, steps_from
from bot.promises import broken_on
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
from models.db import in_ids
from models.enums import PromiseStatus, TaskKind, TaskStatus

ZERO = Decimal("0")
_ORDER = {Reason.BROKEN_PROMISE: 0, Reason.TASK: 1}


@dataclass(frozen=True)
class AgendaPolicy:
    """The team's contact rules: configurable defaults, not hard-coded law."""

    steps: tuple[Step, ...]
    escalation_days: int
    call_days: frozenset[int]
    call_start: time
    call_end: time
    cap_count: int
    cap_days: int
    capacity: int
    calendar: BusinessCalendar
    tz: ZoneInfo

    @classmethod
    def from_settings(cls, settings: Settings) -> AgendaPolicy:
        start, end = parse_call_hours(settings.cobro_call_window)
        count, _, period = settings.cobro_contact_cap.partition("/")
        return cls(
            steps=steps_from(settings.cobro_dunning_steps),
            escalation_days=settings.cobro_escalation_days,
            call_days=parse_call_days(settings.cobro_call_days),
            call_start=start,
            call_end=end,
            cap_count=int(count),
            cap_days=7 if period == "week" else 1,
            capacity=settings.cobro_daily_capacity,
            calendar=BusinessCalendar(settings.cobro_country),
            tz=settings.tz,
        )

    def start_of(self, day: date) -> datetime:
        return datetime.combine(day, time(0), self.tz)

    def in_business_hours(self, now: datetime) -> bool:
        """A business day of the team, inside the default calling window."""
        local = now.astimezone(self.tz)
        return self.calendar.is_business_day(local.date()) and (
            self.call_start <= local.time() < self.call_end
        )


@dataclass(frozen=True)
class InvoiceLine:
    number: str
    balance: Decimal
    currency: str
    due_date: date
    days_past_due: int


@dataclass(frozen=True)
class LastNote:
    at: datetime
    author: str
    spoke_with: str | None
    excuse_category: str | None
    excuse: str | None
    agreement: str | None


@dataclass
class DueCall:
    customer_id: int
    external_id: str
    name: str
    reason: Reason
    since: date
    balance: Decimal = ZERO
    overdue: Decimal = ZERO
    currency: str = ""
    invoices: list[InvoiceLine] = field(default_factory=list)
    contact_name: str | None = None
    contact_title: str | None = None
    phone: str | None = None
    window: tuple[time, time] | None = None
    timezone: str | None = None
    last_note: LastNote | None = None
    last_contact: date | None = None
    promises_kept: int = 0
    promises_made: int = 0
    promise_amount: Decimal | None = None
    promise_date: date | None = None
    task_id: int | None = None
    task_text: str | None = None
    escalated: bool = False

    def window_in(self, day: date, policy: AgendaPolicy) -> tuple[time, time, time, time] | None:
        """The customer's calling window, in their time and in the team's (None: same zone)."""
        start, end = self.window or (policy.call_start, policy.call_end)
        if not self.timezone or self.timezone == policy.tz.key:
            return None
        zone = ZoneInfo(self.timezone)
        team = [
            datetime.combine(day, moment, zone).astimezone(policy.tz).time()
            for moment in (start, end)
        ]
        return start, end, team[0], team[1]

    @property
    def step_invoice(self) -> InvoiceLine | None:
        return self.invoices[0] if self.invoices else None


@dataclass
class Agenda:
    day: date
    collector_id: int
    calls: list[DueCall]
    more: int = 0

    @property
    def total(self) -> int:
        return len(self.calls) + self.more


@dataclass
class _Facts:
    """What the rule needs about one customer, gathered in a few set-based queries of plain
    columns (rows, not ORM objects: a collector's day touches thousands of them)."""

    customer: Any
    invoices: list[Any] = field(default_factory=list)
    last_attempt: datetime | None = None
    recent_attempts: int = 0
    promises: list[Any] = field(default_factory=list)
    disputes: list[Any] = field(default_factory=list)


def compute_agenda(
    session: Session, *, collector_id: int, day: date, policy: AgendaPolicy
) -> Agenda:
    return compute_agendas(session, collector_ids=[collector_id], day=day, policy=policy)[
        collector_id
    ]


def compute_agendas(
    session: Session, *, collector_ids: list[int], day: date, policy: AgendaPolicy
) -> dict[int, Agenda]:
    """Several collectors' agendas from one pass over the data: the morning digest reads
    each table once instead of once per collector."""
    facts, owned, tasks = _gather(session, collector_ids, day, policy)
    agendas: dict[int, Agenda] = {}
    shown_all: list[DueCall] = []
    for collector_id in collector_ids:
        mine = owned.get(collector_id, set()) | {cid for (who, cid) in tasks if who == collector_id}
        calls = [
            call
            for cid in mine
            if (call := _due(facts[cid], tasks.get((collector_id, cid)), day, policy)) is not None
        ]
        calls.sort(key=lambda c: (_ORDER.get(c.reason, 2), -c.overdue, c.since, c.name))
        shown, more = calls[: policy.capacity], max(0, len(calls) - policy.capacity)
        shown_all.extend(shown)
        agendas[collector_id] = Agenda(day=day, collector_id=collector_id, calls=shown, more=more)
    _enrich(session, shown_all, facts, day, policy.tz)
    return agendas


def callable_day(customer: Any, day: date, policy: AgendaPolicy) -> bool:
    days = stored_call_days(customer.call_days) if customer.call_days else policy.call_days
    return day.isoweekday() in days and not policy.calendar.is_holiday(day)


@lru_cache(maxsize=65536)
def _next_callable(days: frozenset[int], day: date, calendar: BusinessCalendar) -> date:
    current = day
    for _ in range(30):
        if current.isoweekday() in days and not calendar.is_holiday(current):
            return current
        current += timedelta(days=1)
    return current


def next_callable(customer: Any, day: date, policy: AgendaPolicy) -> date:
    """The first day from `day` on when the customer may be called (memoised: thousands of
    invoices share a handful of calling patterns and due dates)."""
    days = stored_call_days(customer.call_days) if customer.call_days else policy.call_days
    return _next_callable(days, day, policy.calendar)


def _due(f: _Facts, task: Any, day: date, policy: AgendaPolicy) -> DueCall | None:
    customer = f.customer
    if not callable_day(customer, day, policy) or f.recent_attempts >= policy.cap_count:
        return None
    last = f.last_attempt
    base = {
        "customer_id": customer.id,
        "external_id": customer.external_id,
        "name": customer.name,
        "overdue": sum((i.balance for i in f.invoices if i.due_date < day), ZERO),
    }
    for promise in f.promises:
        if promise.status in (PromiseStatus.BROKEN, PromiseStatus.PARTIAL):
            since = promise.broken_at.astimezone(policy.tz).date() if promise.broken_at else day
        elif promise.status == PromiseStatus.PENDING and promise.paid_amount < promise.amount:
            since = broken_on(promise.promised_for, policy.calendar)
            if since > day:
                continue
        else:
            continue
        if last is None or last < policy.start_of(since):
            return DueCall(
                **base,
                reason=Reason.BROKEN_PROMISE,
                since=since,
                promise_amount=promise.amount,
                promise_date=promise.promised_for,
            )
    if task is not None:
        return DueCall(
            **base, reason=Reason.TASK, since=task.due_date, task_id=task.id, task_text=task.text
        )
    if _paused_by_promise(f, day, policy):
        return None
    best: tuple[Step, date, Invoice] | None = None
    paused = {d.invoice_id for d in f.disputes}
    for invoice in f.invoices:
        if None in paused or invoice.id in paused:
            continue
        found = latest_step(
            invoice.due_date, day, policy.steps, lambda d: next_callable(customer, d, policy)
        )
        if found is None or (last is not None and last >= policy.start_of(found[1])):
            continue
        if best is None or (found[0].offset, found[1]) > (best[0].offset, best[1]):
            best = (found[0], found[1], invoice)
    if best is None:
        return None
    step, since, invoice = best
    escalated = (day - invoice.due_date).days >= policy.escalation_days
    return DueCall(**base, reason=step.reason, since=since, escalated=escalated)


def _paused_by_promise(f: _Facts, day: date, policy: AgendaPolicy) -> bool:
    return any(
        p.status == PromiseStatus.PENDING and broken_on(p.promised_for, policy.calendar) > day
        for p in f.promises
    )


def _gather(
    session: Session, collector_ids: list[int], day: date, policy: AgendaPolicy
) -> tuple[dict[int, _Facts], dict[int, set[int]], dict[tuple[int, int], Any]]:
    """Facts of every customer the collectors own or have a call task for; which customers
    each owns; and the first due call task per (assignee, customer)."""
    due_tasks = (
        Task.assignee_id.in_(collector_ids),
        Task.status == TaskStatus.OPEN,
        Task.kind == TaskKind.CALL,
        Task.customer_id.is_not(None),
        Task.due_date <= day,
        or_(
            Task.snoozed_until.is_(None),
            Task.snoozed_until < policy.start_of(day + timedelta(days=1)),
        ),
    )
    tasks: dict[tuple[int, int], Any] = {}
    for task in session.execute(
        select(Task.id, Task.assignee_id, Task.customer_id, Task.text, Task.due_date)
        .where(*due_tasks)
        .order_by(Task.due_date, Task.due_time, Task.id)
    ):
        tasks.setdefault((task.assignee_id, task.customer_id), task)
    columns = (
        Customer.id,
        Customer.collector_id,
        Customer.external_id,
        Customer.name,
        Customer.timezone,
        Customer.call_days,
        Customer.call_start,
        Customer.call_end,
    )
    # Owned customers and task customers in two indexed lookups: an OR of the two would
    # make SQLite scan every customer.
    customers = list(
        session.execute(select(*columns).where(Customer.collector_id.in_(collector_ids)))
    )
    extra = list({cid for _, cid in tasks} - {c.id for c in customers})
    if extra:
        customers += session.execute(
            select(*columns).where(in_ids(session, Customer.id, extra))
        ).all()
    facts = {c.id: _Facts(customer=c) for c in customers}
    owned: dict[int, set[int]] = defaultdict(set)
    for c in customers:
        if c.collector_id is not None:
            owned[c.collector_id].add(c.id)
    if not facts:
        return facts, owned, tasks
    # One collector: their few hundred ids, so PostgreSQL walks the indexes. Many (the
    # digest): a subquery, so each table is read once, with nothing to bind.
    ids: Any = (
        list(facts)
        if len(collector_ids) == 1
        else select(Customer.id)
        .where(
            or_(
                Customer.collector_id.in_(collector_ids),
                Customer.id.in_(select(Task.customer_id).where(*due_tasks)),
            )
        )
        .scalar_subquery()
    )
    for invoice in session.execute(
        select(
            Invoice.id,
            Invoice.customer_id,
            Invoice.number,
            Invoice.due_date,
            Invoice.balance,
            Invoice.currency,
        )
        .where(in_ids(session, Invoice.customer_id, ids), Invoice.balance > ZERO)
        .order_by(Invoice.due_date)
    ):
        facts[invoice.customer_id].invoices.append(invoice)
    for customer_id, last in session.execute(
        select(ContactAttempt.customer_id, func.max(ContactAttempt.at))
        .where(in_ids(session, ContactAttempt.customer_id, ids))
        .group_by(ContactAttempt.customer_id)
    ):
        facts[customer_id].last_attempt = last
    window_start = policy.start_of(day - timedelta(days=policy.cap_days - 1))
    window_end = policy.start_of(day + timedelta(days=1))
    for customer_id, count in session.execute(
        select(ContactAttempt.customer_id, func.count())
        .where(
            in_ids(session, ContactAttempt.customer_id, ids),
            ContactAttempt.at >= window_start,
            ContactAttempt.at < window_end,
        )
        .group_by(ContactAttempt.customer_id)
    ):
        facts[customer_id].recent_attempts = count
    for promise in session.execute(
        select(
            PaymentPromise.customer_id,
            PaymentPromise.status,
            PaymentPromise.amount,
            PaymentPromise.paid_amount,
            PaymentPromise.promised_for,
            PaymentPromise.broken_at,
        )
        .where(in_ids(session, PaymentPromise.customer_id, ids))
        .order_by(PaymentPromise.promised_for)
    ):
        facts[promise.customer_id].promises.append(promise)
    for dispute in session.execute(
        select(Dispute.customer_id, Dispute.invoice_id).where(
            in_ids(session, Dispute.customer_id, ids), Dispute.resolved_at.is_(None)
        )
    ):
        facts[dispute.customer_id].disputes.append(dispute)
    return facts, owned, tasks


def _enrich(
    session: Session, calls: list[DueCall], facts: dict[int, _Facts], day: date, tz: ZoneInfo
) -> None:
    """What the collector needs on screen, fetched only for the calls shown."""
    if not calls:
        return
    ids = [c.customer_id for c in calls]
    contacts: dict[int, Contact] = {}
    for contact in session.scalars(
        select(Contact)
        .where(in_ids(session, Contact.customer_id, ids))
        .order_by(Contact.decision_maker.desc(), Contact.id)
    ):
        contacts.setdefault(contact.customer_id, contact)
    latest = (
        select(
            Note.id,
            func.row_number()
            .over(partition_by=Note.customer_id, order_by=(Note.created_at.desc(), Note.id.desc()))
            .label("rank"),
        )
        .where(in_ids(session, Note.customer_id, ids))
        .subquery()
    )
    notes: dict[int, LastNote] = {}
    for row in session.execute(
        select(
            Note.customer_id,
            Note.created_at,
            TeamMember.name,
            Note.spoke_with,
            Note.excuse_category,
            Note.excuse,
            Note.agreement,
        )
        .join(latest, latest.c.id == Note.id)
        .join(TeamMember, TeamMember.id == Note.author_id)
        .where(latest.c.rank == 1)
    ):
        notes[row.customer_id] = LastNote(
            row.created_at,
            row.name,
            row.spoke_with,
            row.excuse_category.value if row.excuse_category else None,
            row.excuse,
            row.agreement,
        )
    for call in calls:
        f = facts[call.customer_id]
        customer = f.customer
        call.invoices = [
            InvoiceLine(i.number, i.balance, i.currency, i.due_date, (day - i.due_date).days)
            for i in sorted(f.invoices, key=lambda i: i.due_date)
        ]
        call.balance = sum((i.balance for i in f.invoices), ZERO)
        call.currency = f.invoices[0].currency if f.invoices else ""
        contact = contacts.get(call.customer_id)
        if contact is not None:
            call.contact_name, call.contact_title, call.phone = (
                contact.name,
                contact.title,
                contact.phone,
            )
        if customer.call_start and customer.call_end:
            call.window = (customer.call_start, customer.call_end)
        call.timezone = customer.timezone
        call.last_note = notes.get(call.customer_id)
        if f.last_attempt is not None:
            call.last_contact = f.last_attempt.astimezone(tz).date()
        call.promises_made = len(f.promises)
        call.promises_kept = sum(p.status == PromiseStatus.KEPT for p in f.promises)
