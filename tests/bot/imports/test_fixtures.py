"""The files teams really have import to one and the same database state, whatever Excel
saved them as; the harmful ones are refused by line and column, or (an overpayment)
applied and credited."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bot.core.calendar import BusinessCalendar
from bot.core.errors import ImportRejected
from bot.imports.report import ImportReport
from bot.imports.service import import_file
from bot.imports.values import ReadOptions
from models import Contact, Customer, Invoice, Payment
from tests.bot.imports.conftest import FIXTURES, as_utf16, as_xlsx

TEAM = ReadOptions(locale="es_MX", country="MX")
TODAY = date(2026, 11, 30)
FILES = (("customers", "clientes.csv"), ("invoices", "facturas.csv"), ("payments", "pagos.csv"))


def load(db: sessionmaker[Session], kind: str, path: Path, **kw: Any) -> ImportReport:
    kw.setdefault("options", TEAM)
    return import_file(db, path, kind=kind, today=TODAY, calendar=BusinessCalendar("MX"), **kw)


def state(db: sessionmaker[Session]) -> dict[str, Any]:
    """Everything an import writes, without ids or timestamps."""
    with db() as s:
        ext = dict(s.execute(select(Customer.id, Customer.external_id)).all())
        return {
            "customers": sorted(
                (c.external_id, c.name, c.search_name, c.tax_id, c.collector_id, c.credit)
                for c in s.scalars(select(Customer))
            ),
            "contacts": sorted(
                (ext[c.customer_id], c.name, c.title, c.phone, c.email)
                for c in s.scalars(select(Contact))
            ),
            "invoices": sorted(
                (
                    i.number,
                    ext[i.customer_id],
                    i.issue_date,
                    i.due_date,
                    i.amount,
                    i.balance,
                    i.currency,
                    i.credit_applied,
                )
                for i in s.scalars(select(Invoice))
            ),
            "payments": sorted(
                (p.import_key, ext[p.customer_id], p.amount, p.paid_on, p.method, p.credit)
                for p in s.scalars(select(Payment))
            ),
        }


def _csv(name: str, folder: Path) -> Path:
    return FIXTURES / name


FORMATS = {"windows-1252 csv": _csv, "utf-16 text": as_utf16, "xlsx": as_xlsx}


def import_all(
    db: sessionmaker[Session], make: Callable[[str, Path], Path], folder: Path
) -> list[ImportReport]:
    return [load(db, kind, make(name, folder)) for kind, name in FILES]


@pytest.mark.parametrize("form", list(FORMATS))
def test_the_erp_exports_import_to_the_same_state_in_every_format(
    db: sessionmaker[Session], team: None, tmp_path: Path, form: str
) -> None:
    import_all(db, FORMATS[form], tmp_path)
    found = state(db)
    assert [c[:4] for c in found["customers"]] == [
        ("C-001", "Ferretería López", "ferreteria lopez", "FLO850101AB1"),
        ("C-002", "Papelería Señorial", "papeleria senorial", "PSE900202CD2"),
        ("C-003", "Construcciones Güemes", "construcciones guemes", "CGU910303EF3"),
    ]
    assert found["contacts"] == [
        ("C-001", "Marisol Díaz", "Contadora", "+525512345678", "marisol@ferrelopez.mx"),
        ("C-002", "Jorge Muñoz", "Tesorero", "+523336161234", None),
    ]
    d, money = date, Decimal
    assert found["invoices"] == [
        (
            "F-1001",
            "C-001",
            d(2026, 10, 15),
            d(2026, 11, 15),
            money("1234.56"),
            money("0.00"),
            "MXN",
            money("0.00"),
        ),
        (
            "F-1002",
            "C-001",
            d(2026, 11, 1),
            d(2026, 12, 1),
            money("15000.00"),
            money("7500.50"),
            "MXN",
            money("0.00"),
        ),
        (
            "F-2001",
            "C-002",
            d(2026, 10, 20),
            d(2026, 11, 19),
            money("980.00"),
            money("480.00"),
            "MXN",
            money("0.00"),
        ),
        (
            "F-3001",
            "C-003",
            d(2026, 11, 5),
            d(2026, 12, 5),
            money("2500.50"),
            money("2500.50"),
            "MXN",
            money("0.00"),
        ),
    ]
    assert [(p[0], p[2], p[3], p[4]) for p in found["payments"]] == [
        ("ref:C-001:SPEI-778812", money("1234.56"), d(2026, 11, 20), "transfer"),
        ("ref:C-002:DEP-5541", money("500.00"), d(2026, 11, 21), "deposit"),
    ]


def test_every_format_gives_exactly_the_state_of_the_csv(
    db: sessionmaker[Session], team: None, tmp_path: Path
) -> None:
    states = []
    for form, make in FORMATS.items():
        folder = tmp_path / form.replace(" ", "_")
        folder.mkdir()
        import_all(db, make, folder)
        states.append(state(db))
        _forget_imports(db)
    assert states[0] == states[1] == states[2]


def _forget_imports(db: sessionmaker[Session]) -> None:
    from sqlalchemy import delete

    with db.begin() as s:
        for model in (Payment, Invoice, Contact, Customer):
            s.execute(delete(model))


@pytest.mark.parametrize(
    ("form", "read_as"),
    [
        ("windows-1252 csv", "Leído como Windows-1252, separado por punto y coma."),
        ("utf-16 text", "Leído como UTF-16, separado por tabuladores."),
        ("xlsx", "Leída la hoja «Hoja1»."),
    ],
)
def test_the_summary_says_how_the_file_was_read_and_what_was_left_out(
    db: sessionmaker[Session], team: None, tmp_path: Path, form: str, read_as: str
) -> None:
    report = load(db, "customers", FORMATS[form]("clientes.csv", tmp_path))
    lines = report.lines("es")
    assert lines[0] == read_as
    assert lines[1] == "Clientes — nuevos: 3 · actualizados: 0 · sin cambios: 0"
    assert "«Notas internas»" in lines[2]


@pytest.mark.parametrize("form", list(FORMATS))
def test_importing_the_same_files_again_changes_nothing(
    db: sessionmaker[Session], team: None, tmp_path: Path, form: str
) -> None:
    import_all(db, FORMATS[form], tmp_path)
    before = state(db)
    customers, invoices = (load(db, k, FORMATS[form](n, tmp_path)) for k, n in FILES[:2])
    assert (customers.created, customers.updated, customers.unchanged) == (0, 0, 3)
    # The payments lowered two balances; the ERP's file still says what it said.
    assert (invoices.created, invoices.unchanged) == (0, 2)
    payments = load(db, "payments", FORMATS[form]("pagos.csv", tmp_path))
    assert (payments.created, payments.unchanged) == (0, 2)
    load(db, "payments", FORMATS[form]("pagos.csv", tmp_path))
    after = state(db)
    assert after["customers"] == before["customers"]
    assert after["payments"] == before["payments"]


def test_a_workbook_keeps_excels_line_numbers_and_takes_a_named_sheet(
    db: sessionmaker[Session], team: None, tmp_path: Path
) -> None:
    path = as_xlsx("clientes_malos.csv", tmp_path, sheet="Cartera", blank_rows=2)
    with pytest.raises(ImportRejected) as caught:
        load(db, "customers", path, options=ReadOptions(country="MX", sheet="Cartera"))
    assert (4, "Correo", "D", "csv.bad_email") in {
        (e.line, e.column, e.letter, e.key) for e in caught.value.errors
    }
    with pytest.raises(ImportRejected) as caught:
        load(db, "customers", path, options=ReadOptions(country="MX", sheet="Hoja9"))
    assert "el libro no tiene la hoja «Hoja9»; sus hojas son: Cartera" in "\n".join(
        caught.value.lines("es")
    )


# ------------------------------------------------------------------ what would hurt


def test_the_harmful_customers_are_refused_by_line_and_column(
    db: sessionmaker[Session], team: None
) -> None:
    before = state(db)
    with pytest.raises(ImportRejected) as caught:
        load(db, "customers", FIXTURES / "clientes_malos.csv")
    found = {(e.line, e.column, e.letter, e.key) for e in caught.value.errors}
    assert found == {
        (2, "Correo", "D", "csv.bad_email"),
        *((line, "Cobrador", "C", "csv.no_collector") for line in range(3, 9)),
        (9, "Teléfono", "E", "csv.bad_phone"),
    }
    text = "\n".join(caught.value.lines("es"))
    assert "línea 2, columna «Correo» (D): «ruben@@nandu» no es un correo válido" in text
    assert "línea 3, columna «Cobrador» (C): el cliente no tiene cobrador" in text
    assert state(db) == before


def test_customers_without_a_collector_pass_only_when_said_and_are_reported(
    db: sessionmaker[Session], team: None, tmp_path: Path
) -> None:
    fixed = (FIXTURES / "clientes_malos.csv").read_bytes()
    fixed = fixed.replace(b"ruben@@nandu", b"ruben@nandu.mx").replace(b";12\r\n", b";\r\n")
    path = tmp_path / "clientes.csv"
    path.write_bytes(fixed)
    report = load(db, "customers", path, unassigned_ok=True)
    assert report.created == 8
    assert report.orphans == ("C-102", "C-103", "C-104", "C-105", "C-106", "C-107")
    assert (
        "Atención: 6 clientes sin cobrador (C-102, C-103, C-104, C-105, C-106, C-107); "
        "nadie los llamará hasta que se les asigne uno."
    ) in report.lines("es")


def test_invoices_without_a_currency_need_one_from_the_team(
    db: sessionmaker[Session], team: None
) -> None:
    load(db, "customers", FIXTURES / "clientes.csv")
    with pytest.raises(ImportRejected) as caught:
        load(db, "invoices", FIXTURES / "facturas_sin_moneda.csv")
    (only,) = caught.value.errors
    assert (only.line, only.key) == (1, "csv.no_currency")
    assert "define COBRO_CURRENCY o COBRO_COUNTRY" in caught.value.lines("es")[1]
    report = load(db, "invoices", FIXTURES / "facturas_sin_moneda.csv", default_currency="MXN")
    assert report.created == 1


def test_a_payment_in_the_future_refuses_the_file(db: sessionmaker[Session], team: None) -> None:
    for kind, name in FILES[:2]:
        load(db, kind, FIXTURES / name)
    before = state(db)
    with pytest.raises(ImportRejected) as caught:
        load(db, "payments", FIXTURES / "pagos_futuros.csv")
    assert [(e.line, e.column, e.letter, e.key) for e in caught.value.errors] == [
        (3, "Fecha", "B", "csv.future_payment")
    ]
    assert "el pago está fechado el 1 dic 2027, en el futuro" in caught.value.lines("es")[1]
    assert state(db) == before


def test_an_overpayment_is_applied_then_kept_as_credit_for_the_next_invoice(
    db: sessionmaker[Session], team: None, tmp_path: Path
) -> None:
    for kind, name in FILES[:2]:
        load(db, kind, FIXTURES / name)
    report = load(db, "payments", FIXTURES / "pagos_de_mas.csv")
    assert report.credits[0].amount == Decimal("97498.50")
    with db() as s:
        guemes = s.scalars(select(Customer).where(Customer.external_id == "C-003")).one()
        assert guemes.credit == Decimal("97498.50")
        assert s.scalars(select(Invoice.balance).where(Invoice.number == "F-3001")).one() == 0
        assert s.scalars(select(Payment.credit)).one() == Decimal("97498.50")
    nueva = tmp_path / "facturas_nuevas.csv"
    nueva.write_text(
        "Factura;Cliente;Vencimiento;Importe;Moneda\nF-3002;C-003;15/12/26;10.000,00;MXN\n",
        encoding="utf-8",
    )
    applied = load(db, "invoices", nueva)
    assert [(c.customer, c.amount) for c in applied.credit_applied] == [
        ("Construcciones Güemes", Decimal("10000.00"))
    ]
    again = load(db, "invoices", nueva)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 1)
    with db() as s:
        f3002 = s.scalars(select(Invoice).where(Invoice.number == "F-3002")).one()
        assert (f3002.balance, f3002.credit_applied) == (Decimal("0.00"), Decimal("10000.00"))
        credit = s.scalars(select(Customer.credit).where(Customer.external_id == "C-003")).one()
        assert credit == Decimal("87498.50")


def test_a_dry_run_counts_everything_and_writes_nothing(
    db: sessionmaker[Session], team: None
) -> None:
    before = state(db)
    report = load(db, "customers", FIXTURES / "clientes.csv", dry_run=True)
    assert (report.created, report.dry_run) == (3, True)
    assert report.lines("es")[1].startswith("Simulación (--dry-run)")
    assert state(db) == before
    load(db, "customers", FIXTURES / "clientes.csv")
    report = load(db, "invoices", FIXTURES / "facturas.csv", dry_run=True)
    assert report.created == 4
    assert state(db)["invoices"] == []
