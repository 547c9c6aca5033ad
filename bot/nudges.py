"""Nudges: reminding the right person at the right time, escalating what slips, once.

Run every 15 minutes in the team's business hours (`run_nudges`). Each nudge becomes an
outbox row whose dedupe key names the item, the kind and the day, so however often the job
runs and however many replicas run it, a nudge is written once; outside business hours,
on weekends and holidays nothing is written, and the first run of the next business
morning catches up.

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
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any, Literal, Protocol

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from bot.agenda import AgendaPolicy
from bot.calendar import BusinessCalendar
from bot.config import Settings
from bot.customers import currencies_of
from bot.jobs import RunTaken, claimed_run
from bot.ports import Recipient
from bot.promises import broken_on, transition
from bot.tasks import TaskView, views_of
from bot.team import recipient_of
from models import ContactAttempt, Customer, Note, PaymentPromise, Task, TeamMember
from models.enums import PromiseStatus, TaskStatus

PERIOD_MINUTES = 15
PROMISE_WINDOW_DAYS = 10  # how far back and ahead promises are looked at


@dataclass(frozen=True)
class TaskNudge:
    kind: Literal["due", "overdue", "escalated"]
    task: TaskView
    days_overdue: int = 0


@dataclass(frozen=True)
class PromiseNudge:
    kind: Literal["eve", "day", "broken", "escalated"]
    promise_id: int
    customer_id: int
    customer: str
    amount: Decimal
    paid: Decimal
    currency: str
    promised_for: date
    collector: Recipient
    status: PromiseStatus = PromiseStatus.PENDING


class NudgeNotifier(Protocol):
    """Writes a nudge as an outbox row in the caller's session; True when it was new."""

    def task_nudge(self, session: Any, nudge: TaskNudge, *, key: str, to: Recipient) -> bool: ...

    def promise_nudge(
        self,
        session: Any,
        nudge: PromiseNudge,
        *,
        key: str,
        to: Recipient,
        thread_of: str | None = None,
    ) -> bool: ...

    def escalation_to_channel(
        self,
        session: Any,
        nudge: TaskNudge | PromiseNudge,
        *,
        key: str,
        channel: str,
        details: bool,
    ) -> bool: ...


@dataclass
class NudgeResult:
    ran: bool
    reason: str = ""
    written: Counter[str] = field(default_factory=Counter)


def period_of(now: datetime, policy: AgendaPolicy) -> str:
    local = now.astimezone(policy.tz)
    minute = local.minute - local.minute % PERIOD_MINUTES
    return f"{local.date().isoformat()}T{local.hour:02d}:{minute:02d}"


def run_nudges(
    db: sessionmaker[Session],
    settings: Settings,
    notifier: NudgeNotifier,
    now: datetime,
    *,
    channel_is_private: bool = False,
) -> NudgeResult:
    """One round of nudges (see the module docstring); a period runs once. Customer names
    and amounts go to the supervisors' channel only when it is private."""
    policy = AgendaPolicy.from_settings(settings)
    if not policy.in_business_hours(now):
        return NudgeResult(ran=False, reason="outside_business_hours")
    result = NudgeResult(ran=True)
    try:
        with claimed_run(db, "nudges", period_of(now, policy), now) as session:
            round_ = _Round(session, settings, policy, notifier, now, result.written)
            round_.details = channel_is_private
            round_.tasks()
            round_.promises()
    except RunTaken:
        return NudgeResult(ran=False, reason="already_ran")
    return result


