"""Control: the figures that show supervisors what is working (seed 000: "el control será tu
mejor herramienta"), for a period and the one before it.

Every figure is defined in the README with its formula. Amounts are summed as they are
stored: a team that invoices in several currencies should read the money figures per
currency separately (cobro sums them as one). Aggregates run in the database (one query
per figure, grouped), so a month over 200,000 invoices stays well under two seconds.
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from bot.calendar import BusinessCalendar
from bot.errors import BadInput
from bot.i18n import Lang, t
from bot.notes import NoteDraft, answers_three_questions
from bot.text import fold
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
from models.enums import AttemptOutcome, ExcuseCategory, PromiseStatus, Role

ZERO = Decimal("0")
AGING_BUCKETS = ("current", "1-30", "31-60", "61-90", "91-120", "120+")
REPEAT_WINDOW_DAYS = 90
WEEK_WORDS = {"semana", "week", "semanal", "weekly"}
MONTH_WORDS = {"mes", "month", "mensual", "monthly"}


@dataclass(frozen=True)
class Period:
    """Whole days, both ends included, in the team's time zone."""

    start: date
    end: date
    kind: str = "days"  # "week" and "month" periods compare with the same days a week or
    # a month before; any other with the same number of days just before

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def previous(self) -> Period:
        if self.kind == "week":
            return Period(self.start - timedelta(days=7), self.end - timedelta(days=7), "week")
        if self.kind == "month":
            last_of_previous = self.start - timedelta(days=1)
            end = last_of_previous.replace(day=min(self.end.day, last_of_previous.day))
            return Period(last_of_previous.replace(day=1), end, "month")
        return Period(self.start - timedelta(days=self.days), self.start - timedelta(days=1))

    def bounds(self, tz: ZoneInfo) -> tuple[datetime, datetime]:
        """As UTC instants: [start 00:00, the day after end 00:00)."""
        begin = datetime.combine(self.start, time(0), tz).astimezone(UTC)
        after = datetime.combine(self.end + timedelta(days=1), time(0), tz).astimezone(UTC)
        return begin, after


def this_week(today: date) -> Period:
    return Period(today - timedelta(days=today.weekday()), today, "week")


def this_month(today: date) -> Period:
    return Period(today.replace(day=1), today, "month")


def last_week(today: date) -> Period:
    monday = today - timedelta(days=today.weekday())
    return Period(monday - timedelta(days=7), monday - timedelta(days=1), "week")


def period_from_words(words: list[str], today: date, tz: ZoneInfo) -> Period:
    """`semana` (this week so far, the default), `mes` (this month so far), or two dates
    `DESDE HASTA` (15/11/2026, 2026-11-15, "el 1 de noviembre"…)."""
    from bot import dates

    if not words or (len(words) == 1 and fold(words[0]) in WEEK_WORDS):
        return this_week(today)
    if len(words) == 1 and fold(words[0]) in MONTH_WORDS:
        return this_month(today)
    if len(words) != 2:
        raise BadInput("report.bad_period")
    now = datetime.combine(today, time(12), tz)
    read = [dates.parse(word, now, tz) for word in words]
    if any(r.date is None for r in read):
        raise BadInput("report.bad_period")
    start, end = (r.date for r in read)
    assert start is not None and end is not None
    if start > end:
        raise BadInput("report.period_backwards")
    return Period(start, end)


@dataclass(frozen=True)
class Scope:
    """Whose work: a list of team member ids, or everyone (None)."""

    member_ids: list[int] | None
    label: str


def scope_for(session: Session, member: TeamMember) -> Scope:
    """An admin sees everyone; a supervisor their collectors and themselves; a collector
    their own work."""
    if member.role == Role.ADMIN:
        return Scope(None, "")
    if member.role == Role.SUPERVISOR:
        ids = list(
            session.scalars(select(TeamMember.id).where(TeamMember.supervisor_id == member.id))
        )
        return Scope([member.id, *ids], member.name)
    return Scope([member.id], member.name)


