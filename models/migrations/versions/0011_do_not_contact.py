"""do not contact

A customer or one of its contacts may be marked "no contactar", with the reason: the
customer is kept out of the agenda, and the call modal warns.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-02 00:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    for table in ("customer", "contact"):
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column("do_not_contact", sa.String(500), nullable=True))


def downgrade() -> None:
    for table in ("customer", "contact"):
        with op.batch_alter_table(table) as batch:
            batch.drop_column("do_not_contact")
