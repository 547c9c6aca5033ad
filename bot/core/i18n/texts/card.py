"""Words of the customer card's record: payments received, how the calls went, when to call."""

from typing import Any

TEXTS: dict[str, dict[str, Any]] = {
    "card.payments": {"es": "*Últimos pagos*", "en": "*Latest payments*"},
    "card.no_payments": {"es": "Ningún pago registrado.", "en": "No payments on record."},
    "card.payment_line": {"es": "{day} · {amount}{details}", "en": "{day} · {amount}{details}"},
    "card.payment_reference": {"es": "ref. {reference}", "en": "ref. {reference}"},
    "card.payment_invoice": {"es": "factura {number}", "en": "invoice {number}"},
    "card.outcome_count": {"es": "{outcome}: {count}", "en": "{outcome}: {count}"},
    "card.outcomes": {
        "es": "*Cómo fueron las llamadas:* {outcomes}",
        "en": "*How the calls went:* {outcomes}",
    },
    "card.hours_own": {
        "es": "*Horario para llamar:* {days}, {start}–{end}{zone}",
        "en": "*When to call:* {days}, {start}–{end}{zone}",
    },
    "card.hours_team": {
        "es": "*Horario para llamar:* {days}, {start}–{end}{zone} (el del equipo)",
        "en": "*When to call:* {days}, {start}–{end}{zone} (the team's)",
    },
    "card.hours_zone": {"es": ", hora de {zone}", "en": ", {zone} time"},
    "dnc.button": {"es": "No contactar", "en": "Do not contact"},
    "dnc.close": {"es": "Cerrar", "en": "Close"},
    "dnc.title": {"es": "No contactar", "en": "Do not contact"},
    "dnc.explain": {
        "es": "Marca a *{customer}* o a uno de sus contactos para no llamarle. Un cliente marcado sale de la agenda; quien abra una llamada verá el motivo.",
        "en": "Mark *{customer}* or one of its contacts not to be called. A marked customer leaves the agenda; whoever opens a call sees the reason.",
    },
    "dnc.whole_customer": {
        "es": "Todo el cliente: {customer}",
        "en": "The whole customer: {customer}",
    },
    "dnc.who": {"es": "¿A quién no hay que llamar?", "en": "Who must not be called?"},
    "dnc.reason": {"es": "Motivo", "en": "Reason"},
    "dnc.reason_hint": {
        "es": "Por ejemplo: lo pidió por escrito el 2 de diciembre; lo lleva el abogado.",
        "en": "For instance: asked in writing on 2 December; the lawyer handles it.",
    },
    "dnc.reason_required": {
        "es": "Escribe el motivo: quien vaya a llamar necesita saberlo.",
        "en": "Write the reason: whoever is about to call needs to know it.",
    },
    "dnc.marked": {
        "es": ":no_entry: Listo: no contactar a *{name}*. Motivo: {reason}",
        "en": ":no_entry: Done: do not contact *{name}*. Reason: {reason}",
    },
    "dnc.card_customer": {
        "es": ":no_entry: *No contactar:* {reason}",
        "en": ":no_entry: *Do not contact:* {reason}",
    },
    "dnc.card_contact": {
        "es": ":no_entry: no contactar ({reason})",
        "en": ":no_entry: do not contact ({reason})",
    },
    "dnc.warn_customer": {
        "es": ":no_entry: *No contactar a este cliente:* {reason}. Registra solo si el cliente llamó.",
        "en": ":no_entry: *Do not contact this customer:* {reason}. Log a call only if they called.",
    },
    "dnc.warn_contact": {
        "es": ":no_entry: *No contactar a {name}:* {reason}",
        "en": ":no_entry: *Do not contact {name}:* {reason}",
    },
}
