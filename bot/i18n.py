"""Every word cobro says, in Spanish first and English second.

Texts live in `bot/texts/*` as {key: {"es": ..., "en": ...}} grouped by area; this module
merges them, chooses the language and formats numbers, money and dates with babel so that
"1.234,50 €" and "$1,234.50" each look right to their reader.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from functools import cache
from typing import Any, Literal

from babel import Locale
from babel.dates import format_date, format_datetime
from babel.numbers import format_currency, format_decimal

Lang = Literal["es", "en"]
LANGS: tuple[Lang, ...] = ("es", "en")


@cache
def catalog() -> dict[str, dict[str, str]]:
    from bot.texts import ALL_TEXTS

    merged: dict[str, dict[str, str]] = {}
    for texts in ALL_TEXTS:
        for key, value in texts.items():
            if key in merged:
                raise RuntimeError(f"text key {key!r} defined twice")
            merged[key] = value
    return merged


def lang_of(locale: str | None, default: Lang = "es") -> Lang:
    """Slack locales look like `es-LA`, `es-ES`, `en-US`: keep the language, fall back."""
    if locale:
        prefix = locale.strip().lower()[:2]
        if prefix == "en":
            return "en"
        if prefix == "es":
            return "es"
    return default


def t(key: str, lang: Lang = "es", /, **params: Any) -> str:
    """The text `key` in `lang`, with `{name}` fields filled in."""
    entry = catalog().get(key)
    if entry is None:
        raise KeyError(f"no text {key!r}")
    template = entry.get(lang) or entry["es"]
    return template.format(**params) if params else template


@cache
def babel_locale(lang: Lang) -> Locale:
    """Parsed once: babel re-parses a locale given as a string on every call."""
    return Locale.parse("es" if lang == "es" else "en")


def money(amount: Decimal, currency: str, lang: Lang) -> str:
    return format_currency(amount, currency, locale=babel_locale(lang))


def number(value: Decimal | int | float, lang: Lang) -> str:
    return format_decimal(value, locale=babel_locale(lang))


def day_in_words(day: date, lang: Lang) -> str:
    """`viernes, 27 de noviembre de 2026` / `Friday, November 27, 2026`."""
    return format_date(day, format="full", locale=babel_locale(lang))


def short_day(day: date, lang: Lang) -> str:
    """`27 nov 2026` / `Nov 27, 2026`: for tables where space is short."""
    return format_date(day, format="medium", locale=babel_locale(lang))


def instant_in_words(at: datetime, lang: Lang) -> str:
    return format_datetime(at, format="medium", locale=babel_locale(lang), tzinfo=at.tzinfo)


def error_text(error: Exception, lang: Lang) -> str:
    """The user's words for a domain error; params named `*_key` are texts themselves."""
    from bot.errors import CobroError

    if not isinstance(error, CobroError):
        return t("error.generic", lang)
    params = {}
    for name, value in error.params.items():
        if name.endswith("_key") and isinstance(value, str):
            params[name.removesuffix("_key")] = t(value, lang)
        else:
            params[name] = value
    return t(error.key, lang, **params)
