"""Delivering what a listener just wrote to the outbox, right after Slack was answered."""

from __future__ import annotations

import logging
from typing import Any

from slack_sdk import WebClient

from bot import outbox
from handlers.context import Deps, Member
from handlers.notifier import SlackTransport

log = logging.getLogger(__name__)


def deliver_now(deps: Deps, client: WebClient, keys: list[str]) -> None:
    """Send these outbox rows now. They are already committed: if Slack or this process fails
    here, the scheduler's regular delivery sends them later, and never twice."""
    if not keys:
        return
    try:
        outbox.deliver(deps.db, SlackTransport(client), deps.clock, keys=keys)
    except Exception:  # the rows are safe in the outbox; the next delivery round retries
        log.exception("immediate delivery failed; the outbox will retry")


def refresh_home(deps: Deps, client: WebClient, member: Member) -> None:
    """A change (a call logged, a task done) shows on the Home tab at once. A courtesy: a
    failure here is logged, never shown, since the change itself is already stored."""
    from handlers.events import publish_home

    try:
        publish_home(client, deps, member)
    except Exception:
        log.warning("could not refresh the Home tab", exc_info=True)


def tell(deps: Deps, client: WebClient, member: Member, payload: dict[str, Any]) -> None:
    """After a change a member made from a modal: their receipt by DM, their Home refreshed."""
    client.chat_postMessage(channel=member.slack_user_id, **payload)
    refresh_home(deps, client, member)
