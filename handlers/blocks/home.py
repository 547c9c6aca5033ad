"""The App Home tab, "Mi día": my calls today, my open tasks, promises due today."""

from __future__ import annotations

from typing import Any

from bot.agenda.rules import MyDay
from bot.core.i18n import Lang, t
from bot.core.i18n.formats import short_day
from bot.core.money import money
from handlers.blocks.agenda import AgendaView, build_due_call
from handlers.blocks.common import context, divider, escape, header, section

HOME_BLOCK_LIMIT = 100


def build_home_stranger(lang: Lang) -> dict[str, Any]:
    return {"type": "home", "blocks": [section(t("error.not_on_team", lang))]}


def build_home(day: MyDay, view: AgendaView, lang: Lang) -> dict[str, Any]:
    agenda = day.agenda
    blocks: list[dict[str, Any]] = [
        header(t("home.title", lang)),
        context(t("home.hello", lang, name=escape(day.name))),
        section(
            "*" + t("home.calls", lang, day=short_day(agenda.day, lang), count=agenda.total) + "*"
        ),
    ]
    if not agenda.calls:
        blocks.append(section(t("agenda.empty", lang, day=short_day(agenda.day, lang))))
    calls: list[dict[str, Any]] = []
    for call in agenda.calls:
        calls.extend(build_due_call(call, view, lang))
    blocks.extend(calls)
    if agenda.total > len(agenda.calls):
        blocks.append(context(t("home.more_calls", lang, count=agenda.total - len(agenda.calls))))
    blocks.append(divider())
    blocks.append(section("*" + t("home.tasks", lang, count=len(day.tasks)) + "*"))
    lines = [
        t(
            "home.task_line",
            lang,
            text=escape(task.text),
            customer=escape(task.customer) if task.customer else "—",
            due=short_day(task.due_date, lang)
            + (f" {task.due_time:%H:%M}" if task.due_time else ""),
        )
        for task in day.tasks
    ]
    blocks.append(section("\n".join(lines) if lines else t("home.no_tasks", lang)))
    blocks.append(divider())
    blocks.append(section("*" + t("home.promises", lang, count=len(day.promises_due)) + "*"))
    promises = [
        t(
            "home.promise_line",
            lang,
            customer=escape(p.customer),
            amount=money(p.amount, p.currency or "USD", lang),
        )
        for p in day.promises_due
    ]
    blocks.append(section("\n".join(promises) if promises else t("home.no_promises", lang)))
    blocks.append(context(t("help.footer", lang)))
    return {"type": "home", "blocks": blocks[:HOME_BLOCK_LIMIT]}
