"""A supervisor running the team: a collector's day, tasks and promises from the Home,
moving a portfolio, giving an orphan account a collector, holding an escalated account's
credit or handing it over to an agency or legal; a member deactivated in Slack."""

from __future__ import annotations

from functools import partial
from typing import Any

from slack_bolt import Ack, App, BoltContext, Respond
from slack_sdk import WebClient

from bot.agenda.service import agenda_today
from bot.core.errors import CobroError, NotFound
from bot.core.i18n import t
from bot.supervision.rules import customer_list
from bot.supervision.service import (
    assign_customer,
    hand_over,
    member_left_slack,
    promises_of,
    reassign,
    set_credit_hold,
    tasks_of,
)
from handlers.blocks.agenda import build_today_messages
from handlers.blocks.common import escape, message
from handlers.blocks.promises import build_promise_list
from handlers.blocks.supervision import (
    assigned_text,
    build_moved_view,
    build_reassign_modal,
)
from handlers.blocks.tasks import build_task_list
from handlers.context import action_id, action_value, asker
from handlers.errors import answer_form
from handlers.forms import state_values
from handlers.ids import Action, Callback
from handlers.later import acked, queue
from handlers.listeners.customers import card_payload
from handlers.listeners.home import refresh_home
from handlers.metadata import ReassignMeta
from handlers.notify.delivery import deliver_now
from handlers.replies import reply_privately


def register(app: App) -> None:
    app.action(Action.TEAM_DAY.value)(acked(on_team_day))
    app.action(Action.TEAM_TASKS.value)(acked(on_team_tasks))
    app.action(Action.TEAM_PROMISES.value)(acked(on_team_promises))
    app.action(Action.TEAM_REASSIGN.value)(acked(on_team_reassign))
    app.view(Callback.REASSIGN_PORTFOLIO.value)(on_reassign_submitted)
    app.action(Action.ASSIGN_ORPHAN.value)(acked(on_assign_orphan))
    app.action(Action.CREDIT_HOLD.value)(acked(on_credit_hold))
    app.action(Action.CREDIT_RELEASE.value)(acked(on_credit_hold))
    app.action(Action.HAND_OVER.value)(acked(on_hand_over))
    app.event("user_change")(on_user_change)


def _person(body: dict[str, Any]) -> str:
    value = action_value(body)
    if not value:
        raise NotFound(what_key="what.member", value="?")
    return value


def on_team_day(
    ack: Ack, body: dict[str, Any], context: BoltContext, client: WebClient, respond: Respond
) -> None:
    """The collector's calls for today, as `/cobro hoy @luis` shows them, privately."""
    ack()
    deps, member, lang = asker(context)
    policy = deps.policy()
    result = agenda_today(
        deps.db, requester_id=member.id, target=_person(body), now=deps.clock.now(), policy=policy
    )
    company = deps.settings.cobro_company
    now = deps.clock.now()
    for payload in build_today_messages(result, lang, company=company, policy=policy, now=now):
        reply_privately(body=body, respond=None, client=client, payload=payload)


def on_team_tasks(
    ack: Ack, body: dict[str, Any], context: BoltContext, client: WebClient, respond: Respond
) -> None:
    ack()
    deps, member, lang = asker(context)
    whose, views = tasks_of(deps.db, requester_id=member.id, person=_person(body), lang=lang)
    payload = build_task_list(views, lang, deps.today(), whose=whose.name)
    reply_privately(body=body, respond=None, client=client, payload=payload)


def on_team_promises(
    ack: Ack, body: dict[str, Any], context: BoltContext, client: WebClient, respond: Respond
) -> None:
    ack()
    deps, member, lang = asker(context)
    whose, lines = promises_of(
        deps.db,
        requester_id=member.id,
        person=_person(body),
        currency=deps.settings.cobro_currency,
    )
    payload = build_promise_list(lines, lang, deps.today(), whose=whose.name)
    reply_privately(body=body, respond=None, client=client, payload=payload)


def on_team_reassign(
    ack: Ack, body: dict[str, Any], context: BoltContext, client: WebClient, respond: Respond
) -> None:
    ack()
    client.views_open(
        trigger_id=body["trigger_id"], view=build_reassign_modal(_person(body), context["lang"])
    )


