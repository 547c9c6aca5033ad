"""Plain-language dates: "el viernes", "pasado mañana", "mañana a las 10", "a la quincena".

`parse(text, now, tz)` reads a date field; `find(sentence, now, tz)` picks the date out of a
sentence ("me dijo que paga el viernes sin falta") without taking amounts or invoice numbers
for dates. Both return a `DateReading`: the date, the time if one was said, the words read,
whether it lies in the past, or the reason it could not be read.

Nothing here guesses silently. A field is read whole or refused: every word is either part
of the date or a known filler ("sin falta", "a más tardar"); a leftover ("el viernes de la
*rara* semana") refuses the reading and is quoted, and a typo one edit away from a date word
comes back as a suggestion ("¿quisiste decir «viernes»?") with no date. Impossible,
ambiguous, recurring and vague phrases are refused with a reason; a past date is flagged.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from bot.core.calendar import BusinessCalendar
from bot.core.dates import grammar
from bot.core.dates.calc import Context, DateError
from bot.core.dates.combine import combine, date_like_beside, in_sentence, near_read
from bot.core.dates.echo import describe, explain
from bot.core.dates.scan import Hit
from bot.core.dates.tokens import Tok, tokenize
from bot.core.i18n import Lang

__all__ = ["DateReading", "describe", "explain", "find", "parse", "read_field"]


@dataclass(frozen=True)
class DateReading:
    text: str
    date: dt.date | None = None
    time: dt.time | None = None
    read: str = ""
    past: bool = False
    error: str | None = None
    error_params: dict[str, object] = field(default_factory=dict)
    today: dt.date | None = None
    # the phrase with a typo corrected ("vierenes" → "viernes"); date is None then
    suggestion: str | None = None

    @property
    def ok(self) -> bool:
        """Read, and not in the past: what a promise or a task may be given."""
        return self.date is not None and self.error is None and not self.past

    def in_words(self, lang: Lang) -> str:
        assert self.date is not None
        return describe(self.date, self.time, lang=lang, today=self.today)

    def reason(self, lang: Lang) -> str | None:
        """Why it was refused, in the reader's language (a past date counts as refused)."""
        if self.error is not None:
            return explain(self.error, {"text": self.text, **self.error_params}, lang, self.today)
        if self.past and self.date is not None:
            return explain("dates.past", {"when": self.in_words(lang)}, lang, self.today)
        return None


def parse(
    text: str,
    now: datetime,
    tz: ZoneInfo | str,
    *,
    office_start: time = time(9),
    office_end: time = time(18),
    calendar: BusinessCalendar | None = None,
) -> DateReading:
    """Read a date field: the whole text, or a refusal. Several dates are an error."""
    return _read(text, _context(now, tz, office_start, office_end, calendar), sentence=False)


def find(
    sentence: str,
    now: datetime,
    tz: ZoneInfo | str,
    *,
    office_start: time = time(9),
    office_end: time = time(18),
    calendar: BusinessCalendar | None = None,
) -> DateReading:
    """The date a sentence promises: when it mentions a past day and a future one ("el lunes
    pasado dijo que paga el viernes"), the single future one is the promise."""
    return _read(sentence, _context(now, tz, office_start, office_end, calendar), sentence=True)


def _context(
    now: datetime,
    tz: ZoneInfo | str,
    office_start: time,
    office_end: time,
    calendar: BusinessCalendar | None,
) -> Context:
    local = now.astimezone(ZoneInfo(tz) if isinstance(tz, str) else tz)
    return Context(local.date(), local, office_start, office_end, calendar or BusinessCalendar())


