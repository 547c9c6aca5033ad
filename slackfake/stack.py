"""ONE assembly of the whole bot for the tests, the demo and the benchmarks: the real Bolt
app served by the HTTP server `cobro run` uses, its Web API client pointed at a fake Slack
on loopback, a database, a clock you move, and the scheduled jobs with their delivery.

Nothing of cobro is replaced: the stack only plays Slack's part.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from slack_bolt import App
from slack_sdk import WebClient

from bot.core.clock import FixedClock
from bot.core.config import Settings, load_settings
from bot.core.db import Db
from handlers.app import create_bolt_app, finish_listeners
from handlers.context import Deps
from handlers.notify.jobs import Jobs
from handlers.server import HttpServer
from slackfake.sender import SlackSender
from slackfake.server import FakeSlack


@dataclass
class Stack:
    fake: FakeSlack
    slack: SlackSender
    db: Db
    clock: FixedClock
    settings: Settings
    deps: Deps
    jobs: Jobs
    server: HttpServer
    client: WebClient
    app: App

    @property
    def events_url(self) -> str:
        return f"http://127.0.0.1:{self.server.port}/slack/events"

    def close(self) -> None:
        """Stop taking requests, let the listeners finish, then stop the fake Slack."""
        self.server.close()
        finish_listeners(self.app)
        self.fake.stop()


def stack_settings(db_url: str, fake: FakeSlack, secret: str, **overrides: Any) -> Settings:
    """The settings of a stack: a Mexican team by default, any of them overridable."""
    values: dict[str, Any] = {
        "_env_file": None,
        "slack_bot_token": "xoxb-fake-token",
        "slack_signing_secret": secret,
        "slack_api_url": fake.api_url,
        "database_url": db_url,
        "cobro_timezone": "America/Mexico_City",
        "cobro_country": "MX",
    }
    values.update(overrides)
    return load_settings(**values)


def start_stack(
    db_url: str,
    db: Db,
    *,
    at: datetime,
    secret: str | None = None,
    fake: FakeSlack | None = None,
    **settings: Any,
) -> Stack:
    """Start a fake Slack (unless given one) and the bot against it, on loopback, as of
    `at`; `settings` override the defaults (COBRO_* and the rest, in lower case)."""
    fake = fake or FakeSlack().start()
    secret = secret or secrets.token_hex(16)
    config = stack_settings(db_url, fake, secret, **settings)
    clock = FixedClock(at)
    deps = Deps(settings=config, db=db, clock=clock)
    app = create_bolt_app(deps)
    server = HttpServer(app, signing_secret=secret, host="127.0.0.1", port=0).start_background()
    sender = SlackSender(f"http://127.0.0.1:{server.port}/slack/events", secret, fake=fake)
    return Stack(
        fake=fake,
        slack=sender,
        db=db,
        clock=clock,
        settings=config,
        deps=deps,
        jobs=Jobs(deps, app.client),
        server=server,
        client=app.client,
        app=app,
    )
