"""Customer use cases: finding one by what was typed, the card, the call modal's context."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from bot.calls.timing import call_timing
from bot.core.calendar import stored_call_days
from bot.core.db import Db, transaction
from bot.core.errors import Forbidden, FormRejected
from bot.core.i18n import Lang, t
from bot.core.policy import Policy
from bot.core.vocabulary import PromiseStatus
from bot.corrections.rules import check_may_correct
from bot.customers import queries
from bot.customers.rules import (
    CallContext,
    CustomerCard,
    CustomerMatch,
    Reach,
    balance_in,
    calling_hours,
    current_step,
    main_currency,
)
from bot.team import queries as team
from bot.team.rules import is_manager


def find_customers(db: Db, query: str) -> list[CustomerMatch]:
    with db() as session:
        return queries.search(session, query)


def prepare_search(db: Db) -> int:
    """Read every name into this process's list now (SQLite: about a second at 200,000
    customers), so the first typo after a start does not wait for it; later changes patch
    it. How many names it holds; 0 where the database searches by itself (PostgreSQL)."""
    with db() as session:
        return queries.prepare_search(session)


def call_context(
    db: Db, *, customer_id: int, now: datetime, policy: Policy, currency: str
) -> CallContext:
    with db() as session:
        customer = queries.require_customer(session, customer_id)
        invoices = queries.open_invoices(session, customer_id, policy.today(now))
        main = main_currency(invoices, currency)
        reach = Reach(customer.timezone, customer.call_days, customer.call_start, customer.call_end)
        window = policy.start_of(policy.today(now) - timedelta(days=policy.cap_days - 1))
        return CallContext(
            customer.id,
            customer.name,
            balance_in(invoices, main),
            main,
            queries.contacts_of(session, customer_id),
            invoices,
            reach,
            customer.rank.value if customer.rank else None,
            timing=call_timing(
                reach, now, policy, queries.attempts_since(session, customer_id, window)
            ),
            do_not_contact=customer.do_not_contact,
        )


def customer_card(
    db: Db,
    *,
    customer_id: int,
    now: datetime,
    policy: Policy,
    currency: str,
    viewer_slack_id: str | None = None,
) -> CustomerCard:
    """The card; with `viewer_slack_id`, it also offers to correct the last call when that
    person may (its author for seven days, a supervisor at any time)."""
    with db() as session:
        today = policy.today(now)
        customer = queries.require_customer(session, customer_id)
        invoices = queries.open_invoices(session, customer_id, today)
        main = main_currency(invoices, currency)
        promises = queries.promises_of(session, customer, main)
        resolved = [p for p in promises if p.status != PromiseStatus.PENDING]
        viewer = team.find_member(session, viewer_slack_id) if viewer_slack_id else None
        return CustomerCard(
            id=customer.id,
            external_id=customer.external_id,
            name=customer.name,
            tax_id=customer.tax_id,
            collector=queries.collector_name(session, customer),
            timezone=customer.timezone,
            contacts=queries.contacts_of(session, customer_id),
            invoices=invoices,
            balance=balance_in(invoices, main),
            currency=main,
            step=current_step(invoices, today, policy.steps, policy.calendar),
            promises_kept=sum(1 for p in resolved if p.status == PromiseStatus.KEPT),
            promises_made=len(resolved),
            pending_promise=next((p for p in promises if p.status == PromiseStatus.PENDING), None),
            notes=queries.last_notes(session, customer_id),
            tasks=queries.open_tasks_of(session, customer),
            attempts=queries.attempts_of(session, customer_id),
            credit=customer.credit,
            correctable=_correctable(session, customer_id, viewer_slack_id, now),
            payments=queries.payments_of(session, customer_id, main),
            outcomes=queries.outcomes_of(session, customer_id),
            do_not_contact=customer.do_not_contact,
            hours=calling_hours(
                stored_call_days(customer.call_days) if customer.call_days else None,
                customer.call_start,
                customer.call_end,
                customer.timezone,
                (policy.call_days, policy.call_start, policy.call_end),
            ),
            escalated=any(i.days_past_due >= policy.escalation_days for i in invoices),
            escalation_days=policy.escalation_days,
            credit_hold=customer.credit_hold,
            handed_over_on=customer.handed_over_at.astimezone(policy.tz).date()
            if customer.handed_over_at
            else None,
            may_escalate=viewer is not None and is_manager(viewer),
        )


def _correctable(
    session: Session, customer_id: int, viewer_slack_id: str | None, now: datetime
) -> int | None:
    last = queries.last_attempt(session, customer_id)
    viewer = team.find_member(session, viewer_slack_id) if viewer_slack_id else None
    if last is None or viewer is None:
        return None
    try:
        check_may_correct(viewer, last[1], last[2], now)
    except Forbidden:
        return None
    return last[0]


def mark_do_not_contact(
    db: Db,
    *,
    customer_id: int,
    contact_id: int | None,
    reason: str,
    actor_slack_id: str,
    lang: Lang,
) -> str:
    """ "No contactar" on the customer (kept out of the agenda) or one of its contacts, with
    the reason, which is required: whoever opens the call modal later reads why. Returns
    the name marked."""
    reason = reason.strip()
    with transaction(db) as session:
        team.require_member(session, actor_slack_id)
        customer = queries.require_customer(session, customer_id)
        if not reason:
            raise FormRejected({"reason": t("dnc.reason_required", lang)})
        if contact_id is None:
            customer.do_not_contact = reason[:500]
            return customer.name
        contact = queries.contact_row(session, customer_id, contact_id)
        contact.do_not_contact = reason[:500]
        return contact.name
