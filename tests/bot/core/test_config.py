"""Settings: one clear message per bad variable, never a secret."""

from __future__ import annotations

import pytest

from bot.core.config import load_settings
from bot.core.errors import ConfigError


def test_defaults_follow_the_interface() -> None:
    settings = load_settings(_env_file=None, cobro_timezone="America/Bogota")
    assert settings.database_url == "sqlite:///cobro.db"
    assert settings.port == 3000
    assert settings.cobro_language == "es"
    assert settings.cobro_digest_time == "08:00"
    assert settings.slack_api_url == "https://slack.com/api/"


def test_environment_variables_are_read(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COBRO_COUNTRY", "co")
    monkeypatch.setenv("COBRO_DIGEST_TIME", "7:30")
    monkeypatch.setenv("SLACK_API_URL", "http://127.0.0.1:9999/api")
    monkeypatch.setenv("DATABASE_URL", "postgres://u@h/db")
    settings = load_settings(_env_file=None)
    assert settings.cobro_country == "CO"
    assert settings.cobro_digest_time == "07:30"
    assert settings.slack_api_url == "http://127.0.0.1:9999/api/"
    assert settings.database_url == "postgresql+psycopg://u@h/db"


@pytest.mark.parametrize(
    ("variable", "value"),
    [
        ("PORT", "tres"),
        ("COBRO_TIMEZONE", "Mars/Olympus"),
        ("COBRO_COUNTRY", "ZZ"),
        ("COBRO_LANGUAGE", "fr"),
        ("COBRO_DIGEST_TIME", "25:00"),
        ("SLACK_API_URL", "ftp://x"),
    ],
)
def test_each_bad_variable_is_named(
    monkeypatch: pytest.MonkeyPatch, variable: str, value: str
) -> None:
    monkeypatch.setenv(variable, value)
    with pytest.raises(ConfigError) as caught:
        load_settings(_env_file=None)
    assert [name for name, _ in caught.value.problems] == [variable]


def test_secrets_never_appear_in_errors_or_reprs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-top-secret")
    monkeypatch.setenv("PORT", "nope")
    with pytest.raises(ConfigError) as caught:
        load_settings(_env_file=None)
    assert "xoxb-top-secret" not in str(caught.value)
    monkeypatch.setenv("PORT", "3000")
    assert "xoxb-top-secret" not in repr(load_settings(_env_file=None))


def test_a_dotenv_file_is_read(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    env_file = tmp_path / ".env"
    env_file.write_text("COBRO_LANGUAGE=en\nPORT=4000\n")
    settings = load_settings(_env_file=str(env_file))
    assert (settings.cobro_language, settings.port) == ("en", 4000)


@pytest.mark.parametrize(
    ("country", "currency"),
    [("MX", "MXN"), ("CO", "COP"), ("ES", "EUR"), ("AR", "ARS"), ("CL", "CLP"), ("US", "USD")],
)
def test_the_currency_defaults_from_the_country(country: str, currency: str) -> None:
    assert load_settings(_env_file=None, cobro_country=country).cobro_currency == currency


def test_a_set_currency_wins_and_with_neither_imports_have_none() -> None:
    chosen = load_settings(_env_file=None, cobro_country="MX", cobro_currency="usd")
    assert (chosen.cobro_currency, chosen.default_currency) == ("USD", "USD")
    assert load_settings(_env_file=None, cobro_country="CO").default_currency == "COP"
    neither = load_settings(_env_file=None)
    assert (neither.cobro_currency, neither.default_currency) == ("USD", None)
