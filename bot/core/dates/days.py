"""Days said relative to today: "mañana", "el viernes de la otra semana", "la semana que
entra", "en 8 días", "tres semanas a partir de mañana", "de hoy en ocho"."""

from __future__ import annotations

from datetime import date, timedelta

from bot.core.dates import calc
from bot.core.dates.months import day_of_month, month_first, weekday_word
from bot.core.dates.scan import Hit, Scan, Table, refuse, settle, words
from bot.core.dates.times import clock

RELATIVE: Table[int] = Table(
    [
        ("hoy", 0),
        ("today", 0),
        ("el dia de hoy", 0),
        ("manana", 1),
        ("tomorrow", 1),
        ("el dia de manana", 1),
        ("pasado manana", 2),
        ("el dia de pasado manana", 2),
        ("o pasado", 2),  # "mañana o pasado": the second date, to refuse the pair
        ("o pasado manana", 2),
        ("day after tomorrow", 2),
        ("the day after tomorrow", 2),
        ("ayer", -1),
        ("yesterday", -1),
        ("el dia de ayer", -1),
        ("anteayer", -2),
        ("antier", -2),
        ("antes de ayer", -2),
        ("antes de antier", -3),
        ("day before yesterday", -2),
        ("the day before yesterday", -2),
    ]
)

ARTICLE = words("el", "para el", "para", "on", "for", "el dia", "para el dia")
MODE: Table[str] = Table(
    [
        ("este", "this"),
        ("esta", "this"),
        ("this", "this"),
        ("otro", "other"),
        ("pasado", "last"),
        ("last", "last"),
        ("proximo", "next"),
        ("siguiente", "next"),
        ("next", "next"),
    ]
)
MODE_AFTER: Table[str] = Table(
    [
        ("que viene", "next"),
        ("proximo", "next"),
        ("entrante", "next"),
        ("que entra", "next"),
        ("pasado", "last"),
        ("after next", "other"),
    ]
)

WEEK: Table[int] = Table(
    [
        ("esta semana", 0),
        ("this week", 0),
        ("la semana actual", 0),
        ("la presente semana", 0),
        ("la semana que viene", 1),
        ("semana que viene", 1),
        ("la proxima semana", 1),
        ("proxima semana", 1),
        ("la semana proxima", 1),
        ("la siguiente semana", 1),
        ("siguiente semana", 1),
        ("la semana siguiente", 1),
        ("semana siguiente", 1),
        ("la semana entrante", 1),
        ("semana entrante", 1),
        ("la semana que entra", 1),
        ("semana que entra", 1),
        ("la otra semana", 1),
        ("next week", 1),
        ("the next week", 1),
        ("la semana pasada", -1),
        ("semana pasada", -1),
        ("la semana anterior", -1),
        ("semana anterior", -1),
        ("last week", -1),
        ("the previous week", -1),
    ]
)

# "a principios de", "a mediados de", "a finales de"…: the start, middle or end of a span.
EDGE: Table[str] = Table(
    [
        (f"{lead}{word}", edge)
        for lead in ("", "a ", "para ")
        for word, edge in [
            ("principios", "start"),
            ("inicios", "start"),
            ("comienzos", "start"),
            ("mediados", "mid"),
            ("finales", "end"),
            ("fines", "end"),
            ("fin", "end"),
        ]
    ]
    + [
        ("al final", "end"),
        ("a final", "end"),
        ("final", "end"),
        ("early", "start"),
        ("beginning", "start"),
        ("the beginning", "start"),
        ("at the beginning", "start"),
        ("mid", "mid"),
        ("middle", "mid"),
        ("the middle", "mid"),
        ("end", "end"),
        ("the end", "end"),
        ("at the end", "end"),
        ("by the end", "end"),
    ]
)
EDGE_LINK = words("de", "del", "of", "-")
THE_WEEK = words("la semana", "the week")

UNIT: Table[tuple[str, int]] = Table(
    [
        *((w, ("d", 1)) for w in ("dia", "dias", "day", "days")),
        *((w, ("d", 7)) for w in ("semana", "semanas", "week", "weeks")),
        *((w, ("m", 1)) for w in ("mes", "meses", "month", "months")),
        *((w, ("m", 12)) for w in ("ano", "anos", "year", "years")),
    ]
)
BUSINESS_AFTER = words("habiles", "habil", "laborables", "laborable")
BUSINESS_BEFORE = words("business", "working")
IN = words("en", "dentro de", "in", "within", "a", "para dentro de", "en unos")
AGO = words("hace")
# (direction, whether the link ends with an article: "antes del 15")
LINK: Table[tuple[int, bool]] = Table(
    [
        ("a partir de", (1, False)),
        ("a partir del", (1, True)),
        ("despues de", (1, False)),
        ("despues del", (1, True)),
        ("antes de", (-1, False)),
        ("antes del", (-1, True)),
        ("desde", (1, False)),
        ("from", (1, False)),
        ("after", (1, False)),
        ("before", (-1, False)),
    ]
)
DAY_SHIFT: Table[tuple[int, bool]] = Table(
    [
        ("el dia despues de", (1, False)),
        ("el dia despues del", (1, True)),
        ("un dia despues de", (1, False)),
        ("el dia antes de", (-1, False)),
        ("el dia antes del", (-1, True)),
        ("el dia siguiente a", (1, False)),
        ("el dia siguiente al", (1, True)),
        ("the day after", (1, False)),
        ("the day before", (-1, False)),
    ]
)
FROM_ON = Table([("a partir de", False), ("a partir del", True)])


