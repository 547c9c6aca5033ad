"""Reading the bytes teams have: each encoding told apart and named, undecodable lines
refused by number, CSV delimiters, workbooks with typed cells and Excel's row numbers."""

from __future__ import annotations

import codecs
from datetime import datetime
from pathlib import Path

import pytest
from openpyxl import Workbook

from bot.core.errors import ImportRejected
from bot.imports.files import decode, read_table

TEXT = "Cliente;Razón social\r\nC-1;Ferretería López\r\nC-2;Papelería Señorial\r\n"


@pytest.mark.parametrize(
    ("raw", "encoding"),
    [
        (TEXT.encode("utf-8"), "UTF-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "UTF-8 (BOM)"),
        (TEXT.encode("utf-16"), "UTF-16"),
        (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "UTF-16"),
        (TEXT.encode("cp1252"), "Windows-1252"),
        (("Cliente;Nombre\r\nC-1;Cobranza “Ágil” €\r\n" * 5).encode("cp1252"), "Windows-1252"),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16-le", "utf-16-be", "cp1252", "cp1252-quotes"],
)
def test_each_encoding_is_read_and_named(raw: bytes, encoding: str) -> None:
    text, found = decode(raw)
    assert found == encoding
    assert "Razón" in text or "Ágil" in text


def test_utf16_without_a_bom_is_detected() -> None:
    text, found = decode(
        ("Cliente\tRazón social\r\nC-1\tFerretería López\r\n" * 20).encode("utf-16-le")
    )
    assert (found, text.splitlines()[1]) == ("UTF-16", "C-1\tFerretería López")


def test_a_line_in_another_encoding_is_refused_by_number() -> None:
    raw = "id;name\nC-1;Ferretería López\n".encode() + "C-2;Papelería Señorial\n".encode("cp1252")
    with pytest.raises(ImportRejected) as caught:
        decode(raw)
    assert [(e.line, e.key) for e in caught.value.errors] == [(3, "csv.mixed_encoding")]
    assert "línea 3: esta línea no está en la misma codificación" in caught.value.lines("es")[1]


def test_bytes_no_encoding_reads_are_refused_by_line(tmp_path: Path) -> None:
    raw = b"id,name\nC-1,ok\nC-2,\x81\x8d\x8f\x90\x9d\n"
    with pytest.raises(ImportRejected) as caught:
        decode(raw)
    assert [e.line for e in caught.value.errors] == [3]


@pytest.mark.parametrize(
    ("text", "delimiter"),
    [("a;b\n1;2\n", ";"), ("a,b\n1,2\n", ","), ("a\tb\n1\t2\n", "\t")],
)
def test_the_header_line_chooses_the_delimiter(tmp_path: Path, text: str, delimiter: str) -> None:
    path = tmp_path / "x.csv"
    path.write_text(text, encoding="utf-8")
    table = read_table(path)
    assert (table.header, table.delimiter, table.rows[0].cells) == (
        ("a", "b"),
        delimiter,
        ("1", "2"),
    )


def test_csv_lines_are_counted_as_an_editor_shows_them(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text('id,notes\nC-1,"two\nlines"\n\nC-2,x\n', encoding="utf-8")
    assert [row.line for row in read_table(path).rows] == [2, 5]


def test_a_workbook_gives_typed_cells_and_excels_row_numbers(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Facturas"
    sheet.append(["Reporte de cartera"])
    sheet.append([])
    sheet.append(["Factura", "Vencimiento", "Importe"])
    sheet.append(["F-1", datetime(2026, 11, 15), 1234.56])
    sheet.append([None, None, None])
    sheet.append([1001, "15/12/26", "1.500,00"])
    book.create_sheet("Otra").append(["x"])
    path = tmp_path / "cartera.xlsx"
    book.save(path)
    table = read_table(path)
    assert (table.sheet, table.header) == ("Facturas", ("Reporte de cartera", "", ""))
    assert [(r.line, r.cells) for r in table.rows] == [
        (3, ("Factura", "Vencimiento", "Importe")),
        (4, ("F-1", datetime(2026, 11, 15), 1234.56)),
        (6, (1001, "15/12/26", "1.500,00")),
    ]
    assert read_table(path, sheet="Otra").header == ("x",)


def test_a_file_named_xlsx_that_is_not_a_workbook_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "facturas.xlsx"
    path.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(ImportRejected) as caught:
        read_table(path)
    assert caught.value.errors[0].key == "xlsx.unreadable"
    assert caught.value.lines("es")[1].startswith("no es un libro de Excel (.xlsx) legible")


def test_a_missing_file_says_why(tmp_path: Path) -> None:
    with pytest.raises(ImportRejected) as caught:
        read_table(tmp_path / "nada.csv")
    assert caught.value.errors[0].key == "csv.unreadable"
