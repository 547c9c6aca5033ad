"""The call form while it is being filled in: what it holds, what cobro proposes and says
back as the collector goes. Each change (an outcome picked, an excuse picked, Enter in a
date or an amount, "Añadir cuota") gives the next draft; the modal is drawn from it. Pure.

Never overwrite what a person typed: a proposed step replaces the task only while the task
is empty or still the last proposal.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime
from decimal import Decimal
from enum import StrEnum
from typing import TypeVar

from bot.calls.echo import read_back
from bot.calls.proposals import (
    propose_next_step,
    propose_plan,
    propose_retry,
    suggested_next_step,
)
from bot.calls.rules import MAX_INSTALLMENTS
from bot.core import dates
from bot.core.i18n import Lang
from bot.core.money import amount_text, parse_amount
from bot.core.policy import Policy
from bot.core.vocabulary import AttemptOutcome, ExcuseCategory
from bot.customers.rules import Reach

E = TypeVar("E", AttemptOutcome, ExcuseCategory)


class Change(StrEnum):
    OUTCOME = "outcome"
    CONTACT = "contact"
    CATEGORY = "category"
    ENTER = "enter"
    INSTALLMENT = "installment"


@dataclass(frozen=True)
class CallDraft:
    outcome: AttemptOutcome = AttemptOutcome.ANSWERED
    values: dict[str, str | None] = field(default_factory=dict)
    installments: int = 1
    suggestion: str = ""
    suggestion_due: str = ""
    revision: int = 0
    echo: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Customer:
    """What a draft needs of the customer."""

    balance: Decimal
    currency: str
    reach: Reach


def redraft(
    draft: CallDraft,
    change: Change,
    customer: Customer,
    *,
    now: datetime,
    policy: Policy,
    lang: Lang,
) -> CallDraft:
    values = dict(draft.values)
    installments = draft.installments
    outcome = draft.outcome
    proposal = None
    if change == Change.OUTCOME:
        outcome = _enum(AttemptOutcome, values.get("outcome")) or outcome
        if outcome != AttemptOutcome.ANSWERED:
            proposal = propose_retry(
                outcome,
                customer.reach,
                remark=values.get("agreement"),
                now=now,
                policy=policy,
                lang=lang,
            )
    elif change in (Change.CATEGORY, Change.ENTER) and outcome == AttemptOutcome.ANSWERED:
        promise = dates.parse(values.get("promise_date") or "", now, policy.tz)
        proposal = propose_next_step(
            _enum(ExcuseCategory, values.get("excuse_category")),
            lang,
            excuse=values.get("excuse"),
            agreement=values.get("agreement"),
            promise_day=promise.date if promise.ok and values.get("promise_date") else None,
            now=now,
            policy=policy,
        )
    elif change == Change.INSTALLMENT:
        installments = min(installments + 1, MAX_INSTALLMENTS)
        values, installments = _plan_from_agreement(values, installments, customer, now, policy)
    task, due, changed = suggested_next_step(
        proposal,
        typed_task=values.get("task"),
        typed_due=values.get("task_due"),
        last_suggestion=draft.suggestion,
        last_due=draft.suggestion_due,
    )
    if changed:
        values["task"], values["task_due"] = task, due
    shown = {
        k: v
        for k, v in values.items()
        if not (k.startswith("promise_amount") and not values.get(_date_of(k)))
    }
    echo = read_back(
        shown,
        now=now,
        policy=policy,
        lang=lang,
        currency=customer.currency,
        balance=customer.balance,
    )
    return replace(
        draft,
        outcome=outcome,
        values=values,
        installments=installments,
        suggestion=(task or "") if changed else draft.suggestion,
        # what cobro proposed, not a date the collector typed under it
        suggestion_due=(
            (proposal.when_words if proposal is not None else due or "")
            if changed
            else draft.suggestion_due
        ),
        revision=draft.revision + (1 if changed else 0),
        echo=echo,
    )


def _enum(kind: type[E], value: str | None) -> E | None:
    try:
        return kind(value) if value else None
    except ValueError:
        return None


def _date_of(amount_id: str) -> str:
    return amount_id.replace("promise_amount", "promise_date")


def _plan_from_agreement(
    values: dict[str, str | None],
    installments: int,
    customer: Customer,
    now: datetime,
    policy: Policy,
) -> tuple[dict[str, str | None], int]:
    """The first time a second installment is asked for, fill the installments from the
    agreement when it speaks of them ("20.000 mañana y el resto a fin de mes"); what the
    collector already typed stays."""
    plan = propose_plan(values.get("agreement"), customer.balance, now, policy)
    if len(plan) < 2 or any(values.get(f"promise_date_{n}") for n in range(2, installments + 1)):
        return values, installments
    filled = dict(values)
    # The first amount shows the balance until the collector types one: left so, it is
    # not theirs, and "20 mil el viernes y el resto el 15" would promise the balance twice.
    first = parse_amount(values.get("promise_amount") or "")
    first_typed = first is not None and first != customer.balance
    for n, item in enumerate(plan[:MAX_INSTALLMENTS], start=1):
        amount_id = "promise_amount" if n == 1 else f"promise_amount_{n}"
        date_id = "promise_date" if n == 1 else f"promise_date_{n}"
        if n > 1 or not first_typed:
            filled[amount_id] = amount_text(item.amount)
        if n > 1 or not filled.get("promise_date"):
            filled[date_id] = item.when_words
    return filled, max(installments, min(len(plan), MAX_INSTALLMENTS))
