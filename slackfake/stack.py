"""ONE assembly of the whole bot for the tests, the demo and the benchmarks: the real Bolt
app, its Web API client pointed at a fake Slack on loopback, a database, a clock you move,
and the scheduled jobs with their delivery. It reaches Slack either way `cobro run` does:
served over HTTP by the server `cobro run` uses, or connected to the fake's Socket Mode
server by the runner `cobro run` uses when SLACK_APP_TOKEN is set.

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
from handlers.socket_mode import SocketModeRunner
from slackfake.sender import Sender, SlackSender, SocketSender
from slackfake.server import FakeSlack

APP_TOKEN = "xapp-1-fake-app-token"


@dataclass
class Stack:
    fake: FakeSlack
    slack: Sender
    db: Db
    clock: FixedClock
    settings: Settings
    deps: Deps
    jobs: Jobs
    client: WebClient
    app: App
    server: HttpServer | None  # HTTP mode
    socket: SocketModeRunner | None = None  # Socket Mode

    @property
    def events_url(self) -> str:
        assert self.server is not None, "a Socket Mode stack has no HTTP server"
        return f"http://127.0.0.1:{self.server.port}/slack/events"

    def close(self) -> None:
        """Stop taking requests, let the listeners finish, then stop the fake Slack."""
        if self.server is not None:
            self.server.close()
        if self.socket is not None:
            self.socket.close()
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
    socket_mode: bool = False,
    **settings: Any,
) -> Stack:
    """Start a fake Slack (unless given one) and the bot against it, on loopback, as of
    `at`, over HTTP or (`socket_mode`) over Socket Mode; `settings` override the defaults
    (COBRO_* and the rest, in lower case)."""
    fake = fake or FakeSlack().start()
    secret = secret or secrets.token_hex(16)
    if socket_mode:
        settings = {"slack_app_token": APP_TOKEN, "slack_signing_secret": None, **settings}
    config = stack_settings(db_url, fake, secret, **settings)
    clock = FixedClock(at)
    deps = Deps(settings=config, db=db, clock=clock)
    app = create_bolt_app(deps)
    server: HttpServer | None = None
    runner: SocketModeRunner | None = None
    sender: Sender
    if socket_mode:
        runner = SocketModeRunner(app, APP_TOKEN).start()
        fake.socket.wait_links(1)
        sender = SocketSender(fake)
    else:
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
        socket=runner,
    )
