"""Team use cases: who is on it, adding and removing people. One transaction each."""

from __future__ import annotations

from bot.core.db import Db, transaction
from bot.core.vocabulary import Role
from bot.ports import Directory
from bot.team import queries
from bot.team.rules import MemberView, require_role


def team_members(db: Db) -> list[MemberView]:
    with db() as session:
        return queries.list_members(session)


def add_team_member(
    db: Db,
    *,
    actor_id: int | None,
    reference: str,
    role: Role,
    supervisor: str | None = None,
    name: str | None = None,
    directory: Directory | None = None,
) -> MemberView:
    """Add someone to the team; from Slack only an admin may (`actor_id`), the CLI is trusted."""
    with transaction(db) as session:
        if actor_id is not None:
            require_role(queries.require_active(session, actor_id), Role.ADMIN)
        person = queries.add_member(
            session,
            reference=reference,
            role=role,
            supervisor=supervisor,
            name=name,
            directory=directory,
        )
        return queries.view_of(session, person)


def remove_team_member(db: Db, *, actor_id: int | None, reference: str) -> MemberView:
    with transaction(db) as session:
        if actor_id is not None:
            require_role(queries.require_active(session, actor_id), Role.ADMIN)
        person = queries.remove_member(session, reference)
        return queries.view_of(session, person)
