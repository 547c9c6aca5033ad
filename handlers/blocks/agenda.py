"""Due calls as Block Kit: one section per call (facts, script, "Registrar llamada"), an
actions row ("Ver cliente"), and a context line with the reason. Used by the morning
digest, `/cobro hoy` and the Home tab."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

from bot.agenda.rules import Agenda, DueCall, TodayResult, overdue_by_currency
from bot.agenda.scripts import call_script
from bot.calls.rules import LoggedCall
from bot.core.dates import describe
from bot.core.i18n import Lang, t
from bot.core.i18n.formats import short_day, zone_city
from bot.core.money import money
from bot.core.policy import Policy
from handlers.blocks.amounts import amounts_text
from handlers.blocks.common import button, context, escape, header, message, section
from handlers.ids import Action

CALLS_PER_MESSAGE = 15  # 3 blocks a call, a header and a footer: under Slack's 50


@dataclass(frozen=True)
class AgendaView:
    agenda: Agenda
    collector_name: str
    company: str
    policy: Policy
    title: str
    shifted: bool = False
    at: time | None = None  # when it is read, for the script's greeting (None: morning)


def _hhmm(moment: time) -> str:
    return moment.strftime("%H:%M")


def _facts(call: DueCall, view: AgendaView, lang: Lang) -> str:
    day = view.agenda.day
    lines = [f"*{escape(call.name)}*"]
    if call.contact_name:
        title = f" ({escape(call.contact_title)})" if call.contact_title else ""
        ask = t("agenda.ask_for", lang, name=escape(call.contact_name), title=title)
    else:
        ask = t("agenda.no_contact", lang)
    if call.phone:
        ask += " · " + t("agenda.phone", lang, phone=escape(call.phone))
    lines.append(ask)
    currency = call.currency or "USD"
    lines.append(
        t(
            "agenda.balance",
            lang,
            balance=money(call.balance, currency, lang),
            overdue=money(call.overdue, currency, lang),
        )
    )
    for line in call.invoices[:3]:
        if line.days_past_due > 0:
            days = t("agenda.days_past_due", lang, days=line.days_past_due)
        elif line.days_past_due == 0:
            days = t("agenda.due_today", lang)
        else:
            days = t("agenda.due_in", lang, days=-line.days_past_due)
        lines.append(
            "• "
            + t(
                "agenda.invoice_line",
                lang,
                number=escape(line.number),
                balance=money(line.balance, line.currency, lang),
                days=days,
            )
        )
    if len(call.invoices) > 3:
        lines.append("• " + t("agenda.more_invoices", lang, count=len(call.invoices) - 3))
    note = call.last_note
    unknown = t("agenda.unknown", lang)
    if note is not None:
        lines.append(
            t(
                "agenda.last_note",
                lang,
                day=short_day(note.at.date(), lang),
                author=escape(note.author),
                who=escape(note.spoke_with) or unknown,
                why=escape(note.excuse) or unknown,
                what=escape(note.agreement) or unknown,
            )
        )
    else:
        lines.append(t("agenda.no_note", lang))
    lines.append(
        t("agenda.reliability", lang, kept=call.promises_kept, made=call.promises_made)
        if call.promises_made
        else t("agenda.no_promises_yet", lang)
    )
    converted = call.window_in(day, view.policy)
    start, end = call.window or (view.policy.call_start, view.policy.call_end)
    if converted is not None:
        lines.append(
            t(
                "agenda.window_tz",
                lang,
                start=_hhmm(converted[0]),
                end=_hhmm(converted[1]),
                tz=escape(zone_city(call.timezone, lang)),
                team_start=_hhmm(converted[2]),
                team_end=_hhmm(converted[3]),
            )
        )
    else:
        lines.append(t("agenda.window", lang, start=_hhmm(start), end=_hhmm(end)))
    script = call_script(
        call, collector=view.collector_name, company=view.company, lang=lang, today=day, at=view.at
    )
    lines.append(f"*{t('agenda.script', lang)}:*\n>" + escape(script))
    return "\n".join(lines)


def build_due_call(call: DueCall, view: AgendaView, lang: Lang) -> list[dict[str, Any]]:
    value = str(call.customer_id)
    reason = t(f"reason.{call.reason.value}", lang)
    if call.escalated:
        reason += " · :rotating_light: " + t("agenda.escalated", lang)
    if call.credit_hold:
        reason += " · :no_entry: " + t("agenda.credit_hold", lang)
    reason += " · " + t("agenda.since", lang, day=short_day(call.since, lang))
    return [
        section(
            _facts(call, view, lang),
            accessory=button(t("agenda.log_call", lang), Action.LOG_CALL, value, style="primary"),
        ),
        {
            "type": "actions",
            "block_id": f"call-{call.customer_id}",
            "elements": [button(t("agenda.view_customer", lang), Action.VIEW_CUSTOMER, value)],
        },
        context(reason),
    ]


def build_agenda_messages(view: AgendaView, lang: Lang) -> list[dict[str, Any]]:
    """The agenda as one or more messages, each within Slack's 50 blocks."""
    agenda = view.agenda
    day_words = short_day(agenda.day, lang)
    if not agenda.calls:
        text = t("agenda.empty", lang, day=day_words)
        return [message(text, [header(view.title), section(text)])]
    currency = agenda.calls[0].currency or "USD"
    overdue = amounts_text(overdue_by_currency(agenda.calls, currency), lang, currency)
    summary = t("agenda.summary", lang, count=agenda.total, overdue=overdue)
    messages: list[dict[str, Any]] = []
    chunks = [
        agenda.calls[i : i + CALLS_PER_MESSAGE]
        for i in range(0, len(agenda.calls), CALLS_PER_MESSAGE)
    ]
    for index, chunk in enumerate(chunks):
        blocks: list[dict[str, Any]] = []
        if index == 0:
            blocks.append(header(view.title))
            lead = [summary]
            if view.shifted:
                lead.insert(0, t("agenda.next_business_day", lang))
            blocks.append(context(*lead))
        for call in chunk:
            blocks.extend(build_due_call(call, view, lang))
        if index == len(chunks) - 1 and agenda.more:
            blocks.append(section(t("agenda.more", lang, count=agenda.more)))
        names = ", ".join(c.name for c in chunk[:3])
        fallback = escape(f"{view.title}: {names}…" if index == 0 else names)
        messages.append(message(fallback, blocks))
    return messages


