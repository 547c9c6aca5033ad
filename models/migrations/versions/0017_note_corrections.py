"""note corrections

The notes a correction replaced, found from a partial index of the few corrections: the
reports leave them out, and without it each period of a report read every note to learn
there were almost none (30 ms of a month report at 500,000 notes).

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-03 00:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(
        "ix_note_corrects",
        "note",
        ["corrects_id"],
        postgresql_where=sa.text("corrects_id IS NOT NULL"),
        sqlite_where=sa.text("corrects_id IS NOT NULL"),
    )


def downgrade() -> None:
    op.drop_index("ix_note_corrects", table_name="note")
