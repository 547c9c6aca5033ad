"""Dates written with digits: day first ("15/12", "15-12-2026", "15.12.2026", "05/05/89"),
year first ("2015/08/12", "2016-12-16T12:23:59"), or with the month's name ("4-jul-95").
Two-digit years follow `calc.full_year`; a bare "15.12" is left to times.py."""

from __future__ import annotations

from bot.core.dates import calc
from bot.core.dates.months import month_word
from bot.core.dates.scan import Clock, Hit, Scan, settle, words


def numeric(s: Scan, i: int, det: bool) -> Hit | None:
    """Day first ("15/12", "15-12-2026", "15.12.2026", "05/05/89"), year first
    ("2015/08/12", "2016-12-16T12:23:59"), or with the month's name ("4-jul-95")."""
    j = s.skip(i, words("el", "para el", "on"))
    if not s.group_start(j):
        return None
    first = s.num(j)
    sep = s.word(j + 1)
    if first is None or sep not in ("/", "-", ".") or not s.glued(j + 1) or not s.glued(j + 2):
        return None
    today = s.ctx.today
    if first.digits == 4:
        month, day = s.num(j + 2), s.num(j + 4)
        if month is None or day is None or s.word(j + 3) != sep or not s.glued(j + 4):
            return None
        end, at = j + 5, None
        if s.word(end) == "t" and s.glued(end) and s.num(end + 1) and s.word(end + 2) == ":":
            hour, minute = s.num(end + 1), s.num(end + 3)
            if hour is None or minute is None or hour.value > 23 or minute.value > 59:
                return None
            at, end = Clock(hour.value, minute.value, True), end + 4
            if s.word(end) == ":" and s.num(end + 1):
                end += 2
        if not s.group_end(end):
            return None
        hit = settle(end, lambda: calc.safe_date(first.value, month.value, day.value))
        return Hit(end, day=hit.day, clock=at, error=hit.error) if hit.day else hit
    if first.digits > 2:
        return None
    found = month_word(s, j + 2)
    second = s.num(j + 2)
    if found is not None:
        month_value, end = found
    elif second is not None and second.digits <= 2:
        month_value, end = second.value, j + 3
    else:
        return None
    year = None
    if s.word(end) == sep and s.glued(end) and s.glued(end + 1):
        tok = s.num(end + 1)
        if tok is None or tok.digits not in (2, 4):
            return None
        year, end = calc.full_year(today, tok.value, tok.digits), end + 2
    if (sep == "." and year is None) or not s.group_end(end):
        return None  # "15.30" is a time; see times.py
    return settle(end, lambda: calc.day_month(today, first.value, month_value, year))
