"""`cobro --help` in the team's language: each help text of the command line, keyed by the
English it is written in (`app.py` keeps the English, readable in the code)."""

from typing import Any

_HELP: list[tuple[str, str, str]] = [
    (
        "root",
        "cobro: the collections team's Slack bot.",
        "cobro: el bot de Slack del equipo de cobranza.",
    ),
    (
        "demo",
        "Try cobro in a terminal, with no Slack workspace: the real bot, a fake Slack, sample data.",
        "Prueba cobro en una terminal, sin espacio de trabajo de Slack: el bot de verdad, un Slack simulado y datos de ejemplo.",
    ),
    (
        "demo_script",
        "run these inputs, one per line, and print the transcript",
        "ejecuta estas entradas, una por línea, e imprime lo que pasa",
    ),
    (
        "demo_now",
        "the demo's first moment, ISO 8601 (default: next business morning)",
        "el primer momento de la demo, ISO 8601 (por omisión: la próxima mañana hábil)",
    ),
    (
        "demo_workdir",
        "where the demo's database and files go (emptied first)",
        "dónde van la base de datos y los archivos de la demo (se vacía antes)",
    ),
    (
        "demo_socket",
        "reach the bot through Socket Mode, not HTTP",
        "llega al bot por Socket Mode, no por HTTP",
    ),
    (
        "run",
        "Start the bot and its scheduler (Socket Mode if SLACK_APP_TOKEN, else HTTP on PORT).",
        "Arranca el bot y sus tareas programadas (Socket Mode si hay SLACK_APP_TOKEN; si no, HTTP en PORT).",
    ),
    (
        "parse_date",
        "Show how date phrases are understood: one JSON object per line.",
        "Muestra cómo se entienden frases de fecha: un objeto JSON por línea.",
    ),
    (
        "texts",
        "phrases; none: one per line on stdin",
        "frases; sin ninguna: una por línea en la entrada estándar",
    ),
    ("now", "as of this moment, ISO 8601", "como si fuera este momento, ISO 8601"),
    (
        "tz",
        "IANA time zone (default COBRO_TIMEZONE)",
        "zona horaria IANA (por omisión COBRO_TIMEZONE)",
    ),
    ("db", "Database migrations.", "Migraciones de la base de datos."),
    (
        "db_upgrade",
        "Apply database migrations (cobro run also does it at start).",
        "Aplica las migraciones de la base de datos (cobro run también lo hace al arrancar).",
    ),
    (
        "import",
        "Import CSV files (all or nothing, idempotent).",
        "Importa archivos CSV (todo o nada; importar dos veces no cambia nada).",
    ),
    (
        "import_customers",
        "Upsert customers and their contacts.",
        "Crea o actualiza clientes y sus contactos.",
    ),
    (
        "file",
        "CSV (UTF-8, UTF-16 or Windows-1252; comma, semicolon or tab) or .xlsx",
        "CSV (UTF-8, UTF-16 o Windows-1252; coma, punto y coma o tabulador) o .xlsx",
    ),
    (
        "map",
        'a column of the file as a field, e.g. "Núm. doc=number"',
        'una columna del archivo como un campo, por ejemplo "Núm. doc=number"',
    ),
    (
        "date_format",
        "DMY (day first, default), MDY, YMD or e.g. %m/%d/%Y",
        "DMY (el día primero, por omisión), MDY, YMD o por ejemplo %m/%d/%Y",
    ),
    (
        "sheet",
        "the workbook's sheet (default: the first)",
        "la hoja del libro (por omisión: la primera)",
    ),
    (
        "dry_run",
        "check everything, say what would change, write nothing",
        "revisa todo, dice qué cambiaría y no escribe nada",
    ),
    (
        "unassigned",
        "ok: accept customers without a collector (listed as orphans)",
        "ok: acepta clientes sin responsable de cobranza (se listan como huérfanos)",
    ),
    ("import_invoices", "Upsert invoices by number.", "Crea o actualiza facturas por número."),
    (
        "import_payments",
        "Record payments (idempotent on reference).",
        "Registra pagos (una sola vez por referencia).",
    ),
    (
        "import_watch",
        "Import each new file of FOLDER once, move it to procesados/ or rechazados/, tell the admins in Slack. Exits 2 after a round (--once) that refused a file.",
        "Importa una vez cada archivo nuevo de FOLDER, lo mueve a procesados/ o rechazados/ y avisa en Slack a quien administra. Sale con 2 tras una ronda (--once) que rechazó un archivo.",
    ),
    (
        "folder",
        "the folder the ERP drops its exports into",
        "la carpeta donde el ERP deja sus exportaciones",
    ),
    ("once", "one round, then exit (for cron)", "una ronda y termina (para cron)"),
    ("interval", "seconds between rounds", "segundos entre rondas"),
    ("team", "Manage the team.", "Administra el equipo."),
    (
        "team_add",
        "Add someone to the team, or change their role.",
        "Agrega a alguien al equipo, o cambia su rol.",
    ),
    ("user", "Slack id (U…) or email", "id de Slack (U…) o correo"),
    (
        "role",
        "collector | supervisor | admin",
        "collector (cobranza) | supervisor (supervisión) | admin (administración)",
    ),
    (
        "supervisor",
        "their supervisor: Slack id or email",
        "quién le supervisa: id de Slack o correo",
    ),
    (
        "name",
        "display name, when Slack is not configured",
        "nombre para mostrar, cuando Slack no está configurado",
    ),
    (
        "team_remove",
        "Take someone off the team (their history stays).",
        "Quita a alguien del equipo (su historial se queda).",
    ),
    ("team_list", "Show the team.", "Muestra el equipo."),
    (
        "jobs",
        "Run a scheduled job once, by hand.",
        "Ejecuta a mano, una vez, una tarea programada.",
    ),
    (
        "jobs_run",
        "Run one job once as of --now, then deliver pending messages (retrying a few minutes).",
        "Ejecuta una tarea una vez, como si fuera --now, y entrega los mensajes pendientes (reintenta unos minutos).",
    ),
    (
        "job",
        "digest | nudges | report",
        "digest (resumen) | nudges (recordatorios) | report (control)",
    ),
]

