"""Running the team: the supervisor's Home, moving accounts, credit hold, external
collection, members who left Slack."""

from typing import Any

TEXTS: dict[str, dict[str, Any]] = {
    # --- who may see and move what
    "supervision.only_yours": {
        "es": "Solo puedes ver tu propio trabajo (`/cobro hoy`, `/cobro tareas`, `/cobro promesas`); el de {name} lo ve su supervisor.",
        "en": "You can only see your own work (`/cobro today`, `/cobro tasks`, `/cobro promises`); {name}'s is for their supervisor to see.",
    },
    "supervision.not_yours": {
        "es": "{name} no está en tu equipo: puedes ver el trabajo de tu equipo.",
        "en": "{name} is not on your team: you can see your own collectors' work.",
    },
    "supervision.managers_only": {
        "es": "Eso lo hace quien supervisa o administra el equipo.",
        "en": "Supervisors and admins do that.",
    },
    "supervision.may_not_move": {
        "es": "Solo un administrador, o el supervisor de ambos, puede pasar cuentas a {name}.",
        "en": "Only an admin, or the supervisor of both, can move accounts to {name}.",
    },
    "supervision.same_person": {
        "es": "{name} ya tiene esas cuentas: elige a otra persona de cobranza.",
        "en": "{name} already has those accounts: choose another collector.",
    },
    "supervision.taker_gone": {
        "es": "{name} ya no está en el equipo: elige a alguien activo de cobranza.",
        "en": "{name} is no longer on the team: choose an active collector.",
    },
    "supervision.taker_not_collector": {
        "es": "{name} no está en cobranza: las cuentas van a alguien de cobranza del equipo.",
        "en": "{name} is not a collector: accounts go to a collector on the team.",
    },
    "supervision.no_customers_named": {
        "es": "`--customers` necesita los ids de los clientes, separados por comas (C1,C2).",
        "en": "`--customers` needs the customers' ids, separated by commas (C1,C2).",
    },
    "supervision.not_in_portfolio": {
        "es": "Estos clientes no son de esa cartera (o no existen): {ids}. No se movió nada.",
        "en": "These customers are not in that portfolio (or do not exist): {ids}. Nothing was moved.",
    },
    "supervision.nothing_to_move": {
        "es": "{name} no tiene clientes asignados: no hay nada que mover.",
        "en": "{name} has no customers assigned: there is nothing to move.",
    },
    "supervision.already_theirs": {
        "es": "{customer} ya es de {name}.",
        "en": "{customer} already belongs to {name}.",
    },
    "supervision.not_escalated": {
        "es": "{customer} no está escalada (ninguna factura con {days} días o más de vencida).",
        "en": "{customer} is not escalated (no invoice {days} or more days past due).",
    },
    # --- moved accounts
    "supervision.moved": {
        "es": "Cartera de {giver} → {taker}: {customers}, {tasks}, {promises}.",
        "en": "{giver}'s portfolio → {taker}: {customers}, {tasks}, {promises}.",
    },
    "supervision.moved.customers": {
        "es": {"one": "{count} cliente", "other": "{count} clientes"},
        "en": {"one": "{count} customer", "other": "{count} customers"},
    },
    "supervision.moved.tasks": {
        "es": {"one": "{count} tarea abierta", "other": "{count} tareas abiertas"},
        "en": {"one": "{count} open task", "other": "{count} open tasks"},
    },
    "supervision.moved.promises": {
        "es": {"one": "{count} promesa pendiente", "other": "{count} promesas pendientes"},
        "en": {"one": "{count} pending promise", "other": "{count} pending promises"},
    },
    "supervision.assigned": {
        "es": "{customer} ahora es de {name} ({tasks}, {promises}); queda en el historial.",
        "en": "{customer} now belongs to {name} ({tasks}, {promises}); it is in the history.",
    },
    "supervision.member_left": {
        "es": {
            "one": ":warning: {name} fue desactivado en Slack y salió del equipo. Deja {count} cuenta sin responsable (cuenta como huérfana): `cobro team reassign` o el botón Reasignar cartera en Inicio.",
            "other": ":warning: {name} fue desactivado en Slack y salió del equipo. Deja {count} cuentas sin responsable (cuentan como huérfanas): `cobro team reassign` o el botón Reasignar cartera en Inicio.",
        },
        "en": {
            "one": ":warning: {name} was deactivated in Slack and left the team. {count} account has no collector now (it counts as an orphan): `cobro team reassign` or the Reassign portfolio button on Home.",
            "other": ":warning: {name} was deactivated in Slack and left the team. {count} accounts have no collector now (they count as orphans): `cobro team reassign` or the Reassign portfolio button on Home.",
        },
    },
    "supervision.check_needs_slack": {
        "es": "Para preguntarle a Slack quién sigue activo hace falta SLACK_BOT_TOKEN.",
        "en": "Asking Slack who is still active needs SLACK_BOT_TOKEN.",
    },
    "supervision.check_all_here": {
        "es": {
            "one": "{count} persona del equipo revisada en Slack: sigue activa.",
            "other": "{count} personas del equipo revisadas en Slack: todas siguen activas.",
        },
        "en": {
            "one": "{count} team member checked in Slack: still active.",
            "other": "{count} team members checked in Slack: all still active.",
        },
    },
    "supervision.check_left": {
        "es": {
            "one": "Desactivada en Slack, sale del equipo: {names}. Quien administra el equipo ya lo sabe.",
            "other": "Desactivadas en Slack, salen del equipo: {names}. Quien administra el equipo ya lo sabe.",
        },
        "en": {
            "one": "Deactivated in Slack, off the team: {names}. The admins have been told.",
            "other": "Deactivated in Slack, off the team: {names}. The admins have been told.",
        },
    },
    # --- the supervisor's Home
    "home.team.title": {"es": "Tu equipo hoy", "en": "Your team today"},
    "home.team.totals": {
        "es": "{day} · llamadas hechas {done} de {planned} planeadas",
        "en": "{day} · calls made {done} of {planned} planned",
    },
    "home.team.line": {
        "es": "*{name}* — plan {planned} · hechas {done} · promesas rotas {broken} · tareas vencidas {overdue} · escaladas {escalated}",
        "en": "*{name}* — plan {planned} · made {done} · broken promises {broken} · overdue tasks {overdue} · escalated {escalated}",
    },
    "home.team.none": {
        "es": "Todavía no tienes a nadie de cobranza a cargo.",
        "en": "You have no collectors yet.",
    },
    "home.team.more": {
        "es": {
            "one": "Y {count} persona más: `/cobro reporte hoy`.",
            "other": "Y {count} personas más: `/cobro reporte hoy`.",
        },
        "en": {
            "one": "And {count} more collector: `/cobro report today`.",
            "other": "And {count} more collectors: `/cobro report today`.",
        },
    },
    "home.team.day": {"es": "Su día", "en": "Their day"},
    "home.team.tasks": {"es": "Tareas", "en": "Tasks"},
    "home.team.promises": {"es": "Promesas", "en": "Promises"},
    "home.team.reassign": {"es": "Reasignar cartera", "en": "Reassign portfolio"},
    # --- the reassign modal
    "reassign.title": {"es": "Reasignar cartera", "en": "Reassign portfolio"},
    "reassign.submit": {"es": "Reasignar", "en": "Reassign"},
    "reassign.intro": {
        "es": "Los clientes de *{name}* pasan, con sus tareas abiertas y promesas pendientes, a quien elijas de cobranza. Queda en el historial de cada cliente.",
        "en": "*{name}*'s customers move, with their open tasks and pending promises, to the collector you choose. Each customer's history records it.",
    },
    "reassign.to": {"es": "¿A quién?", "en": "To whom?"},
    "reassign.customers": {"es": "Solo estos clientes", "en": "Only these customers"},
    "reassign.customers_hint": {
        "es": "Ids de cliente separados por comas (C1,C2); vacío: toda la cartera.",
        "en": "Customer ids separated by commas (C1,C2); empty: the whole portfolio.",
    },
    "supervision.close": {"es": "Cerrar", "en": "Close"},
    "reassign.done_title": {"es": "Cartera reasignada", "en": "Portfolio reassigned"},
    "reassign.no_one": {
        "es": "No hay nadie más activo en cobranza en tu equipo a quien pasar la cartera.",
        "en": "There is no other active collector on your team to take the portfolio.",
    },
    # --- someone else's lists
    "tasks.title_of": {"es": "Tareas pendientes de {name}", "en": "{name}'s open tasks"},
    "tasks.none_of": {
        "es": "{name} no tiene tareas pendientes.",
        "en": "{name} has no open tasks.",
    },
    "promises.title_of": {"es": "Promesas que sigue {name}", "en": "Promises {name} follows"},
    "promises.none_of": {
        "es": "{name} no sigue ninguna promesa pendiente.",
        "en": "{name} follows no pending promise.",
    },
    # --- orphans, credit hold, external collection
    "summary.assign": {"es": "Asignar a…", "en": "Assign to…"},
    "agenda.credit_hold": {"es": "crédito retenido", "en": "credit on hold"},
    "card.credit_hold": {
        "es": ":no_entry: *Crédito retenido*: no se le vende a crédito.",
        "en": ":no_entry: *Credit on hold*: no sales on credit.",
    },
    "card.handed_over": {
        "es": ":file_folder: En cobranza externa/legal desde el {day}: fuera de la agenda.",
        "en": ":file_folder: With external collection/legal since {day}: off the agenda.",
    },
    "card.escalated": {
        "es": ":rotating_light: Escalada: más de {days} días vencida.",
        "en": ":rotating_light: Escalated: over {days} days past due.",
    },
    "card.hold_credit": {"es": "Retener crédito", "en": "Hold credit"},
    "card.release_credit": {"es": "Liberar crédito", "en": "Release credit"},
    "card.hand_over": {"es": "Pasar a cobranza externa/legal", "en": "Send to agency/legal"},
    "hand_over.confirm_title": {"es": "¿Pasar a externa/legal?", "en": "Send to agency/legal?"},
    "hand_over.confirm_text": {
        "es": "La cuenta sale de la agenda de quien la cobra y pasa a la lista `/cobro legal`; recibirás su historial como evidencia.",
        "en": "The account leaves its collector's agenda and goes to the `/cobro legal` list; you get its history as evidence.",
    },
    "hand_over.confirm": {"es": "Sí, pasarla", "en": "Yes, send it"},
    "hand_over.deny": {"es": "Cancelar", "en": "Cancel"},
    "supervision.held": {
        "es": "{customer}: crédito retenido. Se ve en su ficha y en la agenda.",
        "en": "{customer}: credit on hold. The card and the agenda show it.",
    },
    "supervision.released": {
        "es": "{customer}: crédito liberado.",
        "en": "{customer}: credit released.",
    },
    "supervision.handed_over": {
        "es": "{customer} pasó a cobranza externa/legal y sale de la agenda. Su historial (la evidencia) va a tu DM; la lista: `/cobro legal`.",
        "en": "{customer} went to external collection/legal and leaves the agenda. Its history (the evidence) is in your DM; the list: `/cobro legal`.",
    },
    "legal.title": {"es": "Cobranza externa/legal", "en": "External collection/legal"},
    "legal.line": {
        "es": "*{name}* ({id}) · saldo {balance} · desde el {day} · cobranza: {collector}",
        "en": "*{name}* ({id}) · balance {balance} · since {day} · collector: {collector}",
    },
    "legal.empty": {
        "es": "Ninguna cuenta está en cobranza externa/legal.",
        "en": "No account is with external collection/legal.",
    },
    "legal.more": {
        "es": {"one": "Y {count} cuenta más.", "other": "Y {count} cuentas más."},
        "en": {"one": "And {count} more account.", "other": "And {count} more accounts."},
    },
    # --- the history
    "history.customer_change": {"es": "Cambio de cuenta", "en": "Account change"},
    "history.command_line": {"es": "línea de comandos", "en": "command line"},
    "history.yes": {"es": "sí", "en": "yes"},
    "history.no": {"es": "no", "en": "no"},
    "history.item.customer": {"es": "cliente", "en": "customer"},
    "history.field.collector": {"es": "responsable de cobranza", "en": "collector"},
    "history.field.credit_hold": {"es": "crédito retenido", "en": "credit on hold"},
    "history.field.handed_over": {
        "es": "cobranza externa/legal",
        "en": "external collection/legal",
    },
}
