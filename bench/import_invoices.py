"""Benchmark: import 200,000 invoices (after 20,000 customers) as a Spanish-speaking team's
ERP exports them: a Windows-1252 semicolon CSV with Spanish headers, decimal commas and
15/11/26 dates, and the same data as an .xlsx workbook with typed cells; then the same CSV
again (the idempotent path). Targets on SQLite: under 60 s from CSV, under 90 s from xlsx.

    python -m bench.import_invoices [--postgres URL] [--invoices 200000] [--customers 20000]
        [--no-xlsx] [--no-postgres] [--no-sqlite]

Each step runs in a fresh process, so its peak memory (max RSS) is its own. Prints one line
per database and step; it asserts nothing, it measures.
"""

from __future__ import annotations

import argparse
import csv
import multiprocessing
import os
import random
import resource
import sys
import tempfile
import time
from datetime import date
from decimal import Decimal
from pathlib import Path

from bench.generate import collector_ids, write_customers, write_invoices
from bench.pgtemp import temporary_database

SPANISH = ["Factura", "Cliente", "Emisión", "Vencimiento", "Importe", "Saldo"]


def _es_amount(text: str) -> str:
    whole, _, cents = f"{Decimal(text):,.2f}".partition(".")
    return f"{whole.replace(',', '.')},{cents}"


def _es_day(text: str) -> str:
    return date.fromisoformat(text).strftime("%d/%m/%y")


def write_spanish(invoices: Path, csv_out: Path, xlsx_out: Path | None) -> None:
    """The generated invoices as Excel in Spanish writes them: CSV and workbook."""
    from openpyxl import Workbook

    book = Workbook(write_only=True) if xlsx_out is not None else None
    sheet = book.create_sheet("Cartera") if book is not None else None
    if sheet is not None:
        sheet.append(SPANISH)
    with (
        invoices.open(encoding="utf-8", newline="") as source,
        csv_out.open("w", encoding="cp1252", newline="") as target,
    ):
        rows = csv.reader(source)
        next(rows)
        out = csv.writer(target, delimiter=";", lineterminator="\r\n")
        out.writerow(SPANISH)
        for number, customer, issued, due, amount, balance in rows:
            dates = [_es_day(issued), _es_day(due)]
            out.writerow([number, customer, *dates, _es_amount(amount), _es_amount(balance)])
            if sheet is not None:
                days = [date.fromisoformat(issued), date.fromisoformat(due)]
                sheet.append([number, customer, *days, float(amount), float(balance)])
    if book is not None and xlsx_out is not None:
        book.save(xlsx_out)


def _step(url: str, step: str, path: str, collectors: list[str]) -> tuple[float, int, str]:
    """One import in this (fresh) process: seconds, peak RSS in KiB, what it did."""
    from bot.core.vocabulary import Role
    from bot.imports.service import import_file
    from bot.imports.values import ReadOptions
    from bot.team.service import add_team_member
    from models.db import make_engine, make_session_factory
    from models.migrate import upgrade

    engine = make_engine(url)
    upgrade(engine)
    db = make_session_factory(engine)
    if step == "customers":
        for user in collectors:
            add_team_member(db, actor_id=None, reference=user, role=Role.COLLECTOR)
    options = ReadOptions(locale="es_MX", country="MX")
    kind = "customers" if step == "customers" else "invoices"
    started = time.perf_counter()
    report = import_file(db, Path(path), kind=kind, options=options, default_currency="MXN")
    elapsed = time.perf_counter() - started
    engine.dispose()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    done = f"created={report.created} updated={report.updated} unchanged={report.unchanged}"
    return elapsed, peak, done


def _in_fresh_process(*args: object) -> tuple[float, int, str]:
    with multiprocessing.get_context("spawn").Pool(1) as pool:
        return pool.apply(_step, args)


def run(url: str, label: str, work: Path, collectors: list[str], fresh: str | None) -> None:
    steps = [
        ("customers", work / "customers.csv", url),
        ("invoices csv", work / "facturas.csv", url),
        ("invoices again", work / "facturas.csv", url),
    ]
    if fresh is not None:  # the workbook into a database of its own, customers first
        steps += [
            ("customers", work / "customers.csv", fresh),
            ("invoices xlsx", work / "facturas.xlsx", fresh),
        ]
    for step, path, target in steps:
        elapsed, peak, done = _in_fresh_process(target, step.split()[0], str(path), collectors)
        print(f"{label:10} {step:15} {elapsed:7.2f} s   peak {peak / 1024:6.0f} MiB   {done}")
        sys.stdout.flush()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--invoices", type=int, default=200_000)
    parser.add_argument("--customers", type=int, default=20_000)
    parser.add_argument("--postgres", default="postgresql+psycopg://postgres@127.0.0.1:5432/test")
    parser.add_argument("--no-xlsx", action="store_true", help="skip the workbook")
    parser.add_argument("--no-postgres", action="store_true")
    parser.add_argument("--no-sqlite", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        rng = random.Random(2026)
        collectors = collector_ids(50)
        write_customers(work / "customers.csv", args.customers, collectors, rng)
        write_invoices(
            work / "invoices.csv", args.invoices, args.customers, date(2026, 11, 23), rng
        )
        xlsx = None if args.no_xlsx else work / "facturas.xlsx"
        write_spanish(work / "invoices.csv", work / "facturas.csv", xlsx)
        print(f"{args.customers} customers, {args.invoices} invoices; {_load()}")
        if not args.no_sqlite:
            sqlite = f"sqlite:///{work / 'bench.db'}"
            fresh = f"sqlite:///{work / 'xlsx.db'}" if xlsx else None
            run(sqlite, "sqlite", work, collectors, fresh)
        if not args.no_postgres:
            with temporary_database(args.postgres) as url:
                if url is not None:
                    run(url, "postgresql", work, collectors, None)
        print(f"done; {_load()}")


def _load() -> str:
    """The machine's load average, to read the times by (the machine may be shared)."""
    one, five, fifteen = os.getloadavg()
    return f"load average {one:.2f} {five:.2f} {fifteen:.2f}"


if __name__ == "__main__":
    main()
