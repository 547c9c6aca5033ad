"""The report's SQL: every figure family in one grouped query, computed by the database
(conditional sums and counts, grouped by collector, day and currency), filtered by the
scope; the invoices and the payments are read once for a period and the one before it.
Money is grouped by currency in the database, never added across currencies.

A payment is in the currency of the invoice it names, else its customer's; a promise in its
customer's (the currency most of their invoices are in: `min` of their invoices' currency,
as `bot.customers.queries.currencies_of`), else the team's default.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import (
    ColumnElement,
    Integer,
    String,
    Subquery,
    and_,
    case,
    cast,
    func,
    literal,
    literal_column,
    or_,
    select,
    text,
    true,
)
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from bot.agenda.rules import Agenda
from bot.calls.notes import NoteDraft, answers_three_questions
from bot.core.calendar import BusinessCalendar
from bot.core.vocabulary import AttemptOutcome, PromiseStatus, Role, TaskStatus
from bot.corrections.rules import RENEGOTIATION
from bot.promises.rules import broken_on
from bot.reports.figures import CollectorFigures, CurrencyFigures, Day, Figures, add_to
from bot.reports.rules import (
    AGING_BUCKETS,
    REPEAT_WINDOW_DAYS,
    Period,
    Scope,
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

    @property
    def single(self) -> str | None:
        """The one currency of every invoice (the usual team): then no query needs to find
        a payment's or a promise's currency. None when there are several."""
        if self._currencies is None:
            # The least and the greatest currency, each from the index (SQLite too: one
            # aggregate a subquery): not a pass over the invoices.
            low, high = self.session.execute(
                select(
                    select(func.min(Invoice.currency)).scalar_subquery(),
                    select(func.max(Invoice.currency)).scalar_subquery(),
                )
            ).one()
            self._currencies = [] if low is None else sorted({low, high})
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


def as_a_report(session: Session) -> None:
    """A report's transaction on PostgreSQL: a few large passes, each summing many
    conditions. Compiling those sums to machine code costs more (0.2-0.3 s at two million
    invoices) than it saves on one pass; and the default 4 MB per sort or hash sent the
    joins of the notes, calls and payments of two months to disk (the report 10-15 % slower
    at 200,000 customers). For this transaction only."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SET LOCAL jit = off"))
        session.execute(text("SET LOCAL work_mem = '32MB'"))


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
    ledger: Ledger,
) -> Figures:
    """Every figure of one period, each family in one grouped query; the money (`ledger`)
    comes from `ledgers`, which reads the invoices once for both periods."""
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

    plans(q, person, period)
    attempts(q, person, period)
    promises_made(q, person, period)
    promises_due(q, person, period, today, calendar)
    collected(q, person, period)
    tasks_overdue(q, person, days)
    notes(q, found, period)
    found.money = ledger.money
    found.days_to_pay = ledger.days_to_pay
    found.collectors = sorted(people.values(), key=lambda c: (c.name, c.member_id))
    return found


def _starts(period: Period, tz: ZoneInfo) -> list[datetime]:
    """The instant each day of the period begins, in UTC (the day after its end last)."""
    return [Period(day, day).bounds(tz)[0] for day in period.each_day(period.end)] + [
        period.bounds(tz)[1]
    ]


def day_number(column: Any, starts: list[datetime]) -> ColumnElement[int]:
    """Which day of the period (0, 1, …) an instant already inside it falls on, in the
    team's time zone: a tree of comparisons with the days' first instants, so the database
    groups by the team's day in log2(days) steps a row, on SQLite (which has no time zones)
    as on PostgreSQL."""

    def tree(low: int, high: int) -> ColumnElement[int]:
        if low == high:
            return literal_column(str(low), Integer)
        middle = (low + high + 1) // 2
        return case((column < starts[middle], tree(low, middle - 1)), else_=tree(middle, high))

    return tree(0, len(starts) - 2)


def _by_day(day: ColumnElement[int], starts: list[datetime]) -> list[ColumnElement[int]]:
    """Group by the day, unless the period has one (a constant is not grouped)."""
    return [day] if len(starts) > 2 else []


def _count_if(condition: ColumnElement[bool]) -> ColumnElement[int]:
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)


def _sum_if(condition: ColumnElement[bool], value: Any) -> Any:
    return func.sum(case((condition, value), else_=None))


def plans(q: Filters, person: Person, period: Period) -> None:
    for member_id, day, planned, beyond in q.session.execute(
        select(CallPlan.member_id, CallPlan.day, CallPlan.planned, CallPlan.beyond).where(
            CallPlan.day >= period.start, CallPlan.day <= period.end, q.members(CallPlan.member_id)
        )
    ):
        figures = person(member_id).day(day)
        figures.planned += planned
        figures.beyond += beyond


