"""The control report on a small, known data set: every figure against a value computed by
hand (in the comments), the charts uploaded as PNG images that open, the CSV, and the weekly
report to the supervisors' channel exactly once.

Period: Monday 16 – Friday 20 November 2026 (16 is a public holiday in Mexico: 4 business
days); the previous period is the five days before, 11 – 15 November. Today is Monday 23.
"""

from __future__ import annotations

import csv
import io
from datetime import date, datetime
from decimal import Decimal

import matplotlib.image as mpimg
from sqlalchemy import select

from models import Payment, TeamMember
from models.enums import AttemptOutcome, ExcuseCategory, PromiseStatus
from tests import builders as b
from tests.e2e.conftest import MEXICO, Harness


def _seed(bot: Harness) -> None:
    bot.team()
    with bot.db.begin() as s:
        ana, luis = (
            s.scalars(select(TeamMember).where(TeamMember.slack_user_id == u)).one()
            for u in ("U0ANA", "U0LUIS")
        )
        a = b.customer(s, "Abarrotes Ana", ana)
        l_ = b.customer(s, "Llantera Luis", luis)
        a1 = b.invoice(s, a, "2026-10-31", "1000.00")  # 20 days late on the 20th: 1-30
        a1.issue_date = date(2026, 10, 1)
        a2 = b.invoice(s, a, "2026-12-16", "500.00")  # current
        a2.issue_date = date(2026, 11, 16)  # a sale in the period
        l1 = b.invoice(s, l_, "2026-07-31", "2000.00", "1500.00")  # 112 days late: 91-120
        l1.issue_date = date(2026, 7, 1)
        l2 = b.invoice(s, l_, "2026-11-20", "300.00", "0")  # paid; a sale in the period
        l2.issue_date = date(2026, 11, 18)
        s.add_all(
            [
                Payment(
                    import_key="p1",
                    customer_id=l_.id,
                    invoice_id=l1.id,
                    amount=Decimal("500"),
                    paid_on=date(2026, 11, 17),
                ),
                Payment(
                    import_key="p2",
                    customer_id=l_.id,
                    invoice_id=l2.id,
                    amount=Decimal("300"),
                    paid_on=date(2026, 11, 19),
                ),
            ]
        )
        # attempts: Ana 3 (2 answered), Luis 2 (1 answered: someone else); before: Ana 1
        b.attempt(s, a, ana, "2026-11-17")
        b.attempt(s, a, ana, "2026-11-17", AttemptOutcome.NO_ANSWER)
        b.attempt(s, a, ana, "2026-11-18")
        b.attempt(s, l_, luis, "2026-11-19", AttemptOutcome.THIRD_PARTY)
        b.attempt(s, l_, luis, "2026-11-20", AttemptOutcome.NO_ANSWER)
        b.attempt(s, a, ana, "2026-11-12")
        # notes: 3 in the period, 2 answer the three questions; 1 before, complete
        b.note(
            s,
            a,
            ana,
            "2026-11-17",
            spoke_with="Marisol",
            excuse_category=ExcuseCategory.PERSON_AWAY,
            excuse="El gerente está de vacaciones y nadie más firma",
            agreement="Paga el viernes",
            hashtags="responsableausente vacaciones",
        )
        n2 = b.note(
            s,
            a,
            ana,
            "2026-11-18",
            spoke_with="Marisol",
            excuse_category=ExcuseCategory.ALREADY_PAID,
            excuse="Dice que ya pagó con el depósito 123456",
            hashtags="yapago",
        )
        b.task(s, a, ana, "2026-11-19", "Verificar el pago", note_id=n2.id)
        b.note(
            s,
            l_,
            luis,
            "2026-11-19",
            excuse_category=ExcuseCategory.PERSON_AWAY,
            excuse="No hay pago",
            hashtags="responsableausente",
        )
        b.note(
            s,
            a,
            ana,
            "2026-11-12",
            spoke_with="Marisol",
            excuse_category=ExcuseCategory.FORGOT,
            excuse="Se le olvidó pagar la factura de octubre",
            agreement="Paga mañana",
            hashtags="olvido",
        )
        # promises made in the period: 1 kept, 1 broken, 1 partly kept, 1 pending
        broke = b.at("2026-11-20", 12)
        for who, c, made, amount, status, paid in (
            (ana, a, "2026-11-17", "1000", PromiseStatus.KEPT, "1000"),
            (ana, a, "2026-11-18", "500", PromiseStatus.BROKEN, "0"),
            (luis, l_, "2026-11-19", "400", PromiseStatus.PARTIAL, "100"),
            (luis, l_, "2026-11-20", "200", PromiseStatus.PENDING, "0"),
        ):
            p = b.promise(s, c, who, "2026-11-20", amount, status, paid_amount=Decimal(paid))
            p.created_at = b.at(made)
            if status in (PromiseStatus.BROKEN, PromiseStatus.PARTIAL):
                p.broken_at = broke
        old = b.promise(s, a, ana, "2026-09-30", "250", PromiseStatus.BROKEN)
        old.created_at = b.at("2026-09-25")
        old.broken_at = b.at("2026-10-01")  # Abarrotes Ana: 2 broken in 90 days


