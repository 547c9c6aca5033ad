"""The CSV files cobro hands people: a customer's history and a report's every figure.

Every text cell that a spreadsheet would run as a formula (it starts with `=`, `+`, `-`,
`@`, a tab or a carriage return: OWASP's list) gets a leading single quote; numbers are
written as numbers, so a credit of -500 is still a number.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from decimal import Decimal
from zoneinfo import ZoneInfo

from bot.core.i18n import Lang, t
from bot.core.vocabulary import ExcuseCategory
from bot.history.rules import COLUMNS, Event
from bot.reports.rules import ZERO, Report

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
Cell = str | int | float | Decimal | None


def safe(cell: Cell) -> str | int | float | Decimal:
    """A cell a spreadsheet shows as written: text that looks like a formula is quoted."""
    if cell is None:
        return ""
    if isinstance(cell, str) and cell.startswith(FORMULA_STARTS):
        return "'" + cell
    return cell


def _write(rows: Iterable[list[Cell]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    for row in rows:
        writer.writerow([safe(cell) for cell in row])
    return out.getvalue()


def history_csv(events: list[Event], tz: ZoneInfo, lang: Lang) -> str:
    """UTF-8 CSV with a header in the reader's language; times in the team's zone."""
    header: list[Cell] = [t(f"history.col.{c}", lang) for c in COLUMNS]
    body: list[list[Cell]] = [
        [
            e.at.astimezone(tz).strftime("%Y-%m-%d %H:%M"),
            e.kind,
            e.who,
            e.detail,
            e.amount,
            e.status,
        ]
        for e in events
    ]
    return _write([header, *body])


def report_csv(report: Report, lang: Lang, *, names: bool = True) -> str:
    """Every figure, current and previous period side by side; contacts per collector per
    day. `names=False` (a channel that is not private) leaves customers' names out."""
    cur, prev = report.current, report.previous
    rows: list[list[Cell]] = [
        [
            t("report.csv.figure", lang),
            t("report.csv.detail", lang),
            f"{cur.period.start}..{cur.period.end}",
            f"{prev.period.start}..{prev.period.end}",
        ]
    ]

    def row(name: str, detail: str, a: Cell, b: Cell) -> None:
        rows.append([name, detail, a, b])

    row("attempts", "", cur.attempts, prev.attempts)
    row("answered", "", cur.answered, prev.answered)
    prev_contacts = {c.member_id: c for c in prev.contacts}
    for c in cur.contacts:
        p = prev_contacts.get(c.member_id)
        row("attempts", c.name, c.attempts, p.attempts if p else 0)
        row("answered", c.name, c.answered, p.answered if p else 0)
    for c in cur.contacts:
        for day, (attempts, answered) in sorted(c.by_day.items()):
            row("attempts_day", f"{c.name} {day.isoformat()}", attempts, "")
            row("answered_day", f"{c.name} {day.isoformat()}", answered, "")
    for category in ExcuseCategory:
        key = category.value
        row("excuse", key, cur.excuses[key], prev.excuses[key])
    for tag, count in cur.hashtags.most_common():
        row("hashtag", tag, count, prev.hashtags[tag])
    for name in ("made", "kept", "partial", "broken", "pending"):
        row(f"promises_{name}", "", getattr(cur.promises, name), getattr(prev.promises, name))
    row("kept_rate_count", "", cur.promises.kept_rate, prev.promises.kept_rate)
    row("kept_rate_amount", "", cur.promises.kept_rate_amount, prev.promises.kept_rate_amount)
    row(
        "amount_promised",
        report.currency,
        cur.promises.amount_promised,
        prev.promises.amount_promised,
    )
    row("amount_collected", report.currency, cur.collected, prev.collected)
    row("repeat_breakers", "", len(report.repeat_breakers), report.repeat_before)
    if names:
        for name, count in report.repeat_breakers:
            row("repeat_breaker", name, count, "")
    for bucket, amount in report.aging.items():
        row("aging", bucket, amount, report.aging_before.get(bucket, ZERO))
    row("dso_days", "", cur.dso, prev.dso)
    row("cei_percent", "", cur.cei, prev.cei)
    row("average_days_to_pay", "", cur.days_to_pay, prev.days_to_pay)
    row("notes", "", cur.notes, prev.notes)
    row("notes_three_questions", "", cur.notes_complete, prev.notes_complete)
    row("notes_three_questions_share", "", cur.notes_share, prev.notes_share)
    return _write(rows)
