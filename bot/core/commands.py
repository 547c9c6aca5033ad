"""The /cobro grammar: the text after `/cobro` becomes a Command, independent of Slack.

Spanish words first, English aliases second; an unknown word falls back to help with the
closest known word as a suggestion ("hyo" → "hoy").
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from enum import StrEnum

from bot.core.text import fold


class CommandName(StrEnum):
    HELP = "ayuda"
    TODAY = "hoy"
    CUSTOMER = "cliente"
    CALL = "llamada"
    TASKS = "tareas"
    PROMISES = "promesas"
    REPORT = "reporte"
    HISTORY = "historial"
    TEAM = "equipo"
    LEGAL = "legal"


ALIASES: dict[str, CommandName] = {
    "ayuda": CommandName.HELP,
    "help": CommandName.HELP,
    "hoy": CommandName.TODAY,
    "today": CommandName.TODAY,
    "cliente": CommandName.CUSTOMER,
    "customer": CommandName.CUSTOMER,
    "llamada": CommandName.CALL,
    "call": CommandName.CALL,
    "tareas": CommandName.TASKS,
    "tasks": CommandName.TASKS,
    "promesas": CommandName.PROMISES,
    "promises": CommandName.PROMISES,
    "reporte": CommandName.REPORT,
    "report": CommandName.REPORT,
    "historial": CommandName.HISTORY,
    "history": CommandName.HISTORY,
    "equipo": CommandName.TEAM,
    "team": CommandName.TEAM,
    "legal": CommandName.LEGAL,
    "externa": CommandName.LEGAL,
    "external": CommandName.LEGAL,
}


@dataclass(frozen=True)
class Command:
    name: CommandName
    args: list[str] = field(default_factory=list)
    rest: str = ""
    typed: str = ""


@dataclass(frozen=True)
class UnknownCommand:
    word: str
    suggestion: str | None


def parse_command(text: str) -> Command | UnknownCommand:
    """`"llamada Ferretería López"` → Command(CALL, rest="Ferretería López")."""
    stripped = (text or "").strip()
    if not stripped:
        return Command(CommandName.HELP)
    word, _, rest = stripped.partition(" ")
    name = ALIASES.get(fold(word))
    if name is None:
        return UnknownCommand(word=word, suggestion=suggest(word))
    return Command(name=name, args=rest.split(), rest=rest.strip(), typed=fold(word))


def suggest(word: str) -> str | None:
    matches = difflib.get_close_matches(fold(word), list(ALIASES), n=1, cutoff=0.6)
    return matches[0] if matches else None


TEAM_ADD_WORDS = {"agregar", "anadir", "add", "alta", "sumar"}
TEAM_REMOVE_WORDS = {"quitar", "eliminar", "remove", "baja", "borrar"}
