"""Settings read from the environment and `.env`, validated once, with secrets kept secret.

Settings are created lazily (never at import) so that tests and the CLI can choose the
environment first; `get_settings()` caches the result for the process.
"""

from __future__ import annotations

import re
from datetime import datetime, time
from functools import lru_cache
from typing import Any, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import (
    Field,
    PrivateAttr,
    SecretStr,
    ValidationError,
    field_validator,
    model_validator,
)
from pydantic_settings import BaseSettings, SettingsConfigDict

from bot.core.env import local_timezone_name as _local_timezone_name
from bot.core.errors import ConfigError

_HHMM = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")


def country_currency(country: str) -> str | None:
    """The currency a country uses today, as CLDR knows it: MX → MXN, CO → COP, ES → EUR,
    AR → ARS, CL → CLP, US → USD (the first legal tender where there are two)."""
    from babel.numbers import get_territory_currencies

    found = get_territory_currencies(country.upper(), tender=True)
    return found[0] if found else None


def parse_hhmm(value: str) -> time:
    """`08:00` → time(8, 0); anything else raises ValueError with the expected form."""
    match = _HHMM.match(value.strip())
    if not match:
        raise ValueError(f"expected HH:MM, got {value!r}")
    return time(int(match.group(1)), int(match.group(2)))


