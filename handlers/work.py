"""The work behind an ack: a small pool of threads, fair between users.

Slack wants every request acked within 3 s. Acks are cheap; the answers (an agenda, a
report, a customer card) are not. If the answers ran where the acks run, a burst of slow
answers would hold every thread and the next request's ack would queue behind them. So a
listener acks in Bolt's thread and hands its answer here.

Fairness: each user has a queue of their own, and the workers take users in turn, one job
of a user running at a time. One collector firing thirty reports delays only their own
answers; anyone else's next answer is the next job a worker takes. A job may also carry a
`kind`: while a user's job of that kind is waiting or running, another one of the same
kind is refused (`submit` returns False), so the listener can say "already on it" at once
instead of computing the same report twice.

The pool is small on purpose: the answers are Python-bound, so more threads than cores
add no throughput, only contention with the threads that ack.
"""

from __future__ import annotations

import logging
import threading
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field

log = logging.getLogger(__name__)

WORKERS = 4

Job = Callable[[], None]


@dataclass
class _Queue:
    jobs: deque[tuple[Job, str | None]] = field(default_factory=deque)
    kinds: set[str] = field(default_factory=set)
    running: bool = False


class FairPool:
    """Threads that run jobs, one user at a time each, users taken in turn."""

    def __init__(self, workers: int = WORKERS, *, name: str = "cobro-work") -> None:
        self._workers = workers
        self._name = name
        self._users: dict[str, _Queue] = {}
        self._turns: deque[str] = deque()  # users with a job waiting and none running
        self._cond = threading.Condition()
        self._threads: list[threading.Thread] = []
        self._closing = False
        self._busy = 0

    def submit(self, user: str, job: Job, *, kind: str | None = None) -> bool:
        """Queue `job` for `user`; False (and nothing queued) when the user already has a
        job of `kind` waiting or running, or when the pool is shutting down."""
        with self._cond:
            if self._closing:
                return False
            queue = self._users.setdefault(user, _Queue())
            if kind is not None:
                if kind in queue.kinds:
                    return False
                queue.kinds.add(kind)
            queue.jobs.append((job, kind))
            if not queue.running and len(queue.jobs) == 1:
                self._turns.append(user)
            self._start_threads()
            self._cond.notify()
            return True

    def busy(self, user: str, kind: str) -> bool:
        """Whether `user` has a job of `kind` waiting or running."""
        with self._cond:
            queue = self._users.get(user)
            return queue is not None and kind in queue.kinds

    def idle(self) -> bool:
        with self._cond:
            return not self._turns and self._busy == 0

    def shutdown(self, *, wait: bool = True, timeout: float = 30.0) -> None:
        """Take no more jobs; with `wait`, finish the ones queued (a clean stop)."""
        with self._cond:
            self._closing = True
            self._cond.notify_all()
        if wait:
            for thread in list(self._threads):
                thread.join(timeout)

    def _start_threads(self) -> None:
        while len(self._threads) < self._workers:
            thread = threading.Thread(
                target=self._work, name=f"{self._name}-{len(self._threads)}", daemon=True
            )
            self._threads.append(thread)
            thread.start()

    def _take(self) -> tuple[str, Job, str | None] | None:
        with self._cond:
            while not self._turns:
                if self._closing:
                    return None
                self._cond.wait()
            user = self._turns.popleft()
            queue = self._users[user]
            job, kind = queue.jobs.popleft()
            queue.running = True
            self._busy += 1
            return user, job, kind

    def _done(self, user: str, kind: str | None) -> None:
        with self._cond:
            self._busy -= 1
            queue = self._users[user]
            queue.running = False
            if kind is not None:
                queue.kinds.discard(kind)
            if queue.jobs:
                self._turns.append(user)  # the back of the line: others go first
                self._cond.notify()
            else:
                del self._users[user]

    def _work(self) -> None:
        while True:
            taken = self._take()
            if taken is None:
                return
            user, job, kind = taken
            try:
                job()
            except Exception:  # a job reports its own errors; this is the last resort
                log.exception("a job behind an ack failed")
            finally:
                self._done(user, kind)
