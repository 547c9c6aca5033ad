"""outbox files

A message may carry files (the weekly report's charts and CSV): they wait in the outbox
like any message, so they too are sent once.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-22 15:20:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("outbox_message", schema=None) as batch_op:
        batch_op.add_column(sa.Column("files", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("outbox_message", schema=None) as batch_op:
        batch_op.drop_column("files")
