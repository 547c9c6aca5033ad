"""Faults, each asserting that nothing was lost and nothing doubled: Slack rate-limiting,
Slack down for a while, the bot killed in the middle of sending, PostgreSQL dropping every
connection, and two `cobro run` replicas on one database."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import create_engine, select, text

from bot.core.vocabulary import OutboxStatus, Role, TaskKind
from handlers.notify.jobs import Jobs
from models import Note, OutboxMessage, TeamMember
from slackfake import FakeSlack
from tests import builders as b
from tests.e2e.conftest import MEXICO, Harness
from tests.waiting import wait_until

COBRO = str(Path(sys.executable).parent / "cobro")
WEDNESDAY = datetime(2026, 11, 25, 8, 20, tzinfo=MEXICO)
COLLECTORS = ["U0C0", "U0C1", "U0C2"]
ONE_SECOND = timedelta(seconds=1)


def _seed_harness(bot: Harness) -> None:
    bot.team("U0ANA")
    with bot.db.begin() as s:
        ana = s.scalars(select(TeamMember).where(TeamMember.slack_user_id == "U0ANA")).one()
        lopez = b.lopez(s, ana, decision_maker=False)
        b.invoice(s, lopez, "2026-11-06", "1500.00")
        b.task(s, lopez, ana, "2026-11-20", "Verificar el pago", kind=TaskKind.VERIFY_PAYMENT)


def _rows(bot: Harness) -> list[OutboxMessage]:
    """The DMs to Ana (the supervisors' summary and others aside)."""
    with bot.db() as s:
        rows = list(s.scalars(select(OutboxMessage).where(OutboxMessage.channel == "U0ANA")))
        return rows


@pytest.mark.parametrize("replicas", [1, 2])
def test_a_long_retry_after_twice_is_waited_out_and_the_message_sent_once(
    bot: Harness, replicas: int
) -> None:
    """Slack answers 429 with Retry-After: 70, twice. The outbox reschedules the row (it
    never sleeps inside its claim, which a 2-minute lease could not cover), and one
    replica or two, delivering round after round by the bot's clock, post it once."""
    _seed_harness(bot)
    bot.fake.fail("chat.postMessage", status=429, times=2, retry_after=70)
    bot.jobs.enqueue_nudges(bot.clock.now())  # one overdue-task DM
    fleet = [bot.jobs, *(Jobs(bot.deps, bot.client) for _ in range(replicas - 1))]
    started = bot.clock.now()
    while not bot.fake.posted_to("U0ANA") and bot.clock.now() - started < timedelta(minutes=10):
        with ThreadPoolExecutor(len(fleet)) as pool:
            list(pool.map(lambda jobs: jobs.deliver(), fleet))
        bot.clock.advance(timedelta(seconds=35))
    tries = [c for c in bot.fake.calls_to("chat.postMessage") if c.params["channel"] == "U0ANA"]
    assert len(tries) == 3  # 429, 429, then the message
    assert len(bot.fake.posted_to("U0ANA")) == 1
    assert bot.clock.now() - started >= timedelta(seconds=140)  # both waits honoured
    (row,) = _rows(bot)
    assert row.status == OutboxStatus.SENT
    bot.clock.advance(timedelta(minutes=5))
    assert sum(jobs.deliver().sent for jobs in fleet) == 0


def test_slack_down_for_ninety_minutes_still_delivers_the_digest_once(bot: Harness) -> None:
    """Slack's gateway answers 502 from 08:00 to 09:30 by the bot's clock: the digest waits
    in the outbox (it is useful until the calling day ends), backing off, and goes out once
    when Slack is back. (A 502 is not retried inside the Web API client, whose backoff
    sleeps in real time; the 500s the client does retry are the one-minute test's.)"""
    _seed_harness(bot)
    bot.clock.set(datetime(2026, 11, 24, 8, 0, tzinfo=MEXICO))
    bot.fake.fail("chat.postMessage", status=502, times=10**6)
    assert bot.jobs.enqueue_digest(bot.clock.now()).ran
    back = datetime(2026, 11, 24, 9, 30, tzinfo=MEXICO)
    rounds = 0
    while not bot.fake.posted_to("U0ANA") and rounds < 200:
        if bot.clock.now() >= back:
            bot.fake.recover("chat.postMessage")
        bot.jobs.deliver()
        rounds += 1
        due = min(r.next_attempt_at for r in _rows(bot))
        bot.clock.set(max(due, bot.clock.now() + ONE_SECOND))
    assert len(bot.fake.posted_to("U0ANA")) == 1
    assert bot.clock.now() >= back
    assert [r.status for r in _rows(bot)] == [OutboxStatus.SENT]
    bot.clock.advance(timedelta(hours=1))
    assert bot.jobs.deliver().sent == 0


def test_slack_down_for_a_minute_loses_nothing_and_sends_once(bot: Harness) -> None:
    """Slack answers 500 to every try for a minute of the bot's time: the outbox backs off
    (5 s, 10 s, 20 s…) and the first round after Slack recovers sends the message, once."""
    _seed_harness(bot)
    bot.fake.fail(
        "chat.postMessage", status=500, times=9
    )  # three rounds, with the client's retries
    bot.jobs.digest(bot.clock.now())
    waited = timedelta()
    while bot.fake.posted_to("U0ANA") == [] and waited < timedelta(minutes=1):
        (row,) = _rows(bot)
        assert row.status == OutboxStatus.PENDING and row.last_error
        due = row.next_attempt_at
        step = max((due if due.tzinfo else due.replace(tzinfo=UTC)) - bot.clock.now(), ONE_SECOND)
        bot.clock.advance(step)
        waited += step
        bot.jobs.deliver()
    assert len(bot.fake.posted_to("U0ANA")) == 1
    (row,) = _rows(bot)
    assert row.status == OutboxStatus.SENT and row.attempts >= 3  # failed rounds, then sent
    assert waited >= timedelta(seconds=10)  # backed off between rounds
    bot.clock.advance(timedelta(minutes=5))
    assert bot.jobs.deliver().sent == 0


@pytest.mark.parametrize("db_url", ["postgresql"], indirect=True)
def test_postgres_dropping_every_connection_loses_nothing(bot: Harness, db_url: str) -> None:
    _seed_harness(bot)
    bot.slack.command("U0ANA", "hoy")  # the pool now holds live connections
    bot.fake.wait_for("response_url")
    killer = create_engine(db_url, isolation_level="AUTOCOMMIT")
    with killer.connect() as conn:
        killed = conn.execute(
            text(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                "WHERE datname = current_database() AND pid <> pg_backend_pid()"
            )
        ).scalar()
    killer.dispose()
    assert killed and killed >= 1
    bot.slack.command("U0ANA", "llamada C-100")
    view = bot.fake.last_view()
    answers = {
        "excuse_category": "person_away",
        "excuse": "El gerente está de vacaciones y nadie más firma los pagos",
        "task": "Llamar para confirmar el pago",
        "task_due": "el viernes",
    }
    assert bot.slack.submit("U0ANA", view, answers).text() == ""
    bot.fake.wait_for("chat.postMessage")
    bot.fake.wait_quiet(0.3)
    with bot.db() as s:
        assert len(s.scalars(select(Note)).all()) == 1
    assert len(bot.fake.posted_to("U0ANA")) == 1


# ------------------------------------------------------------------ real processes


def _seed_processes(db) -> None:
    with db.begin() as s:
        sara = b.member(s, "U0SARA", "Sara Jiménez", Role.SUPERVISOR)
        for n, slack_id in enumerate(COLLECTORS):
            me = b.member(s, slack_id, f"Cobrador {n}", Role.COLLECTOR, supervisor_id=sara.id)
            customer = b.customer(s, f"Cliente {n}", me)
            b.invoice(s, customer, "2026-11-10", "100")
            b.task(
                s,
                customer,
                me,
                "2026-11-24",
                f"Verificar el pago {n}",
                kind=TaskKind.VERIFY_PAYMENT,
            )


def _env(db_url: str, fake: FakeSlack, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "COBRO_"))}
    env.update(
        DATABASE_URL=db_url,
        SLACK_BOT_TOKEN="xoxb-faults",
        SLACK_SIGNING_SECRET="faults-secret",
        SLACK_API_URL=fake.api_url,
        COBRO_TIMEZONE="America/Mexico_City",
        COBRO_COUNTRY="MX",
        **extra,
    )
    return env


