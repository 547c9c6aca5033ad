"""Tasks: our next steps. What a task needs (what and when), who may change one, who
supervises it, where "Posponer" moves it. Pure.

A task is actionable and dated; the date is read from words and moved to the next business
day. It may be changed by its assignee, its creator, its supervisor, or any supervisor or
admin. Someone else's task needs a supervisor: the one named, else the assignee's own.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from bot.core.dates import describe, read_field
from bot.core.errors import CobroError, Forbidden, FormRejected
from bot.core.i18n import Lang, t
from bot.core.policy import Policy
from bot.core.vocabulary import TaskStatus
from bot.ports import Recipient
from bot.team.rules import Person, is_manager

TRANSITIONS: dict[tuple[TaskStatus, str], TaskStatus] = {
    (TaskStatus.OPEN, "done"): TaskStatus.DONE,
    (TaskStatus.OPEN, "cancel"): TaskStatus.CANCELLED,
}


def _alnum(text: str) -> str:
    return "".join(ch for ch in text.casefold() if ch.isalnum())


def verified_by(
    text: str, note_id: int | None, *, reference: str | None, kept_notes: frozenset[int]
) -> bool:
    """Whether a payment settles a "verify the payment" task: the task's call got a promise
    this payment kept, or the task names the payment's reference ("Verificar el pago
    (depósito n.º 23763172736)" and a deposit 2376-3172-736). A reference shorter than four
    signs is too common to match on."""
    if note_id is not None and note_id in kept_notes:
        return True
    ref = _alnum(reference or "")
    return len(ref) >= 4 and ref in _alnum(text)


class TaskClosed(CobroError):
    key = "task.already_closed"


@dataclass(frozen=True)
class When:
    """A date as read from the user's words, and how cobro adjusted or flagged it."""

    day: date
    at: time | None = None
    moved: bool = False
    non_business: bool = False

    def in_words(self, lang: Lang, today: date | None = None) -> str:
        words = describe(self.day, self.at, lang=lang, today=today)
        if self.moved:
            return t("call.moved_to_business_day", lang, when=words)
        if self.non_business:
            return t("call.non_business_flag", lang, when=words)
        return words


@dataclass(frozen=True)
class TaskView:
    id: int
    text: str
    customer_id: int | None
    customer: str | None
    when: When
    assignee: Recipient
    supervisor: Recipient | None


@dataclass(frozen=True)
class TaskLine:
    """A task as lists and cards show it."""

    id: int
    text: str
    customer: str | None
    due_date: date
    due_time: time | None
    assignee: str


@dataclass(frozen=True)
class TaskForm:
    """A task typed in the "Añadir tarea" modal."""

    source_key: str
    customer_id: int | None
    text: str | None
    due: str | None
    assignee: str | None
    supervisor: str | None


@dataclass(frozen=True)
class TaskFacts:
    """A stored task, as the permission rule needs it."""

    id: int
    status: TaskStatus
    assignee_id: int
    creator_id: int
    supervisor_id: int | None


def check_may_change(task: TaskFacts, actor: Person) -> None:
    allowed = {task.assignee_id, task.creator_id, task.supervisor_id}
    if actor.id not in allowed and not is_manager(actor):
        raise Forbidden("task.not_yours")
    if task.status != TaskStatus.OPEN:
        raise TaskClosed()


SANE_YEARS = 10


def beyond_reach(day: date, today: date) -> bool:
    """More than ten years ahead: a slip of the keyboard (2099), not a promise or a task."""
    return (
        day > today.replace(year=today.year + SANE_YEARS)
        if not (today.month == 2 and today.day == 29)
        else day > date(today.year + SANE_YEARS, 2, 28)
    )


def too_far(day: date, today: date, lang: Lang) -> str | None:
    """The field's error for a date beyond reach, else None."""
    if not beyond_reach(day, today):
        return None
    return t("dates.too_far", lang, years=SANE_YEARS, when=describe(day, lang=lang, today=today))


