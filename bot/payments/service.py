"""Payment use cases: recording one typed in Slack; applying any payment (Slack or import)
to the customer's invoices and promises, inside the caller's transaction."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy.orm import Session

from bot.calls.rules import ThousandsLeftOut, confirm_token, other_currency, thousands_left_out
from bot.core.calendar import BusinessCalendar
from bot.core.db import Db, transaction
from bot.core.errors import FormRejected
from bot.core.i18n import Lang, t
from bot.core.i18n.formats import team_locale
from bot.core.money import read_amount
from bot.core.policy import Policy
from bot.core.vocabulary import PromiseStatus, TaskStatus
from bot.customers import queries as customers
from bot.customers.rules import balance_in
from bot.nudges.service import revise_list
from bot.outbox import keys
from bot.outbox.service import enqueue
from bot.payments import queries
from bot.payments.rules import (
    Open,
    PaymentAboveBalance,
    PaymentForm,
    RecordedPayment,
    allocate,
    payment_key,
    read_paid_on,
)
from bot.ports import Notifier
from bot.promises.service import apply_payment as count_towards_promises
from bot.submissions import queries as submissions
from bot.tasks import queries as tasks
from bot.tasks.rules import verified_by
from bot.team import queries as team
from bot.team.rules import recipient_of
from models import Invoice, Payment, PaymentPromise
from models.base import utcnow

ZERO = Decimal("0")


@dataclass(frozen=True)
class Applied:
    credit: Decimal  # what no open invoice took, kept on the customer
    promises: list[PaymentPromise]  # the promises the payment counted towards
    verified: list[str]  # the texts of the verification tasks it closed


def apply_payment(session: Session, payment: Payment, calendar: BusinessCalendar) -> Applied:
    """Lower invoice balances by the payment (see rules.allocate), count it towards the
    customer's pending promises, and close the "verify the payment" tasks it answers (see
    tasks.rules.verified_by), so nobody is nagged to check a payment already in; what is
    left over becomes the customer's credit."""
    invoices = queries.invoices_to_lower(session, payment.customer_id, payment.invoice_id)
    taken, credit = allocate(payment.amount, [Open(i.id, i.balance) for i in invoices])
    by_id: dict[int, Invoice] = {i.id: i for i in invoices}
    for invoice_id, share in taken.items():
        by_id[invoice_id].balance -= share
    if credit > ZERO:
        # Never dropped: kept on the customer for the next invoice, and on the payment.
        payment.credit = credit
        queries.add_credit(session, payment.customer_id, credit)
    promises = count_towards_promises(
        session,
        payment.customer_id,
        payment.amount,
        payment.created_at or utcnow(),
        paid_on=payment.paid_on,
        calendar=calendar,
    )
    kept_notes = frozenset(
        p.note_id for p in promises if p.status == PromiseStatus.KEPT and p.note_id is not None
    )
    verified = []
    for task in tasks.open_verifications(session, payment.customer_id):
        if verified_by(task.text, task.note_id, reference=payment.reference, kept_notes=kept_notes):
            task.status = TaskStatus.DONE
            task.done_at = payment.created_at or utcnow()
            verified.append(task.text)
    return Applied(credit, promises, verified)


def record_payment(
    db: Db,
    form: PaymentForm,
    *,
    author_slack_id: str,
    now: datetime,
    policy: Policy,
    lang: Lang,
    currency: str,
    notifier: Notifier,
) -> tuple[RecordedPayment, list[str]]:
    """Validate and record one payment, once (see rules.payment_key); the author's receipt
    goes out with it."""
    with transaction(db) as session:
        author = team.require_member(session, author_slack_id)
        customer = customers.require_customer(session, form.customer_id)
        errors: dict[str, str] = {}
        reading = read_amount(form.amount or "", team_locale())
        amount = reading.amount
        if amount is None:
            why = reading.reason(lang) or ""
            errors["payment_amount"] = why[:1].upper() + why[1:]
        elif amount <= 0:
            errors["payment_amount"] = t("payment.not_positive", lang)
        today = policy.today(now)
        read_on, problem = read_paid_on(form.paid_on, now, policy, lang)
        if problem is not None:
            errors["payment_date"] = problem
        paid_on = read_on or today
        invoice = session.get(Invoice, form.invoice_id) if form.invoice_id else None
        if invoice is not None and invoice.customer_id != customer.id:
            invoice = None
        money_in = (
            invoice.currency
            if invoice
            else customers.currencies_of(session, [customer.id]).get(customer.id, currency)
        )
        elsewhere = other_currency(form.amount, money_in, lang)
        if elsewhere is not None:  # "100 dólares" from a customer in pesos: never pesos
            errors["payment_amount"] = elsewhere
        if errors or amount is None:
            raise FormRejected(errors)
        reference = (form.reference or "").strip() or None
        key = payment_key(customer.external_id, reference, form.source_key)
        owed = balance_in(customers.open_invoices(session, customer.id, today), money_in)
        if form.amount_confirmed != confirm_token(amount):
            if amount > owed:
                raise PaymentAboveBalance(total=amount, balance=owed, currency=money_in)
            if thousands_left_out(amount, owed):
                raise ThousandsLeftOut(amount=amount, total=amount, balance=owed, currency=money_in)
        to = recipient_of(author, lang)
        if not submissions.claim(session, form.source_key, "payment", now):
            # The same submission delivered again: it is being (or was) recorded once.
            return RecordedPayment(
                customer.id, customer.name, amount, money_in, paid_on, ZERO, 0, 0, duplicate=True
            ), []
        if queries.known(session, key):
            recorded = RecordedPayment(
                customer.id, customer.name, amount, money_in, paid_on, ZERO, 0, 0, duplicate=True
            )
            receipt = keys.receipt("payment-again", customer.id, form.source_key)
        else:
            recorded, receipt = _record(
                session,
                form,
                key,
                reference,
                invoice,
                amount,
                paid_on,
                author.id,
                money_in,
                now,
                policy,
            )
        enqueue(
            session,
            key=receipt,
            channel=to.slack_user_id,
            message=notifier.payment_recorded(recorded, to=to, today=today),
        )
        session.flush()  # the day's nudge list no longer asks to check a promise now kept
        listed = revise_list(
            session,
            member_id=author.id,
            now=now,
            policy=policy,
            notifier=notifier,
            lang=lang,
            currency=currency,
        )
        return recorded, [receipt, *listed]


def _record(
    session: Session,
    form: PaymentForm,
    key: str,
    reference: str | None,
    invoice: Invoice | None,
    amount: Decimal,
    paid_on: date,
    author_id: int,
    currency: str,
    now: datetime,
    policy: Policy,
) -> tuple[RecordedPayment, str]:
    customer = customers.require_customer(session, form.customer_id)
    payment = Payment(
        import_key=key,
        reference=reference,
        customer_id=customer.id,
        invoice_id=invoice.id if invoice else None,
        amount=amount,
        paid_on=paid_on,
        method=form.method.value if form.method else None,
        recorded_by_id=author_id,
        created_at=now,
    )
    session.add(payment)
    session.flush()
    applied = apply_payment(session, payment, policy.calendar)
    kept = sum(1 for p in applied.promises if p.status == PromiseStatus.KEPT)
    recorded = RecordedPayment(
        customer.id,
        customer.name,
        amount,
        currency,
        paid_on,
        applied.credit,
        kept,
        len(applied.promises),
        verified=tuple(applied.verified),
    )
    return recorded, keys.receipt("payment", payment.id, form.source_key)
