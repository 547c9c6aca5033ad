"""attempt source key

A call submitted twice (Slack retries, a double click) must store one attempt even when
nobody answered and no note exists, so the attempt carries the submission's key too.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22 14:10:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("contact_attempt", schema=None) as batch_op:
        batch_op.add_column(sa.Column("source_key", sa.String(length=128), nullable=True))
        batch_op.create_unique_constraint(
            batch_op.f("uq_contact_attempt_source_key"), ["source_key"]
        )


def downgrade() -> None:
    with op.batch_alter_table("contact_attempt", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("uq_contact_attempt_source_key"), type_="unique")
        batch_op.drop_column("source_key")
