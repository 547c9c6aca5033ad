"""Correction use cases: open a logged call for correction, and store the correction.

The corrected call goes through the same checks as a new one (three questions, readable
dates, amounts within the balance or confirmed). The note is never edited: a correction is
a new note pointing at the one it corrects; promises and the step are updated in place
(a promise the correction takes back is cancelled, not deleted); every changed field is an
audit row (`correction`), and the history export lists them all.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from bot.calls import queries as calls
from bot.calls.drafts import CallDraft
from bot.calls.notes import note_hashtags
from bot.calls.rules import (
    CallForm,
    CheckedCall,
    LoggedCall,
    PromiseEcho,
    TaskEcho,
    task_text_for,
)
from bot.calls.service import check_submission
from bot.core import dates
from bot.core.db import Db, transaction
from bot.core.errors import FormRejected, NotFound
from bot.core.i18n import Lang, t
from bot.core.money import amount_text
from bot.core.policy import Policy
from bot.core.vocabulary import AttemptOutcome, PromiseStatus
from bot.corrections import queries
from bot.corrections.rules import FieldChange, StoredCall, changes, check_may_correct
from bot.customers import queries as customers
from bot.customers.rules import CallContext, Reach, balance_in, main_currency
from bot.outbox import keys
from bot.outbox.service import enqueue
from bot.ports import Notifier
from bot.submissions import queries as submissions
from bot.tasks.rules import When
from bot.team import queries as team
from bot.team.rules import Person, recipient_of
from models import ContactAttempt, Note, PaymentPromise, Task


@dataclass(frozen=True)
class Correctable:
    context: CallContext
    draft: CallDraft
    attempt_id: int


def _stored(session: Session, attempt_id: int) -> StoredCall:
    stored = queries.stored_call(session, attempt_id)
    if stored is None:
        raise NotFound(what_key="what.call", value=str(attempt_id))
    return stored


def correctable_call(
    db: Db,
    *,
    attempt_id: int,
    actor_slack_id: str,
    now: datetime,
    policy: Policy,
    currency: str,
    lang: Lang,
) -> Correctable:
    """The call as logged, ready to be corrected by someone allowed to."""
    with db() as session:
        actor = team.require_member(session, actor_slack_id)
        stored = _stored(session, attempt_id)
        check_may_correct(actor, stored.author_id, stored.at, now)
        customer = customers.require_customer(session, stored.customer_id)
        invoices = customers.open_invoices(session, customer.id, policy.today(now))
        main = main_currency(invoices, currency)
        context = CallContext(
            customer.id,
            customer.name,
            balance_in(invoices, main),
            main,
            customers.contacts_of(session, customer.id),
            invoices,
            Reach(customer.timezone, customer.call_days, customer.call_start, customer.call_end),
        )
        today = policy.today(now)
        values: dict[str, str | None] = {
            "outcome": stored.outcome.value,
            "contact": str(stored.contact_id) if stored.contact_id else None,
            "excuse_category": stored.category.value if stored.category else None,
            "excuse": stored.excuse,
            "agreement": stored.agreement if stored.note_id else stored.remark,
        }
        if stored.outcome == AttemptOutcome.THIRD_PARTY and stored.contact_id:
            person = next((c for c in context.contacts if c.id == stored.contact_id), None)
            values["contact_name"] = person.name if person else None
        for n, promise in enumerate(stored.promises, start=1):
            suffix = "" if n == 1 else f"_{n}"
            values[f"promise_amount{suffix}"] = amount_text(promise.amount)
            values[f"promise_date{suffix}"] = dates.describe(
                promise.promised_for, lang=lang, today=today
            )
        if stored.promises:
            values["promise_method"] = stored.promises[0].method
            values["promise_reference"] = stored.promises[0].reference
        if stored.task is not None:
            people = team.people(
                session,
                {stored.task.assignee_id}
                | ({stored.task.supervisor_id} if stored.task.supervisor_id else set()),
            )
            values["task"] = stored.task.text
            values["task_due"] = dates.describe(
                stored.task.due_date, stored.task.due_time, lang=lang, today=today
            )
            values["assignee"] = people[stored.task.assignee_id].slack_user_id
            if stored.task.supervisor_id:
                values["supervisor"] = people[stored.task.supervisor_id].slack_user_id
        draft = CallDraft(
            outcome=stored.outcome,
            values=values,
            installments=max(len(stored.promises), 1),
            # What was saved is the collector's own step: a correction never replaces it
            # with a proposal (they may change it themselves).
            suggestion="",
        )
        return Correctable(context, draft, attempt_id)


def correct_call(
    db: Db,
    form: CallForm,
    *,
    attempt_id: int,
    actor_slack_id: str,
    now: datetime,
    policy: Policy,
    lang: Lang,
    default_currency: str,
    notifier: Notifier,
) -> LoggedCall | None:
    """Store the correction (see the module docstring); None when this submission was
    stored already (a retry, a double click)."""
    with transaction(db) as session:
        actor = team.require_member(session, actor_slack_id)
        stored = _stored(session, attempt_id)
        check_may_correct(actor, stored.author_id, stored.at, now)
        if not submissions.claim(session, form.source_key, "correct_call", now):
            return None
        customer = customers.require_customer(session, stored.customer_id)
        assignee, supervisor, checked, currency, _ = check_submission(
            session,
            actor,
            customer,
            form,
            now=now,
            policy=policy,
            lang=lang,
            default_currency=default_currency,
            paid_on_call=queries.paid_on(session, [p.id for p in stored.promises]),
        )
        author = team.member_by_id(session, stored.author_id) or actor
        logged = _apply(
            session,
            stored,
            form,
            checked,
            actor=actor,
            author=author,
            assignee=assignee,
            supervisor=supervisor,
            currency=currency,
            now=now,
            policy=policy,
            lang=lang,
        )
        logged.customer_name = customer.name
        to = recipient_of(actor, lang)
        key = keys.receipt("call-corrected", attempt_id, form.source_key)
        enqueue(
            session, key=key, channel=to.slack_user_id, message=notifier.call_logged(logged, to=to)
        )
        logged.outbox_keys = [key]
        return logged


def _apply(
    session: Session,
    stored: StoredCall,
    form: CallForm,
    checked: CheckedCall,
    *,
    actor: Person,
    author: Person,
    assignee: Person,
    supervisor: Person | None,
    currency: str,
    now: datetime,
    policy: Policy,
    lang: Lang,
) -> LoggedCall:
    assert form.outcome is not None
    attempt = session.get(ContactAttempt, stored.attempt_id)
    assert attempt is not None
    contact_id = form.contact_id if checked.spoke_with and not checked.new_person else None
    role: list[FieldChange] = []
    if checked.new_person:
        title = t(f"contact_role.{form.contact_role}", lang) if form.contact_role else None
        before = calls.contact_title(session, stored.customer_id, checked.new_person)
        contact_id = calls.contact_for(session, stored.customer_id, checked.new_person, title)
        if before is not None and title and before[1] != title:  # known person, new role
            role = changes("attempt", attempt.id, {"role": before[1]}, {"role": title})
    found = role + changes(
        "attempt",
        attempt.id,
        {"outcome": attempt.outcome.value, "contact": attempt.contact_id, "remark": attempt.remark},
        {"outcome": form.outcome.value, "contact": contact_id, "remark": checked.remark},
    )
    attempt.outcome, attempt.contact_id, attempt.remark = form.outcome, contact_id, checked.remark
    logged = LoggedCall(
        customer_id=stored.customer_id,
        customer_name="",
        author=recipient_of(author, lang),
        outcome=form.outcome,
        attempt_id=attempt.id,
        today=policy.today(now),
        spoke_with=checked.spoke_with,
        third_party=checked.third_party,
        remark=checked.remark,
        corrected=True,
    )
    found += _correct_note(session, stored, form, checked, actor, now, logged)
    found += _correct_promises(session, stored, form, checked, actor, currency, now, logged, lang)
    found += _correct_task(
        session, stored, form, checked, assignee, supervisor, actor, now, lang, logged
    )
    queries.record_changes(
        session,
        found,
        attempt_id=stored.attempt_id,
        customer_id=stored.customer_id,
        by_id=actor.id,
        at=now,
    )
    return logged


def _correct_note(
    session: Session,
    stored: StoredCall,
    form: CallForm,
    checked: CheckedCall,
    actor: Person,
    now: datetime,
    logged: LoggedCall,
) -> list[FieldChange]:
    old = {
        "spoke_with": stored.spoke_with,
        "category": stored.category.value if stored.category else None,
        "excuse": stored.excuse,
        "agreement": stored.agreement,
    }
    talked = checked.talked
    new = {
        "spoke_with": checked.spoke_with if talked else None,
        "category": form.category.value if talked and form.category else None,
        "excuse": (form.excuse or "").strip() or None if talked else None,
        "agreement": (form.agreement or "").strip() or None if talked else None,
    }
    if stored.note_id is None and not talked:
        return []
    found = changes("note", stored.note_id or 0, old, new)
    if not found:
        logged.note_id = stored.note_id
        _echo_note(logged, form, new)
        return []
    tags = note_hashtags(form.category, form.excuse, form.agreement) if talked else []
    note = Note(
        customer_id=stored.customer_id,
        author_id=actor.id,
        attempt_id=stored.attempt_id,
        contact_id=form.contact_id if talked else None,
        spoke_with=new["spoke_with"],
        excuse_category=form.category if talked else None,
        excuse=new["excuse"] or "",
        agreement=new["agreement"],
        hashtags=" ".join(tags),
        corrects_id=stored.note_id,
        created_at=now,
    )
    session.add(note)
    session.flush()
    logged.note_id = note.id if talked else None
    logged.hashtags = tags
    _echo_note(logged, form, new)
    return [type(c)(c.kind, note.id, c.field, c.old, c.new) for c in found]


def _echo_note(logged: LoggedCall, form: CallForm, new: dict[str, str | None]) -> None:
    logged.category = form.category
    logged.excuse = new["excuse"]
    logged.agreement = new["agreement"]


def _correct_promises(
    session: Session,
    stored: StoredCall,
    form: CallForm,
    checked: CheckedCall,
    actor: Person,
    currency: str,
    now: datetime,
    logged: LoggedCall,
    lang: Lang,
) -> list[FieldChange]:
    found = []
    reference = (form.promise_reference or "").strip() or None
    method = form.promise_method.value if form.promise_method else None
    plan = len(checked.promises) > 1
    for n, (amount, when) in enumerate(checked.promises, start=1):
        if n <= len(stored.promises):
            old = stored.promises[n - 1]
            row = session.get(PaymentPromise, old.id)
            assert row is not None
            if row.status != PromiseStatus.PENDING and (row.amount, row.promised_for) != (
                amount,
                when.day,
            ):
                # Payments already judged it: a new amount or date would leave that
                # judgement standing on numbers it was not made on. Say so, never guess.
                block = "promise_amount" if n == 1 else f"promise_amount_{n}"
                state = t(f"promise_status.{row.status.value}", lang)
                raise FormRejected({block: t("call.correct_promise_resolved", lang, status=state)})
            found += changes(
                "promise",
                row.id,
                {
                    "amount": row.amount,
                    "promised_for": row.promised_for,
                    "method": row.method,
                    "reference": row.reference,
                },
                {
                    "amount": amount,
                    "promised_for": when.day,
                    "method": method,
                    "reference": reference,
                },
            )
            row.amount, row.promised_for, row.method, row.reference = (
                amount,
                when.day,
                method,
                reference,
            )
        else:
            row = PaymentPromise(
                customer_id=stored.customer_id,
                note_id=logged.note_id or stored.note_id,
                collector_id=stored.author_id,
                amount=amount,
                promised_for=when.day,
                method=method,
                reference=reference,
                created_at=now,
            )
            session.add(row)
            session.flush()
            found += changes("promise", row.id, {"amount": None}, {"amount": amount})
        row.plan_attempt_id = stored.attempt_id if plan else None
        row.installment = n if plan else None
        logged.promises.append(
            PromiseEcho(amount, currency, when, form.promise_method, reference, n if plan else None)
        )
    for old in stored.promises[len(checked.promises) :]:
        row = session.get(PaymentPromise, old.id)
        assert row is not None
        found += changes(
            "promise",
            row.id,
            {"status": row.status.value},
            {"status": PromiseStatus.CANCELLED.value},
        )
        row.status = PromiseStatus.CANCELLED
        row.resolved_at = now
    return found


def _correct_task(
    session: Session,
    stored: StoredCall,
    form: CallForm,
    checked: CheckedCall,
    assignee: Person,
    supervisor: Person | None,
    actor: Person,
    now: datetime,
    lang: Lang,
    logged: LoggedCall,
) -> list[FieldChange]:
    text = task_text_for(checked, form, lang)
    if not text or checked.task_when is None:
        return []
    when = checked.task_when
    task = session.get(Task, stored.task.id) if stored.task else None
    if task is None:
        task = Task(
            customer_id=stored.customer_id,
            note_id=logged.note_id,
            attempt_id=stored.attempt_id,
            text=text,
            kind=checked.task_kind,
            due_date=when.day,
            due_time=when.at,
            assignee_id=assignee.id,
            supervisor_id=supervisor.id if supervisor else None,
            creator_id=actor.id,
            created_at=now,
        )
        session.add(task)
        session.flush()
        found = changes("task", task.id, {"text": None}, {"text": text})
    else:
        found = changes(
            "task",
            task.id,
            {
                "text": task.text,
                "due_date": task.due_date,
                "due_time": task.due_time,
                "assignee": task.assignee_id,
                "supervisor": task.supervisor_id,
            },
            {
                "text": text,
                "due_date": when.day,
                "due_time": when.at,
                "assignee": assignee.id,
                "supervisor": supervisor.id if supervisor else None,
            },
        )
        task.text, task.due_date, task.due_time = text, when.day, when.at
        task.assignee_id = assignee.id
        task.supervisor_id = supervisor.id if supervisor else None
        task.kind = checked.task_kind
    logged.task = TaskEcho(
        task.id,
        text,
        When(when.day, when.at, moved=when.moved),
        checked.task_kind,
        recipient_of(assignee, lang),
        recipient_of(supervisor, lang) if supervisor else None,
        proposed=checked.proposed,
    )
    return found
