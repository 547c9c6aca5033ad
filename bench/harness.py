"""The bot as the benchmarks run it: the real app on the HTTP server `cobro run` uses, its
Web API client pointed at a fake Slack, on a database already filled."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session, sessionmaker

from bot.clock import FixedClock
from bot.config import Settings, load_settings
from handlers.bolt_app import create_bolt_app
from handlers.context import Deps
from handlers.server import HttpServer
from slackfake import FakeSlack, SlackSender

MX = ZoneInfo("America/Mexico_City")
SECRET = "bench-secret"
MORNING = datetime(2026, 11, 23, 9, tzinfo=MX)


def bench_settings(url: str, fake: FakeSlack) -> Settings:
    return load_settings(
        _env_file=None,
        slack_bot_token="xoxb-bench",
        slack_signing_secret=SECRET,
        slack_api_url=fake.api_url,
        database_url=url,
        cobro_timezone=MX.key,
        cobro_country="MX",
    )


@contextmanager
def running_bot(url: str, db: sessionmaker[Session], fake: FakeSlack) -> Iterator[SlackSender]:
    """The bot serving signed requests on loopback, as of Monday 23 November 2026, 09:00."""
    deps = Deps(settings=bench_settings(url, fake), db=db, clock=FixedClock(MORNING))
    server = HttpServer(create_bolt_app(deps), host="127.0.0.1", port=0).start_background()
    try:
        yield SlackSender(f"http://127.0.0.1:{server.port}/slack/events", SECRET, fake=fake)
    finally:
        server.close()
