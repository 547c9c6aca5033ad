"""Money: reading the amounts people type, and writing amounts the way their country does.

One place for both, so that whatever cobro writes ("$58,100.00" in Mexico, "58.100,00 €" in
Spain) it also reads back as the same amount.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from babel.numbers import format_currency, get_currency_precision

from bot.core.i18n import Lang
from bot.core.i18n.formats import locale_for, team_locale

ZERO = Decimal("0")


def money(amount: Decimal, currency: str, lang: Lang) -> str:
    """The amount in the team's locale; cents are always shown when there are any, even in
    currencies written without them (a Colombian 1.500,50 is not echoed as 1.501)."""
    return _money(amount, currency or "USD", lang, team_locale())


@lru_cache(maxsize=8192)
def _money(amount: Decimal, currency: str, lang: Lang, team: str) -> str:
    """Cached by the team's locale too: a process (the tests) may switch it."""
    locale = locale_for(lang)
    if amount != amount.quantize(Decimal(1).scaleb(-get_currency_precision(currency))):
        return format_currency(amount, currency, locale=locale, currency_digits=False)
    return format_currency(amount, currency, locale=locale)


_AMOUNT_JUNK = re.compile(r"[^\d.,-]")


def parse_amount(text: str) -> Decimal | None:
    """ "$1,500.50", "1.500,50", "1500" → Decimal; None when it is not an amount.

    With both separators the last one is the decimal point; a lone comma followed by
    exactly two digits is a decimal comma, otherwise it separates thousands."""
    cleaned = _AMOUNT_JUNK.sub("", text.strip())
    if not cleaned or not re.search(r"\d", cleaned):
        return None
    if "," in cleaned and "." in cleaned:
        decimal_sep = "," if cleaned.rfind(",") > cleaned.rfind(".") else "."
        thousands = "." if decimal_sep == "," else ","
        cleaned = cleaned.replace(thousands, "").replace(decimal_sep, ".")
    elif "," in cleaned:
        head, _, tail = cleaned.rpartition(",")
        cleaned = f"{head.replace(',', '')}.{tail}" if len(tail) == 2 else cleaned.replace(",", "")
    elif cleaned.count(".") > 1:
        cleaned = cleaned.replace(".", "")
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        return None
    return value if value.is_finite() else None


def amount_text(amount: Decimal) -> str:
    """An amount as a field's default: plain digits with a decimal point."""
    return f"{amount.quantize(Decimal('0.01'))}"
