"""Words of the call log: the modal, the three questions, the playbook, confirmations."""

from typing import Any

TEXTS: dict[str, dict[str, Any]] = {
    # The three questions, each with why it matters (seed 000).
    "note.missing_who": {
        "es": "¿Con quién hablaste? Elige el contacto o escribe el nombre y el cargo: quien lea la nota mañana debe saber a quién volver a llamar.",
        "en": "Who did you speak to? Pick the contact or type their name and role: whoever reads this note tomorrow must know whom to call back.",
    },
    "note.missing_category": {
        "es": "Elige el tipo de excusa: así el reporte muestra por qué no nos pagan.",
        "en": "Pick the kind of excuse: that is how the report shows why we are not paid.",
    },
    "note.missing_why": {
        "es": "¿Por qué no ha pagado? Escribe la razón que dio, no solo el resultado («No hay pago para esta semana» no explica nada).",
        "en": "Why haven't they paid? Write the reason they gave, not just the result (“No payment this week” explains nothing).",
    },
    "note.missing_next": {
        "es": "¿Cuál es el próximo paso? Escribe qué harás tú (accionable), para que nadie tenga que adivinarlo.",
        "en": "What is the next step? Write what you will do (something actionable), so nobody has to guess.",
    },
    "note.why_it_matters": {
        "es": "Una buena nota responde tres preguntas: ¿con quién hablé?, ¿por qué no ha pagado?, ¿cuál es el próximo paso?",
        "en": "A good note answers three questions: who did I speak to, why haven't they paid, what is the next step?",
    },
    # The playbook: the next step the seeds recommend for each excuse.
    "play.forgot": {
        "es": "Llamar para confirmar que el pago salió",
        "en": "Call to confirm the payment went out",
    },
    "play.cannot_pay": {"es": "Ofrecer un plan de pagos", "en": "Offer a payment plan"},
    "play.invoice": {"es": "Enviar copia de la factura", "en": "Send a copy of the invoice"},
    "play.person_away": {
        "es": "Llamar de nuevo cuando vuelva el responsable de pagos",
        "en": "Call again when the person in charge of payments is back",
    },
    "play.in_approval": {
        "es": "Llamar para saber si el pago ya fue aprobado",
        "en": "Call to find out whether the payment was approved",
    },
    "play.cheque": {
        "es": "Pedir el número y la fecha de envío del cheque; si en 5 días no llegó, confirmar la dirección y pedir que lo reemitan",
        "en": "Ask for the cheque number and mailing date; if it has not arrived in 5 days, confirm the address and ask them to reissue it",
    },
    "play.already_paid": {"es": "Verificar el pago", "en": "Verify the payment"},
    "play.already_paid_ref": {
        "es": "Verificar el pago (depósito n.º {reference})",
        "en": "Verify the payment (deposit no. {reference})",
    },
    "play.dispute": {
        "es": "Encontrar el problema de la factura y resolverlo con quien corresponda",
        "en": "Find the problem with the invoice and get it fixed by whoever is responsible",
    },
    "play.refuses": {
        "es": "Escalar la cuenta al supervisor",
        "en": "Escalate the account to the supervisor",
    },
    "play.other": {"es": "Llamar de nuevo al cliente", "en": "Call the customer again"},
    "play.retry": {"es": "Volver a llamar", "en": "Call again"},
    "play.find_number": {
        "es": "Conseguir el teléfono correcto del cliente",
        "en": "Find the customer's correct phone number",
    },
    # Categories, outcomes, methods, roles.
    "excuse.forgot": {"es": "Se le olvidó", "en": "Forgot"},
    "excuse.cannot_pay": {"es": "No puede pagar (sin liquidez)", "en": "Cannot pay (no cash)"},
    "excuse.invoice_not_received": {
        "es": "No recibió o extravió la factura",
        "en": "Invoice not received or misplaced",
    },
    "excuse.person_away": {"es": "El responsable no está", "en": "Person in charge away"},
    "excuse.in_approval": {"es": "En aprobación", "en": "In approval"},
    "excuse.cheque_sent": {
        "es": "Dice que ya envió el cheque",
        "en": "Says the cheque is in the mail",
    },
    "excuse.already_paid": {"es": "Dice que ya pagó", "en": "Says it already paid"},
    "excuse.dispute": {"es": "Disputa o reclamo", "en": "Dispute or complaint"},
    "excuse.refuses": {"es": "Se niega a pagar", "en": "Refuses to pay"},
    "excuse.other": {"es": "Otra", "en": "Other"},
    "outcome.answered": {"es": "Contestó el contacto", "en": "The contact answered"},
    "outcome.third_party": {"es": "Contestó otra persona", "en": "Someone else answered"},
    "outcome.no_answer": {"es": "No contestó", "en": "No answer"},
    "outcome.message_left": {"es": "Recado o mensaje de voz", "en": "Voicemail or message left"},
    "outcome.wrong_number": {"es": "Número equivocado", "en": "Wrong number"},
    "method.transfer": {"es": "Transferencia", "en": "Transfer"},
    "method.deposit": {"es": "Depósito", "en": "Deposit"},
    "method.cheque": {"es": "Cheque", "en": "Cheque"},
    "method.card": {"es": "Tarjeta", "en": "Card"},
    "method.cash": {"es": "Efectivo", "en": "Cash"},
    "contact_role.secretary": {"es": "Secretaria/o", "en": "Secretary"},
    "contact_role.receptionist": {"es": "Recepción", "en": "Receptionist"},
    "contact_role.accountant": {"es": "Contaduría", "en": "Accountant"},
    "contact_role.payables": {"es": "Cuentas por pagar", "en": "Accounts payable"},
    "contact_role.manager": {"es": "Gerente", "en": "Manager"},
    "contact_role.owner": {"es": "Dirección (dueño o dueña)", "en": "Owner"},
    "contact_role.other": {"es": "Otro", "en": "Other"},
    # The modal.
    "call.modal_title": {"es": "Registrar llamada", "en": "Log a call"},
    "call.submit": {"es": "Guardar", "en": "Save"},
    "call.cancel": {"es": "Cancelar", "en": "Cancel"},
    "call.header": {
        "es": "*{customer}* · saldo {balance}",
        "en": "*{customer}* · balance {balance}",
    },
    "call.outcome": {"es": "¿Qué pasó?", "en": "What happened?"},
    "call.outcome_hint": {
        "es": "Si no hablaste con el cliente, solo se registra el intento. En un buzón o con un tercero deja solo tu nombre, la empresa y un teléfono: nunca el monto ni que hay una deuda.",
        "en": "If you did not speak to the customer, only the attempt is logged. On voicemail or with someone else leave only your name, the company and a phone number: never the amount or that there is a debt.",
    },
    "call.contact": {"es": "¿Con quién hablaste?", "en": "Who did you speak to?"},
    "call.contact_new": {"es": "Otra persona (escribe abajo)", "en": "Someone else (type below)"},
    "call.contact_name": {"es": "Nombre de la otra persona", "en": "The other person's name"},
    "call.contact_role": {"es": "Su cargo", "en": "Their role"},
    "call.excuse_category": {"es": "Excusa", "en": "Excuse"},
    "call.excuse": {"es": "¿Por qué no ha pagado?", "en": "Why haven't they paid?"},
    "call.excuse_placeholder": {
        "es": "Ej.: El gerente está de vacaciones y nadie más firma los pagos #vacaciones",
        "en": "E.g.: The manager is on holiday and nobody else signs payments #holiday",
    },
    "call.agreement": {"es": "¿Qué acordaron?", "en": "What did you agree?"},
    "call.promise_amount": {"es": "Monto prometido", "en": "Amount promised"},
    "call.promise_date": {
        "es": "¿Cuándo paga? (en palabras)",
        "en": "When will they pay? (in words)",
    },
    "call.promise_date_placeholder": {
        "es": "el viernes, a la quincena, 15/12…",
        "en": "friday, end of month, 12/15…",
    },
    "call.promise_method": {"es": "Forma de pago", "en": "Payment method"},
    "call.promise_reference": {
        "es": "Referencia (n.º de depósito o cheque)",
        "en": "Reference (deposit or cheque no.)",
    },
    "call.task": {"es": "Próximo paso: ¿qué harás?", "en": "Next step: what will you do?"},
    "call.task_due": {"es": "¿Cuándo? (en palabras)", "en": "When? (in words)"},
    "call.task_due_placeholder": {
        "es": "mañana a las 10, el lunes, en 3 días…",
        "en": "tomorrow at 10, monday, in 3 days…",
    },
    "call.assignee": {"es": "¿Quién lo hará?", "en": "Who will do it?"},
    "call.supervisor": {
        "es": "Supervisa (si lo hace otra persona)",
        "en": "Supervisor (when someone else does it)",
    },
    "call.section_promise": {"es": "*La promesa del cliente*", "en": "*The customer's promise*"},
    "call.section_task": {"es": "*Tu próximo paso*", "en": "*Your next step*"},
    # Field errors.
    "call.need_outcome": {
        "es": "Elige qué pasó en la llamada.",
        "en": "Pick what happened on the call.",
    },
    "call.amount_not_positive": {
        "es": "El monto prometido debe ser mayor que cero.",
        "en": "The amount promised must be more than zero.",
    },
    "call.need_promise_date": {
        "es": "Escribiste un monto: ¿cuándo paga? Escribe la fecha en palabras (por ejemplo «el viernes»).",
        "en": "You typed an amount: when will they pay? Write the date in words (e.g. “friday”).",
    },
    "call.need_task_due": {
        "es": "¿Para cuándo? Escribe la fecha en palabras (por ejemplo «mañana a las 10»).",
        "en": "By when? Write the date in words (e.g. “tomorrow at 10”).",
    },
    "call.need_task": {
        "es": "Pusiste una fecha pero no qué harás.",
        "en": "You gave a date but not what you will do.",
    },
    "call.not_member": {
        "es": "Esa persona no está en el equipo de cobro. Agrégala con `/cobro equipo agregar`.",
        "en": "That person is not on the cobro team. Add them with `/cobro team add`.",
    },
    "call.need_supervisor": {
        "es": "La tarea es de otra persona: nombra quién la supervisa.",
        "en": "The task is someone else's: name who supervises it.",
    },
    "call.supervisor_not_manager": {
        "es": "{name} no es supervisor del equipo: elige a alguien con rol de supervisión.",
        "en": "{name} is not a supervisor on the team: choose someone with a supervisor role.",
    },
    "call.supervisor_is_assignee": {
        "es": "Quien supervisa no puede ser quien hace la tarea.",
        "en": "The supervisor cannot be the person doing the task.",
    },
    "call.save_failed": {
        "es": "No pude guardar (la base de datos no respondió). Tu nota sigue aquí: vuelve a pulsar Guardar en un momento.",
        "en": "I could not save (the database did not answer). Your note is still here: press Save again in a moment.",
    },
    # Echo of dates.
    "call.moved_to_business_day": {
        "es": "{when} (movida al siguiente día hábil)",
        "en": "{when} (moved to the next business day)",
    },
    "call.non_business_flag": {
        "es": "{when} :warning: no es día hábil",
        "en": "{when} :warning: not a business day",
    },
    # Confirmations.
    "call.logged_title": {
        "es": ":white_check_mark: Llamada a *{customer}* registrada",
        "en": ":white_check_mark: Call to *{customer}* logged",
    },
    "call.attempt_title": {
        "es": ":telephone_receiver: Intento de llamada a *{customer}* registrado: {outcome}",
        "en": ":telephone_receiver: Call attempt to *{customer}* logged: {outcome}",
    },
    "call.attempt_corrected_title": {
        "es": ":pencil2: Intento de llamada a *{customer}* corregido (el original queda en el historial): {outcome}",
        "en": ":pencil2: Call attempt to *{customer}* corrected (the original stays in the history): {outcome}",
    },
    "call.retry_proposed": {
        "es": "Te propongo: *{task}*, {when}. Ya está en tus tareas; cámbialo desde `/cobro tareas`.",
        "en": "I suggest: *{task}*, {when}. It is in your tasks; change it from `/cobro tasks`.",
    },
    "call.message_left_reminder": {
        "es": ":lock: En un mensaje deja solo tu nombre, la empresa y un teléfono: nunca el monto ni que hay una deuda.",
        "en": ":lock: In a message leave only your name, the company and a phone number: never the amount or that there is a debt.",
    },
    "call.third_party_reminder": {
        "es": ":lock: Hablaste con alguien que no es el contacto de pagos: no le des detalles de la deuda (monto, días de atraso). Es información confidencial y en algunos países divulgarla está penado.",
        "en": ":lock: You spoke to someone who is not the payments contact: do not give them details of the debt (amount, days late). It is confidential, and in some countries disclosing it is an offence.",
    },
    "call.line_who": {"es": "*Con quién:* {who}", "en": "*Spoke to:* {who}"},
    "call.line_why": {
        "es": "*Por qué no ha pagado:* {category} — {excuse}",
        "en": "*Why not paid:* {category} — {excuse}",
    },
    "call.line_agreement": {"es": "*Acuerdo:* {agreement}", "en": "*Agreed:* {agreement}"},
    "call.line_promise": {
        "es": "*Promesa:* {amount} el {when}{method}",
        "en": "*Promise:* {amount} on {when}{method}",
    },
    "call.line_task": {
        "es": "*Próximo paso:* {task} · {when} · {assignee}",
        "en": "*Next step:* {task} · {when} · {assignee}",
    },
    "call.line_supervisor": {
        "es": " · supervisión a cargo de {supervisor}",
        "en": " · supervised by {supervisor}",
    },
    "call.line_tags": {"es": "*Etiquetas:* {tags}", "en": "*Tags:* {tags}"},
    "call.line_dispute": {
        "es": ":pause_button: Cobranza en pausa para {invoices} hasta resolver la disputa.",
        "en": ":pause_button: Dunning paused for {invoices} until the dispute is resolved.",
    },
    "call.all_invoices": {"es": "todas sus facturas", "en": "all its invoices"},
    "call.you": {"es": "tú", "en": "you"},
    "call.view_customer": {"es": "Ver cliente", "en": "View customer"},
    # Tasks for colleagues.
    "task.assigned_to_you": {
        "es": ":inbox_tray: {author} te asignó una tarea de *{customer}*:\n*{task}* · {when}",
        "en": ":inbox_tray: {author} gave you a task for *{customer}*:\n*{task}* · {when}",
    },
    "task.supervised_by": {
        "es": "Supervisión a cargo de {supervisor}",
        "en": "Supervised by {supervisor}",
    },
    "task.assigned_supervised": {
        "es": ":eyes: {author} asignó a {assignee} una tarea de *{customer}* que tú supervisas:\n*{task}* · {when}",
        "en": ":eyes: {author} gave {assignee} a task for *{customer}* that you supervise:\n*{task}* · {when}",
    },
    "task.no_customer": {"es": "sin cliente", "en": "no customer"},
    "task.done": {"es": "Hecho", "en": "Done"},
    "task.snooze": {"es": "Posponer", "en": "Snooze"},
    "task.snooze_1h": {"es": "1 hora", "en": "1 hour"},
    "task.snooze_tomorrow": {"es": "Mañana", "en": "Tomorrow"},
    "task.snooze_pick": {"es": "Otra fecha…", "en": "Another date…"},
    "task.reassign": {"es": "Reasignar", "en": "Reassign"},
    "task.marked_done": {
        "es": ":white_check_mark: Hecho: *{task}*",
        "en": ":white_check_mark: Done: *{task}*",
    },
    "task.snoozed": {
        "es": ":zzz: Pospuesta para {when}: *{task}*",
        "en": ":zzz: Snoozed until {when}: *{task}*",
    },
    "task.reassigned": {
        "es": ":arrow_right: *{task}* ahora es de {assignee}.",
        "en": ":arrow_right: *{task}* now belongs to {assignee}.",
    },
    "task.already_closed": {
        "es": "Esa tarea ya estaba cerrada: nada que cambiar. Tus tareas abiertas están en `/cobro tareas`.",
        "en": "That task was already closed: nothing to change. Your open tasks are in `/cobro tasks`.",
    },
    "task.not_yours": {
        "es": "Solo quien tiene la tarea, quien la creó o quien la supervisa puede cambiarla.",
        "en": "Only the assignee, the creator or the supervisor can change that task.",
    },
    "task.snooze_title": {"es": "Posponer tarea", "en": "Snooze task"},
    "task.snooze_when": {"es": "¿Para cuándo?", "en": "Until when?"},
    "task.reassign_title": {"es": "Reasignar tarea", "en": "Reassign task"},
}

