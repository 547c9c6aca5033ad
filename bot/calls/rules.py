"""Logging a call: what the collector typed, checked and read. Pure.

`check_call` refuses a note that does not answer who, why and what next, an unreadable or
past date, an amount that is not one; it proposes the retry when nobody answered. Dates are
read in the team's time zone, which is where they are stored. What the listener stores is
decided here; `bot.calls.service` only writes it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from bot.calls.notes import (
    PLAYBOOK,
    WHEN_EN,
    NoteDraft,
    guess_category,
    missing_answers,
    reference_in,
    spoke_with_in,
)
from bot.core import dates
from bot.core.errors import FormRejected
from bot.core.i18n import Lang, t
from bot.core.money import parse_amount
from bot.core.policy import Policy
from bot.core.text import fold
from bot.core.vocabulary import AttemptOutcome, ExcuseCategory, PaymentMethod, TaskKind
from bot.customers.rules import ContactLine
from bot.ports import Recipient
from bot.tasks.rules import When, read_due, too_far

NO_CONVERSATION = frozenset(
    {AttemptOutcome.NO_ANSWER, AttemptOutcome.MESSAGE_LEFT, AttemptOutcome.WRONG_NUMBER}
)


@dataclass(frozen=True)
class CallForm:
    """What the call modal sent, as plain values (the listener reads Slack's state)."""

    source_key: str
    customer_id: int
    outcome: AttemptOutcome | None
    contact_id: int | None = None
    contact_name: str | None = None
    contact_role: str | None = None
    category: ExcuseCategory | None = None
    excuse: str | None = None
    agreement: str | None = None
    promise_amount: str | None = None
    promise_amount_default: str | None = None
    promise_date: str | None = None
    promise_method: PaymentMethod | None = None
    promise_reference: str | None = None
    task: str | None = None
    task_due: str | None = None
    assignee: str | None = None
    supervisor: str | None = None


@dataclass(frozen=True)
class PromiseEcho:
    amount: Decimal
    currency: str
    when: When
    method: PaymentMethod | None
    reference: str | None


@dataclass(frozen=True)
class TaskEcho:
    id: int
    text: str
    when: When
    kind: TaskKind
    assignee: Recipient
    supervisor: Recipient | None
    proposed: bool = False


@dataclass
class LoggedCall:
    """What was stored, for the confirmation and the DMs."""

    customer_id: int
    customer_name: str
    author: Recipient
    outcome: AttemptOutcome
    attempt_id: int
    today: date
    note_id: int | None = None
    spoke_with: str | None = None
    third_party: bool = False
    category: ExcuseCategory | None = None
    excuse: str | None = None
    agreement: str | None = None
    hashtags: list[str] = field(default_factory=list)
    promise: PromiseEcho | None = None
    task: TaskEcho | None = None
    disputed_invoices: list[str] | None = None
    duplicate: bool = False
    outbox_keys: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class CheckedCall:
    """A form that passed every check, with its values read."""

    talked: bool
    spoke_with: str | None
    new_person: str | None
    third_party: bool
    promise: tuple[Decimal, When] | None
    task_text: str | None
    task_when: When | None
    task_kind: TaskKind
    proposed: bool


def check_call(
    form: CallForm,
    *,
    contact: ContactLine | None,
    now: datetime,
    policy: Policy,
    lang: Lang,
    author_lang: Lang,
    errors: dict[str, str],
) -> CheckedCall:
    """Every problem at once, each on its field (added to `errors`, which may already hold
    the people's); raises FormRejected when there is any."""
    today = policy.today(now)
    if form.outcome is None:
        errors["outcome"] = t("call.need_outcome", lang)
    talked = form.outcome is not None and form.outcome not in NO_CONVERSATION

    spoke_with = None
    new_person = None
    if talked:
        if contact is not None:
            spoke_with = contact.name + (f" ({contact.title})" if contact.title else "")
        elif (form.contact_name or "").strip():
            new_person = (form.contact_name or "").strip()
            role = t(f"contact_role.{form.contact_role}", lang) if form.contact_role else None
            spoke_with = new_person + (f" ({role})" if role else "")
        draft = NoteDraft(spoke_with, form.category, form.excuse, form.agreement, form.task)
        for block, key in missing_answers(draft).items():
            errors[block] = t(key, lang)

    promise = None
    if talked and (form.promise_date or "").strip():
        reading, problem = dates.read_field(
            form.promise_date or "",
            now,
            policy.tz,
            lang=lang,
            office_start=policy.call_start,
            calendar=policy.calendar,
        )
        if problem is None and reading.date is not None:
            problem = too_far(reading.date, today, lang)
        amount_text = (form.promise_amount or "").strip() or (form.promise_amount_default or "")
        amount = parse_amount(amount_text) if amount_text else None
        if problem:
            errors["promise_date"] = problem
        if amount is None:
            errors["promise_amount"] = t("call.bad_amount", lang, value=amount_text)
        elif amount <= 0:
            errors["promise_amount"] = t("call.amount_not_positive", lang)
        if problem is None and reading.date is not None and amount is not None and amount > 0:
            flagged = not policy.calendar.is_business_day(reading.date)
            promise = (amount, When(reading.date, non_business=flagged))
    elif talked and changed_amount(form):
        errors["promise_date"] = t("call.need_promise_date", lang)

    task_text = (form.task or "").strip() or None
    task_when = read_due(task_text, form.task_due, now, policy, lang, errors)
    proposed = False
    kind = PLAYBOOK[form.category].kind if talked and form.category else TaskKind.CALL
    if not talked and form.outcome is not None and task_text is None:
        # Nobody to talk to: propose the retry (or finding the right number) ourselves.
        wrong = form.outcome == AttemptOutcome.WRONG_NUMBER
        task_text = t("play.find_number" if wrong else "play.retry", author_lang)
        kind = TaskKind.OTHER if wrong else TaskKind.CALL
        task_when = When(policy.calendar.add_business_days(today, 1))
        proposed = True
    if errors:
        raise FormRejected(errors)
    return CheckedCall(
        talked=talked,
        spoke_with=spoke_with,
        new_person=new_person,
        third_party=talked and (form.outcome == AttemptOutcome.THIRD_PARTY or bool(new_person)),
        promise=promise,
        task_text=task_text,
        task_when=task_when,
        task_kind=kind,
        proposed=proposed,
    )


def changed_amount(form: CallForm) -> bool:
    typed = (form.promise_amount or "").strip()
    if not typed:
        return False
    return parse_amount(typed) != parse_amount(form.promise_amount_default or "")


def task_text_for(checked: CheckedCall, form: CallForm, lang: Lang) -> str | None:
    """The task as stored: "Verificar el pago" gains the deposit number the collector was
    given, when the excuse says the customer already paid."""
    text = checked.task_text
    if text is None or form.category != ExcuseCategory.ALREADY_PAID or reference_in(text):
        return text
    ref = (form.promise_reference or "").strip() or reference_in(form.excuse)
    if ref and text == t("play.already_paid", lang):
        return t("play.already_paid_ref", lang, reference=ref)
    return text


def disputed_numbers(numbers: list[str], excuse: str | None, agreement: str | None) -> list[str]:
    """The invoices a dispute's note names by number ([]: it names none, so all)."""
    text = fold(f"{excuse or ''} {agreement or ''}")
    return [n for n in numbers if fold(n) in text]


def playbook_suggestion(
    category: ExcuseCategory, lang: Lang, excuse: str | None = None
) -> tuple[str, str]:
    """The next step the playbook suggests for an excuse: (task text, when in words)."""
    play = PLAYBOOK[category]
    text = t(play.text_key, lang)
    if category == ExcuseCategory.ALREADY_PAID:
        ref = reference_in(excuse)
        if ref:
            text = t("play.already_paid_ref", lang, reference=ref)
    when = WHEN_EN.get(play.when, play.when) if lang == "en" else play.when
    return text, when


def suggested_next_step(
    category: ExcuseCategory,
    lang: Lang,
    *,
    excuse: str | None,
    typed_task: str | None,
    typed_due: str | None,
    last_suggestion: str | None,
) -> tuple[str | None, str | None, bool]:
    """The task and its date once an excuse is chosen: the playbook's, unless the collector
    already wrote a step of their own (never overwrite what a person typed). The flag says
    whether the suggestion changed."""
    if typed_task and typed_task != last_suggestion:
        return typed_task, typed_due, False
    task, when = playbook_suggestion(category, lang, excuse)
    return task, when, True


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
    the words suggest, the promised date found in the sentence, and the playbook's step."""
    person = spoke_with_in(text)
    known = None
    if person:
        known = next((c for c in contacts if fold(person) in fold(c.name)), None)
    category = guess_category(text)
    found = dates.find(text, now, policy.tz, calendar=policy.calendar)
    task, task_due = playbook_suggestion(category, lang, text) if category else (None, None)
    return MessageReading(
        contact_id=known.id if known else None,
        person=None if known else person,
        category=category,
        promise_words=found.read if found.ok and found.read else None,
        task=task,
        task_due=task_due,
    )
