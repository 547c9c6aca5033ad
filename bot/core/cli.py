"""What every `cobro` command shares: settings or a clear exit, the database, a moment read
from `--now`, logging that keeps secrets out, domain errors as one message.

Nothing here speaks Slack; `app.py` wires the Slack side in.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, Protocol, TypeVar, cast
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import typer

from bot.core.entry import DateSettings, plain_date_settings, print_readings
from bot.core.errors import CobroError, ConfigError, ImportRejected
from bot.core.i18n import Lang, error_text, t

if TYPE_CHECKING:
    # SQLAlchemy only for the commands that use a database: parse-date starts fast
    from rich.console import Console

    from bot.core.config import Settings
    from bot.core.db import Db
    from bot.core.policy import Policy


class _Console:
    """rich's Console, made when first used: importing rich costs a fresh process about
    25 ms, which `cobro parse-date` (plain JSON lines) does not need."""

    def __init__(self, **options: Any) -> None:
        self._options = options
        self._console: Console | None = None

    def made(self) -> Console:
        if self._console is None:
            from rich.console import Console

            self._console = Console(**self._options)
        return self._console

    def __getattr__(self, name: str) -> Any:
        return getattr(self.made(), name)

    def __enter__(self) -> Console:
        return self.made().__enter__()

    def __exit__(self, *exc: object) -> None:
        self.made().__exit__(*exc)


def _real(console: Console) -> Console:
    """The rich Console itself, for rich's own classes (Progress) that need one."""
    return console.made() if isinstance(console, _Console) else console


out: Console = cast("Console", _Console())
err: Console = cast("Console", _Console(stderr=True))
T = TypeVar("T")


def unexpected_failure(exc: BaseException) -> str:
    """One line for what went wrong, in the user's language: the kind of failure and its
    first line (a database or Slack that cannot be reached, a file that cannot be read)."""
    detail = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    from bot.core.logs import one_line

    return t("cli.failed", fallback_lang(), error=one_line(f"{type(exc).__name__}: {detail}", 300))


def command_line() -> tuple[typer.Typer, typer.Typer, typer.Typer, typer.Typer, typer.Typer]:
    """The `cobro` command and its groups (db, import, team, jobs)."""
    cli = typer.Typer(
        help="cobro: the collections team's Slack bot.",
        no_args_is_help=True,
        add_completion=False,
        pretty_exceptions_enable=False,
    )
    groups = (
        typer.Typer(help="Database migrations.", no_args_is_help=True),
        typer.Typer(help="Import CSV files (all or nothing, idempotent).", no_args_is_help=True),
        typer.Typer(help="Manage the team.", no_args_is_help=True),
        typer.Typer(help="Run a scheduled job once, by hand.", no_args_is_help=True),
    )
    for name, group in zip(("db", "import", "team", "jobs"), groups, strict=True):
        cli.add_typer(group, name=name)
    return cli, *groups


def localize_help(command: Any, lang: Lang) -> Any:
    """`cobro --help` in the team's language: every help text written in English in
    `app.py` is looked up in the catalogue (`clihelp.*`) and replaced by its words in
    `lang`; a text not there stays as written."""
    if lang == "en":
        return command
    from bot.core.i18n.texts.cli_help import TEXTS  # not the whole catalogue

    words = {entry["en"]: entry[lang] for key, entry in TEXTS.items() if key.startswith("clihelp.")}

    def walk(node: Any) -> None:
        if node.help:
            first, _, rest = node.help.partition("\n\n")
            node.help = words.get(" ".join(first.split()), first) + (f"\n\n{rest}" if rest else "")
            node.short_help = None
        for param in node.params:
            text = getattr(param, "help", None)
            if text:
                param.help = words.get(text, text)
        for sub in getattr(node, "commands", {}).values():
            walk(sub)

    walk(command)
    return command


def fallback_lang() -> Lang:
    """The language before settings are read (to say that they could not be)."""
    return "en" if os.environ.get("COBRO_LANGUAGE", "").lower().startswith("en") else "es"


def fail(message: str, code: int = 2) -> NoReturn:
    err.print(message, markup=False, highlight=False, soft_wrap=True)
    raise typer.Exit(code)


