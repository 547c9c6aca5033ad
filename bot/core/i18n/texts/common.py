from typing import Any

TEXTS: dict[str, dict[str, Any]] = {
    "error.generic": {
        "es": "Algo salió mal de nuestro lado. Inténtalo de nuevo en un momento; si se repite, avisa a quien administra cobro.",
        "en": "Something went wrong on our side. Try again in a moment; if it happens again, tell your admin.",
    },
    "error.config": {
        "es": "La configuración de cobro no es válida:",
        "en": "cobro's configuration is not valid:",
    },
    "error.config.hint": {
        "es": "Corrige estas variables de entorno (o el archivo .env) y vuelve a intentarlo.",
        "en": "Fix these environment variables (or the .env file) and try again.",
    },
    "error.not_on_team": {
        "es": "Hola :wave: Todavía no formas parte del equipo de cobranza en cobro, así que no puedo mostrarte nada. Pide a quien administra cobro que te agregue con `/cobro equipo agregar @tú cobranza`.",
        "en": "Hi :wave: You are not on the collections team in cobro yet, so I can't show you anything. Ask an admin to add you with `/cobro team add @you collector`.",
    },
    "error.forbidden": {
        "es": "Esta acción es solo para {roles}. Si crees que deberías poder hacerla, habla con quien te supervisa.",
        "en": "This is only for {roles}. If you think you should be able to do it, talk to your supervisor.",
    },
    "error.not_found": {
        "es": "No encontré {what} «{value}».",
        "en": "I couldn't find {what} “{value}”.",
    },
    "error.bad_input": {"es": "{detail}", "en": "{detail}"},
    "error.stale_form": {
        "es": "Este formulario es de una versión anterior de cobro y ya no puede guardarse. Ciérralo y ábrelo de nuevo.",
        "en": "This form comes from an earlier version of cobro and can no longer be saved. Close it and open it again.",
    },
    "error.fields": {
        "es": "Revisa los campos marcados.",
        "en": "Please check the highlighted fields.",
    },
    "role.collector": {"es": "cobranza", "en": "collector"},
    "role.supervisor": {"es": "supervisión", "en": "supervisor"},
    "role.admin": {"es": "administración", "en": "admin"},
    "roles.admins": {"es": "quien administra el equipo", "en": "admins"},
    "roles.supervisors": {
        "es": "quien supervisa o administra el equipo",
        "en": "supervisors and admins",
    },
    "what.member": {"es": "a la persona", "en": "the person"},
    "what.customer": {"es": "al cliente", "en": "the customer"},
    "what.contact": {"es": "el contacto", "en": "the contact"},
    "run.no_token": {
        "es": "Falta SLACK_BOT_TOKEN, el token del bot (empieza por xoxb-).\nCómo obtenerlo: crea la app en https://api.slack.com/apps con «From an app manifest» y pega manifest.yml; instálala en tu espacio de trabajo y copia «Bot User OAuth Token» de «OAuth & Permissions».\nPara el modo HTTP define también SLACK_SIGNING_SECRET («Basic Information» → «Signing Secret»); para Socket Mode, SLACK_APP_TOKEN (xapp-…, con el permiso connections:write).\n¿Solo quieres probar? Ejecuta `cobro demo`: no necesita Slack.",
        "en": "SLACK_BOT_TOKEN is missing: the bot token (it starts with xoxb-).\nHow to get one: create the app at https://api.slack.com/apps with “From an app manifest” and paste manifest.yml; install it in your workspace and copy the “Bot User OAuth Token” from “OAuth & Permissions”.\nFor HTTP mode also set SLACK_SIGNING_SECRET (“Basic Information” → “Signing Secret”); for Socket Mode, SLACK_APP_TOKEN (xapp-…, with the connections:write scope).\nJust want to try it? Run `cobro demo`: it needs no Slack.",
    },
    "run.no_signing_secret": {
        "es": "Falta SLACK_SIGNING_SECRET: en modo HTTP cobro verifica con ella que cada petición viene de Slack («Basic Information» → «Signing Secret»). O define SLACK_APP_TOKEN para usar Socket Mode.",
        "en": "SLACK_SIGNING_SECRET is missing: in HTTP mode cobro uses it to check each request comes from Slack (“Basic Information” → “Signing Secret”). Or set SLACK_APP_TOKEN to use Socket Mode.",
    },
    "run.bad_token": {
        "es": "Slack rechazó el token de SLACK_BOT_TOKEN ({error}). Copia de nuevo el «Bot User OAuth Token» de tu app.",
        "en": "Slack refused the SLACK_BOT_TOKEN token ({error}). Copy the app's “Bot User OAuth Token” again.",
    },
    "run.bad_app_token": {
        "es": "Slack rechazó el token de SLACK_APP_TOKEN ({error}). Crea en «Basic Information» → «App-Level Tokens» un token con el permiso connections:write (empieza por xapp-).",
        "en": "Slack refused the SLACK_APP_TOKEN token ({error}). Create one under “Basic Information” → “App-Level Tokens” with the connections:write scope (it starts with xapp-).",
    },
    "run.unreachable": {
        "es": "No pude conectar con la API de Slack en SLACK_API_URL: {error}",
        "en": "I could not reach the Slack API at SLACK_API_URL: {error}",
    },
    "run.listening": {
        "es": "cobro escucha en http://0.0.0.0:{port}/slack/events",
        "en": "cobro is listening on http://0.0.0.0:{port}/slack/events",
    },
    "run.socket_mode": {
        "es": "cobro conectado por Socket Mode",
        "en": "cobro connected through Socket Mode",
    },
    "db.upgraded": {
        "es": "Base de datos al día (revisión {revision}).",
        "en": "Database up to date (revision {revision}).",
    },
    "db.failed": {
        "es": "No pude preparar la base de datos en DATABASE_URL: {error}",
        "en": "I could not prepare the database at DATABASE_URL: {error}",
    },
    "cli.bad_tz": {
        "es": "Zona horaria «{value}» desconocida; usa un nombre IANA como America/Mexico_City.",
        "en": "Unknown time zone “{value}”; use an IANA name such as America/Mexico_City.",
    },
    "cli.unreadable_file": {
        "es": "No pude leer {path}: {error}",
        "en": "I could not read {path}: {error}",
    },
    "cli.failed": {
        "es": "No pude terminar: {error}",
        "en": "I could not finish: {error}",
    },
    "cli.bad_now": {
        "es": "--now «{value}» no es una fecha ISO 8601; escribe por ejemplo 2026-11-23T09:00 o 2026-11-23T09:00-06:00.",
        "en": "--now “{value}” is not an ISO 8601 date; write e.g. 2026-11-23T09:00 or 2026-11-23T09:00-06:00.",
    },
    "cli.unknown_job": {
        "es": "No conozco el trabajo «{job}»; los disponibles son: {jobs}.",
        "en": "Unknown job “{job}”; available: {jobs}.",
    },
    "cli.digest_done": {
        "es": "Resumen del {day} para {collectors}. {delivery}",
        "en": "Digest for {day} to {collectors}. {delivery}",
    },
    "cli.digest_already_ran": {
        "es": "El resumen del {day} ya se había enviado; no se repite. {delivery}",
        "en": "The digest for {day} was already sent; it is not repeated. {delivery}",
    },
    "cli.digest_not_business_day": {
        "es": "El {day} no es día hábil: no hay resumen. {delivery}",
        "en": "{day} is not a business day: no digest. {delivery}",
    },
    "cli.collectors": {
        "es": {"one": "{count} persona de cobranza", "other": "{count} personas de cobranza"},
        "en": {"one": "{count} collector", "other": "{count} collectors"},
    },
    "cli.delivery": {
        "es": "Mensajes: {sent}, {failed}.",
        "en": "Messages: {sent}, {failed}.",
    },
    "cli.sent": {
        "es": {"one": "{count} enviado", "other": "{count} enviados"},
        "en": {"one": "{count} sent", "other": "{count} sent"},
    },
    "cli.failed_count": {
        "es": {"one": "{count} fallido", "other": "{count} fallidos"},
        "en": {"one": "{count} failed", "other": "{count} failed"},
    },
}
