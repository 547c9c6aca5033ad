"""The grammar: every production, and the scan that reads a phrase from left to right,
keeping at each place the longest thing any production reads.

What no production reads is either a filler ("sin falta", "me dijo que", punctuation) or
a leftover; `bot.core.dates` refuses a field with leftovers (the whole phrase is read, or
nothing is). Conventions are in the README, section "Dates in plain words".
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from bot.core.dates import days, months, numeric, special, times
from bot.core.dates.calc import Context
from bot.core.dates.lexicon import FILLERS, SOFT_PUNCTUATION
from bot.core.dates.scan import Hit, Scan, words
from bot.core.dates.tokens import Tok

Scan.DAY_PRODUCTIONS = [
    days.relative,
    days.weekday,
    days.week_then_weekday,
    days.week_alone,
    days.count,
    days.day_shift,
    days.from_on,
    days.hoy_en_ocho,
    months.numbered,
    months.month_day,
    numeric.numeric,
    months.edge_of_month,
    months.edge_of_year,
    months.next_month,
    months.first_or_last_day,
    months.nth_weekday,
    months.quincena,
]

# Earlier productions win ties: "fin de semana que viene" is the weekend, not a week.
TOP: list[Callable[[Scan, int], Hit | None]] = [
    special.weekend,
    special.recurring,
    special.date_range,
    special.time_range,
    special.vague,
    times.hours_from_now,
    lambda s, i: s.day(i),
    times.clock,
    times.part_of_day,
    months.month_alone,
]

FILLER = words(*FILLERS)
DANGLING = frozenset(
    {"de", "del", "a", "al", "en", "para", "y", "o", "the", "of", "at", "on", "by"}
)


@dataclass(frozen=True)
class Scanned:
    chunks: list[tuple[int, Hit]]  # (first token, hit), in order
    leftovers: list[int]  # tokens neither read nor fillers
    read: frozenset[int]  # tokens inside chunks


def read(toks: list[Tok], ctx: Context) -> Scanned:
    s = Scan(toks, ctx)
    chunks: list[tuple[int, Hit]] = []
    leftovers: list[int] = []
    covered: set[int] = set()
    i = 0
    while i < s.n:
        best: Hit | None = None
        for production in TOP:
            hit = production(s, i)
            if hit is not None and hit.end > i and (best is None or hit.end > best.end):
                best = hit
        if best is not None:
            chunks.append((i, best))
            covered.update(range(i, best.end))
            i = best.end
            continue
        filler = s.end_of(i, FILLER)
        if filler is not None:
            i = filler
        elif toks[i].kind == "punct" and toks[i].text in SOFT_PUNCTUATION:
            i += 1
        else:
            leftovers.append(i)
            i += 1
    # a phrase that ends on "de" or "a" was cut short: "el 3 de" is not the 3rd
    last = s.n - 1
    while last >= 0 and toks[last].kind == "punct" and last not in covered:
        last -= 1
    if last >= 0 and last not in covered and toks[last].text in DANGLING:
        leftovers.append(last)
    return Scanned(chunks, sorted(set(leftovers)), frozenset(covered))
