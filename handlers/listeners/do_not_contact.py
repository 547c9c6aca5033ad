""" "No contactar" from the customer card: the modal, and its submission."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, App, BoltContext, Respond
from slack_sdk import WebClient

from bot.core.errors import CobroError, NotFound
from bot.core.i18n import t
from bot.customers.service import call_context, mark_do_not_contact
from handlers.blocks.common import escape, section
from handlers.blocks.do_not_contact import WHOLE_CUSTOMER, build_do_not_contact_modal
from handlers.context import action_id, asker
from handlers.errors import answer_form
from handlers.forms import state_values
from handlers.ids import Action, Callback
from handlers.metadata import CustomerMeta


def register(app: App) -> None:
    app.action(Action.DO_NOT_CONTACT.value)(on_do_not_contact)
    app.view(Callback.DO_NOT_CONTACT.value)(on_do_not_contact_submitted)


def on_do_not_contact(
    ack: Ack, body: dict[str, Any], context: BoltContext, client: WebClient, respond: Respond
) -> None:
    ack()
    deps, _, lang = asker(context)
    customer_id = action_id(body)
    if customer_id is None:
        raise NotFound(what_key="what.customer", value="")
    ctx = call_context(
        deps.db,
        customer_id=customer_id,
        now=deps.clock.now(),
        policy=deps.policy(),
        currency=deps.settings.cobro_currency,
    )
    client.views_open(
        trigger_id=body["trigger_id"],
        view=build_do_not_contact_modal(ctx.customer_id, ctx.name, ctx.contacts, lang),
    )


def on_do_not_contact_submitted(
    ack: Ack, body: dict[str, Any], context: BoltContext, client: WebClient, respond: Respond
) -> None:
    deps, member, lang = asker(context)
    view = body.get("view") or {}
    values = state_values(view)
    who = values.get("who") or WHOLE_CUSTOMER
    reason = values.get("reason") or ""
    try:
        name = mark_do_not_contact(
            deps.db,
            customer_id=CustomerMeta.of(view).customer_id or 0,
            contact_id=None if who == WHOLE_CUSTOMER else int(who),
            reason=reason,
            actor_slack_id=member.slack_user_id,
            lang=lang,
        )
    except CobroError as error:
        answer_form(ack, error, lang, "reason")
        return
    done = t("dnc.marked", lang, name=escape(name), reason=escape(reason.strip()))
    ack(
        response_action="update",
        view={
            "type": "modal",
            "title": {"type": "plain_text", "text": t("dnc.title", lang)},
            "close": {"type": "plain_text", "text": t("dnc.close", lang)},
            "blocks": [section(done)],
        },
    )
