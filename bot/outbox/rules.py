"""How long a message may be retried, and how far apart. Pure."""

from __future__ import annotations

from datetime import datetime, time, timedelta

from bot.core.policy import Policy

LEASE = timedelta(minutes=2)
PER_CHANNEL_INTERVAL = 1.0  # Slack: about one message per second per channel
DEFAULT_LIFE = timedelta(hours=24)  # a receipt, an escalation: useful for a day


def expired(created_at: datetime, expires_at: datetime | None, now: datetime) -> bool:
    return now > (expires_at or created_at + DEFAULT_LIFE)


def end_of_calling_day(now: datetime, policy: Policy) -> datetime:
    """A morning digest or a day's nudge is useful until the team stops calling that day;
    after that tomorrow's round says it again, up to date."""
    day = policy.today(now)
    return datetime.combine(day, policy.call_end, policy.tz)


def end_of_week(now: datetime, policy: Policy) -> datetime:
    """The weekly report: useful until the week it speaks of is followed by another."""
    day = policy.today(now)
    return datetime.combine(day + timedelta(days=7 - day.weekday()), time(0), policy.tz)


def backoff(attempts: int) -> timedelta:
    """5 s, 10 s, 20 s… up to 15 minutes between tries."""
    return timedelta(seconds=min(5 * 2 ** (attempts - 1), 15 * 60))
