"""The team from Slack: everyone sees it, only admins change it."""

from __future__ import annotations

from models.enums import Role
from tests.e2e.conftest import Harness


def test_equipo_lists_the_team_with_roles_and_supervisors(bot: Harness) -> None:
    bot.member("U0BOSS", "Sara Jefa", Role.SUPERVISOR)
    bot.member("U0ANA", "Ana Pérez", supervisor="U0BOSS")
    reply = bot.slack.ask("U0ANA", "equipo")
    text = reply.text()
    assert reply.json["response_type"] == "ephemeral"
    assert "Ana Pérez · cobranza · supervisión a cargo de Sara Jefa" in text
    assert "Sara Jefa · supervisión" in text


def test_an_admin_adds_a_colleague_by_mention(bot: Harness) -> None:
    bot.member("U0ADMIN", "Admin", Role.ADMIN)
    bot.member("U0BOSS", "Sara Jefa", Role.SUPERVISOR)
    bot.fake.add_user("U0BEA", "Bea Gómez", email="bea@example.com", locale="es-ES")
    reply = bot.slack.ask(
        "U0ADMIN", "equipo agregar <@U0BEA|bea> cobradora supervisor <@U0BOSS|sara>"
    )
    assert "Bea Gómez está en el equipo, en cobranza" in reply.text()
    listing = bot.slack.ask("U0BEA", "equipo").text()
    assert "Bea Gómez · cobranza · supervisión a cargo de Sara Jefa" in listing


def test_a_collector_cannot_add_people(bot: Harness) -> None:
    bot.member("U0ANA", "Ana Pérez")
    bot.fake.add_user("U0BEA", "Bea Gómez")
    reply = bot.slack.ask("U0ANA", "equipo agregar <@U0BEA|bea> cobrador")
    assert "solo para quien administra el equipo" in reply.text()
    assert "no formas parte" in bot.slack.command("U0BEA", "ayuda").text()


def test_adding_with_an_unknown_role_says_which_roles_exist(bot: Harness) -> None:
    bot.member("U0ADMIN", "Admin", Role.ADMIN)
    reply = bot.slack.ask("U0ADMIN", "equipo agregar <@U0BEA|bea> jefe")
    assert "Rol «jefe» desconocido: usa cobranza, supervisión o administración." in reply.text()


def test_an_admin_removes_someone_and_they_lose_access(bot: Harness) -> None:
    bot.member("U0ADMIN", "Admin", Role.ADMIN)
    bot.member("U0ANA", "Ana Pérez")
    reply = bot.slack.ask("U0ADMIN", "equipo quitar <@U0ANA|ana>")
    assert "Ana Pérez ya no está en el equipo" in reply.text()
    assert "no formas parte" in bot.slack.command("U0ANA", "ayuda").text()


def test_names_from_slack_are_escaped(bot: Harness) -> None:
    bot.member("U0ADMIN", "Admin", Role.ADMIN)
    bot.member("U0EVIL", "<!channel> Eve")
    text = bot.slack.ask("U0ADMIN", "equipo").text()
    assert "<!channel>" not in text
    assert "&lt;!channel&gt; Eve" in text
