"""The importer's words: the console summary, the folder sync, and every cell it refuses
(each says where, what is wrong and what to write instead)."""

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
    "import.cell_letter": {
        "es": "línea {line}, columna «{column}» ({letter}): {message}",
        "en": "line {line}, column “{column}” ({letter}): {message}",
    },
    "import.line": {"es": "línea {line}: {message}", "en": "line {line}: {message}"},
    "import.more": {
        "es": {
            "one": "… y {count} error más (se muestran los primeros {shown}, por línea).",
            "other": "… y {count} errores más (se muestran los primeros {shown}, por línea).",
        },
        "en": {
            "one": "… and {count} more error (the first {shown} are shown, by line).",
            "other": "… and {count} more errors (the first {shown} are shown, by line).",
        },
    },
    "import.file": {"es": "{message}", "en": "{message}"},
    "import.done.customers": {
        "es": "Clientes — nuevos: {created} · actualizados: {updated} · sin cambios: {unchanged}",
        "en": "Customers — new: {created} · updated: {updated} · unchanged: {unchanged}",
    },
    "import.done.invoices": {
        "es": "Facturas — nuevas: {created} · actualizadas: {updated} · sin cambios: {unchanged}",
        "en": "Invoices — new: {created} · updated: {updated} · unchanged: {unchanged}",
    },
    "import.done.payments": {
        "es": "Pagos — registrados: {created} · ya registrados antes: {unchanged}",
        "en": "Payments — recorded: {created} · already recorded: {unchanged}",
    },
    "import.dry_run": {
        "es": "Simulación (--dry-run): esto es lo que cambiaría; no se guardó nada.",
        "en": "Dry run (--dry-run): this is what would change; nothing was saved.",
    },
    "import.dry_run_refused": {
        "es": {
            "one": "Simulación (--dry-run): se rechazaría {count} fila, así que no se importaría nada.",
            "other": "Simulación (--dry-run): se rechazarían {count} filas, así que no se importaría nada.",
        },
        "en": {
            "one": "Dry run (--dry-run): {count} row would be refused, so nothing would be imported.",
            "other": "Dry run (--dry-run): {count} rows would be refused, so nothing would be imported.",
        },
    },
    "import.read_as": {
        "es": "Leído como {encoding}, separado por {delimiter}.",
        "en": "Read as {encoding}, separated by {delimiter}.",
    },
    "import.read_sheet": {"es": "Leída la hoja «{sheet}».", "en": "Read sheet “{sheet}”."},
    "import.delimiter.semicolon": {"es": "punto y coma", "en": "semicolons"},
    "import.delimiter.comma": {"es": "comas", "en": "commas"},
    "import.delimiter.tab": {"es": "tabuladores", "en": "tabs"},
    "import.ignored": {
        "es": {
            "one": "Columna que cobro no usa (se ignoró): {columns}. Si la necesitas, usa --map columna=campo.",
            "other": "Columnas que cobro no usa (se ignoraron): {columns}. Si necesitas alguna, usa --map columna=campo.",
        },
        "en": {
            "one": "Column cobro does not use (ignored): {columns}. If you need it, use --map column=field.",
            "other": "Columns cobro does not use (ignored): {columns}. If you need one, use --map column=field.",
        },
    },
    "import.orphans": {
        "es": {
            "one": "Atención: {count} cliente sin cobrador ({ids}); nadie lo llamará hasta que se le asigne uno.",
            "other": "Atención: {count} clientes sin cobrador ({ids}); nadie los llamará hasta que se les asigne uno.",
        },
        "en": {
            "one": "Warning: {count} customer without a collector ({ids}); nobody will call them until one is assigned.",
            "other": "Warning: {count} customers without a collector ({ids}); nobody will call them until one is assigned.",
        },
    },
    "import.credits": {
        "es": {
            "one": "Saldo a favor (pagó más que todas sus facturas abiertas; se aplicará a su próxima factura): {credits}",
            "other": "Saldo a favor de {count} clientes (pagaron más que todas sus facturas abiertas; se aplicará a su próxima factura): {credits}",
        },
        "en": {
            "one": "Credit (paid more than all their open invoices; it goes to their next invoice): {credits}",
            "other": "Credit for {count} customers (paid more than all their open invoices; it goes to their next invoice): {credits}",
        },
    },
    "import.credit_applied": {
        "es": {
            "one": "Saldo a favor aplicado a las facturas nuevas de {count} cliente: {credits}",
            "other": "Saldo a favor aplicado a las facturas nuevas de {count} clientes: {credits}",
        },
        "en": {
            "one": "Credit applied to the new invoices of {count} customer: {credits}",
            "other": "Credit applied to the new invoices of {count} customers: {credits}",
        },
    },
    "import.progress": {"es": "Validando {name}", "en": "Validating {name}"},
    "sync.imported": {"es": "📥 *{name}* importado.", "en": "📥 *{name}* imported."},
    "sync.refused": {
        "es": {
            "one": "⛔ *{name}* rechazado: {count} error; nada se importó. Detalle en {errors}",
            "other": "⛔ *{name}* rechazado: {count} errores; nada se importó. Detalle en {errors}",
        },
        "en": {
            "one": "⛔ *{name}* refused: {count} error; nothing was imported. Details in {errors}",
            "other": "⛔ *{name}* refused: {count} errors; nothing was imported. Details in {errors}",
        },
    },
    "sync.title": {
        "es": "Sincronización de la carpeta de importación",
        "en": "Import folder sync",
    },
    "sync.unknown_kind": {
        "es": "no sé si son clientes, facturas o pagos: nombra el archivo clientes…, facturas… o pagos… (o customers…, invoices…, payments…), o usa los encabezados de la guía",
        "en": "cannot tell customers, invoices or payments apart: name the file clientes…/customers…, facturas…/invoices… or pagos…/payments…, or use the documented headers",
    },
    "sync.nothing": {
        "es": "Nada nuevo en {folder}.",
        "en": "Nothing new in {folder}.",
    },
    "sync.no_folder": {
        "es": "la carpeta {folder} no existe",
        "en": "the folder {folder} does not exist",
    },
    "sync.watching": {
        "es": "Vigilando {folder} (Ctrl+C para salir)…",
        "en": "Watching {folder} (Ctrl+C to stop)…",
    },
    "csv.unreadable": {
        "es": "no pude leer el archivo ({reason})",
        "en": "cannot read the file ({reason})",
    },
    "csv.undecodable": {
        "es": "bytes que ninguna codificación conocida lee («{sample}»); vuelve a exportar el archivo como «CSV UTF-8»",
        "en": "bytes no known encoding reads (“{sample}”); export the file again as “CSV UTF-8”",
    },
    "csv.mixed_encoding": {
        "es": "esta línea no está en la misma codificación que el resto del archivo (UTF-8) («{sample}»); corrígela o vuelve a exportar el archivo como «CSV UTF-8»",
        "en": "this line is not in the same encoding as the rest of the file (UTF-8) (“{sample}”); fix it or export the file again as “CSV UTF-8”",
    },
    "xlsx.unreadable": {
        "es": "no es un libro de Excel (.xlsx) legible ({reason})",
        "en": "not a readable Excel workbook (.xlsx) ({reason})",
    },
    "xlsx.no_sheet": {
        "es": "el libro no tiene la hoja «{sheet}»; sus hojas son: {sheets}",
        "en": "the workbook has no sheet “{sheet}”; its sheets are: {sheets}",
    },
    "csv.empty": {
        "es": "el archivo está vacío: falta la fila de encabezados",
        "en": "the file is empty: the header row is missing",
    },
    "csv.missing_column": {
        "es": "falta esta columna obligatoria; faltan: {expected}",
        "en": "this required column is missing; missing: {expected}",
    },
    "csv.same_field": {
        "es": "esta columna y «{other}» dicen lo mismo ({field}); deja solo una o usa --map",
        "en": "this column and “{other}” mean the same ({field}); keep one or use --map",
    },
    "csv.bad_map": {
        "es": "--map la asigna a «{field}», que no es un campo; los campos son: {fields}",
        "en": "--map assigns it to “{field}”, which is not a field; the fields are: {fields}",
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
        "es": "fecha no válida «{value}»; escribe el día primero, por ejemplo 15/11/2026, 15-11-26 o 2026-11-15",
        "en": "invalid date “{value}”; write the day first, e.g. 15/11/2026, 15-11-26 or 2026-11-15",
    },
    "csv.date_month_first": {
        "es": "«{value}» no es una fecha con el día primero, pero sí con el mes primero; si el archivo escribe el mes primero, impórtalo con --date-format MDY",
        "en": "“{value}” is not a date with the day first, but it is one with the month first; if the file writes the month first, import it with --date-format MDY",
    },
    "csv.bad_date_format": {
        "es": "«{value}» no sigue el formato {format} de --date-format",
        "en": "“{value}” does not follow the --date-format {format}",
    },
    "csv.date_is_number": {
        "es": "la celda tiene el número {value}, no una fecha; dale formato de fecha en Excel o escribe 15/11/2026",
        "en": "the cell holds the number {value}, not a date; format it as a date in Excel or write 15/11/2026",
    },
    "csv.amount": {"es": "{reason}", "en": "{reason}"},
    "csv.too_precise": {
        "es": "el importe {value} tiene más de dos decimales",
        "en": "the amount {value} has more than two decimals",
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
    "csv.bad_email": {
        "es": "«{value}» no es un correo válido (por ejemplo ana@empresa.com)",
        "en": "“{value}” is not a valid email (e.g. ana@company.com)",
    },
    "csv.bad_phone": {
        "es": "«{value}» no es un teléfono válido; escríbelo completo, con clave de país si no es de {region} (por ejemplo +52 55 1234 5678)",
        "en": "“{value}” is not a valid phone number; write it in full, with the country code if it is not from {region} (e.g. +52 55 1234 5678)",
    },
    "csv.phone_needs_country": {
        "es": "«{value}» no dice de qué país es; escríbelo con + y la clave de país (+52 55 1234 5678) o define COBRO_COUNTRY",
        "en": "“{value}” does not say which country it is from; write it with + and the country code (+52 55 1234 5678) or set COBRO_COUNTRY",
    },
    "csv.unknown_member": {
        "es": "«{value}» no está en el equipo; agrégalo primero con `cobro team add {value} --role collector`",
        "en": "“{value}” is not on the team; add them first with `cobro team add {value} --role collector`",
    },
    "csv.no_collector": {
        "es": "el cliente no tiene cobrador: nadie lo llamaría; asígnale uno, o importa con --unassigned ok para aceptarlo sin cobrador",
        "en": "the customer has no collector: nobody would call them; assign one, or import with --unassigned ok to accept them without one",
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
    "csv.no_currency": {
        "es": "no hay columna de moneda y el equipo no tiene moneda por defecto; añade la columna (MXN, COP, EUR…) o define COBRO_CURRENCY o COBRO_COUNTRY",
        "en": "there is no currency column and the team has no default currency; add the column (MXN, COP, EUR…) or set COBRO_CURRENCY or COBRO_COUNTRY",
    },
    "csv.no_currency_cell": {
        "es": "sin moneda, y el equipo no tiene moneda por defecto; escribe la moneda (MXN, COP, EUR…) o define COBRO_CURRENCY o COBRO_COUNTRY",
        "en": "no currency, and the team has no default currency; write the currency (MXN, COP, EUR…) or set COBRO_CURRENCY or COBRO_COUNTRY",
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
    "csv.future_payment": {
        "es": "el pago está fechado el {day}, en el futuro: un pago se registra cuando llega",
        "en": "the payment is dated {day}, in the future: a payment is recorded when it arrives",
    },
    "cli.bad_date_format": {
        "es": "--date-format «{value}» no vale; usa DMY (día primero, por defecto), MDY, YMD o un patrón como %m/%d/%Y",
        "en": "--date-format “{value}” is not valid; use DMY (day first, the default), MDY, YMD or a pattern such as %m/%d/%Y",
    },
    "cli.bad_map": {
        "es": '--map «{value}» no vale; escribe columna=campo, por ejemplo --map "Núm. doc=number"',
        "en": '--map “{value}” is not valid; write column=field, e.g. --map "Doc no.=number"',
    },
    "cli.bad_unassigned": {
        "es": "--unassigned solo acepta «ok»",
        "en": "--unassigned only takes “ok”",
    },
}