class _Round:
    """One run's state: the session, the day, and who is who."""

    def __init__(
        self,
        session: Session,
        settings: Settings,
        policy: AgendaPolicy,
        notifier: NudgeNotifier,
        now: datetime,
        written: Counter[str],
    ) -> None:
        self.session = session
        self.settings = settings
        self.policy = policy
        self.calendar: BusinessCalendar = policy.calendar
        self.notifier = notifier
        self.now = now
        self.today = now.astimezone(policy.tz).date()
        self.written = written
        self.channel = settings.cobro_supervisors_channel
        # The team is small: everyone, once.
        self._members: dict[int, TeamMember | None] = {
            m.id: m for m in session.scalars(select(TeamMember))
        }
        self._currencies: dict[int, str] = {}
        self._last_call: dict[int, datetime] = {}
        self.details = False

    def member(self, member_id: int | None) -> TeamMember | None:
        if member_id is None:
            return None
        if member_id not in self._members:
            self._members[member_id] = self.session.get(TeamMember, member_id)
        return self._members[member_id]

    def recipient(self, member: TeamMember) -> Recipient:
        return recipient_of(member, self.settings.cobro_language)

    def count(self, kind: str, written: bool) -> None:
        if written:
            self.written[kind] += 1

    # -------------------------------------------------------------- tasks

    def tasks(self) -> None:
        open_tasks = self.session.scalars(
            select(Task).where(Task.status == TaskStatus.OPEN, Task.due_date <= self.today)
        ).all()
        due = [t for t in open_tasks if t.snoozed_until is None or t.snoozed_until <= self.now]
        for task, view in zip(
            due, views_of(self.session, due, self.settings.cobro_language), strict=True
        ):
            assignee = self.member(task.assignee_id)
            if assignee is None or not assignee.active:
                continue
            if task.due_date == self.today:
                self._task_due(task, view, assignee)
            else:
                self._task_overdue(task, view, assignee)

    def _task_due(self, task: Task, view: TaskView, assignee: TeamMember) -> None:
        at = task.due_time or self.policy.call_start
        if datetime.combine(task.due_date, at, self.policy.tz) > self.now:
            return
        key = f"task:{task.id}:due:{task.due_date.isoformat()}T{at:%H%M}"
        nudge = TaskNudge("due", view)
        self.count(
            "task_due",
            self.notifier.task_nudge(self.session, nudge, key=key, to=self.recipient(assignee)),
        )

    def _task_overdue(self, task: Task, view: TaskView, assignee: TeamMember) -> None:
        late = self.calendar.business_days_between(task.due_date, self.today)
        nudge = TaskNudge("overdue", view, late)
        key = f"task:{task.id}:overdue:{self.today.isoformat()}"
        self.count(
            "task_overdue",
            self.notifier.task_nudge(self.session, nudge, key=key, to=self.recipient(assignee)),
        )
        if late < self.settings.cobro_task_escalation_days:
            return
        supervisor = self.member(task.supervisor_id) or self.member(assignee.supervisor_id)
        escalation = TaskNudge("escalated", view, late)
        key = f"task:{task.id}:escalated:{task.due_date.isoformat()}"
        if supervisor is not None and supervisor.active:
            self.count(
                "task_escalated",
                self.notifier.task_nudge(
                    self.session, escalation, key=key, to=self.recipient(supervisor)
                ),
            )
        if self.channel:
            self.notifier.escalation_to_channel(
                self.session,
                escalation,
                key=f"{key}:channel",
                channel=self.channel,
                details=self.details,
            )

    # ----------------------------------------------------------- promises

    def promises(self) -> None:
        window = timedelta(days=PROMISE_WINDOW_DAYS)
        rows = self.session.execute(
            select(PaymentPromise, Customer.name)
            .join(Customer, Customer.id == PaymentPromise.customer_id)
            .where(
                PaymentPromise.status.in_(
                    [PromiseStatus.PENDING, PromiseStatus.BROKEN, PromiseStatus.PARTIAL]
                ),
                PaymentPromise.promised_for >= self.today - window * 3,
                PaymentPromise.promised_for <= self.today + window,
            )
            .order_by(PaymentPromise.id)
        ).all()
        ids = list({promise.customer_id for promise, _ in rows})
        self._currencies = currencies_of(self.session, ids)
        self._last_call = dict(
            self.session.execute(
                select(ContactAttempt.customer_id, func.max(ContactAttempt.at))
                .where(ContactAttempt.customer_id.in_(ids))
                .group_by(ContactAttempt.customer_id)
            ).all()
        )
        for promise, customer in rows:
            collector = self.member(promise.collector_id)
            if collector is None or not collector.active:
                continue
            if promise.status == PromiseStatus.PENDING:
                self._pending(promise, customer, collector)
            else:
                self._escalate_broken(promise, customer, collector)

    def _nudge(
        self, kind: Any, promise: PaymentPromise, customer: str, collector: TeamMember
    ) -> PromiseNudge:
        currency = self._currencies.get(promise.customer_id)
        return PromiseNudge(
            kind,
            promise.id,
            promise.customer_id,
            customer,
            promise.amount,
            promise.paid_amount,
            currency or self.settings.cobro_currency,
            promise.promised_for,
            self.recipient(collector),
            promise.status,
        )

    def _pending(self, promise: PaymentPromise, customer: str, collector: TeamMember) -> None:
        day = promise.promised_for
        if self.today >= broken_on(day, self.calendar) and promise.paid_amount < promise.amount:
            self._break(promise, customer, collector)
            return
        check_day = self.calendar.next_business_day(day)
        eve = self.calendar.previous_business_day(day)
        to = self.recipient(collector)
        if self.today == eve:
            nudge = self._nudge("eve", promise, customer, collector)
            key = f"promise:{promise.id}:eve:{day.isoformat()}"
            self.count(
                "promise_eve", self.notifier.promise_nudge(self.session, nudge, key=key, to=to)
            )
        elif self.today == check_day:
            nudge = self._nudge("day", promise, customer, collector)
            key = f"promise:{promise.id}:day:{day.isoformat()}"
            self.count(
                "promise_day", self.notifier.promise_nudge(self.session, nudge, key=key, to=to)
            )

    def _break(self, promise: PaymentPromise, customer: str, collector: TeamMember) -> None:
        event = "grace_passed_part_paid" if promise.paid_amount > 0 else "grace_passed_unpaid"
        transition(promise, event, self.now)
        nudge = self._nudge("broken", promise, customer, collector)
        self.count(
            "promise_broken",
            self.notifier.promise_nudge(
                self.session,
                nudge,
                key=f"promise:{promise.id}:broken",
                to=self.recipient(collector),
                thread_of=self._confirmation_of(promise),
            ),
        )

    def _confirmation_of(self, promise: PaymentPromise) -> str | None:
        """The outbox key of the confirmation of the call that got this promise, so the
        broken-promise message lands in its thread."""
        if promise.note_id is None:
            return None
        attempt_id = self.session.scalar(select(Note.attempt_id).where(Note.id == promise.note_id))
        return f"call:{attempt_id}:confirm" if attempt_id else None

    def _escalate_broken(
        self, promise: PaymentPromise, customer: str, collector: TeamMember
    ) -> None:
        if promise.broken_at is None:
            return
        broke = promise.broken_at.astimezone(self.policy.tz).date()
        if self.today < self.calendar.add_business_days(broke, 1):
            return
        last_call = self._last_call.get(promise.customer_id)
        if last_call is not None and last_call >= promise.broken_at:
            return  # somebody called since it broke
        nudge = self._nudge("escalated", promise, customer, collector)
        key = f"promise:{promise.id}:escalated"
        supervisor = self.member(collector.supervisor_id)
        if supervisor is not None and supervisor.active:
            self.count(
                "promise_escalated",
                self.notifier.promise_nudge(
                    self.session, nudge, key=key, to=self.recipient(supervisor)
                ),
            )
        if self.channel:
            self.notifier.escalation_to_channel(
                self.session,
                nudge,
                key=f"{key}:channel",
                channel=self.channel,
                details=self.details,
            )
