"""Running a job once per period, however many replicas try.

A run is claimed by inserting a `job_run` row whose (job, period) is unique; the claim and
the outbox rows of the run commit together, so a crash midway leaves no claim and no half
digest, and the next attempt does it all. The claim is the run's last write: the reading
and computing come first, so SQLite's write lock (taken at a transaction's first write) is
held only while the rows are written, not while two seconds of agendas are computed; a
replica that loses the claim rolls back all it wrote.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime

from sqlalchemy.orm import Session

from bot.core.db import Db, transaction
from bot.jobs import queries


class RunTaken(Exception):
    """This (job, period) already ran, or another replica just ran it."""


@contextmanager
def claimed_run(db: Db, job: str, period: str, now: datetime) -> Iterator[Session]:
    """The transaction of one run, claimed when its work is done (see the module docstring).
    Raises RunTaken, before any work when the run is already done."""
    with db() as session:
        if queries.ran(session, job, period):
            raise RunTaken()
    with transaction(db) as session:
        yield session
        if not queries.claim(session, job, period, now):
            raise RunTaken()
