"""One module owns the scheduler (APScheduler 3, in the team's time zone).

Jobs have constant ids, `replace_existing`, `coalesce` and a real misfire grace (the default
of one second silently skips a run the process was too busy for). Every replica runs its own
scheduler; the jobs themselves are idempotent in the database (bot.jobs.claim_run), so two
replicas send each digest once. A process that starts after the digest time but within the
calling day catches up once; one that was down all day sends nothing stale: tomorrow's
agenda carries what was missed.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.triggers.cron import CronTrigger

from bot.agenda import AgendaPolicy
from bot.clock import Clock
from bot.config import Settings

log = logging.getLogger(__name__)

DIGEST_GRACE = timedelta(hours=4)
NUDGE_GRACE = timedelta(minutes=10)
OUTBOX_EVERY_SECONDS = 10


def should_catch_up(now: datetime, settings: Settings) -> bool:
    """Started after today's digest time but before the calling day ends, on a business day."""
    policy = AgendaPolicy.from_settings(settings)
    return (
        policy.in_business_hours(now) and now.astimezone(policy.tz).time() >= settings.digest_time
    )


def _real_now() -> datetime:
    """APScheduler fires by the system's time, whatever the injected clock says."""
    return datetime.now(UTC)


def _safely(name: str, job: Callable[[], Any]) -> Callable[[], None]:
    def run() -> None:
        try:
            job()
        except Exception:  # a failed run must not kill the scheduler; the next one retries
            log.exception("scheduled job %s failed", name)

    return run


def build_scheduler(
    settings: Settings,
    clock: Clock,
    *,
    digest: Callable[[datetime], Any],
    deliver: Callable[[], Any],
    nudges: Callable[[datetime], Any] | None = None,
    report: Callable[[datetime], Any] | None = None,
) -> BackgroundScheduler:
    scheduler = BackgroundScheduler(
        timezone=settings.tz,
        job_defaults={
            "coalesce": True,
            "max_instances": 1,
            "misfire_grace_time": int(DIGEST_GRACE.total_seconds()),
        },
    )
    at = settings.digest_time
    scheduler.add_job(
        _safely("digest", lambda: digest(clock.now())),
        CronTrigger(day_of_week="mon-fri", hour=at.hour, minute=at.minute, timezone=settings.tz),
        id="digest",
        replace_existing=True,
    )
    if report is not None:
        # The weekly control at digest time; the job keeps to the week's first business day.
        scheduler.add_job(
            _safely("report", lambda: report(clock.now())),
            CronTrigger(
                day_of_week="mon-fri", hour=at.hour, minute=at.minute, timezone=settings.tz
            ),
            id="report",
            replace_existing=True,
        )
    if nudges is not None:
        # Every 15 minutes on weekdays; the job itself keeps to business hours and holidays,
        # and a missed round is simply covered by the next one (a short grace, coalesced).
        scheduler.add_job(
            _safely("nudges", lambda: nudges(clock.now())),
            CronTrigger(day_of_week="mon-fri", minute="*/15", timezone=settings.tz),
            id="nudges",
            replace_existing=True,
            misfire_grace_time=int(NUDGE_GRACE.total_seconds()),
        )
    scheduler.add_job(
        _safely("outbox", deliver),
        "interval",
        seconds=OUTBOX_EVERY_SECONDS,
        id="outbox",
        replace_existing=True,
    )
    now = clock.now()
    if nudges is not None and AgendaPolicy.from_settings(settings).in_business_hours(now):
        # A bot (re)started during the day nudges at once rather than at the next quarter.
        scheduler.add_job(
            _safely("nudges-catch-up", lambda: nudges(clock.now())),
            "date",
            run_date=_real_now() + timedelta(seconds=2),
            id="nudges-catch-up",
            replace_existing=True,
        )
    if should_catch_up(now, settings):
        if report is not None:
            scheduler.add_job(
                _safely("report-catch-up", lambda: report(clock.now())),
                "date",
                run_date=_real_now() + timedelta(seconds=3),
                id="report-catch-up",
                replace_existing=True,
            )
        scheduler.add_job(
            _safely("digest-catch-up", lambda: digest(clock.now())),
            "date",
            run_date=_real_now() + timedelta(seconds=1),
            id="digest-catch-up",
            replace_existing=True,
        )
    return scheduler