def _read(text: str, ctx: Context, *, sentence: bool, suggesting: bool = True) -> DateReading:
    today = ctx.today
    toks = tokenize(text)
    scanned = grammar.read(toks, ctx)
    for _, hit in scanned.chunks:
        if hit.error is not None and not (sentence and hit.soft):
            return _refused(text, hit.error, today)
    chunks = in_sentence(scanned.chunks, toks) if sentence else scanned.chunks
    if sentence:
        read = frozenset(k for start, hit in chunks for k in range(start, hit.end))
        suspects = scanned.leftovers
        if chunks:
            suspects = [k for k in suspects if near_read(toks, k, read)]
        unread = date_like_beside(toks, scanned.leftovers, read)
    else:
        suspects = unread = scanned.leftovers
    if suggesting and suspects:
        from bot.core.dates.suggest import suggestion  # only for a word that looks mistyped

        fixed = suggestion(text, toks, suspects, lambda t: _reads(t, ctx, sentence=sentence))
        if fixed is not None:
            return DateReading(
                text,
                error="dates.did_you_mean",
                error_params={"suggestion": fixed},
                today=today,
                suggestion=fixed,
            )
    if not chunks:
        return _nothing_read(text, toks, ctx, sentence=sentence)
    if unread:
        return DateReading(
            text,
            error="dates.leftover",
            error_params={"words": _quote(text, toks, unread)},
            today=today,
        )
    try:
        combined = combine(chunks, toks, ctx, prefer_future=sentence)
    except DateError as exc:
        return _refused(text, exc, today)
    return DateReading(
        text,
        date=combined.day,
        time=combined.at,
        read=_words(text, toks, combined.used),
        past=_is_past(combined.day, combined.at, ctx.now),
        today=today,
    )


def _reads(text: str, ctx: Context, *, sentence: bool) -> bool:
    reading = _read(text, ctx, sentence=sentence, suggesting=False)
    return reading.date is not None and reading.error is None


def _refused(text: str, exc: DateError, today: date) -> DateReading:
    return DateReading(text, error=exc.key, error_params=dict(exc.params), today=today)


def _nothing_read(text: str, toks: list[Tok], ctx: Context, *, sentence: bool) -> DateReading:
    today = ctx.today
    if len(toks) == 1 and toks[0].kind == "num" and 0 <= toks[0].value <= 31:
        return DateReading(text, error="dates.bare_number", today=today)
    if not sentence:
        from bot.core.dates.fallback import read_with_dateparser

        found = read_with_dateparser(" ".join(t.text for t in toks), ctx.now)
        if found is not None:
            day, at = found
            return DateReading(
                text,
                date=day,
                time=at,
                read=text.strip(),
                past=_is_past(day, at, ctx.now),
                today=today,
            )
    return DateReading(text, error="dates.unreadable", today=today)


def _is_past(day: date, at: time | None, local: datetime) -> bool:
    if day != local.date():
        return day < local.date()
    return at is not None and at < local.time().replace(second=0, microsecond=0)


def _words(text: str, toks: list[Tok], chunks: list[tuple[int, Hit]]) -> str:
    spans = {(toks[start].start, toks[hit.end - 1].end) for start, hit in chunks}
    return " … ".join(text[a:b].strip() for a, b in sorted(spans))


def _quote(text: str, toks: list[Tok], indices: list[int]) -> str:
    """The leftover words as written, runs of neighbours kept together."""
    runs: list[list[int]] = []
    for k in sorted(indices):
        if runs and runs[-1][-1] == k - 1:
            runs[-1].append(k)
        else:
            runs.append([k])
    return " … ".join(text[toks[run[0]].start : toks[run[-1]].end] for run in runs)


def read_field(
    text: str,
    now: datetime,
    tz: ZoneInfo,
    *,
    lang: Lang,
    office_start: time = time(9),
    office_end: time = time(18),
    calendar: BusinessCalendar | None = None,
) -> tuple[DateReading, str | None]:
    """A date typed in a form field: the reading, and the field's error message (a
    sentence, capitalised) when it cannot be taken (unreadable, impossible, past, or a
    typo to confirm: "¿Quisiste decir «viernes»?")."""
    reading = parse(
        text, now, tz, office_start=office_start, office_end=office_end, calendar=calendar
    )
    if reading.ok:
        return reading, None
    reason = reading.reason(lang) or ""
    lead = len(reason) - len(reason.lstrip("¿¡"))
    return reading, reason[:lead] + reason[lead : lead + 1].upper() + reason[lead + 1 :]
