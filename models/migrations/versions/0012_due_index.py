"""due index

The due rule's answer kept per (collector, customer) in `due_entry`, and the customers
whose answer may have changed in `due_stale`. Every existing customer starts marked, so
the first read builds the index.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-02 00:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "due_entry",
        sa.Column("collector_id", sa.Integer(), nullable=False),
        sa.Column("customer_id", sa.Integer(), nullable=False),
        sa.Column("computed_for", sa.Date(), nullable=False),
        sa.Column("recheck_on", sa.Date(), nullable=True),
        sa.Column("rule_key", sa.String(32), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=True),
        sa.Column("priority", sa.Integer(), nullable=True),
        sa.Column("overdue", sa.Numeric(14, 2), nullable=True),
        sa.Column("since", sa.Date(), nullable=True),
        sa.Column("name", sa.String(200), nullable=True),
        sa.Column("reason", sa.String(32), nullable=True),
        sa.Column("external_id", sa.String(64), nullable=True),
        sa.Column("escalated", sa.Boolean(), nullable=False),
        sa.Column("credit_hold", sa.Boolean(), nullable=False),
        sa.Column("promise_amount", sa.Numeric(14, 2), nullable=True),
        sa.Column("promise_date", sa.Date(), nullable=True),
        sa.Column("task_id", sa.Integer(), nullable=True),
        sa.Column("task_text", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["collector_id"],
            ["team_member.id"],
            name="fk_due_entry_collector_id_team_member",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["customer_id"],
            ["customer.id"],
            name="fk_due_entry_customer_id_customer",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("collector_id", "customer_id", name="pk_due_entry"),
    )
    op.create_index(
        "ix_due_entry_collector_due", "due_entry", ["collector_id", "due_on", "priority"]
    )
    op.create_index("ix_due_entry_customer", "due_entry", ["customer_id"])
    op.create_table(
        "due_stale",
        sa.Column("customer_id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["customer_id"],
            ["customer.id"],
            name="fk_due_stale_customer_id_customer",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("customer_id", name="pk_due_stale"),
    )
    op.execute("INSERT INTO due_stale (customer_id, version) SELECT id, 1 FROM customer")


def downgrade() -> None:
    op.drop_table("due_stale")
    op.drop_index("ix_due_entry_customer", table_name="due_entry")
    op.drop_index("ix_due_entry_collector_due", table_name="due_entry")
    op.drop_table("due_entry")
