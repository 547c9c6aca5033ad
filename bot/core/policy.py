"""The team's contact rules in one value: dunning steps, calling days and hours, contact cap,
capacity, calendar and time zone. Built once from the settings and handed to every room, so
no rule reads the environment."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from bot.core.calendar import BusinessCalendar, parse_call_days, parse_call_hours
from bot.core.config import Settings
from bot.core.dunning import Step, steps_from


@dataclass(frozen=True)
class Policy:
    """Configurable defaults, not hard-coded law (see the README's settings)."""

    steps: tuple[Step, ...]
    escalation_days: int
    call_days: frozenset[int]
    call_start: time
    call_end: time
    cap_count: int
    cap_days: int
    capacity: int
    calendar: BusinessCalendar
    tz: ZoneInfo
    task_escalation_days: int = 2
    # Where an escalation goes: the supervisors' channel, or the supervisor's own list.
    escalate_to: str = "channel"

    @classmethod
    def from_settings(cls, settings: Settings) -> Policy:
        start, end = parse_call_hours(settings.cobro_call_window)
        count, _, period = settings.cobro_contact_cap.partition("/")
        return cls(
            steps=steps_from(settings.cobro_dunning_steps),
            escalation_days=settings.cobro_escalation_days,
            call_days=parse_call_days(settings.cobro_call_days),
            call_start=start,
            call_end=end,
            cap_count=int(count),
            cap_days=7 if period == "week" else 1,
            capacity=settings.cobro_daily_capacity,
            calendar=BusinessCalendar(settings.cobro_country),
            tz=settings.tz,
            task_escalation_days=settings.cobro_task_escalation_days,
            escalate_to=settings.escalate_to,
        )

    def start_of(self, day: date) -> datetime:
        return datetime.combine(day, time(0), self.tz)

    def today(self, now: datetime) -> date:
        """The team's calendar day at `now`: every date a user types is read and stored in
        the team's zone (calling hours alone stay in each customer's)."""
        return now.astimezone(self.tz).date()

    def in_business_hours(self, now: datetime) -> bool:
        """A business day of the team, inside the default calling window."""
        local = now.astimezone(self.tz)
        return self.calendar.is_business_day(local.date()) and (
            self.call_start <= local.time() < self.call_end
        )
