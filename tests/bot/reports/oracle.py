"""The report as it was computed before its figures were grouped by the database: the
rows loaded and added up in Python, each figure on its own pass. Kept only here, as the
oracle the SQL aggregates of `bot.reports.queries` are held to on random data."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement, String, Subquery, case, cast, func, literal, select, true
from sqlalchemy.orm import Session

from bot.calls.notes import NoteDraft, answers_three_questions
from bot.core.calendar import BusinessCalendar
from bot.core.policy import Policy
from bot.core.vocabulary import AttemptOutcome, PromiseStatus, Role, TaskStatus
from bot.corrections.rules import RENEGOTIATION
from bot.promises.rules import broken_on
from bot.reports.figures import CollectorFigures, CurrencyFigures, Day, Figures, add_to
from bot.reports.rules import (
    AGING_BUCKETS,
    REPEAT_WINDOW_DAYS,
    Period,
    Report,
    Scope,
    TaskSpan,
    overdue_on,
    receivables_figures,
)
from models import (
    CallPlan,
    ContactAttempt,
    Correction,
    Customer,
    Invoice,
    Note,
    Payment,
    PaymentPromise,
    Task,
    TeamMember,
)

ANSWERED = (AttemptOutcome.ANSWERED, AttemptOutcome.THIRD_PARTY)
Person = Callable[[int], CollectorFigures]


class Filters:
    """The scope's filters, applied the same way to every figure, and the currency rules."""

    def __init__(self, session: Session, scope: Scope, tz: ZoneInfo, currency: str) -> None:
        self.session = session
        self.scope = scope
        self.tz = tz
        self.default = currency
        self._customer_currency: Subquery | None = None
        self._currencies: list[str] | None = None

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

    @property
    def customer_currency(self) -> Subquery:
        if self._customer_currency is None:
            self._customer_currency = (
                select(
                    Invoice.customer_id.label("customer_id"),
                    func.min(Invoice.currency).label("currency"),
                )
                .group_by(Invoice.customer_id)
                .subquery()
            )
        return self._customer_currency

    def local_day(self, at: datetime) -> date:
        return at.astimezone(self.tz).date()  # UTCDateTime reads back aware

    def by_currency(self, query: Any) -> dict[str, Decimal]:
        return {
            currency or self.default: Decimal(v or 0) for currency, v in self.session.execute(query)
        }

    def invoices(self, column: Any, *where: ColumnElement[bool]) -> dict[str, Decimal]:
        return self.by_currency(
            select(Invoice.currency, func.sum(column))
            .where(*where, self.customers(Invoice.customer_id))
            .group_by(Invoice.currency)
        )

    def payments(self, *where: ColumnElement[bool]) -> dict[str, Decimal]:
        currency = self.payment_currency()
        return self.by_currency(
            self.payments_joined(select(currency, func.sum(Payment.amount)))
            .where(*where, self.customers(Payment.customer_id))
            .group_by(*self.grouped(currency))
        )

    @property
    def single(self) -> str | None:
        """The one currency of every invoice (the usual team): then no query needs to find
        a payment's or a promise's currency. None when there are several."""
        if self._currencies is None:
            self._currencies = sorted(self.session.scalars(select(Invoice.currency).distinct()))
        return (self._currencies or [self.default])[0] if len(self._currencies) <= 1 else None

    def grouped(self, currency: ColumnElement[str]) -> list[ColumnElement[str]]:
        """Group by the currency only when there are several (a constant is not grouped)."""
        return [] if self.single else [currency]

    def promise_currency(self) -> ColumnElement[str]:
        if self.single:
            return cast(literal(self.single), String)
        return func.coalesce(self.customer_currency.c.currency, self.default)

    def with_promise_currency(self, query: Any) -> Any:
        if self.single:
            return query
        cc = self.customer_currency
        return query.outerjoin(cc, cc.c.customer_id == PaymentPromise.customer_id)

    def payment_currency(self) -> ColumnElement[str]:
        if self.single:
            return cast(literal(self.single), String)
        return func.coalesce(Invoice.currency, self.customer_currency.c.currency, self.default)

    def payments_joined(self, query: Any) -> Any:
        if self.single:
            return query
        cc = self.customer_currency
        return query.outerjoin(Invoice, Invoice.id == Payment.invoice_id).outerjoin(
            cc, cc.c.customer_id == Payment.customer_id
        )


