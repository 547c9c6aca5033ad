"""The bot as the benchmarks run it: the one stack (slackfake.stack) on a database already
filled, as of Monday 23 November 2026, 09:00."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from zoneinfo import ZoneInfo

from bot.core.config import Settings, load_settings
from bot.core.db import Db
from bot.core.policy import Policy
from handlers.app import finish_listeners
from handlers.painter import stop as stop_painter
from handlers.painter import warm
from slackfake import FakeSlack, SlackSender
from slackfake.stack import stack_settings, start_stack

MX = ZoneInfo("America/Mexico_City")
SECRET = "bench-secret"
MORNING = datetime(2026, 11, 23, 9, tzinfo=MX)


def bench_policy() -> Policy:
    """A Mexican team's policy, as the benchmarks' data assume."""
    return Policy.from_settings(
        load_settings(_env_file=None, cobro_timezone=MX.key, cobro_country="MX")
    )


def bench_settings(url: str, fake: FakeSlack) -> Settings:
    return stack_settings(url, fake, SECRET)


@contextmanager
def running_bot(url: str, db: Db, fake: FakeSlack) -> Iterator[SlackSender]:
    """The bot serving signed requests on loopback, against `fake`."""
    stack = start_stack(url, db, at=MORNING, fake=fake, secret=SECRET)
    warm().result()  # as `cobro run` does, and ready before anything is measured
    assert isinstance(stack.slack, SlackSender) and stack.server is not None  # HTTP mode
    try:
        yield stack.slack
    finally:
        # Stop taking requests and let the answers still running finish, while the fake
        # Slack and the database they write to are still there.
        stack.server.close()
        finish_listeners(stack.app)
        stop_painter()  # started by warm(): a measure's process must be able to end
