"""Call scripts for each reason a call is due, filled with the customer's facts.

The first-call and broken-promise scripts follow the seeds: greet first, ask why the payment
is late rather than "when will you pay", and on a broken promise state plainly what was
promised and that it has not arrived.
"""

from __future__ import annotations

from datetime import date

from bot.agenda.rules import DueCall
from bot.core.i18n import Lang, t
from bot.core.i18n.formats import short_day
from bot.core.money import money


def call_script(call: DueCall, *, collector: str, company: str, lang: Lang, today: date) -> str:
    invoice = call.step_invoice
    unknown = t("agenda.unknown", lang)
    values = {
        "contact": call.contact_name or call.name,
        "me": collector,
        "company": company or t("agenda.our_company", lang),
        "invoice": invoice.number if invoice else unknown,
        "amount": money(invoice.balance, invoice.currency, lang) if invoice else unknown,
        "due": short_day(invoice.due_date, lang) if invoice else unknown,
        "days": max(invoice.days_past_due, 0) if invoice else 0,
        "last_contact": short_day(call.last_contact, lang)
        if call.last_contact
        else t("agenda.never", lang),
        "promised": short_day(call.promise_date, lang) if call.promise_date else unknown,
        "task": call.task_text or unknown,
    }
    if call.reason == "broken_promise" and call.promise_amount is not None and invoice is None:
        values["amount"] = money(call.promise_amount, call.currency or "USD", lang)
    return t(f"script.{call.reason.value}", lang, **values)
