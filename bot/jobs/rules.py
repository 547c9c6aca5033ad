"""When scheduled jobs run, and which period a run covers. Pure.

Each run of a job is claimed for one period (the digest for a day, nudges for a quarter of
an hour, the weekly report for an ISO week), so however many replicas run it, it runs once.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from bot.core.calendar import BusinessCalendar
from bot.core.policy import Policy

NUDGE_PERIOD_MINUTES = 15


def nudge_period(now: datetime, policy: Policy) -> str:
    local = now.astimezone(policy.tz)
    minute = local.minute - local.minute % NUDGE_PERIOD_MINUTES
    return f"{local.date().isoformat()}T{local.hour:02d}:{minute:02d}"


def iso_week(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def first_business_day_of_week(day: date, calendar: BusinessCalendar) -> date:
    monday = day - timedelta(days=day.weekday())
    return calendar.next_business_day(monday)
