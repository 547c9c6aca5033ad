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
    REASSIGN_PORTFOLIO = "cobro_reassign_portfolio"


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
    # The supervisor's Home: one collector's day, tasks, promises; moving their portfolio.
    TEAM_DAY = "cobro_team_day"
    TEAM_TASKS = "cobro_team_tasks"
    TEAM_PROMISES = "cobro_team_promises"
    TEAM_REASSIGN = "cobro_team_reassign"
    # Acting on what the control shows: an orphan given a collector, an escalated account.
    ASSIGN_ORPHAN = "cobro_assign_orphan"
    CREDIT_HOLD = "cobro_credit_hold"
    CREDIT_RELEASE = "cobro_credit_release"
    HAND_OVER = "cobro_hand_over"
