"""The benchmarks' shared setting: one data set at scale, built on SQLite and on a
temporary PostgreSQL database, each measured in turn."""

from __future__ import annotations

import argparse
import random
import tempfile
from collections.abc import Callable
from pathlib import Path

from bench.agenda import TODAY, populate
from bench.generate import collector_ids, write_customers, write_invoices
from bench.pgtemp import temporary_database

POSTGRES = "postgresql+psycopg://postgres@127.0.0.1:5432/test"


def scale_arguments(description: str | None) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--customers", type=int, default=20_000)
    parser.add_argument("--invoices", type=int, default=200_000)
    parser.add_argument("--postgres", default=POSTGRES)
    return parser


def on_both_databases(
    args: argparse.Namespace,
    measure: Callable[[str, str], None],
    *,
    extra: Callable[[str], None] | None = None,
    only: str | None = None,
) -> None:
    """Build the data (and `extra` on top) in SQLite, measure; then in PostgreSQL (`only`:
    just one of them)."""
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