@dataclass
class CollectorContacts:
    name: str
    attempts: int = 0
    answered: int = 0
    by_day: dict[date, list[int]] = field(default_factory=dict)


@dataclass
class PromiseFigures:
    made: int = 0
    kept: int = 0
    partial: int = 0
    broken: int = 0
    pending: int = 0
    amount_promised: Decimal = ZERO
    resolved_amount: Decimal = ZERO
    resolved_paid: Decimal = ZERO

    @property
    def resolved(self) -> int:
        return self.kept + self.partial + self.broken

    @property
    def kept_rate(self) -> Decimal | None:
        return _ratio(Decimal(self.kept), Decimal(self.resolved))

    @property
    def kept_rate_amount(self) -> Decimal | None:
        return _ratio(self.resolved_paid, self.resolved_amount)


@dataclass
class Figures:
    period: Period
    contacts: list[CollectorContacts] = field(default_factory=list)
    excuses: Counter[str] = field(default_factory=Counter)
    hashtags: Counter[str] = field(default_factory=Counter)
    promises: PromiseFigures = field(default_factory=PromiseFigures)
    collected: Decimal = ZERO
    sales: Decimal = ZERO
    receivables: Decimal = ZERO
    receivables_current: Decimal = ZERO
    receivables_begin: Decimal = ZERO
    dso: Decimal | None = None
    cei: Decimal | None = None
    days_to_pay: Decimal | None = None
    notes: int = 0
    notes_complete: int = 0

    @property
    def attempts(self) -> int:
        return sum(c.attempts for c in self.contacts)

    @property
    def answered(self) -> int:
        return sum(c.answered for c in self.contacts)

    @property
    def notes_share(self) -> Decimal | None:
        return _ratio(Decimal(self.notes_complete), Decimal(self.notes))


@dataclass
class Report:
    scope: Scope
    current: Figures
    previous: Figures
    aging: dict[str, Decimal]
    repeat_breakers: list[tuple[str, int]]
    currency: str
    business_days: int
    aging_before: dict[str, Decimal] = field(default_factory=dict)
    repeat_before: int = 0


def _ratio(part: Decimal, whole: Decimal) -> Decimal | None:
    return None if not whole else (part / whole).quantize(Decimal("0.0001"))


def share(count: int, total: int) -> Decimal | None:
    return _ratio(Decimal(count), Decimal(total))


class _Query:
    """The scope's filters, applied the same way to every figure."""

    def __init__(self, session: Session, scope: Scope, tz: ZoneInfo) -> None:
        self.session = session
        self.scope = scope
        self.tz = tz

    def customers(self, column: object) -> object:
        """`column` (a customer id) belongs to a customer of the scope."""
        if self.scope.member_ids is None:
            return True
        owned = select(Customer.id).where(Customer.collector_id.in_(self.scope.member_ids))
        return column.in_(owned)  # type: ignore[attr-defined]

    def members(self, column: object) -> object:
        if self.scope.member_ids is None:
            return True
        return column.in_(self.scope.member_ids)  # type: ignore[attr-defined]


def build_report(
    session: Session,
    period: Period,
    scope: Scope,
    *,
    tz: ZoneInfo,
    calendar: BusinessCalendar,
    today: date,
    currency: str,
) -> Report:
    q = _Query(session, scope, tz)
    return Report(
        scope=scope,
        current=_figures(q, period, today),
        previous=_figures(q, period.previous(), today),
        aging=_aging(q, min(period.end, today)),
        aging_before=_aging(q, min(period.previous().end, today)),
        repeat_breakers=_repeat_breakers(q, period.end),
        repeat_before=len(_repeat_breakers(q, period.previous().end)),
        currency=currency,
        business_days=max(
            calendar.business_days_between(period.start - timedelta(days=1), period.end), 1
        ),
    )


