"""Rows written straight into a table as fast as each database takes them: COPY on
PostgreSQL, the driver's executemany on SQLite, with the values converted by the column
types as SQLAlchemy would (so what is stored is what the services would store) and the
columns' Python defaults filled in (timestamps)."""

from __future__ import annotations

import enum
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Any

from sqlalchemy import Connection, Table, text

BATCH = 10_000


def copy_rows(
    connection: Connection,
    table: Table,
    rows: Iterable[dict[str, Any]],
    *,
    left_empty: frozenset[str] | None = None,
) -> None:
    """Insert `rows` (dicts with the same keys) into `table`. With `left_empty`, columns
    neither given, nor defaulted, nor in it are named on the output, so that a column added
    later (a derived one would need filling by the caller) does not go unnoticed."""
    batches = _batches(iter(rows))
    first = next(batches, [])
    if not first:
        return
    given = list(first[0])
    defaults: dict[str, Any] = {}
    for column in table.columns:
        default = column.default
        if column.name in given or default is None:
            continue
        if default.is_scalar:
            defaults[column.name] = default.arg  # type: ignore[attr-defined]
        elif default.is_callable:
            defaults[column.name] = default.arg(None)  # type: ignore[attr-defined]
    columns = given + list(defaults)
    if left_empty is not None:
        quiet = {c.name for c in table.columns if c.primary_key or c.server_default is not None}
        unknown = set(table.columns.keys()) - set(columns) - left_empty - quiet
        if unknown:
            print(f"bench.bulk: {table.name}.{', '.join(sorted(unknown))} left empty")
    extra = list(defaults.values())
    if connection.dialect.name == "postgresql":
        _copy(connection, table, columns, extra, first, batches)
        return
    dialect = connection.dialect
    processors = [table.c[n].type.dialect_impl(dialect).bind_processor(dialect) for n in given]
    tail = [
        value if value is None or process is None else process(value)
        for value, process in zip(
            extra,
            [table.c[n].type.dialect_impl(dialect).bind_processor(dialect) for n in defaults],
            strict=True,
        )
    ]
    statement = (
        f"INSERT INTO {table.name} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
    )
    cursor = connection.connection.driver_connection.cursor()  # type: ignore[union-attr]
    for batch in (first, *batches):
        converted = []
        for row in batch:
            values = [row[name] for name in given]
            for n, process in enumerate(processors):
                if process is not None and values[n] is not None:
                    values[n] = process(values[n])
            converted.append(values + tail)
        cursor.executemany(statement, converted)


def _copy(
    connection: Connection,
    table: Table,
    columns: list[str],
    extra: list[Any],
    first: list[dict[str, Any]],
    batches: Iterator[list[dict[str, Any]]],
) -> None:
    given = columns[: len(columns) - len(extra)]
    cursor = connection.connection.driver_connection.cursor()  # type: ignore[union-attr]
    with cursor.copy(f"COPY {table.name} ({', '.join(columns)}) FROM STDIN") as copy:
        for batch in (first, *batches):
            for row in batch:
                copy.write_row([_plain(row[name]) for name in given] + [_plain(v) for v in extra])
    if "id" in columns:  # ids given: move the sequence past them
        connection.execute(
            text(
                f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                f"(SELECT max(id) FROM {table.name}))"
            )
        )


def _plain(value: Any) -> Any:
    """Enums are stored by their values (models.base)."""
    return value.value if isinstance(value, enum.Enum) else value


def _batches(rows: Iterator[dict[str, Any]]) -> Iterator[list[dict[str, Any]]]:
    while batch := list(islice(rows, BATCH)):
        yield batch


def table_of(model: Any) -> Table:
    """A mapped class's table, as a Table (what copy_rows reads its columns from)."""
    table = model.__table__
    assert isinstance(table, Table)
    return table
