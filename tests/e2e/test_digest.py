"""The morning digest: each collector gets their calls by DM, once; supervisors get a summary
that names no customer in a public channel."""

from __future__ import annotations

import json
from datetime import datetime, timedelta

import pytest
from sqlalchemy import select

from models import OutboxMessage, TeamMember
from models.enums import OutboxStatus, PromiseStatus, Role
from tests import builders as b
from tests.e2e.conftest import MEXICO, Harness

WED_8AM = datetime(2026, 11, 25, 8, 0, tzinfo=MEXICO)


def _team(bot: Harness) -> tuple[int, int]:
    bot.member("U0SARA", "Sara Jefa", Role.SUPERVISOR)
    bot.member("U0ANA", "Ana Pérez", supervisor="U0SARA")
    bot.member("U0JOE", "Joe Smith", supervisor="U0SARA", locale="en-US")
    with bot.db() as s:
        ids = {m.slack_user_id: m.id for m in s.query(TeamMember)}
    return ids["U0ANA"], ids["U0JOE"]


def _dm(bot: Harness, user: str) -> str:
    return json.dumps([c.params for c in bot.fake.messages_to(user)], ensure_ascii=False)


# One scenario per rule: (name, how to set it up, due on Wednesday 25 November?)
SCENARIOS = {
    "step +15 reached": (
        lambda s, me: b.invoice(s, b.customer(s, "Cliente", me), "2026-11-10", "100"),
        True,
    ),
    "reminder -5": (
        lambda s, me: b.invoice(s, b.customer(s, "Cliente", me), "2026-11-30", "100"),
        True,
    ),
    "no step yet": (
        lambda s, me: b.invoice(s, b.customer(s, "Cliente", me), "2026-12-20", "100"),
        False,
    ),
    "broken promise": (
        lambda s, me: b.promise(s, b.customer(s, "Cliente", me), me, "2026-11-20", "100"),
        True,
    ),
    "promise still ahead": (
        lambda s, me: (
            b.invoice(s, c := b.customer(s, "Cliente", me), "2026-11-01", "100"),
            b.promise(s, c, me, "2026-11-27", "100"),
        ),
        False,
    ),
    "kept promise": (
        lambda s, me: b.promise(
            s, b.customer(s, "Cliente", me), me, "2026-11-20", "9", PromiseStatus.KEPT
        ),
        False,
    ),
    "task due": (lambda s, me: b.task(s, b.customer(s, "Cliente", me), me, "2026-11-25"), True),
    "task tomorrow": (
        lambda s, me: b.task(s, b.customer(s, "Cliente", me), me, "2026-11-26"),
        False,
    ),
    "open dispute": (
        lambda s, me: (
            inv := b.invoice(s, c := b.customer(s, "Cliente", me), "2026-11-01", "100"),
            b.dispute(s, c, me, inv),
        ),
        False,
    ),
    "called today": (
        lambda s, me: (
            b.task(s, c := b.customer(s, "Cliente", me), me, "2026-11-25"),
            b.attempt(
                s,
                c,
                me,
                "2026-11-25",
            ),
        ),
        False,
    ),
    "not a calling day": (
        lambda s, me: b.task(s, b.customer(s, "Cliente", me, call_days="1,5"), me, "2026-11-25"),
        False,
    ),
}


@pytest.mark.parametrize("scenario", list(SCENARIOS))
def test_the_digest_shows_the_customers_due_and_only_those(bot: Harness, scenario: str) -> None:
    ana, _ = _team(bot)
    setup, due = SCENARIOS[scenario]
    with bot.db.begin() as s:
        setup(s, s.get(TeamMember, ana))
        b.invoice(
            s, b.customer(s, "Siempre", s.get(TeamMember, ana)), "2026-11-09", "50"
        )  # +16: due
    bot.jobs.digest(WED_8AM)
    text = _dm(bot, "U0ANA")
    assert "Siempre" in text
    assert ("Cliente" in text) is due


def test_each_collector_gets_one_digest_a_day_in_their_language(bot: Harness) -> None:
    ana, joe = _team(bot)
    with bot.db.begin() as s:
        b.invoice(
            s, b.customer(s, "Ferretería López", s.get(TeamMember, ana)), "2026-11-10", "1500"
        )
        b.invoice(s, b.customer(s, "Acme Corp", s.get(TeamMember, joe)), "2026-11-10", "900")
    first = bot.jobs.digest(WED_8AM)
    second = bot.jobs.digest(WED_8AM.replace(hour=9))
    assert first.ran and not second.ran
    ana_dm, joe_dm = bot.fake.messages_to("U0ANA"), bot.fake.messages_to("U0JOE")
    assert len(ana_dm) == 1 and len(joe_dm) == 1
    assert "Tus llamadas del" in ana_dm[0].text() and "Ferretería López" in ana_dm[0].text()
    assert "Your calls for" in joe_dm[0].text() and "Ferretería" not in joe_dm[0].text()
    assert "Registrar llamada" in ana_dm[0].text() and "Log call" in joe_dm[0].text()


def test_no_digest_on_a_weekend_or_holiday(bot: Harness) -> None:
    _team(bot)
    assert not bot.jobs.digest(datetime(2026, 11, 28, 8, tzinfo=MEXICO)).ran
    assert not bot.jobs.digest(datetime(2026, 11, 16, 8, tzinfo=MEXICO)).ran
    assert bot.fake.calls_to("chat.postMessage") == []


