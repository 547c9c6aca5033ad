"""Benchmark: logging a call at scale (the data of `bench.agenda`: 20,000 customers, 200,000
invoices, 50,000 notes), on SQLite and on PostgreSQL.

    python -m bench.call [--customers 20000] [--invoices 200000] [--requests 40]

Prints, per database, median and p95 over signed HTTP requests:
- `/cobro llamada <id>`, `/cobro llamada <words of the name>` and `/cobro llamada <a typo>`
  (the worst case: no name contains the words, so every name is compared by spelling):
  from the request to the modal arriving at the fake Slack's `views.open`; Slack's
  trigger_id lives 3 s;
- submitting the call modal (check, store attempt + note + promise + task + outbox rows):
  the HTTP answer is the ack Slack waits for, at most 3 s.
"""

from __future__ import annotations

import random
import statistics
import time
from collections.abc import Callable

from sqlalchemy import select

from bench.agenda import percentile
from bench.harness import running_bot
from models import Customer, Invoice, TeamMember
from models.db import make_engine, make_session_factory
from slackfake import FakeSlack

NOTE = {
    "excuse_category": "person_away",
    "excuse": "El gerente está de vacaciones y nadie más firma los pagos",
    "promise_date": "el viernes",
    "task": "Llamar para confirmar el pago",
    "task_due": "el lunes a las 10",
}


def typo(name: str) -> str:
    """The name with its first word's second-to-last letter dropped: "Ferreteía López 12"."""
    words = name.split()
    return " ".join([words[0][:-2] + words[0][-1], *words[1:]])


def timed(action: Callable[[], None], runs: int) -> list[float]:
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        samples.append(time.perf_counter() - started)
    return samples


def report(label: str, what: str, samples: list[float], target: str) -> None:
    print(
        f"{label:10} {what}: median {statistics.median(samples) * 1000:.0f} ms, "
        f"p95 {percentile(samples, 0.95) * 1000:.0f} ms  ({target})"
    )


def run(url: str, label: str, requests: int) -> None:
    engine = make_engine(url)
    db = make_session_factory(engine)
    with db() as s:
        user = s.scalars(select(TeamMember.slack_user_id).limit(1)).one()
        # Customers with something to promise: a call that promises nothing is refused.
        owing = select(Invoice.customer_id).where(Invoice.balance > 0)
        sample = s.execute(
            select(Customer.external_id, Customer.name)
            .where(Customer.id.in_(owing))
            .order_by(Customer.id)
            .limit(200)
        ).all()
    rng = random.Random(5)
    with FakeSlack() as fake, running_bot(url, db, fake) as sender:

        def open_modal(query: str) -> None:
            before = len(fake.calls_to("views.open"))
            sender.command(user, f"llamada {query}")
            fake.wait_for("views.open", before + 1, timeout=30)

        def answer(query: str) -> None:
            """A typo may match several names: the answer is the modal or the choices."""
            before = len(fake.calls_to("views.open")) + len(fake.calls_to("response_url"))
            sender.command(user, f"llamada {query}")
            deadline = time.time() + 30
            while len(fake.calls_to("views.open")) + len(fake.calls_to("response_url")) <= before:
                assert time.time() < deadline, "no answer"
                time.sleep(0.002)

        open_modal(sample[0][0])  # warm up
        cases = [
            ("llamada <id>", lambda: open_modal(rng.choice(sample)[0])),
            ("llamada <name>", lambda: open_modal(rng.choice(sample)[1])),
            ("llamada <typo>", lambda: answer(typo(rng.choice(sample)[1]))),
        ]
        for what, action in cases:
            report(label, f"{what} → answer", timed(action, requests), "trigger ≤ 3 s")
        views = []
        for _ in range(requests):
            open_modal(rng.choice(sample)[0])
            views.append(fake.last_view())
        pending = iter(views)

        def submit() -> None:
            reply = sender.submit(user, next(pending), NOTE)
            assert reply.status == 200 and reply.body == "", reply.body

        report(label, "call modal submitted → ack", timed(submit, requests), "ack ≤ 3 s")
        fake.wait_quiet(0.5)
    engine.dispose()


def main() -> None:
    from bench.scale import on_both_databases, scale_arguments

    parser = scale_arguments(__doc__)
    parser.add_argument("--requests", type=int, default=40)
    args = parser.parse_args()
    on_both_databases(args, lambda url, label: run(url, label, args.requests))


if __name__ == "__main__":
    main()
