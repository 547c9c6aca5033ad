"""The tasks' SQL: one task, a member's open tasks, their views (customer and people loaded
in a few queries), closing the follow-up calls a logged call made."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from bot.core.errors import NotFound
from bot.core.i18n import Lang
from bot.core.vocabulary import TaskKind, TaskStatus
from bot.due import queries as due
from bot.tasks.rules import TaskFacts, TaskLine, TaskView, When
from bot.team import queries as team
from bot.team.rules import recipient_of
from models import Customer, Dispute, Task


def get(session: Session, task_id: int) -> Task:
    task = session.get(Task, task_id)
    if task is None:
        raise NotFound(what_key="what.task", value=str(task_id))
    return task


def facts_of(task: Task) -> TaskFacts:
    return TaskFacts(task.id, task.status, task.assignee_id, task.creator_id, task.supervisor_id)


def views_of(session: Session, tasks: list[Task], lang: Lang) -> list[TaskView]:
    """Views of many tasks: their customers and people in two queries, not two per task.
    `lang` is the default for people whose Slack locale is unknown."""
    customer_ids = {task.customer_id for task in tasks if task.customer_id is not None}
    names = dict(
        session.execute(
            select(Customer.id, Customer.name).where(Customer.id.in_(customer_ids))
        ).all()
    )
    people = team.people(
        session,
        {task.assignee_id for task in tasks}
        | {task.supervisor_id for task in tasks if task.supervisor_id is not None},
    )
    views = []
    for task in tasks:
        supervisor = people.get(task.supervisor_id) if task.supervisor_id else None
        views.append(
            TaskView(
                task.id,
                task.text,
                task.customer_id,
                names.get(task.customer_id) if task.customer_id else None,
                When(task.due_date, task.due_time),
                recipient_of(people[task.assignee_id], lang),
                recipient_of(supervisor, lang) if supervisor else None,
            )
        )
    return views


def view_of(session: Session, task: Task, lang: Lang) -> TaskView:
    return views_of(session, [task], lang)[0]


def open_tasks(session: Session, member_id: int, limit: int = 20) -> list[Task]:
    return list(
        session.scalars(
            select(Task)
            .where(Task.assignee_id == member_id, Task.status == TaskStatus.OPEN)
            .order_by(Task.due_date, Task.due_time, Task.id)
            .limit(limit)
        )
    )


def count_open(session: Session, member_id: int) -> int:
    return (
        session.scalar(
            select(func.count(Task.id)).where(
                Task.assignee_id == member_id, Task.status == TaskStatus.OPEN
            )
        )
        or 0
    )


def open_lines(session: Session, member_id: int, limit: int) -> list[TaskLine]:
    rows = session.execute(
        select(Task, Customer.name)
        .outerjoin(Customer, Customer.id == Task.customer_id)
        .where(Task.assignee_id == member_id, Task.status == TaskStatus.OPEN)
        .order_by(Task.due_date, Task.due_time)
        .limit(limit)
    ).all()
    return [
        TaskLine(task.id, task.text, name, task.due_date, task.due_time, "") for task, name in rows
    ]


def resolve_disputes_of(session: Session, task: Task, now: datetime) -> None:
    """Finishing the task of a dispute resolves the dispute: dunning resumes."""
    if task.kind != TaskKind.RESOLVE_DISPUTE or task.note_id is None:
        return
    due.mark(
        session,
        session.scalars(
            select(Dispute.customer_id).where(
                Dispute.note_id == task.note_id, Dispute.resolved_at.is_(None)
            )
        ),
    )
    session.execute(
        update(Dispute)
        .where(Dispute.note_id == task.note_id, Dispute.resolved_at.is_(None))
        .values(resolved_at=now)
        .execution_options(synchronize_session=False)
    )


def open_verifications(session: Session, customer_id: int) -> list[Task]:
    """The customer's open "verify the payment" tasks."""
    return list(
        session.scalars(
            select(Task).where(
                Task.customer_id == customer_id,
                Task.kind == TaskKind.VERIFY_PAYMENT,
                Task.status == TaskStatus.OPEN,
            )
        )
    )


def close_call_tasks(session: Session, customer_id: int, today: date, now: datetime) -> None:
    """The call was made: follow-up call tasks due by today are done."""
    due.mark(session, [customer_id])
    session.execute(
        update(Task)
        .where(
            Task.customer_id == customer_id,
            Task.kind == TaskKind.CALL,
            Task.status == TaskStatus.OPEN,
            Task.due_date <= today,
        )
        .values(status=TaskStatus.DONE, done_at=now)
        .execution_options(synchronize_session=False)
    )
