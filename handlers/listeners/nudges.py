"""The overflow menu of an item of the day's nudge list: Hecho and Posponer act on the task
and the list is edited in place (no answer replaces it); Ver cliente, Registrar llamada and
Registrar pago do what the same buttons do elsewhere."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, App, BoltContext, Respond
from slack_sdk import WebClient

from bot.core.errors import NotFound
from bot.tasks.service import complete_task, snooze_task
from handlers.blocks.tasks import build_snooze_modal
from handlers.context import action_value, asker
from handlers.ids import Action
from handlers.listeners.calls import on_log_call
from handlers.listeners.customers import on_add_payment, on_view_customer
from handlers.listeners.home import refresh_home
from handlers.notify.delivery import deliver_now


def register(app: App) -> None:
    app.action(Action.NUDGE_ITEM.value)(on_nudge_item)


def _id(text: str) -> int:
    if not text.isdigit():
        raise NotFound(what_key="what.task", value=text)
    return int(text)


def _as_button(body: dict[str, Any], value: str) -> dict[str, Any]:
    """The request as if the item's own button had been pressed, carrying `value`."""
    action = {**(body.get("actions") or [{}])[0], "value": value}
    action.pop("selected_option", None)
    return {**body, "actions": [action]}


def on_nudge_item(
    ack: Ack, body: dict[str, Any], context: BoltContext, client: WebClient, respond: Respond
) -> None:
    choice, _, rest = action_value(body).partition(":")
    if choice == "customer":
        on_view_customer(ack, _as_button(body, rest), context, client, respond)
        return
    if choice == "call":
        on_log_call(ack, _as_button(body, rest), context, client, respond)
        return
    if choice == "payment":
        on_add_payment(ack, _as_button(body, rest), context, client, respond)
        return
    ack()
    deps, member, lang = asker(context)
    task_id, _, until = rest.partition(":")
    if choice == "snooze" and until == "pick":
        client.views_open(
            trigger_id=body["trigger_id"], view=build_snooze_modal(_id(task_id), lang, None)
        )
        return
    common: dict[str, Any] = {
        "task_id": _id(task_id),
        "actor_slack_id": member.slack_user_id,
        "now": deps.clock.now(),
        "lang": lang,
        "policy": deps.policy(),
        "notifier": deps.notifier,
        "currency": deps.settings.cobro_currency,
    }
    if choice == "done":
        _, keys = complete_task(deps.db, **common)
    elif choice == "snooze":
        _, keys = snooze_task(deps.db, until=until, **common)
    else:
        return
    deliver_now(deps, client, keys)
    refresh_home(deps, client, member)
