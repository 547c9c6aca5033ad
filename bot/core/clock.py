"""Where `now` comes from. The domain never calls `datetime.now()`: it is handed a Clock, so
tests and the demo can stand on any day they like."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta
from typing import Protocol


class Clock(Protocol):
    def now(self) -> datetime:
        """The current instant, timezone-aware, in UTC."""
        ...


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(UTC)


class FixedClock:
    """A clock that stands still until told to move; thread-safe for the demo's server."""

    def __init__(self, at: datetime) -> None:
        if at.tzinfo is None:
            raise ValueError("FixedClock needs an aware datetime")
        self._at = at.astimezone(UTC)
        self._lock = threading.Lock()

    def now(self) -> datetime:
        with self._lock:
            return self._at

    def set(self, at: datetime) -> None:
        if at.tzinfo is None:
            raise ValueError("FixedClock needs an aware datetime")
        with self._lock:
            self._at = at.astimezone(UTC)

    def advance(self, delta: timedelta) -> None:
        with self._lock:
            self._at += delta


class OffsetClock:
    """Real time, shifted to start at a chosen moment: `cobro jobs run --now` runs "as of"
    that moment while retries still fall due as seconds pass."""

    def __init__(self, start: datetime) -> None:
        if start.tzinfo is None:
            raise ValueError("OffsetClock needs an aware datetime")
        self._offset = start.astimezone(UTC) - datetime.now(UTC)

    def now(self) -> datetime:
        return datetime.now(UTC) + self._offset
