"""Report use cases: the control report a member asks for (summary here, charts and CSV to
their DM through the outbox) and the weekly report to the supervisors' channel, once per
ISO week however many replicas run."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy.orm import Session

from bot.core.db import Db, transaction
from bot.core.errors import BadInput, NotFound
from bot.core.i18n import Lang
from bot.core.policy import Policy
from bot.core.vocabulary import Role
from bot.jobs import queries as jobs
from bot.jobs.rules import first_business_day_of_week, iso_week
from bot.jobs.service import RunTaken, claimed_run
from bot.outbox import keys
from bot.outbox.rules import end_of_week
from bot.outbox.service import enqueue
from bot.ports import Notifier
from bot.reports import queries
from bot.reports.queries import Filters
from bot.reports.rules import (
    Period,
    Report,
    Scope,
    handle_matches,
    last_week,
    period_from_words,
    report_slug,
    require_may_see,
    split_request,
)
from bot.team import queries as team
from bot.team.rules import Person


def build_report(
    session: Session, period: Period, scope: Scope, *, policy: Policy, today: date, currency: str
) -> Report:
    """Every figure of `period` and of the one before it, for `scope`."""
    queries.as_a_report(session)
    q = Filters(session, scope, policy.tz, currency)
    previous = period.previous()
    listed = queries.listed_members(session, scope)
    now, before = queries.ledgers(q, [period, previous], today)  # the money, read once
    return Report(
        scope_label=scope.label,
        scope_kind=scope.kind,
        current=queries.figures(q, period, today, listed, policy.calendar, now),
        previous=queries.figures(q, previous, today, listed, policy.calendar, before),
        aging=now.aging,
        aging_before=before.aging,
        repeat_breakers=queries.repeat_breakers(q, period.end),
        repeat_before=len(queries.repeat_breakers(q, previous.end)),
        currency=currency,
        business_days=max(
            policy.calendar.business_days_between(period.start - timedelta(days=1), period.end),
            1,
        ),
        kind=period.kind,
        last_years_month=period.last_years_month,
    )


def scope_for(session: Session, asker: Person, person: str | None) -> Scope:
    """Whose work the asker sees. Without a name: an admin everyone, a supervisor their
    collectors and themselves, a collector their own. With `@name` (or a mention): that
    person's work, or their team's when they supervise one, if the asker may see it."""
    if person is None:
        if asker.role == Role.ADMIN:
            return Scope(None, "", "team")
        if asker.role == Role.SUPERVISOR:
            return Scope([asker.id, *team.reports_to(session, asker.id)], asker.name, "group")
        return Scope([asker.id], asker.name, "mine")
    target = _named(session, person)
    require_may_see(asker.id, asker.role, target.id, target.supervisor_id)
    if target.role == Role.SUPERVISOR:
        return Scope([target.id, *team.reports_to(session, target.id)], target.name, "group")
    return Scope([target.id], target.name, "mine" if target.id == asker.id else "person")


def _named(session: Session, person: str) -> Person:
    """A Slack id from a mention, or a typed `@luis`: one active member, or refused."""
    found = team.find_member(session, person)
    if found is not None:
        return found
    matches = [
        p
        for p in team.everyone(session).values()
        if p.active and handle_matches(person, p.name, p.email)
    ]
    if len(matches) == 1:
        return matches[0]
    if not matches:
        raise NotFound(what_key="what.member", value="@" + person)
    names = ", ".join(sorted(p.name for p in matches))
    raise BadInput("report.which_person", value="@" + person, names=names)


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
    """The report a member asked for (`semana pasada`, `noviembre @luis`…: see
    `bot.reports.rules`). The charts and the CSV go to their DM through the outbox (drawn
    before the transaction that writes them, so no lock is held while drawing)."""
    today = policy.today(now)
    asked = split_request(words)
    period = period_from_words(asked.period_words, today, policy.tz)
    with db() as session:
        member = team.require_active(session, member_id)
        report = build_report(
            session,
            period,
            scope_for(session, member, asked.person),
            policy=policy,
            today=today,
            currency=currency,
        )
    files = notifier.report_files(
        report, lang=lang, stem=report_stem(report), details=True, weekly=False
    )
    key = keys.report_files(member.id, request)
    with transaction(db) as session:
        enqueue(session, key=key, channel=member.slack_user_id, message=files)
    return AskedReport(report, [key])


def report_stem(report: Report) -> str:
    """`control-luis-gomez-2026-11-16-2026-11-29`: what the files hold, not an internal id."""
    start, end = report.current.period_start, report.current.period_end
    who = report_slug(report.scope_label) if report.scope_kind != "team" else "equipo"
    days = start.isoformat() if start == end else f"{start.isoformat()}-{end.isoformat()}"
    return f"control-{who}-{days}" if who else f"control-{days}"


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
    stem = report_stem(report)
    # Drawn before the first write, so the transaction holds no lock while drawing.
    summary = notifier.report(report, lang=lang, details=channel_is_private, weekly=True)
    files = notifier.report_files(
        report, lang=lang, stem=stem, details=channel_is_private, weekly=True
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
