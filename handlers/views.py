"""Modal submissions: read the state, call one service, answer with field errors or close."""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt import Ack, App, BoltContext
from slack_sdk import WebClient
from sqlalchemy.exc import SQLAlchemyError

from bot.calls import CallForm, log_call
from bot.errors import CobroError
from bot.i18n import t
from bot.vocabulary import AttemptOutcome, ExcuseCategory, PaymentMethod
from handlers.blocks.call import CONTACT_NEW
from handlers.blocks.forms import choice_of, metadata_of, state_values
from handlers.context import asker
from handlers.delivery import deliver_now, refresh_home
from handlers.errors import answer_form
from handlers.ids import Callback
from handlers.notifier import SlackNotifier

log = logging.getLogger(__name__)


def register(app: App) -> None:
    app.view(Callback.CALL.value)(on_call_submitted)


def call_form(view: dict[str, Any]) -> CallForm:
    """Slack's view state → the domain's form (no validation here)."""
    values = state_values(view)
    meta = metadata_of(view)
    contact = values.get("contact")
    return CallForm(
        source_key=str(view.get("id") or ""),
        customer_id=int(meta.get("c") or 0),
        outcome=choice_of(AttemptOutcome, values.get("outcome")),
        contact_id=int(contact)
        if contact and contact != CONTACT_NEW and contact.isdigit()
        else None,
        contact_name=values.get("contact_name") if contact in (None, CONTACT_NEW) else None,
        contact_role=values.get("contact_role"),
        category=choice_of(ExcuseCategory, values.get("excuse_category")),
        excuse=values.get("excuse"),
        agreement=values.get("agreement"),
        promise_amount=values.get("promise_amount"),
        promise_amount_default=str(meta.get("a") or ""),
        promise_date=values.get("promise_date"),
        promise_method=choice_of(PaymentMethod, values.get("promise_method")),
        promise_reference=values.get("promise_reference"),
        task=values.get("task"),
        task_due=values.get("task_due"),
        assignee=values.get("assignee"),
        supervisor=values.get("supervisor"),
    )


def on_call_submitted(
    ack: Ack, body: dict[str, Any], context: BoltContext, client: WebClient, view: dict[str, Any]
) -> None:
    """Stored before the modal closes; on a database failure the modal stays open with the
    user's text in it, so nothing typed is lost."""
    deps, member, lang = asker(context)
    try:
        logged = log_call(
            deps.db,
            call_form(view),
            author_slack_id=member.slack_user_id,
            now=deps.clock.now(),
            policy=deps.policy(),
            lang=lang,
            default_currency=deps.settings.cobro_currency,
            notifier=SlackNotifier(deps.settings),
        )
    except CobroError as error:
        answer_form(ack, error, lang, "outcome")
        return
    except SQLAlchemyError:
        log.exception("could not store a call; the modal stays open")
        ack(response_action="errors", errors={"excuse": t("call.save_failed", lang)})
        return
    ack()
    deliver_now(deps, client, logged.outbox_keys)
    refresh_home(deps, client, member)
