"""The /cobro slash command: parse the text, call one service, answer privately.

Only what needs no database goes back in the ack itself (help, an unknown word). Everything
else is acked at once and answered from the fair pool (`handlers.later`) through the
response_url (or a modal, or a DM through the outbox). A report asked for while the same
person's previous one is still being prepared is answered at once, in the ack."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from slack_bolt import Ack, App, BoltContext, Respond
from slack_sdk import WebClient

from bot.agenda.service import agenda_today
from bot.core.commands import (
    TEAM_ADD_WORDS,
    TEAM_REMOVE_WORDS,
    Command,
    CommandName,
    UnknownCommand,
    parse_command,
)
from bot.core.errors import BadInput, CobroError
from bot.core.i18n import Lang, error_text, t
from bot.core.text import clean, fold
from bot.customers.service import find_customers
from bot.reports.service import control_report
from bot.supervision.service import handed_over_list, promises_of, tasks_of
from bot.team.rules import parse_role
from bot.team.service import add_team_member, remove_team_member, team_members
from handlers.blocks.agenda import build_today_messages
from handlers.blocks.call import build_customer_choices
from handlers.blocks.common import escape, message
from handlers.blocks.help import build_coming_soon, build_help
from handlers.blocks.promises import build_promise_list
from handlers.blocks.report import build_report
from handlers.blocks.supervision import build_handed_over
from handlers.blocks.tasks import build_task_list
from handlers.blocks.team import build_team
from handlers.context import Deps, Member, asker
from handlers.ids import SLASH_COMMAND, Action
from handlers.later import queue
from handlers.listeners.calls import open_call_modal
from handlers.listeners.customers import card_payload, export_history
from handlers.notify.delivery import deliver_now
from handlers.notify.directory import SlackDirectory

Quick = Callable[[Command, Deps, Member, Lang, WebClient], dict[str, Any]]
# A slow answer may return what is left to do once it has been answered (sending files to
# a DM): that runs as a job of its own, so the answer no longer counts as being prepared.
Slow = Callable[
    [Command, dict[str, Any], Deps, Member, Lang, WebClient, Respond], Callable[[], None] | None
]


def register(app: App) -> None:
    app.command(SLASH_COMMAND)(on_cobro)


def on_cobro(
    ack: Ack, body: dict[str, Any], context: BoltContext, client: WebClient, respond: Respond
) -> None:
    deps, member, lang = asker(context)
    parsed = parse_command(clean(str(body.get("text") or "")))
    if isinstance(parsed, UnknownCommand):
        ack(
            response_type="ephemeral",
            **build_help(lang, unknown=parsed.word, suggestion=parsed.suggestion),
        )
        return
    if parsed.name is CommandName.HELP:
        ack(response_type="ephemeral", **build_help(lang))
        return
    quick = _QUICK.get(parsed.name)
    slow = _SLOW.get(parsed.name) or (partial(_answered, quick) if quick else None)
    if slow is None:
        ack(response_type="ephemeral", **build_coming_soon(parsed.typed or parsed.name.value, lang))
        return
    kind = _ONE_AT_A_TIME.get(parsed.name)
    answer = partial(slow, parsed, body, deps, member, lang, client, respond)

    def job() -> None:
        rest = answer()
        if rest is not None:
            queue(context, body, client, respond, rest)

    if not queue(context, body, client, respond, job, kind=kind) and kind is not None:
        ack(response_type="ephemeral", **message(t(f"{kind}.already_preparing", lang)))
        return
    ack()


def _answered(
    quick: Quick,
    command: Command,
    body: dict[str, Any],
    deps: Deps,
    member: Member,
    lang: Lang,
    client: WebClient,
    respond: Respond,
) -> None:
    """A short answer that needs the database: computed after the ack, sent privately."""
    try:
        payload = quick(command, deps, member, lang, client)
    except CobroError as error:
        payload = message(error_text(error, lang, quote=escape))
    respond(response_type="ephemeral", replace_original=False, **payload)


def _team(command: Command, deps: Deps, member: Member, lang: Lang, client: WebClient) -> dict:
    if not command.args:
        return build_team(team_members(deps.db), lang)
    verb, rest = fold(command.args[0]), command.args[1:]
    if verb in TEAM_ADD_WORDS:
        if len(rest) not in (2, 4) or (len(rest) == 4 and fold(rest[2]) != "supervisor"):
            raise BadInput("team.add_usage")
        added = add_team_member(
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
        removed = remove_team_member(deps.db, actor_id=member.id, reference=rest[0])
        return message(t("team.removed", lang, name=escape(removed.name)))
    raise BadInput("team.add_usage")


def _promises(command: Command, deps: Deps, member: Member, lang: Lang, client: WebClient) -> dict:
    """`promesas`, or `promesas @luis` for a supervisor (scope checked by the service)."""
    whose, promises = promises_of(
        deps.db,
        requester_id=member.id,
        person=_one_person(command),
        currency=deps.settings.cobro_currency,
    )
    return build_promise_list(promises, lang, deps.today(), whose=whose.name)


def _tasks(command: Command, deps: Deps, member: Member, lang: Lang, client: WebClient) -> dict:
    """`tareas`, or `tareas @luis` for a supervisor."""
    whose, tasks = tasks_of(deps.db, requester_id=member.id, person=_one_person(command), lang=lang)
    return build_task_list(tasks, lang, deps.today(), whose=whose.name)


def _one_person(command: Command) -> str | None:
    """The person a list is asked for: none (mine), a mention, or `@luis` / `@luis gómez`."""
    return command.rest or None


def _legal(command: Command, deps: Deps, member: Member, lang: Lang, client: WebClient) -> dict:
    accounts = handed_over_list(deps.db, actor_id=member.id, policy=deps.policy())
    return build_handed_over(accounts, lang, deps.settings.cobro_currency)


def _today(
    command: Command,
    body: dict[str, Any],
    deps: Deps,
    member: Member,
    lang: Lang,
    client: WebClient,
    respond: Respond,
) -> None:
    policy = deps.policy()
    result = agenda_today(
        deps.db,
        requester_id=member.id,
        target=command.rest or None,
        now=deps.clock.now(),
        policy=policy,
    )
    company = deps.settings.cobro_company
    now = deps.clock.now()
    for payload in build_today_messages(result, lang, company=company, policy=policy, now=now):
        respond(response_type="ephemeral", replace_original=False, **payload)


def _one_customer(
    command: Command, deps: Deps, lang: Lang, respond: Respond, *, then: Action
) -> int | None:
    """The customer the user named, or None after telling them (none found, or a choice of
    several: buttons to pick one)."""
    if not command.rest:
        respond(
            response_type="ephemeral",
            **message(t("customer.need_query", lang, word=command.typed or command.name.value)),
        )
        return None
    matches = find_customers(deps.db, command.rest)
    if len(matches) == 1:
        return matches[0].id
    if not matches:
        respond(
            response_type="ephemeral",
            **message(t("customer.none", lang, query=escape(command.rest))),
        )
    else:
        respond(response_type="ephemeral", **build_customer_choices(matches, lang, then=then))
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
    customer_id = _one_customer(command, deps, lang, respond, then=Action.LOG_CALL)
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
    customer_id = _one_customer(command, deps, lang, respond, then=Action.VIEW_CUSTOMER)
    if customer_id is not None:
        card = card_payload(deps, customer_id, lang, viewer=member.slack_user_id)
        respond(response_type="ephemeral", **card)


def _history(
    command: Command,
    body: dict[str, Any],
    deps: Deps,
    member: Member,
    lang: Lang,
    client: WebClient,
    respond: Respond,
) -> None:
    customer_id = _one_customer(command, deps, lang, respond, then=Action.EXPORT_HISTORY)
    if customer_id is not None:
        payload = export_history(deps, member, lang, customer_id, client, _request_of(body))
        respond(response_type="ephemeral", **payload)


def _report(
    command: Command,
    body: dict[str, Any],
    deps: Deps,
    member: Member,
    lang: Lang,
    client: WebClient,
    respond: Respond,
) -> Callable[[], None]:
    """The summary here, privately; then the charts and the CSV in the requester's DM."""
    asked = control_report(
        deps.db,
        member_id=member.id,
        words=command.args,
        request=_request_of(body),
        now=deps.clock.now(),
        policy=deps.policy(),
        currency=deps.settings.cobro_currency,
        lang=lang,
        notifier=deps.notifier,
    )
    respond(
        response_type="ephemeral",
        **build_report(asked.report, lang, files_note=t("report.files", lang)),
    )
    return partial(deliver_now, deps, client, asked.outbox_keys)


def _request_of(body: dict[str, Any]) -> str:
    """A request's identity for its outbox rows: Slack's trigger id, the same on a retry."""
    return str(body.get("trigger_id") or body.get("response_url") or "")[-60:]


_SLOW: dict[CommandName, Slow] = {
    CommandName.TODAY: _today,
    CommandName.REPORT: _report,
    CommandName.CALL: _call,
    CommandName.CUSTOMER: _customer,
    CommandName.HISTORY: _history,
}

# Heavy requests a person gets one at a time: a second one while the first is on its way
# is answered at once with this kind's `<kind>.already_preparing` text.
_ONE_AT_A_TIME: dict[CommandName, str] = {CommandName.REPORT: "report"}

_QUICK: dict[CommandName, Quick] = {
    CommandName.PROMISES: _promises,
    CommandName.TASKS: _tasks,
    CommandName.TEAM: _team,
    CommandName.LEGAL: _legal,
}