def _report(bot: Harness, user: str = "U0SARA", words: str = "16/11/2026 20/11/2026") -> tuple:
    bot.slack.command(user, f"reporte {words}")
    (answer,) = bot.fake.wait_for("response_url", timeout=30)
    bot.fake.wait_for("files.completeUploadExternal", timeout=30)
    uploads = dict(bot.fake.uploads)
    names = {f["name"]: f["id"] for f in bot.fake.files.values()}
    return answer, uploads, names


def _csv(uploads: dict, names: dict) -> dict[tuple[str, str], tuple[str, str]]:
    (csv_name,) = [n for n in names if n.endswith(".csv")]
    rows = list(csv.reader(io.StringIO(uploads[names[csv_name]].decode("utf-8"))))
    return {(r[0], r[1]): (r[2], r[3]) for r in rows[1:]}


def test_every_figure_matches_the_hand_computed_values(bot: Harness) -> None:
    _seed(bot)
    answer, uploads, names = _report(bot)
    figures = _csv(uploads, names)
    expected = {
        ("attempts", ""): ("5", "1"),
        ("answered", ""): ("3", "1"),
        ("attempts", "Ana Pérez"): ("3", "1"),
        ("answered", "Ana Pérez"): ("2", "1"),
        ("attempts", "Luis Gómez"): ("2", "0"),
        ("answered", "Luis Gómez"): ("1", "0"),
        ("attempts_day", "Ana Pérez 2026-11-17"): ("2", ""),
        ("answered_day", "Ana Pérez 2026-11-17"): ("1", ""),
        ("excuse", "person_away"): ("2", "0"),
        ("excuse", "already_paid"): ("1", "0"),
        ("excuse", "forgot"): ("0", "1"),
        ("hashtag", "responsableausente"): ("2", "0"),
        ("hashtag", "vacaciones"): ("1", "0"),
        ("promises_made", ""): ("4", "0"),
        ("promises_kept", ""): ("1", "0"),
        ("promises_partial", ""): ("1", "0"),
        ("promises_broken", ""): ("1", "0"),
        ("promises_pending", ""): ("1", "0"),
        ("kept_rate_count", ""): ("0.3333", ""),  # 1 kept of 3 resolved
        ("kept_rate_amount", ""): ("0.5789", ""),  # (1000 + 0 + 100) / (1000 + 500 + 400)
        ("amount_promised", "MXN"): ("2100", "0"),
        ("amount_collected", "MXN"): ("800", "0"),  # 500 + 300 paid in the period
        ("repeat_breaker", "Abarrotes Ana"): ("2", ""),
        ("repeat_breakers", ""): ("1", "0"),  # on the 15th, only the October one had broken
        # on the 20th; before, on the 15th: A2 and L2 not issued yet, L1 owed 500 more
        ("aging", "current"): ("500.00", "0"),
        ("aging", "1-30"): ("1000.00", "1000.00"),
        ("aging", "31-60"): ("0", "0"),
        ("aging", "91-120"): ("1500.00", "2000.00"),
        ("aging", "120+"): ("0", "0"),
        # receivables on the 20th 3000, sales 800, 5 days: 3000 / 800 × 5 = 18.75
        ("dso_days", ""): ("18.8", ""),
        # begin 3000 + sales 800 − end 3000 = 800, over 3000 + 800 − current 500 = 3300
        ("cei_percent", ""): ("24.2", "0.0"),
        # 17 Nov − 1 Jul = 139 days; 19 Nov − 18 Nov = 1 day; mean 70
        ("average_days_to_pay", ""): ("70.0", ""),
        ("notes", ""): ("3", "1"),
        ("notes_three_questions", ""): ("2", "1"),
        ("notes_three_questions_share", ""): ("0.6667", "1.0000"),
    }
    for key, values in expected.items():
        got = figures.get(key)
        assert got is not None, key
        assert tuple(Decimal(v) if v else v for v in got) == tuple(
            Decimal(v) if v else v for v in values
        ), (key, got, values)
    text = answer.text()
    assert answer.params["response_type"] == "ephemeral"
    assert "*Contactos:* 5 intentos (1), 3 atendidos (1)" in text
    assert "Equipo de Sara Jiménez" in text
    assert "Cumplimiento: 33 % por número" in text and "58 % por monto" in text
    assert "Abarrotes Ana (2)" in text
    assert "*DSO:* 18,8 días" in text


