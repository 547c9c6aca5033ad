"""The due rule: which of a collector's customers must be called on business day D, and in
which order. Pure: facts in, due calls out; no session, no clock.

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

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from functools import lru_cache
from zoneinfo import ZoneInfo

from bot.core.calendar import BusinessCalendar, stored_call_days
from bot.core.dunning import Reason, Step, latest_step
from bot.core.policy import Policy
from bot.core.vocabulary import PromiseStatus
from bot.customers.rules import InvoiceLine
from bot.promises.rules import PromiseLine, broken_on
from bot.tasks.rules import TaskLine

ZERO = Decimal("0")
_ORDER = {Reason.BROKEN_PROMISE: 0, Reason.TASK: 1}


@dataclass(frozen=True, slots=True)
class CustomerFacts:
    id: int
    collector_id: int | None
    external_id: str
    name: str
    timezone: str | None
    call_days: str | None
    call_start: time | None
    call_end: time | None
    credit_hold: bool = False


@dataclass(frozen=True, slots=True)
class InvoiceFact:
    id: int
    number: str
    due_date: date
    balance: Decimal
    currency: str


@dataclass(frozen=True, slots=True)
class PromiseFact:
    status: PromiseStatus
    amount: Decimal
    paid_amount: Decimal
    promised_for: date
    broken_at: datetime | None


@dataclass(frozen=True, slots=True)
class TaskFact:
    id: int
    text: str
    due_date: date


@dataclass(slots=True)
class Facts:
    """What the rule needs about one customer."""

    customer: CustomerFacts
    invoices: list[InvoiceFact] = field(default_factory=list)
    last_attempt: datetime | None = None
    recent_attempts: int = 0
    promises: list[PromiseFact] = field(default_factory=list)
    # Open disputes: the invoice each pauses, None for all of the customer's invoices.
    disputed: set[int | None] = field(default_factory=set)


@dataclass(frozen=True)
class LastNote:
    at: datetime
    author: str
    spoke_with: str | None
    excuse_category: str | None
    excuse: str | None
    agreement: str | None
    conversations: int = 1  # how many notes the customer has: how often we talked


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
    credit_hold: bool = False  # a supervisor held the customer's credit: sell only cash
    rank: str | None = None  # A, B or C: how hard the script presses

    def window_in(self, day: date, policy: Policy) -> tuple[time, time, time, time] | None:
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


def callable_day(customer: CustomerFacts, day: date, policy: Policy) -> bool:
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


def next_callable(customer: CustomerFacts, day: date, policy: Policy) -> date:
    """The first day from `day` on when the customer may be called (memoised: thousands of
    invoices share a handful of calling patterns and due dates)."""
    days = stored_call_days(customer.call_days) if customer.call_days else policy.call_days
    return _next_callable(days, day, policy.calendar)


def due(f: Facts, task: TaskFact | None, day: date, policy: Policy) -> DueCall | None:
    """The call due for this customer on `day`, or None (see the module docstring)."""
    customer = f.customer
    if not callable_day(customer, day, policy) or f.recent_attempts >= policy.cap_count:
        return None
    last = f.last_attempt
    overdue = sum((i.balance for i in f.invoices if i.due_date < day), ZERO)

    def call(reason: Reason, since: date) -> DueCall:
        return DueCall(
            customer_id=customer.id,
            external_id=customer.external_id,
            name=customer.name,
            reason=reason,
            since=since,
            overdue=overdue,
            credit_hold=customer.credit_hold,
        )

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
            broken = call(Reason.BROKEN_PROMISE, since)
            broken.promise_amount, broken.promise_date = promise.amount, promise.promised_for
            return broken
    if task is not None:
        follow_up = call(Reason.TASK, task.due_date)
        follow_up.task_id, follow_up.task_text = task.id, task.text
        return follow_up
    if paused_by_promise(f, day, policy):
        return None
    best: tuple[Step, date, InvoiceFact] | None = None
    for invoice in f.invoices:
        if None in f.disputed or invoice.id in f.disputed:
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
    dunning = call(step.reason, since)
    dunning.escalated = (day - invoice.due_date).days >= policy.escalation_days
    return dunning


def paused_by_promise(f: Facts, day: date, policy: Policy) -> bool:
    return any(
        p.status == PromiseStatus.PENDING and broken_on(p.promised_for, policy.calendar) > day
        for p in f.promises
    )


def order_key(call: DueCall) -> tuple[int, Decimal, date, str]:
    """Broken promises first, then tasks, then dunning by overdue balance, largest first."""
    return (_ORDER.get(call.reason, 2), -call.overdue, call.since, call.name)


def cut(calls: list[DueCall], capacity: int) -> tuple[list[DueCall], int]:
    """The calls a collector can make today, and how many more are due."""
    ordered = sorted(calls, key=order_key)
    return ordered[:capacity], max(0, len(ordered) - capacity)


# ------------------------------------------------------------ the supervisors' summary


@dataclass
class CollectorLine:
    """One collector in the morning summary: today's calls, and yesterday's plan against
    what was done (`planned_yesterday` None: no plan was kept for that day)."""

    member_id: int
    name: str
    shown: int
    total: int
    broken: int
    planned_yesterday: int | None = None
    done_yesterday: int = 0


@dataclass
class Account:
    name: str
    overdue: Decimal
    currency: str
    collector: str | None
    customer_id: int = 0  # what a supervisor's select or button acts on
    credit_hold: bool = False


@dataclass
class DigestSummary:
    day: date
    collectors: list[CollectorLine] = field(default_factory=list)
    broken_promises: int = 0
    overdue: dict[str, Decimal] = field(default_factory=dict)
    orphans: list[Account] = field(default_factory=list)
    escalated: list[Account] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    details: bool = False
    yesterday: date | None = None


def overdue_by_currency(calls: list[DueCall], default: str) -> dict[str, Decimal]:
    """The overdue balance of the calls, per currency: each invoice past due counts in its
    own currency, so pesos and dollars are never added up."""
    found: dict[str, Decimal] = {}
    for call in calls:
        if not call.invoices:
            if call.overdue:
                key = call.currency or default
                found[key] = found.get(key, ZERO) + call.overdue
            continue
        for invoice in call.invoices:
            if invoice.days_past_due > 0:
                key = invoice.currency or default
                found[key] = found.get(key, ZERO) + invoice.balance
    return found


def summarise(
    day: date,
    collectors: list[tuple[int, str]],
    agendas: dict[int, Agenda],
    currency: str,
    *,
    yesterday: date | None = None,
    done: dict[int, tuple[int | None, int]] | None = None,
) -> tuple[DigestSummary, set[int]]:
    """The supervisors' view of the morning from the agendas, every collector listed even
    with nothing due, with yesterday's planned calls against the calls logged (`done`:
    member id → (planned or None, logged)); and the customers due today (to tell orphan
    accounts apart)."""
    summary = DigestSummary(day=day, yesterday=yesterday)
    due_today: set[int] = set()
    done = done or {}
    for member_id, name in collectors:
        agenda = agendas[member_id]
        due_today |= {c.customer_id for c in agenda.calls}
        broken = sum(c.reason == Reason.BROKEN_PROMISE for c in agenda.calls)
        planned, logged = done.get(member_id, (None, 0))
        summary.collectors.append(
            CollectorLine(member_id, name, len(agenda.calls), agenda.total, broken, planned, logged)
        )
        summary.broken_promises += broken
        for key, amount in overdue_by_currency(agenda.calls, currency).items():
            summary.overdue[key] = summary.overdue.get(key, ZERO) + amount
    return summary, due_today


@dataclass(frozen=True)
class TodayResult:
    agenda: Agenda
    collector_name: str
    shifted: bool
    for_someone_else: bool


@dataclass(frozen=True)
class DoneCall:
    """A call logged today: when (the team's time) and to whom."""

    at: time
    customer: str


@dataclass(frozen=True)
class MyDay:
    """The Home tab's facts. The lists may be cut short; the totals never are, so what is
    not shown is counted, never dropped in silence."""

    agenda: Agenda
    name: str
    tasks: list[TaskLine]
    promises_due: list[PromiseLine]
    tasks_total: int = 0
    done: list[DoneCall] = field(default_factory=list)

    @property
    def progress(self) -> tuple[int, int]:
        """Calls done today of the day's calls (done and still to do): "7 de 12"."""
        return len(self.done), len(self.done) + self.agenda.total
