"""How fast the outbox may post: Slack's one message a second per channel, a ceiling for the
whole workspace, and each method's Retry-After.

One Pace per process, shared by every delivery running in it (the scheduler's rounds and
the listeners' `deliver_now`), so two deliveries never post to one channel within a
second of each other. A sender *reserves* a moment: the first one at which its channel has
been quiet for a second and that lies `60 / per_minute` seconds from every other moment
reserved in the workspace. The reservation is taken at once, so senders in several threads
are spaced without waiting on each other, and a channel waiting for its second never holds
another channel (its future moment is not in the others' way: they take the gaps).

Retry-After is kept per Web API method, in the bot's clock (a 429 on `chat.update` says
nothing about `chat.postMessage`): rows for a blocked method are rescheduled, not slept on.
"""

from __future__ import annotations

import bisect
import threading
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from functools import cache

from bot.outbox.rules import PER_CHANNEL_INTERVAL

DEFAULT_PER_MINUTE = 300


class Pace:
    """Thread-safe reservations of posting moments (monotonic seconds)."""

    def __init__(
        self,
        per_minute: int = DEFAULT_PER_MINUTE,
        *,
        per_channel: float = PER_CHANNEL_INTERVAL,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self.per_minute = per_minute
        # 1 % to spare: a Slack that counts on arrival never sees the ceiling crossed.
        self._gap = 60.0 / per_minute * 1.01 if per_minute > 0 else 0.0
        self._per_channel = per_channel
        self._monotonic = monotonic
        self._lock = threading.Lock()
        self._channel_next: dict[str, float] = {}
        self._slots: list[float] = []  # the workspace's reserved moments, sorted
        self._blocked: dict[str, datetime] = {}

    def reserve(self, channel: str) -> float:
        """Take the next moment this channel may be posted to; returns how many seconds
        from now it is (0 when it is now)."""
        with self._lock:
            now = self._monotonic()
            slot = max(now, self._channel_next.get(channel, 0.0))
            if self._gap > 0:
                gap = self._gap
                del self._slots[: bisect.bisect_left(self._slots, now - gap)]
                i = bisect.bisect_right(self._slots, slot - gap)
                while i < len(self._slots) and self._slots[i] < slot + gap:
                    slot = self._slots[i] + gap
                    i += 1
                bisect.insort(self._slots, slot)
            self._channel_next[channel] = slot + self._per_channel
            if len(self._channel_next) > 10_000:  # forget channels long quiet
                self._channel_next = {c: t for c, t in self._channel_next.items() if t > now}
            return slot - now

    def posted(self, channel: str) -> None:
        """A post to `channel` just finished: its next one waits a second from now, even
        when Slack took a while to answer (the moments were reserved before)."""
        with self._lock:
            now = self._monotonic()
            self._channel_next[channel] = max(
                self._channel_next.get(channel, 0.0), now + self._per_channel
            )

    def block(self, method: str, now: datetime, seconds: float) -> None:
        """Slack said Retry-After for `method`: nothing more of it before `now + seconds`."""
        with self._lock:
            until = now + timedelta(seconds=seconds)
            self._blocked[method] = max(until, self._blocked.get(method, until))

    def blocked_until(self, method: str, now: datetime) -> datetime | None:
        with self._lock:
            until = self._blocked.get(method)
            if until is not None and until <= now:
                del self._blocked[method]
                return None
            return until


@cache
def shared_pace(per_minute: int = DEFAULT_PER_MINUTE) -> Pace:
    """The process's Pace for this ceiling (one per process: see the module docstring)."""
    return Pace(per_minute)
