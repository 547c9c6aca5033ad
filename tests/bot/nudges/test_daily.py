"""The day's nudge list, as tables: what comes first, when it is worth a post, how many
messages of their own a day leaves room for."""

from __future__ import annotations

from datetime import date, time
from decimal import Decimal

import pytest

from bot.nudges.daily import (
    MAX_MESSAGES_A_DAY,
    ItemKind,
    ItemState,
    ListItem,
    daily_list,
    may_post_apart,
    worth_posting,
)
from bot.nudges.rules import PromiseKindOfNudge, PromiseNudge, TaskKindOfNudge, TaskNudge
from bot.ports import Recipient
from bot.tasks.rules import TaskView, When

ANA = Recipient(1, "U0ANA", "Ana Pérez", "es")
DAY = date(2026, 11, 23)


def _task(
    task_id: int, kind: ItemKind, late: int = 0, at: time | None = None, done: bool = False
) -> ListItem:
    view = TaskView(task_id, f"Tarea {task_id}", 1, "Cliente", When(DAY, at), ANA, None)
    state = ItemState.DONE if done else ItemState.OPEN
    return ListItem(kind, state, task=TaskNudge(TaskKindOfNudge.OVERDUE, view, late))


def _promise(promise_id: int, kind: ItemKind) -> ListItem:
    nudge = PromiseNudge(
        PromiseKindOfNudge.BROKEN,
        promise_id,
        1,
        "Cliente",
        Decimal("100"),
        Decimal("0"),
        "MXN",
        DAY,
        ANA,
    )
    return ListItem(kind, ItemState.OPEN, promise=nudge)


def test_what_costs_money_comes_first_then_the_most_overdue_and_done_last() -> None:
    items = [
        _task(1, ItemKind.OVERDUE_TASK, late=1),
        _task(2, ItemKind.OVERDUE_TASK, late=5, done=True),
        _promise(3, ItemKind.PROMISE_TOMORROW),
        _task(4, ItemKind.OVERDUE_TASK, late=3),
        _promise(5, ItemKind.BROKEN_PROMISE),
        _task(6, ItemKind.TASK_TODAY),
    ]
    shown = daily_list(ANA, items)
    order = [(i.task.task.id if i.task else i.promise.promise_id) for i in shown.items]  # type: ignore[union-attr]
    assert order == [5, 4, 1, 6, 3, 2]
    assert (shown.open, shown.done) == (5, 1)
    assert shown.count(ItemKind.OVERDUE_TASK) == 2  # the done one is not counted as left


@pytest.mark.parametrize(
    ("items", "worth"),
    [
        ([_task(1, ItemKind.OVERDUE_TASK, late=1)], True),
        ([_task(1, ItemKind.TASK_TODAY, at=time(11))], False),  # its "Es hora" says it
        ([_task(1, ItemKind.TASK_TODAY)], True),
        ([_task(1, ItemKind.OVERDUE_TASK, late=1, done=True)], False),
        ([], False),
    ],
)
def test_a_list_is_first_posted_only_with_something_no_other_message_says(
    items: list[ListItem], worth: bool
) -> None:
    assert worth_posting(daily_list(ANA, items)) is worth


@pytest.mark.parametrize(("apart", "room"), [(0, True), (1, True), (2, False), (5, False)])
def test_two_messages_of_their_own_a_day_besides_the_list(apart: int, room: bool) -> None:
    assert MAX_MESSAGES_A_DAY == 3
    assert may_post_apart(apart) is room
