"""Every reading said back in words before it is saved: under each amount and date field of
the call modal, as soon as the collector presses Enter ("Se registrará: viernes 27 de
noviembre · 5.000,00 MXN"), so a misreading is seen while it can still be fixed. A phrase
that cannot be read says why; one that is one letter off says "¿quisiste decir…?". Pure."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from bot.calls.rules import other_currency
from bot.core import dates
from bot.core.i18n import Lang, t
from bot.core.money import amount_or_reason, money
from bot.core.policy import Policy
from bot.tasks.rules import on_business_day, too_far


def echo_date(text: str | None, *, task: bool, now: datetime, policy: Policy, lang: Lang) -> str:
    """The date a field will store, in words, or why it cannot be stored."""
    if not (text or "").strip():
        return ""
    reading, problem = dates.read_field(
        text or "",
        now,
        policy.tz,
        lang=lang,
        office_start=policy.call_start,
        office_end=policy.call_end,
        calendar=policy.calendar,
    )
    today = policy.today(now)
    if problem is None and reading.date is not None:
        problem = too_far(reading.date, today, lang)
    if problem is not None or reading.date is None:
        return t("call.echo_problem", lang, problem=problem or "")
    when = on_business_day(reading.date, reading.time, policy) if task else None
    if when is not None:
        words = when.in_words(lang, today)
    else:
        # A promise keeps the day it falls due, not an hour: said, so "mañana a las 10"
        # is never read back with an hour the record will not hold.
        words = dates.describe(reading.date, None, lang=lang, today=today)
        if not policy.calendar.is_business_day(reading.date):
            words = t("call.non_business_flag", lang, when=words)
        if reading.time is not None:
            words = t("call.promise_day_only", lang, when=words)
    return t("call.echo_ok", lang, what=words)


def echo_amount(text: str | None, *, currency: str, balance: Decimal, lang: Lang) -> str:
    """The amount a field will store, in the team's way of writing money, or why not."""
    if not (text or "").strip():
        return ""
    elsewhere = other_currency(text, currency, lang)
    if elsewhere is not None:
        return t("call.echo_problem", lang, problem=elsewhere)
    amount, unread = amount_or_reason(text or "", lang)
    if amount is None:
        return t("call.echo_problem", lang, problem=unread)
    if amount <= 0:
        return t("call.echo_problem", lang, problem=t("call.amount_not_positive", lang))
    words = money(amount, currency, lang)
    if balance > 0 and amount == balance:  # the field's default: say it is all of it
        return t("call.echo_ok", lang, what=t("call.echo_whole_balance", lang, amount=words))
    if balance > 0 and amount > balance:
        more = t("call.echo_above_balance", lang, balance=money(balance, currency, lang))
        return t("call.echo_ok", lang, what=f"{words} · {more}")
    return t("call.echo_ok", lang, what=words)


def read_back(
    values: dict[str, str | None],
    *,
    now: datetime,
    policy: Policy,
    lang: Lang,
    currency: str,
    balance: Decimal,
) -> dict[str, str]:
    """The echo line of every amount and date field that holds something."""
    lines: dict[str, str] = {}
    for block_id, text in values.items():
        if block_id.startswith("promise_amount"):
            line = echo_amount(text, currency=currency, balance=balance, lang=lang)
        elif block_id.startswith("promise_date"):
            line = echo_date(text, task=False, now=now, policy=policy, lang=lang)
        elif block_id == "task_due":
            line = echo_date(text, task=True, now=now, policy=policy, lang=lang)
        else:
            continue
        if line:
            lines[block_id] = line
    return lines
