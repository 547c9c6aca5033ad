"""Nudges and escalations as Block Kit: the task or promise, in words, with the buttons to
act on it at once."""

from __future__ import annotations

from datetime import date
from typing import Any

from bot.core.dates import describe
from bot.core.i18n import Lang, t
from bot.core.money import money
from bot.nudges.rules import PromiseNudge, TaskNudge
from handlers.blocks.call import task_buttons
from handlers.blocks.common import button, escape, message, section
from handlers.ids import Action


def _customer(nudge: TaskNudge, lang: Lang) -> str:
    task = nudge.task
    return escape(task.customer) if task.customer else t("task.no_customer", lang)


def build_task_nudge(nudge: TaskNudge, lang: Lang, today: date) -> dict[str, Any]:
    task = nudge.task
    values = {
        "task": escape(task.text),
        "customer": _customer(nudge, lang),
        "when": describe(task.when.day, task.when.at, lang=lang, today=today),
        "days": nudge.days_overdue,
        "count": nudge.days_overdue,
        "assignee": escape(task.assignee.name),
    }
    key = {
        "due": "nudge.task_due",
        "overdue": "nudge.task_overdue" if nudge.days_overdue else "nudge.task_overdue_today",
        "escalated": "nudge.task_escalated",
    }[nudge.kind]
    text = t(key, lang, **values)
    return message(text, [section(text), task_buttons(task.id, task.customer_id, lang)])


def _promise_values(nudge: PromiseNudge, lang: Lang, today: date) -> dict[str, Any]:
    return {
        "customer": escape(nudge.customer),
        "amount": money(nudge.amount, nudge.currency, lang),
        "when": describe(nudge.promised_for, lang=lang, today=today),
        "collector": escape(nudge.collector.name),
        "paid": t("nudge.paid_part", lang, paid=money(nudge.paid, nudge.currency, lang))
        if nudge.paid
        else "",
    }


def build_promise_nudge(nudge: PromiseNudge, lang: Lang, today: date) -> dict[str, Any]:
    text = t(f"nudge.promise_{nudge.kind}", lang, **_promise_values(nudge, lang, today))
    customer = str(nudge.customer_id)
    buttons = [button(t("call.view_customer", lang), Action.VIEW_CUSTOMER.value, customer)]
    if nudge.kind == "day":
        owed = nudge.amount - nudge.paid
        buttons.insert(
            0,
            button(
                t("card.add_payment", lang),
                Action.ADD_PAYMENT.value,
                f"{customer}:{owed}",
                style="primary",
            ),
        )
    elif nudge.kind in ("broken", "escalated"):
        buttons.insert(
            0, button(t("card.log_call", lang), Action.LOG_CALL.value, customer, style="primary")
        )
    return message(
        text,
        [
            section(text),
            {"type": "actions", "block_id": f"promise-{nudge.promise_id}", "elements": buttons},
        ],
    )


def build_channel_escalation(
    nudge: TaskNudge | PromiseNudge, lang: Lang, today: date, *, details: bool
) -> dict[str, Any]:
    """For the supervisors' channel: customer names and amounts only when it is private."""
    if isinstance(nudge, TaskNudge):
        extra = (
            t(
                "nudge.channel_details_task",
                lang,
                task=escape(nudge.task.text),
                customer=_customer(nudge, lang),
            )
            if details
            else t("nudge.channel_see_dm", lang)
        )
        text = t(
            "nudge.channel_task",
            lang,
            assignee=escape(nudge.task.assignee.name),
            days=nudge.days_overdue,
            details=extra,
        )
    else:
        values = _promise_values(nudge, lang, today)
        extra = (
            t("nudge.channel_details_promise", lang, **values)
            if details
            else t("nudge.channel_see_dm", lang)
        )
        text = t("nudge.channel_promise", lang, collector=values["collector"], details=extra)
    return message(text)
