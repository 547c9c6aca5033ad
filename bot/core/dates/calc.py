"""Calendar arithmetic behind the conventions in the README: which Friday "el viernes" is,
which year "15 de julio" or "05/05/89" falls in. Pure functions of today."""

from __future__ import annotations

import calendar
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from bot.core.calendar import BusinessCalendar

HALF_YEAR = timedelta(days=183)


class DateError(Exception):
    """A phrase that reads as a date but cannot be taken as one ("el 31 de febrero")."""

    def __init__(self, key: str, **params: object) -> None:
        super().__init__(key)
        self.key = key
        self.params = params


@dataclass(frozen=True)
class Context:
    today: date
    now: datetime
    office_start: time
    office_end: time
    calendar: BusinessCalendar


def safe_date(year: int, month: int, day: int) -> date:
    if not 1 <= month <= 12:
        raise DateError("dates.invalid_month", month=month)
    try:
        return date(year, month, day)
    except ValueError:
        raise DateError("dates.invalid_day", day=day, month=month) from None


def last_day(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def add_months(day: date, months: int) -> date:
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def month_start(today: date, months_ahead: int) -> date:
    return add_months(today.replace(day=1), months_ahead)


def next_weekday(today: date, weekday: int, *, include_today: bool = False) -> date:
    ahead = (weekday - today.weekday()) % 7
    if ahead == 0 and not include_today:
        ahead = 7
    return today + timedelta(days=ahead)


def previous_weekday(today: date, weekday: int) -> date:
    return today - timedelta(days=(today.weekday() - weekday) % 7 or 7)


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


def next_day_number(today: date, day: int) -> date:
    """The next day `day` strictly after today, skipping months that do not have it."""
    if not 1 <= day <= 31:
        raise DateError("dates.invalid_day", day=day, month=today.month)
    year, month = today.year, today.month
    for _ in range(14):
        if day <= calendar.monthrange(year, month)[1]:
            candidate = date(year, month, day)
            if candidate > today:
                return candidate
        month += 1
        if month == 13:
            year, month = year + 1, 1
    raise DateError("dates.invalid_day", day=day, month=today.month)


def in_named_month(
    today: date, month: int, year: int | None, build: Callable[[int, int], date]
) -> date:
    """A day of a month named without a year: this year's when still ahead or recently
    past (then reported as past, never moved silently), next year's when this year's is
    more than six months gone."""
    if year is not None:
        return build(year, month)
    candidate = build(today.year, month)
    if candidate < today - HALF_YEAR:
        candidate = build(today.year + 1, month)
    return candidate


def day_month(today: date, day: int, month: int, year: int | None) -> date:
    if not 1 <= month <= 12:
        raise DateError("dates.invalid_month", month=month)
    if year is None and month == 2 and day == 29:
        for y in range(today.year, today.year + 5):
            if calendar.isleap(y) and date(y, 2, 29) >= today - HALF_YEAR:
                return date(y, 2, 29)
    return in_named_month(today, month, year, lambda y, m: safe_date(y, m, day))


def full_year(today: date, year: int, digits: int) -> int:
    """A two-digit year is the latest year ending in those digits no more than twenty years
    ahead: in 2026, "30" is 2030 and "89" is 1989."""
    if digits > 2:
        return year
    candidate = today.year - today.year % 100 + year
    while candidate > today.year + 20:
        candidate -= 100
    return candidate


def quincena(today: date) -> date:
    """The next payday of a fortnight: the 15th or the last day of the month, after today."""
    fifteenth = date(today.year, today.month, 15)
    if fifteenth > today:
        return fifteenth
    last = last_day(today.year, today.month)
    if last > today:
        return last
    return date(last.year + (last.month == 12), last.month % 12 + 1, 15)


def nth_weekday(year: int, month: int, weekday: int, nth: int) -> date:
    """The nth weekday of a month (negative from its end: -1 is the last)."""
    if nth > 0:
        first = date(year, month, 1)
        day = first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))
        if day.month != month:
            raise DateError("dates.no_such_weekday", month=month, year=year, weekday=weekday)
        return day
    last = last_day(year, month)
    return last - timedelta(days=(last.weekday() - weekday) % 7 + 7 * (-nth - 1))


def business_edge(cal: BusinessCalendar, year: int, month: int, *, first: bool) -> date:
    """The first or last business day of a month."""
    if first:
        return cal.next_business_day(date(year, month, 1))
    last = last_day(year, month)
    return last if cal.is_business_day(last) else cal.previous_business_day(last)


def add_business_days(cal: BusinessCalendar, day: date, count: int) -> date:
    if count >= 0:
        return cal.add_business_days(day, count)
    for _ in range(-count):
        day = cal.previous_business_day(day)
    return day
