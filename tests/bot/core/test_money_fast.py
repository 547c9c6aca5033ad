"""Money is written by a shape taken from babel once (bot.core.money._MoneyShape); it must
write exactly what babel writes, for every amount, in every locale the teams use."""

from __future__ import annotations

from decimal import Decimal

import pytest
from babel import Locale
from babel.numbers import format_currency
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.core.money import _has_more_digits, _money_shape, format_money

LOCALES = ["es_MX", "es_CO", "es_ES", "es_AR", "es_CL", "en_US", "es", "en", "pt_BR"]
CURRENCIES = ["MXN", "COP", "EUR", "USD", "CLP", "JPY", "KWD"]
amounts = st.decimals(
    min_value=Decimal("-1e12"), max_value=Decimal("1e12"), places=3, allow_nan=False
)


@pytest.mark.parametrize("name", LOCALES)
@pytest.mark.parametrize("currency", CURRENCIES)
def test_the_usual_locales_take_the_fast_path(name: str, currency: str) -> None:
    assert _money_shape(Locale.parse(name), currency, True) is not None


@settings(max_examples=400, deadline=None)
@given(
    amount=amounts,
    name=st.sampled_from([*LOCALES, "de_CH", "hi_IN", "fr_FR", "ar_EG"]),
    currency=st.sampled_from(CURRENCIES),
)
def test_every_amount_is_written_as_babel_writes_it(
    amount: Decimal, name: str, currency: str
) -> None:
    locale = Locale.parse(name)
    digits = not _has_more_digits(amount, currency)
    expected = format_currency(amount, currency, locale=locale, currency_digits=digits)
    assert format_money(amount, currency, locale) == expected
