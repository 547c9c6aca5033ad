"""What cobro proposes while a call is logged, for the collector to confirm or change: the
next step that follows what was agreed, the retry when nobody answered, the installments
an agreement speaks of, and what a message typed after a call says. Pure.

- A promise: check the money the business day after the promised date ("Verificar que
  llegó el pago prometido"), unless the excuse calls for work the payment waits on: a copy
  of the invoice to send, a dispute to resolve, an account to escalate. Those stay the
  step (on their own date: the promise does not move them), or the money never comes.
- A day said in the excuse or the agreement ("regresa el lunes 7") is the day to call
  again: it beats a call-again play's default. Other plays keep their own date ("paga el
  viernes" is the promise's day, not the day to send the invoice).
- Otherwise the play's default (seed 003's solutions for each excuse).
- Nobody answered: call again at the customer's next callable moment (their days, their
  hours, in their zone, after what the contact cap allows); a wrong number: find the right
  one, the next business day.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from bot.calls.notes import PLAYBOOK, WHEN_EN, guess_category, reference_in, spoke_with_in
from bot.calls.rules import Proposal
from bot.core import dates
from bot.core.calendar import stored_call_days
from bot.core.i18n import Lang, t
from bot.core.money import parse_amount
from bot.core.policy import Policy
from bot.core.text import fold
from bot.core.vocabulary import AttemptOutcome, ExcuseCategory, TaskKind
from bot.customers.rules import ContactLine, Reach
from bot.tasks.rules import When


def _words(day: date, at: time | None, lang: Lang, today: date) -> str:
    return dates.describe(day, at, lang=lang, today=today)


def next_callable_moment(reach: Reach, now: datetime, policy: Policy) -> datetime:
    """The customer's next calling moment after what the contact cap allows (a cap of one
    call a day: tomorrow at the earliest), at the start of their hours, in the team's zone."""
    zone = ZoneInfo(reach.timezone) if reach.timezone else policy.tz
    days = stored_call_days(reach.call_days) if reach.call_days else policy.call_days
    start = reach.call_start or policy.call_start
    local_today = now.astimezone(zone).date()
    day = local_today + timedelta(days=policy.cap_days if policy.cap_count <= 1 else 1)
    for _ in range(60):
        if day.isoweekday() in days and not policy.calendar.is_holiday(day):
            break
        day += timedelta(days=1)
    return datetime.combine(day, start, zone).astimezone(policy.tz)


def propose_retry(
    outcome: AttemptOutcome,
    reach: Reach,
    *,
    remark: str | None,
    now: datetime,
    policy: Policy,
    lang: Lang,
) -> Proposal:
    """The step after a call with nobody to talk to (see the module docstring); a day the
    person who answered named ("vuelve el lunes") is the day to call again."""
    today = policy.today(now)
    if outcome == AttemptOutcome.WRONG_NUMBER:
        day = policy.calendar.add_business_days(today, 1)
        return Proposal(
            t("play.find_number", lang), TaskKind.OTHER, When(day), _words(day, None, lang, today)
        )
    said = _future_day_in(remark, now, policy)
    moment = next_callable_moment(reach, now, policy)
    if said is not None and said > moment.date():
        moment = datetime.combine(said, moment.astimezone(policy.tz).time(), policy.tz)
    local = moment.astimezone(policy.tz)
    at = local.time().replace(second=0, microsecond=0)
    return Proposal(
        t("play.retry", lang),
        TaskKind.CALL,
        When(local.date(), at),
        _words(local.date(), at, lang, today),
    )


def _future_day_in(text: str | None, now: datetime, policy: Policy) -> date | None:
    if not (text or "").strip():
        return None
    found = dates.find(text or "", now, policy.tz, calendar=policy.calendar)
    return found.date if found.ok and found.date is not None else None


# Excuses whose play the payment waits on: with a promise, the play is still the step.
BEFORE_THE_MONEY = frozenset(
    {ExcuseCategory.INVOICE_NOT_RECEIVED, ExcuseCategory.DISPUTE, ExcuseCategory.REFUSES}
)


