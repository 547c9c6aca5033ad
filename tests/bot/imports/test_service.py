"""CSV import: all or nothing, every bad cell named by line and by the file's own column,
twice the same file changes nothing."""

from __future__ import annotations

from datetime import date, time
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from bot.core.calendar import BusinessCalendar
from bot.core.config import load_settings
from bot.core.errors import ImportRejected
from bot.core.vocabulary import Rank, Role
from bot.imports.service import import_customers, import_invoices, import_payments
from bot.imports.values import ReadOptions
from bot.team.service import add_team_member
from handlers.notify.client import make_web_client
from handlers.notify.directory import SlackDirectory
from models import Contact, Customer, Invoice, Payment
from slackfake import FakeSlack

CUSTOMERS = """id,name,tax_id,rank,collector,contact_name,contact_title,contact_phone,timezone,call_days,call_hours
C001,Ferretería López,RFC123,A,U0ANA,Marisol Díaz,Contadora,+52 55 1234 5678,America/Mexico_City,lun-vie,09:00-13:00
C001,Ferretería López,,,,Pedro Ruiz,Gerente,,,,
C002,Papelería Sol,,b,,,,,,,
"""

INVOICES = """number;customer_id;due_date;amount;issue_date;currency;balance
F-100;C001;2026-10-01;1500.00;2026-09-01;MXN;1500.00
F-101;C001;15/11/2026;250.50;;;
F-200;C002;2026-12-20;99.99;;;50
"""


def write(tmp_path: Path, name: str, content: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_text(content, encoding=encoding)
    return path


def counts(db: sessionmaker[Session]) -> tuple[int, int, int, int]:
    with db() as s:
        return tuple(  # type: ignore[return-value]
            s.scalar(select(func.count()).select_from(m))
            for m in (Customer, Contact, Invoice, Payment)
        )


@pytest.fixture
def team(db: sessionmaker[Session]) -> None:
    add_team_member(db, actor_id=None, reference="U0ANA", role=Role.COLLECTOR, name="Ana")


def load_customers(db: sessionmaker[Session], path: Path, **kw: object):
    kw.setdefault("unassigned_ok", True)
    return import_customers(db, path, options=ReadOptions(country="MX"), **kw)


def load_invoices(db: sessionmaker[Session], path: Path):
    return import_invoices(db, path, default_currency="USD")


def load_payments(db: sessionmaker[Session], path: Path):
    return import_payments(db, path, calendar=BusinessCalendar(), today=date(2026, 11, 30))


def test_customers_with_several_contacts_are_imported(db, team, tmp_path) -> None:
    result = load_customers(db, write(tmp_path, "c.csv", CUSTOMERS))
    assert (result.created, result.updated, result.unchanged) == (2, 0, 0)
    with db() as s:
        lopez = s.scalar(select(Customer).where(Customer.external_id == "C001"))
        assert lopez.name == "Ferretería López"
        assert lopez.search_name == "ferreteria lopez"
        assert lopez.rank == Rank.A
        assert lopez.call_days == "1,2,3,4,5"
        assert (lopez.call_start, lopez.call_end) == (time(9), time(13))
        names = sorted(s.scalars(select(Contact.name).where(Contact.customer_id == lopez.id)))
        assert names == ["Marisol Díaz", "Pedro Ruiz"]
        assert s.scalar(select(Customer.rank).where(Customer.external_id == "C002")) == Rank.B


def test_importing_the_same_files_twice_changes_nothing(db, team, tmp_path) -> None:
    customers = write(tmp_path, "c.csv", CUSTOMERS)
    invoices = write(tmp_path, "i.csv", INVOICES)
    load_customers(db, customers)
    load_invoices(db, invoices)
    before = counts(db)
    again = load_customers(db, customers)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 2)
    again_invoices = load_invoices(db, invoices)
    assert (again_invoices.created, again_invoices.updated, again_invoices.unchanged) == (0, 0, 3)
    assert counts(db) == before


def test_a_changed_row_is_updated(db, team, tmp_path) -> None:
    load_customers(db, write(tmp_path, "c.csv", CUSTOMERS))
    load_invoices(db, write(tmp_path, "i.csv", INVOICES))
    changed = INVOICES.replace("F-101;C001;15/11/2026;250.50", "F-101;C001;20/11/2026;250.50")
    result = load_invoices(db, write(tmp_path, "i2.csv", changed))
    assert (result.created, result.updated, result.unchanged) == (0, 1, 2)
    with db() as s:
        assert s.scalar(select(Invoice.due_date).where(Invoice.number == "F-101")) == date(
            2026, 11, 20
        )


