"""`/cobro tareas` and `/cobro promesas`: each with its customer and date; a date gone by
says so."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal

from bot.ports import Recipient
from bot.promises.rules import PromiseLine
from bot.tasks.rules import TaskView, When
from handlers.blocks.promises import build_promise_list
from handlers.blocks.tasks import build_task_list

TODAY = date(2026, 11, 23)
ANA = Recipient(1, "U0ANA", "Ana Pérez", "es")


def test_an_overdue_task_says_it_is_overdue_and_one_due_later_does_not() -> None:
    tasks = [
        TaskView(1, "Enviar copia de la factura", 1, "Distribuidora Norte", When(date(2026, 11, 19)), ANA, None),
        TaskView(2, "Llamar a la contadora", 2, "Muebles Gómez", When(date(2026, 11, 24)), ANA, None),
    ]  # fmt: skip
    text = json.dumps(build_task_list(tasks, "es", TODAY), ensure_ascii=False)
    assert "Distribuidora Norte · jueves 19 de noviembre · :hourglass: vencida" in text
    assert text.count("vencida") == 1


def test_a_pending_promise_whose_day_has_gone_by_says_it_is_overdue() -> None:
    promises = [
        PromiseLine(1, 1, "Distribuidora Norte", Decimal("5000"), Decimal("1000"), "MXN", date(2026, 11, 20)),
        PromiseLine(2, 2, "Muebles Gómez", Decimal("800"), Decimal("0"), "MXN", TODAY),
    ]  # fmt: skip
    text = json.dumps(build_promise_list(promises, "es", TODAY), ensure_ascii=False)
    line = json.loads(text)["blocks"][1]["text"]["text"]
    assert line.startswith("*Distribuidora Norte* · ")
    assert " · viernes 20 de noviembre · pagado " in line  # the money in the team's locale
    assert line.endswith(" · :hourglass: vencida")
    assert text.count("vencida") == 1
    english = json.dumps(build_promise_list(promises, "en", TODAY), ensure_ascii=False)
    assert english.count(":hourglass: overdue") == 1
