"""The closed vocabularies of the data: stored as their lowercase values."""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    COLLECTOR = "collector"
    SUPERVISOR = "supervisor"
    ADMIN = "admin"


class Rank(StrEnum):
    A = "A"
    B = "B"
    C = "C"


class AttemptOutcome(StrEnum):
    ANSWERED = "answered"
    NO_ANSWER = "no_answer"
    MESSAGE_LEFT = "message_left"
    WRONG_NUMBER = "wrong_number"
    THIRD_PARTY = "third_party"


class ExcuseCategory(StrEnum):
    FORGOT = "forgot"
    CANNOT_PAY = "cannot_pay"
    INVOICE_NOT_RECEIVED = "invoice_not_received"
    PERSON_AWAY = "person_away"
    IN_APPROVAL = "in_approval"
    CHEQUE_SENT = "cheque_sent"
    ALREADY_PAID = "already_paid"
    DISPUTE = "dispute"
    REFUSES = "refuses"
    OTHER = "other"


class PaymentMethod(StrEnum):
    TRANSFER = "transfer"
    DEPOSIT = "deposit"
    CHEQUE = "cheque"
    CARD = "card"
    CASH = "cash"


class PromiseStatus(StrEnum):
    PENDING = "pending"
    KEPT = "kept"
    PARTIAL = "partial"
    BROKEN = "broken"
    CANCELLED = "cancelled"  # taken back by a correction of the call that recorded it


class TaskKind(StrEnum):
    CALL = "call"
    VERIFY_PAYMENT = "verify_payment"
    SEND_INVOICE = "send_invoice"
    PAYMENT_PLAN = "payment_plan"
    RESOLVE_DISPUTE = "resolve_dispute"
    ESCALATE = "escalate"
    OTHER = "other"


class TaskStatus(StrEnum):
    OPEN = "open"
    DONE = "done"
    CANCELLED = "cancelled"


class OutboxStatus(StrEnum):
    PENDING = "pending"
    SENT = "sent"
    FAILED = "failed"


class JobRunStatus(StrEnum):
    RUNNING = "running"
    DONE = "done"
    FAILED = "failed"
