"""Logging a call: one transaction stores the attempt, the note, the promise, the task, any
dispute, and the messages that announce them (outbox rows). Nothing is sent before the
note is safe, and a submission delivered twice (same view) stores one call.

The call marked done in the morning digest is a second, later transaction
(`mark_in_digest`, run after the ack): it reads and rewrites the digest's messages, each
some 30 KB of blocks, and inside the submission that work held SQLite's one writer while
twenty notes stored at once waited for it. The note does not depend on it; if it never
runs, the digest still lists a call that was made, and the call's receipt says it was."""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import datetime
from decimal import Decimal
from itertools import takewhile
from typing import NamedTuple

from sqlalchemy.exc import IntegrityError, SQLAlchemyError
from sqlalchemy.orm import Session

from bot.calls import queries
from bot.calls.drafts import CallDraft, Change, redraft
from bot.calls.drafts import Customer as DraftCustomer
from bot.calls.notes import note_hashtags
from bot.calls.proposals import amounts_in, propose_next_step, propose_plan, propose_retry
from bot.calls.rules import (
    CallForm,
    CheckedCall,
    LoggedCall,
    PlanInAgreement,
    PromiseEcho,
    Proposal,
    RetryMoved,
    TaskEcho,
    changed_amount,
    check_against_balance,
    check_call,
    check_currencies,
    disputed_numbers,
    task_text_for,
)
from bot.core.db import Db, transaction
from bot.core.errors import FormRejected, NotOnTeam, SaveFailed
from bot.core.i18n import Lang, t
from bot.core.money import money
from bot.core.policy import Policy
from bot.core.vocabulary import AttemptOutcome, ExcuseCategory
from bot.customers import queries as customers
from bot.customers.rules import CallContext, InvoiceLine, Reach, balance_in, main_currency
from bot.customers.service import call_context
from bot.outbox import keys
from bot.outbox import queries as outbox_queries
from bot.outbox.service import enqueue, revise
from bot.ports import Message, Notifier
from bot.tasks import queries as tasks
from bot.tasks.service import resolve_people
from bot.team import queries as team
from bot.team.rules import Person, recipient_of
from models import ContactAttempt, Customer, Dispute, Note, PaymentPromise, Task

log = logging.getLogger(__name__)

# The morning digest comes in parts (15 calls each); none has more than this many.
DIGEST_PARTS_MAX = 40


def log_call(
    db: Db,
    form: CallForm,
    *,
    author_slack_id: str,
    now: datetime,
    policy: Policy,
    lang: Lang,
    default_currency: str,
    notifier: Notifier,
) -> LoggedCall:
    """Check and store a call in one transaction (see the module docstring); raises
    FormRejected with every field's problem."""
    try:
        with transaction(db) as session:
            author = team.find_member(session, author_slack_id)
            if author is None:
                raise NotOnTeam()
            earlier = _already_logged(session, form.source_key, author, now, policy, lang)
            if earlier is not None:
                return earlier
            customer = customers.require_customer(session, form.customer_id)
            submitted = check_submission(
                session,
                author,
                customer,
                form,
                now=now,
                policy=policy,
                lang=lang,
                default_currency=default_currency,
            )
            logged = _store(
                session,
                form,
                submitted,
                customer=customer,
                author=author,
                now=now,
                policy=policy,
                lang=lang,
            )
            logged.outbox_keys = _announce(session, logged, notifier)
            return logged
    except IntegrityError:
        # The same submission, stored a moment ago by a concurrent delivery of it.
        earlier = _stored_meanwhile(db, form, author_slack_id, now, policy, lang)
        if earlier is None:
            log.exception("could not store a call; the modal stays open")
            raise SaveFailed() from None
        return earlier
    except SQLAlchemyError:
        log.exception("could not store a call; the modal stays open")
        raise SaveFailed() from None


class Submitted(NamedTuple):
    """A call as checked, and what the check read that storing it needs again."""

    assignee: Person
    supervisor: Person | None
    checked: CheckedCall
    currency: str
    invoices: list[InvoiceLine]  # the customer's open invoices, as the check read them


