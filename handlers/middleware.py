"""The gate: every request gets the dependencies and its team member; strangers get a polite
refusal in private and no data."""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt import App, BoltContext, BoltResponse
from slack_sdk import WebClient

from bot.core.i18n import t
from bot.team.queries import find_member
from handlers.blocks.common import message
from handlers.context import Deps, Member

log = logging.getLogger(__name__)

# Events that anyone may trigger; their listeners handle a missing member themselves.
_OPEN_EVENTS = {"app_home_opened"}


def register(app: App, deps: Deps) -> None:
    @app.middleware
    def gate(
        context: BoltContext, body: dict[str, Any], client: WebClient, next: Any
    ) -> BoltResponse | None:
        context["deps"] = deps
        default_lang = deps.settings.cobro_language
        member = _member(deps, context.user_id)
        context["member"] = member
        context["lang"] = member.lang if member else default_lang
        if member is not None or _is_open_event(body) or context.user_id is None:
            next()
            return None
        return _refuse(body, client, t("error.not_on_team", default_lang))


def _member(deps: Deps, user_id: str | None) -> Member | None:
    if not user_id:
        return None
    with deps.db() as session:
        found = find_member(session, user_id)
        if found is None:
            return None
        return Member(
            id=found.id,
            slack_user_id=found.slack_user_id,
            name=found.name,
            role=found.role,
            lang=found.lang(deps.settings.cobro_language),
        )


def _is_open_event(body: dict[str, Any]) -> bool:
    event = body.get("event") or {}
    return body.get("type") == "event_callback" and event.get("type") in _OPEN_EVENTS


def _refuse(body: dict[str, Any], client: WebClient, text: str) -> BoltResponse:
    """Commands are answered in the HTTP response; anything else by an ephemeral message."""
    if body.get("command"):
        return BoltResponse(status=200, body={"response_type": "ephemeral", **message(text)})
    channel = (body.get("channel") or {}).get("id") or (body.get("container") or {}).get(
        "channel_id"
    )
    user = (body.get("user") or {}).get("id")
    if channel and user:
        try:
            client.chat_postEphemeral(channel=channel, user=user, **message(text))
        except Exception:  # the refusal is a courtesy; never fail the request for it
            log.warning("could not tell a non-member they are not on the team", exc_info=True)
    return BoltResponse(status=200, body="")
