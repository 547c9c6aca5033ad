"""The dates in words are written without babel.dates (it slowed every fresh process); they
must stay exactly what babel's CLDR patterns wrote."""

from __future__ import annotations

from datetime import date, time, timedelta

import pytest
from babel.dates import format_date, format_time

from bot.core.dates.echo import clock_words, describe
from bot.core.i18n import Lang

BABEL_PATTERNS = {
    ("es", False): "EEEE d 'de' MMMM",
    ("es", True): "EEEE d 'de' MMMM 'de' y",
    ("en", False): "EEEE, MMMM d",
    ("en", True): "EEEE, MMMM d, y",
}
TODAY = date(2026, 11, 23)


@pytest.mark.parametrize("lang", ["es", "en"])
def test_every_day_of_two_years_reads_as_babel_writes_it(lang: Lang) -> None:
    day = date(2026, 1, 1)
    while day < date(2028, 1, 1):
        with_year = day.year != TODAY.year or day < TODAY - timedelta(days=183)
        expected = format_date(day, BABEL_PATTERNS[(lang, with_year)], locale=lang)
        assert describe(day, lang=lang, today=TODAY) == expected
        day += timedelta(days=1)


@pytest.mark.parametrize("lang", ["es", "en"])
@pytest.mark.parametrize("day", [date(1990, 5, 5), date(2099, 12, 31), date(95, 7, 4)])
def test_far_years_are_written_in_full(lang: Lang, day: date) -> None:
    expected = format_date(day, BABEL_PATTERNS[(lang, True)], locale=lang)
    assert describe(day, lang=lang) == expected


@pytest.mark.parametrize(("lang", "pattern"), [("es", "HH:mm"), ("en", "h:mm a")])
def test_every_minute_of_the_day_reads_as_babel_writes_it(lang: Lang, pattern: str) -> None:
    for minute in range(24 * 60):
        at = time(minute // 60, minute % 60)
        assert clock_words(at, lang) == format_time(at, pattern, locale=lang)


def test_a_day_with_its_time() -> None:
    assert describe(date(2026, 11, 24), time(10), lang="es", today=TODAY) == (
        "martes 24 de noviembre, 10:00"
    )
    assert describe(date(2026, 11, 24), time(15, 30), lang="en", today=TODAY) == (
        "Tuesday, November 24, 3:30 PM"
    )
