"""The help button."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, App, BoltContext, Respond
from slack_sdk import WebClient

from handlers.blocks.help import build_help
from handlers.ids import Action
from handlers.later import acked
from handlers.replies import reply_privately


def register(app: App) -> None:
    app.action(Action.OPEN_HELP.value)(acked(on_open_help))


def on_open_help(
    ack: Ack, body: dict[str, Any], context: BoltContext, client: WebClient, respond: Respond
) -> None:
    ack()
    reply_privately(body=body, respond=respond, client=client, payload=build_help(context["lang"]))
