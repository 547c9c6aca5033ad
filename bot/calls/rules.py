"""Logging a call: what the collector typed, checked and read. Pure.

The form depends on the outcome. When the customer's contact answered, the note must
answer who, why and what next (seed 000), and the promise is read: one payment, or a plan
of up to six installments. When someone else answered, only who they were and what they
said is kept (the debt is never discussed with a third party, seed 004); with nobody to
talk to, only the attempt. A retry is proposed whenever no step was typed. Dates are read
in the team's time zone, which is where they are stored; a date more than ten years away
is refused. `bot.calls.service` only writes what this decides.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from bot.calls.notes import PLAYBOOK, NoteDraft, missing_answers, reference_in
from bot.core import dates
from bot.core.errors import CobroError, FormRejected
from bot.core.i18n import LANGS, Lang, t
from bot.core.money import amount_or_reason, money, parse_amount
from bot.core.policy import Policy
from bot.core.text import fold
from bot.core.vocabulary import AttemptOutcome, ExcuseCategory, PaymentMethod, TaskKind
from bot.customers.rules import ContactLine
from bot.ports import Recipient
from bot.tasks.rules import When, read_due, too_far

NO_CONVERSATION = frozenset(
    {AttemptOutcome.NO_ANSWER, AttemptOutcome.MESSAGE_LEFT, AttemptOutcome.WRONG_NUMBER}
)
MAX_INSTALLMENTS = 6


# Roles whose work is the payments: a new person in one of them may hear about the debt;
# anyone else (reception, a secretary, a role not given) gets the confidentiality reminder.
PAYMENT_ROLES = frozenset({"accountant", "payables", "manager", "owner"})


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
    # Installments 2… of a plan: (amount, date in words), in the order shown.
    more_payments: tuple[tuple[str | None, str | None], ...] = ()
    amount_confirmed: str = ""
    plan_offered: bool = False  # the installments the agreement speaks of were shown
    # The step cobro last proposed in the modal (text, when): still untouched at submit,
    # it may be proposed again with what the form now says.
    suggested: tuple[str, str] = ("", "")


@dataclass(frozen=True)
class PromiseEcho:
    amount: Decimal
    currency: str
    when: When
    method: PaymentMethod | None
    reference: str | None
    installment: int | None = None


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
    remark: str | None = None
    hashtags: list[str] = field(default_factory=list)
    promises: list[PromiseEcho] = field(default_factory=list)
    task: TaskEcho | None = None
    disputed_invoices: list[str] | None = None
    duplicate: bool = False
    corrected: bool = False
    outbox_keys: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class CheckedCall:
    """A form that passed every check, with its values read."""

    talked: bool
    spoke_with: str | None
    new_person: str | None
    third_party: bool
    remark: str | None
    promises: tuple[tuple[Decimal, When], ...]
    task_text: str | None
    task_when: When | None
    task_kind: TaskKind
    proposed: bool


@dataclass(frozen=True)
class Proposal:
    """A next step cobro proposes: its words, its kind, and when (in words the date reader
    reads back, and as a date)."""

    text: str
    kind: TaskKind
    when: When
    when_words: str


def check_call(
    form: CallForm,
    *,
    contact: ContactLine | None,
    now: datetime,
    policy: Policy,
    lang: Lang,
    retry: Proposal,
    errors: dict[str, str],
) -> CheckedCall:
    """Every problem at once, each on its field (added to `errors`, which may already hold
    the people's); raises FormRejected when there is any. `retry` is the step proposed when
    nobody answered and no step was typed."""
    if form.outcome is None:
        errors["outcome"] = t("call.need_outcome", lang)
    talked = form.outcome == AttemptOutcome.ANSWERED
    third_party = form.outcome == AttemptOutcome.THIRD_PARTY

    spoke_with = None
    new_person = None
    if talked:
        if contact is not None:
            spoke_with = contact.name + (f" ({contact.title})" if contact.title else "")
        elif (form.contact_name or "").strip():
            new_person = (form.contact_name or "").strip()
            spoke_with = _with_role(new_person, form.contact_role, lang)
        draft = NoteDraft(spoke_with, form.category, form.excuse, form.agreement, form.task)
        for block, key in missing_answers(draft).items():
            errors[block] = t(key, lang)
    elif third_party:
        new_person = (form.contact_name or "").strip() or None
        if new_person is None:
            errors["contact_name"] = t("call.need_who_answered", lang)
        else:
            spoke_with = _with_role(new_person, form.contact_role, lang)

    promises = _promises(form, now, policy, lang, errors) if talked else ()
    task_text = (form.task or "").strip() or None
    untouched = task_text is not None and (task_text, (form.task_due or "").strip()) == tuple(
        s.strip() for s in form.suggested
    )
    if not talked and untouched:
        task_text = None  # still cobro's proposal: propose it again, from what was said
    task_when = read_due(task_text, form.task_due if task_text else None, now, policy, lang, errors)
    proposed = False
    kind = task_kind(task_text, form.category if talked else None, bool(promises), lang)
    if not talked and form.outcome is not None and task_text is None:
        task_text, kind, task_when, proposed = retry.text, retry.kind, retry.when, True
    if errors:
        raise FormRejected(errors)
    return CheckedCall(
        talked=talked,
        spoke_with=spoke_with,
        new_person=new_person,
        third_party=third_party
        or (talked and bool(new_person) and form.contact_role not in PAYMENT_ROLES),
        remark=(form.agreement or "").strip() or None if third_party else None,
        promises=promises,
        task_text=task_text,
        task_when=task_when,
        task_kind=kind,
        proposed=proposed,
    )


def _with_role(name: str, role: str | None, lang: Lang) -> str:
    title = t(f"contact_role.{role}", lang) if role else None
    return name + (f" ({title})" if title else "")


def _promises(
    form: CallForm,
    now: datetime,
    policy: Policy,
    lang: Lang,
    errors: dict[str, str],
) -> tuple[tuple[Decimal, When], ...]:
    """The promise, or the plan's installments, each read or refused on its own field."""
    rows: list[tuple[str, str, str, str]] = []
    first_amount = (form.promise_amount or "").strip() or (form.promise_amount_default or "")
    if (form.promise_date or "").strip():
        rows.append(("promise_amount", "promise_date", first_amount, form.promise_date or ""))
    elif changed_amount(form):
        errors["promise_date"] = t("call.need_promise_date", lang)
    for n, (amount, day) in enumerate(form.more_payments, start=2):
        amount_id, date_id = f"promise_amount_{n}", f"promise_date_{n}"
        if (day or "").strip() and (amount or "").strip():
            rows.append((amount_id, date_id, amount or "", day or ""))
        elif (day or "").strip():
            errors[amount_id] = t("call.need_installment_amount", lang)
        elif (amount or "").strip():
            errors[date_id] = t("call.need_promise_date", lang)
    read: list[tuple[Decimal, When]] = []
    for amount_id, date_id, amount_text, day_text in rows:
        reading, problem = dates.read_field(
            day_text,
            now,
            policy.tz,
            lang=lang,
            office_start=policy.call_start,
            office_end=policy.call_end,
            calendar=policy.calendar,
        )
        if problem is None and reading.date is not None:
            problem = too_far(reading.date, policy.today(now), lang)
        value, unread = amount_or_reason(amount_text, lang)
        if problem:
            errors[date_id] = problem
        if value is None:
            errors[amount_id] = unread or t("call.amount_not_positive", lang)
        elif value <= 0:
            errors[amount_id] = t("call.amount_not_positive", lang)
        if problem is None and reading.date is not None and value is not None and value > 0:
            flagged = not policy.calendar.is_business_day(reading.date)
            read.append((value, When(reading.date, non_business=flagged)))
    days = [when.day for _, when in read]
    if len(days) != len(set(days)):
        errors[rows[-1][1]] = t("call.same_day_twice", lang)
    return tuple(sorted(read, key=lambda r: r[1].day))


# Currencies a collector may name beside an amount ("5,000 dólares"): the amount reader
# leaves such words out, as they say nothing of the size; they do say the currency.
_NAMED_CURRENCY = re.compile(
    r"(?<![a-z])(?:(?P<usd>d[oó]lar(?:es)?|dollars?|dll?s|usd|us\$)"
    r"|(?P<eur>euros?|eur|€))(?![a-z])",
    re.IGNORECASE,
)


def currency_named(text: str | None, currency: str) -> str | None:
    """The other currency an amount's words name ("5,000 dólares" for a customer who owes
    pesos: "USD"), or None. Never converted, never dropped: the field is asked again."""
    found = _NAMED_CURRENCY.search(text or "")
    if found is None:
        return None
    named = "USD" if found.group("usd") else "EUR"
    return None if named == currency.upper() else named


def other_currency(text: str | None, currency: str, lang: Lang) -> str | None:
    """Why an amount typed in another currency than the customer's is refused (what to
    type instead), or None: the call modal, its read-back and the payment modal say it
    alike."""
    named = currency_named(text, currency)
    if named is None:
        return None
    return t(
        "call.other_currency", lang, typed=(text or "").strip(), named=named, currency=currency
    )


def check_currencies(form: CallForm, currency: str, lang: Lang) -> None:
    """Each promised amount typed in another currency than the customer's is refused on
    its own field (cobro stores every promise in the customer's currency)."""
    typed = [("promise_amount", form.promise_amount)] + [
        (f"promise_amount_{n}", amount) for n, (amount, _) in enumerate(form.more_payments, 2)
    ]
    errors = {
        field: problem
        for field, text in typed
        if (problem := other_currency(text, currency, lang)) is not None
    }
    if errors:
        raise FormRejected(errors)


class AboveBalance(CobroError):
    """The promised total is more than the customer owes: said back, and stored only once
    the collector saves again with that total (`confirmed`)."""

    key = "call.above_balance"

    def __init__(self, *, total: Decimal, balance: Decimal, currency: str) -> None:
        super().__init__(total=total, balance=balance, currency=currency)
        self.total = total

    def words(self, lang: Lang) -> str:
        return t(
            self.key,
            lang,
            total=money(self.total, self.params["currency"], lang),
            balance=money(self.params["balance"], self.params["currency"], lang),
        )


THOUSAND = Decimal(1000)


def thousands_left_out(amount: Decimal, balance: Decimal) -> bool:
    """A few pesos on a balance of thousands: under a thousand, and a thousand times over
    still within what is owed ("5" on $53,450, not "500" on $2,000)."""
    return amount < THOUSAND and amount * THOUSAND <= balance


class ThousandsLeftOut(AboveBalance):
    """A promise of a few pesos on a balance of thousands ("5" on $53,450): people leave
    out "mil" far more often than a customer promises $5, so cobro asks which it is
    ("¿$5.00 o $5,000.00?") and stores the amount as typed only when the collector saves
    again with it. A payment recorded is asked the same way. Handled as AboveBalance is:
    the modal says it back and a second Guardar with the same amount confirms it."""

    key = "call.thousands_left_out"

    def __init__(self, *, amount: Decimal, total: Decimal, balance: Decimal, currency: str) -> None:
        super().__init__(total=total, balance=balance, currency=currency)
        self.amount = amount

    def words(self, lang: Lang) -> str:
        currency = self.params["currency"]
        return t(
            self.key,
            lang,
            amount=money(self.amount, currency, lang),
            thousands=money(self.amount * THOUSAND, currency, lang),
            balance=money(self.params["balance"], currency, lang),
        )


class RetryMoved(CobroError):
    """The retry cobro would store is not the one the modal showed: the remark, typed after
    the outcome was picked, names another day ("vuelve el lunes"). The modal shows the new
    proposal in words, and it is stored when the collector saves again as shown."""

    key = "call.retry_moved"

    def __init__(self, *, when: str, shown: str, from_excuse: bool = False) -> None:
        super().__init__(when=when, shown=shown)
        # proposed from the excuse and the agreement (a conversation), not from the outcome:
        # the modal redraws the step as picking the excuse does
        self.from_excuse = from_excuse

    def words(self, lang: Lang) -> str:
        return t(self.key, lang, **self.params)


class PlanInAgreement(CobroError):
    """The agreement speaks of more payments than the promise fields hold ("20.000 mañana
    y el resto a fin de mes" with one promise): the plan is filled in from the agreement
    and shown, and stored when the collector saves again (as shown or as they change it)."""

    key = "call.plan_in_agreement"

    def __init__(self, *, count: int) -> None:
        super().__init__(count=count)

    def words(self, lang: Lang) -> str:
        return t(self.key, lang, count=self.params["count"])


def confirm_token(total: Decimal) -> str:
    return str(total.normalize())


def check_against_balance(
    checked: CheckedCall, form: CallForm, balance: Decimal, currency: str
) -> None:
    """Raises AboveBalance unless the total is within the balance or already confirmed, and
    ThousandsLeftOut for an amount under a thousand that a thousand times over would still
    be within the balance, unless confirmed."""
    total = sum((amount for amount, _ in checked.promises), Decimal(0))
    confirmed = form.amount_confirmed == confirm_token(total)
    if not checked.promises or balance <= 0 or confirmed:
        return
    if total > balance:
        raise AboveBalance(total=total, balance=balance, currency=currency)
    for amount, _ in checked.promises:
        if thousands_left_out(amount, balance):
            raise ThousandsLeftOut(amount=amount, total=total, balance=balance, currency=currency)


def changed_amount(form: CallForm) -> bool:
    typed = (form.promise_amount or "").strip()
    if not typed:
        return False
    return parse_amount(typed) != parse_amount(form.promise_amount_default or "")


def task_kind(
    text: str | None, category: ExcuseCategory | None, promised: bool, lang: Lang
) -> TaskKind:
    """What a step is, so the agenda and the payments know it: checking a promised payment
    is a verification; otherwise the excuse's play says (a call, a payment plan…)."""
    if text is not None and promised and _is_verification(text):
        return TaskKind.VERIFY_PAYMENT
    return PLAYBOOK[category].kind if category else TaskKind.CALL


def _is_verification(text: str) -> bool:
    folded = fold(text)
    keys = ("play.verify_promise", "play.already_paid")
    return any(fold(t(key, lang)) in folded for key in keys for lang in LANGS)


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
