"""Benchmark: a Monday-morning burst, on SQLite and on PostgreSQL.

    python -m bench.burst [--customers 5000] [--invoices 50000] [--requests 200] [--runs 1]

200 signed requests sent at once (32 clients) to the real HTTP server: `/cobro hoy`,
`/cobro reporte mes`, `/cobro cliente` with a typo and `/cobro ayuda` from the 50
collectors, one of them firing twenty reports in a row among them, and twenty call modals
submitted (checked and stored inside their ack) in the middle of it. Prints the acks'
p50 / p95 / max (and the submissions' apart, target p95 ≤ 1 s), how many came after 1 s (the target) and after Slack's 3 s, and when the
last answer arrived; then the same 200 requests at a bare Bolt app (ack, then respond) in
the same run. Memory is the process's peak RSS. With `--runs N`, N bursts in a row, each at
a bot started afresh, and the median of their figures: one burst's p95 of twenty
submissions is its second-slowest, and varies by a third from one run to the next.
"""

from __future__ import annotations

import random
import resource
import time
from concurrent.futures import ThreadPoolExecutor
from statistics import median
from typing import Any, NamedTuple

from sqlalchemy import select

from bench.agenda import bare_bolt_here, percentile
from bench.call import NOTE
from bench.harness import running_bot
from bench.served import served_bare, served_cobro
from models import TeamMember
from models.db import make_engine, make_session_factory
from slackfake import FakeSlack, SlackSender

CLIENTS = 32
SUBMISSIONS = 20


