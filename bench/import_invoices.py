"""Benchmark: import 200,000 invoices (and 20,000 customers) from CSV, then import the same
file again (the idempotent path). Target: under 60 s for the invoices on SQLite.

    python -m bench.import_invoices [--postgres URL] [--invoices 200000]

Prints one line per database and step; it asserts nothing, it measures.
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from datetime import date
from pathlib import Path

from bench.generate import collector_ids, write_customers, write_invoices
from bench.pgtemp import temporary_database
from bot.core.vocabulary import Role
from bot.imports.service import import_customers, import_invoices
from bot.team.service import add_team_member
from models.db import make_engine, make_session_factory
from models.migrate import upgrade


def run(url: str, label: str, work: Path, collectors: list[str]) -> None:
    engine = make_engine(url)
    upgrade(engine)
    db = make_session_factory(engine)
    for user in collectors:
        add_team_member(db, actor_id=None, reference=user, role=Role.COLLECTOR)
    for step, path, importer in (
        ("customers", work / "customers.csv", lambda p: import_customers(db, p)),
        (
            "invoices",
            work / "invoices.csv",
            lambda p: import_invoices(db, p, default_currency="MXN"),
        ),
        (
            "invoices again",
            work / "invoices.csv",
            lambda p: import_invoices(db, p, default_currency="MXN"),
        ),
    ):
        started = time.perf_counter()
        result = importer(path)
        elapsed = time.perf_counter() - started
        print(
            f"{label:10} {step:15} {elapsed:7.2f} s   "
            f"created={result.created} updated={result.updated} unchanged={result.unchanged}"
        )
    engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--invoices", type=int, default=200_000)
    parser.add_argument("--customers", type=int, default=20_000)
    parser.add_argument("--postgres", default="postgresql+psycopg://postgres@127.0.0.1:5432/test")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        rng = random.Random(2026)
        collectors = collector_ids(50)
        write_customers(work / "customers.csv", args.customers, collectors, rng)
        write_invoices(
            work / "invoices.csv", args.invoices, args.customers, date(2026, 11, 23), rng
        )
        run(f"sqlite:///{work / 'bench.db'}", "sqlite", work, collectors)
        with temporary_database(args.postgres) as url:
            if url is not None:
                run(url, "postgresql", work, collectors)


if __name__ == "__main__":
    main()
