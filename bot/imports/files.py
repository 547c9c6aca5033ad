"""Reading the files people export from spreadsheets and ERPs into rows of cells.

CSV in UTF-8 (with or without BOM), UTF-16 (what Excel's "Unicode text" writes) or
Windows-1252/Latin-1 (Excel's plain "CSV" in Spanish), told apart by their BOM, by strict
UTF-8, and otherwise by charset-normalizer; delimited by commas, semicolons or tabs. Or an
.xlsx workbook, read with openpyxl in read-only mode, whose cells come typed (real dates
and numbers). Each row keeps its line as an editor or Excel numbers it, so that errors can
point at it. Nothing here knows what the columns mean.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from charset_normalizer import from_bytes

from bot.core.errors import CellError, ImportRejected
from bot.imports.values import Cell

if TYPE_CHECKING:
    from _csv import Reader

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm")


@dataclass(frozen=True)
class Row:
    line: int
    cells: tuple[Cell, ...]


@dataclass(frozen=True)
class Table:
    """A file's header and rows, and how it was read: the encoding and the delimiter of a
    CSV, or the workbook's sheet."""

    header: tuple[str, ...]
    rows: list[Row]
    encoding: str | None = None
    delimiter: str | None = None
    sheet: str | None = None


def read_table(path: Path, *, sheet: str | None = None) -> Table:
    """The rows of the CSV or workbook at `path`; a file that cannot be read is refused
    with the line that could not be."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise ImportRejected(
            [CellError(0, "", "csv.unreadable", {"reason": reason})], path=str(path)
        ) from None
    if path.suffix.lower() in WORKBOOK_SUFFIXES or raw.startswith(b"PK\x03\x04"):
        return read_workbook(raw, sheet=sheet, path=str(path))
    text, encoding = decode(raw, path=str(path))
    return parse_csv_text(text, encoding=encoding, path=str(path))


# ------------------------------------------------------------------ encodings

_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xf4][\x80-\xbf]+")
_LABELS = {"utf_8": "UTF-8", "cp1252": "Windows-1252", "latin_1": "Latin-1"}
_LABELS |= {"utf_16": "UTF-16", "utf_16_le": "UTF-16", "utf_16_be": "UTF-16"}


def decode(raw: bytes, *, path: str = "") -> tuple[str, str]:
    """The file's text and the name of its encoding. Undecodable bytes are refused by line:
    never replaced by a guess."""
    if raw.startswith(codecs.BOM_UTF8):
        return _strict(raw[3:], "utf_8", path), "UTF-8 (BOM)"
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _strict(raw, "utf_16", path), "UTF-16"
    try:
        return raw.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        pass
    if _UTF8_MULTIBYTE.search(raw) and b"\x00" not in raw:
        # Valid UTF-8 accents beside invalid bytes: two encodings in one file.
        raise ImportRejected(_bad_lines(raw, "utf_8", "csv.mixed_encoding"), path=path)
    best = from_bytes(
        raw, cp_isolation=["utf_16_le", "utf_16_be", "cp1252", "latin_1"], explain=False
    ).best()
    if best is None:
        raise ImportRejected(_bad_lines(raw, "utf_8", "csv.undecodable"), path=path)
    encoding = best.encoding
    return _strict(raw, encoding, path), _LABELS.get(encoding, encoding)


def _strict(raw: bytes, encoding: str, path: str) -> str:
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError:
        raise ImportRejected(_bad_lines(raw, encoding, "csv.undecodable"), path=path) from None


def _bad_lines(raw: bytes, encoding: str, key: str) -> list[CellError]:
    """Each line whose bytes `encoding` cannot read."""
    errors = []
    for number, line in enumerate(raw.split(b"\n"), start=1):
        try:
            line.decode(encoding)
        except UnicodeDecodeError as exc:
            sample = line[max(0, exc.start - 8) : exc.end + 8].decode(encoding, "replace")
            errors.append(CellError(number, "", key, {"sample": sample.strip()}))
    return errors or [CellError(1, "", key, {"sample": ""})]


# ------------------------------------------------------------------ CSV

_DELIMITERS = (";", ",", "\t")


def parse_csv_text(text: str, *, encoding: str = "UTF-8", path: str = "") -> Table:
    """Rows of a CSV text; the delimiter is the one the header line uses most."""
    text = text.removeprefix("\ufeff")
    first_line = text.split("\n", 1)[0]
    if not first_line.strip():
        raise ImportRejected([CellError(1, "", "csv.empty", {})], path=path)
    delimiter = max(_DELIMITERS, key=first_line.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    header = tuple(cell.strip() for cell in next(reader))
    rows = list(_csv_rows(reader))
    return Table(header=header, rows=rows, encoding=encoding, delimiter=delimiter)


def _csv_rows(reader: Reader) -> Iterator[Row]:
    line = 1
    for cells in reader:
        line_of_row = line + 1
        line = reader.line_num
        if any(cell.strip() for cell in cells):
            yield Row(line_of_row, tuple(cells))


# ------------------------------------------------------------------ workbooks


def read_workbook(raw: bytes, *, sheet: str | None, path: str = "") -> Table:
    """The first sheet (or `sheet`) of an .xlsx; rows numbered as Excel shows them, the
    header being the first row with anything in it."""
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
    except Exception as exc:  # a zip that is not a workbook, a damaged file
        reason = f"{type(exc).__name__}: {exc}"
        error = CellError(0, "", "xlsx.unreadable", {"reason": reason})
        raise ImportRejected([error], path=path) from None
    try:
        if sheet is not None and sheet not in book.sheetnames:
            sheets = ", ".join(book.sheetnames)
            error = CellError(0, "", "xlsx.no_sheet", {"sheet": sheet, "sheets": sheets})
            raise ImportRejected([error], path=path)
        chosen = book[sheet] if sheet is not None else book.worksheets[0]
        rows = _sheet_rows(chosen.iter_rows(values_only=True))
        header_row = next(rows, None)
        if header_row is None:
            raise ImportRejected([CellError(1, "", "csv.empty", {})], path=path)
        header = tuple("" if c is None else str(c).strip() for c in header_row.cells)
        return Table(header=header, rows=list(rows), sheet=chosen.title)
    finally:
        book.close()


def _sheet_rows(values: Iterable[tuple[object, ...]]) -> Iterator[Row]:
    for number, cells in enumerate(values, start=1):
        if any(c is not None and (not isinstance(c, str) or c.strip()) for c in cells):
            yield Row(number, tuple(_cell(c) for c in cells))


def _cell(value: object) -> Cell:
    if value is None or isinstance(value, str | int | float | bool):
        return value
    from datetime import date, datetime, time

    if isinstance(value, datetime | date):
        return value
    if isinstance(value, time):
        return value.isoformat()
    return str(value)
