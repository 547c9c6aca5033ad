"""Logging a call: from what the collector typed to the rows that record it.

`check_call` reads and validates a `CallForm` (no writes): it refuses a note that does not
answer who, why and what next, unreadable or past dates, an assignee who is not on the team,
a colleague's task without a supervisor. `log_call` stores the attempt, the note, the
promise, the task and any dispute in one transaction, with the announcements for Slack as
outbox rows in the same transaction: nothing is sent before the note is safe, and a
submission delivered twice (same view) stores one call.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, time
from decimal import Decimal, InvalidOperation
from typing import Protocol
from zoneinfo import ZoneInfo

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from bot import dates
from bot.agenda import AgendaPolicy
from bot.customers import ContactLine, call_context, open_invoices, require_customer
from bot.errors import FormRejected, NotOnTeam
from bot.i18n import Lang, lang_of, t
from bot.notes import (
    PLAYBOOK,
    WHEN_EN,
    NoteDraft,
    guess_category,
    missing_answers,
    note_hashtags,
    reference_in,
    spoke_with_in,
)
from bot.ports import Recipient
from bot.team import find_member, recipient_of
from bot.text import fold
from models import Contact, ContactAttempt, Dispute, Note, PaymentPromise, Task, TeamMember
from models.db import transaction
from models.enums import (
    AttemptOutcome,
    ExcuseCategory,
    PaymentMethod,
    TaskKind,
    TaskStatus,
)

NO_CONVERSATION = {
    AttemptOutcome.NO_ANSWER,
    AttemptOutcome.MESSAGE_LEFT,
    AttemptOutcome.WRONG_NUMBER,
}


@dataclass(frozen=True)
class CallForm:
    """What the call modal sent, as plain values (the handler reads Slack's state)."""

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
class When:
    """A date as read from the user's words, and how cobro adjusted or flagged it."""

    day: date
    at: time | None = None
    moved: bool = False
    non_business: bool = False

    def in_words(self, lang: Lang, today: date | None = None) -> str:
        words = dates.describe(self.day, self.at, lang=lang, today=today)
        if self.moved:
            return t("call.moved_to_business_day", lang, when=words)
        if self.non_business:
            return t("call.non_business_flag", lang, when=words)
        return words


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


class CallNotifier(Protocol):
    """Writes the confirmation and the assignee's and supervisor's DMs as outbox rows in the
    caller's session; returns their keys so they can be delivered at once."""

    def call_logged(self, session: Session, logged: LoggedCall) -> list[str]: ...


_AMOUNT_JUNK = re.compile(r"[^\d.,-]")


def parse_amount(text: str) -> Decimal | None:
    """ "$1,500.50", "1.500,50", "1500" → Decimal; None when it is not an amount.

    With both separators the last one is the decimal point; a lone comma followed by
    exactly two digits is a decimal comma, otherwise it separates thousands."""
    cleaned = _AMOUNT_JUNK.sub("", text.strip())
    if not cleaned or not re.search(r"\d", cleaned):
        return None
    if "," in cleaned and "." in cleaned:
        decimal_sep = "," if cleaned.rfind(",") > cleaned.rfind(".") else "."
        thousands = "." if decimal_sep == "," else ","
        cleaned = cleaned.replace(thousands, "").replace(decimal_sep, ".")
    elif "," in cleaned:
        head, _, tail = cleaned.rpartition(",")
        cleaned = f"{head.replace(',', '')}.{tail}" if len(tail) == 2 else cleaned.replace(",", "")
    elif cleaned.count(".") > 1:
        cleaned = cleaned.replace(".", "")
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        return None
    return value if value.is_finite() else None


@dataclass(frozen=True)
class _Checked:
    """A form that passed every check, with its values read."""

    form: CallForm
    author: TeamMember
    contact: Contact | None
    spoke_with: str | None
    third_party: bool
    promise: tuple[Decimal, When] | None
    task_text: str | None
    task_when: When | None
    task_kind: TaskKind
    assignee: TeamMember
    supervisor: TeamMember | None
    proposed: bool


def read_date(
    text: str, now: datetime, tz: ZoneInfo, policy: AgendaPolicy, lang: Lang
) -> tuple[dates.DateReading, str | None]:
    reading = dates.parse(text, now, tz, office_start=policy.call_start, calendar=policy.calendar)
    if reading.ok:
        return reading, None
    reason = reading.reason(lang) or ""
    return reading, reason[:1].upper() + reason[1:]


def check_call(
    session: Session,
    form: CallForm,
    *,
    author: TeamMember,
    now: datetime,
    policy: AgendaPolicy,
    lang: Lang,
) -> _Checked:
    """Every problem at once, each on its field; raises FormRejected."""
    errors: dict[str, str] = {}
    customer = require_customer(session, form.customer_id)
    tz = ZoneInfo(author.timezone) if author.timezone else policy.tz
    today = now.astimezone(tz).date()
    if form.outcome is None:
        errors["outcome"] = t("call.need_outcome", lang)
    talked = form.outcome is not None and form.outcome not in NO_CONVERSATION

    contact = None
    spoke_with = None
    new_person = False
    if talked:
        if form.contact_id is not None:
            contact = session.get(Contact, form.contact_id)
            if contact is not None and contact.customer_id != customer.id:
                contact = None
        if contact is not None:
            spoke_with = contact.name + (f" ({contact.title})" if contact.title else "")
        elif (form.contact_name or "").strip():
            new_person = True
            role = t(f"contact_role.{form.contact_role}", lang) if form.contact_role else None
            spoke_with = form.contact_name.strip() + (f" ({role})" if role else "")
        draft = NoteDraft(spoke_with, form.category, form.excuse, form.agreement, form.task)
        for block, key in missing_answers(draft).items():
            errors[block] = t(key, lang)

    promise = None
    if talked and (form.promise_date or "").strip():
        reading, problem = read_date(form.promise_date or "", now, tz, policy, lang)
        amount_text = (form.promise_amount or "").strip() or (form.promise_amount_default or "")
        amount = parse_amount(amount_text) if amount_text else None
        if problem:
            errors["promise_date"] = problem
        if amount is None:
            errors["promise_amount"] = t("call.bad_amount", lang, value=amount_text)
        elif amount <= 0:
            errors["promise_amount"] = t("call.amount_not_positive", lang)
        if problem is None and amount is not None and amount > 0:
            assert reading.date is not None
            promise = (
                amount,
                When(reading.date, non_business=not policy.calendar.is_business_day(reading.date)),
            )
    elif talked and _changed_amount(form):
        errors["promise_date"] = t("call.need_promise_date", lang)

    task_text = (form.task or "").strip() or None
    task_when = read_task_due(task_text, form.task_due, now, tz, policy, lang, errors)
    proposed = False
    kind = PLAYBOOK[form.category].kind if talked and form.category else TaskKind.CALL
    if not talked and form.outcome is not None and task_text is None:
        # Nobody to talk to: propose the retry (or finding the right number) ourselves.
        wrong = form.outcome == AttemptOutcome.WRONG_NUMBER
        task_text = t("play.find_number" if wrong else "play.retry", lang_of(author.locale))
        kind = TaskKind.OTHER if wrong else TaskKind.CALL
        task_when = When(policy.calendar.add_business_days(today, 1))
        proposed = True

    assignee, supervisor = check_people(
        session, author, form.assignee, form.supervisor, lang, errors
    )

    if errors:
        raise FormRejected(errors)
    return _Checked(
        form,
        author,
        contact,
        spoke_with,
        talked and (form.outcome == AttemptOutcome.THIRD_PARTY or new_person),
        promise,
        task_text,
        task_when,
        kind,
        assignee,
        supervisor,
        proposed,
    )


def read_task_due(
    task_text: str | None,
    due_text: str | None,
    now: datetime,
    tz: ZoneInfo,
    policy: AgendaPolicy,
    lang: Lang,
    errors: dict[str, str],
) -> When | None:
    """A task needs both what and when; the when is read from words and moved to the next
    business day. Problems go to `errors` under the `task` and `task_due` fields."""
    if (due_text or "").strip():
        reading, problem = read_date(due_text or "", now, tz, policy, lang)
        if task_text is None and "task" not in errors:
            errors["task"] = t("call.need_task", lang)
        if problem:
            errors["task_due"] = problem
            return None
        assert reading.date is not None
        return _business(reading.date, reading.time, policy)
    if task_text is not None:
        errors["task_due"] = t("call.need_task_due", lang)
    return None


def check_people(
    session: Session,
    author: TeamMember,
    assignee_slack_id: str | None,
    supervisor_slack_id: str | None,
    lang: Lang,
    errors: dict[str, str],
) -> tuple[TeamMember, TeamMember | None]:
    """Who does the task (default: the author) and who supervises it: required when it is
    someone else's job, by default the assignee's own supervisor."""
    assignee = author
    supervisor = None
    if assignee_slack_id and assignee_slack_id != author.slack_user_id:
        found = find_member(session, assignee_slack_id)
        if found is None:
            errors["assignee"] = t("call.not_member", lang)
        else:
            assignee = found
    if supervisor_slack_id:
        supervisor = find_member(session, supervisor_slack_id)
        if supervisor is None:
            errors["supervisor"] = t("call.not_member", lang)
    if assignee.id != author.id and supervisor is None and "supervisor" not in errors:
        if assignee.supervisor_id is not None:
            supervisor = session.get(TeamMember, assignee.supervisor_id)
        if supervisor is None:
            errors["supervisor"] = t("call.need_supervisor", lang)
    if supervisor is not None and supervisor.id == assignee.id and assignee.id != author.id:
        errors["supervisor"] = t("call.supervisor_is_assignee", lang)
    if supervisor is not None and supervisor.id == assignee.id:
        supervisor = None
    return assignee, supervisor


def _changed_amount(form: CallForm) -> bool:
    typed = (form.promise_amount or "").strip()
    if not typed:
        return False
    default = parse_amount(form.promise_amount_default or "")
    return parse_amount(typed) != default


def _business(day: date, at: time | None, policy: AgendaPolicy) -> When:
    """Tasks and calls happen on business days: a Saturday task moves to Monday."""
    moved = policy.calendar.next_business_day(day)
    return When(moved, at, moved=moved != day)


def log_call(
    db: sessionmaker[Session],
    form: CallForm,
    *,
    author_slack_id: str,
    now: datetime,
    policy: AgendaPolicy,
    lang: Lang,
    default_currency: str,
    notifier: CallNotifier,
) -> LoggedCall:
    """Check and store a call in one transaction (see the module docstring)."""
    try:
        with transaction(db) as session:
            author = find_member(session, author_slack_id)
            if author is None:
                raise NotOnTeam()
            earlier = _already_logged(session, form.source_key, author, now, policy, lang)
            if earlier is not None:
                return earlier
            checked = check_call(session, form, author=author, now=now, policy=policy, lang=lang)
            logged = _store(
                session,
                checked,
                now=now,
                policy=policy,
                lang=lang,
                default_currency=default_currency,
            )
            logged.outbox_keys = notifier.call_logged(session, logged)
            return logged
    except IntegrityError:
        # The same submission, stored a moment ago by a concurrent delivery of it.
        with db() as session:
            author = find_member(session, author_slack_id)
            assert author is not None
            earlier = _already_logged(session, form.source_key, author, now, policy, lang)
            if earlier is None:
                raise
            return earlier


def _already_logged(
    session: Session,
    key: str,
    author: TeamMember,
    now: datetime,
    policy: AgendaPolicy,
    lang: Lang,
) -> LoggedCall | None:
    attempt = session.scalar(select(ContactAttempt).where(ContactAttempt.source_key == key))
    if attempt is None:
        return None
    customer = require_customer(session, attempt.customer_id)
    return LoggedCall(
        customer_id=customer.id,
        customer_name=customer.name,
        author=recipient_of(author, lang),
        outcome=attempt.outcome,
        attempt_id=attempt.id,
        today=now.astimezone(policy.tz).date(),
        duplicate=True,
    )


def _store(
    session: Session,
    checked: _Checked,
    *,
    now: datetime,
    policy: AgendaPolicy,
    lang: Lang,
    default_currency: str,
) -> LoggedCall:
    form, author = checked.form, checked.author
    customer = require_customer(session, form.customer_id)
    today = now.astimezone(policy.tz).date()
    contact = checked.contact
    if contact is None and (form.contact_name or "").strip():
        contact = _contact_for(
            session, customer.id, form.contact_name or "", form.contact_role, lang
        )
    attempt = ContactAttempt(
        customer_id=customer.id,
        member_id=author.id,
        contact_id=contact.id if contact else None,
        at=now,
        outcome=form.outcome,
        source_key=form.source_key,
    )
    session.add(attempt)
    session.flush()
    assert form.outcome is not None
    logged = LoggedCall(
        customer_id=customer.id,
        customer_name=customer.name,
        author=recipient_of(author, lang),
        outcome=form.outcome,
        attempt_id=attempt.id,
        today=today,
        third_party=checked.third_party,
    )
    _close_call_tasks(session, customer.id, today, now)
    note = None
    if form.outcome not in NO_CONVERSATION:
        tags = note_hashtags(form.category, form.excuse, form.agreement)
        note = Note(
            customer_id=customer.id,
            author_id=author.id,
            attempt_id=attempt.id,
            contact_id=contact.id if contact else None,
            spoke_with=checked.spoke_with,
            excuse_category=form.category,
            excuse=(form.excuse or "").strip(),
            agreement=(form.agreement or "").strip() or None,
            hashtags=" ".join(tags),
            source_key=form.source_key,
            created_at=now,
        )
        session.add(note)
        session.flush()
        logged.note_id = note.id
        logged.spoke_with = checked.spoke_with
        logged.category = form.category
        logged.excuse = note.excuse
        logged.agreement = note.agreement
        logged.hashtags = tags
    if checked.promise is not None:
        amount, when = checked.promise
        currency = call_context(session, customer.id, today, default_currency).currency
        reference = (form.promise_reference or "").strip() or None
        session.add(
            PaymentPromise(
                customer_id=customer.id,
                note_id=note.id if note else None,
                collector_id=author.id,
                amount=amount,
                promised_for=when.day,
                method=form.promise_method.value if form.promise_method else None,
                reference=reference,
                created_at=now,
            )
        )
        logged.promise = PromiseEcho(amount, currency, when, form.promise_method, reference)
    if form.category == ExcuseCategory.DISPUTE and note is not None:
        logged.disputed_invoices = _open_disputes(session, customer.id, note, author, now)
    if checked.task_text and checked.task_when:
        text = checked.task_text
        if form.category == ExcuseCategory.ALREADY_PAID and not reference_in(text):
            ref = (form.promise_reference or "").strip() or reference_in(form.excuse)
            if ref and text == t("play.already_paid", lang):
                text = t("play.already_paid_ref", lang, reference=ref)
        task = Task(
            customer_id=customer.id,
            note_id=note.id if note else None,
            text=text,
            kind=checked.task_kind,
            due_date=checked.task_when.day,
            due_time=checked.task_when.at,
            assignee_id=checked.assignee.id,
            supervisor_id=checked.supervisor.id if checked.supervisor else None,
            creator_id=author.id,
            created_at=now,
        )
        session.add(task)
        session.flush()
        logged.task = TaskEcho(
            task.id,
            text,
            checked.task_when,
            checked.task_kind,
            recipient_of(checked.assignee, lang),
            recipient_of(checked.supervisor, lang) if checked.supervisor else None,
            proposed=checked.proposed,
        )
    return logged


def _contact_for(
    session: Session, customer_id: int, name: str, role: str | None, lang: Lang
) -> Contact:
    """Someone new we spoke to becomes a known contact, so next time they are on the list."""
    match = fold(name)
    existing = session.scalar(
        select(Contact).where(Contact.customer_id == customer_id, Contact.match_name == match)
    )
    if existing is not None:
        return existing
    contact = Contact(
        customer_id=customer_id,
        name=name.strip(),
        match_name=match,
        title=t(f"contact_role.{role}", lang) if role else None,
    )
    session.add(contact)
    session.flush()
    return contact


def _close_call_tasks(session: Session, customer_id: int, today: date, now: datetime) -> None:
    """The call was made: follow-up call tasks due by today are done."""
    session.execute(
        update(Task)
        .where(
            Task.customer_id == customer_id,
            Task.kind == TaskKind.CALL,
            Task.status == TaskStatus.OPEN,
            Task.due_date <= today,
        )
        .values(status=TaskStatus.DONE, done_at=now)
        .execution_options(synchronize_session=False)
    )


def _open_disputes(
    session: Session, customer_id: int, note: Note, author: TeamMember, now: datetime
) -> list[str]:
    """A dispute pauses the dunning of the invoices the note names, or of all the
    customer's invoices when it names none. Returns the numbers paused ([] = all)."""
    text = fold(f"{note.excuse or ''} {note.agreement or ''}")
    named = [i for i in open_invoices(session, customer_id, now.date()) if fold(i.number) in text]
    reason = note.excuse or ""
    if not named:
        session.add(
            Dispute(
                customer_id=customer_id,
                note_id=note.id,
                reason=reason,
                opened_by_id=author.id,
                opened_at=now,
            )
        )
        return []
    for invoice in named:
        session.add(
            Dispute(
                customer_id=customer_id,
                invoice_id=invoice.id,
                note_id=note.id,
                reason=reason,
                opened_by_id=author.id,
                opened_at=now,
            )
        )
    return [i.number for i in named]


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
    text: str,
    contacts: list[ContactLine],
    *,
    now: datetime,
    policy: AgendaPolicy,
    lang: Lang,
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
