"""Building the Bolt app: one function, used by `cobro run`, the demo and the tests alike."""

from __future__ import annotations

import weakref
from concurrent.futures import ThreadPoolExecutor

from slack_bolt import App
from slack_sdk import WebClient

from bot.core.i18n.formats import set_team_locale
from handlers import errors, middleware
from handlers.context import Deps
from handlers.listeners import register_all
from handlers.notify.client import make_web_client
from handlers.work import FairPool

# Bolt's threads run only acks and modal submissions (validated and stored inside the ack);
# every other answer runs on the fair pool (handlers.work), so these never queue behind it.
LISTENER_WORKERS = 16

_POOLS: weakref.WeakKeyDictionary[App, FairPool] = weakref.WeakKeyDictionary()


def finish_listeners(app: App) -> None:
    """Wait for the listeners and the answers still working after their ack (a clean stop)."""
    executor = app.listener_runner.listener_executor
    if isinstance(executor, ThreadPoolExecutor):
        executor.shutdown(wait=True)
    pool = _POOLS.pop(app, None)
    if pool is not None:
        pool.shutdown(wait=True)


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
    middleware.register(app, deps, pool)
    errors.register(app)
    register_all(app)
    return app
