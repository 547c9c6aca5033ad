"""ONE seed of sample data, for the demo, the tests and the benchmarks: the team (Sara
Jiménez supervises Ana Pérez, Luis Gómez and Bea Ruiz) and thirty customers dated from the
first day so that every kind of due call is there on the first morning: invoices at each
dunning step, a pending promise, a broken one, an overdue task, and some history for the
card and the report."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from bot.calls.notes import note_hashtags
from bot.core.calendar import BusinessCalendar
from bot.core.text import fold
from bot.core.vocabulary import (
    AttemptOutcome,
    ExcuseCategory,
    PromiseStatus,
    Rank,
    Role,
    TaskKind,
)
from models import (
    Contact,
    ContactAttempt,
    Customer,
    Invoice,
    Note,
    Payment,
    PaymentPromise,
    Task,
    TeamMember,
)


@dataclass(frozen=True)
class Person:
    slack_id: str
    name: str
    role: Role
    email: str


SUPERVISOR = Person("U0SARA", "Sara Jiménez", Role.SUPERVISOR, "sara@ejemplo.mx")
COLLECTORS = [
    Person("U0ANA", "Ana Pérez", Role.COLLECTOR, "ana@ejemplo.mx"),
    Person("U0LUIS", "Luis Gómez", Role.COLLECTOR, "luis@ejemplo.mx"),
    Person("U0BEA", "Bea Ruiz", Role.COLLECTOR, "bea@ejemplo.mx"),
]
TEAM = [SUPERVISOR, *COLLECTORS]

# name, time zone, contact, title
CUSTOMERS = [
    ("Ferretería López", None, "Marisol Díaz", "Contadora"),
    ("Papelería El Sol", None, "Jorge Salinas", "Gerente"),
    ("Farmacia San Juan", None, "Lucía Torres", "Cuentas por pagar"),
    ("Distribuidora Norte", "America/Monterrey", "Raúl Garza", "Director de finanzas"),
    ("Constructora Hernández", None, "Ing. Pablo Hernández", "Dueño"),
    ("Panadería La Espiga", None, "Rosa Medina", "Administradora"),
    ("Abarrotes Doña Mari", None, "María Luna", "Dueña"),
    ("Refaccionaria Ruiz", None, "Tomás Ruiz", "Gerente"),
    ("Tlapalería Martínez", None, "Elena Martínez", "Contadora"),
    ("Muebles Gómez", None, "Héctor Gómez", "Director"),
    ("Óptica Visión Clara", None, "Diana Ríos", "Administradora"),
    ("Carnicería El Toro", None, "Ramón Flores", "Dueño"),
    ("Dulcería La Piñata", None, "Sofía Campos", "Encargada de pagos"),
    ("Lavandería Burbujas", None, "Iván Ortega", "Gerente"),
    ("Taller Mecánico Díaz", None, "Arturo Díaz", "Dueño"),
    ("Vidriería Cristal", None, "Patricia Vega", "Contadora"),
    ("Imprenta Rápida", None, "Óscar Núñez", "Gerente"),
    ("Florería Las Rosas", None, "Carmen Rosas", "Dueña"),
    ("Zapatería Paso Firme", None, "Luis Arriaga", "Administrador"),
    ("Veterinaria Huellitas", None, "Dra. Laura Peña", "Directora"),
    ("Café Altura", "America/Bogota", "Andrés Quintero", "Gerente financiero"),
    ("Textiles Andinos", "America/Bogota", "Catalina Restrepo", "Tesorera"),
    ("Librería Cervantes", "Europe/Madrid", "Javier Morales", "Administrador"),
    ("Ferretería Industrial del Bajío", None, "Gerardo Ibarra", "Compras"),
    ("Papelería Escolar", None, "Mónica Treviño", "Contadora"),
    ("Electrónica Voltio", None, "Ricardo Solís", "Gerente"),
    ("Mueblería Roble", None, "Adriana Castillo", "Administradora"),
    ("Cremería La Vaca", None, "Felipe Mora", "Dueño"),
    ("Pinturas Color Vivo", None, "Gabriela Chávez", "Cuentas por pagar"),
    ("Hotel Posada del Río", None, "Eduardo Lara", "Contralor"),
]

# Days from the first day to each invoice's due date, so that on that morning the invoice
# sits at: a reminder (-5 → due in 5 days), first call (+15), second (+45), third (+75),
# escalated (+95), or not due yet.
DUE_OFFSETS = [15, -5, 45, 75, 95, -20]


def _at(day: date, hour: int, tz: ZoneInfo) -> datetime:
    return datetime.combine(day, time(hour), tz).astimezone(UTC)


def seed(session: Session, first_day: date, tz: ZoneInfo, calendar: BusinessCalendar) -> None:
    """Fill an empty database for a demo whose first morning is `first_day`."""
    rng = random.Random(2026)
    members: dict[str, TeamMember] = {}
    for person in TEAM:
        member = TeamMember(
            slack_user_id=person.slack_id,
            name=person.name,
            role=person.role,
            email=person.email,
            locale="es-LA",
            timezone=tz.key,
        )
        session.add(member)
        session.flush()
        members[person.slack_id] = member
    for person in COLLECTORS:
        members[person.slack_id].supervisor_id = members[SUPERVISOR.slack_id].id
    collectors = [members[p.slack_id] for p in COLLECTORS]
    customers: list[Customer] = []
    for index, (name, zone, contact, title) in enumerate(CUSTOMERS):
        customer = Customer(
            external_id=f"C-{1001 + index}",
            name=name,
            search_name=fold(name),
            tax_id=f"RFC{index:04d}",
            rank=[Rank.A, Rank.B, Rank.B, Rank.C][index % 4],
            collector_id=collectors[index % 3].id,
            timezone=zone,
        )
        session.add(customer)
        session.flush()
        session.add(
            Contact(
                customer_id=customer.id,
                name=contact,
                match_name=fold(contact),
                title=title,
                phone=f"+52 55 {rng.randint(1000, 9999)} {rng.randint(1000, 9999)}",
                email=f"pagos{index}@cliente.mx",
                decision_maker=True,
            )
        )
        offset = DUE_OFFSETS[index % len(DUE_OFFSETS)]
        amount = Decimal(rng.randrange(2_000, 60_000, 50))
        due = first_day - timedelta(days=offset)
        session.add(
            Invoice(
                number=f"F-{5001 + index}",
                customer_id=customer.id,
                issue_date=due - timedelta(days=30),
                due_date=due,
                amount=amount,
                balance=amount,
                currency="MXN",
            )
        )
        customers.append(customer)
    session.flush()
    _history(session, first_day, tz, calendar, members, customers)


def _call(
    session: Session,
    customer: Customer,
    member: TeamMember,
    at: datetime,
    outcome: AttemptOutcome = AttemptOutcome.ANSWERED,
    **note: object,
) -> Note | None:
    """A call as the call modal stores it: the attempt, and its note when someone answered
    (the category's hashtag first, then those typed in the excuse)."""
    attempt = ContactAttempt(customer_id=customer.id, member_id=member.id, at=at, outcome=outcome)
    session.add(attempt)
    session.flush()
    if not note:
        return None
    category = note["excuse_category"]
    assert isinstance(category, ExcuseCategory)
    written = Note(
        customer_id=customer.id,
        author_id=member.id,
        attempt_id=attempt.id,
        hashtags=" ".join(note_hashtags(category, str(note.get("excuse") or ""))),
        created_at=at,
        **note,
    )
    session.add(written)
    session.flush()
    return written


def _history(
    session: Session,
    first_day: date,
    tz: ZoneInfo,
    calendar: BusinessCalendar,
    members: dict[str, TeamMember],
    customers: list[Customer],
) -> None:
    """A pending promise, a broken promise, an overdue task, and last week's work."""
    by_id = {member.id: member for member in members.values()}
    yesterday = calendar.previous_business_day(first_day)
    before = calendar.previous_business_day(yesterday)
    three_before = calendar.previous_business_day(calendar.previous_business_day(before))
    sol, farmacia, norte = customers[1], customers[2], customers[3]
    luis, bea, ana = (by_id[c.collector_id or 0] for c in (sol, farmacia, norte))  # their own

    # Papelería El Sol promised to pay tomorrow: no call today, a reminder instead.
    note = _call(
        session,
        sol,
        luis,
        _at(yesterday, 11, tz),
        spoke_with="Jorge Salinas (Gerente)",
        excuse_category=ExcuseCategory.IN_APPROVAL,
        excuse="El pago está en aprobación con el director, que regresa mañana #aprobacion",
        agreement="Transfiere mañana en cuanto firme",
    )
    assert note is not None
    session.add(
        PaymentPromise(
            customer_id=sol.id,
            note_id=note.id,
            collector_id=luis.id,
            amount=Decimal("8000"),
            promised_for=calendar.add_business_days(first_day, 1),
            method="transfer",
            created_at=_at(yesterday, 11, tz),
        )
    )

    # Farmacia San Juan promised three business days ago and did not pay: broken.
    note = _call(
        session,
        farmacia,
        bea,
        _at(three_before, 10, tz),
        spoke_with="Lucía Torres (Cuentas por pagar)",
        excuse_category=ExcuseCategory.CANNOT_PAY,
        excuse="Flujo de caja apretado este mes por la temporada baja",
        agreement="Paga la mitad el viernes y el resto en quince días",
    )
    assert note is not None
    broke = PaymentPromise(
        customer_id=farmacia.id,
        note_id=note.id,
        collector_id=bea.id,
        amount=Decimal("5000"),
        promised_for=three_before,
        created_at=_at(three_before, 10, tz),
    )
    session.add(broke)

    # Distribuidora Norte: Ana owed them a copy of the invoice two days ago.
    session.add(
        Task(
            customer_id=norte.id,
            text="Enviar copia de la factura F-5004",
            kind=TaskKind.SEND_INVOICE,
            due_date=before,
            assignee_id=ana.id,
            supervisor_id=members["U0SARA"].id,
            creator_id=ana.id,
            created_at=_at(before, 9, tz),
        )
    )

    # Last week's work, for the report: calls, notes, a kept promise and its payment.
    rng = random.Random(7)
    categories = list(ExcuseCategory)
    for n in range(18):
        customer = customers[4 + n % 20]
        member = members[COLLECTORS[n % 3].slack_id]
        day = first_day - timedelta(days=3 + n % 5)
        if not calendar.is_business_day(day):
            continue
        outcome = rng.choice(
            [
                AttemptOutcome.ANSWERED,
                AttemptOutcome.ANSWERED,
                AttemptOutcome.NO_ANSWER,
                AttemptOutcome.MESSAGE_LEFT,
            ]
        )
        if outcome != AttemptOutcome.ANSWERED:
            _call(session, customer, member, _at(day, 10 + n % 6, tz), outcome)
            continue
        _call(
            session,
            customer,
            member,
            _at(day, 10 + n % 6, tz),
            spoke_with="Contacto de pagos",
            excuse_category=categories[n % len(categories)],
            excuse="Comentó que el pago se retrasó por un cambio de banco",
            agreement="Confirma la fecha de pago el lunes",
        )
    kept_customer = customers[10]
    invoice = session.query(Invoice).filter_by(customer_id=kept_customer.id).one()
    paid = Decimal("3000")
    session.add(
        PaymentPromise(
            customer_id=kept_customer.id,
            collector_id=members["U0BEA"].id,
            amount=paid,
            paid_amount=paid,
            status=PromiseStatus.KEPT,
            promised_for=before,
            created_at=_at(before - timedelta(days=3), 10, tz),
            resolved_at=_at(before, 12, tz),
        )
    )
    session.add(
        Payment(
            import_key="demo-1",
            reference="TR-778812",
            customer_id=kept_customer.id,
            invoice_id=invoice.id,
            amount=paid,
            paid_on=before,
            method="transfer",
        )
    )
    invoice.balance -= paid
