"""The control report over a fortnight whose figures were computed by hand (the data and its
story: tests/e2e/control_seed.py): every collector, Bea who made no call included, figure
by figure and day by day; the charts as PNG images; the weekly report to the supervisors'
channel exactly once."""

from __future__ import annotations

import io
from collections.abc import Iterator
from datetime import date, datetime
from decimal import Decimal

import matplotlib.image as mpimg
import pytest
from sqlalchemy import select

from bot.core.db import Db
from models import Payment, TeamMember
from tests import builders as b
from tests.e2e.conftest import MEXICO, Harness
from tests.e2e.control_seed import FORTNIGHT, ask, days_of, figures_of, number, seed, start


@pytest.fixture
def control(db_url: str, db: Db) -> Iterator[Harness]:
    yield from start(db_url, db)


TEAM = "Equipo"
# (figure, who) → (the fortnight, the fortnight before), as the CSV's Spanish names them.
PER_COLLECTOR = {
    # planned: Ana 3 + 2 + 4 = 9, Luis 2 + 1 = 3, Bea 1 + 1 = 2 (before: no plans kept)
    ("llamadas planeadas", "Ana Pérez"): ("9", "0"),
    ("llamadas planeadas", "Luis Gómez"): ("3", "0"),
    ("llamadas planeadas", "Bea Ruiz"): ("2", "0"),
    ("llamadas planeadas", TEAM): ("14", "0"),
    # calls: Ana 2 + 1 + 2 = 5 (before: 1 on the 12th), Luis 1 + 1 = 2, Bea none
    ("llamadas hechas", "Ana Pérez"): ("5", "1"),
    ("llamadas hechas", "Luis Gómez"): ("2", "0"),
    ("llamadas hechas", "Bea Ruiz"): ("0", "0"),
    ("llamadas hechas", TEAM): ("7", "1"),
    # contacts: Ana answered 17th, answered 18th, third party 23rd = 3; Luis 19th = 1
    ("contactos", "Ana Pérez"): ("3", "1"),
    ("contactos", "Luis Gómez"): ("1", "0"),
    ("contactos", "Bea Ruiz"): ("0", "0"),
    ("contactos", TEAM): ("4", "1"),
    # obtained in the fortnight: Ana P1 P2 P3, Luis P4 P6; before: P8 Ana, P5 Luis, P7 Bea
    ("promesas obtenidas", "Ana Pérez"): ("3", "1"),
    ("promesas obtenidas", "Luis Gómez"): ("2", "1"),
    ("promesas obtenidas", "Bea Ruiz"): ("0", "1"),
    ("promesas obtenidas", TEAM): ("5", "3"),
    # due in the fortnight: Ana P1 (20th) P2 (24th) P3 (27th); Luis P5 (18th) P4 (23rd);
    # Bea P7 (19th); before: P8 (10th)
    ("promesas que vencían", "Ana Pérez"): ("3", "1"),
    ("promesas que vencían", "Luis Gómez"): ("2", "0"),
    ("promesas que vencían", "Bea Ruiz"): ("1", "0"),
    ("promesas que vencían", TEAM): ("6", "1"),
    ("cumplidas", "Ana Pérez"): ("1", "1"),  # P1 (before: P8)
    ("cumplidas", "Luis Gómez"): ("1", "0"),  # P5
    ("cumplidas", "Bea Ruiz"): ("0", "0"),
    ("cumplidas", TEAM): ("2", "1"),
    ("cumplidas en parte", "Luis Gómez"): ("1", "0"),  # P4
    ("cumplidas en parte", TEAM): ("1", "0"),
    ("incumplidas", "Ana Pérez"): ("1", "0"),  # P2
    ("incumplidas", "Luis Gómez"): ("0", "0"),
    ("incumplidas", "Bea Ruiz"): ("1", "0"),  # P7
    ("incumplidas", TEAM): ("2", "0"),
    ("pendientes", "Ana Pérez"): ("1", "0"),  # P3, still in its grace
    ("pendientes", TEAM): ("1", "0"),
    ("renegociadas", "Ana Pérez"): ("1", "0"),  # P3 moved once
    ("renegociadas", "Luis Gómez"): ("0", "0"),
    ("renegociadas", "Bea Ruiz"): ("1", "0"),  # P7 moved twice: one promise
    ("renegociadas", TEAM): ("2", "0"),
    # kept ÷ (kept + partly + broken): Ana 1 / 2, Luis 1 / 2, Bea 0 / 1, team 2 / 5
    ("cumplimiento por número", "Ana Pérez"): ("0.5", "1"),
    ("cumplimiento por número", "Luis Gómez"): ("0.5", ""),
    ("cumplimiento por número", "Bea Ruiz"): ("0", ""),
    ("cumplimiento por número", TEAM): ("0.4", "1"),
    # overdue tasks at the end (the 29th): Ana T2 (due 26th), Bea T3 (due 18th); T1 done
    # on the 25th; before (the 15th): Bea's T3 was not due yet
    ("tareas vencidas", "Ana Pérez"): ("1", "0"),
    ("tareas vencidas", "Luis Gómez"): ("0", "0"),
    ("tareas vencidas", "Bea Ruiz"): ("1", "0"),
    ("tareas vencidas", TEAM): ("2", "0"),
}
PER_COLLECTOR_MONEY = {
    # promised when obtained: Ana 1000 + 500 + 300, Luis 400 + 250; before: 100, 200, 150
    ("monto prometido", "Ana Pérez"): ("1800", "100"),
    ("monto prometido", "Luis Gómez"): ("650", "200"),
    ("monto prometido", "Bea Ruiz"): ("0", "150"),
    ("monto prometido", TEAM): ("2450", "450"),
    # collected from each one's customers: Ana 1000 (20th), Luis 200 (18th) + 100 (25th)
    ("cobrado", "Ana Pérez"): ("1000", "0"),
    ("cobrado", "Luis Gómez"): ("300", "0"),
    ("cobrado", "Bea Ruiz"): ("0", "0"),
    ("cobrado", TEAM): ("1300", "0"),
    # Σ min(paid, promised) ÷ Σ promised over resolved promises due: Ana (1000 + 0) / 1500,
    # Luis (200 + 100) / 600, Bea 0 / 150, team 1300 / 2250
    ("cumplimiento por monto", "Ana Pérez"): ("0.6667", "1"),
    ("cumplimiento por monto", "Luis Gómez"): ("0.5", ""),
    ("cumplimiento por monto", "Bea Ruiz"): ("0", ""),
    ("cumplimiento por monto", TEAM): ("0.5778", "1"),
}
TEAM_MONEY = {
    ("cobrado (todos los clientes)", ""): ("1300", "0"),
    # issued in the fortnight: A2 500; before: nothing
    ("ventas a crédito", ""): ("500", "0"),
    # AR(29th) = open today 500 + 1700 + 800 = 3000 (nothing paid or issued since);
    # AR(15th) = 3000 + paid since 1300 − issued since 500 = 3800
    ("cartera al cierre", ""): ("3000", "3800"),
    # AR(begin) = AR(end) + collected − sales: 3000 + 1300 − 500; 3800 + 0 − 0
    ("cartera al inicio", ""): ("3800", "3800"),
    ("cartera no vencida al cierre", ""): ("500", "0"),  # A2; before: none issued and due
    # DSO = AR(end) ÷ sales × 14 days = 3000 / 500 × 14; before: no sales
    ("DSO (días)", ""): ("84.0", ""),
    # CEI = (3800 + 500 − 3000) ÷ (3800 + 500 − 500) = 1300 / 3800; before 0 / 3800
    ("CEI (%)", ""): ("34.2", "0.0"),
    # the 29th: A2 current; B1 59 days; L1 121 days. The 15th: A1 15 days (1000 then),
    # B1 45 days, L1 107 days (1700 + 300 paid since)
    ("antigüedad del saldo", "current"): ("500", "0"),
    ("antigüedad del saldo", "1-30"): ("0", "1000"),
    ("antigüedad del saldo", "31-60"): ("800", "800"),
    ("antigüedad del saldo", "91-120"): ("0", "2000"),
    ("antigüedad del saldo", "120+"): ("1700", "0"),
}
OTHER = {
    # 20 Nov − 1 Oct = 50, 18 Nov − 1 Jul = 140, 25 Nov − 1 Jul = 147: 337 / 3
    ("días promedio de pago", ""): ("112.3", ""),
    ("notas", ""): ("2", "1"),
    ("notas que responden las tres preguntas", ""): ("1", "1"),
    ("excusa", "El responsable no está"): ("1", "0"),
    ("clientes que incumplen una y otra vez", ""): ("1", "0"),  # Boutique Bea: P9 and P7
    ("incumple una y otra vez", "Boutique Bea"): ("2", ""),
}


