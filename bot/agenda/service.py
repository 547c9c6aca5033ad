"""Agenda use cases: my calls today (`/cobro hoy`), my day (the Home tab), and the morning
digest for every collector with the supervisors' summary, once per business day."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy.orm import Session

from bot.agenda import queries
from bot.agenda.rules import Agenda, DoneCall, MyDay, TodayResult, cut, due, summarise
from bot.core.db import Db
from bot.core.i18n import Lang
from bot.core.policy import Policy
from bot.due import queries as due_queries
from bot.due import service as due_index
from bot.jobs.service import RunTaken, claimed_run
from bot.outbox import keys
from bot.outbox import queries as outbox
from bot.outbox.queries import Outgoing
from bot.outbox.rules import end_of_calling_day
from bot.outbox.service import enqueue, enqueue_many
from bot.ports import Notifier
from bot.promises import queries as promise_queries
from bot.promises.service import lines_of as promise_lines
from bot.reports import queries as reports
from bot.supervision import queries as supervision
from bot.supervision.rules import require_may_look_at
from bot.tasks import queries as tasks
from bot.team import queries as team
from bot.team.rules import recipient_of

HOME_CALLS = 15
HOME_TASKS = 15


def compute_agendas(
    session: Session,
    *,
    collector_ids: list[int],
    day: date,
    policy: Policy,
    details: bool = True,
    fresh: bool = False,
) -> dict[int, Agenda]:
    """Several collectors' agendas from the due index: each collector's first calls in the
    rule's order and how many more, one indexed query after bringing the index up to `day`
    (see bot/due; `fresh`: the caller just did, in a transaction of its own).
    `details=False` leaves out what a call shows on screen (contacts, notes, invoices):
    enough to count calls and their reasons."""
    if not fresh:
        due_index.refresh_in(session, collector_ids=collector_ids, day=day, policy=policy)
    shown, totals = due_queries.due_calls(session, collector_ids, day, policy.capacity)
    agendas = {
        cid: Agenda(
            day=day,
            collector_id=cid,
            calls=shown[cid],
            more=max(0, totals.get(cid, 0) - len(shown[cid])),
        )
        for cid in collector_ids
    }
    if details:
        calls = [call for cid in collector_ids for call in shown[cid]]
        ids = sorted({call.customer_id for call in calls})
        facts = queries.facts_for(session, ids, day, policy)
        queries.enrich(session, calls, facts, day, policy, ranked=True)
    return agendas


def agendas_from_scratch(
    session: Session,
    *,
    collector_ids: list[int],
    day: date,
    policy: Policy,
    details: bool = True,
) -> dict[int, Agenda]:
    """The agendas recomputed from every fact of every customer, without the index: the
    oracle the index is tested against (tests/bot/agenda/test_due_index.py) and the
    benchmark's "before"."""
    facts, owned, due_tasks = queries.gather(session, collector_ids, day, policy)
    agendas: dict[int, Agenda] = {}
    shown_all = []
    for collector_id in collector_ids:
        mine = owned.get(collector_id, set()) | {
            cid for (who, cid) in due_tasks if who == collector_id
        }
        calls = [
            call
            for cid in mine
            if cid in facts  # not a customer marked "no contactar"
            and (call := due(facts[cid], due_tasks.get((collector_id, cid)), day, policy))
            is not None
        ]
        shown, more = cut(calls, policy.capacity)
        shown_all.extend(shown)
        agendas[collector_id] = Agenda(day=day, collector_id=collector_id, calls=shown, more=more)
    if details:
        queries.enrich(session, shown_all, facts, day, policy)
    return agendas


def agenda_today(
    db: Db, *, requester_id: int, target: str | None, now: datetime, policy: Policy
) -> TodayResult:
    """The requester's calls for today (the next business day on a weekend or holiday); a
    supervisor or admin may ask for a collector's."""
    day = policy.calendar.next_business_day(policy.today(now))
    with db() as session:
        requester = team.require_active(session, requester_id)
        collector = requester
        if target:  # a mention, an id, or `@luis` as people type it; within the asker's scope
            collector = team.named_member(session, target)
            require_may_look_at(requester, collector)
        # Recomputed and committed on its own: this session only reads.
        due_index.refresh(db, collector_ids=[collector.id], day=day, policy=policy, reading=session)
        today = policy.today(now)
        agenda = compute_agendas(
            session, collector_ids=[collector.id], day=day, policy=policy, fresh=True
        )
        return TodayResult(
            agenda[collector.id], collector.name, day != today, collector.id != requester.id
        )


