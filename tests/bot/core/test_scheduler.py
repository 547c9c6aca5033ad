"""The scheduler: constant job ids, coalescing, a real misfire grace, and a catch-up run for
a bot that starts after the digest time on a business day (and never a stale burst)."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from apscheduler.job import Job

from bot.core.clock import FixedClock
from bot.core.config import load_settings
from bot.core.scheduler import build_scheduler, should_catch_up

MX = ZoneInfo("America/Mexico_City")
SETTINGS = load_settings(_env_file=None, cobro_timezone="America/Mexico_City", cobro_country="MX")


@pytest.mark.parametrize(
    ("moment", "catch_up"),
    [
        (datetime(2026, 11, 25, 8, 20, tzinfo=MX), True),  # down at 8:00, back at 8:20
        (datetime(2026, 11, 25, 7, 30, tzinfo=MX), False),  # before the digest: the cron will do it
        (datetime(2026, 11, 25, 19, 0, tzinfo=MX), False),  # down all day: nothing stale
        (datetime(2026, 11, 28, 9, 0, tzinfo=MX), False),  # Saturday
        (datetime(2026, 11, 16, 9, 0, tzinfo=MX), False),  # Revolution Day
    ],
)
def test_a_late_start_catches_up_only_within_the_calling_day(
    moment: datetime, catch_up: bool
) -> None:
    assert should_catch_up(moment, SETTINGS) is catch_up


def test_jobs_have_constant_ids_coalesce_and_a_real_grace() -> None:
    ran: list[datetime] = []
    clock = FixedClock(datetime(2026, 11, 25, 8, 20, tzinfo=MX))
    scheduler = build_scheduler(
        SETTINGS, clock, digest=ran.append, deliver=lambda: None, nudges=ran.append
    )
    scheduler.start(paused=True)
    try:
        jobs = {job.id: job for job in scheduler.get_jobs()}
    finally:
        scheduler.shutdown(wait=False)
    assert set(jobs) == {"digest", "outbox", "digest-catch-up", "nudges", "nudges-catch-up"}
    assert jobs["nudges"].coalesce is True
    assert jobs["digest"].misfire_grace_time >= 3600
    assert jobs["digest"].coalesce is True
    # When they fire: nudges every quarter of an hour on weekdays, the digest at 08:00
    # Monday to Friday (the job itself skips holidays).
    wednesday = datetime(2026, 11, 25, 9, 7, tzinfo=MX)
    friday_evening = datetime(2026, 11, 27, 18, 1, tzinfo=MX)
    assert _next(jobs["nudges"], wednesday) == datetime(2026, 11, 25, 9, 15, tzinfo=MX)
    assert _next(jobs["nudges"], friday_evening) == datetime(2026, 11, 27, 18, 15, tzinfo=MX)
    assert _next(jobs["digest"], wednesday) == datetime(2026, 11, 26, 8, 0, tzinfo=MX)
    assert _next(jobs["digest"], friday_evening) == datetime(2026, 11, 30, 8, 0, tzinfo=MX)


def _next(job: Job, after: datetime) -> datetime:
    moment = job.trigger.get_next_fire_time(None, after)
    assert moment is not None
    return moment.astimezone(MX)


def test_no_catch_up_job_when_started_before_the_digest() -> None:
    clock = FixedClock(datetime(2026, 11, 25, 7, 0, tzinfo=MX))
    scheduler = build_scheduler(SETTINGS, clock, digest=lambda now: None, deliver=lambda: None)
    assert {job.id for job in scheduler.get_jobs()} == {"digest", "outbox"}