def _same(got: tuple[str, str] | None, want: tuple[str, str]) -> bool:
    return got is not None and tuple(map(number, got)) == tuple(map(number, want))


def test_every_figure_of_every_collector_matches_the_hand_computed_values(
    control: Harness,
) -> None:
    seed(control)
    text, files = ask(control, "U0SARA", FORTNIGHT)
    figures = figures_of(files)
    wrong = {
        key: (figures.get((*key, "")), want)
        for key, want in PER_COLLECTOR.items()
        if not _same(figures.get((*key, "")), want)
    }
    wrong |= {
        key: (figures.get((*key, "MXN")), want)
        for key, want in (PER_COLLECTOR_MONEY | TEAM_MONEY).items()
        if not _same(figures.get((*key, "MXN")), want)
    }
    wrong |= {
        key: (figures.get((*key, "")), want)
        for key, want in OTHER.items()
        if not _same(figures.get((*key, "")), want)
    }
    assert wrong == {}
    assert "Equipo de Sara Jiménez" in text
    # every collector, Bea with her zeros; money in the locale's digits
    assert (
        "*Ana Pérez* — llamadas 5 (plan 9) · contactos 3 · promesas obtenidas 3 ($1,800.00)" in text
    )
    assert "*Bea Ruiz* — llamadas 0 (plan 2) · contactos 0 · promesas obtenidas 0 ($0.00)" in text
    assert (
        "vencían 1: cumplidas 0, en parte 0, incumplidas 1, pendientes 0, renegociadas 1 · "
        "cumplimiento 0% · cobrado $0.00 · tareas vencidas 1"
    ) in text
    # the previous period's figure in words, never bare parentheses
    assert "*Promesas que vencían en el periodo:* 6 (antes 1)" in text
    assert "Cumplimiento de las que vencían: 40% por número (antes 100%) · 58% por monto" in text
    assert "*Obtenidas en el periodo:* 5 (antes 3) por $2,450.00" in text
    assert "*Cobrado:* $1,300.00" in text
    # before: no credit sales, so no DSO, and why
    assert "*DSO* (MXN): 84 días (antes sin ventas a crédito) · *CEI*: 34% (antes 0%)" in text
    assert "*Días promedio de pago:* 112.3 días (antes sin pagos de facturas)" in text
    assert "*Notas que responden quién, por qué y qué sigue:* 50% de 2 (antes 100%)" in text
    assert "(—)" not in text
    assert "DSO: cuántos días de ventas a crédito" in text and "CEI: de lo que se podía" in text
    assert "Boutique Bea (2)" in text


