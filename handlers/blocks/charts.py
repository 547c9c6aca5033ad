"""The report's charts as PNG images (matplotlib, Agg backend: no display needed).

Readable in Slack's light and dark themes: each chart is drawn on its own opaque light card
with dark text and saturated, colour-blind-safe bars (Okabe–Ito), so the theme around it
does not matter. Pure: figures in, bytes out.
"""

from __future__ import annotations

import io

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
from matplotlib.figure import Figure

from bot.core.i18n import Lang, t
from bot.core.vocabulary import ExcuseCategory, PromiseStatus
from bot.reports.rules import AGING_BUCKETS, Report

CARD = "#F7F7F5"
INK = "#1D1C1D"
GRID = "#D0D0D0"
NOW = "#0072B2"
BEFORE = "#E69F00"
ACCENT = "#009E73"
AGING_COLOURS = ["#009E73", "#56B4E9", "#F0E442", "#E69F00", "#D55E00", "#CC79A7"]


def _figure(title: str, height: float = 4.2) -> tuple[Figure, plt.Axes]:
    fig, ax = plt.subplots(figsize=(8, height), dpi=110)
    fig.patch.set_facecolor(CARD)
    ax.set_facecolor(CARD)
    ax.set_title(title, color=INK, fontsize=13, loc="left", pad=12)
    ax.tick_params(colors=INK, labelsize=9)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    for side in ("left", "bottom"):
        ax.spines[side].set_color(GRID)
    ax.grid(axis="x", color=GRID, linewidth=0.6)
    ax.set_axisbelow(True)
    return fig, ax


def _png(fig: Figure) -> bytes:
    buffer = io.BytesIO()
    fig.tight_layout()
    fig.savefig(buffer, format="png", facecolor=fig.get_facecolor())
    plt.close(fig)
    return buffer.getvalue()


def _pair_bars(
    ax: plt.Axes,
    labels: list[str],
    first: tuple[str, list[float], str],
    second: tuple[str, list[float], str],
) -> None:
    """Two horizontal bars per label, each series (legend, values, colour)."""
    positions = range(len(labels))
    height = 0.38
    for offset, (legend_text, values, colour) in ((-height / 2, first), (height / 2, second)):
        ax.barh([p + offset for p in positions], values, height, color=colour, label=legend_text)
    ax.set_yticks(list(positions), labels, color=INK)
    ax.invert_yaxis()
    legend = ax.legend(frameon=False, fontsize=9)
    for text in legend.get_texts():
        text.set_color(INK)


def _periods(lang: Lang, now: list[float], before: list[float]) -> tuple[tuple, tuple]:
    return (
        (t("report.chart.this_period", lang), now, NOW),
        (t("report.chart.previous_period", lang), before, BEFORE),
    )


def contacts_chart(report: Report, lang: Lang) -> bytes:
    contacts = report.current.contacts[:15]
    fig, ax = _figure(t("report.chart.contacts", lang), 1.6 + 0.45 * max(len(contacts), 2))
    _pair_bars(
        ax,
        [c.name for c in contacts] or ["—"],
        (t("report.chart.attempts", lang), [c.attempts for c in contacts] or [0], NOW),
        (t("report.chart.answered", lang), [c.answered for c in contacts] or [0], ACCENT),
    )
    return _png(fig)


def excuses_chart(report: Report, lang: Lang) -> bytes:
    fig, ax = _figure(t("report.chart.excuses", lang), 5.2)
    categories = sorted(
        ExcuseCategory,
        key=lambda c: (-report.current.excuses[c.value], -report.previous.excuses[c.value]),
    )
    _pair_bars(
        ax,
        [t(f"excuse.{c.value}", lang) for c in categories],
        *_periods(
            lang,
            [report.current.excuses[c.value] for c in categories],
            [report.previous.excuses[c.value] for c in categories],
        ),
    )
    return _png(fig)


def promises_chart(report: Report, lang: Lang) -> bytes:
    fig, ax = _figure(t("report.chart.promises", lang), 3.6)
    statuses = [
        PromiseStatus.KEPT,
        PromiseStatus.PARTIAL,
        PromiseStatus.BROKEN,
        PromiseStatus.PENDING,
    ]
    _pair_bars(
        ax,
        [t(f"promise_status.{s.value}", lang) for s in statuses],
        *_periods(
            lang,
            [getattr(report.current.promises, s.value) for s in statuses],
            [getattr(report.previous.promises, s.value) for s in statuses],
        ),
    )
    return _png(fig)


def aging_chart(report: Report, lang: Lang) -> bytes:
    fig, ax = _figure(t("report.chart.aging", lang, currency=report.currency), 3.8)
    ax.grid(axis="y", color=GRID, linewidth=0.6)
    ax.grid(axis="x", visible=False)
    now = [float(report.aging[b]) for b in AGING_BUCKETS]
    before = [float(report.aging_before.get(b, 0)) for b in AGING_BUCKETS]
    positions = list(range(len(AGING_BUCKETS)))
    width = 0.4
    ax.bar(
        [p - width / 2 for p in positions],
        now,
        width,
        color=AGING_COLOURS,
        label=t("report.chart.this_period", lang),
    )
    ax.bar(
        [p + width / 2 for p in positions],
        before,
        width,
        color=AGING_COLOURS,
        alpha=0.4,
        label=t("report.chart.previous_period", lang),
    )
    ax.set_xticks(positions, [t(f"report.aging.{b}", lang) for b in AGING_BUCKETS])
    ax.tick_params(axis="x", colors=INK)
    total = sum(now) or 1.0
    for index, value in enumerate(now):
        ax.annotate(
            f"{value / total:.0%}",
            (index - width / 2, value),
            ha="center",
            va="bottom",
            color=INK,
            fontsize=9,
            xytext=(0, 3),
            textcoords="offset points",
        )
    legend = ax.legend(frameon=False, fontsize=9)
    for text in legend.get_texts():
        text.set_color(INK)
    return _png(fig)


def all_charts(report: Report, lang: Lang) -> list[tuple[str, str, bytes]]:
    """(file name, title, PNG) for each chart."""
    return [
        ("contactos.png", t("report.chart.contacts", lang), contacts_chart(report, lang)),
        ("excusas.png", t("report.chart.excuses", lang), excuses_chart(report, lang)),
        ("promesas.png", t("report.chart.promises", lang), promises_chart(report, lang)),
        (
            "antiguedad.png",
            t("report.chart.aging", lang, currency=report.currency),
            aging_chart(report, lang),
        ),
    ]
