"""Money: reading the amounts people type, and writing amounts the way their country does.

One place for both, so that whatever cobro writes ("$58,100.00" in Mexico, "58.100,00 €" in
Spain) it also reads back as the same amount, and every amount cobro reads (the call
modal, payments, import files) is read by the same rule:

- a lone separator followed by exactly three digits groups thousands, in every locale
  ("5.000" and "5,000" are five thousand);
- one or two digits after it are decimals ("1500,5", "1500.50");
- with several separators, the last one may be the decimal point and the others must group
  the digits as the locale does ("1.234.567,89", "$1,500.00", "1 500", "12,34,567" in
  India); spaces and apostrophes only ever group;
- words multiply or spell the amount: "20 mil", "20k", "mil quinientos", "medio millón";
- anything else is refused with the readings it could have ("«1500,500» puede ser
  1.500,5 o 1.500.500"), never guessed.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache, lru_cache

from babel import Locale
from babel.lists import format_list
from babel.numbers import (
    format_currency,
    format_decimal,
    get_currency_precision,
    list_currencies,
)

from bot.core.i18n import Lang, t
from bot.core.i18n.formats import locale_for, team_locale
from bot.core.money_words import WordsError, combine, is_number_word

ZERO = Decimal("0")
CENT = Decimal("0.01")
LIMIT = Decimal(10) ** 12  # what the database's amounts hold (14 digits, 2 of them cents)


@dataclass(frozen=True)
class AmountReading:
    """What a typed amount was read as: `amount` when the reading is unambiguous, else the
    `error` (a text key) with the `candidates` it could have meant, in the `locale`'s
    digits when worded by `reason`."""

    text: str
    amount: Decimal | None
    candidates: tuple[Decimal, ...] = ()
    error: str | None = None
    error_params: Mapping[str, str] = field(default_factory=dict)
    locale: str = "es"

    def reason(self, lang: Lang) -> str | None:
        """The user's words for a refusal: "«5,0000» puede ser 5 o 50.000: escribe 5 o
        50.000,00"; None when the amount was read."""
        if self.error is None:
            return None
        readings = [format_decimal(c, locale=self.locale) for c in self.candidates]
        choices = [unambiguous(c, self.locale) for c in self.candidates]
        return t(
            self.error,
            lang,
            text=self.text.strip(),
            readings=format_list(readings, style="or", locale=lang) if readings else "",
            choices=format_list(choices, style="or", locale=lang) if choices else "",
            example=format_decimal(Decimal("1234.56"), format="#,##0.00", locale=self.locale),
            **self.error_params,
        )


def unambiguous(amount: Decimal, locale: str) -> str:
    """How to write `amount` so that it can be read only one way: plain digits below a
    thousand, else grouped with two decimals ("5", "5.000,00", "1,500.50")."""
    if amount == amount.to_integral_value() and abs(amount) < 1000:
        return str(int(amount))
    return format_decimal(amount, format="#,##0.00", locale=locale)


def read_amount(text: str, locale: str) -> AmountReading:
    """Read an amount typed or exported in the team's `locale` (a babel name: es_MX, es_CO,
    es_ES…). See the module's rules; the reading is an amount, or a refusal with reasons."""
    return _read(text, locale)


def parse_amount(text: str) -> Decimal | None:
    """The amount in the team's locale, or None when it cannot be read unambiguously (the
    older API; `read_amount` also says why)."""
    return _read(text, team_locale()).amount


_PLAIN = re.compile(r"^\d{1,12}(?:[.,]\d{1,2})?$")
# Thousands grouped by one separator, then maybe the other one and cents; the full rules
# below read these the same way, only slower.
_GROUPED = re.compile(r"^([1-9]\d{0,2})((?:([.,])\d{3})(?:\3\d{3}){0,2})(?:([.,])(\d{1,2}))?$")


