"""Use cases: one transaction each, committed before anything is said to Slack.

Listeners and the CLI call these; they never open sessions or write SQL themselves.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session, sessionmaker

from bot import team
from bot.agenda import Agenda, AgendaPolicy, compute_agenda
from bot.errors import NotFound
from bot.ports import Directory
from models.db import transaction
from models.enums import Role

Db = sessionmaker[Session]


def team_members(db: Db) -> list[team.MemberView]:
    with db() as session:
        return team.list_members(session)


def add_team_member(
    db: Db,
    *,
    actor_id: int | None,
    reference: str,
    role: Role,
    supervisor: str | None = None,
    name: str | None = None,
    directory: Directory | None = None,
) -> team.MemberView:
    """Add someone to the team; from Slack only an admin may (`actor_id`), the CLI is trusted."""
    with transaction(db) as session:
        if actor_id is not None:
            actor = session.get(team.TeamMember, actor_id)
            if actor is None or not actor.active:
                raise team.NotOnTeam()
            team.require_role(actor, Role.ADMIN)
        member = team.add_member(
            session,
            reference=reference,
            role=role,
            supervisor=supervisor,
            name=name,
            directory=directory,
        )
        return _view(session, member)


def remove_team_member(db: Db, *, actor_id: int | None, reference: str) -> team.MemberView:
    with transaction(db) as session:
        if actor_id is not None:
            actor = session.get(team.TeamMember, actor_id)
            if actor is None or not actor.active:
                raise team.NotOnTeam()
            team.require_role(actor, Role.ADMIN)
        member = team.remove_member(session, reference)
        return _view(session, member)


def _view(session: Session, member: team.TeamMember) -> team.MemberView:
    boss = session.get(team.TeamMember, member.supervisor_id) if member.supervisor_id else None
    return team.MemberView(
        member.slack_user_id, member.name, member.email, member.role, boss.name if boss else None
    )


@dataclass(frozen=True)
class TodayResult:
    agenda: Agenda
    collector_name: str
    shifted: bool
    for_someone_else: bool


def agenda_today(
    db: Db, *, requester_id: int, target: str | None, now: datetime, policy: AgendaPolicy
) -> TodayResult:
    """The requester's calls for today (the next business day on a weekend or holiday); a
    supervisor or admin may ask for a collector's."""
    with db() as session:
        requester = session.get(team.TeamMember, requester_id)
        if requester is None or not requester.active:
            raise team.NotOnTeam()
        collector = requester
        if target:
            found = team.find_member(session, team.user_reference(target))
            if found is None:
                raise NotFound(what_key="what.member", value=target)
            if found.id != requester.id:
                team.require_role(requester, Role.SUPERVISOR, Role.ADMIN)
            collector = found
        today = now.astimezone(policy.tz).date()
        day = policy.calendar.next_business_day(today)
        agenda = compute_agenda(session, collector_id=collector.id, day=day, policy=policy)
        return TodayResult(agenda, collector.name, day != today, collector.id != requester.id)
