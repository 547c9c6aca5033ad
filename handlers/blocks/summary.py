"""The supervisors' morning summary. Customer names and amounts appear only when the channel
is private: debt details are confidential."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from bot.agenda.rules import Account, DigestSummary
from bot.core.i18n import Lang, t
from bot.core.i18n.formats import short_day
from bot.core.money import money
from handlers.blocks.common import context, escape, header, message, section

_LISTED = 10


def _amounts(amounts: dict[str, Decimal], lang: Lang) -> str:
    return " + ".join(money(v, c, lang) for c, v in sorted(amounts.items())) or money(
        Decimal(0), "USD", lang
    )


def _accounts(accounts: list[Account], lang: Lang) -> str:
    return "\n".join(
        t(
            "summary.account",
            lang,
            name=escape(a.name),
            amount=money(a.overdue, a.currency or "USD", lang),
            collector=escape(a.collector) if a.collector else t("summary.no_collector", lang),
        )
        for a in accounts[:_LISTED]
    )


def build_supervisors_summary(
    summary: DigestSummary, lang: Lang, escalation_days: int
) -> dict[str, Any]:
    title = t("summary.title", lang, day=short_day(summary.day, lang))
    lines = [
        t(
            "summary.collector",
            lang,
            name=escape(c.name),
            count=c.total,
            broken=t("summary.collector_broken", lang, count=c.broken) if c.broken else "",
        )
        for c in summary.collectors
    ] or [t("summary.no_collectors", lang)]
    blocks: list[dict[str, Any]] = [header(title), section("\n".join(lines))]
    totals = t(
        "summary.totals",
        lang,
        broken=summary.broken_promises,
        overdue=_amounts(summary.overdue, lang) if summary.details else "—",
    )
    blocks.append(section(totals))
    orphans = t("summary.orphans", lang, count=len(summary.orphans))
    if summary.details and summary.orphans:
        orphans += "\n" + _accounts(summary.orphans, lang)
    blocks.append(section(orphans))
    escalated = t("summary.escalated", lang, days=escalation_days, count=len(summary.escalated))
    if summary.details and summary.escalated:
        escalated += "\n" + _accounts(summary.escalated, lang)
    blocks.append(section(escalated))
    if summary.failed:
        items = ", ".join(f"{escape(ch)} ({escape(err)})" for ch, err in summary.failed[:_LISTED])
        blocks.append(section(t("summary.failed", lang, items=items)))
    if not summary.details:
        blocks.append(context(t("summary.private_only", lang)))
    return message(title, blocks)
