"""Times of day as people write them: "a las 10", "las doce y media", "5 y cuarto", "las
once y cuarenta y cinco", "las doce menos cuarto", "15.30", "8:00:31am", "a las 8: 45",
"8pm"; parts of the day ("por la tarde", "esta noche", "a primera hora", "al final del
día"); and "en 2 horas". How a part of the day and a time combine is in `resolve`."""

from __future__ import annotations

from datetime import time, timedelta

from bot.core.dates import calc
from bot.core.dates.scan import Clock, Hit, Scan, Table, refuse, words

PREFIX = words(
    "a las",
    "a la",
    "alas",
    "las",
    "la",
    "sobre las",
    "sobre la",
    "como a las",
    "como a la",
    "como las",
    "tipo",
    "tipo a las",
    "tipo las",
    "a eso de las",
    "a eso de la",
    "hacia las",
    "hacia la",
    "at",
    "@",
    "around",
    "at around",
)
MERIDIEM: Table[str] = Table(
    [
        ("am", "am"),
        ("a . m .", "am"),
        ("a . m", "am"),
        ("pm", "pm"),
        ("p . m .", "pm"),
        ("p . m", "pm"),
        ("hrs", "24"),
        ("hrs .", "24"),
        ("hr", "24"),
        ("hs", "24"),
        ("h", "24"),
        ("horas", "24h"),  # only after "a las": "2 horas" alone is a duration
    ]
)
FRACTION: Table[int] = Table(
    [("y media", 30), ("y cuarto", 15), ("menos cuarto", -15), ("and a half", 30)]
)
PART_AFTER = words(
    "de la manana",
    "de la tarde",
    "de la noche",
    "del mediodia",
    "in the morning",
    "in the afternoon",
    "in the evening",
    "at night",
)
LINKED_MINUTES: Table[int] = Table([("y", 1), ("menos", -1)])

PARTS: Table[tuple[str, bool]] = Table(
    [
        ("esta manana", ("morning", True)),
        ("this morning", ("morning", True)),
        ("esta tarde", ("afternoon", True)),
        ("this afternoon", ("afternoon", True)),
        ("esta noche", ("night", True)),
        ("tonight", ("night", True)),
        ("this evening", ("night", True)),
        *(
            (f"{lead}la {word}", (part, False))
            for lead in ("", "por ", "en ", "a ", "de ", "durante ")
            for word, part in [("manana", "morning"), ("tarde", "afternoon"), ("noche", "night")]
        ),
        ("in the morning", ("morning", False)),
        ("morning", ("morning", False)),
        ("in the afternoon", ("afternoon", False)),
        ("afternoon", ("afternoon", False)),
        ("in the evening", ("night", False)),
        ("evening", ("night", False)),
        ("at night", ("night", False)),
        *(
            (f"{lead}{word}", ("noon", False))
            for lead in ("", "al ", "a ", "del ")
            for word in ("mediodia", "medio dia")
        ),
        ("noon", ("noon", False)),
        ("at noon", ("noon", False)),
        ("midday", ("noon", False)),
        ("at midday", ("noon", False)),
        *(
            (f"{lead}primera hora{tail}", ("first_hour", False))
            for lead in ("", "a ")
            for tail in ("", " de la manana", " del dia")
        ),
        # "mañana temprano": the start of office hours, like "a primera hora".
        *((phrase, ("first_hour", False)) for phrase in ("temprano", "bien temprano", "early")),
        ("first thing", ("first_hour", False)),
        ("first thing in the morning", ("first_hour", False)),
        *(
            (phrase, ("end_of_day", False))
            for phrase in (
                "al final del dia",
                "a final del dia",
                "al fin del dia",
                "fin de dia",
                "fin del dia",
                "al final de la jornada",
                "al cierre",
                "al cierre del dia",
                "end of day",
                "end of the day",
                "by end of day",
                "by the end of the day",
                "at the end of the day",
                "eod",
            )
        ),
    ]
)

HOURS_IN = words("en", "dentro de", "in", "within")
HOUR_UNITS: Table[int] = Table(
    [
        *((w, 60) for w in ("hora", "horas", "hrs", "hr", "h", "hour", "hours")),
        *((w, 1) for w in ("minuto", "minutos", "min", "mins", "minute", "minutes")),
    ]
)


