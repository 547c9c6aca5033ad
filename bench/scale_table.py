"""The scale benchmark: cobro at 2,000, 20,000, 100,000 and 200,000 customers (10 invoices
each, 50 collectors, the history of bench.agenda and the payments of bench.report in
proportion), on SQLite and PostgreSQL, printed as ONE table.

    python -m bench.scale [--scale 2k|20k|100k|200k ...] [--db sqlite|postgresql|both]
                          [--requests 30] [--runs 3] [--postgres URL]

For each scale and database, in fresh processes (so each peak memory is its own): the data
bulk-loaded (bench.scale.bulk_load); then, with the bot serving signed HTTP against the fake
Slack, `/cobro hoy` (to its answer at the response_url), the Home tab (the event to its
views.publish), `/cobro cliente` with a typo (to its answer), and a bare Bolt app's ack and
answer of the same command in the same run; every collector's agenda for the digest, 50
collectors and then 500 (the customers spread over 450 more); the digest delivered through
the fake Slack with the ceiling lifted (bench.delivery); the whole team's month report
(bench.report); and the invoices imported from CSV into a database holding only the
customers (bench.import_invoices, its own process: time and peak RSS). Only services and
HTTP are called, so it runs against whatever the rooms do inside.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import random
import resource
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import Any

SCALES = {"2k": 2_000, "20k": 20_000, "100k": 100_000, "200k": 200_000}
INVOICES_PER_CUSTOMER = 10
HISTORY_AT = 20_000  # bench.agenda's history (attempts, notes…) is sized for this many
PAYMENTS_PER_CUSTOMER = 1.5  # bench.report's 30,000 payments at 20,000 customers

Measures = dict[str, float]


def _peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _in_fresh_process(function: Callable[..., Any], *args: Any) -> Any:
    """`function` in a process of its own, which may start its own (the bot's chart painter):
    a `multiprocessing.Pool` worker is a daemon and may not."""
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=1, mp_context=context) as pool:
        return pool.submit(function, *args).result()


def populate(url: str, customers: int) -> Measures:
    from bench.agenda import add_history
    from bench.pgtemp import settle
    from bench.report import add_payments
    from bench.scale import bulk_load

    started = time.perf_counter()
    bulk_load(url, customers, customers * INVOICES_PER_CUSTOMER)
    add_history(url, per_customer=customers / HISTORY_AT)
    add_payments(url, round(customers * PAYMENTS_PER_CUSTOMER))
    settle(url)
    return {"populate_s": time.perf_counter() - started, "populate_mib": _peak_mib()}


def load_customers(url: str, customers: int) -> None:
    from bench.scale import bulk_load

    bulk_load(url, customers, 0)


def _p(samples: list[float], share: float) -> float:
    from bench.agenda import percentile

    return percentile(samples, share) * 1000


def measure(url: str, label: str, requests: int, runs: int) -> Measures:
    """Everything but the import, in this (fresh) process, on the data `populate` left."""
    from sqlalchemy import select

    from bench.agenda import bare_bolt_here, measure_hoy, share_among, time_digest
    from bench.call import typo
    from bench.delivery import run as deliver_digest
    from bench.harness import bench_policy, running_bot
    from bench.pgtemp import settle
    from bench.report import WHOLE_TEAM, time_report
    from models import Customer, TeamMember
    from models.db import make_engine, make_session_factory
    from slackfake import FakeSlack

    engine = make_engine(url)
    db = make_session_factory(engine)
    with db() as s:
        users = list(s.scalars(select(TeamMember.slack_user_id)))
        names = list(s.scalars(select(Customer.name).limit(500)))
    rng = random.Random(16)
    typos = [typo(rng.choice(names)) for _ in range(requests)]
    out: Measures = {}
    # The due index after a bulk load is all stale marks; the morning digest brings it up
    # to the day before anyone asks, so the requests below measure the steady state.
    from bench.agenda import TODAY
    from bot.due import service as due_index

    started = time.perf_counter()
    due_index.refresh(db, collector_ids=None, day=TODAY, policy=bench_policy())
    out["index_s"] = time.perf_counter() - started
    settle(url)  # the index was all new rows: as autovacuum would, before the requests
    acks: list[float] = []
    with (
        FakeSlack() as fake,
        bare_bolt_here(fake) as plain,
        running_bot(url, db, fake) as cobro,
    ):
        measure_hoy(cobro, fake, users, 5)  # warm up both
        measure_hoy(plain, fake, users, 5)
        hoy = measure_hoy(cobro, fake, users, requests)
        bare_answers = measure_hoy(plain, fake, users, requests, acks=acks)
        home = _home(cobro, fake, users, requests)
        fuzzy = measure_hoy(cobro, fake, users, requests, lambda n: f"cliente {typos[n]}")
    for name, samples in (
        ("hoy", hoy),
        ("bare_ack", acks),
        ("bare_answer", bare_answers),
        ("home", home),
        ("fuzzy", fuzzy),
    ):
        out[f"{name}_p50"], out[f"{name}_p95"] = _p(samples, 0.5), _p(samples, 0.95)
    policy = bench_policy()
    digests = [time_digest(db, policy) for _ in range(runs)]
    out["digest50_s"] = statistics.median(seconds for seconds, _ in digests)
    out["due50"] = digests[0][1]
    out["report_s"] = statistics.median(time_report(db, WHOLE_TEAM, runs)[0])
    for collectors in (50, 500):
        out[f"delivered{collectors}_s"] = deliver_digest(
            url, label, collectors, 3, 0, one_by_one=False
        )
    share_among(db, 500)  # marks every customer: the first digest after it rebuilds
    digests = [time_digest(db, policy) for _ in range(runs)]
    out["digest500_s"] = statistics.median(seconds for seconds, _ in digests)
    out["due500"] = digests[0][1]
    engine.dispose()
    out["peak_mib"] = _peak_mib()
    return out


def _home(sender: Any, fake: Any, users: list[str], requests: int) -> list[float]:
    """The App Home opened: from the event to the Home tab at views.publish."""
    samples = []
    for n in range(requests):
        before = len(fake.calls_to("views.publish"))
        started = time.perf_counter()
        reply = sender.event(
            {"type": "app_home_opened", "user": users[n % len(users)], "tab": "home"}
        )
        assert reply.status == 200, reply.body
        fake.wait_for("views.publish", before + 1, timeout=60)
        samples.append(time.perf_counter() - started)
        fake.wait_quiet(0.3)
    return samples


def import_measure(url: str, work: Path, customers: int) -> Measures:
    """The invoices from CSV into a database holding only the customers, in a fresh process."""
    from bench.generate import collector_ids
    from bench.import_invoices import _step

    _in_fresh_process(load_customers, url, customers)
    seconds, peak_kib, _ = _in_fresh_process(
        _step, url, "invoices", str(work / "invoices.csv"), collector_ids(50)
    )
    return {"import_s": seconds, "import_mib": peak_kib / 1024}


@contextmanager
def _database(kind: str, work: Path, name: str, server: str) -> Iterator[str | None]:
    if kind == "sqlite":
        yield f"sqlite:///{work / f'{name}.db'}"
        return
    from bench.pgtemp import temporary_database

    with temporary_database(server) as url:
        yield url


def run_scale(scale: str, kinds: list[str], args: argparse.Namespace) -> dict[str, Measures]:
    from bench.agenda import TODAY
    from bench.generate import write_invoices

    customers = SCALES[scale]
    found: dict[str, Measures] = {}
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        rng = random.Random(2026)
        rng_skip_customers(rng, customers)
        write_invoices(
            work / "invoices.csv", customers * INVOICES_PER_CUSTOMER, customers, TODAY, rng
        )
        for kind in kinds:
            with _database(kind, work, "bench", args.postgres) as url:
                if url is None:
                    continue
                print(f"{scale} {kind}: loading", flush=True)
                values = _in_fresh_process(populate, url, customers)
                print(f"{scale} {kind}: measuring ({values['populate_s']:.0f} s to load)")
                values |= _in_fresh_process(measure, url, kind, args.requests, args.runs)
            if args.import_measure:
                with _database(kind, work, "import", args.postgres) as url:
                    assert url is not None
                    print(f"{scale} {kind}: importing", flush=True)
                    values |= import_measure(url, work, customers)
            found[kind] = values
            print(f"{scale} {kind}: {values}", flush=True)
    return found


def rng_skip_customers(rng: random.Random, customers: int) -> None:
    """Draw the customers as bulk_load does, so the CSV's invoices are the loaded ones."""
    from bench.generate import collector_ids, customer_records

    for _ in customer_records(customers, collector_ids(50), rng):
        pass


# row label, key, unit: how each measure is printed
ROWS: list[tuple[str, str, str]] = [
    ("`/cobro hoy` → answer, p50", "hoy_p50", "ms"),
    ("`/cobro hoy` → answer, p95", "hoy_p95", "ms"),
    ("bare Bolt ack, p50", "bare_ack_p50", "ms"),
    ("bare Bolt ack, p95", "bare_ack_p95", "ms"),
    ("bare Bolt answer (ack, respond), p50", "bare_answer_p50", "ms"),
    ("hoy p50 ÷ bare Bolt ack p50", "hoy_ratio", "×"),
    ("hoy p50 ÷ bare Bolt answer p50", "hoy_answer_ratio", "×"),
    ("Home tab → views.publish, p50", "home_p50", "ms"),
    ("Home tab → views.publish, p95", "home_p95", "ms"),
    ("`/cobro cliente` typo → answer, p50", "fuzzy_p50", "ms"),
    ("`/cobro cliente` typo → answer, p95", "fuzzy_p95", "ms"),
    ("due index built after the bulk load (every customer)", "index_s", "s"),
    ("digest computed, 50 collectors", "digest50_s", "s"),
    ("digest computed, 500 collectors", "digest500_s", "s"),
    ("calls due in the digest, 50 / 500 collectors", "due", ""),
    ("digest delivered, 50 collectors (151 msgs, lifted)", "delivered50_s", "s"),
    ("digest delivered, 500 collectors (1,501 msgs, lifted)", "delivered500_s", "s"),
    ("month report, whole team", "report_s", "s"),
    ("import invoices from CSV", "import_s", "s"),
    ("import invoices, peak RSS", "import_mib", "MiB"),
    ("bot process peak RSS (measures)", "peak_mib", "MiB"),
    ("bulk load (data, history, payments)", "populate_s", "s"),
]


def _value(values: Measures, key: str) -> float | None:
    if key == "hoy_ratio":
        return values["hoy_p50"] / values["bare_ack_p50"]
    if key == "due":
        return None
    if key == "hoy_answer_ratio":
        return values["hoy_p50"] / values["bare_answer_p50"]
    return values.get(key)


def _cell(value: float | None, unit: str) -> str:
    if value is None:
        return ""
    if unit == "ms" or unit == "MiB":
        return f"{value:,.0f} {unit}"
    if unit == "×":
        return f"{value:.1f}×"
    return f"{value:.2f} s" if value < 10 else f"{value:.1f} s"


def table(results: dict[str, dict[str, Measures]]) -> str:
    """Rows = measure (and database), columns = scales, each followed by its growth from
    the scale before."""
    scales = list(results)
    header = ["measure", "db"]
    for n, scale in enumerate(scales):
        header.append(f"{scale} customers")
        if n:
            header.append(f"÷ {scales[n - 1]}")
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    kinds = sorted({kind for found in results.values() for kind in found}, reverse=True)
    for label, key, unit in ROWS:
        for kind in kinds:
            cells = [label, kind]
            before = None
            for n, scale in enumerate(scales):
                values = results[scale].get(kind)
                value = _value(values, key) if values else None
                if key == "due" and values:
                    cells.append(f"{values['due50']:,.0f} / {values['due500']:,.0f}")
                else:
                    cells.append(_cell(value, unit))
                if n:
                    growth: float | None = value / before if value and before else None
                    cells.append(f"{growth:.1f}×" if growth else "")
                before = value
            lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main() -> None:
    from bench.scale import POSTGRES

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--scale",
        action="append",
        help="2k, 20k, 100k or 200k (repeat, or 2k,20k); all four if none",
    )
    parser.add_argument("--db", choices=["sqlite", "postgresql", "both"], default="both")
    parser.add_argument("--requests", type=int, default=30)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--postgres", default=POSTGRES)
    parser.add_argument(
        "--no-import",
        dest="import_measure",
        action="store_false",
        help="leave out the CSV import (minutes at 200k; bench.import_invoices measures it)",
    )
    args = parser.parse_args()
    scales = [one for given in args.scale or list(SCALES) for one in given.split(",")]
    for scale in scales:
        if scale not in SCALES:
            parser.error(f"--scale {scale}: choose among {', '.join(SCALES)}")
    kinds = ["sqlite", "postgresql"] if args.db == "both" else [args.db]
    load = os.getloadavg()
    started = time.perf_counter()
    results = {scale: run_scale(scale, kinds, args) for scale in scales}
    print()
    print(table(results))
    print(
        f"\nload average {load[0]:.1f} at the start, {os.getloadavg()[0]:.1f} at the end; "
        f"{os.cpu_count()} cores; {time.perf_counter() - started:.0f} s in all"
    )
    sys.stdout.flush()


if __name__ == "__main__":
    main()
