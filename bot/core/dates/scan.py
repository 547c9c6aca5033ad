"""The machinery under the grammar: a scan over the tokens of one phrase, word tables, and
what a production returns (a Hit).

A production is a function `(scan, i) -> Hit | None` that reads tokens from `i` on. The
grammar (`grammar.py`) keeps, at each position, the longest hit of all its productions;
day productions can call `scan.day(j)` to read another day inside them ("tres semanas a
partir de *mañana*").
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, time
from functools import cache
from typing import ClassVar, Generic, TypeVar

from bot.core.dates.calc import Context, DateError
from bot.core.dates.tokens import Tok

V = TypeVar("V")


@dataclass(frozen=True, slots=True)
class Clock:
    """A time as written: `fixed` when am/pm, a 24-hour hour or a leading zero settles it;
    otherwise a part of the day, or the afternoon rule, decides."""

    hour: int
    minute: int
    fixed: bool


@dataclass(frozen=True, slots=True)
class Hit:
    end: int  # the token after the last one read
    day: date | None = None
    clock: Clock | None = None
    at: time | None = None  # a time already settled ("en 2 horas")
    part: str | None = None  # a part of the day: morning, noon, afternoon, night…
    error: DateError | None = None
    soft: bool = False  # a month or week named alone: refused in a field, ignored in a sentence
    vague: bool = False  # "ahorita", "cuanto antes": not a day
    weak: bool = False  # a bare "15.30": a time, or maybe an amount
    also_date: date | None = None  # what a bare "15.12" would be as a date
    weekday: int | None = None  # a weekday said plainly ("viernes"): may name another day


class Table(Generic[V]):
    """Phrases of one or more words and what each means, matched longest first."""

    def __init__(self, entries: Iterable[tuple[str, V]]) -> None:
        self._by_first: dict[str, list[tuple[tuple[str, ...], V]]] = {}
        for phrase, value in entries:
            words = tuple(phrase.split())
            self._by_first.setdefault(words[0], []).append((words, value))
        for options in self._by_first.values():
            options.sort(key=lambda option: -len(option[0]))

    def match(self, words: list[str], i: int) -> tuple[int, V] | None:
        if i >= len(words):
            return None
        for phrase, value in self._by_first.get(words[i], ()):
            end = i + len(phrase)
            if len(phrase) == 1 or tuple(words[i:end]) == phrase:
                return end, value
        return None

    def __contains__(self, word: object) -> bool:
        return word in self._by_first


@cache
def words(*phrases: str) -> Table[bool]:
    """A table of phrases, built once however often a production asks for it."""
    return Table((phrase, True) for phrase in phrases)


DayProduction = Callable[["Scan", int, bool], "Hit | None"]


class Scan:
    """One phrase being read: its tokens, today, and the days already read at each place."""

    DAY_PRODUCTIONS: ClassVar[list[DayProduction]] = []

    __slots__ = ("_days", "ctx", "n", "toks", "words")

    def __init__(self, toks: list[Tok], ctx: Context) -> None:
        self.toks = toks
        self.words = [t.text for t in toks]
        self.n = len(toks)
        self.ctx = ctx
        self._days: dict[tuple[int, bool], Hit | None] = {}

    def at(self, i: int, table: Table[V]) -> tuple[int, V] | None:
        return table.match(self.words, i)

    def end_of(self, i: int, table: Table[V]) -> int | None:
        found = table.match(self.words, i)
        return found[0] if found else None

    def skip(self, i: int, table: Table[V]) -> int:
        """After an optional phrase from `table`."""
        found = table.match(self.words, i)
        return found[0] if found else i

    def word(self, i: int) -> str:
        return self.words[i] if i < self.n else ""

    def num(self, i: int, low: int = 0, high: int = 9999) -> Tok | None:
        if i < self.n:
            tok = self.toks[i]
            if tok.kind == "num" and low <= tok.value <= high:
                return tok
        return None

    def glued(self, i: int) -> bool:
        """Token i follows the previous one without a space ("15/12", "8pm")."""
        return 0 < i < self.n and not self.toks[i].space

    def group_start(self, i: int) -> bool:
        """Token i begins a run of characters ("15/12" but not the "15" of "F-2026-15")."""
        if i >= self.n:  # nothing left after the words skipped ("el" alone)
            return False
        return i == 0 or self.toks[i].space or self.toks[i - 1].text in "(«\"'¿¡[“"

    def group_end(self, j: int) -> bool:
        """Token j (the one after a hit) is not glued to it, or is closing punctuation."""
        if j >= self.n or self.toks[j].space:
            return True
        text = self.toks[j].text
        if text in ",;)»\"'?!]”":
            return True
        return text == "." and (j + 1 >= self.n or self.toks[j + 1].space)

    def day(self, i: int, det: bool = False) -> Hit | None:
        """The longest day read from token i (`det`: after an article, "del 15")."""
        key = (i, det)
        if key in self._days:
            return self._days[key]
        best: Hit | None = None
        if i < self.n:
            for production in self.DAY_PRODUCTIONS:
                hit = production(self, i, det)
                if hit is not None and (best is None or hit.end > best.end):
                    best = hit
        self._days[key] = best
        return best


def settle(end: int, compute: Callable[[], date], *, soft: bool = False) -> Hit:
    """A day hit, or the reason the words cannot be one."""
    try:
        return Hit(end, day=compute())
    except DateError as exc:
        return Hit(end, error=exc, soft=soft)


def refuse(end: int, key: str, *, soft: bool = False, **params: object) -> Hit:
    return Hit(end, error=DateError(key, **params), soft=soft)
