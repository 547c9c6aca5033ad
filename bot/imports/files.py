"""Reading the files people export from spreadsheets and ERPs into rows of cells.

CSV in UTF-8 (with or without BOM), UTF-16 (what Excel's "Unicode text" writes) or
Windows-1252/Latin-1 (Excel's plain "CSV" in Spanish), told apart by their BOM, by strict
UTF-8, and otherwise by charset-normalizer; delimited by commas, semicolons or tabs. Or an
.xlsx workbook, read with openpyxl in read-only mode, whose cells come typed (real dates
and numbers). Each row keeps its line as an editor or Excel numbers it, so that errors can
point at it. Nothing here knows what the columns mean.

A file is streamed, never held whole: `open_table` reads the header and how the file is
written, and its `rows` are read anew each time they are iterated, one row at a time (a
CSV through a strict incremental decoder, a workbook through openpyxl's read-only reader),
so 2,000,000 invoices take the memory of one row. Telling the encoding apart reads the
bytes once before (a line that no encoding reads is refused then, by its number).
"""

from __future__ import annotations

import codecs
import csv
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from charset_normalizer import from_bytes

from bot.core.errors import CellError, ImportRejected
from bot.imports.values import Cell

if TYPE_CHECKING:
    from _csv import Reader

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm")
_BLOCK = 1 << 20  # bytes read at a time when the encoding is told apart
_SAMPLE = 8 << 20  # what charset-normalizer sees of a file that is not UTF-8
SHOWN_ERRORS = 200  # bad cells kept to be listed; the rest are counted


@dataclass(frozen=True)
class Row:
    line: int
    cells: tuple[Cell, ...]


class Rows:
    """A file's rows, read from the file each time they are iterated (never held)."""

    def __init__(self, produce: Callable[[], Iterator[Row]]) -> None:
        self._produce = produce

    def __iter__(self) -> Iterator[Row]:
        return self._produce()


@dataclass(frozen=True)
class Table:
    """A file's header and rows, and how it was read: the encoding and the delimiter of a
    CSV, or the workbook's sheet. `rows` is a list (`read_table`) or streamed (`open_table`)."""

    header: tuple[str, ...]
    rows: Iterable[Row]
    encoding: str | None = None
    delimiter: str | None = None
    sheet: str | None = None


def read_table(path: Path, *, sheet: str | None = None) -> Table:
    """The whole table at `path`, its rows in a list (small files, and tests)."""
    table = open_table(path, sheet=sheet)
    return Table(table.header, list(table.rows), table.encoding, table.delimiter, table.sheet)


def open_table(path: Path, *, sheet: str | None = None) -> Table:
    """The header of the CSV or workbook at `path` and its rows, streamed; a file that
    cannot be read is refused with the line that could not be."""
    try:
        with path.open("rb") as handle:
            start = handle.read(4)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise ImportRejected(
            [CellError(0, "", "csv.unreadable", {"reason": reason})], path=str(path)
        ) from None
    if path.suffix.lower() in WORKBOOK_SUFFIXES or start.startswith(b"PK\x03\x04"):
        return open_workbook(path, sheet=sheet)
    codec, encoding = detect(path)
    return open_csv(path, codec=codec, encoding=encoding)


# ------------------------------------------------------------------ encodings

_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xf4][\x80-\xbf]+")
_LABELS = {"utf_8": "UTF-8", "cp1252": "Windows-1252", "latin_1": "Latin-1"}
_LABELS |= {"utf_16": "UTF-16", "utf_16_le": "UTF-16", "utf_16_be": "UTF-16"}


def decode(raw: bytes, *, path: str = "") -> tuple[str, str]:
    """The text of `raw` and the name of its encoding. Undecodable bytes are refused by line:
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
        raise ImportRejected(_bad_lines(raw.split(b"\n"), "utf_8", "csv.mixed_encoding"), path=path)
    encoding = _normalizer(raw, path, raw.split(b"\n"))
    return _strict(raw, encoding, path), _LABELS.get(encoding, encoding)


def detect(path: Path) -> tuple[str, str]:
    """The codec that reads the file at `path` and the name it is told by, from one pass
    over its bytes a block at a time: the BOM, strict UTF-8, else charset-normalizer on the
    file's first megabytes. The same answers as `decode` gives for the whole file."""
    with path.open("rb") as handle:
        start = handle.read(4)
        if start.startswith(codecs.BOM_UTF8):
            return "utf_8_sig", "UTF-8 (BOM)"
        if start.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            return "utf_16", "UTF-16"
        handle.seek(0)
        utf8, multibyte, nul = True, False, False
        while block := handle.read(_BLOCK):
            block += handle.readline()  # whole lines, so no character is cut in two
            if utf8:
                try:
                    block.decode("utf-8")
                except UnicodeDecodeError:
                    utf8 = False
            multibyte = multibyte or _UTF8_MULTIBYTE.search(block) is not None
            nul = nul or b"\x00" in block
        if utf8:
            return "utf_8", "UTF-8"
        if multibyte and not nul:
            # Valid UTF-8 accents beside invalid bytes: two encodings in one file.
            handle.seek(0)
            raise ImportRejected(_bad_lines(handle, "utf_8", "csv.mixed_encoding"), path=str(path))
        handle.seek(0)
        sample = handle.read(_SAMPLE)
        if len(sample) == _SAMPLE:
            sample = sample[: sample.rfind(b"\n") + 1] or sample
        handle.seek(0)
        encoding = _normalizer(sample, str(path), handle)
    return encoding, _LABELS.get(encoding, encoding)


