"""Delivering what a listener just wrote to the outbox, right after Slack was answered."""

from __future__ import annotations

import logging

from slack_sdk import WebClient

from bot.outbox.pace import shared_pace
from bot.outbox.service import deliver
from handlers.context import Deps
from handlers.notify.transport import SlackTransport

log = logging.getLogger(__name__)


def deliver_now(deps: Deps, client: WebClient, keys: list[str]) -> None:
    """Send these outbox rows now. They are already committed: if Slack or this process fails
    here, the scheduler's regular delivery sends them later, and never twice."""
    if not keys:
        return
    try:
        pace = shared_pace(deps.settings.cobro_slack_messages_per_minute)
        deliver(deps.db, SlackTransport(client), deps.clock, keys=keys, pace=pace)
    except Exception:  # the rows are safe in the outbox; the next delivery round retries
        log.exception("immediate delivery failed; the outbox will retry")
