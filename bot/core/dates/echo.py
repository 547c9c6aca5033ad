"""Dates back in words, in the reader's language ("viernes 27 de noviembre, 10:00"), so a
misreading is caught the moment it is made. Also the reasons a phrase was refused."""

from __future__ import annotations

from datetime import date, time

from bot.core.dates.calc import HALF_YEAR
from bot.core.i18n import Lang, t

# CLDR's wide names, as babel writes them ("EEEE", "MMMM"); written out because loading
# babel.dates (pytz, the machine's zone, the locale's data) was a fifth of a fresh
# `cobro parse-date`. tests/bot/core/test_dates_echo.py holds them to babel's, day by day.
WEEKDAYS: dict[Lang, tuple[str, ...]] = {
    "es": ("lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"),
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
}
MONTHS: dict[Lang, tuple[str, ...]] = {
    "es": (
        "enero",
        "febrero",
        "marzo",
        "abril",
        "mayo",
        "junio",
        "julio",
        "agosto",
        "septiembre",
        "octubre",
        "noviembre",
        "diciembre",
    ),
    "en": (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
}


def describe(day: date, at: time | None = None, *, lang: Lang, today: date | None = None) -> str:
    """The date in words; the year when it is not this year, or when leaving it out would
    read back as next year's (more than six months ago), and always without today.
    Spanish "martes 24 de noviembre, 10:00", English "Tuesday, November 24, 10:00 AM"."""
    with_year = today is None or day.year != today.year or day < today - HALF_YEAR
    weekday, month = WEEKDAYS[lang][day.weekday()], MONTHS[lang][day.month - 1]
    if lang == "es":
        words = f"{weekday} {day.day} de {month}" + (f" de {day.year}" if with_year else "")
    else:
        words = f"{weekday}, {month} {day.day}" + (f", {day.year}" if with_year else "")
    if at is not None:
        words += ", " + clock_words(at, lang)
    return words


def clock_words(at: time, lang: Lang) -> str:
    """ "10:00" in Spanish, "10:00 AM" in English (CLDR's "HH:mm" and "h:mm a")."""
    if lang == "es":
        return f"{at.hour:02d}:{at.minute:02d}"
    return f"{at.hour % 12 or 12}:{at.minute:02d} {'AM' if at.hour < 12 else 'PM'}"


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
    if isinstance(weekday, int):  # Monday = 0
        values["weekday"] = WEEKDAYS[lang][weekday % 7]
    if "month" in values and isinstance(values["month"], int):
        values["month_name"] = (
            MONTHS[lang][values["month"] - 1]
            if 1 <= values["month"] <= 12
            else str(values["month"])
        )
    return t(key, lang, **values)
