"""Control: the figures that show supervisors what is working (seed 000: "el control será tu
mejor herramienta"). Pure: periods read from words, whose work a member may see, and the
formulas; the sums come from `bot.reports.queries`, the shapes from `bot.reports.figures`.

Every figure is defined in the README with its formula. Collectors are keyed by their id,
never by their name (two people may share one).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from functools import cache
from zoneinfo import ZoneInfo

from babel.dates import get_month_names

from bot.core import dates
from bot.core.errors import BadInput, Forbidden
from bot.core.text import fold
from bot.core.vocabulary import Role
from bot.reports.figures import (
    ZERO,
    CurrencyFigures,
    Figures,
    Report,
    ratio,
    share,
)
from bot.team.rules import handle_matches as handle_matches

__all__ = [
    "AGING_BUCKETS",
    "Figures",
    "Period",
    "Report",
    "Scope",
    "ratio",
    "share",
]

AGING_BUCKETS = ("current", "1-30", "31-60", "61-90", "91-120", "120+")
REPEAT_WINDOW_DAYS = 90


@dataclass(frozen=True)
class Period:
    """Whole days, both ends included, in the team's time zone."""

    start: date
    end: date
    kind: str = "days"  # "day", "week", "month" or any "days"
    # A month named without a year that is last year's, because this year's has not begun
    # (`diciembre` in November 2026 is December 2025): the report says so.
    last_years_month: bool = False

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    @property
    def whole_month(self) -> bool:
        return self.start.day == 1 and (self.end + timedelta(days=1)).day == 1

    def previous(self) -> Period:
        """What it is compared with: the week before, the month before (the same days of
        it when this month is not over yet), else as many days just before."""
        if self.kind == "week":
            return Period(self.start - timedelta(days=7), self.end - timedelta(days=7), "week")
        if self.kind == "month":
            last_of_previous = self.start - timedelta(days=1)
            if self.whole_month:
                return Period(last_of_previous.replace(day=1), last_of_previous, "month")
            end = last_of_previous.replace(day=min(self.end.day, last_of_previous.day))
            return Period(last_of_previous.replace(day=1), end, "month")
        return Period(self.start - timedelta(days=self.days), self.start - timedelta(days=1))

    def bounds(self, tz: ZoneInfo) -> tuple[datetime, datetime]:
        """As UTC instants: [start 00:00, the day after end 00:00)."""
        begin = datetime.combine(self.start, time(0), tz).astimezone(UTC)
        after = datetime.combine(self.end + timedelta(days=1), time(0), tz).astimezone(UTC)
        return begin, after

    def each_day(self, today: date) -> list[date]:
        """The period's days up to today: the future has no work to count."""
        last = min(self.end, today)
        return [self.start + timedelta(days=n) for n in range((last - self.start).days + 1)]


# ------------------------------------------------------------------ periods in words


def today_only(today: date) -> Period:
    return Period(today, today, "day")


def yesterday(today: date) -> Period:
    return Period(today - timedelta(days=1), today - timedelta(days=1), "day")


def this_week(today: date) -> Period:
    return Period(today - timedelta(days=today.weekday()), today, "week")


def last_week(today: date) -> Period:
    monday = today - timedelta(days=today.weekday())
    return Period(monday - timedelta(days=7), monday - timedelta(days=1), "week")


def this_month(today: date) -> Period:
    return Period(today.replace(day=1), today, "month")


def last_month(today: date) -> Period:
    last = today.replace(day=1) - timedelta(days=1)
    return Period(last.replace(day=1), last, "month")


def default_period(today: date) -> Period:
    """A bare `/cobro reporte`: on a Monday the week that just ended, else this week so far."""
    return last_week(today) if today.weekday() == 0 else this_week(today)


