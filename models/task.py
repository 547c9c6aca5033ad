from __future__ import annotations

from datetime import date, datetime, time

from sqlalchemy import ForeignKey, Index, Text
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, Timestamps
from models.enums import TaskKind, TaskStatus


class Task(Base, Timestamps):
    """Our next step: actionable, dated, owned; supervised when it is someone else's job."""

    __tablename__ = "task"
    __table_args__ = (
        Index("ix_task_assignee_status_due", "assignee_id", "status", "due_date"),
        Index("ix_task_customer_status", "customer_id", "status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int | None] = mapped_column(ForeignKey("customer.id", ondelete="CASCADE"))
    note_id: Mapped[int | None] = mapped_column(ForeignKey("note.id"))
    # The call that set this step (a call with nobody to talk to has no note).
    attempt_id: Mapped[int | None] = mapped_column(ForeignKey("contact_attempt.id"))
    text: Mapped[str] = mapped_column(Text)
    kind: Mapped[TaskKind] = mapped_column(default=TaskKind.OTHER)
    due_date: Mapped[date]
    due_time: Mapped[time | None]
    assignee_id: Mapped[int] = mapped_column(ForeignKey("team_member.id"))
    supervisor_id: Mapped[int | None] = mapped_column(ForeignKey("team_member.id"))
    creator_id: Mapped[int] = mapped_column(ForeignKey("team_member.id"))
    status: Mapped[TaskStatus] = mapped_column(default=TaskStatus.OPEN)
    snoozed_until: Mapped[datetime | None]
    done_at: Mapped[datetime | None]
