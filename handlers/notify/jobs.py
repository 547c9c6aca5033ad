"""The scheduled jobs with Slack behind them: each job writes its messages to the outbox
(worded by the notifier), then the transport delivers them."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from slack_sdk import WebClient

from bot.agenda.service import DigestResult, run_digest
from bot.nudges.rules import NudgeResult
from bot.nudges.service import run_nudges
from bot.outbox.service import DeliveryReport, deliver
from bot.reports.service import ReportResult, run_weekly_report
from handlers.context import Deps
from handlers.notify.directory import SlackDirectory
from handlers.notify.notifier import SlackNotifier
from handlers.notify.transport import SlackTransport


class Jobs:
    def __init__(self, deps: Deps, client: WebClient) -> None:
        self._deps = deps
        self._notifier = SlackNotifier(deps.settings)
        self._transport = SlackTransport(client)
        self._directory = SlackDirectory(client)

    def _common(self) -> dict[str, Any]:
        """What every job needs; the supervisors' channel's privacy is asked before the
        job's transaction (no Slack call inside one)."""
        settings = self._deps.settings
        channel = settings.cobro_supervisors_channel
        return {
            "policy": self._deps.policy(),
            "notifier": self._notifier,
            "lang": settings.cobro_language,
            "currency": settings.cobro_currency,
            "channel": channel,
            "channel_is_private": self._directory.channel_is_private(channel) if channel else False,
        }

    def enqueue_digest(self, now: datetime) -> DigestResult:
        return run_digest(self._deps.db, now=now, **self._common())

    def enqueue_nudges(self, now: datetime) -> NudgeResult:
        return run_nudges(self._deps.db, now=now, **self._common())

    def enqueue_report(self, now: datetime) -> ReportResult:
        return run_weekly_report(self._deps.db, now=now, **self._common())

    def digest(self, now: datetime) -> DigestResult:
        return self._then_deliver(self.enqueue_digest, now)

    def nudges(self, now: datetime) -> NudgeResult:
        return self._then_deliver(self.enqueue_nudges, now)

    def report(self, now: datetime) -> ReportResult:
        return self._then_deliver(self.enqueue_report, now)

    def _then_deliver(self, job: Callable[[datetime], Any], now: datetime) -> Any:
        result = job(now)
        self.deliver()
        return result

    def deliver(self, wait_seconds: float = 0.0) -> DeliveryReport:
        return deliver(self._deps.db, self._transport, self._deps.clock, wait_seconds=wait_seconds)
