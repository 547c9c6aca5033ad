"""Business days and calling windows: when a team works and when a customer may be called.

Pure functions of dates, with public holidays from the `holidays` package for the team's
country (`COBRO_COUNTRY`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, time, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING

from bot.core.text import fold

if TYPE_CHECKING:
    import holidays

# ISO weekday numbers (Monday = 1) by the words people write in Spanish and English.
_DAY_WORDS: dict[str, int] = {}
for _number, _words in enumerate(
    [
        ("lun", "lunes", "lu", "l", "mon", "monday", "mo"),
        ("mar", "martes", "ma", "tue", "tues", "tuesday", "tu"),
        ("mie", "miercoles", "mi", "x", "wed", "wednesday", "we"),
        ("jue", "jueves", "ju", "j", "thu", "thur", "thurs", "thursday", "th"),
        ("vie", "viernes", "vi", "v", "fri", "friday", "fr"),
        ("sab", "sabado", "sa", "s", "sat", "saturday"),
        ("dom", "domingo", "do", "d", "sun", "sunday", "su"),
    ],
    start=1,
):
    for _word in _words:
        _DAY_WORDS[_word] = _number

WEEKDAYS = frozenset({1, 2, 3, 4, 5})
DEFAULT_CALL_START = time(8, 0)
DEFAULT_CALL_END = time(18, 0)


def parse_call_days(text: str) -> frozenset[int]:
    """`lun-vie`, `mon,wed`, `lunes a viernes`, `L-V` → ISO weekday numbers.

    Raises ValueError naming the word it could not read.
    """
    days: set[int] = set()
    cleaned = fold(text).replace(" a ", "-").replace(" to ", "-").replace(" y ", ",")
    cleaned = cleaned.replace(" and ", ",").replace(";", ",").replace(" ", ",")
    for part in filter(None, (p.strip(".") for p in cleaned.split(","))):
        if "-" in part:
            first, _, last = part.partition("-")
            start, end = _day_number(first), _day_number(last)
            number = start
            while True:
                days.add(number)
                if number == end:
                    break
                number = number % 7 + 1
        else:
            days.add(_day_number(part))
    if not days:
        raise ValueError(text)
    return frozenset(days)


def _day_number(word: str) -> int:
    number = _DAY_WORDS.get(word.strip().strip("."))
    if number is None:
        raise ValueError(word)
    return number


def format_call_days(days: frozenset[int]) -> str:
    """The storage form: ISO numbers, ascending, comma-separated."""
    return ",".join(str(d) for d in sorted(days))


@lru_cache(maxsize=256)
def stored_call_days(stored: str | None) -> frozenset[int]:
    if not stored:
        return WEEKDAYS
    return frozenset(int(d) for d in stored.split(","))


_HOURS = re.compile(r"^\s*(\d{1,2})(?::(\d{2}))?\s*-\s*(\d{1,2})(?::(\d{2}))?\s*$")


def parse_call_hours(text: str) -> tuple[time, time]:
    """`09:00-13:00` or `9-13` → (start, end); the end must come after the start."""
    match = _HOURS.match(text)
    if not match:
        raise ValueError(text)
    h1, m1, h2, m2 = match.groups()
    start = time(int(h1), int(m1 or 0)) if int(h1) < 24 else None
    end = time(int(h2), int(m2 or 0)) if int(h2) < 24 else None
    if start is None or end is None or start >= end:
        raise ValueError(text)
    return start, end


@dataclass(frozen=True)
class BusinessCalendar:
    """The team's working days: Monday to Friday, less its country's public holidays."""

    country: str | None = None

    def is_holiday(self, day: date) -> bool:
        return self.country is not None and day in _holiday_dates(self.country, day.year)

    def holiday_name(self, day: date) -> str | None:
        if self.country is None:
            return None
        return _holidays_for(self.country, day.year).get(day)

    def is_business_day(self, day: date) -> bool:
        return day.isoweekday() in WEEKDAYS and not self.is_holiday(day)

    def next_business_day(self, day: date, *, include_today: bool = True) -> date:
        """The first business day on or after `day` (strictly after when include_today=False)."""
        current = day if include_today else day + timedelta(days=1)
        while not self.is_business_day(current):
            current += timedelta(days=1)
        return current

    def previous_business_day(self, day: date) -> date:
        """The last business day strictly before `day`."""
        current = day - timedelta(days=1)
        while not self.is_business_day(current):
            current -= timedelta(days=1)
        return current

    def add_business_days(self, day: date, count: int) -> date:
        current = day
        for _ in range(count):
            current = self.next_business_day(current, include_today=False)
        return current

    def business_days_between(self, start: date, end: date) -> int:
        """Business days in (start, end]: how many working days have passed since `start`."""
        count, current = 0, start
        while current < end:
            current += timedelta(days=1)
            if self.is_business_day(current):
                count += 1
        return count


@lru_cache(maxsize=64)
def _holidays_for(country: str, year: int) -> holidays.HolidayBase:
    import holidays  # its country data loads slowly; only teams with a country need it

    return holidays.country_holidays(country, years=year)


@lru_cache(maxsize=64)
def _holiday_dates(country: str, year: int) -> frozenset[date]:
    """A plain set: membership in it is ten times cheaper than in a HolidayBase."""
    return frozenset(_holidays_for(country, year))
