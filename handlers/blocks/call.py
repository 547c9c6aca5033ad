"""The call modal and what follows it: the confirmation, the assignee's and supervisor's DMs.

Block ids are the public interface (INTERFACE.md): contact, excuse_category, excuse,
agreement, promise_amount, promise_date, task, task_due, assignee, supervisor; plus outcome,
contact_name, contact_role, promise_method and promise_reference.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from bot.calls.rules import LoggedCall
from bot.core.i18n import Lang, t
from bot.core.money import amount_text, money
from bot.core.vocabulary import AttemptOutcome, ExcuseCategory, PaymentMethod
from bot.customers.rules import CallContext, CustomerMatch
from handlers.blocks.common import button, context, escape, message, section
from handlers.blocks.inputs import (
    date_words_input,
    input_block,
    modal,
    option,
    select,
    text_input,
    user_select,
)
from handlers.ids import Action, Callback
from handlers.metadata import CallMeta

CONTACT_NEW = "new"
CONTACT_ROLES = ("secretary", "receptionist", "accountant", "payables", "manager", "owner", "other")
OUTCOME_ORDER = (
    AttemptOutcome.ANSWERED,
    AttemptOutcome.THIRD_PARTY,
    AttemptOutcome.NO_ANSWER,
    AttemptOutcome.MESSAGE_LEFT,
    AttemptOutcome.WRONG_NUMBER,
)


@dataclass(frozen=True)
class CallPrefill:
    """Values to show in the modal: from a message, from a playbook suggestion, or what the
    user had typed before the view was rebuilt."""

    outcome: str | None = AttemptOutcome.ANSWERED.value
    contact: str | None = None
    contact_name: str | None = None
    contact_role: str | None = None
    excuse_category: str | None = None
    excuse: str | None = None
    agreement: str | None = None
    promise_amount: str | None = None
    promise_date: str | None = None
    promise_method: str | None = None
    promise_reference: str | None = None
    task: str | None = None
    task_due: str | None = None
    assignee: str | None = None
    supervisor: str | None = None
    revision: int = 0


def build_call_modal(
    ctx: CallContext, lang: Lang, *, me: str, prefill: CallPrefill | None = None
) -> dict[str, Any]:
    p = prefill or CallPrefill()
    default_amount = amount_text(ctx.balance)
    contacts = [
        option(
            c.name + (f" · {c.title}" if c.title else "") + (" ★" if c.decision_maker else ""),
            str(c.id),
        )
        for c in ctx.contacts[:99]
    ] + [option(t("call.contact_new", lang), CONTACT_NEW)]
    first_contact = str(ctx.contacts[0].id) if ctx.contacts else CONTACT_NEW
    invoices = ", ".join(
        f"{escape(i.number)} ({money(i.balance, i.currency, lang)})" for i in ctx.invoices[:5]
    )
    rev = p.revision
    blocks: list[dict[str, Any]] = [
        section(
            t(
                "call.header",
                lang,
                customer=escape(ctx.name),
                balance=money(ctx.balance, ctx.currency, lang),
            )
            + (f"\n{invoices}" if invoices else "")
        ),
        input_block(
            "outcome",
            t("call.outcome", lang),
            select(
                "outcome",
                [option(t(f"outcome.{o.value}", lang), o.value) for o in OUTCOME_ORDER],
                initial=p.outcome,
            ),
            hint=t("call.outcome_hint", lang),
        ),
        input_block(
            "contact",
            t("call.contact", lang),
            select("contact", contacts, initial=p.contact or first_contact),
        ),
        input_block(
            "contact_name",
            t("call.contact_name", lang),
            text_input("contact_name", initial=p.contact_name, max_length=200),
        ),
        input_block(
            "contact_role",
            t("call.contact_role", lang),
            select(
                "contact_role",
                [option(t(f"contact_role.{r}", lang), r) for r in CONTACT_ROLES],
                initial=p.contact_role,
            ),
        ),
        input_block(
            "excuse",
            t("call.excuse", lang),
            text_input(
                "excuse",
                initial=p.excuse,
                multiline=True,
                placeholder=t("call.excuse_placeholder", lang),
            ),
            hint=t("note.why_it_matters", lang),
        ),
        input_block(
            "excuse_category",
            t("call.excuse_category", lang),
            select(
                Action.EXCUSE_CATEGORY.value,
                [option(t(f"excuse.{c.value}", lang), c.value) for c in ExcuseCategory],
                initial=p.excuse_category,
            ),
            dispatch=True,
        ),
        input_block(
            "agreement",
            t("call.agreement", lang),
            text_input("agreement", initial=p.agreement, multiline=True),
        ),
        section(t("call.section_promise", lang)),
        input_block(
            "promise_amount",
            t("call.promise_amount", lang) + f" ({ctx.currency})",
            text_input("promise_amount", initial=p.promise_amount or default_amount, max_length=30),
        ),
        date_words_input(
            "promise_date",
            t("call.promise_date", lang),
            t("call.promise_date_placeholder", lang),
            initial=p.promise_date,
        ),
        input_block(
            "promise_method",
            t("call.promise_method", lang),
            select(
                "promise_method",
                [option(t(f"method.{m.value}", lang), m.value) for m in PaymentMethod],
                initial=p.promise_method,
            ),
        ),
        input_block(
            "promise_reference",
            t("call.promise_reference", lang),
            text_input("promise_reference", initial=p.promise_reference, max_length=64),
        ),
        section(t("call.section_task", lang)),
        *task_inputs(
            lang,
            me=me,
            task=p.task,
            due=p.task_due,
            assignee=p.assignee,
            supervisor=p.supervisor,
            revision=rev,
        ),
    ]
    return modal(
        callback_id=Callback.CALL.value,
        title=t("call.modal_title", lang),
        submit=t("call.submit", lang),
        close=t("call.cancel", lang),
        blocks=blocks,
        metadata=CallMeta(
            customer_id=ctx.customer_id,
            default_amount=default_amount,
            suggestion=p.task or "",
            revision=rev,
        ),
    )


def task_inputs(
    lang: Lang,
    *,
    me: str,
    task: str | None = None,
    due: str | None = None,
    assignee: str | None = None,
    supervisor: str | None = None,
    revision: int = 0,
) -> list[dict[str, Any]]:
    """What next, by when (in words), who does it (default: me), who supervises it. A new
    `revision` renames the text fields' action ids so Slack shows new initial values."""
    return [
        input_block(
            "task",
            t("call.task", lang),
            text_input(f"task_{revision}", initial=task, max_length=500),
        ),
        date_words_input(
            "task_due",
            t("call.task_due", lang),
            t("call.task_due_placeholder", lang),
            action_id=f"task_due_{revision}",
            initial=due,
        ),
        input_block(
            "assignee", t("call.assignee", lang), user_select("assignee", initial=assignee or me)
        ),
        input_block(
            "supervisor", t("call.supervisor", lang), user_select("supervisor", initial=supervisor)
        ),
    ]


