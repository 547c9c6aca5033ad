"""Sending an answer back to the person who asked, privately, wherever they asked from."""

from __future__ import annotations

from typing import Any

from slack_bolt import Respond
from slack_sdk import WebClient


def reply_privately(
    *, body: dict[str, Any], respond: Respond | None, client: WebClient, payload: dict[str, Any]
) -> None:
    """Through the response_url when Slack gave one, else as an ephemeral or a DM."""
    if respond is not None and body.get("response_url"):
        respond(response_type="ephemeral", replace_original=False, **payload)
        return
    user = (body.get("user") or {}).get("id") or body.get("user_id")
    channel = (body.get("channel") or {}).get("id") or body.get("channel_id")
    if channel and user:
        client.chat_postEphemeral(channel=channel, user=user, **payload)
    elif user:
        client.chat_postMessage(channel=user, **payload)
