"""Hecho, Posponer and Reasignar on a task, wherever it is shown (a DM, /cobro tareas)."""

from __future__ import annotations

from functools import partial
from typing import Any

from slack_bolt import Ack, App, BoltContext, Respond
from slack_sdk import WebClient
from slack_sdk.webhook import WebhookClient

from bot.core.errors import CobroError, NotFound
from bot.tasks.service import complete_task, reassign_task, snooze_task
from handlers.blocks.tasks import build_reassign_modal, build_snooze_modal, build_task_changed
from handlers.context import Deps, Member, action_value, asker
from handlers.errors import answer_form
from handlers.forms import state_values, submission_of
from handlers.ids import Action, Callback
from handlers.later import acked, queue
from handlers.listeners.home import settle
from handlers.metadata import TaskMeta
from handlers.replies import reply_privately


def register(app: App) -> None:
    app.action(Action.TASK_DONE.value)(acked(on_done))
    app.action(Action.TASK_SNOOZE.value)(acked(on_snooze))
    app.action(Action.TASK_REASSIGN.value)(acked(on_reassign))
    app.view(Callback.SNOOZE.value)(on_snooze_submitted)
    app.view(Callback.REASSIGN.value)(on_reassign_submitted)


def _task_id(text: str) -> int:
    if not text.isdigit():
        raise NotFound(what_key="what.task", value=text)
    return int(text)


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
    task, keys = complete_task(
        deps.db,
        task_id=_task_id(action_value(body)),
        actor_slack_id=member.slack_user_id,
        now=deps.clock.now(),
        lang=lang,
        policy=deps.policy(),
        notifier=deps.notifier,
        currency=deps.settings.cobro_currency,
    )
    _answer(body, respond, client, build_task_changed("task.marked_done", task, lang, deps.today()))
    settle(deps, client, member, keys)


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
            view=build_snooze_modal(_task_id(task_id), lang, body.get("response_url")),
        )
        return
    task, keys = snooze_task(
        deps.db,
        task_id=_task_id(task_id),
        actor_slack_id=member.slack_user_id,
        until=choice,
        now=deps.clock.now(),
        policy=deps.policy(),
        lang=lang,
        notifier=deps.notifier,
        currency=deps.settings.cobro_currency,
    )
    _answer(body, respond, client, build_task_changed("task.snoozed", task, lang, deps.today()))
    settle(deps, client, member, keys)


def on_reassign(
    ack: Ack, body: dict[str, Any], context: BoltContext, client: WebClient, respond: Respond
) -> None:
    ack()
    client.views_open(
        trigger_id=body["trigger_id"],
        view=build_reassign_modal(
            _task_id(action_value(body)), context["lang"], body.get("response_url")
        ),
    )


def _settle_task(
    deps: Deps,
    client: WebClient,
    member: Member,
    meta: TaskMeta,
    changed: dict[str, Any],
    keys: list[str],
) -> None:
    _update_origin(meta, changed)
    settle(deps, client, member, keys)


def _update_origin(meta: TaskMeta, payload: dict[str, Any]) -> None:
    """The message whose button opened the modal shows the change (its response_url)."""
    if meta.response_url:
        WebhookClient(meta.response_url).send(
            replace_original=True, text=payload["text"], blocks=payload["blocks"]
        )


def on_snooze_submitted(
    ack: Ack, body: dict[str, Any], context: BoltContext, client: WebClient, respond: Respond
) -> None:
    deps, member, lang = asker(context)
    view = body.get("view") or {}
    meta = TaskMeta.of(view)
    try:
        task, keys = snooze_task(
            deps.db,
            task_id=meta.task_id,
            actor_slack_id=member.slack_user_id,
            until=state_values(view).get("when") or "",
            now=deps.clock.now(),
            policy=deps.policy(),
            lang=lang,
            notifier=deps.notifier,
            receipt_for=submission_of(body),
            currency=deps.settings.cobro_currency,
        )
    except CobroError as error:
        answer_form(ack, error, lang, "when")
        return
    ack()
    changed = build_task_changed("task.snoozed", task, lang, deps.today())
    queue(
        context,
        body,
        client,
        respond,
        partial(_settle_task, deps, client, member, meta, changed, keys),
    )


def on_reassign_submitted(
    ack: Ack, body: dict[str, Any], context: BoltContext, client: WebClient, respond: Respond
) -> None:
    deps, member, lang = asker(context)
    view = body.get("view") or {}
    meta = TaskMeta.of(view)
    values = state_values(view)
    try:
        task, keys = reassign_task(
            deps.db,
            task_id=meta.task_id,
            actor_slack_id=member.slack_user_id,
            assignee=values.get("assignee"),
            supervisor=values.get("supervisor"),
            lang=lang,
            now=deps.clock.now(),
            policy=deps.policy(),
            notifier=deps.notifier,
            submission=submission_of(body),
        )
    except CobroError as error:
        answer_form(ack, error, lang, "assignee")
        return
    ack()
    changed = build_task_changed("task.reassigned", task, lang, deps.today())
    queue(
        context,
        body,
        client,
        respond,
        partial(_settle_task, deps, client, member, meta, changed, keys),
    )
