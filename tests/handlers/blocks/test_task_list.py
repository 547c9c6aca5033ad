"""`/cobro tareas`: each task with its customer and date; a date gone by says so."""

from __future__ import annotations

import json
from datetime import date

from bot.ports import Recipient
from bot.tasks.rules import TaskView, When
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
