"""One module owns the scheduler (APScheduler 3, in the team's time zone).

Jobs have constant ids, `replace_existing`, `coalesce` and a real misfire grace (the default
of one second silently skips a run the process was too busy for). Every replica runs its own
scheduler; the jobs themselves are idempotent in the database (bot.jobs.service), so two
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

from bot.core.clock import Clock
from bot.core.config import Settings
from bot.core.policy import Policy

log = logging.getLogger(__name__)

DIGEST_GRACE = timedelta(hours=4)
NUDGE_GRACE = timedelta(minutes=10)
OUTBOX_EVERY_SECONDS = 10


def should_catch_up(now: datetime, settings: Settings) -> bool:
    """Started after today's digest time but before the calling day ends, on a business day."""
    policy = Policy.from_settings(settings)
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
    every_morning = CronTrigger(
        day_of_week="mon-fri", hour=at.hour, minute=at.minute, timezone=settings.tz
    )

    def as_of_now(job: Callable[[datetime], Any]) -> Callable[[], Any]:
        return lambda: job(clock.now())

    scheduler.add_job(
        _safely("digest", as_of_now(digest)), every_morning, id="digest", replace_existing=True
    )
    if report is not None:
        # The weekly control at digest time; the job keeps to the week's first business day.
        scheduler.add_job(
            _safely("report", as_of_now(report)), every_morning, id="report", replace_existing=True
        )
    if nudges is not None:
        # Every 15 minutes on weekdays; the job itself keeps to business hours and holidays,
        # and a missed round is simply covered by the next one (a short grace, coalesced).
        scheduler.add_job(
            _safely("nudges", as_of_now(nudges)),
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
    # A bot (re)started during the day catches up at once: the morning's digest and weekly
    # report if their time has passed, a round of nudges during business hours.
    now = clock.now()
    catch_up: list[tuple[str, Callable[[datetime], Any]]] = []
    if should_catch_up(now, settings):
        catch_up.append(("digest", digest))
        if report is not None:
            catch_up.append(("report", report))
    if nudges is not None and Policy.from_settings(settings).in_business_hours(now):
        catch_up.append(("nudges", nudges))
    for order, (name, job) in enumerate(catch_up, start=1):
        scheduler.add_job(
            _safely(f"{name}-catch-up", as_of_now(job)),
            "date",
            run_date=_real_now() + timedelta(seconds=order),
            id=f"{name}-catch-up",
            replace_existing=True,
        )
    return scheduler
