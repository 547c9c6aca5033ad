"""The due index's pure side: until when the due rule's answer for a customer holds by the
mere passing of time, and what of that answer is kept.

The rule (`bot.agenda.rules.due`) stays the one source of truth; this module never decides
whether a call is due. It names the first day on which, with the same facts, the answer
can change: a dunning step reached, an invoice falling past due or into escalation, a
pending promise's grace running out, a task coming due or waking from a snooze, the contact
cap's window sliding, the customer's calling days turning. Earlier than needed is only
work; later would be wrong, so every bound here errs early.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from functools import lru_cache

from bot.agenda.rules import CustomerFacts, DueCall, Facts, TaskFact, due, next_callable, order_key
from bot.core.calendar import BusinessCalendar, stored_call_days
from bot.core.policy import Policy
from bot.core.vocabulary import PromiseStatus
from bot.promises.rules import broken_on

_CALLABLE_HORIZON = 14  # days looked ahead for a change of the customer's calling days


@dataclass(frozen=True, slots=True)
class CallTask:
    """An open call task (or payment-plan offer) of a customer, due or not yet."""

    id: int
    assignee_id: int
    customer_id: int
    text: str
    due_date: date
    snoozed_until: datetime | None


@dataclass(frozen=True, slots=True)
class Entry:
    """What is kept of the rule's answer for one (collector, customer) on `computed_for`."""

    collector_id: int
    customer_id: int
    computed_for: date
    recheck_on: date | None
    call: DueCall | None


def rule_key(policy: Policy) -> str:
    """The team rules an answer depends on (capacity is applied when reading, not here)."""
    parts = (
        tuple((s.offset, s.reason.value) for s in policy.steps),
        policy.escalation_days,
        tuple(sorted(policy.call_days)),
        policy.cap_count,
        policy.cap_days,
        policy.calendar.country,
        policy.tz.key,
    )
    return hashlib.sha1(repr(parts).encode()).hexdigest()[:16]


def is_task_due(task: CallTask, day: date, policy: Policy) -> bool:
    """The agenda's own reading of a due call task: due by `day`, not snoozed past it."""
    return task.due_date <= day and (
        task.snoozed_until is None or task.snoozed_until < policy.start_of(day + timedelta(days=1))
    )


def first_due_task(tasks: list[CallTask], day: date, policy: Policy) -> TaskFact | None:
    """The first due task of the list, which comes in the agenda's order."""
    for task in tasks:
        if is_task_due(task, day, policy):
            return TaskFact(task.id, task.text, task.due_date)
    return None


@lru_cache(maxsize=4096)
def _callable_turns(days: frozenset[int], day: date, calendar: BusinessCalendar) -> date | None:
    """The first business day after `day` on which being callable differs from `day`'s."""

    def callable_on(d: date) -> bool:
        return d.isoweekday() in days and not calendar.is_holiday(d)

    now = callable_on(day)
    for ahead in range(1, _CALLABLE_HORIZON + 1):
        current = day + timedelta(days=ahead)
        if calendar.is_business_day(current) and callable_on(current) != now:
            return current
    return None


def recheck_on(f: Facts, tasks: list[CallTask], day: date, policy: Policy) -> date | None:
    """The first day after `day` on which `due` may answer otherwise for the same facts;
    None when only a change of the facts can change it. Valid for business days: a reader
    on another day recomputes."""
    return _earliest(facts_recheck(f, day, policy), tasks_recheck(tasks, day, policy))


def _earliest(*days: date | None) -> date | None:
    found = [d for d in days if d is not None]
    return min(found) if found else None