def check_submission(
    session: Session,
    actor: Person,
    customer: Customer,
    form: CallForm,
    *,
    now: datetime,
    policy: Policy,
    lang: Lang,
    default_currency: str,
    paid_on_call: Decimal = Decimal(0),
) -> Submitted:
    """What a new call and a corrected one are both checked against before anything is
    stored: the people named, every field (with the retry the outcome calls for, in the
    actor's language), and the total promised against the open balance (plus what was
    paid already on the promises of the call being corrected: that money was owed when the
    call was made). Raises FormRejected with every field's problem."""
    errors: dict[str, str] = {}
    assignee, supervisor = resolve_people(
        session, actor, form.assignee, form.supervisor, lang, errors
    )
    reach = Reach(customer.timezone, customer.call_days, customer.call_start, customer.call_end)
    retry = propose_retry(
        form.outcome or AttemptOutcome.NO_ANSWER,
        reach,
        remark=form.agreement,
        now=now,
        policy=policy,
        lang=actor.lang(lang),
    )
    checked = check_call(
        form,
        contact=queries.contact_of(session, customer.id, form.contact_id),
        now=now,
        policy=policy,
        lang=lang,
        retry=retry,
        errors=errors,
    )
    _retry_as_shown(checked, form, retry)
    _step_as_shown(checked, form, now=now, policy=policy, lang=actor.lang(lang))
    invoices = customers.open_invoices(session, customer.id, policy.today(now))
    currency = main_currency(invoices, default_currency)
    check_currencies(form, currency, actor.lang(lang))
    checked = _step_still_proposed(checked, form, now=now, policy=policy, lang=actor.lang(lang))
    balance = balance_in(invoices, currency) + paid_on_call
    check_against_balance(checked, form, balance, currency)
    if checked.talked and not form.plan_offered:
        plan = propose_plan(form.agreement, balance, now, policy)
        if len(plan) > max(len(checked.promises), 1):
            raise PlanInAgreement(count=len(plan))
    _amount_said(checked, form, balance, currency, actor.lang(lang), now, policy)
    return Submitted(assignee, supervisor, checked, currency, invoices)


def _retry_as_shown(checked: CheckedCall, form: CallForm, retry: Proposal) -> None:
    """The retry about to be stored is the one the modal showed, or the modal shows the new
    one first: the remark field does not redraw the modal, so a day it names ("vuelve el
    lunes") is only read here. Nothing shown (no proposal ever drawn) is left as it was."""
    shown_text, shown_due = (s.strip() for s in form.suggested)
    if checked.talked or not checked.proposed or not shown_due:
        return
    if (retry.text.strip(), retry.when_words.strip()) != (shown_text, shown_due):
        raise RetryMoved(when=retry.when_words, shown=shown_due)


def _step_as_shown(
    checked: CheckedCall, form: CallForm, *, now: datetime, policy: Policy, lang: Lang
) -> None:
    """A conversation with no promise, its step left as cobro proposed it when the excuse
    was picked: the agreement typed after it (no redraw) may name the day ("Llamar el
    lunes para confirmar"). Then the step is not stored on the day the excuse alone
    suggested: the modal shows the day the note names first, as for a retry."""
    shown_text, shown_due = (s.strip() for s in form.suggested)
    left_as_shown = ((form.task or "").strip(), (form.task_due or "").strip()) == (
        shown_text,
        shown_due,
    )
    if not (checked.talked and not checked.promises and shown_due and left_as_shown):
        return
    proposal = propose_next_step(
        form.category,
        lang,
        excuse=form.excuse,
        agreement=form.agreement,
        promise_day=None,
        now=now,
        policy=policy,
    )
    if proposal is None or proposal.text.strip() != shown_text:
        return
    if proposal.when_words.strip() != shown_due:
        raise RetryMoved(when=proposal.when_words, shown=shown_due, from_excuse=True)


def _amount_said(
    checked: CheckedCall,
    form: CallForm,
    balance: Decimal,
    currency: str,
    lang: Lang,
    now: datetime,
    policy: Policy,
) -> None:
    """The promised amount left at the balance the modal shows, while the agreement names
    another one ("Paga 5 mil el viernes"): nobody said the balance, so it is not stored;
    the field asks for the amount."""
    if not (checked.talked and len(checked.promises) == 1) or changed_amount(form):
        return
    promised = checked.promises[0][0]
    said = amounts_in(form.agreement, now, policy)
    if promised == balance and len(said) == 1 and said[0] != promised:
        message = t(
            "call.amount_not_said",
            lang,
            said=money(said[0], currency, lang),
            balance=money(promised, currency, lang),
        )
        raise FormRejected({"promise_amount": message})


