"""Report use cases: the control report a member asks for (summary here, charts and CSV to
their DM through the outbox) and the weekly report to the supervisors' channel, once per
ISO week however many replicas run."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy.orm import Session

from bot.core.db import Db, transaction
from bot.core.i18n import Lang
from bot.core.policy import Policy
from bot.jobs import queries as jobs
from bot.jobs.rules import first_business_day_of_week, iso_week
from bot.jobs.service import RunTaken, claimed_run
from bot.outbox import keys
from bot.outbox.rules import end_of_week
from bot.outbox.service import enqueue
from bot.ports import Notifier
from bot.reports import queries
from bot.reports.queries import Filters
from bot.reports.rules import Period, Report, Scope, last_week, period_from_words
from bot.team import queries as team


def build_report(
    session: Session, period: Period, scope: Scope, *, policy: Policy, today: date, currency: str
) -> Report:
    q = Filters(session, scope, policy.tz)
    previous = period.previous()
    return Report(
        scope=scope,
        current=queries.figures(q, period, today),
        previous=queries.figures(q, previous, today),
        aging=queries.aging(q, min(period.end, today)),
        aging_before=queries.aging(q, min(previous.end, today)),
        repeat_breakers=queries.repeat_breakers(q, period.end),
        repeat_before=len(queries.repeat_breakers(q, previous.end)),
        currency=currency,
        business_days=max(
            policy.calendar.business_days_between(period.start - timedelta(days=1), period.end),
            1,
        ),
    )


@dataclass(frozen=True)
class AskedReport:
    report: Report
    outbox_keys: list[str]


def control_report(
    db: Db,
    *,
    member_id: int,
    words: list[str],
    request: str,
    now: datetime,
    policy: Policy,
    currency: str,
    lang: Lang,
    notifier: Notifier,
) -> AskedReport:
    """The report a member asked for: their team's if they supervise one, else their own.
    The charts and the CSV go to their DM through the outbox (drawn before the transaction
    that writes them, so no lock is held while drawing)."""
    today = policy.today(now)
    period = period_from_words(words, today, policy.tz)
    with db() as session:
        member = team.require_active(session, member_id)
        report = build_report(
            session,
            period,
            queries.scope_for(session, member),
            policy=policy,
            today=today,
            currency=currency,
        )
    stem = f"control-{period.start.isoformat()}-{period.end.isoformat()}"
    files = notifier.report_files(report, lang=lang, stem=stem, details=True, weekly=False)
    key = keys.report_files(member.id, request)
    with transaction(db) as session:
        enqueue(session, key=key, channel=member.slack_user_id, message=files)
    return AskedReport(report, [key])


@dataclass(frozen=True)
class ReportResult:
    day: date
    ran: bool
    reason: str = ""


def run_weekly_report(
    db: Db,
    *,
    policy: Policy,
    notifier: Notifier,
    now: datetime,
    lang: Lang,
    currency: str,
    channel: str | None,
    channel_is_private: bool = False,
) -> ReportResult:
    """Last week's control for the whole team, to the supervisors' channel, on the first
    business day of the week, once per ISO week."""
    day = policy.today(now)
    if not channel:
        return ReportResult(day, ran=False, reason="no_channel")
    if day != first_business_day_of_week(day, policy.calendar):
        return ReportResult(day, ran=False, reason="not_monday")
    week = iso_week(day)
    with db() as session:
        if jobs.ran(session, "report", week):
            return ReportResult(day, ran=False, reason="already_ran")
        report = build_report(
            session, last_week(day), Scope(None, ""), policy=policy, today=day, currency=currency
        )
    # Drawn before the first write, so the transaction holds no lock while drawing.
    summary = notifier.report(report, lang=lang, details=channel_is_private, weekly=True)
    files = notifier.report_files(
        report, lang=lang, stem=f"control-{week}", details=channel_is_private, weekly=True
    )
    try:
        with claimed_run(db, "report", week, now) as session:
            until = end_of_week(now, policy)
            enqueue(
                session,
                key=keys.weekly_report(week),
                channel=channel,
                message=summary,
                expires_at=until,
            )
            enqueue(
                session,
                key=keys.weekly_report_files(week),
                channel=channel,
                message=files,
                expires_at=until,
            )
    except RunTaken:
        return ReportResult(day, ran=False, reason="already_ran")
    return ReportResult(day, ran=True)
