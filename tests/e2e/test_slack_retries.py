"""When Slack answers 429 or 500, the bot's client waits and tries again. Slack's side of
things does not depend on the database, so these stories run on SQLite only."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from tests.conftest import fresh_sqlite
from tests.e2e.conftest import Harness


@pytest.fixture
def db_url(tmp_path: Path, sqlite_template: Path) -> str:
    return fresh_sqlite(tmp_path, sqlite_template)


def test_a_rate_limited_call_is_retried_after_retry_after(bot: Harness) -> None:
    bot.member("U0ANA", "Ana Pérez")
    bot.fake.fail("views.publish", status=429, retry_after=1, times=2)
    started = time.time()
    bot.slack.event({"type": "app_home_opened", "user": "U0ANA", "tab": "home"})
    calls = bot.fake.wait_for("views.publish", 3, timeout=10)
    assert len(calls) == 3
    assert calls[2].at - started >= 2.0  # waited Retry-After (1 s) twice
    assert "Ana Pérez" in calls[2].text()


def test_a_server_error_is_retried(bot: Harness) -> None:
    bot.member("U0ANA", "Ana Pérez")
    bot.fake.fail("views.publish", status=500, times=1)
    bot.slack.event({"type": "app_home_opened", "user": "U0ANA", "tab": "home"})
    assert len(bot.fake.wait_for("views.publish", 2, timeout=10)) == 2
