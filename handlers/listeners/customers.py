"""The customer card and what it offers: add a task, record a payment, export the history."""

from __future__ import annotations

import re
from functools import partial
from typing import Any

from slack_bolt import Ack, App, BoltContext, Respond
from slack_sdk import WebClient

from bot.calls.rules import AboveBalance, confirm_token
from bot.core.errors import CobroError, NotFound
from bot.core.i18n import Lang, t
from bot.core.money import amount_text
from bot.customers.rules import CallContext
from bot.customers.service import call_context, customer_card
from bot.history.service import export_history as export
from bot.payments.rules import echo_payment
from bot.payments.service import record_payment
from bot.tasks.service import add_task
from handlers.blocks.common import escape, message
from handlers.blocks.customer import build_customer_card, build_payment_modal, build_task_modal
from handlers.context import Deps, Member, action_id, action_value, asker
from handlers.errors import answer_form
from handlers.forms import payment_form, state_values, task_form, view_of
from handlers.ids import Action, Callback
from handlers.later import acked, queue
from handlers.listeners.home import settle
from handlers.metadata import CustomerMeta
from handlers.notify.delivery import deliver_now
from handlers.replies import reply_privately

# Enter in the payment modal's amount or date: its reading said back under it.
PAYMENT_ECHO = re.compile(r"^payment_(amount|date)$")


def register(app: App) -> None:
    app.action(Action.VIEW_CUSTOMER.value)(acked(on_view_customer))
    app.action(Action.ADD_TASK.value)(acked(on_add_task))
    app.action(Action.ADD_PAYMENT.value)(acked(on_add_payment))
    app.action(Action.EXPORT_HISTORY.value)(acked(on_export_history))
    app.action(PAYMENT_ECHO)(acked(on_payment_typed))
    app.view(Callback.ADD_TASK.value)(on_task_submitted)
    app.view(Callback.PAYMENT.value)(on_payment_submitted)


def _customer_id(body: dict[str, Any]) -> int:
    found = action_id(body)
    if found is None:
        raise NotFound(what_key="what.customer", value=action_value(body))
    return found


def card_payload(
    deps: Deps, customer_id: int, lang: Lang, viewer: str | None = None
) -> dict[str, Any]:
    card = customer_card(
        deps.db,
        customer_id=customer_id,
        now=deps.clock.now(),
        policy=deps.policy(),
        currency=deps.settings.cobro_currency,
        viewer_slack_id=viewer,
    )
    return build_customer_card(card, lang, deps.today())


def on_view_customer(
    ack: Ack, body: dict[str, Any], context: BoltContext, client: WebClient, respond: Respond
) -> None:
    ack()
    deps, member, lang = asker(context)
    payload = card_payload(deps, _customer_id(body), lang, viewer=member.slack_user_id)
    reply_privately(body=body, respond=respond, client=client, payload=payload)


def on_add_task(
    ack: Ack, body: dict[str, Any], context: BoltContext, client: WebClient, respond: Respond
) -> None:
    ack()
    _, member, _ = asker(context)
    client.views_open(
        trigger_id=body["trigger_id"],
        view=build_task_modal(_customer_id(body), member.lang, me=member.slack_user_id),
    )


def on_task_submitted(
    ack: Ack, body: dict[str, Any], context: BoltContext, client: WebClient, respond: Respond
) -> None:
    deps, member, lang = asker(context)
    try:
        _, keys = add_task(
            deps.db,
            task_form(body),
            author_slack_id=member.slack_user_id,
            now=deps.clock.now(),
            policy=deps.policy(),
            lang=lang,
            notifier=deps.notifier,
        )
    except CobroError as error:
        answer_form(ack, error, lang, "task")
        return
    ack()
    queue(context, body, client, respond, partial(settle, deps, client, member, keys))


