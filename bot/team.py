"""Who may use cobro, and in which role. The team is the gate: no member, no data."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from bot.errors import BadInput, Forbidden, NotFound, NotOnTeam
from bot.i18n import Lang, lang_of
from bot.ports import Directory, Recipient
from bot.text import fold
from models import TeamMember

__all__ = ["NotOnTeam", "TeamMember"]
from models.enums import Role

_MENTION = re.compile(r"^<@([UW][A-Z0-9]+)(?:\|[^>]*)?>$")
_SLACK_ID = re.compile(r"^[UW][A-Z0-9]{2,}$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")

ROLE_WORDS: dict[str, Role] = {
    "cobrador": Role.COLLECTOR,
    "cobradora": Role.COLLECTOR,
    "gestor": Role.COLLECTOR,
    "gestora": Role.COLLECTOR,
    "collector": Role.COLLECTOR,
    "supervisor": Role.SUPERVISOR,
    "supervisora": Role.SUPERVISOR,
    "administrador": Role.ADMIN,
    "administradora": Role.ADMIN,
    "admin": Role.ADMIN,
}


@dataclass(frozen=True)
class MemberView:
    slack_user_id: str
    name: str
    email: str | None
    role: Role
    supervisor_name: str | None


def parse_role(word: str) -> Role:
    role = ROLE_WORDS.get(fold(word))
    if role is None:
        raise BadInput("team.bad_role", value=word)
    return role


def user_reference(text: str) -> str:
    """A Slack mention `<@U1|ana>`, a bare id or an email, normalised; else BadInput."""
    text = text.strip()
    mention = _MENTION.match(text)
    if mention:
        return mention.group(1)
    if _SLACK_ID.match(text):
        return text
    if _EMAIL.match(text):
        return text.lower()
    raise BadInput("team.bad_user", value=text)


def recipient_of(member: TeamMember, default_lang: Lang) -> Recipient:
    """Whom a message goes to, in their Slack locale's language."""
    return Recipient(
        member.id, member.slack_user_id, member.name, lang_of(member.locale, default_lang)
    )


def find_member(session: Session, slack_user_id: str | None) -> TeamMember | None:
    """The active team member with this Slack id (None for no id, or no such member)."""
    if not slack_user_id:
        return None
    return session.scalar(
        select(TeamMember).where(
            TeamMember.slack_user_id == slack_user_id, TeamMember.active.is_(True)
        )
    )


def require_member(session: Session, slack_user_id: str) -> TeamMember:
    member = find_member(session, slack_user_id)
    if member is None:
        raise NotOnTeam()
    return member


def require_role(member: TeamMember, *roles: Role) -> None:
    if member.role not in roles:
        key = "roles.admins" if roles == (Role.ADMIN,) else "roles.supervisors"
        raise Forbidden(roles_key=key)


def _lookup(session: Session, reference: str, directory: Directory | None) -> tuple[str, dict]:
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
    details = {"name": user.name, "email": user.email, "timezone": user.timezone}
    if user.locale:
        details["locale"] = user.locale
    return user.user_id, {k: v for k, v in details.items() if v}


def add_member(
    session: Session,
    *,
    reference: str,
    role: Role,
    supervisor: str | None = None,
    name: str | None = None,
    directory: Directory | None = None,
) -> TeamMember:
    """Add someone (or change their role); re-adding a removed member brings them back."""
    slack_id, details = _lookup(session, user_reference(reference), directory)
    supervisor_member: TeamMember | None = None
    if supervisor is not None:
        supervisor_id, _ = _lookup(session, user_reference(supervisor), None)
        supervisor_member = find_member(session, supervisor_id)
        if supervisor_member is None or supervisor_member.role == Role.COLLECTOR:
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
    if supervisor_member is not None:
        member.supervisor_id = supervisor_member.id
    session.flush()
    return member


def remove_member(session: Session, reference: str) -> TeamMember:
    """Take someone off the team; their notes, calls and tasks stay as history."""
    ref = user_reference(reference)
    column = TeamMember.email if "@" in ref else TeamMember.slack_user_id
    member = session.scalar(select(TeamMember).where(column == ref, TeamMember.active.is_(True)))
    if member is None:
        raise NotFound(what_key="what.member", value=reference)
    member.active = False
    session.flush()
    return member


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
