"""The `cobro` command line: thin commands that read settings, open the database and call one
service or start the bot. Helpers live in `bot.core.cli`; the Slack side (the app, the
directory, the jobs' delivery) is wired in here, imported only by the commands that need it.

Exit status: 0 done, 1 failed, 2 bad usage or bad input (the message says what to fix).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from bot.core.cli import (
    CliContext,
    command_line,
    configure_logging,
    database,
    fail,
    fallback_lang,
    localize_help,
    out,
    parse_moment,
    run_import,
    settings_or_exit,
    try_domain,
    unexpected_failure,
)
from bot.core.i18n import t

if TYPE_CHECKING:
    from bot.core.config import Settings
    from bot.core.i18n import Lang
    from bot.ports import Directory
    from handlers.notify.jobs import Jobs

cli, db_cli, import_cli, team_cli, jobs_cli = command_line()

FileArg = Annotated[
    Path,
    typer.Argument(help="CSV (UTF-8, UTF-16 or Windows-1252; comma, semicolon or tab) or .xlsx"),
]
MapOption = Annotated[
    list[str] | None,
    typer.Option("--map", help='a column of the file as a field, e.g. "Núm. doc=number"'),
]
DateFormatOption = Annotated[
    str, typer.Option("--date-format", help="DMY (day first, default), MDY, YMD or e.g. %m/%d/%Y")
]
SheetOption = Annotated[str | None, typer.Option(help="the workbook's sheet (default: the first)")]
DryRunOption = Annotated[
    bool, typer.Option("--dry-run", help="check everything, say what would change, write nothing")
]
UnassignedOption = Annotated[
    str | None, typer.Option(help="ok: accept customers without a collector (listed as orphans)")
]
NowOption = Annotated[str | None, typer.Option(help="as of this moment, ISO 8601")]


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
    socket: Annotated[
        bool, typer.Option("--socket", help="reach the bot through Socket Mode, not HTTP")
    ] = False,
) -> None:
    """Try cobro in a terminal, with no Slack workspace: the real bot, a fake Slack, sample data."""
    from demo.terminal import run_demo

    run_demo(script=script, now=now, workdir=workdir, socket=socket)


@cli.command()
def run() -> None:
    """Start the bot and its scheduler (Socket Mode if SLACK_APP_TOKEN, else HTTP on PORT)."""
    from bot.core.clock import OffsetClock, SystemClock
    from bot.core.scheduler import build_scheduler
    from handlers.app import create_bolt_app
    from handlers.context import Deps
    from handlers.notify.jobs import Jobs

    settings = settings_or_exit()
    lang = settings.cobro_language
    if settings.slack_bot_token is None:
        fail(t("run.no_token", lang))
    if settings.slack_app_token is None and settings.slack_signing_secret is None:
        fail(t("run.no_signing_secret", lang))
    configure_logging(settings)
    client = _checked_client(settings)
    start = settings.cobro_now
    clock = (
        OffsetClock(start if start.tzinfo else start.replace(tzinfo=settings.tz))
        if start
        else SystemClock()
    )
    with database(settings) as db:
        deps = Deps(settings=settings, db=db, clock=clock, directory=directory_for(settings))
        app = create_bolt_app(deps, client=client)
        from handlers.painter import warm

        warm()  # the charts' process, started before the day's first report
        _prepare_search(db)
        jobs = Jobs(deps, client)
        scheduler = build_scheduler(
            settings,
            clock,
            digest=jobs.digest,
            deliver=lambda: jobs.deliver(),
            nudges=jobs.nudges,
            report=jobs.report,
        )
        scheduler.start()
        try:
            _serve(settings, app, lang)
        finally:
            # Before the interpreter shuts down: a job falling due meanwhile (a catch-up a
            # second after start) would otherwise be handed to an executor that refuses it.
            # Jobs are transactions and outbox leases, so one cut short is taken up again.
            scheduler.shutdown(wait=False)


def _prepare_search(db: Any) -> None:
    """The customers' names read into memory beside the start, not at the first typo."""
    import logging
    import threading

    from bot.customers.service import prepare_search

    def prepare() -> None:
        try:
            prepare_search(db)
        except Exception:  # a courtesy: the first search reads them if this could not
            logging.getLogger("cobro").warning(
                "could not read the customers' names ahead", exc_info=True
            )

    threading.Thread(target=prepare, name="cobro-search-names", daemon=True).start()


