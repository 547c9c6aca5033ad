"""The buttons on my promises: move the date, hand it to a colleague (Registrar pago opens
the payment modal, in `customers`)."""

from __future__ import annotations

from functools import partial
from typing import Any

from slack_bolt import Ack, App, BoltContext, Respond
from slack_sdk import WebClient

from bot.core.errors import CobroError, NotFound
from bot.promises.service import move_promise, reassign_promise
from handlers.blocks.promises import build_promise_move_modal, build_promise_reassign_modal
from handlers.context import action_id, action_value, asker
from handlers.errors import answer_form
from handlers.forms import state_values, submission_of
from handlers.ids import Action, Callback
from handlers.later import acked, queue
from handlers.listeners.home import settle
from handlers.metadata import PromiseMeta


def register(app: App) -> None:
    app.action(Action.PROMISE_MOVE.value)(acked(on_move))
    app.action(Action.PROMISE_REASSIGN.value)(acked(on_reassign))
    app.view(Callback.PROMISE_MOVE.value)(on_move_submitted)
    app.view(Callback.PROMISE_REASSIGN.value)(on_reassign_submitted)


def _promise_id(body: dict[str, Any]) -> int:
    found = action_id(body)
    if found is None:
        raise NotFound(what_key="what.promise", value=action_value(body))
    return found


def on_move(
    ack: Ack, body: dict[str, Any], context: BoltContext, client: WebClient, respond: Respond
) -> None:
    ack()
    client.views_open(
        trigger_id=body["trigger_id"],
        view=build_promise_move_modal(_promise_id(body), context["lang"]),
    )


def on_reassign(
    ack: Ack, body: dict[str, Any], context: BoltContext, client: WebClient, respond: Respond
) -> None:
    ack()
    client.views_open(
        trigger_id=body["trigger_id"],
        view=build_promise_reassign_modal(_promise_id(body), context["lang"]),
    )


def on_move_submitted(
    ack: Ack, body: dict[str, Any], context: BoltContext, client: WebClient, respond: Respond
) -> None:
    deps, member, lang = asker(context)
    view = body.get("view") or {}
    try:
        keys = move_promise(
            deps.db,
            promise_id=PromiseMeta.of(view).promise_id,
            actor_slack_id=member.slack_user_id,
            when=state_values(view).get("when") or "",
            why=state_values(view).get("why") or "",
            source_key=submission_of(body),
            now=deps.clock.now(),
            policy=deps.policy(),
            lang=lang,
            notifier=deps.notifier,
        )
    except CobroError as error:
        answer_form(ack, error, lang, "when")
        return
    ack()
    queue(context, body, client, respond, partial(settle, deps, client, member, keys))


def on_reassign_submitted(
    ack: Ack, body: dict[str, Any], context: BoltContext, client: WebClient, respond: Respond
) -> None:
    deps, member, lang = asker(context)
    view = body.get("view") or {}
    try:
        keys = reassign_promise(
            deps.db,
            promise_id=PromiseMeta.of(view).promise_id,
            actor_slack_id=member.slack_user_id,
            to=state_values(view).get("assignee"),
            source_key=submission_of(body),
            lang=lang,
            now=deps.clock.now(),
            notifier=deps.notifier,
        )
    except CobroError as error:
        answer_form(ack, error, lang, "assignee")
        return
    ack()
    queue(context, body, client, respond, partial(settle, deps, client, member, keys))
