from typing import Any

TEXTS: dict[str, dict[str, Any]] = {
    "import.rejected": {
        "es": {
            "one": "Archivo rechazado: {count} error. No se importó nada; la base de datos quedó como estaba.",
            "other": "Archivo rechazado: {count} errores. No se importó nada; la base de datos quedó como estaba.",
        },
        "en": {
            "one": "File rejected: {count} error. Nothing was imported; the database is unchanged.",
            "other": "File rejected: {count} errors. Nothing was imported; the database is unchanged.",
        },
    },
    "import.cell": {
        "es": "línea {line}, columna «{column}»: {message}",
        "en": "line {line}, column “{column}”: {message}",
    },
    "import.line": {"es": "línea {line}: {message}", "en": "line {line}: {message}"},
    "import.done": {
        "es": "{kind}: {created} nuevos, {updated} actualizados, {unchanged} sin cambios.",
        "en": "{kind}: {created} new, {updated} updated, {unchanged} unchanged.",
    },
    "import.kind.customers": {"es": "Clientes", "en": "Customers"},
    "import.kind.invoices": {"es": "Facturas", "en": "Invoices"},
    "import.kind.payments": {"es": "Pagos", "en": "Payments"},
    "import.progress": {"es": "Validando {name}", "en": "Validating {name}"},
    "csv.unreadable": {
        "es": "no pude leer el archivo ({reason})",
        "en": "cannot read the file ({reason})",
    },
    "csv.not_utf8": {
        "es": "el archivo no está en UTF-8; guárdalo como «CSV UTF-8» desde tu hoja de cálculo",
        "en": "the file is not UTF-8; save it as “CSV UTF-8” from your spreadsheet",
    },
    "csv.empty": {
        "es": "el archivo está vacío: falta la fila de encabezados",
        "en": "the file is empty: the header row is missing",
    },
    "csv.missing_column": {
        "es": "falta esta columna obligatoria (se esperan: {expected})",
        "en": "this required column is missing (expected: {expected})",
    },
    "csv.unknown_column": {
        "es": "columna desconocida (las válidas son: {expected})",
        "en": "unknown column (valid ones: {expected})",
    },
    "csv.duplicate_column": {
        "es": "la columna aparece dos veces",
        "en": "the column appears twice",
    },
    "csv.extra_cells": {
        "es": "la fila tiene más celdas que el encabezado",
        "en": "the row has more cells than the header",
    },
    "csv.required": {"es": "es obligatorio y está vacío", "en": "is required and empty"},
    "csv.invalid": {"es": "valor no válido «{value}»", "en": "invalid value “{value}”"},
    "csv.too_long": {
        "es": "demasiado largo (máximo {limit} caracteres)",
        "en": "too long (at most {limit} characters)",
    },
    "csv.bad_date": {
        "es": "fecha no válida «{value}»; usa AAAA-MM-DD o DD/MM/AAAA, por ejemplo 2026-12-15 o 15/12/2026",
        "en": "invalid date “{value}”; use YYYY-MM-DD or DD/MM/YYYY, e.g. 2026-12-15 or 15/12/2026",
    },
    "csv.amount_comma": {
        "es": "importe «{value}» con coma; usa punto decimal y sin separador de miles, por ejemplo 1234.50",
        "en": "amount “{value}” has a comma; use a decimal point and no thousands separator, e.g. 1234.50",
    },
    "csv.bad_amount": {
        "es": "importe no válido «{value}»; escribe solo cifras con punto decimal, por ejemplo 1234.50",
        "en": "invalid amount “{value}”; write digits with a decimal point, e.g. 1234.50",
    },
    "csv.not_positive": {"es": "debe ser mayor que cero", "en": "must be greater than zero"},
    "csv.balance_range": {
        "es": "el saldo debe estar entre 0 y el importe de la factura",
        "en": "the balance must be between 0 and the invoice amount",
    },
    "csv.issue_after_due": {
        "es": "la fecha de emisión es posterior al vencimiento",
        "en": "the issue date is after the due date",
    },
    "csv.bad_rank": {
        "es": "rango «{value}» no válido; usa A, B o C",
        "en": "invalid rank “{value}”; use A, B or C",
    },
    "csv.bad_person": {
        "es": "«{value}» no es un id de Slack (U…) ni un correo",
        "en": "“{value}” is neither a Slack id (U…) nor an email",
    },
    "csv.unknown_member": {
        "es": "«{value}» no está en el equipo; agrégalo primero con `cobro team add {value} --role collector`",
        "en": "“{value}” is not on the team; add them first with `cobro team add {value} --role collector`",
    },
    "csv.bad_timezone": {
        "es": "zona horaria «{value}» desconocida; usa un nombre IANA como America/Bogota",
        "en": "unknown time zone “{value}”; use an IANA name such as America/Bogota",
    },
    "csv.bad_call_days": {
        "es": "días «{value}» no válidos; escribe por ejemplo lun-vie o lun,mie,vie",
        "en": "invalid days “{value}”; write e.g. mon-fri or mon,wed,fri",
    },
    "csv.bad_call_hours": {
        "es": "horario «{value}» no válido; escribe por ejemplo 09:00-13:00",
        "en": "invalid hours “{value}”; write e.g. 09:00-13:00",
    },
    "csv.bad_currency": {
        "es": "moneda «{value}» no válida; usa un código ISO como MXN, COP o EUR",
        "en": "invalid currency “{value}”; use an ISO code such as MXN, COP or EUR",
    },
    "csv.bad_method": {
        "es": "forma de pago «{value}» desconocida; usa transferencia, deposito, cheque, tarjeta o efectivo",
        "en": "unknown payment method “{value}”; use transfer, deposit, cheque, card or cash",
    },
    "csv.bad_yes_no": {"es": "«{value}» no es sí ni no", "en": "“{value}” is neither yes nor no"},
    "csv.conflicting_row": {
        "es": "no coincide con la línea {first} del mismo cliente",
        "en": "does not match line {first} of the same customer",
    },
    "csv.duplicate_key": {
        "es": "repetido: ya aparece en la línea {first}",
        "en": "repeated: it already appears on line {first}",
    },
    "csv.unknown_customer": {
        "es": "el cliente «{value}» no existe; impórtalo antes con `cobro import customers`",
        "en": "customer “{value}” does not exist; import it first with `cobro import customers`",
    },
    "csv.unknown_invoice": {
        "es": "la factura «{value}» no existe",
        "en": "invoice “{value}” does not exist",
    },
    "csv.invoice_of_other": {
        "es": "la factura es de otro cliente",
        "en": "the invoice belongs to another customer",
    },
}
