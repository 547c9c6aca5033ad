"""The message shortcut's first modal, and reading a message into the call modal."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from bot import dates
from bot.agenda import AgendaPolicy
from bot.calls import playbook_suggestion
from bot.customers import CallContext
from bot.i18n import Lang, t
from bot.notes import guess_category, spoke_with_in
from bot.text import fold
from handlers.blocks.call import CONTACT_NEW, CallPrefill
from handlers.blocks.common import context, escape
from handlers.blocks.forms import input_block, modal, text_input
from handlers.ids import Callback


def build_find_customer_modal(message_text: str, lang: Lang) -> dict[str, Any]:
    quoted = escape(message_text[:500]) or "—"
    return modal(
        callback_id=Callback.FIND_CUSTOMER.value,
        title=t("call.modal_title", lang),
        submit=t("shortcut.next", lang),
        close=t("call.cancel", lang),
        blocks=[
            context(t("shortcut.from_message", lang, text=quoted)),
            input_block(
                "customer",
                t("shortcut.which_customer", lang),
                text_input("customer", max_length=200),
            ),
        ],
        metadata={"m": message_text},
    )


def prefill_from_message(
    text: str, ctx: CallContext, *, now: datetime, policy: AgendaPolicy, lang: Lang
) -> CallPrefill:
    """What the message says, as suggestions: the person (a known contact when the name
    matches one), the excuse its words suggest, the promised date, the playbook's step."""
    person = spoke_with_in(text)
    contact, contact_name = None, None
    if person:
        known = next((c for c in ctx.contacts if fold(person) in fold(c.name)), None)
        contact, contact_name = (str(known.id), None) if known else (CONTACT_NEW, person)
    category = guess_category(text)
    found = dates.find(text, now, policy.tz, calendar=policy.calendar)
    promise_date = found.read if found.ok and found.read else None
    task, task_due = playbook_suggestion(category, lang, text) if category else (None, None)
    return CallPrefill(
        contact=contact,
        contact_name=contact_name,
        excuse_category=category.value if category else None,
        excuse=text,
        promise_date=promise_date,
        task=task,
        task_due=task_due,
        revision=1,
    )
