"""My pending promises, each with Registrar pago · Mover · Reasignar, and their modals; one
whose day has gone by says so."""

from __future__ import annotations

from datetime import date
from typing import Any

from bot.core.dates import describe
from bot.core.i18n import Lang, t
from bot.core.money import money
from bot.promises.rules import PromiseLine
from handlers.blocks.common import button, context, escape, header, message, section
from handlers.blocks.inputs import (
    date_words_input,
    input_block,
    save_modal,
    text_input,
    user_select,
)
from handlers.blocks.tasks import overdue_mark
from handlers.ids import Action, Callback
from handlers.metadata import PromiseMeta

PROMISES_PER_MESSAGE = 20


def build_promise_list(
    promises: list[PromiseLine], lang: Lang, today: date, *, whose: str | None = None
) -> dict[str, Any]:
    """The pending promises I follow, or (`whose`) a collector's, for their supervisor."""
    if not promises:
        if whose:
            return message(t("promises.none_of", lang, name=escape(whose)))
        return message(t("promises.none", lang))
    title = t("promises.title_of", lang, name=whose) if whose else t("promises.title", lang)
    blocks: list[dict[str, Any]] = [header(title)]
    for p in promises[:PROMISES_PER_MESSAGE]:
        paid = (
            t("promises.paid_so_far", lang, paid=money(p.paid, p.currency, lang)) if p.paid else ""
        )
        blocks.append(
            section(
                t(
                    "promises.line",
                    lang,
                    customer=escape(p.customer),
                    amount=money(p.amount, p.currency, lang),
                    when=describe(p.promised_for, lang=lang, today=today),
                    paid=paid,
                )
                # Still pending after its day: in its grace, not yet broken; the one to
                # call about first (the list is in promised order).
                + overdue_mark(p.promised_for, today, lang)
            )
        )
        owed = p.amount - p.paid
        blocks.append(
            {
                "type": "actions",
                "block_id": f"promise-{p.id}",
                "elements": [
                    button(
                        t("card.add_payment", lang),
                        Action.ADD_PAYMENT.value,
                        f"{p.customer_id}:{owed}",
                        style="primary",
                    ),
                    button(t("task.snooze", lang), Action.PROMISE_MOVE.value, str(p.id)),
                    button(t("task.reassign", lang), Action.PROMISE_REASSIGN.value, str(p.id)),
                    button(
                        t("call.view_customer", lang),
                        Action.VIEW_CUSTOMER.value,
                        str(p.customer_id),
                    ),
                ],
            }
        )
    if len(promises) > PROMISES_PER_MESSAGE:
        rest = len(promises) - PROMISES_PER_MESSAGE
        blocks.append(context(t("promises.more", lang, count=rest)))
    return message(escape(title), blocks)


def build_promise_move_modal(promise_id: int, lang: Lang) -> dict[str, Any]:
    return save_modal(
        callback_id=Callback.PROMISE_MOVE.value,
        title=t("promise.reschedule_title", lang),
        blocks=[
            date_words_input(
                "when", t("promise.reschedule_when", lang), t("call.promise_date_placeholder", lang)
            ),
            # A new date is a renegotiation: the control counts it, the history says why.
            input_block(
                "why",
                t("promise.reschedule_why", lang),
                text_input(
                    "why", placeholder=t("promise.reschedule_why_hint", lang), max_length=500
                ),
            ),
        ],
        metadata=PromiseMeta(promise_id=promise_id),
        lang=lang,
    )


def build_promise_reassign_modal(promise_id: int, lang: Lang) -> dict[str, Any]:
    return save_modal(
        callback_id=Callback.PROMISE_REASSIGN.value,
        title=t("promise.reassign_title", lang),
        blocks=[input_block("assignee", t("task.reassign_to", lang), user_select("assignee"))],
        metadata=PromiseMeta(promise_id=promise_id),
        lang=lang,
    )
