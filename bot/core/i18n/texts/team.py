from typing import Any

TEXTS: dict[str, dict[str, Any]] = {
    "team.title": {"es": "Equipo de cobranza", "en": "Collections team"},
    "team.empty": {
        "es": "Todavía no hay nadie en el equipo. Agrega a alguien con `cobro team add`.",
        "en": "Nobody is on the team yet. Add someone with `cobro team add`.",
    },
    "team.line": {"es": "{name} · {role}{supervisor}", "en": "{name} · {role}{supervisor}"},
    "team.supervised_by": {
        "es": " · supervisión a cargo de {supervisor}",
        "en": " · supervised by {supervisor}",
    },
    "team.added": {
        "es": "{name} está en el equipo, en {role}.",
        "en": "{name} is on the team as {role}.",
    },
    "team.removed": {
        "es": "{name} ya no está en el equipo. Su historial se conserva.",
        "en": "{name} is no longer on the team. Their history is kept.",
    },
    "team.need_slack_for_email": {
        "es": "Para agregar por correo ({value}) necesito SLACK_BOT_TOKEN y así buscarlo en Slack; o indica su id de Slack (U…).",
        "en": "To add someone by email ({value}) I need SLACK_BOT_TOKEN to look them up in Slack; or give their Slack id (U…).",
    },
    "team.unknown_user": {
        "es": "No encontré a «{value}» en Slack. Revisa el correo o usa su id de Slack (U…).",
        "en": "I couldn't find “{value}” in Slack. Check the email or use their Slack id (U…).",
    },
    "team.bad_user": {
        "es": "«{value}» no es una persona: escribe @nombre, un id de Slack (U…) o un correo.",
        "en": "“{value}” is not a person: write @name, a Slack id (U…) or an email.",
    },
    "team.bad_role": {
        "es": "Rol «{value}» desconocido: usa cobranza, supervisión o administración.",
        "en": "Unknown role “{value}”: use collector, supervisor or admin.",
    },
    "team.bad_supervisor": {
        "es": "{name} no puede supervisar: debe estar en el equipo con el rol de supervisión o administración.",
        "en": "{name} cannot supervise: they must be on the team as supervisor or admin.",
    },
    "team.self_supervisor": {
        "es": "Nadie puede supervisarse a sí mismo.",
        "en": "Nobody can be their own supervisor.",
    },
    "team.add_usage": {
        "es": "Uso: `/cobro equipo agregar @persona cobranza|supervisión|administración [supervisor @persona]`",
        "en": "Usage: `/cobro team add @person collector|supervisor|admin [supervisor @person]`",
    },
    "team.remove_usage": {
        "es": "Uso: `/cobro equipo quitar @persona`",
        "en": "Usage: `/cobro team remove @person`",
    },
    "team.col.user": {"es": "Usuario", "en": "User"},
    "team.col.name": {"es": "Nombre", "en": "Name"},
    "team.col.role": {"es": "Rol", "en": "Role"},
    "team.col.supervisor": {"es": "Supervisor", "en": "Supervisor"},
    "team.col.email": {"es": "Correo", "en": "Email"},
}
