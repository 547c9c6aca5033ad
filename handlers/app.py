"""Building the Bolt app: one function, used by `cobro run`, the demo and the tests alike."""

from __future__ import annotations

import weakref
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from slack_bolt import App
from slack_sdk import WebClient
from sqlalchemy import Engine, event

from bot.core.i18n.formats import set_team_locale
from handlers import errors, middleware
from handlers.context import Deps
from handlers.listeners import register_all
from handlers.notify.client import make_web_client
from handlers.work import FairPool
from models.db import holds_locks_after

# Bolt's threads run only acks and modal submissions (validated and stored inside the ack);
# every other answer runs on the fair pool (handlers.work), so these never queue behind it.
LISTENER_WORKERS = 16

_POOLS: weakref.WeakKeyDictionary[App, FairPool] = weakref.WeakKeyDictionary()
_HOOKS: dict[FairPool, list[tuple[Engine, str, Any]]] = {}


def finish_listeners(app: App) -> None:
    """Wait for the listeners and the answers still working after their ack (a clean stop)."""
    executor = app.listener_runner.listener_executor
    if isinstance(executor, ThreadPoolExecutor):
        executor.shutdown(wait=True)
    pool = _POOLS.pop(app, None)
    if pool is not None:
        pool.shutdown(wait=True)
        for engine, name, hook in _HOOKS.pop(pool, []):
            event.remove(engine, name, hook)


def create_bolt_app(deps: Deps, *, client: WebClient | None = None) -> App:
    """A Bolt app wired to cobro's listeners.

    Socket Mode does not sign requests, so the signing secret is only required in HTTP mode.
    """
    settings = deps.settings
    set_team_locale(settings.locale)
    secret = settings.slack_signing_secret
    app = App(
        client=client or make_web_client(settings),
        signing_secret=secret.get_secret_value() if secret else "socket-mode",
        request_verification_enabled=secret is not None,
        process_before_response=False,
        listener_executor=ThreadPoolExecutor(max_workers=LISTENER_WORKERS),
    )
    pool = FairPool()
    _POOLS[app] = pool
    engine = deps.db.kw.get("bind")
    if isinstance(engine, Engine):
        _HOOKS[pool] = _pause_points(engine, pool)
    middleware.register(app, deps, pool)
    errors.register(app)
    register_all(app)
    return app


def _pause_points(engine: Engine, pool: FairPool) -> list[tuple[Engine, str, Any]]:
    """Every statement a worker runs while its transaction holds no lock is a point where
    it gives way to urgent work (`FairPool.urgent`); once it has written, it goes on to its
    commit, so nobody urgent waits for a lock held by a paused worker."""

    def before(conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if conn.info.get("locks"):
            return
        if holds_locks_after(statement):
            conn.info["locks"] = True
            return
        pool.pause_point()

    def ended(conn: Any, *_args: Any) -> None:
        conn.info.pop("locks", None)

    def returned(_dbapi: Any, record: Any) -> None:
        record.info.pop("locks", None)

    hooks: list[tuple[str, Callable[..., Any]]] = [
        ("before_cursor_execute", before),
        ("commit", ended),
        ("rollback", ended),
        ("checkin", returned),
    ]
    for name, hook in hooks:
        event.listen(engine, name, hook)
    return [(engine, name, hook) for name, hook in hooks]