def on_add_payment(
    ack: Ack, body: dict[str, Any], context: BoltContext, client: WebClient, respond: Respond
) -> None:
    """From the card (value: the customer) or a promise (value: customer:amount owed)."""
    ack()
    deps, member, _ = asker(context)
    _, _, amount = action_value(body).partition(":")
    ctx = call_context(
        deps.db,
        customer_id=_customer_id(body),
        now=deps.clock.now(),
        policy=deps.policy(),
        currency=deps.settings.cobro_currency,
    )
    typed: dict[str, str | None] = {"payment_amount": amount or amount_text(ctx.balance)}
    client.views_open(
        trigger_id=body["trigger_id"], view=_payment_modal(deps, ctx, member.lang, typed)
    )


def _payment_modal(
    deps: Deps,
    ctx: CallContext,
    lang: Lang,
    typed: dict[str, str | None],
    *,
    confirmed: str = "",
    warning: str = "",
) -> dict[str, Any]:
    """The payment modal with what was typed in it, each reading said back under it."""
    echo = echo_payment(
        typed.get("payment_amount"),
        typed.get("payment_date"),
        now=deps.clock.now(),
        policy=deps.policy(),
        lang=lang,
        currency=ctx.currency,
        balance=ctx.balance,
    )
    return build_payment_modal(
        ctx,
        lang,
        typed.get("payment_amount") or "",
        confirmed=confirmed,
        warning=warning,
        values=typed,
        echo=echo,
    )


def on_payment_typed(
    ack: Ack, body: dict[str, Any], context: BoltContext, client: WebClient, respond: Respond
) -> None:
    """Enter in the amount or the date: the modal redrawn with what it will record, in
    words, under each field (or why it cannot), before anything is saved."""
    ack()
    deps, _, lang = asker(context)
    view = view_of(body)
    if view.get("callback_id") != Callback.PAYMENT.value:
        return
    meta = CustomerMeta.of(view)
    ctx = call_context(
        deps.db,
        customer_id=meta.customer_id or 0,
        now=deps.clock.now(),
        policy=deps.policy(),
        currency=deps.settings.cobro_currency,
    )
    client.views_update(
        view_id=view.get("id"),
        hash=view.get("hash"),
        view=_payment_modal(deps, ctx, lang, state_values(view), confirmed=meta.amount_confirmed),
    )


def on_payment_submitted(
    ack: Ack, body: dict[str, Any], context: BoltContext, client: WebClient, respond: Respond
) -> None:
    deps, member, lang = asker(context)
    try:
        _, keys = record_payment(
            deps.db,
            payment_form(body),
            author_slack_id=member.slack_user_id,
            now=deps.clock.now(),
            policy=deps.policy(),
            lang=lang,
            currency=deps.settings.cobro_currency,
            notifier=deps.notifier,
        )
    except AboveBalance as above:  # above what is owed, or a few pesos of thousands
        ctx = call_context(
            deps.db,
            customer_id=CustomerMeta.of(view_of(body)).customer_id or 0,
            now=deps.clock.now(),
            policy=deps.policy(),
            currency=deps.settings.cobro_currency,
        )
        view = _payment_modal(
            deps,
            ctx,
            lang,
            state_values(view_of(body)),
            confirmed=confirm_token(above.total),
            warning=above.words(lang),
        )
        ack(response_action="update", view=view)
        return
    except CobroError as error:
        answer_form(ack, error, lang, "payment_amount")
        return
    ack()
    queue(context, body, client, respond, partial(settle, deps, client, member, keys))


def on_export_history(
    ack: Ack, body: dict[str, Any], context: BoltContext, client: WebClient, respond: Respond
) -> None:
    ack()
    deps, member, lang = asker(context)
    request = str(body.get("trigger_id") or "")[-60:]
    payload = export_history(deps, member, lang, _customer_id(body), client, request)
    reply_privately(body=body, respond=respond, client=client, payload=payload)


def export_history(
    deps: Deps, member: Member, lang: Lang, customer_id: int, client: WebClient, request: str
) -> dict[str, Any]:
    """The CSV goes to the requester's DM (never to the channel the request came from);
    the answer says so."""
    exported = export(
        deps.db,
        customer_id=customer_id,
        member_id=member.id,
        request=request,
        now=deps.clock.now(),
        policy=deps.policy(),
        lang=lang,
        notifier=deps.notifier,
    )
    deliver_now(deps, client, exported.outbox_keys)
    return message(t("history.sent_to_dm", lang, customer=escape(exported.customer)))
