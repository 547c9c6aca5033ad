"""Running the team, one transaction each: the team's day on a supervisor's Home, a
collector's tasks and promises, moving accounts between collectors, holding an escalated
account's credit, handing it over to an agency or legal, and a member who left Slack."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from bot.agenda.service import compute_agendas
from bot.core.db import Db, transaction
from bot.core.dunning import Reason
from bot.core.errors import BadInput
from bot.core.i18n import Lang
from bot.core.policy import Policy
from bot.core.vocabulary import Role
from bot.customers import queries as customers
from bot.due import service as due_index
from bot.history import queries as history
from bot.history.rules import file_stem, in_order
from bot.outbox import keys
from bot.outbox.service import enqueue
from bot.ports import Directory, Notifier
from bot.promises.rules import PromiseLine
from bot.promises.service import followed_by
from bot.reports import queries as reports
from bot.supervision import queries
from bot.supervision.rules import (
    TEAM_SHOWN,
    CollectorDay,
    HandedOver,
    Moved,
    TeamDay,
    answers_for,
    check_reassign,
    is_escalated,
    require_manager,
    require_may_look_at,
    require_may_move,
)
from bot.tasks import queries as tasks
from bot.tasks.rules import TaskView
from bot.team import queries as team
from bot.team.rules import Person, recipient_of
from models import Customer


def team_day(db: Db, *, member_id: int, now: datetime, policy: Policy) -> TeamDay | None:
    """The day so far of every collector the member answers for; None for a collector."""
    with db() as session:
        asker = team.require_active(session, member_id)
        mine = answers_for(asker, team.everyone(session).values())
        if asker.role == Role.COLLECTOR:
            return None
        today = policy.today(now)
        day = policy.calendar.next_business_day(today)
        shown = mine[:TEAM_SHOWN]
        ids = [p.id for p in shown]
        due_index.refresh(db, collector_ids=ids, day=day, policy=policy, reading=session)
        agendas = compute_agendas(
            session, collector_ids=ids, day=day, policy=policy, details=False, fresh=True
        )
        kept = reports.planned_and_done(session, today, ids, policy.tz)
        overdue = queries.overdue_tasks(session, ids, today)
        escalated = queries.escalated_accounts(session, ids, today, policy.escalation_days)
        lines = []
        for person in shown:
            agenda = agendas[person.id]
            planned, done = kept.get(person.id, (None, 0))
            lines.append(
                CollectorDay(
                    member_id=person.id,
                    slack_user_id=person.slack_user_id,
                    name=person.name,
                    planned=planned if planned is not None else agenda.total,
                    done=done,
                    broken=sum(c.reason == Reason.BROKEN_PROMISE for c in agenda.calls),
                    overdue_tasks=overdue.get(person.id, 0),
                    escalated=escalated.get(person.id, 0),
                )
            )
        return TeamDay(day, lines, max(0, len(mine) - len(shown)))


@dataclass(frozen=True)
class Whose:
    """Whose list it is: None when it is the asker's own."""

    name: str | None


def _looked_at(session: Session, requester_id: int, person: str | None) -> Person:
    asker = team.require_active(session, requester_id)
    if not person:
        return asker
    target = team.named_member(session, person)
    require_may_look_at(asker, target)
    return target


def tasks_of(
    db: Db, *, requester_id: int, person: str | None, lang: Lang
) -> tuple[Whose, list[TaskView]]:
    """`/cobro tareas [@luis]`: my open tasks, or a collector's I answer for."""
    with db() as session:
        target = _looked_at(session, requester_id, person)
        views = tasks.views_of(session, tasks.open_tasks(session, target.id), lang)
        return Whose(target.name if target.id != requester_id else None), views


def promises_of(
    db: Db, *, requester_id: int, person: str | None, currency: str
) -> tuple[Whose, list[PromiseLine]]:
    """`/cobro promesas [@luis]`: the pending promises I follow, or a collector's."""
    with db() as session:
        target = _looked_at(session, requester_id, person)
        lines = followed_by(session, target.id, currency)
        return Whose(target.name if target.id != requester_id else None), lines


def reassign(
    db: Db,
    *,
    actor_id: int | None,
    giver: str,
    taker: str,
    customers_named: list[str] | None,
    now: datetime,
) -> Moved:
    """Move a portfolio (or the customers named by their ids) with its open tasks and
    pending promises; `actor_id` None is the command line, trusted."""
    with transaction(db) as session:
        actor = team.require_active(session, actor_id) if actor_id is not None else None
        if actor is not None:
            require_manager(actor)
        source = team.named_member(session, giver, active_only=False)
        target = team.named_member(session, taker, active_only=False)
        check_reassign(source, target)
        require_may_move(actor, source, target)
        moving = queries.portfolio(session, source.id, customers_named)
        if not moving:
            raise BadInput("supervision.nothing_to_move", name=source.name)
        moved_tasks, moved_promises = queries.move_customers(
            session,
            moving,
            giver_id=source.id,
            taker_id=target.id,
            by_id=actor.id if actor else None,
            now=now,
        )
        return Moved(source.name, target.name, len(moving), moved_tasks, moved_promises)


