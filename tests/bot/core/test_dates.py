"""Plain-language dates: a table of what collectors type, on several reference days.

Reference days (09:00 in Mexico City): MON a Monday, FRI a Friday, DEC31 the last day of the
year, FEB28 the last day of a February, LEAP the day before a 29 February.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.core.calendar import BusinessCalendar
from bot.core.dates import describe, find, parse

MX = ZoneInfo("America/Mexico_City")
MON = datetime(2026, 11, 23, 9, 0, tzinfo=MX)
FRI = datetime(2026, 11, 27, 9, 0, tzinfo=MX)
DEC31 = datetime(2026, 12, 31, 9, 0, tzinfo=MX)
FEB28 = datetime(2027, 2, 28, 9, 0, tzinfo=MX)
LEAP = datetime(2028, 2, 28, 9, 0, tzinfo=MX)


def d(text: str) -> date:
    return date.fromisoformat(text)


# (reference, phrase, expected date, expected time "HH:MM" or None)
READ = [
    # weekdays: the nearest one strictly after today
    (MON, "el viernes", "2026-11-27", None),
    (MON, "viernes", "2026-11-27", None),
    (MON, "el lunes", "2026-11-30", None),
    (MON, "el próximo lunes", "2026-11-30", None),
    (MON, "el proximo miercoles", "2026-11-25", None),
    (MON, "Próximo Miércoles", "2026-11-25", None),
    (MON, "EL VIERNES", "2026-11-27", None),
    (MON, "el martes que viene", "2026-11-24", None),
    (MON, "este viernes", "2026-11-27", None),
    (MON, "este lunes", "2026-11-23", None),
    (MON, "para el jueves", "2026-11-26", None),
    (MON, "martes de la próxima semana", "2026-12-01", None),
    (MON, "el viernes de la semana que viene", "2026-12-04", None),
    (MON, "el lunes de la próxima semana", "2026-11-30", None),
    (MON, "el jueves 26", "2026-11-26", None),
    (MON, "viernes 27 de noviembre", "2026-11-27", None),
    (FRI, "el viernes", "2026-12-04", None),
    (FRI, "el próximo viernes", "2026-12-04", None),
    (FRI, "este viernes", "2026-11-27", None),
    (FRI, "el lunes", "2026-11-30", None),
    (FRI, "el martes de la semana que viene", "2026-12-01", None),
    (DEC31, "el viernes", "2027-01-01", None),
    (DEC31, "el lunes", "2027-01-04", None),
    (FEB28, "el lunes", "2027-03-01", None),
    (FEB28, "el próximo domingo", "2027-03-07", None),
    (FEB28, "el lunes de la semana que viene", "2027-03-01", None),
    # weeks
    (MON, "la semana que viene", "2026-11-30", None),
    (MON, "la próxima semana", "2026-11-30", None),
    (MON, "a principios de la próxima semana", "2026-11-30", None),
    (MON, "a finales de esta semana", "2026-11-27", None),
    (FRI, "la semana que viene", "2026-11-30", None),
    (FRI, "a finales de la semana", "2026-11-27", None),
    (DEC31, "la semana que viene", "2027-01-04", None),
    (FEB28, "la semana que viene", "2027-03-01", None),
    # relative days
    (MON, "hoy", "2026-11-23", None),
    (MON, "mañana", "2026-11-24", None),
    (MON, "manana", "2026-11-24", None),
    (MON, "MAÑANA", "2026-11-24", None),
    (MON, "pasado mañana", "2026-11-25", None),
    (MON, "pasado manana", "2026-11-25", None),
    (MON, "de hoy en ocho", "2026-11-30", None),
    (FRI, "mañana", "2026-11-28", None),
    (FRI, "pasado mañana", "2026-11-29", None),
    (DEC31, "mañana", "2027-01-01", None),
    (FEB28, "mañana", "2027-03-01", None),
    (LEAP, "mañana", "2028-02-29", None),
    # "el N": the next day N strictly after today
    (MON, "el 15", "2026-12-15", None),
    (MON, "el 23", "2026-12-23", None),
    (MON, "el 30", "2026-11-30", None),
    (MON, "el 31", "2026-12-31", None),
    (MON, "el día 5", "2026-12-05", None),
    (FRI, "el 27", "2026-12-27", None),
    (FRI, "el 28", "2026-11-28", None),
    (DEC31, "el 15", "2027-01-15", None),
    (DEC31, "el 31", "2027-01-31", None),
    (DEC31, "el 30", "2027-01-30", None),
    (FEB28, "el 29", "2027-03-29", None),
    (FEB28, "el 30", "2027-03-30", None),
    (FEB28, "el 31", "2027-03-31", None),
    (LEAP, "el 29", "2028-02-29", None),
    # day and month
    (MON, "el 15 de diciembre", "2026-12-15", None),
    (MON, "15 de diciembre", "2026-12-15", None),
    (MON, "15 de diciembre de 2026", "2026-12-15", None),
    (MON, "el 1 de enero", "2027-01-01", None),
    (MON, "el 1ro de diciembre", "2026-12-01", None),
    (MON, "el primero de diciembre", "2026-12-01", None),
    (MON, "diciembre 15", "2026-12-15", None),
    (MON, "15 dic", "2026-12-15", None),
    (MON, "el 29 de febrero", "2028-02-29", None),
    (DEC31, "el 15 de enero", "2027-01-15", None),
    (DEC31, "el 6 de enero de 2027", "2027-01-06", None),
    (DEC31, "el 1 de enero", "2027-01-01", None),
    (FEB28, "el 15 de marzo", "2027-03-15", None),
    (FEB28, "el 29 de febrero", "2028-02-29", None),
    # numeric dates: day first; ISO accepted
    (MON, "15/12", "2026-12-15", None),
    (MON, "15/12/2026", "2026-12-15", None),
    (MON, "15-12-2026", "2026-12-15", None),
    (MON, "2026-12-15", "2026-12-15", None),
    (MON, "15/12/26", "2026-12-15", None),
    (DEC31, "15/01", "2027-01-15", None),
    # months
    (MON, "fin de mes", "2026-11-30", None),
    (MON, "a fin de mes", "2026-11-30", None),
    (MON, "a finales de mes", "2026-11-30", None),
    (MON, "a mediados de mes", "2026-12-15", None),
    (MON, "a principios del próximo mes", "2026-12-01", None),
    (MON, "el mes que viene", "2026-12-01", None),
    (MON, "a finales del mes que viene", "2026-12-31", None),
    (MON, "a fin de diciembre", "2026-12-31", None),
    (FRI, "a fin de mes", "2026-11-30", None),
    (DEC31, "fin de mes", "2026-12-31", None),
    (DEC31, "a principios del próximo mes", "2027-01-01", None),
    (DEC31, "a finales del mes que viene", "2027-01-31", None),
    (FEB28, "fin de mes", "2027-02-28", None),
    (FEB28, "a mediados de mes", "2027-03-15", None),
    (LEAP, "fin de mes", "2028-02-29", None),
    # quincena: the next 15th or last day of the month, strictly after today
    (MON, "a la quincena", "2026-11-30", None),
    (FRI, "a la quincena", "2026-11-30", None),
    (DEC31, "a la quincena", "2027-01-15", None),
    (FEB28, "a la quincena", "2027-03-15", None),
    (LEAP, "a la quincena", "2028-02-29", None),
    (datetime(2026, 12, 2, 9, tzinfo=MX), "para la quincena", "2026-12-15", None),
    # counts, in digits or words
    (MON, "en 3 días", "2026-11-26", None),
    (MON, "en tres días", "2026-11-26", None),
    (MON, "dentro de dos semanas", "2026-12-07", None),
    (MON, "dentro de 2 semanas", "2026-12-07", None),
    (MON, "dentro de una semana", "2026-11-30", None),
    (MON, "en un mes", "2026-12-23", None),
    (MON, "en un par de días", "2026-11-25", None),
    (MON, "en 5 días hábiles", "2026-11-30", None),
    (FRI, "en 2 días hábiles", "2026-12-01", None),
    (FRI, "dentro de dos semanas", "2026-12-11", None),
    (DEC31, "en un mes", "2027-01-31", None),
    (DEC31, "dentro de dos semanas", "2027-01-14", None),
    (FEB28, "en un mes", "2027-03-28", None),
    # times: "a las 1" to "a las 6" are the afternoon
    (MON, "mañana a las 10", "2026-11-24", "10:00"),
    (MON, "martes a las 10", "2026-11-24", "10:00"),
    (MON, "el viernes a las 3", "2026-11-27", "15:00"),
    (MON, "mañana a la 1", "2026-11-24", "13:00"),
    (MON, "mañana a la una", "2026-11-24", "13:00"),
    (MON, "el viernes a las 6", "2026-11-27", "18:00"),
    (MON, "el viernes a las 7", "2026-11-27", "07:00"),
    (MON, "mañana a las 10 de la noche", "2026-11-24", "22:00"),
    (MON, "mañana a las 3 de la tarde", "2026-11-24", "15:00"),
    (MON, "mañana a las 9 de la mañana", "2026-11-24", "09:00"),
    (MON, "mañana a las 4 y media", "2026-11-24", "16:30"),
    (MON, "mañana a las 11:30", "2026-11-24", "11:30"),
    (MON, "mañana a las 16:45", "2026-11-24", "16:45"),
    (MON, "mañana a las 15 hrs", "2026-11-24", "15:00"),
    (MON, "mañana 04:30", "2026-11-24", "04:30"),
    (MON, "el proximo miercoles a las 10", "2026-11-25", "10:00"),
    (FRI, "hoy a las 10", "2026-11-27", "10:00"),
    # parts of the day
    (MON, "mañana en la mañana", "2026-11-24", "09:00"),
    (MON, "mañana por la mañana", "2026-11-24", "09:00"),
    (MON, "mañana en la tarde", "2026-11-24", "15:00"),
    (MON, "mañana por la tarde", "2026-11-24", "15:00"),
    (MON, "mañana al mediodía", "2026-11-24", "12:00"),
    (MON, "mañana a primera hora", "2026-11-24", "09:00"),
    (MON, "el lunes a primera hora", "2026-11-30", "09:00"),
    (MON, "hoy en la tarde", "2026-11-23", "15:00"),
    (MON, "esta tarde", "2026-11-23", "15:00"),
    # English
    (MON, "today", "2026-11-23", None),
    (MON, "tomorrow", "2026-11-24", None),
    (MON, "day after tomorrow", "2026-11-25", None),
    (MON, "next friday", "2026-11-27", None),
    (MON, "friday", "2026-11-27", None),
    (MON, "on friday", "2026-11-27", None),
    (MON, "this friday", "2026-11-27", None),
    (MON, "friday next week", "2026-12-04", None),
    (MON, "next week", "2026-11-30", None),
    (MON, "early next week", "2026-11-30", None),
    (MON, "next month", "2026-12-01", None),
    (MON, "tomorrow at 10am", "2026-11-24", "10:00"),
    (MON, "tomorrow at 3pm", "2026-11-24", "15:00"),
    (MON, "tomorrow at 3", "2026-11-24", "15:00"),
    (MON, "tomorrow at 10:30 am", "2026-11-24", "10:30"),
    (MON, "tomorrow morning", "2026-11-24", "09:00"),
    (MON, "tomorrow afternoon", "2026-11-24", "15:00"),
    (MON, "at noon tomorrow", "2026-11-24", "12:00"),
    (MON, "end of month", "2026-11-30", None),
    (MON, "end of the month", "2026-11-30", None),
    (MON, "in 3 days", "2026-11-26", None),
    (MON, "in two weeks", "2026-12-07", None),
    (MON, "in a week", "2026-11-30", None),
    (MON, "in 1 month", "2026-12-23", None),
    (MON, "in 3 business days", "2026-11-26", None),
    (MON, "the 15th", "2026-12-15", None),
    (MON, "on the 15th", "2026-12-15", None),
    (MON, "December 15", "2026-12-15", None),
    (MON, "Dec 15", "2026-12-15", None),
    (MON, "15 December 2026", "2026-12-15", None),
    (MON, "December 15th, 2026", "2026-12-15", None),
    (MON, "December the 15th, 2026", "2026-12-15", None),
    (DEC31, "next friday", "2027-01-01", None),
]


@pytest.mark.parametrize(("now", "phrase", "expected", "at"), READ)
def test_phrases_are_read_as_the_conventions_say(
    now: datetime, phrase: str, expected: str, at: str | None
) -> None:
    reading = parse(phrase, now, MX)
    assert reading.error is None, reading.reason("es")
    assert reading.date == d(expected)
    assert reading.time == (time.fromisoformat(at) if at else None)
    assert not reading.past
    assert reading.read


PAST = [
    (MON, "ayer", "2026-11-22"),
    (MON, "anteayer", "2026-11-21"),
    (MON, "el lunes pasado", "2026-11-16"),
    (MON, "el viernes pasado", "2026-11-20"),
    (MON, "hoy a las 8", "2026-11-23"),
    (MON, "15 de noviembre", "2026-11-15"),
    (MON, "01/11/2026", "2026-11-01"),
    (MON, "2026-11-01", "2026-11-01"),
    (MON, "yesterday", "2026-11-22"),
    (MON, "last monday", "2026-11-16"),
    (FRI, "el lunes pasado", "2026-11-23"),
    (DEC31, "el 5 de diciembre", "2026-12-05"),
    (DEC31, "15/12/26", "2026-12-15"),
]


@pytest.mark.parametrize(("now", "phrase", "expected"), PAST)
def test_past_dates_are_reported_as_past(now: datetime, phrase: str, expected: str) -> None:
    reading = parse(phrase, now, MX)
    assert reading.date == d(expected)
    assert reading.past
    assert not reading.ok
    assert "ya pasó" in (reading.reason("es") or "")
    assert "in the past" in (reading.reason("en") or "")


REFUSED = [
    (MON, "cuando pueda", "dates.unreadable"),
    (MON, "no sé", "dates.unreadable"),
    (MON, "pronto", "dates.unreadable"),
    (MON, "whenever", "dates.unreadable"),
    (MON, "el 31 de febrero", "dates.invalid_day"),
    (MON, "31/02/2027", "dates.invalid_day"),
    (MON, "30/02", "dates.invalid_day"),
    (FEB28, "29/02/2027", "dates.invalid_day"),
    (MON, "15/13/2026", "dates.invalid_month"),
    (MON, "15", "dates.bare_number"),
    (MON, "el viernes 28", "dates.weekday_mismatch"),
    (MON, "el viernes o el lunes", "dates.ambiguous"),
    (MON, "del 15 al 20", "dates.range"),
    (MON, "el fin de semana", "dates.weekend_vague"),
    (MON, "mañana a las 25", "dates.invalid_time"),
    (MON, "mañana a las 10 o a las 11", "dates.ambiguous_time"),
]


@pytest.mark.parametrize(("now", "phrase", "key"), REFUSED)
def test_unreadable_phrases_are_refused_with_a_reason(now: datetime, phrase: str, key: str) -> None:
    reading = parse(phrase, now, MX)
    assert reading.date is None
    assert reading.error == key
    assert reading.reason("es")
    assert reading.reason("en")


def test_reasons_say_what_was_read() -> None:
    assert parse("el 31 de febrero", MON, MX).reason("es") == "febrero no tiene día 31"
    mismatch = parse("el viernes 28", MON, MX).reason("es")
    assert mismatch == "el sábado 28 de noviembre no es viernes; revisa el día o el número"
    both = parse("el viernes o el lunes", MON, MX).reason("es") or ""
    assert "viernes 27 de noviembre" in both and "lunes 30 de noviembre" in both


SENTENCES = [
    (MON, "me dijo que paga el viernes sin falta", "2026-11-27", None),
    (MON, "Hablé con Marisol, promete pagar 1500 pesos el 15", "2026-12-15", None),
    (MON, "la factura F-2026-15 se paga el 30/11", "2026-11-30", None),
    (MON, "el lunes pasado dijo que paga el viernes", "2026-11-27", None),
    (MON, "paga 2500.50 mañana a las 10", "2026-11-24", "10:00"),
    (MON, "dice que deposita $3,000 la semana que viene", "2026-11-30", None),
    (MON, "hablé con Pedro, traspapeló la factura 4521, pagará en 3 días", "2026-11-26", None),
    (MON, "el jueves sin falta", "2026-11-26", None),
    (MON, "Pedro says they will wire 1500 USD next friday", "2026-11-27", None),
]


@pytest.mark.parametrize(("now", "sentence", "expected", "at"), SENTENCES)
def test_the_date_is_found_inside_a_sentence(
    now: datetime, sentence: str, expected: str, at: str | None
) -> None:
    reading = find(sentence, now, MX)
    assert reading.error is None, reading.reason("es")
    assert reading.date == d(expected)
    assert reading.time == (time.fromisoformat(at) if at else None)


@pytest.mark.parametrize(
    "sentence",
    [
        "Maribel indica que ya canceló con el depósito número 23763172736",
        "pagará 1500 pesos",
        "factura F-2026-15",
        "saldo 15.12",
    ],
)
def test_amounts_and_invoice_numbers_are_not_dates(sentence: str) -> None:
    assert find(sentence, MON, MX).date is None


def test_the_reading_is_echoed_in_words() -> None:
    reading = parse("el viernes a las 10", MON, MX)
    assert reading.in_words("es") == "viernes 27 de noviembre, 10:00"
    assert reading.in_words("en") == "Friday, November 27, 10:00 AM"
    assert parse("el 15 de enero", DEC31, MX).in_words("es") == "viernes 15 de enero de 2027"


def test_a_promise_on_a_weekend_is_kept_as_said_and_can_be_flagged() -> None:
    reading = parse("el sábado", MON, MX)
    assert reading.date == d("2026-11-28")
    assert not BusinessCalendar("MX").is_business_day(reading.date)
    assert BusinessCalendar("MX").next_business_day(reading.date) == d("2026-11-30")


def test_the_team_time_zone_decides_what_today_is() -> None:
    late_utc = datetime(2026, 11, 24, 4, 0, tzinfo=ZoneInfo("UTC"))  # 22:00 on the 23rd in Mexico
    assert parse("mañana", late_utc, MX).date == d("2026-11-24")
    assert parse("mañana", late_utc, "Europe/Madrid").date == d("2026-11-25")


def test_business_day_counts_skip_the_countrys_holidays() -> None:
    # Friday 13 November 2026 + 1 business day in Mexico skips Revolution Day (16th).
    friday = datetime(2026, 11, 13, 9, tzinfo=MX)
    reading = parse("en 1 día hábil", friday, MX, calendar=BusinessCalendar("MX"))
    assert reading.date == d("2026-11-17")


def test_the_table_is_large_enough() -> None:
    assert len(READ) + len(PAST) + len(REFUSED) + len(SENTENCES) >= 150


@settings(max_examples=300, deadline=None)
@given(
    offset=st.integers(min_value=0, max_value=3 * 365),
    lang=st.sampled_from(["es", "en"]),
    minutes=st.one_of(st.none(), st.integers(min_value=7 * 60, max_value=20 * 60 - 1)),
)
def test_a_date_cobro_writes_in_words_reads_back_as_the_same_date(
    offset: int, lang: str, minutes: int | None
) -> None:
    day = MON.date() + timedelta(days=offset)
    at = time(minutes // 60, minutes % 60) if minutes is not None else None
    if day == MON.date() and at is not None and at < time(9):
        at = time(9)
    words = describe(day, at, lang=lang, today=MON.date())  # type: ignore[arg-type]
    reading = parse(words, MON, MX)
    assert reading.error is None, (words, reading.reason("en"))
    assert (reading.date, reading.time) == (day, at), words


@pytest.mark.parametrize("phrase", ["el", "el ", "para el", "on"])
def test_an_article_alone_is_refused_not_a_crash(phrase: str) -> None:
    """ "el" alone made the numeric-date production index past the last token."""
    now = datetime(2026, 11, 23, 9, tzinfo=ZoneInfo("America/Mexico_City"))
    for read in (parse, find):
        reading = read(phrase, now, "America/Mexico_City")
        assert not reading.ok and reading.date is None
