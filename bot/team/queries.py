"""The team's SQL: members by Slack id or email, the team list, adding and removing."""

from __future__ import annotations

from typing import Any

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session, aliased

from bot.core.db import Prebuilt
from bot.core.errors import BadInput, NotFound, NotOnTeam
from bot.core.vocabulary import Role
from bot.ports import Directory
from bot.team.rules import MemberView, Person, handle_matches, user_reference
from models import TeamMember

_PERSON_COLUMNS = (
    TeamMember.id,
    TeamMember.slack_user_id,
    TeamMember.name,
    TeamMember.role,
    TeamMember.supervisor_id,
    TeamMember.locale,
    TeamMember.timezone,
    TeamMember.email,
    TeamMember.active,
)

# Asked on every request (the gate's lookup, then the service's check that the member is
# still active): built once, and read as plain rows, not as entities of the session.
_BY_SLACK_ID = Prebuilt(
    lambda _: select(*_PERSON_COLUMNS).where(
        TeamMember.slack_user_id == bindparam("slack_user_id"), TeamMember.active.is_(True)
    )
)
_BY_ID = Prebuilt(lambda _: select(*_PERSON_COLUMNS).where(TeamMember.id == bindparam("id")))


def _person(row: Any) -> Person | None:
    """A row of `_PERSON_COLUMNS`, by name: the columns are Person's fields."""
    return Person(**row._mapping) if row is not None else None


def person_of(member: TeamMember) -> Person:
    return Person(
        id=member.id,
        slack_user_id=member.slack_user_id,
        name=member.name,
        role=member.role,
        supervisor_id=member.supervisor_id,
        locale=member.locale,
        timezone=member.timezone,
        email=member.email,
        active=member.active,
    )


def find_member(session: Session, slack_user_id: str | None) -> Person | None:
    """The active team member with this Slack id (None for no id, or no such member)."""
    if not slack_user_id:
        return None
    return _person(session.execute(_BY_SLACK_ID(session), {"slack_user_id": slack_user_id}).first())


def require_member(session: Session, slack_user_id: str) -> Person:
    member = find_member(session, slack_user_id)
    if member is None:
        raise NotOnTeam()
    return member


def member_by_id(session: Session, member_id: int | None) -> Person | None:
    if member_id is None:
        return None
    return _person(session.execute(_BY_ID(session), {"id": member_id}).first())


def named_member(session: Session, text: str, *, active_only: bool = True) -> Person:
    """The one member `text` names: a mention, a Slack id, an email, or a typed `@luis`
    (a first name, a whole name, an email's name part); refused when none or several are.
    `active_only=False` finds people who left the team too (their accounts need a home)."""
    text = text.strip()
    candidates = [p for p in everyone(session).values() if p.active or not active_only]
    try:
        reference = user_reference(text)
    except BadInput:
        reference = None
    if reference is not None:
        column = "email" if "@" in reference and not reference.startswith("@") else "slack_user_id"
        found = [p for p in candidates if getattr(p, column) == reference]
        if len(found) == 1:
            return found[0]
    handle = text.lstrip("@")
    matches = [p for p in candidates if handle_matches(handle, p.name, p.email)]
    if len(matches) == 1:
        return matches[0]
    if not matches:
        raise NotFound(what_key="what.member", value=text)
    names = ", ".join(sorted(p.name for p in matches))
    raise BadInput("report.which_person", value=text, names=names)


def require_active(session: Session, member_id: int) -> Person:
    person = member_by_id(session, member_id)
    if person is None or not person.active:
        raise NotOnTeam()
    return person


def people(session: Session, ids: set[int]) -> dict[int, Person]:
    """Many members in one query."""
    if not ids:
        return {}
    return {
        m.id: person_of(m)
        for m in session.scalars(select(TeamMember).where(TeamMember.id.in_(ids)))
    }


