"""Every outbox key, in one place. A key names the item, the kind and, for what repeats, the
day: the unique key is what makes a message exist once however often it is written (a job
round, a second replica, a retried submission). The domain decides keys, not the adapter.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time


def digest(member_id: int, day: date, part: int) -> str:
    return f"digest:{member_id}:{day.isoformat()}:{part}"


def digest_summary(day: date) -> str:
    return f"digest-summary:{day.isoformat()}"


def call_confirmation(attempt_id: int) -> str:
    return f"call:{attempt_id}:confirm"


def task_assigned(task_id: int) -> str:
    return f"task:{task_id}:assigned"


def task_supervised(task_id: int) -> str:
    return f"task:{task_id}:supervised"


def task_reassigned(task_id: int, member_id: int, now: datetime) -> str:
    return f"task:{task_id}:to:{member_id}:{now.astimezone(UTC):%Y%m%d%H%M%S}"


def task_due(task_id: int, day: date, at: time) -> str:
    return f"task:{task_id}:due:{day.isoformat()}T{at:%H%M}"


def task_overdue(task_id: int, today: date) -> str:
    return f"task:{task_id}:overdue:{today.isoformat()}"


def task_escalated(task_id: int, due_day: date) -> str:
    return f"task:{task_id}:escalated:{due_day.isoformat()}"


def nudge_list(member_id: int, day: date) -> str:
    """A person's one nudge message of a business day, edited in place as it changes."""
    return f"nudges:{member_id}:{day.isoformat()}"


def promise_eve(promise_id: int, day: date) -> str:
    return f"promise:{promise_id}:eve:{day.isoformat()}"


def promise_day(promise_id: int, day: date) -> str:
    return f"promise:{promise_id}:day:{day.isoformat()}"


def promise_broken(promise_id: int) -> str:
    return f"promise:{promise_id}:broken"


def promise_escalated(promise_id: int) -> str:
    return f"promise:{promise_id}:escalated"


def in_channel(key: str) -> str:
    """The supervisors' channel's copy of an escalation."""
    return f"{key}:channel"


def weekly_report(week: str) -> str:
    return f"report:{week}:summary"


def weekly_report_files(week: str) -> str:
    return f"report:{week}:files"


def report_files(member_id: int, request: str) -> str:
    """A report's charts and CSV, for the member who asked, once per request."""
    return f"report-files:{member_id}:{request}"


def history_export(member_id: int, customer_id: int, request: str) -> str:
    return f"history:{customer_id}:{member_id}:{request}"


def receipt(kind: str, item: int, request: str) -> str:
    """The DM that tells a member what their form did, once per submission."""
    return f"receipt:{kind}:{item}:{request}"


def folder_import(name: str, digest: str, member_id: int) -> str:
    """The folder sync's word to an admin about one file: once per file content and name,
    so a file dropped again (or a round retried after a crash) is not announced twice."""
    return f"import:{name[:80]}:{digest}:{member_id}"


def member_left_slack(member_id: int, admin_id: int) -> str:
    """An admin told that a member was deactivated in Slack: once per member and admin."""
    return f"member:{member_id}:left-slack:{admin_id}"


def hand_over_evidence(customer_id: int, member_id: int) -> str:
    """The history sent with an account handed over to an agency or legal: once."""
    return f"handover:{customer_id}:evidence:{member_id}"
