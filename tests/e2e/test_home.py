"""The Home tab, "Mi día": my calls, my tasks, the promises due today."""

from __future__ import annotations

from models import TeamMember
from models.enums import TaskKind
from tests import builders as b
from tests.e2e.conftest import Harness


def test_home_shows_my_calls_tasks_and_promises_due_today(bot: Harness) -> None:
    bot.member("U0ANA", "Ana Pérez")
    with bot.db.begin() as s:
        ana = s.query(TeamMember).filter_by(slack_user_id="U0ANA").one()
        lopez = b.customer(s, "Ferretería López", ana)
        b.invoice(s, lopez, "2026-11-06", "1500.00")
        sol = b.customer(s, "Papelería Sol", ana)
        b.task(s, sol, ana, "2026-11-24", "Enviar copia de la factura", kind=TaskKind.SEND_INVOICE)
        b.promise(s, b.customer(s, "Farmacia Luz", ana), ana, "2026-11-23", "800")
    bot.slack.event({"type": "app_home_opened", "user": "U0ANA", "tab": "home"})
    (published,) = bot.fake.wait_for("views.publish")
    view = published.params["view"]
    text = published.text()
    assert view["type"] == "home" and len(view["blocks"]) <= 100
    assert "Mi día" in text
    assert "Ferretería López" in text and "Registrar llamada" in text
    assert "Enviar copia de la factura · Papelería Sol" in text
    assert "Farmacia Luz" in text and "revisa que el pago haya llegado" in text
