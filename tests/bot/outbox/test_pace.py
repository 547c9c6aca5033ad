"""The outbox's pace as a table: one message a second per channel, a workspace ceiling
that does not make one channel's wait every channel's, Retry-After per method."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from bot.outbox.pace import Pace

NOW = datetime(2026, 11, 23, 15, tzinfo=UTC)


def _pace(per_minute: int) -> tuple[Pace, list[float]]:
    clock = [100.0]
    return Pace(per_minute, monotonic=lambda: clock[0]), clock


@pytest.mark.parametrize(
    ("per_minute", "channels", "waits"),
    [
        (0, "AAA", [0.0, 1.0, 2.0]),  # one channel: a second apart
        (0, "ABC", [0.0, 0.0, 0.0]),  # no ceiling: different channels at once
        (300, "ABC", [0.0, 0.202, 0.404]),  # 300 a minute: a fifth of a second, 1 % spare
        (300, "AAB", [0.0, 1.0, 0.202]),  # B takes the gap while A waits for its second
        (60, "AB", [0.0, 1.01]),
    ],
)
def test_reserved_moments(per_minute: int, channels: str, waits: list[float]) -> None:
    pace, _ = _pace(per_minute)
    assert [round(pace.reserve(c), 3) for c in channels] == waits


def test_a_channel_quiet_for_a_second_is_posted_to_at_once() -> None:
    pace, clock = _pace(300)
    pace.reserve("A")
    clock[0] += 1.0
    assert pace.reserve("A") == 0.0


def test_retry_after_blocks_only_its_method_until_it_passes() -> None:
    pace, _ = _pace(300)
    pace.block("chat.postMessage", NOW, 30)
    assert pace.blocked_until("chat.postMessage", NOW) == NOW + timedelta(seconds=30)
    assert pace.blocked_until("chat.update", NOW) is None
    assert pace.blocked_until("chat.postMessage", NOW + timedelta(seconds=30)) is None
