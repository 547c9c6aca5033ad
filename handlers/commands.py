"""The /cobro slash command: parse the text, call one service, answer privately."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, App, BoltContext, Respond
from slack_sdk import WebClient

from bot import services
from bot.commands import (
    TEAM_ADD_WORDS,
    TEAM_REMOVE_WORDS,
    Command,
    CommandName,
    UnknownCommand,
    parse_command,
)
from bot.errors import BadInput, CobroError
from bot.i18n import Lang, error_text, t
from bot.team import parse_role
from bot.text import fold
from handlers.blocks.agenda import AgendaView, agenda_title, build_agenda_messages
from handlers.blocks.call import build_customer_choices
from handlers.blocks.common import escape, message
from handlers.blocks.help import build_coming_soon, build_help
from handlers.blocks.promises import build_promise_list
from handlers.blocks.report import build_report, report_title
from handlers.blocks.tasks import build_task_list
from handlers.blocks.team import build_team
from handlers.call_modal import open_call_modal
from handlers.context import Deps, Member
from handlers.customer_actions import card_payload, export_history
from handlers.directory import SlackDirectory
from handlers.ids import SLASH_COMMAND
from handlers.notifier import report_files


def register(app: App) -> None:
    app.command(SLASH_COMMAND)(on_cobro)


def on_cobro(
    ack: Ack,
    body: dict[str, Any],
    context: BoltContext,
    client: WebClient,
    respond: Respond,
) -> None:
    """Quick answers go back in the ack itself; slower ones are acked first, then sent."""
    lang: Lang = context["lang"]
    parsed = parse_command(body.get("text", ""))
    if isinstance(parsed, UnknownCommand):
        ack(
            response_type="ephemeral",
            **build_help(lang, unknown=parsed.word, suggestion=parsed.suggestion),
        )
        return
    slow = _SLOW_HANDLERS.get(parsed.name)
    if slow is not None:
        ack()
        try:
            slow(parsed, body, context["deps"], context["member"], lang, client, respond)
        except CobroError as error:
            respond(response_type="ephemeral", **message(error_text(error, lang)))
        return
    handler = _HANDLERS.get(parsed.name)
    if handler is None:
        ack(response_type="ephemeral", **build_coming_soon(parsed.typed or parsed.name.value, lang))
        return
    try:
        payload = handler(parsed, context["deps"], context["member"], lang, client)
    except CobroError as error:
        payload = message(error_text(error, lang))
    ack(response_type="ephemeral", **payload)


def _help(command: Command, deps: Deps, member: Member, lang: Lang, client: WebClient) -> dict:
    return build_help(lang)


def _team(command: Command, deps: Deps, member: Member, lang: Lang, client: WebClient) -> dict:
    if not command.args:
        return build_team(services.team_members(deps.db), lang)
    verb, rest = fold(command.args[0]), command.args[1:]
    if verb in TEAM_ADD_WORDS:
        if len(rest) not in (2, 4) or (len(rest) == 4 and fold(rest[2]) != "supervisor"):
            raise BadInput("team.add_usage")
        added = services.add_team_member(
            deps.db,
            actor_id=member.id,
            reference=rest[0],
            role=parse_role(rest[1]),
            supervisor=rest[3] if len(rest) == 4 else None,
            directory=deps.directory or SlackDirectory(client),
        )
        return message(
            t("team.added", lang, name=escape(added.name), role=t(f"role.{added.role.value}", lang))
        )
    if verb in TEAM_REMOVE_WORDS:
        if len(rest) != 1:
            raise BadInput("team.remove_usage")
        removed = services.remove_team_member(deps.db, actor_id=member.id, reference=rest[0])
        return message(t("team.removed", lang, name=escape(removed.name)))
    raise BadInput("team.add_usage")


def _today(
    command: Command,
    body: dict[str, Any],
    deps: Deps,
    member: Member,
    lang: Lang,
    client: WebClient,
    respond: Respond,
) -> None:
    """The agenda may take a moment, so it goes back through response_url."""
    policy = deps.policy()
    result = services.agenda_today(
        deps.db,
        requester_id=member.id,
        target=command.args[0] if command.args else None,
        now=deps.clock.now(),
        policy=policy,
    )
    view = AgendaView(
        agenda=result.agenda,
        collector_name=result.collector_name,
        company=deps.settings.cobro_company,
        policy=policy,
        title=agenda_title(
            result.agenda.day, lang, result.collector_name if result.for_someone_else else None
        ),
        shifted=result.shifted,
    )
    for payload in build_agenda_messages(view, lang):
        respond(response_type="ephemeral", replace_original=False, **payload)


def _one_customer(
    command: Command,
    deps: Deps,
    lang: Lang,
    respond: Respond,
    *,
    for_call: bool,
) -> int | None:
    """The customer the user named, or None after telling them (none found, or a choice of
    several: buttons to pick one)."""
    if not command.rest:
        respond(
            response_type="ephemeral",
            **message(t("customer.need_query", lang, word=command.typed or command.name.value)),
        )
        return None
    matches = services.find_customers(deps.db, command.rest)
    if len(matches) == 1:
        return matches[0].id
    if not matches:
        respond(
            response_type="ephemeral",
            **message(t("customer.none", lang, query=escape(command.rest))),
        )
    else:
        respond(
            response_type="ephemeral", **build_customer_choices(matches, lang, for_call=for_call)
        )
    return None


def _call(
    command: Command,
    body: dict[str, Any],
    deps: Deps,
    member: Member,
    lang: Lang,
    client: WebClient,
    respond: Respond,
) -> None:
    customer_id = _one_customer(command, deps, lang, respond, for_call=True)
    if customer_id is not None:
        open_call_modal(
            client, trigger_id=body["trigger_id"], deps=deps, member=member, customer_id=customer_id
        )


def _customer(
    command: Command,
    body: dict[str, Any],
    deps: Deps,
    member: Member,
    lang: Lang,
    client: WebClient,
    respond: Respond,
) -> None:
    customer_id = _one_customer(command, deps, lang, respond, for_call=False)
    if customer_id is not None:
        respond(response_type="ephemeral", **card_payload(deps, customer_id, lang))


def _history(
    command: Command,
    body: dict[str, Any],
    deps: Deps,
    member: Member,
    lang: Lang,
    client: WebClient,
    respond: Respond,
) -> None:
    customer_id = _one_customer(command, deps, lang, respond, for_call=False)
    if customer_id is not None:
        export_history(
            deps,
            member,
            lang,
            customer_id,
            client,
            lambda payload: respond(response_type="ephemeral", **payload),
        )


def _promises(command: Command, deps: Deps, member: Member, lang: Lang, client: WebClient) -> dict:
    today = deps.today()
    promises = services.my_promises(
        deps.db, member_id=member.id, currency=deps.settings.cobro_currency
    )
    return build_promise_list(promises, lang, today)


def _tasks(command: Command, deps: Deps, member: Member, lang: Lang, client: WebClient) -> dict:
    today = deps.today()
    return build_task_list(services.my_tasks(deps.db, member_id=member.id, lang=lang), lang, today)


def _report(
    command: Command,
    body: dict[str, Any],
    deps: Deps,
    member: Member,
    lang: Lang,
    client: WebClient,
    respond: Respond,
) -> None:
    """The summary here, privately; the charts and the CSV in the requester's DM."""
    report = services.control_report(
        deps.db,
        member_id=member.id,
        words=command.args,
        now=deps.clock.now(),
        policy=deps.policy(),
        currency=deps.settings.cobro_currency,
    )
    period = report.current.period
    stem = f"control-{period.start.isoformat()}-{period.end.isoformat()}"
    files = report_files(report, lang, stem, names=True)  # drawn first: then all goes at once
    respond(
        response_type="ephemeral",
        **build_report(report, lang, files_note=t("report.files", lang)),
    )
    dm = client.conversations_open(users=member.slack_user_id)["channel"]["id"]
    client.files_upload_v2(
        channel=dm,
        initial_comment=report_title(report, lang),
        file_uploads=[{"content": f.content, "filename": f.name, "title": f.title} for f in files],
    )


# Answered after the ack: they compute agendas, search, open modals or upload files.
_SLOW_HANDLERS = {
    CommandName.TODAY: _today,
    CommandName.REPORT: _report,
    CommandName.CALL: _call,
    CommandName.CUSTOMER: _customer,
    CommandName.HISTORY: _history,
}

# Answered in the ack itself: a few indexed rows at most.
_HANDLERS = {
    CommandName.HELP: _help,
    CommandName.PROMISES: _promises,
    CommandName.TASKS: _tasks,
    CommandName.TEAM: _team,
}
