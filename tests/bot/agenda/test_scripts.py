"""Every call script, for every reason and rank, with and without a past conversation,
reads as a person would say it. Wednesday 25 November 2026, a Mexican team."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time
from decimal import Decimal

import pytest

from bot.agenda.rules import DueCall, LastNote
from bot.agenda.scripts import address, call_script
from bot.core.dunning import Reason
from bot.core.i18n.formats import set_team_locale, team_locale
from bot.customers.rules import InvoiceLine

TODAY = date(2026, 11, 25)
RANKS = ("A", "B", "C", None)


@pytest.fixture(autouse=True)
def mexico():  # type: ignore[no-untyped-def]
    before = team_locale()
    set_team_locale("es_MX")
    yield
    set_team_locale(before)


def _call(reason: Reason, rank: str | None, *, talked: int) -> DueCall:
    note = (
        LastNote(
            datetime(2026, 11, 23, 16, tzinfo=UTC),
            "Ana Pérez",
            "Marisol Díaz",
            "person_away",
            "El gerente está de vacaciones",
            "Paga el viernes",
            talked,
        )
        if talked
        else None
    )
    return DueCall(
        customer_id=1,
        external_id="C-100",
        name="Ferretería López",
        reason=reason,
        since=TODAY,
        currency="MXN",
        invoices=[InvoiceLine(1, "F-1001", Decimal("58100"), "MXN", date(2026, 11, 8), 17)],
        contact_name="Marisol Díaz",
        contact_title="Contadora",
        last_note=note,
        last_contact=date(2026, 11, 24),  # a no-answer after the talk: not a conversation
        promise_amount=Decimal("20000") if reason == Reason.BROKEN_PROMISE else None,
        promise_date=date(2026, 11, 20) if reason == Reason.BROKEN_PROMISE else None,
        task_text="Llamar para confirmar el pago" if reason == Reason.TASK else None,
        rank=rank,
    )


def _script(reason: Reason, rank: str | None, talked: int, lang: str = "es") -> str:
    return call_script(
        _call(reason, rank, talked=talked),
        collector="Ana Pérez",
        company="Aceros del Norte",
        lang=lang,  # type: ignore[arg-type]
        today=TODAY,
    )


@pytest.mark.parametrize("reason", list(Reason))
@pytest.mark.parametrize("rank", RANKS)
@pytest.mark.parametrize("talked", [0, 1, 3])
@pytest.mark.parametrize("lang", ["es", "en"])
def test_every_script_reads_aloud(reason: Reason, rank: str | None, talked: int, lang: str) -> None:
    text = _script(reason, rank, talked, lang)
    assert "{" not in text and "None" not in text, text
    assert "nunca" not in text and "never" not in text
    assert not re.search(r"\b(ene|feb|mar|abr|may|jun|jul|ago|sep|oct|nov|dic)\b\.?\s", text)
    if lang == "es":
        assert text.startswith("Buenos días, señora Díaz. Le habla Ana Pérez, de Aceros del Norte.")
        assert "Marisol Díaz," not in text  # never the bare full name as a greeting
    else:
        assert text.startswith("Good morning, Ms. Díaz. This is Ana Pérez from Aceros del Norte.")


@pytest.mark.parametrize("reason", list(Reason))
@pytest.mark.parametrize("rank", RANKS)
def test_history_is_recalled_only_when_there_is_one(reason: Reason, rank: str | None) -> None:
    first = _script(reason, rank, 0)
    again = _script(reason, rank, 1)
    assert "última vez" not in first and "Última conversación" not in first
    if reason != Reason.REMINDER:
        assert "el lunes 23 de noviembre" in again  # the last conversation, not the no-answer
        assert "«Paga el viernes»" in again
    assert "martes 24" not in again


@pytest.mark.parametrize("rank", RANKS)
def test_several_times_only_after_several_conversations(rank: str | None) -> None:
    assert "varias veces" not in _script(Reason.THIRD_CALL, rank, 0)
    assert "varias veces" not in _script(Reason.THIRD_CALL, rank, 1)
    assert "varias veces" in _script(Reason.THIRD_CALL, rank, 3)


@pytest.mark.parametrize(
    "reason", [Reason.SECOND_CALL, Reason.THIRD_CALL, Reason.BROKEN_PROMISE, Reason.FIRST_CALL]
)
def test_an_a_customer_is_never_pressed_for_payment_today(reason: Reason) -> None:
    a = _script(reason, "A", 1)
    c = _script(reason, "C", 1)
    assert not re.search(r"\bhoy\b", a), a
    assert a != c
    if reason != Reason.FIRST_CALL:
        assert re.search(r"\bhoy\b", c), c


def test_dates_and_amounts_in_full() -> None:
    broken = _script(Reason.BROKEN_PROMISE, None, 1)
    assert "$20,000.00" in broken and "el viernes 20 de noviembre" in broken
    assert "(Última conversación, el lunes 23 de noviembre, con Marisol Díaz" in broken
    first = _script(Reason.FIRST_CALL, None, 0)
    assert "la factura F-1001 por $58,100.00, que venció el domingo 8 de noviembre" in first
    follow_up = _script(Reason.TASK, None, 1)
    assert "(Tu paso: Llamar para confirmar el pago)" in follow_up


@pytest.mark.parametrize(
    ("due", "es", "en"),
    [
        (date(2026, 11, 30), "vence el lunes 30 de noviembre", "is due on Monday, November 30"),
        (date(2026, 11, 18), "que venció el miércoles 18 de noviembre", "which was due on"),
    ],
)
def test_a_reminder_read_after_the_due_date_says_it_was_due(due: date, es: str, en: str) -> None:
    """A reminder not made in time is still the latest step a few days after the due date:
    the script must not tell the customer an invoice "vence" on a day already gone."""
    call = _call(Reason.REMINDER, "B", talked=0)
    call.invoices = [InvoiceLine(1, "F-1001", Decimal("58100"), "MXN", due, 0)]
    said = {
        lang: call_script(call, collector="Ana", company="Aceros", lang=lang, today=TODAY)
        for lang in ("es", "en")
    }
    assert es in said["es"] and en in said["en"]
    assert ("vence el" in said["es"]) == (due >= TODAY)


def test_the_greeting_follows_the_hour() -> None:
    late = call_script(
        _call(Reason.FIRST_CALL, None, talked=0),
        collector="Ana",
        company="X",
        lang="es",
        today=TODAY,
        at=time(16, 30),
    )
    assert late.startswith("Buenas tardes")


@pytest.mark.parametrize(
    ("name", "title", "lang", "courtesy", "said"),
    [
        ("Marisol Díaz", "Contadora", "es", "señora", "Díaz"),
        ("Jorge Ramos", "Contador", "es", "señor", "Ramos"),
        ("Jorge Ramos", "Tesorero", "es", "señor", "Ramos"),
        ("Lucía Gil", "Encargada de pagos", "es", "señora", "Gil"),
        ("Lic. Jorge Ramos", None, "es", "licenciado", "Ramos"),
        ("Dra. Ana Ruiz", "Gerente", "es", "doctora", "Ruiz"),
        ("Ana Ruiz", "Licenciada", "es", "licenciada", "Ruiz"),
        ("Ing. Pedro Sáenz", "Director", "es", "ingeniero", "Sáenz"),
        # three words: "María José Díaz" or "Marisol Díaz López"? the full name, never a guess
        ("Marisol Díaz López", "Contadora", "es", "señora", "Marisol Díaz López"),
        ("Marisol Díaz", "Contadora", "en", "Ms.", "Díaz"),
        ("Lic. Jorge Ramos", None, "en", "Mr.", "Ramos"),
    ],
)
def test_a_courtesy_form_only_when_the_data_says_it(
    name: str, title: str | None, lang: str, courtesy: str, said: str
) -> None:
    found = address(name, title, lang)  # type: ignore[arg-type]
    assert found is not None and (found.courtesy, found.name) == (courtesy, said)


@pytest.mark.parametrize(
    ("name", "title"),
    [
        ("Marisol Díaz", "Gerente"),  # says nothing of the person
        ("Marisol Díaz", None),
        ("Jorge", "Contador"),  # a first name or a surname? ask for him by it
        ("Alex Kim", "Accountant"),
    ],
)
def test_otherwise_the_script_asks_for_the_person_by_name(name: str, title: str | None) -> None:
    found = address(name, title, "es")
    assert found is not None and found.courtesy is None and found.full == name


def test_without_a_contact_the_script_asks_for_whoever_pays() -> None:
    call = _call(Reason.FIRST_CALL, None, talked=0)
    call.contact_name = None
    text = call_script(call, collector="Ana", company="X", lang="es", today=TODAY)
    assert text.startswith("Buenos días. ¿Me comunica, por favor, con la persona que ve los pagos")
