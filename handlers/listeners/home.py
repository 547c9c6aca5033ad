"""The App Home tab, "Mi día": published when it is opened and after every change a member
makes."""

from __future__ import annotations

import logging
from functools import partial
from typing import Any

from slack_bolt import App, BoltContext
from slack_sdk import WebClient

from bot.agenda.service import my_day
from bot.supervision.service import team_day
from handlers.blocks.agenda import AgendaView, agenda_title
from handlers.blocks.home import build_home, build_home_stranger
from handlers.blocks.supervision import build_team_section, with_team_section
from handlers.context import Deps, Member
from handlers.later import queue
from handlers.notify.delivery import deliver_now

log = logging.getLogger(__name__)


def register(app: App) -> None:
    app.event("app_home_opened")(on_home_event)


def on_home_event(
    event: dict[str, Any], body: dict[str, Any], context: BoltContext, client: WebClient
) -> None:
    """Bolt acks events before this runs; the Home is drawn on the pool, in the user's turn,
    so a burst of Home openings does not take the threads that ack everyone else."""
    queue(context, body, client, None, partial(on_home_opened, event, context, client))


def on_home_opened(event: dict[str, Any], context: BoltContext, client: WebClient) -> None:
    if event.get("tab") not in (None, "home"):
        return
    member: Member | None = context.get("member")
    if member is None:
        client.views_publish(user_id=event["user"], view=build_home_stranger(context["lang"]))
        return
    publish_home(client, context["deps"], member)


def publish_home(client: WebClient, deps: Deps, member: Member) -> None:
    """(Re)publish a member's Home tab."""
    policy = deps.policy()
    day = my_day(
        deps.db,
        member_id=member.id,
        now=deps.clock.now(),
        policy=policy,
        currency=deps.settings.cobro_currency,
    )
    view = AgendaView(
        agenda=day.agenda,
        collector_name=member.name,
        company=deps.settings.cobro_company,
        policy=policy,
        title=agenda_title(day.agenda.day, member.lang),
        at=deps.clock.now().astimezone(policy.tz).time(),
    )
    # A supervisor or admin sees their team's day first (a collector gets None); their own
    # part is built in the room the team's section leaves, so none of its sections is cut.
    team = team_day(deps.db, member_id=member.id, now=deps.clock.now(), policy=policy)
    team_blocks = build_team_section(team, member.lang) if team is not None else []
    home = build_home(day, view, member.lang, reserved=len(team_blocks))
    if team_blocks:
        home = with_team_section(home, team_blocks)
    client.views_publish(user_id=member.slack_user_id, view=home)


def refresh_home(deps: Deps, client: WebClient, member: Member) -> None:
    """A change (a call logged, a task done) shows on the Home tab at once. A courtesy: a
    failure here is logged, never shown, since the change itself is already stored."""
    try:
        publish_home(client, deps, member)
    except Exception:
        log.warning("could not refresh the Home tab", exc_info=True)


def settle(deps: Deps, client: WebClient, member: Member, keys: list[str]) -> None:
    """After a change was stored and its modal closed: send what it wrote to the outbox and
    show it on the Home tab (on the pool, after the ack)."""
    deliver_now(deps, client, keys)
    refresh_home(deps, client, member)
