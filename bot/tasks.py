"""Tasks: done, snoozed, reassigned; who may change one, and what else a change settles.

The status moves through a table, like promises. A task may be changed by its assignee, its
creator, its supervisor, or any supervisor or admin. Finishing the task of a dispute
resolves the dispute, so the dunning of its invoices resumes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from bot.agenda import AgendaPolicy
from bot.calls import When, check_people, read_date, read_task_due
from bot.errors import CobroError, Forbidden, FormRejected, NotFound
from bot.i18n import Lang, t
from bot.ports import Recipient
from bot.team import recipient_of
from models import Customer, Dispute, Task, TeamMember
from models.enums import Role, TaskKind, TaskStatus

TRANSITIONS: dict[tuple[TaskStatus, str], TaskStatus] = {
    (TaskStatus.OPEN, "done"): TaskStatus.DONE,
    (TaskStatus.OPEN, "cancel"): TaskStatus.CANCELLED,
}


class TaskClosed(CobroError):
    key = "task.already_closed"


@dataclass(frozen=True)
class TaskView:
    id: int
    text: str
    customer_id: int | None
    customer: str | None
    when: When
    assignee: Recipient
    supervisor: Recipient | None


def _require(session: Session, task_id: int, actor: TeamMember) -> Task:
    task = session.get(Task, task_id)
    if task is None:
        raise NotFound(what_key="what.task", value=str(task_id))
    allowed = {task.assignee_id, task.creator_id, task.supervisor_id}
    if actor.id not in allowed and actor.role not in (Role.SUPERVISOR, Role.ADMIN):
        raise Forbidden("task.not_yours")
    if task.status != TaskStatus.OPEN:
        raise TaskClosed()
    return task


def view_of(session: Session, task: Task, lang: Lang) -> TaskView:
    """`lang` is the default for people whose Slack locale is unknown."""
    customer = session.get(Customer, task.customer_id) if task.customer_id else None
    assignee = session.get(TeamMember, task.assignee_id)
    supervisor = session.get(TeamMember, task.supervisor_id) if task.supervisor_id else None
    assert assignee is not None
    return TaskView(
        task.id,
        task.text,
        task.customer_id,
        customer.name if customer else None,
        When(task.due_date, task.due_time),
        recipient_of(assignee, lang),
        recipient_of(supervisor, lang) if supervisor else None,
    )


def views_of(session: Session, tasks: list[Task], lang: Lang) -> list[TaskView]:
    """Views of many tasks: their customers and people loaded in two queries, after which
    `view_of` finds them in the session instead of asking the database task by task."""
    customer_ids = {task.customer_id for task in tasks if task.customer_id is not None}
    people = {task.assignee_id for task in tasks} | {
        task.supervisor_id for task in tasks if task.supervisor_id is not None
    }
    session.scalars(select(Customer).where(Customer.id.in_(customer_ids))).all()
    session.scalars(select(TeamMember).where(TeamMember.id.in_(people))).all()
    return [view_of(session, task, lang) for task in tasks]


def complete(session: Session, task_id: int, actor: TeamMember, now: datetime) -> Task:
    task = _require(session, task_id, actor)
    task.status = TRANSITIONS[(task.status, "done")]
    task.done_at = now
    if task.kind == TaskKind.RESOLVE_DISPUTE and task.note_id is not None:
        session.execute(
            update(Dispute)
            .where(Dispute.note_id == task.note_id, Dispute.resolved_at.is_(None))
            .values(resolved_at=now)
            .execution_options(synchronize_session=False)
        )
    return task


def snooze(
    session: Session,
    task_id: int,
    actor: TeamMember,
    *,
    until: str,
    now: datetime,
    policy: AgendaPolicy,
    lang: Lang,
) -> Task:
    """`until`: "1h", "tomorrow", or a date in words (refused on the `when` field when it
    cannot be read or lies in the past)."""
    task = _require(session, task_id, actor)
    tz = ZoneInfo(actor.timezone) if actor.timezone else policy.tz
    local = now.astimezone(tz)
    if until == "1h":
        later = local + timedelta(hours=1)
        task.due_date, task.due_time = later.date(), later.time().replace(second=0, microsecond=0)
        task.snoozed_until = later
        return task
    if until == "tomorrow":
        day: date = policy.calendar.add_business_days(local.date(), 1)
        at: time | None = task.due_time
    else:
        reading, problem = read_date(until, now, tz, policy, lang)
        if problem:
            raise FormRejected({"when": problem})
        assert reading.date is not None
        day, at = policy.calendar.next_business_day(reading.date), reading.time
    task.due_date, task.due_time = day, at
    task.snoozed_until = datetime.combine(day, at or time(0), tz)
    return task


def reassign(
    session: Session,
    task_id: int,
    actor: TeamMember,
    *,
    assignee_slack_id: str | None,
    supervisor_slack_id: str | None,
    lang: Lang,
) -> Task:
    """Someone else's task needs a supervisor: the one named, else the assignee's own."""
    task = _require(session, task_id, actor)
    errors: dict[str, str] = {}
    assignee, supervisor = check_people(
        session, actor, assignee_slack_id or actor.slack_user_id, supervisor_slack_id, lang, errors
    )
    if errors:
        raise FormRejected(errors)
    task.assignee_id = assignee.id
    task.supervisor_id = supervisor.id if supervisor else None
    return task


def open_tasks(session: Session, member_id: int, limit: int = 20) -> list[Task]:
    return list(
        session.scalars(
            select(Task)
            .where(Task.assignee_id == member_id, Task.status == TaskStatus.OPEN)
            .order_by(Task.due_date, Task.due_time, Task.id)
            .limit(limit)
        )
    )


@dataclass(frozen=True)
class TaskForm:
    """A task typed in the "Añadir tarea" modal."""

    customer_id: int | None
    text: str | None
    due: str | None
    assignee: str | None
    supervisor: str | None


def add_task(
    session: Session,
    form: TaskForm,
    *,
    author: TeamMember,
    now: datetime,
    policy: AgendaPolicy,
    lang: Lang,
) -> Task:
    """A next step outside a call: the same rules as the call modal's task."""
    errors: dict[str, str] = {}
    text = (form.text or "").strip() or None
    tz = ZoneInfo(author.timezone) if author.timezone else policy.tz
    when = read_task_due(text, form.due, now, tz, policy, lang, errors)
    if text is None and "task" not in errors:
        errors["task"] = t("note.missing_next", lang)
    assignee, supervisor = check_people(
        session, author, form.assignee, form.supervisor, lang, errors
    )
    if errors:
        raise FormRejected(errors)
    assert text is not None and when is not None
    task = Task(
        customer_id=form.customer_id,
        text=text,
        kind=TaskKind.OTHER,
        due_date=when.day,
        due_time=when.at,
        assignee_id=assignee.id,
        supervisor_id=supervisor.id if supervisor else None,
        creator_id=author.id,
        created_at=now,
    )
    session.add(task)
    session.flush()
    return task
