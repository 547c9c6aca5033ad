"""What follows a logged call: the collector's confirmation (every reading in words, with
Corregir and Siguiente llamada), the assignee's and the supervisor's DMs; the choice of
customer when a name matches several. The modal itself is in `call_modal`."""

from __future__ import annotations

from typing import Any

from bot.calls.rules import LoggedCall
from bot.core.i18n import Lang, t
from bot.core.money import money
from bot.core.vocabulary import AttemptOutcome
from bot.customers.rules import CustomerMatch
from handlers.blocks.common import button, context, escape, message, section
from handlers.blocks.inputs import (
    option,
)
from handlers.ids import Action


def build_customer_choices(matches: list[CustomerMatch], lang: Lang, *, then: Action) -> dict:
    """Several customers match: one button each, for the user to pick; the button does
    what was asked (log a call, show the card, export the history)."""
    action = then
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
                "call.attempt_corrected_title" if logged.corrected else "call.attempt_title",
                lang,
                customer=customer,
                outcome=t(f"outcome.{logged.outcome.value}", lang),
            )
        )
        if logged.spoke_with:
            lines.append(t("call.line_answered_by", lang, who=escape(logged.spoke_with)))
        if logged.remark:
            lines.append(t("call.line_remark", lang, remark=escape(logged.remark)))
        if logged.outcome == AttemptOutcome.MESSAGE_LEFT:
            notes.append(t("call.message_left_reminder", lang))
        if logged.outcome == AttemptOutcome.THIRD_PARTY:
            notes.append(t("call.third_party_reminder", lang))
    else:
        title = "call.corrected_title" if logged.corrected else "call.logged_title"
        lines.append(t(title, lang, customer=customer))
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
    if logged.promises:
        first = logged.promises[0]
        method = f" · {t(f'method.{first.method.value}', lang)}" if first.method else ""
        if first.reference:
            method += f" · {escape(first.reference)}"
        if len(logged.promises) == 1:
            lines.append(
                t(
                    "call.line_promise",
                    lang,
                    amount=money(first.amount, first.currency, lang),
                    when=first.when.in_words(lang, logged.today),
                    method=method,
                )
            )
        else:
            total = sum((p.amount for p in logged.promises), first.amount * 0)
            lines.append(
                t(
                    "call.line_plan",
                    lang,
                    count=len(logged.promises),
                    total=money(total, first.currency, lang),
                    method=method,
                )
            )
            lines += [
                "• "
                + t(
                    "call.line_installment",
                    lang,
                    n=p.installment,
                    amount=money(p.amount, p.currency, lang),
                    when=p.when.in_words(lang, logged.today),
                )
                for p in logged.promises
            ]
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
    blocks: list[dict[str, Any]] = [section("\n".join(lines))]
    if notes:
        blocks.append(context(*notes))
    blocks.append(
        {
            "type": "actions",
            "block_id": f"call-{logged.attempt_id}",
            "elements": [
                button(
                    t("call.next_call", lang),
                    Action.NEXT_CALL.value,
                    str(logged.customer_id),
                    style="primary",
                ),
                button(t("call.correct", lang), Action.CORRECT_CALL.value, str(logged.attempt_id)),
                button(
                    t("call.view_customer", lang),
                    Action.VIEW_CUSTOMER.value,
                    str(logged.customer_id),
                ),
            ],
        }
    )
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
    blocks = [section(text)]
    if task.supervisor:  # said as a line of its own, under the task it belongs to
        blocks.append(
            context(t("task.supervised_by", lang, supervisor=escape(task.supervisor.name)))
        )
    blocks.append(task_buttons(task.id, logged.customer_id, lang))
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