def build_today_messages(
    result: TodayResult, lang: Lang, *, company: str, policy: Policy, now: datetime
) -> list[dict[str, Any]]:
    """`/cobro hoy` and a supervisor's "Su día": the day's calls as messages, titled with
    the collector's name when they are someone else's."""
    view = AgendaView(
        agenda=result.agenda,
        collector_name=result.collector_name,
        company=company,
        policy=policy,
        title=agenda_title(
            result.agenda.day, lang, result.collector_name if result.for_someone_else else None
        ),
        shifted=result.shifted,
        at=now.astimezone(policy.tz).time(),
    )
    return build_agenda_messages(view, lang)


def agenda_title(day: date, lang: Lang, collector_name: str | None = None) -> str:
    if collector_name:
        return t("agenda.title_for", lang, name=collector_name, day=short_day(day, lang))
    return t("agenda.title", lang, day=short_day(day, lang))


def _done_line(logged: LoggedCall, at: time, lang: Lang) -> str:
    """ "✅ 10:42 · promesa $5,000.00 el viernes 27 de noviembre", or what the call got."""
    if logged.promises:
        first = logged.promises[0]
        got = t(
            "agenda.done_promise",
            lang,
            amount=money(first.amount, first.currency, lang),
            when=describe(first.when.day, lang=lang, today=logged.today),
        )
    else:
        got = t(f"outcome.{logged.outcome.value}", lang)
    return t(
        "agenda.done_line",
        lang,
        at=_hhmm(at),
        customer=escape(logged.customer_name),
        got=got,
    )


def mark_call_done(
    blocks: list[dict[str, Any]], logged: LoggedCall, at: time, lang: Lang
) -> list[dict[str, Any]] | None:
    """The digest's blocks with the customer's call shown done: its facts become one line
    and its Registrar llamada button goes (Ver cliente stays); None when the customer is
    not in these blocks."""
    value = str(logged.customer_id)
    for index, block in enumerate(blocks):
        accessory = block.get("accessory") or {}
        if accessory.get("action_id") == Action.LOG_CALL and accessory.get("value") == value:
            changed = list(blocks)
            changed[index] = section(_done_line(logged, at, lang))
            return changed
    return None
