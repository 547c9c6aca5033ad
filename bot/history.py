"""A customer's whole history, in order: the evidence a collection agency or a court asks
for (seed 003). Every attempt, note, promise, task and payment, one row each, as CSV."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from bot.customers import require_customer
from bot.i18n import Lang, t
from models import ContactAttempt, Note, Payment, PaymentPromise, Task, TeamMember

COLUMNS = ("when", "kind", "who", "detail", "amount", "status")


@dataclass(frozen=True)
class Event:
    at: datetime
    kind: str
    who: str
    detail: str
    amount: str = ""
    status: str = ""


def _at_day(day: date, tz: ZoneInfo) -> datetime:
    return datetime.combine(day, time(0), tz)


def events(session: Session, customer_id: int, tz: ZoneInfo, lang: Lang) -> list[Event]:
    """Every event of the customer, oldest first."""
    require_customer(session, customer_id)
    found: list[Event] = []
    for attempt, name in session.execute(
        select(ContactAttempt, TeamMember.name)
        .join(TeamMember, TeamMember.id == ContactAttempt.member_id)
        .where(ContactAttempt.customer_id == customer_id)
    ):
        outcome = t(f"outcome.{attempt.outcome.value}", lang)
        found.append(Event(attempt.at, t("history.attempt", lang), name, outcome))
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
            Event(
                note.created_at,
                t("history.note", lang),
                name,
                " · ".join(p for p in parts if p),
            )
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
                str(promise.amount),
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
                "",
                t(f"task_status.{task.status.value}", lang),
            )
        )
    for payment in session.scalars(select(Payment).where(Payment.customer_id == customer_id)):
        detail = " · ".join(
            p
            for p in (
                payment.reference or "",
                t(f"method.{payment.method}", lang) if payment.method else "",
            )
            if p
        )
        found.append(
            Event(
                _at_day(payment.paid_on, tz),
                t("history.payment", lang),
                "",
                detail,
                str(payment.amount),
            )
        )
    found.sort(key=lambda e: e.at)
    return found


def to_csv(rows: list[Event], tz: ZoneInfo, lang: Lang) -> str:
    """UTF-8 CSV with a header in the reader's language; times in the team's zone."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([t(f"history.col.{c}", lang) for c in COLUMNS])
    for e in rows:
        writer.writerow(
            [
                e.at.astimezone(tz).strftime("%Y-%m-%d %H:%M"),
                e.kind,
                e.who,
                e.detail,
                e.amount,
                e.status,
            ]
        )
    return out.getvalue()
