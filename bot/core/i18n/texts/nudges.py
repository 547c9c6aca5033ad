"""Words of nudges and escalations."""

from typing import Any

TEXTS: dict[str, dict[str, Any]] = {
    "nudge.task_due": {
        "es": ":alarm_clock: Es hora: *{task}* · {customer}",
        "en": ":alarm_clock: It's time: *{task}* · {customer}",
    },
    "nudge.task_overdue": {
        "es": {
            "one": ":hourglass: Tarea vencida hace {count} día hábil: *{task}* · {customer} (vencía el {when})",
            "other": ":hourglass: Tarea vencida hace {count} días hábiles: *{task}* · {customer} (vencía el {when})",
        },
        "en": {
            "one": ":hourglass: Task overdue by {count} business day: *{task}* · {customer} (due {when})",
            "other": ":hourglass: Task overdue by {count} business days: *{task}* · {customer} (due {when})",
        },
    },
    "nudge.task_overdue_today": {
        "es": ":hourglass: Tarea vencida: *{task}* · {customer} (vencía el {when})",
        "en": ":hourglass: Task overdue: *{task}* · {customer} (due {when})",
    },
    "nudge.task_escalated": {
        "es": ":rotating_light: La tarea de {assignee} lleva {days} días hábiles vencida y tú la supervisas: *{task}* · {customer} (vencía el {when})",
        "en": ":rotating_light: {assignee}'s task is {days} business days overdue and you supervise it: *{task}* · {customer} (due {when})",
    },
    "nudge.promise_eve": {
        "es": ":calendar: Mañana hábil vence la promesa de *{customer}*: {amount} para el {when}. Un recordatorio amable hoy ayuda a que se cumpla.",
        "en": ":calendar: The promise of *{customer}* falls due next business day: {amount} for {when}. A friendly reminder today helps it happen.",
    },
    "nudge.promise_day": {
        "es": ":mag: Hoy toca comprobar el pago que prometió *{customer}*: {amount} para el {when}. ¿Llegó el dinero?",
        "en": ":mag: Today, check the payment *{customer}* promised: {amount} for {when}. Did the money arrive?",
    },
    "nudge.promise_broken": {
        "es": ":warning: Promesa incumplida: *{customer}* prometió {amount} para el {when} y no llegó{paid}. Ya está en tus llamadas: segunda llamada por promesa incumplida.",
        "en": ":warning: Broken promise: *{customer}* promised {amount} for {when} and it did not arrive{paid}. It is in your calls: the broken-promise call.",
    },
    "nudge.paid_part": {"es": " completo (pagó {paid})", "en": " in full (paid {paid})"},
    "nudge.promise_escalated": {
        "es": ":rotating_light: La promesa de *{customer}* con {collector} ({amount} para el {when}) sigue incumplida y nadie ha vuelto a llamar.",
        "en": ":rotating_light: The promise of *{customer}* with {collector} ({amount} for {when}) is still broken and nobody has called since.",
    },
    "nudge.channel_task": {
        "es": ":rotating_light: Escalamiento: una tarea de {assignee} lleva {days} días hábiles vencida{details}.",
        "en": ":rotating_light: Escalation: a task of {assignee}'s is {days} business days overdue{details}.",
    },
    "nudge.channel_promise": {
        "es": ":rotating_light: Escalamiento: una promesa que sigue {collector} lleva un día hábil incumplida sin nueva llamada{details}.",
        "en": ":rotating_light: Escalation: a promise {collector} follows has been broken for a business day with no call since{details}.",
    },
    "nudge.channel_details_task": {
        "es": ": *{task}* · {customer}",
        "en": ": *{task}* · {customer}",
    },
    "nudge.channel_details_promise": {
        "es": ": *{customer}*, {amount} para el {when}",
        "en": ": *{customer}*, {amount} for {when}",
    },
    "nudge.channel_see_dm": {
        "es": " (los detalles van por mensaje directo al supervisor: este canal no es privado)",
        "en": " (details go to the supervisor by DM: this channel is not private)",
    },
    "cli.nudges_done": {
        "es": "Recordatorios ({day}): {written} nuevos; {sent} mensajes enviados, {failed} fallidos.",
        "en": "Nudges ({day}): {written} new; {sent} messages sent, {failed} failed.",
    },
    "cli.nudges_outside_business_hours": {
        "es": "Fuera del horario hábil del equipo ({day}): los recordatorios esperan a la próxima mañana hábil. {sent} mensajes pendientes enviados.",
        "en": "Outside the team's business hours ({day}): nudges wait for the next business morning. {sent} pending messages sent.",
    },
    "cli.nudges_already_ran": {
        "es": "Los recordatorios de este cuarto de hora ({day}) ya se hicieron. {sent} mensajes pendientes enviados.",
        "en": "This quarter hour's nudges ({day}) already ran. {sent} pending messages sent.",
    },
}
