"""Logging a call: the call modal from a command, a button or a message shortcut; the
playbook's suggestion when an excuse is chosen; the submission."""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt import Ack, App, BoltContext, Respond
from slack_sdk import WebClient

from bot.calls.rules import read_message, suggested_next_step
from bot.calls.service import log_call
from bot.core.errors import CobroError, SaveFailed
from bot.core.i18n import Lang, t
from bot.core.text import clean
from bot.core.vocabulary import ExcuseCategory
from bot.customers.service import call_context, find_customers
from handlers.blocks.call import CallPrefill, build_call_modal
from handlers.blocks.shortcut import build_find_customer_modal, prefill_from_message
from handlers.context import Deps, Member, action_id, action_value, asker
from handlers.errors import answer_form
from handlers.forms import call_form, choice_of, state_values
from handlers.ids import Action, Callback, Shortcut
from handlers.listeners.home import refresh_home
from handlers.metadata import CallMeta, MessageMeta
from handlers.notify.delivery import deliver_now

log = logging.getLogger(__name__)

MESSAGE_KEPT = 1500  # characters of the message carried in private_metadata


def register(app: App) -> None:
    app.action(Action.LOG_CALL.value)(on_log_call)
    app.action(Action.EXCUSE_CATEGORY.value)(on_excuse_category)
    app.view(Callback.CALL.value)(on_call_submitted)
    app.shortcut(Shortcut.LOG_FROM_MESSAGE.value)(on_log_from_message)
    app.view(Callback.FIND_CUSTOMER.value)(on_customer_given)


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
    ctx = call_context(
        deps.db,
        customer_id=customer_id,
        now=deps.clock.now(),
        policy=deps.policy(),
        currency=deps.settings.cobro_currency,
    )
    view = build_call_modal(ctx, member.lang, me=member.slack_user_id, prefill=prefill)
    client.views_open(trigger_id=trigger_id, view=view)


def on_log_call(
    ack: Ack, body: dict[str, Any], context: BoltContext, client: WebClient, respond: Respond
) -> None:
    ack()
    customer_id = action_id(body)
    if customer_id is None:
        return
    deps, member, _ = asker(context)
    open_call_modal(
        client, trigger_id=body["trigger_id"], deps=deps, member=member, customer_id=customer_id
    )


def on_excuse_category(
    ack: Ack, body: dict[str, Any], context: BoltContext, client: WebClient, respond: Respond
) -> None:
    """An excuse was chosen: suggest the playbook's next step, unless the user already wrote
    their own. The action ids of the task fields change so Slack shows the new values."""
    ack()
    deps, member, _ = asker(context)
    view = body.get("view") or {}
    values = state_values(view)
    meta = CallMeta.of(view)
    category = choice_of(ExcuseCategory, action_value(body))
    if category is None:
        return
    task, when, changed = suggested_next_step(
        category,
        member.lang,
        excuse=values.get("excuse"),
        typed_task=values.get("task"),
        typed_due=values.get("task_due"),
        last_suggestion=meta.suggestion,
    )
    ctx = call_context(
        deps.db,
        customer_id=meta.customer_id,
        now=deps.clock.now(),
        policy=deps.policy(),
        currency=deps.settings.cobro_currency,
    )
    typed = {k: v for k, v in values.items() if k in CallPrefill.__dataclass_fields__}
    prefill = CallPrefill(
        **{**typed, "excuse_category": category.value, "task": task, "task_due": when},
        revision=meta.revision + (1 if changed else 0),
    )
    client.views_update(
        view_id=view.get("id"),
        hash=view.get("hash"),
        view=build_call_modal(ctx, member.lang, me=member.slack_user_id, prefill=prefill),
    )


def on_call_submitted(
    ack: Ack, body: dict[str, Any], context: BoltContext, client: WebClient, respond: Respond
) -> None:
    """Stored before the modal closes; on a database failure the modal stays open with the
    user's text in it, so nothing typed is lost."""
    deps, member, lang = asker(context)
    try:
        logged = log_call(
            deps.db,
            call_form(body),
            author_slack_id=member.slack_user_id,
            now=deps.clock.now(),
            policy=deps.policy(),
            lang=lang,
            default_currency=deps.settings.cobro_currency,
            notifier=deps.notifier,
        )
    except SaveFailed as error:
        answer_form(ack, error, lang, "excuse")
        return
    except CobroError as error:
        answer_form(ack, error, lang, "outcome")
        return
    ack()
    deliver_now(deps, client, logged.outbox_keys)
    refresh_home(deps, client, member)


def on_log_from_message(
    ack: Ack, body: dict[str, Any], context: BoltContext, client: WebClient, respond: Respond
) -> None:
    """The shortcut "Registrar gestión": first ask which customer (the message rarely says
    it unambiguously), then the call modal prefilled from the message."""
    ack()
    text = clean(str((body.get("message") or {}).get("text") or ""))[:MESSAGE_KEPT]
    client.views_open(
        trigger_id=body["trigger_id"], view=build_find_customer_modal(text, context["lang"])
    )


def on_customer_given(
    ack: Ack, body: dict[str, Any], context: BoltContext, client: WebClient, respond: Respond
) -> None:
    """One match: swap in the prefilled call modal. None or several: say so on the field.
    Nothing is stored until the call modal is submitted."""
    deps, member, lang = asker(context)
    view = body.get("view") or {}
    query = state_values(view).get("customer") or ""
    matches = find_customers(deps.db, query) if query else []
    if len(matches) != 1:
        ack(response_action="errors", errors={"customer": _why(matches, query, lang)})
        return
    policy = deps.policy()
    now = deps.clock.now()
    ctx = call_context(
        deps.db,
        customer_id=matches[0].id,
        now=now,
        policy=policy,
        currency=deps.settings.cobro_currency,
    )
    text = MessageMeta.of(view).message
    reading = read_message(text, ctx.contacts, now=now, policy=policy, lang=lang)
    ack(
        response_action="update",
        view=build_call_modal(
            ctx, lang, me=member.slack_user_id, prefill=prefill_from_message(reading, text)
        ),
    )


def _why(matches: list[Any], query: str, lang: Lang) -> str:
    if not query:
        return t("customer.need_query_field", lang)
    if not matches:
        return t("customer.none", lang, query=query)
    names = "; ".join(f"{m.name} ({m.external_id})" for m in matches[:5])
    return t("customer.several", lang, names=names)