class Settings(BaseSettings):
    """Everything cobro reads from its environment; names as in INTERFACE.md."""

    # An empty variable counts as unset: `SLACK_BOT_TOKEN=` is no token at all.
    model_config = SettingsConfigDict(
        env_file=".env", extra="ignore", case_sensitive=False, env_ignore_empty=True
    )

    slack_bot_token: SecretStr | None = None
    slack_signing_secret: SecretStr | None = None
    slack_app_token: SecretStr | None = None
    slack_api_url: str = "https://slack.com/api/"
    database_url: str = "sqlite:///cobro.db"
    port: int = Field(default=3000, ge=1, le=65535)
    cobro_timezone: str = Field(default_factory=_local_timezone_name)
    cobro_country: str | None = None
    cobro_language: Literal["es", "en"] = "es"
    cobro_supervisors_channel: str | None = None
    # Where an escalation goes, once: the supervisors' channel or the supervisor's DMs
    # (default: the channel when there is one).
    cobro_escalate_to: Literal["channel", "dm"] | None = None
    cobro_digest_time: str = "08:00"
    # COBRO_CURRENCY, else the currency of COBRO_COUNTRY (MX → MXN, CO → COP, ES → EUR…),
    # else USD for display only: see `default_currency`.
    cobro_currency: str = ""
    _currency_known: bool = PrivateAttr(default=False)
    cobro_daily_capacity: int = Field(default=40, ge=1, le=500)
    cobro_dunning_steps: str = "-5,15,45,75"
    cobro_escalation_days: int = Field(default=90, ge=1, le=3650)
    cobro_task_escalation_days: int = Field(default=2, ge=1, le=60)
    cobro_call_window: str = "08:00-18:00"
    cobro_call_days: str = "lun-vie"
    cobro_contact_cap: str = "1/day"
    cobro_company: str = ""
    cobro_locale: str | None = None
    cobro_log_format: Literal["text", "json"] = "text"
    # The outbox's ceiling for the whole workspace, per process; 0 lifts it (a test double).
    cobro_slack_messages_per_minute: int = Field(default=300, ge=0, le=100_000)
    # Run as if it were this moment (ISO 8601; the team's zone when none is given), the
    # clock then moving on normally: for trying cobro out and for tests, never production.
    cobro_now: datetime | None = None

    @field_validator("cobro_dunning_steps")
    @classmethod
    def _steps(cls, value: str) -> str:
        try:
            steps = sorted({int(part) for part in value.replace(" ", "").split(",") if part})
        except ValueError:
            raise ValueError("days from the due date, comma-separated, e.g. -5,15,45,75") from None
        if not steps:
            raise ValueError("at least one step, e.g. -5,15,45,75")
        return ",".join(str(step) for step in steps)

    @field_validator("cobro_call_window")
    @classmethod
    def _window(cls, value: str) -> str:
        from bot.core.calendar import parse_call_hours

        try:
            start, end = parse_call_hours(value)
        except ValueError:
            raise ValueError("expected HH:MM-HH:MM, e.g. 08:00-18:00") from None
        return f"{start:%H:%M}-{end:%H:%M}"

    @field_validator("cobro_call_days")
    @classmethod
    def _days(cls, value: str) -> str:
        from bot.core.calendar import parse_call_days

        try:
            parse_call_days(value)
        except ValueError:
            raise ValueError("expected days such as lun-vie or mon,wed,fri") from None
        return value

    @field_validator("cobro_contact_cap")
    @classmethod
    def _cap(cls, value: str) -> str:
        if not re.fullmatch(r"\d{1,2}/(day|week)", value.strip()):
            raise ValueError("expected N/day or N/week, e.g. 1/day or 1/week")
        return value.strip()

    @field_validator("slack_api_url")
    @classmethod
    def _url_ends_with_slash(cls, value: str) -> str:
        value = value.strip()
        if not value.startswith(("http://", "https://")):
            raise ValueError("must start with http:// or https://")
        return value if value.endswith("/") else value + "/"

    @field_validator("database_url")
    @classmethod
    def _normalise_postgres(cls, value: str) -> str:
        """Accept the `postgres://` URLs hosting providers hand out."""
        value = value.strip()
        for prefix in ("postgres://", "postgresql://"):
            if value.startswith(prefix):
                return "postgresql+psycopg://" + value[len(prefix) :]
        return value

    @field_validator("cobro_timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ValueError(
                f"unknown IANA time zone {value!r} (e.g. America/Mexico_City)"
            ) from exc
        return value

    @field_validator("cobro_country")
    @classmethod
    def _known_country(cls, value: str | None) -> str | None:
        if value is None or not value.strip():
            return None
        import holidays  # loaded only when a country is set

        code = value.strip().upper()
        if code not in holidays.list_supported_countries():
            raise ValueError(f"no public holidays known for country {value!r} (e.g. MX, CO, ES)")
        return code

    @field_validator("cobro_digest_time")
    @classmethod
    def _hhmm(cls, value: str) -> str:
        return parse_hhmm(value).strftime("%H:%M")

    @field_validator("cobro_currency")
    @classmethod
    def _iso_currency(cls, value: str) -> str:
        code = value.strip().upper()
        if code and not re.fullmatch(r"[A-Z]{3}", code):
            raise ValueError("must be an ISO 4217 code such as MXN, COP, EUR")
        return code

    @model_validator(mode="after")
    def _currency_from_country(self) -> Settings:
        if not self.cobro_currency and self.cobro_country:
            self.cobro_currency = country_currency(self.cobro_country) or ""
        self._currency_known = bool(self.cobro_currency)
        self.cobro_currency = self.cobro_currency or "USD"
        return self

    @property
    def default_currency(self) -> str | None:
        """The currency of an imported invoice that names none: COBRO_CURRENCY, else the
        country's; None when neither is set, and such invoices are refused with the fix."""
        return self.cobro_currency if self._currency_known else None

    @field_validator("cobro_locale")
    @classmethod
    def _known_locale(cls, value: str | None) -> str | None:
        if value is None or not value.strip():
            return None
        from babel import Locale, UnknownLocaleError

        name = value.strip().replace("-", "_")
        try:
            Locale.parse(name)
        except (UnknownLocaleError, ValueError):
            raise ValueError(f"unknown locale {value!r} (e.g. es_MX, es_CO, es_ES)") from None
        return name

    @property
    def locale(self) -> str:
        """The babel locale of money, numbers and dates: COBRO_LOCALE, else the language in
        the team's country (es + MX → es_MX), else the language alone."""
        from bot.core.i18n.formats import default_locale

        return self.cobro_locale or default_locale(self.cobro_language, self.cobro_country)

    @property
    def escalate_to(self) -> Literal["channel", "dm"]:
        if self.cobro_escalate_to is not None:
            return self.cobro_escalate_to
        return "channel" if self.cobro_supervisors_channel else "dm"

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.cobro_timezone)

    @property
    def digest_time(self) -> time:
        return parse_hhmm(self.cobro_digest_time)


def load_settings(**overrides: Any) -> Settings:
    """Build settings, turning pydantic's report into one message per variable; `overrides`
    are settings by their field names (and `_env_file`), as the tests and the stack give.

    Secrets never reach the message: only the variable's name and what is expected.
    """
    try:
        return Settings(**overrides)
    except ValidationError as exc:
        problems = []
        for err in exc.errors():
            name = str(err["loc"][0]).upper() if err["loc"] else "?"
            reason = str(err.get("msg", "invalid")).removeprefix("Value error, ")
            problems.append((name, reason))
        raise ConfigError(problems) from None


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return load_settings()
