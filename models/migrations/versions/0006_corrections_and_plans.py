"""corrections, remarks, payment plans

A logged call can be corrected with an audit trail (`correction`), and each step knows the call that set it; a call whose person was
not the customer's contact keeps what they said (`contact_attempt.remark`); one call can
record several promised payments (installments of a plan).

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02 09:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "correction",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("attempt_id", sa.Integer(), nullable=True),
        sa.Column("customer_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("field", sa.String(length=40), nullable=False),
        sa.Column("old_value", sa.Text(), nullable=True),
        sa.Column("new_value", sa.Text(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("by_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["attempt_id"],
            ["contact_attempt.id"],
            name=op.f("fk_correction_attempt_id_contact_attempt"),
        ),
        sa.ForeignKeyConstraint(
            ["by_id"], ["team_member.id"], name=op.f("fk_correction_by_id_team_member")
        ),
        sa.ForeignKeyConstraint(
            ["customer_id"],
            ["customer.id"],
            name=op.f("fk_correction_customer_id_customer"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_correction")),
    )
    op.create_index("ix_correction_attempt", "correction", ["attempt_id"], unique=False)
    with op.batch_alter_table("contact_attempt", schema=None) as batch_op:
        batch_op.add_column(sa.Column("remark", sa.Text(), nullable=True))
    with op.batch_alter_table("task", schema=None) as batch_op:
        batch_op.add_column(sa.Column("attempt_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_task_attempt_id_contact_attempt"),
            "contact_attempt",
            ["attempt_id"],
            ["id"],
        )
    with op.batch_alter_table("payment_promise", schema=None) as batch_op:
        batch_op.add_column(sa.Column("plan_attempt_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("installment", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_payment_promise_plan_attempt_id_contact_attempt"),
            "contact_attempt",
            ["plan_attempt_id"],
            ["id"],
        )


def downgrade() -> None:
    with op.batch_alter_table("payment_promise", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_payment_promise_plan_attempt_id_contact_attempt"), type_="foreignkey"
        )
        batch_op.drop_column("installment")
        batch_op.drop_column("plan_attempt_id")
    with op.batch_alter_table("task", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_task_attempt_id_contact_attempt"), type_="foreignkey"
        )
        batch_op.drop_column("attempt_id")
    with op.batch_alter_table("contact_attempt", schema=None) as batch_op:
        batch_op.drop_column("remark")
    op.drop_index("ix_correction_attempt", table_name="correction")
    op.drop_table("correction")
