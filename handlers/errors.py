"""One error handler: domain errors become the user's words, anything else is logged with its
stack trace and the user gets a calm, generic message (never the trace)."""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt import App, BoltContext, Respond
from slack_sdk import WebClient

from bot.errors import CobroError, FieldErrors
from bot.i18n import Lang, error_text, t
from handlers.blocks.common import message
from handlers.replies import reply_privately

log = logging.getLogger(__name__)


def register(app: App) -> None:
    @app.error
    def handle_error(
        error: Exception,
        body: dict[str, Any],
        context: BoltContext,
        client: WebClient,
        respond: Respond,
    ) -> None:
        lang: Lang = context.get("lang", "es")
        if isinstance(error, CobroError):
            text = error_text(error, lang)
        else:
            log.exception("unexpected error in a listener", exc_info=error)
            text = t("error.generic", lang)
        try:
            reply_privately(body=body, respond=respond, client=client, payload=message(text))
        except Exception:
            log.exception("could not tell the user about an error")


def field_errors(error: FieldErrors, lang: Lang) -> dict[str, str]:
    """A modal's `response_action: errors` map, in the user's language."""
    return {field: t(key, lang, **params) for field, (key, params) in error.errors.items()}
