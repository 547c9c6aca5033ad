"""One error handler: domain errors become the user's words, anything else is logged with its
stack trace and the user gets a calm, generic message (never the trace)."""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt import Ack, App, BoltContext, Respond
from slack_sdk import WebClient

from bot.core.errors import CobroError, FormRejected
from bot.core.i18n import Lang, error_text, t
from handlers.blocks.common import escape, message
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
        tell(error, body=body, context=context, client=client, respond=respond)


def tell(
    error: Exception,
    *,
    body: dict[str, Any],
    context: BoltContext,
    client: WebClient,
    respond: Respond | None,
) -> None:
    """The user hears what went wrong, privately: a domain error in their words, anything
    else as a calm generic message (its stack trace goes to the log)."""
    lang: Lang = context.get("lang", "es")
    if isinstance(error, CobroError):
        text = error_text(error, lang, quote=escape)
    else:
        log.exception("unexpected error in a listener", exc_info=error)
        text = t("error.generic", lang)
    try:
        reply_privately(body=body, respond=respond, client=client, payload=message(text))
    except Exception:
        log.exception("could not tell the user about an error")


def answer_form(ack: Ack, error: CobroError, lang: Lang, field: str) -> None:
    """Refuse a modal submission: each field's message on its field; any other domain error
    (not on the team, not yours…) on `field`, the modal's main one. The modal stays open
    with everything the user typed."""
    if isinstance(error, FormRejected):
        ack(response_action="errors", errors=error.messages)
    else:
        ack(response_action="errors", errors={field: error_text(error, lang)})