def propose_next_step(
    category: ExcuseCategory | None,
    lang: Lang,
    *,
    excuse: str | None,
    agreement: str | None,
    promise_day: date | None,
    now: datetime,
    policy: Policy,
) -> Proposal | None:
    """The step after a conversation (see the module docstring); None without an excuse
    or a promise to go on."""
    today = policy.today(now)
    if promise_day is not None and category not in BEFORE_THE_MONEY:
        day = policy.calendar.add_business_days(promise_day, 1)
        text = t("play.verify_promise", lang)
        if category == ExcuseCategory.ALREADY_PAID:
            ref = reference_in(excuse)
            text = t("play.already_paid_ref", lang, reference=ref) if ref else text
        return Proposal(text, TaskKind.VERIFY_PAYMENT, When(day), _words(day, None, lang, today))
    if category is None:
        return None
    play = PLAYBOOK[category]
    text = t(play.text_key, lang)
    if category == ExcuseCategory.ALREADY_PAID:
        ref = reference_in(excuse)
        if ref:
            text = t("play.already_paid_ref", lang, reference=ref)
    said = _future_day_in(excuse, now, policy) or _future_day_in(agreement, now, policy)
    if said is not None and play.kind == TaskKind.CALL:
        day = policy.calendar.next_business_day(said)
        return Proposal(text, play.kind, When(day), _words(day, None, lang, today))
    when = WHEN_EN.get(play.when, play.when) if lang == "en" else play.when
    reading = dates.parse(when, now, policy.tz, calendar=policy.calendar)
    day = policy.calendar.next_business_day(reading.date or today)
    return Proposal(text, play.kind, When(day), _words(day, None, lang, today))


def suggested_next_step(
    proposal: Proposal | None,
    *,
    typed_task: str | None,
    typed_due: str | None,
    last_suggestion: str | None,
    last_due: str | None = None,
) -> tuple[str | None, str | None, bool]:
    """The task and its date to show: the proposal, unless the collector already wrote a
    step of their own (never overwrite what a person typed). A date they typed under a
    proposed task ("a las 10") stays too: only the task's words are proposed again. The
    flag says whether the fields change."""
    if typed_task and typed_task != last_suggestion:
        return typed_task, typed_due, False
    if proposal is None:
        return typed_task, typed_due, False
    own_due = bool(typed_due and typed_due.strip() != (last_due or "").strip())
    due = typed_due if own_due else proposal.when_words
    changed = (proposal.text, due) != (typed_task, typed_due)
    return proposal.text, due, changed


# An amount as people write it in an agreement: digits, "10 mil", "1.5 millones", "medio
# millón", with or without the currency's name after it; or the rest of the balance.
_SCALE = r"(?:\s*(?:mil|millones|millón|millon|k)\b)?"
_AMOUNT = (
    r"(?P<amount>\$?\s*\d[\d.,\s]*\d" + _SCALE + r"|\$?\s*\d" + _SCALE + r"|medio\s+mill[oó]n"
    r"|el\s+resto|lo\s+que\s+falta|the\s+rest)"
    r"(?:\s+(?:pesos|mxn|cop|eur|euros|d[oó]lares|usd))?"
)
# "20.000 mañana y el resto a fin de mes", "5,000 el viernes, 5,000 el 15": an amount (or
# "el resto") followed by its date words, up to the next separator.
_INSTALLMENT = re.compile(
    _AMOUNT + r"\s+(?P<when>.+?)(?=\s*(?:,|;|\by\b|\band\b|$))",
    re.IGNORECASE,
)
# "Transfiere mañana 20,000": the date words first, the amount closing the part.
_AMOUNT_LAST = re.compile(r"(?P<when>.+?)\s+" + _AMOUNT + r"\s*[.!]?$", re.IGNORECASE)
# The parts of an agreement: a comma that is not a thousands separator, a semicolon, "y".
_PARTS = re.compile(r"\s*(?:,(?!\d)|;|\by\b|\band\b)\s*", re.IGNORECASE)


