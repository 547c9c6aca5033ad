"""Applying money received to what is owed, and what a payment typed in Slack must be. Pure.

A payment lowers its invoice first, then the customer's oldest open invoices (the usual
rule when a payment does not say what it pays); whatever exceeds them all is a credit.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from bot.calls.echo import echo_amount
from bot.calls.rules import AboveBalance
from bot.core import dates
from bot.core.i18n import Lang, t
from bot.core.money import amount_or_reason, money
from bot.core.policy import Policy
from bot.core.vocabulary import PaymentMethod

ZERO = Decimal("0")


@dataclass(frozen=True)
class Open:
    """An open invoice as a payment sees it."""

    id: int
    balance: Decimal


def allocate(amount: Decimal, invoices: list[Open]) -> tuple[dict[int, Decimal], Decimal]:
    """How much of `amount` each invoice takes, in the order given, and what is left over."""
    taken: dict[int, Decimal] = {}
    remaining = amount
    for invoice in invoices:
        if remaining <= ZERO:
            break
        share = min(invoice.balance, remaining)
        if share > ZERO:
            taken[invoice.id] = share
            remaining -= share
    return taken, remaining


def payment_key(customer_external_id: str, reference: str | None, source_key: str) -> str:
    """A payment's identity: its reference for this customer (as `cobro import payments`
    uses, so the same deposit imported later is not counted twice), else the submission."""
    if reference:
        return f"ref:{customer_external_id}:{reference}"
    return f"slack:{source_key}"


@dataclass(frozen=True)
class PaymentForm:
    """A payment typed in Slack ("Registrar pago"), as plain values."""

    source_key: str
    customer_id: int
    amount: str | None
    paid_on: str | None
    method: PaymentMethod | None = None
    reference: str | None = None
    invoice_id: int | None = None
    amount_confirmed: str = ""  # the amount the collector confirmed above the balance


@dataclass(frozen=True)
class RecordedPayment:
    customer_id: int
    customer: str
    amount: Decimal
    currency: str
    paid_on: date
    credit: Decimal
    kept: int
    counted: int
    duplicate: bool = False
    verified: tuple[str, ...] = ()  # verification tasks this payment closed


class PaymentAboveBalance(AboveBalance):
    """A payment above what the customer owes: possible (the rest is kept as a credit),
    and far more often a typo ("medio millón" for 5,350): said back, and recorded only
    once the collector saves again with that amount."""

    key = "payment.above_balance"

    def words(self, lang: Lang) -> str:
        currency = self.params["currency"]
        balance = self.params["balance"]
        return t(
            self.key,
            lang,
            total=money(self.total, currency, lang),
            balance=money(balance, currency, lang),
            credit=money(self.total - balance, currency, lang),
        )


def read_paid_on(
    text: str | None, now: datetime, policy: Policy, lang: Lang
) -> tuple[date | None, str | None]:
    """The day a payment was received (empty: today), or why it cannot be: unreadable, or
    a day still to come. What the modal echoes and what is stored are both read here."""
    today = policy.today(now)
    if not (text or "").strip():
        return today, None
    day = dates.parse(text or "", now, policy.tz, calendar=policy.calendar)
    if day.date is None:
        return None, (day.reason(lang) or "").capitalize()
    if day.date > today:
        return None, t("payment.future", lang, when=day.in_words(lang))
    return day.date, None


def echo_payment(
    amount: str | None,
    paid_on: str | None,
    *,
    now: datetime,
    policy: Policy,
    lang: Lang,
    currency: str,
    balance: Decimal,
) -> dict[str, str]:
    """The payment modal's readings said back under their fields before it is saved
    ("Se registrará: $5,000.00"; "Se registrará: ayer, domingo 22 de noviembre"): the
    amount as the call modal reads it (an ambiguous one is asked, "¿5 o 5.000?"), the
    date as `read_paid_on` reads it. A field left empty says nothing."""
    lines: dict[str, str] = {}
    read, _ = amount_or_reason(amount or "", lang)
    if read is not None and read <= 0:  # said as a payment, not as a promise
        said = t("call.echo_problem", lang, problem=t("payment.not_positive", lang))
    else:
        said = echo_amount(amount, currency=currency, balance=balance, lang=lang)
    if said:
        lines["payment_amount"] = said
    if (paid_on or "").strip():
        day, problem = read_paid_on(paid_on, now, policy, lang)
        if day is None:
            lines["payment_date"] = t("call.echo_problem", lang, problem=problem or "")
        else:
            words = dates.describe(day, None, lang=lang, today=policy.today(now))
            lines["payment_date"] = t("call.echo_ok", lang, what=words)
    return lines
