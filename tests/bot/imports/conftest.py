"""The issue's exports, as teams really have them: the Windows-1252 semicolon CSVs under
tests/fixtures/imports (committed byte for byte), and the same data re-saved by Excel as a
UTF-16 "Unicode text" file and as an .xlsx workbook with typed cells, generated here."""

from __future__ import annotations

import csv
import io
from datetime import datetime
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy.orm import Session, sessionmaker

from bot.core.vocabulary import Role
from bot.team.service import add_team_member

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "imports"
DATE_COLUMNS = {"Emisión", "Vencimiento", "Fecha"}
AMOUNT_COLUMNS = {"Importe", "Saldo"}


def rows_of(name: str) -> list[list[str]]:
    text = (FIXTURES / name).read_bytes().decode("cp1252")
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))


def as_utf16(name: str, folder: Path) -> Path:
    """What Excel writes as "Texto Unicode": UTF-16 LE with a BOM, tabs, CRLF."""
    out = io.StringIO(newline="")
    csv.writer(out, delimiter="\t", lineterminator="\r\n").writerows(rows_of(name))
    path = folder / name.replace(".csv", ".txt")
    path.write_bytes(out.getvalue().encode("utf-16"))
    return path


def as_xlsx(name: str, folder: Path, *, sheet: str = "Hoja1", blank_rows: int = 0) -> Path:
    """The same rows in a workbook, typed as Excel keeps them: dates are dates, amounts
    are numbers. `blank_rows` empty rows above the header move every line down."""
    header, *rows = rows_of(name)
    book = Workbook()
    first = book.active
    assert first is not None
    first.title = sheet
    for _ in range(blank_rows):
        first.append([])
    first.append(header)
    for row in rows:
        first.append([_typed(column, cell) for column, cell in zip(header, row, strict=False)])
    path = folder / name.replace(".csv", ".xlsx")
    book.save(path)
    return path


def _typed(column: str, cell: str) -> object:
    if not cell:
        return None
    if column in DATE_COLUMNS:
        return datetime.strptime(cell, "%d/%m/%y" if len(cell) == 8 else "%d/%m/%Y")
    if column in AMOUNT_COLUMNS:
        return float(cell.replace(".", "").replace(",", "."))
    return cell


@pytest.fixture
def team(db: sessionmaker[Session]) -> None:
    """Ana and Luis collect; Sara is the admin."""
    add_team_member(db, actor_id=None, reference="U0ANA", role=Role.COLLECTOR, name="Ana")
    add_team_member(db, actor_id=None, reference="U0LUIS", role=Role.COLLECTOR, name="Luis")
    add_team_member(db, actor_id=None, reference="U0SARA", role=Role.ADMIN, name="Sara")
