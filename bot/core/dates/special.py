"""Phrases that look like dates and must not become one: recurring dates ("el 5 de cada
mes", "todos los viernes"), ranges ("del 15 al 20"), the weekend, and "ahorita" and its
friends, which are not a day at all."""

from __future__ import annotations

from bot.core.dates.lexicon import DATE_WORDS, WEEKDAY_PLURALS, WEEKDAYS
from bot.core.dates.scan import Hit, Scan, refuse, words
from bot.core.dates.times import clock

VAGUE = words(
    "ahorita",
    "ahoritita",
    "ahorita mismo",
    "ahora mismo",
    "cuanto antes",
    "lo antes posible",
    "lo mas pronto posible",
    "lo mas rapido posible",
    "al rato",
    "en un rato",
    "mas tarde",
    "asap",
    "as soon as possible",
    "right away",
    "right now",
)

WEEKEND = words(
    *(
        f"{lead}{core}{tail}"
        for lead in ("", "el ", "este ", "para el ", "el proximo ", "el siguiente ")
        for core in ("fin de semana", "finde")
        for tail in ("", " que viene", " proximo", " entrante", " pasado")
    ),
    "weekend",
    "the weekend",
    "this weekend",
    "next weekend",
    "on the weekend",
)

EVERY = words("cada", "todos los", "todas las", "every", "each")
ALWAYS = words(
    "mensual",
    "mensualmente",
    "semanal",
    "semanalmente",
    "quincenal",
    "quincenalmente",
    "diario",
    "diariamente",
    "a diario",
    "monthly",
    "weekly",
    "biweekly",
    "daily",
)

RANGE_OPEN = words("del", "entre", "entre el", "de", "between", "from")
RANGE_LINK = words("al", "y", "y el", "e", "a", "and", "to", "until", "till")


def vague(s: Scan, i: int) -> Hit | None:
    end = s.end_of(i, VAGUE)
    return None if end is None else Hit(end, vague=True)


def weekend(s: Scan, i: int) -> Hit | None:
    end = s.end_of(i, WEEKEND)
    return None if end is None else refuse(end, "dates.weekend_vague")


def recurring(s: Scan, i: int) -> Hit | None:
    """ "cada mes", "todos los viernes", "los lunes", "every friday", "mensualmente": a date
    that repeats belongs in a payment plan, not in one promise."""
    end = s.end_of(i, ALWAYS)
    if end is not None:
        return refuse(end, "dates.recurring")
    end = s.end_of(i, EVERY)
    if end is not None:
        nxt = s.toks[end] if end < s.n else None
        if nxt is not None and (nxt.kind == "num" or nxt.text in DATE_WORDS or nxt.text == "fin"):
            return refuse(end + 1, "dates.recurring")
        return None
    if s.word(i) == "los" and (s.word(i + 1) in WEEKDAYS or s.word(i + 1) in WEEKDAY_PLURALS):
        return refuse(i + 2, "dates.recurring")
    if s.word(i) == "los" and s.word(i + 1) == "dias" and s.num(i + 2) is not None:
        return refuse(i + 3, "dates.recurring")
    return None


def date_range(s: Scan, i: int) -> Hit | None:
    """ "del 15 al 20", "entre el lunes y el miércoles", "de lunes a viernes"."""
    opened = s.at(i, RANGE_OPEN)
    if opened is None:
        return None
    first = s.day(opened[0], det=True)
    if first is None:
        return None
    link = s.end_of(first.end, RANGE_LINK)
    if link is None:
        return None
    second = s.day(link, det=True)
    if second is None:
        return None
    return refuse(second.end, "dates.range")


def time_range(s: Scan, i: int) -> Hit | None:
    """ "entre las 10 y las 12", "de las 10 a las 12": a range of hours."""
    opened = s.at(i, RANGE_OPEN)
    first = clock(s, opened[0]) if opened else None
    link = s.end_of(first.end, RANGE_LINK) if first else None
    second = clock(s, link) if link is not None else None
    return None if second is None else refuse(second.end, "dates.range")