def assign_customer(
    db: Db, *, actor_slack_id: str, customer_id: int, collector_id: int, now: datetime
) -> tuple[str, Moved]:
    """An orphan account given a collector from the supervisors' summary."""
    with transaction(db) as session:
        actor = team.require_member(session, actor_slack_id)
        require_manager(actor)
        customer = customers.require_customer(session, customer_id)
        target = team.member_by_id(session, collector_id)
        if target is None:
            raise BadInput("supervision.taker_gone", name=str(collector_id))
        current = team.member_by_id(session, customer.collector_id)
        if current is not None and current.id == target.id:
            raise BadInput("supervision.already_theirs", customer=customer.name, name=target.name)
        giver = current if current is not None and current.active else None
        if giver is not None:
            check_reassign(giver, target)
        elif not target.active or target.role != Role.COLLECTOR:
            raise BadInput("supervision.taker_not_collector", name=target.name)
        require_may_move(actor, giver, target)
        moved_tasks, moved_promises = queries.move_customers(
            session,
            [customer],
            giver_id=giver.id if giver else None,
            taker_id=target.id,
            by_id=actor.id,
            now=now,
        )
        name = current.name if current else ""
        return customer.name, Moved(name, target.name, 1, moved_tasks, moved_promises)


def _escalated_account(
    session: Session, actor: Person, customer_id: int, policy: Policy, now: datetime
) -> Customer:
    require_manager(actor)
    customer = customers.require_customer(session, customer_id)
    late = queries.days_past_due(session, customer_id, policy.today(now))
    if not is_escalated(late, policy.escalation_days):
        raise BadInput(
            "supervision.not_escalated", customer=customer.name, days=policy.escalation_days
        )
    return customer


def set_credit_hold(
    db: Db, *, actor_slack_id: str, customer_id: int, hold: bool, now: datetime, policy: Policy
) -> str:
    """Hold (or release) an escalated account's credit; the change goes into its history.
    Releasing is allowed at any time, holding only once the account is escalated."""
    with transaction(db) as session:
        actor = team.require_member(session, actor_slack_id)
        if hold:
            customer = _escalated_account(session, actor, customer_id, policy, now)
        else:
            require_manager(actor)
            customer = customers.require_customer(session, customer_id)
        if customer.credit_hold != hold:
            queries.record_flag(
                session, customer, "credit_hold", customer.credit_hold, hold, actor.id, now
            )
            customer.credit_hold = hold
        return customer.name


@dataclass(frozen=True)
class HandOver:
    customer: str
    outbox_keys: list[str]


def hand_over(
    db: Db,
    *,
    actor_slack_id: str,
    customer_id: int,
    now: datetime,
    policy: Policy,
    lang: Lang,
    notifier: Notifier,
) -> HandOver:
    """Pass an escalated account to an external agency or legal: it leaves every agenda
    (its open tasks cancelled), joins the list of handed-over accounts, and its history (the evidence) goes to the
    actor's DM as a file, through the outbox, in the same transaction."""
    with transaction(db) as session:
        actor = team.require_member(session, actor_slack_id)
        customer = _escalated_account(session, actor, customer_id, policy, now)
        if customer.handed_over_at is None:
            queries.record_flag(session, customer, "handed_over", False, True, actor.id, now)
            customer.handed_over_at = now
            queries.cancel_open_tasks(session, customer.id)
            session.flush()
        events = in_order(history.events(session, customer.id, policy.tz, lang))
        to = recipient_of(actor, lang)
        message = notifier.history_export(
            customer.name, events, file_stem=file_stem(customer.name, policy.today(now)), to=to
        )
        key = keys.hand_over_evidence(customer.id, actor.id)
        enqueue(session, key=key, channel=actor.slack_user_id, message=message)
        return HandOver(customer.name, [key])


def handed_over_list(db: Db, *, actor_id: int, policy: Policy) -> list[HandedOver]:
    """`/cobro legal`: the accounts handed over, an admin's all, a supervisor's of their
    collectors."""
    with db() as session:
        actor = team.require_active(session, actor_id)
        require_manager(actor)
        if actor.role == Role.ADMIN:
            return queries.handed_over(session, None, policy.tz)
        ids = [p.id for p in answers_for(actor, team.everyone(session).values())]
        return queries.handed_over(session, ids, policy.tz)


def member_left_slack(
    db: Db, *, slack_user_id: str, now: datetime, lang: Lang, notifier: Notifier
) -> list[str]:
    """Someone deactivated in Slack leaves the team: their accounts count as orphans from
    now on, and every admin is told once, with how many accounts need a new collector."""
    with transaction(db) as session:
        member = team.find_member(session, slack_user_id)
        if member is None:
            return []
        queries.mark_left_slack(session, member.id, now)
        accounts = queries.customers_of(session, member.id)
        sent = []
        for admin in queries.admins(session):
            to = recipient_of(team.person_of(admin), lang)
            key = keys.member_left_slack(member.id, admin.id)
            enqueue(
                session,
                key=key,
                channel=admin.slack_user_id,
                message=notifier.member_left_slack(member.name, accounts, to=to),
            )
            sent.append(key)
        return sent


@dataclass(frozen=True)
class Checked:
    members: int
    left: list[str]  # names of the members found deactivated
    outbox_keys: list[str]


def check_members(
    db: Db, *, directory: Directory, now: datetime, lang: Lang, notifier: Notifier
) -> Checked:
    """Ask Slack about every active member (`users.info`); whoever is deactivated there
    leaves the team as `member_left_slack` says. Slack is asked outside any transaction."""
    with db() as session:
        members = [p for p in team.everyone(session).values() if p.active]
    left: list[str] = []
    sent: list[str] = []
    for member in members:
        user = directory.user_info(member.slack_user_id)
        if user is not None and user.deleted:
            sent += member_left_slack(
                db, slack_user_id=member.slack_user_id, now=now, lang=lang, notifier=notifier
            )
            left.append(member.name)
    return Checked(len(members), left, sent)
