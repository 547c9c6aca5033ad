"""The benchmarks' shared setting: one data set at scale, built on SQLite and on a
temporary PostgreSQL database, each measured in turn; and the scale benchmark's entry.

    python -m bench.scale [--scale 2k|20k|100k|200k ...] [--db sqlite|postgresql|both]

measures cobro at 2,000 to 200,000 customers (10 invoices each, 50 collectors) and prints
one table; see bench/scale_table.py. The data is bulk-loaded here (`bulk_load`): executemany
batches on SQLite, COPY on PostgreSQL, the rows of bench.generate, as the CSV import would
store them (checked against the import's rows), several times faster than importing the
CSV files, which only the import measure does."""

from __future__ import annotations

import argparse
import random
import tempfile
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import Table, select
from sqlalchemy.orm import Session

from bench.agenda import TODAY, populate
from bench.bulk import copy_rows
from bench.generate import (
    collector_ids,
    customer_records,
    invoice_records,
    write_customers,
    write_invoices,
)
from bench.pgtemp import temporary_database
from bot.core.calendar import format_call_days, parse_call_days, parse_call_hours
from bot.core.text import fold
from bot.core.vocabulary import Rank, Role
from bot.due.service import mark_everyone
from bot.team.service import add_team_member
from models import Contact, Customer, Invoice, TeamMember
from models.customer import search_id_of, search_name_of
from models.db import make_engine, make_session_factory
from models.migrate import upgrade

POSTGRES = "postgresql+psycopg://postgres@127.0.0.1:5432/test"


def scale_arguments(description: str | None) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--customers", type=int, default=20_000)
    parser.add_argument("--invoices", type=int, default=200_000)
    parser.add_argument("--postgres", default=POSTGRES)
    parser.add_argument(
        "--only", choices=("sqlite", "postgresql"), help="measure on one database only"
    )
    return parser


def on_both_databases(
    args: argparse.Namespace,
    measure: Callable[[str, str], None],
    *,
    extra: Callable[[str], None] | None = None,
    only: str | None = None,
) -> None:
    """Build the data (and `extra` on top) in SQLite, measure; then in PostgreSQL (`only`:
    just one of them, else the `--only` given)."""
    only = only or getattr(args, "only", None)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        rng = random.Random(2026)
        write_customers(work / "customers.csv", args.customers, collector_ids(50), rng)
        write_invoices(work / "invoices.csv", args.invoices, args.customers, TODAY, rng)
        if only != "postgresql":
            _one("sqlite", f"sqlite:///{work / 'bench.db'}", work, args, measure, extra)
        if only == "sqlite":
            return
        with temporary_database(args.postgres) as url:
            if url is None:
                print("postgresql: no server reachable, skipped")
                return
            _one("postgresql", url, work, args, measure, extra)


def _one(
    label: str,
    url: str,
    work: Path,
    args: argparse.Namespace,
    measure: Callable[[str, str], None],
    extra: Callable[[str], None] | None,
) -> None:
    populate(url, work, args.customers, args.invoices)
    if extra is not None:
        extra(url)
    measure(url, label)


# Columns the CSV import leaves empty for the generated data, so the bulk load does too.
LEFT_EMPTY = {
    "customer": frozenset({"tax_id", "handed_over_at", "do_not_contact", "credit_hold"}),
    "contact": frozenset({"email", "do_not_contact"}),
    "invoice": frozenset(),
}


def bulk_load(url: str, customers: int, invoices: int, *, collectors: int = 50) -> None:
    """The team (through the service), then customers with one contact each and invoices
    written straight into their tables, with the values the CSV import would store."""
    engine = make_engine(url)
    upgrade(engine)
    db = make_session_factory(engine)
    for user in collector_ids(collectors):
        add_team_member(db, actor_id=None, reference=user, role=Role.COLLECTOR)
    with db() as s:
        member = dict(s.execute(select(TeamMember.slack_user_id, TeamMember.id)).all())
    rng = random.Random(2026)  # as on_both_databases draws them for the CSV files
    records = list(customer_records(customers, collector_ids(collectors), rng))
    customer_rows, contact_rows = [], []
    for n, r in enumerate(records, start=1):
        start, end = parse_call_hours(r.call_hours) if r.call_hours else (None, None)
        days = format_call_days(parse_call_days(r.call_days)) if r.call_days else None
        customer_rows.append(
            {
                "id": n,
                "external_id": r.external_id,
                "name": r.name,
                "search_id": search_id_of(r.external_id),
                "search_name": search_name_of(r.name),
                "rank": Rank(r.rank),
                "collector_id": member[r.collector],
                "timezone": r.timezone,
                "call_days": days,
                "call_start": start,
                "call_end": end,
            }
        )
        contact_rows.append(
            {
                "id": n,
                "customer_id": n,
                "name": r.contact_name,
                "match_name": fold(r.contact_name),
                "title": r.contact_title,
                "phone": "+52" + r.contact_phone.removeprefix("+52").replace(" ", ""),
                "decision_maker": False,
            }
        )
    invoice_rows = (
        {
            "id": n,
            "number": r.number,
            "customer_id": int(r.customer_id[1:]),
            "issue_date": r.issue_date,
            "due_date": r.due_date,
            "amount": r.amount,
            "balance": r.balance,
            "currency": "MXN",
        }
        for n, r in enumerate(invoice_records(invoices, customers, TODAY, rng), start=1)
    )
    with engine.begin() as connection:
        for model, rows in (
            (Customer, customer_rows),
            (Contact, contact_rows),
            (Invoice, invoice_rows),
        ):
            table = model.__table__
            assert isinstance(table, Table)
            copy_rows(connection, table, rows, left_empty=LEFT_EMPTY[table.name])
        # Bulk inserts bypass the ORM's events: mark every customer for the due index, as
        # the import does, so the first reads build it.
        mark_everyone(Session(bind=connection))
    engine.dispose()


def main() -> None:
    from bench.scale_table import main as scale_benchmark

    scale_benchmark()


if __name__ == "__main__":
    main()
