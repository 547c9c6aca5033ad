"""What every listener may need, injected into Bolt's context by the middleware."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy.orm import Session, sessionmaker

from bot.agenda import AgendaPolicy
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

    def policy(self) -> AgendaPolicy:
        """The team's contact rules, as the agenda and the date checks use them."""
        return AgendaPolicy.from_settings(self.settings)

    def today(self) -> date:
        """Today in the team's time zone, by the injected clock."""
        return self.clock.now().astimezone(self.settings.tz).date()


@dataclass(frozen=True)
class Member:
    """The team member behind a request: a plain value, safe to pass between threads."""

    id: int
    slack_user_id: str
    name: str
    role: Role
    lang: Lang


def action_value(body: dict[str, Any]) -> str:
    """The value of the button or select option that was used."""
    action = (body.get("actions") or [{}])[0]
    return str(action.get("value") or (action.get("selected_option") or {}).get("value") or "")


def asker(context: Any) -> tuple[Deps, Member, Lang]:
    """What a listener needs of the request's context: the collaborators, who asked, and
    the language to answer in (put there by the middleware)."""
    return context["deps"], context["member"], context["lang"]