def listed_members(session: Session, scope: Scope) -> dict[int, str]:
    """Who the report lists even with nothing done: the scope's active collectors (every
    active collector for everyone's report), or the one person a personal report is about.
    Anyone else in the scope who did some of the work is listed as well (see `figures`)."""
    query = select(TeamMember.id, TeamMember.name).where(TeamMember.active.is_(True))
    if scope.member_ids is not None:
        query = query.where(TeamMember.id.in_(scope.member_ids))
    if scope.member_ids is None or len(scope.member_ids) > 1:
        query = query.where(TeamMember.role == Role.COLLECTOR)
    return {member_id: name for member_id, name in session.execute(query)}


def names_of(session: Session, ids: Iterable[int]) -> dict[int, str]:
    wanted = list(set(ids))
    if not wanted:
        return {}
    rows = session.execute(select(TeamMember.id, TeamMember.name).where(TeamMember.id.in_(wanted)))
    return {member_id: name for member_id, name in rows}


def figures(
    q: Filters,
    period: Period,
    today: date,
    listed: dict[int, str],
    calendar: BusinessCalendar,
) -> Figures:
    found = Figures(period.start, period.end)
    people: dict[int, CollectorFigures] = {
        member_id: CollectorFigures(member_id, name) for member_id, name in listed.items()
    }
    days = period.each_day(today)
    for collector in people.values():
        for day in days:
            collector.day(day)

    def person(member_id: int) -> CollectorFigures:
        if member_id not in people:  # someone outside the list who worked: shown too
            name = names_of(q.session, [member_id]).get(member_id, "?")
            people[member_id] = CollectorFigures(member_id, name, {d: Day() for d in days})
        return people[member_id]

    begin, after = period.bounds(q.tz)
    plans(q, person, period)
    attempts(q, person, begin, after)
    corrected(q, person, begin, after)
    promises_made(q, person, begin, after)
    promises_due(q, person, period, today, calendar)
    collected(q, person, period)
    tasks_overdue(q, person, days, begin, after)
    notes(q, found, begin, after)
    money(q, found, period, today)
    found.collectors = sorted(people.values(), key=lambda c: (c.name, c.member_id))
    return found


def plans(q: Filters, person: Person, period: Period) -> None:
    for member_id, day, planned, beyond in q.session.execute(
        select(CallPlan.member_id, CallPlan.day, CallPlan.planned, CallPlan.beyond).where(
            CallPlan.day >= period.start, CallPlan.day <= period.end, q.members(CallPlan.member_id)
        )
    ):
        figures = person(member_id).day(day)
        figures.planned += planned
        figures.beyond += beyond


def attempts(q: Filters, person: Person, begin: datetime, after: datetime) -> None:
    for member_id, at, outcome in q.session.execute(
        select(ContactAttempt.member_id, ContactAttempt.at, ContactAttempt.outcome).where(
            ContactAttempt.at >= begin,
            ContactAttempt.at < after,
            q.members(ContactAttempt.member_id),
        )
    ):
        day = person(member_id).day(q.local_day(at))
        day.attempts += 1
        day.answered += outcome in ANSWERED


def promises_made(q: Filters, person: Person, begin: datetime, after: datetime) -> None:
    for member_id, at, amount, currency in q.session.execute(
        q.with_promise_currency(
            select(
                PaymentPromise.collector_id,
                PaymentPromise.created_at,
                PaymentPromise.amount,
                q.promise_currency(),
            )
        ).where(
            PaymentPromise.created_at >= begin,
            PaymentPromise.created_at < after,
            PaymentPromise.status != PromiseStatus.CANCELLED,  # replaced by a correction
            q.members(PaymentPromise.collector_id),
        )
    ):
        day = person(member_id).day(q.local_day(at))
        day.made += 1
        add_to(day.promised, currency, Decimal(amount))


