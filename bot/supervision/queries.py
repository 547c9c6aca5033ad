"""The supervision's SQL: the team's day in a few grouped counts, a portfolio and what
moves with it, the flags of an escalated account, the accounts handed over."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any, cast
from zoneinfo import ZoneInfo

from sqlalchemy import CursorResult, Update, func, select, update
from sqlalchemy.orm import Session

from bot.agenda.rules import Account
from bot.core.errors import BadInput
from bot.core.vocabulary import PromiseStatus, Role, TaskStatus
from bot.due import queries as due
from bot.supervision.rules import HandedOver
from models import Correction, Customer, Invoice, PaymentPromise, Task, TeamMember

ZERO = Decimal("0")


def overdue_tasks(session: Session, member_ids: list[int], today: date) -> dict[int, int]:
    """Open tasks whose day has passed, per assignee."""
    if not member_ids:
        return {}
    return dict(
        session.execute(
            select(Task.assignee_id, func.count(Task.id))
            .where(
                Task.assignee_id.in_(member_ids),
                Task.status == TaskStatus.OPEN,
                Task.due_date < today,
            )
            .group_by(Task.assignee_id)
        ).all()
    )


def _escalated(today: date, escalation_days: int) -> tuple[Any, ...]:
    """What makes an account escalated, in one place for the Home's counts and the
    morning summary's list: not handed over, an open invoice `escalation_days` past due."""
    return (
        Customer.handed_over_at.is_(None),
        Invoice.balance > ZERO,
        Invoice.due_date <= today - timedelta(days=escalation_days),
    )


def escalated_accounts(
    session: Session, member_ids: list[int], today: date, escalation_days: int
) -> dict[int, int]:
    """Per collector, their escalated customers."""
    if not member_ids:
        return {}
    return {
        int(collector): count
        for collector, count in session.execute(
            select(Customer.collector_id, func.count(func.distinct(Customer.id)))
            .join(Invoice, Invoice.customer_id == Customer.id)
            .where(Customer.collector_id.in_(member_ids), *_escalated(today, escalation_days))
            .group_by(Customer.collector_id)
        )
        if collector is not None
    }


def escalated_list(
    session: Session, member_ids: list[int], today: date, escalation_days: int
) -> list[Account]:
    """The escalated customers of these collectors, largest overdue balance first: every
    one, due today or not, so the summary agrees with the Home's counts, and an account
    past its last dunning step (off every agenda) still reaches a supervisor's buttons."""
    if not member_ids:
        return []
    escalated = (
        select(Customer.id)
        .join(Invoice, Invoice.customer_id == Customer.id)
        .where(Customer.collector_id.in_(member_ids), *_escalated(today, escalation_days))
        .distinct()
    )
    overdue = func.sum(Invoice.balance)
    rows = session.execute(
        select(
            Customer.id,
            Customer.name,
            TeamMember.name,
            Customer.credit_hold,
            overdue,
            func.min(Invoice.currency),
        )
        .join(Invoice, Invoice.customer_id == Customer.id)
        .join(TeamMember, TeamMember.id == Customer.collector_id)
        .where(Customer.id.in_(escalated), Invoice.balance > ZERO, Invoice.due_date < today)
        .group_by(Customer.id, Customer.name, TeamMember.name, Customer.credit_hold)
        .order_by(overdue.desc(), Customer.id)
    )
    return [
        Account(name, total, cash or "", collector, cid, bool(hold))
        for cid, name, collector, hold, total, cash in rows
    ]


def days_past_due(session: Session, customer_id: int, today: date) -> int:
    """How late the customer's oldest open invoice is (0: nothing past due)."""
    oldest = session.scalar(
        select(func.min(Invoice.due_date)).where(
            Invoice.customer_id == customer_id, Invoice.balance > ZERO
        )
    )
    return max((today - oldest).days, 0) if oldest is not None else 0


def portfolio(
    session: Session, collector_id: int, external_ids: list[str] | None
) -> list[Customer]:
    """The collector's customers, or those of them named by their ids; a named customer who
    is not theirs (or does not exist) refuses the whole move, naming each."""
    query = select(Customer).where(Customer.collector_id == collector_id)
    if external_ids is None:
        return list(session.scalars(query.order_by(Customer.name, Customer.id)))
    found = {
        c.external_id: c
        for c in session.scalars(query.where(Customer.external_id.in_(external_ids)))
    }
    missing = [e for e in external_ids if e not in found]
    if missing:
        raise BadInput("supervision.not_in_portfolio", ids=", ".join(missing))
    return [found[e] for e in external_ids]


