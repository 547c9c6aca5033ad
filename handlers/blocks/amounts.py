"""Money figures per currency, written once for every builder: one amount when the team
has one currency, each currency apart when it has several, never a sum across them."""

from __future__ import annotations

from decimal import Decimal

from bot.core.i18n import Lang
from bot.core.money import money

SEPARATOR = " / "


def amounts_text(amounts: dict[str, Decimal], lang: Lang, default: str) -> str:
    """`$1,500.00`, or `$1,500.00 / US$200.00` (sorted by currency); zero in `default`
    when there is nothing."""
    shown = {c: v for c, v in amounts.items() if v}
    if not shown:
        return money(Decimal(0), default or "USD", lang)
    return SEPARATOR.join(money(shown[c], c, lang) for c in sorted(shown))