def facts_recheck(f: Facts, day: date, policy: Policy) -> date | None:
    """`recheck_on` for what the customer's own facts make of the passing days."""
    tomorrow = day + timedelta(days=1)
    customer = f.customer
    days = stored_call_days(customer.call_days) if customer.call_days else policy.call_days
    found = _callable_turns(days, day, policy.calendar)
    if f.last_attempt is not None and f.last_attempt >= policy.start_of(
        day - timedelta(days=policy.cap_days - 1)
    ):
        return tomorrow  # the contact cap's window slides every day
    for promise in f.promises:
        when: date | None = None
        if promise.status in (PromiseStatus.BROKEN, PromiseStatus.PARTIAL):
            if promise.broken_at is None:
                return tomorrow  # broken "since today", whatever today is
        elif promise.status == PromiseStatus.PENDING:
            when = broken_on(promise.promised_for, policy.calendar)
        if when is not None and when > day and (found is None or when < found):
            found = when
    # A step moved past a day the customer cannot be called lands at most this far ahead.
    moved = day - timedelta(days=_CALLABLE_HORIZON)
    for invoice in f.invoices:
        due_date = invoice.due_date
        candidates = [due_date + timedelta(days=policy.escalation_days)]
        if due_date >= day:
            candidates.append(due_date + timedelta(days=1))  # falls past due
        for step in policy.steps:
            raw = due_date + timedelta(days=step.offset)
            if raw > day:
                candidates.append(raw)
            elif raw > moved:
                candidates.append(next_callable(customer, raw, policy))
        for when in candidates:
            if when > day and (found is None or when < found):
                found = when
    return found


def tasks_recheck(tasks: list[CallTask], day: date, policy: Policy) -> date | None:
    """`recheck_on` for a collector's call tasks of the customer: when one not due yet
    comes due or wakes from its snooze."""
    found: date | None = None
    for task in tasks:
        if not is_task_due(task, day, policy):
            wakes = task.due_date
            if task.snoozed_until is not None:
                wakes = max(wakes, task.snoozed_until.astimezone(policy.tz).date())
            wakes = max(wakes, day + timedelta(days=1))
            found = wakes if found is None else min(found, wakes)
    return found


def order_columns(call: DueCall) -> tuple[int, Decimal, date, str]:
    """The order key as stored: priority, overdue (largest first when read), since, name."""
    priority, minus_overdue, since, name = order_key(call)
    return priority, -minus_overdue, since, name


def entries_of(
    facts: dict[int, Facts], tasks: dict[int, list[CallTask]], day: date, policy: Policy
) -> list[Entry]:
    """The rule's answer on `day` for every (collector, customer) of these customers: the
    owner, and whoever has an open call task for them (a colleague's customer is theirs
    only on the days such a task is due, as in the agenda)."""
    entries: list[Entry] = []
    for customer_id, f in facts.items():
        by_assignee: dict[int, list[CallTask]] = {}
        for task in tasks.get(customer_id, []):
            by_assignee.setdefault(task.assignee_id, []).append(task)
        owner = f.customer.collector_id
        own = facts_recheck(f, day, policy)
        for collector_id in sorted(set(by_assignee) | ({owner} if owner is not None else set())):
            mine = by_assignee.get(collector_id, [])
            fact = first_due_task(mine, day, policy)
            call = due(f, fact, day, policy) if collector_id == owner or fact else None
            entries.append(
                Entry(
                    collector_id,
                    customer_id,
                    day,
                    _earliest(own, tasks_recheck(mine, day, policy)),
                    call,
                )
            )
    return entries


def resting_entries(
    customers: list[CustomerFacts], tasks: dict[int, list[CallTask]], day: date, policy: Policy
) -> list[Entry]:
    """Entries of customers who cannot be called on `day`: the rule's first answer for them
    is "not due", whatever their facts, until the next business day they can be called."""
    entries: list[Entry] = []
    for customer in customers:
        days = stored_call_days(customer.call_days) if customer.call_days else policy.call_days
        turn = _callable_turns(days, day, policy.calendar)
        collectors = {t.assignee_id for t in tasks.get(customer.id, [])}
        if customer.collector_id is not None:
            collectors.add(customer.collector_id)
        entries += [Entry(cid, customer.id, day, turn, None) for cid in sorted(collectors)]
    return entries
