"""The fair pool behind the acks: users take turns, one job of a user at a time, and a
second job of a kind already on its way is refused."""

from __future__ import annotations

import threading

from handlers.work import FairPool
from tests.waiting import wait_until


def test_another_users_job_runs_before_the_rest_of_a_burst() -> None:
    pool = FairPool(workers=1)
    release = threading.Event()
    order: list[str] = []
    done = threading.Event()

    def first() -> None:
        release.wait(5)
        order.append("ana-1")

    pool.submit("ana", first)
    for n in range(2, 6):
        pool.submit("ana", lambda n=n: order.append(f"ana-{n}"))
    pool.submit("bea", lambda: order.append("bea-1"))
    pool.submit("bea", done.set)
    release.set()
    assert done.wait(5)
    pool.shutdown()
    assert order[:3] == ["ana-1", "bea-1", "ana-2"], order
    assert sorted(order) == sorted([*(f"ana-{n}" for n in range(1, 6)), "bea-1"])


def test_one_user_never_runs_two_jobs_at_once() -> None:
    pool = FairPool(workers=4)
    running = 0
    most = 0
    lock = threading.Lock()
    finished = threading.Semaphore(0)

    def job() -> None:
        nonlocal running, most
        with lock:
            running += 1
            most = max(most, running)
        threading.Event().wait(0.01)
        with lock:
            running -= 1
        finished.release()

    for _ in range(10):
        pool.submit("ana", job)
    for _ in range(10):
        assert finished.acquire(timeout=5)
    pool.shutdown()
    assert most == 1


def test_a_second_report_while_one_is_on_its_way_is_refused_then_accepted_again() -> None:
    pool = FairPool(workers=2)
    release = threading.Event()
    finished = threading.Event()

    def report() -> None:
        release.wait(5)
        finished.set()

    assert pool.submit("ana", report, kind="report")
    assert pool.busy("ana", "report")
    assert pool.submit("ana", lambda: None, kind="report") is False
    assert pool.submit("bea", lambda: None, kind="report") is True  # someone else's
    release.set()
    assert finished.wait(5)
    pool.shutdown()
    assert pool.busy("ana", "report") is False
    assert pool.submit("ana", lambda: None, kind="report") is False  # shut down: refused


def test_a_failing_job_does_not_stop_the_pool() -> None:
    pool = FairPool(workers=1)
    done = threading.Event()

    def fails() -> None:
        raise RuntimeError("boom")

    pool.submit("ana", fails)
    pool.submit("ana", done.set)
    assert done.wait(5)
    pool.shutdown()


def test_no_new_job_starts_while_urgent_work_runs_then_it_does() -> None:
    """A modal submission stored inside its ack goes first: the workers wait for it."""
    pool = FairPool(workers=2, urgent_wait=30)
    ran = threading.Event()
    with pool.urgent():
        pool.submit("ana", ran.set)
        wait_until(lambda: pool.giving_way == 2, what="both workers giving way")
        assert not ran.is_set()
    assert ran.wait(5)
    pool.shutdown()


def test_a_running_job_gives_way_at_its_pause_point() -> None:
    pool = FairPool(workers=1, urgent_wait=30)
    steps: list[str] = []
    started, done = threading.Event(), threading.Event()
    go = threading.Event()

    def job() -> None:
        started.set()
        go.wait(5)
        pool.pause_point()  # what the engine's statement hook calls
        steps.append("after the pause")
        done.set()

    pool.submit("ana", job)
    assert started.wait(5)
    with pool.urgent():
        go.set()
        wait_until(lambda: pool.giving_way == 1, what="the job waiting at its pause point")
        steps.append("urgent done")
    assert done.wait(5)
    pool.shutdown()
    assert steps == ["urgent done", "after the pause"]


def test_urgent_work_that_never_ends_delays_the_answers_only_for_a_while() -> None:
    pool = FairPool(workers=1, urgent_wait=0.05)
    ran = threading.Event()
    with pool.urgent():
        pool.submit("ana", ran.set)
        assert ran.wait(5)
        pool.pause_point()  # outside the pool's threads: returns at once
    pool.shutdown()
