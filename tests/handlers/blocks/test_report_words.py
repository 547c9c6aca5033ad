"""The control report's words: every figure compared with the previous period says
"antes …" / "before …", a figure that cannot be computed says why, numbers are in the
team's locale, and a month read as last year's says so. Built from plain figures."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from decimal import Decimal

import pytest

from bot.core.i18n import Lang
from bot.core.i18n.formats import set_team_locale, team_locale
from bot.reports.figures import CollectorFigures, CurrencyFigures, Day, Figures, Report
from handlers.blocks.report import build_report

START, END = date(2026, 11, 16), date(2026, 11, 22)
BEFORE_START, BEFORE_END = date(2026, 11, 9), date(2026, 11, 15)
BARE = re.compile(r"\((?:—|[\d.,]+(?: ?%| días| days)?)\)")


@pytest.fixture(autouse=True)
def mexico() -> Iterator[None]:
    before = team_locale()
    set_team_locale("es_MX")
    yield
    set_team_locale(before)


def _figures(start: date, end: date, day: Day, **extra: object) -> Figures:
    figures = Figures(start, end, collectors=[CollectorFigures(1, "Ana Pérez", {start: day})])
    for name, value in extra.items():
        setattr(figures, name, value)
    return figures


def _report(current: Figures, previous: Figures, **extra: object) -> Report:
    return Report(
        scope_label="",
        scope_kind="team",
        current=current,
        previous=previous,
        aging={},
        aging_before={},
        repeat_breakers=[],
        repeat_before=0,
        currency="MXN",
        business_days=5,
        kind="week",
        **extra,  # type: ignore[arg-type]
    )


def _text(report: Report, lang: Lang) -> str:
    """Every text of the message, one per line, as a reader sees it."""
    found: list[str] = []

    def walk(node: object) -> None:
        if isinstance(node, dict):
            if node.get("type") in ("mrkdwn", "plain_text"):
                found.append(str(node["text"]))
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(build_report(report, lang)["blocks"])
    return "\n".join(found)


def _bare_parentheses(text: str) -> list[str]:
    """`2 (0)`, `(—)`, `(42.1 días)`: a previous value nobody can read (this report has no
    excuses, whose shares are in parentheses)."""
    return [line for line in text.splitlines() if BARE.search(line)]


def _busy() -> Report:
    now = Day(due=2, kept=1, broken=1, made=3, attempts=6, answered=4)
    now.due_amount = {"MXN": Decimal(8000)}
    now.due_paid = {"MXN": Decimal(3000)}
    now.promised = {"MXN": Decimal(16000)}
    before = Day(due=0, made=0)
    money = CurrencyFigures(collected=Decimal(3000), sales=Decimal(0), cei=Decimal("12.5"))
    money_before = CurrencyFigures(sales=Decimal(1000), dso=Decimal("42.1"), cei=None)
    return _report(
        _figures(
            START,
            END,
            now,
            money={"MXN": money},
            days_to_pay=Decimal(121),
            notes=12,
            notes_complete=12,
        ),
        _figures(BEFORE_START, BEFORE_END, before, money={"MXN": money_before}),
    )


def test_every_comparison_says_before_in_words_in_spanish() -> None:
    text = _text(_busy(), "es")
    assert "*Promesas que vencían en el periodo:* 2 (antes 0) · cumplidas 1" in text
    assert (
        "Cumplimiento de las que vencían: 50% por número (antes no vencía ninguna) · 38% por monto"
        in text
    )
    assert "*Obtenidas en el periodo:* 3 (antes 0) por $16,000.00" in text
    assert "*Cobrado:* $3,000.00 (antes $0.00)" in text
    assert (
        "*DSO* (MXN): sin ventas a crédito en el periodo (antes 42.1 días)"
        " · *CEI*: 12% (antes nada por cobrar)"
    ) in text
    assert "*Días promedio de pago:* 121 días (antes sin pagos de facturas)" in text
    assert "*Notas que responden quién, por qué y qué sigue:* 100% de 12 (antes sin notas)" in text
    assert _bare_parentheses(text) == []


def test_every_comparison_says_before_in_words_in_english() -> None:
    text = _text(_busy(), "en")
    assert "*Promises due in the period:* 2 (before 0) · kept 1" in text
    assert "Kept rate of those due: 50% by count (none fell due before) · 38% by amount" in text
    assert "*Obtained in the period:* 3 (before 0) for MX$16,000.00" in text
    assert (
        "*DSO* (MXN): no credit sales in the period (before 42.1 days)"
        " · *CEI*: 12% (nothing to collect before)"
    ) in text
    assert "*Average days to pay:* 121 days (no invoice payments before)" in text
    assert "*Notes that say who, why and what next:* 100% of 12 (no notes before)" in text
    assert _bare_parentheses(text) == []


def test_a_quiet_period_says_why_each_figure_is_missing() -> None:
    pending = Day(due=1, pending=1)
    before = Day(due=2, kept=1, broken=1)
    before.due_amount = {"MXN": Decimal(100)}
    report = _report(
        _figures(START, END, pending),
        _figures(
            BEFORE_START,
            BEFORE_END,
            before,
            days_to_pay=Decimal(1),
            notes=4,
            notes_complete=1,
        ),
    )
    spanish, english = _text(report, "es"), _text(report, "en")
    assert "Cumplimiento de las que vencían: ninguna resuelta todavía (antes 50%)" in spanish
    assert "Kept rate of those due: none resolved yet (before 50%)" in english
    # real plurals: one day
    assert "*Días promedio de pago:* sin pagos de facturas en el periodo (antes 1 día)" in spanish
    assert "*Average days to pay:* no invoice payments in the period (before 1 day)" in english
    assert "no hubo notas en el periodo (antes 25%)" in spanish
    assert "no notes in the period (before 25%)" in english
    assert _dashes(spanish) == [] and _dashes(english) == []


def _dashes(text: str) -> list[str]:
    """Lines with a dash for a figure: only a collector's results line (indented, next to
    its own counts: `vencían 0 … cumplimiento —`) keeps one; a name is followed by ` — `."""
    return [
        line
        for line in text.splitlines()
        if not line.startswith(" ") and "—" in line.replace(" — ", " ", 1)
    ]


def test_numbers_follow_the_teams_locale() -> None:
    set_team_locale("es_CO")
    text = _text(_busy(), "es")
    assert "(antes 42,1 días)" in text  # Colombia writes a decimal comma


def test_excuses_of_a_period_without_notes_show_no_share_of_nothing() -> None:
    now = _figures(START, END, Day())
    before = _figures(BEFORE_START, BEFORE_END, Day())
    before.excuses["forgot"] = 1
    text = _text(_report(now, before), "es")
    assert "• Se le olvidó: 0 · antes 1" in text


def test_a_month_read_as_last_years_says_which_year() -> None:
    december = _figures(date(2025, 12, 1), date(2025, 12, 31), Day())
    november = _figures(date(2025, 11, 1), date(2025, 11, 30), Day())
    report = _report(december, november, last_years_month=True)
    es, en = _text(report, "es"), _text(report, "en")
    assert (
        "Es diciembre de 2025: diciembre de 2026 todavía no empieza."
        " Para otro año, `/cobro reporte 2024-12`."
    ) in es
    assert (
        "This is December 2025: December 2026 has not started yet."
        " For another year, `/cobro report 2024-12`."
    ) in en
    typed = _report(december, november)  # the year typed: nothing to explain
    assert "todavía no empieza" not in _text(typed, "es")


def test_this_week_on_its_monday_says_it_is_one_day_and_how_to_see_the_last() -> None:
    monday = _figures(date(2026, 11, 30), date(2026, 11, 30), Day())
    before = _figures(date(2026, 11, 23), date(2026, 11, 23), Day())
    es, en = _text(_report(monday, before), "es"), _text(_report(monday, before), "en")
    assert "La semana apenas empieza: esto es solo el " in es
    assert "`/cobro reporte semana pasada`" in es
    assert "`/cobro report last week`" in en
    whole = _report(_figures(START, END, Day()), _figures(BEFORE_START, BEFORE_END, Day()))
    assert "apenas empieza" not in _text(whole, "es")