PERIOD_WORDS: dict[str, Callable[[date], Period]] = {
    **dict.fromkeys(("hoy", "today"), today_only),
    **dict.fromkeys(("ayer", "yesterday"), yesterday),
    **dict.fromkeys(("semana", "esta semana", "semanal", "week", "this week", "weekly"), this_week),
    **dict.fromkeys(
        (
            "semana pasada",
            "la semana pasada",
            "semana anterior",
            "la semana anterior",
            "last week",
            "previous week",
        ),
        last_week,
    ),
    **dict.fromkeys(("mes", "este mes", "mensual", "month", "this month", "monthly"), this_month),
    **dict.fromkeys(
        (
            "mes pasado",
            "el mes pasado",
            "mes anterior",
            "el mes anterior",
            "last month",
            "previous month",
        ),
        last_month,
    ),
}
_RANGE_SEPARATORS = {"a", "al", "hasta", "to", "-", "–", "..", "until"}
_RANGE_OPENERS = {"del", "desde", "de", "from", "entre", "between"}
_MONTH_PHRASE = re.compile(r"^(?:(?:el )?mes de |in )?([a-z]+)\.?(?:,? (?:de |del )?(\d{4}))?$")
_MONTH_NUMBERS = (
    re.compile(r"^(?P<year>\d{4})-(?P<month>\d{1,2})$"),  # 2025-12
    re.compile(r"^(?P<month>\d{1,2})/(?P<year>\d{4})$"),  # 12/2025
)


@cache
def month_words() -> dict[str, int]:
    """Month names as people type them, in Spanish and English, full and short."""
    found = {"setiembre": 9, "sep": 9, "sept": 9}
    for lang in ("es", "en"):
        for width in ("wide", "abbreviated"):
            for number, name in get_month_names(width, locale=lang).items():
                found[fold(str(name)).rstrip(".")] = number
    return found