def _serve(settings: Settings, app: Any, lang: Lang) -> None:
    """Serve Slack until SIGTERM or Ctrl-C: Socket Mode with an app token, else HTTP."""
    if settings.slack_app_token is not None:
        from handlers.socket_mode import SocketModeRefused, SocketModeRunner

        runner = SocketModeRunner(app, settings.slack_app_token.get_secret_value())
        try:
            runner.start()
        except SocketModeRefused as refused:
            fail(t("run.bad_app_token", lang, error=refused.error))
        except Exception as exc:  # connection refused, DNS, TLS: say where, not a trace
            fail(t("run.unreachable", lang, error=f"{type(exc).__name__}: {exc}"), 1)
        out.print(t("run.socket_mode", lang))
        runner.serve_forever()  # until SIGTERM or Ctrl-C: then a goodbye to Slack
        return
    from handlers.server import HttpServer

    secret = settings.slack_signing_secret
    server = HttpServer(
        app, signing_secret=secret.get_secret_value() if secret else None, port=settings.port
    )
    out.print(t("run.listening", lang, port=server.port))
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        server.close()


def _checked_client(settings: Settings) -> Any:
    """The Web API client, after `auth.test` proved the token (a clear exit otherwise)."""
    from slack_sdk.errors import SlackApiError

    from handlers.notify.client import make_web_client

    client = make_web_client(settings)
    try:
        client.auth_test()
    except SlackApiError as exc:
        fail(t("run.bad_token", settings.cobro_language, error=exc.response.get("error", "?")))
    except Exception as exc:  # connection refused, DNS, TLS: say where, not a trace
        fail(t("run.unreachable", settings.cobro_language, error=f"{type(exc).__name__}: {exc}"), 1)
    return client


def directory_for(settings: Settings) -> Directory | None:
    """The Slack directory when a token is configured; the CLI works offline without it."""
    if settings.slack_bot_token is None:
        return None
    from handlers.notify.client import make_web_client
    from handlers.notify.directory import SlackDirectory

    return SlackDirectory(make_web_client(settings))


@db_cli.command("upgrade")
def db_upgrade() -> None:
    """Apply database migrations (cobro run also does it at start)."""
    from models.migrate import current_revision

    settings = settings_or_exit()
    with database(settings) as db:
        revision = current_revision(db.kw["bind"])
    out.print(t("db.upgraded", settings.cobro_language, revision=revision))


@import_cli.command("customers")
def import_customers(
    file: FileArg,
    map: MapOption = None,
    date_format: DateFormatOption = "DMY",
    sheet: SheetOption = None,
    dry_run: DryRunOption = False,
    unassigned: UnassignedOption = None,
) -> None:
    """Upsert customers and their contacts."""
    _import("customers", file, map, date_format, sheet, dry_run, unassigned)


@import_cli.command("invoices")
def import_invoices(
    file: FileArg,
    map: MapOption = None,
    date_format: DateFormatOption = "DMY",
    sheet: SheetOption = None,
    dry_run: DryRunOption = False,
) -> None:
    """Upsert invoices by number."""
    _import("invoices", file, map, date_format, sheet, dry_run, None)


@import_cli.command("payments")
def import_payments(
    file: FileArg,
    map: MapOption = None,
    date_format: DateFormatOption = "DMY",
    sheet: SheetOption = None,
    dry_run: DryRunOption = False,
) -> None:
    """Record payments (idempotent on reference)."""
    _import("payments", file, map, date_format, sheet, dry_run, None)


