"""Whether now is a moment to call a customer, judged when the call modal opens: within
their calling hours, on one of their calling days, under the contact cap. Pure.

A warning, never a refusal: the customer may have called us, and the call is logged
anyway; what the collector needs is to know, and the next moment the rules allow.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from bot.calls.proposals import next_callable_moment
from bot.core.calendar import stored_call_days
from bot.core.policy import Policy
from bot.customers.rules import CallTiming, Reach, Timing


def _callable(day_of: datetime, reach: Reach, policy: Policy) -> bool:
    days = stored_call_days(reach.call_days) if reach.call_days else policy.call_days
    day = day_of.date()
    return day.isoweekday() in days and not policy.calendar.is_holiday(day)


def _next_day_start(local: datetime, reach: Reach, policy: Policy) -> datetime:
    start = reach.call_start or policy.call_start
    day = local
    for _ in range(60):
        day += timedelta(days=1)
        if _callable(day, reach, policy):
            break
    return datetime.combine(day.date(), start, local.tzinfo).astimezone(policy.tz)


def call_timing(
    reach: Reach, now: datetime, policy: Policy, recent_attempts: int
) -> CallTiming | None:
    """None when now is a fine moment; else what rule it breaks and the next slot.
    `recent_attempts`: calls logged to the customer in the contact cap's window."""
    zone = ZoneInfo(reach.timezone) if reach.timezone else policy.tz
    local = now.astimezone(zone)
    start = reach.call_start or policy.call_start
    end = reach.call_end or policy.call_end
    their_time = local.time().replace(second=0, microsecond=0)

    def warn(problem: Timing, slot: datetime) -> CallTiming:
        return CallTiming(problem, their_time, reach.timezone, slot, policy.today(now))

    if recent_attempts >= policy.cap_count:
        return warn(Timing.CONTACT_CAP, next_callable_moment(reach, now, policy))
    if not _callable(local, reach, policy):
        return warn(Timing.NOT_A_CALLING_DAY, _next_day_start(local, reach, policy))
    if local.time() < start:
        return warn(Timing.EARLY, datetime.combine(local.date(), start, zone).astimezone(policy.tz))
    if local.time() >= end:
        return warn(Timing.LATE, _next_day_start(local, reach, policy))
    return None
