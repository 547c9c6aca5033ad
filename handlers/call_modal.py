"""Opening the call modal, from a command, a button or a message shortcut."""

from __future__ import annotations

from slack_sdk import WebClient

from bot import services
from handlers.blocks.call import CallPrefill, build_call_modal
from handlers.context import Deps, Member


def open_call_modal(
    client: WebClient,
    *,
    trigger_id: str,
    deps: Deps,
    member: Member,
    customer_id: int,
    prefill: CallPrefill | None = None,
) -> None:
    """Slack gives 3 seconds from the click to open a modal: one indexed read, then open."""
    ctx = services.call_context(
        deps.db,
        customer_id=customer_id,
        now=deps.clock.now(),
        policy=deps.policy(),
        currency=deps.settings.cobro_currency,
    )
    view = build_call_modal(ctx, member.lang, me=member.slack_user_id, prefill=prefill)
    client.views_open(trigger_id=trigger_id, view=view)