def _figures(q: _Query, period: Period, today: date) -> Figures:
    figures = Figures(period)
    begin, after = period.bounds(q.tz)
    _contacts(q, figures, begin, after)
    _notes(q, figures, begin, after)
    _promises(q, figures, begin, after)
    _money(q, figures, period, today)
    return figures


def _contacts(q: _Query, figures: Figures, begin: datetime, after: datetime) -> None:
    rows = q.session.execute(
        select(TeamMember.name, ContactAttempt.at, ContactAttempt.outcome)
        .join(TeamMember, TeamMember.id == ContactAttempt.member_id)
        .where(
            ContactAttempt.at >= begin,
            ContactAttempt.at < after,
            q.members(ContactAttempt.member_id),
        )
    )
    by_name: dict[str, CollectorContacts] = {}
    for name, at, outcome in rows:
        line = by_name.setdefault(name, CollectorContacts(name))
        day = at.astimezone(q.tz).date()  # UTCDateTime reads back aware
        counts = line.by_day.setdefault(day, [0, 0])
        line.attempts += 1
        counts[0] += 1
        if outcome in (AttemptOutcome.ANSWERED, AttemptOutcome.THIRD_PARTY):
            line.answered += 1
            counts[1] += 1
    figures.contacts = sorted(by_name.values(), key=lambda c: (-c.attempts, c.name))


def _notes(q: _Query, figures: Figures, begin: datetime, after: datetime) -> None:
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


def _promises(q: _Query, figures: Figures, begin: datetime, after: datetime) -> None:
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
            q.members(PaymentPromise.collector_id),
        )
        .group_by(PaymentPromise.status)
    )
    for status, count, amount, paid in rows:
        amount, paid = Decimal(amount), Decimal(paid)
        p.made += count
        p.amount_promised += amount
        setattr(p, status.value, getattr(p, status.value) + count)
        if status != PromiseStatus.PENDING:
            p.resolved_amount += amount
            p.resolved_paid += min(paid, amount)


def _sum(q: _Query, column: object, *where: object) -> Decimal:
    value = q.session.scalar(select(func.coalesce(func.sum(column), 0)).where(*where))
    return Decimal(value or 0)


def _money(q: _Query, figures: Figures, period: Period, today: date) -> None:
    """Collections, credit sales, receivables at the period's end (see the README)."""
    issued = func.coalesce(Invoice.issue_date, Invoice.due_date)
    figures.collected = _sum(
        q,
        Payment.amount,
        Payment.paid_on >= period.start,
        Payment.paid_on <= period.end,
        q.customers(Payment.customer_id),
    )
    figures.sales = _sum(
        q,
        Invoice.amount,
        issued >= period.start,
        issued <= period.end,
        q.customers(Invoice.customer_id),
    )
    end = min(period.end, today)
    # Receivables at the end of the period, from today's balances: add back what was paid
    # since, take away what was invoiced since.
    now_open = _sum(q, Invoice.balance, Invoice.balance > 0, q.customers(Invoice.customer_id))
    paid_since = _sum(q, Payment.amount, Payment.paid_on > end, q.customers(Payment.customer_id))
    issued_since = _sum(q, Invoice.amount, issued > end, q.customers(Invoice.customer_id))
    figures.receivables = max(now_open + paid_since - issued_since, ZERO)
    paid_since_on_current = _sum(
        q,
        Payment.amount,
        Payment.paid_on > end,
        Payment.invoice_id.in_(select(Invoice.id).where(issued <= end, Invoice.due_date >= end)),
        q.customers(Payment.customer_id),
    )
    figures.receivables_current = (
        _sum(
            q,
            Invoice.balance,
            issued <= end,
            Invoice.due_date >= end,
            q.customers(Invoice.customer_id),
        )
        + paid_since_on_current
    )
    figures.receivables_begin = max(figures.receivables + figures.collected - figures.sales, ZERO)
    if figures.sales:
        figures.dso = (figures.receivables / figures.sales * period.days).quantize(Decimal("0.1"))
    cei_base = figures.receivables_begin + figures.sales - figures.receivables_current
    if cei_base > 0:
        cei = (figures.receivables_begin + figures.sales - figures.receivables) / cei_base * 100
        figures.cei = cei.quantize(Decimal("0.1"))
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