def promises_due(
    q: Filters, person: Person, period: Period, today: date, calendar: BusinessCalendar
) -> None:
    """By the day each promise fell due (its date now: a renegotiated promise counts on its
    new date), how it ended. A promise still pending past its grace is judged by the rule
    (broken, or partly kept when some money came), not by whether the nudge round that
    marks it has run yet: Monday's 08:00 report must not call a broken promise pending."""
    currency = q.promise_currency()
    renegotiated = PaymentPromise.renegotiations > 0
    some_money = PaymentPromise.paid_amount > 0
    paid_up_to = case(
        (PaymentPromise.paid_amount < PaymentPromise.amount, PaymentPromise.paid_amount),
        else_=PaymentPromise.amount,
    )
    rows = q.session.execute(
        q.with_promise_currency(
            select(
                PaymentPromise.collector_id,
                PaymentPromise.promised_for,
                PaymentPromise.status,
                renegotiated,
                some_money,
                currency,
                func.count(PaymentPromise.id),
                func.coalesce(func.sum(PaymentPromise.amount), 0),
                func.coalesce(func.sum(paid_up_to), 0),
            )
        )
        .where(
            PaymentPromise.promised_for >= period.start,
            PaymentPromise.promised_for <= period.end,
            PaymentPromise.status != PromiseStatus.CANCELLED,
            q.members(PaymentPromise.collector_id),
        )
        .group_by(
            PaymentPromise.collector_id,
            PaymentPromise.promised_for,
            PaymentPromise.status,
            renegotiated,
            some_money,
            *q.grouped(currency),
        )
    )
    for member_id, due_on, status, moved, some_paid, cash, count, amount, paid in rows:
        if status == PromiseStatus.PENDING and broken_on(due_on, calendar) <= today:
            status = PromiseStatus.PARTIAL if some_paid else PromiseStatus.BROKEN
        day = person(member_id).day(due_on)
        day.due += count
        setattr(day, status.value, getattr(day, status.value) + count)
        day.renegotiated += count if moved else 0
        if status != PromiseStatus.PENDING:
            add_to(day.due_amount, cash, Decimal(amount))
            add_to(day.due_paid, cash, Decimal(paid))


def collected(q: Filters, person: Person, period: Period) -> None:
    """Payments received, per collector of the paying customer (its collector today)."""
    currency = q.payment_currency()
    rows = q.session.execute(
        q.payments_joined(
            select(Customer.collector_id, Payment.paid_on, currency, func.sum(Payment.amount))
        )
        .join(Customer, Customer.id == Payment.customer_id)
        .where(
            Payment.paid_on >= period.start,
            Payment.paid_on <= period.end,
            Customer.collector_id.is_not(None),
            q.members(Customer.collector_id),
        )
        .group_by(Customer.collector_id, Payment.paid_on, *q.grouped(currency))
    )
    for member_id, paid_on, cash, amount in rows:
        add_to(person(member_id).day(paid_on).collected, cash, Decimal(amount))


def tasks_overdue(
    q: Filters, person: Person, days: list[date], begin: datetime, after: datetime
) -> None:
    """Each day's open tasks whose due day had passed, per assignee: the tasks that could
    have been overdue on one of the days, then the rule (`overdue_on`) day by day."""
    if not days:
        return
    closed = func.coalesce(Task.done_at, Task.updated_at)
    rows = q.session.execute(
        select(Task.assignee_id, Task.due_date, Task.created_at, Task.status, closed).where(
            Task.due_date < days[-1],
            Task.created_at < after,
            (Task.status == TaskStatus.OPEN) | (closed >= begin),
            q.members(Task.assignee_id),
        )
    )
    for member_id, due, opened, status, closed_at in rows:
        # coalesce() loses the column's type: a closing instant may come back naive (UTC).
        if status == TaskStatus.OPEN:
            until = None
        else:
            at = closed_at if isinstance(closed_at, datetime) else datetime.fromisoformat(closed_at)
            until = q.local_day(at if at.tzinfo else at.replace(tzinfo=UTC))
        span = TaskSpan(member_id, due, q.local_day(opened), until)
        figures = person(member_id)
        for day in days:
            if overdue_on(span, day):
                figures.day(day).tasks_overdue += 1


def corrected(q: Filters, person: Person, begin: datetime, after: datetime) -> None:
    """Calls whose record was corrected after the fact, on the call's own day and for its
    author (whoever corrected it): the report counts the corrected version, and says how
    many calls it had to take from a correction."""
    for member_id, at in q.session.execute(
        select(ContactAttempt.member_id, ContactAttempt.at).where(
            ContactAttempt.at >= begin,
            ContactAttempt.at < after,
            q.members(ContactAttempt.member_id),
            ContactAttempt.id.in_(
                select(Correction.attempt_id).where(
                    Correction.attempt_id.is_not(None), Correction.kind != RENEGOTIATION
                )
            ),
        )
    ):
        person(member_id).day(q.local_day(at)).corrected += 1


