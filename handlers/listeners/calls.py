"""Logging a call: the call modal from a command, a button or a message shortcut; the modal
redrawn as it is filled in (the outcome's fields, the proposed step, every reading echoed
on Enter, one more installment); the submission; correcting a logged call; the next call."""

from __future__ import annotations

import re
from functools import partial
from typing import Any

from slack_bolt import Ack, App, BoltContext, Respond
from slack_sdk import WebClient

from bot.agenda.service import next_call
from bot.calls.drafts import CallDraft, Change
from bot.calls.proposals import read_message
from bot.calls.rules import AboveBalance, LoggedCall, PlanInAgreement, RetryMoved, confirm_token
from bot.calls.service import log_call, mark_in_digest, redraft_call
from bot.core.errors import CobroError, SaveFailed
from bot.core.i18n import Lang, t
from bot.core.text import clean
from bot.corrections.service import correct_call, correctable_call
from bot.customers.rules import CallContext
from bot.customers.service import call_context, find_customers
from handlers.blocks.call_modal import CallPrefill, ModalState, build_call_modal
from handlers.blocks.shortcut import build_find_customer_modal, prefill_from_message
from handlers.context import Deps, Member, action_id, asker
from handlers.errors import answer_form
from handlers.forms import call_form, draft_of, modal_state_of, prefill_of, state_values, view_of
from handlers.ids import Action, Callback, Shortcut
from handlers.later import acked, queue
from handlers.listeners.home import settle
from handlers.metadata import CallMeta, MessageMeta

MESSAGE_KEPT = 1500  # characters of the message carried in private_metadata
ECHO_ACTIONS = re.compile(r"^(promise_amount(_\d)?|promise_date(_\d)?|task_due_\d+)$")


def register(app: App) -> None:
    app.action(Action.LOG_CALL.value)(acked(on_log_call))
    app.action(Action.NEXT_CALL.value)(acked(on_next_call))
    app.action(Action.CORRECT_CALL.value)(acked(on_correct_call))
    app.action(Action.CALL_OUTCOME.value)(acked(_redraws(Change.OUTCOME)))
    app.action(Action.CALL_CONTACT.value)(acked(_redraws(Change.CONTACT)))
    app.action(Action.EXCUSE_CATEGORY.value)(acked(_redraws(Change.CATEGORY)))
    app.action(Action.ADD_INSTALLMENT.value)(acked(_redraws(Change.INSTALLMENT)))
    app.action(ECHO_ACTIONS)(acked(_redraws(Change.ENTER)))
    app.view(Callback.CALL.value)(on_call_submitted)
    app.shortcut(Shortcut.LOG_FROM_MESSAGE.value)(acked(on_log_from_message))
    app.view(Callback.FIND_CUSTOMER.value)(on_customer_given)


def _context(deps: Deps, customer_id: int) -> CallContext:
    return call_context(
        deps.db,
        customer_id=customer_id,
        now=deps.clock.now(),
        policy=deps.policy(),
        currency=deps.settings.cobro_currency,
    )


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
    view = build_call_modal(
        _context(deps, customer_id), member.lang, me=member.slack_user_id, prefill=prefill
    )
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


def on_next_call(
    ack: Ack, body: dict[str, Any], context: BoltContext, client: WebClient, respond: Respond
) -> None:
    """From a call's confirmation: the next of today's calls, in a new modal (never the
    last one reopened, so it cannot be mistaken for a second submission of it)."""
    ack()
    deps, member, lang = asker(context)
    following = next_call(
        deps.db,
        member_id=member.id,
        after=action_id(body),
        now=deps.clock.now(),
        policy=deps.policy(),
    )
    if following is None:
        respond(response_type="ephemeral", replace_original=False, text=t("call.no_next", lang))
        return
    open_call_modal(
        client, trigger_id=body["trigger_id"], deps=deps, member=member, customer_id=following
    )


def on_correct_call(
    ack: Ack, body: dict[str, Any], context: BoltContext, client: WebClient, respond: Respond
) -> None:
    """ "Corregir": the call as logged, in the call modal, for its author (seven days) or a
    supervisor; saving records what changed."""
    ack()
    deps, member, lang = asker(context)
    attempt = action_id(body)
    if attempt is None:
        return
    found = correctable_call(
        deps.db,
        attempt_id=attempt,
        actor_slack_id=member.slack_user_id,
        now=deps.clock.now(),
        policy=deps.policy(),
        currency=deps.settings.cobro_currency,
        lang=lang,
    )
    view = build_call_modal(
        found.context,
        lang,
        me=member.slack_user_id,
        prefill=prefill_of(found.draft),
        state=modal_state_of(found.draft, correcting=attempt),
    )
    client.views_open(trigger_id=body["trigger_id"], view=view)


def _redraws(change: Change) -> Any:
    """A listener that redraws the call modal after `change` (see bot.calls.drafts)."""

    def listener(
        ack: Ack, body: dict[str, Any], context: BoltContext, client: WebClient, respond: Respond
    ) -> None:
        ack()
        deps, member, lang = asker(context)
        view = view_of(body)
        if view.get("callback_id") != Callback.CALL.value:
            return
        meta = CallMeta.of(view)
        ctx, draft = _redrafted(deps, meta, view, change, lang)
        client.views_update(
            view_id=view.get("id"),
            hash=view.get("hash"),
            view=_drawn(ctx, draft, lang, member, meta),
        )

    return listener


