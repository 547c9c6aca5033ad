"""Buttons on messages and the Home tab."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, App, BoltContext, Respond
from slack_sdk import WebClient

from bot.i18n import t
from handlers.ids import Action
from handlers.replies import reply_coming_soon


def register(app: App) -> None:
    app.action(Action.LOG_CALL.value)(on_not_yet)
    app.action(Action.VIEW_CUSTOMER.value)(on_not_yet)
    app.action(Action.OPEN_HELP.value)(on_not_yet)


def on_not_yet(
    ack: Ack, body: dict[str, Any], context: BoltContext, client: WebClient, respond: Respond
) -> None:
    """Until the call modal and the customer card land, say so instead of failing."""
    ack()
    reply_coming_soon(
        body=body, respond=respond, client=client, text=t("action.coming_soon", context["lang"])
    )
