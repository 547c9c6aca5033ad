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

Urgent first: a modal submission is checked and stored inside its ack (field errors come
back in the answer, a note is never lost), so it has Slack's 3 s and no more, while an
answer behind an ack has the response_url's half hour. Under a burst the two fight for
one interpreter lock, and four answers computing made each submission ten times slower
(twenty of them took 2.3 s at p50 on SQLite, some never acked). So while anything
`urgent()` runs, the workers take no new job and pause at their next statement that
holds no write (`pause_point`, from the engine's cursor event), at most `URGENT_WAIT`
seconds at a time so a stream of submissions cannot starve the answers.
"""

from __future__ import annotations

import logging
import threading
from collections import deque
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from models.db import writes_can_wait

log = logging.getLogger(__name__)

WORKERS = 4
URGENT_WAIT = 1.0  # seconds a worker waits for urgent work before going on anyway

Job = Callable[[], None]


@dataclass
class _Queue:
    jobs: deque[tuple[Job, str | None]] = field(default_factory=deque)
    kinds: set[str] = field(default_factory=set)
    running: bool = False


class FairPool:
    """Threads that run jobs, one user at a time each, users taken in turn."""

    def __init__(
        self, workers: int = WORKERS, *, name: str = "cobro-work", urgent_wait: float = URGENT_WAIT
    ) -> None:
        self._workers = workers
        self._urgent_wait = urgent_wait
        self._giving_way = 0
        self._name = name
        self._users: dict[str, _Queue] = {}
        self._turns: deque[str] = deque()  # users with a job waiting and none running
        self._cond = threading.Condition()
        self._threads: list[threading.Thread] = []
        self._closing = False
        self._busy = 0
        self._urgent = 0
        self._mine = threading.local()  # set in the pool's own threads

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
            self._cond.notify_all()  # an idle worker, not only one waiting for urgent work
            return True

    def busy(self, user: str, kind: str) -> bool:
        """Whether `user` has a job of `kind` waiting or running."""
        with self._cond:
            queue = self._users.get(user)
            return queue is not None and kind in queue.kinds

    @contextmanager
    def urgent(self) -> Iterator[None]:
        """Work with a deadline of its own (inside an ack) runs first: see the module."""
        with self._cond:
            self._urgent += 1
        try:
            yield
        finally:
            with self._cond:
                self._urgent -= 1
                if not self._urgent:
                    self._cond.notify_all()

    def pause_point(self) -> None:
        """In one of the pool's threads, wait (bounded) while urgent work runs; elsewhere,
        nothing. The caller holds no lock anyone urgent could need."""
        if not getattr(self._mine, "worker", False):
            return
        with self._cond:
            self._give_way()

    @property
    def giving_way(self) -> int:
        """How many workers are waiting for urgent work to end."""
        with self._cond:
            return self._giving_way

    def _give_way(self) -> None:
        if not self._urgent:
            return
        self._giving_way += 1
        try:
            self._cond.wait_for(lambda: not self._urgent or self._closing, self._urgent_wait)
        finally:
            self._giving_way -= 1

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
            waited = False
            while not self._turns or (self._urgent and not waited):
                if self._closing:
                    return None
                if self._turns:  # urgent work first, for a while
                    self._give_way()
                    waited = True
                else:
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
        self._mine.worker = True
        writes_can_wait()  # SQLite's writers: after those storing inside an ack
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
