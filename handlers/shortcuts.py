"""Shortcuts: "Registrar gestión" on a message."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, App, BoltContext, Respond
from slack_sdk import WebClient

from bot.i18n import t
from handlers.ids import Shortcut
from handlers.replies import reply_coming_soon


def register(app: App) -> None:
    app.shortcut(Shortcut.LOG_FROM_MESSAGE.value)(on_log_from_message)


def on_log_from_message(
    ack: Ack, body: dict[str, Any], context: BoltContext, client: WebClient, respond: Respond
) -> None:
    ack()
    reply_coming_soon(
        body=body, respond=respond, client=client, text=t("shortcut.coming_soon", context["lang"])
    )
