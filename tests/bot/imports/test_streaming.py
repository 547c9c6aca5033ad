"""Imports read a chunk at a time: what needs the whole file (a number twice, a customer
over several rows, a bad line at the very end) is still seen whole, and still nothing
changes when anything is wrong. The chunks are made tiny here (`chunk_size`) so that a
file of a few dozen lines spans many of them."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bot.core.errors import CellError, ImportRejected
from bot.core.vocabulary import Role
from bot.imports.records import Errors
from bot.imports.service import import_customers, import_invoices
from bot.imports.values import ReadOptions
from bot.team.service import add_team_member
from models import Contact, Customer, Invoice

HEADER = "number;customer_id;due_date;amount;balance\n"


def invoice_lines(count: int, *, amount: str = "100.00") -> list[str]:
    return [
        f"F-{n:03d};C{n % 3:03d};2026-12-{1 + n % 28:02d};{amount};{amount}\n" for n in range(count)
    ]


def write(tmp_path: Path, name: str, lines: list[str], header: str = HEADER) -> Path:
    path = tmp_path / name
    path.write_text(header + "".join(lines), encoding="utf-8")
    return path


def invoices(db: sessionmaker[Session]) -> dict[str, tuple[Decimal, Decimal]]:
    with db() as s:
        rows = s.execute(select(Invoice.number, Invoice.amount, Invoice.balance))
        return {number: (amount, balance) for number, amount, balance in rows}


@pytest.fixture
def customers(db: sessionmaker[Session], tmp_path: Path) -> None:
    add_team_member(db, actor_id=None, reference="U0ANA", role=Role.COLLECTOR, name="Ana")
    path = tmp_path / "clientes.csv"
    path.write_text(
        "id,name,collector\nC000,Uno,U0ANA\nC001,Dos,U0ANA\nC002,Tres,U0ANA\n", encoding="utf-8"
    )
    import_customers(db, path)


def load(db: sessionmaker[Session], path: Path, **kw: object):
    return import_invoices(db, path, default_currency="MXN", chunk_size=3, **kw)


def test_a_bad_line_near_the_end_of_many_chunks_changes_nothing(db, customers, tmp_path) -> None:
    load(db, write(tmp_path, "a.csv", invoice_lines(30)))
    before = invoices(db)
    lines = invoice_lines(40, amount="250.00")  # every invoice changed, ten new ones
    lines[38] = "F-038;C002;2026-12-11;12,34,5;\n"
    with pytest.raises(ImportRejected) as refused:
        load(db, write(tmp_path, "b.csv", lines))
    assert [(e.line, e.column) for e in refused.value.errors] == [(40, "amount")]
    assert invoices(db) == before
    assert len(before) == 30


def test_the_same_file_again_in_many_chunks_changes_nothing(db, customers, tmp_path) -> None:
    path = write(tmp_path, "a.csv", invoice_lines(25))
    first = load(db, path)
    again = load(db, path)
    assert (first.created, first.updated, first.unchanged) == (25, 0, 0)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 25)


def test_a_number_twice_in_chunks_far_apart_is_refused_naming_the_first(
    db, customers, tmp_path
) -> None:
    lines = invoice_lines(20)
    lines[17] = lines[2]
    with pytest.raises(ImportRejected) as refused:
        load(db, write(tmp_path, "a.csv", lines))
    assert [(e.line, e.column, e.key, e.params) for e in refused.value.errors] == [
        (19, "number", "csv.duplicate_key", {"first": 4})
    ]
    assert invoices(db) == {}


def test_an_unknown_customer_in_a_later_chunk_is_refused(db, customers, tmp_path) -> None:
    lines = invoice_lines(12)
    lines[10] = "F-010;C999;2026-12-01;100;\n"
    with pytest.raises(ImportRejected) as refused:
        load(db, write(tmp_path, "a.csv", lines))
    assert [(e.line, e.key) for e in refused.value.errors] == [(12, "csv.unknown_customer")]
    assert invoices(db) == {}


def test_a_file_of_many_bad_lines_lists_the_first_200_and_counts_the_rest(
    db, customers, tmp_path
) -> None:
    lines = [line.replace(";x;x", ";x;") for line in invoice_lines(260, amount="x")]
    with pytest.raises(ImportRejected) as refused:
        load(db, write(tmp_path, "a.csv", lines))
    rejected = refused.value
    assert [e.line for e in rejected.errors] == list(range(2, 202))
    assert (rejected.more, rejected.rows) == (60, 260)
    words = rejected.lines("es")
    assert words[0].startswith("Archivo rechazado: 260 errores.")
    assert words[-1] == "… y 60 errores más (se muestran los primeros 200, por línea)."
    assert rejected.lines("en")[-1] == "… and 60 more errors (the first 200 are shown, by line)."


def test_a_credit_is_taken_from_new_invoices_spread_over_chunks(db, customers, tmp_path) -> None:
    with db() as s, s.begin():
        s.execute(
            Customer.__table__.update()
            .where(Customer.external_id == "C001")
            .values(credit=Decimal("150"))
        )
    report = load(db, write(tmp_path, "a.csv", invoice_lines(9)))
    found = invoices(db)
    # C001's invoices are F-001, F-004 and F-007, due on the 2nd, 5th and 8th.
    assert (found["F-001"][1], found["F-004"][1], found["F-007"][1]) == (
        Decimal("0.00"),
        Decimal("50.00"),
        Decimal("100.00"),
    )
    assert [(c.customer, c.amount) for c in report.credit_applied] == [("Dos", Decimal("150"))]
    again = load(db, write(tmp_path, "a.csv", invoice_lines(9)))
    assert (again.created, again.updated, again.unchanged) == (0, 0, 9)


def test_a_customer_over_rows_in_different_chunks_is_merged_and_checked(db, tmp_path) -> None:
    add_team_member(db, actor_id=None, reference="U0ANA", role=Role.COLLECTOR, name="Ana")
    rows = [f"C{n:03d},Cliente {n},U0ANA,\n" for n in range(10)]
    rows.insert(8, "C001,Cliente 1,,Pedro Ruiz\n")
    path = tmp_path / "c.csv"
    path.write_text("id,name,collector,contact_name\n" + "".join(rows), encoding="utf-8")
    report = import_customers(db, path, chunk_size=2)
    assert (report.created, report.updated, report.unchanged) == (10, 0, 0)
    with db() as s:
        contact = s.execute(select(Contact.name, Customer.external_id).join(Customer)).one()
    assert tuple(contact) == ("Pedro Ruiz", "C001")
    rows.append("C004,Otro nombre,,\n")
    path.write_text("id,name,collector,contact_name\n" + "".join(rows), encoding="utf-8")
    with pytest.raises(ImportRejected) as refused:
        import_customers(db, path, chunk_size=2)
    assert {(e.line, e.key) for e in refused.value.errors} == {(13, "csv.conflicting_row")}
    assert "name" in {e.column for e in refused.value.errors}


def test_orphans_are_told_in_the_files_order_across_chunks(db, tmp_path) -> None:
    path = tmp_path / "c.csv"
    path.write_text("id,name\nZ9,Zeta\nA1,Alfa\nM5,Eme\n", encoding="utf-8")
    report = import_customers(db, path, unassigned_ok=True, chunk_size=1)
    assert report.orphans == ("Z9", "A1", "M5")


def test_a_workbook_streams_in_chunks_with_excels_lines(db, customers, tmp_path) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Factura", "Cliente", "Vencimiento", "Importe"])
    for n in range(10):
        sheet.append([f"F-{n}", "C001", date(2026, 12, 1), 10.5 + n])
    sheet.append(["F-10", "C001", "ayer no", 1])
    path = tmp_path / "cartera.xlsx"
    book.save(path)
    with pytest.raises(ImportRejected) as refused:
        load(db, path, options=ReadOptions())
    assert [(e.line, e.column, e.letter) for e in refused.value.errors] == [
        (12, "Vencimiento", "C")
    ]
    book.active.delete_rows(12)  # type: ignore[union-attr]
    book.save(path)
    assert load(db, path).created == 10
    assert invoices(db)["F-9"] == (Decimal("19.50"), Decimal("19.50"))


@pytest.mark.parametrize(
    ("found", "kept", "more"),
    [
        ([5, 3, 9, 1], [1, 3, 5], 1),
        ([2, 2, 2, 1], [1, 2, 2], 1),
        ([7], [7], 0),
    ],
)
def test_the_errors_kept_are_the_first_by_line(found, kept, more) -> None:
    errors = Errors(shown=3)
    for line in found:
        errors.add(CellError(line, "amount", "csv.invalid", {}))
    assert ([e.line for e in errors.kept], errors.more, errors.rows) == (
        kept,
        more,
        len(set(found)),
    )


def test_customers_imported_in_chunks_are_found_by_id_and_by_name(
    db: sessionmaker[Session], tmp_path: Path
) -> None:
    """The staged customer write bypasses the model: it must fold what search reads."""
    from bot.customers.service import find_customers

    add_team_member(db, actor_id=None, reference="U0ANA", role=Role.COLLECTOR, name="Ana")
    rows = "".join(f"C-{n:03d},Ferretería Número {n},U0ANA\n" for n in range(7))
    path = tmp_path / "clientes.csv"
    path.write_text("id,name,collector\n" + rows, encoding="utf-8")
    import_customers(db, path, chunk_size=3)
    assert [c.name for c in find_customers(db, " c - 005 ")] == ["Ferretería Número 5"]
    assert [c.name for c in find_customers(db, "ferreteria numero 6")] == ["Ferretería Número 6"]


def test_a_phone_without_a_contact_name_is_kept_under_the_customers_name(
    db: sessionmaker[Session], tmp_path: Path
) -> None:
    """Contacts are kept by name: a phone with nobody's name was dropped without a word."""
    add_team_member(db, actor_id=None, reference="U0ANA", role=Role.COLLECTOR, name="Ana")
    path = tmp_path / "clientes.csv"
    path.write_text(
        "id,name,collector,contact_phone,contact_email\n"
        "C-1,Uno,U0ANA,,\nC-2,Dos,U0ANA,+52 55 2951 6234,pagos@dos.mx\n",
        encoding="utf-8",
    )
    import_customers(db, path)
    with db() as s:
        rows = s.execute(select(Contact.name, Contact.phone, Contact.email)).all()
    assert rows == [("Dos", "+525529516234", "pagos@dos.mx")]
