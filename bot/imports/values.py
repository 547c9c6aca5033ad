"""Reading one cell of an import file, in the team's locale. Pure.

A cell is text (from a CSV, or a text cell of a workbook) or a typed value from a workbook
(a real date, a number). Typed values need no parsing; text is read by the same rules as
everything else cobro reads: amounts by `bot.core.money`, dates day first in every common
separator. A cell that cannot be read one way only raises a `PydanticCustomError` whose
type is a text key, so the importer names the line, the column and the reason.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from functools import cache
from typing import Any

import phonenumbers
from babel.numbers import list_currencies
from email_validator import EmailNotValidError, validate_email
from pydantic_core import PydanticCustomError

from bot.core.money import read_amount

Cell = str | int | float | Decimal | date | datetime | bool | None
CENT = Decimal("0.01")
DATE_ORDERS = ("DMY", "MDY", "YMD")


@dataclass(frozen=True)
class ReadOptions:
    """How the team writes values: its babel `locale` for amounts, the `date_order` of
    its exports (DMY, MDY, YMD, or a strftime pattern such as `%m/%d/%Y`), and its
    `country` (ISO code), the default region of phone numbers without `+`; the file's
    own `columns` named by `--map`, and the workbook's `sheet`."""

    locale: str = "es"
    date_order: str = "DMY"
    country: str | None = None
    columns: tuple[tuple[str, str], ...] = ()  # --map: (column as written, field)
    sheet: str | None = None  # a workbook's sheet; the first one when None


def blank(value: Cell) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def text_of(value: Cell) -> str:
    """A cell as text: 1001.0 typed in a workbook is the id "1001", not "1001.0"."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime | date):
        return value.isoformat()
    return str(value).strip()


# ------------------------------------------------------------------ amounts


def read_money(value: Cell, locale: str) -> Decimal:
    """An amount: typed numbers as they are (a workbook's 1234.5600000001 is 1234.56, its
    float noise), text by the money reader; refused with the reader's own reason."""
    if isinstance(value, bool):
        raise PydanticCustomError("csv.invalid", "bad", {"value": value})
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float | Decimal):
        exact = Decimal(repr(value)) if isinstance(value, float) else value
        cents = exact.quantize(CENT)
        if abs(exact - cents) > Decimal("0.000001"):
            raise PydanticCustomError("csv.too_precise", "decimals", {"value": value})
        return cents
    reading = read_amount(str(value), locale)
    if reading.amount is None:
        raise PydanticCustomError("csv.amount", "bad amount", {"reason": reading.reason})
    return reading.amount


# ------------------------------------------------------------------ dates

_ISO = re.compile(
    r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$"
)
_THREE = re.compile(
    r"^([0-9a-z]{1,10})[-/. ]+([0-9a-z]{1,10})[-/. ]+([0-9]{2}|[0-9]{4})"
    r"(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$"
)
_MONTH_NAMES = (
    "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
    "january february march april may june july august september october november december",
    "ene feb mar abr may jun jul ago sep oct nov dic",
    "jan feb mar apr may jun jul aug sep oct nov dec",
)
MONTHS = {name: i for names in _MONTH_NAMES for i, name in enumerate(names.split(), 1)}
MONTHS.update({"sept": 9, "set": 9, "setiembre": 9})


def _year(text: str) -> int:
    """Two-digit years are 2000–2069 and 1970–1999, as POSIX reads them."""
    year = int(text)
    if len(text) == 2:
        year += 2000 if year < 70 else 1900
    return year


def _month(text: str) -> int | None:
    if text.isdigit():
        return int(text)
    return MONTHS.get(text.rstrip("."))


def _ymd(year: int, month: int | None, day_text: str) -> date | None:
    if month is None or not day_text.isdigit():
        return None
    try:
        return date(year, month, int(day_text))
    except ValueError:
        return None


def _by_order(text: str, order: str) -> date | None:
    iso = _ISO.match(text)
    if iso:
        return _ymd(int(iso.group(1)), int(iso.group(2)), iso.group(3))
    parts = _THREE.match(text)
    if parts is None or order == "YMD":
        return None
    first, second, year = parts.groups()
    day_text, month_text = (first, second) if order == "DMY" else (second, first)
    return _ymd(_year(year), _month(month_text), day_text)


def read_date(value: Cell, order: str) -> date:
    """A date: typed dates as they are; text day first (`15/11/26`, `15-12-2026`,
    `15.11.2026`, `15-nov-2026`) or ISO, or in the file's declared `order`."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        raise PydanticCustomError("csv.date_is_number", "number", {"value": text_of(value)})
    text = str(value).strip().lower()
    if "%" in order:
        try:
            return datetime.strptime(text, order).date()
        except ValueError:
            raise PydanticCustomError(
                "csv.bad_date_format", "bad date", {"value": value, "format": order}
            ) from None
    found = _by_order(text, order)
    if found is not None:
        return found
    if order == "DMY" and _by_order(text, "MDY") is not None:
        raise PydanticCustomError("csv.date_month_first", "month first", {"value": value})
    raise PydanticCustomError("csv.bad_date", "bad date", {"value": value})


def valid_date_order(order: str) -> bool:
    if "%" in order:
        try:
            datetime.strptime(date(2026, 11, 15).strftime(order), order)
        except ValueError:
            return False
        return True
    return order in DATE_ORDERS


# ------------------------------------------------------------------ people and codes


def read_email(value: Cell) -> str:
    """An email a message could reach: `ruben@@nandu` is refused, case is normalised."""
    text = text_of(value)
    try:
        checked = validate_email(text, check_deliverability=False)
    except EmailNotValidError:
        raise PydanticCustomError("csv.bad_email", "bad email", {"value": text}) from None
    return checked.normalized.lower()


def read_phone(value: Cell, country: str | None) -> str:
    """A phone number in E.164 (+525512345678), read with the team's country as the default
    region, so local numbers need no prefix."""
    text = text_of(value)
    try:
        parsed = phonenumbers.parse(text, country)
    except phonenumbers.NumberParseException:
        key = "csv.phone_needs_country" if country is None else "csv.bad_phone"
        raise PydanticCustomError(key, "bad phone", {"value": text}) from None
    if not phonenumbers.is_valid_number(parsed):
        raise PydanticCustomError(
            "csv.bad_phone", "bad phone", {"value": text, "region": country or "?"}
        )
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


@cache
def _currencies() -> frozenset[str]:
    return frozenset(list_currencies())


def read_currency(value: Cell) -> str:
    code = text_of(value).upper()
    if code not in _currencies():
        raise PydanticCustomError("csv.bad_currency", "bad currency", {"value": value})
    return code


def context_options(context: Any) -> ReadOptions:
    """The options a validation runs with (pydantic's context), the defaults without one."""
    if isinstance(context, dict) and isinstance(context.get("options"), ReadOptions):
        return context["options"]
    return ReadOptions()
