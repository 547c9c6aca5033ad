"""Dunning steps: when an invoice calls for a reminder or a call, relative to its due date.

Default steps (days from the due date): -5 reminder, +15 first call, +45 second call,
+75 third call; at +90 the account goes to the collector's supervisor. The numbers are a
team setting (`COBRO_DUNNING_STEPS`, `COBRO_ESCALATION_DAYS`); the names follow the order.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum


class Reason(StrEnum):
    """Why a call is due, most urgent first."""

    BROKEN_PROMISE = "broken_promise"
    TASK = "task"
    REMINDER = "reminder"
    FIRST_CALL = "first_call"
    SECOND_CALL = "second_call"
    THIRD_CALL = "third_call"


_STEP_NAMES = (Reason.FIRST_CALL, Reason.SECOND_CALL, Reason.THIRD_CALL)


@dataclass(frozen=True)
class Step:
    offset: int
    reason: Reason


def steps_from(setting: str) -> tuple[Step, ...]:
    """ "-5,15,45,75" → reminder at -5, then first, second, third call (later ones: third)."""
    offsets = sorted(int(part) for part in setting.split(",") if part.strip())
    steps: list[Step] = []
    calls = 0
    for offset in offsets:
        if offset <= 0:
            steps.append(Step(offset, Reason.REMINDER))
        else:
            steps.append(Step(offset, _STEP_NAMES[min(calls, len(_STEP_NAMES) - 1)]))
            calls += 1
    return tuple(steps)


def latest_step(
    due: date,
    day: date,
    steps: tuple[Step, ...],
    callable_from: Callable[[date], date],
) -> tuple[Step, date] | None:
    """The latest step whose (callable) date is on or before `day`, with that date.

    A step that falls on a day the customer cannot be called moves to the next callable
    day, so a Saturday step is due on Monday, not lost."""
    for step in reversed(steps):
        raw = due + timedelta(days=step.offset)
        if raw > day:
            continue
        when = callable_from(raw)
        if when <= day:
            return step, when
    return None
