"""Dates back in words, in the reader's language ("viernes 27 de noviembre, 10:00"), so a
misreading is caught the moment it is made. Also the reasons a phrase was refused."""

from __future__ import annotations

from datetime import date, time

from babel.dates import format_date, format_time

from bot.core.dates.calc import HALF_YEAR
from bot.core.i18n import Lang, t

_PATTERNS = {
    ("es", False): "EEEE d 'de' MMMM",
    ("es", True): "EEEE d 'de' MMMM 'de' y",
    ("en", False): "EEEE, MMMM d",
    ("en", True): "EEEE, MMMM d, y",
}


def describe(day: date, at: time | None = None, *, lang: Lang, today: date | None = None) -> str:
    """The date in words; the year when it is not this year, or when leaving it out would
    read back as next year's (more than six months ago), and always without today."""
    with_year = today is None or day.year != today.year or day < today - HALF_YEAR
    words = format_date(day, _PATTERNS[(lang, with_year)], locale=lang)
    if at is not None:
        words += ", " + format_time(at, "HH:mm" if lang == "es" else "h:mm a", locale=lang)
    return words


def explain(key: str, params: dict[str, object], lang: Lang, today: date | None = None) -> str:
    """Why a phrase was refused, with what was read where that helps."""
    values = dict(params)
    for name in ("first", "second"):
        value = values.get(name)
        if isinstance(value, date):
            values[name] = describe(value, lang=lang, today=today)
    day = values.get("day")
    if isinstance(day, date):
        values["day_words"] = describe(day, lang=lang, today=today)
    weekday = values.get("weekday")
    if isinstance(weekday, int):  # Monday = 0; 2029-01-01 was a Monday
        values["weekday"] = format_date(date(2029, 1, 1 + weekday), "EEEE", locale=lang)
    if "month" in values and isinstance(values["month"], int):
        values["month_name"] = (
            format_date(date(2000, values["month"], 1), "MMMM", locale=lang)
            if 1 <= values["month"] <= 12
            else str(values["month"])
        )
    return t(key, lang, **values)
