"""customer credit

What a payment leaves after all of a customer's open invoices is kept as a credit on the
customer (never dropped), remembered on the payment that left it and on the invoice it was
later applied to, so the history can show both.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-01 22:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

_MONEY = sa.Numeric(14, 2)


def upgrade() -> None:
    for table, column in (
        ("customer", "credit"),
        ("payment", "credit"),
        ("invoice", "credit_applied"),
    ):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column(column, _MONEY, nullable=False, server_default="0"))


def downgrade() -> None:
    for table, column in (
        ("invoice", "credit_applied"),
        ("payment", "credit"),
        ("customer", "credit"),
    ):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column(column)
