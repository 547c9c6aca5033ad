"""The control's figures as plain values: per collector per day, the team's money per
currency, and the report that puts a period next to the one before it. Pure.

Money is kept per currency everywhere (`Amounts`: currency → amount): a team that invoices
in pesos and dollars never sees the two added up.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, fields
from datetime import date
from decimal import Decimal

ZERO = Decimal("0")
Amounts = dict[str, Decimal]


def add_to(amounts: Amounts, currency: str, value: Decimal) -> None:
    amounts[currency] = amounts.get(currency, ZERO) + value


def summed(many: list[Amounts]) -> Amounts:
    total: Amounts = {}
    for amounts in many:
        for currency, value in amounts.items():
            add_to(total, currency, value)
    return total


def ratio(part: Decimal, whole: Decimal) -> Decimal | None:
    return None if not whole else (part / whole).quantize(Decimal("0.0001"))


def share(count: int, total: int) -> Decimal | None:
    return ratio(Decimal(count), Decimal(total))


@dataclass
class Day:
    """One collector's work on one day (or, summed, over a period).

    Promises are counted twice, on purpose: by the day they were made (`made`, `promised`)
    and by the day they fell due (`due` and how those ended: kept, partial, broken, pending;
    `renegotiated` among them), so a week's kept rate judges the promises that came due in
    it, not the ones obtained in it."""

    planned: int = 0
    beyond: int = 0
    attempts: int = 0
    answered: int = 0
    corrected: int = 0  # calls among `attempts` whose record was corrected afterwards
    made: int = 0
    promised: Amounts = field(default_factory=dict)
    due: int = 0
    kept: int = 0
    partial: int = 0
    broken: int = 0
    pending: int = 0
    renegotiated: int = 0
    due_amount: Amounts = field(default_factory=dict)  # resolved promises due: promised
    due_paid: Amounts = field(default_factory=dict)  # and paid on them, up to the promise
    collected: Amounts = field(default_factory=dict)
    tasks_overdue: int = 0

    @property
    def resolved(self) -> int:
        return self.kept + self.partial + self.broken

    @property
    def kept_rate(self) -> Decimal | None:
        """Kept ÷ resolved promises due: pending ones are not judged yet."""
        return share(self.kept, self.resolved)

    def kept_rate_amount(self, currency: str) -> Decimal | None:
        return ratio(self.due_paid.get(currency, ZERO), self.due_amount.get(currency, ZERO))


COUNTS = tuple(f.name for f in fields(Day) if f.type == "int")
AMOUNTS = tuple(f.name for f in fields(Day) if f.type == "Amounts")


def total_of(days: list[Day]) -> Day:
    """A period's figures from its days: counts and amounts add up; overdue tasks are a
    state, so the period's figure is the last day's."""
    total = Day()
    for day in days:
        for name in COUNTS:
            setattr(total, name, getattr(total, name) + getattr(day, name))
        for name in AMOUNTS:
            setattr(total, name, summed([getattr(total, name), getattr(day, name)]))
    total.tasks_overdue = days[-1].tasks_overdue if days else 0
    return total


@dataclass
class CollectorFigures:
    member_id: int
    name: str
    days: dict[date, Day] = field(default_factory=dict)

    def day(self, when: date) -> Day:
        return self.days.setdefault(when, Day())

    @property
    def total(self) -> Day:
        return total_of([self.days[d] for d in sorted(self.days)])


@dataclass
class CurrencyFigures:
    """The team's money in one currency (see the README for each formula)."""

    collected: Decimal = ZERO
    sales: Decimal = ZERO
    receivables: Decimal = ZERO
    receivables_current: Decimal = ZERO
    receivables_begin: Decimal = ZERO
    dso: Decimal | None = None
    cei: Decimal | None = None


@dataclass
class Figures:
    period_start: date
    period_end: date
    collectors: list[CollectorFigures] = field(default_factory=list)
    excuses: Counter[str] = field(default_factory=Counter)
    hashtags: Counter[str] = field(default_factory=Counter)
    money: dict[str, CurrencyFigures] = field(default_factory=dict)
    days_to_pay: Decimal | None = None
    notes: int = 0
    notes_complete: int = 0

    @property
    def team(self) -> Day:
        """Everyone's work added up (the team's money is in `money`: it also counts the
        customers nobody collects)."""
        return total_of_people([c.total for c in self.collectors])

    def collector(self, member_id: int) -> CollectorFigures | None:
        return next((c for c in self.collectors if c.member_id == member_id), None)

    @property
    def notes_share(self) -> Decimal | None:
        return share(self.notes_complete, self.notes)

    def currencies(self, default: str) -> list[str]:
        return sorted(self.money) or [default]


def total_of_people(totals: list[Day]) -> Day:
    """People's totals added up, overdue tasks included (one person's do not hide another's)."""
    total = total_of(totals)
    total.tasks_overdue = sum(t.tasks_overdue for t in totals)
    return total


@dataclass
class Report:
    scope_label: str
    scope_kind: str  # "team" (everyone), "mine" (one person: the asker), "person", "group"
    current: Figures
    previous: Figures
    aging: dict[str, Amounts]  # currency → bucket → amount, at the period's end
    aging_before: dict[str, Amounts]
    repeat_breakers: list[tuple[str, int]]
    repeat_before: int
    currency: str  # the team's default currency, for a period with no money at all
    business_days: int
    kind: str = "days"
    last_years_month: bool = False  # a month named without a year, read as last year's

    @property
    def currencies(self) -> list[str]:
        """Every currency any money figure of the report is in, or the default alone."""
        found = set(self.current.money) | set(self.previous.money) | set(self.aging)
        for figures in (self.current, self.previous):
            for c in figures.collectors:
                for day in c.days.values():
                    found |= set(day.promised) | set(day.collected) | set(day.due_amount)
        return sorted(found) or [self.currency]
