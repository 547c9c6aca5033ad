"""Alembic driven from code, so `cobro db upgrade` needs no alembic.ini in the working dir."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, text

MIGRATIONS = Path(__file__).parent / "migrations"


def alembic_config(url: str) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


def on_this_dialect(dialect: str) -> Any:
    """An autogenerate `include_object` that leaves out what the models build only on another
    database (`Index(...).ddl_if(dialect="postgresql")`, such as the trigram index): Alembic
    compares it everywhere, SQLAlchemy creates it only where it belongs."""

    def include(obj: Any, _name: Any, _type: str, _reflected: bool, _compare_to: Any) -> bool:
        condition = getattr(obj, "_ddl_if", None)
        return condition is None or condition.dialect in (None, dialect)

    return include


# Any number the team's database does not use for something else: the migration lock.
MIGRATION_LOCK = 0x636F62726F  # "cobro"


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Bring the database to `revision`, reusing the engine's connection. On PostgreSQL the
    migration holds an advisory lock, so replicas starting together migrate once: the
    others wait, then find the schema already at `revision`."""
    config = alembic_config(engine.url.render_as_string(hide_password=False))
    with engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK})
        config.attributes["connection"] = connection
        command.upgrade(config, revision)


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()