@lru_cache(maxsize=4096)
def _read(text: str, locale: str) -> AmountReading:
    stripped = text.strip()
    if _PLAIN.match(stripped):  # the common case, 200,000 times in an import
        return AmountReading(text, Decimal(stripped.replace(",", ".")), locale=locale)
    grouped = _GROUPED.match(stripped)
    if grouped and grouped.group(4) != grouped.group(3):  # "1.234.567,89": what ERPs write
        digits = grouped.group(1) + grouped.group(2).replace(grouped.group(3), "")
        cents = f".{grouped.group(5)}" if grouped.group(5) else ""
        return AmountReading(text, Decimal(digits + cents), locale=locale)
    cleaned, negative = _clean(stripped)
    if not cleaned:
        key = "money.empty" if not stripped else "money.not_amount"
        return AmountReading(text, None, error=key, locale=locale)
    tokens = _TOKEN.findall(cleaned)
    if _TOKEN.sub("", cleaned).strip():
        return AmountReading(text, None, error="money.malformed", locale=locale)
    numbers = [token for token in tokens if token[0].isdigit()]
    if len(tokens) == 1 and numbers:
        found = read_number(numbers[0], locale)
        if found.amount is None:
            return AmountReading(
                text,
                None,
                candidates=tuple(-c for c in found.candidates) if negative else found.candidates,
                error=found.error,
                locale=locale,
            )
        amount = found.amount
    else:
        parts: list[Decimal | str] = []
        for token in tokens:
            if token[0].isdigit():
                number = read_number(token, locale)
                if number.amount is None:
                    return AmountReading(
                        text,
                        None,
                        error="money.bad_number",
                        error_params={"number": token},
                        locale=locale,
                    )
                parts.append(number.amount)
            elif is_number_word(token):
                parts.append(token)
            else:
                return AmountReading(
                    text,
                    None,
                    error="money.unknown_word",
                    error_params={"word": token},
                    locale=locale,
                )
        try:
            amount = combine(parts)
        except WordsError as exc:
            return AmountReading(
                text,
                None,
                error="money.unknown_word" if exc.word else "money.not_amount",
                error_params={"word": exc.word},
                locale=locale,
            )
    if abs(amount) >= LIMIT:
        return AmountReading(text, None, error="money.too_large", locale=locale)
    if amount != amount.quantize(CENT):
        return AmountReading(text, None, error="money.too_precise", locale=locale)
    if amount == amount.to_integral_value() and amount.as_tuple().exponent != -2:
        amount = amount.to_integral_value()  # "medio millón" is 500000, not 500000.0
    return AmountReading(text, -amount if negative else amount, locale=locale)


_TOKEN = re.compile(r"\d+(?:[.,' ]\d+)*|[a-z]+")
_SPACES = re.compile(r"\s+")
# A currency sign with the letters stuck to it: US$, MX$, COL$, R$, GB£, JP¥.
_SIGN = re.compile(r"[a-z]*\$[a-z.]*")
# Signs written with letters and marks: Peru's S/, Panama's B/., Bolivia's Bs., "M.N.".
_LOCAL_SIGNS = re.compile(r"(?<![a-z])(?:s/|b/\.|bs\.|m\.n\.)")
_LETTERS_DIGITS = re.compile(r"(?<=[a-z])(?=\d)|(?<=\d)(?=[a-z])")
# "1.500.-", "1.500,-": a closing mark that some countries write after a whole amount.
_CLOSING = re.compile(r"(?<=\d)(?:[.,] ?-|[.,]| ?-)$")


@cache
def _currency_words() -> frozenset[str]:
    """Codes and names that may stand beside an amount and say nothing of its size."""
    words = {code.lower() for code in list_currencies()}
    words |= {"pesos", "peso", "euros", "euro", "dolares", "dolar", "dollars", "dollar"}
    words |= {"dls", "dlls", "soles", "sol", "mn", "us", "mx", "col", "co", "ar", "cl", "rd"}
    words |= {"bs", "q", "l", "c"}
    return frozenset(words - {"mil", "k"})