TEXTS |= {
    "customer.pick": {
        "es": "Varios clientes coinciden. ¿Cuál es?",
        "en": "Several customers match. Which one?",
    },
    "customer.this_one": {"es": "Este", "en": "This one"},
    "customer.none": {
        "es": "No encontré ningún cliente como «{query}». Prueba con otra parte del nombre o con su id.",
        "en": "I found no customer like “{query}”. Try another part of the name, or its id.",
    },
    "customer.need_query": {
        "es": "¿Qué cliente? Escribe `/cobro {word} <nombre o id>`.",
        "en": "Which customer? Type `/cobro {word} <name or id>`.",
    },
}

TEXTS |= {
    "what.task": {"es": "la tarea", "en": "the task"},
    "call.timing_where": {"es": " en {city}", "en": " in {city}"},
    "call.timing_team_time": {"es": " (hora del equipo)", "en": " (team time)"},
    "call.timing_early": {
        "es": ":warning: Son las {now}{where}: todavía no empieza su horario para llamar. Próximo momento permitido: {slot}, hora del equipo{theirs}.",
        "en": ":warning: It is {now}{where}: their calling hours have not begun. Next allowed moment: {slot}, team time{theirs}.",
    },
    "call.timing_late": {
        "es": ":warning: Son las {now}{where}: ya terminó su horario para llamar. Próximo momento permitido: {slot}, hora del equipo{theirs}.",
        "en": ":warning: It is {now}{where}: their calling hours are over. Next allowed moment: {slot}, team time{theirs}.",
    },
    "call.timing_not_a_calling_day": {
        "es": ":warning: Hoy no es día de llamar a este cliente (son las {now}{where}). Próximo momento permitido: {slot}, hora del equipo{theirs}.",
        "en": ":warning: Today is not a day to call this customer (it is {now}{where}). Next allowed moment: {slot}, team time{theirs}.",
    },
    "call.timing_contact_cap": {
        "es": ":warning: Ya se le llamó tantas veces como permite el límite de contactos. Próximo momento permitido: {slot}, hora del equipo{theirs}.",
        "en": ":warning: They were already called as often as the contact cap allows. Next allowed moment: {slot}, team time{theirs}.",
    },
    "call.timing_theirs": {"es": " ({at} en {city})", "en": " ({at} in {city})"},
    "call.timing_log_anyway": {
        "es": "Puedes registrar la llamada igual: por ejemplo, si el cliente te llamó.",
        "en": "You can still log the call: for instance, if the customer called you.",
    },
    "tasks.more": {
        "es": {
            "one": "… y {count} tarea más, con fecha posterior: termina o pospón las de arriba para verla.",
            "other": "… y {count} tareas más, con fecha posterior: termina o pospón las de arriba para verlas.",
        },
        "en": {
            "one": "… and {count} more task, due later: finish or snooze the ones above to see it.",
            "other": "… and {count} more tasks, due later: finish or snooze the ones above to see them.",
        },
    },
    "promises.more": {
        "es": {
            "one": "… y {count} promesa más, con fecha posterior.",
            "other": "… y {count} promesas más, con fecha posterior.",
        },
        "en": {
            "one": "… and {count} more promise, due later.",
            "other": "… and {count} more promises, due later.",
        },
    },
    "tasks.title": {"es": "Mis tareas pendientes", "en": "My open tasks"},
    "tasks.overdue": {"es": " · :hourglass: vencida", "en": " · :hourglass: overdue"},
    "tasks.none": {
        "es": "No tienes tareas pendientes. :tada:",
        "en": "You have no open tasks. :tada:",
    },
    "tasks.line": {"es": "*{task}* · {customer} · {when}", "en": "*{task}* · {customer} · {when}"},
    "task.reassigned_to_you": {
        "es": ":inbox_tray: {author} te pasó una tarea de *{customer}*:\n*{task}* · {when}",
        "en": ":inbox_tray: {author} handed you a task for *{customer}*:\n*{task}* · {when}",
    },
    "task.reassign_to": {"es": "Nueva persona", "en": "New assignee"},
    "task.save": {"es": "Guardar", "en": "Save"},
    "promises.title": {"es": "Promesas de pago que sigo", "en": "Payment promises I follow"},
    "promises.none": {
        "es": "No sigues ninguna promesa pendiente.",
        "en": "You follow no pending promises.",
    },
    "promises.line": {
        "es": "*{customer}* · {amount} · {when}{paid}",
        "en": "*{customer}* · {amount} · {when}{paid}",
    },
    "promises.paid_so_far": {"es": " · pagado {paid}", "en": " · paid {paid}"},
}

