from __future__ import annotations

from sqlalchemy import ForeignKey
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base


class DueStale(Base):
    """A customer whose due-call entries may be wrong: something the rule reads changed.
    Written in the same transaction as the change, removed by whoever recomputes the
    entries. Its own table, not a column of `customer`: marking must not rewrite customer
    rows (and their name indexes) on every call. `version` grows with every mark, so a
    recomputation removes only the mark it read, never one written meanwhile."""

    __tablename__ = "due_stale"

    customer_id: Mapped[int] = mapped_column(
        ForeignKey("customer.id", ondelete="CASCADE"), primary_key=True
    )
    version: Mapped[int] = mapped_column(default=1)
