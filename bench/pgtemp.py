"""A throwaway PostgreSQL database for a benchmark run."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import create_engine, text

DEFAULT_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"


@contextmanager
def temporary_database(server_url: str = DEFAULT_URL) -> Iterator[str | None]:
    """The URL of a fresh database on the server, dropped afterwards; None (and a printed
    line) when no server answers, so the SQLite half of a benchmark still runs."""
    admin = create_engine(server_url, isolation_level="AUTOCOMMIT")
    name = f"cobro_bench_{uuid.uuid4().hex[:8]}"
    try:
        with admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
    except Exception as exc:
        print(f"postgresql skipped: {type(exc).__name__}")
        yield None
        return
    try:
        yield server_url.rsplit("/", 1)[0] + "/" + name
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def settle(url: str) -> None:
    """VACUUM ANALYZE after a bulk load or a rebuild, on PostgreSQL: what autovacuum does
    on a production server within a minute of such a write, and what the benchmark's
    server (autovacuum off) would otherwise never do. Without statistics the planner reads
    the history of two million invoices to show forty calls (`/cobro hoy` 160 ms instead
    of 26 ms at 200,000 customers); without the visibility map no count is index-only.
    SQLite keeps no statistics unless asked, nor does cobro ask: nothing to do there."""
    if not url.startswith("postgresql"):
        return
    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as connection:
            connection.execute(text("VACUUM ANALYZE"))
    finally:
        engine.dispose()