def settings_or_exit() -> Settings:
    from bot.core.config import load_settings

    try:
        return load_settings()
    except ConfigError as exc:
        lang = fallback_lang()
        lines = [t("error.config", lang)]
        lines += [f"  {name}: {reason}" for name, reason in exc.problems]
        lines.append(t("error.config.hint", lang))
        fail("\n".join(lines))


def configure_logging(settings: Settings) -> None:
    from bot.core.logs import configure

    secrets = [
        s.get_secret_value()
        for s in (settings.slack_bot_token, settings.slack_signing_secret, settings.slack_app_token)
        if s is not None
    ]
    configure(secrets=secrets, as_json=settings.cobro_log_format == "json")


@contextmanager
def database(settings: Settings, *, migrate: bool = True) -> Iterator[Db]:
    """The session factory for DATABASE_URL, migrated to the latest schema."""
    from sqlalchemy.exc import SQLAlchemyError

    from models.db import make_engine, make_session_factory
    from models.migrate import upgrade

    try:
        engine = make_engine(settings.database_url)
        if migrate:
            upgrade(engine)
    except (SQLAlchemyError, OSError, ValueError, ImportError) as exc:
        # A server that is down, a port that is not a number, a driver not installed.
        lines = str(exc).strip().splitlines() or [""]
        detail = f"{type(exc).__name__}: {lines[0]}"
        fail(t("db.failed", settings.cobro_language, error=detail), 1)
    try:
        yield make_session_factory(engine)
    finally:
        engine.dispose()


def parse_moment(text: str | None, tz: ZoneInfo, lang: Lang) -> datetime | None:
    """`--now` as an aware moment (the team's zone when none is given), or None for now."""
    if not text:
        return None
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        fail(t("cli.bad_now", lang, value=text))
    return moment if moment.tzinfo else moment.replace(tzinfo=tz)


@dataclass(frozen=True)
class CliContext:
    settings: Settings
    db: Db

    @property
    def lang(self) -> Lang:
        return self.settings.cobro_language

    @property
    def policy(self) -> Policy:
        from bot.core.policy import Policy

        return Policy.from_settings(self.settings)


def try_domain(work: Callable[[CliContext], T]) -> T:
    """Run `work` against the database; a domain error becomes one message and exit 2."""
    settings = settings_or_exit()
    with database(settings) as db:
        try:
            return work(CliContext(settings, db))
        except ImportRejected as exc:
            fail("\n".join(exc.lines(settings.cobro_language)))
        except CobroError as exc:
            fail(error_text(exc, settings.cobro_language))


class Summarised(Protocol):
    def lines(self, lang: Lang) -> list[str]: ...


S = TypeVar("S", bound=Summarised)


def run_import(path: Path, work: Callable[[CliContext, Callable[[int], None]], S]) -> S:
    """An import with a progress bar, then its summary (how the file was read, what changed,
    what needs someone)."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    def with_progress(c: CliContext) -> S:
        columns = [TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn()]
        with Progress(
            *columns, TimeElapsedColumn(), console=_real(err), transient=True
        ) as progress:
            task = progress.add_task(t("import.progress", c.lang, name=path.name), total=None)
            result = work(c, lambda count: progress.advance(task, count))
        for line in result.lines(c.lang):
            out.print(line, markup=False, highlight=False, soft_wrap=True)
        return result

    return try_domain(with_progress)


def date_settings_or_exit() -> DateSettings:
    """The language, country and time zone, read without pydantic when they are plainly
    valid (see `bot.core.env`); anything else through the full settings and their errors."""
    plain = plain_date_settings()
    if plain is not None:
        return plain
    settings = settings_or_exit()
    return DateSettings(settings.cobro_language, settings.cobro_country, settings.tz)


def parse_dates(
    settings: DateSettings, phrases: Iterable[str], *, now: str | None, tz: str | None
) -> bool:
    """`cobro parse-date` with its options: one JSON object per phrase; False when any was
    refused (see bot.core.entry, which answers the plain case before typer loads)."""
    lang = settings.cobro_language
    try:
        zone = ZoneInfo(tz) if tz else settings.tz
    except (ZoneInfoNotFoundError, ValueError):
        fail(t("cli.bad_tz", lang, value=tz))
    moment = parse_moment(now, zone, lang) or datetime.now(zone)
    return print_readings(settings, phrases, moment, zone)
