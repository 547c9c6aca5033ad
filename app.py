"""The `cobro` command line. Setup only: settings → database → Slack app → scheduler → start.

Exit status: 0 done, 1 failed, 2 bad usage or bad input (the message says what to fix).
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any, NoReturn
from zoneinfo import ZoneInfo

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from bot.config import Settings, load_settings
from bot.errors import CobroError, ConfigError, ImportRejected
from bot.i18n import Lang, error_text, t

cli = typer.Typer(
    help="cobro: the collections team's Slack bot.", no_args_is_help=True, add_completion=False
)
db_cli = typer.Typer(help="Database migrations.", no_args_is_help=True)
import_cli = typer.Typer(
    help="Import CSV files (all or nothing, idempotent).", no_args_is_help=True
)
team_cli = typer.Typer(help="Manage the team.", no_args_is_help=True)
jobs_cli = typer.Typer(help="Run a scheduled job once, by hand.", no_args_is_help=True)
cli.add_typer(db_cli, name="db")
cli.add_typer(import_cli, name="import")
cli.add_typer(team_cli, name="team")
cli.add_typer(jobs_cli, name="jobs")

out = Console()
err = Console(stderr=True)
log = logging.getLogger("cobro")


def _fallback_lang() -> Lang:
    return "en" if os.environ.get("COBRO_LANGUAGE", "").lower().startswith("en") else "es"


def fail(message: str, code: int = 2) -> NoReturn:
    err.print(message, markup=False, highlight=False, soft_wrap=True)
    raise typer.Exit(code)


def settings_or_exit() -> Settings:
    try:
        return load_settings()
    except ConfigError as exc:
        lang = _fallback_lang()
        lines = [t("error.config", lang)]
        lines += [f"  {name}: {reason}" for name, reason in exc.problems]
        lines.append(t("error.config.hint", lang))
        fail("\n".join(lines))


class _RedactSecrets(logging.Filter):
    """Belt and braces: no log line may carry a token or signing secret."""

    def __init__(self, secrets: list[str]) -> None:
        super().__init__()
        self._secrets = [s for s in secrets if s]

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if any(secret in message for secret in self._secrets):
            for secret in self._secrets:
                message = message.replace(secret, "***")
            record.msg, record.args = message, None
        return True


def configure_logging(settings: Settings) -> None:
    secrets = [
        s.get_secret_value()
        for s in (settings.slack_bot_token, settings.slack_signing_secret, settings.slack_app_token)
        if s is not None
    ]
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(_RedactSecrets(secrets))
    logging.basicConfig(level=logging.INFO, handlers=[handler], force=True)
    logging.getLogger("slack_bolt.App").addFilter(
        lambda record: "will be unused" not in record.getMessage()
    )
    for noisy in ("slack_sdk", "slack_bolt", "apscheduler", "waitress", "alembic"):
        logging.getLogger(noisy).setLevel(logging.WARNING)


@contextmanager
def database(settings: Settings, *, migrate: bool = True) -> Iterator[Any]:
    """The session factory for DATABASE_URL, migrated to the latest schema."""
    from sqlalchemy.exc import SQLAlchemyError

    from models.db import make_engine, make_session_factory
    from models.migrate import upgrade

    lang = settings.cobro_language
    try:
        engine = make_engine(settings.database_url)
        if migrate:
            upgrade(engine)
    except (SQLAlchemyError, OSError) as exc:
        fail(t("db.failed", lang, error=type(exc).__name__ + ": " + str(exc).splitlines()[0]), 1)
    try:
        yield make_session_factory(engine)
    finally:
        engine.dispose()


def directory_for(settings: Settings) -> Any:
    """The Slack directory when a token is configured; the CLI works offline without it."""
    if settings.slack_bot_token is None:
        return None
    from handlers.directory import SlackDirectory
    from handlers.slack_client import make_web_client

    return SlackDirectory(make_web_client(settings))


def domain_errors(lang: Lang, action: Callable[[], Any]) -> Any:
    try:
        return action()
    except ImportRejected as exc:
        from bot.importer import describe_rejection

        fail("\n".join(describe_rejection(exc, lang)))
    except CobroError as exc:
        fail(error_text(exc, lang))


# ------------------------------------------------------------------ run


@cli.command()
def demo(
    script: Annotated[
        Path | None, typer.Option(help="run these inputs, one per line, and print the transcript")
    ] = None,
    now: Annotated[
        str | None,
        typer.Option(help="the demo's first moment, ISO 8601 (default: next business morning)"),
    ] = None,
    workdir: Annotated[
        Path | None, typer.Option(help="where the demo's database and files go (emptied first)")
    ] = None,
) -> None:
    """Try cobro in a terminal, with no Slack workspace: the real bot, a fake Slack, sample data."""
    import tempfile
    from datetime import datetime

    from bot.calendar import BusinessCalendar
    from demo.session import DemoSession, next_morning
    from demo.terminal import interactive, scripted

    logging.basicConfig(level=logging.ERROR)
    tz = ZoneInfo("America/Mexico_City")
    if now:
        try:
            start = datetime.fromisoformat(now)
        except ValueError:
            fail(t("cli.bad_now", "es", value=now))
        start = start if start.tzinfo else start.replace(tzinfo=tz)
    else:
        start = next_morning(datetime.now(tz), tz, BusinessCalendar("MX"))
    lines = None
    if script is not None:
        try:
            lines = script.read_text(encoding="utf-8").splitlines()
        except OSError as exc:
            fail(t("cli.unreadable_file", "es", path=str(script), error=exc.strerror or ""))
    console = (
        Console(highlight=False)
        if lines is None
        else Console(color_system=None, width=110, highlight=False, soft_wrap=True)
    )
    folder = workdir or Path(tempfile.gettempdir()) / "cobro-demo"
    session = DemoSession(workdir=folder, start=start, console=console).open()
    try:
        if lines is None:
            interactive(session, console)
        else:
            scripted(session, console, lines)
    finally:
        session.close()


@cli.command()
def run() -> None:
    """Start the bot and its scheduler (Socket Mode if SLACK_APP_TOKEN, else HTTP on PORT)."""
    settings = settings_or_exit()
    lang = settings.cobro_language
    if settings.slack_bot_token is None:
        fail(t("run.no_token", lang))
    if settings.slack_app_token is None and settings.slack_signing_secret is None:
        fail(t("run.no_signing_secret", lang))
    configure_logging(settings)
    from slack_sdk.errors import SlackApiError

    from bot.clock import Clock, OffsetClock, SystemClock
    from handlers.bolt_app import create_bolt_app
    from handlers.context import Deps
    from handlers.slack_client import make_web_client

    client = make_web_client(settings)
    try:
        client.auth_test()
    except SlackApiError as exc:
        fail(t("run.bad_token", lang, error=exc.response.get("error", "?")))
    except Exception as exc:  # connection refused, DNS, TLS: say where, not a trace
        fail(t("run.unreachable", lang, error=f"{type(exc).__name__}: {exc}"), 1)
    clock: Clock = SystemClock()
    if settings.cobro_now is not None:
        start = settings.cobro_now
        clock = OffsetClock(start if start.tzinfo else start.replace(tzinfo=settings.tz))
    with database(settings) as db:
        deps = Deps(settings=settings, db=db, clock=clock, directory=directory_for(settings))
        app = create_bolt_app(deps, client=client)
        from bot.scheduler import build_scheduler
        from handlers.jobs import Jobs

        jobs = Jobs(deps, client)
        scheduler = build_scheduler(
            settings,
            deps.clock,
            digest=jobs.digest,
            deliver=lambda: jobs.deliver(),
            nudges=jobs.nudges,
            report=jobs.report,
        )
        scheduler.start()
        if settings.slack_app_token is not None:
            from slack_bolt.adapter.socket_mode import SocketModeHandler

            log.info(t("run.socket_mode", lang))
            SocketModeHandler(app, settings.slack_app_token.get_secret_value()).start()
            return
        from handlers.server import HttpServer

        server = HttpServer(app, port=settings.port)
        log.info(t("run.listening", lang, port=server.port))
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            server.close()


# ------------------------------------------------------------------ db


@db_cli.command("upgrade")
def db_upgrade() -> None:
    """Apply database migrations (cobro run also does it at start)."""
    settings = settings_or_exit()
    from models.migrate import current_revision

    with database(settings) as db:
        revision = current_revision(db.kw["bind"])
    out.print(t("db.upgraded", settings.cobro_language, revision=revision))


# ------------------------------------------------------------------ import


def _import(kind: str, path: Path, work: Callable[..., Any]) -> None:
    settings = settings_or_exit()
    lang = settings.cobro_language
    from models.db import transaction

    with database(settings) as db:
        columns = [TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn()]
        with Progress(*columns, TimeElapsedColumn(), console=err, transient=True) as progress:
            task = progress.add_task(t("import.progress", lang, name=path.name), total=None)

            def advance(count: int) -> None:
                progress.advance(task, count)

            def do() -> Any:
                with transaction(db) as session:
                    return work(session, settings, advance)

            result = domain_errors(lang, do)
    out.print(
        t(
            "import.done",
            lang,
            kind=t(f"import.kind.{kind}", lang),
            created=result.created,
            updated=result.updated,
            unchanged=result.unchanged,
        )
    )


FileArg = Annotated[Path, typer.Argument(help="CSV file (UTF-8, header row, comma or semicolon)")]


@import_cli.command("customers")
def import_customers_cmd(file: FileArg) -> None:
    """Upsert customers and their contacts."""
    from bot.importer import import_customers

    _import(
        "customers",
        file,
        lambda s, settings, p: import_customers(
            s, file, directory=directory_for(settings), progress=p
        ),
    )


@import_cli.command("invoices")
def import_invoices_cmd(file: FileArg) -> None:
    """Upsert invoices by number."""
    from bot.importer import import_invoices

    _import(
        "invoices",
        file,
        lambda s, settings, p: import_invoices(
            s, file, default_currency=settings.cobro_currency, progress=p
        ),
    )


@import_cli.command("payments")
def import_payments_cmd(file: FileArg) -> None:
    """Record payments (idempotent on reference)."""
    from bot.calendar import BusinessCalendar
    from bot.importer import import_payments

    _import(
        "payments",
        file,
        lambda s, settings, p: import_payments(
            s, file, progress=p, calendar=BusinessCalendar(settings.cobro_country)
        ),
    )


# ------------------------------------------------------------------ team


@team_cli.command("add")
def team_add(
    user: Annotated[str, typer.Argument(help="Slack id (U…) or email")],
    role: Annotated[str, typer.Option(help="collector | supervisor | admin")],
    supervisor: Annotated[
        str | None, typer.Option(help="their supervisor: Slack id or email")
    ] = None,
    name: Annotated[
        str | None, typer.Option(help="display name, when Slack is not configured")
    ] = None,
) -> None:
    """Add someone to the team, or change their role."""
    settings = settings_or_exit()
    lang = settings.cobro_language
    from bot import services
    from bot.team import parse_role

    with database(settings) as db:
        added = domain_errors(
            lang,
            lambda: services.add_team_member(
                db,
                actor_id=None,
                reference=user,
                role=parse_role(role),
                supervisor=supervisor,
                name=name,
                directory=directory_for(settings),
            ),
        )
    out.print(t("team.added", lang, name=added.name, role=t(f"role.{added.role.value}", lang)))


@team_cli.command("remove")
def team_remove(user: Annotated[str, typer.Argument(help="Slack id (U…) or email")]) -> None:
    """Take someone off the team (their history stays)."""
    settings = settings_or_exit()
    lang = settings.cobro_language
    from bot import services

    with database(settings) as db:
        removed = domain_errors(
            lang, lambda: services.remove_team_member(db, actor_id=None, reference=user)
        )
    out.print(t("team.removed", lang, name=removed.name))


@team_cli.command("list")
def team_list() -> None:
    """Show the team."""
    settings = settings_or_exit()
    lang = settings.cobro_language
    from bot import services

    with database(settings) as db:
        members = services.team_members(db)
    if not members:
        out.print(t("team.empty", lang))
        return
    table = Table(title=t("team.title", lang))
    for key in ("user", "name", "role", "supervisor", "email"):
        table.add_column(t(f"team.col.{key}", lang))
    for m in members:
        table.add_row(
            m.slack_user_id,
            m.name,
            t(f"role.{m.role.value}", lang),
            m.supervisor_name or "",
            m.email or "",
        )
    out.print(table)


# ------------------------------------------------------------------ jobs

DELIVERY_WAIT_SECONDS = 180.0


@jobs_cli.command("run")
def jobs_run(
    job: Annotated[str, typer.Argument(help="digest | nudges | report")],
    now: Annotated[str | None, typer.Option(help="run as of this moment, ISO 8601")] = None,
) -> None:
    """Run one job once as of --now, then deliver pending messages (retrying a few minutes)."""
    settings = settings_or_exit()
    lang = settings.cobro_language
    if job not in ("digest", "nudges", "report"):
        fail(t("cli.unknown_job", lang, job=job, jobs="digest, nudges, report"))
    if settings.slack_bot_token is None:
        fail(t("run.no_token", lang))
    from datetime import datetime

    from bot.clock import OffsetClock, SystemClock
    from handlers.context import Deps
    from handlers.jobs import Jobs
    from handlers.slack_client import make_web_client

    moment = None
    if now:
        try:
            moment = datetime.fromisoformat(now)
        except ValueError:
            fail(t("cli.bad_now", lang, value=now))
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=settings.tz)
    clock = OffsetClock(moment) if moment else SystemClock()
    configure_logging(settings)
    with database(settings) as db:
        deps = Deps(settings=settings, db=db, clock=clock)
        jobs = Jobs(deps, make_web_client(settings))
        if job == "report":
            weekly = jobs.enqueue_report(clock.now())
            report = jobs.deliver(wait_seconds=DELIVERY_WAIT_SECONDS)
            message = t(
                "cli.report_done" if weekly.ran else f"cli.report_{weekly.reason}",
                lang,
                day=weekly.day.isoformat(),
                sent=report.sent,
                failed=report.failed,
            )
        elif job == "nudges":
            nudged = jobs.enqueue_nudges(clock.now())
            report = jobs.deliver(wait_seconds=DELIVERY_WAIT_SECONDS)
            message = t(
                "cli.nudges_done" if nudged.ran else f"cli.nudges_{nudged.reason}",
                lang,
                day=clock.now().astimezone(settings.tz).strftime("%Y-%m-%d %H:%M"),
                written=sum(nudged.written.values()),
                sent=report.sent,
                failed=report.failed,
            )
        else:
            result = jobs.enqueue_digest(clock.now())
            report = jobs.deliver(wait_seconds=DELIVERY_WAIT_SECONDS)
            message = t(
                "cli.digest_done" if result.ran else f"cli.digest_{result.reason}",
                lang,
                day=result.day.isoformat(),
                digests=result.digests,
                sent=report.sent,
                failed=report.failed,
            )
    out.print(message)
    if report.failed:
        raise typer.Exit(1)


# ------------------------------------------------------------------ dates


@cli.command("parse-date")
def parse_date(
    texts: Annotated[
        list[str] | None, typer.Argument(help="phrases; none: one per line on stdin")
    ] = None,
    now: Annotated[str | None, typer.Option(help="the moment to read from, ISO 8601")] = None,
    tz: Annotated[str | None, typer.Option(help="IANA time zone (default COBRO_TIMEZONE)")] = None,
) -> None:
    """Show how date phrases are understood: one JSON object per line.

    Exits 2 when any phrase could not be read (its line says why)."""
    import json
    from datetime import datetime
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    from bot.calendar import BusinessCalendar
    from bot.dates import parse

    settings = settings_or_exit()
    lang = settings.cobro_language
    try:
        zone = ZoneInfo(tz) if tz else settings.tz
    except (ZoneInfoNotFoundError, ValueError):
        fail(t("cli.bad_tz", lang, value=tz))
    try:
        moment = datetime.fromisoformat(now) if now else datetime.now(zone)
    except ValueError:
        fail(t("cli.bad_now", lang, value=now))
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=zone)
    calendar = BusinessCalendar(settings.cobro_country)
    phrases = texts if texts else (line.rstrip("\n") for line in sys.stdin)
    refused = False
    for phrase in phrases:
        if not phrase.strip():
            continue
        reading = parse(phrase, moment, zone, calendar=calendar)
        refused |= reading.error is not None
        record = {
            "text": phrase,
            "date": reading.date.isoformat() if reading.date else None,
            "time": reading.time.strftime("%H:%M") if reading.time else None,
            "error": reading.reason(lang) if reading.error else None,
            "past": reading.past,
            "read": reading.read or None,
            "words": reading.in_words(lang) if reading.date else None,
            "business_day": calendar.is_business_day(reading.date) if reading.date else None,
        }
        sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
        sys.stdout.flush()
    if refused:
        raise typer.Exit(2)


def main() -> None:
    try:
        cli()
    except KeyboardInterrupt:
        sys.exit(130)


if __name__ == "__main__":
    main()