def attempts(q: Filters, person: Person, period: Period) -> None:
    """Calls and contacts per collector per day, and among them the calls whose record was
    corrected after the fact (counted once however many corrections, on the call's own day
    and for its author: the report counts the corrected version)."""
    begin, after = period.bounds(q.tz)
    starts = _starts(period, q.tz)
    day = day_number(ContactAttempt.at, starts)
    corrected = select(Correction.attempt_id).where(
        Correction.attempt_id.is_not(None), Correction.kind != RENEGOTIATION
    )
    rows = q.session.execute(
        select(
            ContactAttempt.member_id,
            day,
            func.count(ContactAttempt.id),
            _count_if(ContactAttempt.outcome.in_(ANSWERED)),
            _count_if(ContactAttempt.id.in_(corrected)),
        )
        .where(
            ContactAttempt.at >= begin,
            ContactAttempt.at < after,
            q.members(ContactAttempt.member_id),
        )
        .group_by(ContactAttempt.member_id, *_by_day(day, starts))
    )
    for member_id, number, calls, answered, fixed in rows:
        figures = person(member_id).day(period.start + timedelta(days=int(number)))
        figures.attempts += calls
        figures.answered += answered
        figures.corrected += fixed


def promises_made(q: Filters, person: Person, period: Period) -> None:
    begin, after = period.bounds(q.tz)
    starts = _starts(period, q.tz)
    day = day_number(PaymentPromise.created_at, starts)
    currency = q.promise_currency()
    rows = q.session.execute(
        q.with_promise_currency(
            select(
                PaymentPromise.collector_id,
                day,
                currency,
                func.count(PaymentPromise.id),
                func.sum(PaymentPromise.amount),
            )
        )
        .where(
            PaymentPromise.created_at >= begin,
            PaymentPromise.created_at < after,
            PaymentPromise.status != PromiseStatus.CANCELLED,  # replaced by a correction
            q.members(PaymentPromise.collector_id),
        )
        .group_by(PaymentPromise.collector_id, *_by_day(day, starts), *q.grouped(currency))
    )
    for member_id, number, cash, count, amount in rows:
        figures = person(member_id).day(period.start + timedelta(days=int(number)))
        figures.made += count
        add_to(figures.promised, cash, Decimal(amount or 0))


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


TASK_DAYS_A_QUERY = 200  # columns a statement counts at most (PostgreSQL takes 1,664)


def tasks_overdue(q: Filters, person: Person, days: list[date]) -> None:
    """Each day's open tasks whose due day had passed, per assignee, counted by the
    database day by day: the rule `overdue_on` (due before the day, opened by its end, not
    closed by its end) written as one conditional count per day."""
    if not days:
        return
    last = Period(days[0], days[-1])
    begin, after = last.bounds(q.tz)
    closed = func.coalesce(Task.done_at, Task.updated_at)
    for first in range(0, len(days), TASK_DAYS_A_QUERY):
        chunk = days[first : first + TASK_DAYS_A_QUERY]
        counts = []
        for day in chunk:
            end_of_day = Period(day, day).bounds(q.tz)[1]
            counts.append(
                _count_if(
                    and_(
                        Task.due_date < day,
                        Task.created_at < end_of_day,
                        or_(Task.status == TaskStatus.OPEN, closed >= end_of_day),
                    )
                )
            )
        rows = q.session.execute(
            select(Task.assignee_id, *counts)
            .where(
                Task.due_date < days[-1],
                Task.created_at < after,
                (Task.status == TaskStatus.OPEN) | (closed >= begin),
                q.members(Task.assignee_id),
            )
            .group_by(Task.assignee_id)
        )
        for member_id, *overdue in rows:
            figures = person(member_id)
            for day, count in zip(chunk, overdue, strict=True):
                if count:
                    figures.day(day).tasks_overdue += count


