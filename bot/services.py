"""Use cases: one transaction each, committed before anything is said to Slack.

Listeners and the CLI call these; they never open sessions or write SQL themselves.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal
from typing import Protocol
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from bot import customers, history, payments, promises, reports, tasks, team
from bot.agenda import Agenda, AgendaPolicy, compute_agenda
from bot.calls import read_date
from bot.errors import BadInput, Forbidden, FormRejected, NotFound
from bot.i18n import Lang, t
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
        return tasks.views_of(session, tasks.open_tasks(session, member_id), lang)


def customer_card(
    db: Db, *, customer_id: int, now: datetime, policy: AgendaPolicy, currency: str
) -> customers.CustomerCard:
    with db() as session:
        return customers.card(
            session,
            customer_id,
            today=now.astimezone(policy.tz).date(),
            steps=policy.steps,
            calendar=policy.calendar,
            default_currency=currency,
        )


def add_task(
    db: Db,
    form: tasks.TaskForm,
    *,
    author_slack_id: str,
    now: datetime,
    policy: AgendaPolicy,
    lang: Lang,
    notifier: TaskNotifier,
) -> tuple[tasks.TaskView, list[str]]:
    """A task for someone else reaches them in the same transaction that creates it."""
    with transaction(db) as session:
        author = _actor(session, author_slack_id)
        task = tasks.add_task(session, form, author=author, now=now, policy=policy, lang=lang)
        view = tasks.view_of(session, task, lang)
        keys = (
            []
            if view.assignee.member_id == author.id
            else notifier.task_reassigned(session, view, by=author.name, now=now)
        )
        return view, keys


def record_payment(
    db: Db,
    form: payments.PaymentForm,
    *,
    author_slack_id: str,
    now: datetime,
    policy: AgendaPolicy,
    lang: Lang,
    currency: str,
) -> payments.RecordedPayment:
    with transaction(db) as session:
        return payments.record_payment(
            session,
            form,
            author=_actor(session, author_slack_id),
            now=now,
            policy=policy,
            lang=lang,
            default_currency=currency,
        )


def customer_history(
    db: Db, *, customer_id: int, policy: AgendaPolicy, lang: Lang
) -> tuple[str, str, int]:
    """(customer name, CSV text, number of events)."""
    with db() as session:
        customer = customers.require_customer(session, customer_id)
        rows = history.events(session, customer_id, policy.tz, lang)
        return customer.name, history.to_csv(rows, policy.tz, lang), len(rows)


@dataclass(frozen=True)
class PromiseView:
    id: int
    customer_id: int
    customer: str
    amount: Decimal
    paid: Decimal
    currency: str
    promised_for: date


def my_promises(db: Db, *, member_id: int, currency: str) -> list[PromiseView]:
    with db() as session:
        rows = session.execute(
            select(PaymentPromise, Customer.name)
            .join(Customer, Customer.id == PaymentPromise.customer_id)
            .where(
                PaymentPromise.collector_id == member_id,
                PaymentPromise.status == PromiseStatus.PENDING,
            )
            .order_by(PaymentPromise.promised_for, PaymentPromise.id)
            .limit(20)
        ).all()
        currencies = customers.currencies_of(session, [p.customer_id for p, _ in rows])
        return [
            PromiseView(
                p.id,
                p.customer_id,
                name,
                p.amount,
                p.paid_amount,
                currencies.get(p.customer_id) or currency,
                p.promised_for,
            )
            for p, name in rows
        ]


def _pending_promise(session: Session, promise_id: int, actor: team.TeamMember) -> PaymentPromise:
    promise = session.get(PaymentPromise, promise_id)
    if promise is None:
        raise NotFound(what_key="what.promise", value=str(promise_id))
    if promise.collector_id != actor.id and actor.role not in (Role.SUPERVISOR, Role.ADMIN):
        raise Forbidden("task.not_yours")
    if promise.status != PromiseStatus.PENDING:
        raise BadInput("promise.not_pending")
    return promise


def move_promise(
    db: Db,
    *,
    promise_id: int,
    actor_slack_id: str,
    when: str,
    now: datetime,
    policy: AgendaPolicy,
    lang: Lang,
) -> tuple[str, date]:
    """The customer moved the date: refused on the `when` field if unreadable or past."""
    with transaction(db) as session:
        actor = _actor(session, actor_slack_id)
        promise = _pending_promise(session, promise_id, actor)
        tz = ZoneInfo(actor.timezone) if actor.timezone else policy.tz
        reading, problem = read_date(when, now, tz, policy, lang)
        if problem:
            raise FormRejected({"when": problem})
        assert reading.date is not None
        promises.reschedule(promise, reading.date)
        customer = customers.require_customer(session, promise.customer_id)
        return customer.name, reading.date


def reassign_promise(
    db: Db, *, promise_id: int, actor_slack_id: str, to: str | None, lang: Lang
) -> tuple[str, str]:
    with transaction(db) as session:
        actor = _actor(session, actor_slack_id)
        promise = _pending_promise(session, promise_id, actor)
        member = team.find_member(session, to or "")
        if member is None or not member.active:
            raise FormRejected({"assignee": t("call.not_member", lang)})
        promise.collector_id = member.id
        customer = customers.require_customer(session, promise.customer_id)
        return customer.name, member.name


def control_report(
    db: Db,
    *,
    member_id: int,
    words: list[str],
    now: datetime,
    policy: AgendaPolicy,
    currency: str,
) -> reports.Report:
    """The report a member asked for: their team's if they supervise one, else their own."""
    today = now.astimezone(policy.tz).date()
    period = reports.period_from_words(words, today, policy.tz)
    with db() as session:
        member = session.get(team.TeamMember, member_id)
        if member is None:
            raise team.NotOnTeam()
        return reports.build_report(
            session,
            period,
            reports.scope_for(session, member),
            tz=policy.tz,
            calendar=policy.calendar,
            today=today,
            currency=currency,
        )
