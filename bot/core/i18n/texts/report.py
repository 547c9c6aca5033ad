"""Words of the control report."""

from typing import Any

TEXTS: dict[str, dict[str, Any]] = {
    "report.title": {
        "es": "Control de cobranza · {start} – {end}",
        "en": "Collections control · {start} – {end}",
    },
    "report.scope_team": {"es": "Todo el equipo", "en": "The whole team"},
    "report.scope_of": {"es": "Equipo de {name}", "en": "{name}'s team"},
    "report.scope_mine": {"es": "Tu trabajo", "en": "Your work"},
    "report.vs": {"es": "frente a {start} – {end}", "en": "vs {start} – {end}"},
    "report.contacts": {
        "es": "*Contactos:* {attempts} intentos ({prev_attempts}), {answered} atendidos ({prev_answered}) · {per_day} intentos por día hábil",
        "en": "*Contacts:* {attempts} attempts ({prev_attempts}), {answered} answered ({prev_answered}) · {per_day} attempts per business day",
    },
    "report.collector_line": {
        "es": "• {name}: {attempts} intentos, {answered} atendidos, {per_day}/día",
        "en": "• {name}: {attempts} attempts, {answered} answered, {per_day}/day",
    },
    "report.excuses": {"es": "*Excusas* ({total} notas)", "en": "*Excuses* ({total} notes)"},
    "report.excuse_line": {
        "es": "• {name}: {count} ({share}) · antes {prev}",
        "en": "• {name}: {count} ({share}) · before {prev}",
    },
    "report.hashtags": {"es": "*Etiquetas:* {tags}", "en": "*Hashtags:* {tags}"},
    "report.promises": {
        "es": "*Promesas:* {made} hechas ({prev_made}) · {kept} cumplidas, {partial} en parte, {broken} incumplidas, {pending} pendientes",
        "en": "*Promises:* {made} made ({prev_made}) · {kept} kept, {partial} partly, {broken} broken, {pending} pending",
    },
    "report.kept_rate": {
        "es": "Cumplimiento: {by_count} por número ({prev_count}) · {by_amount} por monto ({prev_amount})",
        "en": "Kept rate: {by_count} by count ({prev_count}) · {by_amount} by amount ({prev_amount})",
    },
    "report.money": {
        "es": "*Prometido:* {promised} ({prev_promised}) · *Cobrado:* {collected} ({prev_collected})",
        "en": "*Promised:* {promised} ({prev_promised}) · *Collected:* {collected} ({prev_collected})",
    },
    "report.repeat": {
        "es": "*Incumplen una y otra vez* (2+ promesas rotas en 90 días): {names}",
        "en": "*Break promise after promise* (2+ broken in 90 days): {names}",
    },
    "report.repeat_count": {
        "es": "*Incumplen una y otra vez* (2+ promesas rotas en 90 días): {count} clientes (los nombres van en el CSV)",
        "en": "*Break promise after promise* (2+ broken in 90 days): {count} customers (names in the CSV)",
    },
    "report.repeat_none": {
        "es": "*Incumplen una y otra vez:* nadie :tada:",
        "en": "*Break promise after promise:* nobody :tada:",
    },
    "report.aging": {
        "es": "*Antigüedad del saldo* (hoy, {total}): {buckets}",
        "en": "*Aging of balances* (today, {total}): {buckets}",
    },
    "report.kpis": {
        "es": "*DSO:* {dso} días ({prev_dso}) · *CEI:* {cei} ({prev_cei}) · *Días promedio de pago:* {days} ({prev_days})",
        "en": "*DSO:* {dso} days ({prev_dso}) · *CEI:* {cei} ({prev_cei}) · *Average days to pay:* {days} ({prev_days})",
    },
    "report.notes": {
        "es": "*Notas que responden quién, por qué y qué sigue:* {share} de {total} ({prev_share})",
        "en": "*Notes that say who, why and what next:* {share} of {total} ({prev_share})",
    },
    "report.files": {
        "es": "Gráficas y CSV con todas las cifras: te los envié por mensaje directo.",
        "en": "Charts and a CSV with every figure: sent to you by DM.",
    },
    "report.files_here": {
        "es": "Gráficas y CSV con todas las cifras del control.",
        "en": "Charts and a CSV with every figure.",
    },
    "report.bad_period": {
        "es": "No entendí el periodo. Usa `/cobro reporte semana`, `/cobro reporte mes` o `/cobro reporte 01/11/2026 15/11/2026`.",
        "en": "I didn't understand the period. Use `/cobro report week`, `/cobro report month` or `/cobro report 2026-11-01 2026-11-15`.",
    },
    "report.period_backwards": {
        "es": "La fecha inicial va antes que la final: `/cobro reporte DESDE HASTA`.",
        "en": "The start date goes before the end: `/cobro report FROM TO`.",
    },
    "report.weekly_title": {
        "es": "Control semanal · {start} – {end}",
        "en": "Weekly control · {start} – {end}",
    },
    "report.chart.this_period": {"es": "Este periodo", "en": "This period"},
    "report.chart.previous_period": {"es": "Periodo anterior", "en": "Previous period"},
    "report.chart.contacts": {"es": "Contactos por cobrador", "en": "Contacts per collector"},
    "report.chart.attempts": {"es": "Intentos", "en": "Attempts"},
    "report.chart.answered": {"es": "Atendidos", "en": "Answered"},
    "report.chart.excuses": {"es": "Excusas por categoría", "en": "Excuses by category"},
    "report.chart.promises": {"es": "Promesas de pago", "en": "Payment promises"},
    "report.chart.aging": {
        "es": "Antigüedad del saldo ({currency})",
        "en": "Aging of balances ({currency})",
    },
    "report.aging.current": {"es": "Al día", "en": "Current"},
    "report.aging.1-30": {"es": "1-30", "en": "1-30"},
    "report.aging.31-60": {"es": "31-60", "en": "31-60"},
    "report.aging.61-90": {"es": "61-90", "en": "61-90"},
    "report.aging.91-120": {"es": "91-120", "en": "91-120"},
    "report.aging.120+": {"es": "+120", "en": "120+"},
    "report.csv_title": {"es": "Cifras del control (CSV)", "en": "Control figures (CSV)"},
    "report.csv.figure": {"es": "cifra", "en": "figure"},
    "report.csv.detail": {"es": "detalle", "en": "detail"},
    "cli.report_done": {
        "es": "Control semanal ({day}): enviado al canal de supervisores; {sent} mensajes enviados, {failed} fallidos.",
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
        "es": "Falta COBRO_SUPERVISORS_CHANNEL: el control semanal va al canal de supervisores.",
        "en": "COBRO_SUPERVISORS_CHANNEL is missing: the weekly control goes to the supervisors' channel.",
    },
}
