"""The report's SQL: one grouped query per figure family, filtered by the scope."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement, case, func, select, true
from sqlalchemy.orm import Session

from bot.calls.notes import NoteDraft, answers_three_questions
from bot.core.vocabulary import AttemptOutcome, PromiseStatus, Role
from bot.reports.rules import (
    AGING_BUCKETS,
    REPEAT_WINDOW_DAYS,
    CollectorContacts,
    Figures,
    Period,
    Scope,
    receivables_figures,
)
from bot.team import queries as team
from bot.team.rules import Person
from models import (
    ContactAttempt,
    Customer,
    Invoice,
    Note,
    Payment,
    PaymentPromise,
    Task,
    TeamMember,
)


def scope_for(session: Session, member: Person) -> Scope:
    """An admin sees everyone; a supervisor their collectors and themselves; a collector
    their own work."""
    if member.role == Role.ADMIN:
        return Scope(None, "")
    if member.role == Role.SUPERVISOR:
        return Scope([member.id, *team.reports_to(session, member.id)], member.name)
    return Scope([member.id], member.name)


class Filters:
    """The scope's filters, applied the same way to every figure."""

    def __init__(self, session: Session, scope: Scope, tz: ZoneInfo) -> None:
        self.session = session
        self.scope = scope
        self.tz = tz

    def customers(self, column: Any) -> ColumnElement[bool]:
        """`column` (a customer id) belongs to a customer of the scope."""
        if self.scope.member_ids is None:
            return true()
        owned = select(Customer.id).where(Customer.collector_id.in_(self.scope.member_ids))
        result: ColumnElement[bool] = column.in_(owned)
        return result

    def members(self, column: Any) -> ColumnElement[bool]:
        if self.scope.member_ids is None:
            return true()
        result: ColumnElement[bool] = column.in_(self.scope.member_ids)
        return result

    def sum(self, column: Any, *where: ColumnElement[bool]) -> Decimal:
        value = self.session.scalar(select(func.coalesce(func.sum(column), 0)).where(*where))
        return Decimal(value or 0)


def figures(q: Filters, period: Period, today: date) -> Figures:
    found = Figures(period)
    begin, after = period.bounds(q.tz)
    contacts(q, found, begin, after)
    notes(q, found, begin, after)
    promises(q, found, begin, after)
    money(q, found, period, today)
    return found


def contacts(q: Filters, figures: Figures, begin: datetime, after: datetime) -> None:
    rows = q.session.execute(
        select(TeamMember.id, TeamMember.name, ContactAttempt.at, ContactAttempt.outcome)
        .join(TeamMember, TeamMember.id == ContactAttempt.member_id)
        .where(
            ContactAttempt.at >= begin,
            ContactAttempt.at < after,
            q.members(ContactAttempt.member_id),
        )
    )
    by_member: dict[int, CollectorContacts] = {}
    for member_id, name, at, outcome in rows:
        line = by_member.setdefault(member_id, CollectorContacts(member_id, name))
        day = at.astimezone(q.tz).date()  # UTCDateTime reads back aware
        counts = line.by_day.setdefault(day, [0, 0])
        line.attempts += 1
        counts[0] += 1
        if outcome in (AttemptOutcome.ANSWERED, AttemptOutcome.THIRD_PARTY):
            line.answered += 1
            counts[1] += 1
    figures.contacts = sorted(by_member.values(), key=lambda c: (-c.attempts, c.name, c.member_id))


def notes(q: Filters, figures: Figures, begin: datetime, after: datetime) -> None:
    with_task = select(Task.note_id).where(Task.note_id.is_not(None))
    rows = q.session.execute(
        select(
            Note.excuse_category,
            Note.hashtags,
            Note.spoke_with,
            Note.excuse,
            Note.agreement,
            Note.id.in_(with_task),
        ).where(Note.created_at >= begin, Note.created_at < after, q.members(Note.author_id))
    )
    for category, tags, spoke_with, excuse, agreement, has_task in rows:
        figures.notes += 1
        if category is not None:
            figures.excuses[category.value] += 1
        for tag in (tags or "").replace("#", " ").split():
            figures.hashtags[tag] += 1
        # What next: a task made from the note, or at least an agreement written in it.
        next_step = "task" if has_task else agreement
        if answers_three_questions(NoteDraft(spoke_with, category, excuse, agreement, next_step)):
            figures.notes_complete += 1


