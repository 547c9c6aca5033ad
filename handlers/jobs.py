"""Running the domain's jobs with Slack behind them: the notifier renders into the outbox,
the transport delivers it."""

from __future__ import annotations

from datetime import datetime

from slack_sdk import WebClient

from bot import outbox
from bot.jobs import DigestResult, ReportResult, run_digest, run_weekly_report
from bot.nudges import NudgeResult, run_nudges
from handlers.context import Deps
from handlers.notifier import SlackNotifier, SlackTransport


class Jobs:
    def __init__(self, deps: Deps, client: WebClient) -> None:
        self._deps = deps
        self._notifier = SlackNotifier(deps.settings)
        self._transport = SlackTransport(client)

    def enqueue_digest(self, now: datetime) -> DigestResult:
        """Claim today's digest and write its messages to the outbox (no Slack call inside
        the transaction but the privacy check of the supervisors' channel, made before)."""
        channel = self._deps.settings.cobro_supervisors_channel
        private = self._transport.channel_is_private(channel) if channel else False
        return run_digest(
            self._deps.db, self._deps.settings, self._notifier, now, channel_is_private=private
        )

    def digest(self, now: datetime) -> DigestResult:
        result = self.enqueue_digest(now)
        self.deliver()
        return result

    def enqueue_nudges(self, now: datetime) -> NudgeResult:
        channel = self._deps.settings.cobro_supervisors_channel
        private = self._transport.channel_is_private(channel) if channel else False
        return run_nudges(
            self._deps.db, self._deps.settings, self._notifier, now, channel_is_private=private
        )

    def nudges(self, now: datetime) -> NudgeResult:
        result = self.enqueue_nudges(now)
        self.deliver()
        return result

    def enqueue_report(self, now: datetime) -> ReportResult:
        channel = self._deps.settings.cobro_supervisors_channel
        private = self._transport.channel_is_private(channel) if channel else False
        return run_weekly_report(
            self._deps.db, self._deps.settings, self._notifier, now, channel_is_private=private
        )

    def report(self, now: datetime) -> ReportResult:
        result = self.enqueue_report(now)
        self.deliver()
        return result

    def deliver(self, wait_seconds: float = 0.0) -> outbox.DeliveryReport:
        return outbox.deliver(
            self._deps.db, self._transport, self._deps.clock, wait_seconds=wait_seconds
        )
