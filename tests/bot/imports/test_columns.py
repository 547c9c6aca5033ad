"""Headers as people write them, mapped to cobro's fields; a file's kind from its name or
its headers; the command's flags checked."""

from __future__ import annotations

import pytest

from bot.imports.columns import (
    ALIASES,
    folded_header,
    kind_of_header,
    kind_of_name,
    map_columns,
    read_options,
)


@pytest.mark.parametrize(
    ("written", "folded"),
    [
        ("Razón social", "razon_social"),
        ("No. cliente", "no_cliente"),
        ("E-mail", "e_mail"),
        ("  Fecha de Vencimiento ", "fecha_de_vencimiento"),
        ("Teléfono", "telefono"),
    ],
)
def test_headers_are_folded(written: str, folded: str) -> None:
    assert folded_header(written) == folded


@pytest.mark.parametrize(
    ("kind", "header", "fields"),
    [
        (
            "customers",
            ["Cliente", "Razón social", "RFC", "Teléfono"],
            ["id", "name", "tax_id", "contact_phone"],
        ),
        (
            "customers",
            ["Código", "Nombre", "NIT", "Gestor", "Correo"],
            ["id", "name", "tax_id", "collector", "contact_email"],
        ),
        (
            "customers",
            ["No. cliente", "Razon Social", "CUIT", "Cobrador"],
            ["id", "name", "tax_id", "collector"],
        ),
        (
            "invoices",
            ["Factura", "Cliente", "Vencimiento", "Importe", "Saldo", "Moneda"],
            ["number", "customer_id", "due_date", "amount", "balance", "currency"],
        ),
        (
            "invoices",
            ["Folio", "No. cliente", "Fecha de vencimiento", "Monto", "Pendiente"],
            ["number", "customer_id", "due_date", "amount", "balance"],
        ),
        (
            "payments",
            ["Cliente", "Fecha de pago", "Importe", "Factura", "Referencia", "Forma de pago"],
            ["customer_id", "date", "amount", "invoice_number", "reference", "method"],
        ),
        ("payments", ["customer_id", "amount", "date"], ["customer_id", "amount", "date"]),
    ],
)
def test_spanish_and_english_headers_name_the_fields(
    kind: str, header: list[str], fields: list[str]
) -> None:
    columns = map_columns(kind, header)
    assert columns.errors == []
    assert [columns.fields[i] for i in sorted(columns.fields)] == fields


def test_unknown_columns_are_listed_not_fatal() -> None:
    columns = map_columns("customers", ["Cliente", "Nombre", "Notas", "Color"])
    assert (columns.errors, columns.ignored) == ([], ("Notas", "Color"))


def test_two_columns_for_one_field_refuse_the_file() -> None:
    columns = map_columns("customers", ["Cliente", "Nombre", "Razón social"])
    assert [(e.line, e.column, e.key) for e in columns.errors] == [
        (1, "Razón social", "csv.same_field")
    ]


def test_map_names_the_columns_the_aliases_do_not_know() -> None:
    header = ["Núm. doc", "Cliente", "Fecha límite", "Total MXN", "Saldo"]
    assert map_columns("invoices", header).errors != []
    overrides = {"Núm. doc": "number", "Fecha límite": "due_date", "Total MXN": "amount"}
    columns = map_columns("invoices", header, overrides)
    assert columns.errors == []
    assert sorted(columns.fields.values()) == [
        "amount",
        "balance",
        "customer_id",
        "due_date",
        "number",
    ]
    bad = map_columns("invoices", header, {"Núm. doc": "numero"})
    assert ("Núm. doc", "csv.bad_map") in {(e.column, e.key) for e in bad.errors}


def test_every_kind_names_its_required_fields_with_aliases() -> None:
    columns = map_columns("invoices", ["Factura", "Cliente"])
    missing = {e.column for e in columns.errors}
    assert missing == {"due_date", "amount"}
    assert "vencimiento" in columns.errors[0].params["expected"]
    assert all(aliases for fields in ALIASES.values() for aliases in fields.values())


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("clientes_2026-11.csv", "customers"),
        ("Customers.xlsx", "customers"),
        ("facturas.csv", "invoices"),
        ("INVOICES-nov.txt", "invoices"),
        ("pagos.xlsx", "payments"),
        ("payments 2026.csv", "payments"),
        ("export.csv", None),
    ],
)
def test_a_files_name_tells_its_kind(name: str, kind: str | None) -> None:
    assert kind_of_name(name) == kind


@pytest.mark.parametrize(
    ("header", "kind"),
    [
        (["Cliente", "Razón social", "RFC", "Teléfono"], "customers"),
        (["Factura", "Cliente", "Vencimiento", "Importe", "Saldo"], "invoices"),
        (["Cliente", "Fecha", "Importe", "Referencia"], "payments"),
        (["Cliente", "Color"], None),
    ],
)
def test_else_its_headers_tell_it(header: list[str], kind: str | None) -> None:
    assert kind_of_header(header) == kind


def test_the_commands_flags_are_checked() -> None:
    options, problems = read_options(
        locale="es_MX", country="MX", date_format="mdy", pairs=["Doc=number"], sheet="Hoja2"
    )
    assert problems == []
    assert (options.date_order, options.columns, options.sheet) == (
        "MDY",
        (("Doc", "number"),),
        "Hoja2",
    )
    _, problems = read_options(
        locale="es", country=None, date_format="DDMM", pairs=["sin igual"], sheet=None
    )
    assert problems == [("cli.bad_map", "sin igual"), ("cli.bad_date_format", "DDMM")]