def plan(users: list[str], requests: int) -> list[tuple[str, str]]:
    rng = random.Random(16)
    burster = users[0]
    mix = ["hoy"] * 12 + ["reporte mes"] * 2 + ["cliente ferreteria lopes 12"] * 3 + ["ayuda"] * 3
    sent = [(burster, "reporte mes") for _ in range(min(20, requests // 10))]
    while len(sent) < requests:
        sent.append((rng.choice(users[1:]), rng.choice(mix)))
    return sent


def open_modals(sender: SlackSender, fake: FakeSlack, users: list[str], count: int) -> list[Any]:
    """Call modals opened beforehand (`/cobro llamada <id>`), one per collector, to submit
    during the burst."""
    with_customers = []
    for n, user in enumerate(users[1 : count + 1]):
        before = len(fake.calls_to("views.open"))
        sender.command(user, f"llamada C{n + 1:06d}")
        fake.wait_for("views.open", before + 1, timeout=30)
        with_customers.append((user, fake.last_view()))
    return with_customers


class Burst(NamedTuple):
    acks: list[float]  # the commands', seconds
    last: float  # seconds until the last answer
    missing: int  # answers missing after 120 s
    submissions: list[float]  # the submissions' acks, seconds


def burst(
    sender: SlackSender,
    fake: FakeSlack,
    requests: list[tuple[str, str]],
    modals: list[Any] | None = None,
) -> Burst:
    """The requests sent at once by CLIENTS clients, the modals submitted in the middle."""
    urls = [fake.response_url("burst") for _ in requests]
    started = time.perf_counter()

    def one(index: int) -> tuple[float, bool]:
        user, text = requests[index]
        reply = sender.command(user, text, response_url=urls[index])
        return reply.elapsed, bool(reply.json)

    def submit(modal: Any) -> float:
        user, view = modal
        reply = sender.submit(user, view, NOTE)
        if reply.status != 200:  # Bolt gave up waiting for the ack (3 s): Slack's error
            return float("inf")
        assert "errors" not in reply.body, reply.body
        return reply.elapsed

    with ThreadPoolExecutor(max_workers=CLIENTS) as clients:
        half = len(requests) // 2
        first = [clients.submit(one, i) for i in range(half)]
        stored = [clients.submit(submit, m) for m in modals or []]
        rest = [clients.submit(one, i) for i in range(half, len(requests))]
        results = [f.result() for f in first + rest]
        submissions = [f.result() for f in stored]
    missing = 0
    for (_, in_ack), url in zip(results, urls, strict=True):
        if in_ack:
            continue
        try:
            fake.wait_for_url(url, timeout=max(120 - (time.perf_counter() - started), 0.1))
        except AssertionError:
            missing += 1
    last = time.perf_counter() - started
    fake.wait_quiet(0.5)
    return Burst([elapsed for elapsed, _ in results], last, missing, submissions)


def line(label: str, acks: list[float]) -> str:
    return (
        f"{label}: acks p50 {percentile(acks, 0.5) * 1000:.0f} ms, "
        f"p95 {percentile(acks, 0.95) * 1000:.0f} ms, max {max(acks) * 1000:.0f} ms; "
        f"over 1 s: {sum(a > 1 for a in acks)}, over 3 s: {sum(a > 3 for a in acks)}"
        f" ({sum(a == float('inf') for a in acks)} never acked)"
    )


def run(url: str, label: str, requests: int, *, in_process: bool = False, runs: int = 1) -> None:
    engine = make_engine(url)
    db = make_session_factory(engine)
    with db() as s:
        users = list(s.scalars(select(TeamMember.slack_user_id)))
    sent = plan(users, requests - SUBMISSIONS)
    bursts: list[Burst] = []
    with FakeSlack() as fake:
        for _ in range(runs):  # a bot started afresh each time, on the data as it now is
            cobro_bot = running_bot(url, db, fake) if in_process else served_cobro(url, fake)
            with cobro_bot as cobro:
                # A working morning: the digest has brought every collector's due index up
                # to today and each one has been let in once (the member cache).
                warm = [fake.response_url("warm") for _ in users]
                for user, answer_at in zip(users, warm, strict=True):
                    cobro.command(user, "hoy", response_url=answer_at)
                for answer_at in warm:
                    fake.wait_for_url(answer_at, timeout=120)
                modals = open_modals(cobro, fake, users, SUBMISSIONS)
                bursts.append(burst(cobro, fake, sent, modals))
        with bare_bolt_here(fake) if in_process else served_bare(fake) as plain:
            bare = burst(plain, fake, sent)
    engine.dispose()
    where = "one process with the clients" if in_process else "cobro run"
    for n, (acks, last, missing, stored) in enumerate(bursts, start=1):
        tag = f"{label} {n}/{runs}" if runs > 1 else label
        print(f"{tag:10} {line(f'cobro ({where}), {len(sent)} at once', acks)}")
        print(f"{tag:10}   every answer in {last:.1f} s ({missing} missing)")
        print(f"{tag:10} {line(f'{len(stored)} call modals submitted meanwhile', stored)}")
    if in_process:  # the peak RSS is this process's: the bot's only when it was served here
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"{label:10}   peak RSS {peak:.0f} MiB")
    if runs > 1:
        print(
            f"{label:10} median of {runs} runs: commands' ack max "
            f"{median(max(b.acks) for b in bursts) * 1000:.0f} ms; submissions p50 "
            f"{median(percentile(b.submissions, 0.5) for b in bursts) * 1000:.0f} ms, p95 "
            f"{median(percentile(b.submissions, 0.95) for b in bursts) * 1000:.0f} ms"
        )
    print(f"{label:10} {line('bare Bolt, same requests', bare.acks)}")
    acks = [a for b in bursts for a in b.acks]
    print(
        f"{label:10}   ack p50 cobro / bare = "
        f"{percentile(acks, 0.5) / percentile(bare.acks, 0.5):.1f}×; bare answers in {bare.last:.1f} s"
    )


def main() -> None:
    from bench.scale import on_both_databases, scale_arguments

    parser = scale_arguments(__doc__)
    parser.set_defaults(customers=5_000, invoices=50_000)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument(
        "--runs", type=int, default=1, help="bursts in a row, each at a freshly started bot"
    )
    parser.add_argument(
        "--in-process",
        action="store_true",
        help="serve the bot in this process, beside the clients and the fake Slack",
    )
    args = parser.parse_args()
    on_both_databases(
        args,
        lambda url, label: run(
            url, label, args.requests, in_process=args.in_process, runs=args.runs
        ),
    )


if __name__ == "__main__":
    main()
