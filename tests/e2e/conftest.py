"""The end-to-end harness: the real bot, served over HTTP by the same server `cobro run`
uses, its Web API client pointed at a fake Slack on loopback, driven by signed requests."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy.orm import Session, sessionmaker

from bot import services
from bot.clock import FixedClock
from bot.config import Settings, load_settings
from handlers.bolt_app import create_bolt_app
from handlers.context import Deps
from handlers.jobs import Jobs
from handlers.server import HttpServer
from models.enums import Role
from slackfake import FakeSlack, SlackSender

SECRET = "e2e-signing-secret"
MEXICO = ZoneInfo("America/Mexico_City")


@dataclass
class Harness:
    fake: FakeSlack
    slack: SlackSender
    db: sessionmaker[Session]
    clock: FixedClock
    settings: Settings
    jobs: Jobs

    def member(
        self,
        user_id: str,
        name: str,
        role: Role = Role.COLLECTOR,
        *,
        supervisor: str | None = None,
        locale: str = "es-LA",
        email: str | None = None,
    ) -> None:
        """Put someone on the team (as `cobro team add` would), known to the fake Slack."""
        self.fake.add_user(user_id, name, email=email, locale=locale)
        services.add_team_member(
            self.db, actor_id=None, reference=user_id, role=role, supervisor=supervisor, name=name
        )
        from sqlalchemy import update

        from models import TeamMember

        with self.db.begin() as session:
            session.execute(
                update(TeamMember).where(TeamMember.slack_user_id == user_id).values(locale=locale)
            )


@pytest.fixture
def bot(db_url: str, db: sessionmaker[Session]) -> Iterator[Harness]:
    fake = FakeSlack().start()
    settings = load_settings(
        _env_file=None,
        slack_bot_token="xoxb-e2e-token",
        slack_signing_secret=SECRET,
        slack_api_url=fake.api_url,
        database_url=db_url,
        cobro_timezone="America/Mexico_City",
        cobro_country="MX",
        cobro_supervisors_channel="C0SUPER",
    )
    clock = FixedClock(datetime(2026, 11, 23, 9, 0, tzinfo=MEXICO))
    deps = Deps(settings=settings, db=db, clock=clock)
    app = create_bolt_app(deps)
    server = HttpServer(app, host="127.0.0.1", port=0).start_background()
    sender = SlackSender(f"http://127.0.0.1:{server.port}/slack/events", SECRET, fake=fake)
    try:
        yield Harness(
            fake=fake,
            slack=sender,
            db=db,
            clock=clock,
            settings=settings,
            jobs=Jobs(deps, app.client),
        )
    finally:
        server.close()
        fake.stop()
    assert fake.problems == [], "Block Kit problems in what the bot sent"