def relative(s: Scan, i: int, det: bool) -> Hit | None:
    found = s.at(i, RELATIVE)
    if found is None:
        return None
    return Hit(found[0], day=s.ctx.today + timedelta(days=found[1]))


def week_monday(s: Scan, i: int) -> tuple[int, date] | None:
    found = s.at(i, WEEK)
    if found is None:
        return None
    return found[0], calc.monday_of(s.ctx.today) + timedelta(weeks=found[1])


def weekday(s: Scan, i: int, det: bool) -> Hit | None:
    """ "el viernes", "este lunes", "el otro viernes", "el lunes pasado", "el viernes de la
    otra semana", "el jueves 26", "lunes el veintisiete", "friday, november 27"."""
    today = s.ctx.today
    j = s.skip(i, ARTICLE)
    found_mode = s.at(j, MODE)
    if found_mode is not None:
        j = found_mode[0]
    found = weekday_word(s, j)
    if found is None:
        return None
    wd, j = found
    after = s.at(j, MODE_AFTER)
    if found_mode is not None or (after is not None and s.word(after[0]) == "manana"):
        after = None
    mode = found_mode[1] if found_mode else after[1] if after else None
    said = _by_mode(today, wd, mode or "next")
    options = [Hit(after[0] if after else j, day=said, weekday=None if mode else wd)]
    # the day number decides, the weekday must agree with it
    k = s.skip(s.skip(j, words(",")), words("el", "el dia", "dia", "the"))
    numbered = day_of_month(s, k, inclusive=True) or month_first(s, k, inclusive=True)
    at = clock(s, k)
    if numbered is not None and at is not None and at.end > numbered.end:
        numbered = None  # "el viernes 10 am": 10 is the hour
    if numbered is not None and numbered.day is not None:
        end, named = numbered.end, numbered.day
        if named.weekday() != wd:
            numbered = refuse(end, "dates.weekday_mismatch", day=named, weekday=wd)
        elif mode in ("this", "last", "other") and named != said:
            numbered = _two(end, said, named)  # "este martes 15", three weeks on
    if numbered is not None:
        options.append(numbered)
    week = week_monday(s, s.skip(j, words("de", "del", "of")))
    if week is not None:
        end, monday = week
        day = monday + timedelta(days=wd)
        emphasis = mode == "next" and monday == calc.monday_of(today) + timedelta(weeks=1)
        if mode is not None and day != said and not emphasis:
            options.append(_two(end, said, day))  # "el pasado viernes de la otra semana"
        else:
            options.append(Hit(end, day=day))
    return max(options, key=lambda hit: hit.end)


def _by_mode(today: date, wd: int, mode: str) -> date:
    if mode == "this":
        return calc.next_weekday(today, wd, include_today=True)
    if mode == "last":
        return calc.previous_weekday(today, wd)
    return calc.next_weekday(today, wd) + timedelta(weeks=mode == "other")


def _two(end: int, one: date, other: date) -> Hit:
    first, second = sorted((one, other))
    return refuse(end, "dates.ambiguous", first=first, second=second)


def week_then_weekday(s: Scan, i: int, det: bool) -> Hit | None:
    """ "la semana anterior - lunes", "la semana que viene, el martes"."""
    week = week_monday(s, i)
    if week is None:
        return None
    k = s.skip(s.skip(week[0], words("-", ",", ":")), words("el", "on"))
    found = weekday_word(s, k)
    if found is None:
        return None
    return Hit(found[1], day=week[1] + timedelta(days=found[0]))


