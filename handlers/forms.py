"""Slack's view state → the domain's typed forms: one reader per modal, parsed once.

Slack sends every input block's state on submit (with the element's initial value when the
user left it alone); cobro reads it by block id, whatever the element's action id (it
renames an action id to make Slack show a new suggestion in a field).
"""

from __future__ import annotations

from enum import Enum
from typing import Any, TypeVar

from bot.calls.drafts import CallDraft
from bot.calls.rules import CallForm
from bot.core.text import clean
from bot.core.vocabulary import AttemptOutcome, ExcuseCategory, PaymentMethod
from bot.payments.rules import PaymentForm
from bot.submissions.rules import submission_key
from bot.tasks.rules import TaskForm
from handlers.blocks.call_modal import CONTACT_NEW, CallPrefill, ModalState
from handlers.metadata import CallMeta, CustomerMeta

E = TypeVar("E", bound=Enum)


def state_values(view: dict[str, Any]) -> dict[str, str | None]:
    """A submitted view's state as {block_id: value}."""
    values: dict[str, str | None] = {}
    for block_id, actions in ((view.get("state") or {}).get("values") or {}).items():
        if not isinstance(actions, dict):
            continue
        for action in actions.values():
            values[block_id] = _value_of(action) if isinstance(action, dict) else None
            break
    return values


def _value_of(action: dict[str, Any]) -> str | None:
    kind = action.get("type")
    if kind in ("static_select", "external_select", "radio_buttons"):
        chosen = action.get("selected_option")
        value = chosen.get("value") if isinstance(chosen, dict) else None
        return value if isinstance(value, str) else None
    if kind == "users_select":
        user = action.get("selected_user")
        return user if isinstance(user, str) else None
    if kind == "datepicker":
        day = action.get("selected_date")
        return day if isinstance(day, str) else None
    value = action.get("value")
    text = clean(value).strip() if isinstance(value, str) else ""
    return text or None


def choice_of(kind: type[E], value: str | None) -> E | None:
    """A selected option as the enum it stands for; a tampered or outdated one as none."""
    try:
        return kind(value) if value else None
    except ValueError:
        return None


def view_of(body: dict[str, Any]) -> dict[str, Any]:
    view = body.get("view")
    return view if isinstance(view, dict) else {}


def submission_of(body: dict[str, Any]) -> str:
    """The submission's identity (bot.submissions.rules): the view, the person, the values;
    the same on a retry or a double click, new after the user changed a field."""
    view = view_of(body)
    user = body.get("user") if isinstance(body.get("user"), dict) else {}
    return submission_key(
        str(view.get("callback_id") or ""),
        str(view.get("id") or ""),
        str((user or {}).get("id") or ""),
        state_values(view),
    )


def call_form(body: dict[str, Any]) -> CallForm:
    view = view_of(body)
    values = state_values(view)
    meta = CallMeta.of(view)
    contact = values.get("contact")
    return CallForm(
        source_key=submission_of(body),
        customer_id=meta.customer_id,
        outcome=choice_of(AttemptOutcome, values.get("outcome")),
        contact_id=int(contact) if contact and contact.isdigit() else None,
        contact_name=values.get("contact_name") if contact in (None, CONTACT_NEW) else None,
        contact_role=values.get("contact_role"),
        category=choice_of(ExcuseCategory, values.get("excuse_category")),
        excuse=values.get("excuse"),
        agreement=values.get("agreement"),
        promise_amount=values.get("promise_amount"),
        promise_amount_default=meta.default_amount,
        promise_date=values.get("promise_date"),
        promise_method=choice_of(PaymentMethod, values.get("promise_method")),
        promise_reference=values.get("promise_reference"),
        task=values.get("task"),
        task_due=values.get("task_due"),
        assignee=values.get("assignee"),
        supervisor=values.get("supervisor"),
        more_payments=tuple(
            (values.get(f"promise_amount_{n}"), values.get(f"promise_date_{n}"))
            for n in range(2, meta.installments + 1)
        ),
        amount_confirmed=meta.amount_confirmed,
        plan_offered=meta.plan_offered,
        suggested=(meta.suggestion, meta.suggestion_due),
    )


def task_form(body: dict[str, Any]) -> TaskForm:
    view = view_of(body)
    values = state_values(view)
    return TaskForm(
        source_key=submission_of(body),
        customer_id=CustomerMeta.of(view).customer_id,
        text=values.get("task"),
        due=values.get("task_due"),
        assignee=values.get("assignee"),
        supervisor=values.get("supervisor"),
    )


def payment_form(body: dict[str, Any]) -> PaymentForm:
    view = view_of(body)
    values = state_values(view)
    invoice = values.get("payment_invoice")
    return PaymentForm(
        source_key=submission_of(body),
        customer_id=CustomerMeta.of(view).customer_id or 0,
        amount=values.get("payment_amount"),
        paid_on=values.get("payment_date"),
        method=choice_of(PaymentMethod, values.get("promise_method")),
        reference=values.get("promise_reference"),
        invoice_id=int(invoice) if invoice and invoice.isdigit() else None,
        amount_confirmed=CustomerMeta.of(view).amount_confirmed,
    )


def draft_of(view: dict[str, Any]) -> CallDraft:
    """The call modal being filled in, as the domain's draft."""
    meta = CallMeta.of(view)
    return CallDraft(
        outcome=choice_of(AttemptOutcome, meta.outcome) or AttemptOutcome.ANSWERED,
        values=state_values(view),
        installments=meta.installments,
        suggestion=meta.suggestion,
        suggestion_due=meta.suggestion_due,
        revision=meta.revision,
    )


def prefill_of(draft: CallDraft) -> CallPrefill:
    """A draft's values as the modal's initial values (installments 2… in `extra`)."""
    v = draft.values
    known = {
        k: v.get(k) for k in CallPrefill.__dataclass_fields__ if k not in ("revision", "extra")
    }
    extra = {k: value for k, value in v.items() if k[-2:-1] == "_" and k[-1:].isdigit()}
    known["outcome"] = draft.outcome.value
    return CallPrefill(**known, revision=draft.revision, extra=extra)


def modal_state_of(
    draft: CallDraft,
    *,
    correcting: int | None = None,
    confirm_amount: str = "",
    plan_offered: bool = False,
) -> ModalState:
    return ModalState(
        plan_offered=plan_offered,
        outcome=draft.outcome,
        installments=draft.installments,
        echo=draft.echo,
        correcting=correcting,
        confirm_amount=confirm_amount,
        suggestion=draft.suggestion,
        suggestion_due=draft.suggestion_due,
    )
