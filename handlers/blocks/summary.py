"""The supervisors' morning summary: every collector with today's calls and the previous
business day's plan against what was done. Customer names and amounts appear only when the
channel is private: debt details are confidential."""

from __future__ import annotations

from typing import Any

from babel.dates import format_date

from bot.agenda.rules import Account, CollectorLine, DigestSummary
from bot.core.i18n import Lang, t
from bot.core.i18n.formats import locale_for, short_day
from bot.core.money import money
from handlers.blocks.amounts import amounts_text
from handlers.blocks.common import context, escape, header, message, section
from handlers.blocks.report import chunked
from handlers.blocks.supervision import escalation_buttons, orphan_block

_LISTED = 10


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


def collector_line(line: CollectorLine, summary: DigestSummary, lang: Lang) -> str:
    broken = t("summary.collector_broken", lang, count=line.broken) if line.broken else ""
    yesterday = ""
    if summary.yesterday is not None:
        day = format_date(summary.yesterday, "EEE d MMM", locale=locale_for(lang))
        if line.planned_yesterday is None:
            yesterday = t("summary.yesterday_no_plan", lang, day=day, count=line.done_yesterday)
        else:
            yesterday = t(
                "summary.yesterday",
                lang,
                day=day,
                planned=line.planned_yesterday,
                done=line.done_yesterday,
            )
    return t(
        "summary.collector",
        lang,
        name=escape(line.name),
        count=line.total,
        broken=broken,
        yesterday=yesterday,
    )


def build_supervisors_summary(
    summary: DigestSummary, lang: Lang, escalation_days: int, currency: str = "USD"
) -> dict[str, Any]:
    title = t("summary.title", lang, day=short_day(summary.day, lang))
    lines = [collector_line(c, summary, lang) for c in summary.collectors] or [
        t("summary.no_collectors", lang)
    ]
    blocks: list[dict[str, Any]] = [header(title)]
    if summary.yesterday is not None and summary.collectors:
        blocks.append(
            context(t("summary.yesterday_head", lang, day=short_day(summary.yesterday, lang)))
        )
    blocks.extend(section(text) for text in chunked(lines))
    totals = t(
        "summary.totals",
        lang,
        broken=summary.broken_promises,
        overdue=amounts_text(summary.overdue, lang, currency) if summary.details else "—",
    )
    blocks.append(section(totals))
    blocks.append(section(t("summary.orphans", lang, count=len(summary.orphans))))
    if summary.details:
        # Each orphan with a select of the collectors to give it to (recorded in history).
        collectors = [(c.member_id, c.name) for c in summary.collectors]
        for account in summary.orphans[:_LISTED]:
            blocks.append(orphan_block(account, _accounts([account], lang), collectors, lang))
    blocks.append(
        section(t("summary.escalated", lang, days=escalation_days, count=len(summary.escalated)))
    )
    if summary.details:
        # Each escalated account with Retener crédito and Pasar a cobranza externa/legal.
        for account in summary.escalated[:_LISTED]:
            blocks.append(section(_accounts([account], lang)))
            if account.customer_id:
                blocks.append(
                    {
                        "type": "actions",
                        "block_id": f"escalated-{account.customer_id}",
                        "elements": escalation_buttons(
                            account.customer_id, account.credit_hold, lang
                        ),
                    }
                )
    if summary.failed:
        items = ", ".join(f"{escape(ch)} ({escape(err)})" for ch, err in summary.failed[:_LISTED])
        blocks.append(section(t("summary.failed", lang, items=items)))
    if not summary.details:
        blocks.append(context(t("summary.private_only", lang)))
    return message(title, blocks)
