"""The migrations build exactly the models, on SQLite and PostgreSQL; money and instants
come back as they went in."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine
from sqlalchemy.exc import IntegrityError, StatementError
from sqlalchemy.orm import Session, sessionmaker

from models import Base, Customer, Invoice, JobRun, OutboxMessage
from models.migrate import current_revision, on_this_dialect


def test_migrations_match_the_models(engine: Engine) -> None:
    with engine.connect() as connection:
        opts = {"compare_type": False, "include_object": on_this_dialect(engine.dialect.name)}
        context = MigrationContext.configure(connection, opts=opts)
        diff = compare_metadata(context, Base.metadata)
    assert diff == []
    assert current_revision(engine) is not None


def test_money_is_exact_and_instants_come_back_in_utc(db: sessionmaker[Session]) -> None:
    bogota = timezone(timedelta(hours=-5))
    with db.begin() as s:
        customer = Customer(external_id="C1", name="Uno", search_name="uno")
        s.add(customer)
        s.flush()
        s.add(
            Invoice(
                number="F1",
                customer_id=customer.id,
                due_date=date(2026, 12, 1),
                amount=Decimal("0.10") + Decimal("0.20"),
                balance=Decimal("1234567.89"),
                currency="COP",
            )
        )
        s.add(
            JobRun(
                job="digest",
                period="2026-11-23",
                started_at=datetime(2026, 11, 23, 8, tzinfo=bogota),
            )
        )
    with db() as s:
        invoice = s.query(Invoice).one()
        assert invoice.amount == Decimal("0.30")
        assert invoice.balance == Decimal("1234567.89")
        run = s.query(JobRun).one()
        assert run.started_at == datetime(2026, 11, 23, 13, tzinfo=UTC)
        assert run.started_at.tzinfo is not None


def test_naive_datetimes_are_refused(db: sessionmaker[Session]) -> None:
    with pytest.raises(StatementError), db.begin() as s:
        s.add(JobRun(job="digest", period="x", started_at=datetime(2026, 11, 23, 8)))


def test_a_job_period_can_be_claimed_once(db: sessionmaker[Session]) -> None:
    with db.begin() as s:
        s.add(JobRun(job="digest", period="2026-11-23"))
    with pytest.raises(IntegrityError), db.begin() as s:
        s.add(JobRun(job="digest", period="2026-11-23"))


def test_an_outbox_message_is_unique_by_dedupe_key(db: sessionmaker[Session]) -> None:
    with db.begin() as s:
        s.add(OutboxMessage(dedupe_key="task:1:due:2026-11-23", channel="U1", text="hola"))
    with pytest.raises(IntegrityError), db.begin() as s:
        s.add(OutboxMessage(dedupe_key="task:1:due:2026-11-23", channel="U1", text="otra vez"))


def test_two_replicas_starting_at_once_migrate_once(postgres_url: str) -> None:
    """Two processes starting together on an empty PostgreSQL database: the advisory lock
    makes one wait for the other, and both end at the same head (no duplicate tables)."""
    import uuid
    from concurrent.futures import ThreadPoolExecutor

    from sqlalchemy import create_engine, text

    from models.db import make_engine
    from models.migrate import upgrade

    name = f"cobro_race_{uuid.uuid4().hex[:8]}"
    admin = create_engine(postgres_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    url = postgres_url.rsplit("/", 1)[0] + "/" + name
    engines = [make_engine(url) for _ in range(2)]
    try:
        pool = ThreadPoolExecutor(2)
        runs = [pool.submit(upgrade, e) for e in engines]
        for run in runs:
            run.result(timeout=60)  # without the lock they fail, or wait on each other
        pool.shutdown()
        revisions = {current_revision(e) for e in engines}
        assert len(revisions) == 1 and None not in revisions
    finally:
        for e in engines:
            e.dispose()
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