def test_over_capacity_the_digest_says_how_many_more(bot: Harness) -> None:
    ana, _ = _team(bot)
    with bot.db.begin() as s:
        for n in range(42):
            b.invoice(
                s,
                b.customer(s, f"Cliente {n:02d}", s.get(TeamMember, ana)),
                "2026-11-10",
                str(100 + n),
            )
    bot.jobs.digest(WED_8AM)
    messages = bot.fake.messages_to("U0ANA")
    assert len(messages) == 3
    assert "y 2 más" in messages[-1].text() and "/cobro hoy" in messages[-1].text()


def test_the_summary_names_no_customer_in_a_public_channel(bot: Harness) -> None:
    ana, _ = _team(bot)
    with bot.db.begin() as s:
        me = s.get(TeamMember, ana)
        b.promise(s, b.customer(s, "Rompió SA", me), me, "2026-11-20", "100")
        b.invoice(s, b.customer(s, "Huérfano SA", None), "2026-10-01", "700")
    bot.jobs.digest(WED_8AM)
    (summary,) = bot.fake.messages_to("C0SUPER")
    text = summary.text()
    assert "Ana Pérez: 1 llamada hoy, 1 por promesa incumplida" in text
    assert "Cuentas huérfanas" in text and "*1*" in text
    assert "Huérfano SA" not in text and "Rompió SA" not in text
    assert "solo se muestran en un canal privado" in text


def test_the_summary_lists_orphans_in_a_private_channel(bot: Harness) -> None:
    ana, _ = _team(bot)
    bot.fake.private_channels.add("C0SUPER")
    with bot.db.begin() as s:
        b.invoice(s, b.customer(s, "Huérfano SA", None), "2026-10-01", "700")
        b.invoice(
            s,
            b.customer(s, "Olvidado SA", s.get(TeamMember, ana), call_days="5"),
            "2026-10-01",
            "300",
        )
    bot.jobs.digest(WED_8AM)
    text = bot.fake.messages_to("C0SUPER")[0].text()
    assert "Huérfano SA" in text and "sin responsable" in text
    assert "Olvidado SA" in text and "(Ana Pérez)" in text


def test_every_escalated_account_is_in_the_summary_once_with_its_buttons(bot: Harness) -> None:
    """An account past its last dunning step, called since, is off the agenda: it is still
    escalated, listed with its buttons (not as an orphan), as many as the Home counts."""
    ana, _ = _team(bot)
    bot.fake.private_channels.add("C0SUPER")
    with bot.db.begin() as s:
        me = s.get(TeamMember, ana)
        assert me is not None
        b.invoice(s, b.customer(s, "Debe Hoy SA", me), "2026-08-01", "900")  # due today
        called = b.customer(s, "Ya Llamada SA", me)
        b.invoice(s, called, "2026-08-01", "800")
        b.attempt(s, called, me, "2026-11-24")  # after the 75-day step: off the agenda
        b.invoice(s, b.customer(s, "Huérfano SA", None), "2026-11-01", "700")
    bot.clock.set(WED_8AM)
    bot.jobs.digest(WED_8AM)
    text = bot.fake.messages_to("C0SUPER")[0].text()
    assert "Cuentas escaladas (más de 90 días vencidas): *2*" in text
    assert (
        "Cuentas huérfanas (saldo vencido y nadie las trabaja: sin llamada, tarea ni promesa): *1*"
        in text
    )
    blocks = json.dumps(bot.fake.messages_to("C0SUPER")[0].params, ensure_ascii=False)
    assert blocks.count('"block_id": "escalated-') == 2
    assert "Debe Hoy SA" in _dm(bot, "U0ANA") and "Ya Llamada SA" not in _dm(bot, "U0ANA")
    bot.clock.set(WED_8AM)
    bot.slack.event({"type": "app_home_opened", "user": "U0SARA", "tab": "home"})
    (home,) = bot.fake.wait_for("views.publish")
    assert (
        "Ana Pérez* — plan 1 · hechas 0 · promesas rotas 0 · tareas vencidas 0 · escaladas 2"
        in home.text()
    )


def test_a_rate_limited_digest_is_still_delivered_once(bot: Harness) -> None:
    ana, _ = _team(bot)
    with bot.db.begin() as s:
        b.invoice(
            s, b.customer(s, "Ferretería López", s.get(TeamMember, ana)), "2026-11-10", "1500"
        )
    bot.fake.fail("chat.postMessage", status=429, retry_after=1, times=2)
    bot.clock.set(WED_8AM)
    bot.jobs.digest(WED_8AM)
    for _ in range(5):  # each 429's Retry-After waited out by the bot's clock
        bot.clock.advance(timedelta(seconds=1))
        bot.jobs.deliver()
    # The channels are sent at once, so either message may be the one refused: count them all.
    with bot.db() as s:
        rows = list(s.scalars(select(OutboxMessage)))
    assert {row.status for row in rows} == {OutboxStatus.SENT}
    assert len(bot.fake.calls_to("chat.postMessage")) == len(rows) + 2  # two refused, then sent
    assert len(bot.fake.posted_to("U0ANA")) == 1


def test_a_message_slack_refuses_for_good_is_failed_and_reported_next_morning(bot: Harness) -> None:
    ana, _ = _team(bot)
    with bot.db.begin() as s:
        b.invoice(
            s, b.customer(s, "Ferretería López", s.get(TeamMember, ana)), "2026-11-10", "1500"
        )
    bot.fake.fail("chat.postMessage", error="account_inactive", times=1)
    bot.clock.set(WED_8AM)
    bot.jobs.digest(bot.clock.now())
    bot.clock.set(datetime(2026, 11, 26, 8, tzinfo=MEXICO))
    bot.jobs.digest(bot.clock.now())
    thursday_summary = bot.fake.messages_to("C0SUPER")[-1].text()
    assert "no pudo entregar" in thursday_summary and "account_inactive" in thursday_summary