def notes(q: Filters, figures: Figures, period: Period) -> None:
    """The last version of each call's note, dated by its call and counted for the call's
    author: a correction replaces the note it corrects (never both counted), and a note
    a correction emptied (the call turned out to be a no-answer) is no note at all.
    Notes alike are counted together by the database; whether they answer the three
    questions is the rule's to say, once for each kind."""
    begin, after = period.bounds(q.tz)
    with_task = select(Task.note_id).where(Task.note_id.is_not(None)).distinct().subquery()
    replaced = select(Note.corrects_id).where(Note.corrects_id.is_not(None))
    # Only the period's calls are joined (a tenth of them at 200,000 customers, where
    # hashing every call spilled to disk): a note of a call outside it finds none and, its
    # call being known, is left out; a note with no call is dated by its writing.
    calls = (
        select(ContactAttempt.id, ContactAttempt.member_id)
        .where(ContactAttempt.at >= begin, ContactAttempt.at < after)
        .subquery()
    )
    dated = or_(
        calls.c.id.is_not(None),
        and_(Note.attempt_id.is_(None), Note.created_at >= begin, Note.created_at < after),
    )
    author = func.coalesce(calls.c.member_id, Note.author_id)
    has_task = with_task.c.note_id.is_not(None)
    rows = q.session.execute(
        select(
            Note.excuse_category,
            Note.hashtags,
            Note.spoke_with,
            Note.excuse,
            Note.agreement,
            has_task,
            func.count(Note.id),
        )
        .outerjoin(calls, calls.c.id == Note.attempt_id)
        .outerjoin(with_task, with_task.c.note_id == Note.id)
        # A note is written at its call or after it (a correction later still), never
        # before: the period's notes are among those written since it began, which the
        # database finds without joining every note ever written to the calls.
        .where(Note.created_at >= begin, dated, q.members(author), Note.id.not_in(replaced))
        .group_by(
            Note.excuse_category,
            Note.hashtags,
            Note.spoke_with,
            Note.excuse,
            Note.agreement,
            has_task,
        )
    )
    for category, tags, spoke_with, excuse, agreement, tasked, count in rows:
        if category is None and not spoke_with and not excuse and not agreement:
            continue
        figures.notes += count
        if category is not None:
            figures.excuses[category.value] += count
        for tag in (tags or "").replace("#", " ").split():
            figures.hashtags[tag] += count
        # What next: a task made from the note, or at least an agreement written in it.
        next_step = "task" if tasked else agreement
        if answers_three_questions(NoteDraft(spoke_with, category, excuse, agreement, next_step)):
            figures.notes_complete += count


# ------------------------------------------------------------------ money, in one pass


@dataclass
class Ledger:
    """A period's money: per currency, and at its end the receivables by age."""

    money: dict[str, CurrencyFigures] = field(default_factory=dict)
    days_to_pay: Decimal | None = None
    aging: dict[str, dict[str, Decimal]] = field(default_factory=dict)


def ledgers(q: Filters, periods: list[Period], today: date) -> list[Ledger]:
    """The money of every period asked for (collections, credit sales, receivables at the
    end, DSO and CEI, aging, days to pay): one pass over the invoices and one over the
    payments of the periods for all of them, each figure a conditional sum (see the
    README)."""
    ends = [min(period.end, today) for period in periods]
    invoices = _invoice_sums(q, periods, ends)
    payments = _payment_sums(q, periods, ends)
    found = []
    for n, period in enumerate(periods):

        def of(sums: dict[str, Decimal], name: str, n: int = n) -> Decimal:
            return sums.get(f"{name}_{n}", Decimal(0))

        named = sum((of(sums, "named") for sums in invoices.values()), Decimal(0))
        waited = sum((of(sums, "waited") for sums in invoices.values()), Decimal(0))
        ledger = Ledger(days_to_pay=(waited / named).quantize(Decimal("0.1")) if named else None)
        for currency in sorted(set(invoices) | set(payments)):
            on_invoices = invoices.get(currency, {})
            on_payments = payments.get(currency, {})
            cash = CurrencyFigures(
                collected=of(on_payments, "collected"), sales=of(on_invoices, "sales")
            )
            receivables_figures(
                cash,
                period.days,
                now_open=on_invoices.get("now_open", Decimal(0)),
                paid_since=of(on_payments, "paid_since"),
                issued_since=of(on_invoices, "issued_since"),
                current_now=of(on_invoices, "current_now"),
                paid_since_on_current=of(on_invoices, "paid_on_current"),
            )
            if cash.collected or cash.sales or cash.receivables:
                ledger.money[currency] = cash
            if of(on_invoices, "aged"):
                ledger.aging[currency] = {
                    bucket: of(on_invoices, f"aging{k}") for k, bucket in enumerate(AGING_BUCKETS)
                }
        found.append(ledger)
    return found