def _month(text: str, today: date) -> Period | None:
    """`noviembre`, `nov`, `noviembre 2026`, `november 2026`, `2026-11`, `11/2026`: the
    whole month; without a year the latest one that has begun (marked when that is last
    year's); this month only up to today. A month that has not begun is refused."""
    number, year = _month_and_year(text)
    if number is None:
        return None
    if year is None:
        last_year = number > today.month
        year = today.year - 1 if last_year else today.year
    else:
        last_year = False
    first = date(year, number, 1)
    if first > today:
        raise BadInput("report.future_month", month_key=f"report.month.{number}", year=year)
    last = (first.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
    return Period(first, min(last, today), "month", last_years_month=last_year)


def _month_and_year(text: str) -> tuple[int | None, int | None]:
    """A month's number and its year (None when not typed) from the words, or no month."""
    for pattern in _MONTH_NUMBERS:
        numbers = pattern.match(text)
        if numbers:
            number, year = int(numbers["month"]), int(numbers["year"])
            if not 1 <= number <= 12 or year < 1:
                raise BadInput("report.bad_period", text=text)
            return number, year
    match = _MONTH_PHRASE.match(text)
    if not match or match.group(1) not in month_words():
        return None, None
    return month_words()[match.group(1)], int(match.group(2)) if match.group(2) else None


def _day(text: str, today: date, tz: ZoneInfo) -> date:
    reading = dates.parse(text, datetime.combine(today, time(12), tz), tz)
    if reading.date is None or reading.error is not None:
        raise BadInput("report.bad_period", text=text)
    return reading.date


def _dates(words: list[str], today: date, tz: ZoneInfo) -> Period:
    """Two dates (`16/11/2026 20/11/2026`, `del 1 de noviembre al 15 de noviembre`) or
    one day, read by the date reader; the end is never after today."""
    if words and words[0] in _RANGE_OPENERS:
        words = words[1:]
    cut = [i for i, word in enumerate(words) if word in _RANGE_SEPARATORS]
    if len(cut) > 1:
        raise BadInput("report.bad_period", text=" ".join(words))
    if cut:
        parts = [" ".join(words[: cut[0]]), " ".join(words[cut[0] + 1 :])]
    elif len(words) == 2:
        parts = words
    else:
        parts = [" ".join(words)]
    if not all(parts):
        raise BadInput("report.bad_period", text=" ".join(words))
    read = [_day(part, today, tz) for part in parts]
    start, end = read[0], read[-1]
    if start > end:
        raise BadInput("report.period_backwards")
    if start > today:
        raise BadInput("report.future_period")
    return Period(start, min(end, today), "day" if start == end else "days")


def period_from_words(words: list[str], today: date, tz: ZoneInfo) -> Period:
    """The period a member asked for in words (see `PERIOD_WORDS`, a month's name, two
    dates or one); nothing at all is `default_period`. Anything else is refused with what
    cobro understands: never a silent guess."""
    folded = [fold(w) for w in words if w.strip()]
    text = " ".join(folded)
    if not text:
        return default_period(today)
    if text in PERIOD_WORDS:
        return PERIOD_WORDS[text](today)
    month = _month(text, today)
    if month is not None:
        return month
    try:
        return _dates(folded, today, tz)
    except BadInput as refused:
        if refused.key == "report.bad_period":  # echo all that was typed, not one part
            raise BadInput("report.bad_period", text=" ".join(words)) from refused
        raise


# ------------------------------------------------------------------ whose work


@dataclass(frozen=True)
class Scope:
    """Whose work: a list of team member ids, or everyone (None). `kind` says how the
    report names it: "team" (everyone), "mine", "person" or "group" (someone's team)."""

    member_ids: list[int] | None
    label: str
    kind: str = "team"


_MENTION = re.compile(r"^<@([UW][A-Z0-9]+)(?:\|[^>]*)?>$")
TEAM_WORDS = {"equipo", "team", "del", "de", "of"}


@dataclass(frozen=True)
class Asked:
    """A report request's words, split: the period's words and whom it is about."""

    period_words: list[str]
    person: str | None  # a Slack id (from a mention) or a typed `@name`


def split_request(words: list[str]) -> Asked:
    """`semana pasada @luis`, `<@U0LUIS|luis> noviembre`, `equipo @sara mes`."""
    people = [w for w in words if w.startswith(("@", "<@"))]
    if len(people) > 1:
        raise BadInput("report.one_person")
    rest = [w for w in words if w not in people]
    if people:  # "equipo de @sara": the filler words go with the person
        while rest and fold(rest[-1]) in TEAM_WORDS:
            rest.pop()
        while rest and fold(rest[0]) in TEAM_WORDS:
            rest.pop(0)
    elif rest and fold(rest[0]) in ("equipo", "team"):
        rest = rest[1:]
    person = None
    if people:
        mention = _MENTION.match(people[0])
        person = mention.group(1) if mention else people[0].lstrip("@")
    return Asked(rest, person)


def report_slug(name: str) -> str:
    """A name as it goes into a file name: `Luis Gómez` → `luis-gomez`."""
    return re.sub(r"[^a-z0-9]+", "-", fold(name)).strip("-")[:40]


def may_see(asker_id: int, asker_role: Role, target_id: int, target_boss: int | None) -> bool:
    """Admins see everyone; supervisors themselves and the collectors they supervise;
    collectors only themselves."""
    if asker_role == Role.ADMIN or asker_id == target_id:
        return True
    return asker_role == Role.SUPERVISOR and target_boss == asker_id


def require_may_see(
    asker_id: int, asker_role: Role, target_id: int, target_boss: int | None
) -> None:
    if not may_see(asker_id, asker_role, target_id, target_boss):
        raise Forbidden("report.not_yours")


# ------------------------------------------------------------------ formulas


def receivables_figures(
    figures: CurrencyFigures,
    days: int,
    *,
    now_open: Decimal,
    paid_since: Decimal,
    issued_since: Decimal,
    current_now: Decimal,
    paid_since_on_current: Decimal,
) -> None:
    """Receivables at the period's end rebuilt from today's balances (add back what was
    paid since, take away what was invoiced since), then DSO and CEI; in one currency."""
    figures.receivables = max(now_open + paid_since - issued_since, ZERO)
    figures.receivables_current = current_now + paid_since_on_current
    figures.receivables_begin = max(figures.receivables + figures.collected - figures.sales, ZERO)
    if figures.sales:
        figures.dso = (figures.receivables / figures.sales * days).quantize(Decimal("0.1"))
    cei_base = figures.receivables_begin + figures.sales - figures.receivables_current
    if cei_base > 0:
        cei = (figures.receivables_begin + figures.sales - figures.receivables) / cei_base * 100
        figures.cei = cei.quantize(Decimal("0.1"))


@dataclass(frozen=True)
class TaskSpan:
    """An overdue-able task: whose, due when, open from which day until which (None: still
    open), in the team's days."""

    member_id: int
    due: date
    opened: date
    closed: date | None


def overdue_on(task: TaskSpan, day: date) -> bool:
    """At the end of `day` the task was open and its due day had passed."""
    return task.due < day and task.opened <= day and (task.closed is None or task.closed > day)
