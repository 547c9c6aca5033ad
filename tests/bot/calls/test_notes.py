"""The excuse as a note, without Slack: hashtags, the three questions, the playbook, and
reading a message typed in a hurry."""

from __future__ import annotations

from decimal import Decimal

import pytest

from bot.calls.notes import (
    PLAYBOOK,
    NoteDraft,
    guess_category,
    hashtags_in,
    missing_answers,
    note_hashtags,
    reference_in,
    says_why,
    spoke_with_in,
)
from bot.core.money import parse_amount
from bot.core.vocabulary import ExcuseCategory, TaskKind

GOOD = NoteDraft(
    spoke_with="Marisol (Contadora)",
    category=ExcuseCategory.PERSON_AWAY,
    excuse="El gerente está de vacaciones y nadie más firma los pagos",
    agreement="Presenta la factura hoy y paga mañana",
    next_step="Llamar mañana para confirmar el pago",
)


def test_the_seed_example_answers_all_three_questions() -> None:
    assert missing_answers(GOOD) == {}


def test_the_seed_bad_note_answers_none() -> None:
    bad = NoteDraft(None, None, "No hay pago para esta semana", None, None)
    assert missing_answers(bad) == {
        "contact": "note.missing_who",
        "excuse_category": "note.missing_category",
        "excuse": "note.missing_why",
        "task": "note.missing_next",
    }


@pytest.mark.parametrize(
    ("excuse", "answers"),
    [
        ("No hay pago para esta semana", False),
        ("no pagará", False),
        ("sin novedad", False),
        ("ok", False),
        ("No payment this week", False),
        ("No hay pago porque el gerente está de viaje", True),
        ("Traspapeló la factura y no la ha pasado a pagos", True),
        ("Maribel indica que ya canceló con el depósito número 23763172736", True),
        ("The invoice never reached accounts payable", True),
    ],
)
def test_says_why(excuse: str, answers: bool) -> None:
    assert says_why(excuse) is answers


def test_hashtags_are_folded_deduplicated_and_ignore_numbers_and_channel_links() -> None:
    text = "Cliente #Crédito molesto, factura #123, ver <#C1|general> #credito #plan-pagos"
    assert hashtags_in(text) == ["credito", "plan-pagos"]


def test_the_category_tag_comes_first() -> None:
    tags = note_hashtags(ExcuseCategory.CHEQUE_SENT, "lo mandó por #correo", "#correo #urgente")
    assert tags == ["chequeenviado", "correo", "urgente"]


def test_every_category_has_a_playbook_step_and_a_tag() -> None:
    assert set(PLAYBOOK) == set(ExcuseCategory)


@pytest.mark.parametrize(
    ("category", "text", "kind"),
    [
        (
            ExcuseCategory.CHEQUE_SENT,
            "Pedir el número y la fecha de envío del cheque",
            TaskKind.CALL,
        ),
        (ExcuseCategory.ALREADY_PAID, "Verificar el pago", TaskKind.VERIFY_PAYMENT),
        (ExcuseCategory.INVOICE_NOT_RECEIVED, "Enviar copia de la factura", TaskKind.SEND_INVOICE),
        (ExcuseCategory.CANNOT_PAY, "Ofrecer un plan de pagos", TaskKind.PAYMENT_PLAN),
        (ExcuseCategory.DISPUTE, "Encontrar el problema", TaskKind.RESOLVE_DISPUTE),
        (ExcuseCategory.REFUSES, "Escalar la cuenta al supervisor", TaskKind.ESCALATE),
    ],
)
def test_the_playbook_follows_the_seeds(
    category: ExcuseCategory, text: str, kind: TaskKind
) -> None:
    from bot.core.i18n import t

    assert t(PLAYBOOK[category].text_key, "es").startswith(text)
    assert PLAYBOOK[category].kind == kind
    assert PLAYBOOK[category].when


def test_cheque_sent_waits_five_days() -> None:
    assert PLAYBOOK[ExcuseCategory.CHEQUE_SENT].when == "en 5 días"


@pytest.mark.parametrize(
    ("text", "reference"),
    [
        ("depósito número 23763172736", "23763172736"),
        ("cheque n.º 004512 del banco", "004512"),
        ("paga 1500 pesos el 15/12/2026", None),
        ("factura F-2031", None),
    ],
)
def test_reference_in(text: str, reference: str | None) -> None:
    assert reference_in(text) == reference


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Maribel indica que ya canceló con el depósito", ExcuseCategory.ALREADY_PAID),
        ("dice que ya pagó la semana pasada", ExcuseCategory.ALREADY_PAID),
        ("el cheque salió el lunes", ExcuseCategory.CHEQUE_SENT),
        ("no le llegó la factura", ExcuseCategory.INVOICE_NOT_RECEIVED),
        ("el gerente está de vacaciones", ExcuseCategory.PERSON_AWAY),
        ("está en aprobación", ExcuseCategory.IN_APPROVAL),
        ("se le olvidó", ExcuseCategory.FORGOT),
        ("no tiene dinero este mes", ExcuseCategory.CANNOT_PAY),
        ("tiene un reclamo por mercancía defectuosa", ExcuseCategory.DISPUTE),
        ("se niega a pagar", ExcuseCategory.REFUSES),
        ("hablamos del clima", None),
    ],
)
def test_guess_category(text: str, category: ExcuseCategory | None) -> None:
    assert guess_category(text) == category


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("Hablé con Marisol quien me indicó que…", "Marisol"),
        ("hable con la sra. maria lopez y dijo que paga el viernes", "Maria Lopez"),
        ("Platiqué con el Lic. Gómez, que no está de acuerdo", "Gómez"),
        ("Spoke to John about it", "John"),
        ("Nadie contestó", None),
    ],
)
def test_spoke_with_in(text: str, person: str | None) -> None:
    assert spoke_with_in(text) == person


@pytest.mark.parametrize(
    ("typed", "amount"),
    [
        ("1500", Decimal("1500")),
        ("$1,500.50", Decimal("1500.50")),
        ("1.500,50", Decimal("1500.50")),
        ("1,500", Decimal("1500")),
        ("12,50", Decimal("12.50")),
        ("1.234.567", Decimal("1234567")),
        ("MXN 2000.00", Decimal("2000.00")),
        ("mil", Decimal("1000")),
        ("1.500,5", Decimal("1500.5")),
        ("1500,500", None),
        ("", None),
    ],
)
def test_parse_amount(typed: str, amount: Decimal | None) -> None:
    assert parse_amount(typed) == amount
