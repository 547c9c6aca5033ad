"""Housekeeping of submission claims: a claim only matters while Slack may still deliver
the same submission again (seconds), so claims older than a week are forgotten."""

from __future__ import annotations

from datetime import datetime, timedelta

from bot.core.db import Db, transaction
from bot.submissions import queries

KEPT = timedelta(days=7)


def forget_old_submissions(db: Db, *, now: datetime) -> int:
    with transaction(db) as session:
        return queries.forget_before(session, now - KEPT)
