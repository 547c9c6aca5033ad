"""Scheduled jobs, each run at most once per period however many replicas run it.

A run is claimed by inserting a `job_run` row whose (job, period) is unique; the claim and
the outbox rows of the run commit together, so a crash midway leaves no claim and no half
digest, and the next attempt does it all. The claim is the run's last write: the reading
and computing come first, so SQLite's write lock (taken at a transaction's first write) is
held only while the rows are written, not while two seconds of agendas are computed; a
replica that loses the claim rolls back all it wrote.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any, Protocol

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from bot.agenda import AgendaPolicy, compute_agendas
from bot.config import Settings
from bot.dunning import Reason
from bot.outbox import failed_messages
from bot.ports import Notifier
from bot.reports import Scope, build_report, first_business_day_of_week, iso_week, last_week
from bot.team import recipient_of
from models import Customer, Invoice, JobRun, PaymentPromise, Task, TeamMember
from models.db import transaction
from models.enums import JobRunStatus, PromiseStatus, Role, TaskStatus

ZERO = Decimal("0")


class RunTaken(Exception):
    """This (job, period) already ran, or another replica just ran it."""


@contextmanager
def claimed_run(
    db: sessionmaker[Session], job: str, period: str, now: datetime
) -> Iterator[Session]:
    """The transaction of one run, claimed when its work is done (see the module docstring).
    Raises RunTaken, before any work when the run is already done."""
    with db() as session:
        taken = session.scalar(select(JobRun.id).where(JobRun.job == job, JobRun.period == period))
    if taken is not None:
        raise RunTaken()
    with transaction(db) as session:
        yield session
        if not claim_run(session, job, period, now):
            raise RunTaken()


def claim_run(session: Session, job: str, period: str, now: datetime) -> bool:
    """True when this process won the (job, period) run; False when it already ran."""
    try:
        with session.begin_nested():
            session.add(JobRun(job=job, period=period, started_at=now, status=JobRunStatus.DONE))
    except IntegrityError:
        return False
    return True


@dataclass
class CollectorLine:
    name: str
    shown: int
    total: int
    broken: int


@dataclass
class Account:
    name: str
    overdue: Decimal
    currency: str
    collector: str | None


@dataclass
class DigestSummary:
    day: date
    collectors: list[CollectorLine] = field(default_factory=list)
    broken_promises: int = 0
    overdue: dict[str, Decimal] = field(default_factory=dict)
    orphans: list[Account] = field(default_factory=list)
    escalated: list[Account] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    details: bool = False


@dataclass(frozen=True)
class DigestResult:
    day: date
    ran: bool
    digests: int = 0
    reason: str = ""


def run_digest(
    db: sessionmaker[Session],
    settings: Settings,
    notifier: Notifier,
    now: datetime,
    *,
    channel_is_private: bool = False,
) -> DigestResult:
    """The morning digest for every collector, and the supervisors' summary."""
    policy = AgendaPolicy.from_settings(settings)
    day = now.astimezone(policy.tz).date()
    if not policy.calendar.is_business_day(day):
        return DigestResult(day, ran=False, reason="not_business_day")
    try:
        with claimed_run(db, "digest", day.isoformat(), now) as session:
            # Read and compute first; write (the outbox rows, then the claim) last.
            collectors = session.scalars(
                select(TeamMember)
                .where(TeamMember.active.is_(True), TeamMember.role == Role.COLLECTOR)
                .order_by(TeamMember.name)
            ).all()
            agendas = compute_agendas(
                session, collector_ids=[m.id for m in collectors], day=day, policy=policy
            )
            summary = _summary(session, settings, day, collectors, agendas, now)
            summary.details = channel_is_private
            for member in collectors:
                notifier.digest(
                    session,
                    to=recipient_of(member, settings.cobro_language),
                    agenda=agendas[member.id],
                )
            if settings.cobro_supervisors_channel:
                notifier.supervisors_summary(
                    session, channel=settings.cobro_supervisors_channel, summary=summary
                )
    except RunTaken:
        return DigestResult(day, ran=False, reason="already_ran")
    return DigestResult(day, ran=True, digests=len(collectors))


