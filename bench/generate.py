"""Realistic data at scale: collectors, customers with contacts and calling hours, invoices
spread over every dunning step. Deterministic (seeded) so runs compare.

    python -m bench.generate OUT_DIR [--customers 20000] [--invoices 200000] [--collectors 50]
"""

from __future__ import annotations

import argparse
import csv
import random
from datetime import date, timedelta
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
        for index in range(1, customers + 1):
            out.writerow(
                [
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
                ]
            )


def write_invoices(
    path: Path, invoices: int, customers: int, today: date, rng: random.Random
) -> None:
    with path.open("w", newline="", encoding="utf-8") as handle:
        out = csv.writer(handle)
        out.writerow(["number", "customer_id", "issue_date", "due_date", "amount", "balance"])
        for index in range(1, invoices + 1):
            due = today + timedelta(days=rng.randint(-150, 30))
            amount = rng.randint(1_000, 500_000) / 100
            paid = rng.random() < 0.6
            out.writerow(
                [
                    f"F{index:07d}",
                    f"C{rng.randint(1, customers):06d}",
                    (due - timedelta(days=30)).isoformat(),
                    due.isoformat(),
                    f"{amount:.2f}",
                    "0.00" if paid else f"{amount:.2f}",
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
