"""Asking for the control in words: "semana pasada", a month's name, a person (`@luis`),
and who may see whose work; on the fortnight of tests/e2e/control_seed.py (today is Monday
30 November 2026)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import select

from bot.core.db import Db
from models import PaymentPromise, TeamMember
from tests import builders as b
from tests.e2e.conftest import Harness
from tests.e2e.control_seed import ask, days_of, figures_of, seed, start


@pytest.fixture
def control(db_url: str, db: Db) -> Iterator[Harness]:
    yield from start(db_url, db)


def test_last_week_is_monday_to_sunday_and_is_also_a_bare_report_on_a_monday(
    control: Harness,
) -> None:
    seed(control)
    text, files = ask(control, "U0SARA", "semana pasada")
    assert "Control de cobranza · 23 nov 2026 – 29 nov 2026" in text
    assert "frente a 16 nov 2026 – 22 nov 2026" in text
    figures = figures_of(files)
    # 23–29 Nov: Ana called twice on the 23rd (plan 4); P2 (24th) broke, P3 (27th) pending
    assert figures[("llamadas hechas", "Ana Pérez", "")] == ("2", "3")
    assert figures[("llamadas planeadas", "Ana Pérez", "")] == ("4", "5")
    assert figures[("promesas que vencían", "Ana Pérez", "")] == ("2", "1")
    assert figures[("incumplidas", "Ana Pérez", "")] == ("1", "0")
    # Luis: P4 due on the 23rd, partly kept; the week before P5 (18th) kept
    assert figures[("cumplidas en parte", "Luis Gómez", "")] == ("1", "0")
    assert figures[("cumplidas", "Luis Gómez", "")] == ("0", "1")
    # Bea: nothing planned, nothing called; P7 fell due the week before
    assert figures[("llamadas hechas", "Bea Ruiz", "")] == ("0", "0")
    assert figures[("incumplidas", "Bea Ruiz", "")] == ("0", "1")
    assert len(days_of(files)) == 3 * 7
    bare, _ = ask(control, "U0SARA", "")
    assert "Control de cobranza · 23 nov 2026 – 29 nov 2026" in bare


def test_a_month_by_its_name_is_the_whole_month_against_the_month_before(
    control: Harness,
) -> None:
    seed(control)
    text, files = ask(control, "U0SARA", "noviembre 2026")
    assert "Control de cobranza · 1 nov 2026 – 30 nov 2026" in text
    assert "frente a 1 oct 2026 – 31 oct 2026" in text
    figures = figures_of(files)
    # November: Ana 5 calls in the fortnight + 1 on the 12th; promises obtained P1 P2 P3 P8
    assert figures[("llamadas hechas", "Ana Pérez", "")] == ("6", "0")
    assert figures[("promesas obtenidas", "Ana Pérez", "")] == ("4", "0")
    # Bea obtained P7 in November (5th) and P9 in October (1st); P9 fell due in October
    assert figures[("promesas obtenidas", "Bea Ruiz", "")] == ("1", "1")
    assert figures[("incumplidas", "Bea Ruiz", "")] == ("1", "1")
    same, _ = ask(control, "U0SARA", "noviembre")  # without a year: the latest November
    assert "1 nov 2026 – 30 nov 2026" in same


def test_a_month_without_a_year_that_is_last_years_says_so_and_a_year_can_be_typed(
    control: Harness,
) -> None:
    seed(control)
    text, _ = ask(control, "U0SARA", "diciembre")  # on 30 November 2026
    assert "Control de cobranza · 1 dic 2025 – 31 dic 2025" in text
    assert "Es diciembre de 2025: diciembre de 2026 todavía no empieza." in text
    for typed in ("diciembre 2025", "dic 2025", "2025-12"):
        same, _ = ask(control, "U0SARA", typed)
        assert "Control de cobranza · 1 dic 2025 – 31 dic 2025" in same, typed
        assert "todavía no empieza" not in same, typed  # the year was typed: nothing to say
    answered = len(control.fake.calls_to("response_url"))
    control.slack.command("U0SARA", "reporte diciembre 2027")
    refusal = control.fake.wait_for("response_url", count=answered + 1)[-1]
    assert "El mes de diciembre de 2027 todavía no empieza" in refusal.text()


def test_a_person_is_named_with_an_at_or_a_slack_mention(control: Harness) -> None:
    seed(control)
    text, files = ask(control, "U0SARA", "semana pasada @luis")
    assert "Trabajo de Luis Gómez" in text and "Ana Pérez" not in text
    figures = figures_of(files)
    assert figures[("llamadas hechas", "Luis Gómez", "")] == ("1", "1")
    assert ("llamadas hechas", "Ana Pérez", "") not in figures
    assert {who for who, _ in days_of(files)} == {"Luis Gómez"}
    mention, files = ask(control, "U0SARA", "<@U0BEA|bea> noviembre")
    assert "Trabajo de Bea Ruiz" in mention
    assert figures_of(files)[("incumplidas", "Bea Ruiz", "")] == ("1", "1")


def test_a_collector_asking_for_someone_elses_work_is_refused_politely(
    control: Harness,
) -> None:
    seed(control)
    control.slack.command("U0LUIS", "reporte @bea")
    (answer,) = control.fake.wait_for("response_url")
    assert "Ese reporte no te toca" in answer.text()
    assert "Bea Ruiz" not in answer.text()
    assert control.fake.calls_to("files.completeUploadExternal") == []
    own, _ = ask(control, "U0LUIS", "@luis")  # their own, named: allowed
    assert "Tu trabajo" in own


def test_a_name_nobody_has_is_refused(control: Harness) -> None:
    seed(control)
    control.slack.command("U0SARA", "reporte @pedro")
    (answer,) = control.fake.wait_for("response_url")
    assert "@pedro" in answer.text()
    assert control.fake.calls_to("files.completeUploadExternal") == []


def test_a_promise_moved_in_slack_counts_as_renegotiated(control: Harness) -> None:
    control.team()
    with control.db.begin() as s:
        ana = s.scalars(select(TeamMember).where(TeamMember.slack_user_id == "U0ANA")).one()
        promise = b.promise(s, b.customer(s, "Abarrotes Ana", ana), ana, "2026-12-02", "300")
        promise_id = promise.id
    control.slack.block_action("U0ANA", "cobro_promise_move", str(promise_id))
    modal = control.fake.last_view()
    # the customer pays today after all
    control.slack.submit("U0ANA", modal, {"when": "hoy", "why": "Cobró antes de lo previsto"})
    with control.db() as s:
        moved = s.get(PaymentPromise, promise_id)
        assert moved is not None and moved.renegotiations == 1
    _, files = ask(control, "U0SARA", "hoy")
    figures = figures_of(files)
    assert figures[("promesas que vencían", "Ana Pérez", "")] == ("1", "0")
    assert figures[("renegociadas", "Ana Pérez", "")] == ("1", "0")
    assert figures[("pendientes", "Ana Pérez", "")] == ("1", "0")