def my_day(db: Db, *, member_id: int, now: datetime, policy: Policy, currency: str) -> MyDay:
    """The Home tab: my calls today, my open tasks, the promises that fall due today."""
    with db() as session:
        member = team.require_active(session, member_id)
        due_index.refresh(
            db,
            collector_ids=[member_id],
            day=policy.calendar.next_business_day(policy.today(now)),
            policy=policy,
            reading=session,
        )
        today = policy.today(now)
        day = policy.calendar.next_business_day(today)
        agenda = compute_agendas(
            session, collector_ids=[member_id], day=day, policy=policy, fresh=True
        )[member_id]
        agenda.more += max(len(agenda.calls) - HOME_CALLS, 0)
        agenda.calls = agenda.calls[:HOME_CALLS]
        followed = promise_queries.pending_due_on(session, member_id, today)
        promises = promise_lines(session, followed, currency)
        logged = queries.calls_logged(
            session, member_id, policy.start_of(today), policy.start_of(today + timedelta(days=1))
        )
        return MyDay(
            agenda,
            member.name,
            tasks.open_lines(session, member_id, HOME_TASKS),
            promises,
            tasks_total=tasks.count_open(session, member_id),
            done=[DoneCall(at.astimezone(policy.tz).time(), name) for at, name in logged],
        )


@dataclass(frozen=True)
class DigestResult:
    day: date
    ran: bool
    digests: int = 0
    reason: str = ""


def run_digest(
    db: Db,
    *,
    policy: Policy,
    notifier: Notifier,
    now: datetime,
    lang: Lang,
    currency: str,
    channel: str | None,
    channel_is_private: bool = False,
) -> DigestResult:
    """The morning digest for every collector, and the supervisors' summary to `channel`."""
    day = policy.today(now)
    if not policy.calendar.is_business_day(day):
        return DigestResult(day, ran=False, reason="not_business_day")
    # Recompute what changed since the last read in a transaction of its own: the digest's
    # then holds no mark's lock while it writes its messages.
    due_index.refresh(db, collector_ids=None, day=day, policy=policy)
    try:
        with claimed_run(db, "digest", day.isoformat(), now) as session:
            # Read and compute first; write (the outbox rows, then the claim) last.
            collectors = team.active_collectors(session)
            agendas = compute_agendas(
                session,
                collector_ids=[m.id for m in collectors],
                day=day,
                policy=policy,
                fresh=True,
            )
            # The control compares each day with its morning plan: keep it as computed.
            ids = [m.id for m in collectors]
            yesterday = policy.calendar.previous_business_day(day)
            summary, due_today = summarise(
                day,
                [(m.id, m.name) for m in collectors],
                agendas,
                currency,
                yesterday=yesterday,
                done=reports.planned_and_done(session, yesterday, ids, policy.tz),
            )
            summary.escalated = supervision.escalated_list(
                session, ids, day, policy.escalation_days
            )
            # An escalated account is listed once, with its buttons, not again as an orphan.
            listed = due_today | {a.customer_id for a in summary.escalated}
            summary.orphans = queries.orphan_accounts(session, day, listed)
            summary.failed = outbox.failed_since(session, now - timedelta(days=1))
            summary.details = channel_is_private
            messages = [
                (m, notifier.digest(agendas[m.id], to=recipient_of(m, lang))) for m in collectors
            ]
            reports.record_plans(session, day, agendas)
            useful_until = end_of_calling_day(now, policy)
            enqueue_many(
                session,
                [
                    Outgoing(
                        key=keys.digest(member.id, day, part),
                        channel=member.slack_user_id,
                        message=message,
                        expires_at=useful_until,
                    )
                    for member, parts in messages
                    for part, message in enumerate(parts, start=1)
                ],
            )
            if channel:
                enqueue(
                    session,
                    key=keys.digest_summary(day),
                    channel=channel,
                    message=notifier.supervisors_summary(summary, lang=lang),
                    expires_at=useful_until,
                )
    except RunTaken:
        return DigestResult(day, ran=False, reason="already_ran")
    return DigestResult(day, ran=True, digests=len(collectors))


def next_call(
    db: Db, *, member_id: int, after: int | None, now: datetime, policy: Policy
) -> int | None:
    """The customer to call next ("Siguiente llamada"): the first of today's calls that is
    not the one just logged (a customer called today has already left the list)."""
    day = policy.calendar.next_business_day(policy.today(now))
    with db() as session:
        due_index.refresh(db, collector_ids=[member_id], day=day, policy=policy, reading=session)
        agenda = compute_agendas(
            session, collector_ids=[member_id], day=day, policy=policy, fresh=True
        )
        return next(
            (c.customer_id for c in agenda[member_id].calls if c.customer_id != after), None
        )
