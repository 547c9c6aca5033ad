"""What the domain needs from the outside world, as protocols. Slack implements them in
`handlers/`; tests and the demo can hand in their own."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol


@dataclass(frozen=True)
class DirectoryUser:
    user_id: str
    name: str
    email: str | None = None
    timezone: str | None = None
    locale: str | None = None


class Directory(Protocol):
    """Who is who in the workspace."""

    def lookup_by_email(self, email: str) -> DirectoryUser | None: ...

    def user_info(self, user_id: str) -> DirectoryUser | None: ...


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
        self,
        *,
        channel: str,
        text: str,
        blocks: list[dict] | None,
        thread_ts: str | None,
        key: str,
        files: list[Any] | None = None,
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


@dataclass(frozen=True)
class Recipient:
    member_id: int
    slack_user_id: str
    name: str
    lang: str


class Notifier(Protocol):
    """What the domain announces. The Slack side renders Block Kit and writes outbox rows in
    the caller's session, so an announcement commits with the change it announces."""

    def digest(self, session: Any, *, to: Recipient, agenda: Any) -> None: ...

    def supervisors_summary(self, session: Any, *, channel: str, summary: Any) -> None: ...
