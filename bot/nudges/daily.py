"""The day's nudge list: one message per person per business day. Pure.

A bot that posts a message for every overdue task gets muted within a week. So the first
round of a business day posts one compact list (broken promises, overdue tasks, what is due
today, promises to check) and every later round, and every item done, edits that message
in place. Only two things still earn a message of their own: a promise that just broke (in
its call's thread, where the story is) and a task due at a stated time ("Es hora"), and
those only while the person has had fewer than `MAX_MESSAGES_A_DAY` messages that day
(the list counts as one); past that they are items of the list. The digest is apart.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from bot.nudges.rules import PromiseNudge, TaskNudge
from bot.ports import Recipient

MAX_MESSAGES_A_DAY = 3  # besides the digest: the list and at most two more


class ItemState(StrEnum):
    OPEN = "open"
    DONE = "done"
    SNOOZED = "snoozed"


class ItemKind(StrEnum):
    """In the order the list shows them: what costs money first."""

    ESCALATED = "escalated"  # on a supervisor's list, with COBRO_ESCALATE_TO=dm
    BROKEN_PROMISE = "broken_promise"
    OVERDUE_TASK = "overdue_task"
    TASK_TODAY = "task_today"
    PROMISE_TODAY = "promise_today"
    PROMISE_TOMORROW = "promise_tomorrow"


_ORDER = {kind: index for index, kind in enumerate(ItemKind)}


@dataclass(frozen=True)
class ListItem:
    kind: ItemKind
    state: ItemState
    task: TaskNudge | None = None
    promise: PromiseNudge | None = None

    @property
    def sort_key(self) -> tuple[int, int, int, int]:
        late = -(self.task.days_overdue if self.task else 0)
        ident = self.task.task.id if self.task else (self.promise.promise_id if self.promise else 0)
        return (self.state != ItemState.OPEN, _ORDER[self.kind], late, ident)


@dataclass(frozen=True)
class DailyList:
    """One person's list for one business day, items in the order they are shown."""

    owner: Recipient
    items: tuple[ListItem, ...]

    @property
    def open(self) -> int:
        return sum(1 for item in self.items if item.state == ItemState.OPEN)

    @property
    def done(self) -> int:
        return len(self.items) - self.open

    def count(self, kind: ItemKind) -> int:
        return sum(1 for i in self.items if i.kind == kind and i.state == ItemState.OPEN)


def daily_list(owner: Recipient, items: list[ListItem]) -> DailyList:
    """Open items first, by kind (broken promises, the most overdue tasks…), then what was
    done or postponed today, so the list reads as what is left."""
    return DailyList(owner, tuple(sorted(items, key=lambda item: item.sort_key)))


def worth_posting(items: DailyList) -> bool:
    """A list is first posted only with something left to do that no other message says
    (a task due at a stated time gets its "Es hora"); once posted it is kept up to date
    even when everything on it is done (it then says so)."""
    return any(item.state == ItemState.OPEN and not _timed_today(item) for item in items.items)


def _timed_today(item: ListItem) -> bool:
    return (
        item.kind == ItemKind.TASK_TODAY
        and item.task is not None
        and item.task.task.when.at is not None
    )


def may_post_apart(apart_today: int) -> bool:
    """Whether one more message of its own fits in the person's day, the list keeping its
    place: `apart_today` messages of their own were already written today."""
    return apart_today < MAX_MESSAGES_A_DAY - 1
