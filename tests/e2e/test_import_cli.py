"""`cobro import …` and `cobro import watch FOLDER --once` as real processes: the summary in
Spanish, every bad cell with exit 2, a dry run that writes nothing, and the folder sync that
moves each file once and tells the admins in Slack."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from bot.core.vocabulary import Role
from bot.team.service import add_team_member
from models import Customer, Invoice, Payment
from slackfake import FakeSlack

COBRO = str(Path(sys.executable).parent / "cobro")
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "imports"


def _team(db: sessionmaker[Session]) -> None:
    add_team_member(db, actor_id=None, reference="U0ANA", role=Role.COLLECTOR, name="Ana")
    add_team_member(db, actor_id=None, reference="U0LUIS", role=Role.COLLECTOR, name="Luis")
    add_team_member(db, actor_id=None, reference="U0SARA", role=Role.ADMIN, name="Sara")


def _env(db_url: str, **more: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "COBRO_"))}
    env.update(
        DATABASE_URL=db_url,
        COBRO_TIMEZONE="America/Mexico_City",
        COBRO_COUNTRY="MX",
        COBRO_NOW="2026-11-30T09:00",
        **more,
    )
    return env


def _cobro(db_url: str, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [COBRO, *args], env=_env(db_url, **env), capture_output=True, text=True, timeout=180
    )


def _count(db: sessionmaker[Session], model: type) -> int:
    with db() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


def test_an_import_prints_how_it_read_the_file_and_what_changed(db_url: str, db) -> None:
    _team(db)
    done = _cobro(db_url, "import", "customers", str(FIXTURES / "clientes.csv"))
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[:2] == [
        "Leído como Windows-1252, separado por punto y coma.",
        "Clientes — nuevos: 3 · actualizados: 0 · sin cambios: 0",
    ]
    assert "«Notas internas»" in done.stdout


def test_a_bad_file_exits_2_with_every_bad_cell_and_no_traceback(db_url: str, db) -> None:
    _team(db)
    refused = _cobro(db_url, "import", "customers", str(FIXTURES / "clientes_malos.csv"))
    assert refused.returncode == 2
    assert "Traceback" not in refused.stderr
    lines = [line for line in refused.stderr.splitlines() if line.strip()]
    assert lines[0].startswith("Archivo rechazado: 8 errores.")
    assert "línea 2, columna «Correo» (D): «ruben@@nandu» no es un correo válido" in lines[1]
    assert sum("columna «Cobrador» (C): el cliente no tiene cobrador" in x for x in lines) == 6
    assert _count(db, Customer) == 0


def test_a_dry_run_says_what_would_change_and_writes_nothing(db_url: str, db) -> None:
    _team(db)
    dry = _cobro(db_url, "import", "customers", str(FIXTURES / "clientes.csv"), "--dry-run")
    assert dry.returncode == 0, dry.stderr
    assert "Simulación (--dry-run)" in dry.stdout and "nuevos: 3" in dry.stdout
    assert _count(db, Customer) == 0
    refused = _cobro(
        db_url, "import", "customers", str(FIXTURES / "clientes_malos.csv"), "--dry-run"
    )
    assert refused.returncode == 2
    assert refused.stderr.strip().endswith("se rechazarían 8 filas, así que no se importaría nada.")


def test_map_date_format_and_unassigned_are_the_files_own_words(
    db_url: str, db, tmp_path: Path
) -> None:
    _team(db)
    customers = tmp_path / "export.csv"
    customers.write_text("Clave SAP,Nombre\nK-1,Uno\n", encoding="utf-8")
    refused = _cobro(db_url, "import", "customers", str(customers), "--map", "Clave SAP=id")
    assert refused.returncode == 2 and "--unassigned ok" in refused.stderr
    done = _cobro(
        db_url,
        "import",
        "customers",
        str(customers),
        "--map",
        "Clave SAP=id",
        "--unassigned",
        "ok",
    )
    assert done.returncode == 0, done.stderr
    assert "1 cliente sin cobrador (K-1)" in done.stdout
    invoices = tmp_path / "invoices.csv"
    invoices.write_text(
        "number,customer_id,due_date,amount,currency\nF-1,K-1,12/31/2026,100.00,USD\n",
        encoding="utf-8",
    )
    month_first = _cobro(db_url, "import", "invoices", str(invoices))
    assert month_first.returncode == 2 and "--date-format MDY" in month_first.stderr
    done = _cobro(db_url, "import", "invoices", str(invoices), "--date-format", "MDY")
    assert done.returncode == 0, done.stderr
    bad_flag = _cobro(db_url, "import", "invoices", str(invoices), "--date-format", "DD-MM")
    assert bad_flag.returncode == 2 and "--date-format «DD-MM» no vale" in bad_flag.stderr


def test_the_folder_sync_imports_each_file_once_and_tells_the_admins(
    db_url: str, db, tmp_path: Path
) -> None:
    _team(db)
    inbox = tmp_path / "erp"
    inbox.mkdir()
    for name in ("pagos.csv", "facturas.csv", "clientes.csv", "pagos_futuros.csv"):
        shutil.copy(FIXTURES / name, inbox / name)
    shutil.copy(FIXTURES / "clientes.csv", inbox / "export.csv")  # a kind its headers tell
    (inbox / "cartera.csv.part").write_text("still being copied", encoding="utf-8")
    with FakeSlack() as fake:
        slack = {"SLACK_BOT_TOKEN": "xoxb-sync", "SLACK_API_URL": fake.api_url}
        first = _cobro(db_url, "import", "watch", str(inbox), "--once", **slack)
        dms = fake.wait_for("chat.postMessage", 5, timeout=30)
        again = _cobro(db_url, "import", "watch", str(inbox), "--once", **slack)
        total = len(fake.calls_to("chat.postMessage"))
    assert first.returncode == 2, first.stderr  # one file was refused
    assert "Traceback" not in first.stderr
    assert sorted(p.name for p in (inbox / "procesados").iterdir()) == [
        "clientes.csv",
        "export.csv",
        "facturas.csv",
        "pagos.csv",
    ]
    assert sorted(p.name for p in (inbox / "rechazados").iterdir()) == [
        "pagos_futuros.csv",
        "pagos_futuros.csv.errores.txt",
    ]
    report = (inbox / "rechazados" / "pagos_futuros.csv.errores.txt").read_text(encoding="utf-8")
    assert "línea 3, columna «Fecha» (B): el pago está fechado el 1 dic 2027" in report
    assert (inbox / "cartera.csv.part").exists()
    assert (_count(db, Customer), _count(db, Invoice), _count(db, Payment)) == (3, 4, 2)
    assert {c.params["channel"] for c in dms} == {"U0SARA"}
    texts = [c.text() for c in dms]
    assert any("clientes.csv* importado" in x and "nuevos: 3" in x for x in texts)
    assert any("facturas.csv* importado" in x and "nuevas: 4" in x for x in texts)
    assert any("export.csv* importado" in x and "sin cambios: 3" in x for x in texts)
    assert any("pagos_futuros.csv* rechazado: 1 error" in x for x in texts)
    assert again.returncode == 0 and "Nada nuevo" in again.stdout
    assert total == 5
