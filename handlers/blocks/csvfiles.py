"""The CSV files cobro hands people, written for the spreadsheet they open them in: a
customer's history, a report's every figure, and the report's work per collector per day.

Excel reads a CSV with the separators of the computer's locale and guesses the encoding, so
each file is written in the team's locale: UTF-8 with a BOM (Excel then reads the accents),
and where the locale writes a decimal comma (Colombia, Spain) numbers with a comma and cells
separated by `;`; where it writes a decimal point (Mexico, the US), `,` and a point. Headers
and values are in the reader's language.

Every text cell that a spreadsheet would run as a formula (it starts with `=`, `+`, `-`,
`@`, a tab or a carriage return: OWASP's list) gets a leading single quote; numbers are
written as numbers, so a credit of -500 is still a number.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable
from datetime import date
from decimal import Decimal
from zoneinfo import ZoneInfo

from babel.numbers import get_decimal_symbol

from bot.core.i18n import Lang, t
from bot.core.i18n.formats import locale_for
from bot.core.vocabulary import ExcuseCategory
from bot.history.rules import COLUMNS, Event
from bot.reports.figures import ZERO, Day, Figures
from bot.reports.rules import AGING_BUCKETS, Report

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
BOM = "\ufeff"
Cell = str | int | float | Decimal | date | None
Row = Callable[[str, str, str, Cell, Cell], None]

# The per-day table's count columns, in the order a supervisor reads a day.
DAY_COUNTS = (
    "planned",
    "attempts",
    "answered",
    "corrected",
    "made",
    "due",
    "kept",
    "partial",
    "broken",
    "pending",
    "renegotiated",
    "tasks_overdue",
)


class Dialect:
    """How the team's locale writes a CSV: the decimal sign, and the cell separator that
    does not clash with it."""

    def __init__(self, lang: Lang) -> None:
        self.decimal = get_decimal_symbol(locale_for(lang))
        self.delimiter = ";" if self.decimal == "," else ","

    def cell(self, value: Cell) -> str:
        if value is None:
            return ""
        if isinstance(value, bool):
            return str(int(value))
        if isinstance(value, int):
            return str(value)
        if isinstance(value, Decimal | float):
            text = format(value, "f") if isinstance(value, Decimal) else repr(value)
            return text.replace(".", self.decimal)
        if isinstance(value, date):
            return value.isoformat()
        return safe(value)


def safe(cell: str) -> str:
    """A text a spreadsheet shows as written: text that looks like a formula is quoted."""
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


def write(rows: Iterable[list[Cell]], lang: Lang) -> bytes:
    dialect = Dialect(lang)
    out = io.StringIO()
    writer = csv.writer(out, delimiter=dialect.delimiter, lineterminator="\r\n")
    for row in rows:
        writer.writerow([dialect.cell(cell) for cell in row])
    return (BOM + out.getvalue()).encode("utf-8")


def history_csv(events: list[Event], tz: ZoneInfo, lang: Lang) -> bytes:
    """A header in the reader's language; times in the team's zone."""
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
    return write([header, *body], lang)


def figure_name(name: str, lang: Lang) -> str:
    return t(f"report.csv.f.{name}", lang)


def report_csv(report: Report, lang: Lang, *, names: bool = True) -> bytes:
    """Every figure, this period and the previous side by side: the team's, then each
    collector's, then money per currency. `names=False` (a channel that is not private)
    leaves customers' names out."""
    cur, prev = report.current, report.previous
    rows: list[list[Cell]] = [
        [
            t("report.csv.figure", lang),
            t("report.csv.detail", lang),
            t("report.csv.currency", lang),
            t("report.csv.now", lang, start=cur.period_start, end=cur.period_end),
            t("report.csv.before", lang, start=prev.period_start, end=prev.period_end),
        ]
    ]

    def row(name: str, detail: str, currency: str, a: Cell, b: Cell) -> None:
        rows.append([figure_name(name, lang), detail, currency, a, b])

    def day_rows(label: str, now: Day, before: Day) -> None:
        for name in DAY_COUNTS:
            row(name, label, "", getattr(now, name), getattr(before, name))
        row("kept_rate", label, "", now.kept_rate, before.kept_rate)
        for currency in report.currencies:
            row(
                "promised",
                label,
                currency,
                _at(now.promised, currency),
                _at(before.promised, currency),
            )
            row(
                "collected",
                label,
                currency,
                _at(now.collected, currency),
                _at(before.collected, currency),
            )
            row(
                "kept_rate_amount",
                label,
                currency,
                now.kept_rate_amount(currency),
                before.kept_rate_amount(currency),
            )

    day_rows(t("report.team_line", lang), cur.team, prev.team)
    for collector in cur.collectors:
        before = prev.collector(collector.member_id)
        day_rows(collector.name, collector.total, before.total if before else Day())
    _money_rows(report, row)
    _note_rows(cur, prev, row, lang)
    row("repeat_breakers", "", "", len(report.repeat_breakers), report.repeat_before)
    if names:
        for name, count in report.repeat_breakers:
            row("repeat_breaker", name, "", count, None)
    return write(rows, lang)


def _at(amounts: dict[str, Decimal], currency: str) -> Decimal:
    return amounts.get(currency, ZERO)


def _money_rows(report: Report, row: Row) -> None:
    cur, prev = report.current, report.previous
    for currency in report.currencies:
        now, before = cur.money.get(currency), prev.money.get(currency)
        for name in (
            "collected",
            "sales",
            "receivables_begin",
            "receivables",
            "receivables_current",
            "dso",
            "cei",
        ):
            row(
                f"team_{name}",
                "",
                currency,
                getattr(now, name) if now else None,
                getattr(before, name) if before else None,
            )
        aging, aging_before = report.aging.get(currency, {}), report.aging_before.get(currency, {})
        for bucket in AGING_BUCKETS:
            row("aging", bucket, currency, aging.get(bucket, ZERO), aging_before.get(bucket, ZERO))
    row("days_to_pay", "", "", cur.days_to_pay, prev.days_to_pay)


def _note_rows(cur: Figures, prev: Figures, row: Row, lang: Lang) -> None:
    for category in ExcuseCategory:
        key = category.value
        row("excuse", t(f"excuse.{key}", lang), "", cur.excuses[key], prev.excuses[key])
    for tag, count in cur.hashtags.most_common():
        row("hashtag", tag, "", count, prev.hashtags[tag])
    row("notes", "", "", cur.notes, prev.notes)
    row("notes_complete", "", "", cur.notes_complete, prev.notes_complete)
    row("notes_share", "", "", cur.notes_share, prev.notes_share)


def days_csv(report: Report, lang: Lang) -> bytes:
    """One row per collector per day of the period: a table to filter and pivot."""
    currencies = report.currencies
    header: list[Cell] = [t("report.csv.collector", lang), t("report.csv.day", lang)]
    header += [figure_name(name, lang) for name in DAY_COUNTS]
    for currency in currencies:
        header += [
            f"{figure_name('promised', lang)} {currency}",
            f"{figure_name('collected', lang)} {currency}",
        ]
    rows: list[list[Cell]] = [header]
    for collector in report.current.collectors:
        for day in sorted(collector.days):
            figures = collector.days[day]
            line: list[Cell] = [collector.name, day]
            line += [getattr(figures, name) for name in DAY_COUNTS]
            for currency in currencies:
                line += [_at(figures.promised, currency), _at(figures.collected, currency)]
            rows.append(line)
    return write(rows, lang)