def on_reassign_submitted(
    ack: Ack, body: dict[str, Any], context: BoltContext, client: WebClient, respond: Respond
) -> None:
    deps, member, lang = asker(context)
    view = body.get("view") or {}
    values = state_values(view)
    try:
        moved = reassign(
            deps.db,
            actor_id=member.id,
            giver=ReassignMeta.of(view).giver,
            taker=values.get("assignee") or "",
            customers_named=customer_list(values.get("customers")),
            now=deps.clock.now(),
        )
    except CobroError as error:
        answer_form(ack, error, lang, "assignee")
        return
    ack(response_action="update", view=build_moved_view(moved, lang))
    queue(context, body, client, respond, partial(refresh_home, deps, client, member))


def on_assign_orphan(
    ack: Ack, body: dict[str, Any], context: BoltContext, client: WebClient, respond: Respond
) -> None:
    """From the supervisors' summary: the chosen option says the customer and collector."""
    ack()
    deps, member, lang = asker(context)
    customer, _, collector = action_value(body).partition(":")
    if not customer.isdigit() or not collector.isdigit():
        raise NotFound(what_key="what.customer", value=action_value(body))
    name, moved = assign_customer(
        deps.db,
        actor_slack_id=member.slack_user_id,
        customer_id=int(customer),
        collector_id=int(collector),
        now=deps.clock.now(),
    )
    reply_privately(
        body=body, respond=respond, client=client, payload=message(assigned_text(name, moved, lang))
    )


def _customer_id(body: dict[str, Any]) -> int:
    found = action_id(body)
    if found is None:
        raise NotFound(what_key="what.customer", value=action_value(body))
    return found


def _from_card(body: dict[str, Any]) -> bool:
    actions = body.get("actions") or [{}]
    return str(actions[0].get("block_id") or "").startswith("card-")


def on_credit_hold(
    ack: Ack, body: dict[str, Any], context: BoltContext, client: WebClient, respond: Respond
) -> None:
    """Retener / Liberar crédito: on a card, the card comes back with the flag; elsewhere
    (the supervisors' summary) a private line says it."""
    ack()
    deps, member, lang = asker(context)
    hold = (body.get("actions") or [{}])[0].get("action_id") == Action.CREDIT_HOLD.value
    customer_id = _customer_id(body)
    name = set_credit_hold(
        deps.db,
        actor_slack_id=member.slack_user_id,
        customer_id=customer_id,
        hold=hold,
        now=deps.clock.now(),
        policy=deps.policy(),
    )
    if _from_card(body) and body.get("response_url"):
        respond(
            replace_original=True, **card_payload(deps, customer_id, lang, member.slack_user_id)
        )
        return
    text = t("supervision.held" if hold else "supervision.released", lang, customer=escape(name))
    reply_privately(body=body, respond=respond, client=client, payload=message(text))


def on_hand_over(
    ack: Ack, body: dict[str, Any], context: BoltContext, client: WebClient, respond: Respond
) -> None:
    ack()
    deps, member, lang = asker(context)
    done = hand_over(
        deps.db,
        actor_slack_id=member.slack_user_id,
        customer_id=_customer_id(body),
        now=deps.clock.now(),
        policy=deps.policy(),
        lang=lang,
        notifier=deps.notifier,
    )
    deliver_now(deps, client, done.outbox_keys)
    text = t("supervision.handed_over", lang, customer=escape(done.customer))
    reply_privately(body=body, respond=respond, client=client, payload=message(text))


def on_user_change(body: dict[str, Any], context: BoltContext, client: WebClient) -> None:
    """Slack says someone changed; deactivated (`deleted`) members leave the team."""
    user = (body.get("event") or {}).get("user") or {}
    if not isinstance(user, dict) or not user.get("deleted") or not user.get("id"):
        return
    deps = context["deps"]
    keys = member_left_slack(
        deps.db,
        slack_user_id=str(user["id"]),
        now=deps.clock.now(),
        lang=deps.settings.cobro_language,
        notifier=deps.notifier,
    )
    deliver_now(deps, client, keys)