def test_each_collectors_days_are_in_the_per_day_file(control: Harness) -> None:
    seed(control)
    _, files = ask(control, "U0SARA", FORTNIGHT)
    days = days_of(files)
    # 3 collectors × 14 days, every one listed, the holiday and the weekends too
    assert len(days) == 42
    ana_17 = days[("Ana Pérez", "2026-11-17")]
    assert ana_17["llamadas planeadas"] == "3" and ana_17["llamadas hechas"] == "2"
    assert ana_17["contactos"] == "1" and ana_17["promesas obtenidas"] == "1"
    assert number(ana_17["monto prometido MXN"]) == Decimal(1000)
    ana_24 = days[("Ana Pérez", "2026-11-24")]
    assert ana_24["promesas que vencían"] == "1" and ana_24["incumplidas"] == "1"  # P2
    assert ana_24["tareas vencidas"] == "1"  # T1, due the 20th, done the 25th
    assert days[("Ana Pérez", "2026-11-25")]["tareas vencidas"] == "0"
    luis_25 = days[("Luis Gómez", "2026-11-25")]
    assert number(luis_25["cobrado MXN"]) == Decimal(100)
    bea_19 = days[("Bea Ruiz", "2026-11-19")]
    assert bea_19["llamadas hechas"] == "0" and bea_19["incumplidas"] == "1"
    assert bea_19["renegociadas"] == "1" and bea_19["tareas vencidas"] == "1"
    assert days[("Bea Ruiz", "2026-11-18")]["tareas vencidas"] == "0"  # due that very day


