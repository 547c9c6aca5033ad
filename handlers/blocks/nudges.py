"""Nudges and escalations as Block Kit: the task or promise, in words, with the buttons to
act on it at once."""

from __future__ import annotations

from datetime import date
from typing import Any

from bot.core.dates import describe
from bot.core.i18n import Lang, t
from bot.core.money import money
from bot.nudges.daily import DailyList, ItemKind, ItemState, ListItem
from bot.nudges.rules import PromiseNudge, TaskNudge
from handlers.blocks.call import task_buttons
from handlers.blocks.common import button, context, escape, message, section
from handlers.blocks.inputs import option
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


LIST_ITEMS_SHOWN = 45  # a message holds 50 blocks: the title, the items, the rest counted


def _item_text(item: ListItem, lang: Lang, today: date) -> str:
    if item.task is not None:
        task = item.task.task
        values: dict[str, Any] = {
            "task": escape(task.text),
            "customer": _customer(item.task, lang),
            "when": describe(task.when.day, task.when.at, lang=lang, today=today),
        }
        if item.kind == ItemKind.ESCALATED:
            values["assignee"] = escape(task.assignee.name)
            text = t("nudges.item_escalated_task", lang, count=item.task.days_overdue, **values)
        elif item.kind == ItemKind.OVERDUE_TASK:
            text = t("nudges.item_overdue", lang, count=item.task.days_overdue, **values)
        else:
            text = t("nudges.item_today", lang, **values)
    else:
        assert item.promise is not None
        values = _promise_values(item.promise, lang, today)
        paid = item.promise.paid
        values["paid"] = (
            t("nudges.paid_so_far", lang, paid=money(paid, item.promise.currency, lang))
            if paid
            else ""
        )
        key = {
            ItemKind.ESCALATED: "nudges.item_escalated_promise",
            ItemKind.BROKEN_PROMISE: "nudges.item_broken",
            ItemKind.PROMISE_TODAY: "nudges.item_promise_today",
            ItemKind.PROMISE_TOMORROW: "nudges.item_promise_tomorrow",
        }[item.kind]
        text = t(key, lang, **values)
    if item.state == ItemState.DONE:
        return t("nudges.item_done", lang, text=text)
    return text


def _menu(item: ListItem, lang: Lang) -> dict[str, Any]:
    """One overflow per item: every choice names the action and what it acts on."""
    choices: list[tuple[str, str]] = []
    customer_id: int | None
    if item.task is not None:
        task_id = item.task.task.id
        customer_id = item.task.task.customer_id
        choices = [
            ("nudges.menu_done", f"done:{task_id}"),
            ("nudges.menu_snooze_1h", f"snooze:{task_id}:1h"),
            ("nudges.menu_snooze_tomorrow", f"snooze:{task_id}:tomorrow"),
            ("nudges.menu_snooze_pick", f"snooze:{task_id}:pick"),
        ]
    else:
        assert item.promise is not None
        promise = item.promise
        customer_id = promise.customer_id
        choices = [("nudges.menu_call", f"call:{customer_id}")]
        if item.kind != ItemKind.PROMISE_TOMORROW:
            owed = promise.amount - promise.paid
            choices.append(("nudges.menu_payment", f"payment:{customer_id}:{owed}"))
    if customer_id is not None:
        choices.append(("nudges.menu_customer", f"customer:{customer_id}"))
    return {
        "type": "overflow",
        "action_id": Action.NUDGE_ITEM.value,
        "options": [option(t(key, lang), value) for key, value in choices[:5]],
    }


def _summary(daily: DailyList, lang: Lang) -> str:
    counts = [
        ("nudges.count_escalated", daily.count(ItemKind.ESCALATED)),
        ("nudges.count_broken", daily.count(ItemKind.BROKEN_PROMISE)),
        ("nudges.count_overdue", daily.count(ItemKind.OVERDUE_TASK)),
        ("nudges.count_today", daily.count(ItemKind.TASK_TODAY)),
        (
            "nudges.count_promises",
            daily.count(ItemKind.PROMISE_TODAY) + daily.count(ItemKind.PROMISE_TOMORROW),
        ),
    ]
    parts = [t(key, lang, count=count) for key, count in counts if count]
    if daily.done:
        parts.append(t("nudges.list_progress", lang, done=daily.done, total=len(daily.items)))
    return " · ".join(parts)


def _shown(items: tuple[ListItem, ...], limit: int) -> list[ListItem]:
    """At most `limit` items, every kind of open item among them (a fair share each, the
    share a kind leaves unused going to the next), in the list's order; what was done
    today only in the room that is left."""
    open_items = [i for i in items if i.state == ItemState.OPEN]
    kinds = list(dict.fromkeys(i.kind for i in open_items))
    chosen: set[int] = set()
    room = limit
    for index, kind in enumerate(kinds):
        share = room // (len(kinds) - index)
        of_kind = [n for n, i in enumerate(items) if i.kind == kind and i.state == ItemState.OPEN]
        chosen.update(of_kind[:share])
        room -= min(share, len(of_kind))
    done = [n for n, i in enumerate(items) if i.state != ItemState.OPEN]
    chosen.update(done[:room])
    return [item for n, item in enumerate(items) if n in chosen]


def build_nudge_list(daily: DailyList, lang: Lang, today: date) -> dict[str, Any]:
    """The person's one nudge message of the day: what is left first, what was done
    today ticked off; past `LIST_ITEMS_SHOWN` the rest is counted and the commands named."""
    title = t("nudges.list_title", lang, name=escape(daily.owner.name))
    summary = _summary(daily, lang) if daily.open else t("nudges.list_all_done", lang)
    blocks: list[dict[str, Any]] = [section(f"{title}\n{summary}")]
    shown = _shown(daily.items, LIST_ITEMS_SHOWN)
    for item in shown:
        text = _item_text(item, lang, today)
        accessory = _menu(item, lang) if item.state == ItemState.OPEN else None
        blocks.append(section(text, accessory=accessory))
    rest = len(daily.items) - len(shown)
    if rest:
        blocks.append(context(t("nudges.more", lang, count=rest)))
    return message(f"{title}: {summary}".replace("*", ""), blocks)