def promises(q: Filters, figures: Figures, begin: datetime, after: datetime) -> None:
    p = figures.promises
    rows = q.session.execute(
        select(
            PaymentPromise.status,
            func.count(PaymentPromise.id),
            func.coalesce(func.sum(PaymentPromise.amount), 0),
            func.coalesce(func.sum(PaymentPromise.paid_amount), 0),
        )
        .where(
            PaymentPromise.created_at >= begin,
            PaymentPromise.created_at < after,
            PaymentPromise.status != PromiseStatus.CANCELLED,
            q.members(PaymentPromise.collector_id),
        )
        .group_by(PaymentPromise.status)
    )
    for status, count, amount_sum, paid_sum in rows:
        amount, paid = Decimal(amount_sum), Decimal(paid_sum)
        p.made += count
        p.amount_promised += amount
        setattr(p, status.value, getattr(p, status.value) + count)
        if status != PromiseStatus.PENDING:
            p.resolved_amount += amount
            p.resolved_paid += min(paid, amount)


def money(q: Filters, figures: Figures, period: Period, today: date) -> None:
    """Collections, credit sales, receivables at the period's end (see the README)."""
    issued = func.coalesce(Invoice.issue_date, Invoice.due_date)
    figures.collected = q.sum(
        Payment.amount,
        Payment.paid_on >= period.start,
        Payment.paid_on <= period.end,
        q.customers(Payment.customer_id),
    )
    figures.sales = q.sum(
        Invoice.amount,
        issued >= period.start,
        issued <= period.end,
        q.customers(Invoice.customer_id),
    )
    end = min(period.end, today)
    current_invoices = select(Invoice.id).where(issued <= end, Invoice.due_date >= end)
    receivables_figures(
        figures,
        now_open=q.sum(Invoice.balance, Invoice.balance > 0, q.customers(Invoice.customer_id)),
        paid_since=q.sum(Payment.amount, Payment.paid_on > end, q.customers(Payment.customer_id)),
        issued_since=q.sum(Invoice.amount, issued > end, q.customers(Invoice.customer_id)),
        current_now=q.sum(
            Invoice.balance,
            issued <= end,
            Invoice.due_date >= end,
            q.customers(Invoice.customer_id),
        ),
        paid_since_on_current=q.sum(
            Payment.amount,
            Payment.paid_on > end,
            Payment.invoice_id.in_(current_invoices),
            q.customers(Payment.customer_id),
        ),
    )
    days = q.session.execute(
        select(Payment.paid_on, issued)
        .join(Invoice, Invoice.id == Payment.invoice_id)
        .where(
            Payment.paid_on >= period.start,
            Payment.paid_on <= period.end,
            q.customers(Payment.customer_id),
        )
    ).all()
    if days:
        total = sum((paid - sent).days for paid, sent in days)
        figures.days_to_pay = (Decimal(total) / len(days)).quantize(Decimal("0.1"))


def aging(q: Filters, asof: date) -> dict[str, Decimal]:
    """Open balances by days past due as of `asof`: today's balance of each invoice issued
    by then, plus what was paid on it after `asof` (so a past day's aging is rebuilt)."""
    bucket = case(
        (Invoice.due_date >= asof, "current"),
        (Invoice.due_date >= asof - timedelta(days=30), "1-30"),
        (Invoice.due_date >= asof - timedelta(days=60), "31-60"),
        (Invoice.due_date >= asof - timedelta(days=90), "61-90"),
        (Invoice.due_date >= asof - timedelta(days=120), "91-120"),
        else_="120+",
    )
    paid_after = (
        select(Payment.invoice_id, func.sum(Payment.amount).label("paid"))
        .where(Payment.paid_on > asof, Payment.invoice_id.is_not(None))
        .group_by(Payment.invoice_id)
        .subquery()
    )
    owed = Invoice.balance + func.coalesce(paid_after.c.paid, 0)
    issued = func.coalesce(Invoice.issue_date, Invoice.due_date)
    found: dict[str, Any] = dict(
        q.session.execute(
            select(bucket, func.sum(owed))
            .outerjoin(paid_after, paid_after.c.invoice_id == Invoice.id)
            .where(owed > 0, issued <= asof, q.customers(Invoice.customer_id))
            .group_by(bucket)
        ).all()
    )
    return {name: Decimal(found.get(name) or 0) for name in AGING_BUCKETS}


def repeat_breakers(q: Filters, end: date) -> list[tuple[str, int]]:
    """Customers who broke two or more promises in the 90 days up to the period's end."""
    since = datetime.combine(end - timedelta(days=REPEAT_WINDOW_DAYS), time(0), q.tz)
    until = datetime.combine(end + timedelta(days=1), time(0), q.tz)
    broken = func.count(PaymentPromise.id)
    rows = q.session.execute(
        select(Customer.name, broken)
        .join(Customer, Customer.id == PaymentPromise.customer_id)
        .where(
            PaymentPromise.status.in_([PromiseStatus.BROKEN, PromiseStatus.PARTIAL]),
            PaymentPromise.broken_at >= since,
            PaymentPromise.broken_at < until,
            q.customers(PaymentPromise.customer_id),
        )
        .group_by(Customer.id, Customer.name)
        .having(broken >= 2)
        .order_by(broken.desc(), Customer.name)
    )
    return [(name, count) for name, count in rows]
