"""Job claims: a `job_run` row whose (job, period) is unique."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from bot.core.vocabulary import JobRunStatus
from models import JobRun


def ran(session: Session, job: str, period: str) -> bool:
    return (
        session.scalar(select(JobRun.id).where(JobRun.job == job, JobRun.period == period))
        is not None
    )


def claim(session: Session, job: str, period: str, now: datetime) -> bool:
    """True when this process won the (job, period) run; False when it already ran."""
    try:
        with session.begin_nested():
            session.add(JobRun(job=job, period=period, started_at=now, status=JobRunStatus.DONE))
    except IntegrityError:
        return False
    return True
