from typing import Any

TEXTS: dict[str, dict[str, Any]] = {
    "summary.title": {"es": "Resumen de cobranza del {day}", "en": "Collections summary for {day}"},
    "summary.collector": {
        "es": {
            "one": "• {name}: {count} llamada{broken}",
            "other": "• {name}: {count} llamadas{broken}",
        },
        "en": {"one": "• {name}: {count} call{broken}", "other": "• {name}: {count} calls{broken}"},
    },
    "summary.collector_broken": {
        "es": ", {count} por promesa incumplida",
        "en": ", {count} for broken promises",
    },
    "summary.no_collectors": {
        "es": "No hay cobradores en el equipo.",
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
    "summary.no_collector": {"es": "sin cobrador", "en": "no collector"},
    "summary.private_only": {
        "es": "Los nombres y montos de clientes solo se muestran en un canal privado.",
        "en": "Customer names and amounts are only shown in a private channel.",
    },
    "summary.failed": {
        "es": "Mensajes que Slack no pudo entregar (revisa que la persona siga en el espacio de trabajo): {items}",
        "en": "Messages Slack could not deliver (check the person is still in the workspace): {items}",
    },
}
