"""The control report as Block Kit: every collector of the scope (zeros shown), the team
next to the previous period, promises by the day they fell due, money per currency, and DSO
and CEI explained in one line each."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from bot.core.i18n import Lang, t
from bot.core.i18n.formats import month_in_words, number, percent, short_day
from bot.core.money import money
from bot.core.vocabulary import ExcuseCategory
from bot.reports.figures import Day, Figures
from bot.reports.rules import AGING_BUCKETS, Report, share
from handlers.blocks.amounts import amounts_text
from handlers.blocks.common import context, divider, escape, header, message, section

SHOWN_REPEAT_BREAKERS = 10
SECTION_LIMIT = 2900  # Slack's 3000, with room to spare
MAX_PEOPLE_SECTIONS = 20


def pct(value: Decimal | None, lang: Lang) -> str:
    """A share in the locale's digits; `—` only where a share of nothing sits next to its
    count (a collector's line, a chart's label): a figure compared with the previous
    period says in words why it has no value (see `_before`)."""
    return "—" if value is None else percent(value, lang)


def _before(value: str | None, lang: Lang, none_key: str) -> str:
    """The previous period's figure in words: `antes 42.1 días`, or why it had none
    (`antes sin ventas a crédito`)."""
    return t(none_key, lang) if value is None else t("report.before", lang, value=value)


def _why_no_kept_rate(day: Day, *, before: bool) -> str:
    """A kept rate needs resolved promises: none fell due, or all are still pending."""
    key = "report.none_due" if day.due == 0 else "report.none_resolved"
    return key + "_before" if before else key


def report_title(report: Report, lang: Lang, *, weekly: bool = False) -> str:
    start, end = report.current.period_start, report.current.period_end
    if report.kind == "day" and not weekly:
        return t("report.title_day", lang, day=short_day(start, lang))
    key = "report.weekly_title" if weekly else "report.title"
    return t(key, lang, start=short_day(start, lang), end=short_day(end, lang))


def scope_words(report: Report, lang: Lang) -> str:
    name = escape(report.scope_label)
    if report.scope_kind == "group":
        return t("report.scope_of", lang, name=name)
    if report.scope_kind == "mine":
        return t("report.scope_mine", lang)
    if report.scope_kind == "person":
        return t("report.scope_person", lang, name=name)
    return t("report.scope_team", lang)


def person_lines(name: str, day: Day, lang: Lang, currency: str) -> str:
    """Two lines: the work (calls against the plan, contacts, promises obtained), then the
    results (the promises due and how they ended, money collected, overdue tasks)."""
    work = t(
        "report.person_work",
        lang,
        name=name,
        attempts=day.attempts,
        planned=day.planned,
        answered=day.answered,
        made=day.made,
        promised=amounts_text(day.promised, lang, currency),
    )
    if day.corrected:
        work += t("report.person_corrected", lang, count=day.corrected)
    results = t(
        "report.person_results",
        lang,
        due=day.due,
        kept=day.kept,
        partial=day.partial,
        broken=day.broken,
        pending=day.pending,
        renegotiated=day.renegotiated,
        rate=pct(day.kept_rate, lang),
        collected=amounts_text(day.collected, lang, currency),
        tasks=day.tasks_overdue,
    )
    return f"{work}\n{results}"


def chunked(lines: list[str], limit: int = SECTION_LIMIT) -> list[str]:
    """Lines gathered into texts that each fit one section."""
    chunks: list[str] = []
    current = ""
    for line in lines:
        if current and len(current) + 1 + len(line) > limit:
            chunks.append(current)
            current = line
        else:
            current = f"{current}\n{line}" if current else line
    if current:
        chunks.append(current)
    return chunks


def _people(report: Report, lang: Lang) -> list[dict[str, Any]]:
    cur, prev = report.current, report.previous
    lines = [
        person_lines(escape(c.name), c.total, lang, report.currency) for c in cur.collectors
    ] or [t("report.nobody", lang)]
    texts = chunked([t("report.people", lang), *lines])
    blocks = [section(text) for text in texts[:MAX_PEOPLE_SECTIONS]]
    team = [
        person_lines(t("report.team_line", lang), cur.team, lang, report.currency),
        person_lines(t("report.previous_label", lang), prev.team, lang, report.currency),
    ]
    blocks.append(section("\n".join(team)))
    return blocks


def _excuses(cur: Figures, prev: Figures, lang: Lang) -> str:
    total = sum(cur.excuses.values())
    lines = [t("report.excuses", lang, count=cur.notes)]
    for category in sorted(ExcuseCategory, key=lambda c: -cur.excuses[c.value]):
        count = cur.excuses[category.value]
        if count or prev.excuses[category.value]:
            lines.append(
                t(
                    "report.excuse_line" if total else "report.excuse_line_alone",
                    lang,
                    name=t(f"excuse.{category.value}", lang),
                    count=count,
                    share=pct(share(count, total), lang),
                    prev=number(prev.excuses[category.value], lang),
                )
            )
    tag_total = sum(cur.hashtags.values())
    tags = ", ".join(
        f"#{escape(tag)} {count} ({pct(share(count, tag_total), lang)})"
        for tag, count in cur.hashtags.most_common(8)
    )
    if tags:
        lines.append(t("report.hashtags", lang, tags=tags))
    return "\n".join(lines)


def _promises(report: Report, lang: Lang, details: bool) -> str:
    team, before = report.current.team, report.previous.team
    lines = [
        t(
            "report.promises_due",
            lang,
            due=team.due,
            prev_due=t("report.before", lang, value=number(before.due, lang)),
            kept=team.kept,
            partial=team.partial,
            broken=team.broken,
            pending=team.pending,
            renegotiated=team.renegotiated,
        ),
        _kept_rate(report, lang),
        t(
            "report.promises_made",
            lang,
            made=team.made,
            prev_made=t("report.before", lang, value=number(before.made, lang)),
            amount=amounts_text(team.promised, lang, report.currency),
        ),
    ]
    previous = report.repeat_before
    if not report.repeat_breakers:
        lines.append(t("report.repeat_none", lang, prev=previous))
    elif details:
        names = ", ".join(
            f"{escape(name)} ({count})"
            for name, count in report.repeat_breakers[:SHOWN_REPEAT_BREAKERS]
        )
        lines.append(t("report.repeat", lang, names=names, prev=previous))
    else:
        lines.append(t("report.repeat_count", lang, count=len(report.repeat_breakers)))
    return "\n".join(lines)


def _kept_rate(report: Report, lang: Lang) -> str:
    """By count against the previous period's, then by amount in each currency that had
    resolved promises; without resolved promises, why not."""
    team, before = report.current.team, report.previous.team
    previous = _before(
        None if before.kept_rate is None else pct(before.kept_rate, lang),
        lang,
        _why_no_kept_rate(before, before=True),
    )
    if team.kept_rate is None:
        why = t(_why_no_kept_rate(team, before=False), lang)
        return t("report.kept_rate_none", lang, why=why, prev_count=previous)
    currencies = report.currencies
    rates = [(c, team.kept_rate_amount(c)) for c in currencies]
    by_amount = " · ".join(
        pct(rate, lang) + (f" ({c})" if len(currencies) > 1 else "")
        for c, rate in rates
        if rate is not None
    )
    return t(
        "report.kept_rate",
        lang,
        by_count=pct(team.kept_rate, lang),
        prev_count=previous,
        by_amount=by_amount,
    )


def _money(report: Report, lang: Lang) -> list[str]:
    cur, prev = report.current, report.previous
    lines = [
        t(
            "report.collected",
            lang,
            amounts=amounts_text(
                {c: m.collected for c, m in cur.money.items()}, lang, report.currency
            ),
            prev=amounts_text(
                {c: m.collected for c, m in prev.money.items()}, lang, report.currency
            ),
        )
    ]
    for currency in report.currencies:
        aging = report.aging.get(currency, {})
        total = sum(aging.values(), Decimal(0))
        if total:
            buckets = " · ".join(
                f"{t(f'report.aging.{b}', lang)} {money(aging.get(b, Decimal(0)), currency, lang)} "
                f"({pct(share(int(aging.get(b, 0) * 100), int(total * 100)), lang)})"
                for b in AGING_BUCKETS
            )
            lines.append(
                t(
                    "report.aging",
                    lang,
                    currency=currency,
                    total=money(total, currency, lang),
                    buckets=buckets,
                )
            )
        now, before = cur.money.get(currency), prev.money.get(currency)
        if now is None and before is None:
            continue
        dso, prev_dso = (now.dso if now else None), (before.dso if before else None)
        cei, prev_cei = (now.cei if now else None), (before.cei if before else None)
        lines.append(
            t(
                "report.kpis",
                lang,
                currency=currency,
                dso=_days(dso, lang) or t("report.no_sales", lang),
                prev_dso=_before(_days(prev_dso, lang), lang, "report.no_sales_before"),
                cei=_cei(cei, lang) or t("report.nothing_collectible", lang),
                prev_cei=_before(_cei(prev_cei, lang), lang, "report.nothing_collectible_before"),
            )
        )
    lines.append(
        t(
            "report.days_to_pay",
            lang,
            days=_days(cur.days_to_pay, lang) or t("report.no_invoice_payments", lang),
            prev_days=_before(
                _days(prev.days_to_pay, lang), lang, "report.no_invoice_payments_before"
            ),
        )
    )
    previous_notes = _before(
        None if prev.notes_share is None else pct(prev.notes_share, lang),
        lang,
        "report.no_notes_before",
    )
    if cur.notes_share is None:
        lines.append(t("report.notes_none", lang, prev_share=previous_notes))
    else:
        lines.append(
            t(
                "report.notes",
                lang,
                share=pct(cur.notes_share, lang),
                total=number(cur.notes, lang),
                prev_share=previous_notes,
            )
        )
    if cur.team.corrected:
        lines.append(t("report.corrected", lang, count=cur.team.corrected))
    return lines


def _days(value: Decimal | None, lang: Lang) -> str | None:
    if value is None:
        return None
    return t("report.days", lang, count=value, value=number(value, lang))


def _cei(value: Decimal | None, lang: Lang) -> str | None:
    return None if value is None else percent(value / 100, lang)


def _which_year(report: Report, lang: Lang) -> str:
    """A month named without a year read as last year's: say so, and how to ask for
    another year (`Es diciembre de 2025: diciembre de 2026 todavía no empieza`)."""
    first = report.current.period_start
    this_year = first.replace(year=first.year + 1)
    example = first.replace(year=first.year - 1)
    return t(
        "report.last_years_month",
        lang,
        month=month_in_words(first, lang),
        this_year=month_in_words(this_year, lang),
        example=f"{example.year}-{example.month:02d}",
    )


def _one_day_of_a_week(report: Report) -> bool:
    """`/cobro reporte semana` on a Monday: the week so far is that one day."""
    return report.kind == "week" and report.current.period_start == report.current.period_end


def _week_just_began(report: Report, lang: Lang) -> str:
    return t("report.week_just_began", lang, day=short_day(report.current.period_start, lang))


def build_report(
    report: Report, lang: Lang, *, details: bool = True, weekly: bool = False, files_note: str = ""
) -> dict[str, Any]:
    """`details=False` (a channel that is not private): no customer names."""
    prev = report.previous
    vs = t(
        "report.vs",
        lang,
        start=short_day(prev.period_start, lang),
        end=short_day(prev.period_end, lang),
    )
    title = report_title(report, lang, weekly=weekly)
    blocks: list[dict[str, Any]] = [
        header(title),
        context(scope_words(report, lang), vs),
        *([context(_which_year(report, lang))] if report.last_years_month else []),
        *([context(_week_just_began(report, lang))] if _one_day_of_a_week(report) else []),
        *_people(report, lang),
        divider(),
        section(_promises(report, lang, details)),
        section(_excuses(report.current, prev, lang)),
        divider(),
        section("\n".join(_money(report, lang))),
        context(t("report.dso_explained", lang)),
        context(t("report.cei_explained", lang)),
    ]
    if files_note:
        blocks.append(context(files_note))
    return message(title, blocks)
