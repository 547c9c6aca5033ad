"""Every surface at scale within Slack's limits, every section there: 200 due calls, 100
tasks and 100 promises, built by the real builders and checked by the fake Slack's own
Block Kit rules (blocks per surface, text lengths, options)."""

from __future__ import annotations

import json
from datetime import date, time
from decimal import Decimal
from typing import Any

import pytest

from bot.agenda.rules import Agenda, DoneCall, DueCall, MyDay
from bot.core.config import load_settings
from bot.core.dunning import Reason
from bot.core.i18n import Lang
from bot.core.policy import Policy
from bot.nudges.daily import ItemKind, ItemState, ListItem, daily_list
from bot.nudges.rules import PromiseKindOfNudge, PromiseNudge, TaskKindOfNudge, TaskNudge
from bot.ports import Recipient
from bot.promises.rules import PromiseLine
from bot.tasks.rules import TaskLine, TaskView, When
from handlers.blocks.agenda import AgendaView, build_agenda_messages
from handlers.blocks.home import build_home
from handlers.blocks.nudges import build_nudge_list
from handlers.blocks.promises import build_promise_list
from handlers.blocks.tasks import build_task_list
from slackfake.blockkit import check_payload

TODAY = date(2026, 11, 23)
ANA = Recipient(1, "U0ANA", "Ana Pérez", "es")
LONG = "Llamar a la contadora para confirmar la fecha del depósito y pedir el comprobante " * 3


def _policy() -> Policy:
    return Policy.from_settings(
        load_settings(_env_file=None, cobro_timezone="America/Mexico_City", cobro_country="MX")
    )


def _calls(n: int) -> list[DueCall]:
    return [
        DueCall(
            customer_id=i,
            external_id=f"C-{i}",
            name=f"Cliente con un nombre largo número {i}",
            reason=[Reason.BROKEN_PROMISE, Reason.TASK, Reason.FIRST_CALL][i % 3],
            since=date(2026, 11, 2),
            balance=Decimal("125000.50"),
            overdue=Decimal("98000"),
            currency="MXN",
            contact_name="Marisol Díaz",
            contact_title="Contadora",
            phone="+52 55 1234 5678",
            task_id=i if i % 3 == 1 else None,
            task_text=LONG if i % 3 == 1 else None,
        )
        for i in range(n)
    ]


def _view(calls: list[DueCall], more: int = 0) -> AgendaView:
    return AgendaView(
        agenda=Agenda(TODAY, 1, calls, more),
        collector_name="Ana Pérez",
        company="Aceros del Centro",
        policy=_policy(),
        title="Tus llamadas del 23 nov 2026",
    )


def _task_views(n: int) -> list[TaskView]:
    return [
        TaskView(i, f"{LONG} {i}", i, f"Cliente {i}", When(date(2026, 11, 10)), ANA, None)
        for i in range(n)
    ]


def _promise_lines(n: int) -> list[PromiseLine]:
    return [
        PromiseLine(i, i, f"Cliente {i}", Decimal("5000"), Decimal("0"), "MXN", TODAY)
        for i in range(n)
    ]


def _ok(kind: str, payload: dict[str, Any]) -> None:
    assert check_payload(kind, payload) == [], check_payload(kind, payload)


@pytest.mark.parametrize("lang", ["es", "en"])
def test_the_home_with_200_calls_100_tasks_and_100_promises(lang: Lang) -> None:
    calls = _calls(200)
    day = MyDay(
        agenda=Agenda(TODAY, 1, calls[:15], 185),
        name="Ana Pérez",
        tasks=[
            TaskLine(i, f"{LONG} {i}", f"Cliente {i}", date(2026, 11, 20), time(10), "")
            for i in range(15)
        ],
        promises_due=_promise_lines(100),
        tasks_total=100,
        done=[DoneCall(time(9, i % 60), f"Cliente hecho {i}") for i in range(30)],
    )
    home = build_home(day, _view(calls[:15], 185), lang)
    _ok("view", home)
    assert len(home["blocks"]) <= 100
    text = json.dumps(home, ensure_ascii=False)
    if lang == "es":
        for section in ("Llamadas del", "Mis tareas (100)", "Promesas que vencen hoy (100)"):
            assert section in text
        assert "Llamadas hechas hoy (30)" in text and "Avance de hoy: 30 de 230 llamadas" in text
        assert "y 85 más: escribe `/cobro tareas`" in text
        assert "y 85 más: escribe `/cobro promesas`" in text
        assert "y 15 más, en `/cobro reporte`" in text
    # the sections in the order they matter
    order = [text.find(word) for word in ("cobro_log_call", "100)", "(30)")]
    assert order == sorted(order) and -1 not in order