def build_customer_choices(matches: list[CustomerMatch], lang: Lang, *, for_call: bool) -> dict:
    """Several customers match: one button each, for the user to pick."""
    action = Action.LOG_CALL if for_call else Action.VIEW_CUSTOMER
    blocks: list[dict[str, Any]] = [section(t("customer.pick", lang))]
    for match in matches:
        blocks.append(
            section(
                f"*{escape(match.name)}* · {escape(match.external_id)}",
                accessory=button(t("customer.this_one", lang), action.value, str(match.id)),
            )
        )
    return message(t("customer.pick", lang), blocks)


def _who(logged: LoggedCall, lang: Lang) -> str:
    return escape(logged.spoke_with) if logged.spoke_with else "—"


def build_call_confirmation(logged: LoggedCall, lang: Lang) -> dict[str, Any]:
    """The collector's receipt: every fact as it was stored, every date in words."""
    customer = escape(logged.customer_name)
    lines: list[str] = []
    notes: list[str] = []
    if logged.note_id is None:
        lines.append(
            t(
                "call.attempt_title",
                lang,
                customer=customer,
                outcome=t(f"outcome.{logged.outcome.value}", lang),
            )
        )
        if logged.outcome == AttemptOutcome.MESSAGE_LEFT:
            notes.append(t("call.message_left_reminder", lang))
    else:
        lines.append(t("call.logged_title", lang, customer=customer))
        lines.append(t("call.line_who", lang, who=_who(logged, lang)))
        if logged.category:
            lines.append(
                t(
                    "call.line_why",
                    lang,
                    category=t(f"excuse.{logged.category.value}", lang),
                    excuse=escape(logged.excuse),
                )
            )
        if logged.agreement:
            lines.append(t("call.line_agreement", lang, agreement=escape(logged.agreement)))
        if logged.hashtags:
            lines.append(
                t("call.line_tags", lang, tags=" ".join(f"#{tag}" for tag in logged.hashtags))
            )
        if logged.third_party:
            notes.append(t("call.third_party_reminder", lang))
    if logged.promise:
        promise = logged.promise
        method = f" · {t(f'method.{promise.method.value}', lang)}" if promise.method else ""
        if promise.reference:
            method += f" · {escape(promise.reference)}"
        lines.append(
            t(
                "call.line_promise",
                lang,
                amount=money(promise.amount, promise.currency, lang),
                when=promise.when.in_words(lang, logged.today),
                method=method,
            )
        )
    if logged.disputed_invoices is not None:
        invoices = ", ".join(escape(n) for n in logged.disputed_invoices) or t(
            "call.all_invoices", lang
        )
        lines.append(t("call.line_dispute", lang, invoices=invoices))
    task = logged.task
    if task and task.proposed:
        lines.append(
            t(
                "call.retry_proposed",
                lang,
                task=escape(task.text),
                when=task.when.in_words(lang, logged.today),
            )
        )
    elif task:
        mine = task.assignee.member_id == logged.author.member_id
        line = t(
            "call.line_task",
            lang,
            task=escape(task.text),
            when=task.when.in_words(lang, logged.today),
            assignee=t("call.you", lang) if mine else escape(task.assignee.name),
        )
        if task.supervisor:
            line += t("call.line_supervisor", lang, supervisor=escape(task.supervisor.name))
        lines.append(line)
    blocks = [
        section(
            "\n".join(lines),
            accessory=button(
                t("call.view_customer", lang), Action.VIEW_CUSTOMER.value, str(logged.customer_id)
            ),
        )
    ]
    if notes:
        blocks.append(context(*notes))
    return message("\n".join(lines[:1] + notes), blocks)


