"""Words of the control report: the summary in Slack, its charts and its CSV."""

from typing import Any


def _n(es_one: str, es_other: str, en_one: str, en_other: str) -> dict[str, dict[str, str]]:
    return {"es": {"one": es_one, "other": es_other}, "en": {"one": en_one, "other": en_other}}


_MONTHS = (
    ("enero", "January"),
    ("febrero", "February"),
    ("marzo", "March"),
    ("abril", "April"),
    ("mayo", "May"),
    ("junio", "June"),
    ("julio", "July"),
    ("agosto", "August"),
    ("septiembre", "September"),
    ("octubre", "October"),
    ("noviembre", "November"),
    ("diciembre", "December"),
)

TEXTS: dict[str, dict[str, Any]] = {
    "report.title": {
        "es": "Control de cobranza · {start} – {end}",
        "en": "Collections control · {start} – {end}",
    },
    "report.title_day": {"es": "Control de cobranza · {day}", "en": "Collections control · {day}"},
    "report.weekly_title": {
        "es": "Control semanal · {start} – {end}",
        "en": "Weekly control · {start} – {end}",
    },
    "report.scope_team": {"es": "Todo el equipo", "en": "The whole team"},
    "report.scope_of": {"es": "Equipo de {name}", "en": "{name}'s team"},
    "report.scope_mine": {"es": "Tu trabajo", "en": "Your work"},
    "report.scope_person": {"es": "Trabajo de {name}", "en": "{name}'s work"},
    "report.vs": {"es": "frente a {start} – {end}", "en": "vs {start} – {end}"},
    "report.last_years_month": {
        "es": "Es {month}: {this_year} todavía no empieza. Para otro año, `/cobro reporte {example}`.",
        "en": "This is {month}: {this_year} has not started yet. For another year, `/cobro report {example}`.",
    },
    "report.week_just_began": {
        "es": "La semana apenas empieza: esto es solo el {day}. Para la semana anterior completa, `/cobro reporte semana pasada`.",
        "en": "The week has only just begun: this is {day} alone. For the whole previous week, `/cobro report last week`.",
    },
    # a figure next to the previous period's, and why a figure could not be computed
    "report.before": {"es": "antes {value}", "en": "before {value}"},
    "report.none_due": {"es": "no vencía ninguna", "en": "none fell due"},
    "report.none_due_before": {"es": "antes no vencía ninguna", "en": "none fell due before"},
    "report.none_resolved": {"es": "ninguna resuelta todavía", "en": "none resolved yet"},
    "report.none_resolved_before": {
        "es": "antes ninguna resuelta",
        "en": "none resolved before",
    },
    "report.no_sales": {
        "es": "sin ventas a crédito en el periodo",
        "en": "no credit sales in the period",
    },
    "report.no_sales_before": {
        "es": "antes sin ventas a crédito",
        "en": "no credit sales before",
    },
    "report.nothing_collectible": {
        "es": "nada por cobrar en el periodo",
        "en": "nothing to collect in the period",
    },
    "report.nothing_collectible_before": {
        "es": "antes nada por cobrar",
        "en": "nothing to collect before",
    },
    "report.no_invoice_payments": {
        "es": "sin pagos de facturas en el periodo",
        "en": "no invoice payments in the period",
    },
    "report.no_invoice_payments_before": {
        "es": "antes sin pagos de facturas",
        "en": "no invoice payments before",
    },
    "report.no_notes_before": {"es": "antes sin notas", "en": "no notes before"},
    # ---------------------------------------------------------------- per collector
    "report.people": {"es": "*Por persona*", "en": "*Per collector*"},
    "report.team_line": {"es": "Equipo", "en": "Team"},
    "report.nobody": {
        "es": "No hay nadie de cobranza en este alcance.",
        "en": "There are no collectors in this scope.",
    },
    "report.person_work": {
        "es": "*{name}* — llamadas {attempts} (plan {planned}) · contactos {answered} · promesas obtenidas {made} ({promised})",
        "en": "*{name}* — calls {attempts} (plan {planned}) · contacts {answered} · promises obtained {made} ({promised})",
    },
    "report.person_results": {
        "es": "      vencían {due}: cumplidas {kept}, en parte {partial}, incumplidas {broken}, pendientes {pending}, renegociadas {renegotiated} · cumplimiento {rate} · cobrado {collected} · tareas vencidas {tasks}",
        "en": "      due {due}: kept {kept}, partly {partial}, broken {broken}, pending {pending}, renegotiated {renegotiated} · kept rate {rate} · collected {collected} · overdue tasks {tasks}",
    },
    "report.previous_label": {"es": "Periodo anterior", "en": "Previous period"},
    # ---------------------------------------------------------------- excuses
    "report.excuses": _n(
        "*Excusas* ({count} nota)",
        "*Excusas* ({count} notas)",
        "*Excuses* ({count} note)",
        "*Excuses* ({count} notes)",
    ),
    "report.excuse_line": {
        "es": "• {name}: {count} ({share}) · antes {prev}",
        "en": "• {name}: {count} ({share}) · before {prev}",
    },
    "report.excuse_line_alone": {
        "es": "• {name}: {count} · antes {prev}",
        "en": "• {name}: {count} · before {prev}",
    },
    "report.hashtags": {"es": "*Etiquetas:* {tags}", "en": "*Hashtags:* {tags}"},
    # ---------------------------------------------------------------- promises
    "report.promises_due": {
        "es": "*Promesas que vencían en el periodo:* {due} ({prev_due}) · cumplidas {kept}, en parte {partial}, incumplidas {broken}, pendientes {pending} · renegociadas {renegotiated}",
        "en": "*Promises due in the period:* {due} ({prev_due}) · kept {kept}, partly {partial}, broken {broken}, pending {pending} · renegotiated {renegotiated}",
    },
    "report.kept_rate": {
        "es": "Cumplimiento de las que vencían: {by_count} por número ({prev_count}) · {by_amount} por monto",
        "en": "Kept rate of those due: {by_count} by count ({prev_count}) · {by_amount} by amount",
    },
    "report.kept_rate_none": {
        "es": "Cumplimiento de las que vencían: {why} ({prev_count})",
        "en": "Kept rate of those due: {why} ({prev_count})",
    },
    "report.promises_made": {
        "es": "*Obtenidas en el periodo:* {made} ({prev_made}) por {amount}",
        "en": "*Obtained in the period:* {made} ({prev_made}) for {amount}",
    },
    "report.repeat": {
        "es": "*Incumplen una y otra vez* (2+ promesas rotas en 90 días): {names}",
        "en": "*Break promise after promise* (2+ broken in 90 days): {names}",
    },
    "report.repeat_count": _n(
        "*Incumplen una y otra vez* (2+ promesas rotas en 90 días): {count} cliente (los nombres van en el CSV)",
        "*Incumplen una y otra vez* (2+ promesas rotas en 90 días): {count} clientes (los nombres van en el CSV)",
        "*Break promise after promise* (2+ broken in 90 days): {count} customer (names in the CSV)",
        "*Break promise after promise* (2+ broken in 90 days): {count} customers (names in the CSV)",
    ),
    "report.repeat_none": {
        "es": ":tada: Ningún cliente incumple una y otra vez (2+ promesas rotas en 90 días).",
        "en": ":tada: No customer breaks promise after promise (2+ broken in 90 days).",
    },
    # ---------------------------------------------------------------- money
    "report.collected": {
        "es": "*Cobrado:* {amounts} (antes {prev})",
        "en": "*Collected:* {amounts} (before {prev})",
    },
    "report.aging": {
        "es": "*Antigüedad del saldo* ({currency}, al cierre: {total}): {buckets}",
        "en": "*Aging of balances* ({currency}, at the end: {total}): {buckets}",
    },
    "report.kpis": {
        "es": "*DSO* ({currency}): {dso} ({prev_dso}) · *CEI*: {cei} ({prev_cei})",
        "en": "*DSO* ({currency}): {dso} ({prev_dso}) · *CEI*: {cei} ({prev_cei})",
    },
    "report.days": _n("{value} día", "{value} días", "{value} day", "{value} days"),
    "report.days_to_pay": {
        "es": "*Días promedio de pago:* {days} ({prev_days})",
        "en": "*Average days to pay:* {days} ({prev_days})",
    },
    "report.dso_explained": {
        "es": "DSO: cuántos días de ventas a crédito siguen sin cobrarse (saldo al cierre ÷ ventas a crédito del periodo × días del periodo); menos es mejor.",
        "en": "DSO: how many days of credit sales are still unpaid (balance at the end ÷ the period's credit sales × days in the period); lower is better.",
    },
    "report.cei_explained": {
        "es": "CEI: de lo que se podía cobrar en el periodo, qué parte se cobró ((saldo inicial + ventas − saldo final) ÷ (saldo inicial + ventas − saldo no vencido al cierre)); el 100 por ciento es todo.",
        "en": "CEI: of what could be collected in the period, the share that was ((opening balance + sales − closing balance) ÷ (opening balance + sales − closing balance not yet due)); 100 percent is all of it.",
    },
    "report.notes": {
        "es": "*Notas que responden quién, por qué y qué sigue:* {share} de {total} ({prev_share})",
        "en": "*Notes that say who, why and what next:* {share} of {total} ({prev_share})",
    },
    "report.notes_none": {
        "es": "*Notas que responden quién, por qué y qué sigue:* no hubo notas en el periodo ({prev_share})",
        "en": "*Notes that say who, why and what next:* no notes in the period ({prev_share})",
    },
    "report.corrected": _n(
        "*Corregida después de registrada:* {count} llamada; cuenta su versión corregida y el historial guarda las dos.",
        "*Corregidas después de registradas:* {count} llamadas; cuentan sus versiones corregidas y el historial guarda las dos.",
        "*Corrected after they were logged:* {count} call; its corrected version counts, and the history keeps both.",
        "*Corrected after they were logged:* {count} calls; their corrected versions count, and the history keeps both.",
    ),
    "report.person_corrected": _n(
        " · {count} corregida",
        " · {count} corregidas",
        " · {count} corrected",
        " · {count} corrected",
    ),
    # ---------------------------------------------------------------- files and refusals
    "report.files": {
        "es": "Gráficas y CSV con todas las cifras: te los envié por mensaje directo.",
        "en": "Charts and a CSV with every figure: sent to you by DM.",
    },
    "report.already_preparing": {
        "es": "Ya estoy preparando tu reporte; te lo envío en cuanto esté listo.",
        "en": "I'm already preparing your report; I'll send it as soon as it's ready.",
    },
    "report.files_here": {
        "es": "Gráficas y CSV con todas las cifras del control.",
        "en": "Charts and a CSV with every figure.",
    },
    "report.bad_period": {
        "es": "No entendí el periodo «{text}». Entiendo: `hoy`, `ayer`, `esta semana`, `semana pasada`, `este mes`, `mes pasado`, un mes (`noviembre`, `noviembre 2026`, `2026-11`), dos fechas (`01/11/2026 15/11/2026`, `del 1 de noviembre al 15 de noviembre`) o un día; y una persona o su equipo (`@luis`). Sin nada: la semana pasada si es lunes, si no esta semana.",
        "en": "I didn't understand the period “{text}”. I understand: `today`, `yesterday`, `this week`, `last week`, `this month`, `last month`, a month (`november`, `november 2026`, `2026-11`), two dates (`2026-11-01 2026-11-15`, `from 2026-11-01 to 2026-11-15`) or one day; and a person or their team (`@luis`). With nothing: last week on a Monday, else this week.",
    },
    "report.period_backwards": {
        "es": "La fecha inicial va antes que la final: `/cobro reporte DESDE HASTA`.",
        "en": "The start date goes before the end: `/cobro report FROM TO`.",
    },
    "report.future_month": {
        "es": "El mes de {month} de {year} todavía no empieza: el control cuenta lo que ya pasó.",
        "en": "{month} {year} has not started yet: the control counts what already happened.",
    },
    "report.future_period": {
        "es": "Ese periodo todavía no empieza: el control cuenta lo que ya pasó.",
        "en": "That period has not started yet: the control counts what already happened.",
    },
    "report.one_person": {
        "es": "Un reporte es de una persona o de su equipo: nombra solo a una (`/cobro reporte semana pasada @luis`).",
        "en": "A report is about one person or their team: name only one (`/cobro report last week @luis`).",
    },
    "report.which_person": {
        "es": "{value} puede ser {names}: usa la mención de Slack (`@` y elige a la persona).",
        "en": "{value} could be {names}: use Slack's mention (`@` and pick the person).",
    },
    "report.not_yours": {
        "es": "Ese reporte no te toca: puedes ver tu propio trabajo con `/cobro reporte`. Quien te supervisa ve el de todo el equipo.",
        "en": "That report is not yours to see: `/cobro report` shows your own work. Your supervisor sees the whole team's.",
    },
    # ---------------------------------------------------------------- charts
    "report.chart.this_period": {"es": "Este periodo", "en": "This period"},
    "report.chart.previous_period": {"es": "Periodo anterior", "en": "Previous period"},
    "report.chart.contacts": {
        "es": "Llamadas y contactos por persona, frente a lo planeado",
        "en": "Calls and contacts per collector, against the plan",
    },
    "report.chart.planned": {"es": "Planeadas", "en": "Planned"},
    "report.chart.attempts": {"es": "Llamadas", "en": "Calls"},
    "report.chart.answered": {"es": "Contactos", "en": "Contacts"},
    "report.chart.excuses": {"es": "Excusas por categoría", "en": "Excuses by category"},
    "report.chart.promises": {
        "es": "Promesas que vencían, por persona",
        "en": "Promises due, per collector",
    },
    "report.chart.kept": {"es": "Cumplidas", "en": "Kept"},
    "report.chart.broken": {"es": "Incumplidas o en parte", "en": "Broken or partly kept"},
    "report.chart.renegotiated": {"es": "Renegociadas", "en": "Renegotiated"},
    "report.chart.aging": {
        "es": "Antigüedad del saldo ({currency})",
        "en": "Aging of balances ({currency})",
    },
    "report.chart.count": {"es": "Cantidad", "en": "Count"},
    "report.aging.current": {"es": "Al día", "en": "Current"},
    "report.aging.1-30": {"es": "1-30", "en": "1-30"},
    "report.aging.31-60": {"es": "31-60", "en": "31-60"},
    "report.aging.61-90": {"es": "61-90", "en": "61-90"},
    "report.aging.91-120": {"es": "91-120", "en": "91-120"},
    "report.aging.120+": {"es": "+120", "en": "120+"},
    # ---------------------------------------------------------------- CSV
    "report.csv_title": {"es": "Cifras del control (CSV)", "en": "Control figures (CSV)"},
    "report.csv_days_title": {
        "es": "Trabajo por persona y día (CSV)",
        "en": "Work per collector and day (CSV)",
    },
    "report.csv.figure": {"es": "cifra", "en": "figure"},
    "report.csv.detail": {"es": "detalle", "en": "detail"},
    "report.csv.now": {"es": "periodo {start} a {end}", "en": "period {start} to {end}"},
    "report.csv.before": {"es": "anterior {start} a {end}", "en": "before {start} to {end}"},
    "report.csv.collector": {"es": "cobrador", "en": "collector"},
    "report.csv.day": {"es": "día", "en": "day"},
    "report.csv.currency": {"es": "moneda", "en": "currency"},
    "report.csv.f.planned": {"es": "llamadas planeadas", "en": "calls planned"},
    "report.csv.f.attempts": {"es": "llamadas hechas", "en": "calls made"},
    "report.csv.f.answered": {"es": "contactos", "en": "contacts"},
    "report.csv.f.made": {"es": "promesas obtenidas", "en": "promises obtained"},
    "report.csv.f.promised": {"es": "monto prometido", "en": "amount promised"},
    "report.csv.f.due": {"es": "promesas que vencían", "en": "promises due"},
    "report.csv.f.kept": {"es": "cumplidas", "en": "kept"},
    "report.csv.f.partial": {"es": "cumplidas en parte", "en": "partly kept"},
    "report.csv.f.broken": {"es": "incumplidas", "en": "broken"},
    "report.csv.f.pending": {"es": "pendientes", "en": "pending"},
    "report.csv.f.renegotiated": {"es": "renegociadas", "en": "renegotiated"},
    "report.csv.f.corrected": {"es": "llamadas corregidas", "en": "corrected calls"},
    "report.csv.f.kept_rate": {"es": "cumplimiento por número", "en": "kept rate by count"},
    "report.csv.f.kept_rate_amount": {"es": "cumplimiento por monto", "en": "kept rate by amount"},
    "report.csv.f.collected": {"es": "cobrado", "en": "collected"},
    "report.csv.f.tasks_overdue": {"es": "tareas vencidas", "en": "overdue tasks"},
    "report.csv.f.team_collected": {
        "es": "cobrado (todos los clientes)",
        "en": "collected (every customer)",
    },
    "report.csv.f.team_sales": {"es": "ventas a crédito", "en": "credit sales"},
    "report.csv.f.team_receivables_begin": {
        "es": "cartera al inicio",
        "en": "receivables at the start",
    },
    "report.csv.f.team_receivables": {"es": "cartera al cierre", "en": "receivables at the end"},
    "report.csv.f.team_receivables_current": {
        "es": "cartera no vencida al cierre",
        "en": "receivables not yet due at the end",
    },
    "report.csv.f.team_dso": {"es": "DSO (días)", "en": "DSO (days)"},
    "report.csv.f.team_cei": {"es": "CEI (%)", "en": "CEI (%)"},
    "report.csv.f.aging": {"es": "antigüedad del saldo", "en": "aging"},
    "report.csv.f.days_to_pay": {"es": "días promedio de pago", "en": "average days to pay"},
    "report.csv.f.excuse": {"es": "excusa", "en": "excuse"},
    "report.csv.f.hashtag": {"es": "etiqueta", "en": "hashtag"},
    "report.csv.f.notes": {"es": "notas", "en": "notes"},
    "report.csv.f.notes_complete": {
        "es": "notas que responden las tres preguntas",
        "en": "notes answering the three questions",
    },
    "report.csv.f.notes_share": {"es": "parte de notas completas", "en": "share of complete notes"},
    "report.csv.f.repeat_breakers": {
        "es": "clientes que incumplen una y otra vez",
        "en": "repeat breakers",
    },
    "report.csv.f.repeat_breaker": {"es": "incumple una y otra vez", "en": "repeat breaker"},
    "cli.report_done": {
        "es": "Control semanal ({day}): enviado al canal de supervisión; {sent} mensajes enviados, {failed} fallidos.",
        "en": "Weekly control ({day}): sent to the supervisors' channel; {sent} messages sent, {failed} failed.",
    },
    "cli.report_already_ran": {
        "es": "El control de esta semana ({day}) ya se había enviado. {sent} mensajes pendientes enviados.",
        "en": "This week's control ({day}) was already sent. {sent} pending messages sent.",
    },
    "cli.report_not_monday": {
        "es": "El control semanal sale los lunes hábiles a la hora del resumen ({day} no lo es).",
        "en": "The weekly control goes out on business Mondays at digest time ({day} is not one).",
    },
    "cli.report_no_channel": {
        "es": "Falta COBRO_SUPERVISORS_CHANNEL: el control semanal va al canal de supervisión.",
        "en": "COBRO_SUPERVISORS_CHANNEL is missing: the weekly control goes to the supervisors' channel.",
    },
    **{
        f"report.month.{number}": {"es": es, "en": en}
        for number, (es, en) in enumerate(_MONTHS, start=1)
    },
}
