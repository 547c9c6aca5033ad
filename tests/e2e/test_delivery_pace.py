"""The outbox posts to many channels at once, each at Slack's one message a second, within
a ceiling for the whole workspace, through the fake Slack (both databases).

Times are the fake's receipt times of each chat.postMessage: real seconds, since the pace
is Slack's, not the bot's clock."""

from __future__ import annotations

import itertools
import time

from bot.outbox.pace import Pace
from bot.outbox.service import Outgoing, deliver, enqueue_many
from bot.ports import Message
from handlers.notify.transport import SlackTransport
from tests.e2e.conftest import Harness

CHANNELS = [f"U0DM{n:02d}" for n in range(12)]


def _write(bot: Harness, items: list[tuple[str, str]]) -> int:
    with bot.db.begin() as session:
        return enqueue_many(
            session,
            [Outgoing(key=key, channel=channel, message=Message(key)) for key, channel in items],
        )


def _times(bot: Harness, channel: str | None = None) -> list[float]:
    return sorted(
        c.at
        for c in bot.fake.calls_to("chat.postMessage")
        if channel is None or c.params["channel"] == channel
    )


def test_twelve_channels_are_served_at_once_and_one_channel_a_second_apart(bot: Harness) -> None:
    items = [(f"digest:{c}", c) for c in CHANNELS] + [(f"extra:{n}", CHANNELS[0]) for n in (2, 3)]
    assert _write(bot, items) == 14
    assert _write(bot, items) == 0  # once per key, in bulk too
    started = time.monotonic()
    report = deliver(bot.db, SlackTransport(bot.app.client), bot.clock, pace=Pace(0))
    elapsed = time.monotonic() - started
    assert report.sent == 14
    assert elapsed < 6, f"12 channels took {elapsed:.1f} s: they were served one by one"
    same = _times(bot, CHANNELS[0])
    assert len(same) == 3
    assert all(b - a >= 0.95 for a, b in itertools.pairwise(same)), same
    texts = [c.params["text"] for c in bot.fake.messages_to(CHANNELS[0])]
    assert texts == [f"digest:{CHANNELS[0]}", "extra:2", "extra:3"]  # in the order written
    assert deliver(bot.db, SlackTransport(bot.app.client), bot.clock).sent == 0  # never twice


def test_the_workspace_ceiling_spaces_every_post(bot: Harness) -> None:
    _write(bot, [(f"digest:{c}", c) for c in CHANNELS[:6]])
    per_minute = 120  # one post every half second, whichever the channel
    report = deliver(bot.db, SlackTransport(bot.app.client), bot.clock, pace=Pace(per_minute))
    assert report.sent == 6
    times = _times(bot)
    gaps = [b - a for a, b in itertools.pairwise(times)]
    assert min(gaps) >= 60 / per_minute - 0.05, gaps
    assert times[-1] - times[0] >= 5 * 60 / per_minute - 0.05