def _clean(text: str) -> tuple[str, bool]:
    """The text folded, single-spaced, without currency signs, codes or names; and whether
    it was negative."""
    decomposed = unicodedata.normalize("NFKD", text)
    folded = "".join(
        "$" if unicodedata.category(ch) == "Sc" else ch
        for ch in decomposed
        if not unicodedata.combining(ch)
    ).lower()
    folded = _SIGN.sub(" ", folded)
    folded = _LOCAL_SIGNS.sub(" ", folded).replace("\u2212", "-").replace("\u2019", "'")
    folded = _LETTERS_DIGITS.sub(" ", folded.replace("-", " - "))
    words = _currency_words()
    kept = [word for word in _SPACES.split(folded) if word and word not in words]
    negative = bool(kept) and kept[0] == "-"
    cleaned = " ".join(kept[1:] if negative else kept)
    return _CLOSING.sub("", cleaned).replace(" - ", "-").strip(), negative


@dataclass(frozen=True)
class _Number:
    amount: Decimal | None
    candidates: tuple[Decimal, ...] = ()
    error: str | None = None


@cache
def _grouping(locale: str) -> tuple[int, int]:
    """The locale's digit grouping: (3, 3) nearly everywhere, (3, 2) in India."""
    try:
        primary, secondary = Locale.parse(locale).decimal_formats[None].grouping
    except Exception:
        return 3, 3
    return int(primary), int(secondary)


def _groups_ok(groups: list[str], locale: str) -> bool:
    """Whether digit groups (the first one included) follow the locale's or the usual
    grouping: a first group of one to three digits, no leading zero, then full groups."""
    if not groups or not 1 <= len(groups[0]) <= 3 or (groups[0][0] == "0" and len(groups) > 1):
        return False
    if len(groups) == 1:
        return True
    primary, secondary = _grouping(locale)
    if all(len(g) == 3 for g in groups[1:]):
        return True
    if len(groups[-1]) != primary or not all(len(g) == secondary for g in groups[1:-1]):
        return False
    return len(groups[0]) <= secondary


_SEPARATOR = re.compile(r"[.,' ]")


def read_number(token: str, locale: str) -> _Number:
    """One run of digits and separators, by the module's rules."""
    groups = _SEPARATOR.split(token)
    separators = _SEPARATOR.findall(token)
    if not separators:
        return _Number(Decimal(token))
    strict: list[Decimal] = []
    loose: list[Decimal] = []
    digits = Decimal("".join(groups))
    # Every separator groups digits (one kind of separator throughout).
    if len(set(separators)) == 1 and _groups_ok(groups, locale):
        strict.append(digits)
    elif groups[0][0] != "0":  # "0,500" is not five hundred however it is grouped
        loose.append(digits)
    # The last separator is the decimal point; the others group the digits before it.
    last, tail, head = separators[-1], groups[-1], groups[:-1]
    if last in ".,":
        head_ok = len(head) == 1 or (_groups_ok(head, locale) and len(set(separators[:-1])) == 1)
        value = Decimal(f"{''.join(head)}.{tail}")
        if head_ok and last not in separators[:-1] and len(tail) <= 2:
            strict.append(value)
        elif head_ok and value == value.quantize(CENT):
            loose.append(value.quantize(CENT))
    if len(strict) == 1:
        return _Number(strict[0])
    found = tuple(
        sorted({c.to_integral_value() if c == c.to_integral_value() else c for c in loose})
    )
    if not found:
        return _Number(None, error="money.malformed")
    if len(found) == 1:
        return _Number(None, found, "money.did_you_mean")
    return _Number(None, found, "money.ambiguous")


def format_money(amount: Decimal, currency: str, locale: str | Locale) -> str:
    """The amount in `locale`; cents are always shown when there are any, even in
    currencies written without them (a Colombian 1.500,50 is not echoed as 1.501)."""
    digits = not _has_more_digits(amount, currency)
    shape = _money_shape(Locale.parse(locale), currency, digits)
    if shape is None or not amount.is_finite():
        return format_currency(amount, currency, locale=locale, currency_digits=digits)
    return shape.write(amount)


