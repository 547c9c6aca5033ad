"""The customer card shows the record before the call: the payments received, how the calls
went, and when the customer may be called. Monday 23 November 2026 in Mexico City."""

from __future__ import annotations

from datetime import date, time
from decimal import Decimal

from sqlalchemy import select

from bot.core.money import money
from models import Payment, TeamMember
from models.enums import AttemptOutcome
from tests import builders as b
from tests.e2e.conftest import Harness


def test_the_card_shows_payments_call_outcomes_and_calling_hours(bot: Harness) -> None:
    bot.team()
    with bot.db.begin() as s:
        ana = s.scalars(select(TeamMember).where(TeamMember.slack_user_id == "U0ANA")).one()
        lopez = b.lopez(s, ana)
        lopez.timezone, lopez.call_days = "America/Bogota", "1,2,3,4,5"
        lopez.call_start, lopez.call_end = time(9), time(13)
        invoice = b.invoice(s, lopez, "2026-10-01", "1500.00")
        s.add_all(
            [
                Payment(
                    import_key="a",
                    customer_id=lopez.id,
                    invoice_id=invoice.id,
                    amount=Decimal("500"),
                    paid_on=date(2026, 11, 19),
                    method="transfer",
                    reference="TRX-77",
                ),
                Payment(
                    import_key="b",
                    customer_id=lopez.id,
                    amount=Decimal("250.50"),
                    paid_on=date(2026, 11, 2),
                ),
            ]
        )
        for outcome in (
            AttemptOutcome.NO_ANSWER,
            AttemptOutcome.NO_ANSWER,
            AttemptOutcome.ANSWERED,
        ):
            b.attempt(s, lopez, ana, "2026-11-18", outcome)
        sol = b.customer(s, "Papelería El Sol", ana)
        b.invoice(s, sol, "2026-11-01", "100.00")
    bot.slack.command("U0ANA", "cliente lopez")
    (answer,) = bot.fake.wait_for("response_url")
    text = answer.text()
    # newest first, each with what identifies it
    paid = money(Decimal("500"), "MXN", "es")  # the team's locale: $500.00
    assert f"19 nov 2026 · {paid} · Transferencia · ref. TRX-77 · factura F-" in text
    assert f"2 nov 2026 · {money(Decimal('250.50'), 'MXN', 'es')}" in text
    assert text.index("19 nov 2026") < text.index("2 nov 2026")
    assert "*Cómo fueron las llamadas:* No contestó: 2 · Contestó el contacto: 1" in text
    assert "*Horario para llamar:* lun–vie, 09:00–13:00, hora de Bogotá" in text
    bot.slack.command("U0ANA", "cliente sol")
    (_, other) = bot.fake.wait_for("response_url", count=2)
    assert "Ningún pago registrado." in other.text()
    assert "(el del equipo)" in other.text()  # no hours of its own: the team's
    assert "Cómo fueron las llamadas" not in other.text()  # never called
