"""The customer card: whom to call and how to address them, what is owed, where the account
stands, what was said last, and what is pending; with the buttons to act on it."""

from __future__ import annotations

from datetime import date
from typing import Any

from babel.dates import get_day_names

from bot.core.dates import describe
from bot.core.i18n import Lang, t
from bot.core.i18n.formats import locale_for, short_day, zone_city
from bot.core.money import money
from bot.core.vocabulary import PaymentMethod
from bot.customers.rules import CallContext, CallingHours, CustomerCard, InvoiceLine
from bot.payments.rules import RecordedPayment
from handlers.blocks.call_modal import task_inputs
from handlers.blocks.common import button, context, divider, escape, header, message, section
from handlers.blocks.inputs import (
    date_words_input,
    echo_line,
    input_block,
    on_enter,
    option,
    save_modal,
    select,
    text_input,
)
from handlers.blocks.supervision import escalation_buttons
from handlers.ids import Action, Callback
from handlers.metadata import CustomerMeta

INVOICES_SHOWN = 10


def days_in_words(days: frozenset[int], lang: Lang) -> str:
    """`lun–vie`, `lun, mié, vie`: ISO weekdays as people say them; runs of three or more
    days as a range."""
    names = get_day_names("abbreviated", locale=locale_for(lang))
    ordered = sorted(days)
    runs: list[list[int]] = []
    for day in ordered:
        if runs and day == runs[-1][-1] + 1:
            runs[-1].append(day)
        else:
            runs.append([day])
    parts = []
    for run in runs:
        words = [str(names[d - 1]).rstrip(".") for d in run]
        parts.append(f"{words[0]}–{words[-1]}" if len(run) >= 3 else ", ".join(words))
    return ", ".join(parts)


def hours_line(hours: CallingHours, lang: Lang) -> str:
    zone = (
        t("card.hours_zone", lang, zone=escape(zone_city(hours.timezone, lang)))
        if hours.timezone
        else ""
    )
    return t(
        "card.hours_own" if hours.own else "card.hours_team",
        lang,
        days=days_in_words(hours.days, lang),
        start=hours.start.strftime("%H:%M"),
        end=hours.end.strftime("%H:%M"),
        zone=zone,
    )


def _record(card: CustomerCard, lang: Lang) -> list[str]:
    """What happened with the customer so far: payments received and how the calls went."""
    lines = [t("card.payments", lang)]
    for p in card.payments:
        details = [
            t(f"method.{p.method}", lang) if p.method else "",
            t("card.payment_reference", lang, reference=escape(p.reference)) if p.reference else "",
            t("card.payment_invoice", lang, number=escape(p.invoice)) if p.invoice else "",
        ]
        shown = " · ".join(d for d in details if d)
        lines.append(
            t(
                "card.payment_line",
                lang,
                day=short_day(p.paid_on, lang),
                amount=money(p.amount, p.currency, lang),
                details=f" · {shown}" if shown else "",
            )
        )
    if not card.payments:
        lines.append(t("card.no_payments", lang))
    if card.outcomes:
        counted = sorted(card.outcomes.items(), key=lambda item: (-item[1], item[0].value))
        outcomes = " · ".join(
            t("card.outcome_count", lang, outcome=t(f"outcome.{o.value}", lang), count=n)
            for o, n in counted
        )
        lines.append(t("card.outcomes", lang, outcomes=outcomes))
    return lines


def _days(invoice: InvoiceLine, lang: Lang) -> str:
    if invoice.days_past_due > 0:
        return t("agenda.days_past_due", lang, days=invoice.days_past_due)
    if invoice.days_past_due == 0:
        return t("agenda.due_today", lang)
    return t("agenda.due_in", lang, days=-invoice.days_past_due)


