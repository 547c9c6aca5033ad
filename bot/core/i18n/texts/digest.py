from typing import Any

TEXTS: dict[str, dict[str, Any]] = {
    "summary.title": {"es": "Resumen de cobranza del {day}", "en": "Collections summary for {day}"},
    "summary.collector": {
        "es": {
            "one": "• {name}: {count} llamada hoy{broken}{yesterday}",
            "other": "• {name}: {count} llamadas hoy{broken}{yesterday}",
        },
        "en": {
            "one": "• {name}: {count} call today{broken}{yesterday}",
            "other": "• {name}: {count} calls today{broken}{yesterday}",
        },
    },
    "summary.collector_broken": {
        "es": {
            "one": ", {count} por promesa incumplida",
            "other": ", {count} por promesas incumplidas",
        },
        "en": {
            "one": ", {count} for a broken promise",
            "other": ", {count} for broken promises",
        },
    },
    "summary.yesterday": {
        "es": " · {day}: llamadas, {done} de {planned} del plan",
        "en": " · {day}: plan {planned}, done {done}",
    },
    "summary.yesterday_no_plan": {
        "es": {
            "one": " · {day}: {count} llamada registrada (no se guardó plan)",
            "other": " · {day}: {count} llamadas registradas (no se guardó plan)",
        },
        "en": {
            "one": " · {day}: {count} call logged (no plan was kept)",
            "other": " · {day}: {count} calls logged (no plan was kept)",
        },
    },
    "summary.yesterday_head": {
        "es": "Hoy, y el día hábil anterior ({day}) planeado frente a hecho:",
        "en": "Today, and the previous business day ({day}) planned against done:",
    },
    "summary.no_collectors": {
        "es": "No hay nadie de cobranza en el equipo.",
        "en": "There are no collectors on the team.",
    },
    "summary.totals": {
        "es": "Promesas incumplidas por llamar: *{broken}* · Saldo vencido en las llamadas de hoy: *{overdue}*",
        "en": "Broken promises to call: *{broken}* · Overdue balance in today's calls: *{overdue}*",
    },
    "summary.orphans": {
        "es": "Cuentas huérfanas (saldo vencido y nadie las trabaja: sin llamada, tarea ni promesa): *{count}*",
        "en": "Orphan accounts (overdue and nobody working them: no call, task or promise): *{count}*",
    },
    "summary.escalated": {
        "es": "Cuentas escaladas (más de {days} días vencidas): *{count}*",
        "en": "Escalated accounts (over {days} days past due): *{count}*",
    },
    "summary.account": {
        "es": "• {name}: {amount} ({collector})",
        "en": "• {name}: {amount} ({collector})",
    },
    "summary.no_collector": {"es": "sin responsable", "en": "no collector"},
    "summary.private_only": {
        "es": "Los nombres y montos de clientes solo se muestran en un canal privado.",
        "en": "Customer names and amounts are only shown in a private channel.",
    },
    "summary.failed": {
        "es": "Mensajes que Slack no pudo entregar (revisa que la persona siga en el espacio de trabajo): {items}",
        "en": "Messages Slack could not deliver (check the person is still in the workspace): {items}",
    },
}
