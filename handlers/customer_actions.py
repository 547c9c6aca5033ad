"""The customer card and what it offers: add a task, record a payment, export the history;
and the buttons on my promises (record a payment, move the date, reassign)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from slack_bolt import Ack, App, BoltContext, Respond
from slack_sdk import WebClient

from bot import services
from bot.dates import describe
from bot.errors import CobroError
from bot.i18n import Lang, error_text, t
from bot.payments import PaymentForm
from bot.tasks import TaskForm
from bot.vocabulary import PaymentMethod
from handlers.blocks.call import amount_text
from handlers.blocks.common import escape, message
from handlers.blocks.customer import (
    build_customer_card,
    build_payment_modal,
    build_payment_recorded,
    build_task_modal,
)
from handlers.blocks.forms import choice_of, metadata_of, state_values
from handlers.blocks.promises import build_promise_move_modal, build_promise_reassign_modal
from handlers.context import Deps, Member, action_value, asker
from handlers.delivery import deliver_now, tell
from handlers.errors import answer_form
from handlers.ids import Action, Callback
from handlers.notifier import SlackNotifier
from handlers.replies import reply_privately

log = logging.getLogger(__name__)


def register(app: App) -> None:
    app.action(Action.VIEW_CUSTOMER.value)(on_view_customer)
    app.action(Action.ADD_TASK.value)(on_add_task)
    app.action(Action.ADD_PAYMENT.value)(on_add_payment)
    app.action(Action.EXPORT_HISTORY.value)(on_export_history)
    app.action(Action.PROMISE_MOVE.value)(_opens(build_promise_move_modal))
    app.action(Action.PROMISE_REASSIGN.value)(_opens(build_promise_reassign_modal))
    app.view(Callback.ADD_TASK.value)(on_task_submitted)
    app.view(Callback.PAYMENT.value)(on_payment_submitted)
    app.view(Callback.PROMISE_MOVE.value)(on_promise_move_submitted)
    app.view(Callback.PROMISE_REASSIGN.value)(on_promise_reassign_submitted)


def card_payload(deps: Deps, customer_id: int, lang: Lang) -> dict[str, Any]:
    card = services.customer_card(
        deps.db,
        customer_id=customer_id,
        now=deps.clock.now(),
        policy=deps.policy(),
        currency=deps.settings.cobro_currency,
    )
    return build_customer_card(card, lang, deps.today())


def on_view_customer(
    ack: Ack, body: dict[str, Any], context: BoltContext, client: WebClient, respond: Respond
) -> None:
    ack()
    lang: Lang = context["lang"]
    try:
        payload = card_payload(context["deps"], int(action_value(body)), lang)
    except (CobroError, ValueError) as error:
        payload = message(error_text(error, lang))
    reply_privately(body=body, respond=respond, client=client, payload=payload)


def on_add_task(ack: Ack, body: dict[str, Any], context: BoltContext, client: WebClient) -> None:
    ack()
    member: Member = context["member"]
    client.views_open(
        trigger_id=body["trigger_id"],
        view=build_task_modal(int(action_value(body)), member.lang, me=member.slack_user_id),
    )


def on_task_submitted(
    ack: Ack, context: BoltContext, client: WebClient, view: dict[str, Any]
) -> None:
    deps, member, lang = asker(context)
    values = state_values(view)
    form = TaskForm(
        customer_id=metadata_of(view).get("c"),
        text=values.get("task"),
        due=values.get("task_due"),
        assignee=values.get("assignee"),
        supervisor=values.get("supervisor"),
    )
    try:
        task, keys = services.add_task(
            deps.db,
            form,
            author_slack_id=member.slack_user_id,
            now=deps.clock.now(),
            policy=deps.policy(),
            lang=lang,
            notifier=SlackNotifier(deps.settings),
        )
    except CobroError as error:
        answer_form(ack, error, lang, "task")
        return
    ack()
    text = t(
        "task.added",
        lang,
        task=escape(task.text),
        when=task.when.in_words(lang, deps.today()),
        assignee=escape(task.assignee.name),
    )
    deliver_now(deps, client, keys)
    tell(deps, client, member, message(text))


def on_add_payment(ack: Ack, body: dict[str, Any], context: BoltContext, client: WebClient) -> None:
    """From the card (value: the customer) or a promise (value: customer:amount owed)."""
    ack()
    deps: Deps = context["deps"]
    member: Member = context["member"]
    customer, _, amount = action_value(body).partition(":")
    ctx = services.call_context(
        deps.db,
        customer_id=int(customer),
        now=deps.clock.now(),
        policy=deps.policy(),
        currency=deps.settings.cobro_currency,
    )
    client.views_open(
        trigger_id=body["trigger_id"],
        view=build_payment_modal(ctx, member.lang, amount or amount_text(ctx.balance)),
    )


def on_payment_submitted(
    ack: Ack, context: BoltContext, client: WebClient, view: dict[str, Any]
) -> None:
    deps, member, lang = asker(context)
    values = state_values(view)
    invoice = values.get("payment_invoice")
    form = PaymentForm(
        source_key=str(view.get("id") or ""),
        customer_id=int(metadata_of(view).get("c") or 0),
        amount=values.get("payment_amount"),
        paid_on=values.get("payment_date"),
        method=choice_of(PaymentMethod, values.get("promise_method")),
        reference=values.get("promise_reference"),
        invoice_id=int(invoice) if invoice and invoice.isdigit() else None,
    )
    try:
        paid = services.record_payment(
            deps.db,
            form,
            author_slack_id=member.slack_user_id,
            now=deps.clock.now(),
            policy=deps.policy(),
            lang=lang,
            currency=deps.settings.cobro_currency,
        )
    except CobroError as error:
        answer_form(ack, error, lang, "payment_amount")
        return
    ack()
    tell(deps, client, member, build_payment_recorded(paid, lang, deps.today()))


def on_export_history(
    ack: Ack, body: dict[str, Any], context: BoltContext, client: WebClient, respond: Respond
) -> None:
    ack()
    export_history(
        context["deps"],
        context["member"],
        context["lang"],
        int(action_value(body)),
        client,
        lambda payload: reply_privately(body=body, respond=respond, client=client, payload=payload),
    )


def export_history(
    deps: Deps, member: Member, lang: Lang, customer_id: int, client: WebClient, answer: Any
) -> None:
    """The CSV goes to the requester's DM, never to the channel the request came from."""
    try:
        name, content, count = services.customer_history(
            deps.db, customer_id=customer_id, policy=deps.policy(), lang=lang
        )
    except CobroError as error:
        answer(message(error_text(error, lang)))
        return
    dm = client.conversations_open(users=member.slack_user_id)["channel"]["id"]
    client.files_upload_v2(
        channel=dm,
        content=content,
        filename=f"historial-{customer_id}.csv",
        title=name,
        initial_comment=t("history.uploaded", lang, customer=escape(name), count=count),
    )
    answer(message(t("history.sent_to_dm", lang, customer=escape(name))))


