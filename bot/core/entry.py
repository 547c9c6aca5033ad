"""The `cobro` entry point. `cobro parse-date PHRASE…` is answered here, before the command
line framework loads: typer builds every command's parameters through pydantic (about
100 ms of a fresh process), which reading a phrase and printing a line of JSON does not
need. With any option (`--now`, `--tz`, `--help`), or settings that need their full
validation, and for every other command, `app.main` takes over with typer as usual; the
output is the same either way (tests/test_cli_parse_date.py compares them)."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot.core.env import local_timezone_name, peek
from bot.core.i18n import Lang


@dataclass(frozen=True)
class DateSettings:
    """What `cobro parse-date` needs of the settings."""

    cobro_language: Lang
    cobro_country: str | None
    tz: ZoneInfo


def plain_date_settings() -> DateSettings | None:
    """The language, country and time zone, read without pydantic when they are plainly
    valid (see `bot.core.env`); None when only the full settings can say what is wrong."""
    values = peek("COBRO_LANGUAGE", "COBRO_COUNTRY", "COBRO_TIMEZONE")
    lang = values.get("COBRO_LANGUAGE", "es")
    country = values.get("COBRO_COUNTRY", "").strip().upper() or None
    try:
        zone = ZoneInfo(values.get("COBRO_TIMEZONE") or local_timezone_name())
    except (ZoneInfoNotFoundError, ValueError):
        return None
    if lang in ("es", "en") and (country is None or _has_holidays(country)):
        return DateSettings("es" if lang == "es" else "en", country, zone)
    return None


def _has_holidays(country: str) -> bool:
    import holidays

    return country in holidays.list_supported_countries()


def print_readings(
    settings: DateSettings, phrases: Iterable[str], moment: datetime, zone: ZoneInfo
) -> bool:
    """One JSON object per phrase on stdout; False when any was refused (a typo too: its
    line has `"suggestion"`, the phrase corrected, and no date)."""
    from bot.core.calendar import BusinessCalendar
    from bot.core.dates import parse

    lang = settings.cobro_language
    calendar = BusinessCalendar(settings.cobro_country)
    all_read = True
    for phrase in phrases:
        if not phrase.strip():
            continue
        reading = parse(phrase, moment, zone, calendar=calendar)
        all_read &= reading.error is None
        record = {
            "text": phrase,
            "date": reading.date.isoformat() if reading.date else None,
            "time": reading.time.strftime("%H:%M") if reading.time else None,
            "error": reading.reason(lang) if reading.error else None,
            "suggestion": reading.suggestion,
            "past": reading.past,
            "read": reading.read or None,
            "words": reading.in_words(lang) if reading.date else None,
            "business_day": calendar.is_business_day(reading.date) if reading.date else None,
        }
        sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
        sys.stdout.flush()
    return all_read


def _plain_parse_date(args: list[str]) -> int | None:
    """`cobro parse-date` with phrases or stdin and no option: the exit status, or None
    when typer must handle it."""
    if any(arg.startswith("-") for arg in args):
        return None
    settings = plain_date_settings()
    if settings is None:
        return None
    phrases = args if args else (line.rstrip("\n") for line in sys.stdin)
    return 0 if print_readings(settings, phrases, datetime.now(settings.tz), settings.tz) else 2


def main() -> None:
    argv = sys.argv[1:]
    if argv[:1] == ["parse-date"]:
        try:
            status = _plain_parse_date(argv[1:])
        except KeyboardInterrupt:
            sys.exit(130)
        except Exception as exc:  # one message and exit 1, as app.main says it
            from bot.core.cli import err, unexpected_failure

            err.print(unexpected_failure(exc), markup=False, highlight=False, soft_wrap=True)
            sys.exit(1)
        if status is not None:
            sys.exit(status)
    from app import main as full

    full()
