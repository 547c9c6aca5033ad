"""The /cobro grammar, independent of Slack."""

from __future__ import annotations

import pytest

from bot.core.commands import CommandName, UnknownCommand, parse_command


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("ayuda", CommandName.HELP),
        ("help", CommandName.HELP),
        ("", CommandName.HELP),
        ("HOY", CommandName.TODAY),
        ("today", CommandName.TODAY),
        ("cliente Ferretería López", CommandName.CUSTOMER),
        ("call acme", CommandName.CALL),
        ("reporte semana", CommandName.REPORT),
        ("equipo", CommandName.TEAM),
        ("team", CommandName.TEAM),
    ],
)
def test_spanish_words_and_english_aliases(text: str, name: CommandName) -> None:
    parsed = parse_command(text)
    assert not isinstance(parsed, UnknownCommand)
    assert parsed.name == name


def test_the_rest_of_the_text_is_kept_whole() -> None:
    parsed = parse_command("llamada  Ferretería López ")
    assert not isinstance(parsed, UnknownCommand)
    assert parsed.rest == "Ferretería López"


@pytest.mark.parametrize(
    ("typo", "suggestion"), [("hyo", "hoy"), ("ayda", "ayuda"), ("reprote", "reporte")]
)
def test_unknown_words_get_the_closest_suggestion(typo: str, suggestion: str) -> None:
    parsed = parse_command(typo)
    assert parsed == UnknownCommand(word=typo, suggestion=suggestion)


def test_nonsense_gets_no_suggestion() -> None:
    assert parse_command("xyzzy") == UnknownCommand(word="xyzzy", suggestion=None)
