"""call plans and renegotiations

The control compares each collector's day with the morning's agenda, so the agenda is kept
as it was (one row per collector and business day) instead of being recomputed later from
changed data. A promise counts how many times its date was moved (renegotiated).

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-30 10:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "call_plan",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("planned", sa.Integer(), nullable=False),
        sa.Column("beyond", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["member_id"], ["team_member.id"], name=op.f("fk_call_plan_member_id_team_member")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_call_plan")),
        sa.UniqueConstraint("day", "member_id", name=op.f("uq_call_plan_day_member_id")),
    )
    with op.batch_alter_table("call_plan", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_call_plan_day"), ["day"], unique=False)
    with op.batch_alter_table("payment_promise", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("renegotiations", sa.Integer(), nullable=False, server_default="0")
        )


def downgrade() -> None:
    with op.batch_alter_table("payment_promise", schema=None) as batch_op:
        batch_op.drop_column("renegotiations")
    with op.batch_alter_table("call_plan", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_call_plan_day"))
    op.drop_table("call_plan")
