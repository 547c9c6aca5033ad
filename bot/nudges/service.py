"""One round of nudges (see bot.nudges.rules and bot.nudges.daily), run every 15 minutes in
the team's business hours. The first round of a business day posts each person's list; the
later ones edit it in place. A promise that just broke and a task due at a stated time get
a message of their own while the person's day has room (`MAX_MESSAGES_A_DAY`); an
escalation goes once, to the supervisors' channel or to the supervisor
(`COBRO_ESCALATE_TO`). Every message is an outbox row whose key names the item, the kind
and the day, so however often the job runs and however many replicas run it, it is
written once; outside business hours, on weekends and holidays nothing is written, and the
first run of the next business morning catches up."""

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
from bot.nudges.daily import may_post_apart, worth_posting
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
from bot.outbox.service import enqueue, publish, revise
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
    channel only when it is private; with `policy.escalate_to` "dm" (or no channel),
    escalations are items of the supervisor's own list instead."""
    if not policy.in_business_hours(now):
        return NudgeResult(ran=False, reason="outside_business_hours")
    result = NudgeResult(ran=True)
    try:
        with claimed_run(db, "nudges", nudge_period(now, policy), now) as session:
            round_ = _Round(session, policy, notifier, now, lang, currency, result.written)
            round_.channel = channel
            round_.details = channel_is_private
            round_.apart = queries.apart_today(session, round_.today, policy.start_of(round_.today))
            round_.tasks()
            round_.promises()
            session.flush()
            round_.lists()
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
        self.escalate_to = policy.escalate_to
        self.apart: Counter[int] = Counter()
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
    ) -> bool:
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
            return True
        return False

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
        """ "Es hora" only for a task due at a stated time: the others are in the digest
        or on the day's list."""
        if task.due_time is None:
            return
        moment, at = task_due_moment(task.due_date, task.due_time, self.policy)
        if moment > self.now or not may_post_apart(self.apart[assignee.id]):
            return
        to = self.recipient(assignee)
        message = self.notifier.task_nudge(TaskNudge(TaskKindOfNudge.DUE, view), to=to)
        key = keys.task_due(task.id, task.due_date, at)
        if self.put("task_due", key, to.slack_user_id, message):
            self.apart[assignee.id] += 1

    def _task_overdue(self, task: Task, view: TaskView, assignee: Person) -> None:
        """An overdue task is an item of the day's list; escalated once when it is late
        enough."""
        late = self.policy.calendar.business_days_between(task.due_date, self.today)
        if not task_escalates(late, self.policy):
            return
        supervisor = self.active(task.supervisor_id) or self.active(assignee.supervisor_id)
        escalation = TaskNudge(TaskKindOfNudge.ESCALATED, view, late)
        self._escalate(keys.task_escalated(task.id, task.due_date), escalation, supervisor)

    def _escalate(
        self, key: str, nudge: TaskNudge | PromiseNudge, supervisor: Person | None
    ) -> None:
        """Once, to one place: the supervisors' channel; with COBRO_ESCALATE_TO=dm, the
        supervisor's own list of the day (`gather_lists` puts it there), so eight
        escalations are one message to them, not eight."""
        if self.channel and (self.escalate_to == "channel" or supervisor is None):
            message = self.notifier.channel_escalation(nudge, lang=self.lang, details=self.details)
            self.put("escalated_channel", keys.in_channel(key), self.channel, message)

    def lists(self) -> None:
        """Each person's list: posted by the first round with something to do, edited by
        the later ones (an unchanged list is not touched)."""
        found = queries.gather_lists(
            self.session,
            now=self.now,
            policy=self.policy,
            lang=self.lang,
            currency=self.currency,
        )
        for member_id, the_list in found.items():
            key = keys.nudge_list(member_id, self.today)
            message = self.notifier.nudge_list(the_list, today=self.today)
            if not worth_posting(the_list):
                revise(self.session, key=key, message=message)
                continue
            if publish(
                self.session,
                key=key,
                channel=the_list.owner.slack_user_id,
                message=message,
                expires_at=end_of_calling_day(self.now, self.policy),
            ):
                self.written["nudge_list"] += 1

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
        if kind != PromiseKindOfNudge.BROKEN:
            return  # the eve and the day are items of the list
        promises.apply_event(promise, grace_event(promise.paid_amount), self.now)
        if not may_post_apart(self.apart[collector.id]):
            return  # the day is full: it is on the list
        attempt = queries.attempt_of_note(self.session, promise.note_id)
        if self.put(
            "promise_broken",
            keys.promise_broken(promise.id),
            to.slack_user_id,
            self.notifier.promise_nudge(self._nudge(kind, promise, customer, collector), to=to),
            thread_of=keys.call_confirmation(attempt) if attempt else None,
        ):
            self.apart[collector.id] += 1

    def _escalate_broken(self, promise: PaymentPromise, customer: str, collector: Person) -> None:
        last = self._last_call.get(promise.customer_id)
        if not broken_promise_escalates(promise.broken_at, last, self.today, self.policy):
            return
        nudge = self._nudge(PromiseKindOfNudge.ESCALATED, promise, customer, collector)
        supervisor = self.active(collector.supervisor_id)
        self._escalate(keys.promise_escalated(promise.id), nudge, supervisor)


def revise_list(
    session: Session,
    *,
    member_id: int,
    now: datetime,
    policy: Policy,
    notifier: Notifier,
    lang: Lang,
    currency: str,
) -> list[str]:
    """After an item is done: today's list, if it was posted, edited to show it. Returns
    the key to deliver now (none when the person has no list today)."""
    today = policy.today(now)
    found = queries.gather_lists(
        session, now=now, policy=policy, lang=lang, currency=currency, member_ids=[member_id]
    )
    the_list = found.get(member_id)
    key = keys.nudge_list(member_id, today)
    if the_list is None:
        return []
    if revise(session, key=key, message=notifier.nudge_list(the_list, today=today)):
        return [key]
    return []
