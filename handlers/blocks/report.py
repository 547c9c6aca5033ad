"""The control report as Block Kit: each figure next to the previous period's."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from bot.core.i18n import Lang, t
from bot.core.i18n.formats import number, short_day
from bot.core.money import money
from bot.core.vocabulary import ExcuseCategory
from bot.reports.rules import AGING_BUCKETS, Report, share
from handlers.blocks.common import context, divider, escape, header, message, section

SHOWN_REPEAT_BREAKERS = 10


def _pct(value: Decimal | None) -> str:
    return "—" if value is None else f"{value * 100:.0f} %"


def _num(value: Decimal | None, lang: Lang) -> str:
    return "—" if value is None else number(value, lang)


def report_title(report: Report, lang: Lang, *, weekly: bool = False) -> str:
    period = report.current.period
    key = "report.weekly_title" if weekly else "report.title"
    return t(key, lang, start=short_day(period.start, lang), end=short_day(period.end, lang))


def build_report(
    report: Report, lang: Lang, *, details: bool = True, weekly: bool = False, files_note: str = ""
) -> dict[str, Any]:
    """`details=False` (a channel that is not private): no customer names."""
    cur, prev = report.current, report.previous
    cash = report.currency

    def amount(value: Decimal) -> str:
        return money(value, cash, lang)

    scope = report.scope
    who = (
        t("report.scope_team", lang)
        if scope.member_ids is None
        else t("report.scope_mine", lang)
        if len(scope.member_ids) == 1
        else t("report.scope_of", lang, name=escape(scope.label))
    )
    vs = t(
        "report.vs",
        lang,
        start=short_day(prev.period.start, lang),
        end=short_day(prev.period.end, lang),
    )
    per_day = Decimal(cur.attempts) / report.business_days
    contacts = [
        t(
            "report.contacts",
            lang,
            attempts=cur.attempts,
            prev_attempts=prev.attempts,
            answered=cur.answered,
            prev_answered=prev.answered,
            per_day=number(per_day.quantize(Decimal("0.1")), lang),
        )
    ]
    for line in cur.contacts[:12]:
        contacts.append(
            t(
                "report.collector_line",
                lang,
                name=escape(line.name),
                attempts=line.attempts,
                answered=line.answered,
                per_day=number(
                    (Decimal(line.attempts) / report.business_days).quantize(Decimal("0.1")), lang
                ),
            )
        )
    total = sum(cur.excuses.values())
    excuses = [t("report.excuses", lang, total=total)]
    for category in sorted(ExcuseCategory, key=lambda c: -cur.excuses[c.value]):
        count = cur.excuses[category.value]
        if count or prev.excuses[category.value]:
            excuses.append(
                t(
                    "report.excuse_line",
                    lang,
                    name=t(f"excuse.{category.value}", lang),
                    count=count,
                    share=_pct(share(count, total)),
                    prev=prev.excuses[category.value],
                )
            )
    tag_total = sum(cur.hashtags.values())
    tags = ", ".join(
        f"#{escape(tag)} {count} ({_pct(share(count, tag_total))})"
        for tag, count in cur.hashtags.most_common(8)
    )
    if tags:
        excuses.append(t("report.hashtags", lang, tags=tags))
    p, pp = cur.promises, prev.promises
    promises = [
        t(
            "report.promises",
            lang,
            made=p.made,
            prev_made=pp.made,
            kept=p.kept,
            partial=p.partial,
            broken=p.broken,
            pending=p.pending,
        ),
        t(
            "report.kept_rate",
            lang,
            by_count=_pct(p.kept_rate),
            prev_count=_pct(pp.kept_rate),
            by_amount=_pct(p.kept_rate_amount),
            prev_amount=_pct(pp.kept_rate_amount),
        ),
        t(
            "report.money",
            lang,
            promised=amount(p.amount_promised),
            prev_promised=amount(pp.amount_promised),
            collected=amount(cur.collected),
            prev_collected=amount(prev.collected),
        ),
    ]
    before = report.repeat_before
    if not report.repeat_breakers:
        promises.append(t("report.repeat_none", lang, prev=before))
    elif details:
        names = ", ".join(
            f"{escape(name)} ({count})"
            for name, count in report.repeat_breakers[:SHOWN_REPEAT_BREAKERS]
        )
        promises.append(t("report.repeat", lang, names=names, prev=before))
    else:
        promises.append(
            t("report.repeat_count", lang, count=len(report.repeat_breakers), prev=before)
        )
    aging_total = sum(report.aging.values(), Decimal("0"))
    buckets = " · ".join(
        f"{t(f'report.aging.{b}', lang)} {amount(report.aging[b])} "
        f"({_pct(share(int(report.aging[b] * 100), int(aging_total * 100)))})"
        for b in AGING_BUCKETS
    )
    money_lines = [
        t(
            "report.aging",
            lang,
            total=amount(aging_total),
            prev_total=amount(sum(report.aging_before.values(), Decimal("0"))),
            buckets=buckets,
        ),
        t(
            "report.kpis",
            lang,
            dso=_num(cur.dso, lang),
            prev_dso=_num(prev.dso, lang),
            cei=_pct(cur.cei / 100 if cur.cei is not None else None),
            prev_cei=_pct(prev.cei / 100 if prev.cei is not None else None),
            days=_num(cur.days_to_pay, lang),
            prev_days=_num(prev.days_to_pay, lang),
        ),
        t(
            "report.notes",
            lang,
            share=_pct(cur.notes_share),
            total=cur.notes,
            prev_share=_pct(prev.notes_share),
        ),
    ]
    title = report_title(report, lang, weekly=weekly)
    blocks: list[dict[str, Any]] = [
        header(title),
        context(who, vs),
        section("\n".join(contacts)),
        section("\n".join(excuses)),
        divider(),
        section("\n".join(promises)),
        divider(),
        section("\n".join(money_lines)),
    ]
    if files_note:
        blocks.append(context(files_note))
    return message(title, blocks)
