"""What a supervisor acts from: the team section of their Home, the reassign modal, the
buttons of an escalated account, the orphan select, the list of accounts handed over."""

from __future__ import annotations

from typing import Any

from bot.agenda.rules import Account
from bot.core.i18n import Lang, t
from bot.core.i18n.formats import short_day
from bot.supervision.rules import CollectorDay, HandedOver, Moved, TeamDay
from handlers.blocks.amounts import amounts_text
from handlers.blocks.common import button, context, divider, escape, header, message, section
from handlers.blocks.inputs import input_block, modal, option, select, text_input, user_select
from handlers.ids import Action, Callback
from handlers.metadata import ReassignMeta

# The team section's share of the Home's 100 blocks: a header, the totals, two blocks a
# collector (20 shown), a "more" line and a divider.
TEAM_SECTION_LIMIT = 45
LEGAL_SHOWN = 40


def _collector_blocks(c: CollectorDay, lang: Lang) -> list[dict[str, Any]]:
    value = c.slack_user_id  # what /cobro hoy @luis takes: the buttons answer the same
    line = t(
        "home.team.line",
        lang,
        name=escape(c.name),
        planned=c.planned,
        done=c.done,
        broken=c.broken,
        overdue=c.overdue_tasks,
        escalated=c.escalated,
    )
    return [
        section(line),
        {
            "type": "actions",
            "block_id": f"team-{c.member_id}",
            "elements": [
                button(t("home.team.day", lang), Action.TEAM_DAY.value, value),
                button(t("home.team.tasks", lang), Action.TEAM_TASKS.value, value),
                button(t("home.team.promises", lang), Action.TEAM_PROMISES.value, value),
                button(t("home.team.reassign", lang), Action.TEAM_REASSIGN.value, value),
            ],
        },
    ]


def build_team_section(team: TeamDay, lang: Lang) -> list[dict[str, Any]]:
    """The supervisor's team, so far today: at most TEAM_SECTION_LIMIT blocks."""
    blocks: list[dict[str, Any]] = [header(t("home.team.title", lang))]
    if not team.collectors:
        blocks += [section(t("home.team.none", lang)), divider()]
        return blocks
    day = short_day(team.day, lang)
    blocks.append(
        context(t("home.team.totals", lang, day=day, done=team.done, planned=team.planned))
    )
    shown = min(
        len(team.collectors), (TEAM_SECTION_LIMIT - 4) // 2
    )  # header, totals, more, divider
    for collector in team.collectors[:shown]:
        blocks.extend(_collector_blocks(collector, lang))
    more = team.more + len(team.collectors) - shown
    if more:
        blocks.append(context(t("home.team.more", lang, count=more)))
    blocks.append(divider())
    return blocks


def with_team_section(
    home: dict[str, Any], team_blocks: list[dict[str, Any]], limit: int = 100
) -> dict[str, Any]:
    """The Home with the team first, after its title and greeting; the member's own part
    gives up its last blocks so the whole stays within Slack's limit."""
    blocks = home.get("blocks") or []
    head, rest = blocks[:2], blocks[2:]
    room = max(0, limit - len(head) - len(team_blocks))
    return {**home, "blocks": head + team_blocks + rest[:room]}


def build_reassign_modal(giver: str, lang: Lang) -> dict[str, Any]:
    """Whose portfolio is said as a mention (`<@U…>`): Slack shows the person's name."""
    return modal(
        callback_id=Callback.REASSIGN_PORTFOLIO.value,
        title=t("reassign.title", lang),
        submit=t("reassign.submit", lang),
        close=t("call.cancel", lang),
        blocks=[
            section(t("reassign.intro", lang, name=f"<@{giver}>")),
            input_block("assignee", t("reassign.to", lang), user_select("assignee")),
            {
                **input_block(
                    "customers",
                    t("reassign.customers", lang),
                    text_input("customers", max_length=2000),
                    hint=t("reassign.customers_hint", lang),
                ),
                "optional": True,
            },
        ],
        metadata=ReassignMeta(giver=giver),
    )


