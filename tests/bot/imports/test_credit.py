"""A credit is never dropped: the customer card shows it, the history tells when it came and
where it went, and a payment typed in Slack that pays more than everything keeps it too."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session, sessionmaker

from bot.core.calendar import BusinessCalendar
from bot.core.config import load_settings
from bot.core.policy import Policy
from bot.customers.service import customer_card
from bot.history.queries import events
from bot.imports.service import import_file
from bot.imports.values import ReadOptions
from bot.payments.service import apply_payment
from handlers.blocks.customer import build_customer_card
from models import Customer, Payment
from tests import builders as b
from tests.bot.imports.conftest import FIXTURES

MX = ZoneInfo("America/Mexico_City")
NOW = datetime(2026, 11, 30, 15, tzinfo=UTC)


def _overpaid(db: sessionmaker[Session], tmp_path: Path) -> None:
    options = ReadOptions(locale="es_MX", country="MX")
    kw = {"options": options, "today": date(2026, 11, 30), "calendar": BusinessCalendar("MX")}
    for kind, name in (
        ("customers", "clientes.csv"),
        ("invoices", "facturas.csv"),
        ("payments", "pagos_de_mas.csv"),
    ):
        import_file(db, FIXTURES / name, kind=kind, **kw)  # type: ignore[arg-type]
    nueva = tmp_path / "facturas.csv"
    nueva.write_text(
        "Factura;Cliente;Vencimiento;Importe;Moneda\nF-3002;C-003;15/12/26;10.000,00;MXN\n",
        encoding="utf-8",
    )
    import_file(db, nueva, kind="invoices", **kw)  # type: ignore[arg-type]


def test_the_card_and_the_history_show_the_credit(
    db: sessionmaker[Session], team: None, tmp_path: Path
) -> None:
    _overpaid(db, tmp_path)
    with db() as s:
        guemes = s.query(Customer).filter(Customer.external_id == "C-003").one()
        found = events(s, guemes.id, MX, "es")
    policy = Policy.from_settings(load_settings(_env_file=None, cobro_country="MX"))
    card = customer_card(db, customer_id=guemes.id, now=NOW, policy=policy, currency="MXN")
    assert card.credit == Decimal("87498.50")
    text = str(build_customer_card(card, "es", date(2026, 11, 30)))
    assert "*Saldo a favor:*" in text and "(se aplicará a su próxima factura)" in text
    credits = [(e.kind, e.detail, e.amount) for e in found if e.kind.startswith("Saldo a favor")]
    assert sorted(credits) == [
        (
            "Saldo a favor",
            "lo que el pago SPEI-99999 dejó tras saldar todas las facturas",
            Decimal("97498.50"),
        ),
        ("Saldo a favor aplicado", "a la factura F-3002", Decimal("10000.00")),
    ]


def test_a_card_without_credit_says_nothing_of_it(db: sessionmaker[Session]) -> None:
    with db.begin() as s:
        ana = b.member(s, "U0ANA", "Ana")
        lopez = b.lopez(s, ana)
        b.invoice(s, lopez, "2026-11-01", "100.00")
        customer_id = lopez.id
    policy = Policy.from_settings(load_settings(_env_file=None, cobro_country="MX"))
    card = customer_card(db, customer_id=customer_id, now=NOW, policy=policy, currency="MXN")
    assert card.credit == 0
    assert "Saldo a favor" not in str(build_customer_card(card, "es", date(2026, 11, 30)))


def test_a_payment_beyond_every_invoice_is_kept_on_the_customer(
    db: sessionmaker[Session],
) -> None:
    with db.begin() as s:
        ana = b.member(s, "U0ANA", "Ana")
        lopez = b.lopez(s, ana)
        b.invoice(s, lopez, "2026-11-01", "2500.50")
        payment = Payment(
            import_key="slack:1",
            customer_id=lopez.id,
            amount=Decimal("99999"),
            paid_on=date(2026, 11, 30),
        )
        s.add(payment)
        s.flush()
        credit = apply_payment(s, payment, BusinessCalendar("MX")).credit
        assert credit == Decimal("97498.50")
        assert (payment.credit, lopez.credit) == (Decimal("97498.50"), Decimal("97498.50"))
