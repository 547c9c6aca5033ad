"""One round of nudges (see bot.nudges.rules), run every 15 minutes in the team's business
hours. Each nudge becomes an outbox row whose key names the item, the kind and the day, so
however often the job runs and however many replicas run it, a nudge is written once;
outside business hours, on weekends and holidays nothing is written, and the first run of
the next business morning catches up."""

from __future__ import annotations

from collections import Counter
from datetime import datetime

from sqlalchemy.orm import Session

from bot.core.db import Db
from bot.core.i18n import Lang
from bot.core.policy import Policy
from bot.core.vocabulary import PromiseStatus
from bot.customers import queries as customers
from bot.jobs.rules import nudge_period
from bot.jobs.service import RunTaken, claimed_run
from bot.nudges import queries
from bot.nudges.rules import (
    NudgeResult,
    PromiseKindOfNudge,
    PromiseNudge,
    TaskKindOfNudge,
    TaskNudge,
    broken_promise_escalates,
    pending_promise_nudge,
    task_due_moment,
    task_escalates,
    task_is_awake,
)
from bot.outbox import keys
from bot.outbox.rules import end_of_calling_day
from bot.outbox.service import enqueue
from bot.ports import Message, Notifier, Recipient
from bot.promises import queries as promises
from bot.promises.rules import grace_event
from bot.tasks import queries as tasks
from bot.tasks.rules import TaskView
from bot.team import queries as team
from bot.team.rules import Person, recipient_of
from models import PaymentPromise, Task


