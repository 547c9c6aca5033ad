"""The report's charts, one per question a manager asks, as PNG images (matplotlib, Agg
backend: no display needed).

- Did each collector make the calls planned, and reach people? (planned, calls, contacts)
- Which promises that fell due came true, per collector? (kept, broken, renegotiated)
- What do customers say? (excuses by category, this period against the previous)
- How old is what we are owed? (aging buckets, one chart per currency)

Each chart is first a `Chart` (the numbers it plots, testable without drawing), then drawn:
integer ticks for counts, money ticks in the locale's digits with the currency, a value
label on every bar, the legend outside the plot so it never covers a bar. Drawn on an
opaque light card with dark text and colour-blind-safe colours (Okabe–Ito), so Slack's light
and dark themes do not matter. This module is imported only when a chart is drawn.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from decimal import Decimal

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
from babel.numbers import format_currency
from matplotlib.ticker import FuncFormatter, MaxNLocator

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


def _label(chart: Chart, value: float, lang: Lang) -> str:
    if chart.currency:
        return whole_money(value, chart.currency, lang)
    return number(int(value), lang)


def draw(chart: Chart, lang: Lang) -> bytes:
    count, per = max(len(chart.categories), 1), max(len(chart.series), 1)
    group = 0.8
    width = group / per
    size = (9.0, 1.6 + 0.28 * count * per) if chart.horizontal else (9.0, 4.6)
    fig, ax = plt.subplots(figsize=size, dpi=110)
    fig.patch.set_facecolor(CARD)
    ax.set_facecolor(CARD)
    ax.set_title(chart.title, color=INK, fontsize=13, loc="left", pad=12)
    ax.tick_params(colors=INK, labelsize=9)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    for side in ("left", "bottom"):
        ax.spines[side].set_color(GRID)
    ax.set_axisbelow(True)
    positions = list(range(len(chart.categories)))
    for index, series in enumerate(chart.series):
        offsets = [p - group / 2 + width * (index + 0.5) for p in positions]
        if chart.horizontal:
            bars = ax.barh(offsets, series.values, width, color=series.colour, label=series.label)
        else:
            bars = ax.bar(offsets, series.values, width, color=series.colour, label=series.label)
            if index > 0:
                for bar in bars:
                    bar.set_alpha(0.55)
        ax.bar_label(
            bars,
            labels=[_label(chart, v, lang) for v in series.values],
            padding=3,
            fontsize=8,
            color=INK,
        )
    values_axis = ax.xaxis if chart.horizontal else ax.yaxis
    if chart.horizontal:
        ax.set_yticks(positions, chart.categories, color=INK)
        ax.invert_yaxis()
        ax.grid(axis="x", color=GRID, linewidth=0.6)
        ax.margins(x=0.18)
    else:
        ax.set_xticks(positions, chart.categories, color=INK)
        ax.grid(axis="y", color=GRID, linewidth=0.6)
        ax.margins(y=0.15)
    if chart.currency:
        currency = chart.currency
        values_axis.set_major_formatter(FuncFormatter(lambda v, _: whole_money(v, currency, lang)))
    else:
        values_axis.set_major_locator(MaxNLocator(integer=True, min_n_ticks=1))
        values_axis.set_major_formatter(FuncFormatter(lambda v, _: number(int(v), lang)))
    top = max((max(s.values, default=0) for s in chart.series), default=0)
    if not top:  # nothing to plot yet: a scale from 0 to 1, not matplotlib's -0.05…0.05
        (ax.set_xlim if chart.horizontal else ax.set_ylim)(0, 1)
    legend = ax.legend(
        loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False, fontsize=9, borderaxespad=0
    )
    for text in legend.get_texts():
        text.set_color(INK)
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", facecolor=fig.get_facecolor(), bbox_inches="tight")
    plt.close(fig)
    return buffer.getvalue()


def all_charts(report: Report, lang: Lang) -> list[tuple[str, str, bytes]]:
    """(file name, title, PNG) for each chart."""
    return [(c.name, c.title, draw(c, lang)) for c in charts_of(report, lang)]
