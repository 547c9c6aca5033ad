"""The App Home tab, "Mi día": my calls today, my open tasks, promises due today."""

from __future__ import annotations

from typing import Any

from bot.agenda.rules import MyDay
from bot.core.i18n import Lang, t
from bot.core.i18n.formats import short_day
from bot.core.money import money
from handlers.blocks.agenda import AgendaView, build_due_call
from handlers.blocks.common import clip, context, divider, escape, header, section
from handlers.blocks.tasks import overdue_mark

HOME_BLOCK_LIMIT = 100


def build_home_stranger(lang: Lang) -> dict[str, Any]:
    return {"type": "home", "blocks": [section(t("error.not_on_team", lang))]}


HOME_LINES = 15  # lines of a list section: well within a section's 3000 characters
LINE_LIMIT = 190
# What the sections after the calls take at most: for tasks, promises and calls done, a
# divider, a title, the lines and a "y N más"; then the footer.
TAIL_BLOCKS = 3 * 4 + 1


def _lines(lines: list[str], total: int, empty: str, more_key: str, lang: Lang) -> list[dict]:
    """A list as one section of at most `HOME_LINES` lines; the rest counted with the
    command that shows it all."""
    shown = [clip(line, LINE_LIMIT) for line in lines[:HOME_LINES]]
    blocks: list[dict[str, Any]] = [section("\n".join(shown) if shown else empty)]
    if total > len(shown):
        blocks.append(context(t(more_key, lang, count=total - len(shown))))
    return blocks


def build_home(day: MyDay, view: AgendaView, lang: Lang, *, reserved: int = 0) -> dict[str, Any]:
    """Sections in the order they matter (calls to do, tasks, promises due, calls done),
    every one always there: the calls get what the others leave of the 100 blocks, and
    whatever does not fit is counted with the command that shows it."""
    agenda = day.agenda
    done, total = day.progress
    blocks: list[dict[str, Any]] = [
        header(t("home.title", lang)),
        context(t("home.hello", lang, name=escape(day.name))),
        section(
            "*" + t("home.calls", lang, day=short_day(agenda.day, lang), count=agenda.total) + "*"
        ),
    ]
    if total:
        blocks.append(context(t("home.progress", lang, done=done, count=total)))
    if not agenda.calls:
        blocks.append(section(t("agenda.empty", lang, day=short_day(agenda.day, lang))))
    # `reserved`: blocks another section (a supervisor's team) takes on the same tab
    budget = HOME_BLOCK_LIMIT - reserved - len(blocks) - TAIL_BLOCKS - 1  # 1: "y N más"
    shown = 0
    for call in agenda.calls:
        built = build_due_call(call, view, lang)
        if len(built) > budget:
            break
        blocks.extend(built)
        budget -= len(built)
        shown += 1
    if agenda.total > shown:
        blocks.append(context(t("home.more_calls", lang, count=agenda.total - shown)))
    blocks.append(divider())
    blocks.append(section("*" + t("home.tasks", lang, count=day.tasks_total) + "*"))
    task_lines = [
        t(
            "home.task_line",
            lang,
            text=escape(task.text),
            customer=escape(task.customer) if task.customer else "—",
            due=short_day(task.due_date, lang)
            + (f" {task.due_time:%H:%M}" if task.due_time else ""),
        )
        + overdue_mark(task.due_date, agenda.day, lang)
        for task in day.tasks
    ]
    total_tasks = max(day.tasks_total, len(day.tasks))
    blocks += _lines(task_lines, total_tasks, t("home.no_tasks", lang), "home.more_tasks", lang)
    blocks.append(divider())
    blocks.append(section("*" + t("home.promises", lang, count=len(day.promises_due)) + "*"))
    promise_lines = [
        t(
            "home.promise_line",
            lang,
            customer=escape(p.customer),
            amount=money(p.amount, p.currency or "USD", lang),
        )
        for p in day.promises_due
    ]
    blocks += _lines(
        promise_lines,
        len(promise_lines),
        t("home.no_promises", lang),
        "home.more_promises",
        lang,
    )
    blocks.append(divider())
    blocks.append(section("*" + t("home.done", lang, count=len(day.done)) + "*"))
    done_lines = [
        t("home.done_line", lang, at=f"{d.at:%H:%M}", customer=escape(d.customer))
        for d in reversed(day.done)  # the latest first
    ]
    blocks += _lines(done_lines, len(done_lines), t("home.none_done", lang), "home.more_done", lang)
    blocks.append(context(t("help.footer", lang)))
    return {"type": "home", "blocks": blocks}