def test_invoices_take_semicolons_both_date_forms_and_defaults(db, team, tmp_path) -> None:
    load_customers(db, write(tmp_path, "c.csv", CUSTOMERS))
    load_invoices(db, write(tmp_path, "i.csv", INVOICES))
    with db() as s:
        f101 = s.scalar(select(Invoice).where(Invoice.number == "F-101"))
        assert f101.due_date == date(2026, 11, 15)
        assert f101.balance == Decimal("250.50")
        assert f101.currency == "USD"
        assert s.scalar(select(Invoice.balance).where(Invoice.number == "F-200")) == Decimal(
            "50.00"
        )


def test_a_bom_and_accented_headers_are_understood(db, team, tmp_path) -> None:
    path = tmp_path / "bom.csv"
    path.write_bytes("\ufeffID,Name\nC9,Cliente con BOM\n".encode())
    assert load_customers(db, path).created == 1


def test_a_bad_file_is_rejected_whole_with_every_bad_cell(db, team, tmp_path) -> None:
    load_customers(db, write(tmp_path, "c.csv", CUSTOMERS))
    bad = (
        "number,customer_id,due_date,amount\n"
        "F-1,C001,2026-12-01,100.00\n"
        "F-2,C001,31/02/2026,100\n"
        "F-3,NOPE,2026-12-01,1.234,50\n"
        "F-4,C001,2026-12-01,-5\n"
        "F-1,C001,2026-12-02,10\n"
        'F-5,C001,12/31/2026,"1500,500"\n'
    )
    before = counts(db)
    with pytest.raises(ImportRejected) as caught:
        load_invoices(db, write(tmp_path, "bad.csv", bad))
    where = {(e.line, e.column, e.key) for e in caught.value.errors}
    assert where == {
        (3, "due_date", "csv.bad_date"),
        (4, "customer_id", "csv.unknown_customer"),
        (4, "", "csv.extra_cells"),
        (5, "amount", "csv.not_positive"),
        (6, "number", "csv.duplicate_key"),
        (7, "due_date", "csv.date_month_first"),
        (7, "amount", "csv.amount"),
    }
    assert counts(db) == before
    lines = caught.value.lines("es")
    assert lines[0] == (
        "Archivo rechazado: 7 errores. No se importó nada; la base de datos quedó como estaba."
    )
    text = "\n".join(lines)
    assert "línea 3, columna «due_date» (C): fecha no válida «31/02/2026»" in text
    assert "línea 7, columna «due_date» (C): «12/31/2026» no es una fecha con el día" in text
    assert "línea 7, columna «amount» (D): «1500,500» puede ser 1.500,5 o 1.500.500" in text


def test_decimal_commas_and_thousands_are_read_in_the_teams_locale(db, team, tmp_path) -> None:
    load_customers(db, write(tmp_path, "c.csv", CUSTOMERS))
    good = (
        "number;customer_id;due_date;amount;balance\n"
        "F-1;C001;15/11/26;1.234,56;1500,5\n"
        "F-2;C001;15-12-2026;$1,500.00;\n"
        "F-3;C001;15.12.26;20 mil;5.000\n"
    )
    with pytest.raises(ImportRejected) as caught:
        load_invoices(db, write(tmp_path, "i.csv", good))
    assert [(e.line, e.column, e.key) for e in caught.value.errors] == [
        (2, "balance", "csv.balance_range")
    ]
    load_invoices(db, write(tmp_path, "i.csv", good.replace("1500,5", "1200,5")))
    with db() as s:
        found = {i.number: (i.due_date, i.amount, i.balance) for i in s.scalars(select(Invoice))}
    assert found == {
        "F-1": (date(2026, 11, 15), Decimal("1234.56"), Decimal("1200.50")),
        "F-2": (date(2026, 12, 15), Decimal("1500.00"), Decimal("1500.00")),
        "F-3": (date(2026, 12, 15), Decimal("20000.00"), Decimal("5000.00")),
    }


def test_missing_columns_refuse_and_unknown_ones_are_only_listed(db, tmp_path) -> None:
    with pytest.raises(ImportRejected) as caught:
        load_customers(db, write(tmp_path, "c.csv", "id,notas\nC1,X\n"))
    assert [(e.line, e.column, e.key) for e in caught.value.errors] == [
        (1, "name", "csv.missing_column")
    ]
    report = load_customers(db, write(tmp_path, "c.csv", "id,nombre,notas,color\nC1,X,a,b\n"))
    assert (report.created, report.ignored) == (1, ("notas", "color"))


