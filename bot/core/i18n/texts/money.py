"""Words for amounts that cannot be read: what was typed, what it could mean, how to write it.

Fields: {text} as typed, {readings} and {choices} the candidates as read and as written
unambiguously (in the team's digits, joined by "o"/"or"), {example} 1234.56 in the team's
digits, {word} or {number} the part that did not fit."""

TEXTS = {
    "money.empty": {
        "es": "escribe un importe, por ejemplo {example}",
        "en": "write an amount, e.g. {example}",
    },
    "money.not_amount": {
        "es": "«{text}» no es un importe; escribe por ejemplo {example}",
        "en": "“{text}” is not an amount; write e.g. {example}",
    },
    "money.ambiguous": {
        "es": "«{text}» puede ser {readings}: escribe {choices}",
        "en": "“{text}” could be {readings}: write {choices}",
    },
    "money.did_you_mean": {
        "es": "«{text}» no está bien agrupado; ¿quisiste decir {readings}? Escribe {choices}",
        "en": "“{text}” is not grouped right; did you mean {readings}? Write {choices}",
    },
    "money.malformed": {
        "es": "no entiendo «{text}» como importe; escribe por ejemplo {example}",
        "en": "cannot read “{text}” as an amount; write e.g. {example}",
    },
    "money.bad_number": {
        "es": "en «{text}», la cifra «{number}» se puede leer de varias formas; escribe por ejemplo {example}",
        "en": "in “{text}”, the figure “{number}” can be read several ways; write e.g. {example}",
    },
    "money.unknown_word": {
        "es": "no entiendo «{word}» en «{text}»; escribe el importe en cifras ({example}) o con palabras como «20 mil» o «medio millón»",
        "en": "cannot read “{word}” in “{text}”; write the amount in figures ({example}) or as “20k” or “1.5 million”",
    },
    "money.too_precise": {
        "es": "«{text}» tiene más de dos decimales",
        "en": "“{text}” has more than two decimals",
    },
    "money.too_large": {
        "es": "«{text}» es demasiado grande para un importe",
        "en": "“{text}” is too large for an amount",
    },
    "card.credit": {
        "es": "*Saldo a favor:* {credit} (se aplicará a su próxima factura)",
        "en": "*Credit:* {credit} (goes to their next invoice)",
    },
    "history.credit": {"es": "Saldo a favor", "en": "Credit"},
    "history.credit_left": {
        "es": "lo que el pago {reference} dejó tras saldar todas las facturas",
        "en": "what payment {reference} left after every invoice was paid",
    },
    "history.credit_applied": {"es": "Saldo a favor aplicado", "en": "Credit applied"},
    "history.credit_to": {"es": "a la factura {number}", "en": "to invoice {number}"},
}