def on_business_day(day: date, at: time | None, policy: Policy) -> When:
    """Tasks and calls happen on business days: a Saturday task moves to Monday."""
    moved = policy.calendar.next_business_day(day)
    return When(moved, at, moved=moved != day)


def read_due(
    task_text: str | None,
    due_text: str | None,
    now: datetime,
    policy: Policy,
    lang: Lang,
    errors: dict[str, str],
) -> When | None:
    """A task needs both what and when; the when is read from words in the team's zone and
    moved to the next business day. Problems go to `errors` under `task` and `task_due`."""
    if (due_text or "").strip():
        reading, problem = read_field(
            due_text or "",
            now,
            policy.tz,
            lang=lang,
            office_start=policy.call_start,
            office_end=policy.call_end,
            calendar=policy.calendar,
        )
        if task_text is None and "task" not in errors:
            errors["task"] = t("call.need_task", lang)
        problem = problem or (
            too_far(reading.date, policy.today(now), lang) if reading.date else None
        )
        if problem or reading.date is None:
            errors["task_due"] = problem or ""
            return None
        return on_business_day(reading.date, reading.time, policy)
    if task_text is not None:
        errors["task_due"] = t("call.need_task_due", lang)
    return None


def choose_people(
    author: Person,
    assignee: Person | None,
    supervisor: Person | None,
    *,
    assignee_named: bool,
    supervisor_named: bool,
    assignee_boss: Person | None,
    lang: Lang,
    errors: dict[str, str],
) -> tuple[Person, Person | None]:
    """Who does the task (default: the author) and who supervises it: required when it is
    someone else's job, by default the assignee's own supervisor (`assignee_boss`). A name
    given but not found on the team (`*_named` without a person), or a supervisor named who
    is neither a supervisor nor an admin, is an error on its field."""
    doer = author
    if assignee_named:
        if assignee is None:
            errors["assignee"] = t("call.not_member", lang)
        else:
            doer = assignee
    boss = supervisor
    if supervisor_named and supervisor is None:
        errors["supervisor"] = t("call.not_member", lang)
    elif supervisor is not None and not is_manager(supervisor):
        # A colleague is not a supervisor: the escalation would reach someone who cannot act.
        errors["supervisor"] = t("call.supervisor_not_manager", lang, name=supervisor.name)
    if doer.id != author.id and boss is None and "supervisor" not in errors:
        boss = assignee_boss
        if boss is None:
            errors["supervisor"] = t("call.need_supervisor", lang)
    if boss is not None and boss.id == doer.id and doer.id != author.id:
        errors["supervisor"] = t("call.supervisor_is_assignee", lang)
    if boss is not None and boss.id == doer.id:
        boss = None
    return doer, boss


@dataclass(frozen=True)
class Snoozed:
    day: date
    at: time | None
    until: datetime


def snooze_target(
    choice: str, *, current_time: time | None, now: datetime, policy: Policy, lang: Lang
) -> Snoozed:
    """Where "Posponer" moves a task: "1h", "tomorrow" (the next business day), or a date in
    words (refused on the `when` field when it cannot be read or lies in the past)."""
    local = now.astimezone(policy.tz)
    if choice == "1h":
        later = local + timedelta(hours=1)
        return Snoozed(later.date(), later.time().replace(second=0, microsecond=0), later)
    if choice == "tomorrow":
        day = policy.calendar.add_business_days(local.date(), 1)
        at = current_time
    else:
        reading, problem = read_field(
            choice,
            now,
            policy.tz,
            lang=lang,
            office_start=policy.call_start,
            office_end=policy.call_end,
            calendar=policy.calendar,
        )
        if problem or reading.date is None:
            raise FormRejected({"when": problem or ""})
        day, at = policy.calendar.next_business_day(reading.date), reading.time
    return Snoozed(day, at, datetime.combine(day, at or time(0), policy.tz))
