"""Building the Bolt app: one function, used by `cobro run`, the demo and the tests alike."""

from __future__ import annotations

from slack_bolt import App
from slack_sdk import WebClient

from handlers import register_handlers
from handlers.context import Deps
from handlers.slack_client import make_web_client


def create_bolt_app(deps: Deps, *, client: WebClient | None = None) -> App:
    """A Bolt app wired to cobro's listeners.

    Socket Mode does not sign requests, so the signing secret is only required in HTTP mode;
    `auth.test` is called once here, which also proves the token works before we listen.
    """
    settings = deps.settings
    secret = settings.slack_signing_secret
    return _registered(
        App(
            client=client or make_web_client(settings),
            signing_secret=secret.get_secret_value() if secret else "socket-mode",
            request_verification_enabled=secret is not None,
            process_before_response=False,
        ),
        deps,
    )


def _registered(app: App, deps: Deps) -> App:
    register_handlers(app, deps)
    return app
