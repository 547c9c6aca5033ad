from __future__ import annotations

from datetime import date

from sqlalchemy import ForeignKey, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, Timestamps


class CallPlan(Base, Timestamps):
    """The morning's agenda of one collector for one business day, as it was computed when
    the digest went out: the control compares what was planned with what was done, and a
    past day's plan must never be recomputed from today's data.

    `planned` is the calls on the agenda (capped at the daily capacity), `beyond` the calls
    that were due but did not fit."""

    __tablename__ = "call_plan"
    __table_args__ = (UniqueConstraint("day", "member_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    day: Mapped[date] = mapped_column(index=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("team_member.id"))
    planned: Mapped[int]
    beyond: Mapped[int] = mapped_column(default=0)
