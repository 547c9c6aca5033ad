"""`cobro team reassign FROM TO [--customers …]`: a portfolio moved from the command line,
recorded in each customer's history; bad input exits 2 saying what to fix, moving nothing.
`cobro team check`: whoever Slack deactivated leaves the team, and the admins hear of it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from models import Correction, Customer, PaymentPromise, Task, TeamMember
from models.enums import Role
from slackfake import FakeSlack
from tests import builders as b

COBRO = str(Path(sys.executable).parent / "cobro")


def _seed(db: sessionmaker[Session]) -> dict[str, int]:
    with db.begin() as s:
        sara = b.member(s, "U0SARA", "Sara Jiménez", Role.SUPERVISOR)
        ana = b.member(s, "U0ANA", "Ana Pérez", supervisor_id=sara.id, email="ana@cobro.mx")
        luis = b.member(s, "U0LUIS", "Luis Gómez", supervisor_id=sara.id)
        lopez = b.customer(s, "Ferretería López", luis, external_id="C-100")
        sol = b.customer(s, "Papelería Sol", luis, external_id="C-200")
        b.task(s, lopez, luis, "2026-11-20")
        b.promise(s, sol, luis, "2026-11-27", "300")
        return {"ana": ana.id, "luis": luis.id}


def _cobro(db_url: str, *args: str, lang: str = "es") -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "COBRO_"))}
    env.update(DATABASE_URL=db_url, COBRO_TIMEZONE="America/Mexico_City", COBRO_LANGUAGE=lang)
    return subprocess.run(
        [COBRO, "team", "reassign", *args], env=env, capture_output=True, text=True, timeout=120
    )


def test_reassign_moves_the_named_customers_then_the_rest(db_url: str, db) -> None:
    people = _seed(db)
    first = _cobro(db_url, "U0LUIS", "ana@cobro.mx", "--customers", "C-200")
    assert first.returncode == 0, first.stderr
    assert (
        "Cartera de Luis Gómez → Ana Pérez: 1 cliente, 0 tareas abiertas, 1 promesa pendiente"
        in first.stdout
    )
    rest = _cobro(db_url, "@luis", "@ana")
    assert rest.returncode == 0, rest.stderr
    assert "1 cliente, 1 tarea abierta, 0 promesas pendientes" in rest.stdout
    with db() as s:
        assert set(s.scalars(select(Customer.collector_id))) == {people["ana"]}
        assert s.scalar(select(Task.assignee_id)) == people["ana"]
        assert s.scalar(select(PaymentPromise.collector_id)) == people["ana"]
        changes = [(c.field, c.by_id) for c in s.scalars(select(Correction))]
    assert changes == [("collector", None), ("collector", None)]


def test_bad_input_exits_2_with_the_reason_and_moves_nothing(db_url: str, db) -> None:
    people = _seed(db)
    unknown = _cobro(db_url, "U0LUIS", "U0NADIE")
    assert unknown.returncode == 2 and "U0NADIE" in unknown.stderr
    stranger = _cobro(db_url, "U0LUIS", "U0ANA", "--customers", "C-100,C-999")
    assert stranger.returncode == 2
    assert "no son de esa cartera" in stranger.stderr and "C-999" in stranger.stderr
    boss = _cobro(db_url, "U0LUIS", "U0SARA", lang="en")
    assert boss.returncode == 2 and "Sara Jiménez is not a collector" in boss.stderr
    empty = _cobro(db_url, "U0ANA", "U0LUIS")
    assert empty.returncode == 2 and "Ana Pérez no tiene clientes asignados" in empty.stderr
    with db() as s:
        assert set(s.scalars(select(Customer.collector_id))) == {people["luis"]}
        assert s.scalars(select(Correction)).all() == []


def test_team_check_takes_off_whoever_slack_deactivated_and_tells_the_admins(
    db_url: str, db
) -> None:
    _seed(db)
    with db.begin() as s:
        b.member(s, "U0ADM", "Adela Admin", Role.ADMIN)
    with FakeSlack() as fake:
        for user_id, name in (
            ("U0SARA", "Sara Jiménez"),
            ("U0ANA", "Ana Pérez"),
            ("U0LUIS", "Luis Gómez"),
            ("U0ADM", "Adela Admin"),
        ):
            fake.add_user(user_id, name)
        fake.users["U0LUIS"]["deleted"] = True
        env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "COBRO_"))}
        env.update(
            DATABASE_URL=db_url,
            SLACK_BOT_TOKEN="xoxb-check",
            SLACK_API_URL=fake.api_url,
            COBRO_TIMEZONE="America/Mexico_City",
        )
        checked = subprocess.run(
            [COBRO, "team", "check"], env=env, capture_output=True, text=True, timeout=120
        )
        told = fake.messages_to("U0ADM")
    assert checked.returncode == 0, checked.stderr
    assert "Desactivada en Slack, sale del equipo: Luis Gómez" in checked.stdout
    assert len(told) == 1 and "Deja 2 cuentas sin responsable" in told[0].text()
    with db() as s:
        gone = s.scalar(select(TeamMember).where(TeamMember.slack_user_id == "U0LUIS"))
        assert gone is not None and gone.active is False


def test_team_check_without_slack_says_what_it_needs(db_url: str, db) -> None:
    _seed(db)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "COBRO_"))}
    env.update(DATABASE_URL=db_url)
    refused = subprocess.run(
        [COBRO, "team", "check"], env=env, capture_output=True, text=True, timeout=120
    )
    assert refused.returncode == 2 and "SLACK_BOT_TOKEN" in refused.stderr
