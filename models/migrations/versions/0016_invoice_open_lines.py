"""invoice open lines

The open invoices of the customers a collector's day shows, read from one index: keyed by
customer and due date, partial on the open ones, and on PostgreSQL carrying the balance,
number, currency and id, so the forty customers' lines are an index-only scan of adjacent
entries instead of one table page per invoice (at two million invoices, 8 ms of a
`/cobro hoy` against 2 ms once the table no longer fits in memory).

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-02 00:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(
        "ix_invoice_open_lines",
        "invoice",
        ["customer_id", "due_date"],
        postgresql_include=["balance", "number", "currency", "id"],
        postgresql_where=sa.text("balance > 0"),
        sqlite_where=sa.text("balance > 0"),
    )


def downgrade() -> None:
    op.drop_index("ix_invoice_open_lines", table_name="invoice")
