""" "No contactar": the modal that marks a customer or one of its contacts (with the reason),
and the warnings the card and the call modal show."""

from __future__ import annotations

from typing import Any

from bot.core.i18n import Lang, t
from bot.customers.rules import CallContext, ContactLine
from handlers.blocks.common import escape, section
from handlers.blocks.inputs import input_block, option, save_modal, select, text_input
from handlers.ids import Callback
from handlers.metadata import CustomerMeta

WHOLE_CUSTOMER = "customer"


def build_do_not_contact_modal(
    customer_id: int, name: str, contacts: list[ContactLine], lang: Lang
) -> dict[str, Any]:
    who = [option(t("dnc.whole_customer", lang, customer=name), WHOLE_CUSTOMER)] + [
        option(c.name + (f" ({c.title})" if c.title else ""), str(c.id)) for c in contacts[:99]
    ]
    return save_modal(
        callback_id=Callback.DO_NOT_CONTACT.value,
        title=t("dnc.title", lang),
        blocks=[
            section(t("dnc.explain", lang, customer=escape(name))),
            input_block("who", t("dnc.who", lang), select("who", who, initial=WHOLE_CUSTOMER)),
            input_block(
                "reason",
                t("dnc.reason", lang),
                text_input("reason", multiline=True, max_length=500),
                hint=t("dnc.reason_hint", lang),
            ),
        ],
        metadata=CustomerMeta(customer_id=customer_id),
        lang=lang,
    )


def do_not_contact_warnings(ctx: CallContext, lang: Lang) -> list[dict[str, Any]]:
    """What the call modal says first when someone asked not to be called."""
    lines = []
    if ctx.do_not_contact:
        lines.append(t("dnc.warn_customer", lang, reason=escape(ctx.do_not_contact)))
    for c in ctx.contacts:
        if c.do_not_contact:
            lines.append(
                t("dnc.warn_contact", lang, name=escape(c.name), reason=escape(c.do_not_contact))
            )
    return [section("\n".join(lines))] if lines else []