def _step_still_proposed(
    checked: CheckedCall, form: CallForm, *, now: datetime, policy: Policy, lang: Lang
) -> CheckedCall:
    """A step the collector left as cobro proposed it, before a promise was typed (no
    Enter, so no redraw), is proposed again from what the call now says: a promise on
    Monday is checked on Tuesday, not on the Thursday the excuse alone suggested. The
    confirmation says it was proposed."""
    typed = ((form.task or "").strip(), (form.task_due or "").strip())
    if not (checked.talked and checked.promises and typed[0]):
        return checked
    if typed != tuple(s.strip() for s in form.suggested):
        return checked  # the collector's own step: never replaced
    proposal = propose_next_step(
        form.category,
        lang,
        excuse=form.excuse,
        agreement=form.agreement,
        promise_day=checked.promises[0][1].day,
        now=now,
        policy=policy,
    )
    if proposal is None or (proposal.text, proposal.when) == (checked.task_text, checked.task_when):
        return checked
    return replace(
        checked,
        task_text=proposal.text,
        task_when=proposal.when,
        task_kind=proposal.kind,
        proposed=True,
    )


def _stored_meanwhile(
    db: Db, form: CallForm, author_slack_id: str, now: datetime, policy: Policy, lang: Lang
) -> LoggedCall | None:
    try:
        with db() as session:
            author = team.find_member(session, author_slack_id)
            if author is None:
                return None
            return _already_logged(session, form.source_key, author, now, policy, lang)
    except SQLAlchemyError:
        return None


def _already_logged(
    session: Session, key: str, author: Person, now: datetime, policy: Policy, lang: Lang
) -> LoggedCall | None:
    attempt = queries.attempt_by_key(session, key)
    if attempt is None:
        return None
    customer = customers.require_customer(session, attempt.customer_id)
    return LoggedCall(
        customer_id=customer.id,
        customer_name=customer.name,
        author=recipient_of(author, lang),
        outcome=attempt.outcome,
        attempt_id=attempt.id,
        today=policy.today(now),
        duplicate=True,
    )


def _store(
    session: Session,
    form: CallForm,
    submitted: Submitted,
    *,
    customer: Customer,
    author: Person,
    now: datetime,
    policy: Policy,
    lang: Lang,
) -> LoggedCall:
    """Only writes: what they need was read by the check, so that on SQLite the database's
    one write lock, taken at the first of them, is held for as few statements as can be."""
    assert form.outcome is not None
    checked, assignee, supervisor = submitted.checked, submitted.assignee, submitted.supervisor
    today = policy.today(now)
    contact_id = form.contact_id if checked.spoke_with and not checked.new_person else None
    if checked.new_person:
        title = t(f"contact_role.{form.contact_role}", lang) if form.contact_role else None
        contact_id = queries.contact_for(session, customer.id, checked.new_person, title)
    attempt = ContactAttempt(
        customer_id=customer.id,
        member_id=author.id,
        contact_id=contact_id,
        at=now,
        outcome=form.outcome,
        source_key=form.source_key,
        remark=checked.remark,
    )
    session.add(attempt)
    session.flush()
    logged = LoggedCall(
        customer_id=customer.id,
        customer_name=customer.name,
        author=recipient_of(author, lang),
        outcome=form.outcome,
        attempt_id=attempt.id,
        today=today,
        third_party=checked.third_party,
        spoke_with=checked.spoke_with,
        remark=checked.remark,
    )
    tasks.close_call_tasks(session, customer.id, today, now)
    note = None
    if checked.talked:
        tags = note_hashtags(form.category, form.excuse, form.agreement)
        note = Note(
            customer_id=customer.id,
            author_id=author.id,
            attempt_id=attempt.id,
            contact_id=contact_id,
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
    if checked.promises:
        currency = submitted.currency
        reference = (form.promise_reference or "").strip() or None
        plan = len(checked.promises) > 1
        for number, (amount, when) in enumerate(checked.promises, start=1):
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
                    plan_attempt_id=attempt.id if plan else None,
                    installment=number if plan else None,
                )
            )
            logged.promises.append(
                PromiseEcho(
                    amount,
                    currency,
                    when,
                    form.promise_method,
                    reference,
                    installment=number if plan else None,
                )
            )
    if form.category == ExcuseCategory.DISPUTE and note is not None:
        logged.disputed_invoices = _open_disputes(
            session, submitted.invoices, customer.id, note, author, now
        )
    text = task_text_for(checked, form, lang)
    if text and checked.task_when:
        task = Task(
            customer_id=customer.id,
            note_id=note.id if note else None,
            attempt_id=attempt.id,
            text=text,
            kind=checked.task_kind,
            due_date=checked.task_when.day,
            due_time=checked.task_when.at,
            assignee_id=assignee.id,
            supervisor_id=supervisor.id if supervisor else None,
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
            recipient_of(assignee, lang),
            recipient_of(supervisor, lang) if supervisor else None,
            proposed=checked.proposed,
        )
    return logged


