"""What every listener may need, injected into Bolt's context by the middleware."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cached_property
from typing import Any

from bot.core.clock import Clock
from bot.core.config import Settings
from bot.core.db import Db
from bot.core.i18n import Lang
from bot.core.policy import Policy
from bot.core.vocabulary import Role
from bot.ports import Directory
from handlers.notify.notifier import SlackNotifier


@dataclass(frozen=True)
class Deps:
    """The process-wide collaborators, built once by the wiring (app.py, the stack)."""

    settings: Settings
    db: Db
    clock: Clock
    directory: Directory | None = None

    def policy(self) -> Policy:
        """The team's contact rules, as the agenda and the date checks use them."""
        return self._policy

    @cached_property
    def _policy(self) -> Policy:
        return Policy.from_settings(self.settings)

    @cached_property
    def notifier(self) -> SlackNotifier:
        return SlackNotifier(self.settings)

    def today(self) -> date:
        """Today in the team's time zone, by the injected clock."""
        return self._policy.today(self.clock.now())


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
    actions = body.get("actions") or [{}]
    action = actions[0] if isinstance(actions, list) and isinstance(actions[0], dict) else {}
    chosen = action.get("selected_option") or {}
    value = action.get("value") or (chosen.get("value") if isinstance(chosen, dict) else "")
    return str(value or "")


def action_id(body: dict[str, Any]) -> int | None:
    """The value of the button used, as the id it carries; None when it is not one."""
    value = action_value(body).partition(":")[0]
    return int(value) if value.isdigit() else None


def asker(context: Any) -> tuple[Deps, Member, Lang]:
    """What a listener needs of the request's context: the collaborators, who asked, and
    the language to answer in (put there by the middleware)."""
    return context["deps"], context["member"], context["lang"]
