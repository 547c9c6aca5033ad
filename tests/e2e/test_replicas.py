"""Scale out: two real `cobro run` processes serving HTTP on one database, as behind a load
balancer that sends each request to either. They must answer alike, and a call submitted to
one and retried by Slack at the other must be stored once and confirmed once."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import func, select

from bot.core.vocabulary import Role
from models import Note, OutboxMessage, PaymentPromise
from slackfake import FakeSlack, SlackSender
from slackfake.sender import Reply
from tests import builders as b
from tests.e2e.conftest import MONDAY_9AM
from tests.waiting import wait_until

COBRO = str(Path(sys.executable).parent / "cobro")
SECRET = "replicas-secret"
NOTE = {
    "excuse_category": "person_away",
    "excuse": "El gerente está de vacaciones y nadie más firma los pagos #vacaciones",
    "agreement": "Presenta la factura hoy en la tarde y paga mañana",
    "promise_date": "el viernes",
    "task": "Llamar para confirmar el pago",
    "task_due": "el lunes a las 10",
}


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _seed(db) -> None:
    with db.begin() as s:
        sara = b.member(s, "U0SARA", "Sara Jiménez", Role.SUPERVISOR)
        ana = b.member(s, "U0ANA", "Ana Pérez", Role.COLLECTOR, supervisor_id=sara.id)
        lopez = b.lopez(s, ana)
        b.invoice(s, lopez, "2026-11-06", "1500.00")
        b.invoice(s, lopez, "2026-11-20", "500.00")


@contextmanager
def _replicas(db_url: str, fake: FakeSlack, count: int) -> Iterator[list[SlackSender]]:
    """`count` `cobro run` processes, each on its own port, as of Monday 9:00; a signed
    sender for each, once it answers."""
    base = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "COBRO_"))}
    senders: list[SlackSender] = []
    procs = []
    for _ in range(count):
        port = _free_port()
        env = {
            **base,
            "DATABASE_URL": db_url,
            "SLACK_BOT_TOKEN": "xoxb-replicas",
            "SLACK_SIGNING_SECRET": SECRET,
            "SLACK_API_URL": fake.api_url,
            "COBRO_TIMEZONE": "America/Mexico_City",
            "COBRO_COUNTRY": "MX",
            "COBRO_NOW": MONDAY_9AM.isoformat(),
            "PORT": str(port),
        }
        procs.append(
            subprocess.Popen(
                [COBRO, "run"], env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
            )
        )
        senders.append(SlackSender(f"http://127.0.0.1:{port}/slack/events", SECRET, fake=fake))
    try:
        for sender in senders:

            def answered(sender: SlackSender = sender) -> Reply | None:
                try:
                    return sender.command("U0ANA", "ayuda")
                except OSError:  # not listening yet
                    return None

            wait_until(answered, timeout=30, what="a replica to answer")
        yield senders
    finally:
        for proc in procs:
            proc.terminate()
        for proc in procs:
            proc.communicate(timeout=30)


def _count(db, model: type) -> int:
    with db() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


def test_two_replicas_answer_alike_and_store_a_retried_call_once(db_url: str, db) -> None:
    _seed(db)
    with FakeSlack() as fake:
        fake.add_user("U0ANA", "Ana Pérez")
        fake.add_user("U0SARA", "Sara Jiménez")
        with _replicas(db_url, fake, 2) as (first, second):
            today = [sender.ask("U0ANA", "hoy", timeout=20).text() for sender in (first, second)]
            assert "Ferretería López" in today[0]
            assert today[0] == today[1]

            first.command("U0ANA", "llamada lopez")
            view = fake.last_view(timeout=20)
            # The balancer sends the submission to the other replica; Slack, not hearing
            # back in time, sends it again to the first.
            assert second.submit("U0ANA", view, NOTE).status == 200
            assert first.submit("U0ANA", view, NOTE).status == 200

            def confirmed() -> list[str]:
                return [
                    call.text()
                    for call in fake.calls_to("chat.postMessage")
                    if call.params.get("channel") == "U0ANA"
                    and "viernes 27 de noviembre" in call.text()
                ]

            wait_until(confirmed, timeout=30, what="the call's confirmation")
            # Both replicas answered what they got; what is stored and sent is once.
            assert _count(db, Note) == 1
            assert _count(db, PaymentPromise) == 1
            with db() as s:
                receipts = [
                    row
                    for row in s.scalars(select(OutboxMessage))
                    if row.channel == "U0ANA" and row.dedupe_key.startswith("call:")
                ]
            assert len(receipts) == 1, [r.dedupe_key for r in receipts]
            assert len(confirmed()) == 1