def _dm_texts(fake: FakeSlack, user: str) -> list[str]:
    return [m["text"] for m in fake.posted_to(user)]


def test_killed_in_the_middle_of_sending_then_restarted_sends_each_message_once(
    db_url: str, db
) -> None:
    """Slack got the first DM, but the bot dies before hearing back: the restarted bot
    finds that DM in the conversation (by the outbox key in its metadata) and does not post
    it again; the DMs never tried are sent."""
    _seed_processes(db)
    with FakeSlack() as fake:
        fake.delay("chat.postMessage", 30)
        first = subprocess.Popen(
            [COBRO, "jobs", "run", "digest", "--now", "2026-11-25T08:00"],
            env=_env(db_url, fake),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        fake.wait_for("chat.postMessage", 1, timeout=60)
        first.send_signal(signal.SIGKILL)
        first.wait(timeout=30)
        fake.delay("chat.postMessage", 0)
        posted_before = sum(len(fake.posted_to(u)) for u in COLLECTORS)
        assert posted_before == 1
        second = subprocess.run(  # after the dead process's lease (2 minutes) ran out
            [COBRO, "jobs", "run", "digest", "--now", "2026-11-25T08:05"],
            env=_env(db_url, fake),
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert second.returncode == 0, second.stderr
        for user in COLLECTORS:
            assert len(_dm_texts(fake, user)) == 1, (user, _dm_texts(fake, user))
    with db() as s:
        statuses = {r.status for r in s.scalars(select(OutboxMessage))}
    assert statuses == {OutboxStatus.SENT}


def _all_sent(db) -> bool:
    with db() as s:
        return {r.status for r in s.scalars(select(OutboxMessage))} == {OutboxStatus.SENT}


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_two_replicas_send_each_digest_and_nudge_once(db_url: str, db) -> None:
    """Two `cobro run` processes start at 08:20 on a Wednesday (after the digest time) on
    one database: both catch up the digest and the nudges; each collector gets one digest
    and one overdue-task nudge, and the supervisors' summary goes out once."""
    _seed_processes(db)
    with FakeSlack() as fake:
        env = {"COBRO_NOW": WEDNESDAY.isoformat(), "COBRO_SUPERVISORS_CHANNEL": "C0SUPER"}
        procs = [
            subprocess.Popen(
                [COBRO, "run"],
                env=_env(db_url, fake, PORT=str(_free_port()), **env),
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for _ in range(2)
        ]
        try:
            # Done when every outbox row is sent: a sent row is never claimed again, so no
            # replica can post it after that (a double would already be on Slack).
            def finished() -> bool:
                posted = all(len(fake.posted_to(u)) >= 2 for u in COLLECTORS)
                return posted and bool(fake.posted_to("C0SUPER")) and _all_sent(db)

            wait_until(finished, timeout=90, what="every message sent")
        finally:
            for proc in procs:
                proc.send_signal(signal.SIGTERM)
            outputs = [proc.communicate(timeout=30) for proc in procs]
        for user in COLLECTORS:
            texts = _dm_texts(fake, user)
            assert len(texts) == 2, (user, texts, outputs)
            assert sum("vencida" in t for t in texts) == 1  # the overdue task, once
        assert len(fake.posted_to("C0SUPER")) == 1
