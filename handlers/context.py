"""What every listener may need, injected into Bolt's context by the middleware."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session, sessionmaker

from bot.clock import Clock
from bot.config import Settings
from bot.i18n import Lang
from bot.ports import Directory
from bot.vocabulary import Role


@dataclass(frozen=True)
class Deps:
    """The process-wide collaborators, built once by app.py."""

    settings: Settings
    db: sessionmaker[Session]
    clock: Clock
    directory: Directory | None = None


@dataclass(frozen=True)
class Member:
    """The team member behind a request: a plain value, safe to pass between threads."""

    id: int
    slack_user_id: str
    name: str
    role: Role
    lang: Lang