def _opens(build: Callable[[int, Lang], dict[str, Any]]) -> Callable[..., None]:
    """A button whose value is an id and that opens the modal `build` makes for it."""

    def listener(ack: Ack, body: dict[str, Any], context: BoltContext, client: WebClient) -> None:
        ack()
        client.views_open(
            trigger_id=body["trigger_id"], view=build(int(action_value(body)), context["lang"])
        )

    return listener


def on_promise_move_submitted(
    ack: Ack, context: BoltContext, client: WebClient, view: dict[str, Any]
) -> None:
    deps, member, lang = asker(context)
    try:
        customer, day = services.move_promise(
            deps.db,
            promise_id=int(metadata_of(view).get("p") or 0),
            actor_slack_id=member.slack_user_id,
            when=state_values(view).get("when") or "",
            now=deps.clock.now(),
            policy=deps.policy(),
            lang=lang,
        )
    except CobroError as error:
        answer_form(ack, error, lang, "when")
        return
    ack()
    when = describe(day, lang=lang, today=deps.today())
    text = t("promise.rescheduled", lang, customer=escape(customer), when=when)
    tell(deps, client, member, message(text))


def on_promise_reassign_submitted(
    ack: Ack, context: BoltContext, client: WebClient, view: dict[str, Any]
) -> None:
    deps, member, lang = asker(context)
    try:
        customer, name = services.reassign_promise(
            deps.db,
            promise_id=int(metadata_of(view).get("p") or 0),
            actor_slack_id=member.slack_user_id,
            to=state_values(view).get("assignee"),
            lang=lang,
        )
    except CobroError as error:
        answer_form(ack, error, lang, "assignee")
        return
    ack()
    text = t("promise.reassigned", lang, customer=escape(customer), name=escape(name))
    tell(deps, client, member, message(text))
