"""The control's pure rules as tables: periods read from words, who may see whose work,
overdue tasks day by day, and the figures' arithmetic."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from bot.core.errors import BadInput, Forbidden
from bot.core.i18n import error_text
from bot.core.vocabulary import Role
from bot.reports.figures import CurrencyFigures, Day, total_of, total_of_people
from bot.reports.rules import (
    Period,
    TaskSpan,
    handle_matches,
    may_see,
    overdue_on,
    period_from_words,
    receivables_figures,
    report_slug,
    require_may_see,
    split_request,
)

MX = ZoneInfo("America/Mexico_City")
MONDAY = date(2026, 11, 30)
WEDNESDAY = date(2026, 11, 25)


def d(text: str) -> date:
    return date.fromisoformat(text)


@pytest.mark.parametrize(
    ("words", "today", "start", "end", "kind"),
    [
        ("", MONDAY, "2026-11-23", "2026-11-29", "week"),  # Monday: the week that ended
        ("", WEDNESDAY, "2026-11-23", "2026-11-25", "week"),  # else: this week so far
        ("hoy", WEDNESDAY, "2026-11-25", "2026-11-25", "day"),
        ("today", WEDNESDAY, "2026-11-25", "2026-11-25", "day"),
        ("ayer", MONDAY, "2026-11-29", "2026-11-29", "day"),
        ("esta semana", WEDNESDAY, "2026-11-23", "2026-11-25", "week"),
        ("semana", WEDNESDAY, "2026-11-23", "2026-11-25", "week"),
        ("semana pasada", WEDNESDAY, "2026-11-16", "2026-11-22", "week"),
        ("la semana pasada", MONDAY, "2026-11-23", "2026-11-29", "week"),
        ("last week", WEDNESDAY, "2026-11-16", "2026-11-22", "week"),
        ("este mes", WEDNESDAY, "2026-11-01", "2026-11-25", "month"),
        ("mes", WEDNESDAY, "2026-11-01", "2026-11-25", "month"),
        ("mes pasado", WEDNESDAY, "2026-10-01", "2026-10-31", "month"),
        ("Mes Pasado", date(2026, 3, 10), "2026-02-01", "2026-02-28", "month"),
        ("noviembre", date(2026, 12, 5), "2026-11-01", "2026-11-30", "month"),
        ("noviembre", WEDNESDAY, "2026-11-01", "2026-11-25", "month"),  # so far
        ("noviembre 2025", WEDNESDAY, "2025-11-01", "2025-11-30", "month"),
        ("noviembre de 2025", WEDNESDAY, "2025-11-01", "2025-11-30", "month"),
        ("Septiembre", WEDNESDAY, "2026-09-01", "2026-09-30", "month"),
        ("setiembre", WEDNESDAY, "2026-09-01", "2026-09-30", "month"),
        ("nov", WEDNESDAY, "2026-11-01", "2026-11-25", "month"),
        ("february 2026", WEDNESDAY, "2026-02-01", "2026-02-28", "month"),
        ("16/11/2026 20/11/2026", WEDNESDAY, "2026-11-16", "2026-11-20", "days"),
        ("2026-11-01 2026-11-15", WEDNESDAY, "2026-11-01", "2026-11-15", "days"),
        ("del 1 de noviembre al 15 de noviembre", WEDNESDAY, "2026-11-01", "2026-11-15", "days"),
        ("16/11/2026 - 20/11/2026", WEDNESDAY, "2026-11-16", "2026-11-20", "days"),
        ("16/11/2026 31/12/2026", WEDNESDAY, "2026-11-16", "2026-11-25", "days"),  # to today
        ("17/11/2026", WEDNESDAY, "2026-11-17", "2026-11-17", "day"),
    ],
)
def test_periods_in_words(words: str, today: date, start: str, end: str, kind: str) -> None:
    assert period_from_words(words.split(), today, MX) == Period(d(start), d(end), kind)


@pytest.mark.parametrize(
    ("words", "key"),
    [
        ("ayer cuando", "report.bad_period"),
        ("la otra semana", "report.future_period"),  # in Mexico, next week
        ("marzo 2027", "report.future_month"),
        ("diciembre 2027", "report.future_month"),
        ("2026-12", "report.future_month"),
        ("2026-13", "report.bad_period"),
        ("2026-0", "report.bad_period"),
        ("13/2026", "report.bad_period"),
        ("01/12/2026 05/12/2026", "report.future_period"),
        ("20/11/2026 16/11/2026", "report.period_backwards"),
        ("1/11/2026 a 5/11/2026 a 9/11/2026", "report.bad_period"),
        ("15", "report.bad_period"),  # a bare number is not a day
    ],
)
def test_a_period_that_cannot_be_read_is_refused(words: str, key: str) -> None:
    with pytest.raises(BadInput) as refused:
        period_from_words(words.split(), WEDNESDAY, MX)
    assert refused.value.key == key


@pytest.mark.parametrize(
    ("words", "start", "end", "last_years"),
    [
        # no year: the latest one that has begun, marked when that is last year's
        ("diciembre", "2025-12-01", "2025-12-31", True),
        ("dic", "2025-12-01", "2025-12-31", True),
        ("december", "2025-12-01", "2025-12-31", True),
        ("noviembre", "2026-11-01", "2026-11-25", False),  # this month, so far
        ("enero", "2026-01-01", "2026-01-31", False),
        # a year typed, in every form: nothing guessed
        ("diciembre 2025", "2025-12-01", "2025-12-31", False),
        ("Diciembre de 2025", "2025-12-01", "2025-12-31", False),
        ("dic 2025", "2025-12-01", "2025-12-31", False),
        ("dic. 2025", "2025-12-01", "2025-12-31", False),
        ("dec 2025", "2025-12-01", "2025-12-31", False),
        ("2025-12", "2025-12-01", "2025-12-31", False),
        ("12/2025", "2025-12-01", "2025-12-31", False),
        ("2026-2", "2026-02-01", "2026-02-28", False),
        ("2026-11", "2026-11-01", "2026-11-25", False),
    ],
)
def test_a_month_and_which_year_it_is(words: str, start: str, end: str, last_years: bool) -> None:
    read = period_from_words(words.split(), WEDNESDAY, MX)
    assert read == Period(d(start), d(end), "month", last_years_month=last_years)


def test_a_future_month_is_refused_naming_it() -> None:
    with pytest.raises(BadInput) as refused:
        period_from_words(["dic", "2027"], WEDNESDAY, MX)
    assert refused.value.params == {"month_key": "report.month.12", "year": 2027}
    assert error_text(refused.value, "es") == (
        "El mes de diciembre de 2027 todavía no empieza: el control cuenta lo que ya pasó."
    )
    assert error_text(refused.value, "en") == (
        "December 2027 has not started yet: the control counts what already happened."
    )


def test_the_refusal_echoes_everything_typed() -> None:
    with pytest.raises(BadInput) as refused:
        period_from_words(["ayer", "cuando"], WEDNESDAY, MX)
    assert refused.value.params == {"text": "ayer cuando"}


@pytest.mark.parametrize(
    ("period", "previous"),
    [
        (Period(d("2026-11-23"), d("2026-11-29"), "week"), ("2026-11-16", "2026-11-22")),
        (Period(d("2026-11-01"), d("2026-11-30"), "month"), ("2026-10-01", "2026-10-31")),
        (Period(d("2026-03-01"), d("2026-03-31"), "month"), ("2026-02-01", "2026-02-28")),
        (Period(d("2026-03-01"), d("2026-03-30"), "month"), ("2026-02-01", "2026-02-28")),
        (Period(d("2026-11-01"), d("2026-11-25"), "month"), ("2026-10-01", "2026-10-25")),
        (Period(d("2026-11-16"), d("2026-11-29")), ("2026-11-02", "2026-11-15")),
        (Period(d("2026-11-29"), d("2026-11-29"), "day"), ("2026-11-28", "2026-11-28")),
    ],
)
def test_each_period_is_compared_with_the_one_before(
    period: Period, previous: tuple[str, str]
) -> None:
    before = period.previous()
    assert (before.start, before.end) == (d(previous[0]), d(previous[1]))


@pytest.mark.parametrize(
    ("words", "period_words", "person"),
    [
        (["semana", "pasada", "@luis"], ["semana", "pasada"], "luis"),
        (["<@U0LUIS|luis>", "noviembre"], ["noviembre"], "U0LUIS"),
        (["<@U0SARA>"], [], "U0SARA"),
        (["equipo", "de", "@sara", "mes"], ["mes"], "sara"),
        (["equipo"], [], None),
        (["mes", "pasado"], ["mes", "pasado"], None),
    ],
)
def test_a_request_splits_into_its_period_and_its_person(
    words: list[str], period_words: list[str], person: str | None
) -> None:
    asked = split_request(words)
    assert (asked.period_words, asked.person) == (period_words, person)


def test_one_person_at_a_time() -> None:
    with pytest.raises(BadInput):
        split_request(["@luis", "@bea"])


@pytest.mark.parametrize(
    ("handle", "name", "email", "matches"),
    [
        ("luis", "Luis Gómez", None, True),
        ("Luis", "Luis Gómez", None, True),
        ("luisgomez", "Luis Gómez", None, True),
        ("luis.gomez", "Luis Gómez", None, True),
        ("lgomez", "Luis Gómez", "lgomez@ejemplo.mx", True),
        ("gomez", "Luis Gómez", None, False),
        ("lu", "Luis Gómez", None, False),
        ("bea", "Luis Gómez", None, False),
    ],
)
def test_a_typed_handle_names_a_person(
    handle: str, name: str, email: str | None, matches: bool
) -> None:
    assert handle_matches(handle, name, email) is matches


# asker (id, role), target (id, their supervisor): may see?
SEEING = [
    ((1, Role.ADMIN), (5, 2), True),
    ((2, Role.SUPERVISOR), (5, 2), True),  # her collector
    ((2, Role.SUPERVISOR), (6, 3), False),  # another supervisor's
    ((2, Role.SUPERVISOR), (2, None), True),  # herself
    ((5, Role.COLLECTOR), (5, 2), True),
    ((5, Role.COLLECTOR), (6, 2), False),  # a colleague
    ((5, Role.COLLECTOR), (2, None), False),  # their supervisor
]


@pytest.mark.parametrize(("asker", "target", "allowed"), SEEING)
def test_who_may_see_whose_work(
    asker: tuple[int, Role], target: tuple[int, int | None], allowed: bool
) -> None:
    assert may_see(*asker, *target) is allowed
    if not allowed:
        with pytest.raises(Forbidden):
            require_may_see(*asker, *target)


@pytest.mark.parametrize(
    ("task", "day", "overdue"),
    [
        (TaskSpan(1, d("2026-11-20"), d("2026-11-17"), None), "2026-11-20", False),  # due
        (TaskSpan(1, d("2026-11-20"), d("2026-11-17"), None), "2026-11-21", True),
        (TaskSpan(1, d("2026-11-20"), d("2026-11-17"), d("2026-11-25")), "2026-11-24", True),
        (TaskSpan(1, d("2026-11-20"), d("2026-11-17"), d("2026-11-25")), "2026-11-25", False),
        (TaskSpan(1, d("2026-11-20"), d("2026-11-22"), None), "2026-11-21", False),  # not yet
    ],
)
def test_a_task_is_overdue_at_the_end_of_a_day(task: TaskSpan, day: str, overdue: bool) -> None:
    assert overdue_on(task, d(day)) is overdue


def test_a_period_adds_days_up_but_overdue_tasks_are_the_last_days() -> None:
    monday = Day(attempts=3, answered=1, promised={"MXN": Decimal(100)}, tasks_overdue=2)
    tuesday = Day(
        attempts=2, kept=1, promised={"MXN": Decimal(50), "USD": Decimal(9)}, tasks_overdue=1
    )
    total = total_of([monday, tuesday])
    assert (total.attempts, total.answered, total.kept, total.tasks_overdue) == (5, 1, 1, 1)
    assert total.promised == {"MXN": Decimal(150), "USD": Decimal(9)}  # never one sum
    team = total_of_people([total, Day(tasks_overdue=4)])
    assert team.tasks_overdue == 5  # one person's overdue tasks do not hide another's


@pytest.mark.parametrize(
    ("kept", "partial", "broken", "pending", "rate"),
    [(1, 0, 1, 5, "0.5"), (0, 0, 0, 3, None), (2, 1, 2, 0, "0.4"), (0, 1, 0, 0, "0")],
)
def test_the_kept_rate_judges_only_resolved_promises(
    kept: int, partial: int, broken: int, pending: int, rate: str | None
) -> None:
    day = Day(kept=kept, partial=partial, broken=broken, pending=pending)
    assert day.kept_rate == (Decimal(rate) if rate is not None else None)


def test_dso_and_cei_from_the_fortnights_numbers() -> None:
    # the fortnight of tests/e2e/control_seed.py: collected 1300, sales 500, 14 days
    cash = CurrencyFigures(collected=Decimal(1300), sales=Decimal(500))
    receivables_figures(
        cash,
        14,
        now_open=Decimal(3000),
        paid_since=Decimal(0),
        issued_since=Decimal(0),
        current_now=Decimal(500),
        paid_since_on_current=Decimal(0),
    )
    assert cash.receivables == 3000 and cash.receivables_begin == 3800
    assert cash.dso == Decimal("84.0")  # 3000 / 500 × 14
    assert cash.cei == Decimal("34.2")  # (3800 + 500 − 3000) / (3800 + 500 − 500)


def test_no_sales_means_no_dso() -> None:
    cash = CurrencyFigures()
    receivables_figures(
        cash,
        7,
        now_open=Decimal(0),
        paid_since=Decimal(0),
        issued_since=Decimal(0),
        current_now=Decimal(0),
        paid_since_on_current=Decimal(0),
    )
    assert cash.dso is None and cash.cei is None


@pytest.mark.parametrize(
    ("name", "slug"), [("Luis Gómez", "luis-gomez"), ("Sara Jiménez", "sara-jimenez")]
)
def test_names_go_into_file_names_as_plain_words(name: str, slug: str) -> None:
    assert report_slug(name) == slug
