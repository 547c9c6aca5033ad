"""Days of a month: "el 15", "el quince de este mes", "15 de diciembre de 2026", "diciembre
15" dates ("15/12/26", "2015/08/12", "4-jul-95", ISO date-times), and the days a
month is spoken of by: "fin de mes", "a mediados de diciembre", "la quincena", "el primer
viernes de julio", "el último día hábil del mes"."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from bot.core.dates import calc
from bot.core.dates.lexicon import MONTH_ABBREVIATIONS, MONTHS, WEEKDAY_ABBREVIATIONS, WEEKDAYS
from bot.core.dates.numerals import DAY_ORDINALS, WEEK_ORDINALS
from bot.core.dates.scan import Hit, Scan, Table, refuse, settle, words

REL_MONTH: Table[tuple[int, bool]] = Table(
    [(p, (0, False)) for p in ("este mes", "el presente mes", "el mes actual", "mes actual")]
    + [(p, (0, True)) for p in ("mes", "el mes", "this month", "the month", "month")]
    + [
        (p, (1, False))
        for p in (
            "el mes que viene",
            "mes que viene",
            "el proximo mes",
            "proximo mes",
            "el siguiente mes",
            "siguiente mes",
            "el mes siguiente",
            "mes siguiente",
            "el mes entrante",
            "mes entrante",
            "el mes que entra",
            "mes que entra",
            "el otro mes",
            "next month",
            "the next month",
        )
    ]
    + [
        (p, (-1, False))
        for p in (
            "el mes pasado",
            "mes pasado",
            "el mes anterior",
            "mes anterior",
            "last month",
            "the previous month",
        )
    ]
)
DAY_ARTICLE = words(
    *(f"{a}{b}" for a in ("", "para ") for b in ("el", "el dia", "el proximo", "el proximo dia")),
    *("del", "dia", "este", "the", "on the", "on", "day", "el mero"),
)
OF = words("de", "del", "of")
NEXT_MONTH = words(
    "el mes que viene",
    "el proximo mes",
    "el siguiente mes",
    "el mes entrante",
    "el mes que entra",
    "proximo mes",
    "next month",
    "early next month",
    "beginning of next month",
)


@dataclass(frozen=True, slots=True)
class MonthRef:
    end: int
    month: int | None = None  # a named month
    year: int | None = None
    offset: int = 0  # else relative to this month
    bare: bool = False  # just "mes" / "el mes": this month, unless the phrase says otherwise

    def build(self, today: date, make: Callable[[int, int], date]) -> date:
        if self.month is not None:
            return calc.in_named_month(today, self.month, self.year, make)
        first = calc.month_start(today, self.offset)
        return make(first.year, first.month)


def month_word(s: Scan, i: int) -> tuple[int, int] | None:
    word = s.word(i)
    month = MONTHS.get(word) or MONTH_ABBREVIATIONS.get(word)
    if month is None:
        return None
    if word not in MONTHS and s.word(i + 1) == "." and s.glued(i + 1):
        return month, i + 2
    return month, i + 1


def weekday_word(s: Scan, i: int) -> tuple[int, int] | None:
    """A weekday, its abbreviation ("vie", "mié.") included: (weekday, end)."""
    word = s.word(i)
    if word in WEEKDAYS:
        return WEEKDAYS[word], i + 1
    if word in WEEKDAY_ABBREVIATIONS:
        end = i + 2 if s.word(i + 1) == "." and s.glued(i + 1) else i + 1
        return WEEKDAY_ABBREVIATIONS[word], end
    return None


def year_after(s: Scan, i: int) -> tuple[int, int] | None:
    """ ", 2026", "de 2026", "del 26", "de dos mil veintisiete"."""
    j = s.skip(i, words(","))
    k = s.skip(j, words("de", "del"))
    tok = s.num(k)
    if tok is None:
        return None
    if (tok.digits == 4 or tok.spelled) and 1900 <= tok.value <= 2199:
        return tok.value, k + 1
    if tok.digits == 2 and k > j:
        return calc.full_year(s.ctx.today, tok.value, 2), k + 1
    return None


def month_ref(s: Scan, i: int) -> MonthRef | None:
    found = month_word(s, i)
    if found is not None:
        month, end = found
        year = year_after(s, end)
        if year is not None:
            return MonthRef(year[1], month, year[0])
        return MonthRef(end, month)
    rel = s.at(i, REL_MONTH)
    if rel is not None:
        end, (offset, bare) = rel
        return MonthRef(end, offset=offset, bare=bare)
    return None


def day_number(s: Scan, i: int) -> tuple[int, int, bool] | None:
    """A day of the month as written: (day, end, marked), `marked` when an ordinal says it
    is a day ("15th", "1ro", "primero")."""
    tok = s.num(i, 1, 31)
    if tok is not None and (tok.digits <= 2):
        return tok.value, i + 1, tok.ordinal
    word = s.word(i)
    if word in DAY_ORDINALS:
        return DAY_ORDINALS[word], i + 1, True
    return None


def day_of_month(s: Scan, i: int, *, inclusive: bool = False, det: bool = True) -> Hit | None:
    """A day number with its month, or alone after an article: "el 15" is the next day 15
    strictly after today (from today on when a weekday comes with it)."""
    today = s.ctx.today
    j = s.skip(i, DAY_ARTICLE)
    found = day_number(s, j)
    if found is None:
        return None
    day, j, marked = found
    has_article = det or j - 1 > i
    k = s.skip(j, words(","))
    ref = month_ref(s, s.skip(k, OF))
    if ref is not None and not (ref.bare and s.word(k) not in ("de", "del", "of")):
        return settle(ref.end, lambda: _day_in(today, day, ref))
    word = s.word(j - 1)
    if word in DAY_ORDINALS and (word not in ("primero", "first") or not has_article):
        return None  # "el segundo" or "primero" alone is not a day ("primero Dios…")
    if not (has_article or marked):
        return None  # a bare number: an amount, an hour, an invoice
    start = today if not inclusive else date.fromordinal(today.toordinal() - 1)
    return settle(j, lambda: calc.next_day_number(start, day))


def _day_in(today: date, day: int, ref: MonthRef) -> date:
    if ref.month is not None:
        return calc.day_month(today, day, ref.month, ref.year)
    return ref.build(today, lambda y, m: calc.safe_date(y, m, day))


def numbered(s: Scan, i: int, det: bool) -> Hit | None:
    return day_of_month(s, i, det=det)


def month_first(s: Scan, i: int, *, inclusive: bool = False) -> Hit | None:
    """ "diciembre 15", "dic. 15", "December the 15th, 2026"."""
    j = s.skip(i, words("el", "on"))
    found = month_word(s, j)
    if found is None:
        return None
    month, j = found
    day = day_number(s, s.skip(j, words("the")))
    if day is None:
        return None
    value, end, _ = day
    year = year_after(s, end)
    if year is not None:
        end = year[1]
    return settle(end, lambda: calc.day_month(s.ctx.today, value, month, year[0] if year else None))


def month_day(s: Scan, i: int, det: bool) -> Hit | None:
    return month_first(s, i)


EDGE_OF_MONTH: Table[str] = Table(
    [
        (f"{lead}{word}", edge)
        for lead in ("", "a ", "para ", "al ")
        for word, edge in [
            ("principios", "start"),
            ("inicios", "start"),
            ("comienzos", "start"),
            ("mediados", "mid"),
            ("finales", "end"),
            ("fines", "end"),
            ("fin", "end"),
            ("final", "end"),
        ]
    ]
    + [
        ("beginning", "start"),
        ("the beginning", "start"),
        ("at the beginning", "start"),
        ("early", "start"),
        ("mid", "mid"),
        ("middle", "mid"),
        ("the middle", "mid"),
        ("end", "end"),
        ("the end", "end"),
        ("at the end", "end"),
        ("by the end", "end"),
    ]
)


def edge_of_month(s: Scan, i: int, det: bool) -> Hit | None:
    """ "fin de mes" (the last day of this month), "a principios de mes" (the next 1st),
    "a mediados de mes" (the next 15th), "a finales de diciembre", "mid-month"."""
    found = s.at(i, EDGE_OF_MONTH)
    if found is None:
        return None
    j, edge = found
    linked = s.skip(j, words("de", "del", "of", "-"))
    ref = month_ref(s, linked)
    if ref is None or (linked == j and s.word(i) not in ("early", "mid")):
        return None
    today = s.ctx.today
    if ref.bare and ref.month is None:
        if edge == "start":
            start = today if today.day == 1 else calc.month_start(today, 1)
            return Hit(ref.end, day=start)
        if edge == "mid":
            fifteenth = today.replace(day=15)
            return Hit(
                ref.end, day=fifteenth if fifteenth >= today else calc.add_months(fifteenth, 1)
            )
    make = {
        "start": lambda y, m: date(y, m, 1),
        "mid": lambda y, m: date(y, m, 15),
        "end": calc.last_day,
    }[edge]
    return Hit(ref.end, day=ref.build(today, make))


YEAR: Table[int] = Table(
    [(p, 0) for p in ("ano", "el ano", "este ano", "the year", "this year", "year")]
    + [
        (p, 1)
        for p in ("el ano que viene", "ano que viene", "el proximo ano", "proximo ano", "next year")
    ]
)


def edge_of_year(s: Scan, i: int, det: bool) -> Hit | None:
    """ "a fin de año" (31 December), "a principios del año que viene" (1 January)."""
    found = s.at(i, EDGE_OF_MONTH)
    if found is None:
        return None
    j, edge = found
    linked = s.skip(j, words("de", "del", "of"))
    year = s.at(linked, YEAR) if linked > j else None
    if year is None or edge == "mid":
        return None
    end, ahead = year
    today = s.ctx.today
    if edge == "end":
        return Hit(end, day=date(today.year + ahead, 12, 31))
    return Hit(end, day=date(today.year + max(ahead, 1), 1, 1))


def next_month(s: Scan, i: int, det: bool) -> Hit | None:
    end = s.end_of(i, NEXT_MONTH)
    return None if end is None else Hit(end, day=calc.month_start(s.ctx.today, 1))


FIRST_LAST: Table[tuple[bool, bool]] = Table(
    [
        (f"{art}{word} {what}", (word in ("primer", "first"), business))
        for art in ("", "el ", "the ")
        for word in ("primer", "ultimo", "first", "last")
        for what, business in [
            ("dia", False),
            ("dia habil", True),
            ("dia laborable", True),
            ("day", False),
            ("business day", True),
            ("working day", True),
        ]
    ]
)


def first_or_last_day(s: Scan, i: int, det: bool) -> Hit | None:
    """ "el último día del mes", "el primer día hábil de diciembre"."""
    found = s.at(i, FIRST_LAST)
    if found is None:
        return None
    j, (first, business) = found
    ref = month_ref(s, s.skip(j, OF))
    if ref is None or s.skip(j, OF) == j:
        return None
    cal = s.ctx.calendar

    def make(year: int, month: int) -> date:
        if business:
            return calc.business_edge(cal, year, month, first=first)
        return date(year, month, 1) if first else calc.last_day(year, month)

    return Hit(ref.end, day=ref.build(s.ctx.today, make))


def nth_weekday(s: Scan, i: int, det: bool) -> Hit | None:
    """ "el primer viernes de julio", "el último viernes del mes", "el 2do martes de diciembre"."""
    j = s.skip(i, words("el", "the", "on the"))
    tok = s.num(j, 1, 5)
    if tok is not None and tok.ordinal:
        nth = tok.value
    elif s.word(j) in WEEK_ORDINALS:
        nth = WEEK_ORDINALS[s.word(j)]
    else:
        return None
    found = weekday_word(s, j + 1)
    if found is None:
        return None
    wd, j = found
    linked = s.skip(j, words("de", "del", "of", "in"))
    ref = month_ref(s, linked)
    if ref is None or linked == j:
        return None
    return settle(
        ref.end, lambda: ref.build(s.ctx.today, lambda y, m: calc.nth_weekday(y, m, wd, nth))
    )


QUINCENA: Table[int] = Table(
    [
        (f"{lead}{which}quincena", half)
        for lead in ("", "a la ", "la ", "para la ", "en la ")
        for which, half in [("", 0), ("proxima ", 0), ("siguiente ", 0)]
    ]
    + [
        (f"{lead}{which} quincena", half)
        for lead in ("la ", "a la ", "para la ", "en la ")
        for which, half in [("primera", 1), ("segunda", 2), ("ultima", 2)]
    ]
)


def quincena(s: Scan, i: int, det: bool) -> Hit | None:
    """ "la quincena": the next 15th or last day of the month after today; "la quincena de
    diciembre" its 15th, "la segunda quincena de diciembre" its last day."""
    found = s.at(i, QUINCENA)
    if found is None:
        return None
    j, half = found
    linked = s.skip(j, OF)
    ref = month_ref(s, linked) if linked > j else None
    if ref is not None and not ref.bare:
        make = calc.last_day if half == 2 else (lambda y, m: date(y, m, 15))
        return Hit(ref.end, day=ref.build(s.ctx.today, make))
    if half:
        return None  # "la segunda quincena" of which month?
    return Hit(j, day=calc.quincena(s.ctx.today))


def month_alone(s: Scan, i: int) -> Hit | None:
    """A month is not a day: "en diciembre", "dic.", "este mes" are refused with a pointer
    (in a field; a sentence may name a month in passing)."""
    j = s.skip(i, words("en", "para", "de", "in", "for"))
    ref = month_ref(s, j)
    if ref is None or ref.offset == 1 or (ref.bare and ref.month is None):
        return None
    month = ref.month or calc.month_start(s.ctx.today, ref.offset).month
    return refuse(ref.end, "dates.month_only", soft=True, month=month)
