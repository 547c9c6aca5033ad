"""The day's nudge lists, read from the database as they stand (see bot.nudges.daily): what
is left and what was done today, per person. Read only: the round writes, and a task done
from any surface revises its assignee's list through `revise_list`."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime

from sqlalchemy.orm import Session

from bot.core.i18n import Lang
from bot.core.policy import Policy
from bot.core.vocabulary import PromiseStatus, TaskKind, TaskStatus
from bot.customers import queries as customers
from bot.nudges import queries
from bot.nudges.daily import DailyList, ItemKind, ItemState, ListItem, daily_list
from bot.nudges.rules import (
    PromiseKindOfNudge,
    PromiseNudge,
    TaskKindOfNudge,
    TaskNudge,
    pending_promise_nudge,
    task_is_awake,
)
from bot.outbox import keys
from bot.outbox.service import revise
from bot.ports import Notifier
from bot.tasks import queries as tasks
from bot.team import queries as team
from bot.team.rules import Person, recipient_of
from models import Task

_IN_THE_DIGEST = (TaskKind.CALL, TaskKind.PAYMENT_PLAN)


def gather_lists(
    session: Session,
    *,
    now: datetime,
    policy: Policy,
    lang: Lang,
    currency: str,
    member_ids: list[int] | None = None,
) -> dict[int, DailyList]:
    """Every active person's list today (only `member_ids`' when given)."""
    today = policy.today(now)
    day_start = policy.start_of(today)
    people = team.everyone(session)
    items: dict[int, list[ListItem]] = defaultdict(list)

    def active(member_id: int | None) -> Person | None:
        person = people.get(member_id) if member_id is not None else None
        return person if person is not None and person.active else None

    rows = [
        t
        for t in queries.tasks_for_lists(session, today, day_start, member_ids)
        if t.status == TaskStatus.DONE or task_is_awake(t.snoozed_until, now)
    ]
    for task, view in zip(rows, tasks.views_of(session, rows, lang), strict=True):
        if active(task.assignee_id) is None or not _listed(task, today):
            continue
        late = policy.calendar.business_days_between(task.due_date, today)
        kind = ItemKind.OVERDUE_TASK if task.due_date < today else ItemKind.TASK_TODAY
        state = ItemState.DONE if task.status == TaskStatus.DONE else ItemState.OPEN
        nudge = TaskNudge(TaskKindOfNudge.OVERDUE, view, max(late, 0))
        items[task.assignee_id].append(ListItem(kind, state, task=nudge))

    promised = queries.promises_around(session, today)
    ids = list({promise.customer_id for promise, _ in promised})
    currencies = customers.currencies_of(session, ids)
    last_call = queries.last_calls(session, ids)
    for promise, customer in promised:
        collector = active(promise.collector_id)
        if collector is None or (member_ids is not None and collector.id not in member_ids):
            continue
        shown: ItemKind | None = None
        standing = ItemState.OPEN
        if promise.status == PromiseStatus.PENDING:
            nudge_kind = pending_promise_nudge(
                promise.promised_for, promise.paid_amount, promise.amount, today, policy
            )
            shown = (
                {
                    PromiseKindOfNudge.EVE: ItemKind.PROMISE_TOMORROW,
                    PromiseKindOfNudge.DAY: ItemKind.PROMISE_TODAY,
                    PromiseKindOfNudge.BROKEN: ItemKind.BROKEN_PROMISE,
                }.get(nudge_kind)
                if nudge_kind
                else None
            )
        elif promise.broken_at is not None:
            called = last_call.get(promise.customer_id)
            shown = ItemKind.BROKEN_PROMISE
            if called is not None and called >= promise.broken_at:
                if called < day_start:
                    continue  # called about it on an earlier day: no longer news
                standing = ItemState.DONE
        if shown is None:
            continue
        told = PromiseNudge(
            PromiseKindOfNudge.BROKEN
            if shown == ItemKind.BROKEN_PROMISE
            else PromiseKindOfNudge.DAY,
            promise.id,
            promise.customer_id,
            customer,
            promise.amount,
            promise.paid_amount,
            currencies.get(promise.customer_id) or currency,
            promise.promised_for,
            recipient_of(collector, lang),
            promise.status,
        )
        items[collector.id].append(ListItem(shown, standing, promise=told))

    return {
        member_id: daily_list(recipient_of(people[member_id], lang), found)
        for member_id, found in items.items()
    }


def _listed(task: Task, today: date) -> bool:
    """A follow-up call due today with no time is in the digest already: not listed again."""
    return not (
        task.due_date == today
        and task.due_time is None
        and task.customer_id is not None
        and task.kind in _IN_THE_DIGEST
    )


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
    found = gather_lists(
        session, now=now, policy=policy, lang=lang, currency=currency, member_ids=[member_id]
    )
    the_list = found.get(member_id)
    key = keys.nudge_list(member_id, today)
    if the_list is None:
        return []
    if revise(session, key=key, message=notifier.nudge_list(the_list, today=today)):
        return [key]
    return []