def run_nudges(
    db: Db,
    *,
    policy: Policy,
    notifier: Notifier,
    now: datetime,
    lang: Lang,
    currency: str,
    channel: str | None,
    channel_is_private: bool = False,
) -> NudgeResult:
    """One round; a period runs once. Customer names and amounts go to the supervisors'
    channel only when it is private."""
    if not policy.in_business_hours(now):
        return NudgeResult(ran=False, reason="outside_business_hours")
    result = NudgeResult(ran=True)
    try:
        with claimed_run(db, "nudges", nudge_period(now, policy), now) as session:
            round_ = _Round(session, policy, notifier, now, lang, currency, result.written)
            round_.channel = channel
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
        policy: Policy,
        notifier: Notifier,
        now: datetime,
        lang: Lang,
        currency: str,
        written: Counter[str],
    ) -> None:
        self.session = session
        self.policy = policy
        self.notifier = notifier
        self.now = now
        self.lang = lang
        self.currency = currency
        self.today = policy.today(now)
        self.written = written
        self.channel: str | None = None
        self.details = False
        self.people = team.everyone(session)  # the team is small: everyone, once
        self._currencies: dict[int, str] = {}
        self._last_call: dict[int, datetime] = {}

    def active(self, member_id: int | None) -> Person | None:
        person = self.people.get(member_id) if member_id is not None else None
        return person if person is not None and person.active else None

    def recipient(self, person: Person) -> Recipient:
        return recipient_of(person, self.lang)

    def put(
        self, kind: str, key: str, channel: str, message: Message, thread_of: str | None = None
    ) -> None:
        """A nudge is useful until the day's calling ends: the next round says it again."""
        if enqueue(
            self.session,
            key=key,
            channel=channel,
            message=message,
            thread_of=thread_of,
            expires_at=end_of_calling_day(self.now, self.policy),
        ):
            self.written[kind] += 1

    # -------------------------------------------------------------- tasks

    def tasks(self) -> None:
        awake = [
            t
            for t in queries.open_tasks_due_by(self.session, self.today)
            if task_is_awake(t.snoozed_until, self.now)
        ]
        for task, view in zip(awake, tasks.views_of(self.session, awake, self.lang), strict=True):
            assignee = self.active(task.assignee_id)
            if assignee is None:
                continue
            if task.due_date == self.today:
                self._task_due(task, view, assignee)
            else:
                self._task_overdue(task, view, assignee)

    def _task_due(self, task: Task, view: TaskView, assignee: Person) -> None:
        moment, at = task_due_moment(task.due_date, task.due_time, self.policy)
        if moment > self.now:
            return
        to = self.recipient(assignee)
        message = self.notifier.task_nudge(TaskNudge(TaskKindOfNudge.DUE, view), to=to)
        self.put("task_due", keys.task_due(task.id, task.due_date, at), to.slack_user_id, message)

    def _task_overdue(self, task: Task, view: TaskView, assignee: Person) -> None:
        late = self.policy.calendar.business_days_between(task.due_date, self.today)
        to = self.recipient(assignee)
        nudge = TaskNudge(TaskKindOfNudge.OVERDUE, view, late)
        self.put(
            "task_overdue",
            keys.task_overdue(task.id, self.today),
            to.slack_user_id,
            self.notifier.task_nudge(nudge, to=to),
        )
        if not task_escalates(late, self.policy):
            return
        supervisor = self.active(task.supervisor_id) or self.active(assignee.supervisor_id)
        escalation = TaskNudge(TaskKindOfNudge.ESCALATED, view, late)
        key = keys.task_escalated(task.id, task.due_date)
        if supervisor is not None:
            boss = self.recipient(supervisor)
            self.put(
                "task_escalated",
                key,
                boss.slack_user_id,
                self.notifier.task_nudge(escalation, to=boss),
            )
        self._to_channel(key, escalation)

    def _to_channel(self, key: str, nudge: TaskNudge | PromiseNudge) -> None:
        if self.channel:
            message = self.notifier.channel_escalation(nudge, lang=self.lang, details=self.details)
            enqueue(self.session, key=keys.in_channel(key), channel=self.channel, message=message)

    # ----------------------------------------------------------- promises

    def promises(self) -> None:
        rows = queries.promises_around(self.session, self.today)
        ids = list({promise.customer_id for promise, _ in rows})
        self._currencies = customers.currencies_of(self.session, ids)
        self._last_call = queries.last_calls(self.session, ids)
        for promise, customer in rows:
            collector = self.active(promise.collector_id)
            if collector is None:
                continue
            if promise.status == PromiseStatus.PENDING:
                self._pending(promise, customer, collector)
            else:
                self._escalate_broken(promise, customer, collector)

    def _nudge(
        self, kind: PromiseKindOfNudge, promise: PaymentPromise, customer: str, collector: Person
    ) -> PromiseNudge:
        return PromiseNudge(
            kind,
            promise.id,
            promise.customer_id,
            customer,
            promise.amount,
            promise.paid_amount,
            self._currencies.get(promise.customer_id) or self.currency,
            promise.promised_for,
            self.recipient(collector),
            promise.status,
        )

    def _pending(self, promise: PaymentPromise, customer: str, collector: Person) -> None:
        kind = pending_promise_nudge(
            promise.promised_for, promise.paid_amount, promise.amount, self.today, self.policy
        )
        if kind is None:
            return
        to = self.recipient(collector)
        if kind == PromiseKindOfNudge.BROKEN:
            promises.apply_event(promise, grace_event(promise.paid_amount), self.now)
            attempt = queries.attempt_of_note(self.session, promise.note_id)
            self.put(
                "promise_broken",
                keys.promise_broken(promise.id),
                to.slack_user_id,
                self.notifier.promise_nudge(self._nudge(kind, promise, customer, collector), to=to),
                thread_of=keys.call_confirmation(attempt) if attempt else None,
            )
            return
        key = (keys.promise_eve if kind == PromiseKindOfNudge.EVE else keys.promise_day)(
            promise.id, promise.promised_for
        )
        message = self.notifier.promise_nudge(
            self._nudge(kind, promise, customer, collector), to=to
        )
        self.put(f"promise_{kind.value}", key, to.slack_user_id, message)

    def _escalate_broken(self, promise: PaymentPromise, customer: str, collector: Person) -> None:
        last = self._last_call.get(promise.customer_id)
        if not broken_promise_escalates(promise.broken_at, last, self.today, self.policy):
            return
        nudge = self._nudge(PromiseKindOfNudge.ESCALATED, promise, customer, collector)
        key = keys.promise_escalated(promise.id)
        supervisor = self.active(collector.supervisor_id)
        if supervisor is not None:
            boss = self.recipient(supervisor)
            self.put(
                "promise_escalated",
                key,
                boss.slack_user_id,
                self.notifier.promise_nudge(nudge, to=boss),
            )
        self._to_channel(key, nudge)