def _open_disputes(
    session: Session,
    invoices: list[InvoiceLine],
    customer_id: int,
    note: Note,
    author: Person,
    now: datetime,
) -> list[str]:
    """A dispute pauses the dunning of the invoices the note names (of its open ones), or
    of all the customer's invoices when it names none. Returns the numbers paused ([] =
    all)."""
    named = set(disputed_numbers([i.number for i in invoices], note.excuse, note.agreement))
    targets: list[int | None] = [i.id for i in invoices if i.number in named] or [None]
    for invoice_id in targets:
        session.add(
            Dispute(
                customer_id=customer_id,
                invoice_id=invoice_id,
                note_id=note.id,
                reason=note.excuse or "",
                opened_by_id=author.id,
                opened_at=now,
            )
        )
    return [i.number for i in invoices if i.number in named]


def mark_in_digest(
    db: Db, logged: LoggedCall, *, notifier: Notifier, now: datetime, policy: Policy
) -> list[str]:
    """The morning digest is a to-do list: the call just logged is marked done in it, in
    place, so what is left is what is left. The outbox key of the part revised, if any.

    Its own transaction, after the call's (see the module docstring). A collector's work
    after an ack runs one job at a time (handlers.work), so two calls of theirs logged at
    once do not rewrite the same part from the same reading. A retried submission was
    marked when it was first stored; a corrected call keeps the mark it has."""
    if logged.duplicate or logged.corrected:
        return []
    author = logged.author
    wanted = [
        keys.digest(author.member_id, logged.today, n) for n in range(1, DIGEST_PARTS_MAX + 1)
    ]
    at = now.astimezone(policy.tz).time()
    try:
        with transaction(db) as session:
            stored = outbox_queries.messages_of(session, wanted)
            for key in takewhile(stored.__contains__, wanted):  # the parts, in their order
                done = notifier.digest_call_done(stored[key], logged, at=at, lang=author.lang)
                if done is not None and revise(session, key=key, message=done):
                    return [key]
    except SQLAlchemyError:  # the call is stored and its receipt queued: a line left unticked
        log.exception("could not mark a logged call done in the digest")
    return []


def _announce(session: Session, logged: LoggedCall, notifier: Notifier) -> list[str]:
    """The collector's receipt; the assignee's task with its buttons; the supervisor's
    heads-up. Keys are per attempt and per task, so a replay writes nothing new."""
    sent: list[str] = []

    def put(key: str, to_channel: str, message: Message) -> None:
        enqueue(session, key=key, channel=to_channel, message=message)
        sent.append(key)

    author = logged.author
    put(
        keys.call_confirmation(logged.attempt_id),
        author.slack_user_id,
        notifier.call_logged(logged, to=author),
    )
    task = logged.task
    if task is not None and task.assignee.member_id != author.member_id:
        put(
            keys.task_assigned(task.id),
            task.assignee.slack_user_id,
            notifier.task_assigned(logged, to=task.assignee),
        )
        boss = task.supervisor
        if boss is not None and boss.member_id != author.member_id:
            put(
                keys.task_supervised(task.id),
                boss.slack_user_id,
                notifier.task_supervised(logged, to=boss),
            )
    return sent


def redraft_call(
    db: Db,
    *,
    customer_id: int,
    draft: CallDraft,
    change: Change,
    now: datetime,
    policy: Policy,
    currency: str,
    lang: Lang,
) -> tuple[CallContext, CallDraft]:
    """The call modal after a change (see bot.calls.drafts), with what it shows of the
    customer."""
    context = call_context(db, customer_id=customer_id, now=now, policy=policy, currency=currency)
    customer = DraftCustomer(context.balance, context.currency, context.reach)
    return context, redraft(draft, change, customer, now=now, policy=policy, lang=lang)
