"""Migration 0013 folds the ids and names of customers already there, in batches, on both
databases."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from models.db import make_engine
from models.migrate import upgrade


@pytest.fixture(params=["sqlite", "postgresql"])
def empty_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'empty.db'}"
        return
    postgres_url: str = request.getfixturevalue("postgres_url")
    name = f"cobro_fill_{uuid.uuid4().hex[:8]}"
    admin = create_engine(postgres_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    yield postgres_url.rsplit("/", 1)[0] + "/" + name
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def test_existing_customers_get_their_folded_id_and_name(empty_url: str) -> None:
    engine = make_engine(empty_url)
    upgrade(engine, "0011")
    rows = [
        {"e": f"Cx {n:05d}", "n": f"Ñandú  Nº{n}", "s": "stale", "t": "2026-01-01 00:00:00"}
        for n in range(5003)  # more than one batch
    ]
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO customer (external_id, name, search_name, credit, credit_hold,"
                " created_at, updated_at) VALUES (:e, :n, :s, 0, false, :t, :t)"
            ),
            rows,
        )
    upgrade(engine)
    with engine.connect() as connection:
        found = connection.execute(
            text("SELECT search_id, search_name FROM customer ORDER BY id")
        ).all()
    engine.dispose()
    assert len(found) == 5003
    assert tuple(found[0]) == ("cx00000", "nandu no0")
    assert tuple(found[-1]) == ("cx05002", "nandu no5002")