def _invoice_sums(
    q: Filters, periods: list[Period], ends: list[date]
) -> dict[str, dict[str, Decimal]]:
    """Per currency, for each period: credit sales, invoiced since its end, not yet due at
    its end (and paid on since), the aging at its end (today's balance of each invoice
    issued by then plus what was paid on it since: a past day rebuilt), the days its
    payments waited from their invoice's issue; and today's open balance.

    In the database, in two steps: the invoices summed by currency, issue day and due day
    (four plain sums a row, one pass over an index), with beside them the payments of the
    periods' days on, summed by their invoices' same keys (what the invoices paid on since
    each end owed then, over what they owe now); then those few hundred sums, by period
    and by age.
    A payment names only an invoice of its own customer (the import refuses any other),
    so the invoice's customer is the payer for the scope."""
    issued = func.coalesce(Invoice.issue_date, Invoice.due_date)
    # Grouped by the columns themselves, in the order of `ix_invoice_sums`, which carries
    # the amounts too: the pass is over the index alone, already in groups (no table pages,
    # no hashing of two million rows); an invoice with no issue day is dated by its due day
    # once grouped.
    keys = (
        Invoice.currency.label("currency"),
        Invoice.issue_date.label("issue_date"),
        Invoice.due_date.label("due"),
    )
    by_keys = (Invoice.currency, Invoice.issue_date, Invoice.due_date)
    by_day = (
        select(
            *keys,
            func.sum(Invoice.amount).label("amount"),
            func.sum(Invoice.balance).label("balance"),
            _sum_if(Invoice.balance > 0, Invoice.balance).label("open"),
            _count_if(Invoice.balance > 0).label("opened"),
        )
        .where(q.customers(Invoice.customer_id))
        .group_by(*by_keys)
        .subquery()
    )
    # What the invoices paid on since each period's end owed then, as sums over those
    # payments alone: a balance is never below zero and a payment never is, so what an
    # invoice owed at the end (its balance now plus what was paid on it since) is above
    # zero exactly when either is, and the receivables then are today's open balance plus
    # the payments since; the invoices owing then that are settled now are the ones those
    # payments settled. No invoice needs its payments gathered first.
    settled = Invoice.balance <= 0
    waited = days_between(q.session, Payment.paid_on, issued)
    changes: list[Any] = []
    for n, (period, end) in enumerate(zip(periods, ends, strict=True)):
        since = Payment.paid_on > end
        inside = Payment.paid_on.between(period.start, period.end)
        changes += [
            func.coalesce(_sum_if(since, Payment.amount), 0).label(f"paid_{n}"),
            # Payments, not invoices: only whether any such invoice exists is asked.
            _count_if(and_(since, settled)).label(f"reopened_{n}"),
            _count_if(inside).label(f"named_{n}"),
            func.coalesce(_sum_if(inside, waited), 0).label(f"waited_{n}"),
        ]
    late = (
        select(*keys, *changes)
        .select_from(Payment)
        .join(Invoice, Invoice.id == Payment.invoice_id)
        .where(
            Payment.paid_on >= min(period.start for period in periods),
            q.customers(Invoice.customer_id),
        )
        .group_by(*by_keys)
        .subquery()
    )
    day = by_day.c
    day_issued = func.coalesce(day.issue_date, day.due)
    columns: list[Any] = [func.sum(day.open).label("now_open")]
    for n, (period, end) in enumerate(zip(periods, ends, strict=True)):
        then = day_issued <= end
        owed = func.coalesce(day.open, 0) + func.coalesce(late.c[f"paid_{n}"], 0)
        # Above zero when any invoice issued by then was owing at the end.
        owing = day.opened + func.coalesce(late.c[f"reopened_{n}"], 0)
        columns += [
            _sum_if(day_issued.between(period.start, period.end), day.amount).label(f"sales_{n}"),
            _sum_if(day_issued > end, day.amount).label(f"issued_since_{n}"),
            _sum_if(and_(then, day.due >= end), day.balance).label(f"current_now_{n}"),
            _sum_if(and_(then, day.due >= end), late.c[f"paid_{n}"]).label(f"paid_on_current_{n}"),
            _sum_if(then, owing).label(f"aged_{n}"),
            func.sum(late.c[f"named_{n}"]).label(f"named_{n}"),
            func.sum(late.c[f"waited_{n}"]).label(f"waited_{n}"),
        ]
        edges = [end - timedelta(days=days) for days in (0, 30, 60, 90, 120)]
        buckets = [day.due >= edges[0]]
        buckets += [and_(day.due >= edges[k], day.due < edges[k - 1]) for k in range(1, len(edges))]
        buckets.append(day.due < edges[-1])
        columns += [
            _sum_if(and_(then, bucket), owed).label(f"aging{k}_{n}")
            for k, bucket in enumerate(buckets)
        ]
    query = (
        select(day.currency, *columns)
        .outerjoin(
            late,
            and_(
                late.c.currency == day.currency,
                late.c.issue_date.is_not_distinct_from(day.issue_date),
                late.c.due == day.due,
            ),
        )
        .group_by(day.currency)
    )
    postgresql = q.session.get_bind().dialect.name == "postgresql"
    if postgresql:
        # The periods' payments and their invoices, both read in invoice order: a merge
        # join on the invoice's key. Left to itself, the planner hashes them in every
        # parallel worker (about 0.1 s more at two million invoices; a nested loop, 0.4 s
        # more); for this statement only.
        q.session.execute(text("SET LOCAL enable_hashjoin = off"))
    found: dict[str, dict[str, Decimal]] = {}
    rows = q.session.execute(query).mappings().all()
    if postgresql:
        q.session.execute(text("SET LOCAL enable_hashjoin = on"))
    for row in rows:
        found[row["currency"]] = {
            name: Decimal(round(value)) if name.startswith("waited") else Decimal(value or 0)
            for name, value in row.items()
            if name != "currency" and value is not None
        }
    return found


