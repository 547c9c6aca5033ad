"""Task use cases: done, snoozed, reassigned, added by hand; my open tasks. One transaction
each; whoever must hear of a change hears of it through the outbox, in that transaction."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from bot.core.db import Db, transaction
from bot.core.errors import FormRejected
from bot.core.i18n import Lang, t
from bot.core.policy import Policy
from bot.core.vocabulary import TaskKind, TaskStatus
from bot.nudges.service import revise_list
from bot.outbox import keys
from bot.outbox.service import enqueue
from bot.ports import Notifier
from bot.submissions import queries as submissions
from bot.tasks import queries
from bot.tasks.rules import (
    TRANSITIONS,
    TaskForm,
    TaskView,
    check_may_change,
    choose_people,
    read_due,
    snooze_target,
)
from bot.team import queries as team
from bot.team.rules import Person, recipient_of
from models import Task


def resolve_people(
    session: Session,
    author: Person,
    assignee: str | None,
    supervisor: str | None,
    lang: Lang,
    errors: dict[str, str],
) -> tuple[Person, Person | None]:
    """The people a form names (Slack ids), looked up and checked by the rules."""
    named = bool(assignee) and assignee != author.slack_user_id
    doer = team.find_member(session, assignee) if named else None
    boss = team.find_member(session, supervisor) if supervisor else None
    candidate = doer or author
    return choose_people(
        author,
        doer,
        boss,
        assignee_named=named,
        supervisor_named=bool(supervisor),
        assignee_boss=team.member_by_id(session, candidate.supervisor_id),
        lang=lang,
        errors=errors,
    )


def _changeable(session: Session, task_id: int, actor: Person) -> Task:
    task = queries.get(session, task_id)
    check_may_change(queries.facts_of(task), actor)
    return task


def complete_task(
    db: Db,
    *,
    task_id: int,
    actor_slack_id: str,
    now: datetime,
    lang: Lang,
    policy: Policy | None = None,
    notifier: Notifier | None = None,
    currency: str = "",
) -> tuple[TaskView, list[str]]:
    """Done; with a notifier, the assignee's nudge list of today shows it ticked off (the
    keys returned are to deliver now)."""
    with transaction(db) as session:
        task = _changeable(session, task_id, team.require_member(session, actor_slack_id))
        task.status = TRANSITIONS[(task.status, "done")]
        task.done_at = now
        queries.resolve_disputes_of(session, task, now)
        view = queries.view_of(session, task, lang)
        return view, _revise_list(session, task, now, policy, notifier, lang, currency)


def _revise_list(
    session: Session,
    task: Task,
    now: datetime,
    policy: Policy | None,
    notifier: Notifier | None,
    lang: Lang,
    currency: str,
) -> list[str]:
    """The lists that show the task: its assignee's, and its supervisors' (where an
    escalated task is an item, with COBRO_ESCALATE_TO=dm)."""
    if policy is None or notifier is None:
        return []
    session.flush()
    assignee = team.member_by_id(session, task.assignee_id)
    members = dict.fromkeys(
        m
        for m in (
            task.assignee_id,
            task.supervisor_id,
            assignee.supervisor_id if assignee else None,
        )
        if m is not None
    )
    sent: list[str] = []
    for member_id in members:
        sent += revise_list(
            session,
            member_id=member_id,
            now=now,
            policy=policy,
            notifier=notifier,
            lang=lang,
            currency=currency,
        )
    return sent


def snooze_task(
    db: Db,
    *,
    task_id: int,
    actor_slack_id: str,
    until: str,
    now: datetime,
    policy: Policy,
    lang: Lang,
    notifier: Notifier | None = None,
    receipt_for: str | None = None,
    currency: str = "",
) -> tuple[TaskView, list[str]]:
    """`until`: "1h", "tomorrow", or a date in words. From a form (`receipt_for`, its
    submission), the actor gets a receipt by DM. With a notifier, the assignee's nudge
    list of today no longer shows it."""
    with transaction(db) as session:
        actor = team.require_member(session, actor_slack_id)
        task = _changeable(session, task_id, actor)
        if receipt_for is not None and not submissions.claim(session, receipt_for, "snooze", now):
            return queries.view_of(session, task, lang), []
        target = snooze_target(until, current_time=task.due_time, now=now, policy=policy, lang=lang)
        task.due_date, task.due_time, task.snoozed_until = target.day, target.at, target.until
        view = queries.view_of(session, task, lang)
        sent: list[str] = []
        if notifier is not None and receipt_for is not None:
            to = recipient_of(actor, lang)
            key = keys.receipt("task-snoozed", task.id, receipt_for)
            message = notifier.task_changed(
                view, change="task.snoozed", to=to, today=policy.today(now)
            )
            enqueue(session, key=key, channel=to.slack_user_id, message=message)
            sent.append(key)
        sent += _revise_list(session, task, now, policy, notifier, lang, currency)
        return view, sent


def reassign_task(
    db: Db,
    *,
    task_id: int,
    actor_slack_id: str,
    assignee: str | None,
    supervisor: str | None,
    lang: Lang,
    now: datetime,
    policy: Policy,
    notifier: Notifier,
    submission: str,
) -> tuple[TaskView, list[str]]:
    """The new assignee hears of it in the same transaction that gives them the task."""
    with transaction(db) as session:
        actor = team.require_member(session, actor_slack_id)
        task = _changeable(session, task_id, actor)
        if not submissions.claim(session, submission, "reassign", now):
            return queries.view_of(session, task, lang), []
        errors: dict[str, str] = {}
        doer, boss = resolve_people(
            session, actor, assignee or actor.slack_user_id, supervisor, lang, errors
        )
        if errors:
            raise FormRejected(errors)
        task.assignee_id = doer.id
        task.supervisor_id = boss.id if boss else None
        view = queries.view_of(session, task, lang)
        return view, _tell_assignee(session, view, actor, now, policy, notifier)


def _tell_assignee(
    session: Session, view: TaskView, by: Person, now: datetime, policy: Policy, notifier: Notifier
) -> list[str]:
    to = view.assignee
    if to.member_id == by.id:
        return []
    key = keys.task_reassigned(view.id, to.member_id, now)
    message = notifier.task_reassigned(view, by=by.name, to=to, today=policy.today(now))
    enqueue(session, key=key, channel=to.slack_user_id, message=message)
    return [key]


def add_task(
    db: Db,
    form: TaskForm,
    *,
    author_slack_id: str,
    now: datetime,
    policy: Policy,
    lang: Lang,
    notifier: Notifier,
) -> tuple[TaskView | None, list[str]]:
    """A next step outside a call, by the same rules as the call modal's task. The assignee
    (when someone else) and the author's receipt go out with it. The same submission
    delivered twice stores one task (None: it was stored already)."""
    with transaction(db) as session:
        author = team.require_member(session, author_slack_id)
        if not submissions.claim(session, form.source_key, "add_task", now):
            return None, []
        errors: dict[str, str] = {}
        text = (form.text or "").strip() or None
        when = read_due(text, form.due, now, policy, lang, errors)
        if text is None and "task" not in errors:
            errors["task"] = t("note.missing_next", lang)
        doer, boss = resolve_people(session, author, form.assignee, form.supervisor, lang, errors)
        if errors or text is None or when is None:
            raise FormRejected(errors)
        task = Task(
            customer_id=form.customer_id,
            text=text,
            kind=TaskKind.OTHER,
            due_date=when.day,
            due_time=when.at,
            assignee_id=doer.id,
            supervisor_id=boss.id if boss else None,
            creator_id=author.id,
            created_at=now,
            status=TaskStatus.OPEN,
        )
        session.add(task)
        session.flush()
        view = queries.view_of(session, task, lang)
        sent = _tell_assignee(session, view, author, now, policy, notifier)
        to = recipient_of(author, lang)
        key = keys.receipt("task-added", task.id, form.source_key)
        message = notifier.task_changed(view, change="task.added", to=to, today=policy.today(now))
        enqueue(session, key=key, channel=to.slack_user_id, message=message)
        return view, [*sent, key]


def my_tasks(db: Db, *, member_id: int, lang: Lang) -> list[TaskView]:
    with db() as session:
        # All of them: the list shows the soonest and counts the rest.
        return queries.views_of(session, queries.open_tasks(session, member_id, 1000), lang)
