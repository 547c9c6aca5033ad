"""The listeners, one module per feature, each with `register(app)`.

Every listener has the same signature, `(ack, body, context, client, respond)`, and does
three things: ack at once, call one service, hand a built view to Slack. A domain error
raised after the ack reaches the one error handler (`handlers.errors`), which answers the
user privately in their language; a modal submission answers its field errors in the ack.
"""

from __future__ import annotations

from slack_bolt import App


def register_all(app: App) -> None:
    from handlers.listeners import (
        calls,
        commands,
        customers,
        do_not_contact,
        help,
        home,
        nudges,
        promises,
        supervision,
        tasks,
    )

    for module in (
        commands,
        calls,
        customers,
        do_not_contact,
        tasks,
        nudges,
        promises,
        home,
        help,
        supervision,
    ):
        module.register(app)
