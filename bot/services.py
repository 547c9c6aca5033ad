"""Use cases: one transaction each, committed before anything is said to Slack.

Listeners and the CLI call these; they never open sessions or write SQL themselves.
"""

from __future__ import annotations

from sqlalchemy.orm import Session, sessionmaker

from bot import team
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
