"""What the domain needs from the outside world, as protocols. Slack implements them in
`handlers/`; tests and the demo can hand in their own."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol


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