def _has_more_digits(amount: Decimal, currency: str) -> bool:
    return amount != amount.quantize(Decimal(1).scaleb(-get_currency_precision(currency)))


@dataclass(frozen=True)
class _MoneyShape:
    """How babel writes amounts of one currency in one locale, taken apart once: the text
    around the digits (positive and negative), the group and decimal signs, the decimals.
    Writing an amount is then a quantize and a `format`, several times faster than babel's
    pattern machinery (a digest writes thousands of amounts); a property test holds it to
    babel's own output."""

    prefix: tuple[str, str]
    suffix: tuple[str, str]
    group: str
    decimal: str
    decimals: int

    def write(self, amount: Decimal) -> str:
        rounded = amount.quantize(Decimal(1).scaleb(-self.decimals))
        negative = 1 if amount.is_signed() else 0
        plain = f"{abs(rounded):,.{self.decimals}f}"
        number = plain.translate({44: self.group, 46: self.decimal})
        return self.prefix[negative] + number + self.suffix[negative]


_PROBES = ("0", "5", "-5", "12.5", "999.99", "1234.5", "-1234.56", "12345678.9", "0.005", "-0.001")


@cache
def _money_shape(locale: Locale, currency: str, digits: bool) -> _MoneyShape | None:
    """The shape of `currency` in `locale`, or None when the fast path would not write
    exactly what babel writes (another grouping, digits in the symbol): babel then does."""
    pattern = locale.currency_formats["standard"]
    if pattern.grouping != (3, 3):
        return None

    def babel(value: str) -> str:
        return format_currency(Decimal(value), currency, locale=locale, currency_digits=digits)

    def parts(text: str) -> tuple[str, str, str]:
        found = re.search(r"\d(.*\d)?", text)
        assert found is not None
        return text[: found.start()], found.group(0), text[found.end() :]

    prefix, number, suffix = parts(babel("1234567.891"))
    neg_prefix, _, neg_suffix = parts(babel("-1234567.891"))
    group = number[1]
    tail = re.search(r"(\D)(\d+)$", number[-5:]) if len(number) > 9 else None
    decimal, decimals = (tail.group(1), len(tail.group(2))) if tail else (".", 0)
    shape = _MoneyShape((prefix, neg_prefix), (suffix, neg_suffix), group, decimal, decimals)
    if any(shape.write(Decimal(v)) != babel(v) for v in _PROBES):
        return None
    return shape


def money(amount: Decimal, currency: str, lang: Lang) -> str:
    """The amount in the team's locale, worded for a reader of `lang`."""
    return _money(amount, currency or "USD", lang, team_locale())


@lru_cache(maxsize=8192)
def _money(amount: Decimal, currency: str, lang: Lang, team: str) -> str:
    """Cached by the team's locale too: a process (the tests) may switch it."""
    return format_money(amount, currency, locale_for(lang))


def amount_text(amount: Decimal) -> str:
    """An amount as a field's default, the way the team writes it and with its cents
    ("58,100.00" in Mexico, "58.100,00" in Colombia): it reads back as the same amount."""
    return format_decimal(amount, format="#,##0.00", locale=team_locale())


def amount_or_reason(text: str, lang: Lang) -> tuple[Decimal | None, str | None]:
    """A typed amount in the team's locale, or the user's words for why it cannot be read
    ("«5,0000» puede ser 5 o 50.000: escribe 5 o 50.000,00")."""
    reading = _read(text, team_locale())
    if reading.amount is not None:
        return reading.amount, None
    reason = reading.reason(lang) or ""
    return None, reason[:1].upper() + reason[1:]


__all__ = [
    "AmountReading",
    "amount_or_reason",
    "amount_text",
    "format_money",
    "money",
    "parse_amount",
    "read_amount",
    "unambiguous",
]