def notes(q: Filters, figures: Figures, begin: datetime, after: datetime) -> None:
    """The last version of each call's note, dated by its call and counted for the call's
    author: a correction replaces the note it corrects (never both counted), and a note
    a correction emptied (the call turned out to be a no-answer) is no note at all."""
    with_task = select(Task.note_id).where(Task.note_id.is_not(None))
    replaced = select(Note.corrects_id).where(Note.corrects_id.is_not(None))
    at = func.coalesce(ContactAttempt.at, Note.created_at)
    author = func.coalesce(ContactAttempt.member_id, Note.author_id)
    rows = q.session.execute(
        select(
            Note.excuse_category,
            Note.hashtags,
            Note.spoke_with,
            Note.excuse,
            Note.agreement,
            Note.id.in_(with_task),
        )
        .outerjoin(ContactAttempt, ContactAttempt.id == Note.attempt_id)
        .where(at >= begin, at < after, q.members(author), Note.id.not_in(replaced))
    )
    for category, tags, spoke_with, excuse, agreement, has_task in rows:
        if category is None and not spoke_with and not excuse and not agreement:
            continue
        figures.notes += 1
        if category is not None:
            figures.excuses[category.value] += 1
        for tag in (tags or "").replace("#", " ").split():
            figures.hashtags[tag] += 1
        # What next: a task made from the note, or at least an agreement written in it.
        next_step = "task" if has_task else agreement
        if answers_three_questions(NoteDraft(spoke_with, category, excuse, agreement, next_step)):
            figures.notes_complete += 1


def money(q: Filters, figures: Figures, period: Period, today: date) -> None:
    """Collections, credit sales, receivables at the period's end, DSO and CEI, per
    currency (see the README)."""
    issued = func.coalesce(Invoice.issue_date, Invoice.due_date)
    end = min(period.end, today)
    collected = q.payments(Payment.paid_on >= period.start, Payment.paid_on <= period.end)
    sales = q.invoices(Invoice.amount, issued >= period.start, issued <= period.end)
    now_open = q.invoices(Invoice.balance, Invoice.balance > 0)
    paid_since = q.payments(Payment.paid_on > end)
    issued_since = q.invoices(Invoice.amount, issued > end)
    current_now = q.invoices(Invoice.balance, issued <= end, Invoice.due_date >= end)
    current_invoices = select(Invoice.id).where(issued <= end, Invoice.due_date >= end)
    paid_on_current = q.payments(Payment.paid_on > end, Payment.invoice_id.in_(current_invoices))
    known = set(collected) | set(sales) | set(now_open) | set(paid_since) | set(issued_since)
    for currency in sorted(known):
        cash = CurrencyFigures(
            collected=collected.get(currency, Decimal(0)), sales=sales.get(currency, Decimal(0))
        )
        receivables_figures(
            cash,
            period.days,
            now_open=now_open.get(currency, Decimal(0)),
            paid_since=paid_since.get(currency, Decimal(0)),
            issued_since=issued_since.get(currency, Decimal(0)),
            current_now=current_now.get(currency, Decimal(0)),
            paid_since_on_current=paid_on_current.get(currency, Decimal(0)),
        )
        if cash.collected or cash.sales or cash.receivables:
            figures.money[currency] = cash
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


def aging(q: Filters, asof: date) -> dict[str, dict[str, Decimal]]:
    """Open balances by currency and days past due as of `asof`: today's balance of each
    invoice issued by then, plus what was paid on it after `asof` (a past day rebuilt)."""
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
    found: dict[str, dict[str, Decimal]] = {}
    for currency, name, amount in q.session.execute(
        select(Invoice.currency, bucket, func.sum(owed))
        .outerjoin(paid_after, paid_after.c.invoice_id == Invoice.id)
        .where(owed > 0, issued <= asof, q.customers(Invoice.customer_id))
        .group_by(Invoice.currency, bucket)
    ):
        buckets = found.setdefault(currency, dict.fromkeys(AGING_BUCKETS, Decimal(0)))
        buckets[name] = Decimal(amount or 0)
    return found


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


def build_report(
    session: Session, period: Period, scope: Scope, *, policy: Policy, today: date, currency: str
) -> Report:
    """`bot.reports.service.build_report` as it was."""
    q = Filters(session, scope, policy.tz, currency)
    previous = period.previous()
    listed = listed_members(session, scope)
    return Report(
        scope_label=scope.label,
        scope_kind=scope.kind,
        current=figures(q, period, today, listed, policy.calendar),
        previous=figures(q, previous, today, listed, policy.calendar),
        aging=aging(q, min(period.end, today)),
        aging_before=aging(q, min(previous.end, today)),
        repeat_breakers=repeat_breakers(q, period.end),
        repeat_before=len(repeat_breakers(q, previous.end)),
        currency=currency,
        business_days=max(
            policy.calendar.business_days_between(period.start - timedelta(days=1), period.end),
            1,
        ),
        kind=period.kind,
    )
