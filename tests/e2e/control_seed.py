"""A fortnight of collections work, small enough to compute every figure by hand: the data
the control's end-to-end tests share, and the harness that runs the report.

Today is Monday 30 November 2026 (Mexico City; the team writes es_MX, invoices in MXN).
The fortnight is Monday 16 – Sunday 29 November (16 is a public holiday: Revolution Day);
the fortnight before is 2 – 15 November. Sara Jiménez supervises Ana Pérez, Luis Gómez and
Bea Ruiz. Bea makes no call at all.

Plans (the morning agendas, as the digest stores them):
  Ana 17 Nov 3, 18 Nov 2, 23 Nov 4 → 9 · Luis 17 Nov 2, 24 Nov 1 → 3 · Bea 17, 18 Nov 1 → 2
Calls (answered counts "answered" and "someone else answered"):
  Ana 17 Nov answered + no answer, 18 Nov answered, 23 Nov third party + no answer → 5, 3
  Luis 19 Nov answered, 24 Nov message left → 2, 1 · before: Ana 12 Nov answered
Promises (made, due, amount, how it ended, times moved):
  P1 Ana  17 Nov → 20 Nov  1000 kept
  P2 Ana  18 Nov → 24 Nov   500 broken (26 Nov)
  P3 Ana  23 Nov → 27 Nov   300 pending (grace until Monday 30), moved once
  P4 Luis 19 Nov → 23 Nov   400 partly kept: 100 paid (broken 25 Nov)
  P5 Luis 10 Nov → 18 Nov   200 kept (made before, due in the fortnight)
  P6 Luis 24 Nov →  3 Dec   250 pending (made in the fortnight, due after it)
  P7 Bea   5 Nov → 19 Nov   150 broken (23 Nov), moved twice
  P8 Ana   3 Nov → 10 Nov   100 kept (the fortnight before)
  P9 Bea   1 Oct → 10 Oct   100 broken (13 Oct): Boutique Bea breaks a second time
Payments: Abarrotes Ana 1000 on 20 Nov (invoice A1); Llantera Luis 200 on 18 Nov and 100
  on 25 Nov (invoice L1).
Invoices: A1 issued 1 Oct, due 31 Oct, 1000, paid · A2 issued 16 Nov, due 16 Dec, 500 open
  · L1 issued 1 Jul, due 31 Jul, 2000, 1700 open · B1 issued 1 Sep, due 1 Oct, 800 open.
Tasks: T1 Ana due 20 Nov, made 17 Nov, done 25 Nov · T2 Ana due 26 Nov, made 23 Nov, open
  · T3 Bea due 18 Nov, made 10 Nov, open.
Notes: Ana 17 Nov (complete: whom, why, what next), Luis 19 Nov (no one named);
  before: Ana 12 Nov (complete).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import select

from bot.core.db import Db
from bot.core.i18n.formats import set_team_locale
from models import CallPlan, Payment, TeamMember
from models.enums import AttemptOutcome, ExcuseCategory, PromiseStatus, TaskStatus
from slackfake.stack import Stack, start_stack
from tests import builders as b
from tests.e2e.conftest import MEXICO, SECRET, Harness
from tests.waiting import wait_until

MONDAY_30 = datetime(2026, 11, 30, 9, 0, tzinfo=MEXICO)
FORTNIGHT = "16/11/2026 29/11/2026"


def start(db_url: str, db: Db, locale: str = "es_MX") -> Iterator[Harness]:
    stack = start_stack(
        db_url,
        db,
        at=MONDAY_30,
        secret=SECRET,
        cobro_supervisors_channel="C0SUPER",
        cobro_locale=locale,
        cobro_currency="MXN",
    )
    harness = Harness(**{f: getattr(stack, f) for f in Stack.__dataclass_fields__})
    try:
        yield harness
    finally:
        harness.close()
        set_team_locale("es")
    assert harness.fake.problems == [], "Block Kit problems in what the bot sent"


def ids(bot: Harness) -> dict[str, TeamMember]:
    with bot.db() as s:
        found = {m.slack_user_id: m for m in s.scalars(select(TeamMember))}
        s.expunge_all()
        return found


def seed(bot: Harness) -> None:
    bot.team()
    with bot.db.begin() as s:
        ana, luis, bea = (
            s.scalars(select(TeamMember).where(TeamMember.slack_user_id == u)).one()
            for u in ("U0ANA", "U0LUIS", "U0BEA")
        )
        for who, day, planned in (
            (ana, "2026-11-17", 3),
            (ana, "2026-11-18", 2),
            (ana, "2026-11-23", 4),
            (luis, "2026-11-17", 2),
            (luis, "2026-11-24", 1),
            (bea, "2026-11-17", 1),
            (bea, "2026-11-18", 1),
        ):
            s.add(CallPlan(day=date.fromisoformat(day), member_id=who.id, planned=planned))
        ca = b.customer(s, "Abarrotes Ana", ana)
        cl = b.customer(s, "Llantera Luis", luis)
        cb = b.customer(s, "Boutique Bea", bea)
        a1 = b.invoice(s, ca, "2026-10-31", "1000.00", "0")
        a1.issue_date = date(2026, 10, 1)
        a2 = b.invoice(s, ca, "2026-12-16", "500.00")
        a2.issue_date = date(2026, 11, 16)
        l1 = b.invoice(s, cl, "2026-07-31", "2000.00", "1700.00")
        l1.issue_date = date(2026, 7, 1)
        b1 = b.invoice(s, cb, "2026-10-01", "800.00")
        b1.issue_date = date(2026, 9, 1)
        for key, customer, invoice, amount, day in (
            ("p-a1", ca, a1, "1000", "2026-11-20"),
            ("p-l1a", cl, l1, "200", "2026-11-18"),
            ("p-l1b", cl, l1, "100", "2026-11-25"),
        ):
            s.add(
                Payment(
                    import_key=key,
                    customer_id=customer.id,
                    invoice_id=invoice.id,
                    amount=Decimal(amount),
                    paid_on=date.fromisoformat(day),
                )
            )
        for customer, who, day, outcome in (
            (ca, ana, "2026-11-17", AttemptOutcome.ANSWERED),
            (ca, ana, "2026-11-17", AttemptOutcome.NO_ANSWER),
            (ca, ana, "2026-11-18", AttemptOutcome.ANSWERED),
            (ca, ana, "2026-11-23", AttemptOutcome.THIRD_PARTY),
            (ca, ana, "2026-11-23", AttemptOutcome.NO_ANSWER),
            (cl, luis, "2026-11-19", AttemptOutcome.ANSWERED),
            (cl, luis, "2026-11-24", AttemptOutcome.MESSAGE_LEFT),
            (ca, ana, "2026-11-12", AttemptOutcome.ANSWERED),
        ):
            b.attempt(s, customer, who, day, outcome)
        for who, customer, made, due, amount, status, paid, broke, moved in (
            (ana, ca, "2026-11-17", "2026-11-20", "1000", PromiseStatus.KEPT, "1000", None, 0),
            (ana, ca, "2026-11-18", "2026-11-24", "500", PromiseStatus.BROKEN, "0", "11-26", 0),
            (ana, ca, "2026-11-23", "2026-11-27", "300", PromiseStatus.PENDING, "0", None, 1),
            (luis, cl, "2026-11-19", "2026-11-23", "400", PromiseStatus.PARTIAL, "100", "11-25", 0),
            (luis, cl, "2026-11-10", "2026-11-18", "200", PromiseStatus.KEPT, "200", None, 0),
            (luis, cl, "2026-11-24", "2026-12-03", "250", PromiseStatus.PENDING, "0", None, 0),
            (bea, cb, "2026-11-05", "2026-11-19", "150", PromiseStatus.BROKEN, "0", "11-23", 2),
            (ana, ca, "2026-11-03", "2026-11-10", "100", PromiseStatus.KEPT, "100", None, 0),
            (bea, cb, "2026-10-01", "2026-10-10", "100", PromiseStatus.BROKEN, "0", "10-13", 0),
        ):
            p = b.promise(
                s,
                customer,
                who,
                due,
                amount,
                status,
                paid_amount=Decimal(paid),
                renegotiations=moved,
            )
            p.created_at = b.at(made)
            if broke:
                p.broken_at = b.at(f"2026-{broke}", 12)
        b.task(
            s,
            ca,
            ana,
            "2026-11-20",
            created_at=b.at("2026-11-17"),
            status=TaskStatus.DONE,
            done_at=b.at("2026-11-25"),
        )
        b.task(s, ca, ana, "2026-11-26", created_at=b.at("2026-11-23"))
        b.task(s, cb, bea, "2026-11-18", created_at=b.at("2026-11-10"))
        b.note(
            s,
            ca,
            ana,
            "2026-11-17",
            spoke_with="Marisol",
            excuse_category=ExcuseCategory.PERSON_AWAY,
            excuse="El gerente está de vacaciones y nadie más firma",
            agreement="Paga el viernes",
            hashtags="responsableausente",
        )
        b.note(
            s, cl, luis, "2026-11-19", excuse_category=ExcuseCategory.ALREADY_PAID, excuse="Ya pagó"
        )
        b.note(
            s,
            ca,
            ana,
            "2026-11-12",
            spoke_with="Marisol",
            excuse_category=ExcuseCategory.FORGOT,
            excuse="Se le olvidó pagar la factura de octubre",
            agreement="Paga mañana",
        )


def ask(bot: Harness, user: str, words: str) -> tuple[str, dict[str, bytes]]:
    """The answer's text and the files sent to the asker's DM, by name."""
    before = len(bot.fake.calls_to("files.completeUploadExternal"))
    seen = set(bot.fake.files)
    answered = len(bot.fake.calls_to("response_url"))
    # The asker's previous report job may still be closing after its answer was posted:
    # then this one is refused in the ack ("Ya estoy preparando tu reporte"); ask again.
    wait_until(
        lambda: (
            "preparando tu reporte" not in bot.slack.command(user, f"reporte {words}".strip()).body
        ),
        timeout=30,
        what="the previous report to finish",
    )
    answer = bot.fake.wait_for("response_url", count=answered + 1, timeout=30)[-1]
    bot.fake.wait_for("files.completeUploadExternal", count=before + 1, timeout=30)
    files = {
        f["name"]: bot.fake.uploads[f["id"]] for key, f in bot.fake.files.items() if key not in seen
    }
    return answer.text(), files


def table(content: bytes) -> list[list[str]]:
    text = content.decode("utf-8")
    assert text.startswith("\ufeff"), "a BOM, so Excel reads the accents"
    body = text[1:]
    delimiter = ";" if body.splitlines()[0].count(";") > body.splitlines()[0].count(",") else ","
    return list(csv.reader(io.StringIO(body), delimiter=delimiter))


def figures_of(files: dict[str, bytes]) -> dict[tuple[str, str, str], tuple[str, str]]:
    """The figures CSV as (figure, detail, currency) → (this period, the one before)."""
    (name,) = [n for n in files if n.endswith("-cifras.csv")]
    rows = table(files[name])
    return {(r[0], r[1], r[2]): (r[3], r[4]) for r in rows[1:]}


def days_of(files: dict[str, bytes]) -> dict[tuple[str, str], dict[str, str]]:
    """The per-day CSV as (collector, day) → {column: value}."""
    (name,) = [n for n in files if n.endswith("-por-dia.csv")]
    header, *rows = table(files[name])
    return {(r[0], r[1]): dict(zip(header, r, strict=True)) for r in rows}


def number(text: str) -> Decimal | str:
    """A CSV cell as a number when it is one (either decimal sign), else the text."""
    try:
        return Decimal(text.replace(",", "."))
    except ArithmeticError:
        return text
