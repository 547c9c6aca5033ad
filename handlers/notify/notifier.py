"""The Slack side of `bot.ports.Notifier`: every announcement worded as Block Kit, in the
recipient's language. Pure: no session, no sending (the domain writes the outbox rows)."""

from __future__ import annotations

from datetime import date, time
from typing import Any

from bot.agenda.rules import Agenda, DigestSummary
from bot.calls.rules import LoggedCall
from bot.core.config import Settings
from bot.core.dates import describe
from bot.core.i18n import Lang, t
from bot.core.policy import Policy
from bot.history.rules import Event
from bot.imports.report import SyncedFile
from bot.nudges.daily import DailyList
from bot.nudges.rules import PromiseNudge, TaskNudge
from bot.payments.rules import RecordedPayment
from bot.ports import Message, OutboxFile, Recipient
from bot.reports.rules import Report
from bot.tasks.rules import TaskView
from handlers.blocks.agenda import (
    AgendaView,
    agenda_title,
    build_agenda_messages,
    mark_call_done,
)
from handlers.blocks.call import (
    build_call_confirmation,
    build_task_assigned,
    build_task_supervised,
)
from handlers.blocks.common import escape, message, quiet
from handlers.blocks.customer import build_payment_recorded
from handlers.blocks.imports import build_folder_import
from handlers.blocks.nudges import (
    build_channel_escalation,
    build_nudge_list,
    build_promise_nudge,
    build_task_nudge,
)
from handlers.blocks.report import build_report, report_title
from handlers.blocks.summary import build_supervisors_summary
from handlers.blocks.tasks import build_task_changed, build_task_reassigned


def as_message(payload: dict[str, Any], files: list[OutboxFile] | None = None) -> Message:
    return Message(text=payload["text"], blocks=payload.get("blocks"), files=files or [])


class SlackNotifier:
    def __init__(self, settings: Settings) -> None:
        self._settings = settings
        self._policy = Policy.from_settings(settings)

    def digest(self, agenda: Agenda, *, to: Recipient) -> list[Message]:
        view = AgendaView(
            agenda=agenda,
            collector_name=to.name,
            company=self._settings.cobro_company,
            policy=self._policy,
            title=agenda_title(agenda.day, to.lang),
        )
        return [as_message(p) for p in build_agenda_messages(view, to.lang)]

    def supervisors_summary(self, summary: DigestSummary, *, lang: Lang) -> Message:
        return as_message(
            build_supervisors_summary(
                summary,
                lang,
                self._settings.cobro_escalation_days,
                self._settings.cobro_currency,
            )
        )

    def call_logged(self, logged: LoggedCall, *, to: Recipient) -> Message:
        return as_message(build_call_confirmation(logged, to.lang))

    def digest_call_done(
        self, digest: Message, logged: LoggedCall, *, at: time, lang: Lang
    ) -> Message | None:
        blocks = mark_call_done(digest.blocks or [], logged, at, lang)
        return None if blocks is None else Message(text=digest.text, blocks=blocks)

    def task_assigned(self, logged: LoggedCall, *, to: Recipient) -> Message:
        return as_message(build_task_assigned(logged, to.lang))

    def task_supervised(self, logged: LoggedCall, *, to: Recipient) -> Message:
        return as_message(build_task_supervised(logged, to.lang))

    def task_reassigned(self, task: TaskView, *, by: str, to: Recipient, today: date) -> Message:
        return as_message(build_task_reassigned(task, by, to.lang, today))

    def task_changed(self, task: TaskView, *, change: str, to: Recipient, today: date) -> Message:
        return as_message(build_task_changed(change, task, to.lang, today))

    def task_nudge(self, nudge: TaskNudge, *, to: Recipient) -> Message:
        return as_message(build_task_nudge(nudge, to.lang, nudge.task.when.day))

    def promise_nudge(self, nudge: PromiseNudge, *, to: Recipient) -> Message:
        return as_message(build_promise_nudge(nudge, to.lang, nudge.promised_for))

    def nudge_list(self, daily: DailyList, *, today: date) -> Message:
        return as_message(build_nudge_list(daily, daily.owner.lang, today))

    def channel_escalation(
        self, nudge: TaskNudge | PromiseNudge, *, lang: Lang, details: bool
    ) -> Message:
        today = nudge.task.when.day if isinstance(nudge, TaskNudge) else nudge.promised_for
        return as_message(build_channel_escalation(nudge, lang, today, details=details))

    def folder_import(self, synced: SyncedFile, *, to: Recipient) -> Message:
        return as_message(build_folder_import(synced, to.lang))

    def payment_recorded(self, payment: RecordedPayment, *, to: Recipient, today: date) -> Message:
        return as_message(build_payment_recorded(payment, to.lang, today))

    def promise_moved(self, customer: str, day: date, *, to: Recipient, today: date) -> Message:
        when = describe(day, lang=to.lang, today=today)
        return as_message(
            message(t("promise.rescheduled", to.lang, customer=escape(customer), when=when))
        )

    def promise_reassigned(self, customer: str, collector: str, *, to: Recipient) -> Message:
        text = t("promise.reassigned", to.lang, customer=escape(customer), name=escape(collector))
        return as_message(message(text))

    def member_left_slack(self, name: str, accounts: int, *, to: Recipient) -> Message:
        text = t("supervision.member_left", to.lang, name=escape(name), count=accounts)
        return as_message(message(text))

    def history_export(
        self, customer: str, events: list[Event], *, file_stem: str, to: Recipient
    ) -> Message:
        from handlers.blocks.csvfiles import history_csv

        content = history_csv(events, self._settings.tz, to.lang)
        comment = t("history.uploaded", to.lang, customer=escape(customer), count=len(events))
        return Message(
            text=comment, files=[OutboxFile(f"{file_stem}.csv", quiet(customer), content)]
        )

    def report(self, report: Report, *, lang: Lang, details: bool, weekly: bool) -> Message:
        return as_message(build_report(report, lang, details=details, weekly=weekly))

    def report_files(
        self, report: Report, *, lang: Lang, stem: str, details: bool, weekly: bool
    ) -> Message:
        """The charts (PNG, drawn in the painter's process: matplotlib is never imported in
        the bot's) and every figure (CSV), with names unique to this report."""
        from handlers.blocks.charts import all_charts
        from handlers.blocks.csvfiles import days_csv, report_csv

        files = [
            OutboxFile(f"{stem}-{name}", title, content)
            for name, title, content in all_charts(report, lang)
        ]
        files.append(
            OutboxFile(
                f"{stem}-cifras.csv",
                t("report.csv_title", lang),
                report_csv(report, lang, names=details),
            )
        )
        files.append(
            OutboxFile(
                f"{stem}-por-dia.csv", t("report.csv_days_title", lang), days_csv(report, lang)
            )
        )
        comment = t("report.files_here", lang) if weekly else report_title(report, lang)
        return Message(text=comment, files=files)
