"""Words of the customer card's record: payments received, how the calls went, when to call."""

from typing import Any

TEXTS: dict[str, dict[str, Any]] = {
    "card.payments": {"es": "*Últimos pagos*", "en": "*Latest payments*"},
    "card.no_payments": {"es": "Ningún pago registrado.", "en": "No payments on record."},
    "card.payment_line": {"es": "{day} · {amount}{details}", "en": "{day} · {amount}{details}"},
    "card.payment_reference": {"es": "ref. {reference}", "en": "ref. {reference}"},
    "card.payment_invoice": {"es": "factura {number}", "en": "invoice {number}"},
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
}