def build_customer_card(card: CustomerCard, lang: Lang, today: date) -> dict[str, Any]:
    value = str(card.id)
    facts = [
        t("card.balance", lang, balance=money(card.balance, card.currency, lang)),
        t(
            "card.step",
            lang,
            step=t(f"reason.{card.step.value}", lang) if card.step else t("card.no_step", lang),
        ),
    ]
    if card.promises_made:
        facts.append(t("card.reliability", lang, kept=card.promises_kept, made=card.promises_made))
    elif card.pending_promise is None:  # one pending is said below, never "none yet"
        facts.append(t("card.no_promises_yet", lang))
    if card.credit > 0:
        facts.append(t("card.credit", lang, credit=money(card.credit, card.currency, lang)))
    if card.handed_over_on is not None:
        facts.append(t("card.handed_over", lang, day=short_day(card.handed_over_on, lang)))
    elif card.escalated:
        facts.append(t("card.escalated", lang, days=card.escalation_days))
    if card.credit_hold:
        facts.append(t("card.credit_hold", lang))
    if card.hours is not None:
        facts.append(hours_line(card.hours, lang))
    if card.do_not_contact:
        facts.append(t("dnc.card_customer", lang, reason=escape(card.do_not_contact)))
    if card.pending_promise:
        p = card.pending_promise
        facts.append(
            t(
                "card.pending_promise_rest" if p.paid > 0 else "card.pending_promise",
                lang,
                amount=money(p.amount - p.paid, card.currency, lang),
                promised=money(p.amount, card.currency, lang),
                when=describe(p.promised_for, lang=lang, today=today),
            )
        )
    contacts = [t("card.contacts", lang)]
    for c in card.contacts[:8]:
        parts = [f"*{escape(c.name)}*" + (f" ({escape(c.title)})" if c.title else "")]
        if c.phone:
            parts.append(escape(c.phone))
        if c.email:
            parts.append(escape(c.email))
        if c.decision_maker:
            parts.append(t("card.decides", lang))
        if c.do_not_contact:
            parts.append(t("dnc.card_contact", lang, reason=escape(c.do_not_contact)))
        contacts.append(" · ".join(parts))
    if not card.contacts:
        contacts.append(t("card.no_contacts", lang))
    invoices = [t("card.invoices", lang)]
    for i in card.invoices[:INVOICES_SHOWN]:
        line = t(
            "card.invoice_line",
            lang,
            number=escape(i.number),
            balance=money(i.balance, i.currency, lang),
            days=_days(i, lang),
        )
        invoices.append(line + (t("card.disputed", lang) if i.disputed else ""))
    if len(card.invoices) > INVOICES_SHOWN:
        invoices.append(t("card.more_invoices", lang, count=len(card.invoices) - INVOICES_SHOWN))
    if not card.invoices:
        invoices.append(t("card.no_invoices", lang))
    notes = [t("card.notes", lang)]
    for n in card.notes:
        body = " — ".join(
            part
            for part in (
                escape(n.spoke_with) if n.spoke_with else "",
                t(f"excuse.{n.category.value}", lang) if n.category else "",
                escape(n.excuse) if n.excuse else "",
                escape(n.agreement) if n.agreement else "",
                t(f"outcome.{n.outcome.value}", lang) if n.outcome and not n.excuse else "",
            )
            if part
        )
        notes.append(
            t(
                "card.note_line",
                lang,
                day=short_day(n.at.date(), lang),
                author=escape(n.author),
                body=body,
            )
        )
    if not card.notes:
        notes.append(t("card.no_notes", lang))
    tasks = [t("card.tasks", lang)]
    for task in card.tasks[:8]:
        tasks.append(
            t(
                "card.task_line",
                lang,
                task=escape(task.text),
                when=describe(task.due_date, task.due_time, lang=lang, today=today),
                assignee=escape(task.assignee),
            )
        )
    if not card.tasks:
        tasks.append(t("card.no_tasks", lang))
    title = f"{card.name} · {card.external_id}"
    blocks: list[dict[str, Any]] = [
        header(title),
        context(
            t("card.collector", lang, name=escape(card.collector))
            if card.collector
            else t("card.no_collector", lang),
            t("card.attempts", lang, count=card.attempts),
        ),
        section("\n".join(facts)),
        section("\n".join(contacts)),
        section("\n".join(invoices)),
        section("\n".join(_record(card, lang))),
        divider(),
        section("\n".join(notes)),
        section("\n".join(tasks)),
        {
            "type": "actions",
            "block_id": f"card-{card.id}",
            "elements": [
                button(t("card.log_call", lang), Action.LOG_CALL.value, value, style="primary"),
                button(t("card.add_task", lang), Action.ADD_TASK.value, value),
                button(t("card.add_payment", lang), Action.ADD_PAYMENT.value, value),
                button(t("card.export", lang), Action.EXPORT_HISTORY.value, value),
                button(t("dnc.button", lang), Action.DO_NOT_CONTACT.value, value),
                *(
                    [
                        button(
                            t("card.correct", lang),
                            Action.CORRECT_CALL.value,
                            str(card.correctable),
                        )
                    ]
                    if card.correctable is not None
                    else []
                ),
                *(
                    escalation_buttons(card.id, card.credit_hold, lang)
                    if card.may_escalate
                    and card.handed_over_on is None
                    and (card.escalated or card.credit_hold)
                    else []
                ),
            ],
        },
    ]
    return message(escape(title), blocks)


