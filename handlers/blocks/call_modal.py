"""The call modal: as short as the outcome allows, with every reading echoed under its field.

Block ids are the public interface (INTERFACE.md): outcome, contact, contact_name,
contact_role, excuse_category, excuse, agreement, promise_amount, promise_date,
promise_method, promise_reference, task, task_due, assignee, supervisor. A block the outcome
makes irrelevant is left out; installments beyond the first are promise_amount_2,
promise_date_2… up to promise_amount_6. Every block that is shown keeps its id across a
rebuild (so Slack keeps what was typed); the task fields change their action ids
(`revision`) when cobro proposes a new step, so Slack shows it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any
from zoneinfo import ZoneInfo

from bot.calls.rules import MAX_INSTALLMENTS
from bot.core.dates import describe
from bot.core.i18n import Lang, t
from bot.core.i18n.formats import zone_city
from bot.core.money import amount_text, money
from bot.core.vocabulary import AttemptOutcome, ExcuseCategory, PaymentMethod
from bot.customers.rules import CallContext, CallTiming
from handlers.blocks.common import button, context, escape, section
from handlers.blocks.do_not_contact import do_not_contact_warnings
from handlers.blocks.inputs import (
    date_words_input,
    echo_line,
    input_block,
    modal,
    on_enter,
    option,
    select,
    text_input,
    user_select,
)
from handlers.ids import Action, Callback
from handlers.metadata import CallMeta

CONTACT_NEW = "new"
CONTACT_ROLES = ("secretary", "receptionist", "accountant", "payables", "manager", "owner", "other")
OUTCOME_ORDER = (
    AttemptOutcome.ANSWERED,
    AttemptOutcome.THIRD_PARTY,
    AttemptOutcome.NO_ANSWER,
    AttemptOutcome.MESSAGE_LEFT,
    AttemptOutcome.WRONG_NUMBER,
)
# Blocks whose typed value is read back in words under the field, on Enter.
ECHOED = ("promise_amount", "promise_date", "task_due")


@dataclass(frozen=True)
class CallPrefill:
    """Values to show in the modal: from a message, from a suggestion, or what the user had
    typed before the view was rebuilt (by block id; installments 2… in `extra`)."""

    outcome: str | None = AttemptOutcome.ANSWERED.value
    contact: str | None = None
    contact_name: str | None = None
    contact_role: str | None = None
    excuse_category: str | None = None
    excuse: str | None = None
    agreement: str | None = None
    promise_amount: str | None = None
    promise_date: str | None = None
    promise_method: str | None = None
    promise_reference: str | None = None
    task: str | None = None
    task_due: str | None = None
    assignee: str | None = None
    supervisor: str | None = None
    revision: int = 0
    extra: dict[str, str | None] = field(default_factory=dict)


@dataclass(frozen=True)
class ModalState:
    """How the modal is built: for which outcome, how many installments, what is echoed
    (a line in words under a field), whether it corrects a logged call."""

    outcome: AttemptOutcome = AttemptOutcome.ANSWERED
    installments: int = 1
    echo: dict[str, str] = field(default_factory=dict)
    correcting: int | None = None
    confirm_amount: str = ""
    plan_offered: bool = False
    suggestion: str = ""
    suggestion_due: str = ""


def fields_for(outcome: AttemptOutcome, *, new_person: bool = False) -> tuple[str, ...]:
    """The inputs the modal shows for an outcome (the README counts them)."""
    task = ("task", "task_due")
    if outcome == AttemptOutcome.ANSWERED:
        who = ("contact", "contact_name", "contact_role") if new_person else ("contact",)
        promise = ("promise_amount", "promise_date", "promise_method", "promise_reference")
        note = ("excuse", "excuse_category", "agreement")
        return ("outcome", *who, *note, *promise, *task, "assignee", "supervisor")
    if outcome == AttemptOutcome.THIRD_PARTY:
        return ("outcome", "contact_name", "contact_role", "agreement", *task)
    return ("outcome", *task)


def _timing_warning(timing: CallTiming, lang: Lang) -> dict[str, Any]:
    """Outside the customer's hours, not their calling day, or past the contact cap: said
    with the next allowed moment; the form stays open (the customer may have called)."""
    where = (
        t("call.timing_where", lang, city=escape(zone_city(timing.zone, lang)))
        if timing.zone
        else t("call.timing_team_time", lang)
    )
    local = timing.next_slot
    slot = describe(local.date(), local.time().replace(second=0), lang=lang, today=timing.today)
    theirs = ""
    if timing.zone:
        at = local.astimezone(ZoneInfo(timing.zone))
        city = escape(zone_city(timing.zone, lang))
        theirs = t("call.timing_theirs", lang, at=f"{at:%H:%M}", city=city)
    text = t(
        f"call.timing_{timing.problem.value}",
        lang,
        now=f"{timing.their_time:%H:%M}",
        where=where,
        slot=slot,
        theirs=theirs,
    )
    return section(text + " " + t("call.timing_log_anyway", lang))


def build_call_modal(
    ctx: CallContext,
    lang: Lang,
    *,
    me: str,
    prefill: CallPrefill | None = None,
    state: ModalState | None = None,
) -> dict[str, Any]:
    p = prefill or CallPrefill()
    s = state or ModalState()
    default_amount = amount_text(ctx.balance)
    first_contact = str(ctx.contacts[0].id) if ctx.contacts else CONTACT_NEW
    new_person = (p.contact or first_contact) == CONTACT_NEW
    shown = set(fields_for(s.outcome, new_person=new_person))
    blocks: list[dict[str, Any]] = [_header(ctx, lang)]
    blocks += do_not_contact_warnings(ctx, lang)
    if ctx.timing is not None:
        blocks.append(_timing_warning(ctx.timing, lang))
    blocks.append(_outcome(p, lang))
    if s.outcome == AttemptOutcome.ANSWERED:
        blocks += _answered(ctx, p, s, lang, first_contact, default_amount, shown)
    elif s.outcome == AttemptOutcome.THIRD_PARTY:
        blocks += [
            context(t("call.third_party_hint", lang)),
            *_person(p, lang, name_label="call.who_answered"),
            input_block(
                "agreement",
                t("call.remark", lang),
                text_input("agreement", initial=p.agreement, multiline=True, max_length=1000),
                hint=t("call.remark_hint", lang),
            ),
        ]
    else:
        key = (
            "call.message_left_reminder"
            if s.outcome == AttemptOutcome.MESSAGE_LEFT
            else ("call.no_answer_hint")
        )
        blocks.append(context(t(key, lang)))
    blocks.append(section(t("call.section_task", lang)))
    blocks += task_inputs(
        lang,
        me=me,
        task=p.task,
        due=p.task_due,
        assignee=p.assignee,
        supervisor=p.supervisor,
        revision=p.revision,
        people=s.outcome == AttemptOutcome.ANSWERED,
        echo=s.echo.get("task_due"),
    )
    return modal(
        callback_id=Callback.CALL.value,
        title=t("call.correct_title" if s.correcting else "call.modal_title", lang),
        submit=t("call.submit", lang),
        close=t("call.cancel", lang),
        blocks=blocks,
        metadata=CallMeta(
            customer_id=ctx.customer_id,
            default_amount=default_amount,
            suggestion=s.suggestion,
            suggestion_due=s.suggestion_due,
            revision=p.revision,
            outcome=s.outcome.value,
            installments=s.installments,
            correcting=s.correcting,
            amount_confirmed=s.confirm_amount,
            plan_offered=s.plan_offered,
        ),
    )


def _header(ctx: CallContext, lang: Lang) -> dict[str, Any]:
    invoices = ", ".join(
        f"{escape(i.number)} ({money(i.balance, i.currency, lang)})" for i in ctx.invoices[:5]
    )
    head = t(
        "call.header",
        lang,
        customer=escape(ctx.name),
        balance=money(ctx.balance, ctx.currency, lang),
    )
    return section(head + (f"\n{invoices}" if invoices else ""))


def _outcome(p: CallPrefill, lang: Lang) -> dict[str, Any]:
    return input_block(
        "outcome",
        t("call.outcome", lang),
        select(
            Action.CALL_OUTCOME.value,
            [option(t(f"outcome.{o.value}", lang), o.value) for o in OUTCOME_ORDER],
            initial=p.outcome,
        ),
        hint=t("call.outcome_hint", lang),
        dispatch=True,
    )


def _person(p: CallPrefill, lang: Lang, *, name_label: str) -> list[dict[str, Any]]:
    return [
        input_block(
            "contact_name",
            t(name_label, lang),
            text_input("contact_name", initial=p.contact_name, max_length=200),
        ),
        input_block(
            "contact_role",
            t("call.contact_role", lang),
            select(
                "contact_role",
                [option(t(f"contact_role.{r}", lang), r) for r in CONTACT_ROLES],
                initial=p.contact_role,
            ),
        ),
    ]


def _answered(
    ctx: CallContext,
    p: CallPrefill,
    s: ModalState,
    lang: Lang,
    first_contact: str,
    default_amount: str,
    shown: set[str],
) -> list[dict[str, Any]]:
    contacts = [
        option(
            c.name + (f" · {c.title}" if c.title else "") + (" ★" if c.decision_maker else ""),
            str(c.id),
        )
        for c in ctx.contacts[:99]
    ] + [option(t("call.contact_new", lang), CONTACT_NEW)]
    blocks: list[dict[str, Any]] = [
        input_block(
            "contact",
            t("call.contact", lang),
            select(Action.CALL_CONTACT.value, contacts, initial=p.contact or first_contact),
            dispatch=True,
        )
    ]
    if "contact_name" in shown:
        blocks += _person(p, lang, name_label="call.contact_name")
    blocks += [
        input_block(
            "excuse",
            t("call.excuse", lang),
            text_input(
                "excuse",
                initial=p.excuse,
                multiline=True,
                placeholder=t("call.excuse_placeholder", lang),
            ),
            hint=t("note.why_it_matters", lang),
        ),
        input_block(
            "excuse_category",
            t("call.excuse_category", lang),
            select(
                Action.EXCUSE_CATEGORY.value,
                [option(t(f"excuse.{c.value}", lang), c.value) for c in ExcuseCategory],
                initial=p.excuse_category,
            ),
            dispatch=True,
        ),
        input_block(
            "agreement",
            t("call.agreement", lang),
            text_input("agreement", initial=p.agreement, multiline=True),
        ),
        section(t("call.section_promise", lang)),
        _amount_input("promise_amount", 1, p.promise_amount or default_amount, ctx, lang),
        *_echo("promise_amount", s),
        _date_input("promise_date", 1, p.promise_date, lang),
        *_echo("promise_date", s),
    ]
    for n in range(2, s.installments + 1):
        amount_id, date_id = f"promise_amount_{n}", f"promise_date_{n}"
        blocks += [
            _amount_input(amount_id, n, p.extra.get(amount_id), ctx, lang),
            *_echo(amount_id, s),
            _date_input(date_id, n, p.extra.get(date_id), lang),
            *_echo(date_id, s),
        ]
    if s.installments < MAX_INSTALLMENTS:
        blocks.append(
            {
                "type": "actions",
                "block_id": "promise_more",
                "elements": [
                    button(t("call.add_installment", lang), Action.ADD_INSTALLMENT.value, "1")
                ],
            }
        )
    blocks += [
        input_block(
            "promise_method",
            t("call.promise_method", lang),
            select(
                "promise_method",
                [option(t(f"method.{m.value}", lang), m.value) for m in PaymentMethod],
                initial=p.promise_method,
            ),
        ),
        input_block(
            "promise_reference",
            t("call.promise_reference", lang),
            text_input("promise_reference", initial=p.promise_reference, max_length=64),
        ),
    ]
    return blocks


def _amount_input(
    block_id: str, n: int, initial: str | None, ctx: CallContext, lang: Lang
) -> dict[str, Any]:
    label = t("call.promise_amount", lang) if n == 1 else t("call.installment_amount", lang, n=n)
    element = text_input(block_id, initial=initial, max_length=30)
    element["dispatch_action_config"] = {"trigger_actions_on": ["on_enter_pressed"]}
    return input_block(block_id, f"{label} ({ctx.currency})", element, dispatch=True)


def _date_input(block_id: str, n: int, initial: str | None, lang: Lang) -> dict[str, Any]:
    label = t("call.promise_date", lang) if n == 1 else t("call.installment_date", lang, n=n)
    return on_enter(
        date_words_input(block_id, label, t("call.promise_date_placeholder", lang), initial=initial)
    )


def _echo(block_id: str, s: ModalState) -> list[dict[str, Any]]:
    return echo_line(block_id, s.echo.get(block_id))


def task_inputs(
    lang: Lang,
    *,
    me: str,
    task: str | None = None,
    due: str | None = None,
    assignee: str | None = None,
    supervisor: str | None = None,
    revision: int = 0,
    people: bool = True,
    echo: str | None = None,
) -> list[dict[str, Any]]:
    """What next, by when (in words, echoed on Enter), and, unless it is the collector's own
    retry, who does it (default: me) and who supervises it. A new `revision` renames the
    text fields' action ids so Slack shows new initial values."""
    due_block = on_enter(
        date_words_input(
            "task_due",
            t("call.task_due", lang),
            t("call.task_due_placeholder", lang),
            action_id=f"task_due_{revision}",
            initial=due,
        )
    )
    blocks = [
        input_block(
            "task",
            t("call.task", lang),
            text_input(f"task_{revision}", initial=task, max_length=500),
        ),
        due_block,
        *_echo("task_due", ModalState(echo={"task_due": echo} if echo else {})),
    ]
    if people:
        blocks += [
            input_block(
                "assignee",
                t("call.assignee", lang),
                user_select("assignee", initial=assignee or me),
            ),
            input_block(
                "supervisor",
                t("call.supervisor", lang),
                user_select("supervisor", initial=supervisor),
            ),
        ]
    return blocks
