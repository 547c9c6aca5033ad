"""SQLite's writers queue in turn within a process instead of retrying in the busy handler:
every transaction still commits, in the order the writers came, and a writer that rolls
back or fails lets the next one in."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from sqlalchemy import Engine, text
from sqlalchemy.exc import IntegrityError

from models.db import WriterQueue, make_engine, writer_queue, writes_can_wait
from tests.waiting import wait_until


@pytest.fixture
def engine(tmp_path: Path) -> Engine:
    engine = make_engine(f"sqlite:///{tmp_path / 'writers.db'}", pool_size=30, max_overflow=0)
    with engine.begin() as connection:
        connection.execute(text("CREATE TABLE t (id INTEGER PRIMARY KEY, who TEXT UNIQUE)"))
    return engine


def _served(writers: list[tuple[str, bool]]) -> list[str]:
    """The writers (name, whether its writes can wait) lined up one after the other behind
    a held queue, then let in: the order they were served."""
    queue = WriterQueue()
    assert queue.acquire(timeout=1)
    served: list[str] = []

    def writer(name: str, patient: bool) -> None:
        if patient:
            writes_can_wait()
        assert queue.acquire(timeout=30)
        served.append(name)
        queue.release()

    threads = []
    for n, (name, patient) in enumerate(writers, start=1):
        thread = threading.Thread(target=writer, args=(name, patient))
        thread.start()
        threads.append(thread)

        def in_line(count: int = n) -> bool:
            return queue.waiting == count

        wait_until(in_line, what=f"{name} in line")
    queue.release()
    for thread in threads:
        thread.join(timeout=30)
    assert queue.acquire(timeout=1), "free again once everyone is done"
    return served


def test_the_queue_hands_the_lock_to_writers_in_the_order_they_came() -> None:
    assert _served([(name, False) for name in "bcde"]) == ["b", "c", "d", "e"]


def test_the_writers_that_can_wait_go_after_the_others_each_in_their_order() -> None:
    """Behind an ack (the pool's answers) a writer lets those inside an ack go first."""
    order = [("home 1", True), ("note 1", False), ("home 2", True), ("note 2", False)]
    assert _served(order) == ["note 1", "note 2", "home 1", "home 2"]


def test_a_writer_that_waited_too_long_leaves_the_line() -> None:
    queue = WriterQueue()
    assert queue.acquire(timeout=1)
    assert not queue.acquire(timeout=0.05)
    assert queue.waiting == 0

    def patient() -> None:
        writes_can_wait()
        assert not queue.acquire(timeout=0.05)

    thread = threading.Thread(target=patient)
    thread.start()
    thread.join(timeout=30)
    assert queue.waiting == 0
    queue.release()
    assert queue.acquire(timeout=1)


def test_twenty_writers_at_once_all_commit(engine: Engine) -> None:
    errors: list[BaseException] = []

    def write(n: int) -> None:
        try:
            with engine.begin() as connection:
                connection.execute(text("SELECT count(*) FROM t")).scalar()
                connection.execute(text("INSERT INTO t (who) VALUES (:who)"), {"who": f"w{n}"})
                connection.execute(text("UPDATE t SET who = who WHERE who = :who"), {"who": "x"})
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=write, args=(n,)) for n in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    with engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM t")).scalar() == 20


def test_a_failed_or_rolled_back_writer_lets_the_next_one_in(engine: Engine) -> None:
    with engine.begin() as connection:
        connection.execute(text("INSERT INTO t (who) VALUES ('ana')"))
    with pytest.raises(IntegrityError), engine.begin() as connection:
        connection.execute(text("INSERT INTO t (who) VALUES ('ana')"))
    with engine.connect() as connection:
        connection.execute(text("INSERT INTO t (who) VALUES ('luis')"))
        connection.rollback()
    done = threading.Event()

    def next_writer() -> None:
        with engine.begin() as connection:
            connection.execute(text("INSERT INTO t (who) VALUES ('bea')"))
        done.set()

    threading.Thread(target=next_writer).start()
    assert done.wait(timeout=10), "the next writer was kept waiting"
    with engine.connect() as connection:
        names = connection.execute(text("SELECT who FROM t ORDER BY id")).scalars().all()
    assert names == ["ana", "bea"]


@pytest.mark.parametrize("first_write", ["INSERT INTO t (who) VALUES ('luis')", "SAVEPOINT s1"])
def test_a_second_writer_waits_in_line_not_in_sqlites_busy_loop(
    engine: Engine, tmp_path: Path, first_write: str
) -> None:
    queue = writer_queue(str(tmp_path / "writers.db"))
    with engine.connect() as holder:
        holder.execute(text("INSERT INTO t (who) VALUES ('ana')"))  # holds the writer's turn
        done = threading.Event()

        def second() -> None:
            with engine.connect() as connection:
                connection.execute(text(first_write))
                connection.execute(text("INSERT INTO t (who) VALUES ('bea')"))
                connection.commit()
            done.set()

        threading.Thread(target=second).start()
        wait_until(lambda: queue.waiting == 1, what="the second writer in line")
        holder.commit()
    assert done.wait(timeout=10)
    assert queue.waiting == 0