def test_the_charts_are_png_images_that_open(bot: Harness) -> None:
    _seed(bot)
    _, uploads, names = _report(bot)
    charts = [n for n in names if n.endswith(".png")]
    assert len(charts) == 4
    for name in charts:
        data = uploads[names[name]]
        assert data[:8] == b"\x89PNG\r\n\x1a\n", name
        image = mpimg.imread(io.BytesIO(data), format="png")
        assert image.shape[0] > 200 and image.shape[1] > 400
    (complete,) = bot.fake.calls_to("files.completeUploadExternal")
    assert complete.params["channel_id"] == "DSARA"[:1] + "0SARA"  # the requester's DM


def test_a_collector_sees_only_their_own_work(bot: Harness) -> None:
    _seed(bot)
    answer, uploads, names = _report(bot, user="U0LUIS")
    figures = _csv(uploads, names)
    assert figures[("attempts", "")] == ("2", "0")
    assert ("attempts", "Ana Pérez") not in figures
    assert [Decimal(v) for v in figures[("amount_collected", "MXN")]] == [800, 0]
    assert "Tu trabajo" in answer.text()


def test_a_bad_period_is_explained(bot: Harness) -> None:
    _seed(bot)
    bot.slack.command("U0SARA", "reporte ayer cuando")
    (answer,) = bot.fake.wait_for("response_url")
    assert "No entendí el periodo" in answer.text()


def test_the_weekly_report_goes_to_the_supervisors_channel_once(bot: Harness) -> None:
    _seed(bot)
    monday = datetime(2026, 11, 23, 8, 0, tzinfo=MEXICO)
    assert bot.jobs.report(monday).ran
    assert not bot.jobs.report(monday).ran  # a second run, or a second replica: nothing
    bot.fake.wait_quiet(0.3)
    posted = bot.fake.posted_to("C0SUPER")
    assert len(posted) == 2  # the summary, then the charts and the CSV
    assert "Control semanal" in posted[0]["text"]
    assert len(posted[1]["files"]) == 5
    summary = bot.fake.calls_to("chat.postMessage")[0].text()
    assert "Abarrotes Ana" not in summary  # a public channel: no customer names
    assert "1 clientes" in summary
    tuesday = datetime(2026, 11, 24, 8, 0, tzinfo=MEXICO)
    assert bot.jobs.report(tuesday).reason == "not_monday"
