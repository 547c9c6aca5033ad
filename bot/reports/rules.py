"""Control: the figures that show supervisors what is working (seed 000: "el control será tu
mejor herramienta"), for a period and the one before it. Pure: periods, scopes, the
figures' shapes and their formulas; the sums come from `bot.reports.queries`.

Every figure is defined in the README with its formula. Collectors are keyed by their id,
never by their name (two people may share one).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from bot.core import dates
from bot.core.errors import BadInput
from bot.core.text import fold

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
    if not words or (len(words) == 1 and fold(words[0]) in WEEK_WORDS):
        return this_week(today)
    if len(words) == 1 and fold(words[0]) in MONTH_WORDS:
        return this_month(today)
    if len(words) != 2:
        raise BadInput("report.bad_period")
    now = datetime.combine(today, time(12), tz)
    read = [dates.parse(word, now, tz).date for word in words]
    start, end = read
    if start is None or end is None:
        raise BadInput("report.bad_period")
    if start > end:
        raise BadInput("report.period_backwards")
    return Period(start, end)


@dataclass(frozen=True)
class Scope:
    """Whose work: a list of team member ids, or everyone (None)."""

    member_ids: list[int] | None
    label: str


@dataclass
class CollectorContacts:
    member_id: int
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
        return ratio(Decimal(self.kept), Decimal(self.resolved))

    @property
    def kept_rate_amount(self) -> Decimal | None:
        return ratio(self.resolved_paid, self.resolved_amount)


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
        return ratio(Decimal(self.notes_complete), Decimal(self.notes))


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


def ratio(part: Decimal, whole: Decimal) -> Decimal | None:
    return None if not whole else (part / whole).quantize(Decimal("0.0001"))


def share(count: int, total: int) -> Decimal | None:
    return ratio(Decimal(count), Decimal(total))


def receivables_figures(
    figures: Figures,
    *,
    now_open: Decimal,
    paid_since: Decimal,
    issued_since: Decimal,
    current_now: Decimal,
    paid_since_on_current: Decimal,
) -> None:
    """Receivables at the period's end rebuilt from today's balances (add back what was
    paid since, take away what was invoiced since), then DSO and CEI."""
    figures.receivables = max(now_open + paid_since - issued_since, ZERO)
    figures.receivables_current = current_now + paid_since_on_current
    figures.receivables_begin = max(figures.receivables + figures.collected - figures.sales, ZERO)
    if figures.sales:
        figures.dso = (figures.receivables / figures.sales * figures.period.days).quantize(
            Decimal("0.1")
        )
    cei_base = figures.receivables_begin + figures.sales - figures.receivables_current
    if cei_base > 0:
        cei = (figures.receivables_begin + figures.sales - figures.receivables) / cei_base * 100
        figures.cei = cei.quantize(Decimal("0.1"))