def everyone(session: Session) -> dict[int, Person]:
    """The whole team, active or not: it is small, and jobs ask about everyone."""
    return {m.id: person_of(m) for m in session.scalars(select(TeamMember))}


def active_collectors(session: Session) -> list[Person]:
    return [
        person_of(m)
        for m in session.scalars(
            select(TeamMember)
            .where(TeamMember.active.is_(True), TeamMember.role == Role.COLLECTOR)
            .order_by(TeamMember.name, TeamMember.id)
        )
    ]


def reports_to(session: Session, supervisor_id: int) -> list[int]:
    return list(
        session.scalars(select(TeamMember.id).where(TeamMember.supervisor_id == supervisor_id))
    )


def view_of(session: Session, person: Person) -> MemberView:
    boss = member_by_id(session, person.supervisor_id)
    return MemberView(
        person.slack_user_id, person.name, person.email, person.role, boss.name if boss else None
    )


def _lookup(
    session: Session, reference: str, directory: Directory | None
) -> tuple[str, dict[str, str]]:
    """The Slack id and what Slack knows of the person named by `reference`."""
    if "@" in reference:
        existing = session.scalar(select(TeamMember).where(TeamMember.email == reference))
        if directory is None:
            if existing is not None:
                return existing.slack_user_id, {}
            raise BadInput("team.need_slack_for_email", value=reference)
        user = directory.lookup_by_email(reference)
        if user is None:
            raise BadInput("team.unknown_user", value=reference)
    else:
        user = directory.user_info(reference) if directory is not None else None
        if user is None:
            return reference, {}
    details = {
        "name": user.name,
        "email": user.email,
        "timezone": user.timezone,
        "locale": user.locale,
    }
    return user.user_id, {k: v for k, v in details.items() if v}


def add_member(
    session: Session,
    *,
    reference: str,
    role: Role,
    supervisor: str | None = None,
    name: str | None = None,
    directory: Directory | None = None,
) -> Person:
    """Add someone (or change their role); re-adding a removed member brings them back."""
    slack_id, details = _lookup(session, user_reference(reference), directory)
    boss: TeamMember | None = None
    if supervisor is not None:
        supervisor_id, _ = _lookup(session, user_reference(supervisor), None)
        boss = session.scalar(
            select(TeamMember).where(
                TeamMember.slack_user_id == supervisor_id, TeamMember.active.is_(True)
            )
        )
        if boss is None or boss.role == Role.COLLECTOR:
            raise BadInput("team.bad_supervisor", name=supervisor)
        if supervisor_id == slack_id:
            raise BadInput("team.self_supervisor")
    member = session.scalar(select(TeamMember).where(TeamMember.slack_user_id == slack_id))
    if member is None:
        member = TeamMember(slack_user_id=slack_id, name=slack_id, role=role)
        session.add(member)
    member.role = role
    member.active = True
    for key, value in details.items():
        setattr(member, key, value)
    if name:
        member.name = name
    if boss is not None:
        member.supervisor_id = boss.id
    session.flush()
    return person_of(member)


def remove_member(session: Session, reference: str) -> Person:
    """Take someone off the team; their notes, calls and tasks stay as history."""
    ref = user_reference(reference)
    column = TeamMember.email if "@" in ref else TeamMember.slack_user_id
    member = session.scalar(select(TeamMember).where(column == ref, TeamMember.active.is_(True)))
    if member is None:
        raise NotFound(what_key="what.member", value=reference)
    member.active = False
    session.flush()
    return person_of(member)


def list_members(session: Session) -> list[MemberView]:
    boss = aliased(TeamMember)
    rows = session.execute(
        select(TeamMember, boss.name)
        .outerjoin(boss, TeamMember.supervisor_id == boss.id)
        .where(TeamMember.active.is_(True))
        .order_by(TeamMember.role, TeamMember.name)
    ).all()
    return [
        MemberView(m.slack_user_id, m.name, m.email, m.role, boss_name) for m, boss_name in rows
    ]