def _import(
    kind: str,
    file: Path,
    pairs: list[str] | None,
    date_format: str,
    sheet: str | None,
    dry_run: bool,
    unassigned: str | None,
) -> None:
    """One import, its summary printed; refused (exit 2) with every bad cell listed."""
    from bot.core.errors import ImportRejected
    from bot.imports.service import import_file

    settings = settings_or_exit()
    options, unassigned_ok = _import_options(settings, pairs, date_format, sheet, unassigned)
    now = _now(settings)

    def work(c: CliContext, progress: Callable[[int], None]) -> Any:
        try:
            return import_file(
                c.db,
                file,
                kind=kind,
                options=options,
                directory=directory_for(c.settings) if kind == "customers" else None,
                unassigned_ok=unassigned_ok,
                default_currency=c.settings.default_currency,
                calendar=c.policy.calendar,
                today=c.policy.today(now),
                dry_run=dry_run,
                progress=progress,
            )
        except ImportRejected as refused:
            if not dry_run:
                raise
            closing = t("import.dry_run_refused", c.lang, count=refused.rows)
            fail("\n".join([*refused.lines(c.lang), closing]))

    run_import(file, work)


def _import_options(
    settings: Settings,
    pairs: list[str] | None,
    date_format: str,
    sheet: str | None,
    unassigned: str | None,
) -> tuple[Any, bool]:
    from bot.imports.columns import read_options

    lang = settings.cobro_language
    options, problems = read_options(
        locale=settings.locale,
        country=settings.cobro_country,
        date_format=date_format,
        pairs=pairs or [],
        sheet=sheet,
    )
    if unassigned is not None and unassigned.strip().lower() != "ok":
        problems.append(("cli.bad_unassigned", unassigned))
    if problems:
        fail("\n".join(t(key, lang, value=value) for key, value in problems))
    return options, unassigned is not None


def _now(settings: Settings) -> datetime:
    """COBRO_NOW when set (trying cobro out, tests), else now, in the team's zone."""
    start = settings.cobro_now
    if start is None:
        return datetime.now(settings.tz)
    return start if start.tzinfo else start.replace(tzinfo=settings.tz)


@import_cli.command("watch")
def import_watch(
    folder: Annotated[Path, typer.Argument(help="the folder the ERP drops its exports into")],
    once: Annotated[bool, typer.Option("--once", help="one round, then exit (for cron)")] = False,
    interval: Annotated[float, typer.Option(help="seconds between rounds")] = 30.0,
    map: MapOption = None,
    date_format: DateFormatOption = "DMY",
    sheet: SheetOption = None,
    unassigned: UnassignedOption = None,
) -> None:
    """Import each new file of FOLDER once, move it to procesados/ or rechazados/, tell the
    admins in Slack. Exits 2 after a round (--once) that refused a file."""
    import time

    from bot.core.clock import SystemClock
    from bot.imports.service import sync_folder
    from handlers.context import Deps
    from handlers.notify.notifier import SlackNotifier

    settings = settings_or_exit()
    lang = settings.cobro_language
    if not folder.is_dir():
        fail(t("sync.no_folder", lang, folder=str(folder)))
    options, unassigned_ok = _import_options(
        settings, pairs=map, date_format=date_format, sheet=sheet, unassigned=unassigned
    )
    configure_logging(settings)
    if not once:
        out.print(t("sync.watching", lang, folder=str(folder)))
    with database(settings) as db:
        deps = Deps(settings=settings, db=db, clock=SystemClock())
        while True:
            now = _now(settings)
            synced = sync_folder(
                db,
                folder,
                now=now,
                today=deps.policy().today(now),
                notifier=SlackNotifier(settings),
                lang=lang,
                options=options,
                default_currency=settings.default_currency,
                calendar=deps.policy().calendar,
                directory=directory_for(settings),
                unassigned_ok=unassigned_ok,
                settle=0.0 if once else 2.0,
            )
            for done in synced:
                out.print("\n".join(done.lines(lang)), markup=False, highlight=False)
            if once and not synced:
                out.print(t("sync.nothing", lang, folder=str(folder)))
            if synced and settings.slack_bot_token is not None:
                _deliver(deps, wait=DELIVERY_WAIT_SECONDS if once else 0.0)
            if once:
                if any(not done.imported for done in synced):
                    raise typer.Exit(2)
                return
            time.sleep(interval)


def _deliver(deps: Any, *, wait: float) -> None:
    from handlers.notify.client import make_web_client
    from handlers.notify.jobs import Jobs

    Jobs(deps, make_web_client(deps.settings)).deliver(wait_seconds=wait)


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
    from bot.team.rules import parse_role
    from bot.team.service import add_team_member

    def work(c: CliContext) -> str:
        added = add_team_member(
            c.db,
            actor_id=None,
            reference=user,
            role=parse_role(role),
            supervisor=supervisor,
            name=name,
            directory=directory_for(c.settings),
        )
        return t("team.added", c.lang, name=added.name, role=t(f"role.{added.role.value}", c.lang))

    out.print(try_domain(work))