TEXTS |= {
    "history.attempt": {"es": "Intento de llamada", "en": "Call attempt"},
    "history.note": {"es": "Nota", "en": "Note"},
    "history.promise": {"es": "Promesa de pago", "en": "Payment promise"},
    "history.task": {"es": "Tarea", "en": "Task"},
    "history.payment": {"es": "Pago", "en": "Payment"},
    "history.imported": {"es": "importado", "en": "imported"},
    "history.spoke_with": {"es": "habló con {who}", "en": "spoke to {who}"},
    "history.agreed": {"es": "acuerdo: {agreement}", "en": "agreed: {agreement}"},
    "history.corrects": {"es": "corrige la nota {id}", "en": "corrects note {id}"},
    "card.correct": {"es": "Corregir la última llamada", "en": "Correct the last call"},
    "history.correction": {"es": "Corrección", "en": "Correction"},
    "history.renegotiation": {"es": "Renegociación", "en": "Renegotiation"},
    "history.changed": {
        "es": "{item} {id}, {field}: «{old}» → «{new}»",
        "en": "{item} {id}, {field}: “{old}” → “{new}”",
    },
    "history.changed_why": {"es": "motivo: {reason}", "en": "why: {reason}"},
    "history.empty_value": {"es": "vacío", "en": "empty"},
    "history.item.attempt": {"es": "llamada", "en": "call"},
    "history.item.note": {"es": "nota", "en": "note"},
    "history.item.promise": {"es": "promesa", "en": "promise"},
    "history.item.task": {"es": "tarea", "en": "task"},
    "history.field.outcome": {"es": "resultado", "en": "outcome"},
    "history.field.contact": {"es": "contacto", "en": "contact"},
    "history.field.remark": {"es": "lo que dijeron", "en": "what they said"},
    "history.field.spoke_with": {"es": "con quién", "en": "spoke to"},
    "history.field.category": {"es": "excusa", "en": "excuse"},
    "history.field.excuse": {"es": "por qué no ha pagado", "en": "why unpaid"},
    "history.field.agreement": {"es": "acuerdo", "en": "agreement"},
    "history.field.amount": {"es": "monto", "en": "amount"},
    "history.field.promised_for": {"es": "fecha", "en": "date"},
    "history.field.method": {"es": "forma de pago", "en": "method"},
    "history.field.reference": {"es": "referencia", "en": "reference"},
    "history.field.text": {"es": "qué", "en": "what"},
    "history.field.due_date": {"es": "vence", "en": "due"},
    "history.field.due_time": {"es": "hora", "en": "time"},
    "history.field.assignee": {"es": "responsable", "en": "assignee"},
    "history.field.supervisor": {"es": "supervisión", "en": "supervisor"},
    "history.said": {"es": "dijo: «{remark}»", "en": "said: “{remark}”"},
    "history.field.role": {"es": "cargo", "en": "role"},
    "history.promised_for": {"es": "para el {day}", "en": "for {day}"},
    "history.due": {"es": "vence {due}", "en": "due {due}"},
    "history.col.when": {"es": "fecha", "en": "when"},
    "history.col.kind": {"es": "tipo", "en": "kind"},
    "history.col.who": {"es": "quién", "en": "who"},
    "history.col.detail": {"es": "detalle", "en": "detail"},
    "history.col.amount": {"es": "monto", "en": "amount"},
    "history.col.status": {"es": "estado", "en": "status"},
    "history.uploaded": {
        "es": "Historial de *{customer}*: {count} eventos, en el CSV adjunto.",
        "en": "History of *{customer}*: {count} events, in the attached CSV.",
    },
    "history.sent_to_dm": {
        "es": "Te envié el historial de *{customer}* por mensaje directo.",
        "en": "I sent you the history of *{customer}* as a direct message.",
    },
    "promise_status.pending": {"es": "pendiente", "en": "pending"},
    "promise_status.kept": {"es": "cumplida", "en": "kept"},
    "promise_status.partial": {"es": "cumplida en parte", "en": "partially kept"},
    "promise_status.broken": {"es": "incumplida", "en": "broken"},
    "promise_status.cancelled": {
        "es": "anulada por una corrección",
        "en": "cancelled by a correction",
    },
    "task_status.open": {"es": "pendiente", "en": "open"},
    "task_status.done": {"es": "hecha", "en": "done"},
    "task_status.cancelled": {"es": "cancelada", "en": "cancelled"},
    "payment.not_positive": {
        "es": "El pago debe ser mayor que cero.",
        "en": "The payment must be more than zero.",
    },
    "payment.future": {
        "es": "El {when} todavía no llega: registra el pago cuando se reciba.",
        "en": "{when} has not come yet: record the payment once it is received.",
    },
    "payment.title": {"es": "Registrar pago", "en": "Record a payment"},
    "payment.amount": {"es": "Monto recibido", "en": "Amount received"},
    "payment.date": {
        "es": "¿Cuándo se recibió? (en palabras; vacío: hoy)",
        "en": "When was it received? (in words; empty: today)",
    },
    "payment.date_placeholder": {
        "es": "hoy, ayer, el lunes, 20/11…",
        "en": "today, yesterday, monday, 11/20…",
    },
    "payment.invoice": {
        "es": "Factura que paga (vacío: las más antiguas)",
        "en": "Invoice it pays (empty: the oldest)",
    },
    "payment.recorded": {
        "es": ":moneybag: Pago de {amount} de *{customer}* registrado ({when}).",
        "en": ":moneybag: Payment of {amount} from *{customer}* recorded ({when}).",
    },
    "payment.kept": {
        "es": "Promesas cumplidas con este pago: {kept} de {counted}.",
        "en": "Promises kept by this payment: {kept} of {counted}.",
    },
    "payment.credit": {
        "es": "Queda un saldo a favor del cliente de {credit}.",
        "en": "The customer has a credit of {credit} left.",
    },
    "payment.verified_task": {
        "es": "✅ Tarea cerrada con este pago: «{task}».",
        "en": "✅ Task closed by this payment: “{task}”.",
    },
    "payment.duplicate": {
        "es": "Ese pago ya estaba registrado (misma referencia): no lo conté dos veces.",
        "en": "That payment was already recorded (same reference): I did not count it twice.",
    },
    "task.add_title": {"es": "Añadir tarea", "en": "Add a task"},
    "task.added": {
        "es": ":memo: Tarea creada: *{task}* · {when} · {assignee}",
        "en": ":memo: Task created: *{task}* · {when} · {assignee}",
    },
    "card.log_call": {"es": "Registrar llamada", "en": "Log a call"},
    "card.add_task": {"es": "Añadir tarea", "en": "Add a task"},
    "card.add_payment": {"es": "Registrar pago", "en": "Record a payment"},
    "card.export": {"es": "Exportar historial", "en": "Export history"},
    "card.collector": {"es": "Cobranza a cargo de {name}", "en": "Collector: {name}"},
    "card.no_collector": {"es": "Sin responsable de cobranza", "en": "No collector assigned"},
    "card.balance": {"es": "*Saldo:* {balance}", "en": "*Balance:* {balance}"},
    "card.step": {"es": "*Paso de cobranza:* {step}", "en": "*Dunning step:* {step}"},
    "card.no_step": {"es": "al día", "en": "up to date"},
    "card.reliability": {
        "es": "*Promesas cumplidas:* {kept} de {made}",
        "en": "*Promises kept:* {kept} of {made}",
    },
    "card.pending_promise": {
        "es": "*Promesa pendiente:* {amount} el {when}",
        "en": "*Pending promise:* {amount} on {when}",
    },
    "card.pending_promise_rest": {
        "es": "*Promesa pendiente:* faltan {amount} de los {promised} prometidos para el {when}",
        "en": "*Pending promise:* {amount} of the {promised} promised for {when} still to come",
    },
    "card.contacts": {"es": "*A quién llamar*", "en": "*Whom to call*"},
    "card.no_contacts": {"es": "Sin contactos registrados.", "en": "No contacts on file."},
    "card.decides": {"es": "decide los pagos", "en": "decides payments"},
    "card.invoices": {"es": "*Facturas abiertas*", "en": "*Open invoices*"},
    "card.no_invoices": {"es": "Ninguna factura abierta.", "en": "No open invoices."},
    "card.invoice_line": {
        "es": "{number} · {balance} · {days}",
        "en": "{number} · {balance} · {days}",
    },
    "card.disputed": {"es": " · :pause_button: en disputa", "en": " · :pause_button: disputed"},
    "card.more_invoices": {"es": "… y {count} más", "en": "… and {count} more"},
    "card.notes": {"es": "*Últimas notas*", "en": "*Latest notes*"},
    "card.no_notes": {"es": "Todavía no hay notas.", "en": "No notes yet."},
    "card.note_line": {"es": "{day} · {author}: {body}", "en": "{day} · {author}: {body}"},
    "card.tasks": {"es": "*Tareas abiertas*", "en": "*Open tasks*"},
    "card.no_tasks": {"es": "Ninguna tarea abierta.", "en": "No open tasks."},
    "card.task_line": {"es": "{task} · {when} · {assignee}", "en": "{task} · {when} · {assignee}"},
    "card.attempts": {
        "es": {
            "one": "{count} intento de llamada en total",
            "other": "{count} intentos de llamada en total",
        },
        "en": {"one": "{count} call attempt in all", "other": "{count} call attempts in all"},
    },
    "card.no_promises_yet": {
        "es": "*Promesas:* todavía ninguna",
        "en": "*Promises:* none yet",
    },
    "promise.reschedule_title": {"es": "Mover la promesa", "en": "Move the promise"},
    "promise.reschedule_when": {
        "es": "¿Para cuándo promete ahora?",
        "en": "When does the customer promise now?",
    },
    "promise.reschedule_why": {
        "es": "¿Por qué cambia la fecha?",
        "en": "Why does the date change?",
    },
    "promise.reschedule_why_hint": {
        "es": "p. ej. le pagan a su cliente hasta el día 30",
        "en": "e.g. their own customer pays them on the 30th",
    },
    "promise.need_why": {
        "es": "Escribe por qué cambia la fecha: queda en el historial y en el control.",
        "en": "Say why the date changes: it goes into the history and the control.",
    },
    "promise.reassign_title": {"es": "Reasignar promesa", "en": "Reassign promise"},
    "promise.rescheduled": {
        "es": ":calendar: Promesa de *{customer}* movida al {when}.",
        "en": ":calendar: Promise of *{customer}* moved to {when}.",
    },
    "promise.reassigned": {
        "es": ":arrow_right: La promesa de *{customer}* ahora la sigue {name}.",
        "en": ":arrow_right: {name} now follows the promise of *{customer}*.",
    },
    "promise.not_pending": {
        "es": "Esa promesa ya no está pendiente (se cumplió o se incumplió): nada que mover. Las pendientes están en `/cobro promesas`.",
        "en": "That promise is no longer pending (kept or broken): nothing to move. Pending ones are in `/cobro promises`.",
    },
    "what.promise": {"es": "la promesa", "en": "the promise"},
}

