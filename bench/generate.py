"""Realistic data at scale: collectors, customers with contacts and calling hours, invoices
spread over every dunning step. Deterministic (seeded) so runs compare.

    python -m bench.generate OUT_DIR [--customers 20000] [--invoices 200000] [--collectors 50]
"""

from __future__ import annotations

import argparse
import csv
import random
from collections.abc import Iterator
from dataclasses import astuple, dataclass
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

FIRST = [
    "Ana",
    "Luis",
    "Marisol",
    "Pedro",
    "Gabriela",
    "Jorge",
    "Lucía",
    "Carlos",
    "Sofía",
    "Diego",
]
LAST = ["López", "García", "Martínez", "Rodríguez", "Hernández", "Pérez", "Gómez", "Díaz", "Ruiz"]
TRADES = ["Ferretería", "Papelería", "Farmacia", "Distribuidora", "Constructora", "Panadería"]
TITLES = ["Contadora", "Gerente", "Tesorero", "Recepcionista", "Cuentas por pagar"]
ZONES = ["America/Mexico_City", "America/Bogota", "Europe/Madrid", "America/Lima"]


def collector_ids(count: int) -> list[str]:
    return [f"U{index:08d}" for index in range(1, count + 1)]


@dataclass(frozen=True)
class CustomerRecord:
    """One generated customer with its one contact, in the words a CSV export uses."""

    external_id: str
    name: str
    rank: str
    collector: str
    contact_name: str
    contact_title: str
    contact_phone: str
    timezone: str
    call_days: str
    call_hours: str


@dataclass(frozen=True)
class InvoiceRecord:
    number: str
    customer_id: str
    issue_date: date
    due_date: date
    amount: Decimal
    balance: Decimal


def customer_records(
    customers: int, collectors: list[str], rng: random.Random
) -> Iterator[CustomerRecord]:
    """The customers, the same for a CSV file and for a bulk insert (same seed, same data)."""
    for index in range(1, customers + 1):
        yield CustomerRecord(
            f"C{index:06d}",
            f"{rng.choice(TRADES)} {rng.choice(LAST)} {index}",
            rng.choice("AABBBCC"),
            collectors[index % len(collectors)],
            f"{rng.choice(FIRST)} {rng.choice(LAST)}",
            rng.choice(TITLES),
            f"+52 55 {rng.randint(1000, 9999)} {rng.randint(1000, 9999)}",
            rng.choice(ZONES),
            rng.choice(["lun-vie", "lun-vie", "lun,mie,vie", ""]),
            rng.choice(["09:00-13:00", "08:00-18:00", ""]),
        )


def invoice_records(
    invoices: int, customers: int, today: date, rng: random.Random
) -> Iterator[InvoiceRecord]:
    """Invoices due from 150 days ago to 30 days ahead, 60 % of them paid."""
    for index in range(1, invoices + 1):
        due = today + timedelta(days=rng.randint(-150, 30))
        amount = Decimal(rng.randint(1_000, 500_000)) / 100
        paid = rng.random() < 0.6
        yield InvoiceRecord(
            f"F{index:07d}",
            f"C{rng.randint(1, customers):06d}",
            due - timedelta(days=30),
            due,
            amount,
            Decimal("0.00") if paid else amount,
        )


def write_customers(path: Path, customers: int, collectors: list[str], rng: random.Random) -> None:
    with path.open("w", newline="", encoding="utf-8") as handle:
        out = csv.writer(handle)
        out.writerow(
            [
                "id",
                "name",
                "rank",
                "collector",
                "contact_name",
                "contact_title",
                "contact_phone",
                "timezone",
                "call_days",
                "call_hours",
            ]
        )
        out.writerows(astuple(r) for r in customer_records(customers, collectors, rng))


def write_invoices(
    path: Path, invoices: int, customers: int, today: date, rng: random.Random
) -> None:
    with path.open("w", newline="", encoding="utf-8") as handle:
        out = csv.writer(handle)
        out.writerow(["number", "customer_id", "issue_date", "due_date", "amount", "balance"])
        for r in invoice_records(invoices, customers, today, rng):
            out.writerow(
                [
                    r.number,
                    r.customer_id,
                    r.issue_date.isoformat(),
                    r.due_date.isoformat(),
                    f"{r.amount:.2f}",
                    f"{r.balance:.2f}",
                ]
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path)
    parser.add_argument("--customers", type=int, default=20_000)
    parser.add_argument("--invoices", type=int, default=200_000)
    parser.add_argument("--collectors", type=int, default=50)
    parser.add_argument("--today", type=date.fromisoformat, default=date(2026, 11, 23))
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(2026)
    write_customers(args.out / "customers.csv", args.customers, collector_ids(args.collectors), rng)
    write_invoices(args.out / "invoices.csv", args.invoices, args.customers, args.today, rng)
    print(f"wrote {args.customers} customers and {args.invoices} invoices to {args.out}")


if __name__ == "__main__":
    main()
