"""Engines and sessions, tuned per database.

SQLite: foreign keys on, WAL so readers do not block the writer, a busy timeout instead of
"database is locked". PostgreSQL: `pool_pre_ping` so a connection the server dropped is
replaced instead of failing the next request.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Engine, Integer, any_, bindparam, create_engine, event
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import Session, sessionmaker


def make_engine(url: str, **kwargs: Any) -> Engine:
    """Bound parameters never reach an error message or a log (they hold excuses, names
    and amounts)."""
    kwargs.setdefault("hide_parameters", True)
    if url.startswith("sqlite"):
        engine = create_engine(
            url, connect_args={"check_same_thread": False, "timeout": 30}, **kwargs
        )

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
            cursor.close()

        return engine
    kwargs.setdefault("pool_pre_ping", True)
    kwargs.setdefault("pool_size", 10)
    kwargs.setdefault("max_overflow", 10)
    return create_engine(url, **kwargs)


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


@contextmanager
def transaction(factory: sessionmaker[Session]) -> Iterator[Session]:
    """One unit of work: commit when the block ends, roll back if it raises."""
    with factory() as session, session.begin():
        yield session


def in_ids(session: Session, column: Any, ids: Any) -> Any:
    """`column IN ids`, where ids is a list or a subquery. On PostgreSQL a list travels as
    one array parameter (`= ANY(:ids)`): hundreds of separate binds cost more to build and
    parse than the query takes to run."""
    if isinstance(ids, list) and session.get_bind().dialect.name == "postgresql":
        return column == any_(bindparam(None, value=ids, type_=ARRAY(Integer)))
    return column.in_(ids)
