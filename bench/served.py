"""The bot as production runs it, for the benchmarks that measure acks under load: `cobro run`
in a process of its own, serving HTTP on loopback, its Web API client pointed at the fake
Slack, which lives here with the clients, as Slack and its users live elsewhere.

In one process, the clients signing and sending 200 requests and the fake Slack parsing and
recording every answer took their share of the bot's interpreter lock: the acks measured
the benchmark as much as the bot. The bare Bolt app it is compared with is served the same
way (`python -m bench.served PORT API_URL`).
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from bench.harness import MORNING, SECRET
from slackfake import FakeSlack, SlackSender

STARTS_WITHIN = 60.0


@contextmanager
def served_cobro(url: str, fake: FakeSlack) -> Iterator[SlackSender]:
    """`cobro run` over HTTP as of Monday 09:00 (its clock runs from there), once it has
    caught up on the morning as a bot started at nine does: the digest, the weekly report,
    a round of nudges, all delivered."""
    env = {
        "DATABASE_URL": url,
        "SLACK_BOT_TOKEN": "xoxb-bench",
        "SLACK_SIGNING_SECRET": SECRET,
        "SLACK_API_URL": fake.api_url,
        "COBRO_NOW": MORNING.isoformat(),
        "COBRO_TIMEZONE": "America/Mexico_City",
        "COBRO_COUNTRY": "MX",
    }
    with _served([sys.executable, "-m", "app", "run"], env) as port:
        _caught_up(url, fake)
        yield SlackSender(f"http://127.0.0.1:{port}/slack/events", SECRET, fake=fake)


@contextmanager
def served_bare(fake: FakeSlack) -> Iterator[SlackSender]:
    """The bare Bolt app (ack, then respond) in a process of its own."""
    with _served([sys.executable, "-m", "bench.served", "{port}", fake.api_url], {}) as port:
        yield SlackSender(f"http://127.0.0.1:{port}/slack/events", SECRET, fake=fake)


@contextmanager
def _served(command: list[str], env: dict[str, str]) -> Iterator[int]:
    port = _free_port()
    command = [part.replace("{port}", str(port)) for part in command]
    root = Path(__file__).resolve().parent.parent
    kept = os.environ.get("BENCH_SERVED_LOG")  # the server's output, kept to read after
    with open(f"{kept}.{port}", "w+") if kept else tempfile.TemporaryFile("w+") as log:
        process = subprocess.Popen(
            command,
            env={**os.environ, **env, "PORT": str(port), "PYTHONPATH": str(root)},
            cwd=root,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            _wait_listening(port, process, log)
            yield port
        finally:
            process.send_signal(signal.SIGINT)  # `cobro run` closes its server on Ctrl-C
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def _caught_up(url: str, fake: FakeSlack, within: float = 300.0) -> None:
    """Once the morning's digest has run and the outbox is empty (its messages, the weekly
    report's, the nudges'), and Slack has heard nothing more for two seconds."""
    from sqlalchemy import func, select

    from models import JobRun, OutboxMessage
    from models.db import make_engine
    from models.enums import OutboxStatus

    engine = make_engine(url)
    pending = select(func.count(OutboxMessage.id)).where(
        OutboxMessage.status == OutboxStatus.PENDING
    )
    digest = select(func.count(JobRun.id)).where(JobRun.job == "digest")
    deadline = time.monotonic() + within
    try:
        while time.monotonic() < deadline:
            with engine.connect() as db:
                if db.scalar(digest) and not db.scalar(pending):
                    fake.wait_quiet(2.0, timeout=max(deadline - time.monotonic(), 2.5))
                    if not db.scalar(pending):
                        return
            time.sleep(0.25)  # polling the database with a deadline
    finally:
        engine.dispose()
    raise RuntimeError(f"the morning's digest was not delivered within {within:.0f} s")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _wait_listening(port: int, process: subprocess.Popen[bytes], log: IO[str]) -> None:
    deadline = time.monotonic() + STARTS_WITHIN
    while time.monotonic() < deadline:
        if process.poll() is not None:
            log.seek(0)
            raise RuntimeError(f"the server stopped: {log.read()[-2000:]}")
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.05)  # polling a port with a deadline, not waiting for time to pass
    raise RuntimeError(f"nothing listening on {port} after {STARTS_WITHIN:.0f} s")


def main() -> None:
    from bench.agenda import bare_bolt
    from handlers.server import HttpServer

    port, api_url = int(sys.argv[1]), sys.argv[2]
    server = HttpServer(bare_bolt(api_url), signing_secret=SECRET, host="127.0.0.1", port=port)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        server.close()


if __name__ == "__main__":
    main()
