"""The report's charts, one per question a manager asks, as PNG images.

- Did each collector make the calls planned, and reach people? (planned, calls, contacts)
- Which promises that fell due came true, per collector? (kept, broken, renegotiated)
- What do customers say? (excuses by category, this period against the previous)
- How old is what we are owed? (aging buckets, one chart per currency)

Each chart is a `Chart` here: the numbers it plots, its labels and colours, testable
without drawing. `handlers.blocks.drawing` draws it with matplotlib, in the painter's process
(`handlers.painter`): this module imports no matplotlib.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from babel.numbers import format_currency

from bot.core.i18n import Lang, t
from bot.core.i18n.formats import locale_for, number
from bot.core.vocabulary import ExcuseCategory
from bot.reports.rules import AGING_BUCKETS, Report

CARD = "#F7F7F5"
INK = "#1D1C1D"
GRID = "#D0D0D0"
GREY = "#999999"
BLUE = "#0072B2"
GREEN = "#009E73"
ORANGE = "#E69F00"
VERMILION = "#D55E00"
PURPLE = "#CC79A7"
AGING_COLOURS = ["#009E73", "#56B4E9", "#F0E442", "#E69F00", "#D55E00", "#CC79A7"]
MAX_CATEGORIES = 20


@dataclass(frozen=True)
class Series:
    label: str
    values: list[float]
    colour: str | list[str]


@dataclass(frozen=True)
class Chart:
    """What a chart plots: categories along one axis, one bar per series for each."""

    name: str  # the file's name
    title: str
    categories: list[str]
    series: list[Series] = field(default_factory=list)
    currency: str | None = None  # None: counts
    horizontal: bool = True

    def values(self, label: str) -> list[float]:
        return next(s.values for s in self.series if s.label == label)


# ------------------------------------------------------------------ the questions


def contacts_chart(report: Report, lang: Lang) -> Chart:
    people = report.current.collectors[:MAX_CATEGORIES]
    totals = [c.total for c in people]
    return Chart(
        "llamadas.png",
        t("report.chart.contacts", lang),
        [c.name for c in people],
        [
            Series(t("report.chart.planned", lang), [d.planned for d in totals], GREY),
            Series(t("report.chart.attempts", lang), [d.attempts for d in totals], BLUE),
            Series(t("report.chart.answered", lang), [d.answered for d in totals], GREEN),
        ],
    )


def promises_chart(report: Report, lang: Lang) -> Chart:
    people = report.current.collectors[:MAX_CATEGORIES]
    totals = [c.total for c in people]
    return Chart(
        "promesas.png",
        t("report.chart.promises", lang),
        [c.name for c in people],
        [
            Series(t("report.chart.kept", lang), [d.kept for d in totals], GREEN),
            Series(
                t("report.chart.broken", lang), [d.broken + d.partial for d in totals], VERMILION
            ),
            Series(t("report.chart.renegotiated", lang), [d.renegotiated for d in totals], PURPLE),
        ],
    )


def excuses_chart(report: Report, lang: Lang) -> Chart:
    cur, prev = report.current.excuses, report.previous.excuses
    categories = sorted(ExcuseCategory, key=lambda c: (-cur[c.value], -prev[c.value], c.value))
    return Chart(
        "excusas.png",
        t("report.chart.excuses", lang),
        [t(f"excuse.{c.value}", lang) for c in categories],
        [
            Series(t("report.chart.this_period", lang), [cur[c.value] for c in categories], BLUE),
            Series(
                t("report.chart.previous_period", lang),
                [prev[c.value] for c in categories],
                ORANGE,
            ),
        ],
    )


def aging_charts(report: Report, lang: Lang) -> list[Chart]:
    charts = []
    for currency in report.currencies:
        now = report.aging.get(currency, {})
        before = report.aging_before.get(currency, {})
        name = "antiguedad.png" if len(report.currencies) == 1 else f"antiguedad-{currency}.png"
        charts.append(
            Chart(
                name,
                t("report.chart.aging", lang, currency=currency),
                [t(f"report.aging.{b}", lang) for b in AGING_BUCKETS],
                [
                    Series(
                        t("report.chart.this_period", lang),
                        [float(now.get(b, 0)) for b in AGING_BUCKETS],
                        AGING_COLOURS,
                    ),
                    Series(
                        t("report.chart.previous_period", lang),
                        [float(before.get(b, 0)) for b in AGING_BUCKETS],
                        GREY,
                    ),
                ],
                currency=currency,
                horizontal=False,
            )
        )
    return charts


def charts_of(report: Report, lang: Lang) -> list[Chart]:
    return [
        contacts_chart(report, lang),
        promises_chart(report, lang),
        excuses_chart(report, lang),
        *aging_charts(report, lang),
    ]


# ------------------------------------------------------------------ drawing


def whole_money(value: float, currency: str, lang: Lang) -> str:
    """An amount in whole units, in the locale's own pattern (`$350,000`, `350.000 MXN`):
    chart ticks and bar labels have no room for cents."""
    locale = locale_for(lang)
    pattern = locale.currency_formats["standard"].pattern.replace(".00", "")
    amount = Decimal(round(value))
    return format_currency(amount, currency, locale=locale, format=pattern, currency_digits=False)


def label(chart: Chart, value: float, lang: Lang) -> str:
    """A bar's value as printed beside it."""
    if chart.currency:
        return whole_money(value, chart.currency, lang)
    return number(int(value), lang)


def all_charts(report: Report, lang: Lang) -> list[tuple[str, str, bytes]]:
    """(file name, title, PNG) for each chart, drawn in the painter's process."""
    from handlers.painter import paint

    charts = charts_of(report, lang)
    return [(c.name, c.title, png) for c, png in zip(charts, paint(charts, lang), strict=True)]