TEXTS |= {
    "shortcut.next": {"es": "Siguiente", "en": "Next"},
    "shortcut.from_message": {"es": "Del mensaje: «{text}»", "en": "From the message: “{text}”"},
    "shortcut.which_customer": {
        "es": "¿De qué cliente? (nombre o id)",
        "en": "Which customer? (name or id)",
    },
    "customer.need_query_field": {
        "es": "Escribe el nombre o el id del cliente.",
        "en": "Type the customer's name or id.",
    },
    "customer.several": {
        "es": "Varios clientes coinciden: {names}. Escribe más del nombre o el id.",
        "en": "Several customers match: {names}. Type more of the name, or the id.",
    },
}

# The call modal by outcome, its echo, plans and corrections.
TEXTS |= {
    "call.third_party_hint": {
        "es": ":lock: Contestó alguien que no es el contacto de pagos: deja tu nombre, la empresa y un teléfono, y pregunta cuándo encontrarlo. No hables de la deuda (monto, días de atraso): es confidencial.",
        "en": ":lock: Someone other than the payments contact answered: leave your name, the company and a phone number, and ask when to find them. Do not discuss the debt (amount, days late): it is confidential.",
    },
    "call.no_answer_hint": {
        "es": "Solo se registra el intento. Te propongo volver a llamar en su próximo horario de llamada; cámbialo si sabes de otro.",
        "en": "Only the attempt is logged. I suggest calling again at their next calling time; change it if you know better.",
    },
    "call.who_answered": {"es": "¿Quién contestó? (nombre)", "en": "Who answered? (name)"},
    "call.remark": {"es": "¿Qué te dijo?", "en": "What did they say?"},
    "call.remark_hint": {
        "es": "Por ejemplo «la contadora regresa el lunes»: si dice un día, la próxima llamada queda para ese día.",
        "en": "E.g. “the accountant is back on Monday”: a day said here is when the next call goes.",
    },
    "call.correct_title": {"es": "Corregir llamada", "en": "Correct a call"},
    "call.installment_amount": {"es": "Monto de la cuota {n}", "en": "Installment {n}: amount"},
    "call.installment_date": {
        "es": "¿Cuándo paga la cuota {n}? (en palabras)",
        "en": "Installment {n}: when? (in words)",
    },
    "call.add_installment": {"es": "Añadir cuota", "en": "Add an installment"},
    "call.need_who_answered": {
        "es": "¿Quién contestó? Escribe su nombre: así sabremos a quién volver a preguntar.",
        "en": "Who answered? Type their name: so we know whom to ask again.",
    },
    "call.need_installment_amount": {
        "es": "¿Cuánto paga en esa fecha?",
        "en": "How much is paid on that date?",
    },
    "call.same_day_twice": {
        "es": "Dos cuotas el mismo día: súmalas en una sola.",
        "en": "Two installments on the same day: add them up into one.",
    },
    "call.echo_whole_balance": {
        "es": "{amount}, todo el saldo",
        "en": "{amount}, the whole balance",
    },
    "call.promise_day_only": {
        "es": "{when} (la promesa guarda el día, no la hora)",
        "en": "{when} (a promise keeps the day, not the hour)",
    },
    "call.other_currency": {
        "es": "«{typed}» está en {named}, y este cliente debe en {currency}: escribe el monto en {currency} (cobro no convierte monedas).",
        "en": "“{typed}” is in {named}, and this customer owes in {currency}: type the amount in {currency} (cobro does not convert currencies).",
    },
    "call.retry_moved": {
        "es": ":calendar: Con lo que dice la nota, cambié la fecha del próximo paso: {when} (antes decía {shown}). Si está bien, pulsa Guardar de nuevo; si no, escribe otra fecha.",
        "en": ":calendar: Going by the note, I moved the next step: {when} (it said {shown} before). If that is right, press Save again; if not, type another date.",
    },
    "call.plan_in_agreement": {
        "es": ":memo: El acuerdo habla de {count} pagos: los puse como cuotas. Revísalos (monto y fecha de cada uno) y pulsa Guardar.",
        "en": ":memo: The agreement speaks of {count} payments: they are now installments. Check each one's amount and date, and press Save.",
    },
    "payment.above_balance": {
        "es": ":warning: {total} es más que el saldo abierto ({balance}): {credit} quedarían como saldo a favor del cliente. Si es correcto, pulsa Guardar de nuevo; si no, corrige el monto.",
        "en": ":warning: {total} is more than the open balance ({balance}): {credit} would stay as the customer's credit. If that is right, press Save again; if not, fix the amount.",
    },
    "call.amount_not_said": {
        "es": "El acuerdo dice {said}, pero aquí quedó el saldo ({balance}), que nadie escribió. Escribe el monto que prometió el cliente.",
        "en": "The agreement says {said}, but the balance ({balance}) was left here and nobody typed it. Type the amount the customer promised.",
    },
    "call.above_balance": {
        "es": ":warning: {total} es más que el saldo abierto ({balance}). Si es correcto, pulsa Guardar de nuevo; si no, corrige el monto.",
        "en": ":warning: {total} is more than the open balance ({balance}). If that is right, press Save again; if not, fix the amount.",
    },
    "call.thousands_left_out": {
        "es": ":warning: ¿{amount} o {thousands}? El saldo abierto es {balance}. Si es {amount}, pulsa Guardar de nuevo; si no, corrige el monto.",
        "en": ":warning: {amount} or {thousands}? The open balance is {balance}. If it is {amount}, press Save again; if not, fix the amount.",
    },
    "call.echo_ok": {"es": "Se registrará: {what}", "en": "Will be recorded as: {what}"},
    "call.echo_problem": {"es": ":warning: {problem}", "en": ":warning: {problem}"},
    "call.echo_above_balance": {
        "es": "más que el saldo abierto ({balance})",
        "en": "more than the open balance ({balance})",
    },
    "call.line_answered_by": {"es": "*Contestó:* {who}", "en": "*Answered:* {who}"},
    "call.line_remark": {"es": "*Dijo:* {remark}", "en": "*Said:* {remark}"},
    "call.line_plan": {
        "es": {
            "one": "*Plan de pagos:* {count} cuota, {total} en total{method}",
            "other": "*Plan de pagos:* {count} cuotas, {total} en total{method}",
        },
        "en": {
            "one": "*Payment plan:* {count} installment, {total} in all{method}",
            "other": "*Payment plan:* {count} installments, {total} in all{method}",
        },
    },
    "call.line_installment": {
        "es": "Cuota {n}: {amount} el {when}",
        "en": "Installment {n}: {amount} on {when}",
    },
    "call.corrected_title": {
        "es": ":pencil2: Llamada a *{customer}* corregida (el original queda en el historial)",
        "en": ":pencil2: Call to *{customer}* corrected (the original stays in the history)",
    },
    "call.next_call": {"es": "Siguiente llamada", "en": "Next call"},
    "call.correct": {"es": "Corregir", "en": "Correct"},
    "call.no_next": {
        "es": "No te quedan llamadas para hoy. :tada:",
        "en": "No calls left for today. :tada:",
    },
    "call.correct_not_yours": {
        "es": "Solo quien registró la llamada, o quien supervisa, puede corregirla.",
        "en": "Only whoever logged the call, or a supervisor, can correct it.",
    },
    "call.correct_too_late": {
        "es": "Han pasado más de {days} días: pide a quien te supervisa que la corrija.",
        "en": "More than {days} days have passed: ask your supervisor to correct it.",
    },
    "call.correct_promise_resolved": {
        "es": "Esta promesa ya quedó {status} con los pagos registrados: no cambies su monto ni su fecha aquí. Si el cliente prometió algo nuevo, regístralo en una llamada nueva.",
        "en": "This promise is already {status} by the payments recorded: do not change its amount or date here. If the customer promised something new, log it in a new call.",
    },
    "what.call": {"es": "la llamada", "en": "the call"},
    "play.verify_promise": {
        "es": "Verificar que llegó el pago prometido",
        "en": "Check the promised payment arrived",
    },
}