@dataclass(frozen=True)
class Installment:
    amount: Decimal
    when_words: str


def _is_rest(raw: str) -> bool:
    return fold(raw).startswith(("el", "lo", "the"))


def _said_installments(
    text: str, now: datetime, policy: Policy
) -> list[tuple[Decimal | None, str]] | None:
    """Each amount (None: "el resto") the agreement names with a readable date, in order,
    the amount before its date or after it; None when an amount next to a date cannot be
    read (the collector types the plan then)."""
    found: list[tuple[Decimal | None, str]] = []
    for part in _PARTS.split(text):
        read_here = False
        for match in _INSTALLMENT.finditer(part):
            words = match.group("when").strip(" .")
            if not dates.parse(words, now, policy.tz, calendar=policy.calendar).ok:
                continue
            raw = match.group("amount")
            amount = None if _is_rest(raw) else parse_amount(raw)
            if amount is None and not _is_rest(raw):
                return None
            found.append((amount, words))
            read_here = True
        if read_here:
            continue
        last = _AMOUNT_LAST.fullmatch(part.strip())
        if last is None:
            continue
        reading = dates.find(last.group("when"), now, policy.tz, calendar=policy.calendar)
        if not reading.ok or reading.date is None or not reading.read:
            continue
        raw = last.group("amount")
        amount = None if _is_rest(raw) else parse_amount(raw)
        if amount is None and not _is_rest(raw):
            return None
        found.append((amount, reading.read))
    return found


def propose_plan(
    agreement: str | None, balance: Decimal, now: datetime, policy: Policy
) -> list[Installment]:
    """The installments an agreement speaks of, when it speaks of two or more, each with
    an amount and a readable date ("el resto" is what the others leave of the balance).
    Anything unclear proposes nothing: the collector types the plan."""
    found = _said_installments(agreement or "", now, policy)
    if found is None or len(found) < 2 or sum(1 for amount, _ in found if amount is None) > 1:
        return []
    named = sum((amount for amount, _ in found if amount is not None), Decimal(0))
    rest = balance - named
    plan = []
    for amount, words in found:
        value = amount if amount is not None else rest
        if value <= 0:
            return []
        plan.append(Installment(value, words))
    return plan


def amounts_in(agreement: str | None, now: datetime, policy: Policy) -> list[Decimal]:
    """The amounts an agreement names with a readable date beside them ("Paga 5 mil el
    viernes", "transfiere mañana 20,000"; not "3 facturas"), not counting "el resto"."""
    found = _said_installments(agreement or "", now, policy) or []
    return [amount for amount, _ in found if amount is not None]


@dataclass(frozen=True)
class MessageReading:
    """What a message typed after a call says, as suggestions for the call modal."""

    contact_id: int | None
    person: str | None
    category: ExcuseCategory | None
    promise_words: str | None
    task: str | None
    task_due: str | None


def read_message(
    text: str, contacts: list[ContactLine], *, now: datetime, policy: Policy, lang: Lang
) -> MessageReading:
    """The person after "hablé con" (a known contact when the name matches one), the excuse
    the words suggest, the promised date found in the sentence, and the proposed step."""
    person = spoke_with_in(text)
    known = None
    if person:
        known = next((c for c in contacts if fold(person) in fold(c.name)), None)
    category = guess_category(text)
    found = dates.find(text, now, policy.tz, calendar=policy.calendar)
    promise_words = found.read if found.ok and found.read else None
    proposal = propose_next_step(
        category,
        lang,
        excuse=text,
        agreement=None,
        promise_day=None,
        now=now,
        policy=policy,
    )
    return MessageReading(
        contact_id=known.id if known else None,
        person=None if known else person,
        category=category,
        promise_words=promise_words,
        task=proposal.text if proposal else None,
        task_due=proposal.when_words if proposal else None,
    )
