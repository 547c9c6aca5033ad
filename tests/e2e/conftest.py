"""The end-to-end harness: the one stack (slackfake.stack) the demo and the benchmarks use,
driven as Slack drives the bot (signed requests, or Socket Mode envelopes); the standard
team from the one seed (slackfake.seed).

Every fake Slack started in an e2e test checks each Web API call against Slack's published
description (tests/contracts), and the test fails on anything any of them found: a Block
Kit limit broken, a call Slack would refuse, a Socket Mode envelope acked late."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import update

from bot.core.db import Db
from bot.core.vocabulary import Role
from bot.team.service import add_team_member
from models import TeamMember
from slackfake.seed import COLLECTORS, SUPERVISOR
from slackfake.server import watching
from slackfake.stack import Stack, start_stack
from tests.contracts.openapi import check_call

SECRET = "e2e-signing-secret"
MEXICO = ZoneInfo("America/Mexico_City")
MONDAY_9AM = datetime(2026, 11, 23, 9, 0, tzinfo=MEXICO)


class Harness(Stack):
    """The stack, and the team members a story needs."""

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
        add_team_member(
            self.db, actor_id=None, reference=user_id, role=role, supervisor=supervisor, name=name
        )
        with self.db.begin() as session:
            session.execute(
                update(TeamMember).where(TeamMember.slack_user_id == user_id).values(locale=locale)
            )

    def team(self, *collectors: str) -> None:
        """The sample team: Sara Jiménez supervises Ana Pérez, Luis Gómez and Bea Ruiz (or
        only the collectors named by their Slack ids)."""
        self.member(SUPERVISOR.slack_id, SUPERVISOR.name, Role.SUPERVISOR, email=SUPERVISOR.email)
        for person in COLLECTORS:
            if collectors and person.slack_id not in collectors:
                continue
            self.member(
                person.slack_id, person.name, supervisor=SUPERVISOR.slack_id, email=person.email
            )


@pytest.fixture(autouse=True)
def slack_as_documented() -> Iterator[None]:
    with watching(check_call) as fakes:
        yield
    for fake in fakes:
        assert fake.problems == [], "what the bot sent breaks Slack's rules"
        assert fake.socket_failures == [], "Socket Mode envelopes not acked as Slack requires"


def harness(db_url: str, db: Db, *, socket_mode: bool = False) -> Iterator[Harness]:
    """The stack for a story, over HTTP or Socket Mode; closed after it."""
    stack = start_stack(
        db_url,
        db,
        at=MONDAY_9AM,
        secret=SECRET,
        socket_mode=socket_mode,
        cobro_supervisors_channel="C0SUPER",
    )
    harness = Harness(**{f: getattr(stack, f) for f in Stack.__dataclass_fields__})
    try:
        yield harness
    finally:
        harness.close()


@pytest.fixture
def bot(db_url: str, db: Db) -> Iterator[Harness]:
    yield from harness(db_url, db)
