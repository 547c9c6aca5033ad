"""Any date cobro writes, in every writer and locale it has, reads back as itself."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.core.dates import describe, parse
from tests.bot.core.test_dates import MON, MX

WRITERS = ["describe", "describe_without_weekday", "day_in_words", "short_day", "instant"]
LOCALES = ["es_MX", "es_CO", "es_ES", "en_US"]


def _written(writer: str, day: date, at: time | None, lang: str, locale: str) -> str:
    """A date as cobro writes it: the echo (`describe`), or `bot.core.i18n.formats`."""
    from bot.core.i18n import formats

    if writer.startswith("describe"):
        words = describe(day, at, lang=lang, today=MON.date())  # type: ignore[arg-type]
        if writer == "describe_without_weekday":
            words = words.split(" ", 1)[1]
        return words
    previous = formats.team_locale()
    formats.set_team_locale(locale)
    try:
        if writer == "day_in_words":
            return formats.day_in_words(day, lang)  # type: ignore[arg-type]
        if writer == "short_day":
            return formats.short_day(day, lang)  # type: ignore[arg-type]
        moment = datetime.combine(day, at or time(12), MX)
        return formats.instant_in_words(moment, lang)  # type: ignore[arg-type]
    finally:
        formats.set_team_locale(previous)


@settings(max_examples=400, deadline=None)
@given(
    offset=st.integers(min_value=-3 * 365, max_value=5 * 365),
    writer=st.sampled_from(WRITERS),
    locale=st.sampled_from(LOCALES),
    minutes=st.one_of(st.none(), st.integers(min_value=0, max_value=24 * 60 - 1)),
)
def test_any_date_cobro_writes_reads_back_as_itself(
    offset: int, writer: str, locale: str, minutes: int | None
) -> None:
    lang = locale[:2]
    day = MON.date() + timedelta(days=offset)
    at = time(minutes // 60, minutes % 60) if minutes is not None else None
    if writer == "instant":
        at = at or time(12)
    words = _written(writer, day, at, lang, locale)
    if writer.startswith("describe") and writer.endswith("weekday") and lang == "en":
        words = words.lstrip(", ")
    reading = parse(words, MON, MX)
    assert reading.error is None, (words, reading.reason("en"))
    expected_time = at if writer in ("describe", "describe_without_weekday", "instant") else None
    assert (reading.date, reading.time) == (day, expected_time), words
    assert reading.past == (datetime.combine(day, expected_time or time(23, 59), MX) < MON)