def _drawn(
    ctx: CallContext,
    draft: CallDraft,
    lang: Lang,
    member: Member,
    meta: CallMeta,
    *,
    confirm_amount: str = "",
    warning: str = "",
    plan_offered: bool = False,
    warning_on: str = "promise_amount",
) -> dict[str, Any]:
    state = modal_state_of(
        draft,
        correcting=meta.correcting,
        confirm_amount=confirm_amount or meta.amount_confirmed,
        plan_offered=plan_offered or meta.plan_offered,
    )
    if warning:
        # a plan shown as installments, or a moved step, still says how its field was read
        keep = plan_offered or warning_on != "promise_amount"
        reading = state.echo.get(warning_on, "") if keep else ""
        state.echo[warning_on] = f"{warning}\n{reading}" if reading else warning
    return build_call_modal(
        ctx, lang, me=member.slack_user_id, prefill=prefill_of(draft), state=state
    )


def on_call_submitted(
    ack: Ack, body: dict[str, Any], context: BoltContext, client: WebClient, respond: Respond
) -> None:
    """Stored before the modal closes; on a database failure the modal stays open with the
    user's text in it, so nothing typed is lost. A promised total above the balance is
    said back in the modal and stored when the collector saves again."""
    deps, member, lang = asker(context)
    view = view_of(body)
    meta = CallMeta.of(view)
    form = call_form(body)
    try:
        if meta.correcting is not None:
            logged = correct_call(
                deps.db,
                form,
                attempt_id=meta.correcting,
                actor_slack_id=member.slack_user_id,
                now=deps.clock.now(),
                policy=deps.policy(),
                lang=lang,
                default_currency=deps.settings.cobro_currency,
                notifier=deps.notifier,
            )
        else:
            logged = log_call(
                deps.db,
                form,
                author_slack_id=member.slack_user_id,
                now=deps.clock.now(),
                policy=deps.policy(),
                lang=lang,
                default_currency=deps.settings.cobro_currency,
                notifier=deps.notifier,
            )
    except AboveBalance as above:
        ack(
            response_action="update",
            view=_drawn(
                _context(deps, meta.customer_id),
                draft_of(view),
                lang,
                member,
                meta,
                confirm_amount=confirm_token(above.total),
                warning=above.words(lang),
            ),
        )
        return
    except PlanInAgreement as plan:
        ctx, draft = _redrafted(deps, meta, view, Change.INSTALLMENT, lang)
        shown = _drawn(ctx, draft, lang, member, meta, warning=plan.words(lang), plan_offered=True)
        ack(response_action="update", view=shown)
        return
    except RetryMoved as moved:
        # the step proposed again from the remark (or, after a conversation, from the
        # excuse and the agreement), drawn in the fields and read back
        again = Change.CATEGORY if moved.from_excuse else Change.OUTCOME
        ctx, draft = _redrafted(deps, meta, view, again, lang)
        shown = _drawn(
            ctx, draft, lang, member, meta, warning=moved.words(lang), warning_on="task_due"
        )
        ack(response_action="update", view=shown)
        return
    except SaveFailed as error:
        answer_form(ack, error, lang, "excuse" if "excuse" in state_values(view) else "outcome")
        return
    except CobroError as error:
        answer_form(ack, error, lang, "outcome")
        return
    ack()
    queue(context, body, client, respond, partial(_after_call, deps, client, member, logged))


def _after_call(deps: Deps, client: WebClient, member: Member, logged: LoggedCall | None) -> None:
    """After the ack: the call marked done in the digest (a transaction of its own, so the
    submission's held SQLite's writer for less), then what it wrote is sent. No `logged`: a
    correction stored already (a retry, a double click)."""
    keys: list[str] = []
    if logged is not None:
        keys = logged.outbox_keys + mark_in_digest(
            deps.db, logged, notifier=deps.notifier, now=deps.clock.now(), policy=deps.policy()
        )
    settle(deps, client, member, keys)


def _redrafted(
    deps: Deps, meta: CallMeta, view: dict[str, Any], change: Change, lang: Lang
) -> tuple[CallContext, CallDraft]:
    """The modal's draft as `change` redraws it (a plan read, a step proposed again)."""
    return redraft_call(
        deps.db,
        customer_id=meta.customer_id,
        draft=draft_of(view),
        change=change,
        now=deps.clock.now(),
        policy=deps.policy(),
        currency=deps.settings.cobro_currency,
        lang=lang,
    )


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
    view = view_of(body)
    query = state_values(view).get("customer") or ""
    matches = find_customers(deps.db, query) if query else []
    if len(matches) != 1:
        ack(response_action="errors", errors={"customer": _why(matches, query, lang)})
        return
    ctx = _context(deps, matches[0].id)
    text = MessageMeta.of(view).message
    reading = read_message(
        text, ctx.contacts, now=deps.clock.now(), policy=deps.policy(), lang=lang
    )
    ack(
        response_action="update",
        view=build_call_modal(
            ctx,
            lang,
            me=member.slack_user_id,
            prefill=prefill_from_message(reading, text),
            state=ModalState(suggestion=reading.task or "", suggestion_due=reading.task_due or ""),
        ),
    )


def _why(matches: list[Any], query: str, lang: Lang) -> str:
    if not query:
        return t("customer.need_query_field", lang)
    if not matches:
        return t("customer.none", lang, query=query)
    names = "; ".join(f"{m.name} ({m.external_id})" for m in matches[:5])
    return t("customer.several", lang, names=names)
