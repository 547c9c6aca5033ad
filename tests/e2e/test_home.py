"""The Home tab, "Mi día": my calls, my tasks, the promises due today."""

from __future__ import annotations

from datetime import datetime

from models import TeamMember
from models.enums import TaskKind
from tests import builders as b
from tests.e2e.conftest import MEXICO, Harness


def test_home_shows_my_calls_tasks_and_promises_due_today(bot: Harness) -> None:
    bot.member("U0ANA", "Ana Pérez")
    with bot.db.begin() as s:
        ana = s.query(TeamMember).filter_by(slack_user_id="U0ANA").one()
        lopez = b.customer(s, "Ferretería López", ana)
        b.invoice(s, lopez, "2026-11-06", "1500.00")
        sol = b.customer(s, "Papelería Sol", ana)
        b.task(s, sol, ana, "2026-11-24", "Enviar copia de la factura", kind=TaskKind.SEND_INVOICE)
        b.task(s, lopez, ana, "2026-11-19", "Confirmar la dirección de entrega")
        b.promise(s, b.customer(s, "Farmacia Luz", ana), ana, "2026-11-23", "800")
    bot.slack.event({"type": "app_home_opened", "user": "U0ANA", "tab": "home"})
    (published,) = bot.fake.wait_for("views.publish")
    view = published.params["view"]
    text = published.text()
    assert view["type"] == "home" and len(view["blocks"]) <= 100
    assert "Mi día" in text
    assert "Ferretería López" in text and "Registrar llamada" in text
    (tasks,) = [
        line
        for block in view["blocks"]
        if block["type"] == "section" and "Papelería Sol" in block["text"]["text"]
        for line in [block["text"]["text"]]
    ]
    # overdue said as /cobro tareas says it; due tomorrow, not
    assert "Confirmar la dirección de entrega · Ferretería López · :hourglass: vencida" in tasks
    assert "Enviar copia de la factura · Papelería Sol" in tasks
    assert "Papelería Sol · :hourglass:" not in tasks
    assert "Farmacia Luz" in text and "revisa que el pago haya llegado" in text


def test_home_with_200_items_is_within_slack_limits_and_shows_every_section(
    bot: Harness,
) -> None:
    """200 due calls, 100 tasks and 100 promises due today: the calls that fit, the rest
    counted with the command, and the tasks, the promises and the done calls all there."""
    bot.member("U0ANA", "Ana Pérez")
    with bot.db.begin() as s:
        ana = s.query(TeamMember).filter_by(slack_user_id="U0ANA").one()
        for n in range(200):
            customer = b.customer(s, f"Cliente {n:03d}", ana)
            b.invoice(s, customer, "2026-11-06", "1500.00")
            if n < 100:
                b.task(s, customer, ana, "2026-11-25", f"Enviar estado de cuenta {n}")
                b.promise(s, customer, ana, "2026-11-23", "800")
        b.attempt(s, customer, ana, "2026-11-23")  # logged today at 10:00
    bot.clock.set(datetime(2026, 11, 23, 11, tzinfo=MEXICO))
    bot.slack.event({"type": "app_home_opened", "user": "U0ANA", "tab": "home"})
    (published,) = bot.fake.wait_for("views.publish")
    view = published.params["view"]
    text = published.text()
    assert len(view["blocks"]) <= 100  # and the fake checked every other limit
    assert "Avance de hoy: 1 de" in text
    assert "más: escribe `/cobro hoy` para verlas todas" in text
    assert "Mis tareas (100)" in text and "y 85 más: escribe `/cobro tareas`" in text
    assert "Promesas que vencen hoy (100)" in text and "y 85 más: escribe `/cobro promesas`" in text
    assert "Llamadas hechas hoy (1)" in text and "10:00 · Cliente 199" in text
