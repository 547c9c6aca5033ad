"""Tasks as Block Kit: my list, a task handed to someone, the snooze and reassign modals."""

from __future__ import annotations

from datetime import date
from typing import Any

from bot.core.i18n import Lang, t
from bot.tasks.rules import TaskView
from handlers.blocks.call import task_buttons
from handlers.blocks.common import context, escape, header, message, section
from handlers.blocks.inputs import date_words_input, input_block, save_modal, user_select
from handlers.ids import Callback
from handlers.metadata import TaskMeta

TASKS_PER_MESSAGE = 20  # two blocks a task and a header: well under Slack's 50


def _line(task: TaskView, lang: Lang, today: date) -> str:
    line = t(
        "tasks.line",
        lang,
        task=escape(task.text),
        customer=escape(task.customer) if task.customer else t("task.no_customer", lang),
        when=task.when.in_words(lang, today),
    )
    return line + overdue_mark(task.when.day, today, lang)


def overdue_mark(due: date, today: date, lang: Lang) -> str:
    """` · ⏳ vencida` after a task whose day has gone by, as the morning list says it: the
    task lists and the Home mark it alike."""
    return t("tasks.overdue", lang) if due < today else ""


def build_task_list(
    tasks: list[TaskView], lang: Lang, today: date, *, whose: str | None = None
) -> dict[str, Any]:
    """My open tasks, or (`whose`) a collector's, for their supervisor."""
    if not tasks:
        if whose:
            return message(t("tasks.none_of", lang, name=escape(whose)))
        return message(t("tasks.none", lang))
    title = t("tasks.title_of", lang, name=whose) if whose else t("tasks.title", lang)
    blocks: list[dict[str, Any]] = [header(title)]
    for task in tasks[:TASKS_PER_MESSAGE]:
        blocks.append(section(_line(task, lang, today)))
        blocks.append(task_buttons(task.id, task.customer_id, lang))
    if len(tasks) > TASKS_PER_MESSAGE:  # the soonest first; the rest counted, never dropped
        blocks.append(context(t("tasks.more", lang, count=len(tasks) - TASKS_PER_MESSAGE)))
    return message(escape(title), blocks)


def build_task_reassigned(task: TaskView, by: str, lang: Lang, today: date) -> dict[str, Any]:
    text = t(
        "task.reassigned_to_you",
        lang,
        author=escape(by),
        customer=escape(task.customer) if task.customer else t("task.no_customer", lang),
        task=escape(task.text),
        when=task.when.in_words(lang, today),
    )
    return message(text, [section(text), task_buttons(task.id, task.customer_id, lang)])


def build_task_changed(key: str, task: TaskView, lang: Lang, today: date) -> dict[str, Any]:
    """The answer to Hecho / Posponer / Reasignar, replacing the buttons that were pressed."""
    return message(
        t(
            key,
            lang,
            task=escape(task.text),
            when=task.when.in_words(lang, today),
            assignee=escape(task.assignee.name),
        )
    )


def build_snooze_modal(task_id: int, lang: Lang, response_url: str | None) -> dict[str, Any]:
    return save_modal(
        callback_id=Callback.SNOOZE.value,
        title=t("task.snooze_title", lang),
        blocks=[
            date_words_input(
                "when", t("task.snooze_when", lang), t("call.task_due_placeholder", lang)
            )
        ],
        metadata=TaskMeta(task_id=task_id, response_url=response_url or ""),
        lang=lang,
    )


def build_reassign_modal(task_id: int, lang: Lang, response_url: str | None) -> dict[str, Any]:
    return save_modal(
        callback_id=Callback.REASSIGN.value,
        title=t("task.reassign_title", lang),
        blocks=[
            input_block("assignee", t("task.reassign_to", lang), user_select("assignee")),
            input_block("supervisor", t("call.supervisor", lang), user_select("supervisor")),
        ],
        metadata=TaskMeta(task_id=task_id, response_url=response_url or ""),
        lang=lang,
    )
