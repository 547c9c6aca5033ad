"""Every Slack identifier cobro uses, in one place: slash command, callbacks, actions."""

from __future__ import annotations

from enum import StrEnum

SLASH_COMMAND = "/cobro"


class Shortcut(StrEnum):
    LOG_FROM_MESSAGE = "cobro_log_from_message"


class Callback(StrEnum):
    """Modal callback ids."""

    CALL = "cobro_call"
    SNOOZE = "cobro_snooze"
    REASSIGN = "cobro_reassign"
    ADD_TASK = "cobro_add_task"
    PAYMENT = "cobro_payment"
    DO_NOT_CONTACT = "cobro_do_not_contact"
    PROMISE_MOVE = "cobro_promise_move"
    PROMISE_REASSIGN = "cobro_promise_reassign"
    FIND_CUSTOMER = "cobro_find_customer"


class Action(StrEnum):
    OPEN_HELP = "cobro_open_help"
    LOG_CALL = "cobro_log_call"
    VIEW_CUSTOMER = "cobro_view_customer"
    EXCUSE_CATEGORY = "cobro_excuse_category"
    CALL_OUTCOME = "cobro_call_outcome"
    CALL_CONTACT = "cobro_call_contact"
    ADD_INSTALLMENT = "cobro_add_installment"
    CORRECT_CALL = "cobro_correct_call"
    NEXT_CALL = "cobro_next_call"
    TASK_DONE = "cobro_task_done"
    NUDGE_ITEM = "cobro_nudge_item"  # the overflow of an item of the day's nudge list
    TASK_SNOOZE = "cobro_task_snooze"
    TASK_REASSIGN = "cobro_task_reassign"
    ADD_TASK = "cobro_add_task"
    ADD_PAYMENT = "cobro_add_payment"
    DO_NOT_CONTACT = "cobro_do_not_contact"
    EXPORT_HISTORY = "cobro_export_history"
    PROMISE_MOVE = "cobro_promise_move"
    PROMISE_REASSIGN = "cobro_promise_reassign"
