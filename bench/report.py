"""Benchmark: a month's control report for the whole team over the data of `bench.agenda`
(20,000 customers, 200,000 invoices, 50,000 notes, 40,000 attempts) plus 30,000 payments,
on SQLite and on PostgreSQL.

    python -m bench.report [--customers 20000] [--invoices 200000] [--runs 5]

Prints, per database, the time to compute every figure of a month (the month and the one
before it, aging, repeat breakers) for the whole team and for one collector, median of
`--runs`; target ≤ 2 s. Charts and CSV are timed apart: they do not depend on the data's
size.
"""

from __future__ import annotations

import random
import statistics
import time
from datetime import timedelta
from decimal import Decimal

from sqlalchemy import select

from bench.agenda import TODAY
from bench.bulk import copy_rows, table_of
from bench.harness import bench_policy
from bot.core.db import Db
from bot.reports.figures import Report
from bot.reports.rules import Scope, this_month
from bot.reports.service import build_report
from handlers.blocks.charts import all_charts
from handlers.blocks.csvfiles import days_csv, report_csv
from models import Invoice, Payment, TeamMember
from models.db import make_engine, make_session_factory, transaction


def add_payments(url: str, count: int) -> None:
    engine = make_engine(url)
    db = make_session_factory(engine)
    rng = random.Random(11)
    with transaction(db) as s:
        invoices = s.execute(select(Invoice.id, Invoice.customer_id).limit(count)).all()
        rows = [
            {
                "import_key": f"bench-{n}",
                "customer_id": customer_id,
                "invoice_id": invoice_id,
                "amount": Decimal(rng.randint(50, 5000)),
                "paid_on": TODAY - timedelta(days=rng.randint(0, 90)),
            }
            for n, (invoice_id, customer_id) in enumerate(invoices)
        ]
        copy_rows(s.connection(), table_of(Payment), rows)
    engine.dispose()


WHOLE_TEAM = Scope(None, "")


def time_report(db: Db, scope: Scope, runs: int) -> tuple[list[float], Report]:
    """This month's report for `scope`, computed `runs` times: the seconds of each run."""
    policy = bench_policy()
    period = this_month(TODAY)
    samples = []
    report = None
    for _ in range(runs):
        started = time.perf_counter()
        with db() as s:
            report = build_report(s, period, scope, policy=policy, today=TODAY, currency="MXN")
        samples.append(time.perf_counter() - started)
    assert report is not None
    return samples, report


def run(url: str, label: str, runs: int) -> None:
    engine = make_engine(url)
    db = make_session_factory(engine)
    with db() as s:
        one = s.scalars(select(TeamMember.id).limit(1)).one()
    for name, scope in (("whole team", WHOLE_TEAM), ("one collector", Scope([one], "x"))):
        samples, report = time_report(db, scope, runs)
        print(
            f"{label:10} month report, {name}: median {statistics.median(samples):.2f} s, "
            f"worst {max(samples):.2f} s  (target ≤ 2 s; {report.current.notes} notes, "
            f"{report.current.team.attempts} attempts in the month)"
        )
    started = time.perf_counter()
    all_charts(report, "es")
    report_csv(report, "es")
    days_csv(report, "es")
    print(f"{label:10} 4 charts and the 2 CSVs: {time.perf_counter() - started:.2f} s")
    engine.dispose()


def main() -> None:
    from bench.scale import on_both_databases, scale_arguments

    parser = scale_arguments(__doc__)
    parser.add_argument("--payments", type=int, default=30_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    on_both_databases(
        args,
        lambda url, label: run(url, label, args.runs),
        extra=lambda url: add_payments(url, args.payments),
    )


if __name__ == "__main__":
    main()