TEXTS: dict[str, dict[str, Any]] = {
    f"clihelp.{key}": {"en": english, "es": spanish} for key, english, spanish in _HELP
}

TEXTS["demo.help"] = {
    "es": (
        "    /cobro hoy                       un comando, como en Slack\n"
        "    3                                elige la opción [3] (un botón, una opción de menú)\n"
        "    :como @luis                      actúa como otra persona (y ve lo que le llegó)\n"
        "    :ir 2026-12-01 08:00             mueve el reloj: resúmenes, recordatorios, promesas incumplidas\n"
        "    :inicio                          abre la pestaña Inicio de la app\n"
        "    :ayuda                           esta ayuda\n"
        "    :salir                           salir\n\n"
        "En un formulario se pregunta cada campo por turno (Enter deja lo que se muestra, `-` lo\n"
        "borra). En un guion, las respuestas de un formulario son líneas `campo = valor` (el block\n"
        "id o la etiqueta) que terminan con `:guardar` (o `:cancelar`); los campos que no se dan\n"
        "quedan como los muestra el formulario."
    ),
    "en": (
        "    /cobro today                     a command, as in Slack\n"
        "    3                                click choice [3] (a button, a menu option)\n"
        "    :como @luis                      act as someone else (and see what they were sent)\n"
        "    :ir 2026-12-01 08:00             move the clock: digests, nudges, broken promises fire\n"
        "    :inicio                          open the App Home tab\n"
        "    :ayuda                           this help\n"
        "    :salir                           leave\n\n"
        "In a modal each field is asked in turn (Enter keeps what is shown, `-` clears it). In a\n"
        "script, a modal's answers are lines `campo = valor` (the block id or the label) ending\n"
        "with `:guardar` (or `:cancelar`); fields not given keep what the modal shows."
    ),
}