def test_the_charts_are_png_images_that_open(control: Harness) -> None:
    seed(control)
    _, files = ask(control, "U0SARA", FORTNIGHT)
    charts = sorted(n for n in files if n.endswith(".png"))
    assert [c.rsplit("-", 1)[-1] for c in charts] == [
        "antiguedad.png",
        "excusas.png",
        "llamadas.png",
        "promesas.png",
    ]
    assert charts[0].startswith("control-sara-jimenez-2026-11-16-2026-11-29-")
    for name in charts:
        data = files[name]
        assert data[:8] == b"\x89PNG\r\n\x1a\n", name
        image = mpimg.imread(io.BytesIO(data), format="png")
        assert image.shape[0] > 200 and image.shape[1] > 400
    (complete,) = control.fake.calls_to("files.completeUploadExternal")
    assert complete.params["channel_id"] == "D0SARA"  # the requester's DM


def test_a_collector_sees_only_their_own_work(control: Harness) -> None:
    seed(control)
    text, files = ask(control, "U0LUIS", FORTNIGHT)
    figures = figures_of(files)
    assert figures[("llamadas hechas", "Luis Gómez", "")] == ("2", "0")
    assert ("llamadas hechas", "Ana Pérez", "") not in figures
    assert _same(figures[("cobrado (todos los clientes)", "", "MXN")], ("300", "0"))
    assert "Tu trabajo" in text and "Ana Pérez" not in text


def test_a_period_that_cannot_be_read_is_refused_with_what_cobro_understands(
    control: Harness,
) -> None:
    seed(control)
    control.slack.command("U0SARA", "reporte ayer cuando")
    (answer,) = control.fake.wait_for("response_url")
    assert "No entendí el periodo «ayer cuando»" in answer.text()
    assert "semana pasada" in answer.text() and "noviembre 2026" in answer.text()
    assert control.fake.calls_to("files.completeUploadExternal") == []


def test_the_weekly_report_goes_to_the_supervisors_channel_once(control: Harness) -> None:
    seed(control)
    monday = datetime(2026, 11, 30, 8, 0, tzinfo=MEXICO)
    assert control.jobs.report(monday).ran
    assert not control.jobs.report(monday).ran  # a second run, or a second replica: nothing
    control.fake.wait_quiet(0.3)
    posted = control.fake.posted_to("C0SUPER")
    assert len(posted) == 2  # the summary, then the charts and the CSVs
    assert "Control semanal" in posted[0]["text"]
    assert len(posted[1]["files"]) == 6
    summary = control.fake.calls_to("chat.postMessage")[0].text()
    assert "Boutique Bea" not in summary  # a public channel: no customer names
    assert "1 cliente (los nombres van en el CSV)" in summary  # one, in the singular
    assert "*Bea Ruiz* — llamadas 0 (plan 0)" in summary  # 23–29 Nov: Bea planned nothing
    tuesday = datetime(2026, 12, 1, 8, 0, tzinfo=MEXICO)
    assert control.jobs.report(tuesday).reason == "not_monday"


def test_money_in_two_currencies_is_never_added_up(control: Harness) -> None:
    seed(control)
    with control.db.begin() as s:
        luis = s.scalars(select(TeamMember).where(TeamMember.slack_user_id == "U0LUIS")).one()
        acme = b.customer(s, "Acme Corp", luis)
        invoice = b.invoice(s, acme, "2026-11-10", "900.00", "850.00")
        invoice.currency, invoice.issue_date = "USD", date(2026, 10, 11)
        s.add(
            Payment(
                import_key="usd-1",
                customer_id=acme.id,
                invoice_id=invoice.id,
                amount=Decimal("50"),
                paid_on=date(2026, 11, 20),
            )
        )
        promise = b.promise(s, acme, luis, "2026-11-27", "70")
        promise.created_at = b.at("2026-11-20")
    text, files = ask(control, "U0SARA", FORTNIGHT)
    figures = figures_of(files)
    # Luis: pesos as before, dollars apart
    assert _same(figures[("cobrado", "Luis Gómez", "MXN")], ("300", "0"))
    assert _same(figures[("cobrado", "Luis Gómez", "USD")], ("50", "0"))
    assert _same(figures[("monto prometido", "Luis Gómez", "USD")], ("70", "0"))
    assert _same(figures[("cobrado (todos los clientes)", "", "USD")], ("50", "0"))
    assert _same(figures[("antigüedad del saldo", "1-30", "USD")], ("850", "900"))  # 19 and 5 days
    assert "*Cobrado:* $1,300.00 / USD50.00" in text
    assert "promesas obtenidas 3 ($650.00 / USD70.00)" in text
    assert "*Antigüedad del saldo* (USD, al cierre: USD850.00)" in text
    assert "$1,350.00" not in text
