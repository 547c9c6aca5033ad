"""The table of phrases (date_phrases.txt): every phrase of issue 15 and the conventions of
the README, over a dozen reference moments, each read exactly as the table says, with
generated cases for numbers in words and years."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from bot.core.dates import parse

MX = ZoneInfo("America/Mexico_City")
MON = datetime(2026, 11, 23, 9, 0, tzinfo=MX)
TABLE = Path(__file__).with_name("date_phrases.txt")
_EXPECTED = re.compile(
    r"^(?:(?P<past>past )?(?P<day>\d{4}-\d{2}-\d{2})(?: (?P<at>\d{2}:\d{2}))?"
    r"|! (?P<error>dates\.\w+)|\? (?P<suggestion>.+))$"
)


@dataclass(frozen=True)
class Case:
    now: datetime
    phrase: str
    day: date | None
    at: time | None
    past: bool
    error: str | None
    suggestion: str | None

    def __str__(self) -> str:
        return f"{self.now:%Y-%m-%dT%H:%M} {self.phrase}"


def load(path: Path) -> list[Case]:
    cases: list[Case] = []
    now: datetime | None = None
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        if line.startswith("["):
            now = datetime.fromisoformat(line[1 : line.index("]")]).replace(tzinfo=MX)
            continue
        phrase, _, expected = line.partition(" => ")
        found = _EXPECTED.match(expected.strip())
        assert now is not None and phrase and found, f"{path.name}:{number}: {line!r}"
        cases.append(
            Case(
                now,
                phrase,
                date.fromisoformat(found["day"]) if found["day"] else None,
                time.fromisoformat(found["at"]) if found["at"] else None,
                bool(found["past"]),
                found["error"],
                found["suggestion"],
            )
        )
    return cases


CASES = load(TABLE)


@pytest.mark.parametrize("case", CASES, ids=str)
def test_each_phrase_reads_as_the_table_says(case: Case) -> None:
    reading = parse(case.phrase, case.now, MX)
    got = (reading.date, reading.time, reading.past, reading.error, reading.suggestion)
    expected: tuple[object, ...]
    if case.suggestion is not None:
        expected = (None, None, False, "dates.did_you_mean", case.suggestion)
    elif case.error is not None:
        expected = (None, None, False, case.error, None)
    else:
        expected = (case.day, case.at, case.past, None, None)
    assert got == expected, reading.reason("es")
    if case.error is None and case.suggestion is None:
        assert reading.read  # the words read are echoed
    else:
        assert reading.reason("es") and reading.reason("en")


# Every phrase issue 15 quotes, as it quotes them; each must be in the table above, read
# on Monday 23 November 2026 with the meaning the issue gives.
ISSUE_PHRASES = """
mañna a primera hora | el viernes de la otra semana | el martes de la otra semana |
el otro viernes | de hoy en 8 | la quincena de diciembre | el 15 de este mes |
dos días a partir de hoy | tres semanas a partir de mañana | el día después de mañana |
dos días antes de ayer | el lunes de esta semana | martes de esta semana |
el domingo de la semana pasada | martes de semana pasada | la semana anterior - lunes |
el primer viernes de julio | el primer viernes de este mes | 05/05/89 | 31/10/74 | 4-jul-95 |
lunes el veintisiete a las seis de la tarde | miércoles el día treinta y uno | mañana 8.30 |
mañana o pasado | el jueves o viernes | el 5 de cada mes | 30 días | el quince |
el cinco de mayo | veintiuno de mayo | día quince | diez de octubre de dos mil dieciocho |
primero de enero | 1.º de julio | 1er de octubre | segundo de agosto | las doce y media |
5 y cuarto | las once y cuarenta y cinco | las doce menos cuarto | 15.30 | 8:00:31am |
a las 8: 45 | esta mañana a las 7 | mañana por la mañana a las 7 | esta noche a las 8 |
8pm de esta tarde | vie | jue 15 | lun. | mié. | dic. | la otra semana | la semana que entra |
la semana siguiente | quincena | esta semana | a principios de diciembre |
a mediados de diciembre | en quince días | en 8 días | de hoy en ocho | de hoy en quince |
ahorita | cuanto antes | lo antes posible | al rato | al final del día | fin de día |
15.12.2026 | 13.5.2015 | 2015/08/12 | 2016-12-16T12:23:59 | vierenes | mañna | pasadomañana |
miercloes | todos los viernes | dos días antes del viernes | el último día hábil del mes
"""


def test_every_phrase_of_the_issue_is_in_the_table() -> None:
    on_monday = {case.phrase for case in CASES if case.now == MON}
    quoted = [p.strip() for p in ISSUE_PHRASES.replace("\n", " ").split("|") if p.strip()]
    assert len(quoted) >= 80
    assert [p for p in quoted if p not in on_monday] == []


def test_the_table_is_large_enough() -> None:
    assert len(CASES) >= 400
    assert len({case.now.date() for case in CASES}) >= 6


def test_the_table_says_each_phrase_once_per_moment() -> None:
    keys = [(case.now, case.phrase) for case in CASES]
    assert len(keys) == len(set(keys))


# ------------------------------------------------------------- numbers in words, generated

DAY_WORDS = [
    "uno", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve", "diez",
    "once", "doce", "trece", "catorce", "quince", "dieciséis", "diecisiete", "dieciocho",
    "diecinueve", "veinte", "veintiuno", "veintidós", "veintitrés", "veinticuatro",
    "veinticinco", "veintiséis", "veintisiete", "veintiocho", "veintinueve", "treinta",
    "treinta y uno",
]  # fmt: skip


@pytest.mark.parametrize("day", range(1, 32))
def test_days_in_words_read_as_their_number(day: int) -> None:
    word = DAY_WORDS[day - 1]
    assert parse(f"el {word} de diciembre", MON, MX).date == date(2026, 12, day)
    assert parse(f"{word.capitalize()} de enero de 2027", MON, MX).date == date(2027, 1, day)
    assert parse(f"el {word}", MON, MX).date == parse(f"el {day}", MON, MX).date
    assert parse(f"el día {word} de marzo", MON, MX).date == date(2027, 3, day)


_UNITS = ["", "uno", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve"]
_TEENS = ["diez", "once", "doce", "trece", "catorce", "quince", "dieciséis", "diecisiete"]
_TEENS += ["dieciocho", "diecinueve", "veinte"]
_VEINTI = ["", "veintiuno", "veintidós", "veintitrés", "veinticuatro", "veinticinco"]
_VEINTI += ["veintiséis", "veintisiete", "veintiocho", "veintinueve"]
_TENS = {3: "treinta", 4: "cuarenta", 5: "cincuenta", 6: "sesenta", 7: "setenta"}
_TENS |= {8: "ochenta", 9: "noventa"}


def spanish_below_hundred(n: int) -> str:
    if n < 10:
        return _UNITS[n]
    if n <= 20:
        return _TEENS[n - 10]
    if n < 30:
        return _VEINTI[n - 20]
    tens, units = divmod(n, 10)
    return _TENS[tens] + (f" y {_UNITS[units]}" if units else "")


def spanish_year(year: int) -> str:
    """Years as they are said: "mil novecientos noventa y cinco", "dos mil veintisiete"."""
    if year >= 2000:
        rest = year - 2000
        return "dos mil" + (f" {spanish_below_hundred(rest)}" if rest else "")
    return "mil novecientos" + (f" {spanish_below_hundred(year - 1900)}" if year > 1900 else "")


@pytest.mark.parametrize("year", [*range(1950, 2000, 7), *range(2000, 2100, 3)])
def test_years_in_words_read_as_their_number(year: int) -> None:
    words = spanish_year(year)
    assert parse(f"15 de marzo de {words}", MON, MX).date == date(year, 3, 15)
    assert parse(f"el cinco de mayo de {words}", MON, MX).date == date(year, 5, 5)


def test_spanish_years_are_written_as_people_say_them() -> None:
    assert spanish_year(2027) == "dos mil veintisiete"
    assert spanish_year(1990) == "mil novecientos noventa"
    assert spanish_year(1995) == "mil novecientos noventa y cinco"
    assert spanish_year(2000) == "dos mil"
