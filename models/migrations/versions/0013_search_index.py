"""search index

Customer lookup through indexes: the folded external id (`search_id`) so "c00042" finds
"C00042" without a scan, `updated_at` indexed so each process can tell cheaply that its
in-memory name index is stale, and on PostgreSQL a trigram index (pg_trgm, GiST, 64-byte
signatures) on the folded name for fragments and typos: at 200,000 names that share most of
their letters it hands the nearest names in order and stops (GIN must gather and sort every
name over the bar: 3-4 times slower there). Existing rows get their folded id in batches.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-02 00:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from models.customer import search_id_of, search_name_of

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

_BATCH = 5000


def upgrade() -> None:
    with op.batch_alter_table("customer") as batch:
        batch.add_column(sa.Column("search_id", sa.String(64), nullable=True))
    _fill()
    with op.batch_alter_table("customer") as batch:
        batch.alter_column("search_id", existing_type=sa.String(64), nullable=False)
        batch.create_index("ix_customer_search_id", ["search_id"], unique=False)
        batch.create_index("ix_customer_updated_at", ["updated_at"], unique=False)
    if op.get_bind().dialect.name == "postgresql":
        op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        op.execute(
            "CREATE INDEX ix_customer_search_name_trgm ON customer "
            "USING gist (search_name gist_trgm_ops(siglen=64))"
        )


def _fill() -> None:
    """Every existing customer's folded id (and name, folded again the one way), a batch at a
    time by primary key so a large table is never held in memory at once."""
    bind = op.get_bind()
    customer = sa.table(
        "customer",
        sa.column("id", sa.Integer),
        sa.column("external_id", sa.String),
        sa.column("name", sa.String),
        sa.column("search_id", sa.String),
        sa.column("search_name", sa.String),
    )
    last = 0
    while True:
        rows = bind.execute(
            sa.select(customer.c.id, customer.c.external_id, customer.c.name)
            .where(customer.c.id > last)
            .order_by(customer.c.id)
            .limit(_BATCH)
        ).all()
        if not rows:
            return
        bind.execute(
            customer.update()
            .where(customer.c.id == sa.bindparam("cid"))
            .values(search_id=sa.bindparam("sid"), search_name=sa.bindparam("sname")),
            [
                {"cid": r.id, "sid": search_id_of(r.external_id), "sname": search_name_of(r.name)}
                for r in rows
            ],
        )
        last = rows[-1].id


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP INDEX IF EXISTS ix_customer_search_name_trgm")
    with op.batch_alter_table("customer") as batch:
        batch.drop_index("ix_customer_updated_at")
        batch.drop_index("ix_customer_search_id")
        batch.drop_column("search_id")
