from __future__ import annotations

from datetime import datetime

from sqlalchemy import String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, utcnow
from models.enums import JobRunStatus


class JobRun(Base):
    """A claim on one run of a scheduled job for one period ("digest", "2026-11-23").

    The unique (job, period) pair lets only one replica win the claim.
    """

    __tablename__ = "job_run"
    __table_args__ = (UniqueConstraint("job", "period"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    job: Mapped[str] = mapped_column(String(40))
    period: Mapped[str] = mapped_column(String(40))
    status: Mapped[JobRunStatus] = mapped_column(default=JobRunStatus.RUNNING)
    started_at: Mapped[datetime] = mapped_column(default=utcnow)
    finished_at: Mapped[datetime | None]
    detail: Mapped[str | None] = mapped_column(String(500))
