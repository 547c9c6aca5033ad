"""Who may use cobro, and in which role. The team is the gate: no member, no data. Pure."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.core.errors import BadInput, Forbidden
from bot.core.i18n import Lang, lang_of
from bot.core.text import fold
from bot.core.vocabulary import Role
from bot.ports import Recipient

_MENTION = re.compile(r"^<@([UW][A-Z0-9]+)(?:\|[^>]*)?>$")
_SLACK_ID = re.compile(r"^[UW][A-Z0-9]{2,}$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")

ROLE_WORDS: dict[str, Role] = {
    "cobrador": Role.COLLECTOR,
    "cobradora": Role.COLLECTOR,
    "gestor": Role.COLLECTOR,
    "gestora": Role.COLLECTOR,
    "collector": Role.COLLECTOR,
    "cobranza": Role.COLLECTOR,
    "supervision": Role.SUPERVISOR,
    "administracion": Role.ADMIN,
    "supervisor": Role.SUPERVISOR,
    "supervisora": Role.SUPERVISOR,
    "administrador": Role.ADMIN,
    "administradora": Role.ADMIN,
    "admin": Role.ADMIN,
}
MANAGERS = (Role.SUPERVISOR, Role.ADMIN)


@dataclass(frozen=True)
class Person:
    """A team member as the rules see them: a plain value, safe to pass between threads."""

    id: int
    slack_user_id: str
    name: str
    role: Role
    supervisor_id: int | None = None
    locale: str | None = None
    timezone: str | None = None
    email: str | None = None
    active: bool = True

    def lang(self, default: Lang) -> Lang:
        return lang_of(self.locale, default)


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


def recipient_of(person: Person, default_lang: Lang) -> Recipient:
    """Whom a message goes to, in their Slack locale's language."""
    return Recipient(person.id, person.slack_user_id, person.name, person.lang(default_lang))


def require_role(person: Person, *roles: Role) -> None:
    if person.role not in roles:
        key = "roles.admins" if roles == (Role.ADMIN,) else "roles.supervisors"
        raise Forbidden(roles_key=key)


def is_manager(person: Person) -> bool:
    return person.role in MANAGERS


def handle_matches(handle: str, name: str, email: str | None) -> bool:
    """`@luis` names Luis Gómez (his first name, his whole name run together, or his
    email's name part): people type what they call each other."""
    wanted = fold(handle).replace(".", " ").replace("_", " ").strip()
    full = fold(name)
    options = {full, full.replace(" ", ""), full.split()[0] if full.split() else full}
    if email:
        options.add(fold(email.split("@")[0]).replace(".", " "))
    return wanted in options or wanted.replace(" ", "") in options
