"""The team list, as `/cobro equipo` shows it."""

from __future__ import annotations

from typing import Any

from bot.core.i18n import Lang, t
from bot.team.rules import MemberView
from handlers.blocks.common import escape, header, message, section


def build_team(members: list[MemberView], lang: Lang) -> dict[str, Any]:
    title = t("team.title", lang)
    if not members:
        return message(t("team.empty", lang), [header(title), section(t("team.empty", lang))])
    lines = []
    for member in members:
        boss = (
            t("team.supervised_by", lang, supervisor=escape(member.supervisor_name))
            if member.supervisor_name
            else ""
        )
        lines.append(
            f"• <@{member.slack_user_id}> "
            + t(
                "team.line",
                lang,
                name=escape(member.name),
                role=t(f"role.{member.role.value}", lang),
                supervisor=boss,
            )
        )
    blocks: list[dict[str, Any]] = [header(title)]
    chunk: list[str] = []
    for line in lines:
        if sum(len(x) + 1 for x in chunk) + len(line) > 2900:
            blocks.append(section("\n".join(chunk)))
            chunk = []
        chunk.append(line)
    blocks.append(section("\n".join(chunk)))
    return message(f"{title}: {len(members)}", blocks[:50])
