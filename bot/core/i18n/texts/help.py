from typing import Any

TEXTS: dict[str, dict[str, Any]] = {
    "help.title": {"es": "Cómo usar cobro", "en": "How to use cobro"},
    "help.intro": {
        "es": "cobro te trae las llamadas del día y te ayuda a cerrar cada una con *una excusa y una promesa*. Escribe `/cobro` y una de estas palabras:",
        "en": "cobro brings you the day's calls and helps you end each one with *an excuse and a promise*. Type `/cobro` and one of these words:",
    },
    "help.cmd.ayuda": {"es": "`/cobro ayuda` — esta ayuda", "en": "`/cobro help` — this help"},
    "help.cmd.hoy": {
        "es": "`/cobro hoy [@persona]` — mis llamadas de hoy, en orden de importancia (supervisión: las de alguien de su equipo)",
        "en": "`/cobro today [@person]` — my calls for today, most important first (supervisors: one of their collectors')",
    },
    "help.cmd.cliente": {
        "es": "`/cobro cliente <nombre o id>` — la ficha del cliente",
        "en": "`/cobro customer <name or id>` — the customer's card",
    },
    "help.cmd.llamada": {
        "es": "`/cobro llamada <cliente>` — registrar una llamada: excusa y promesa",
        "en": "`/cobro call <customer>` — log a call: excuse and promise",
    },
    "help.cmd.tareas": {
        "es": "`/cobro tareas [@persona]` — mis tareas pendientes (supervisión: las de alguien de su equipo)",
        "en": "`/cobro tasks [@person]` — my open tasks (supervisors: one of their collectors')",
    },
    "help.cmd.promesas": {
        "es": "`/cobro promesas [@persona]` — promesas de pago que sigo (supervisión: las de alguien de su equipo)",
        "en": "`/cobro promises [@person]` — payment promises I follow (supervisors: one of their collectors')",
    },
    "help.cmd.reporte": {
        "es": "`/cobro reporte [semana pasada|noviembre|diciembre 2025|DESDE HASTA…] [@persona]` — el control: cada persona de cobranza, llamadas contra el plan, promesas, cobrado, antigüedad",
        "en": "`/cobro report [last week|november|december 2025|FROM TO…] [@person]` — control: each collector, calls against the plan, promises, collected, aging",
    },
    "help.cmd.historial": {
        "es": "`/cobro historial <cliente>` — exportar la historia del cliente (CSV)",
        "en": "`/cobro history <customer>` — export the customer's history (CSV)",
    },
    "help.cmd.equipo": {
        "es": "`/cobro equipo` — quién está en el equipo (administración: `equipo agregar @ana cobranza`)",
        "en": "`/cobro team` — who is on the team (admins: `team add @ana collector`)",
    },
    "help.cmd.legal": {
        "es": "`/cobro legal` — supervisión: las cuentas pasadas a cobranza externa/legal",
        "en": "`/cobro legal` — supervisors: the accounts sent to an agency or legal",
    },
    "help.footer": {
        "es": "Todo lo que cobro te responde aquí es privado: solo tú lo ves.",
        "en": "Everything cobro answers here is private: only you can see it.",
    },
    "help.unknown": {"es": "No conozco «{word}».", "en": "I don't know “{word}”."},
    "help.did_you_mean": {
        "es": "¿Quisiste decir `/cobro {suggestion}`?",
        "en": "Did you mean `/cobro {suggestion}`?",
    },
    "help.coming_soon": {
        "es": "`/cobro {word}` todavía no está disponible en esta versión de cobro.",
        "en": "`/cobro {word}` is not available in this version of cobro yet.",
    },
    "home.title": {"es": "Mi día", "en": "My day"},
    "home.hello": {
        "es": "Hola, {name}. Aquí están tus llamadas, tareas y promesas de hoy. `/cobro ayuda` para todo lo demás.",
        "en": "Hi, {name}. Here are today's calls, tasks and promises. `/cobro help` for everything else.",
    },
    "home.calls": {"es": "Llamadas del {day} ({count})", "en": "Calls for {day} ({count})"},
    "home.more_calls": {
        "es": "… y {count} más: escribe `/cobro hoy` para verlas todas.",
        "en": "… and {count} more: type `/cobro today` to see them all.",
    },
    "home.tasks": {"es": "Mis tareas ({count})", "en": "My tasks ({count})"},
    "home.task_line": {
        "es": "• {due} · {text} · {customer}",
        "en": "• {due} · {text} · {customer}",
    },
    "home.no_tasks": {"es": "No tienes tareas abiertas.", "en": "You have no open tasks."},
    "home.promises": {
        "es": "Promesas que vencen hoy ({count})",
        "en": "Promises due today ({count})",
    },
    "home.promise_line": {
        "es": "• {customer}: {amount} — revisa que el pago haya llegado",
        "en": "• {customer}: {amount} — check the payment arrived",
    },
    "home.no_promises": {"es": "Ninguna promesa vence hoy.", "en": "No promises fall due today."},
    "home.progress": {
        "es": {
            "one": ":white_check_mark: Avance de hoy: {done} de {count} llamada",
            "other": ":white_check_mark: Avance de hoy: {done} de {count} llamadas",
        },
        "en": {
            "one": ":white_check_mark: Today so far: {done} of {count} call",
            "other": ":white_check_mark: Today so far: {done} of {count} calls",
        },
    },
    "home.more_tasks": {
        "es": "… y {count} más: escribe `/cobro tareas` para verlas todas.",
        "en": "… and {count} more: type `/cobro tasks` to see them all.",
    },
    "home.more_promises": {
        "es": "… y {count} más: escribe `/cobro promesas` para verlas todas.",
        "en": "… and {count} more: type `/cobro promises` to see them all.",
    },
    "home.done": {"es": "Llamadas hechas hoy ({count})", "en": "Calls done today ({count})"},
    "home.done_line": {"es": "✅ {at} · {customer}", "en": "✅ {at} · {customer}"},
    "home.none_done": {
        "es": "Todavía no registras llamadas hoy.",
        "en": "You have not logged any calls today yet.",
    },
    "home.more_done": {
        "es": "… y {count} más, en `/cobro reporte`.",
        "en": "… and {count} more, in `/cobro report`.",
    },
}
