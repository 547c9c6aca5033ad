"""The nudges' SQL: open tasks due by today, promises around today, last calls; the day's
lists (bot.nudges.daily) as the database has them: what is left and what was done today."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import replace
from datetime import date, datetime, timedelta

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from bot.core.i18n import Lang
from bot.core.policy import Policy
from bot.core.vocabulary import PromiseStatus, TaskKind, TaskStatus
from bot.customers import queries as customers
from bot.nudges.daily import DailyList, ItemKind, ItemState, ListItem, daily_list
from bot.nudges.rules import (
    PROMISE_WINDOW_DAYS,
    PromiseKindOfNudge,
    PromiseNudge,
    TaskKindOfNudge,
    TaskNudge,
    broken_promise_escalates,
    pending_promise_nudge,
    task_escalates,
    task_is_awake,
)
from bot.outbox import keys
from bot.tasks import queries as tasks
from bot.team import queries as team
from bot.team.rules import Person, recipient_of
from models import ContactAttempt, Customer, Note, OutboxMessage, PaymentPromise, Task


def open_tasks_due_by(session: Session, today: date) -> list[Task]:
    return list(
        session.scalars(
            select(Task).where(Task.status == TaskStatus.OPEN, Task.due_date <= today)
        ).all()
    )


def promises_around(session: Session, today: date) -> list[tuple[PaymentPromise, str]]:
    """Pending and broken promises dated from a month before to ten days after today."""
    window = timedelta(days=PROMISE_WINDOW_DAYS)
    rows = session.execute(
        select(PaymentPromise, Customer.name)
        .join(Customer, Customer.id == PaymentPromise.customer_id)
        .where(
            PaymentPromise.status.in_(
                [PromiseStatus.PENDING, PromiseStatus.BROKEN, PromiseStatus.PARTIAL]
            ),
            PaymentPromise.promised_for >= today - window * 3,
            PaymentPromise.promised_for <= today + window,
        )
        .order_by(PaymentPromise.id)
    ).all()
    return [(p, name) for p, name in rows]


def last_calls(session: Session, customer_ids: list[int]) -> dict[int, datetime]:
    if not customer_ids:
        return {}
    return dict(
        session.execute(
            select(ContactAttempt.customer_id, func.max(ContactAttempt.at))
            .where(ContactAttempt.customer_id.in_(customer_ids))
            .group_by(ContactAttempt.customer_id)
        ).all()
    )


def attempt_of_note(session: Session, note_id: int | None) -> int | None:
    if note_id is None:
        return None
    return session.scalar(select(Note.attempt_id).where(Note.id == note_id))


def tasks_for_lists(
    session: Session, today: date, day_start: datetime, member_ids: list[int] | None
) -> list[Task]:
    """What the day's lists show of tasks: open ones due by today, and those done since
    the day began (so a list shows them ticked off, not vanished)."""
    query = select(Task).where(
        or_(
            and_(Task.status == TaskStatus.OPEN, Task.due_date <= today),
            and_(Task.status == TaskStatus.DONE, Task.done_at >= day_start),
        )
    )
    if member_ids is not None:
        query = query.where(Task.assignee_id.in_(member_ids))
    return list(session.scalars(query.order_by(Task.id)).all())


def apart_today(session: Session, today: date, day_start: datetime) -> Counter[int]:
    """Messages of their own each person was written today besides the list and the
    digest: a task's "Es hora" (its key names the day) and a promise that broke today."""
    counts: Counter[int] = Counter()
    timed = session.scalars(
        select(OutboxMessage.dedupe_key).where(
            OutboxMessage.dedupe_key.like(f"task:%:due:{today.isoformat()}T%")
        )
    ).all()
    task_ids = [int(key.split(":")[1]) for key in timed]
    if task_ids:
        for (assignee,) in session.execute(
            select(Task.assignee_id).where(Task.id.in_(task_ids))
        ).all():
            counts[assignee] += 1
    broke = dict(
        session.execute(
            select(PaymentPromise.id, PaymentPromise.collector_id).where(
                PaymentPromise.broken_at >= day_start
            )
        ).all()
    )
    if broke:
        told = session.scalars(
            select(OutboxMessage.dedupe_key).where(
                OutboxMessage.dedupe_key.in_([keys.promise_broken(pid) for pid in broke])
            )
        ).all()
        for key in told:
            counts[broke[int(key.split(":")[1])]] += 1
    return counts


# ------------------------------------------------------- the day's lists

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
    to_supervisors = policy.escalate_to == "dm"
    items: dict[int, list[ListItem]] = defaultdict(list)

    def active(member_id: int | None) -> Person | None:
        person = people.get(member_id) if member_id is not None else None
        return person if person is not None and person.active else None

    rows = [
        t
        for t in tasks_for_lists(session, today, day_start, None if to_supervisors else member_ids)
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
        if to_supervisors and state == ItemState.OPEN and task_escalates(late, policy):
            assignee = people[task.assignee_id]
            boss = active(task.supervisor_id) or active(assignee.supervisor_id)
            if boss is not None:
                escalated = TaskNudge(TaskKindOfNudge.ESCALATED, view, late)
                items[boss.id].append(ListItem(ItemKind.ESCALATED, state, task=escalated))

    promised = promises_around(session, today)
    ids = list({promise.customer_id for promise, _ in promised})
    currencies = customers.currencies_of(session, ids)
    last_call = last_calls(session, ids)
    for promise, customer in promised:
        collector = active(promise.collector_id)
        if collector is None:
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
        boss = active(collector.supervisor_id)
        if (
            to_supervisors
            and boss is not None
            and promise.status != PromiseStatus.PENDING
            and broken_promise_escalates(
                promise.broken_at, last_call.get(promise.customer_id), today, policy
            )
        ):
            up = replace(told, kind=PromiseKindOfNudge.ESCALATED)
            items[boss.id].append(ListItem(ItemKind.ESCALATED, ItemState.OPEN, promise=up))

    return {
        member_id: daily_list(recipient_of(people[member_id], lang), found)
        for member_id, found in items.items()
        if member_ids is None or member_id in member_ids
    }


def _listed(task: Task, today: date) -> bool:
    """A follow-up call due today with no time is in the digest already: not listed again."""
    return not (
        task.due_date == today
        and task.due_time is None
        and task.customer_id is not None
        and task.kind in _IN_THE_DIGEST
    )
