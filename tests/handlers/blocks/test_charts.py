"""Each chart of the control, drawn from the fortnight of tests/e2e/control_seed.py: the
numbers it plots (one question each), then the PNG: an image of a readable size that is not
blank. Also the CSV written in each country's way."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from datetime import date

import matplotlib.image as mpimg
import numpy as np
import pytest

from bot.core.db import Db
from bot.core.i18n.formats import set_team_locale
from bot.reports.rules import Period, Report, Scope
from bot.reports.service import build_report
from handlers.blocks.charts import charts_of, whole_money
from handlers.blocks.csvfiles import days_csv, report_csv, safe
from handlers.blocks.drawing import draw
from tests.e2e.conftest import Harness
from tests.e2e.control_seed import ids, seed, start

FORTNIGHT = Period(date(2026, 11, 16), date(2026, 11, 29))


@pytest.fixture
def control(db_url: str, db: Db) -> Iterator[Harness]:
    yield from start(db_url, db)


def _report(bot: Harness) -> Report:
    seed(bot)
    people = ids(bot)
    scope = Scope([m.id for m in people.values()], "Sara Jiménez", "group")
    with bot.db() as session:
        return build_report(
            session,
            FORTNIGHT,
            scope,
            policy=bot.deps.policy(),
            today=date(2026, 11, 30),
            currency="MXN",
        )


def _is_a_picture(png: bytes) -> None:
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    image = mpimg.imread(io.BytesIO(png), format="png")
    height, width = image.shape[:2]
    assert width >= 600 and height >= 250, (width, height)
    pixels = image[..., :3].reshape(-1, 3)
    colours = np.unique((pixels * 255).astype(np.uint8), axis=0)
    assert len(colours) > 20, "a blank card"  # bars, text, grid: many colours


def test_each_chart_plots_the_figures_of_its_question(control: Harness) -> None:
    report = _report(control)
    charts = {c.name: c for c in charts_of(report, "es")}
    assert sorted(charts) == ["antiguedad.png", "excusas.png", "llamadas.png", "promesas.png"]
    calls = charts["llamadas.png"]
    assert calls.categories == ["Ana Pérez", "Bea Ruiz", "Luis Gómez"]  # Bea with zeros
    assert calls.values("Planeadas") == [9, 2, 3]
    assert calls.values("Llamadas") == [5, 0, 2]
    assert calls.values("Contactos") == [3, 0, 1]
    promises = charts["promesas.png"]
    assert promises.values("Cumplidas") == [1, 0, 1]
    assert promises.values("Incumplidas o en parte") == [1, 1, 1]  # P2; P7; P4 in part
    assert promises.values("Renegociadas") == [1, 1, 0]
    excuses = charts["excusas.png"]
    assert excuses.categories[:2] == ["Dice que ya pagó", "El responsable no está"]
    assert excuses.values("Este periodo")[:2] == [1, 1]
    aging = charts["antiguedad.png"]
    assert aging.currency == "MXN"
    assert aging.values("Este periodo") == [500, 0, 800, 0, 0, 1700]
    assert aging.values("Periodo anterior") == [0, 1000, 800, 0, 2000, 0]
    for chart in charts.values():
        _is_a_picture(draw(chart, "es"))


def test_money_ticks_use_the_locales_digits_and_currency(control: Harness) -> None:
    assert whole_money(350000.0, "MXN", "es") == "$350,000"  # the team writes es_MX
    set_team_locale("es_CO")
    assert whole_money(350000.0, "COP", "es") == "$350.000"
    set_team_locale("es_ES")
    assert whole_money(350000.0, "EUR", "es") == "350.000\xa0€"


def test_a_team_that_writes_decimal_commas_gets_semicolons(control: Harness) -> None:
    report = _report(control)
    set_team_locale("es_CO")
    content = report_csv(report, "es").decode("utf-8")
    assert content.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(content[1:]), delimiter=";"))
    assert rows[0][:3] == ["cifra", "detalle", "moneda"]
    by_key = {(r[0], r[1], r[2]): r[3] for r in rows[1:]}
    assert by_key[("cumplimiento por monto", "Ana Pérez", "MXN")] == "0,6667"
    assert by_key[("DSO (días)", "", "MXN")] == "84,0"
    days = days_csv(report, "es").decode("utf-8")[1:]
    assert days.splitlines()[0].startswith("cobrador;día;llamadas planeadas;")
    set_team_locale("es_MX")
    mexican = report_csv(report, "es").decode("utf-8")[1:]
    assert mexican.splitlines()[0].startswith("cifra,detalle,moneda,")
    assert ",0.6667" in mexican


@pytest.mark.parametrize(
    ("cell", "shown"),
    [("=HYPERLINK(1)", "'=HYPERLINK(1)"), ("@luis", "'@luis"), ("-5", "'-5"), ("Ana", "Ana")],
)
def test_text_that_looks_like_a_formula_is_quoted(cell: str, shown: str) -> None:
    assert safe(cell) == shown