def _normalizer(sample: bytes, path: str, lines: Iterable[bytes]) -> str:
    best = from_bytes(
        sample, cp_isolation=["utf_16_le", "utf_16_be", "cp1252", "latin_1"], explain=False
    ).best()
    if best is None:
        raise ImportRejected(_bad_lines(lines, "utf_8", "csv.undecodable"), path=path)
    return str(best.encoding)


def _strict(raw: bytes, encoding: str, path: str) -> str:
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError:
        lines = raw.split(b"\n")
        raise ImportRejected(_bad_lines(lines, encoding, "csv.undecodable"), path=path) from None


def _bad_lines(lines: Iterable[bytes], encoding: str, key: str) -> list[CellError]:
    """Each line whose bytes `encoding` cannot read (the first SHOWN_ERRORS of them)."""
    errors = []
    for number, line in enumerate(lines, start=1):
        try:
            line.decode(encoding)
        except UnicodeDecodeError as exc:
            sample = line[max(0, exc.start - 8) : exc.end + 8].decode(encoding, "replace")
            errors.append(CellError(number, "", key, {"sample": sample.strip()}))
            if len(errors) == SHOWN_ERRORS:
                break
    return errors or [CellError(1, "", key, {"sample": ""})]


# ------------------------------------------------------------------ CSV

_DELIMITERS = (";", ",", "\t")


def open_csv(path: Path, *, codec: str, encoding: str) -> Table:
    """A CSV's header now, its rows streamed through a strict decoder: a line the codec
    cannot read, met on the way, refuses the file by its number."""

    def opened() -> IO[str]:
        return path.open(encoding=codec, errors="strict", newline="")

    def rows() -> Iterator[Row]:
        with opened() as handle:
            try:
                reader = csv.reader(handle, delimiter=delimiter)
                next(reader, None)
                yield from _csv_rows(reader)
            except UnicodeDecodeError:
                pass
            else:
                return
        with path.open("rb") as raw:
            raise ImportRejected(_bad_lines(raw, codec, "csv.undecodable"), path=str(path))

    try:
        with opened() as handle:
            first_line = handle.readline().removeprefix("\ufeff")
            handle.seek(0)
            delimiter = _delimiter(first_line, str(path))
            header_cells = next(csv.reader(handle, delimiter=delimiter))
    except UnicodeDecodeError:
        with path.open("rb") as raw:
            raise ImportRejected(
                _bad_lines(raw, codec, "csv.undecodable"), path=str(path)
            ) from None
    header = tuple(cell.strip().removeprefix("\ufeff") for cell in header_cells)
    return Table(header=header, rows=Rows(rows), encoding=encoding, delimiter=delimiter)


def _delimiter(first_line: str, path: str) -> str:
    if not first_line.strip():
        raise ImportRejected([CellError(1, "", "csv.empty", {})], path=path)
    return max(_DELIMITERS, key=first_line.count)


def _csv_rows(reader: Reader) -> Iterator[Row]:
    line = 1
    for cells in reader:
        line_of_row = line + 1
        line = reader.line_num
        if any(cell.strip() for cell in cells):
            yield Row(line_of_row, tuple(cells))


# ------------------------------------------------------------------ workbooks


def open_workbook(path: Path, *, sheet: str | None) -> Table:
    """The first sheet (or `sheet`) of an .xlsx: its header now, its rows streamed by
    openpyxl's read-only reader; rows numbered as Excel shows them, the header being the
    first row with anything in it."""
    with _workbook(path, sheet, str(path)) as (_, chosen):
        rows = _sheet_rows(chosen.iter_rows(values_only=True))
        header_row = next(rows, None)
        header = _header(header_row, str(path))
        title = chosen.title
    assert header_row is not None

    def streamed() -> Iterator[Row]:
        with _workbook(path, title, str(path)) as (_, again):
            for row in _sheet_rows(again.iter_rows(values_only=True)):
                if row.line > header_row.line:
                    yield row

    return Table(header=header, rows=Rows(streamed), sheet=title)


class _workbook:
    """An open read-only workbook and its chosen sheet, closed on leaving."""

    def __init__(self, source: Path | IO[bytes], sheet: str | None, path: str) -> None:
        self.source, self.sheet, self.path = source, sheet, path

    def __enter__(self) -> tuple[Any, Any]:
        from openpyxl import load_workbook

        try:
            self.book = load_workbook(self.source, read_only=True, data_only=True)
        except Exception as exc:  # a zip that is not a workbook, a damaged file
            reason = f"{type(exc).__name__}: {exc}"
            error = CellError(0, "", "xlsx.unreadable", {"reason": reason})
            raise ImportRejected([error], path=self.path) from None
        if self.sheet is not None and self.sheet not in self.book.sheetnames:
            sheets = ", ".join(self.book.sheetnames)
            self.book.close()
            error = CellError(0, "", "xlsx.no_sheet", {"sheet": self.sheet, "sheets": sheets})
            raise ImportRejected([error], path=self.path)
        chosen = self.book[self.sheet] if self.sheet is not None else self.book.worksheets[0]
        return self.book, chosen

    def __exit__(self, *_: object) -> None:
        self.book.close()


def _header(row: Row | None, path: str) -> tuple[str, ...]:
    if row is None:
        raise ImportRejected([CellError(1, "", "csv.empty", {})], path=path)
    return tuple("" if c is None else str(c).strip() for c in row.cells)


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
