"""`cobro team reassign FROM TO [--customers …]`: a portfolio moved from the command line,
recorded in each customer's history; bad input exits 2 saying what to fix, moving nothing."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from models import Correction, Customer, PaymentPromise, Task
from models.enums import Role
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
