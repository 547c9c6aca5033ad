"""The history's SQL: every event of a customer, worded in the reader's language."""

from __future__ import annotations

from datetime import datetime, time
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from bot.core.i18n import Lang, t
from bot.corrections.rules import RENEGOTIATION
from bot.history.rules import Event
from models import (
    Contact,
    ContactAttempt,
    Correction,
    Customer,
    Invoice,
    Note,
    Payment,
    PaymentPromise,
    Task,
    TeamMember,
)


def events(session: Session, customer_id: int, tz: ZoneInfo, lang: Lang) -> list[Event]:
    """Every event of the customer, in no particular order."""
    found: list[Event] = []
    for attempt, name, person, title in session.execute(
        select(ContactAttempt, TeamMember.name, Contact.name, Contact.title)
        .join(TeamMember, TeamMember.id == ContactAttempt.member_id)
        .outerjoin(Contact, Contact.id == ContactAttempt.contact_id)
        .where(ContactAttempt.customer_id == customer_id)
    ):
        # Who answered and what they said is evidence too (a receptionist's "vuelve el
        # lunes"): the attempt's row carries it, not only the note a conversation leaves.
        parts = [
            t(f"outcome.{attempt.outcome.value}", lang),
            f"{person} ({title})" if person and title else person or "",
            t("history.said", lang, remark=attempt.remark) if attempt.remark else "",
        ]
        detail = " · ".join(p for p in parts if p)
        found.append(Event(attempt.at, t("history.attempt", lang), name, detail))
    for note, name in session.execute(
        select(Note, TeamMember.name)
        .join(TeamMember, TeamMember.id == Note.author_id)
        .where(Note.customer_id == customer_id)
    ):
        parts = [
            t("history.spoke_with", lang, who=note.spoke_with) if note.spoke_with else "",
            t(f"excuse.{note.excuse_category.value}", lang) if note.excuse_category else "",
            note.excuse or "",
            t("history.agreed", lang, agreement=note.agreement) if note.agreement else "",
            " ".join(f"#{tag}" for tag in note.hashtags.split()) if note.hashtags else "",
        ]
        if note.corrects_id:
            parts.append(t("history.corrects", lang, id=note.corrects_id))
        found.append(
            Event(note.created_at, t("history.note", lang), name, " · ".join(p for p in parts if p))
        )
    for promise, name in session.execute(
        select(PaymentPromise, TeamMember.name)
        .join(TeamMember, TeamMember.id == PaymentPromise.collector_id)
        .where(PaymentPromise.customer_id == customer_id)
    ):
        detail = t("history.promised_for", lang, day=promise.promised_for.isoformat())
        if promise.method:
            detail += f" · {t(f'method.{promise.method}', lang)}"
        if promise.reference:
            detail += f" · {promise.reference}"
        found.append(
            Event(
                promise.created_at,
                t("history.promise", lang),
                name,
                detail,
                promise.amount,
                t(f"promise_status.{promise.status.value}", lang),
            )
        )
    assignee = aliased(TeamMember)
    for task, name in session.execute(
        select(Task, assignee.name)
        .join(assignee, assignee.id == Task.assignee_id)
        .where(Task.customer_id == customer_id)
    ):
        due = task.due_date.isoformat() + (f" {task.due_time:%H:%M}" if task.due_time else "")
        found.append(
            Event(
                task.created_at,
                t("history.task", lang),
                name,
                f"{task.text} · {t('history.due', lang, due=due)}",
                None,
                t(f"task_status.{task.status.value}", lang),
            )
        )
    recorder = aliased(TeamMember)
    for payment, name in session.execute(
        select(Payment, recorder.name)
        .outerjoin(recorder, recorder.id == Payment.recorded_by_id)
        .where(Payment.customer_id == customer_id)
    ):
        detail = " · ".join(
            p
            for p in (
                payment.reference or "",
                t(f"method.{payment.method}", lang) if payment.method else "",
            )
            if p
        )
        paid = datetime.combine(payment.paid_on, time(0), tz)
        who = name or t("history.imported", lang)
        found.append(Event(paid, t("history.payment", lang), who, detail, payment.amount))
        if payment.credit > 0:
            left = t("history.credit_left", lang, reference=payment.reference or f"#{payment.id}")
            found.append(Event(paid, t("history.credit", lang), who, left, payment.credit))
    editor = aliased(TeamMember)
    # A change to the customer names it as people know it (its id in the ERP), not ours.
    external_id = session.scalar(select(Customer.external_id).where(Customer.id == customer_id))
    for change, name in session.execute(
        select(Correction, editor.name)
        .outerjoin(editor, editor.id == Correction.by_id)
        .where(Correction.customer_id == customer_id)
    ):
        moved = change.kind == RENEGOTIATION  # a promise (and its check) the customer moved
        item = ("promise" if change.field == "promised_for" else "task") if moved else change.kind
        detail = t(
            "history.changed",
            lang,
            item=t(f"history.item.{item}", lang),
            id=external_id if change.kind == "customer" else change.item_id,
            field=t(f"history.field.{change.field}", lang),
            old=_worded(session, change.field, change.old_value, lang),
            new=_worded(session, change.field, change.new_value, lang),
        )
        if change.reason:
            detail += " · " + t("history.changed_why", lang, reason=change.reason)
        label = (
            "history.renegotiation"
            if moved
            else "history.customer_change"
            if change.kind == "customer"
            else "history.correction"
        )
        who = name or t("history.command_line", lang)
        found.append(Event(change.at, t(label, lang), who, detail))
    for number, applied, created in session.execute(
        select(Invoice.number, Invoice.credit_applied, Invoice.created_at).where(
            Invoice.customer_id == customer_id, Invoice.credit_applied > 0
        )
    ):
        detail = t("history.credit_to", lang, number=number)
        imported = t("history.imported", lang)
        found.append(Event(created, t("history.credit_applied", lang), imported, detail, applied))
    return found


def _worded(session: Session, field: str, value: str | None, lang: Lang) -> str:
    """A corrected field's value as a reader knows it: an excuse or an outcome in words, a
    person by name (the audit trail stores ids and codes)."""
    if value is None:
        return t("history.empty_value", lang)
    if field == "category":
        return t(f"excuse.{value}", lang)
    if field == "outcome":
        return t(f"outcome.{value}", lang)
    if field in ("credit_hold", "handed_over"):
        return t("history.yes" if value == "1" else "history.no", lang)
    if field in ("assignee", "supervisor", "collector") and value.isdigit():
        return session.scalar(select(TeamMember.name).where(TeamMember.id == int(value))) or value
    if field == "contact" and value.isdigit():
        contact = session.get(Contact, int(value))
        if contact is None:
            return value
        return f"{contact.name} ({contact.title})" if contact.title else contact.name
    return value