@team_cli.command("remove")
def team_remove(user: Annotated[str, typer.Argument(help="Slack id (U…) or email")]) -> None:
    """Take someone off the team (their history stays)."""
    from bot.team.service import remove_team_member

    def work(c: CliContext) -> str:
        removed = remove_team_member(c.db, actor_id=None, reference=user)
        return t("team.removed", c.lang, name=removed.name)

    out.print(try_domain(work))


@team_cli.command("reassign")
def team_reassign(
    giver: Annotated[
        str, typer.Argument(metavar="FROM", help="whose customers: Slack id, email or @name")
    ],
    taker: Annotated[str, typer.Argument(metavar="TO", help="the collector who takes them")],
    customers: Annotated[
        str | None, typer.Option(help="only these customer ids, comma-separated (C1,C2)")
    ] = None,
) -> None:
    """Move FROM's customers (or only --customers) to TO, with their open tasks and pending
    promises; each customer's history records it."""
    from bot.supervision.rules import customer_list
    from bot.supervision.service import reassign

    def work(c: CliContext) -> str:
        moved = reassign(
            c.db,
            actor_id=None,
            giver=giver,
            taker=taker,
            customers_named=customer_list(customers),
            now=_now(c.settings),
        )
        return t(
            "supervision.moved",
            c.lang,
            giver=moved.from_name,
            taker=moved.to_name,
            customers=t("supervision.moved.customers", c.lang, count=moved.customers),
            tasks=t("supervision.moved.tasks", c.lang, count=moved.tasks),
            promises=t("supervision.moved.promises", c.lang, count=moved.promises),
        )

    out.print(try_domain(work), markup=False, highlight=False, soft_wrap=True)


@team_cli.command("check")
def team_check() -> None:
    """Ask Slack about every member: whoever was deactivated leaves the team, their accounts
    count as orphans, and the admins are told (needs SLACK_BOT_TOKEN)."""
    from bot.supervision.service import check_members
    from handlers.context import Deps
    from handlers.notify.notifier import SlackNotifier

    def work(c: CliContext) -> str:
        directory = directory_for(c.settings)
        if directory is None:
            fail(t("supervision.check_needs_slack", c.lang))
        checked = check_members(
            c.db,
            directory=directory,
            now=_now(c.settings),
            lang=c.lang,
            notifier=SlackNotifier(c.settings),
        )
        if checked.outbox_keys:
            from bot.core.clock import SystemClock

            _deliver(
                Deps(settings=c.settings, db=c.db, clock=SystemClock()), wait=DELIVERY_WAIT_SECONDS
            )
        if not checked.left:
            return t("supervision.check_all_here", c.lang, count=checked.members)
        return t(
            "supervision.check_left", c.lang, names=", ".join(checked.left), count=len(checked.left)
        )

    out.print(try_domain(work), markup=False, highlight=False, soft_wrap=True)


@team_cli.command("list")
def team_list() -> None:
    """Show the team."""
    from rich.table import Table

    from bot.team.service import team_members

    def work(c: CliContext) -> None:
        members = team_members(c.db)
        if not members:
            out.print(t("team.empty", c.lang))
            return
        table = Table(title=t("team.title", c.lang))
        for key in ("user", "name", "role", "supervisor", "email"):
            table.add_column(t(f"team.col.{key}", c.lang))
        for m in members:
            role = t(f"role.{m.role.value}", c.lang)
            table.add_row(m.slack_user_id, m.name, role, m.supervisor_name or "", m.email or "")
        out.print(table)

    try_domain(work)


