from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base


class DueEntry(Base):
    """The due rule's answer for one (collector, customer), kept so that the day's calls are
    an indexed query instead of a recomputation of the whole portfolio.

    The answer was computed for `computed_for` and holds, unchanged, on every business day
    before `recheck_on` (None: no passing of time alone changes it); a change to the facts
    marks the customer in `due_stale` instead. `due_on` is the day the call is due (None:
    not due). `rule_key` names the team rules it was computed under, so a changed setting
    rebuilds the index instead of serving answers of the old rules.
    """

    __tablename__ = "due_entry"
    __table_args__ = (Index("ix_due_entry_customer", "customer_id"),)

    collector_id: Mapped[int] = mapped_column(
        ForeignKey("team_member.id", ondelete="CASCADE"), primary_key=True
    )
    customer_id: Mapped[int] = mapped_column(
        ForeignKey("customer.id", ondelete="CASCADE"), primary_key=True
    )
    computed_for: Mapped[date]
    recheck_on: Mapped[date | None]
    rule_key: Mapped[str] = mapped_column(String(32))
    due_on: Mapped[date | None]
    # The order key (rules.order_key): priority, overdue balance (largest first), since, name.
    priority: Mapped[int | None]
    overdue: Mapped[Decimal | None]
    since: Mapped[date | None]
    # Names sort as Python sorts them (code points), the rule's order: PostgreSQL's "C"
    # collation, SQLite's default.
    name: Mapped[str | None] = mapped_column(
        String(200).with_variant(String(200, collation="C"), "postgresql")
    )
    reason: Mapped[str | None] = mapped_column(String(32))
    external_id: Mapped[str | None] = mapped_column(String(64))
    escalated: Mapped[bool] = mapped_column(default=False)
    credit_hold: Mapped[bool] = mapped_column(default=False)
    promise_amount: Mapped[Decimal | None]
    promise_date: Mapped[date | None]
    task_id: Mapped[int | None]
    task_text: Mapped[str | None] = mapped_column(Text)


# The day's calls of one collector read in the rule's order straight off an index, so the
# first forty cost forty index entries whatever the size of the portfolio, and the count of
# all due is a pass over the index alone (`due_on` last).
Index(
    "ix_due_entry_order",
    DueEntry.collector_id,
    DueEntry.priority,
    DueEntry.overdue.desc(),
    DueEntry.since,
    DueEntry.name,
    DueEntry.customer_id,
    DueEntry.due_on,
    postgresql_where=DueEntry.due_on.is_not(None),
    sqlite_where=DueEntry.due_on.is_not(None),
)
# Whether anything of a collector needs recomputing, answered by index probes that stop at
# the first hit: a step or grace reached, or entries of other rules or another day.
Index("ix_due_entry_recheck", DueEntry.collector_id, DueEntry.recheck_on)
Index("ix_due_entry_rules", DueEntry.collector_id, DueEntry.rule_key, DueEntry.computed_for)
