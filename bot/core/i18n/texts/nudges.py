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
        "es": ":rotating_light: Escalamiento: una promesa que sigue {collector} está incumplida y nadie ha vuelto a llamar{details}.",
        "en": ":rotating_light: Escalation: a promise {collector} follows is broken and nobody has called since{details}.",
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
        "es": " (los detalles van por mensaje directo a quien supervisa: este canal no es privado)",
        "en": " (details go to the supervisor by DM: this channel is not private)",
    },
    "nudges.list_title": {
        "es": ":clipboard: *Tus pendientes de hoy, {name}*",
        "en": ":clipboard: *Your to-dos for today, {name}*",
    },
    "nudges.list_progress": {
        "es": "Avance: {done} de {total}",
        "en": "Progress: {done} of {total}",
    },
    "nudges.list_all_done": {
        "es": ":white_check_mark: Todo al día: no queda nada de esta lista.",
        "en": ":white_check_mark: All caught up: nothing left on this list.",
    },
    "nudges.count_escalated": {
        "es": {
            "one": "{count} escalamiento a tu cargo",
            "other": "{count} escalamientos a tu cargo",
        },
        "en": {"one": "{count} escalation for you", "other": "{count} escalations for you"},
    },
    "nudges.item_escalated_task": {
        "es": {
            "one": ":rotating_light: Tarea de {assignee}, vencida hace {count} día hábil: *{task}* · {customer}",
            "other": ":rotating_light: Tarea de {assignee}, vencida hace {count} días hábiles: *{task}* · {customer}",
        },
        "en": {
            "one": ":rotating_light: {assignee}'s task, {count} business day overdue: *{task}* · {customer}",
            "other": ":rotating_light: {assignee}'s task, {count} business days overdue: *{task}* · {customer}",
        },
    },
    "nudges.item_escalated_promise": {
        "es": ":rotating_light: Promesa de *{customer}* con {collector} incumplida y sin nueva llamada: {amount} para el {when}{paid}",
        "en": ":rotating_light: *{customer}*'s promise with {collector} broken and no call since: {amount} for {when}{paid}",
    },
    "nudges.count_broken": {
        "es": {"one": "{count} promesa incumplida", "other": "{count} promesas incumplidas"},
        "en": {"one": "{count} broken promise", "other": "{count} broken promises"},
    },
    "nudges.count_overdue": {
        "es": {"one": "{count} tarea vencida", "other": "{count} tareas vencidas"},
        "en": {"one": "{count} overdue task", "other": "{count} overdue tasks"},
    },
    "nudges.count_today": {
        "es": {"one": "{count} tarea para hoy", "other": "{count} tareas para hoy"},
        "en": {"one": "{count} task for today", "other": "{count} tasks for today"},
    },
    "nudges.count_promises": {
        "es": {"one": "{count} promesa por revisar", "other": "{count} promesas por revisar"},
        "en": {"one": "{count} promise to check", "other": "{count} promises to check"},
    },
    "nudges.item_overdue": {
        "es": {
            "one": ":hourglass: *{task}* · {customer} · vencida hace {count} día hábil",
            "other": ":hourglass: *{task}* · {customer} · vencida hace {count} días hábiles",
        },
        "en": {
            "one": ":hourglass: *{task}* · {customer} · {count} business day overdue",
            "other": ":hourglass: *{task}* · {customer} · {count} business days overdue",
        },
    },
    "nudges.item_today": {
        "es": ":pushpin: *{task}* · {customer} · {when}",
        "en": ":pushpin: *{task}* · {customer} · {when}",
    },
    "nudges.item_broken": {
        "es": ":warning: Promesa incumplida: *{customer}* · {amount} para el {when}{paid}",
        "en": ":warning: Broken promise: *{customer}* · {amount} for {when}{paid}",
    },
    "nudges.item_promise_today": {
        "es": ":mag: Comprobar el pago de *{customer}*: {amount} para el {when}",
        "en": ":mag: Check the payment of *{customer}*: {amount} for {when}",
    },
    "nudges.item_promise_tomorrow": {
        "es": ":calendar: Recordar a *{customer}* su promesa: {amount} para el {when}",
        "en": ":calendar: Remind *{customer}* of their promise: {amount} for {when}",
    },
    "nudges.item_done": {"es": ":white_check_mark: ~{text}~", "en": ":white_check_mark: ~{text}~"},
    "nudges.paid_so_far": {"es": " (pagó {paid})", "en": " (paid {paid})"},
    "nudges.more": {
        "es": {
            "one": "Y {count} pendiente más: `/cobro tareas` y `/cobro promesas` los muestran todos.",
            "other": "Y {count} pendientes más: `/cobro tareas` y `/cobro promesas` los muestran todos.",
        },
        "en": {
            "one": "And {count} more: `/cobro tasks` and `/cobro promises` show them all.",
            "other": "And {count} more: `/cobro tasks` and `/cobro promises` show them all.",
        },
    },
    "nudges.menu_done": {"es": "Hecho", "en": "Done"},
    "nudges.menu_snooze_1h": {"es": "Posponer 1 hora", "en": "Snooze 1 hour"},
    "nudges.menu_snooze_tomorrow": {"es": "Posponer a mañana", "en": "Snooze to tomorrow"},
    "nudges.menu_snooze_pick": {"es": "Posponer a otra fecha…", "en": "Snooze to another date…"},
    "nudges.menu_customer": {"es": "Ver cliente", "en": "View customer"},
    "nudges.menu_call": {"es": "Registrar llamada", "en": "Log a call"},
    "nudges.menu_payment": {"es": "Registrar pago", "en": "Record a payment"},
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
