"""Engines and sessions, tuned per database.

SQLite: foreign keys on, WAL so readers do not block the writer, and one writer at a time
taken in turn: SQLite lets one transaction write, and pysqlite's busy handler makes the
others retry with growing sleeps (up to 100 ms each, whoever wakes first wins), so under a
burst twenty call notes stored at once took up to two seconds. Within a process, writers now
queue in order on a lock of their database before their first write and leave it when they
commit or roll back; the busy timeout (30 s) still covers other processes (`cobro jobs run`
beside `cobro run`). PostgreSQL: `pool_pre_ping` so a connection the server dropped is
replaced instead of failing the next request.
"""

from __future__ import annotations

import re
import sqlite3
import threading
from collections import deque
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Engine, Integer, any_, bindparam, create_engine, event, make_url
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import Session, sessionmaker


def make_engine(url: str, **kwargs: Any) -> Engine:
    """Bound parameters never reach an error message or a log (they hold excuses, names
    and amounts)."""
    kwargs.setdefault("hide_parameters", True)
    if url.startswith("sqlite"):
        connect_args: dict[str, Any] = {"check_same_thread": False, "timeout": BUSY_SECONDS}
        database = make_url(url).database
        if database and database != ":memory:" and not database.startswith("file:"):
            connect_args["factory"] = _queued_writers(database)
        engine = create_engine(url, connect_args=connect_args, **kwargs)

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


BUSY_SECONDS = 30
# The statements before which pysqlite opens a transaction (and SQLite takes the write lock),
# and SAVEPOINT, which opens one itself (`session.begin_nested()` as a use case's first write).
_WRITES = re.compile(r"\s*(INSERT|UPDATE|DELETE|REPLACE|SAVEPOINT)\b", re.IGNORECASE)


_LOCKS_ROWS = re.compile(r"\bFOR\s+(NO\s+KEY\s+)?UPDATE\b", re.IGNORECASE)


def holds_locks_after(sql: str) -> bool:
    """Whether a transaction that ran `sql` may hold a lock another writer waits for until
    it ends (a write, a savepoint, a row locked FOR UPDATE)."""
    return bool(_WRITES.match(sql) or _LOCKS_ROWS.search(sql))


_patience = threading.local()


def writes_can_wait() -> None:
    """This thread's writers queue behind every other writer (see WriterQueue): a thread
    that works behind an ack, whose answer has the response_url's half hour."""
    _patience.on = True


class WriterQueue:
    """One SQLite database's writers, first come first served: the lock passes straight to
    the longest waiter, so nobody sleeps while the database is free. The writers of the
    threads that work behind an ack (`writes_can_wait`: the answers, the Home's refresh)
    are served after the others (a modal submission, stored inside the ack Slack waits 3 s
    for), each line in its order: under a burst on SQLite, twenty Home refreshes after
    twenty calls otherwise held the lock between the submissions still being stored."""

    def __init__(self) -> None:
        self._mutex = threading.Lock()
        self._held = False
        self._waiting: deque[threading.Event] = deque()
        self._patient: deque[threading.Event] = deque()

    def acquire(self, timeout: float) -> bool:
        """False after `timeout` seconds: the writer then goes on and SQLite's own busy
        timeout decides, as without the queue."""
        line = self._patient if getattr(_patience, "on", False) else self._waiting
        with self._mutex:
            if not self._held:
                self._held = True
                return True
            turn = threading.Event()
            line.append(turn)
        if turn.wait(timeout):
            return True
        with self._mutex:
            if turn in line:
                line.remove(turn)
                return False
        return True  # handed over just as the wait ended

    @property
    def waiting(self) -> int:
        with self._mutex:
            return len(self._waiting) + len(self._patient)

    def release(self) -> None:
        with self._mutex:
            line = self._waiting or self._patient
            if line:
                line.popleft().set()  # still held: now by the next in line
            else:
                self._held = False


_queues: dict[str, WriterQueue] = {}
_queues_mutex = threading.Lock()


def writer_queue(database: str) -> WriterQueue:
    """The queue of the SQLite database at this path, one per process."""
    with _queues_mutex:
        return _queues.setdefault(database, WriterQueue())


def _queued_writers(database: str) -> type[sqlite3.Connection]:
    """A connection class whose transactions take `database`'s writer queue before their
    first write and give it back when they end."""
    queue = writer_queue(database)

    class QueuedCursor(sqlite3.Cursor):
        def execute(self, sql: str, parameters: Any = (), /) -> QueuedCursor:
            self.connection.before(sql)  # type: ignore[attr-defined]
            try:
                return super().execute(sql, parameters)
            finally:
                self.connection.after()  # type: ignore[attr-defined]

        def executemany(self, sql: str, seq_of_parameters: Any, /) -> QueuedCursor:
            self.connection.before(sql)  # type: ignore[attr-defined]
            try:
                return super().executemany(sql, seq_of_parameters)
            finally:
                self.connection.after()  # type: ignore[attr-defined]

    class QueuedConnection(sqlite3.Connection):
        holding = False

        def cursor(self, factory: Any = QueuedCursor) -> Any:
            return super().cursor(factory)

        def before(self, sql: str) -> None:
            if not self.holding and not self.in_transaction and _WRITES.match(sql):
                self.holding = queue.acquire(BUSY_SECONDS)

        def after(self) -> None:
            """A write that opened no transaction (or failed before it) holds nothing."""
            if self.holding and not self.in_transaction:
                self._leave()

        def commit(self) -> None:
            try:
                super().commit()
            finally:
                self.after()

        def rollback(self) -> None:
            try:
                super().rollback()
            finally:
                self.after()

        def close(self) -> None:
            try:
                super().close()
            finally:
                if self.holding:
                    self._leave()

        def _leave(self) -> None:
            self.holding = False
            queue.release()

    return QueuedConnection


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


@contextmanager
def transaction(factory: sessionmaker[Session]) -> Iterator[Session]:
    """One unit of work: commit when the block ends, roll back if it raises."""
    with factory() as session, session.begin():
        yield session


def ids_in(dialect: str, column: Any, name: str = "ids") -> Any:
    """`column IN :name`, a list bound at execution, for a statement built once
    (`Prebuilt`): one array parameter on PostgreSQL (`= ANY(:ids)`), an expanding IN on
    SQLite."""
    if dialect == "postgresql":
        return column == any_(bindparam(name, type_=ARRAY(Integer)))
    return column.in_(bindparam(name, expanding=True))


class Prebuilt:
    """A statement built once per database kind and executed with its parameters.

    On the hot paths (`/cobro hoy`, the Home tab, the due index's refresh) building a
    `select()` and its cache key again for every request cost about a third of a
    millisecond a statement, more than PostgreSQL took to run most of them."""

    def __init__(self, build: Callable[[str], Any]) -> None:
        self._build = build
        self._made: dict[str, Any] = {}
        self._mutex = threading.Lock()

    def __call__(self, session: Session) -> Any:
        dialect = session.get_bind().dialect.name
        made = self._made.get(dialect)
        if made is None:
            with self._mutex:
                made = self._made.setdefault(dialect, self._build(dialect))
        return made


def in_ids(session: Session, column: Any, ids: Any) -> Any:
    """`column IN ids`, where ids is a list or a subquery. On PostgreSQL a list travels as
    one array parameter (`= ANY(:ids)`): hundreds of separate binds cost more to build and
    parse than the query takes to run."""
    if isinstance(ids, list) and session.get_bind().dialect.name == "postgresql":
        return column == any_(bindparam(None, value=ids, type_=ARRAY(Integer)))
    return column.in_(ids)
