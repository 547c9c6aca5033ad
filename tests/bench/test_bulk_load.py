"""The scale benchmark loads its data straight into the tables; what it stores must be what
the CSV import stores from the same generated files, or the benchmark measures other data
(a column the import fills, added later, shows up here)."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

from sqlalchemy import text

from bench.agenda import TODAY
from bench.generate import collector_ids, write_customers, write_invoices
from bench.scale import bulk_load
from bot.core.vocabulary import Role
from bot.imports.service import import_customers, import_invoices
from bot.team.service import add_team_member
from models import Base
from models.db import make_engine, make_session_factory

CUSTOMERS, INVOICES = 120, 1_200
LEFT_OUT = {"id", "created_at", "updated_at"}


def snapshot(url: str) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of the three tables, ids replaced by what they stand for."""
    engine = make_engine(url)
    found: dict[str, list[tuple[Any, ...]]] = {}
    with engine.connect() as connection:
        external = dict(connection.execute(text("SELECT id, external_id FROM customer")).all())
        slack = dict(connection.execute(text("SELECT id, slack_user_id FROM team_member")).all())
        for table in ("customer", "contact", "invoice"):
            columns = Base.metadata.tables[table].columns
            names = [c.name for c in columns if c.name not in LEFT_OUT]
            rows = connection.execute(text(f"SELECT {', '.join(names)} FROM {table}")).all()
            found[table] = sorted(
                tuple(
                    external[v] if n == "customer_id" else slack[v] if n == "collector_id" else v
                    for n, v in zip(names, row, strict=True)
                )
                for row in rows
            )
    engine.dispose()
    return found


def empty(url: str) -> None:
    engine = make_engine(url)
    with engine.begin() as connection:
        for table in reversed(Base.metadata.sorted_tables):
            connection.execute(table.delete())
    engine.dispose()


def test_the_bulk_load_stores_what_the_csv_import_stores(db_url: str, tmp_path: Path) -> None:
    bulk_load(db_url, CUSTOMERS, INVOICES)
    loaded = snapshot(db_url)
    empty(db_url)
    rng = random.Random(2026)
    write_customers(tmp_path / "customers.csv", CUSTOMERS, collector_ids(50), rng)
    write_invoices(tmp_path / "invoices.csv", INVOICES, CUSTOMERS, TODAY, rng)
    engine = make_engine(db_url)
    db = make_session_factory(engine)
    for user in collector_ids(50):
        add_team_member(db, actor_id=None, reference=user, role=Role.COLLECTOR)
    import_customers(db, tmp_path / "customers.csv")
    import_invoices(db, tmp_path / "invoices.csv", default_currency="MXN")
    engine.dispose()
    imported = snapshot(db_url)
    assert [len(imported[t]) for t in imported] == [CUSTOMERS, CUSTOMERS, INVOICES]
    for table in imported:
        assert loaded[table] == imported[table], table
