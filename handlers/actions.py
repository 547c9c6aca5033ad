"""Buttons on messages, modals and the Home tab."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, App, BoltContext, Respond
from slack_sdk import WebClient

from bot import services
from bot.calls import suggested_next_step
from bot.vocabulary import ExcuseCategory
from handlers.blocks.call import CallPrefill, build_call_modal
from handlers.blocks.forms import choice_of, metadata_of, state_values
from handlers.blocks.help import build_help
from handlers.call_modal import open_call_modal
from handlers.context import Deps, Member, action_value
from handlers.ids import Action
from handlers.replies import reply_privately


def register(app: App) -> None:
    app.action(Action.LOG_CALL.value)(on_log_call)
    app.action(Action.EXCUSE_CATEGORY.value)(on_excuse_category)
    app.action(Action.OPEN_HELP.value)(on_open_help)


def on_log_call(ack: Ack, body: dict[str, Any], context: BoltContext, client: WebClient) -> None:
    ack()
    value = action_value(body)
    if not value.isdigit():
        return
    open_call_modal(
        client,
        trigger_id=body["trigger_id"],
        deps=context["deps"],
        member=context["member"],
        customer_id=int(value),
    )


def on_excuse_category(
    ack: Ack, body: dict[str, Any], context: BoltContext, client: WebClient
) -> None:
    """An excuse was chosen: suggest the playbook's next step, unless the user already wrote
    their own. The action ids of the task fields change so Slack shows the new values."""
    ack()
    deps: Deps = context["deps"]
    member: Member = context["member"]
    view = body.get("view") or {}
    values = state_values(view)
    meta = metadata_of(view)
    category = choice_of(ExcuseCategory, action_value(body))
    if category is None:
        return
    task, when, changed = suggested_next_step(
        category,
        member.lang,
        excuse=values.get("excuse"),
        typed_task=values.get("task"),
        typed_due=values.get("task_due"),
        last_suggestion=meta.get("s"),
    )
    revision = int(meta.get("r") or 0) + (1 if changed else 0)
    ctx = services.call_context(
        deps.db,
        customer_id=int(meta.get("c") or 0),
        now=deps.clock.now(),
        policy=deps.policy(),
        currency=deps.settings.cobro_currency,
    )
    typed = {k: v for k, v in values.items() if k in CallPrefill.__dataclass_fields__}
    prefill = CallPrefill(
        **{**typed, "excuse_category": category.value, "task": task, "task_due": when},
        revision=revision,
    )
    client.views_update(
        view_id=view.get("id"),
        hash=view.get("hash"),
        view=build_call_modal(ctx, member.lang, me=member.slack_user_id, prefill=prefill),
    )


def on_open_help(
    ack: Ack, body: dict[str, Any], context: BoltContext, client: WebClient, respond: Respond
) -> None:
    ack()
    reply_privately(body=body, respond=respond, client=client, payload=build_help(context["lang"]))