def build_task_modal(customer_id: int | None, lang: Lang, *, me: str) -> dict[str, Any]:
    return save_modal(
        callback_id=Callback.ADD_TASK.value,
        title=t("task.add_title", lang),
        blocks=task_inputs(lang, me=me),
        metadata=CustomerMeta(customer_id=customer_id),
        lang=lang,
    )


def build_payment_modal(
    ctx: CallContext,
    lang: Lang,
    amount: str,
    *,
    confirmed: str = "",
    warning: str = "",
    values: dict[str, str | None] | None = None,
    echo: dict[str, str] | None = None,
) -> dict[str, Any]:
    """The payment modal. Enter in the amount or the date redraws it with `values` (what
    was typed) and `echo`, each reading said back under its field (bot.payments.rules
    .echo_payment); rebuilt with `warning` under the amount (and the amount it asks to
    confirm in the metadata) when the amount is above the balance."""
    typed = values or {}
    said = echo or {}
    invoices = [
        option(f"{i.number} · {money(i.balance, i.currency, lang)}", str(i.id))
        for i in ctx.invoices[:100]
    ]
    amount_said = "\n".join(w for w in (warning, said.get("payment_amount", "")) if w)
    blocks: list[dict[str, Any]] = [
        section(
            t(
                "call.header",
                lang,
                customer=escape(ctx.name),
                balance=money(ctx.balance, ctx.currency, lang),
            )
        ),
        on_enter(
            input_block(
                "payment_amount",
                t("payment.amount", lang) + f" ({ctx.currency})",
                text_input("payment_amount", initial=amount, max_length=30),
            )
        ),
        *echo_line("payment_amount", amount_said),
        on_enter(
            date_words_input(
                "payment_date",
                t("payment.date", lang),
                t("payment.date_placeholder", lang),
                initial=typed.get("payment_date"),
            )
        ),
        *echo_line("payment_date", said.get("payment_date")),
        input_block(
            "promise_method",
            t("call.promise_method", lang),
            select(
                "promise_method",
                [option(t(f"method.{m.value}", lang), m.value) for m in PaymentMethod],
                initial=typed.get("promise_method"),
            ),
        ),
        input_block(
            "promise_reference",
            t("call.promise_reference", lang),
            text_input("promise_reference", initial=typed.get("promise_reference"), max_length=64),
        ),
    ]
    if invoices:
        blocks.append(
            input_block(
                "payment_invoice",
                t("payment.invoice", lang),
                select("invoice", invoices, initial=typed.get("payment_invoice")),
            )
        )
    return save_modal(
        callback_id=Callback.PAYMENT.value,
        title=t("payment.title", lang),
        blocks=blocks,
        metadata=CustomerMeta(customer_id=ctx.customer_id, amount_confirmed=confirmed),
        lang=lang,
    )


def build_payment_recorded(paid: RecordedPayment, lang: Lang, today: date) -> dict[str, Any]:
    """The receipt of a payment typed in Slack: how much, when, what it settled."""
    if paid.duplicate:
        return message(t("payment.duplicate", lang))
    lines = [
        t(
            "payment.recorded",
            lang,
            amount=money(paid.amount, paid.currency, lang),
            customer=escape(paid.customer),
            when=describe(paid.paid_on, lang=lang, today=today),
        )
    ]
    if paid.counted:
        lines.append(t("payment.kept", lang, kept=paid.kept, counted=paid.counted))
    if paid.credit > 0:
        lines.append(t("payment.credit", lang, credit=money(paid.credit, paid.currency, lang)))
    for task in paid.verified:
        lines.append(t("payment.verified_task", lang, task=escape(task)))
    return message("\n".join(lines))