@jobs_cli.command("run")
def jobs_run(
    job: Annotated[str, typer.Argument(help="digest | nudges | report")],
    now: NowOption = None,
) -> None:
    """Run one job once as of --now, then deliver pending messages (retrying a few minutes)."""
    from bot.core.clock import OffsetClock, SystemClock
    from handlers.context import Deps
    from handlers.notify.client import make_web_client
    from handlers.notify.jobs import Jobs

    settings = settings_or_exit()
    lang = settings.cobro_language
    if job not in JOBS:
        fail(t("cli.unknown_job", lang, job=job, jobs=", ".join(JOBS)))
    if settings.slack_bot_token is None:
        fail(t("run.no_token", lang))
    moment = parse_moment(now, settings.tz, lang)
    clock = OffsetClock(moment) if moment else SystemClock()
    configure_logging(settings)
    with database(settings) as db:
        jobs = Jobs(Deps(settings=settings, db=db, clock=clock), make_web_client(settings))
        message, delivered = JOBS[job](jobs, clock.now(), settings)
    out.print(message)
    if delivered.failed:
        raise typer.Exit(1)


DELIVERY_WAIT_SECONDS = 180.0


def _digest(jobs: Jobs, now: datetime, settings: Settings) -> tuple[str, Any]:
    result = jobs.enqueue_digest(now)
    sent = jobs.deliver(wait_seconds=DELIVERY_WAIT_SECONDS)
    key = "cli.digest_done" if result.ran else f"cli.digest_{result.reason}"
    lang = settings.cobro_language
    return t(
        key,
        lang,
        day=result.day.isoformat(),
        collectors=t("cli.collectors", lang, count=result.digests),
        delivery=_delivery(sent, lang),
    ), sent


def _delivery(sent: Any, lang: Any) -> str:
    return t(
        "cli.delivery",
        lang,
        sent=t("cli.sent", lang, count=sent.sent),
        failed=t("cli.failed_count", lang, count=sent.failed),
    )


def _nudges(jobs: Jobs, now: datetime, settings: Settings) -> tuple[str, Any]:
    result = jobs.enqueue_nudges(now)
    sent = jobs.deliver(wait_seconds=DELIVERY_WAIT_SECONDS)
    key = "cli.nudges_done" if result.ran else f"cli.nudges_{result.reason}"
    return t(
        key,
        settings.cobro_language,
        day=now.astimezone(settings.tz).strftime("%Y-%m-%d %H:%M"),
        written=sum(result.written.values()),
        sent=sent.sent,
        failed=sent.failed,
    ), sent


def _report(jobs: Jobs, now: datetime, settings: Settings) -> tuple[str, Any]:
    result = jobs.enqueue_report(now)
    sent = jobs.deliver(wait_seconds=DELIVERY_WAIT_SECONDS)
    key = "cli.report_done" if result.ran else f"cli.report_{result.reason}"
    return t(
        key, settings.cobro_language, day=result.day.isoformat(), sent=sent.sent, failed=sent.failed
    ), sent


# The jobs `cobro jobs run` knows: each runs once as of --now, then delivers what it wrote.
JOBS: dict[str, Callable[[Jobs, datetime, Settings], tuple[str, Any]]] = {
    "digest": _digest,
    "nudges": _nudges,
    "report": _report,
}


@cli.command("parse-date")
def parse_date(
    texts: Annotated[
        list[str] | None, typer.Argument(help="phrases; none: one per line on stdin")
    ] = None,
    now: NowOption = None,
    tz: Annotated[str | None, typer.Option(help="IANA time zone (default COBRO_TIMEZONE)")] = None,
) -> None:
    """Show how date phrases are understood: one JSON object per line.

    Exits 2 when any phrase could not be read (its line says why)."""
    from bot.core.cli import date_settings_or_exit, parse_dates

    settings = date_settings_or_exit()
    phrases = texts if texts else (line.rstrip("\n") for line in sys.stdin)
    if not parse_dates(settings, phrases, now=now, tz=tz):
        raise typer.Exit(2)


def main() -> None:
    """Every failure is one message and exit 1 (2 for bad input): never a traceback."""
    try:
        localize_help(typer.main.get_command(cli), fallback_lang())(prog_name="cobro")
    except KeyboardInterrupt:
        sys.exit(130)
    except typer.Exit as done:
        sys.exit(done.exit_code)
    except Exception as exc:
        try:
            fail(unexpected_failure(exc), 1)
        except typer.Exit as done:
            sys.exit(done.exit_code)


if __name__ == "__main__":
    main()
