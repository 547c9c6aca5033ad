"""Hecho, Posponer and Reasignar on a task, wherever it is shown (a DM, /cobro tareas)."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, App, BoltContext, Respond
from slack_sdk import WebClient
from slack_sdk.webhook import WebhookClient

from bot import services
from bot.errors import CobroError
from bot.i18n import error_text
from handlers.blocks.common import message
from handlers.blocks.forms import metadata_of, state_values
from handlers.blocks.tasks import build_reassign_modal, build_snooze_modal, build_task_changed
from handlers.context import action_value, asker
from handlers.delivery import deliver_now, refresh_home, tell
from handlers.errors import answer_form
from handlers.ids import Action, Callback
from handlers.notifier import SlackNotifier
from handlers.replies import reply_privately


def register(app: App) -> None:
    app.action(Action.TASK_DONE.value)(on_done)
    app.action(Action.TASK_SNOOZE.value)(on_snooze)
    app.action(Action.TASK_REASSIGN.value)(on_reassign)
    app.view(Callback.SNOOZE.value)(on_snooze_submitted)
    app.view(Callback.REASSIGN.value)(on_reassign_submitted)


def _answer(body: dict[str, Any], respond: Respond, client: WebClient, payload: dict) -> None:
    """Replace the message whose button was pressed; elsewhere, answer privately."""
    if body.get("response_url"):
        respond(replace_original=True, **payload)
    else:
        reply_privately(body=body, respond=None, client=client, payload=payload)


def on_done(
    ack: Ack, body: dict[str, Any], context: BoltContext, client: WebClient, respond: Respond
) -> None:
    ack()
    deps, member, lang = asker(context)
    value = action_value(body)
    try:
        task = services.complete_task(
            deps.db,
            task_id=int(value),
            actor_slack_id=member.slack_user_id,
            now=deps.clock.now(),
            lang=lang,
        )
    except (CobroError, ValueError) as error:
        reply_privately(
            body=body, respond=respond, client=client, payload=message(error_text(error, lang))
        )
        return
    _answer(body, respond, client, build_task_changed("task.marked_done", task, lang, deps.today()))
    refresh_home(deps, client, member)


def on_snooze(
    ack: Ack, body: dict[str, Any], context: BoltContext, client: WebClient, respond: Respond
) -> None:
    """1 hora and mañana apply at once; "otra fecha…" asks for a date in words."""
    ack()
    deps, member, lang = asker(context)
    task_id, _, choice = action_value(body).partition(":")
    if choice == "pick":
        client.views_open(
            trigger_id=body["trigger_id"],
            view=build_snooze_modal(int(task_id), lang, body.get("response_url")),
        )
        return
    try:
        task = services.snooze_task(
            deps.db,
            task_id=int(task_id),
            actor_slack_id=member.slack_user_id,
            until=choice,
            now=deps.clock.now(),
            policy=deps.policy(),
            lang=lang,
        )
    except (CobroError, ValueError) as error:
        reply_privately(
            body=body, respond=respond, client=client, payload=message(error_text(error, lang))
        )
        return
    _answer(body, respond, client, build_task_changed("task.snoozed", task, lang, deps.today()))
    refresh_home(deps, client, member)


def on_reassign(ack: Ack, body: dict[str, Any], context: BoltContext, client: WebClient) -> None:
    ack()
    client.views_open(
        trigger_id=body["trigger_id"],
        view=build_reassign_modal(
            int(action_value(body)), context["lang"], body.get("response_url")
        ),
    )


def _update_origin(meta: dict[str, Any], payload: dict[str, Any]) -> None:
    """The message whose button opened the modal shows the change (its response_url)."""
    url = meta.get("u")
    if url:
        WebhookClient(url).send(
            replace_original=True, text=payload["text"], blocks=payload["blocks"]
        )


def on_snooze_submitted(
    ack: Ack, context: BoltContext, client: WebClient, view: dict[str, Any]
) -> None:
    deps, member, lang = asker(context)
    meta = metadata_of(view)
    try:
        task = services.snooze_task(
            deps.db,
            task_id=int(meta.get("t") or 0),
            actor_slack_id=member.slack_user_id,
            until=state_values(view).get("when") or "",
            now=deps.clock.now(),
            policy=deps.policy(),
            lang=lang,
        )
    except CobroError as error:
        answer_form(ack, error, lang, "when")
        return
    ack()
    payload = build_task_changed("task.snoozed", task, lang, deps.today())
    _update_origin(meta, payload)
    tell(deps, client, member, payload)


def on_reassign_submitted(
    ack: Ack, context: BoltContext, client: WebClient, view: dict[str, Any]
) -> None:
    deps, member, lang = asker(context)
    meta = metadata_of(view)
    values = state_values(view)
    try:
        task, keys = services.reassign_task(
            deps.db,
            task_id=int(meta.get("t") or 0),
            actor_slack_id=member.slack_user_id,
            assignee=values.get("assignee"),
            supervisor=values.get("supervisor"),
            lang=lang,
            now=deps.clock.now(),
            notifier=SlackNotifier(deps.settings),
        )
    except CobroError as error:
        answer_form(ack, error, lang, "assignee")
        return
    ack()
    _update_origin(meta, build_task_changed("task.reassigned", task, lang, deps.today()))
    deliver_now(deps, client, keys)
    refresh_home(deps, client, member)
