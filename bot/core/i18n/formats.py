"""Numbers and dates the way the team's country writes them (babel, CLDR).

The language (es, en) chooses the words; the team's locale (`COBRO_LOCALE`, e.g. es_MX,
es_CO, es_ES) chooses the digits: Mexico writes 1,234.5, Colombia and Spain 1.234,5. One
process serves one team, so the locale is set once at start (`set_team_locale`); a reader
whose language differs from the team's gets their language with the team's country when
CLDR knows the pair (en_US for a US team), else the plain language.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from functools import cache, lru_cache

from babel import Locale, UnknownLocaleError
from babel.dates import format_date, format_datetime, format_skeleton
from babel.numbers import format_decimal, format_percent

from bot.core.i18n import Lang

_team_locale = "es"


def default_locale(language: str, country: str | None) -> str:
    """`COBRO_LOCALE`'s default: the language in the team's country when CLDR has it
    (es + MX → es_MX), else the language alone."""
    if country:
        candidate = f"{language}_{country.upper()}"
        try:
            Locale.parse(candidate)
            return candidate
        except (UnknownLocaleError, ValueError):
            pass
    return language


def set_team_locale(name: str) -> None:
    """Set once at start by the wiring (`cobro run`, the demo, each test's bot)."""
    global _team_locale
    Locale.parse(name)  # refuse nonsense early
    _team_locale = name
    locale_for.cache_clear()


def team_locale() -> str:
    return _team_locale


@cache
def locale_for(lang: Lang) -> Locale:
    """The babel locale a reader of `lang` sees (parsed once: babel re-parses strings)."""
    team = Locale.parse(_team_locale)
    if team.language == lang:
        return team
    if team.territory:
        try:
            return Locale.parse(f"{lang}_{team.territory}")
        except (UnknownLocaleError, ValueError):
            pass
    return Locale.parse(lang)


def number(value: Decimal | int | float, lang: Lang) -> str:
    return format_decimal(value, locale=locale_for(lang))


def percent(share: Decimal, lang: Lang) -> str:
    """A share (0.4) as the locale writes a percentage: `40%` in Mexico, `40 %` in Spain."""
    return format_percent(share, locale=locale_for(lang))


def month_in_words(day: date, lang: Lang) -> str:
    """The month of `day` and its year: `diciembre de 2025` / `December 2025`."""
    return format_skeleton("yMMMM", day, locale=locale_for(lang))


def day_in_words(day: date, lang: Lang) -> str:
    """`viernes, 27 de noviembre de 2026` / `Friday, November 27, 2026`."""
    return format_date(day, format="full", locale=locale_for(lang))


def short_day(day: date, lang: Lang) -> str:
    """`27 nov 2026` / `Nov 27, 2026`: for tables where space is short."""
    return _short_day(day, lang, _team_locale)


@lru_cache(maxsize=4096)
def _short_day(day: date, lang: Lang, team: str) -> str:
    """Kept, keyed by the team's locale too: babel walks the pattern for every date, and a
    list of forty calls writes the same few days over and over."""
    return format_date(day, format="medium", locale=locale_for(lang))


def instant_in_words(at: datetime, lang: Lang) -> str:
    return format_datetime(at, format="medium", locale=locale_for(lang), tzinfo=at.tzinfo)


@cache
def zone_city(zone: str, lang: Lang) -> str:
    """A time zone as people say it: its city in words ("Bogotá", "Ciudad de México"),
    never the IANA name; the name itself only when babel knows no city for it."""
    from babel.dates import get_timezone_location

    try:
        return str(get_timezone_location(zone, locale=locale_for(lang), return_city=True))
    except (LookupError, ValueError):
        return zone