def clock(s: Scan, i: int) -> Hit | None:
    """A time; a bare one ("15.30", "8:30", "3 pm", "5 y cuarto") needs its minutes, am/pm or
    a fraction, so that a lone number is never taken for an hour."""
    j = s.skip(i, PREFIX)
    prefixed = j > i
    tok = s.num(j, 0, 99)
    if tok is None or tok.digits > 2 or (prefixed and s.word(j - 1) == "la" and tok.value != 1):
        return None  # "la una", but "las 16"
    hour, minute, j = tok.value, 0, j + 1
    has_minutes = dotted = with_seconds = False
    sep = s.word(j)
    nxt = s.num(j + 1)
    if sep in (":", ".", "h") and s.glued(j) and nxt and nxt.digits == 2 and s.glued(j + 1):
        minute, j, has_minutes, dotted = nxt.value, j + 2, True, sep == "."
        seconds = s.num(j + 1)
        if s.word(j) == ":" and s.glued(j) and seconds is not None and seconds.digits == 2:
            j, with_seconds = j + 2, True  # "1:00:00" is a machine's 24-hour clock
    elif sep == ":" and prefixed and s.glued(j) and nxt and nxt.digits == 2:
        minute, j, has_minutes = nxt.value, j + 2, True  # "a las 8: 45"
    fraction = None if has_minutes else s.at(j, FRACTION)
    if fraction is None and not has_minutes and prefixed:
        linked = s.at(j, LINKED_MINUTES)
        minutes = s.num(linked[0], 1, 59) if linked else None
        if linked and minutes is not None and (linked[1] > 0 or minutes.value <= 30):
            fraction = (linked[0] + 1, linked[1] * minutes.value)
    if fraction is not None:
        j, delta = fraction
        if delta < 0:
            hour, minute = hour - 1, 60 + delta
            if hour == 0 and tok.value == 1:
                hour = 12  # "la una menos cuarto" is 12:45
        else:
            minute = delta
    meridiem = s.at(j, MERIDIEM)
    if meridiem is not None and meridiem[1] == "24h" and not prefixed:
        meridiem = None
    if not (prefixed or has_minutes or meridiem or fraction or s.at(j, PART_AFTER)):
        return None  # "10 de la mañana" is a time; "mañana 10" is not
    if meridiem is not None:
        j = meridiem[0]
    j = s.skip(j, words("en punto"))
    if not s.group_end(j) and not prefixed:
        return None
    written = "0" if with_seconds else tok.text
    return _settle_clock(s, j, hour, minute, written, meridiem[1] if meridiem else None, dotted)


def _settle_clock(
    s: Scan, end: int, hour: int, minute: int, written: str, meridiem: str | None, dotted: bool
) -> Hit:
    if minute > 59 or hour > 23 or (meridiem in ("am", "pm") and not 1 <= hour <= 12):
        return refuse(end, "dates.invalid_time", hour=hour, minute=minute)
    if meridiem == "am":
        return Hit(end, clock=Clock(0 if hour == 12 else hour, minute, True))
    if meridiem == "pm":
        return Hit(end, clock=Clock(hour if hour == 12 else hour + 12, minute, True))
    fixed = meridiem is not None or hour == 0 or hour >= 13 or written.startswith("0")
    hit = Hit(end, clock=Clock(hour, minute, fixed))
    if dotted and meridiem is None:
        also = None
        if 1 <= minute <= 12 and 1 <= hour <= 31:
            try:
                also = calc.day_month(s.ctx.today, hour, minute, None)
            except calc.DateError:
                also = None
        return Hit(end, clock=hit.clock, weak=True, also_date=also)
    return hit


def part_of_day(s: Scan, i: int) -> Hit | None:
    found = s.at(i, PARTS)
    if found is None:
        return None
    end, (part, today) = found
    return Hit(end, part=part, day=s.ctx.today if today else None)


def hours_from_now(s: Scan, i: int) -> Hit | None:
    """ "en 2 horas", "en media hora": that moment, today or tomorrow."""
    j = s.end_of(i, HOURS_IN)
    if j is None:
        return None
    if s.word(j) == "media" and s.word(j + 1) == "hora":
        minutes, end = 30, j + 2
    else:
        tok = s.num(j, 1, 99)
        unit = s.at(j + 1, HOUR_UNITS) if tok is not None else None
        if tok is None or unit is None:
            return None
        minutes, end = tok.value * unit[1], unit[0]
    moment = s.ctx.now.replace(second=0, microsecond=0) + timedelta(minutes=minutes)
    return Hit(end, day=moment.date(), clock=Clock(moment.hour, moment.minute, True))


# Which hours a part of the day allows for a time already settled (am/pm, 24 hours).
_ALLOWED: dict[str, set[int]] = {
    "morning": set(range(13)),
    "first_hour": set(range(13)),
    "noon": {11, 12, 13, 14},
    "afternoon": set(range(12, 21)),
    "night": {*range(18, 24), *range(6)},
    "end_of_day": set(range(12, 24)),
}


def default_time(part: str, office_start: time, office_end: time) -> time:
    return {
        "morning": time(9),
        "first_hour": office_start,
        "noon": time(12),
        "afternoon": time(15),
        "night": time(19),
        "end_of_day": office_end,
    }[part]


def resolve(at: Clock, part: str | None) -> time:
    """The time wins, the part of the day says am or pm: "a las 7 de la tarde" is 19:00,
    "esta noche a las 8" 20:00; "8pm de esta mañana" is a contradiction and refused.
    Without a part, 1 to 6 are the afternoon ("a las 3" is 15:00)."""
    hour = at.hour
    if at.fixed:
        if part is not None and hour not in _ALLOWED[part]:
            raise calc.DateError("dates.ambiguous_time")
        return time(hour, at.minute)
    if part is None:
        return time(hour + 12 if 1 <= hour <= 6 else hour, at.minute)
    if hour == 12 and part in ("morning", "first_hour", "night"):
        raise calc.DateError("dates.twelve")
    if part in ("afternoon", "end_of_day") or (part == "night" and hour >= 6):
        hour = hour if hour == 12 else hour + 12
    elif part == "noon":
        if hour not in (11, 12, 1, 2, 3):
            raise calc.DateError("dates.ambiguous_time")
        hour = hour + 12 if hour <= 3 else hour
    return time(hour, at.minute)