def week_alone(s: Scan, i: int, det: bool) -> Hit | None:
    """A week for a day: next week is its Monday, this week its Friday; "a principios /
    mediados / finales de" a week is its Monday / Wednesday / Friday."""
    edge = "alone"
    j = i
    found_edge = s.at(i, EDGE)
    if found_edge is not None:
        j, edge = found_edge
        j = s.skip(j, EDGE_LINK)
        if s.word(j) == "semana":
            return None  # "fin de semana" is the weekend
        the_week = s.end_of(j, THE_WEEK)
        if the_week is not None and s.at(j, WEEK) is None:
            monday = calc.monday_of(s.ctx.today)
            return _edge_of_week(the_week, monday, edge)
    week = week_monday(s, j)
    if week is None:
        return None
    end, monday = week
    if edge != "alone":
        return _edge_of_week(end, monday, edge)
    if monday < calc.monday_of(s.ctx.today):
        return refuse(end, "dates.week_only", soft=True)
    if monday == calc.monday_of(s.ctx.today):
        return Hit(end, day=monday + timedelta(days=4))
    return Hit(end, day=monday)


def _edge_of_week(end: int, monday: date, edge: str) -> Hit:
    return Hit(end, day=monday + timedelta(days={"start": 0, "mid": 2, "end": 4}[edge]))


def _count(s: Scan, i: int) -> tuple[int, int] | None:
    tok = s.num(i, 0, 999)
    if tok is not None and tok.digits <= 3:
        return tok.value, i + 1
    return None


def _shifted(s: Scan, base: date, sign: int, n: int, unit: tuple[str, int], business: bool) -> date:
    kind, size = unit
    if business:
        return calc.add_business_days(s.ctx.calendar, base, sign * n * size)
    if kind == "d":
        return base + timedelta(days=sign * n * size)
    return calc.add_months(base, sign * n * size)


def count(s: Scan, i: int, det: bool) -> Hit | None:
    """ "en 3 días", "dentro de dos semanas", "30 días", "hace 2 días", "en 5 días
    hábiles", and anchored on another day: "tres semanas a partir de mañana", "dos días
    antes del viernes"."""
    if det:
        return None  # "después del 15 semanas" is no day
    ago = s.end_of(i, AGO)
    if ago is not None:
        return _count_from(s, ago, -1, prefixed=True)
    prefix = s.end_of(i, IN)
    if prefix is not None:
        hit = _count_from(s, prefix, 1, prefixed=True)
        if hit is not None:
            return hit
    return _count_from(s, i, 1, prefixed=False)


def _count_from(s: Scan, j: int, sign: int, *, prefixed: bool) -> Hit | None:
    article = s.word(j) in ("a", "an")
    found = (1, j + 1) if article else _count(s, j)
    if found is None:
        return None
    n, j = found
    business = s.end_of(j, BUSINESS_BEFORE)
    j = business or j
    unit = s.at(j, UNIT)
    if unit is None:
        return None
    j, size = unit
    after = s.end_of(j, BUSINESS_AFTER)
    if after is not None:
        business = j = after
    link = s.at(j, LINK) if sign > 0 else None
    if link is not None and s.word(j) == "from" and s.word(j + 1) == "now":
        return Hit(j + 2, day=_shifted(s, s.ctx.today, 1, n, size, bool(business)))
    if link is not None:
        end, (direction, det_next) = link
        anchor = s.day(end, det_next)
        if anchor is not None:
            if anchor.day is None:
                return anchor
            base = anchor.day
            return settle(anchor.end, lambda: _shifted(s, base, direction, n, size, bool(business)))
    if article and not prefixed:
        return None  # "a week" alone is not "in a week"
    return Hit(j, day=_shifted(s, s.ctx.today, sign, n, size, bool(business)))


def day_shift(s: Scan, i: int, det: bool) -> Hit | None:
    """ "el día después de mañana", "el día antes del viernes"."""
    found = s.at(i, DAY_SHIFT)
    if found is None:
        return None
    end, (direction, det_next) = found
    anchor = s.day(end, det_next)
    if anchor is None or anchor.day is None:
        return anchor
    return Hit(anchor.end, day=anchor.day + timedelta(days=direction))


def from_on(s: Scan, i: int, det: bool) -> Hit | None:
    """ "a partir del lunes": that day."""
    found = s.at(i, FROM_ON)
    if found is None:
        return None
    return s.day(found[0], found[1])


def hoy_en_ocho(s: Scan, i: int, det: bool) -> Hit | None:
    """The idioms "de hoy en ocho" and "de hoy en quince": a week and two weeks from that
    day (not eight and fifteen days; "en 8 días" is read literally)."""
    if s.word(i) != "de":
        return None
    anchor = s.day(i + 1)
    if anchor is None or s.word(anchor.end) != "en":
        return None
    tok = s.num(anchor.end + 1)
    if tok is None or tok.value not in (8, 15) or s.at(anchor.end + 2, UNIT) is not None:
        return None
    if anchor.day is None:
        return anchor
    return Hit(anchor.end + 2, day=anchor.day + timedelta(days=7 if tok.value == 8 else 14))
