"""The help message, also the answer to an unknown subcommand."""

from __future__ import annotations

from typing import Any

from bot.core.i18n import Lang, t
from handlers.blocks.common import context, escape, header, message, section

_COMMANDS = (
    "ayuda",
    "hoy",
    "cliente",
    "llamada",
    "tareas",
    "promesas",
    "reporte",
    "historial",
    "equipo",
    "legal",
)


def build_help(
    lang: Lang, *, unknown: str | None = None, suggestion: str | None = None
) -> dict[str, Any]:
    blocks: list[dict[str, Any]] = []
    lead: list[str] = []
    if unknown is not None:
        lead.append(t("help.unknown", lang, word=escape(unknown)))
        if suggestion:
            lead.append(t("help.did_you_mean", lang, suggestion=suggestion))
        blocks.append(section(" ".join(lead)))
    blocks.append(header(t("help.title", lang)))
    blocks.append(section(t("help.intro", lang)))
    lines = "\n".join(f"• {t(f'help.cmd.{name}', lang)}" for name in _COMMANDS)
    blocks.append(section(lines))
    blocks.append(context(t("help.footer", lang)))
    fallback = " ".join(lead) or t("help.title", lang)
    return message(fallback, blocks)


def build_coming_soon(word: str, lang: Lang) -> dict[str, Any]:
    return message(t("help.coming_soon", lang, word=escape(word)))