def _payment_sums(
    q: Filters, periods: list[Period], ends: list[date]
) -> dict[str, dict[str, Decimal]]:
    """Per currency, for each period: collected in it, and paid after its end; from the
    payments of the periods' days on (no period looks at what was paid before it)."""
    currency = q.payment_currency()
    columns: list[Any] = []
    for n, (period, end) in enumerate(zip(periods, ends, strict=True)):
        columns += [
            _sum_if(Payment.paid_on.between(period.start, period.end), Payment.amount).label(
                f"collected_{n}"
            ),
            _sum_if(Payment.paid_on > end, Payment.amount).label(f"paid_since_{n}"),
        ]
    query = q.payments_joined(select(currency.label("currency"), *columns))
    query = query.where(
        Payment.paid_on >= min(period.start for period in periods),
        q.customers(Payment.customer_id),
    ).group_by(*q.grouped(currency))
    found: dict[str, dict[str, Decimal]] = {}
    for row in q.session.execute(query).mappings():
        sums = found.setdefault(row["currency"] or q.default, {})
        for name, value in row.items():
            if name != "currency":
                sums[name] = sums.get(name, Decimal(0)) + Decimal(value or 0)
    return found


def days_between(session: Session, later: Any, earlier: Any) -> ColumnElement[Any]:
    """Whole days from one date to another, as each database subtracts dates."""
    if session.get_bind().dialect.name == "sqlite":
        return func.julianday(later) - func.julianday(earlier)
    result: ColumnElement[Any] = later - earlier
    return result


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


# ------------------------------------------------------------------ the morning's plans


def record_plans(session: Session, day: date, agendas: dict[int, Agenda]) -> None:
    """Keep the morning's agendas as they were computed, once: a replica computing the same
    digest at the same moment finds the rows written (or loses the insert) and adds none;
    joins the digest's transaction."""
    kept = set(session.scalars(select(CallPlan.member_id).where(CallPlan.day == day)))
    fresh = [
        CallPlan(day=day, member_id=member_id, planned=len(agenda.calls), beyond=agenda.more)
        for member_id, agenda in agendas.items()
        if member_id not in kept
    ]
    if not fresh:
        return
    try:
        with session.begin_nested():
            session.add_all(fresh)
    except IntegrityError:  # the other replica's rows: the same agendas
        return


def planned_and_done(
    session: Session, day: date, member_ids: list[int], tz: ZoneInfo
) -> dict[int, tuple[int | None, int]]:
    """Per collector, the calls planned for `day` (None: no plan was kept that day) and the
    calls they logged that day."""
    if not member_ids:
        return {}
    planned: dict[int, int] = {
        member_id: count
        for member_id, count in session.execute(
            select(CallPlan.member_id, CallPlan.planned).where(
                CallPlan.day == day, CallPlan.member_id.in_(member_ids)
            )
        )
    }
    begin, after = Period(day, day).bounds(tz)
    done: dict[int, int] = {
        member_id: count
        for member_id, count in session.execute(
            select(ContactAttempt.member_id, func.count(ContactAttempt.id))
            .where(
                ContactAttempt.at >= begin,
                ContactAttempt.at < after,
                ContactAttempt.member_id.in_(member_ids),
            )
            .group_by(ContactAttempt.member_id)
        )
    }
    return {m: (planned.get(m), done.get(m, 0)) for m in member_ids}