def test_the_home_with_every_call_in_it_still_has_every_section() -> None:
    """Even handed 200 calls at once, the builder keeps within 100 blocks and counts."""
    calls = _calls(200)
    day = MyDay(Agenda(TODAY, 1, calls), "Ana Pérez", [], [], tasks_total=0)
    home = build_home(day, _view(calls), "es")
    _ok("view", home)
    text = json.dumps(home, ensure_ascii=False)
    shown = text.count('"action_id": "cobro_log_call"')
    assert f"y {200 - shown} más: escribe `/cobro hoy`" in text
    for section in ("Mis tareas (0)", "Promesas que vencen hoy (0)", "Llamadas hechas hoy (0)"):
        assert section in text


def test_the_digest_of_200_calls_is_messages_of_at_most_50_blocks() -> None:
    messages = build_agenda_messages(_view(_calls(200)), "es")
    for payload in messages:
        _ok("message", payload)
    text = json.dumps(messages, ensure_ascii=False)
    assert all(f"Cliente con un nombre largo número {i}*" in text for i in range(200))


def test_the_nudge_list_with_100_tasks_and_100_promises() -> None:
    items = [
        ListItem(
            ItemKind.OVERDUE_TASK, ItemState.OPEN, task=TaskNudge(TaskKindOfNudge.OVERDUE, v, 3)
        )
        for v in _task_views(100)
    ] + [
        ListItem(
            ItemKind.BROKEN_PROMISE,
            ItemState.OPEN,
            promise=PromiseNudge(
                PromiseKindOfNudge.BROKEN,
                i,
                i,
                f"Cliente {i}",
                Decimal("5000"),
                Decimal("0"),
                "MXN",
                TODAY,
                ANA,
            ),
        )
        for i in range(100)
    ]
    payload = build_nudge_list(daily_list(ANA, items), "es", TODAY)
    _ok("message", payload)
    text = json.dumps(payload, ensure_ascii=False)
    assert "100 promesas incumplidas · 100 tareas vencidas" in text
    assert "Y 155 pendientes más" in text  # 45 shown, the rest counted with the commands
    assert text.find("Promesa incumplida") < text.find(":hourglass:")  # broken promises first


def test_the_task_and_promise_lists_count_what_they_do_not_show() -> None:
    tasks = build_task_list(_task_views(100), "es", TODAY)
    promises = build_promise_list(_promise_lines(100), "es", TODAY)
    _ok("message", tasks)
    _ok("message", promises)
    assert "y 80 tareas más" in json.dumps(tasks, ensure_ascii=False)
    assert "y 80 promesas más" in json.dumps(promises, ensure_ascii=False)


def test_a_supervisors_home_keeps_every_section_of_their_own_under_the_team() -> None:
    from handlers.blocks.common import section
    from handlers.blocks.supervision import with_team_section

    calls = _calls(200)
    day = MyDay(Agenda(TODAY, 1, calls), "Sara Jiménez", [], _promise_lines(100), 0)
    team = [section(f"Persona {i}") for i in range(40)]
    home = with_team_section(build_home(day, _view(calls), "es", reserved=len(team)), team)
    _ok("view", home)
    text = json.dumps(home, ensure_ascii=False)
    for name in ("Persona 39", "Mis tareas (0)", "Promesas que vencen hoy (100)", "hechas hoy (0)"):
        assert name in text
