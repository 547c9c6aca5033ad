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
    "agenda.more_invoices": {"es": "y {count} factura(s) más", "en": "and {count} more invoice(s)"},
    "agenda.last_note": {
        "es": "Última nota ({day}, {author}): habló con {who}; {why}; acordó: {what}",
        "en": "Last note ({day}, {author}): spoke with {who}; {why}; agreed: {what}",
    },
    "agenda.no_note": {"es": "Sin notas todavía", "en": "No notes yet"},
    "agenda.reliability": {
        "es": "Promesas cumplidas: {kept} de {made}",
        "en": "Promises kept: {kept} of {made}",
    },
    "agenda.window": {"es": "Llamar de {start} a {end}", "en": "Call from {start} to {end}"},
    "agenda.window_tz": {
        "es": "Llamar de {start} a {end} ({tz}; {team_start}–{team_end} hora del equipo)",
        "en": "Call from {start} to {end} ({tz}; {team_start}–{team_end} team time)",
    },
    "agenda.log_call": {"es": "Registrar llamada", "en": "Log call"},
    "agenda.view_customer": {"es": "Ver cliente", "en": "View customer"},
    "agenda.script": {"es": "Guion", "en": "Script"},
    "agenda.unknown": {"es": "—", "en": "—"},
    "agenda.never": {"es": "nunca", "en": "never"},
    "agenda.our_company": {"es": "nuestra empresa", "en": "our company"},
    "script.reminder": {
        "es": "Buenos días, {contact}. Le habla {me}, de {company}. Le llamo para recordarle que la factura {invoice} por {amount} vence el {due}. ¿Está todo en orden para el pago? ¿Necesita que le reenviemos la factura?",
        "en": "Good morning, {contact}. This is {me} from {company}. I'm calling to remind you that invoice {invoice} for {amount} is due on {due}. Is everything in order for the payment? Would you like us to resend the invoice?",
    },
    "script.first_call": {
        "es": "Buenos días, {contact}. Le habla {me}, de {company}. ¿Cómo está? Le llamo por la factura {invoice} por {amount}, que venció el {due}. Nos gustaría conocer cuáles han sido los motivos del retraso en el pago. (Escuche; anote con quién habló, por qué no han pagado y qué acordaron: monto, fecha y forma de pago.)",
        "en": "Good morning, {contact}. This is {me} from {company}. How are you? I'm calling about invoice {invoice} for {amount}, which was due on {due}. We'd like to understand what has delayed the payment. (Listen; note whom you spoke to, why they have not paid and what you agreed: amount, date and method.)",
    },
    "script.second_call": {
        "es": "Hola, {contact}. Le habla {me}, de {company}. Llamo con respecto a la factura {invoice} por {amount}, vencida hace {days} días. La última vez que hablamos fue el {last_contact}. Debemos resolver esto hoy: ¿qué podemos acordar?",
        "en": "Hello, {contact}. This is {me} from {company}. I'm calling about invoice {invoice} for {amount}, {days} days past due. The last time we spoke was on {last_contact}. We need to settle this today: what can we agree?",
    },
    "script.broken_promise": {
        "es": "Hola, {contact}. Le habla {me}, de {company}. Llamo con respecto a la factura {invoice} por {amount}. La última vez que hablamos fue el {last_contact}, cuando usted indicó que el pago se realizaría el {promised}. Lamentablemente, no hemos recibido ese pago. (Si el cheque está en el correo: pida el número y la fecha de envío; si pasaron más de 5 días, confirme la dirección. Si no pudieron pagar: ofrezca dividir el pago entre varios medios o un plan de pagos.)",
        "en": "Hello, {contact}. This is {me} from {company}. I'm calling about invoice {invoice} for {amount}. The last time we spoke was on {last_contact}, when you said the payment would be made on {promised}. Unfortunately, we have not received it. (If the cheque is in the mail: ask for its number and mailing date; after 5 days, confirm the address. If they could not pay: offer to split it across methods or a payment plan.)",
    },
    "script.third_call": {
        "es": "{contact}, le habla {me}, de {company}. La factura {invoice} por {amount} lleva {days} días vencida y ya la hemos tratado varias veces. Queremos ayudarle a ponerse al día y evitar gastos de cobranza: ¿puede pagar hoy, o prefiere un plan de pagos?",
        "en": "{contact}, this is {me} from {company}. Invoice {invoice} for {amount} is {days} days past due and we have discussed it several times. We want to help you get up to date and avoid collection costs: can you pay today, or would you prefer a payment plan?",
    },
    "script.task": {
        "es": "Seguimiento: {task}. Última conversación: {last_contact}.",
        "en": "Follow-up: {task}. Last conversation: {last_contact}.",
    },
}
