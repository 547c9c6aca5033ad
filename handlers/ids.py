"""Every Slack identifier cobro uses, in one place: slash command, callbacks, actions."""

from __future__ import annotations

from enum import StrEnum

SLASH_COMMAND = "/cobro"


class Shortcut(StrEnum):
    LOG_FROM_MESSAGE = "cobro_log_from_message"


class Action(StrEnum):
    OPEN_HELP = "cobro_open_help"
    LOG_CALL = "cobro_log_call"
    VIEW_CUSTOMER = "cobro_view_customer"
