"""Every word cobro says, in Spanish first and English second: one catalogue for Slack, the
CLI and the importer alike.

Texts live in `bot/core/i18n/texts/*` as {key: {"es": …, "en": …}} grouped by area. A text
that depends on a number is given as plural forms, {"es": {"one": …, "other": …}, …}, and
`t(key, lang, count=n)` picks the form by the language's CLDR plural rule (babel), so
nothing ever reads "1 llamadas" or "llamada(s)".

Numbers, money and dates are written by `bot.core.money` and `bot.core.i18n.formats` in the
team's locale (`COBRO_LOCALE`): the language decides the words, the locale the digits.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache, lru_cache
from typing import Any, Literal

Lang = Literal["es", "en"]
LANGS: tuple[Lang, ...] = ("es", "en")
Entry = dict[str, Any]


@cache
def catalog() -> dict[str, Entry]:
    from bot.core.i18n.texts import ALL_TEXTS

    merged: dict[str, Entry] = {}
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


@cache
def _plural_rule(lang: Lang) -> Any:
    from babel import Locale  # its locale data only when a plural is written

    return Locale.parse(lang).plural_form


def plural_form(lang: Lang, count: int | float) -> str:
    """CLDR's category for `count` in `lang`: "one", "many" or "other" in Spanish."""
    if type(count) is int:
        return _whole_plural(lang, count)
    return str(_plural_rule(lang)(abs(count)))


@lru_cache(maxsize=4096)
def _whole_plural(lang: Lang, count: int) -> str:
    """Kept for whole numbers only: babel evaluates the rule afresh each time, and an
    agenda asks it for the same few counts hundreds of times. Not for decimals: CLDR
    reads Decimal("1.0") as "other" in English and 1 as "one", and the two are equal
    keys to a cache."""
    return str(_plural_rule(lang)(abs(count)))


def t(key: str, lang: Lang = "es", /, **params: Any) -> str:
    """The text `key` in `lang`, with `{name}` fields filled in; a plural text takes its
    form from `count`."""
    entry = catalog().get(key)
    if entry is None:
        raise KeyError(f"no text {key!r}")
    template = entry.get(lang) or entry["es"]
    if isinstance(template, dict):
        if "count" not in params:
            raise KeyError(f"text {key!r} has plural forms: give it a count")
        form = plural_form(lang, params["count"])
        template = template.get(form) or template["other"]
    return template.format(**params) if params else template


def error_text(error: Exception, lang: Lang, *, quote: Callable[[str], str] | None = None) -> str:
    """The user's words for a domain error; params named `*_key` are texts themselves.
    `quote` is applied to every other text value (what the user typed, echoed back): Slack
    passes its mrkdwn escaping, so «<!channel>» is shown, never sent as a mention."""
    from bot.core.errors import CobroError

    if not isinstance(error, CobroError):
        return t("error.generic", lang)
    params = {}
    for name, value in error.params.items():
        if name.endswith("_key") and isinstance(value, str):
            params[name.removesuffix("_key")] = t(value, lang)
        elif quote is not None and isinstance(value, str):
            params[name] = quote(value)
        else:
            params[name] = value
    return t(error.key, lang, **params)