def move_customers(
    session: Session,
    customers: list[Customer],
    *,
    giver_id: int | None,
    taker_id: int,
    by_id: int | None,
    reason: str | None = None,
    now: datetime,
) -> tuple[int, int]:
    """Give the customers to the taker with their open tasks (those the giver had) and
    their pending promises; each customer's change recorded in its history. Returns (tasks,
    promises) moved."""
    ids = [c.id for c in customers]
    if not ids:
        return 0, 0
    for customer in customers:
        session.add(
            Correction(
                customer_id=customer.id,
                kind="customer",
                item_id=customer.id,
                field="collector",
                old_value=str(customer.collector_id) if customer.collector_id else None,
                new_value=str(taker_id),
                reason=reason,
                by_id=by_id,
                at=now,
            )
        )
        customer.collector_id = taker_id
    due.mark(session, ids)  # the bulk updates below bypass the ORM's events
    task_filter = [Task.customer_id.in_(ids), Task.status == TaskStatus.OPEN]
    if giver_id is not None:
        task_filter.append(Task.assignee_id == giver_id)
    else:  # an orphan: the tasks of people no longer on the team
        task_filter.append(
            Task.assignee_id.in_(select(TeamMember.id).where(TeamMember.active.is_(False)))
        )
    tasks = _rows(
        session,
        update(Task)
        .where(*task_filter)
        .values(assignee_id=taker_id)
        .execution_options(synchronize_session=False),
    )
    promises = _rows(
        session,
        update(PaymentPromise)
        .where(
            PaymentPromise.customer_id.in_(ids),
            PaymentPromise.status == PromiseStatus.PENDING,
            PaymentPromise.collector_id != taker_id,
        )
        .values(collector_id=taker_id)
        .execution_options(synchronize_session=False),
    )
    session.flush()
    return tasks, promises


def _rows(session: Session, statement: Update) -> int:
    """How many rows an UPDATE changed."""
    result = cast(CursorResult[Any], session.execute(statement))
    return int(result.rowcount or 0)


def record_flag(
    session: Session,
    customer: Customer,
    field: str,
    old: bool,
    new: bool,
    by_id: int,
    now: datetime,
) -> None:
    session.add(
        Correction(
            customer_id=customer.id,
            kind="customer",
            item_id=customer.id,
            field=field,
            old_value="1" if old else "0",
            new_value="1" if new else "0",
            by_id=by_id,
            at=now,
        )
    )


def handed_over(
    session: Session, collector_ids: list[int] | None, tz: ZoneInfo
) -> list[HandedOver]:
    """Accounts handed over to an agency or legal, latest first, with what they still owe
    per currency; `collector_ids` None: everyone's."""
    query = (
        select(Customer, TeamMember.name)
        .outerjoin(TeamMember, TeamMember.id == Customer.collector_id)
        .where(Customer.handed_over_at.is_not(None))
        .order_by(Customer.handed_over_at.desc(), Customer.id)
    )
    if collector_ids is not None:
        query = query.where(Customer.collector_id.in_(collector_ids))
    rows = session.execute(query).all()
    owed: dict[int, dict[str, Decimal]] = defaultdict(dict)
    if rows:
        for cid, currency, balance in session.execute(
            select(Invoice.customer_id, Invoice.currency, func.sum(Invoice.balance))
            .where(Invoice.customer_id.in_([c.id for c, _ in rows]), Invoice.balance > ZERO)
            .group_by(Invoice.customer_id, Invoice.currency)
        ):
            owed[cid][currency] = balance
    return [
        HandedOver(
            c.id,
            c.name,
            c.external_id,
            owed.get(c.id, {}),
            c.handed_over_at.astimezone(tz).date(),
            collector,
        )
        for c, collector in rows
        if c.handed_over_at is not None
    ]


def customers_of(session: Session, member_id: int) -> int:
    return int(
        session.scalar(select(func.count(Customer.id)).where(Customer.collector_id == member_id))
        or 0
    )


def admins(session: Session) -> list[TeamMember]:
    return list(
        session.scalars(
            select(TeamMember).where(TeamMember.active.is_(True), TeamMember.role == Role.ADMIN)
        )
    )


def mark_left_slack(session: Session, member_id: int, now: datetime) -> None:
    member = session.get(TeamMember, member_id)
    if member is not None:
        member.active = False
        member.left_slack_at = now
        session.flush()


def cancel_open_tasks(session: Session, customer_id: int) -> int:
    """A customer handed over is no collector's work: their open tasks are cancelled (they
    stay in the history as such) so nobody is nudged about them."""
    due.mark(session, [customer_id])
    return _rows(
        session,
        update(Task)
        .where(Task.customer_id == customer_id, Task.status == TaskStatus.OPEN)
        .values(status=TaskStatus.CANCELLED)
        .execution_options(synchronize_session=False),
    )
