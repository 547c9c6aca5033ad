"""Promise use cases: my pending promises, moving one to a new date, handing one over; and
what a payment does to a customer's promises (inside the payment's transaction)."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.core.calendar import BusinessCalendar
from bot.core.dates import read_field
from bot.core.db import Db, transaction
from bot.core.errors import BadInput, Forbidden, FormRejected
from bot.core.i18n import Lang, t
from bot.core.policy import Policy
from bot.core.text import clean
from bot.core.vocabulary import PromiseStatus, TaskKind, TaskStatus
from bot.corrections import queries as corrections
from bot.corrections.rules import RENEGOTIATION, FieldChange, changes
from bot.customers import queries as customers
from bot.outbox import keys
from bot.outbox.service import enqueue
from bot.ports import Notifier
from bot.promises import queries
from bot.promises.rules import Owed, PromiseLine, settle
from bot.submissions import queries as submissions
from bot.team import queries as team
from bot.team.rules import Person, is_manager, recipient_of
from models import PaymentPromise, Task


def apply_payment(
    session: Session,
    customer_id: int,
    amount: Decimal,
    at: datetime,
    *,
    paid_on: date | None,
    calendar: BusinessCalendar,
) -> list[PaymentPromise]:
    """Count money received towards the customer's pending promises (see rules.settle);
    joins the caller's transaction. Returns the promises it counted towards."""
    pending = {p.id: p for p in queries.pending_of(session, customer_id)}
    owed = [Owed(p.id, p.amount, p.paid_amount, p.promised_for) for p in pending.values()]
    touched = []
    for settled in settle(owed, amount, paid_on, calendar):
        promise = pending[settled.id]
        promise.paid_amount = settled.paid
        if settled.event is not None:
            queries.apply_event(promise, settled.event, at)
        touched.append(promise)
    return touched


def my_promises(db: Db, *, member_id: int, currency: str) -> list[PromiseLine]:
    with db() as session:
        return followed_by(session, member_id, currency)


def followed_by(session: Session, member_id: int, currency: str) -> list[PromiseLine]:
    """The pending promises a member follows, each in its customer's currency; joins the
    caller's session (a supervisor's look at a collector's promises uses it too)."""
    return lines_of(session, queries.pending_followed_by(session, member_id), currency)


def lines_of(
    session: Session, rows: list[tuple[PaymentPromise, str]], currency: str
) -> list[PromiseLine]:
    """Promises (with their customer's name) as lists show them, each in its customer's
    currency (the team's when the customer has none)."""
    currencies = customers.currencies_of(session, [p.customer_id for p, _ in rows])
    return [
        PromiseLine(
            p.id,
            p.customer_id,
            name,
            p.amount,
            p.paid_amount,
            currencies.get(p.customer_id) or currency,
            p.promised_for,
            p.status,
            p.method,
        )
        for p, name in rows
    ]


def _pending(session: Session, promise_id: int, actor: Person) -> PaymentPromise:
    promise = queries.get(session, promise_id)
    if promise.collector_id != actor.id and not is_manager(actor):
        raise Forbidden("task.not_yours")
    if promise.status != PromiseStatus.PENDING:
        raise BadInput("promise.not_pending")
    return promise


def move_promise(
    db: Db,
    *,
    promise_id: int,
    actor_slack_id: str,
    when: str,
    why: str,
    source_key: str,
    now: datetime,
    policy: Policy,
    lang: Lang,
    notifier: Notifier,
) -> list[str]:
    """The customer moved the date: refused on the `when` field if unreadable or past, and
    on `why` without a reason. A new date counts as a renegotiation, recorded in the audit
    trail with its reason (the history shows it). The receipt goes to the actor through
    the outbox; returns its key."""
    with transaction(db) as session:
        actor = team.require_member(session, actor_slack_id)
        promise = _pending(session, promise_id, actor)
        if not submissions.claim(session, source_key, "promise_move", now):
            return []
        reading, problem = read_field(
            when,
            now,
            policy.tz,
            lang=lang,
            office_start=policy.call_start,
            office_end=policy.call_end,
            calendar=policy.calendar,
        )
        errors = {"when": problem or ""} if problem or reading.date is None else {}
        reason = clean(why).strip()
        if not reason:
            errors["why"] = t("promise.need_why", lang)
        if errors or reading.date is None:
            raise FormRejected(errors)
        if reading.date != promise.promised_for:
            promise.renegotiations += 1  # the control counts promises that needed it
            # A renegotiation, not a correction: the record was right, the customer moved.
            moved = changes(
                RENEGOTIATION,
                promise.id,
                {"promised_for": promise.promised_for},
                {"promised_for": reading.date},
            )
            moved += _follow_the_promise(session, promise, reading.date, policy.calendar)
            corrections.record_changes(
                session,
                moved,
                attempt_id=promise.plan_attempt_id,
                customer_id=promise.customer_id,
                by_id=actor.id,
                at=now,
                reason=reason,
            )
        promise.promised_for = reading.date
        customer = customers.require_customer(session, promise.customer_id)
        to = recipient_of(actor, lang)
        message = notifier.promise_moved(
            customer.name, reading.date, to=to, today=policy.today(now)
        )
        key = keys.receipt("promise-moved", promise.id, source_key)
        enqueue(session, key=key, channel=to.slack_user_id, message=message)
        return [key]


def _follow_the_promise(
    session: Session, promise: PaymentPromise, day: date, calendar: BusinessCalendar
) -> list[FieldChange]:
    """The check that the money arrived moves with the promise: its open verification
    task of the same call goes to the business day after the new date (a check left on
    the old date would nag about money not yet due)."""
    if promise.note_id is None:
        return []
    found: list[FieldChange] = []
    check_on = calendar.add_business_days(day, 1)
    for task in session.scalars(
        select(Task).where(
            Task.note_id == promise.note_id,
            Task.kind == TaskKind.VERIFY_PAYMENT,
            Task.status == TaskStatus.OPEN,
        )
    ):
        if task.due_date != check_on:
            found += changes(
                RENEGOTIATION, task.id, {"due_date": task.due_date}, {"due_date": check_on}
            )
            task.due_date = check_on
    return found


def reassign_promise(
    db: Db,
    *,
    promise_id: int,
    actor_slack_id: str,
    to: str | None,
    source_key: str,
    lang: Lang,
    now: datetime,
    notifier: Notifier,
) -> list[str]:
    with transaction(db) as session:
        actor = team.require_member(session, actor_slack_id)
        promise = _pending(session, promise_id, actor)
        if not submissions.claim(session, source_key, "promise_reassign", now):
            return []
        member = team.find_member(session, to or "")
        if member is None:
            raise FormRejected({"assignee": t("call.not_member", lang)})
        promise.collector_id = member.id
        customer = customers.require_customer(session, promise.customer_id)
        receiver = recipient_of(actor, lang)
        message = notifier.promise_reassigned(customer.name, member.name, to=receiver)
        key = keys.receipt("promise-reassigned", promise.id, source_key)
        enqueue(session, key=key, channel=receiver.slack_user_id, message=message)
        return [key]
