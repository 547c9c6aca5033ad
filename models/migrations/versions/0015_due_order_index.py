"""due order index

The day's calls of one collector read in the due rule's order off an index (priority,
overdue balance largest first, since, name, customer), partial on the
entries that are due and ending in `due_on`, so it counts them too. It replaces
ix_due_entry_collector_due, which SQLite's planner preferred and then sorted. `/cobro hoy`
reads its forty calls as forty index entries instead of sorting the collector's whole
portfolio (16-28 ms at 4,000 entries a collector). And two indexes that let "is anything of
this collector stale?" stop at the first hit: a step or a grace reached (`recheck_on`),
entries of other rules or computed for another day. On PostgreSQL the entry's name takes the
"C" collation, so that it sorts as Python sorts (code points) in the index itself.

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-02 00:00:00
"""

from __future__ import annotations

from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_index("ix_due_entry_collector_due", table_name="due_entry")
    if op.get_bind().dialect.name == "postgresql":
        op.execute('ALTER TABLE due_entry ALTER COLUMN name TYPE varchar(200) COLLATE "C"')
    op.execute(
        "CREATE INDEX ix_due_entry_order ON due_entry (collector_id, priority, "
        "overdue DESC, since, name, customer_id, due_on) WHERE due_on IS NOT NULL"
    )
    op.create_index("ix_due_entry_recheck", "due_entry", ["collector_id", "recheck_on"])
    op.create_index("ix_due_entry_rules", "due_entry", ["collector_id", "rule_key", "computed_for"])


def downgrade() -> None:
    op.drop_index("ix_due_entry_rules", table_name="due_entry")
    op.drop_index("ix_due_entry_recheck", table_name="due_entry")
    op.drop_index("ix_due_entry_order", table_name="due_entry")
    if op.get_bind().dialect.name == "postgresql":
        op.execute('ALTER TABLE due_entry ALTER COLUMN name TYPE varchar(200) COLLATE "default"')
    op.create_index(
        "ix_due_entry_collector_due", "due_entry", ["collector_id", "due_on", "priority"]
    )