def test_customer_rows_are_validated_cell_by_cell(db, team, tmp_path) -> None:
    bad = (
        "id,name,rank,collector,timezone,call_days,call_hours\n"
        "C1,,D,U0NOBODY,Mars/Base,lun-xyz,13:00-09:00\n"
    )
    with pytest.raises(ImportRejected) as caught:
        load_customers(db, write(tmp_path, "c.csv", bad))
    keys = {e.column: e.key for e in caught.value.errors}
    assert keys == {
        "name": "csv.required",
        "rank": "csv.bad_rank",
        "timezone": "csv.bad_timezone",
        "call_days": "csv.bad_call_days",
        "call_hours": "csv.bad_call_hours",
    }
    with pytest.raises(ImportRejected) as caught:
        load_customers(db, write(tmp_path, "c2.csv", "id,name,collector\nC1,X,U0NOBODY\n"))
    assert [(e.line, e.column, e.key) for e in caught.value.errors] == [
        (2, "collector", "csv.unknown_member")
    ]


def test_conflicting_rows_of_one_customer_are_refused(db, team, tmp_path) -> None:
    bad = "id,name,rank\nC1,Uno,A\nC1,Uno,B\n"
    with pytest.raises(ImportRejected) as caught:
        load_customers(db, write(tmp_path, "c.csv", bad))
    assert [(e.line, e.column, e.letter, e.key) for e in caught.value.errors] == [
        (3, "rank", "C", "csv.conflicting_row")
    ]


def test_a_collector_given_by_email_is_resolved_through_slack(db, tmp_path) -> None:
    with FakeSlack() as fake:
        fake.add_user("U0ANA", "Ana", email="ana@example.com")
        add_team_member(db, actor_id=None, reference="U0ANA", role=Role.COLLECTOR)
        settings = load_settings(
            _env_file=None, slack_bot_token="xoxb-t", slack_api_url=fake.api_url
        )
        directory = SlackDirectory(make_web_client(settings))
        path = write(tmp_path, "c.csv", "id,name,collector\nC1,Uno,ANA@example.com\n")
        load_customers(db, path, directory=directory)
        assert fake.calls_to("users.lookupByEmail")[0].params["email"] == "ana@example.com"
    with db() as s:
        customer = s.scalar(select(Customer).where(Customer.external_id == "C1"))
        assert customer.collector_id is not None


def test_payments_lower_balances_and_are_recorded_once(db, team, tmp_path) -> None:
    load_customers(db, write(tmp_path, "c.csv", CUSTOMERS))
    load_invoices(db, write(tmp_path, "i.csv", INVOICES))
    payments = write(
        tmp_path,
        "p.csv",
        "customer_id,amount,date,invoice_number,reference,method\n"
        "C001,200.00,2026-11-20,F-101,DEP-1,depósito\n"
        "C001,100.00,21/11/2026,,,efectivo\n"
        "C001,100.00,21/11/2026,,,efectivo\n",
    )
    result = load_payments(db, payments)
    assert (result.created, result.unchanged) == (3, 0)
    again = load_payments(db, payments)
    assert (again.created, again.unchanged) == (0, 3)
    with db() as s:
        balances = dict(s.execute(select(Invoice.number, Invoice.balance)).all())
        # 200 to F-101 (250.50 → 50.50); 2 × 100 to the oldest open invoice, F-100.
        assert balances["F-101"] == Decimal("50.50")
        assert balances["F-100"] == Decimal("1300.00")
        assert s.scalar(select(func.count()).select_from(Payment)) == 3


def test_a_payment_for_another_customers_invoice_is_refused(db, team, tmp_path) -> None:
    load_customers(db, write(tmp_path, "c.csv", CUSTOMERS))
    load_invoices(db, write(tmp_path, "i.csv", INVOICES))
    bad = write(
        tmp_path,
        "p.csv",
        "customer_id,amount,date,invoice_number,method\nC002,5,2026-11-20,F-100,bitcoin\n",
    )
    with pytest.raises(ImportRejected) as caught:
        load_payments(db, bad)
    assert {(e.column, e.key) for e in caught.value.errors} == {
        ("invoice_number", "csv.invoice_of_other"),
        ("method", "csv.bad_method"),
    }