def _summary(
    session: Session,
    settings: Settings,
    day: date,
    collectors: Sequence[TeamMember],
    agendas: dict[int, Any],
    now: datetime,
) -> DigestSummary:
    """The supervisors' view of the morning: calls, broken promises, overdue, orphans."""
    summary = DigestSummary(day=day)
    due_today: set[int] = set()
    for member in collectors:
        agenda = agendas[member.id]
        due_today |= {c.customer_id for c in agenda.calls}
        broken = sum(c.reason == Reason.BROKEN_PROMISE for c in agenda.calls)
        summary.collectors.append(
            CollectorLine(member.name, len(agenda.calls), agenda.total, broken)
        )
        summary.broken_promises += broken
        for call in agenda.calls:
            key = call.currency or settings.cobro_currency
            summary.overdue[key] = summary.overdue.get(key, ZERO) + call.overdue
            if call.escalated:
                summary.escalated.append(Account(call.name, call.overdue, key, member.name))
    summary.orphans = orphan_accounts(session, day, due_today)
    summary.failed = [
        (row.channel, row.last_error or "")
        for row in failed_messages(session, now - timedelta(days=1))
    ]
    return summary


def orphan_accounts(session: Session, day: date, due_today: set[int]) -> list[Account]:
    """Customers with an overdue balance whom nobody is working: no call due today, no open
    task, no pending promise (and those with no collector at all)."""
    overdue = dict(
        session.execute(
            select(Invoice.customer_id, func.sum(Invoice.balance))
            .where(Invoice.balance > ZERO, Invoice.due_date < day)
            .group_by(Invoice.customer_id)
        ).all()
    )
    if not overdue:
        return []
    worked = set(
        session.scalars(
            select(Task.customer_id).where(
                Task.status == TaskStatus.OPEN, Task.customer_id.is_not(None)
            )
        )
    ) | set(
        session.scalars(
            select(PaymentPromise.customer_id).where(PaymentPromise.status == PromiseStatus.PENDING)
        )
    )
    orphan_ids = [cid for cid in overdue if cid not in due_today and cid not in worked]
    if not orphan_ids:
        return []
    names: dict[int, tuple[str, str | None]] = defaultdict(lambda: ("?", None))
    for chunk_start in range(0, len(orphan_ids), 5000):
        chunk = orphan_ids[chunk_start : chunk_start + 5000]
        for cid, name, collector in session.execute(
            select(Customer.id, Customer.name, TeamMember.name)
            .outerjoin(TeamMember, TeamMember.id == Customer.collector_id)
            .where(Customer.id.in_(chunk))
        ):
            names[cid] = (name, collector)
    currency = dict(
        session.execute(
            select(Invoice.customer_id, func.min(Invoice.currency))
            .where(Invoice.customer_id.in_(orphan_ids[:5000]))
            .group_by(Invoice.customer_id)
        ).all()
    )
    accounts = [
        Account(names[cid][0], overdue[cid], currency.get(cid, ""), names[cid][1])
        for cid in orphan_ids
    ]
    accounts.sort(key=lambda a: -a.overdue)
    return accounts


class ReportNotifier(Protocol):
    def weekly_report(
        self, session: Session, report: Any, *, channel: str, week: str, details: bool
    ) -> None: ...


@dataclass(frozen=True)
class ReportResult:
    day: date
    ran: bool
    reason: str = ""


def run_weekly_report(
    db: sessionmaker[Session],
    settings: Settings,
    notifier: ReportNotifier,
    now: datetime,
    *,
    channel_is_private: bool = False,
) -> ReportResult:
    """Last week's control for the whole team, to the supervisors' channel, on the first
    business day of the week, once per ISO week."""
    policy = AgendaPolicy.from_settings(settings)
    day = now.astimezone(policy.tz).date()
    channel = settings.cobro_supervisors_channel
    if not channel:
        return ReportResult(day, ran=False, reason="no_channel")
    if day != first_business_day_of_week(day, policy.calendar):
        return ReportResult(day, ran=False, reason="not_monday")
    week = iso_week(day)
    try:
        with claimed_run(db, "report", week, now) as session:
            report = build_report(
                session,
                last_week(day),
                Scope(None, ""),
                tz=policy.tz,
                calendar=policy.calendar,
                today=day,
                currency=settings.cobro_currency,
            )
            notifier.weekly_report(
                session, report, channel=channel, week=week, details=channel_is_private
            )
    except RunTaken:
        return ReportResult(day, ran=False, reason="already_ran")
    return ReportResult(day, ran=True)