def moved_text(moved: Moved, lang: Lang) -> str:
    return t(
        "supervision.moved",
        lang,
        giver=escape(moved.from_name),
        taker=escape(moved.to_name),
        customers=t("supervision.moved.customers", lang, count=moved.customers),
        tasks=t("supervision.moved.tasks", lang, count=moved.tasks),
        promises=t("supervision.moved.promises", lang, count=moved.promises),
    )


def build_moved_view(moved: Moved, lang: Lang) -> dict[str, Any]:
    """What the reassign modal turns into once the move is stored."""
    return {
        "type": "modal",
        "title": {"type": "plain_text", "text": t("reassign.done_title", lang)[:24]},
        "close": {"type": "plain_text", "text": t("supervision.close", lang)[:24]},
        "blocks": [section(moved_text(moved, lang))],
    }


def assigned_text(customer: str, moved: Moved, lang: Lang) -> str:
    return t(
        "supervision.assigned",
        lang,
        customer=escape(customer),
        name=escape(moved.to_name),
        tasks=t("supervision.moved.tasks", lang, count=moved.tasks),
        promises=t("supervision.moved.promises", lang, count=moved.promises),
    )


def orphan_block(
    account: Account, text: str, collectors: list[tuple[int, str]], lang: Lang
) -> dict[str, Any]:
    """One orphan account with a select of the team's collectors to give it to."""
    options = [
        option(name, f"{account.customer_id}:{member_id}") for member_id, name in collectors[:100]
    ]
    block = section(text)
    if options and account.customer_id:
        block["block_id"] = f"orphan-{account.customer_id}"
        block["accessory"] = select(
            Action.ASSIGN_ORPHAN.value, options, placeholder=t("summary.assign", lang)
        )
    return block


def escalation_buttons(customer_id: int, credit_hold: bool, lang: Lang) -> list[dict[str, Any]]:
    """Retener (or Liberar) crédito and Pasar a cobranza externa/legal, with a confirmation
    for the hand-over: it takes the account off the agenda."""
    value = str(customer_id)
    hold = (
        button(t("card.release_credit", lang), Action.CREDIT_RELEASE.value, value)
        if credit_hold
        else button(t("card.hold_credit", lang), Action.CREDIT_HOLD.value, value)
    )
    hand_over = button(t("card.hand_over", lang), Action.HAND_OVER.value, value, style="danger")
    hand_over["confirm"] = {
        "title": {"type": "plain_text", "text": t("hand_over.confirm_title", lang)[:100]},
        "text": {"type": "mrkdwn", "text": t("hand_over.confirm_text", lang)},
        "confirm": {"type": "plain_text", "text": t("hand_over.confirm", lang)[:30]},
        "deny": {"type": "plain_text", "text": t("hand_over.deny", lang)[:30]},
    }
    return [hold, hand_over]


def build_handed_over(items: list[HandedOver], lang: Lang, currency: str) -> dict[str, Any]:
    """`/cobro legal`: the accounts handed over, latest first."""
    title = t("legal.title", lang)
    if not items:
        return message(t("legal.empty", lang))
    lines = [
        t(
            "legal.line",
            lang,
            name=escape(h.name),
            id=escape(h.external_id),
            balance=amounts_text(h.balances, lang, currency),
            day=short_day(h.since, lang),
            collector=escape(h.collector) if h.collector else t("summary.no_collector", lang),
        )
        for h in items[:LEGAL_SHOWN]
    ]
    blocks: list[dict[str, Any]] = [header(title)]
    for start in range(0, len(lines), 10):
        blocks.append(section("\n".join(lines[start : start + 10])))
    if len(items) > LEGAL_SHOWN:
        blocks.append(context(t("legal.more", lang, count=len(items) - LEGAL_SHOWN)))
    return message(title, blocks)
