"""The report's charts painted in a process of their own.

matplotlib holds the interpreter's lock for the whole of a drawing: a whole team's four
charts are 1.4-1.7 s of CPU, a collector's about half that. Drawn in the bot's process,
that time was taken from every thread at once: under a burst with twenty reports in it,
seven samples in ten of the bot's CPU were matplotlib's, and the call modals submitted
meanwhile (stored inside their ack) waited for it. Drawn here, in one spawned process, the
bot's threads keep their interpreter and the operating system shares the cores.

One painter process per bot process, started on the first report (or by `warm()` when
`cobro run` starts) and kept: spawning it imports matplotlib, about a second. Reports
drawn at the same moment queue in it, each whole. If the painter dies, the next report
starts another; if none can be started, the charts are drawn in the bot's process, slower
but drawn.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import signal
import threading
import time
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from bot.core.i18n import Lang
from bot.core.i18n.formats import set_team_locale, team_locale
from handlers.blocks.charts import Chart

log = logging.getLogger("cobro.painter")

_WATCH_SECONDS = 0.5
# Charts are the one job nobody is waiting on with a modal open: the painter has the CPU the
# bot leaves (the acks, a submission being stored), never the other way round.
_NICENESS = 10
_pool: ProcessPoolExecutor | None = None
_lock = threading.Lock()


def paint(charts: list[Chart], lang: Lang) -> list[bytes]:
    """Each chart as a PNG, in the order given."""
    if not charts:
        return []
    for _ in range(2):  # a painter that died is replaced once
        try:
            return _painter().submit(_paint, team_locale(), charts, lang).result()
        except BrokenProcessPool:
            log.warning("the chart painter stopped; starting another")
            _forget()
        except OSError as error:  # no process could be started here
            log.warning("no chart painter (%s): drawing in this process", error)
            break
    return _paint(team_locale(), charts, lang)


def warm() -> Future[int]:
    """Start the painter now, so the day's first report does not wait for matplotlib; done
    when the painter is ready."""
    return _painter().submit(int)


def painter_pid() -> int:
    """The painter's process id (it is not this process's)."""
    return int(_painter().submit(os.getpid).result())


def _painter() -> ProcessPoolExecutor:
    global _pool
    with _lock:
        if _pool is None:
            _pool = ProcessPoolExecutor(
                max_workers=1,
                # spawn, not fork: the bot has threads (and locks held by them) to not copy
                mp_context=multiprocessing.get_context("spawn"),
                initializer=_ready,
                initargs=(os.getpid(),),
            )
        return _pool


def stop() -> None:
    """End the painter now (a stack stopped inside a process that goes on, or that is
    itself a multiprocessing child, which joins its children before anything else would
    stop the painter: it waited for it forever)."""
    _forget(wait=True)


def _forget(*, wait: bool = False) -> None:
    """Drop the painter; the next chart starts another."""
    global _pool
    with _lock:
        pool, _pool = _pool, None
    if pool is not None:
        pool.shutdown(wait=wait, cancel_futures=True)


def _ready(bot: int) -> None:
    """In the painter: Ctrl-C is the bot's to handle, and the painter ends when the bot
    does, however it ends (a SIGTERM or a SIGKILL leaves no time to stop it): otherwise it
    would outlive the bot, holding its output open for whoever reads it. matplotlib is
    imported before the first chart asks."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(os, "nice"):
        os.nice(_NICENESS)
    threading.Thread(target=_end_with, args=(bot,), name="painter-watch", daemon=True).start()
    import handlers.blocks.drawing  # noqa: F401


def _end_with(bot: int) -> None:
    while os.getppid() == bot:  # an orphan is adopted (or was, before it got here)
        time.sleep(_WATCH_SECONDS)
    os._exit(0)


def _paint(locale: str, charts: list[Chart], lang: Lang) -> list[bytes]:
    from handlers.blocks.drawing import draw

    if team_locale() != locale:  # the team's money and digits, as the bot's process has them
        set_team_locale(locale)
    return [draw(chart, lang) for chart in charts]