def _aging(q: _Query, asof: date) -> dict[str, Decimal]:
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
    found = dict(
        q.session.execute(
            select(bucket, func.sum(owed))
            .outerjoin(paid_after, paid_after.c.invoice_id == Invoice.id)
            .where(owed > 0, issued <= asof, q.customers(Invoice.customer_id))
            .group_by(bucket)
        ).all()
    )
    return {name: Decimal(found.get(name) or 0) for name in AGING_BUCKETS}


def _repeat_breakers(q: _Query, end: date) -> list[tuple[str, int]]:
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


def to_csv(report: Report, lang: Lang, *, names: bool = True) -> str:
    """Every figure, current and previous period side by side; contacts per collector per
    day. `names=False` (a channel that is not private) leaves customers' names out."""
    out = io.StringIO()
    w = csv.writer(out)
    cur, prev = report.current, report.previous
    w.writerow(
        [
            t("report.csv.figure", lang),
            t("report.csv.detail", lang),
            f"{cur.period.start}..{cur.period.end}",
            f"{prev.period.start}..{prev.period.end}",
        ]
    )

    def row(name: str, detail: str, a: object, b: object) -> None:
        w.writerow([name, detail, "" if a is None else a, "" if b is None else b])

    row("attempts", "", cur.attempts, prev.attempts)
    row("answered", "", cur.answered, prev.answered)
    prev_contacts = {c.name: c for c in prev.contacts}
    for c in cur.contacts:
        p = prev_contacts.get(c.name)
        row("attempts", c.name, c.attempts, p.attempts if p else 0)
        row("answered", c.name, c.answered, p.answered if p else 0)
    for c in cur.contacts:
        for day, (attempts, answered) in sorted(c.by_day.items()):
            row("attempts_day", f"{c.name} {day.isoformat()}", attempts, "")
            row("answered_day", f"{c.name} {day.isoformat()}", answered, "")
    for category in ExcuseCategory:
        key = category.value
        row("excuse", key, cur.excuses[key], prev.excuses[key])
    for tag, count in cur.hashtags.most_common():
        row("hashtag", tag, count, prev.hashtags[tag])
    for name in ("made", "kept", "partial", "broken", "pending"):
        row(f"promises_{name}", "", getattr(cur.promises, name), getattr(prev.promises, name))
    row("kept_rate_count", "", cur.promises.kept_rate, prev.promises.kept_rate)
    row("kept_rate_amount", "", cur.promises.kept_rate_amount, prev.promises.kept_rate_amount)
    row(
        "amount_promised",
        report.currency,
        cur.promises.amount_promised,
        prev.promises.amount_promised,
    )
    row("amount_collected", report.currency, cur.collected, prev.collected)
    row("repeat_breakers", "", len(report.repeat_breakers), report.repeat_before)
    if names:
        for name, count in report.repeat_breakers:
            row("repeat_breaker", name, count, "")
    for bucket, amount in report.aging.items():
        row("aging", bucket, amount, report.aging_before.get(bucket, ZERO))
    row("dso_days", "", cur.dso, prev.dso)
    row("cei_percent", "", cur.cei, prev.cei)
    row("average_days_to_pay", "", cur.days_to_pay, prev.days_to_pay)
    row("notes", "", cur.notes, prev.notes)
    row("notes_three_questions", "", cur.notes_complete, prev.notes_complete)
    row("notes_three_questions_share", "", cur.notes_share, prev.notes_share)
    return out.getvalue()


def first_business_day_of_week(day: date, calendar: BusinessCalendar) -> date:
    monday = day - timedelta(days=day.weekday())
    return calendar.next_business_day(monday)


def iso_week(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"
