"""`cobro jobs run digest`: by hand, as of a moment; two processes at once send it once."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from sqlalchemy.orm import Session, sessionmaker

from models.enums import Role
from slackfake import FakeSlack
from tests import builders as b

COBRO = str(Path(sys.executable).parent / "cobro")


def _seed(db: sessionmaker[Session]) -> None:
    with db.begin() as s:
        for n, name in enumerate(["Ana Pérez", "Luis Gómez", "Bea Ruiz"]):
            me = b.member(s, f"U0C{n}", name, Role.COLLECTOR)
            b.invoice(s, b.customer(s, f"Cliente de {name}", me), "2026-11-10", "100")


def _env(db_url: str, fake: FakeSlack) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "COBRO_"))}
    env.update(
        DATABASE_URL=db_url,
        SLACK_BOT_TOKEN="xoxb-jobs",
        SLACK_API_URL=fake.api_url,
        COBRO_TIMEZONE="America/Mexico_City",
        COBRO_COUNTRY="MX",
    )
    return env


def test_jobs_run_digest_sends_it_as_of_now_then_never_again(db_url: str, db) -> None:
    _seed(db)
    with FakeSlack() as fake:
        args = [COBRO, "jobs", "run", "digest", "--now", "2026-11-25T08:00"]
        first = subprocess.run(
            args, env=_env(db_url, fake), capture_output=True, text=True, timeout=120
        )
        second = subprocess.run(
            args, env=_env(db_url, fake), capture_output=True, text=True, timeout=120
        )
        dms = [
            c for c in fake.calls_to("chat.postMessage") if c.params["channel"].startswith("U0C")
        ]
    assert first.returncode == 0, first.stderr
    assert "3 personas de cobranza. Mensajes: 3 enviados" in first.stdout
    assert second.returncode == 0 and "ya se había enviado" in second.stdout
    assert sorted(c.params["channel"] for c in dms) == ["U0C0", "U0C1", "U0C2"]


def test_two_processes_at_once_send_each_digest_once(db_url: str, db) -> None:
    _seed(db)
    with FakeSlack() as fake:
        args = [COBRO, "jobs", "run", "digest", "--now", "2026-11-25T08:00"]
        procs = [
            subprocess.Popen(
                args,
                env=_env(db_url, fake),
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for _ in range(2)
        ]
        outputs = [p.communicate(timeout=120) for p in procs]
        dms = [
            c for c in fake.calls_to("chat.postMessage") if c.params["channel"].startswith("U0C")
        ]
    assert [p.returncode for p in procs] == [0, 0], outputs
    assert sorted(c.params["channel"] for c in dms) == ["U0C0", "U0C1", "U0C2"]


def test_an_unknown_job_is_bad_usage(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "COBRO_"))}
    env["DATABASE_URL"] = f"sqlite:///{tmp_path / 'x.db'}"
    result = subprocess.run(
        [COBRO, "jobs", "run", "limpieza"], env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 2
    assert "No conozco el trabajo «limpieza»" in result.stderr
