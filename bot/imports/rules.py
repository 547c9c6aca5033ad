"""The shape of each row of an import, validated with pydantic. Pure.

Cells are read by `bot.imports.values` with the team's options (locale, date order, country)
passed as pydantic's context. Each validator raises a `PydanticCustomError` whose type is a
text key, so the importer can say, in the reader's language, which line and column are wrong
and why.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from datetime import date
from decimal import Decimal
from typing import Annotated, Any, TypeVar
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import BaseModel, BeforeValidator, ConfigDict, ValidationError, ValidationInfo
from pydantic_core import PydanticCustomError

from bot.core.calendar import format_call_days, parse_call_days, parse_call_hours
from bot.core.errors import CellError
from bot.core.vocabulary import PaymentMethod, Rank
from bot.imports.values import (
    Cell,
    ReadOptions,
    blank,
    context_options,
    read_currency,
    read_date,
    read_email,
    read_money,
    read_phone,
    text_of,
)

_SLACK_ID = re.compile(r"^[UW][A-Z0-9]{2,}$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")

METHOD_WORDS: dict[str, PaymentMethod] = {
    "transfer": PaymentMethod.TRANSFER,
    "transferencia": PaymentMethod.TRANSFER,
    "wire": PaymentMethod.TRANSFER,
    "ach": PaymentMethod.TRANSFER,
    "spei": PaymentMethod.TRANSFER,
    "deposit": PaymentMethod.DEPOSIT,
    "deposito": PaymentMethod.DEPOSIT,
    "depósito": PaymentMethod.DEPOSIT,
    "cheque": PaymentMethod.CHEQUE,
    "check": PaymentMethod.CHEQUE,
    "card": PaymentMethod.CARD,
    "tarjeta": PaymentMethod.CARD,
    "cash": PaymentMethod.CASH,
    "efectivo": PaymentMethod.CASH,
}


def _blank_to_none(value: Any) -> Any:
    return None if blank(value) else value


def _date(value: Any, info: ValidationInfo) -> date | None:
    value = _blank_to_none(value)
    if value is None:
        return None
    return read_date(value, context_options(info.context).date_order)


def _amount(value: Any, info: ValidationInfo) -> Decimal | None:
    value = _blank_to_none(value)
    if value is None:
        return None
    return read_money(value, context_options(info.context).locale)


def _phone(value: Any, info: ValidationInfo) -> str | None:
    value = _blank_to_none(value)
    if value is None:
        return None
    return read_phone(value, context_options(info.context).country)


def _email(value: Any) -> str | None:
    value = _blank_to_none(value)
    return None if value is None else read_email(value)


def _rank(value: Any) -> Rank | None:
    value = _blank_to_none(value)
    if value is None:
        return None
    try:
        return Rank(str(value).strip().upper())
    except ValueError:
        raise PydanticCustomError("csv.bad_rank", "bad rank", {"value": value}) from None


def _person(value: Any) -> str | None:
    value = _blank_to_none(value)
    if value is None:
        return None
    text = text_of(value)
    if _SLACK_ID.match(text) or _EMAIL.match(text):
        return text.lower() if "@" in text else text
    raise PydanticCustomError("csv.bad_person", "bad person", {"value": value})


def _timezone(value: Any) -> str | None:
    value = _blank_to_none(value)
    if value is None:
        return None
    try:
        ZoneInfo(str(value).strip())
    except (ZoneInfoNotFoundError, ValueError):
        raise PydanticCustomError("csv.bad_timezone", "bad tz", {"value": value}) from None
    return str(value).strip()


def _call_days(value: Any) -> str | None:
    value = _blank_to_none(value)
    if value is None:
        return None
    try:
        return format_call_days(parse_call_days(str(value)))
    except ValueError:
        raise PydanticCustomError("csv.bad_call_days", "bad days", {"value": value}) from None


def _call_hours(value: Any) -> str | None:
    value = _blank_to_none(value)
    if value is None:
        return None
    try:
        start, end = parse_call_hours(str(value))
    except ValueError:
        raise PydanticCustomError("csv.bad_call_hours", "bad hours", {"value": value}) from None
    return f"{start:%H:%M}-{end:%H:%M}"


def _currency(value: Any) -> str | None:
    value = _blank_to_none(value)
    return None if value is None else read_currency(value)


def _method(value: Any) -> PaymentMethod | None:
    value = _blank_to_none(value)
    if value is None:
        return None
    method = METHOD_WORDS.get(str(value).strip().lower())
    if method is None:
        raise PydanticCustomError("csv.bad_method", "bad method", {"value": value})
    return method


def _yes_no(value: Any) -> bool:
    value = _blank_to_none(value)
    if value is None:
        return False
    word = str(value).strip().lower()
    if word in {"si", "sí", "s", "yes", "y", "true", "1", "x"}:
        return True
    if word in {"no", "n", "false", "0"}:
        return False
    raise PydanticCustomError("csv.bad_yes_no", "bad yes/no", {"value": value})


def _text(limit: int) -> BeforeValidator:
    def check(value: Any) -> str | None:
        value = _blank_to_none(value)
        if value is None:
            return None
        text = text_of(value)
        if len(text) > limit:
            raise PydanticCustomError("csv.too_long", "too long", {"limit": limit})
        return text

    return BeforeValidator(check)


Required = Annotated[str, _text(200)]
Optional = Annotated[str | None, _text(200)]
Short = Annotated[str | None, _text(64)]
Day = Annotated[date | None, BeforeValidator(_date)]
Amount = Annotated[Decimal | None, BeforeValidator(_amount)]


class _Row(BaseModel):
    model_config = ConfigDict(extra="ignore", str_strip_whitespace=True)


class CustomerRow(_Row):
    id: Annotated[str, _text(64)]
    name: Required
    tax_id: Annotated[str | None, _text(32)] = None
    rank: Annotated[Rank | None, BeforeValidator(_rank)] = None
    collector: Annotated[str | None, BeforeValidator(_person)] = None
    contact_name: Optional = None
    contact_title: Annotated[str | None, _text(120)] = None
    contact_phone: Annotated[str | None, BeforeValidator(_phone)] = None
    contact_email: Annotated[str | None, BeforeValidator(_email)] = None
    contact_decision_maker: Annotated[bool, BeforeValidator(_yes_no)] = False
    timezone: Annotated[str | None, BeforeValidator(_timezone)] = None
    call_days: Annotated[str | None, BeforeValidator(_call_days)] = None
    call_hours: Annotated[str | None, BeforeValidator(_call_hours)] = None


class InvoiceRow(_Row):
    number: Annotated[str, _text(64)]
    customer_id: Annotated[str, _text(64)]
    due_date: Annotated[date, BeforeValidator(_date)]
    amount: Annotated[Decimal, BeforeValidator(_amount)]
    issue_date: Day = None
    currency: Annotated[str | None, BeforeValidator(_currency)] = None
    balance: Amount = None


class PaymentRow(_Row):
    customer_id: Annotated[str, _text(64)]
    amount: Annotated[Decimal, BeforeValidator(_amount)]
    date: Annotated[date, BeforeValidator(_date)]
    invoice_number: Short = None
    reference: Short = None
    method: Annotated[PaymentMethod | None, BeforeValidator(_method)] = None


CUSTOMER_COLUMNS = tuple(CustomerRow.model_fields)
INVOICE_COLUMNS = tuple(InvoiceRow.model_fields)
PAYMENT_COLUMNS = tuple(PaymentRow.model_fields)


RowT = TypeVar("RowT", bound=_Row)


def validate_row(
    model: type[RowT], line: int, values: dict[str, Cell], options: ReadOptions
) -> tuple[RowT | None, list[CellError]]:
    """The row as `model`, or the list of its bad cells (never both)."""
    try:
        return model.model_validate(values, context={"options": options}), []
    except ValidationError as exc:
        errors = []
        for err in exc.errors():
            column = str(err["loc"][0]) if err["loc"] else ""
            kind = err["type"]
            if kind == "missing" or (kind == "string_type" and err.get("input") is None):
                errors.append(CellError(line, column, "csv.required", {}))
            elif kind.startswith("csv."):
                errors.append(CellError(line, column, kind, dict(err.get("ctx") or {})))
            else:
                errors.append(CellError(line, column, "csv.invalid", {"value": err.get("input")}))
        return None, errors


def payment_key(row: PaymentRow, seen: Counter[str]) -> str:
    """The identity of a payment: its reference for this customer, else a fingerprint."""
    if row.reference:
        return f"ref:{row.customer_id}:{row.reference}"
    content = "|".join(
        str(part)
        for part in (row.customer_id, row.invoice_number, row.amount, row.date, row.method)
    )
    seen[content] += 1
    digest = hashlib.sha256(f"{content}|{seen[content]}".encode()).hexdigest()[:40]
    return f"row:{digest}"
