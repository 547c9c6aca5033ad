"""From the pieces a phrase was read into to one date and time: one day (or today), one
time (the part of the day settling am/pm), or a refusal when they disagree."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time

from bot.core.dates.calc import Context, DateError
from bot.core.dates.lexicon import DATE_WORDS
from bot.core.dates.scan import Hit
from bot.core.dates.times import default_time, resolve
from bot.core.dates.tokens import Tok

CURRENCY = frozenset({"pesos", "peso", "mxn", "usd", "cop", "eur", "euros", "dolares", "$"})


@dataclass(frozen=True)
class Combined:
    day: date
    at: time | None
    used: list[tuple[int, Hit]]


def combine(
    chunks: list[tuple[int, Hit]], toks: list[Tok], ctx: Context, *, prefer_future: bool
) -> Combined:
    if any(hit.vague for _, hit in chunks):
        raise DateError("dates.not_a_day")
    chunks = _weekdays_naming(chunks, toks)
    with_day = [(start, hit) for start, hit in chunks if hit.day is not None]
    distinct = sorted({hit.day for _, hit in with_day if hit.day is not None})
    if len(distinct) > 1 and prefer_future:
        future = [d for d in distinct if d >= ctx.today]
        if len(future) == 1:
            distinct = future
            chunks = [(s, h) for s, h in chunks if h.day is None or h.day == future[0]]
    if len(distinct) > 1:
        raise DateError("dates.ambiguous", first=distinct[0], second=distinct[1])
    part = _one_part({hit.part for _, hit in chunks if hit.part is not None})
    clocks = [hit for _, hit in chunks if hit.clock is not None]
    if not distinct and any(hit.also_date is not None for hit in clocks):
        weak = next(hit for hit in clocks if hit.also_date is not None)
        assert weak.clock is not None
        raise DateError(
            "dates.date_or_time",
            day=weak.also_date,
            time=f"{weak.clock.hour}:{weak.clock.minute:02d}",
        )
    settled = {resolve(hit.clock, part) for hit in clocks if hit.clock is not None}
    if len(settled) > 1:
        raise DateError("dates.ambiguous_time")
    if settled:
        at: time | None = settled.pop()
    elif part is not None:
        at = default_time(part, ctx.office_start, ctx.office_end)
    else:
        at = None
    return Combined(distinct[0] if distinct else ctx.today, at, chunks)


def _weekdays_naming(chunks: list[tuple[int, Hit]], toks: list[Tok]) -> list[tuple[int, Hit]]:
    """ "hoy lunes", "mañana martes": a weekday said beside another day names that day; it
    must agree with it ("mañana miércoles" on a Monday is refused)."""
    out = list(chunks)
    for k, (start, hit) in enumerate(chunks):
        if hit.weekday is None:
            continue
        for other in (k - 1, k + 1):
            if not 0 <= other < len(chunks):
                continue
            o_start, o_hit = chunks[other]
            first, second = sorted([(start, hit), (o_start, o_hit)], key=lambda c: c[0])
            between = [t.text for t in toks[first[1].end : second[0]]]
            if o_hit.day is None or o_hit.weekday is not None or between not in ([], [","]):
                continue
            if o_hit.day.weekday() != hit.weekday:
                raise DateError("dates.weekday_mismatch", day=o_hit.day, weekday=hit.weekday)
            out[k] = (start, Hit(hit.end))
    return out


def _one_part(parts: set[str]) -> str | None:
    if parts == {"morning", "first_hour"}:
        return "first_hour"  # "mañana por la mañana a primera hora"
    if len(parts) > 1:
        raise DateError("dates.ambiguous_time")
    return next(iter(parts), None)


def in_sentence(chunks: list[tuple[int, Hit]], toks: list[Tok]) -> list[tuple[int, Hit]]:
    """What a sentence's pieces say about its date: a month or a week named in passing is
    not a date; a bare "15.30" is a time only right after a day ("mañana 8.30"), never
    beside an amount ("abonó 15.50"); "ahorita" counts only when nothing else was said."""
    kept: list[tuple[int, Hit]] = []
    previous: Hit | None = None
    for start, hit in chunks:
        if hit.soft:
            continue
        if hit.weak:
            after_day = previous is not None and previous.end == start and previous.day is not None
            nxt = toks[hit.end].text if hit.end < len(toks) else ""
            if not after_day or nxt in CURRENCY:
                continue
            hit = Hit(hit.end, clock=hit.clock)
        kept.append((start, hit))
        previous = hit
    if any(not hit.vague for _, hit in kept):
        kept = [(start, hit) for start, hit in kept if not hit.vague]
    return kept


# Words that tie a leftover to the date next to it: "el viernes *de la* otra semana".
CONNECTORS = frozenset({"de", "del", "la", "el", "a", "al", "en", "y", "o", "u", ",", "-"})


def near_read(toks: list[Tok], k: int, read: frozenset[int]) -> bool:
    """Token k touches what was read, directly or across connector words."""
    for step in (-1, 1):
        j = k + step
        while 0 <= j < len(toks) and j not in read and toks[j].text in CONNECTORS:
            j += step
        if j in read:
            return True
    return False


def date_like_beside(toks: list[Tok], leftovers: list[int], read: frozenset[int]) -> list[int]:
    """Leftovers of a sentence that touch what was read and look like part of a date: "el
    viernes de la *otra* semana", "el 15 *o 16*". A number counts when it could be a day or
    an hour, not an amount ("2500.50", "$3,000")."""
    found = []
    for k in leftovers:
        if not near_read(toks, k, read):
            continue
        tok = toks[k]
        if tok.kind == "num":
            if tok.spelled and tok.value == 1:
                continue  # "una parte", "un pago": an article
            glued = (k + 1 < len(toks) and not toks[k + 1].space) or (k > 0 and not tok.space)
            if tok.value <= 31 and not glued:
                found.append(k)
        elif tok.text in DATE_WORDS:
            found.append(k)
    return found
