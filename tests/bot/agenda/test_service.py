"""The day's due calls from the database, one test per edge of the rule. Reference day: Wednesday 2026-11-25
(Mexico; Monday 16 November was a public holiday)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy.orm import Session, sessionmaker

from bot.agenda.rules import Agenda
from bot.agenda.service import compute_agendas
from bot.core.config import load_settings
from bot.core.dunning import Reason
from bot.core.policy import Policy
from bot.core.vocabulary import PromiseStatus, Role, TaskKind
from tests import builders as b

WED = date(2026, 11, 25)


def policy(**overrides: object) -> Policy:
    settings = load_settings(
        _env_file=None, cobro_timezone="America/Mexico_City", cobro_country="MX", **overrides
    )
    return Policy.from_settings(settings)


def agenda(db: sessionmaker[Session], who: int, day: date = WED, **overrides: object) -> Agenda:
    with db() as s:
        return compute_agendas(s, collector_ids=[who], day=day, policy=policy(**overrides))[who]


def reasons(result: Agenda) -> dict[str, Reason]:
    return {call.name: call.reason for call in result.calls}


@pytest.fixture
def ana(db: sessionmaker[Session]) -> int:
    with db.begin() as s:
        return b.member(s, "U0ANA", "Ana").id


def test_an_invoice_at_each_dunning_step_is_due_with_that_step(db, ana) -> None:
    with db.begin() as s:
        me = s.get(b.TeamMember, ana)
        b.invoice(s, b.customer(s, "Recordatorio", me), "2026-11-30", "100")  # -5
        b.invoice(s, b.customer(s, "Primera", me), "2026-11-10", "100")  # +15
        b.invoice(s, b.customer(s, "Segunda", me), "2026-10-11", "100")  # +45
        b.invoice(s, b.customer(s, "Tercera", me), "2026-09-11", "100")  # +75
        b.invoice(s, b.customer(s, "Aun no", me), "2026-12-15", "100")  # -20: nothing yet
        b.invoice(
            s, b.customer(s, "Entre pasos", me), "2026-11-05", "100"
        )  # +20: step +15 was on 20th
    result = reasons(agenda(db, ana))
    assert result["Recordatorio"] == Reason.REMINDER
    assert result["Primera"] == Reason.FIRST_CALL
    assert result["Segunda"] == Reason.SECOND_CALL
    assert result["Tercera"] == Reason.THIRD_CALL
    assert result["Entre pasos"] == Reason.FIRST_CALL
    assert "Aun no" not in result


def test_a_call_logged_after_the_step_clears_it_and_one_before_does_not(db, ana) -> None:
    with db.begin() as s:
        me = s.get(b.TeamMember, ana)
        after = b.customer(s, "Llamado después", me)
        b.invoice(s, after, "2026-11-05", "100")  # step +15 on 20 Nov
        b.attempt(s, after, me, "2026-11-23")
        before = b.customer(s, "Llamado antes", me)
        b.invoice(s, before, "2026-11-05", "100")
        b.attempt(s, before, me, "2026-11-19")
    result = reasons(agenda(db, ana))
    assert "Llamado después" not in result
    assert result["Llamado antes"] == Reason.FIRST_CALL


def test_a_step_on_a_day_the_customer_cannot_be_called_moves_to_the_next_callable_day(
    db, ana
) -> None:
    with db.begin() as s:
        me = s.get(b.TeamMember, ana)
        # due 13 Nov → +15 is Saturday 28 Nov; customer called only Mon/Wed → Monday 30 Nov.
        c = b.customer(s, "Solo lun-mie", me, call_days="1,3")
        b.invoice(s, c, "2026-11-13", "100")
    assert agenda(db, ana, date(2026, 11, 27)).calls == []
    monday = agenda(db, ana, date(2026, 11, 30))
    assert [(c.name, c.reason, c.since) for c in monday.calls] == [
        ("Solo lun-mie", Reason.FIRST_CALL, date(2026, 11, 30))
    ]


def test_nobody_is_due_on_a_day_they_cannot_be_called(db, ana) -> None:
    with db.begin() as s:
        me = s.get(b.TeamMember, ana)
        b.invoice(s, b.customer(s, "Lunes y viernes", me, call_days="1,5"), "2026-11-01", "100")
        b.invoice(s, b.customer(s, "Cualquier día", me), "2026-11-01", "100")
    assert set(reasons(agenda(db, ana))) == {"Cualquier día"}
    assert agenda(db, ana, date(2026, 11, 16)).calls == []  # Revolution Day


def test_a_pending_promise_still_ahead_pauses_dunning(db, ana) -> None:
    with db.begin() as s:
        me = s.get(b.TeamMember, ana)
        c = b.customer(s, "Prometió", me)
        b.invoice(s, c, "2026-11-01", "500")
        b.promise(s, c, me, "2026-11-24", "500")  # grace Wed 25 → breaks Thu 26
    assert agenda(db, ana).calls == []
    thursday = agenda(db, ana, date(2026, 11, 26))
    assert [(c.reason, c.since, c.promise_amount) for c in thursday.calls] == [
        (Reason.BROKEN_PROMISE, date(2026, 11, 26), Decimal("500.00"))
    ]


def test_a_broken_promise_is_due_until_a_call_is_logged_after_it_broke(db, ana) -> None:
    with db.begin() as s:
        me = s.get(b.TeamMember, ana)
        called = b.customer(s, "Ya llamado", me)
        b.promise(s, called, me, "2026-11-20", "100")  # grace Mon 23 → broken Tue 24
        b.attempt(s, called, me, "2026-11-24")
        waiting = b.customer(s, "Sin llamar", me)
        b.promise(s, waiting, me, "2026-11-20", "100")
        marked = b.customer(s, "Marcada rota", me)
        b.promise(
            s, marked, me, "2026-11-18", "100", PromiseStatus.BROKEN, broken_at=b.at("2026-11-20")
        )
    result = reasons(agenda(db, ana))
    assert result == {"Sin llamar": Reason.BROKEN_PROMISE, "Marcada rota": Reason.BROKEN_PROMISE}


def test_a_kept_promise_is_not_a_broken_one(db, ana) -> None:
    with db.begin() as s:
        me = s.get(b.TeamMember, ana)
        c = b.customer(s, "Cumplió", me)
        b.promise(s, c, me, "2026-11-20", "100", PromiseStatus.KEPT)
    assert agenda(db, ana).calls == []


def test_a_follow_up_task_due_today_or_before_is_due(db, ana) -> None:
    with db.begin() as s:
        me = s.get(b.TeamMember, ana)
        b.task(s, b.customer(s, "Tarea hoy", me), me, "2026-11-25")
        b.task(s, b.customer(s, "Tarea atrasada", me), me, "2026-11-20")
        b.task(s, b.customer(s, "Tarea mañana", me), me, "2026-11-26")
    assert reasons(agenda(db, ana)) == {"Tarea hoy": Reason.TASK, "Tarea atrasada": Reason.TASK}


def test_offering_a_payment_plan_puts_the_customer_on_that_days_list(db, ana) -> None:
    with db.begin() as s:
        me = s.get(b.TeamMember, ana)
        plan = b.customer(s, "Plan hoy", me)
        b.task(s, plan, me, "2026-11-25", "Ofrecer un plan de pagos", kind=TaskKind.PAYMENT_PLAN)
        invoice = b.customer(s, "Enviar factura", me)
        b.task(s, invoice, me, "2026-11-25", "Reenviar la factura", kind=TaskKind.SEND_INVOICE)
    assert reasons(agenda(db, ana)) == {"Plan hoy": Reason.TASK}  # not an errand


def test_a_call_task_for_another_collectors_customer_is_mine(db, ana) -> None:
    with db.begin() as s:
        me = s.get(b.TeamMember, ana)
        luis = b.member(s, "U0LUIS", "Luis")
        b.task(s, b.customer(s, "De Luis", luis), me, "2026-11-25")
        b.invoice(s, b.customer(s, "Otro de Luis", luis), "2026-11-01", "100")
    assert reasons(agenda(db, ana)) == {"De Luis": Reason.TASK}


def test_an_open_dispute_pauses_its_invoice_until_resolved(db, ana) -> None:
    with db.begin() as s:
        me = s.get(b.TeamMember, ana)
        c = b.customer(s, "En disputa", me)
        inv = b.invoice(s, c, "2026-11-01", "100")
        dispute = b.dispute(s, c, me, inv)
        whole = b.customer(s, "Disputa total", me)
        b.invoice(s, whole, "2026-11-01", "100")
        b.dispute(s, whole, me, None)
    assert agenda(db, ana).calls == []
    with db.begin() as s:
        s.get(b.Dispute, dispute.id).resolved_at = b.at("2026-11-24")
    assert reasons(agenda(db, ana)) == {"En disputa": Reason.FIRST_CALL}


def test_a_customer_already_called_today_is_not_due(db, ana) -> None:
    with db.begin() as s:
        me = s.get(b.TeamMember, ana)
        c = b.customer(s, "Llamado hoy", me)
        b.task(s, c, me, "2026-11-25")
        b.attempt(s, c, me, "2026-11-25")
    assert agenda(db, ana).calls == []


def test_a_weekly_contact_cap_keeps_a_customer_off_the_list(db, ana) -> None:
    with db.begin() as s:
        me = s.get(b.TeamMember, ana)
        c = b.customer(s, "Llamado el lunes", me)
        b.task(s, c, me, "2026-11-25")
        b.attempt(s, c, me, "2026-11-23")
    assert reasons(agenda(db, ana)) == {"Llamado el lunes": Reason.TASK}
    assert agenda(db, ana, cobro_contact_cap="1/week").calls == []


def test_order_is_broken_promises_then_tasks_then_dunning_by_overdue_balance(db, ana) -> None:
    with db.begin() as s:
        me = s.get(b.TeamMember, ana)
        b.invoice(s, b.customer(s, "Debe poco", me), "2026-11-01", "100")
        b.invoice(s, b.customer(s, "Debe mucho", me), "2026-11-01", "90000")
        b.task(s, b.customer(s, "Con tarea", me), me, "2026-11-24")
        b.promise(s, b.customer(s, "Rompió", me), me, "2026-11-20", "10")
    names = [c.name for c in agenda(db, ana).calls]
    assert names == ["Rompió", "Con tarea", "Debe mucho", "Debe poco"]


def test_the_list_is_capped_at_capacity_and_the_rest_is_counted(db, ana) -> None:
    with db.begin() as s:
        me = s.get(b.TeamMember, ana)
        for n in range(5):
            b.invoice(s, b.customer(s, f"Cliente {n}", me), "2026-11-01", str(100 + n))
    result = agenda(db, ana, cobro_daily_capacity=3)
    assert len(result.calls) == 3 and result.more == 2 and result.total == 5
    assert [c.name for c in result.calls] == ["Cliente 4", "Cliente 3", "Cliente 2"]


def test_promises_kept_count_only_the_promises_already_resolved(db, ana) -> None:
    """A plan with one installment broken and the next still ahead: "0 de 1", as the
    customer card says, not "0 de 2" (which reads as two promises broken)."""
    with db.begin() as s:
        me = s.get(b.TeamMember, ana)
        c = b.customer(s, "Ferretería López", me)
        b.invoice(s, c, "2026-11-01", "900")
        b.promise(s, c, me, "2026-11-20", "400", PromiseStatus.BROKEN, broken_at=b.at("2026-11-23"))
        b.promise(s, c, me, "2026-11-30", "500")
    (call,) = agenda(db, ana).calls
    assert call.reason == Reason.BROKEN_PROMISE
    assert (call.promises_kept, call.promises_made) == (0, 1)


def test_a_due_call_carries_what_the_collector_needs(db, ana) -> None:
    with db.begin() as s:
        me = s.get(b.TeamMember, ana)
        c = b.customer(s, "Ferretería López", me, timezone="America/Bogota")
        b.contact(s, c, "Recepción", "Recepcionista", phone="555-0000")
        b.contact(s, c, "Marisol Díaz", "Contadora", phone="555-1234", decision_maker=True)
        b.invoice(s, c, "2026-11-10", "1500.00")
        b.invoice(s, c, "2026-12-20", "200.00")
        b.note(
            s,
            c,
            me,
            "2026-10-20",
            spoke_with="Marisol",
            excuse="gerente de vacaciones",
            agreement="paga mañana",
        )
        b.promise(s, c, me, "2026-10-01", "100", PromiseStatus.KEPT)
        b.promise(s, c, me, "2026-10-21", "100", PromiseStatus.BROKEN, broken_at=b.at("2026-10-23"))
        b.attempt(s, c, me, "2026-10-26")  # after the broken promise: that one was chased
    (call,) = agenda(db, ana).calls
    assert call.reason == Reason.FIRST_CALL
    assert (call.contact_name, call.contact_title, call.phone) == (
        "Marisol Díaz",
        "Contadora",
        "555-1234",
    )
    assert call.balance == Decimal("1700.00") and call.overdue == Decimal("1500.00")
    assert [(i.balance, i.days_past_due) for i in call.invoices] == [
        (Decimal("1500.00"), 15),
        (Decimal("200.00"), -25),
    ]
    assert call.last_note is not None and call.last_note.spoke_with == "Marisol"
    assert (call.promises_kept, call.promises_made) == (1, 2)
    assert call.last_contact == date(2026, 10, 26)
    assert call.timezone == "America/Bogota"


def test_an_account_past_the_escalation_day_is_flagged(db, ana) -> None:
    with db.begin() as s:
        me = s.get(b.TeamMember, ana)
        b.invoice(s, b.customer(s, "Muy vencido", me), "2026-08-20", "100")  # +97
    (call,) = agenda(db, ana).calls
    assert call.escalated and call.reason == Reason.THIRD_CALL


def test_other_collectors_customers_are_not_mine(db, ana) -> None:
    with db.begin() as s:
        luis = b.member(s, "U0LUIS", "Luis", Role.COLLECTOR)
        b.invoice(s, b.customer(s, "De Luis", luis), "2026-11-01", "100")
    assert agenda(db, ana).calls == []
