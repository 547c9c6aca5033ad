"""Everything that speaks Slack: thin listeners, Block Kit builders, the Slack side of ports."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from slack_bolt import App

    from handlers.context import Deps


def register_handlers(app: App, deps: Deps) -> None:
    """Attach the middleware and every listener module to the app."""
    from handlers import (
        actions,
        commands,
        customer_actions,
        errors,
        events,
        middleware,
        shortcuts,
        task_actions,
        views,
    )

    middleware.register(app, deps)
    errors.register(app)
    commands.register(app)
    actions.register(app)
    events.register(app)
    shortcuts.register(app)
    views.register(app)
    task_actions.register(app)
    customer_actions.register(app)
