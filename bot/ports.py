"""What the domain needs from the outside world, as three protocols: ONE Notifier (what to
say), ONE Transport (how a message reaches people), ONE Directory (who is who). Slack
implements them in `handlers/notify/`; the demo and the tests use those same adapters
against a fake Slack.

The domain decides what is announced, to whom, and under which outbox key; the Notifier
only words it (Block Kit is Slack's business), so an announcement is an outbox row written
in the same transaction as the change it announces.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass, field
from datetime import date, time
from typing import TYPE_CHECKING, Any, Protocol

from bot.core.i18n import Lang

if TYPE_CHECKING:
    from bot.agenda.rules import Agenda, DigestSummary
    from bot.calls.rules import LoggedCall
    from bot.history.rules import Event
    from bot.imports.report import SyncedFile
    from bot.nudges.daily import DailyList
    from bot.nudges.rules import PromiseNudge, TaskNudge
    from bot.payments.rules import RecordedPayment
    from bot.reports.rules import Report
    from bot.tasks.rules import TaskView


@dataclass(frozen=True)
class Recipient:
    member_id: int
    slack_user_id: str
    name: str
    lang: Lang


@dataclass(frozen=True)
class OutboxFile:
    name: str
    title: str
    content: bytes

    def stored(self) -> dict[str, str]:
        return {
            "name": self.name,
            "title": self.title,
            "content": base64.b64encode(self.content).decode(),
        }

    @classmethod
    def from_stored(cls, data: dict[str, str]) -> OutboxFile:
        return cls(data["name"], data["title"], base64.b64decode(data["content"]))


@dataclass(frozen=True)
class Message:
    """A message as the outbox keeps it: a plain text (what notifications show), Slack's
    blocks, and files shared with the text as their comment."""

    text: str
    blocks: list[dict[str, Any]] | None = None
    files: list[OutboxFile] = field(default_factory=list)


class Notifier(Protocol):
    """Words every announcement. Pure: data in, Message out; no session, no sending."""

    def digest(self, agenda: Agenda, *, to: Recipient) -> list[Message]: ...

    def supervisors_summary(self, summary: DigestSummary, *, lang: Lang) -> Message: ...

    def call_logged(self, logged: LoggedCall, *, to: Recipient) -> Message: ...

    def digest_call_done(
        self, digest: Message, logged: LoggedCall, *, at: time, lang: Lang
    ) -> Message | None:
        """One part of the morning digest with the call just logged marked done in it (at
        `at`, with what it got); None when that customer is not in this part."""
        ...

    def task_assigned(self, logged: LoggedCall, *, to: Recipient) -> Message: ...

    def task_supervised(self, logged: LoggedCall, *, to: Recipient) -> Message: ...

    def task_reassigned(
        self, task: TaskView, *, by: str, to: Recipient, today: date
    ) -> Message: ...

    def task_changed(self, task: TaskView, *, change: str, to: Recipient, today: date) -> Message:
        """A receipt: the task was added, snoozed or reassigned (`change` names which)."""
        ...

    def task_nudge(self, nudge: TaskNudge, *, to: Recipient) -> Message: ...

    def promise_nudge(self, nudge: PromiseNudge, *, to: Recipient) -> Message: ...

    def nudge_list(self, daily: DailyList, *, today: date) -> Message:
        """A person's one nudge message of the day, in their language."""
        ...

    def channel_escalation(
        self, nudge: TaskNudge | PromiseNudge, *, lang: Lang, details: bool
    ) -> Message: ...

    def payment_recorded(
        self, payment: RecordedPayment, *, to: Recipient, today: date
    ) -> Message: ...

    def promise_moved(self, customer: str, day: date, *, to: Recipient, today: date) -> Message: ...

    def promise_reassigned(self, customer: str, collector: str, *, to: Recipient) -> Message: ...

    def member_left_slack(self, name: str, accounts: int, *, to: Recipient) -> Message:
        """An admin hears that someone was deactivated in Slack and left accounts behind."""
        ...

    def history_export(
        self, customer: str, events: list[Event], *, file_stem: str, to: Recipient
    ) -> Message: ...

    def report(self, report: Report, *, lang: Lang, details: bool, weekly: bool) -> Message: ...

    def folder_import(self, synced: SyncedFile, *, to: Recipient) -> Message: ...

    def report_files(
        self, report: Report, *, lang: Lang, stem: str, details: bool, weekly: bool
    ) -> Message: ...


class DeliveryError(Exception):
    """Slack refused or failed a message. Permanent errors (a user that no longer exists)
    are not retried; others are, after `retry_after` seconds when Slack said so."""

    def __init__(self, code: str, *, permanent: bool, retry_after: float | None = None) -> None:
        super().__init__(code)
        self.code = code
        self.permanent = permanent
        self.retry_after = retry_after


class Transport(Protocol):
    """Posts one message tagged with its outbox key; returns the channel and timestamp Slack
    gave it. `find` looks for a message with that key already in the channel: after a send
    whose outcome is unknown (the process died, the connection dropped), it tells whether
    Slack got it, so a retry never posts it twice."""

    def post(
        self, *, channel: str, message: Message, thread_ts: str | None, key: str
    ) -> tuple[str, str]: ...

    def find(
        self,
        *,
        channel: str,
        key: str,
        since: float,
        thread_ts: str | None,
        file_name: str | None = None,
    ) -> tuple[str, str] | None: ...

    def update(self, *, channel: str, ts: str, message: Message, key: str) -> None:
        """Replace the text and blocks of a message already posted (`chat.update`)."""
        ...


@dataclass(frozen=True)
class DirectoryUser:
    user_id: str
    name: str
    email: str | None = None
    timezone: str | None = None
    locale: str | None = None
    deleted: bool = False  # deactivated in the workspace


class Directory(Protocol):
    """Who is who in the workspace, and which channels are private."""

    def lookup_by_email(self, email: str) -> DirectoryUser | None: ...

    def user_info(self, user_id: str) -> DirectoryUser | None: ...

    def channel_is_private(self, channel: str) -> bool: ...
