"""Use cases: one transaction each, committed before anything is said to Slack.

Listeners and the CLI call these; they never open sessions or write SQL themselves.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal
from typing import Protocol

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from bot import customers, tasks, team
from bot.agenda import Agenda, AgendaPolicy, compute_agenda
from bot.errors import NotFound
from bot.i18n import Lang
from bot.ports import Directory
from models import Customer, Invoice, PaymentPromise, Task
from models.db import transaction
from models.enums import PromiseStatus, Role, TaskStatus

Db = sessionmaker[Session]


def team_members(db: Db) -> list[team.MemberView]:
    with db() as session:
        return team.list_members(session)


def add_team_member(
    db: Db,
    *,
    actor_id: int | None,
    reference: str,
    role: Role,
    supervisor: str | None = None,
    name: str | None = None,
    directory: Directory | None = None,
) -> team.MemberView:
    """Add someone to the team; from Slack only an admin may (`actor_id`), the CLI is trusted."""
    with transaction(db) as session:
        if actor_id is not None:
            actor = session.get(team.TeamMember, actor_id)
            if actor is None or not actor.active:
                raise team.NotOnTeam()
            team.require_role(actor, Role.ADMIN)
        member = team.add_member(
            session,
            reference=reference,
            role=role,
            supervisor=supervisor,
            name=name,
            directory=directory,
        )
        return _view(session, member)


def remove_team_member(db: Db, *, actor_id: int | None, reference: str) -> team.MemberView:
    with transaction(db) as session:
        if actor_id is not None:
            actor = session.get(team.TeamMember, actor_id)
            if actor is None or not actor.active:
                raise team.NotOnTeam()
            team.require_role(actor, Role.ADMIN)
        member = team.remove_member(session, reference)
        return _view(session, member)


def _view(session: Session, member: team.TeamMember) -> team.MemberView:
    boss = session.get(team.TeamMember, member.supervisor_id) if member.supervisor_id else None
    return team.MemberView(
        member.slack_user_id, member.name, member.email, member.role, boss.name if boss else None
    )


@dataclass(frozen=True)
class TodayResult:
    agenda: Agenda
    collector_name: str
    shifted: bool
    for_someone_else: bool


def agenda_today(
    db: Db, *, requester_id: int, target: str | None, now: datetime, policy: AgendaPolicy
) -> TodayResult:
    """The requester's calls for today (the next business day on a weekend or holiday); a
    supervisor or admin may ask for a collector's."""
    with db() as session:
        requester = session.get(team.TeamMember, requester_id)
        if requester is None or not requester.active:
            raise team.NotOnTeam()
        collector = requester
        if target:
            found = team.find_member(session, team.user_reference(target))
            if found is None:
                raise NotFound(what_key="what.member", value=target)
            if found.id != requester.id:
                team.require_role(requester, Role.SUPERVISOR, Role.ADMIN)
            collector = found
        today = now.astimezone(policy.tz).date()
        day = policy.calendar.next_business_day(today)
        agenda = compute_agenda(session, collector_id=collector.id, day=day, policy=policy)
        return TodayResult(agenda, collector.name, day != today, collector.id != requester.id)


@dataclass(frozen=True)
class TaskLine:
    id: int
    text: str
    customer: str | None
    due_date: date
    due_time: time | None


@dataclass(frozen=True)
class PromiseLine:
    id: int
    customer: str
    amount: Decimal
    currency: str
    promised_for: date


@dataclass(frozen=True)
class MyDay:
    agenda: Agenda
    name: str
    tasks: list[TaskLine]
    promises_due: list[PromiseLine]


def my_day(db: Db, *, member_id: int, now: datetime, policy: AgendaPolicy) -> MyDay:
    """The Home tab: my calls today, my open tasks, the promises that fall due today."""
    with db() as session:
        member = session.get(team.TeamMember, member_id)
        if member is None:
            raise team.NotOnTeam()
        today = now.astimezone(policy.tz).date()
        day = policy.calendar.next_business_day(today)
        agenda = compute_agenda(session, collector_id=member_id, day=day, policy=policy)
        agenda.calls = agenda.calls[:15]
        tasks = [
            TaskLine(task.id, task.text, name, task.due_date, task.due_time)
            for task, name in session.execute(
                select(Task, Customer.name)
                .outerjoin(Customer, Customer.id == Task.customer_id)
                .where(Task.assignee_id == member_id, Task.status == TaskStatus.OPEN)
                .order_by(Task.due_date, Task.due_time)
                .limit(15)
            )
        ]
        promises = [
            PromiseLine(p.id, name, p.amount, currency or "", p.promised_for)
            for p, name, currency in session.execute(
                select(PaymentPromise, Customer.name, func.min(Invoice.currency))
                .join(Customer, Customer.id == PaymentPromise.customer_id)
                .outerjoin(Invoice, Invoice.customer_id == Customer.id)
                .where(
                    PaymentPromise.collector_id == member_id,
                    PaymentPromise.status == PromiseStatus.PENDING,
                    PaymentPromise.promised_for == today,
                )
                .group_by(PaymentPromise.id, Customer.name)
            )
        ]
        return MyDay(agenda, member.name, tasks, promises)


def find_customers(db: Db, query: str) -> list[customers.CustomerMatch]:
    with db() as session:
        return customers.search(session, query)


def call_context(
    db: Db, *, customer_id: int, now: datetime, policy: AgendaPolicy, currency: str
) -> customers.CallContext:
    with db() as session:
        today = now.astimezone(policy.tz).date()
        return customers.call_context(session, customer_id, today, currency)


class TaskNotifier(Protocol):
    def task_reassigned(
        self, session: Session, task: tasks.TaskView, *, by: str, now: datetime
    ) -> list[str]: ...


def _actor(session: Session, slack_id: str) -> team.TeamMember:
    return team.require_member(session, slack_id)


def complete_task(
    db: Db, *, task_id: int, actor_slack_id: str, now: datetime, lang: Lang
) -> tasks.TaskView:
    with transaction(db) as session:
        task = tasks.complete(session, task_id, _actor(session, actor_slack_id), now)
        return tasks.view_of(session, task, lang)


def snooze_task(
    db: Db,
    *,
    task_id: int,
    actor_slack_id: str,
    until: str,
    now: datetime,
    policy: AgendaPolicy,
    lang: Lang,
) -> tasks.TaskView:
    with transaction(db) as session:
        task = tasks.snooze(
            session,
            task_id,
            _actor(session, actor_slack_id),
            until=until,
            now=now,
            policy=policy,
            lang=lang,
        )
        return tasks.view_of(session, task, lang)


def reassign_task(
    db: Db,
    *,
    task_id: int,
    actor_slack_id: str,
    assignee: str | None,
    supervisor: str | None,
    lang: Lang,
    now: datetime,
    notifier: TaskNotifier,
) -> tuple[tasks.TaskView, list[str]]:
    """The new assignee hears of it in the same transaction that gives them the task."""
    with transaction(db) as session:
        actor = _actor(session, actor_slack_id)
        task = tasks.reassign(
            session,
            task_id,
            actor,
            assignee_slack_id=assignee,
            supervisor_slack_id=supervisor,
            lang=lang,
        )
        view = tasks.view_of(session, task, lang)
        keys = (
            []
            if view.assignee.member_id == actor.id
            else notifier.task_reassigned(session, view, by=actor.name, now=now)
        )
        return view, keys


def my_tasks(db: Db, *, member_id: int, lang: Lang) -> list[tasks.TaskView]:
    with db() as session:
        return [tasks.view_of(session, task, lang) for task in tasks.open_tasks(session, member_id)]
