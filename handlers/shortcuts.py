"""The message shortcut "Registrar gestión": a note typed as a message becomes a call log.

The first modal asks which customer (the message rarely says it unambiguously); once the
customer is known, the call modal replaces it, prefilled from the message (the person after
"hablé con", the excuse its words suggest, the promised date found in the sentence) for the
user to confirm. Nothing is stored until the call modal is submitted.
"""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, App, BoltContext
from slack_sdk import WebClient

from bot import services
from bot.calls import read_message
from bot.i18n import Lang, t
from handlers.blocks.call import build_call_modal
from handlers.blocks.forms import metadata_of, state_values
from handlers.blocks.shortcut import build_find_customer_modal, prefill_from_message
from handlers.context import Deps, Member
from handlers.ids import Callback, Shortcut

MESSAGE_KEPT = 1500  # characters of the message carried in private_metadata


def register(app: App) -> None:
    app.shortcut(Shortcut.LOG_FROM_MESSAGE.value)(on_log_from_message)
    app.view(Callback.FIND_CUSTOMER.value)(on_customer_given)


def on_log_from_message(
    ack: Ack, body: dict[str, Any], context: BoltContext, client: WebClient
) -> None:
    ack()
    text = ((body.get("message") or {}).get("text") or "")[:MESSAGE_KEPT]
    client.views_open(
        trigger_id=body["trigger_id"], view=build_find_customer_modal(text, context["lang"])
    )


def on_customer_given(ack: Ack, context: BoltContext, view: dict[str, Any]) -> None:
    """One match: swap in the prefilled call modal. None or several: say so on the field."""
    deps: Deps = context["deps"]
    member: Member = context["member"]
    lang: Lang = context["lang"]
    query = state_values(view).get("customer") or ""
    matches = services.find_customers(deps.db, query) if query else []
    if len(matches) != 1:
        ack(response_action="errors", errors={"customer": _why(matches, query, lang)})
        return
    policy = deps.policy()
    now = deps.clock.now()
    ctx = services.call_context(
        deps.db,
        customer_id=matches[0].id,
        now=now,
        policy=policy,
        currency=deps.settings.cobro_currency,
    )
    text = str(metadata_of(view).get("m") or "")
    reading = read_message(text, ctx.contacts, now=now, policy=policy, lang=lang)
    prefill = prefill_from_message(reading, text)
    ack(
        response_action="update",
        view=build_call_modal(ctx, lang, me=member.slack_user_id, prefill=prefill),
    )


def _why(matches: list[Any], query: str, lang: Lang) -> str:
    if not query:
        return t("customer.need_query_field", lang)
    if not matches:
        return t("customer.none", lang, query=query)
    names = "; ".join(f"{m.name} ({m.external_id})" for m in matches[:5])
    return t("customer.several", lang, names=names)
