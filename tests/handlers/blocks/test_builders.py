"""Builders, tested for meaning: what the reader needs is there, user text cannot ping."""

from __future__ import annotations

from bot.core.vocabulary import Role
from bot.team.rules import MemberView
from handlers.blocks.common import escape, message
from handlers.blocks.help import build_help
from handlers.blocks.team import build_team
from slackfake.blockkit import check_payload


def test_escape_neutralises_mentions_and_broadcasts() -> None:
    assert escape("<!channel> & <@U123>") == "&lt;!channel&gt; &amp; &lt;@U123&gt;"
    assert escape(None) == ""


def test_every_message_has_fallback_text() -> None:
    payload = message("hola")
    assert payload["text"] == "hola"
    assert check_payload("message", payload) == []


def test_help_lists_every_subcommand_in_both_languages() -> None:
    spanish = str(build_help("es"))
    english = str(build_help("en"))
    for word in ("ayuda", "hoy", "cliente", "llamada", "tareas", "promesas", "reporte", "equipo"):
        assert f"/cobro {word}" in spanish
    for word in ("help", "today", "customer", "call", "tasks", "promises", "report", "team"):
        assert f"/cobro {word}" in english


def test_help_for_an_unknown_word_escapes_it() -> None:
    payload = build_help("es", unknown="<!here>", suggestion=None)
    assert "<!here>" not in str(payload)
    assert "&lt;!here&gt;" in payload["text"]


def test_a_large_team_fits_slack_limits() -> None:
    members = [
        MemberView(f"U{i:05d}", f"Persona {i}", None, Role.COLLECTOR, "Jefa") for i in range(300)
    ]
    payload = build_team(members, "es")
    assert check_payload("message", payload) == []
    assert "300" in payload["text"]
