"""supervision: credit hold, hand-over to external collection, members who left Slack

An escalated account can have its credit held (shown on the card and in the agenda) and be
handed over to an external agency or legal (it then leaves every collector's agenda and is
listed apart). A member deactivated in Slack is remembered with the moment it was seen, so
the admins are told once and the member's accounts count as orphans. A change made from
the command line (`cobro team reassign`) has no team member behind it: `correction.by_id`
may be empty.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-02 09:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("customer") as batch:
        batch.add_column(
            sa.Column("credit_hold", sa.Boolean(), nullable=False, server_default=sa.false())
        )
        batch.add_column(sa.Column("handed_over_at", sa.DateTime(timezone=True), nullable=True))
    with op.batch_alter_table("team_member") as batch:
        batch.add_column(sa.Column("left_slack_at", sa.DateTime(timezone=True), nullable=True))
    with op.batch_alter_table("correction") as batch:
        batch.alter_column("by_id", existing_type=sa.Integer(), nullable=True)


def downgrade() -> None:
    with op.batch_alter_table("correction") as batch:
        batch.alter_column("by_id", existing_type=sa.Integer(), nullable=False)
    with op.batch_alter_table("team_member") as batch:
        batch.drop_column("left_slack_at")
    with op.batch_alter_table("customer") as batch:
        batch.drop_column("handed_over_at")
        batch.drop_column("credit_hold")
