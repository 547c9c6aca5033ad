"""The gate: every request gets the dependencies and its team member; strangers get a polite
refusal in private and no data; a request with no user at all gets nothing.

Who is on the team is asked of the database at most once every `MEMBERS_TTL` seconds per
person (a burst of requests must not queue behind a query each): someone taken off the
team loses access within that time, in every replica; a stranger is asked about again
after `STRANGERS_TTL`, so someone just added does not wait. Concurrent misses for one
person wait for a single query (a cold burst of thirty requests asks once)."""

from __future__ import annotations

import logging
import threading
import time
from typing import Any

from slack_bolt import App, BoltContext, BoltResponse
from slack_sdk import WebClient

from bot.core.i18n import t
from bot.team.queries import find_member
from handlers.blocks.common import message
from handlers.context import Deps, Member
from handlers.work import FairPool

log = logging.getLogger(__name__)

# Events that anyone may trigger; their listeners handle a missing member themselves.
_OPEN_EVENTS = {"app_home_opened"}


MEMBERS_TTL = 30.0
STRANGERS_TTL = 3.0


class Members:
    """A short-lived cache of team lookups, safe across the server's threads."""

    def __init__(self, deps: Deps, ttl: float = MEMBERS_TTL) -> None:
        self._deps = deps
        self._ttl = ttl
        self._found: dict[str, tuple[float, Member | None]] = {}
        self._lock = threading.Lock()
        self._asking: dict[str, threading.Lock] = {}

    def get(self, user_id: str) -> Member | None:
        fresh = self._fresh(user_id)
        if fresh is not None:
            return fresh[0]
        with self._lock:
            asking = self._asking.setdefault(user_id, threading.Lock())
        with asking:
            fresh = self._fresh(user_id)  # another thread may have just asked
            if fresh is not None:
                return fresh[0]
            now = time.monotonic()
            member = _member(self._deps, user_id)
            with self._lock:
                self._found[user_id] = (now, member)
            return member

    def _fresh(self, user_id: str) -> tuple[Member | None] | None:
        with self._lock:
            cached = self._found.get(user_id)
        if cached is None:
            return None
        found_at, member = cached
        if time.monotonic() - found_at < (self._ttl if member is not None else STRANGERS_TTL):
            return (member,)
        return None


def register(app: App, deps: Deps, pool: FairPool) -> None:
    members = Members(deps)

    @app.middleware
    def gate(
        context: BoltContext, body: dict[str, Any], client: WebClient, next: Any
    ) -> BoltResponse | None:
        context["deps"] = deps
        context["work"] = pool
        default_lang = deps.settings.cobro_language
        if not context.user_id:
            if body.get("type") == "url_verification":
                next()
                return None
            return BoltResponse(status=400, body="")
        member = members.get(context.user_id)
        context["member"] = member
        context["lang"] = member.lang if member else default_lang
        if member is not None and body.get("type") == "view_submission":
            with pool.urgent():  # stored inside its ack: it goes before the answers
                next()
            return None
        if member is not None or _is_open_event(body):
            next()
            return None
        return _refuse(body, client, t("error.not_on_team", default_lang))


def _member(deps: Deps, user_id: str) -> Member | None:
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
