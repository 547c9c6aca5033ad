from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, Timestamps
from models.enums import Role


class TeamMember(Base, Timestamps):
    """Someone allowed to use cobro: a collector, a supervisor or an admin."""

    __tablename__ = "team_member"

    id: Mapped[int] = mapped_column(primary_key=True)
    slack_user_id: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    email: Mapped[str | None] = mapped_column(String(254), index=True)
    role: Mapped[Role]
    supervisor_id: Mapped[int | None] = mapped_column(ForeignKey("team_member.id"))
    timezone: Mapped[str | None] = mapped_column(String(64))
    locale: Mapped[str | None] = mapped_column(String(16))
    active: Mapped[bool] = mapped_column(default=True)
    # Seen deactivated in Slack: the admins were told, the accounts are orphans.
    left_slack_at: Mapped[datetime | None]
