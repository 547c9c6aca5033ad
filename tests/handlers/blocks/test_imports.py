"""The folder sync's message says which file, what it changed or why it was refused, and
escapes what the file's name could smuggle into mrkdwn."""

from __future__ import annotations

from bot.imports.report import ImportReport, SyncedFile
from handlers.blocks.imports import build_folder_import


def test_an_imported_file_says_what_changed() -> None:
    report = ImportReport(kind="invoices", created=4, unchanged=1, encoding="UTF-8", delimiter=";")
    synced = SyncedFile("facturas.csv", "invoices", "/erp/procesados", report)
    built = build_folder_import(synced, "es")
    assert built["blocks"][0]["text"]["text"] == "Sincronización de la carpeta de importación"
    assert "*facturas.csv* importado" in built["text"]
    assert "Facturas — nuevas: 4 · actualizadas: 0 · sin cambios: 1" in built["text"]
    assert built["blocks"][-1]["elements"][0]["text"] == "/erp/procesados"


def test_a_refused_file_points_at_its_error_report_in_the_readers_language() -> None:
    synced = SyncedFile(
        "pagos <!here>.csv",
        "payments",
        "/erp/rechazados/x",
        problems=3,
        errors_file="/erp/rechazados/pagos.csv.errores.txt",
    )
    built = build_folder_import(synced, "en")
    assert "refused: 3 errors; nothing was imported" in built["text"]
    assert "/erp/rechazados/pagos.csv.errores.txt" in built["text"]
    assert "<!here>" not in str(built) and "&lt;!here&gt;" in built["text"]
