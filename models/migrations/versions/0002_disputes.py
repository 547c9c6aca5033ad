"""disputes

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22 11:55:38.488665
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table(
        "dispute",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("customer_id", sa.Integer(), nullable=False),
        sa.Column("invoice_id", sa.Integer(), nullable=True),
        sa.Column("note_id", sa.Integer(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("opened_by_id", sa.Integer(), nullable=False),
        sa.Column("opened_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("resolved_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["customer_id"],
            ["customer.id"],
            name=op.f("fk_dispute_customer_id_customer"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["invoice_id"],
            ["invoice.id"],
            name=op.f("fk_dispute_invoice_id_invoice"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(["note_id"], ["note.id"], name=op.f("fk_dispute_note_id_note")),
        sa.ForeignKeyConstraint(
            ["opened_by_id"], ["team_member.id"], name=op.f("fk_dispute_opened_by_id_team_member")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_dispute")),
    )
    with op.batch_alter_table("dispute", schema=None) as batch_op:
        batch_op.create_index(
            "ix_dispute_customer_open", ["customer_id", "resolved_at"], unique=False
        )


def downgrade() -> None:

    with op.batch_alter_table("dispute", schema=None) as batch_op:
        batch_op.drop_index("ix_dispute_customer_open")

    op.drop_table("dispute")
