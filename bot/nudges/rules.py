"""Nudges: reminding the right person at the right time, escalating what slips. Pure.

- a task reaching its due time (its date and time; the start of the calling day when it has
  no time): one DM to the assignee;
- a task overdue: one DM to the assignee each business morning until it is done or
  postponed; overdue `COBRO_TASK_ESCALATION_DAYS` business days: escalated once to its
  supervisor, by DM and in the supervisors' channel;
- a promise falling due: the collector is reminded the business day before, and on the day
  (the next business day when the date is not one) to check the money arrived;
- a promise whose date plus one business day of grace passed without enough payment: marked
  broken (partially kept when some money came), the collector told in the thread of the
  call's confirmation; still broken a business day later with no call since: escalated to
  the collector's supervisor.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, time
from decimal import Decimal
from enum import StrEnum

from bot.core.policy import Policy
from bot.core.vocabulary import PromiseStatus
from bot.ports import Recipient
from bot.promises.rules import broken_on
from bot.tasks.rules import TaskView

PROMISE_WINDOW_DAYS = 10  # how far back and ahead promises are looked at


class TaskKindOfNudge(StrEnum):
    DUE = "due"
    OVERDUE = "overdue"
    ESCALATED = "escalated"


class PromiseKindOfNudge(StrEnum):
    EVE = "eve"
    DAY = "day"
    BROKEN = "broken"
    ESCALATED = "escalated"


@dataclass(frozen=True)
class TaskNudge:
    kind: TaskKindOfNudge
    task: TaskView
    days_overdue: int = 0


@dataclass(frozen=True)
class PromiseNudge:
    kind: PromiseKindOfNudge
    promise_id: int
    customer_id: int
    customer: str
    amount: Decimal
    paid: Decimal
    currency: str
    promised_for: date
    collector: Recipient
    status: PromiseStatus = PromiseStatus.PENDING


@dataclass
class NudgeResult:
    ran: bool
    reason: str = ""
    written: Counter[str] = field(default_factory=Counter)


def task_is_awake(snoozed_until: datetime | None, now: datetime) -> bool:
    return snoozed_until is None or snoozed_until <= now


def task_due_moment(day: date, at: time | None, policy: Policy) -> tuple[datetime, time]:
    """When a task falls due: its time, or the start of the calling day."""
    moment = at or policy.call_start
    return datetime.combine(day, moment, policy.tz), moment


def task_escalates(days_late: int, policy: Policy) -> bool:
    return days_late >= policy.task_escalation_days


def pending_promise_nudge(
    promised_for: date, paid: Decimal, amount: Decimal, today: date, policy: Policy
) -> PromiseKindOfNudge | None:
    """What a pending promise calls for today: broken, the eve reminder, the day's check."""
    calendar = policy.calendar
    if today >= broken_on(promised_for, calendar) and paid < amount:
        return PromiseKindOfNudge.BROKEN
    if today == calendar.previous_business_day(promised_for):
        return PromiseKindOfNudge.EVE
    if today == calendar.next_business_day(promised_for):
        return PromiseKindOfNudge.DAY
    return None


def broken_promise_escalates(
    broken_at: datetime | None, last_call: datetime | None, today: date, policy: Policy
) -> bool:
    """Still broken a business day after it broke, and nobody has called since."""
    if broken_at is None:
        return False
    broke = broken_at.astimezone(policy.tz).date()
    if today < policy.calendar.add_business_days(broke, 1):
        return False
    return last_call is None or last_call < broken_at
