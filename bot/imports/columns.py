"""The columns people write, mapped to cobro's fields. Pure.

ERPs and spreadsheets name columns in Spanish or English, with accents, capitals, dots and
spaces: "Razón social", "No. cliente", "Fecha de vencimiento". Each header is folded (no
case, no accents, any run of other characters becomes `_`) and looked up in the alias table
of the file's kind; `--map columna=campo` names the rest. Unknown columns are listed and
left out; two columns for one field, or a required field without a column, refuse the file.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from bot.core.errors import CellError
from bot.core.text import fold
from bot.imports.values import ReadOptions, valid_date_order

KINDS = ("customers", "invoices", "payments")

_CUSTOMER_REF: tuple[str, ...] = (
    "cliente",
    "codigo_cliente",
    "no_cliente",
    "num_cliente",
    "numero_cliente",
    "numero_de_cliente",
    "id_cliente",
    "cliente_id",
    "cod_cliente",
    "clave_cliente",
    "codigo",
    "customer",
    "customer_id",
    "customer_code",
)

# Every field of every kind, with the headers (folded) that mean it. The canonical English
# name is always accepted. Documented in the README's import section: keep both in step.
ALIASES: dict[str, dict[str, tuple[str, ...]]] = {
    "customers": {
        "id": (*_CUSTOMER_REF, "id", "code", "clave"),
        "name": ("razon_social", "nombre", "nombre_cliente", "cliente_nombre", "empresa"),
        "tax_id": ("rfc", "nit", "cuit", "rut", "cif", "nif", "ruc", "vat", "tax_id", "id_fiscal"),
        "rank": ("rango", "clase", "categoria", "clasificacion", "rank"),
        "collector": ("cobrador", "gestor", "gestor_de_cobranza", "ejecutivo", "collector"),
        "contact_name": ("contacto", "nombre_contacto", "nombre_del_contacto", "contact"),
        "contact_title": ("cargo", "puesto", "cargo_contacto", "title"),
        "contact_phone": ("telefono", "tel", "celular", "movil", "phone", "telefono_contacto"),
        "contact_email": ("correo", "email", "e_mail", "correo_electronico", "mail"),
        "contact_decision_maker": ("decide", "decisor", "decide_pagos", "decision_maker"),
        "timezone": ("zona_horaria", "huso_horario", "timezone", "time_zone"),
        "call_days": ("dias_de_llamada", "dias", "dias_llamada", "call_days"),
        "call_hours": ("horario", "horas", "horario_de_llamada", "call_hours"),
    },
    "invoices": {
        "number": ("factura", "folio", "no_factura", "num_factura", "numero_factura"),
        "customer_id": _CUSTOMER_REF,
        "due_date": ("vencimiento", "fecha_de_vencimiento", "fecha_vencimiento", "vence", "due"),
        "amount": ("importe", "monto", "total", "valor", "importe_total"),
        "balance": ("saldo", "pendiente", "saldo_pendiente", "por_cobrar", "saldo_actual"),
        "currency": ("moneda", "divisa", "currency"),
        "issue_date": ("emision", "fecha_de_emision", "fecha_emision", "fecha_factura", "fecha"),
    },
    "payments": {
        "customer_id": _CUSTOMER_REF,
        "amount": ("importe", "monto", "pago", "valor", "total", "importe_pagado", "abono"),
        "date": ("fecha", "fecha_de_pago", "fecha_pago", "fecha_del_pago", "paid_on"),
        "invoice_number": ("factura", "folio", "no_factura", "num_factura", "numero_factura"),
        "reference": ("referencia", "ref", "no_operacion", "folio_pago", "comprobante"),
        "method": ("forma_de_pago", "metodo", "metodo_de_pago", "medio_de_pago", "forma_pago"),
    },
}
ALIASES["invoices"]["number"] += ("invoice", "invoice_number", "documento")
REQUIRED: dict[str, tuple[str, ...]] = {
    "customers": ("id", "name"),
    "invoices": ("number", "customer_id", "due_date", "amount"),
    "payments": ("customer_id", "amount", "date"),
}

_NOT_WORD = re.compile(r"[^a-z0-9]+")


def folded_header(name: str) -> str:
    """ "Razón social" → razon_social, "No. cliente" → no_cliente, "E-mail" → e_mail."""
    return _NOT_WORD.sub("_", fold(name)).strip("_")


def _lookup(kind: str) -> dict[str, str]:
    table: dict[str, str] = {}
    for name, aliases in ALIASES[kind].items():
        for alias in (name, *aliases):
            table.setdefault(alias, name)
    return table


@dataclass(frozen=True)
class Columns:
    """Which cell holds which field (by position), and what was left out."""

    fields: dict[int, str]
    ignored: tuple[str, ...] = ()
    errors: list[CellError] = field(default_factory=list)


def map_columns(
    kind: str, header: Sequence[str], overrides: Mapping[str, str] | None = None
) -> Columns:
    """The header's columns as fields of `kind`; `overrides` ({column as written: field})
    come first. Errors are on line 1, named by the column as the file writes it."""
    table = _lookup(kind)
    wanted = {folded_header(column): target for column, target in (overrides or {}).items()}
    errors = [
        CellError(1, column, "csv.bad_map", {"field": target, "fields": ", ".join(ALIASES[kind])})
        for column, target in (overrides or {}).items()
        if target not in ALIASES[kind]
    ]
    fields: dict[int, str] = {}
    ignored: list[str] = []
    taken: dict[str, str] = {}
    for index, written in enumerate(header):
        key = folded_header(written)
        if not key:
            continue
        target = wanted.get(key) or table.get(key)
        if target is None or target not in ALIASES[kind]:
            ignored.append(written)
            continue
        if target in taken:
            errors.append(
                CellError(1, written, "csv.same_field", {"field": target, "other": taken[target]})
            )
            continue
        taken[target] = written
        fields[index] = target
    missing = [name for name in REQUIRED[kind] if name not in taken]
    expected = ", ".join(f"{name} ({'/'.join(ALIASES[kind][name][:3])})" for name in missing)
    errors += [CellError(1, name, "csv.missing_column", {"expected": expected}) for name in missing]
    return Columns(fields=fields, ignored=tuple(ignored), errors=errors)


def kind_of_header(header: Sequence[str]) -> str | None:
    """The kind whose required fields all have a column; the one with most columns known
    when several have; None when none fits, or two fit equally."""
    scores: list[tuple[int, str]] = []
    for kind in KINDS:
        columns = map_columns(kind, header)
        if not columns.errors:
            scores.append((len(columns.fields), kind))
    scores.sort(reverse=True)
    if not scores or (len(scores) > 1 and scores[0][0] == scores[1][0]):
        return None
    return scores[0][1]


_NAMES = {
    "customers": ("clientes", "cliente", "customers", "customer"),
    "invoices": ("facturas", "factura", "invoices", "invoice", "cartera"),
    "payments": ("pagos", "pago", "payments", "payment", "cobros", "abonos"),
}


def kind_of_name(filename: str) -> str | None:
    """`clientes_2026-11.csv` → customers; `Facturas.xlsx` → invoices; else None."""
    name = fold(filename)
    for kind, prefixes in _NAMES.items():
        if name.startswith(prefixes):
            return kind
    return None


def parse_map(pairs: Sequence[str]) -> tuple[dict[str, str], list[str]]:
    """`--map "Núm. doc=number"` pairs; and the ones without `=`, to refuse."""
    found: dict[str, str] = {}
    bad: list[str] = []
    for pair in pairs:
        column, sep, target = pair.partition("=")
        if not sep or not column.strip() or not target.strip():
            bad.append(pair)
        else:
            found[column.strip()] = target.strip().lower()
    return found, bad


def read_options(
    *,
    locale: str,
    country: str | None,
    date_format: str,
    pairs: Sequence[str],
    sheet: str | None,
) -> tuple[ReadOptions, list[tuple[str, str]]]:
    """The options of an import from the team's settings and the command's flags, and the
    flags that are wrong as (text key, value)."""
    columns, bad = parse_map(pairs)
    problems = [("cli.bad_map", pair) for pair in bad]
    order = date_format.strip()
    order = order if "%" in order else order.upper()
    if not valid_date_order(order):
        problems.append(("cli.bad_date_format", date_format))
    options = ReadOptions(
        locale=locale,
        date_order=order,
        country=country,
        columns=tuple(columns.items()),
        sheet=sheet,
    )
    return options, problems
