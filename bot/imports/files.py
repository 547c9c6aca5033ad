"""Reading the CSV files people export from spreadsheets and ERPs.

UTF-8 with or without BOM, comma or semicolon (Excel in Spanish writes semicolons), header
names compared without case or accents. Each row keeps the line number an editor would show,
so errors can point at it.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from bot.core.errors import CellError, ImportRejected
from bot.core.text import fold

if TYPE_CHECKING:
    from _csv import Reader


@dataclass(frozen=True)
class CsvRow:
    line: int
    values: dict[str, str]


@dataclass(frozen=True)
class CsvFile:
    columns: list[str]
    rows: list[CsvRow]


def read_csv(path: Path, *, required: tuple[str, ...], known: tuple[str, ...]) -> CsvFile:
    """The rows of `path` with normalised column names; rejects bad headers at line 1."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ImportRejected(
            [CellError(0, "", "csv.unreadable", {"reason": exc.strerror or str(exc)})],
            path=str(path),
        ) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise ImportRejected([CellError(line, "", "csv.not_utf8", {})], path=str(path)) from None
    return parse_csv_text(text, required=required, known=known, path=str(path))


def parse_csv_text(
    text: str, *, required: tuple[str, ...], known: tuple[str, ...], path: str = ""
) -> CsvFile:
    first_line = text.split("\n", 1)[0]
    if not first_line.strip():
        raise ImportRejected([CellError(1, "", "csv.empty", {})], path=path)
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    header = [fold(name).replace(" ", "_") for name in next(reader)]
    errors = [
        CellError(1, name, "csv.missing_column", {"expected": ", ".join(required)})
        for name in required
        if name not in header
    ]
    errors += [
        CellError(1, name, "csv.unknown_column", {"expected": ", ".join(known)})
        for name in header
        if name and name not in known
    ]
    seen: set[str] = set()
    for name in header:
        if name in seen:
            errors.append(CellError(1, name, "csv.duplicate_column", {}))
        seen.add(name)
    if errors:
        raise ImportRejected(errors, path=path)
    return CsvFile(columns=header, rows=list(_rows(reader, header)))


def _rows(reader: Reader, header: list[str]) -> Iterator[CsvRow]:
    line = 1
    for cells in reader:
        line_of_row = line + 1
        line = reader.line_num
        if not any(cell.strip() for cell in cells):
            continue
        values = {
            name: (cells[i].strip() if i < len(cells) else "") for i, name in enumerate(header)
        }
        if len(cells) > len(header) and any(c.strip() for c in cells[len(header) :]):
            values["__extra__"] = "1"
        yield CsvRow(line=line_of_row, values=values)
