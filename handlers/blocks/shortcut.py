"""The message shortcut's first modal, and reading a message into the call modal."""

from __future__ import annotations

from typing import Any

from bot.calls.proposals import MessageReading
from bot.core.i18n import Lang, t
from handlers.blocks.call_modal import CONTACT_NEW, CallPrefill
from handlers.blocks.common import context, escape
from handlers.blocks.inputs import input_block, modal, text_input
from handlers.ids import Callback
from handlers.metadata import MessageMeta


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
        metadata=MessageMeta(message=message_text[:1500]),
    )


def prefill_from_message(reading: MessageReading, text: str) -> CallPrefill:
    """What bot.calls.read_message found in the message, as the call modal's values."""
    contact = str(reading.contact_id) if reading.contact_id else None
    if contact is None and reading.person:
        contact = CONTACT_NEW
    return CallPrefill(
        contact=contact,
        contact_name=reading.person,
        excuse_category=reading.category.value if reading.category else None,
        excuse=text,
        promise_date=reading.promise_words,
        task=reading.task,
        task_due=reading.task_due,
        revision=1,
    )
