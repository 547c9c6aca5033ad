"""Plain-language dates: "el viernes", "pasado mañana", "mañana a las 10", "a la quincena".

`parse(text, now, tz)` reads a date field; `find(sentence, now, tz)` picks the date out of a
sentence ("me dijo que paga el viernes sin falta") without taking amounts or invoice numbers
for dates. Both return a `DateReading`: the date, the time if one was said, the words read,
whether it lies in the past, or the reason it could not be read. Nothing here guesses
silently: an unreadable, impossible or ambiguous phrase is refused with a reason, and a past
date is flagged so callers can refuse it.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from bot.core.calendar import BusinessCalendar
from bot.core.dates.echo import describe, explain
from bot.core.dates.fallback import read_with_dateparser
from bot.core.dates.grammar import Context, DateError, Piece, scan
from bot.core.i18n import Lang
from bot.core.text import fold_keep_length

__all__ = ["DateReading", "describe", "explain", "find", "parse", "read_field"]

_BARE_NUMBER = re.compile(r"^\s*\d{1,2}\s*$")


@dataclass(frozen=True)
class DateReading:
    text: str
    date: dt.date | None = None
    time: dt.time | None = None
    read: str = ""
    past: bool = False
    error: str | None = None
    error_params: dict[str, object] = field(default_factory=dict)
    today: dt.date | None = None

    @property
    def ok(self) -> bool:
        """Read, and not in the past: what a promise or a task may be given."""
        return self.date is not None and self.error is None and not self.past

    def in_words(self, lang: Lang) -> str:
        assert self.date is not None
        return describe(self.date, self.time, lang=lang, today=self.today)

    def reason(self, lang: Lang) -> str | None:
        """Why it was refused, in the reader's language (a past date counts as refused)."""
        if self.error is not None:
            return explain(self.error, {"text": self.text, **self.error_params}, lang, self.today)
        if self.past and self.date is not None:
            return explain("dates.past", {"when": self.in_words(lang)}, lang, self.today)
        return None


def parse(
    text: str,
    now: datetime,
    tz: ZoneInfo | str,
    *,
    office_start: time = time(9),
    calendar: BusinessCalendar | None = None,
) -> DateReading:
    """Read a date field. Several different dates in it are an error, not a choice."""
    return _read(text, now, tz, office_start, calendar, prefer_future=False)


def find(
    sentence: str,
    now: datetime,
    tz: ZoneInfo | str,
    *,
    office_start: time = time(9),
    calendar: BusinessCalendar | None = None,
) -> DateReading:
    """The date a sentence promises: when it mentions a past day and a future one ("el lunes
    pasado dijo que paga el viernes"), the single future one is the promise."""
    return _read(sentence, now, tz, office_start, calendar, prefer_future=True)


def _read(
    text: str,
    now: datetime,
    tz: ZoneInfo | str,
    office_start: time,
    calendar: BusinessCalendar | None,
    *,
    prefer_future: bool,
) -> DateReading:
    zone = ZoneInfo(tz) if isinstance(tz, str) else tz
    local = now.astimezone(zone)
    today = local.date()
    folded = fold_keep_length(text)
    ctx = Context(
        today=today, now=local, office_start=office_start, calendar=calendar or BusinessCalendar()
    )
    try:
        pieces = scan(folded, ctx)
    except DateError as exc:
        return DateReading(text, error=exc.key, error_params=exc.params, today=today)
    if not pieces:
        return _fallback(text, folded, local)
    days = [p for p in pieces if p.day is not None]
    times = [p for p in pieces if p.at is not None]
    distinct_days = sorted({p.day for p in days if p.day is not None})
    if len(distinct_days) > 1 and prefer_future:
        future = [d for d in distinct_days if d >= today]
        if len(future) == 1:
            days = [p for p in days if p.day == future[0]]
            distinct_days = future
    if len(distinct_days) > 1:
        return DateReading(
            text,
            error="dates.ambiguous",
            error_params={"first": distinct_days[0], "second": distinct_days[1]},
            today=today,
        )
    if len({p.at for p in times}) > 1:
        return DateReading(text, error="dates.ambiguous_time", today=today)
    day = distinct_days[0] if distinct_days else today
    at = times[0].at if times else None
    return DateReading(
        text,
        date=day,
        time=at,
        read=_words(text, days + times),
        past=_is_past(day, at, local),
        today=today,
    )


def _fallback(text: str, folded: str, local: datetime) -> DateReading:
    today = local.date()
    if _BARE_NUMBER.match(text):
        return DateReading(text, error="dates.bare_number", today=today)
    found = read_with_dateparser(folded, local)
    if found is None:
        return DateReading(text, error="dates.unreadable", today=today)
    day, at = found
    return DateReading(
        text, date=day, time=at, read=text.strip(), past=_is_past(day, at, local), today=today
    )


def _is_past(day: date, at: time | None, local: datetime) -> bool:
    if day != local.date():
        return day < local.date()
    return at is not None and at < local.time().replace(second=0, microsecond=0)


def _words(text: str, pieces: list[Piece]) -> str:
    spans = sorted({(p.start, p.end) for p in pieces})
    return " … ".join(text[start:end].strip() for start, end in spans)


def read_field(
    text: str,
    now: datetime,
    tz: ZoneInfo,
    *,
    lang: Lang,
    office_start: time = time(9),
    calendar: BusinessCalendar | None = None,
) -> tuple[DateReading, str | None]:
    """A date typed in a form field: the reading, and the field's error message (a
    sentence, capitalised) when it cannot be taken (unreadable, impossible or past)."""
    reading = parse(text, now, tz, office_start=office_start, calendar=calendar)
    if reading.ok:
        return reading, None
    reason = reading.reason(lang) or ""
    return reading, reason[:1].upper() + reason[1:]
