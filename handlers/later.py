"""Answering after the ack: a listener acks in Bolt's thread and queues its answer on the
fair pool (`handlers.work`), so no answer, however slow, holds up anyone's ack.

An error raised by a queued answer reaches the same words as one raised in a listener
(`handlers.errors.tell`): the user hears it privately, in their language."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from slack_bolt import Ack, BoltContext, Respond
from slack_sdk import WebClient

from handlers import errors
from handlers.work import FairPool

log = logging.getLogger(__name__)

Listener = Callable[..., None]


def queue(
    context: BoltContext,
    body: dict[str, Any],
    client: WebClient,
    respond: Respond | None,
    job: Callable[[], None],
    *,
    kind: str | None = None,
) -> bool:
    """Run `job` on the pool, in the asking user's turn; False when that user already has
    a job of `kind` on its way (the caller says so at once) or the process is stopping."""
    pool: FairPool = context["work"]

    def run() -> None:
        try:
            job()
        except Exception as error:
            errors.tell(error, body=body, context=context, client=client, respond=respond)

    accepted = pool.submit(context.user_id or "", run, kind=kind)
    if not accepted and kind is None:
        log.warning("the process is stopping: a request was acked but not answered")
    return accepted


def acked(listener: Listener) -> Listener:
    """A button, a select or a shortcut: ack at once, then run `listener` on the pool with
    the same arguments (its own `ack()` is then a harmless no-op)."""

    def after_ack(
        ack: Ack, body: dict[str, Any], context: BoltContext, client: WebClient, respond: Respond
    ) -> None:
        ack()
        queue(
            context,
            body,
            client,
            respond,
            lambda: listener(ack=ack, body=body, context=context, client=client, respond=respond),
        )

    after_ack.__name__ = getattr(listener, "__name__", "after_ack")
    after_ack.__qualname__ = after_ack.__name__
    return after_ack
