from typing import Any

TEXTS: dict[str, dict[str, Any]] = {
    "reason.broken_promise": {
        "es": "Segunda llamada: promesa incumplida",
        "en": "Second call: broken promise",
    },
    "reason.task": {"es": "Tarea de seguimiento", "en": "Follow-up task"},
    "reason.reminder": {
        "es": "Recordatorio antes del vencimiento",
        "en": "Reminder before the due date",
    },
    "reason.first_call": {"es": "Primera llamada", "en": "First call"},
    "reason.second_call": {"es": "Segunda llamada", "en": "Second call"},
    "reason.third_call": {"es": "Tercera llamada", "en": "Third call"},
    "agenda.escalated": {"es": "escalada a supervisión", "en": "escalated to the supervisor"},
    "agenda.since": {"es": "desde el {day}", "en": "since {day}"},
    "agenda.title": {"es": "Tus llamadas del {day}", "en": "Your calls for {day}"},
    "agenda.title_for": {
        "es": "Llamadas de {name} para el {day}",
        "en": "{name}'s calls for {day}",
    },
    "agenda.summary": {
        "es": {
            "one": "{count} llamada · saldo vencido {overdue}",
            "other": "{count} llamadas · saldo vencido {overdue}",
        },
        "en": {
            "one": "{count} call · overdue balance {overdue}",
            "other": "{count} calls · overdue balance {overdue}",
        },
    },
    "agenda.empty": {
        "es": "No tienes llamadas pendientes para el {day}. :tada:",
        "en": "No calls due on {day}. :tada:",
    },
    "agenda.more": {
        "es": "… y {count} más. Escribe `/cobro hoy` a lo largo del día para ver las siguientes.",
        "en": "… and {count} more. Type `/cobro today` during the day to see the next ones.",
    },
    "agenda.next_business_day": {
        "es": "Hoy no es día hábil; estas son las llamadas del próximo día hábil.",
        "en": "Today is not a business day; these are the calls for the next one.",
    },
    "agenda.ask_for": {"es": "Preguntar por *{name}*{title}", "en": "Ask for *{name}*{title}"},
    "agenda.phone": {"es": "Tel. {phone}", "en": "Phone {phone}"},
    "agenda.no_contact": {"es": "Sin contacto registrado", "en": "No contact on file"},
    "agenda.balance": {
        "es": "Saldo {balance} · vencido {overdue}",
        "en": "Balance {balance} · overdue {overdue}",
    },
    "agenda.invoice_line": {
        "es": "Factura {number}: {balance}, {days}",
        "en": "Invoice {number}: {balance}, {days}",
    },
    "agenda.days_past_due": {"es": "{days} días vencida", "en": "{days} days past due"},
    "agenda.due_in": {"es": "vence en {days} días", "en": "due in {days} days"},
    "agenda.due_today": {"es": "vence hoy", "en": "due today"},
    "agenda.more_invoices": {
        "es": {"one": "y {count} factura más", "other": "y {count} facturas más"},
        "en": {"one": "and {count} more invoice", "other": "and {count} more invoices"},
    },
    "agenda.last_note": {
        "es": "Última nota ({day}, {author}): habló con {who}; {why}; acordó: {what}",
        "en": "Last note ({day}, {author}): spoke with {who}; {why}; agreed: {what}",
    },
    "agenda.no_note": {"es": "Sin notas todavía", "en": "No notes yet"},
    "agenda.no_promises_yet": {"es": "Sin promesas todavía", "en": "No promises yet"},
    "agenda.reliability": {
        "es": "Promesas cumplidas: {kept} de {made}",
        "en": "Promises kept: {kept} of {made}",
    },
    "agenda.window": {"es": "Llamar de {start} a {end}", "en": "Call from {start} to {end}"},
    "agenda.window_tz": {
        "es": "Llamar de {start} a {end}, hora de {tz} ({team_start}–{team_end} hora del equipo)",
        "en": "Call from {start} to {end}, {tz} time ({team_start}–{team_end} team time)",
    },
    "agenda.log_call": {"es": "Registrar llamada", "en": "Log call"},
    "agenda.view_customer": {"es": "Ver cliente", "en": "View customer"},
    "agenda.script": {"es": "Guion", "en": "Script"},
    "agenda.unknown": {"es": "—", "en": "—"},
    "agenda.our_company": {"es": "nuestra empresa", "en": "our company"},
    "script.greeting.morning": {"es": "Buenos días", "en": "Good morning"},
    "script.greeting.afternoon": {"es": "Buenas tardes", "en": "Good afternoon"},
    "script.greeting.evening": {"es": "Buenas noches", "en": "Good evening"},
    "script.hello": {"es": "{hello}, {courtesy} {name}.", "en": "{hello}, {courtesy} {name}."},
    "script.ask_for": {
        "es": "{hello}. ¿Hablo con {name}?",
        "en": "{hello}. Am I speaking with {name}?",
    },
    "script.ask_for_payer": {
        "es": "{hello}. ¿Me comunica, por favor, con la persona que ve los pagos de {customer}?",
        "en": "{hello}. Could I speak to the person who handles payments at {customer}, please?",
    },
    "script.me": {"es": "Le habla {me}, de {company}.", "en": "This is {me} from {company}."},
    "script.reminder": {
        "es": "Le llamo para recordarle que la factura {invoice} por {amount} vence el {due}. ¿Está todo en orden para el pago? ¿Necesita que le reenviemos la factura?",
        "en": "I'm calling to remind you that invoice {invoice} for {amount} is due on {due}. Is everything in order for the payment? Would you like us to resend the invoice?",
    },
    "script.reminder_late": {
        "es": "Le llamo por la factura {invoice} por {amount}, que venció el {due}. ¿Está todo en orden para el pago? ¿Necesita que le reenviemos la factura?",
        "en": "I'm calling about invoice {invoice} for {amount}, which was due on {due}. Is everything in order for the payment? Would you like us to resend the invoice?",
    },
    "script.first_call": {
        "es": "Le llamo por la factura {invoice} por {amount}, que venció el {due}.",
        "en": "I'm calling about invoice {invoice} for {amount}, which was due on {due}.",
    },
    "script.since_last": {
        "es": "La última vez que hablamos fue el {last}.",
        "en": "The last time we spoke was on {last}.",
    },
    "script.first_talk": {
        "es": "Hasta ahora no habíamos podido hablar de ella.",
        "en": "We had not been able to talk about it until now.",
    },
    "script.ask_why.a": {
        "es": "¿Hay algo que podamos aclarar para que se programe el pago?",
        "en": "Is there anything we can clarify so the payment can be scheduled?",
    },
    "script.ask_why.b": {
        "es": "Nos gustaría conocer los motivos del retraso en el pago.",
        "en": "We'd like to understand what has delayed the payment.",
    },
    "script.ask_why.c": {
        "es": "Necesito saber qué ha pasado con este pago y cuándo lo van a realizar.",
        "en": "I need to know what has happened with this payment and when it will be made.",
    },
    "script.second_call": {
        "es": "Llamo con respecto a la factura {invoice} por {amount}, que venció el {due}.",
        "en": "I'm calling about invoice {invoice} for {amount}, which was due on {due}.",
    },
    "script.agree.a": {
        "es": "¿Qué fecha de pago le parece bien para dejarlo resuelto?",
        "en": "What payment date works for you to settle it?",
    },
    "script.agree.b": {
        "es": "Necesitamos acordar hoy una fecha de pago: ¿qué podemos acordar?",
        "en": "We need to agree on a payment date today: what can we agree?",
    },
    "script.agree.c": {
        "es": "Debemos resolver esto hoy. Aceptamos transferencia, tarjeta y depósito, y podemos dividir el pago; si hoy no es posible el saldo completo, ¿le interesaría un plan de pagos?",
        "en": "We need to settle this today. We take transfers, cards and deposits, and can split the payment; if the full balance is not possible today, would a payment plan help?",
    },
    "script.third_call": {
        "es": "La factura {invoice} por {amount} venció el {due} y sigue pendiente.",
        "en": "Invoice {invoice} for {amount} was due on {due} and is still unpaid.",
    },
    "script.third_call_many": {
        "es": "La factura {invoice} por {amount} venció el {due}; ya la hemos tratado varias veces y sigue pendiente.",
        "en": "Invoice {invoice} for {amount} was due on {due}; we have discussed it several times and it is still unpaid.",
    },
    "script.last_offer.a": {
        "es": "Queremos ayudarle a ponerse al día: ¿le ayudaría un plan de pagos?",
        "en": "We want to help you get up to date: would a payment plan help?",
    },
    "script.last_offer.b": {
        "es": "Queremos ayudarle a ponerse al día y evitar gastos de cobranza: ¿puede pagar esta semana, o prefiere un plan de pagos?",
        "en": "We want to help you get up to date and avoid collection costs: can you pay this week, or would you prefer a payment plan?",
    },
    "script.last_offer.c": {
        "es": "Queremos ayudarle a ponerse al día y evitar gastos de cobranza: ¿puede pagar hoy, o prefiere un plan de pagos?",
        "en": "We want to help you get up to date and avoid collection costs: can you pay today, or would you prefer a payment plan?",
    },
    "script.broken_promise": {
        "es": "Le llamo por el pago de {promise_amount} que usted nos indicó para el {promised}. Lamentablemente, no hemos recibido ese pago.",
        "en": "I'm calling about the payment of {promise_amount} you told us would be made on {promised}. Unfortunately, we have not received it.",
    },
    "script.broken_promise_recorded": {
        "es": "Le llamo por el pago de {promise_amount} que teníamos registrado para el {promised}. Lamentablemente, no lo hemos recibido.",
        "en": "I'm calling about the payment of {promise_amount} we had on record for {promised}. Unfortunately, we have not received it.",
    },
    "script.broken_promise_tips": {
        "es": "(Si el cheque está en el correo: pide el número y la fecha de envío; si pasaron más de 5 días, confirma la dirección. Si no pudieron pagar: ofrece dividir el pago entre varios medios o un plan de pagos).",
        "en": "(If the cheque is in the mail: ask for its number and mailing date; after 5 days, confirm the address. If they could not pay: offer to split it across methods or a payment plan.)",
    },
    "script.task": {
        "es": "Le llamo para dar seguimiento a lo que quedamos el {last}. (Tu paso: {task}).",
        "en": "I'm calling to follow up on what we agreed on {last}. (Your step: {task}.)",
    },
    "script.task_first": {
        "es": "Le llamo para dar seguimiento a la cuenta de su empresa. (Tu paso: {task}).",
        "en": "I'm calling to follow up on your company's account. (Your step: {task}.)",
    },
    "script.recap_same_day": {
        "es": "(Aquella vez, con {who}: «{said}»).",
        "en": "(That time, with {who}: “{said}”.)",
    },
    "script.recap": {
        "es": "(Última conversación, el {last}, con {who}: «{said}»).",
        "en": "(Last conversation, on {last}, with {who}: “{said}”.)",
    },
    "agenda.done_line": {
        "es": "✅ {at} · *{customer}* · {got}",
        "en": "✅ {at} · *{customer}* · {got}",
    },
    "agenda.done_promise": {"es": "promesa {amount} el {when}", "en": "promise {amount} {when}"},
}