def task_buttons(task_id: int, customer_id: int | None, lang: Lang) -> dict[str, Any]:
    """Hecho · Posponer (1 hora, mañana, otra fecha…) · Ver cliente: on every task DM."""
    elements: list[dict[str, Any]] = [
        button(t("task.done", lang), Action.TASK_DONE.value, str(task_id), style="primary"),
        {
            "type": "static_select",
            "action_id": Action.TASK_SNOOZE.value,
            "placeholder": {"type": "plain_text", "text": t("task.snooze", lang)},
            "options": [
                option(t("task.snooze_1h", lang), f"{task_id}:1h"),
                option(t("task.snooze_tomorrow", lang), f"{task_id}:tomorrow"),
                option(t("task.snooze_pick", lang), f"{task_id}:pick"),
            ],
        },
        button(t("task.reassign", lang), Action.TASK_REASSIGN.value, str(task_id)),
    ]
    if customer_id is not None:
        elements.append(
            button(t("call.view_customer", lang), Action.VIEW_CUSTOMER.value, str(customer_id))
        )
    return {"type": "actions", "block_id": f"task-{task_id}", "elements": elements}


def build_task_assigned(logged: LoggedCall, lang: Lang) -> dict[str, Any]:
    assert logged.task is not None
    task = logged.task
    text = t(
        "task.assigned_to_you",
        lang,
        author=escape(logged.author.name),
        customer=escape(logged.customer_name),
        task=escape(task.text),
        when=task.when.in_words(lang, logged.today),
    )
    blocks = [section(text), task_buttons(task.id, logged.customer_id, lang)]
    if task.supervisor:
        blocks.append(
            context(t("call.line_supervisor", lang, supervisor=escape(task.supervisor.name)))
        )
    return message(text, blocks)


def build_task_supervised(logged: LoggedCall, lang: Lang) -> dict[str, Any]:
    assert logged.task is not None
    task = logged.task
    text = t(
        "task.assigned_supervised",
        lang,
        author=escape(logged.author.name),
        assignee=escape(task.assignee.name),
        customer=escape(logged.customer_name),
        task=escape(task.text),
        when=task.when.in_words(lang, logged.today),
    )
    return message(
        text,
        [
            section(
                text,
                accessory=button(
                    t("call.view_customer", lang),
                    Action.VIEW_CUSTOMER.value,
                    str(logged.customer_id),
                ),
            )
        ],
    )
