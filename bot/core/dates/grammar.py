"""The Spanish (and English) layer in front of dateparser: the phrases collectors type.

Each rule is a regular expression over the folded text and a function that turns a match
into a date, a time, or both, relative to "today" in the team's time zone. The scanner keeps
the longest non-overlapping matches, so "mañana en la tarde" is tomorrow at 15:00 and
"a las 10 de la mañana" is a time, not tomorrow. Conventions are in the README.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from bot.core.calendar import BusinessCalendar
from bot.core.dates.lexicon import (
    MONTH_ABBREVIATIONS,
    MONTHS,
    NUMBERS,
    ORDINAL_DAYS,
    WEEKDAYS,
    alternation,
    number_of,
)


class DateError(Exception):
    """A phrase that reads as a date but cannot be one ("el 31 de febrero")."""

    def __init__(self, key: str, **params: object) -> None:
        super().__init__(key)
        self.key = key
        self.params = params


@dataclass(frozen=True)
class Context:
    today: date
    now: datetime
    office_start: time
    calendar: BusinessCalendar


@dataclass(frozen=True)
class Piece:
    start: int
    end: int
    day: date | None = None
    at: time | None = None


Handler = Callable[["Groups", Context], tuple[date | None, time | None]]

# ------------------------------------------------------------------ vocabulary

WD = alternation(WEEKDAYS)
MONTH = alternation(MONTHS)
MONTH_ANY = alternation({**MONTHS, **MONTH_ABBREVIATIONS})
NUM_WORD = alternation(NUMBERS)
HOUR_WORD = alternation(
    [w for w, n in NUMBERS.items() if 1 <= n <= 12 and " " not in w and len(w) > 2]
)
S = r"\s+"
NEXT_WEEK = r"(?:de\s+la\s+(?:proxima|siguiente)\s+semana|de\s+la\s+semana\s+(?:que\s+viene|entrante)|next\s+week)"


def _month(word: str) -> int:
    return MONTHS.get(word) or MONTH_ABBREVIATIONS[word.rstrip(".")]


def _safe_date(year: int, month: int, day: int) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise DateError("dates.invalid_day", day=day, month=month) from None


def _last_day(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _add_months(day: date, months: int) -> date:
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _next_weekday(today: date, weekday: int, *, include_today: bool = False) -> date:
    ahead = (weekday - today.weekday()) % 7
    if ahead == 0 and not include_today:
        ahead = 7
    return today + timedelta(days=ahead)


def _next_monday(today: date) -> date:
    return today + timedelta(days=7 - today.weekday())


def _next_day_number(today: date, day: int) -> date:
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


def _day_month(today: date, day: int, month: int, year: int | None) -> date:
    """A day and month: this year's when still ahead or recently past (then reported as
    past, never moved silently), next year's when this year's is more than six months gone."""
    if year is not None:
        return _safe_date(_full_year(year), month, day)
    if not 1 <= day <= 31 or (month == 2 and day == 29):
        # 29 February: the next year that has it.
        if month == 2 and day == 29:
            for y in range(today.year, today.year + 5):
                if calendar.isleap(y) and date(y, 2, 29) >= today - timedelta(days=183):
                    return date(y, 2, 29)
        raise DateError("dates.invalid_day", day=day, month=month)
    candidate = _safe_date(today.year, month, day)
    if candidate < today - timedelta(days=183):
        candidate = _safe_date(today.year + 1, month, day)
    return candidate


def _full_year(year: int) -> int:
    """Two-digit years are this century ("26" → 2026), never 1926 or 2126."""
    return 2000 + year if year < 100 else year


def _quincena(today: date) -> date:
    fifteenth = date(today.year, today.month, 15)
    if fifteenth > today:
        return fifteenth
    last = _last_day(today.year, today.month)
    if last > today:
        return last
    return date(last.year + (last.month == 12), last.month % 12 + 1, 15)


# ------------------------------------------------------------------ time rules


def _clock(hour: int, minute: int, qualifier: str | None) -> time:
    """Hours as people say them: 1 to 6 without am/pm are the afternoon."""
    q = (qualifier or "").replace(".", "").replace(" ", "")
    if q in ("am", "delamanana", "inthemorning"):
        hour = 0 if hour == 12 else hour
    elif q in ("pm", "delatarde", "delanoche", "intheafternoon", "intheevening"):
        hour = hour if hour >= 12 else hour + 12
    elif q == "" and 1 <= hour <= 6:
        hour += 12
    if not (0 <= hour <= 23 and 0 <= minute <= 59):
        raise DateError("dates.invalid_time", hour=hour, minute=minute)
    return time(hour, minute)


def _h_at(m: Groups, ctx: Context) -> tuple[date | None, time | None]:
    written = m["h"] or ""
    hour = number_of(written) or 0
    minute = int(m["m"]) if m["m"] else 0
    fraction = (m["frac"] or "").replace(" ", "")
    if fraction in ("ymedia", "andahalf"):
        minute = 30
    elif fraction == "ycuarto":
        minute = 15
    elif fraction == "menoscuarto":
        hour, minute = hour - 1, 45
    # "04:30" is a 24-hour clock on purpose; "4:30" and "a las 4" follow the afternoon rule.
    qualifier = m["q"] or ("h" if written.startswith("0") and len(written) == 2 else None)
    return None, _clock(hour, minute, qualifier)


def _h_part(at: time) -> Handler:
    return lambda m, ctx: (None, at)


def _h_today_part(at: time) -> Handler:
    return lambda m, ctx: (ctx.today, at)


def _h_first_hour(m: Groups, ctx: Context) -> tuple[date | None, time | None]:
    return None, ctx.office_start


# ------------------------------------------------------------------ date rules


def _h_offset(days: int) -> Handler:
    return lambda m, ctx: (ctx.today + timedelta(days=days), None)


def _h_weekday(m: Groups, ctx: Context) -> tuple[date | None, time | None]:
    return _next_weekday(ctx.today, WEEKDAYS[m["wd"]]), None


def _h_this_weekday(m: Groups, ctx: Context) -> tuple[date | None, time | None]:
    return _next_weekday(ctx.today, WEEKDAYS[m["wd"]], include_today=True), None


def _h_weekday_next_week(m: Groups, ctx: Context) -> tuple[date | None, time | None]:
    return _next_monday(ctx.today) + timedelta(days=WEEKDAYS[m["wd"]]), None


def _h_last_weekday(m: Groups, ctx: Context) -> tuple[date | None, time | None]:
    back = (ctx.today.weekday() - WEEKDAYS[m["wd"]]) % 7 or 7
    return ctx.today - timedelta(days=back), None


def _h_next_week(m: Groups, ctx: Context) -> tuple[date | None, time | None]:
    return _next_monday(ctx.today), None


def _h_end_of_week(m: Groups, ctx: Context) -> tuple[date | None, time | None]:
    return _next_weekday(ctx.today, 4, include_today=True), None


def _h_day_number(m: Groups, ctx: Context) -> tuple[date | None, time | None]:
    return _next_day_number(ctx.today, _day_of(m)), None


def _day_of(m: Groups) -> int:
    word = m["d"]
    return ORDINAL_DAYS.get(word) or int(re.sub(r"\D", "", word))


def _h_day_month(m: Groups, ctx: Context) -> tuple[date | None, time | None]:
    year = int(m["y"]) if m["y"] else None
    return _day_month(ctx.today, _day_of(m), _month(m["mon"]), year), None


def _h_numeric(m: Groups, ctx: Context) -> tuple[date | None, time | None]:
    day, month = int(m["d"]), int(m["mo"])
    if not 1 <= month <= 12:
        raise DateError("dates.invalid_month", month=month)
    year = int(m["y"]) if m["y"] else None
    return _day_month(ctx.today, day, month, year), None


def _h_iso(m: Groups, ctx: Context) -> tuple[date | None, time | None]:
    month = int(m["mo"])
    if not 1 <= month <= 12:
        raise DateError("dates.invalid_month", month=month)
    return _safe_date(int(m["y"]), month, int(m["d"])), None


def _h_in(m: Groups, ctx: Context) -> tuple[date | None, time | None]:
    count = number_of(m["n"])
    if count is None:
        raise DateError("dates.unreadable")
    unit = m["unit"]
    if m["business"]:
        return ctx.calendar.add_business_days(ctx.today, count), None
    if unit.startswith(("dia", "day")):
        return ctx.today + timedelta(days=count), None
    if unit.startswith(("semana", "week")):
        return ctx.today + timedelta(weeks=count), None
    return _add_months(ctx.today, count), None


def _h_end_of_month(m: Groups, ctx: Context) -> tuple[date | None, time | None]:
    return _last_day(ctx.today.year, ctx.today.month), None


def _h_end_of_next_month(m: Groups, ctx: Context) -> tuple[date | None, time | None]:
    first = _add_months(ctx.today.replace(day=1), 1)
    return _last_day(first.year, first.month), None


def _h_end_of_named_month(m: Groups, ctx: Context) -> tuple[date | None, time | None]:
    month = _month(m["mon"])
    year = ctx.today.year if month >= ctx.today.month else ctx.today.year + 1
    return _last_day(year, month), None


def _h_next_month(m: Groups, ctx: Context) -> tuple[date | None, time | None]:
    return _add_months(ctx.today.replace(day=1), 1), None


def _h_mid_month(m: Groups, ctx: Context) -> tuple[date | None, time | None]:
    fifteenth = ctx.today.replace(day=15)
    return (fifteenth if fifteenth >= ctx.today else _add_months(fifteenth, 1)), None


def _h_quincena(m: Groups, ctx: Context) -> tuple[date | None, time | None]:
    return _quincena(ctx.today), None


def _h_weekday_day(m: Groups, ctx: Context) -> tuple[date | None, time | None]:
    """ "el viernes 27": the day number decides, the weekday must agree with it."""
    year = int(m["y"]) if m["y"] else None
    day = (
        _day_month(ctx.today, _day_of(m), _month(m["mon"]), year)
        if m["mon"]
        else _next_day_number(ctx.today - timedelta(days=1), _day_of(m))
    )
    if day.weekday() != WEEKDAYS[m["wd"] or ""]:
        raise DateError("dates.weekday_mismatch", day=day, weekday=m["wd"])
    return day, None


def _h_range(m: Groups, ctx: Context) -> tuple[date | None, time | None]:
    raise DateError("dates.range")


def _h_weekend(m: Groups, ctx: Context) -> tuple[date | None, time | None]:
    raise DateError("dates.weekend_vague")


# ------------------------------------------------------------------ the rules

_Q = (
    r"(?P<q>a\.?\s?m\.?|p\.?\s?m\.?|hrs|horas|h|de\s+la\s+manana|de\s+la\s+tarde|de\s+la\s+noche"
    r"|in\s+the\s+morning|in\s+the\s+afternoon|in\s+the\s+evening)"
)
_FRAC = r"(?P<frac>y\s+media|y\s+cuarto|menos\s+cuarto|and\s+a\s+half)"
_DAY = r"(?P<d>[0-3]?\d(?:ro|ero|o|º|°|st|nd|rd|th)?|primero|first)"

RULES: list[tuple[str, Handler]] = [
    # --- times
    (
        rf"(?:a\s+las?|alas|sobre\s+las|tipo|como\s+a\s+las|at|@)\s*(?P<h>\d{{1,2}}|{HOUR_WORD})"
        rf"(?:(?::|\.|h)(?P<m>[0-5]\d))?(?:\s*{_FRAC})?(?:\s*{_Q})?",
        _h_at,
    ),
    (rf"(?P<h>\d{{1,2}}):(?P<m>[0-5]\d)(?:\s*{_FRAC})?(?:\s*{_Q})?", _h_at),
    (r"(?P<h>\d{1,2})(?P<m>)(?P<frac>)\s*(?P<q>a\.?\s?m\.?|p\.?\s?m\.?|hrs|h)(?!\w)", _h_at),
    (r"esta\s+manana|this\s+morning", _h_today_part(time(9))),
    (r"esta\s+tarde|this\s+afternoon", _h_today_part(time(15))),
    (r"esta\s+noche|tonight|this\s+evening", _h_today_part(time(19))),
    (r"(?:por|en|a|de)\s+la\s+manana|in\s+the\s+morning", _h_part(time(9))),
    (r"(?:al\s+|a\s+)?medio\s?dia|(?:at\s+)?noon|midday", _h_part(time(12))),
    (r"(?:por|en|a|de)\s+la\s+tarde|in\s+the\s+afternoon", _h_part(time(15))),
    (r"(?:por|en|a|de)\s+la\s+noche|in\s+the\s+evening", _h_part(time(19))),
    (r"morning", _h_part(time(9))),
    (r"afternoon", _h_part(time(15))),
    (r"evening", _h_part(time(19))),
    (
        r"(?:a\s+)?primera\s+hora(?:\s+de\s+la\s+manana)?|first\s+thing(?:\s+in\s+the\s+morning)?",
        _h_first_hour,
    ),
    # --- relative days
    (r"pasado\s+manana|(?:the\s+)?day\s+after\s+tomorrow", _h_offset(2)),
    (r"antes\s+de\s+ayer|anteayer|antier|(?:the\s+)?day\s+before\s+yesterday", _h_offset(-2)),
    (r"hoy|today", _h_offset(0)),
    (r"manana|tomorrow", _h_offset(1)),
    (r"ayer|yesterday", _h_offset(-1)),
    (r"de\s+hoy\s+en\s+ocho", _h_offset(7)),
    (r"de\s+hoy\s+en\s+quince", _h_offset(14)),
    # --- weekdays
    (rf"(?:el\s+)?(?P<wd>{WD})\s+{NEXT_WEEK}", _h_weekday_next_week),
    (rf"(?:el\s+)?(?P<wd>{WD})\s+pasado|last\s+(?P<wd2>{WD})", _h_last_weekday),
    (rf"(?:este|esta|this)\s+(?P<wd>{WD})", _h_this_weekday),
    (
        rf"(?:(?:el|para\s+el|on)\s+)?(?:(?:proximo|siguiente|next)\s+)?(?P<wd>{WD})"
        r"(?:\s+(?:que\s+viene|proximo|entrante))?",
        _h_weekday,
    ),
    # --- weeks
    (
        r"(?:a\s+)?(?:principios|inicios|comienzos)\s+de\s+la\s+(?:proxima\s+semana|semana\s+que\s+viene|semana\s+entrante)"
        r"|(?:la\s+)?(?:proxima|siguiente)\s+semana|(?:la\s+)?semana\s+(?:que\s+viene|entrante)"
        r"|(?:early\s+)?next\s+week",
        _h_next_week,
    ),
    (
        r"(?:a\s+)?(?:finales|fin)\s+de\s+(?:esta|la)\s+semana|end\s+of\s+(?:the|this)\s+week",
        _h_end_of_week,
    ),
    (r"(?:el|este)\s+fin\s+de\s+semana|(?:this\s+|the\s+)?weekend", _h_weekend),
    # --- months
    (
        r"(?:a\s+)?(?:finales|fin|final)\s+del\s+(?:proximo\s+mes|mes\s+que\s+viene)|end\s+of\s+next\s+month",
        _h_end_of_next_month,
    ),
    (
        r"(?:a\s+|para\s+)?(?:finales|fin|final)\s+de(?:l)?\s+mes|(?:el\s+)?ultimo\s+dia\s+del\s+mes"
        r"|(?:at\s+the\s+|by\s+the\s+)?end\s+of\s+(?:the\s+)?month|last\s+day\s+of\s+(?:the\s+)?month",
        _h_end_of_month,
    ),
    (
        rf"(?:a\s+)?(?:finales|fin|final)\s+de\s+(?P<mon>{MONTH})|end\s+of\s+(?P<mon2>{MONTH})",
        _h_end_of_named_month,
    ),
    (
        r"(?:a\s+)?(?:principios|inicios|comienzos)\s+del\s+(?:proximo\s+mes|mes\s+que\s+viene)"
        r"|(?:el\s+)?(?:proximo|siguiente)\s+mes|el\s+mes\s+que\s+viene|(?:early\s+|beginning\s+of\s+)?next\s+month",
        _h_next_month,
    ),
    (r"(?:a\s+)?mediados\s+de(?:l)?\s+mes|mid-?month", _h_mid_month),
    (r"(?:a\s+|en\s+|para\s+)?la\s+(?:proxima\s+|siguiente\s+)?quincena", _h_quincena),
    # --- counts
    (
        rf"(?:en|dentro\s+de|in)\s+(?P<n>\d{{1,3}}|{NUM_WORD})\s+(?P<business>(?:business|working)\s+)?"
        r"(?P<unit>dias?|semanas?|mes(?:es)?|days?|weeks?|months?)(?P<business2>\s+(?:habiles|habil))?",
        _h_in,
    ),
    # --- day numbers
    (
        rf"(?:(?:el|para\s+el|on\s+the|the)\s+)?(?:(?:dia|day)\s+)?{_DAY}\s+(?:de\s+|of\s+)?(?P<mon>{MONTH_ANY})\.?"
        r"(?:,?\s+(?:de\s+|del\s+)?(?P<y>\d{4}))?",
        _h_day_month,
    ),
    (
        rf"(?P<mon>{MONTH_ANY})\.?\s+(?:the\s+)?{_DAY}(?:,?\s+(?:de\s+|del\s+)?(?P<y>\d{{4}}))?",
        _h_day_month,
    ),
    (r"(?:(?:el|para\s+el|on)\s+)?(?P<y>\d{4})-(?P<mo>\d{1,2})-(?P<d>\d{1,2})", _h_iso),
    (
        r"(?:(?:el|para\s+el|on)\s+)?(?P<d>\d{1,2})[/-](?P<mo>\d{1,2})(?:[/-](?P<y>\d{4}|\d{2}))?",
        _h_numeric,
    ),
    (
        rf"(?:(?:el|para\s+el|on)\s+)?(?P<wd>{WD}),?\s+{_DAY}(?:\s+(?:de\s+|of\s+)?(?P<mon>{MONTH_ANY})\.?"
        r"(?:,?\s+(?:de\s+|del\s+)?(?P<y>\d{4}))?)?",
        _h_weekday_day,
    ),
    (
        rf"(?:on\s+)?(?P<wd>{WD}),?\s+(?P<mon>{MONTH_ANY})\.?\s+(?:the\s+)?{_DAY}(?:,?\s+(?P<y>\d{{4}}))?",
        _h_weekday_day,
    ),
    (
        rf"(?:del|entre\s+el)\s+{_DAY}\s+(?:al|y\s+el)\s+[0-3]?\d|between\s+the\s+\d+\w*\s+and",
        _h_range,
    ),
    (
        rf"(?:el|para\s+el|on\s+the|the)\s+(?:(?:dia|day)\s+)?{_DAY}|(?:el\s+)?dia\s+{_DAY.replace('?P<d>', '?P<d2>')}",
        _h_day_number,
    ),
]

_COMPILED = [
    (re.compile(rf"(?<![\w/.\-])(?:{pattern})(?![\w/\-]|\.\d)"), handler)
    for pattern, handler in RULES
]


class Groups:
    """A regex match whose alternative groups (wd2, mon2, d2) answer to their main name."""

    def __init__(self, match: re.Match[str]) -> None:
        self._match = match

    def __getitem__(self, name: str) -> str:
        """The group's text, "" when it did not take part in the match."""
        groups = self._match.groupdict()
        value = groups.get(name)
        if value is None:
            value = groups.get(name + "2")
        return value or ""


def scan(folded: str, ctx: Context) -> list[Piece]:
    """Every date and time phrase in `folded`, longest first, without overlaps."""
    candidates: list[tuple[int, int, int, re.Match[str]]] = []
    for index, (regex, _) in enumerate(_COMPILED):
        for match in regex.finditer(folded):
            if match.end() > match.start():
                candidates.append((match.start(), match.end(), index, match))
    candidates.sort(key=lambda c: (-(c[1] - c[0]), c[0], c[2]))
    taken: list[tuple[int, int, int, re.Match[str]]] = []
    for candidate in candidates:
        if all(candidate[1] <= t[0] or candidate[0] >= t[1] for t in taken):
            taken.append(candidate)
    pieces = []
    for start, end, index, match in sorted(taken):
        day, at = _COMPILED[index][1](Groups(match), ctx)
        pieces.append(Piece(start, end, day, at))
    return pieces
