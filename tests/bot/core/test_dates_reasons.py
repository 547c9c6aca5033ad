"""Sentences whose date is clear or not, the reasons a phrase is refused, and dateparser as
a last resort that is loaded only when the grammar reads nothing."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import datetime, time

import pytest

from bot.core.dates import find, parse, read_field
from tests.bot.core.test_dates import MON, MX, READ, SENTENCES, d

# ----------------------------------------------------------------- issue 15: sentences

MORE_SENTENCES = [
    (MON, "dijo que paga el viernes de la otra semana", "2026-12-04", None),
    (MON, "paga mañana 8.30 en la sucursal", "2026-11-24", "08:30"),
    (MON, "abonó 15.50 y liquida mañana", "2026-11-24", None),
    (MON, "pago 20 mil el viernes", "2026-11-27", None),
    (MON, "la factura de octubre la paga el viernes", "2026-11-27", None),
    (MON, "paga ahorita una parte y el resto el viernes", "2026-11-27", None),
    (MON, "Marco dijo que paga el viernes", "2026-11-27", None),
]


@pytest.mark.parametrize(("now", "sentence", "expected", "at"), MORE_SENTENCES)
def test_a_sentence_gives_its_date_and_ignores_amounts_and_months_in_passing(
    now: datetime, sentence: str, expected: str, at: str | None
) -> None:
    reading = find(sentence, now, MX)
    assert reading.error is None, reading.reason("es")
    assert (reading.date, reading.time) == (d(expected), time.fromisoformat(at) if at else None)


@pytest.mark.parametrize(
    ("sentence", "key"),
    [
        ("dijo que paga el viernes de la semana rara", "dates.leftover"),
        ("paga el 15 o 16", "dates.leftover"),
        ("promete pagar el 5 de cada mes", "dates.recurring"),
        ("paga ahorita", "dates.not_a_day"),
        ("no contestó, llamar mañna", "dates.did_you_mean"),
        ("paga el viernes o el lunes", "dates.ambiguous"),
    ],
)
def test_a_sentence_whose_date_is_unclear_gives_no_date(sentence: str, key: str) -> None:
    reading = find(sentence, MON, MX)
    assert (reading.date, reading.error) == (None, key)


# ----------------------------------------------------------------- issue 15: reasons


def test_a_leftover_is_quoted_in_the_reason() -> None:
    reading = parse("el viernes de la semana rara", MON, MX)
    assert reading.error == "dates.leftover"
    assert "«semana rara»" in (reading.reason("es") or "")
    assert "“semana rara”" in (reading.reason("en") or "")


def test_a_typo_is_a_question_in_the_users_language_and_a_field_error() -> None:
    reading = parse("vierenes", MON, MX)
    assert (reading.date, reading.suggestion, reading.ok) == (None, "viernes", False)
    assert reading.reason("es") == "¿quisiste decir «viernes»?"
    assert reading.reason("en") == "did you mean “viernes”?"
    _, problem = read_field("Mañna a las 10", MON, MX, lang="es")
    assert problem == "¿Quisiste decir «Mañana a las 10»?"


def test_a_typo_that_would_not_read_even_corrected_is_not_suggested() -> None:
    reading = parse("vierenes 15 de diciembre", MON, MX)  # 15 December is a Tuesday
    assert reading.suggestion is None
    assert reading.error == "dates.leftover"


def test_recurring_and_vague_dates_say_what_to_do_instead() -> None:
    recurring = parse("todos los viernes", MON, MX)
    assert recurring.reason("es") == (
        "es una fecha que se repite; para varios pagos registra un plan de pagos"
    )
    assert "payment plan" in (recurring.reason("en") or "")
    assert "«ahorita» no es un día" in (parse("ahorita", MON, MX).reason("es") or "")
    assert "diciembre es un mes" in (parse("dic.", MON, MX).reason("es") or "")


def test_a_weekday_mismatch_names_the_weekday_in_each_language() -> None:
    reading = parse("el viernes 28", MON, MX)
    assert (
        reading.reason("en") == "Saturday, November 28 is not a Friday; check the day or the number"
    )


def test_a_number_that_may_be_a_date_or_a_time_is_asked_about() -> None:
    reading = parse("15.12", MON, MX)
    assert reading.reason("es") == (
        "«15.12» puede ser el martes 15 de diciembre o las 15:12; "
        "escribe «el martes 15 de diciembre» o «a las 15:12»"
    )


def test_the_end_of_the_day_is_the_end_of_office_hours() -> None:
    assert parse("al final del día", MON, MX, office_end=time(17)).time == time(17)
    assert parse("a primera hora", MON, MX, office_start=time(8)).time == time(8)


# ----------------------------------------------------------------- dateparser, last resort


def test_dateparser_reads_what_the_grammar_cannot_when_every_number_is_accounted_for() -> None:
    reading = parse("15 12 2026", MON, MX)
    assert (reading.date, reading.error) == (d("2026-12-15"), None)


def test_dateparser_is_not_believed_when_it_drops_a_number() -> None:
    from bot.core.dates.fallback import read_with_dateparser

    assert read_with_dateparser("diciembre 15 16", MON.replace(tzinfo=None)) is None
    assert parse("mil novecientos noventa", MON, MX).error == "dates.unreadable"


def test_dateparser_is_never_loaded_for_phrases_the_grammar_reads() -> None:
    from tests.bot.core.test_dates_table import CASES

    read = [case.phrase for case in CASES if case.error is None and case.suggestion is None]
    phrases = read + [p for _, p, _, _ in READ + SENTENCES]
    script = (
        "import sys, json; from datetime import datetime; from zoneinfo import ZoneInfo;"
        "from bot.core.dates import parse; tz = ZoneInfo('America/Mexico_City');"
        "now = datetime(2026, 11, 23, 9, tzinfo=tz);"
        "[parse(p, now, tz) for p in json.loads(sys.stdin.read())];"
        "print('dateparser' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", script],
        input=json.dumps(phrases),
        capture_output=True,
        text=True,
        check=True,
    )
    assert out.stdout.strip() == "False"
